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

/** How a revision touched a table: what the finding shows of it, built once however many contracts name it. */
interface Touch {
  readonly rev: AnalyzedRevision;
  readonly ops: ClassifiedOperation[];
  described?: string;
}

function describeTouch(touch: Touch): string {
  if (touch.described === undefined) {
    const shown = touch.ops.slice(0, 2).map((op) => `${op.phase} ${describeOperation(op)}`);
    const rest = touch.ops.length > 2 ? ` and ${touch.ops.length - 2} more` : "";
    touch.described = `${q(touch.rev.revision.id)} (${shown.join(", ")}${rest})`;
  }
  return touch.described;
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
      // Per table, the revisions that expand or backfill it in release order, each with its operations in order.
      const touches = new Map<string, Map<AnalyzedRevision, Touch>>();
      for (const rev of release) {
        for (const op of rev.operations) {
          const table = tableOf(op);
          if (table === undefined || (op.phase !== "expand" && op.phase !== "backfill")) continue;
          let byRevision = touches.get(table);
          if (byRevision === undefined) {
            byRevision = new Map();
            touches.set(table, byRevision);
          }
          const touch = byRevision.get(rev);
          if (touch === undefined) byRevision.set(rev, { rev, ops: [op] });
          else touch.ops.push(op);
        }
      }
      for (const rev of release) {
        for (const op of rev.operations) {
          const table = tableOf(op);
          if (op.phase !== "contract" || table === undefined || createdInRelease.has(table)) continue;
          const byRevision = touches.get(table);
          if (byRevision === undefined) continue;
          const others = byRevision.size - (byRevision.has(rev) ? 1 : 0);
          if (others === 0) continue;
          // The message names three revisions at most: reading four touches is enough, whatever the table's count.
          const described: string[] = [];
          for (const touch of byRevision.values()) {
            if (described.length === 3) break;
            if (touch.rev !== rev) described.push(describeTouch(touch));
          }
          const named = described.join(", ");
          const more = others > 3 ? ` and ${others - 3} more revision${others === 4 ? "" : "s"}` : "";
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
