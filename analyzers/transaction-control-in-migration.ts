import type { AnalyzedRevision, Analyzer, ClassifiedOperation, FindingDraft } from "../src/domain/index.js";
import { postgresOperations } from "./pg-support.js";
import { analyzedRevisions } from "./support.js";

const ENDS: ReadonlySet<string> = new Set(["commit", "rollback"]);

/** Savepoints nest inside Alembic's transaction and leave it open: harmless there, rejected outside one. */
const SAVEPOINT_STATEMENTS = new Set(["savepoint", "release", "rollback-to-savepoint"]);

const EFFECT: ReadonlyMap<string, string> = new Map(
  Object.entries({
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
  }),
);

/**
 * A plain SQL file owns its transactions (BEGIN ... COMMIT is how it groups statements), so only a file whose own
 * BEGIN/COMMIT pairs do not match is reported: a BEGIN inside an open one, a BEGIN never closed, a COMMIT or ROLLBACK
 * with nothing open, a savepoint outside a transaction, and a ROLLBACK of the transaction the migration tool commits
 * (assume-in-transaction). What is open where comes from the transaction placement (the file's own BEGIN, or the
 * tool's transaction around the file); a transaction the tool commits after the file is not left open by it.
 */
function sqlFileFindings(rev: AnalyzedRevision): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const report = (op: { span: FindingDraft["span"] }, message: string, hint: string) =>
    findings.push({ span: op.span, revision: rev.revision.id, message, hint });
  // The first operation of each transaction: the file's BEGIN, or the first statement the tool wrapped.
  const opener = new Map<string, ClassifiedOperation>();
  let open: string | undefined;
  for (const op of rev.operations) {
    const key = op.transaction?.inTransaction ? op.transaction.key : undefined;
    if (key !== undefined && !opener.has(key)) opener.set(key, op);
    const control = op.kind === "transaction-control" && op.dialect === "postgresql" ? op : undefined;
    open = control && ENDS.has(control.statement) ? undefined : key;
    if (!control) continue;
    const first = key === undefined ? undefined : opener.get(key);
    if (control.statement === "begin" && first && first !== control) {
      const outer =
        first.kind === "transaction-control"
          ? `the transaction the file's \`${first.text}\` at line ${first.span.line} already opened`
          : "the transaction the migration tool opens around the file (assume-in-transaction)";
      report(
        control,
        `\`${control.text}\` inside ${outer}: PostgreSQL only warns and carries on in the outer transaction, so the ` +
          "first COMMIT ends both",
        "Remove the inner BEGIN, or COMMIT the first transaction before opening the next.",
      );
    } else if (control.statement === "rollback" && control.transaction?.closedByTool) {
      report(
        control,
        `\`${control.text}\` ends the transaction the migration tool runs the file in (assume-in-transaction): it ` +
          "silently undoes every statement before it, and the tool then records the migration as applied",
        "Remove it. To run one statement outside the tool's transaction (CREATE INDEX CONCURRENTLY), write " +
          "`COMMIT;` before it and `BEGIN;` after it; to stop a migration, raise an error instead.",
      );
    } else if (ENDS.has(control.statement) && key === undefined) {
      report(
        control,
        `\`${control.text}\` with no transaction open: the statements before it already ran and committed one by one ` +
          `(a plain SQL file runs each statement on its own), so it ${control.statement === "rollback" ? "undoes nothing" : "groups nothing"} and PostgreSQL only warns`,
        "Open the transaction with BEGIN before the statements it should group, or remove the stray statement.",
      );
    } else if (SAVEPOINT_STATEMENTS.has(control.statement) && key === undefined) {
      report(
        control,
        `\`${control.text}\` runs outside any transaction (a plain SQL file runs each statement on its own until a BEGIN): ` +
          'PostgreSQL rejects it ("can only be used in transaction blocks")',
        "Put it between the file's BEGIN and COMMIT.",
      );
    }
  }
  const unclosed = open === undefined ? undefined : opener.get(open);
  if (unclosed?.kind === "transaction-control" && !unclosed.transaction?.closedByTool) {
    report(
      unclosed,
      `\`${unclosed.text}\` opens a transaction that the file never commits: when the session ends PostgreSQL rolls back ` +
        "everything after it, and a tool that keeps the connection runs the next file inside it",
      "End the file with COMMIT (or ROLLBACK).",
    );
  }
  return findings;
}

export const transactionControlInMigration: Analyzer = {
  meta: {
    name: "transaction-control-in-migration",
    group: "locks",
    defaultSeverity: "error",
    summary:
      "An Alembic revision runs BEGIN, COMMIT, ROLLBACK or END itself, or a plain SQL file's BEGIN and COMMIT do not pair up.",
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
      // A plain SQL file owns its transactions: it is judged whole, below.
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
        message: `raw \`${op.text}\` in a revision: ${EFFECT.get(op.statement) ?? EFFECT.get("other")}`,
        hint:
          "Remove it. For statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM...), use " +
          "`with op.get_context().autocommit_block():`.",
      });
    }
    for (const rev of analyzedRevisions(input)) {
      if (rev.revision.format === "sql") findings.push(...sqlFileFindings(rev));
    }
    return findings;
  },
};
