import type { Analyzer, ColumnSpec, FindingDraft } from "../src/domain/index.js";
import { onExistingTable, postgresOperations } from "./pg-support.js";
import { q, tableName } from "./support.js";

function whatItIs(column: ColumnSpec): string {
  if (column.generated === "stored") return "a stored generated column";
  if (column.generated === "identity") return "an IDENTITY column";
  return column.implicitSerial
    ? `an autoincrementing ${column.type ?? "integer"} primary key, which SQLAlchemy renders as ${column.type === "bigint" ? "BIGSERIAL" : column.type === "smallint" ? "SMALLSERIAL" : "SERIAL"}`
    : "a serial column";
}

export const addColumnSerial: Analyzer = {
  meta: {
    name: "add-column-serial",
    group: "locks",
    defaultSeverity: "error",
    summary: "A serial, identity or stored generated column is added to an existing PostgreSQL table.",
    rationale:
      "PostgreSQL has to compute a value for every existing row (the next sequence value, or the generation " +
      "expression), so it rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock.",
    safeAlternative:
      "Add a plain nullable column, give it a default for new rows (a sequence's nextval, or have the application or " +
      "a trigger fill it), backfill existing rows in batches, and tighten it in a contract revision.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      const column = op.column;
      if (column.generated === undefined || !onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `column ${q(column.name)} is added to existing table ${tableName(op)} as ${whatItIs(column)}: PostgreSQL ` +
          "computes a value for every existing row and rewrites the whole table" +
          (column.primaryKey && op.origin === "sql" ? ", then builds its primary key index," : "") +
          " under an ACCESS EXCLUSIVE lock",
        hint:
          column.generated === "stored"
            ? "Add a plain nullable column instead, fill it from the application or a trigger for new rows, and " +
              "backfill existing rows in batches in a later revision."
            : `Add a plain nullable bigint column, then op.execute("CREATE SEQUENCE ...") and op.alter_column(..., ` +
              `server_default=sa.text("nextval('...')")) for new rows (no rewrite); backfill existing rows in batches ` +
              "in a later revision.",
      });
    }
    return findings;
  },
};
