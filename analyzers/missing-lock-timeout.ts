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
  if (op.dialect !== "postgresql" || op.lock?.lock === undefined) return undefined;
  if (!op.lock.newTable) {
    return BLOCKING.has(op.lock.lock) ? { op, mode: op.lock.lock, table: tableOf(op) } : undefined;
  }
  const referenced = referencedExistingTables(op, rev);
  return referenced.length === 0 ? undefined : { op, mode: "SHARE ROW EXCLUSIVE", table: referenced.join(", ") };
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
    const findings: FindingDraft[] = [];
    const envWithTimeout = new Set(input.envFiles.filter((env) => env.lockTimeout).map((env) => env.file));
    for (const rev of analyzedRevisions(input)) {
      if (rev.envFile !== undefined && envWithTimeout.has(rev.envFile)) continue;
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
      const first = blocking[0];
      if (!first) continue;
      const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more statement(s) in this revision)` : "";
      const where = rev.revision.format === "sql" ? "this file" : "this revision nor env.py";
      findings.push({
        span: first.op.span,
        revision: rev.revision.id,
        message:
          `${excerpt(first.op.text)} takes ${first.mode} on ${q(first.table)}${more}, and neither ` +
          `${where} sets lock_timeout first: a long transaction on the table makes every query behind it wait`,
        hint:
          rev.revision.format === "sql"
            ? "Start the file with SET lock_timeout = '5s'; (or SET LOCAL inside its transaction)."
            : "Start upgrade() with op.execute(\"SET LOCAL lock_timeout = '5s'\"), or set it once in env.py for every revision.",
      });
    }
    return findings;
  },
};
