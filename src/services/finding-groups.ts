import type { Finding } from "../domain/index.js";

function groupKey(finding: Finding): string {
  return `${finding.rule}\u0000${finding.span.file}\u0000${finding.revision ?? ""}\u0000${finding.variant ?? ""}`;
}

/** Where a finding stands: a helper called from several places puts its operation at the same span each time. */
function spanKey(finding: Finding): string {
  const { line, column, endLine, endColumn } = finding.span;
  return `${line}:${column}:${endLine}:${endColumn}`;
}

/** A place as a reader sees it: its message and hint. */
function placeText(finding: Finding): string {
  return `${finding.message}\u0000${finding.hint ?? ""}`;
}

/**
 * The findings of one group, by span: a place already there (same span, message and hint) is not added again. The
 * first finding of a span is kept as it is; only a span shared by several holds the set of its texts, so a group of
 * thousands at one span stays linear.
 */
class GroupPlaces {
  readonly findings: Finding[];
  private readonly bySpan = new Map<string, Finding | Set<string>>();

  constructor(first: Finding) {
    this.findings = [first];
    this.bySpan.set(spanKey(first), first);
  }

  add(finding: Finding): void {
    const key = spanKey(finding);
    const seen = this.bySpan.get(key);
    if (seen !== undefined) {
      const texts = seen instanceof Set ? seen : new Set([placeText(seen)]);
      const text = placeText(finding);
      if (texts.has(text)) return;
      texts.add(text);
      if (texts !== seen) this.bySpan.set(key, texts);
    } else this.bySpan.set(key, finding);
    this.findings.push(finding);
  }
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
  const groups = new Map<string, GroupPlaces>();
  for (const finding of findings) {
    const key = ungrouped.has(finding.rule) ? undefined : groupKey(finding);
    const group = key === undefined ? undefined : groups.get(key);
    if (group) {
      group.add(finding);
      continue;
    }
    if (key === undefined) {
      ordered.push([finding]);
      continue;
    }
    const fresh = new GroupPlaces(finding);
    ordered.push(fresh.findings);
    groups.set(key, fresh);
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
