import type { Dialect } from "./analysis.js";
import type { SourceSpan } from "./source.js";

/** Where an operation came from: an Alembic `op.*` directive, a raw SQL statement, or a SQLAlchemy core expression. */
export type Origin = "op" | "sql" | "core";

/** The control flow around an operation, as seen statically. */
export interface OperationContext {
  /** Inside a `for`/`while` loop (directly or through a helper call). */
  readonly inLoop: boolean;
  /** Every enclosing loop runs over a list known statically (unrolled): its passes are written out, not one per row. */
  readonly literalLoop?: true;
  /** The innermost loop runs over the rows of one table's query (`for row in session.query(Model)`): that table. */
  readonly rowsOf?: string;
  /** Source text of every enclosing `if`/`elif`/`else` condition, outermost first (`else` appears as `not (<cond>)`). */
  readonly conditions: readonly string[];
  /** An enclosing condition checks that the object exists (inspector has_table/get_columns..., or an *exists* helper). */
  readonly existenceGuard: boolean;
  /** Inside `with op.get_context().autocommit_block():`, so outside the migration's transaction. */
  readonly autocommit: boolean;
  /** The enclosing condition that tests the database dialect, if any. */
  readonly dialectCondition?: string;
  /** Local helper functions this operation was reached through, outermost first. */
  readonly helpers: readonly string[];
  /** Inside a `try:` block (failures may be swallowed). */
  readonly inTry: boolean;
}

/**
 * Whether code under the conditions `inner` runs only where the conditions `outer` hold: the same branch, or one
 * nested in it (`outer` is where `inner` starts).
 */
export function withinConditions(outer: readonly string[], inner: readonly string[]): boolean {
  return outer.length <= inner.length && outer.every((condition, depth) => inner[depth] === condition);
}

/** The context inside a loop whose passes run at run time: once per row read, or until a condition fails. */
export function repeatedContext(context: OperationContext): OperationContext {
  const { literalLoop: _literal, rowsOf: _rows, ...outer } = context;
  return { ...outer, inLoop: true };
}

export const TOP_LEVEL_CONTEXT: OperationContext = {
  inLoop: false,
  conditions: [],
  existenceGuard: false,
  autocommit: false,
  helpers: [],
  inTry: false,
};

/** A column as declared by `sa.Column(...)` or a SQL column definition. */
export interface ColumnSpec {
  readonly name: string;
  /** Where the column is declared (its `sa.Column(...)` or SQL column definition), when it has its own place. */
  readonly span?: SourceSpan;
  /** Normalised type text, lower case, e.g. `varchar(255)`, `integer`, `timestamp with time zone`; undefined when unknown. */
  readonly type?: string;
  /** SQLAlchemy's rule: nullable unless `nullable=False` or primary key. SQL: nullable unless NOT NULL or PRIMARY KEY. */
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  /** Source text of the server-side default (`server_default=`, SQL `DEFAULT`), if any. */
  readonly serverDefault?: string;
  /** Source text of the python-side `default=`, which the database never sees. */
  readonly pythonDefault?: string;
  /** serial/bigserial, IDENTITY, or a generated stored column: values computed for every existing row. */
  readonly generated?: "serial" | "identity" | "stored";
  /** A foreign key declared inline on the column: the referenced table, and its column when the code names it. */
  readonly references?: string;
  readonly referencedColumn?: string;
  /**
   * `generated` is "serial" because SQLAlchemy renders this autoincrementing integer primary key as
   * SERIAL/BIGSERIAL/SMALLSERIAL, not because the type says serial.
   */
  readonly implicitSerial?: boolean;
}

interface OperationBase {
  readonly origin: Origin;
  readonly span: SourceSpan;
  readonly context: OperationContext;
  /** Short source text of what produced the operation (the op call or the SQL statement), for messages. */
  readonly text: string;
  /** The table the operation acts on (as written, without schema), when one is known. */
  readonly table?: string;
  readonly schema?: string;
  /** The SQL dialect whose parser read this statement (raw SQL only). */
  readonly dialect?: Dialect;
  /** The whole statement as written (raw SQL only); unresolved Python shows as «source text». */
  readonly sql?: string;
}

