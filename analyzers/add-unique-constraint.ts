import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { constraintsOnExistingTables, inAutocommitBlock } from "./pg-support.js";
import { sqlName, sqlTable } from "./sql-names.js";
import { py, q, schemaKw, tableName } from "./support.js";

export const addUniqueConstraint: Analyzer = {
  meta: {
    name: "add-unique-constraint",
    group: "locks",
    defaultSeverity: "error",
    summary: "A UNIQUE constraint is added to an existing PostgreSQL table without an index built concurrently.",
    rationale:
      "ADD CONSTRAINT ... UNIQUE builds its unique index inside the ALTER TABLE, holding an ACCESS EXCLUSIVE lock for " +
      "the whole build: nothing can read or write the table until every row has been read and sorted.",
    safeAlternative:
      "Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY in an autocommit_block(), then attach it with " +
      "ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX, which only renames it and holds its lock for an instant.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev, index } of constraintsOnExistingTables(input, "unique")) {
      if (op.usingIndex !== undefined && (index === undefined || index.concurrently || index.onNewTable)) continue;
      const name = op.name ?? `uq_${op.table}_${op.columns.join("_")}`;
      const columns = `[${op.columns.map(py).join(", ")}]`;
      const build = `op.create_index(${py(name)}, ${py(op.table)}, ${columns}, unique=True, postgresql_concurrently=True${schemaKw(op)})`;
      const message =
        op.usingIndex !== undefined
          ? `UNIQUE constraint ${q(name)} on existing table ${tableName(op)} uses index ${q(op.usingIndex)}, which ` +
            "was built without CONCURRENTLY: that build locked out writes to the table for its whole duration"
          : `UNIQUE constraint ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)}: ` +
            "PostgreSQL builds its unique index inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can " +
            "read or write the table until the build is done";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint:
          `Build the index first, ${inAutocommitBlock(build)}; then attach it: ` +
          `op.execute(${py(`ALTER TABLE ${sqlTable(op)} ADD CONSTRAINT ${sqlName(name)} UNIQUE USING INDEX ${sqlName(name)}`)}).`,
      });
    }
    return findings;
  },
};
