import type { ReportInput } from "./report-model.js";

/**
 * One line for a run that judged a whole history (no start-after, release-after or --since) and found problems in
 * revisions that later revisions build on: those most likely ran in production long ago and cannot change, and
 * `migragate init` makes them a baseline. Undefined when there is nothing to say.
 */
export function baselineHint(input: ReportInput): string | undefined {
  if (input.wholeHistory !== true) return undefined;
  const older = new Set<string>();
  for (const history of input.result.histories) {
    const heads = new Set(history.heads);
    for (const analyzed of history.revisions) {
      if (!heads.has(analyzed.revision.id)) older.add(analyzed.revision.file);
    }
  }
  const files = new Set(input.result.findings.map((finding) => finding.span.file).filter((file) => older.has(file)));
  if (files.size === 0) return undefined;
  const revisions = files.size === 1 ? "1 revision" : `${files.size} revisions`;
  return (
    `Findings in ${revisions} that later ones build on: if they already ran in production, ` +
    "`migragate init` makes the existing history a baseline and only new revisions are judged"
  );
}
