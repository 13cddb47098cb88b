import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { modelChange } from "./model-change.js";
import { lockNote, operationsOfKind, py, q, schemaKw, tableName } from "./support.js";

export const renameColumn: Analyzer = {
  meta: {
    name: "rename-column",
    group: "phases",
    defaultSeverity: "error",
    summary: "A column of an existing table is renamed.",
    rationale:
      "The rename is instant, but the release still running (and every other reader: reports, replicas' consumers, " +
      "other services) keeps selecting and writing the old name. SQLAlchemy lists every mapped column in its " +
      "SELECTs, so every query on the model fails from the moment the migration commits until the new code is " +
      "everywhere; a rollback of the code fails the same way.",
    safeAlternative:
      "Expand: add the new column and write both. Backfill the new column from the old one. Switch reads to the new " +
      "column. Contract: drop the old column in a later release.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of operationsOfKind(input, "rename-column")) {
      // The classification knows new tables, columns added by the same revision and columns already NOT NULL.
      if (op.phase !== "contract") continue;
      const lock = lockNote(op);
      // The table was renamed just before: old code fails on that first, but a view that keeps the old table name
      // (what rename-table advises) would still lack the old column.
      const renamed =
        op.tableRenamedFrom === undefined
          ? ""
          : `, and a view that keeps the table's old name ${q(op.tableRenamedFrom)} (renamed earlier in this ` +
            `revision) would not keep ${q(op.column)} either`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `column ${q(op.column)} of table ${tableName(op)} is renamed to ${q(op.newName)}: ` +
          `code still using ${q(op.column)} fails until every instance runs the new release${renamed}` +
          (lock ? `; ${lock} for an instant` : ""),
        hint:
          `Expand with op.add_column(${py(op.table)}, sa.Column(${py(op.newName)}, ...)${schemaKw(op)}) and write ` +
          `both columns, backfill ${q(op.newName)} from ${q(op.column)}, move reads to ${q(op.newName)}, then drop ` +
          `${q(op.column)} in a later revision.` +
          modelChange(
            input,
            rev,
            `map both ${q(`${op.table}.${op.column}`)} and ${q(`${op.table}.${op.newName}`)} in the model until the ` +
              "old one is dropped",
          ),
      });
    }
    return findings;
  },
};
