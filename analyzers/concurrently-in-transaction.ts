import type { Analyzer, ClassifiedOperation, FindingDraft } from "../src/domain/index.js";
import { transactionWhy } from "./pg-support.js";
import { allOperations } from "./support.js";

/** The statement an operation runs CONCURRENTLY, when PostgreSQL refuses to run it inside a transaction block. */
function concurrentStatement(op: ClassifiedOperation): string | undefined {
  switch (op.kind) {
    case "create-index":
      return op.concurrently ? "CREATE INDEX CONCURRENTLY" : undefined;
    case "drop-index":
      return op.concurrently ? "DROP INDEX CONCURRENTLY" : undefined;
    case "maintenance":
      // REFRESH MATERIALIZED VIEW CONCURRENTLY is allowed inside a transaction block; REINDEX CONCURRENTLY is not.
      return op.concurrently && op.command === "reindex" ? "REINDEX CONCURRENTLY" : undefined;
    case "alter-table-other":
      return op.concurrently ? "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY" : undefined;
    default:
      return undefined;
  }
}

export const concurrentlyInTransaction: Analyzer = {
  meta: {
    name: "concurrently-in-transaction",
    group: "locks",
    defaultSeverity: "error",
    summary: "A CONCURRENTLY statement would run inside the migration's transaction.",
    rationale:
      "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY commit several " +
      'transactions of their own, so PostgreSQL refuses them inside a transaction block ("cannot run inside a ' +
      "transaction block\"). Alembic runs every revision's upgrade inside a transaction, so the deploy stops there.",
    safeAlternative:
      "Run the statement inside `with op.get_context().autocommit_block():`, which commits the transaction before it " +
      "and runs its body in autocommit mode.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of input.shared(allOperations)) {
      if (op.dialect !== "postgresql" || !op.transaction?.inTransaction) continue;
      const statement = concurrentStatement(op);
      if (statement === undefined) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `${statement} cannot run inside a transaction block, and this one runs inside the migration's transaction ` +
          `(${transactionWhy(op)}): PostgreSQL rejects it and the upgrade stops there`,
        hint:
          "Put it in its own `with op.get_context().autocommit_block():` block (and only it: a multi-statement " +
          "op.execute string is itself one implicit transaction).",
      });
    }
    return findings;
  },
};
