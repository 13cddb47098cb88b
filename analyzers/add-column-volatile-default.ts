import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { hasNonNullDefault, onExistingTable, postgresOperations, volatileFunction } from "./pg-support.js";
import { py, q, schemaKw, tableName } from "./support.js";

export const addColumnVolatileDefault: Analyzer = {
  meta: {
    name: "add-column-volatile-default",
    group: "locks",
    defaultSeverity: "error",
    summary: "A column is added to an existing PostgreSQL table with a default that rewrites the table.",
    rationale:
      "A volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()...) has to be computed for every " +
      "existing row, so PostgreSQL rewrites the whole table, and its indexes, under an ACCESS EXCLUSIVE lock. Before " +
      "PostgreSQL 11 every default did. now() and other stable or constant defaults are stored once in the catalog.",
    safeAlternative:
      "Add the column without the default, set the default afterwards with alter_column(server_default=...) (new " +
      "rows only, no rewrite), and backfill existing rows in batches in a later revision.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const version = input.options.postgresVersion;
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      const column = op.column;
      if (column.generated !== undefined || !onExistingTable(rev, op.table)) continue;
      const volatile = volatileFunction(column, op.origin);
      const beforeEleven = version < 11 && hasNonNullDefault(column);
      if (volatile === undefined && !beforeEleven) continue;
      const why =
        volatile !== undefined
          ? `the volatile default ${volatile} is computed for every existing row`
          : `before PostgreSQL 11 (configured: ${version}) every default is written into every existing row`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `column ${q(column.name)} is added to existing table ${tableName(op)} with server default ` +
          `${column.serverDefault}: ${why}, so PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock`,
        hint:
          `Add it without a default: op.add_column(${py(op.table)}, sa.Column(${py(column.name)}, ..., ` +
          `nullable=True)${schemaKw(op)}); then op.alter_column(${py(op.table)}, ${py(column.name)}, ` +
          `server_default=...${schemaKw(op)}) applies the default to new rows only; backfill the existing rows in ` +
          "batches in a later revision.",
      });
    }
    return findings;
  },
};
