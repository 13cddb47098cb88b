import { declaredRevision } from "../adapters/python/declared-revision.js";
import type { SkippedFile } from "../adapters/report/report-model.js";

/**
 * A file migragate failed on: named in the report, and the run cannot vouch for it. From its `text`, the revision id
 * and branch labels it declares are kept, so that the revisions naming it are not judged to point at nothing.
 */
export function failedFile(file: string, reason: string, text?: string): { readonly skipped: SkippedFile } {
  const declares = text === undefined ? undefined : declaredRevision(text);
  return {
    skipped: {
      file,
      reason: `migragate failed to analyse this file: ${reason}`,
      failed: true,
      ...(declares === undefined ? {} : { declares }),
    },
  };
}
