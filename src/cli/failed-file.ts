import type { SkippedFile } from "../adapters/report/report-model.js";

/** A file migragate failed on: named in the report, and the run cannot vouch for it. */
export function failedFile(file: string, reason: string): { readonly skipped: SkippedFile } {
  return { skipped: { file, reason: `migragate failed to analyse this file: ${reason}`, failed: true } };
}
