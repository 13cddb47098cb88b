import type { Finding } from "../domain/index.js";

function groupKey(finding: Finding, index: number, ungrouped: ReadonlySet<string>): string {
  const own = ungrouped.has(finding.rule) ? `\u0000${index}` : "";
  return `${finding.rule}\u0000${finding.span.file}\u0000${finding.revision ?? ""}${own}`;
}

/**
 * One finding per problem: the findings of one rule in one revision (one change repeated over many tables, say a
 * generated revision that indexes 90 tables) become the first of them, which keeps its place and carries the other
 * places, each with its own message. Runs after suppressions, so each place can still be accepted on its own line.
 * The findings of the rules in `ungrouped` stay apart: each is its own claim.
 */
export function groupFindings(findings: readonly Finding[], ungrouped: ReadonlySet<string> = new Set()): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const [index, finding] of findings.entries()) {
    const key = groupKey(finding, index, ungrouped);
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const grouped: Finding[] = [];
  for (const [first, ...rest] of groups.values()) {
    if (!first) continue;
    grouped.push(
      rest.length === 0
        ? first
        : {
            ...first,
            related: rest.map((finding) => ({ span: finding.span, message: finding.message, hint: finding.hint })),
          },
    );
  }
  return grouped;
}
