import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { inAutocommitBlock, onExistingTable, postgresOperations } from "./pg-support.js";
import { sqlName, sqlTable } from "./sql-names.js";
import { py, q, schemaKw, tableName } from "./support.js";

export const createIndexNotConcurrently: Analyzer = {
  meta: {
    name: "create-index-not-concurrently",
    group: "locks",
    defaultSeverity: "error",
    summary: "An index is built on an existing PostgreSQL table without CONCURRENTLY.",
    rationale:
      "CREATE INDEX holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE waits until " +
      "every row has been read and sorted, minutes on a large table, and the application's writes queue up behind it.",
    safeAlternative:
      "Build it with CONCURRENTLY (postgresql_concurrently=True) inside `with op.get_context().autocommit_block():`, " +
      "which lets writes continue while the index is built.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of postgresOperations(input, "create-index")) {
      if (op.concurrently || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name === undefined ? "an index" : `index ${q(op.name)}`;
      const call =
        op.origin === "op"
          ? `op.create_index(${py(op.name ?? "ix_...")}, ${py(op.table)}, [${op.columns.map(py).join(", ")}]${op.unique ? ", unique=True" : ""}, postgresql_concurrently=True${schemaKw(op)})`
          : `op.execute(${py(`CREATE ${op.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY ${op.name === undefined ? "..." : sqlName(op.name)} ON ${sqlTable(op)} (...)`)})`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `${name} is built on existing table ${tableName(op)} without CONCURRENTLY: CREATE INDEX holds a SHARE lock ` +
          "for the whole build, so every INSERT, UPDATE and DELETE on the table waits until it finishes",
        hint: `Build it concurrently, outside the migration's transaction: ${inAutocommitBlock(call)}.`,
      });
    }
    return findings;
  },
};