/** A constraint declared inside CREATE TABLE (`sa.UniqueConstraint(...)`, a column's `unique=True`). */
export interface TableConstraint {
  readonly constraintType: ConstraintType;
  /** As written; undefined when the code gives none and the database names it. */
  readonly name?: string;
  readonly columns: readonly string[];
}

export interface CreateTable extends OperationBase {
  readonly kind: "create-table";
  /** Run as SQLAlchemy's DDL construct (`op.execute(sa.schema.DropTable(t))`): guarded by if_exists=, not checkfirst. */
  readonly construct?: true;
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  /** Table-level constraints besides the primary key (which the columns carry), when the code declares them. */
  readonly constraints?: readonly TableConstraint[];
  readonly ifNotExists: boolean;
  /** CREATE TABLE ... AS SELECT / LIKE: columns come from elsewhere. */
  readonly fromQuery: boolean;
  /**
   * Every element of the definition was read (`op.create_table` with no `*splat`, and each column or constraint
   * worked out): the table has exactly `columns`. Unset, it may have columns migragate did not see.
   */
  readonly allColumnsKnown?: true;
  /**
   * CREATE TEMP[ORARY] TABLE: it lives in the migration's session (or transaction, ON COMMIT DROP), so it never exists
   * before the migration runs and no other session sees it.
   */
  readonly temporary?: true;
}

