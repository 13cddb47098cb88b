import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { analyzedRevisions, lockNote, q, tableName } from "./support.js";

export const dropTable: Analyzer = {
  meta: {
    name: "drop-table",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A table is dropped.",
    rationale:
      "Every query of the release still running that touches the table fails from the moment the migration commits, " +
      "and the rows are gone: neither a code rollback nor a downgrade restores them.",
    safeAlternative:
      "First release code that no longer uses the table (model and relationships removed). Drop it in a contract " +
      "revision deployed after every instance runs that code, once a backup or export exists if the data matters.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const rev of analyzedRevisions(input)) {
      for (const op of rev.operations) {
        // A table this revision created itself is neutral to drop: no running code ever saw it.
        if (op.kind !== "drop-table" || op.phase !== "contract") continue;
        // A revision the project declares contract is where it schedules drops already.
        if (rev.declaredPhase?.phase === "contract") continue;
        const lock = lockNote(op);
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            `table ${tableName(op)} is dropped: any running code that still uses it fails, and its rows are lost` +
            (lock ? `; ${lock}, waiting for every query that uses it` : ""),
          hint: `Make sure the release deployed before this revision no longer references ${q(op.table)}, and keep this drop in a contract-only revision.`,
        });
      }
    }
    return findings;
  },
};
