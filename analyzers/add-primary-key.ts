import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { constraintsOnExistingTables, inAutocommitBlock, onExistingTable, postgresOperations } from "./pg-support.js";
import { sqlName, sqlTable } from "./sql-names.js";
import { py, q, schemaKw, tableName } from "./support.js";

export const addPrimaryKey: Analyzer = {
  meta: {
    name: "add-primary-key",
    group: "locks",
    defaultSeverity: "error",
    summary: "A primary key is added to an existing PostgreSQL table without an index built concurrently.",
    rationale:
      "ADD PRIMARY KEY builds its unique index inside the ALTER TABLE, holding an ACCESS EXCLUSIVE lock for the whole " +
      "build (and scans the table for NULLs if a key column is nullable): nothing can read or write the table until " +
      "it is done.",
    safeAlternative:
      "Make the key columns NOT NULL without a long lock (a validated CHECK (col IS NOT NULL) first), build a unique " +
      "index with CREATE UNIQUE INDEX CONCURRENTLY in an autocommit_block(), then ADD CONSTRAINT ... PRIMARY KEY " +
      "USING INDEX.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev, index } of constraintsOnExistingTables(input, "primary-key")) {
      if (op.usingIndex !== undefined && (index === undefined || index.concurrently || index.onNewTable)) continue;
      const name = op.name ?? `${op.table}_pkey`;
      const columns = `[${op.columns.map(py).join(", ")}]`;
      const build = `op.create_index(${py(name)}, ${py(op.table)}, ${columns}, unique=True, postgresql_concurrently=True${schemaKw(op)})`;
      const message =
        op.usingIndex !== undefined
          ? `primary key ${q(name)} of existing table ${tableName(op)} uses index ${q(op.usingIndex)}, which was ` +
            "built without CONCURRENTLY: that build locked out writes to the table for its whole duration"
          : `primary key ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)}: PostgreSQL ` +
            "builds its unique index inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or " +
            "write the table until the build is done";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint:
          `Build the index first, ${inAutocommitBlock(build)}; then, with the key columns already NOT NULL, attach ` +
          `it: op.execute(${py(`ALTER TABLE ${sqlTable(op)} ADD CONSTRAINT ${sqlName(name)} PRIMARY KEY USING INDEX ${sqlName(name)}`)}).`,
      });
    }
    // Alembic's add_column renders no PRIMARY KEY for primary_key=True; raw SQL's inline PRIMARY KEY builds the index.
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      // A serial or identity key is add-column-serial's finding: the fill and the index build are one statement.
      if (op.origin !== "sql" || !op.column.primaryKey || op.column.generated !== undefined) continue;
      if (!onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `column ${q(op.column.name)} is added to existing table ${tableName(op)} as its PRIMARY KEY: PostgreSQL ` +
          "fills and indexes every row inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or " +
          "write the table until it is done",
        hint:
          "Add the column on its own, fill it in batches, build a unique index CONCURRENTLY in an autocommit_block(), " +
          "then ADD CONSTRAINT ... PRIMARY KEY USING INDEX.",
      });
    }
    return findings;
  },
};
