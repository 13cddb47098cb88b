import {
  type AddColumn,
  type AddConstraint,
  type AlterTableOther,
  amongCreated,
  type ChangeColumnType,
  callsVolatileFunction,
  compareColumnTypes,
  isBookkeepingTable,
  type LockFacts,
  type LockMode,
  type Maintenance,
  type Operation,
  tableKey,
  type Utility,
} from "../domain/index.js";

/** What the lock model needs besides the operation: the server's major version and the revision's new tables. */
export interface LockContext {
  /** Major version of the PostgreSQL server (9 for 9.x). */
  readonly postgresVersion: number;
  /** Keys (see `tableKey`) of the tables the same revision creates. */
  readonly newTables: ReadonlySet<string>;
}

/** PostgreSQL 11 stores a non-volatile ADD COLUMN default in the catalog instead of rewriting the table. */
const FAST_DEFAULT_VERSION = 11;
/** PostgreSQL 12 lowered index renames to SHARE UPDATE EXCLUSIVE and added REINDEX CONCURRENTLY. */
const V12 = 12;

/** A server default that is really no default: `NULL`, `sa.null()`, `sa.text("NULL")`. */
const NULL_DEFAULT = /^(?:[\w.]*null\(\)|(?:[\w.]*text\(\s*)?["']?null["']?\)?)$/i;

const TEXT_TYPES = new Set(["varchar", "character varying", "text"]);

/** Objects that are relations of their own: DROP and RENAME lock them ACCESS EXCLUSIVE, as they lock a table. */
const RELATION_OBJECTS: ReadonlySet<string> = new Set(["view", "materialized-view", "sequence"]);

const TIMESTAMPTZ_IN_PLACE_SINCE = 12;

function timestampToTimestamptz(operation: ChangeColumnType): boolean {
  return operation.fromType === "timestamp without time zone" && operation.toType === "timestamp with time zone";
}

function facts(lock: LockMode | undefined, rewrite = false, scan = rewrite): LockFacts {
  return lock === undefined ? { rewrite, scan } : { lock, rewrite, scan };
}

function addColumnFacts(operation: AddColumn, version: number): LockFacts {
  const { column } = operation;
  const defaultText = column.serverDefault?.trim();
  const hasDefault = defaultText !== undefined && defaultText !== "" && !NULL_DEFAULT.test(defaultText);
  const rewrite =
    column.generated !== undefined ||
    // A function migragate does not know may be volatile, but the model claims only the rewrites it knows of.
    (hasDefault && (version < FAST_DEFAULT_VERSION || callsVolatileFunction(defaultText ?? "", operation.origin)));
  // A NOT NULL column without a default is checked against every row (and fails on a non-empty table);
  // a primary key builds its index from every row.
  const scan = rewrite || column.primaryKey || (!column.nullable && !hasDefault);
  return facts("ACCESS EXCLUSIVE", rewrite, scan);
}

/** Length limit of a textual type, for telling a length check (rewrite) from a relabelling (none). */
function textLimit(type: string): number | undefined {
  const match = /^(varchar|character varying|text)\s*(?:\(\s*(\d+)\s*\))?$/.exec(type.trim().toLowerCase());
  if (!match || !TEXT_TYPES.has(match[1] ?? "")) return undefined;
  return match[2] === undefined ? Number.POSITIVE_INFINITY : Number(match[2]);
}

/**
 * Whether PostgreSQL rewrites the table for a type change. Unknown previous types and USING expressions count as
 * rewrites: without the catalog migragate cannot prove the change is binary-coercible.
 */
export function typeChangeRewrites(operation: ChangeColumnType): boolean {
  if (operation.using !== undefined || operation.fromType === undefined || operation.toType === undefined) return true;
  const fromLimit = textLimit(operation.fromType);
  const toLimit = textLimit(operation.toType);
  // A shorter limit (text to varchar(n), varchar(20) to varchar(10)) checks every value through a rewrite.
  if (fromLimit !== undefined && toLimit !== undefined) return toLimit < fromLimit;
  return compareColumnTypes(operation.fromType, operation.toType, "postgresql").rewrite;
}

function addConstraintFacts(operation: AddConstraint): LockFacts {
  switch (operation.constraintType) {
    case "foreign-key":
      return facts("SHARE ROW EXCLUSIVE", false, !operation.notValid);
    case "unique":
      // USING INDEX adopts an index built beforehand: no scan.
      return facts("ACCESS EXCLUSIVE", false, operation.usingIndex === undefined);
    case "primary-key":
      // USING INDEX still sets the key columns NOT NULL, which scans unless they already are (unknown here).
      return facts("ACCESS EXCLUSIVE", false, true);
    case "exclude":
      return facts("ACCESS EXCLUSIVE", false, true);
    default:
      return facts("ACCESS EXCLUSIVE", false, !operation.notValid);
  }
}

const SHARE_UPDATE_EXCLUSIVE_ACTIONS = new Set([
  "SetStatistics",
  "SetOptions",
  "ResetOptions",
  "ClusterOn",
  "DropCluster",
  "SetRelOptions",
  "ResetRelOptions",
]);

const REWRITING_ACTIONS = new Set(["SetLogged", "SetUnLogged", "SetAccessMethod"]);

/** ALTER TABLE subcommands without a model of their own: ACCESS EXCLUSIVE unless the documentation notes less. */
function alterTableOtherFacts(operation: AlterTableOther, version: number): LockFacts {
  const { action } = operation;
  // An `op.alter_column` that changes nothing emits no SQL at all.
  if (action.startsWith("alter_column ")) return facts(undefined);
  if (SHARE_UPDATE_EXCLUSIVE_ACTIONS.has(action)) return facts("SHARE UPDATE EXCLUSIVE");
  if (/^(?:Enable|Disable)\w*Trig/.test(action)) return facts("SHARE ROW EXCLUSIVE");
  if (action === "AttachPartition") return facts(version >= V12 ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
  if (REWRITING_ACTIONS.has(action)) return facts("ACCESS EXCLUSIVE", true);
  // SET TABLESPACE copies the files block by block: new files, but no row is read.
  if (action === "SetTableSpace") return facts("ACCESS EXCLUSIVE", true, false);
  return facts("ACCESS EXCLUSIVE");
}

function maintenanceFacts(operation: Maintenance, version: number): LockFacts {
  switch (operation.command) {
    case "vacuum":
    case "analyze":
      // Plain VACUUM and ANALYZE read pages (ANALYZE only a sample) without blocking reads or writes.
      return facts("SHARE UPDATE EXCLUSIVE");
    case "vacuum-full":
    case "cluster":
      return facts("ACCESS EXCLUSIVE", true);
    case "reindex":
      return facts(operation.concurrently && version >= V12 ? "SHARE UPDATE EXCLUSIVE" : "SHARE", true);
    case "refresh-materialized-view":
      // CONCURRENTLY diffs the old rows against the query's; without it new files replace the old ones and every
      // index is rebuilt from the new rows.
      return operation.concurrently ? facts("EXCLUSIVE", false, true) : facts("ACCESS EXCLUSIVE", true);
  }
}

const LOCK_MODE_IN_TEXT =
  /\bIN\s+(ACCESS\s+SHARE|ROW\s+SHARE|ROW\s+EXCLUSIVE|SHARE\s+UPDATE\s+EXCLUSIVE|SHARE\s+ROW\s+EXCLUSIVE|SHARE|EXCLUSIVE|ACCESS\s+EXCLUSIVE)\s+MODE\b/i;

function utilityFacts(operation: Utility): LockFacts | undefined {
  switch (operation.statement) {
    case "LOCK": {
      const mode = LOCK_MODE_IN_TEXT.exec(operation.text)?.[1];
      return facts(mode ? (mode.toUpperCase().replace(/\s+/g, " ") as LockMode) : "ACCESS EXCLUSIVE");
    }
    case "CREATE STATS":
      return facts("SHARE UPDATE EXCLUSIVE");
    default:
      // GRANT, ALTER SEQUENCE, DO without statements...: no model, so no claim.
      return undefined;
  }
}

function ownFacts(operation: Operation, version: number): LockFacts | undefined {
  switch (operation.kind) {
    case "create-table":
    case "drop-table":
    case "rename-table":
    case "drop-column":
    case "rename-column":
    case "drop-not-null":
    case "set-column-default":
    case "drop-constraint":
    case "truncate":
      // TRUNCATE swaps in new, empty files: nothing is copied, so it is not a rewrite.
      return facts("ACCESS EXCLUSIVE");
    case "add-column":
      return addColumnFacts(operation, version);
    case "set-not-null":
      // 12+ skips the scan when a validated CHECK (col IS NOT NULL) exists; the classification knows the ones the
      // history adds. One added outside the migrations is invisible, so the claim stays the scan.
      return facts("ACCESS EXCLUSIVE", false, !(operation.provenBy !== undefined && version >= 12));
    case "change-column-type": {
      const changed = facts("ACCESS EXCLUSIVE", typeChangeRewrites(operation));
      // PostgreSQL 12 turned timestamp into timestamptz without a rewrite when the session's time zone is UTC.
      return version >= TIMESTAMPTZ_IN_PLACE_SINCE && operation.using === undefined && timestampToTimestamptz(operation)
        ? {
            ...changed,
            rewriteUnless:
              "the session's TimeZone is UTC (PostgreSQL 12 and later then only rebuild the column's indexes)",
          }
        : changed;
    }
    case "create-index":
      return facts(operation.concurrently ? "SHARE UPDATE EXCLUSIVE" : "SHARE", false, true);
    case "drop-index":
      return facts(operation.concurrently ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
    case "add-constraint":
      return addConstraintFacts(operation);
    case "validate-constraint":
      return facts("SHARE UPDATE EXCLUSIVE", false, true);
    case "create-object":
      // Triggers, policies and rules lock the table they belong to. CREATE OR REPLACE VIEW locks the view it replaces, which
      // queues every query that reads it; other objects lock no relation.
      if (operation.objectType === "trigger") return facts("SHARE ROW EXCLUSIVE");
      if (operation.objectType === "view" && operation.orReplace) return facts("ACCESS EXCLUSIVE");
      // A rule is the object created `ON table` (CREATE RULE ... TO table).
      return facts(operation.objectType === "policy" || operation.table !== undefined ? "ACCESS EXCLUSIVE" : undefined);
    case "drop-object":
      // A trigger, policy or rule (the objects named `ON table`) locks its table; a view, materialized view or
      // sequence is a relation of its own, locked like a table.
      return facts(
        operation.table !== undefined || RELATION_OBJECTS.has(operation.objectType) ? "ACCESS EXCLUSIVE" : undefined,
      );
    case "rename-object":
      // The lock is on the index itself, not its table: renaming an index touches no table lock.
      if (operation.objectType === "index")
        return facts(version >= V12 ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
      return facts(
        operation.objectType === "constraint" || RELATION_OBJECTS.has(operation.objectType)
          ? "ACCESS EXCLUSIVE"
          : undefined,
      );
    case "data-change": {
      const wholeTable = ["update", "delete", "merge"].includes(operation.statement) && !operation.hasWhere;
      return facts("ROW EXCLUSIVE", false, wholeTable);
    }
    case "comment":
      return facts(operation.target === "other" ? undefined : "SHARE UPDATE EXCLUSIVE");
    case "maintenance":
      return maintenanceFacts(operation, version);
    case "alter-table-other":
      return alterTableOtherFacts(operation, version);
    case "utility":
      return utilityFacts(operation);
    case "alter-enum-add-value":
    case "set-config":
    case "transaction-control":
    case "query":
      return facts(undefined);
    case "opaque":
      return undefined;
  }
}

/**
 * The lock, rewrite and scan an operation causes on PostgreSQL `postgresVersion`, as the PostgreSQL documentation
 * states them (checked against a real server by `npm run test:postgres`; see docs/locks.md). Undefined when the
 * operation's effect is unknown. A table created by the same revision is still locked, and `newTable` says so.
 */
export function lockFacts(operation: Operation, context: LockContext): LockFacts | undefined {
  // Nothing the application runs waits on a migration tool's version table.
  if (isBookkeepingTable(operation.table)) return undefined;
  const result = ownFacts(operation, context.postgresVersion);
  if (result === undefined) return undefined;
  const tables =
    operation.kind === "truncate" ? operation.tables : operation.table !== undefined ? [operation.table] : [];
  const onNewTable = tables.length > 0 && tables.every((table) => amongCreated(context.newTables, tableKey(table)));
  return onNewTable ? { ...result, newTable: true } : result;
}
