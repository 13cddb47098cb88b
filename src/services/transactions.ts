import {
  type AnalyzedRevision,
  type ClassifiedOperation,
  type Dialect,
  type EnvFile,
  folderOf,
  type History,
  type TransactionPlacement,
} from "../domain/index.js";

/** How Alembic wraps the revisions of one migrations folder in transactions, as its env.py configures it. */
export interface TransactionSettings {
  /** The env.py that decides, when one applies. */
  readonly envFile?: string;
  readonly perMigration: boolean | "unknown";
  /** undefined: the dialect's own default (on for PostgreSQL). */
  readonly transactionalDdl?: boolean | "unknown";
}

/** The folder of a file with its trailing slash ("" for a file at the top), so a prefix test matches whole names. */
function folderPrefix(file: string): string {
  const folder = folderOf(file);
  return folder === "" ? "" : `${folder}/`;
}

/**
 * The env.py that runs a revision file: the one whose folder holds the file most closely (env.py sits next to
 * `versions/`); when none does, the only env.py there is; else Alembic's defaults.
 */
export function settingsFor(revisionFile: string, envFiles: readonly EnvFile[]): TransactionSettings {
  const holding = envFiles
    .filter((env) => revisionFile.startsWith(folderPrefix(env.file)))
    .sort((a, b) => folderPrefix(b.file).length - folderPrefix(a.file).length);
  const env = holding[0] ?? (envFiles.length === 1 ? envFiles[0] : undefined);
  if (!env) return { perMigration: false };
  return {
    envFile: env.file,
    perMigration: env.transactionPerMigration,
    ...(env.transactionalDdl !== undefined ? { transactionalDdl: env.transactionalDdl } : {}),
  };
}

/** Alembic's own default per dialect implementation: PostgreSQL (and MSSQL) have transactional DDL, MySQL and SQLite not. */
function dialectHasTransactionalDdl(dialect: Dialect): boolean | "unknown" {
  if (dialect === "postgresql") return true;
  return dialect === "other" ? "unknown" : false;
}

/**
 * What one transaction spans, with the reason. Alembic (runtime/migration.py, `begin_transaction`) opens one
 * transaction around the whole run when DDL is transactional and `transaction_per_migration` is off; otherwise it
 * opens one per revision (with transactional DDL off, Alembic 1.5+ still begins a connection transaction per
 * revision). Anything unknown gives "revision": every setting shares at least that much.
 */
export function transactionScope(
  settings: TransactionSettings,
  dialect: Dialect,
): { readonly scope: "revision" | "run"; readonly reason: string } {
  const where = settings.envFile ?? "Alembic's defaults (no env.py found)";
  const ddl = settings.transactionalDdl ?? dialectHasTransactionalDdl(dialect);
  if (ddl === false) {
    return {
      scope: "revision",
      reason: `transactional DDL is off (${settings.transactionalDdl === false ? `transactional_ddl=False in ${where}` : `Alembic's default for ${dialect}`}), so Alembic opens one transaction per revision`,
    };
  }
  if (settings.perMigration === true) {
    return { scope: "revision", reason: `transaction_per_migration=True in ${where}: one transaction per revision` };
  }
  if (settings.perMigration === "unknown" || ddl === "unknown") {
    return {
      scope: "revision",
      reason: `${where} decides transaction_per_migration / transactional_ddl with an expression; at least the revision's upgrade shares one transaction`,
    };
  }
  return {
    scope: "run",
    reason:
      settings.envFile === undefined
        ? "Alembic's default (no env.py found): one transaction spans every revision of an `alembic upgrade` run"
        : `${where} leaves transaction_per_migration off: one transaction spans every revision of an \`alembic upgrade\` run`,
  };
}

const ENDS_TRANSACTION = new Set(["commit", "rollback"]);

const AFTER_RAW_COMMIT =
  "after a raw COMMIT/ROLLBACK ended Alembic's transaction: the driver does not know, opens none (psycopg2), " +
  "and the statements run in autocommit until a BEGIN, an autocommit_block() or the end of the revision";

/**
 * Places every upgrade operation of a history in its transaction. Revisions are taken in history order (the order an
 * upgrade applies them); with scope "run" their transaction carries on into the next revision. `autocommit_block()`
 * commits the transaction before it and Alembic begins a new one after it. A raw COMMIT or ROLLBACK ends the
 * transaction behind the driver's back, so what follows in the revision runs outside any (the old
 * `op.execute("COMMIT")` trick) with psycopg2, which keeps its own idea of the transaction; psycopg 3 and pg8000 ask
 * the server and open a new one, which this model does not tell apart.
 */
