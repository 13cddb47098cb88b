import { type Analyzer, type FindingDraft, tableKey } from "../src/domain/index.js";
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
      // Tables the revision creates, by key, with the position of the (last) create: a drop before one is a rebuild.
      const createdAt = new Map<string, number>();
      rev.operations.forEach((op, index) => {
        if (op.kind === "create-table") createdAt.set(tableKey(op.table), index);
      });
      rev.operations.forEach((op, index) => {
        // A table this revision created itself is neutral to drop: no running code ever saw it.
        if (op.kind !== "drop-table" || op.phase !== "contract") return;
        // A revision the project declares contract is where it schedules drops already.
        if (rev.declaredPhase?.phase === "contract") return;
        const lock = lockNote(op);
        const rebuilt = (createdAt.get(tableKey(op.table)) ?? -1) > index;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: rebuilt
            ? `table ${tableName(op)} is dropped and created again in this revision: running code finds it again, ` +
              `but every row it held is lost${lock ? `; ${lock}, waiting for every query that uses it` : ""}`
            : `table ${tableName(op)} is dropped: any running code that still uses it fails, and its rows are lost` +
              (lock ? `; ${lock}, waiting for every query that uses it` : ""),
          hint: rebuilt
            ? `Keep the table and change it in place (op.alter_column, op.create_unique_constraint ...), or copy its ` +
              `rows into the new table before the old one is dropped.`
            : `Make sure the release deployed before this revision no longer references ${q(op.table)}, and keep this drop in a contract-only revision.`,
        });
      });
    }
    return findings;
  },
};
