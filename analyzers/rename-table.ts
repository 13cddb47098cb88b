import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { lockNote, operationsOfKind, py, q, tableName } from "./support.js";

export const renameTable: Analyzer = {
  meta: {
    name: "rename-table",
    group: "phases",
    defaultSeverity: "error",
    summary: "An existing table is renamed.",
    rationale:
      "The rename itself is instant, but every query of the release still running names the old table and fails " +
      "(PostgreSQL: relation does not exist) from the moment the migration commits until the new code runs everywhere.",
    safeAlternative:
      "Rename the table and, in the same revision, create a view with the old name (a simple view is updatable on " +
      "PostgreSQL), so both releases work; drop the view in a later contract revision. Or create the new table, write " +
      "both, backfill, switch reads and drop the old one later.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of operationsOfKind(input, "rename-table")) {
      // The classification makes changes to a table created by the same revision neutral or expand.
      if (op.phase !== "contract") continue;
      const view = op.schema ? `${op.schema}.${op.table}` : op.table;
      const target = op.schema ? `${op.schema}.${op.newName}` : op.newName;
      const lock = lockNote(op);
      const message =
        `table ${tableName(op)} is renamed to ${q(op.newName)}: ` +
        `code still querying ${q(op.table)} fails until every instance runs the new release` +
        (lock ? `; ${lock} for an instant` : "");
      if (op.dialect === "sqlite") {
        findings.push({ span: op.span, revision: rev.revision.id, message });
        continue;
      }
      const createView = `CREATE OR REPLACE VIEW ${view} AS SELECT * FROM ${target}`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint:
          `Keep the old name working: after the rename, op.execute(${py(createView)}) in the same revision, and ` +
          `op.execute(${py(`DROP VIEW IF EXISTS ${view}`)}) in a later revision once no code uses ${q(op.table)}.`,
      });
    }
    return findings;
  },
};
