import pg from "pg";
import { LOCK_MODES, type LockMode } from "../../src/domain/index.js";

/** What the server did while running one statement, on the relation under test. */
export interface Observed {
  readonly lock?: LockMode;
  readonly rewrite: boolean;
  readonly scan: boolean;
}

export interface Connection {
  readonly socketDir: string;
  readonly port: number;
}

/** pg_locks spells modes the way lock.h names them. */
const PG_LOCK_NAMES: Record<string, LockMode> = {
  AccessShareLock: "ACCESS SHARE",
  RowShareLock: "ROW SHARE",
  RowExclusiveLock: "ROW EXCLUSIVE",
  ShareUpdateExclusiveLock: "SHARE UPDATE EXCLUSIVE",
  ShareLock: "SHARE",
  ShareRowExclusiveLock: "SHARE ROW EXCLUSIVE",
  ExclusiveLock: "EXCLUSIVE",
  AccessExclusiveLock: "ACCESS EXCLUSIVE",
};

/** The fixture every case starts from: 10,000 rows, three indexes, a referenced table, an enum, a view. */
export const FIXTURE_ROWS = 10_000;
export const FIXTURE = `
CREATE TABLE r (id int PRIMARY KEY);
INSERT INTO r SELECT generate_series(1, ${FIXTURE_ROWS});
CREATE TABLE t (id bigserial PRIMARY KEY, a int, b varchar(20), c text, n numeric(10,2), ts timestamp, e int, rid int);
INSERT INTO t (a, b, c, n, ts, e, rid)
  SELECT g, 'x' || g, 'y' || g, g, now(), g, g FROM generate_series(1, ${FIXTURE_ROWS}) g;
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_b_idx ON t (b);
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE MATERIALIZED VIEW mv AS SELECT id, rid FROM t;
CREATE UNIQUE INDEX mv_id_idx ON mv (id);
ANALYZE;
`;

export function client(connection: Connection, database: string): pg.Client {
  return new pg.Client({ host: connection.socketDir, port: connection.port, user: "postgres", database });
}

export function strongest(modes: readonly string[]): LockMode | undefined {
  const ranks = modes.map((mode) => LOCK_MODES.indexOf(PG_LOCK_NAMES[mode] ?? "ACCESS SHARE"));
  return ranks.length === 0 ? undefined : LOCK_MODES[Math.max(...ranks)];
}

interface FileState {
  readonly name: string;
  readonly oid: number;
  readonly filenode: number;
  readonly index: boolean;
}

/** The relation and its indexes, with the file each one lives in now. */
async function files(session: pg.Client, target: string): Promise<FileState[]> {
  const { rows } = await session.query(
    `SELECT c.relname AS name, c.oid::int AS oid, c.relfilenode::int AS filenode, c.relkind = 'i' AS index
       FROM pg_class c
      WHERE c.oid = to_regclass($1)
         OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = to_regclass($1))`,
    [target],
  );
  return rows as FileState[];
}

/**
 * Rewritten: a relation moved to a new file that holds rows. An empty heap has 0 bytes and an empty btree one
 * page, so TRUNCATE (new, empty files) does not count as a rewrite.
 */
async function rewritten(session: pg.Client, before: readonly FileState[]): Promise<boolean> {
  for (const state of before) {
    const { rows } = await session.query(
      `SELECT relfilenode::int AS filenode, pg_relation_size(oid) AS size FROM pg_class
        WHERE oid = $1 OR (relname = $2 AND NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = $1))`,
      [state.oid, state.name],
    );
    const now = rows[0] as { filenode: number; size: string } | undefined;
    if (!now || now.filenode === state.filenode) continue;
    if (Number(now.size) > (state.index ? 8192 : 0)) return true;
  }
  return false;
}

/** Rows of the table read so far, by sequential scans and index fetches, as `view` counts them. */
async function rowsRead(session: pg.Client, view: string, table: string): Promise<number> {
  const { rows } = await session.query(
    `SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS n FROM ${view} WHERE relid = to_regclass($1)`,
    [table],
  );
  return Number((rows[0] as { n: string } | undefined)?.n ?? 0);
}

export interface ProbeCase {
  readonly sql: string;
  /** Committed before the measured statement. */
  readonly setup?: string;
  /** Run in the measuring session just before the statement (session settings such as TimeZone). */
  readonly session?: string;
  /** Relation whose lock is read (default `t`); a new one is looked up after the statement. */
  readonly target?: string;
  /** Table whose rows count as scanned (default: the target). */
  readonly scanned?: string;
}

