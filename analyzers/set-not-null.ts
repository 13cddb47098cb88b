import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { lockNote, operationsOfKind, py, q, schemaKw, tableName } from "./support.js";

/** PostgreSQL 12 lets SET NOT NULL skip its scan when a validated CHECK (col IS NOT NULL) proves it. */
const CHECK_SKIPS_SCAN_SINCE = 12;

export const setNotNull: Analyzer = {
  meta: {
    name: "set-not-null",
    defaultSeverity: "warning",
    summary: "An existing column is made NOT NULL.",
    rationale:
      "PostgreSQL checks every existing row with a full table scan while it holds an ACCESS EXCLUSIVE lock, so all " +
      "reads and writes on the table wait for the scan; MySQL rebuilds the table. It also fails if any row is still " +
      "NULL, and the release still running breaks if it inserts rows without the column.",
    safeAlternative:
      "On PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a separate revision (no blocking " +
      "lock), then SET NOT NULL, which uses the validated constraint instead of scanning, and drop the CHECK.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of operationsOfKind(input, "set-not-null")) {
      // The classification knows new tables, columns added by the same revision and columns already NOT NULL.
      if (op.phase !== "contract") continue;
      const base =
        `column ${q(op.column)} of existing table ${tableName(op)} is set NOT NULL: every row is checked while ` +
        "the table is locked against reads and writes";
      const lock = lockNote(op);
      if (op.dialect !== "postgresql" || !lock) {
        findings.push({ span: op.span, revision: rev.revision.id, message: base });
        continue;
      }
      const version = input.options.postgresVersion;
      const message =
        version >= CHECK_SKIPS_SCAN_SINCE
          ? `${base} (${lock}, unless a validated CHECK (${op.column} IS NOT NULL) already proves it)`
          : `${base} (${lock}; PostgreSQL ${version} scans even when a CHECK proves it)`;
      const table = op.schema ? `${op.schema}.${op.table}` : op.table;
      const check = `${op.table}_${op.column}_not_null`;
      const addCheck = `op.execute(${py(`ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${op.column} IS NOT NULL) NOT VALID`)})`;
      const validate = `op.execute(${py(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${check}`)})`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint:
          version >= CHECK_SKIPS_SCAN_SINCE
            ? `${addCheck}; in a later revision ${validate} (SHARE UPDATE EXCLUSIVE: reads and writes go on), then ` +
              `op.alter_column(${py(op.table)}, ${py(op.column)}, nullable=False${schemaKw(op)}), which skips the ` +
              `scan, and op.drop_constraint(${py(check)}, ${py(op.table)}, type_="check"${schemaKw(op)}).`
            : `${addCheck}; in a later revision ${validate} (SHARE UPDATE EXCLUSIVE: reads and writes go on), and ` +
              `keep the CHECK instead of NOT NULL: before PostgreSQL 12, SET NOT NULL scans the table anyway.`,
      });
    }
    return findings;
  },
};
