import type { Finding } from "../domain/index.js";

function groupKey(finding: Finding): string {
  return `${finding.rule}\u0000${finding.span.file}\u0000${finding.revision ?? ""}`;
}

/** What a reader sees of one place: a helper called from several places puts its operation at one line each time. */
function placeKey(finding: Finding): string {
  const { line, column, endLine, endColumn } = finding.span;
  return `${line}:${column}:${endLine}:${endColumn}\u0000${finding.message}\u0000${finding.hint ?? ""}`;
}

/**
 * One finding per problem: the findings of one rule in one revision (one change repeated over many tables, say a
 * generated revision that indexes 90 tables) become the first of them, which keeps its place and carries the other
 * places, each with its own message. Runs after suppressions, so each place can still be accepted on its own line.
 * A place already in its group (the same span, message and hint) is not repeated. The findings of the rules in
 * `ungrouped` stay apart: each is its own claim.
 */
export function groupFindings(findings: readonly Finding[], ungrouped: ReadonlySet<string> = new Set()): Finding[] {
  // In the order of each group's first finding; a finding of an ungrouped rule is a group of its own.
  const ordered: Finding[][] = [];
  const groups = new Map<string, { readonly findings: Finding[]; readonly places: Set<string> }>();
  for (const finding of findings) {
    const key = ungrouped.has(finding.rule) ? undefined : groupKey(finding);
    const group = key === undefined ? undefined : groups.get(key);
    if (group) {
      const place = placeKey(finding);
      if (group.places.has(place)) continue;
      group.places.add(place);
      group.findings.push(finding);
      continue;
    }
    const fresh = [finding];
    ordered.push(fresh);
    if (key !== undefined) groups.set(key, { findings: fresh, places: new Set([placeKey(finding)]) });
  }
  return ordered.map(([first, ...rest]) =>
    rest.length === 0 || first === undefined
      ? (first as Finding)
      : {
          ...first,
          related: rest.map((finding) => ({ span: finding.span, message: finding.message, hint: finding.hint })),
        },
  );
}