export function placeTransactions(
  history: History,
  historyIndex: number,
  envFiles: readonly EnvFile[],
  defaultDialect: Dialect,
  sqlFilesInTransaction = false,
): History {
  let counter = 0;
  // The key of the open transaction; undefined when the next statement starts one.
  let current: string | undefined;
  // A raw COMMIT/ROLLBACK left the connection outside a transaction that Alembic and the driver think is open.
  let outside = false;
  // Why the open transaction exists, when a raw BEGIN opened it rather than Alembic.
  let openedBy: string | undefined;
  // Operations with equal keys share a transaction: revisions that share one share a key.
  const begin = (by?: string): string => {
    counter++;
    outside = false;
    openedBy = by;
    current = `${historyIndex}:${counter}`;
    return current;
  };
  const revisions = history.revisions.map((rev): AnalyzedRevision => {
    if (rev.revision.format === "sql") {
      current = undefined;
      outside = false;
      return placeSqlFile(rev, begin, sqlFilesInTransaction);
    }
    const settings = settingsFor(rev.revision.file, envFiles);
    const { scope, reason } = transactionScope(settings, defaultDialect);
    // A raw COMMIT in an earlier revision reaches this one only when one `alembic upgrade` applies both, as on a fresh
    // database; a release applies its own revisions in a run of its own, which Alembic begins with a transaction.
    // The revision that commits is where transaction-control-in-migration says so.
    if (scope === "revision" || outside) {
      current = undefined;
      outside = false;
      openedBy = undefined;
    }
    const operations = rev.operations.map((op): ClassifiedOperation => {
      let placement: TransactionPlacement;
      if (op.context.autocommit) {
        // Alembic commits before the block and begins again after it, which also resets the driver.
        current = undefined;
        outside = false;
        placement = { inTransaction: false, scope, reason: "inside `autocommit_block()`" };
      } else if (op.kind === "transaction-control" && op.statement === "begin") {
        // Inside an open transaction BEGIN changes nothing; after a raw COMMIT it opens a new one.
        const key = outside || current === undefined ? begin("after a raw BEGIN") : current;
        placement = { inTransaction: true, key, scope, reason: openedBy ?? reason };
      } else if (outside) {
        placement = { inTransaction: false, scope, reason: AFTER_RAW_COMMIT };
      } else {
        const key = current ?? begin();
        placement = { inTransaction: true, key, scope, reason: openedBy ?? reason };
        if (op.kind === "transaction-control" && ENDS_TRANSACTION.has(op.statement)) {
          current = undefined;
          outside = true;
        }
      }
      return { ...op, transaction: placement };
    });
    return { ...rev, operations, ...(settings.envFile !== undefined ? { envFile: settings.envFile } : {}) };
  });
  return { ...history, revisions };
}

const SQL_FILE_AUTOCOMMIT =
  "a plain SQL file: each statement runs on its own (autocommit) unless the file opens a transaction with BEGIN";
const SQL_FILE_TRANSACTION =
  "a plain SQL file run inside one transaction (assume-in-transaction: Flyway and dbmate wrap each file)";
const SQL_FILE_REOPENED =
  "between the file's BEGIN and the COMMIT the migration tool runs after the file (assume-in-transaction)";

/**
 * A plain SQL migration is fed to the server statement by statement, as psql and golang-migrate do: outside any
 * transaction, except between the file's own BEGIN and COMMIT/ROLLBACK. With `wrapped`, the tool runs the whole
 * file in one transaction (Flyway, dbmate) and commits it after the file. A COMMIT in the file leaves that
 * transaction; a BEGIN after it opens the one the tool then commits, which is how a file runs one statement
 * (CREATE INDEX CONCURRENTLY) outside the tool's transaction: `COMMIT; CREATE INDEX CONCURRENTLY ...; BEGIN;`.
 */
function placeSqlFile(rev: AnalyzedRevision, begin: (by?: string) => string, wrapped: boolean): AnalyzedRevision {
  const toolTransaction = wrapped && rev.operations.length > 0;
  let key: string | undefined = toolTransaction ? begin(SQL_FILE_TRANSACTION) : undefined;
  let reason = SQL_FILE_TRANSACTION;
  let closedByTool = toolTransaction;
  const operations = rev.operations.map((op): ClassifiedOperation => {
    if (op.kind === "transaction-control" && op.statement === "begin" && key === undefined) {
      key = begin("the file's own BEGIN");
      reason = wrapped ? SQL_FILE_REOPENED : "between the file's own BEGIN and COMMIT";
      closedByTool = wrapped;
    }
    const placement: TransactionPlacement =
      key === undefined
        ? { inTransaction: false, scope: "revision", reason: SQL_FILE_AUTOCOMMIT }
        : { inTransaction: true, key, scope: "revision", reason, ...(closedByTool ? { closedByTool: true } : {}) };
    if (op.kind === "transaction-control" && ENDS_TRANSACTION.has(op.statement)) key = undefined;
    return { ...op, transaction: placement };
  });
  return { ...rev, operations };
}
