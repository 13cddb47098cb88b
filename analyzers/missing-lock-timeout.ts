import type { AnalyzedRevision, Analyzer, ClassifiedOperation, FindingDraft, LockMode } from "../src/domain/index.js";
import { LOCK_MODES } from "../src/domain/index.js";
import { analyzedRevisions, excerpt, isNewTable, q } from "./support.js";

/** From SHARE up, a waiting lock request blocks writers (and from ACCESS EXCLUSIVE, readers) queued behind it. */
const BLOCKING = new Set<LockMode>(LOCK_MODES.slice(LOCK_MODES.indexOf("SHARE")));

/**
 * What an operation does to lock_timeout (SET [LOCAL], or `SELECT set_config(...)`, which the SQL reader gives the same
 * operation): sets or turns it off, for the session or (LOCAL) its transaction.
 */
function lockTimeoutChange(op: ClassifiedOperation): { on: boolean; local: boolean } | undefined {
  if (op.kind !== "set-config" || op.name.toLowerCase() !== "lock_timeout") return undefined;
  const value = (op.value ?? "").trim().replace(/^'|'$/g, "").toLowerCase();
  return { on: !(value === "" || value === "0" || value === "default"), local: op.local };
}

/**
 * Whether lock_timeout is in force as the revision's statements run: a session-level SET lasts for the connection,
 * a SET LOCAL only until its transaction ends (a COMMIT, an autocommit_block(), the file's own COMMIT).
 */
class LockTimeoutState {
  private session = false;
  private localIn: string | undefined;

  apply(op: ClassifiedOperation, change: { on: boolean; local: boolean }): void {
    // SET LOCAL outside a transaction block changes nothing (PostgreSQL warns and ignores it).
    if (change.local) this.localIn = change.on ? op.transaction?.key : undefined;
    else {
      this.session = change.on;
      this.localIn = undefined;
    }
  }

  inForce(op: ClassifiedOperation): boolean {
    return this.session || (this.localIn !== undefined && op.transaction?.key === this.localIn);
  }
}

function tableOf(op: ClassifiedOperation): string {
  if (op.kind === "truncate") return op.tables.join(", ");
  // A view or sequence is locked itself; a trigger, policy or rule locks its table.
  const relation =
    ["create-object", "drop-object", "rename-object"].includes(op.kind) && "name" in op ? op.name : undefined;
  return op.table ?? relation ?? "its table";
}

/** A lock a statement waits for: the mode and the table it is on. */
interface BlockingLock {
  readonly op: ClassifiedOperation;
  readonly mode: LockMode;
  readonly table: string;
  /** Tables it locks ACCESS EXCLUSIVE besides: those the foreign keys it removes reference. */
  readonly alsoOn: readonly string[];
}

/** The existing tables a foreign key of the operation references: each is locked SHARE ROW EXCLUSIVE. */
function referencedExistingTables(op: ClassifiedOperation, rev: AnalyzedRevision): string[] {
  const referenced =
    op.kind === "create-table"
      ? op.columns.map((column) => column.references)
      : op.kind === "add-column"
        ? [op.column.references]
        : op.kind === "add-constraint" && op.constraintType === "foreign-key"
          ? [op.referencedTable]
          : [];
  const tables = referenced.filter((table): table is string => table !== undefined && table !== "?");
  return [...new Set(tables.filter((table) => !isNewTable(rev, table)))];
}

/**
 * The lock of the operation that makes the application's queries queue behind it. A table the revision creates
 * blocks nobody, but a foreign key from it still locks the existing table it references.
 */
function blockingLock(op: ClassifiedOperation, rev: AnalyzedRevision): BlockingLock | undefined {
  if (op.dialect !== "postgresql" || op.lock?.lock === undefined || op.subsumed) return undefined;
  const alsoOn = op.lock.alsoLocks ?? [];
  if (!op.lock.newTable) {
    return BLOCKING.has(op.lock.lock) ? { op, mode: op.lock.lock, table: tableOf(op), alsoOn } : undefined;
  }
  // Dropping a foreign key of a table the revision created still removes its triggers on the table it references.
  const [first, ...rest] = alsoOn;
  if (first !== undefined) return { op, mode: "ACCESS EXCLUSIVE", table: first, alsoOn: rest };
  const referenced = referencedExistingTables(op, rev);
  return referenced.length === 0
    ? undefined
    : { op, mode: "SHARE ROW EXCLUSIVE", table: referenced.join(", "), alsoOn: [] };
}