export interface DropTable extends OperationBase {
  readonly kind: "drop-table";
  /** Run as SQLAlchemy's DDL construct (`op.execute(sa.schema.DropTable(t))`): guarded by if_exists=, not checkfirst. */
  readonly construct?: true;
  readonly table: string;
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

export interface RenameTable extends OperationBase {
  readonly kind: "rename-table";
  readonly table: string;
  readonly newName: string;
}

export interface AddColumn extends OperationBase {
  readonly kind: "add-column";
  readonly table: string;
  readonly column: ColumnSpec;
  readonly ifNotExists: boolean;
  /**
   * Set by the analysis: the same revision takes the column's server default away again (`alter_column(...,
   * server_default=None)`), where the default was only there to fill the existing rows.
   */
  readonly defaultRemovedLater?: true;
}

export interface DropColumn extends OperationBase {
  readonly kind: "drop-column";
  readonly table: string;
  readonly column: string;
  readonly ifExists: boolean;
  /**
   * Set by the analysis: the same revision puts a column of another type back under the name (added again with its
   * values copied, or another column renamed into it), a change running code may not live with (`integer` to `uuid`).
   */
  readonly replacedWithType?: { readonly from: string; readonly to: string };
}

export interface RenameColumn extends OperationBase {
  readonly kind: "rename-column";
  readonly table: string;
  readonly column: string;
  readonly newName: string;
}

export interface SetNotNull extends OperationBase {
  readonly kind: "set-not-null";
  readonly table: string;
  readonly column: string;
  /**
   * A validated CHECK (column IS NOT NULL) the history adds before this point (set by the classification): PostgreSQL
   * 12+ uses it instead of scanning the table.
   */
  readonly provenBy?: string;
  /** The history shows the column NOT NULL already (set by the classification): nothing is checked. */
  readonly alreadyNotNull?: true;
}

export interface DropNotNull extends OperationBase {
  readonly kind: "drop-not-null";
  readonly table: string;
  readonly column: string;
}

export interface ChangeColumnType extends OperationBase {
  readonly kind: "change-column-type";
  readonly table: string;
  readonly column: string;
  /** Normalised previous type (`existing_type=`, or known from earlier revisions), when known. */
  readonly fromType?: string;
  /** Normalised new type; undefined when it cannot be read statically (see `toTypeWritten`). */
  readonly toType?: string;
  /** The new type as written when migragate cannot read it (a variable, a call), for messages. */
  readonly toTypeWritten?: string;
  /** `postgresql_using=` / SQL `USING` expression. */
  readonly using?: string;
  /** The column was added earlier in the same revision: no running code reads or writes it. */
  readonly onNewColumn?: true;
}

export interface SetColumnDefault extends OperationBase {
  readonly kind: "set-column-default";
  readonly table: string;
  readonly column: string;
  /** Source text of the new default; undefined means the default is dropped. */
  readonly default?: string;
}

export interface CreateIndex extends OperationBase {
  readonly kind: "create-index";
  readonly table: string;
  readonly name?: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly concurrently: boolean;
  readonly ifNotExists: boolean;
}

export interface DropIndex extends OperationBase {
  readonly kind: "drop-index";
  readonly name: string;
  readonly concurrently: boolean;
  readonly ifExists: boolean;
}

export type ConstraintType = "foreign-key" | "unique" | "check" | "primary-key" | "exclude" | "unknown";

export interface AddConstraint extends OperationBase {
  readonly kind: "add-constraint";
  readonly table: string;
  readonly name?: string;
  readonly constraintType: ConstraintType;
  readonly columns: readonly string[];
  /** NOT VALID: existing rows are not checked now. */
  readonly notValid: boolean;
  /** The referenced table of a foreign key. */
  readonly referencedTable?: string;
  /** The referenced columns of a foreign key, when the code names them. */
  readonly referencedColumns?: readonly string[];
  /** UNIQUE/PRIMARY KEY ... USING INDEX of an index built beforehand. */
  readonly usingIndex?: string;
}

export interface DropConstraint extends OperationBase {
  readonly kind: "drop-constraint";
  readonly table: string;
  readonly name: string;
  readonly constraintType: ConstraintType;
  readonly ifExists: boolean;
}

export interface ValidateConstraint extends OperationBase {
  readonly kind: "validate-constraint";
  readonly table: string;
  readonly name: string;
}

export type ObjectType =
  | "sequence"
  | "schema"
  | "extension"
  | "type"
  | "view"
  | "materialized-view"
  | "function"
  | "trigger"
  | "policy"
  | "role"
  | "database"
  | "other";

/** Objects other than tables, columns, indexes and constraints. */
export interface CreateObject extends OperationBase {
  readonly kind: "create-object";
  /** Run as SQLAlchemy's DDL construct (`op.execute(sa.schema.DropTable(t))`): guarded by if_exists=, not checkfirst. */
  readonly construct?: true;
  readonly objectType: ObjectType;
  readonly name: string;
  readonly ifNotExists: boolean;
  /** CREATE OR REPLACE: idempotent by construction. */
  readonly orReplace: boolean;
  /**
   * A PostgreSQL CREATE FUNCTION's volatility: as declared, else `volatile`, PostgreSQL's default. Unset when the
   * statement was not read by the PostgreSQL parser or creates no function.
   */
  readonly volatility?: "immutable" | "stable" | "volatile";
  /** A trigger's table, its function, and whether it runs that function on each row before an INSERT. */
  readonly trigger?: { readonly table: string; readonly function: string; readonly beforeInsertRow: boolean };
  /** The columns a PL/pgSQL trigger function sets on the row (`NEW.col := ...`), lower-cased, when it sets any. */
  readonly fillsColumns?: readonly string[];
}

export interface DropObject extends OperationBase {
  readonly kind: "drop-object";
  /** Run as SQLAlchemy's DDL construct (`op.execute(sa.schema.DropTable(t))`): guarded by if_exists=, not checkfirst. */
  readonly construct?: true;
  readonly objectType: ObjectType;
  readonly name: string;
  readonly ifExists: boolean;
  readonly cascade: boolean;
}

export interface RenameObject extends OperationBase {
  readonly kind: "rename-object";
  readonly objectType: ObjectType | "index" | "constraint";
  readonly name: string;
  readonly newName: string;
}

export interface AlterEnumAddValue extends OperationBase {
  readonly kind: "alter-enum-add-value";
  readonly typeName: string;
  readonly value: string;
  readonly ifNotExists: boolean;
}

export type DataStatement = "update" | "delete" | "insert" | "insert-select" | "bulk-insert" | "merge" | "copy";

/** A change to rows rather than to the schema. */
export interface DataChange extends OperationBase {
  readonly kind: "data-change";
  readonly statement: DataStatement;
  /** The target table; undefined when it cannot be resolved statically. */
  readonly table?: string;
  /** The statement restricts the rows it touches (WHERE, a LIMIT, a key range). */
  readonly hasWhere: boolean;
  /**
   * The columns the WHERE restricts to NULL, when the whole WHERE is `column IS NULL` tests joined by AND on the target
   * table and nothing else limits the rows (no LIMIT, no other table): every row matches while those columns are
   * NULL in every row, as right after they were added.
   */
  readonly whereIsNull?: readonly string[];
}

export interface Truncate extends OperationBase {
  readonly kind: "truncate";
  readonly tables: readonly string[];
  readonly cascade: boolean;
}

export interface Comment extends OperationBase {
  readonly kind: "comment";
  readonly target: "table" | "column" | "other";
}

/** SET / RESET of a session or transaction setting (lock_timeout, statement_timeout, search_path...). */
export interface SetConfig extends OperationBase {
  readonly kind: "set-config";
  readonly name: string;
  readonly value?: string;
  readonly local: boolean;
  /** MySQL's `SET GLOBAL` / `SET PERSIST`: the server's default for sessions to come, not this session's. */
  readonly global?: true;
}

export interface TransactionControl extends OperationBase {
  readonly kind: "transaction-control";
  /** `END` is "commit"; `ROLLBACK TO SAVEPOINT` is "rollback-to-savepoint"; PREPARE TRANSACTION and the like are "other". */
  readonly statement: "begin" | "commit" | "rollback" | "savepoint" | "release" | "rollback-to-savepoint" | "other";
}

/** VACUUM, ANALYZE, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW; `table` is set when one table is named. */
export interface Maintenance extends OperationBase {
  readonly kind: "maintenance";
  readonly command: "vacuum" | "vacuum-full" | "analyze" | "cluster" | "reindex" | "refresh-materialized-view";
  readonly concurrently: boolean;
  /** What a REINDEX rebuilds, when the statement says: system catalogs have no concurrent rebuild. */
  readonly reindexes?: "index" | "table" | "schema" | "database" | "system";
}

export interface Query extends OperationBase {
  readonly kind: "query";
}

/** ALTER TABLE subcommands that change neither columns nor constraints (storage, owner, triggers, RLS...). */
export interface AlterTableOther extends OperationBase {
  readonly kind: "alter-table-other";
  readonly table: string;
  readonly action: string;
  /** DETACH PARTITION ... CONCURRENTLY: runs in several transactions, so never inside one. */
  readonly concurrently?: boolean;
}

/** A statement that changes neither the schema contract nor data: GRANT, ALTER SEQUENCE, LOCK, ownership... */
export interface Utility extends OperationBase {
  readonly kind: "utility";
  /** The statement's leading keywords, e.g. `GRANT`, `ALTER SEQUENCE`, `LOCK TABLE`. */
  readonly statement: string;
}

/**
 * Something that runs but whose effect cannot be known statically: an `op.execute` of an unresolvable value,
 * a DO block whose body did not parse, a statement type migragate does not model.
 */
export interface Opaque extends OperationBase {
  readonly kind: "opaque";
  readonly reason: string;
  /** It stands for SQL migragate could not read (a statement that did not parse, SQL built at run time). */
  readonly sqlNotRead?: true;
}

export type Operation =
  | CreateTable
  | DropTable
  | RenameTable
  | AddColumn
  | DropColumn
  | RenameColumn
  | SetNotNull
  | DropNotNull
  | ChangeColumnType
  | SetColumnDefault
  | CreateIndex
  | DropIndex
  | AddConstraint
  | DropConstraint
  | ValidateConstraint
  | CreateObject
  | DropObject
  | RenameObject
  | AlterEnumAddValue
  | DataChange
  | Truncate
  | Comment
  | SetConfig
  | TransactionControl
  | Maintenance
  | Query
  | AlterTableOther
  | Utility
  | Opaque;

export type OperationKind = Operation["kind"];

/** Table names compare case-insensitively and without quotes, as PostgreSQL folds unquoted identifiers. */
export function tableKey(name: string): string {
  return name.replace(/"/g, "").toLowerCase();
}