/**
 * Runs a statement inside BEGIN ... ROLLBACK and reads, before the rollback: the strongest lock the session was
 * granted on the target (pg_locks, by oid), whether the target or its indexes moved to new files holding rows
 * (pg_class.relfilenode), and whether at least every row of the table was read. The scan is counted with
 * pg_stat_xact_user_tables, which shows this backend's own counters before they are flushed: nothing else runs in
 * the case's database, and a flush never happens inside a transaction, so the difference across the statement is
 * exactly what the statement read.
 */
export async function probeInTransaction(session: pg.Client, probe: ProbeCase): Promise<Observed> {
  const target = probe.target ?? "t";
  const scanned = probe.scanned ?? target;
  if (probe.session) await session.query(probe.session);
  await session.query("BEGIN");
  try {
    const before = await files(session, target);
    const readBefore = await rowsRead(session, "pg_stat_xact_user_tables", scanned);
    const oidBefore = before.find((state) => state.name === target)?.oid;
    await session.query(probe.sql);
    const oid =
      oidBefore ??
      ((await session.query("SELECT to_regclass($1)::oid::int AS oid", [target])).rows[0] as { oid: number | null })
        .oid;
    const { rows } = await session.query(
      "SELECT mode FROM pg_locks WHERE locktype = 'relation' AND pid = pg_backend_pid() AND granted AND relation = $1",
      [oid],
    );
    const lock = strongest(rows.map((row) => (row as { mode: string }).mode));
    const scan = (await rowsRead(session, "pg_stat_xact_user_tables", scanned)) - readBefore >= FIXTURE_ROWS;
    return { ...(lock ? { lock } : {}), rewrite: await rewritten(session, before), scan };
  } finally {
    await session.query("ROLLBACK");
  }
}

/**
 * For statements that refuse a transaction block (CONCURRENTLY, VACUUM): a second session holds SHARE UPDATE
 * EXCLUSIVE on the target, which conflicts with every mode these statements take, so the statement queues and
 * pg_locks shows the mode it asks for. Then the blocker rolls back and the statement completes. Its scan is read
 * from pg_stat_user_tables, made exact by pg_stat_force_next_flush() (PostgreSQL 15+) before and after, which
 * flushes the session's counters before the server answers.
 */
export async function probeOutsideTransaction(
  session: pg.Client,
  blocker: pg.Client,
  observer: pg.Client,
  probe: ProbeCase,
  major: number,
): Promise<Observed & { scanMeasured: boolean }> {
  const target = probe.target ?? "t";
  const scanned = probe.scanned ?? target;
  const scanMeasured = major >= 15;
  const sessionPid = ((await session.query("SELECT pg_backend_pid() AS pid")).rows[0] as { pid: number }).pid;
  const before = await files(observer, target);
  const oid = before.find((state) => state.name === target)?.oid;
  if (scanMeasured) await session.query("SELECT pg_stat_force_next_flush()");
  await observer.query("SELECT pg_stat_clear_snapshot()");
  const readBefore = await rowsRead(observer, "pg_stat_user_tables", scanned);
  await blocker.query("BEGIN");
  await blocker.query(`LOCK TABLE ${target} IN SHARE UPDATE EXCLUSIVE MODE`);
  // Settled into a value at once, so a failing statement is reported below rather than as an unhandled rejection.
  const running = session.query(probe.sql).then(
    () => undefined,
    (error: unknown) => error,
  );
  let requested: string[] = [];
  for (let attempt = 0; attempt < 500 && requested.length === 0; attempt++) {
    const { rows } = await observer.query(
      "SELECT mode FROM pg_locks WHERE locktype = 'relation' AND pid = $1 AND relation = $2 AND NOT granted",
      [sessionPid, oid],
    );
    requested = rows.map((row) => (row as { mode: string }).mode);
    if (requested.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await blocker.query("ROLLBACK");
  const failure = await running;
  if (failure) throw failure;
  if (scanMeasured) await session.query("SELECT pg_stat_force_next_flush()");
  await observer.query("SELECT pg_stat_clear_snapshot()");
  const scan = (await rowsRead(observer, "pg_stat_user_tables", scanned)) - readBefore >= FIXTURE_ROWS;
  const lock = strongest(requested);
  return { ...(lock ? { lock } : {}), rewrite: await rewritten(observer, before), scan, scanMeasured };
}
