import { type AnalyzedRevision, type Finding, SEVERITIES, type Severity } from "../../domain/index.js";
import type { ReportInput } from "./report-model.js";

/** Facts several reporters state the same way. */

export function allRevisions(input: ReportInput): AnalyzedRevision[] {
  return input.result.histories.flatMap((history) => history.revisions);
}

/** The analysed revision each file holds, to put a finding under the revision it belongs to. */
export function revisionsByFile(input: ReportInput): Map<string, AnalyzedRevision> {
  const byFile = new Map<string, AnalyzedRevision>();
  for (const revision of allRevisions(input)) {
    if (!byFile.has(revision.revision.file)) byFile.set(revision.revision.file, revision);
  }
  return byFile;
}

/** Findings by file, files and findings in report order. */
export function findingsByFile<F extends Finding>(findings: readonly F[]): Map<string, F[]> {
  const byFile = new Map<string, F[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.span.file);
    if (group) group.push(finding);
    else byFile.set(finding.span.file, [finding]);
  }
  return byFile;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
