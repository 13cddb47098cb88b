import type { Finding } from "../domain/index.js";

function groupKey(finding: Finding): string {
  return `${finding.rule}\u0000${finding.span.file}\u0000${finding.revision ?? ""}`;
}

/**
 * One finding per problem: the findings of one rule in one revision (one change repeated over many tables, say a
 * generated revision that indexes 90 tables) become the first of them, which keeps its place and carries the other
 * places, each with its own message. Runs after suppressions, so each place can still be accepted on its own line.
 */
export function groupFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = groupKey(finding);
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
