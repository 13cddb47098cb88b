import { type AnalyzedRevision, type Finding, severityRank } from "../../domain/index.js";
import { revisionsByFile } from "./report-facts.js";
import type { ReportInput } from "./report-model.js";

/** The findings of one revision, or (no revision) those of env.py and the other files outside the history. */
interface FindingGroup {
  readonly revision?: AnalyzedRevision;
  readonly findings: readonly Finding[];
}

/**
 * The findings in the order a reader follows a history: env.py and other files outside it first, then one group per
 * revision in history order (base first, each revision after its down_revision; histories as the analysis ordered
 * them), not file-name order. Within a group errors come first, then warnings, then infos, each in file order.
 */
export function findingGroups(input: ReportInput): FindingGroup[] {
  // A file in two histories is listed once, where it first comes.
  const byFile = revisionsByFile(input);
  const byId = new Map<string, AnalyzedRevision>();
  for (const analyzed of byFile.values()) {
    if (!byId.has(analyzed.revision.id)) byId.set(analyzed.revision.id, analyzed);
  }
  const outside: Finding[] = [];
  const grouped = new Map<AnalyzedRevision, Finding[]>();
  for (const finding of input.result.findings) {
    // The revision the finding is in: by its file, else (a finding in a helper file) by the revision it names.
    const owner =
      byFile.get(finding.span.file) ?? (finding.revision !== undefined ? byId.get(finding.revision) : undefined);
    if (!owner) outside.push(finding);
    else {
      const group = grouped.get(owner);
      if (group) group.push(finding);
      else grouped.set(owner, [finding]);
    }
  }
  const groups: FindingGroup[] = outside.length > 0 ? [{ findings: errorsFirst(outside) }] : [];
  for (const revision of byFile.values()) {
    const findings = grouped.get(revision);
    if (findings) groups.push({ revision, findings: errorsFirst(findings) });
  }
  return groups;
}

/** A stable sort: the analysis's order is kept among findings of one severity. */
function errorsFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}