export const missingLockTimeout: Analyzer = {
  meta: {
    name: "missing-lock-timeout",
    group: "locks",
    defaultSeverity: "warning",
    summary: "A revision takes a SHARE or stronger lock on an existing table without setting lock_timeout first.",
    rationale:
      "A lock request waits behind every transaction already using the table, and while it waits every new query " +
      "on the table queues behind it. One long-running transaction then turns an instant ALTER into minutes of " +
      "outage. lock_timeout makes the migration give up (and retry later) instead of stalling the application.",
    safeAlternative:
      'Set a short lock_timeout before the locking statement, in the revision (op.execute("SET LOCAL lock_timeout = ' +
      '\'5s\'")) or once for every revision in env.py (e.g. connect_args={"options": "-c lock_timeout=5s"}), and ' +
      "retry the deploy when it times out.",
  },
  check(input) {
    const envWithTimeout = new Set(input.envFiles.filter((env) => env.lockTimeout).map((env) => env.file));
    const unguarded: Unguarded[] = [];
    for (const rev of analyzedRevisions(input)) {
      if (rev.envFile !== undefined && envWithTimeout.has(rev.envFile)) continue;
      const blocking = blockingLocks(rev);
      if (blocking.length > 0) unguarded.push({ rev, blocking });
    }
    // One env.py without lock_timeout is one problem, however many revisions it runs: reported once per env.py, at
    // the latest revision under review, counting the others. Without an env.py each revision is its own problem.
    const byEnv = new Map<string, Unguarded[]>();
    const findings: FindingDraft[] = [];
    for (const entry of unguarded) {
      const env = entry.rev.envFile;
      if (env === undefined || entry.rev.revision.format === "sql") {
        findings.push(finding(entry, []));
        continue;
      }
      const group = byEnv.get(env);
      if (group) group.push(entry);
      else byEnv.set(env, [entry]);
    }
    for (const group of byEnv.values()) {
      const reviewed = group.filter((entry) => entry.rev.underReview);
      const latest = reviewed.at(-1);
      if (latest) findings.push(finding(latest, reviewed.slice(0, -1)));
    }
    return findings;
  },
};

/** A revision that takes blocking locks with no lock_timeout in force, and those locks. */
interface Unguarded {
  readonly rev: AnalyzedRevision;
  readonly blocking: readonly BlockingLock[];
}

function blockingLocks(rev: AnalyzedRevision): BlockingLock[] {
  const timeout = new LockTimeoutState();
  const blocking: BlockingLock[] = [];
  for (const op of rev.operations) {
    const change = lockTimeoutChange(op);
    if (change) timeout.apply(op, change);
    else if (!timeout.inForce(op)) {
      const lock = blockingLock(op, rev);
      if (lock) blocking.push(lock);
    }
  }
  return blocking;
}

const NAMED_REVISIONS = 3;

/** The tables a dropped foreign key references, locked as well: often busier than the table the statement names. */
function alsoOn(lock: BlockingLock): string {
  if (lock.alsoOn.length === 0) return "";
  return ` and on ${lock.alsoOn.map(q).join(", ")} (PostgreSQL drops the triggers of the foreign keys it removes there)`;
}

function finding({ rev, blocking }: Unguarded, others: readonly Unguarded[]): FindingDraft {
  const [first] = blocking as [BlockingLock, ...BlockingLock[]];
  // Statements, not operations: one alter_column or ALTER TABLE can lock through several of its parts.
  const place = (lock: BlockingLock) => `${lock.op.span.file}:${lock.op.span.line}:${lock.op.span.column}`;
  const moreStatements = new Set(blocking.map(place).filter((key) => key !== place(first))).size;
  const more = moreStatements > 0 ? ` (and ${moreStatements} more statement(s) in this revision)` : "";
  const sql = rev.revision.format === "sql";
  const where = sql ? "this file" : "this revision nor env.py";
  const named = others
    .slice(-NAMED_REVISIONS)
    .map((other) => q(other.rev.revision.id))
    .join(", ");
  const elsewhere =
    others.length === 0
      ? ""
      : `; ${others.length} other revision(s) under review do the same (${named}${others.length > NAMED_REVISIONS ? ", ..." : ""}): one setting in env.py covers them all`;
  // SET LOCAL ends with its transaction: in a revision that leaves it through autocommit_block(), only a session
  // setting (or env.py's) still holds for what runs after the block.
  const leavesTransaction = rev.operations.some((op) => op.transaction?.inTransaction === false);
  return {
    span: first.op.span,
    revision: rev.revision.id,
    message:
      `${excerpt(first.op.text)} takes ${first.mode} on ${q(first.table)}${alsoOn(first)}${more}, and neither ${where} sets ` +
      `lock_timeout first: a long transaction on the table makes every query behind it wait${elsewhere}`,
    hint: sql
      ? "Start the file with SET lock_timeout = '5s'; (or SET LOCAL inside its transaction)."
      : others.length > 0
        ? 'Set it once for every revision in env.py, e.g. connect_args={"options": "-c lock_timeout=5s"} on the ' +
          "migration engine, or op.execute(\"SET lock_timeout = '5s'\") in run_migrations_online()."
        : leavesTransaction
          ? "Start upgrade() with op.execute(\"SET lock_timeout = '5s'\") (a session setting: SET LOCAL would end with the " +
            "transaction that autocommit_block() commits), or set it once in env.py for every revision."
          : "Start upgrade() with op.execute(\"SET LOCAL lock_timeout = '5s'\"), or set it once in env.py for every revision.",
  };
}
