import {
  type AnalyzedRevision,
  type Analyzer,
  type ClassifiedOperation,
  type FindingDraft,
  tableKey,
} from "../src/domain/index.js";
import { describeOperation, q } from "./support.js";

function tableOf(op: ClassifiedOperation): string | undefined {
  return op.table === undefined ? undefined : tableKey(op.table);
}

interface Touch {
  readonly rev: AnalyzedRevision;
  readonly op: ClassifiedOperation;
}

export const contractSameRelease: Analyzer = {
  meta: {
    name: "contract-same-release",
    group: "phases",
    defaultSeverity: "error",
    summary: "A table is contracted in the same release that expands or backfills it.",
    rationale:
      "The contract step is only safe once every instance runs code that no longer needs what it removes, which is " +
      "after the release that introduced the replacement is fully deployed. Shipped together, the old instances " +
      "still running during the rollout lose the column or table they read, or fail the new constraint.",
    safeAlternative:
      "Ship the expand and backfill revisions in this release, and the contract revision in a later release, once " +
      "no instance of the previous code is left.",
  },
  check(input) {
    if (!input.reviewingRelease) return [];
    const findings: FindingDraft[] = [];
    for (const history of input.histories) {
      const release = history.revisions.filter((rev) => rev.underReview);
      // A table the release itself creates was never seen by old code: contracting it harms nobody.
      const createdInRelease = new Set(release.flatMap((rev) => [...rev.newTables]));
      const touches = new Map<string, Touch[]>();
      for (const rev of release) {
        for (const op of rev.operations) {
          const table = tableOf(op);
          if (table === undefined || (op.phase !== "expand" && op.phase !== "backfill")) continue;
          touches.set(table, [...(touches.get(table) ?? []), { rev, op }]);
        }
      }
      for (const rev of release) {
        for (const op of rev.operations) {
          const table = tableOf(op);
          if (op.phase !== "contract" || table === undefined || createdInRelease.has(table)) continue;
          const others = (touches.get(table) ?? []).filter((touch) => touch.rev !== rev);
          if (others.length === 0) continue;
          const byRevision = new Map<AnalyzedRevision, ClassifiedOperation[]>();
          for (const touch of others) byRevision.set(touch.rev, [...(byRevision.get(touch.rev) ?? []), touch.op]);
          const described = [...byRevision].map(([other, ops]) => {
            const shown = ops.slice(0, 2).map((touch) => `${touch.phase} ${describeOperation(touch)}`);
            const rest = ops.length > 2 ? ` and ${ops.length - 2} more` : "";
            return `${q(other.revision.id)} (${shown.join(", ")}${rest})`;
          });
          const named = described.slice(0, 3).join(", ");
          const more =
            described.length > 3
              ? ` and ${described.length - 3} more revision${described.length === 4 ? "" : "s"}`
              : "";
          findings.push({
            span: op.span,
            revision: rev.revision.id,
            message:
              `${describeOperation(op)} contracts table ${q(op.table as string)} in the same release as ${named}${more}: ` +
              "ship the contract in a later release",
          });
        }
      }
    }
    return findings;
  },
};
