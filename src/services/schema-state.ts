import {
  type ConstraintType,
  type Dialect,
  hasUnresolvedPart,
  type Operation,
  pushTo,
  tableKey,
} from "../domain/index.js";
import { CompleteTables } from "./complete-tables.js";
import { ForeignKeyTargets } from "./foreign-key-targets.js";
import { addTo, removeFrom, TableKeyed } from "./table-keyed.js";
import { TableMentions } from "./table-mentions.js";

/** No tables: returned for the many operations that drop no foreign key, without a new array each time. */
const NONE: readonly string[] = [];

/** Identifiers compare without quotes and case-insensitively, as PostgreSQL folds unquoted identifiers. */
export function nameKey(name: string): string {
  return name.replace(/"/g, "").toLowerCase();
}

export function columnKey(table: string, column: string): string {
  return `${tableKey(table)}.${nameKey(column)}`;
}

/** An index as the history created it: its table (key) and columns (keys), in order. */
export interface IndexDefinition {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
}

/** A named constraint as the history created it. */
export interface ConstraintDefinition {
  readonly name: string;
  readonly table: string;
  readonly type: ConstraintType;
  readonly columns: readonly string[];
}

/** A CHECK (column IS NOT NULL) constraint: the column it proves, and whether it is validated. */
export interface NotNullCheck {
  readonly name: string;
  readonly column: string;
  readonly validated: boolean;
}

const IS_NOT_NULL = /^\(*\s*"?([A-Za-z_][\w$]*)"?\s+IS\s+NOT\s+NULL\s*\)*$/i;

/** The column a CHECK constraint proves NOT NULL, when its whole expression is `column IS NOT NULL`. */
function notNullCheckColumn(operation: Operation & { kind: "add-constraint" }): string | undefined {
  if (operation.constraintType !== "check" || operation.columns.length !== 1) return undefined;
  const text = operation.sql ?? operation.text;
  // SQL `CHECK (col IS NOT NULL)`, or the condition string of op.create_check_constraint(...).
  const condition =
    /CHECK\s*(\([\s\S]*\))/i.exec(text)?.[1] ?? /["']([^"']*IS\s+NOT\s+NULL[^"']*)["']/i.exec(text)?.[1];
  const column = condition === undefined ? undefined : IS_NOT_NULL.exec(condition.trim())?.[1];
  return column !== undefined && column.toLowerCase() === operation.columns[0]?.toLowerCase() ? column : undefined;
}

/** The constraint type a name follows by convention: SQLAlchemy naming conventions and PostgreSQL's defaults. */
export function conventionalConstraintType(name: string): ConstraintType | undefined {
  const key = nameKey(name);
  if (/^pk_|_pkey$/.test(key)) return "primary-key";
  if (/^fk_|_fkey$/.test(key)) return "foreign-key";
  if (/^(?:uq|uniq|unique)_|_key$|_uniq$|_unique$/.test(key)) return "unique";
  if (/^(?:ck|chk|check)_|_check$/.test(key)) return "check";
  return undefined;
}

/**
 * The name PostgreSQL gives a constraint created without one: `<table>_<columns>_fkey`, `_key`, `_pkey` (its 63-byte
 * truncation aside). Undefined for a CHECK, whose default name follows its expression.
 */
export function defaultConstraintName(
  table: string,
  type: ConstraintType,
  columns: readonly string[],
): string | undefined {
  if (type === "primary-key") return `${table}_pkey`;
  if (columns.length === 0) return undefined;
  if (type === "foreign-key") return `${table}_${columns.join("_")}_fkey`;
  if (type === "unique") return `${table}_${columns.join("_")}_key`;
  return undefined;
}

/** The key of a named object: its type and name (`function:normalize_name`). */
export function objectKey(operation: { readonly objectType: string; readonly name: string }): string {
  return `${operation.objectType}:${nameKey(operation.name)}`;
}

function renamed(columns: readonly string[], from: string, to: string): string[] {
  return columns.map((column) => (column === from ? to : column));
}

/**
 * The schema as the revisions replayed so far left it: column types, NOT NULL columns, named indexes and
 * constraints, primary keys. Everything is keyed by folded identifiers; everything a history does not show stays
 * unknown. Renames carry every fact along.
 */
export class SchemaState {
  /** Columns known to exist, by `table.column` key. */
  readonly columns = new Set<string>();
  readonly types = new Map<string, string>();
  readonly notNull = new Set<string>();
  readonly notNullChecks = new Map<string, NotNullCheck>();
  /** Functions, views, types and other named objects the history created, by `objectKey`. */
  readonly objects = new Set<string>();
  /** Named indexes, by folded name (PostgreSQL index names are unique per schema). */
  readonly indexes = new TableKeyed<IndexDefinition>((index) => index.unique);
  /** Named constraints, by `table:name`. */
  readonly constraints = new TableKeyed<ConstraintDefinition>(
    (constraint) => constraint.type === "unique" || constraint.type === "primary-key",
  );
  /** Primary key columns by table key. */
  readonly primaryKeys = new Map<string, readonly string[]>();
  /** Tables the history dropped and has not created again. */
  readonly droppedTables = new Set<string>();
  /**
   * The `table.column` keys `columns`, `types` and `notNull` ever held, by table: renaming or dropping a table visits
   * its own columns, not the schema's. Keys may repeat and outlive their facts; readers check the sets.
   */
  private readonly columnKeysByTable = new Map<string, string[]>();
  /** `notNullChecks` keys by table, and by the column they prove, with the order in which each key was first set. */
  private readonly checksByTable = new Map<string, Set<string>>();
  private readonly checksByColumn = new Map<string, Set<string>>();
  private readonly checkOrder = new Map<string, number>();
  private checksSet = 0;
  /** What the history's revisions wrote so far, on every path: whether it ever named a table. */
  readonly mentions: TableMentions;
  /** Tables whose every column the replayed revisions show. */
  private readonly complete = new CompleteTables();
  /** The table each foreign-key column references. */
  private readonly foreignKeys = new ForeignKeyTargets();

  /**
   * `dialect`: the database the history runs on. It names the keys a revision leaves unnamed, and only what runs on
   * it changes this schema. `startsEmpty`: the history's first revision creates tables, so it builds its schema from
   * an empty database.
   */
  constructor(
    readonly dialect: Dialect,
    startsEmpty = false,
  ) {
    this.mentions = new TableMentions(startsEmpty);
  }

  private addConstraint(table: string, name: string, type: ConstraintType, columns: readonly string[]): void {
    this.constraints.set(`${table}:${nameKey(name)}`, { name, table, type, columns });
  }

  /**
   * The name the database gives a unique key created without one. MySQL names it after its first column, then
   * `<column>_2`, `_3`... while that name is taken on the table; PostgreSQL `<table>_<columns>_key`.
   */
  private unnamedUniqueName(table: string, columns: readonly string[]): string | undefined {
    if (this.dialect !== "mysql") return defaultConstraintName(table, "unique", columns);
    const [first] = columns;
    if (first === undefined) return undefined;
    const taken = (name: string) =>
      this.constraints.get(`${table}:${name}`) !== undefined || this.indexes.get(name)?.table === table;
    if (!taken(first)) return first;
    // MySQL's own limit on a table's indexes is 64.
    for (let suffix = 2; suffix <= 64; suffix++) if (!taken(`${first}_${suffix}`)) return `${first}_${suffix}`;
    return undefined;
  }

  /**
   * A unique key that a MySQL `DROP INDEX` can name: there a unique constraint is an index of its table, dropped as
   * one (`op.drop_index("workflow_input_hash", table_name=...)`).
   */
  uniqueKeyDroppedAsIndex(table: string | undefined, name: string): ConstraintDefinition | undefined {
    if (this.dialect !== "mysql" || table === undefined || this.indexes.get(nameKey(name)) !== undefined)
      return undefined;
    const constraint = this.constraint(table, name);
    return constraint?.type === "unique" ? constraint : undefined;
  }

  constraint(table: string, name: string): ConstraintDefinition | undefined {
    return this.constraints.get(`${tableKey(table)}:${nameKey(name)}`);
  }

  /** The type of a named constraint: as the history created it, else as its name says by convention. */
  constraintType(table: string, name: string): ConstraintType | undefined {
    return this.constraint(table, name)?.type ?? conventionalConstraintType(name);
  }

  /**
   * The name of the validated CHECK (column IS NOT NULL) that proves a column NOT NULL; of several, the one added last
   * (as a scan of `notNullChecks` in its order ends on), looking only at the column's own checks.
   */
  provenNotNullBy(key: string): string | undefined {
    let found: { name: string; order: number } | undefined;
    for (const checkKey of this.checksByColumn.get(key) ?? []) {
      const check = this.notNullChecks.get(checkKey);
      const order = this.checkOrder.get(checkKey) ?? 0;
      if (check?.validated && check.column === key && (!found || order > found.order))
        found = { name: check.name, order };
    }
    return found?.name;
  }

  /**
   * The history created `table` with a definition migragate read whole and nothing since could have added `column`
   * out of its sight, yet the table has no such column: it never had one.
   */
  neverHadColumn(table: string, column: string): boolean {
    return this.complete.has(table) && !hasUnresolvedPart(column) && !this.columns.has(columnKey(table, column));
  }

  /**
   * The other tables PostgreSQL also locks ACCESS EXCLUSIVE when the operation removes foreign keys: the tables they
   * reference, whose triggers go with them (a dropped table's keys, a dropped column's, a dropped key constraint).
   */
  foreignKeyTablesOf(operation: Operation): readonly string[] {
    switch (operation.kind) {
      case "drop-table":
        return this.foreignKeys.referencedBy(tableKey(operation.table));
      case "drop-column":
        return this.foreignKeys.referencedBy(tableKey(operation.table), [columnKey(operation.table, operation.column)]);
      case "drop-constraint": {
        const constraint = this.constraint(operation.table, operation.name);
        if (constraint?.type !== "foreign-key") return NONE;
        return this.foreignKeys.referencedBy(
          constraint.table,
          constraint.columns.map((column) => `${constraint.table}.${column}`),
        );
      }
      default:
        return NONE;
    }
  }

  apply(operation: Operation): void {
    this.trackNotNullCheck(operation);
    this.complete.apply(operation);
    this.trackForeignKeys(operation);
    switch (operation.kind) {
      case "create-table": {
        const table = tableKey(operation.table);
        this.droppedTables.delete(table);
        const keys: string[] = [];
        for (const column of operation.columns) {
          this.declare(operation.table, column.name, column.type, column.nullable);
          if (column.primaryKey) keys.push(nameKey(column.name));
        }
        if (keys.length > 0) this.primaryKeys.set(table, keys);
        for (const constraint of operation.constraints ?? []) {
          const columns = constraint.columns.map(nameKey);
          // The database names an unnamed unique key itself, and later revisions drop it by that name.
          const name =
            constraint.name ??
            (constraint.constraintType === "unique" ? this.unnamedUniqueName(table, columns) : undefined);
          if (name === undefined) continue;
          this.constraints.set(`${table}:${nameKey(name)}`, { name, table, type: constraint.constraintType, columns });
        }
        // An inline sa.ForeignKey (or REFERENCES) no named constraint covers goes by PostgreSQL's default name.
        for (const column of operation.columns) {
          const key = nameKey(column.name);
          if (column.references === undefined) continue;
          const named = (operation.constraints ?? []).some(
            (constraint) =>
              constraint.constraintType === "foreign-key" && constraint.columns.map(nameKey).includes(key),
          );
          const name = defaultConstraintName(table, "foreign-key", [key]);
          if (!named && name !== undefined) this.addConstraint(table, name, "foreign-key", [key]);
        }
        return;
      }
      case "add-column":
        this.declare(operation.table, operation.column.name, operation.column.type, operation.column.nullable);
        if (operation.column.primaryKey)
          this.primaryKeys.set(tableKey(operation.table), [nameKey(operation.column.name)]);
        return;
      case "change-column-type": {
        const key = this.columnFact(operation.table, operation.column);
        if (operation.toType !== undefined) this.types.set(key, operation.toType);
        else this.types.delete(key);
        return;
      }
      case "set-not-null":
        this.notNull.add(this.columnFact(operation.table, operation.column));
        return;
      case "drop-not-null":
        this.notNull.delete(columnKey(operation.table, operation.column));
        return;
      case "drop-column":
        this.dropColumn(tableKey(operation.table), nameKey(operation.column));
        return;
      case "drop-table":
        this.dropTable(tableKey(operation.table));
        this.droppedTables.add(tableKey(operation.table));
        return;
      case "rename-column":
        this.renameColumn(tableKey(operation.table), nameKey(operation.column), nameKey(operation.newName));
        return;
      case "rename-table":
        this.renameTable(tableKey(operation.table), tableKey(operation.newName));
        return;
      case "create-index":
        if (operation.name === undefined) return;
        this.indexes.set(nameKey(operation.name), {
          name: operation.name,
          table: tableKey(operation.table),
          columns: operation.columns.map(nameKey),
          unique: operation.unique,
        });
        return;
      case "drop-index": {
        const key = this.uniqueKeyDroppedAsIndex(operation.table, operation.name);
        if (key) this.constraints.delete(`${key.table}:${nameKey(operation.name)}`);
        this.indexes.delete(nameKey(operation.name));
        return;
      }
      case "add-constraint": {
        const table = tableKey(operation.table);
        const columns = operation.columns.map(nameKey);
        if (operation.constraintType === "primary-key") this.primaryKeys.set(table, columns);
        // Unnamed (`op.create_foreign_key(None, ...)`): the database names it, and a later revision drops it by that name.
        const name =
          operation.name ??
          (operation.constraintType === "unique"
            ? this.unnamedUniqueName(table, columns)
            : defaultConstraintName(table, operation.constraintType, columns));
        if (name !== undefined) this.addConstraint(table, name, operation.constraintType, columns);
        return;
      }
      case "drop-constraint": {
        const table = tableKey(operation.table);
        if (this.constraintType(operation.table, operation.name) === "primary-key") this.primaryKeys.delete(table);
        this.constraints.delete(`${table}:${nameKey(operation.name)}`);
        return;
      }
      case "rename-object":
        if (operation.objectType === "index") {
          const index = this.indexes.get(nameKey(operation.name));
          if (!index) return;
          this.indexes.delete(nameKey(operation.name));
          this.indexes.set(nameKey(operation.newName), { ...index, name: operation.newName });
        }
        return;
      case "create-object":
        this.objects.add(objectKey(operation));
        return;
      case "drop-object":
        this.objects.delete(objectKey(operation));
        return;
      default:
        return;
    }
  }

  /** Follows which table each foreign-key column references, before `apply` changes the constraints. */
  private trackForeignKeys(operation: Operation): void {
    const table = operation.table === undefined ? undefined : tableKey(operation.table);
    if (table === undefined) return;
    const keyed = (column: string, referenced: string | undefined) => {
      if (referenced !== undefined) this.foreignKeys.set(table, `${table}.${nameKey(column)}`, tableKey(referenced));
    };
    switch (operation.kind) {
      case "create-table":
        this.foreignKeys.deleteTable(table);
        for (const column of operation.columns) keyed(column.name, column.references);
        return;
      case "add-column":
        keyed(operation.column.name, operation.column.references);
        return;
      case "add-constraint":
        if (operation.constraintType === "foreign-key")
          for (const column of operation.columns) keyed(column, operation.referencedTable);
        return;
      case "drop-constraint": {
        const constraint = this.constraint(operation.table, operation.name);
        if (constraint?.type === "foreign-key")
          for (const column of constraint.columns) this.foreignKeys.deleteColumn(`${table}.${column}`);
        return;
      }
      case "drop-column":
        this.foreignKeys.deleteColumn(columnKey(operation.table, operation.column));
        return;
      case "drop-table":
        this.foreignKeys.deleteTable(table);
        return;
      case "rename-column":
        this.foreignKeys.renameColumn(
          columnKey(operation.table, operation.column),
          columnKey(operation.table, operation.newName),
        );
        return;
      case "rename-table":
        this.foreignKeys.renameTable(table, tableKey(operation.newName));
        return;
      default:
        return;
    }
  }

  /** The key of a column fact about to be recorded, indexed under its table. */
  private columnFact(table: string, column: string): string {
    const folded = tableKey(table);
    const key = `${folded}.${nameKey(column)}`;
    pushTo(this.columnKeysByTable, folded, key);
    return key;
  }

  private declare(table: string, column: string, type: string | undefined, nullable: boolean): void {
    const key = this.columnFact(table, column);
    this.columns.add(key);
    if (type) this.types.set(key, type);
    else this.types.delete(key);
    if (nullable) this.notNull.delete(key);
    else this.notNull.add(key);
  }

  /** Follows CHECK (col IS NOT NULL) constraints through one operation: added, validated, dropped. */
  private trackNotNullCheck(operation: Operation): void {
    const checks = this.notNullChecks;
    if (operation.kind === "add-constraint" && operation.name !== undefined) {
      const column = notNullCheckColumn(operation);
      const key = `${tableKey(operation.table)}:${nameKey(operation.name)}`;
      if (column !== undefined)
        this.setNotNullCheck(tableKey(operation.table), key, {
          name: operation.name,
          column: columnKey(operation.table, column),
          validated: !operation.notValid,
        });
    } else if (operation.kind === "validate-constraint") {
      const key = `${tableKey(operation.table)}:${nameKey(operation.name)}`;
      const check = checks.get(key);
      if (check) checks.set(key, { ...check, validated: true });
    } else if (operation.kind === "drop-constraint") {
      this.deleteNotNullCheck(tableKey(operation.table), `${tableKey(operation.table)}:${nameKey(operation.name)}`);
    }
  }

  private setNotNullCheck(table: string, key: string, check: NotNullCheck): void {
    const previous = this.notNullChecks.get(key);
    if (previous) removeFrom(this.checksByColumn, previous.column, key);
    else this.checkOrder.set(key, this.checksSet++);
    this.notNullChecks.set(key, check);
    addTo(this.checksByTable, table, key);
    addTo(this.checksByColumn, check.column, key);
  }

  private deleteNotNullCheck(table: string, key: string): void {
    const previous = this.notNullChecks.get(key);
    if (!previous) return;
    this.notNullChecks.delete(key);
    this.checkOrder.delete(key);
    removeFrom(this.checksByColumn, previous.column, key);
    removeFrom(this.checksByTable, table, key);
  }

  private dropColumn(table: string, column: string): void {
    const key = `${table}.${column}`;
    this.columns.delete(key);
    this.types.delete(key);
    this.notNull.delete(key);
    // PostgreSQL drops the indexes and constraints that use the column with it.
    for (const [name] of this.indexes.onColumn(table, column)) this.indexes.delete(name);
    for (const [name] of this.constraints.onColumn(table, column)) this.constraints.delete(name);
    if (this.primaryKeys.get(table)?.includes(column)) this.primaryKeys.delete(table);
  }

  private dropTable(table: string): void {
    for (const key of this.columnKeysByTable.get(table) ?? []) {
      this.columns.delete(key);
      this.types.delete(key);
      this.notNull.delete(key);
    }
    this.columnKeysByTable.delete(table);
    for (const key of [...(this.checksByTable.get(table) ?? [])]) this.deleteNotNullCheck(table, key);
    for (const [name] of this.indexes.onTable(table)) this.indexes.delete(name);
    for (const [name] of this.constraints.onTable(table)) this.constraints.delete(name);
    this.primaryKeys.delete(table);
  }

  private renameColumn(table: string, from: string, to: string): void {
    const before = `${table}.${from}`;
    const after = `${table}.${to}`;
    pushTo(this.columnKeysByTable, table, after);
    this.moveColumnFacts(before, after);
    for (const [name, index] of this.indexes.onColumn(table, from)) {
      this.indexes.set(name, { ...index, columns: renamed(index.columns, from, to) });
    }
    for (const [name, constraint] of this.constraints.onColumn(table, from)) {
      this.constraints.set(name, { ...constraint, columns: renamed(constraint.columns, from, to) });
    }
    const keys = this.primaryKeys.get(table);
    if (keys) this.primaryKeys.set(table, renamed(keys, from, to));
  }

  private renameTable(from: string, to: string): void {
    const moved = this.columnKeysByTable.get(from);
    this.columnKeysByTable.delete(from);
    for (const key of moved ?? []) {
      const after = `${to}.${key.slice(from.length + 1)}`;
      pushTo(this.columnKeysByTable, to, after);
      this.moveColumnFacts(key, after);
    }
    for (const [name, index] of this.indexes.onTable(from)) this.indexes.set(name, { ...index, table: to });
    for (const [key, constraint] of this.constraints.onTable(from)) {
      this.constraints.delete(key);
      this.constraints.set(`${to}:${nameKey(constraint.name)}`, { ...constraint, table: to });
    }
    const keys = this.primaryKeys.get(from);
    if (keys) {
      this.primaryKeys.delete(from);
      this.primaryKeys.set(to, keys);
    }
  }

  /** A column's existence, type and NOT NULL, from one key to another. */
  private moveColumnFacts(before: string, after: string): void {
    if (this.columns.delete(before)) this.columns.add(after);
    const type = this.types.get(before);
    if (type !== undefined) {
      this.types.delete(before);
      this.types.set(after, type);
    }
    if (this.notNull.delete(before)) this.notNull.add(after);
  }
}
