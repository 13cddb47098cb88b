import {
  type Analyzer,
  type ClassifiedOperation,
  type FindingDraft,
  firstRunningWith,
  type ObjectType,
} from "../src/domain/index.js";
import { analyzedRevisions, excerpt, q, SCALES_WITH_ROWS } from "./support.js";

const LOCK_FREE_OBJECTS: ReadonlySet<ObjectType> = new Set<ObjectType>([
  "function",
  "type",
  "sequence",
  "schema",
  "extension",
  "role",
]);

export const ddlWithBackfill: Analyzer = {
  meta: {
    name: "ddl-with-backfill",
    group: "phases",
    defaultSeverity: "error",
    summary: "A revision changes the schema and backfills existing rows.",
    rationale:
      "On PostgreSQL Alembic runs a revision in one transaction, so the ACCESS EXCLUSIVE lock taken by most ALTER " +
      "TABLE forms is held until the backfill has touched every row: every query on the table waits for the whole " +
      "backfill. On MySQL the DDL commits immediately, so a backfill that fails leaves the schema changed but the " +
      "revision unrecorded, and the retry fails on the DDL.",
    safeAlternative:
      "Put the schema change and the data change in separate revisions: expand in one, backfill (in batches) in the " +
      "next, contract in a later release.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const rev of analyzedRevisions(input)) {
      // A schema change is whatever the classification puts in expand or contract, but objects that lock no table
      // (a function, an enum type, a sequence) hold nothing hostage while the backfill runs.
      const ddls = rev.operations.filter(
        (op) =>
          op.kind !== "data-change" &&
          (op.phase === "expand" || op.phase === "contract") &&
          !((op.kind === "create-object" || op.kind === "drop-object") && LOCK_FREE_OBJECTS.has(op.objectType)),
      );
      const firstDdl = ddls[0] === undefined ? -1 : rev.operations.indexOf(ddls[0]);
      // Once per revision, not once per backfill: a revision of many backfills and many DDL stays linear.
      const ddlTransactions = new Set(ddls.map((ddl) => ddl.transaction?.key));
      // A backfill committed before the first DDL, in a transaction none of the DDL runs in (autocommit_block()
      // commits what came before it), holds no schema lock and is not undone by a failing DDL.
      const committedFirst = (op: ClassifiedOperation, index: number) =>
        index < firstDdl &&
        (op.transaction?.inTransaction === false ||
          (op.transaction?.key !== undefined && !ddlTransactions.has(op.transaction.key)));
      // The first backfill that one upgrade runs with a schema change: not one in a branch for another database.
      const ddlWith = firstRunningWith(ddls);
      const backfill = rev.operations.find(
        (op, index) =>
          op.kind === "data-change" &&
          op.phase === "backfill" &&
          SCALES_WITH_ROWS.has(op.statement) &&
          !committedFirst(op, index) &&
          ddlWith(op) !== undefined,
      );
      const ddl = backfill === undefined ? undefined : ddlWith(backfill);
      if (!backfill || !ddl) continue;
      const where =
        ddl.span.file === backfill.span.file ? `line ${ddl.span.line}` : `${ddl.span.file}:${ddl.span.line}`;
      findings.push({
        span: backfill.span,
        revision: rev.revision.id,
        message:
          `revision ${q(rev.revision.id)} backfills existing rows (${excerpt(backfill.text)}) and also changes the ` +
          `schema (${where}: ${excerpt(ddl.text)})`,
        // A data change that comes first prepares the rows for the schema change (orphans removed before a foreign
        // key, NULLs filled before NOT NULL): its revision goes before this one, not after.
        hint:
          rev.operations.indexOf(backfill) < rev.operations.indexOf(ddl)
            ? "Move the data change into its own revision before this one (alembic revision -m 'backfill ...'), so " +
              "that the schema change finds the rows ready, and batch it if the table is large."
            : "Move the data change into its own revision after this one (alembic revision -m 'backfill ...'), " +
              "and batch it if the table is large.",
      });
    }
    return findings;
  },
};
