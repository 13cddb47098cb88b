import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { postgresOperations } from "./pg-support.js";

/** Savepoints nest inside Alembic's transaction and leave it open: harmless there, rejected outside one. */
const SAVEPOINT_STATEMENTS = new Set(["savepoint", "release", "rollback-to-savepoint"]);

const EFFECT: Record<string, string> = {
  begin:
    "BEGIN inside Alembic's transaction only draws a warning, and in an autocommit_block() it opens a transaction " +
    "Alembic does not know about",
  commit:
    "COMMIT ends the transaction Alembic opened: what ran before it stays applied even if the revision fails later, " +
    "and the rest of the revision, the version-table update included, no longer runs in a transaction",
  rollback:
    "ROLLBACK ends the transaction Alembic opened and silently undoes what ran before it, while Alembic still " +
    "records the revision as applied",
  other: "a transaction-control statement in a revision competes with the transaction Alembic opened",
};

export const transactionControlInMigration: Analyzer = {
  meta: {
    name: "transaction-control-in-migration",
    defaultSeverity: "error",
    summary: "A revision runs BEGIN, COMMIT, ROLLBACK or END itself.",
    rationale:
      "Alembic owns the transaction around a revision (and the alembic_version update inside it). A raw COMMIT or " +
      "ROLLBACK ends that transaction behind Alembic's back: a failing revision is left half applied, or work is " +
      "undone while the revision is recorded as done.",
    safeAlternative:
      "Use `with op.get_context().autocommit_block():` for statements that must run outside a transaction, and " +
      "transaction_per_migration=True in env.py for shorter transactions.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of postgresOperations(input, "transaction-control")) {
      // A plain SQL file owns its transactions: BEGIN/COMMIT there is how statements are grouped, not a conflict.
      if (rev.revision.format === "sql") continue;
      if (SAVEPOINT_STATEMENTS.has(op.statement)) {
        if (op.transaction?.inTransaction !== false) continue;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            "a SAVEPOINT statement runs inside `autocommit_block()`, outside any transaction: PostgreSQL rejects it " +
            '("SAVEPOINT can only be used in transaction blocks")',
          hint: "Move the savepoint out of the autocommit_block(), where Alembic's transaction holds it.",
        });
        continue;
      }
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `raw \`${op.text}\` in a revision: ${EFFECT[op.statement] ?? EFFECT.other}`,
        hint:
          "Remove it. For statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM...), use " +
          "`with op.get_context().autocommit_block():`.",
      });
    }
    return findings;
  },
};
