/** PostgreSQL's table-level lock modes, weakest first (the order of the conflict table in the documentation). */
export type LockMode =
  | "ACCESS SHARE"
  | "ROW SHARE"
  | "ROW EXCLUSIVE"
  | "SHARE UPDATE EXCLUSIVE"
  | "SHARE"
  | "SHARE ROW EXCLUSIVE"
  | "EXCLUSIVE"
  | "ACCESS EXCLUSIVE";

export const LOCK_MODES: readonly LockMode[] = [
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE",
];

/** What an operation does to its table on PostgreSQL, as the documentation of the configured version states it. */
export interface LockFacts {
  /** The strongest table-level lock the operation takes on its table; undefined when it takes none worth naming. */
  readonly lock?: LockMode;
  /** The table (or an index of it) is rewritten into new files. */
  readonly rewrite: boolean;
  /** When the rewrite depends on the session, what spares it (`the session's TimeZone is UTC`). */
  readonly rewriteUnless?: string;
  /** Every row is read while the lock is held (a validation, an index build, or the read of a rewrite). */
  readonly scan: boolean;
  /** The table is created by the same revision: the lock blocks nobody, and its rows are the revision's own. */
  readonly newTable?: boolean;
  /**
   * Other tables the statement locks ACCESS EXCLUSIVE too: those the foreign keys it removes reference (PostgreSQL
   * drops the keys' triggers on them), when the history shows the keys. Tables new in the revision are left out.
   */
  readonly alsoLocks?: readonly string[];
}
