import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { q, revisionStart } from "./support.js";

export const duplicateRevision: Analyzer = {
  meta: {
    name: "duplicate-revision",
    group: "graph",
    defaultSeverity: "error",
    summary: "Two revision files declare the same revision id.",
    rationale:
      "Alembic keys its revision map by id: the file read last replaces the other with only a warning, so one of " +
      "the two migrations never runs, and which one depends on file order. Usually a copied file whose revision id " +
      "was not regenerated.",
    safeAlternative:
      "Give the copy a fresh id (any unique hex string; `alembic revision` generates one) and re-point any " +
      "down_revision that meant it.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const [id, revisions] of input.duplicateRevisions) {
      const first = revisions[0];
      if (!first) continue;
      for (const extra of revisions.slice(1)) {
        findings.push({
          span: revisionStart(extra),
          revision: id,
          message: `revision id ${q(id)} is also declared by ${first.file}`,
          hint: `Give ${extra.file} a new revision id and update every down_revision that should point at it.`,
        });
      }
    }
    return findings;
  },
};
