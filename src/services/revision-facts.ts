import {
  amongCreated,
  type ConstraintType,
  compareColumnTypes,
  type Dialect,
  hasUnresolvedPart,
  isEnumType,
  namesWord,
  type Operation,
  pushTo,
  TableNames,
  tableKey,
  withinConditions,
  withoutSchema,
} from "../domain/index.js";
import { PathsByName, type RevisionPath, revisionPaths } from "./revision-paths.js";
import {
  type ConstraintDefinition,
  columnKey,
  type IndexDefinition,
  nameKey,
  objectKey,
  type SchemaState,
} from "./schema-state.js";

/**
 * How a drop and a later create of the same revision relate: `rename` (same table, columns and kind under another
 * name, or the same name again), `loosening` (a unique key replaced by a wider one), `replaced` (the same name
 * created again with another definition: the drop is part of the replacement, the create is judged on its own),
 * `redundant` (a plain index whose columns lead another index or unique key of the table: nothing is lost). A
 * table renamed and renamed back (`user` to `user_old` to `user`, SQLite's way to refresh its foreign keys) pairs as
 * a `rename` too: running code never misses it.
 */
export type Pairing = "rename" | "loosening" | "replaced" | "redundant";

/** What the classification of one operation may look at besides the operation itself. */
export interface OperationFacts {
  /** It acts on a table this revision created earlier (and has not dropped). */
  readonly onNewTable: boolean;
  /** Its column (`table.column`) was added earlier in this revision. */
  readonly onNewColumn: boolean;
  /** Every column a constraint or index names was added earlier in this revision. */
  readonly onlyNewColumns: boolean;
  /** The history shows the column exists, and whether it is NOT NULL then. */
  readonly columnKnown: boolean;
  readonly notNullBefore: boolean;
  /** The column's type before the operation, when the history shows it. */
  readonly typeBefore?: string;
  /** For a drop-index: the table of the index, when the history shows it and the operation does not. */
  readonly indexTable?: string;
  /** For a drop-constraint: its type, from the history or its name when the operation does not say. */
  readonly constraintType?: ConstraintType;
  /** A drop and a create of this revision that belong together (see `Pairing`). */
  readonly pairing?: Pairing;
  /** A later drop of its table or of one of its columns removes it anyway: it says nothing new. */
  readonly subsumed?: boolean;
  /** The validated CHECK (column IS NOT NULL) a SET NOT NULL can rely on instead of a scan. */
  readonly provenBy?: string;
  /** It works on a table this revision dropped and created again under the same name: nothing new for the code. */
  readonly onRebuiltTable?: boolean;
  /**
   * A drop of a table that is not there: the history dropped it already (and did not create it again), or it is a
   * DROP ... IF EXISTS, before the revision creates the table, of a table no statement of a history that starts from
   * an empty database ever named. Or a drop of a column its table never had: the history created the table with a
   * definition migragate read whole, and nothing it could not read ran since.
   */
  readonly alreadyGone?: boolean;
  /** A unique key or primary key over columns that already hold a unique key (and, for a key, are NOT NULL). */
  readonly cannotReject?: boolean;
  /**
   * A unique index over exactly the columns of a unique key the table already has (PostgreSQL has that index), or a
   * constraint that adopts a unique index the table has (`UNIQUE USING INDEX`): the key is there already.
   */
  readonly duplicatesKey?: boolean;
  /**
   * For a SET NOT NULL: something fills the column on every insert: a server default (from its add_column, the same
   * directive, or one the revision sets and keeps), or a BEFORE INSERT row trigger the revision creates whose function
   * sets `NEW.<column>`.
   */
  readonly defaultFilled?: boolean;
  /**
   * For a data change whose WHERE only tests columns for NULL: each of them was added earlier in the revision with a
   * server default, which every existing row took, so no row matches (`WHERE template_source IS NULL` right after
   * `add_column(..., server_default="onboarded")`).
   */
  readonly matchesNoRow?: boolean;
  /** It acts on a temporary table the revision created: no other session, old code included, sees what it does. */
  readonly onTemporaryTable?: boolean;
  /** Tables the foreign keys it removes reference (keys of a dropped table or column, or a dropped key constraint). */
  readonly foreignKeyTables?: readonly string[];
  /** The name as written that an earlier, unpaired rename of this revision took its table from, on this path. */
  readonly tableRenamedFrom?: string;
  /** For an add-column with a server default: the revision removes the default again, so it has none afterwards. */
  readonly defaultRemovedLater?: boolean;
  /** For a CREATE OR REPLACE: the history shows the object exists, so nothing is added. */
  readonly objectExisted?: boolean;
  /** A drop or rename of an object (a type, a view...) the same revision created: no running code knows it. */
  readonly onNewObject?: boolean;
  /** For a drop-column: a column of another type takes its name back in this revision, not one running code fits. */
  readonly retyped?: { readonly from: string; readonly to: string };
}

/** What a revision's facts sum up to, besides the facts of each operation. */
export interface RevisionFacts {
  /** Tables this revision creates before touching them otherwise (a drop-then-create replaces an existing table). */
  readonly newTables: ReadonlySet<string>;
  readonly operations: readonly OperationFacts[];
}

type Definition =
  | { readonly kind: "index"; readonly table: string; readonly columns: readonly string[]; readonly unique: boolean }
  | {
      readonly kind: "constraint";
      readonly table: string;
      readonly columns: readonly string[];
      readonly type: ConstraintType;
    };

/** What the pairing of drops and creates within one revision has seen so far. */
interface PairingLedger {
  /** Drops of indexes and constraints a later create may put back. */
  readonly pending: PendingDrop[];
  /** Drops of indexes and constraints so far, for the later drop of their table or column that subsumes them. */
  readonly droppedSoFar: { at: number; definition: Definition }[];
  /** Drops of indexes whose definition is unknown but whose table the drop names: only that table's drop subsumes. */
  readonly droppedOnTable: { at: number; table: string }[];
  /** Indexes and constraints created without replacing a drop: a later drop of an object they stand in for pairs. */
  readonly unpairedCreates: { at: number; definition: Definition; name?: string }[];
  readonly uniqueness: UniquenessMemo;
}

type UniquenessMemo = WeakMap<Definition, ReadonlySet<string> | undefined>;

interface PendingDrop {
  readonly at: number;
  readonly name: string;
  /** A dropped index whose definition the history does not show (one read from the inspector at run time). */
  readonly unknownIndex?: boolean;
  /** The table of a dropped constraint: constraint names are unique per table only. */
  readonly table?: string;
  definition?: Definition;
}

function indexDefinition(index: IndexDefinition): Definition {
  return { kind: "index", table: index.table, columns: index.columns, unique: index.unique };
}

function constraintDefinition(constraint: ConstraintDefinition): Definition {
  return { kind: "constraint", table: constraint.table, columns: constraint.columns, type: constraint.type };
}

/**
 * The uniqueness a definition enforces, as a set of columns; undefined when it enforces none. Definitions are never
 * changed, only replaced: the ledger keeps each one's, however often it is compared.
 */
function uniqueness(definition: Definition, known: UniquenessMemo): ReadonlySet<string> | undefined {
  if (known.has(definition)) return known.get(definition);
  const unique =
    definition.kind === "index" ? definition.unique : definition.type === "unique" || definition.type === "primary-key";
  const columns = unique ? new Set(definition.columns) : undefined;
  known.set(definition, columns);
  return columns;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}

function isSuperset(wider: ReadonlySet<string>, narrower: ReadonlySet<string>): boolean {
  return wider.size > narrower.size && [...narrower].every((column) => wider.has(column));
}

/** How a created object relates to one dropped earlier in the revision; undefined when they are unrelated. */
function pairingOf(
  dropped: Definition,
  created: Definition,
  notNull: ReadonlySet<string>,
  known: UniquenessMemo,
): Pairing | undefined {
  if (dropped.table !== created.table) return undefined;
  const droppedUnique = uniqueness(dropped, known);
  const createdUnique = uniqueness(created, known);
  const sameKind =
    dropped.kind === created.kind
      ? dropped.kind === "index" || (created.kind === "constraint" && dropped.type === created.type)
      : droppedUnique !== undefined && createdUnique !== undefined;
  if (
    sameKind &&
    sameColumns(dropped.columns, created.columns) &&
    (droppedUnique === undefined) === (createdUnique === undefined)
  )
    return "rename";
  // A wider unique key accepts every row the narrower one did. A primary key's new columns also become NOT NULL: a
  // loosening only when the history shows them NOT NULL already.
  const primary = (definition: Definition) => definition.kind === "constraint" && definition.type === "primary-key";
  const keyReady = !primary(created) || created.columns.every((column) => notNull.has(`${created.table}.${column}`));
  if (droppedUnique && createdUnique && keyReady && isSuperset(createdUnique, droppedUnique)) return "loosening";
  return undefined;
}

const COLUMN_KINDS: ReadonlySet<Operation["kind"]> = new Set([
  "set-not-null",
  "drop-not-null",
  "change-column-type",
  "set-column-default",
  "rename-column",
  "drop-column",
]);

/** The column an operation acts on, when it acts on one. */
export function operationColumn(operation: Operation): string | undefined {
  if (operation.kind === "add-column") return operation.column.name;
  return COLUMN_KINDS.has(operation.kind) && "column" in operation && typeof operation.column === "string"
    ? operation.column
    : undefined;
}

/**
 * Drops and creates a revision's pairing remembers, of each kind: the most recent ones. Real revisions drop a few
 * dozen indexes and constraints; past this a revision built to be slow would cost every later operation a scan of
 * thousands. An older drop past it is no longer paired, so it keeps its own phase: a contract, never a softer one.
 */
const MAX_LEDGER_ENTRIES = 1_000;

function remember<T>(entries: T[], entry: T): void {
  entries.push(entry);
  if (entries.length > MAX_LEDGER_ENTRIES) entries.shift();
}

/** `table.column` keys, also found by table: a rename of a table moves its own columns, not every one added. */
class ColumnKeys {
  private readonly keys = new Set<string>();
  private readonly byTable = new Map<string, Set<string>>();

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(table: string, key: string): void {
    this.keys.add(key);
    const keys = this.byTable.get(table);
    if (keys) keys.add(key);
    else this.byTable.set(table, new Set([key]));
  }

  delete(table: string, key: string): boolean {
    this.byTable.get(table)?.delete(key);
    return this.keys.delete(key);
  }

  deleteTable(table: string): void {
    for (const key of this.byTable.get(table) ?? []) this.keys.delete(key);
    this.byTable.delete(table);
  }

  renameTable(from: string, to: string): void {
    const moved = this.byTable.get(from);
    this.byTable.delete(from);
    for (const key of moved ?? []) {
      if (this.keys.delete(key)) this.add(to, `${to}.${key.slice(from.length + 1)}`);
    }
  }
}

/**
 * Replays a revision's operations on the schema state (which it leaves as the revision leaves it) and gathers what
 * the classification of each operation needs: what existed before it, which drops and creates belong together
 * (renames and replacements, followed through the revision's own table and column renames), which drops a later
 * drop makes redundant.
 */
export function revisionFacts(
  operations: readonly Operation[],
  state: SchemaState,
  /** Whether an operation runs on the history's database: a branch for another one leaves its schema as it was. */
  runsHere: (operation: Operation, at: number) => boolean = () => true,
  /** The database an operation runs on (its branch's, else the history's). */
  dialectAt: (at: number) => Dialect = () => state.dialect,
): RevisionFacts {
  const newTables = new TableNames();
  /** Temporary tables the revision created: the migration's own session sees them, and nothing else does. */
  const temporaryTables = new Set<string>();
  const touched = new Set<string>();
  const created = new TableNames();
  /** The paths (conditions) on which each column of `addedColumns` was added, or renamed into its name, by key. */
  const addedUnder = new PathsByName();
  /** The paths (conditions) on which each table of `created` was created, or renamed into its name. */
  const createdUnder = new PathsByName();
  const addedColumns = new ColumnKeys();
  const facts: {
    -readonly [K in keyof OperationFacts]: OperationFacts[K];
  }[] = [];
  const ledger: PairingLedger = {
    pending: [],
    droppedSoFar: [],
    droppedOnTable: [],
    unpairedCreates: [],
    uniqueness: new WeakMap(),
  };
  /** `table.column` keys of columns with a server default this revision gave them. */
  const defaulted = new Set<string>();
  /** Columns this revision added with a server default, which no data change of their table has touched since. */
  const filledByDefault = new ColumnKeys();
  /** `table.column` keys of columns this revision renamed, under their new names. */
  const renamedColumns = new Set<string>();
  /** Tables this revision dropped, and those it then created again under the same name. */
  const droppedTables = new Map<string, number>();
  /** Tables this revision renamed, by their new name. */
  const renamedTables = new Map<string, TableRename>();
  /** The same renames by the name they left: a table created again under it is a rebuild. */
  const renamedAway = new Map<
    string,
    { readonly at: number; readonly to: string; readonly conditions: readonly string[]; readonly written: string }
  >();
  /** Tables the revision rebuilt, with the paths (conditions) that rebuilt them. */
  const rebuiltTables = new PathsByName();
  /** Objects (types, views, functions) the revision renamed away, by the key of the name they left. */
  const objectsRenamedAway = new Map<string, { readonly at: number; readonly conditions: readonly string[] }>();
  /** Keys of the names objects took by a rename in this revision: no running code knows them. */
  const renamedObjectNames = new Set<string>();
  const createdObjects = new Set<string>();
  const pathOf = revisionPaths();
  /** Tables this revision created from a query (`CREATE TABLE x AS SELECT ...`), by name: a copy of another's rows. */
  const copies = new Map<string, Copy>();
  /** Columns this revision dropped, by key, with the position of the drop: a later add or rename may replace them. */
  const droppedColumns = new Map<string, { readonly at: number; readonly type: string | undefined }>();
  const fillingTriggers = columnsFilledByTriggers(operations);
  // Worked out on first need: most revisions set no default.
  let defaults: ReturnType<typeof defaultsAtEnd> | undefined;
  const writes = dataWrites(operations);
  /** Column types given by statements for another database than the history's, by column key. */
  const elsewhereTypes = new Map<string, string>();
  // Where each table is last created, worked out on first need: only a DROP TABLE IF EXISTS asks.
  let lastCreates: ReadonlyMap<string, number> | undefined;
  const lastCreateOf = (table: string): number => {
    lastCreates ??= lastCreatesOf(operations);
    return lastCreates.get(table) ?? -1;
  };
  const objects = { renamedAway: objectsRenamedAway, renamedNames: renamedObjectNames, created: createdObjects };
  const madeHere = { tables: createdUnder, columns: addedUnder };
  // The schema state holds this database's types; a statement for another one sees what its own path gave.
  const typeOf = (column: string, here: boolean) =>
    (here ? undefined : elsewhereTypes.get(column)) ?? state.types.get(column);
  operations.forEach((operation, at) => {
    const table = operation.table === undefined ? undefined : tableKey(operation.table);
    const path = pathOf(operation.context.conditions);
    // Nothing to drop: the history dropped the table already, or it clears the way for a table it creates next that
    // the history never had (a copy made outside the history by hand or by another tool is dropped for good, and
    // stays a drop). Such a drop leaves the table new to the create.
    const gone =
      operation.kind === "drop-table" &&
      table !== undefined &&
      (state.droppedTables.has(table) ||
        (operation.ifExists && lastCreateOf(table) > at && state.mentions.neverNamed(table)));
    if (operation.kind === "create-table" && table !== undefined && !touched.has(table)) newTables.add(table);
    if (table !== undefined && !gone) touched.add(table);
    if (operation.kind === "create-table" && table !== undefined) {
      if (operation.temporary) temporaryTables.add(table);
      else temporaryTables.delete(table);
    }
    const column = operationColumn(operation);
    const key = table !== undefined && column !== undefined ? columnKey(table, column) : undefined;
    const constraintColumns =
      operation.kind === "add-constraint" || operation.kind === "create-index" ? operation.columns : [];
    const fact: (typeof facts)[number] = {
      // Created on a path this one excludes (SQLite's rebuild under `if sqlite: ... return`), it is not new here.
      onNewTable: table !== undefined && amongCreated(created, table) && createdUnder.reaches(table, path),
      // Likewise a column added on a path this one excludes (tacker re-adds a column for PostgreSQL, and changes it
      // in place in the `else` for MySQL).
      onNewColumn: key !== undefined && addedColumns.has(key) && addedUnder.reaches(key, path),
      onlyNewColumns:
        table !== undefined &&
        constraintColumns.length > 0 &&
        constraintColumns.every((name) => {
          const column = columnKey(table, name);
          return addedColumns.has(column) && addedUnder.reaches(column, path);
        }),
      columnKnown: key !== undefined && state.columns.has(key),
      notNullBefore: key !== undefined && state.notNull.has(key),
    };
    if (table !== undefined && operation.kind !== "create-table" && temporaryTables.has(table))
      fact.onTemporaryTable = true;
    const renamedInto = table === undefined ? undefined : renamedTables.get(table);
    if (
      renamedInto &&
      facts[renamedInto.at]?.pairing === undefined &&
      withinConditions(renamedInto.conditions, operation.context.conditions)
    )
      fact.tableRenamedFrom = renamedInto.written;
    const here = runsHere(operation, at);
    // A column the history never gave its table (privacyidea drops `usercache.realm`, which no revision created,
    // inside a `try:`): the drop removes nothing, and no running code maps it.
    if (operation.kind === "drop-column" && here && state.neverHadColumn(operation.table, operation.column))
      fact.alreadyGone = true;
    const foreignKeyTables = here ? state.foreignKeyTablesOf(operation) : [];
    if (foreignKeyTables.length > 0) fact.foreignKeyTables = foreignKeyTables;
    const typeBefore = key === undefined ? undefined : typeOf(key, here);
    if (typeBefore !== undefined) fact.typeBefore = typeBefore;
    const provenBy = operation.kind === "set-not-null" && key !== undefined ? state.provenNotNullBy(key) : undefined;
    if (provenBy !== undefined) fact.provenBy = provenBy;
    if (operation.kind === "create-table" && table !== undefined && droppedTables.has(table)) {
      rebuiltTables.add(table, path);
      // Created again with its rows written back (read before the drop, copied from a scratch table): running code
      // finds the table and its data again, as for a column dropped and added again with its values copied.
      const dropFact = facts[droppedTables.get(table) ?? -1];
      if (dropFact && dropFact.pairing === undefined && writes.after(table, at)) dropFact.pairing = "replaced";
    }
    // Renamed away (`sources` to `sources_tmp`), created again under its name and filled from the renamed copy:
    // SQLite's rebuild by hand. The rename is part of the replacement, and the copy a scratch table no running code
    // knows, which the revision drops once its rows are back.
    const away = operation.kind === "create-table" && table !== undefined ? renamedAway.get(table) : undefined;
    // The name as written, case and all: Alembic quotes a mixed-case name, so on PostgreSQL (and on MySQL's usual
    // case-sensitive file systems) privacyidea's `Token` renamed away and a new `token` are two tables, and old code
    // querying `Token` fails. SQLite folds case.
    if (
      away &&
      table !== undefined &&
      operation.kind === "create-table" &&
      (away.written === unquoted(operation.table) || dialectAt(at) === "sqlite") &&
      sameConditions(away.conditions, operation.context.conditions)
    ) {
      const renameFact = facts[away.at];
      if (renameFact && renameFact.pairing === undefined && writes.after(table, at)) {
        renameFact.pairing = "replaced";
        created.add(away.to);
        createdUnder.add(away.to, path);
      }
    }
    // A table made from a query, or created here and filled by INSERT ... SELECT or in a loop over the rows of a table
    // (an ORM loop over the old table's rows): what it copies, checked against the table it replaces.
    if (
      table !== undefined &&
      ((operation.kind === "create-table" && operation.fromQuery) ||
        (operation.kind === "data-change" &&
          (operation.statement === "insert-select" ||
            (operation.statement === "insert" && operation.context.rowsOf !== undefined)) &&
          amongCreated(created, table)))
    )
      copies.set(table, {
        conditions: operation.context.conditions,
        text: operation.sql ?? operation.text,
        ...(operation.context.rowsOf !== undefined ? { rowsOf: tableKey(operation.context.rowsOf) } : {}),
      });
    // A copy made from a query renamed into the name of a table dropped before it, on the same path (`CREATE TABLE
    // tmp AS SELECT ... FROM leases`, `DROP TABLE leases`, `ALTER TABLE tmp RENAME TO leases`): the rebuild SQLite
    // needs for what ALTER TABLE cannot do. The rows are carried over, so the drop and the rename replace the table.
    if (operation.kind === "rename-table") {
      const to = tableKey(operation.newName);
      const copy = table === undefined ? undefined : copies.get(table);
      const dropped = droppedTables.get(to);
      const dropFact = dropped === undefined ? undefined : facts[dropped];
      if (
        copy &&
        copiesFrom(copy, to) &&
        dropFact &&
        dropFact.pairing === undefined &&
        sameConditions(copy.conditions, operation.context.conditions)
      ) {
        dropFact.pairing = "replaced";
        fact.pairing = "replaced";
        rebuiltTables.add(to, path);
      }
    }
    // A table the revision renamed (`Config` to `Config_old`) and drops once its rows are copied into a table it
    // created: no running code knows the scratch name, and the rows live on in the copy. The rename is the break.
    if (
      operation.kind === "drop-table" &&
      table !== undefined &&
      !gone &&
      renamedTables.has(table) &&
      copiedOut(copies, table, operation.context.conditions)
    )
      fact.pairing = "replaced";
    if (table !== undefined && rebuiltTables.has(table) && rebuiltTables.reaches(table, path))
      fact.onRebuiltTable = true;
    if (gone) fact.alreadyGone = true;
    if ((operation.kind === "add-constraint" || (operation.kind === "create-index" && operation.unique)) && table) {
      const held = heldUnique(operation, table, state);
      fact.cannotReject = held !== false;
      // An index over exactly a unique key's columns, or a constraint adopting a unique index (USING INDEX): the key
      // the table has already.
      if (held === "same" && (operation.kind === "create-index" || operation.usingIndex !== undefined))
        fact.duplicatesKey = true;
    }
    if (operation.kind === "set-not-null" && key !== undefined) {
      defaults ??= defaultsAtEnd(operations);
      // A default the revision takes away again fills nothing for the release still running: its inserts that
      // leave the column out fail once it is gone.
      fact.defaultFilled =
        fillingTriggers.has(key) ||
        (!defaults.removed.has(key) &&
          (defaulted.has(key) || sameDirectiveDefault(operations, at, key) || defaults.kept.has(key)));
    }
    if (operation.kind === "create-object") fact.objectExisted = state.objects.has(objectKey(operation));
    pairObjectRebuild(operation, at, fact, facts, objects);
    if (operation.kind === "add-column" && key !== undefined && operation.column.serverDefault !== undefined) {
      defaults ??= defaultsAtEnd(operations);
      if (defaults.removed.has(key)) fact.defaultRemovedLater = true;
      defaulted.add(key);
      if (table !== undefined) filledByDefault.add(table, key);
    }
    if (operation.kind === "data-change" && table !== undefined) {
      const tested = operation.whereIsNull ?? [];
      if (tested.length > 0 && tested.every((name) => filledByDefault.has(columnKey(table, name))))
        fact.matchesNoRow = true;
      else filledByDefault.deleteTable(table);
    }
    if (operation.kind === "drop-column" && table !== undefined && key !== undefined)
      filledByDefault.delete(table, key);
    if (operation.kind === "set-column-default" && key !== undefined) {
      if (operation.default === undefined) defaulted.delete(key);
      else defaulted.add(key);
    }
    facts.push(fact);
    // A column dropped and added again (or another renamed to its name) later in the revision is replaced: running
    // code keeps a column of that name, filled from the copy the revision made. Added again with no data change on
    // the table anywhere in the revision, nothing was copied: the values are gone, and the drop stays a drop.
    // Put back as a type running code cannot live with (an integer key swapped for a UUID column renamed into its
    // name), the column is not the one it knew: the drop stays a contract, for that reason.
    const replacing =
      operation.kind === "add-column" && table !== undefined && writes.anywhereIn(table)
        ? { key, type: operation.column.type }
        : operation.kind === "rename-column"
          ? {
              key: columnKey(operation.table, operation.newName),
              type: typeOf(columnKey(operation.table, operation.column), here),
            }
          : undefined;
    const replaced = replacing?.key === undefined ? undefined : droppedColumns.get(replacing.key);
    const replacedFact = replaced === undefined ? undefined : facts[replaced.at];
    if (replacedFact && replaced) {
      const from = replaced.type;
      const to = replacing?.type;
      if (
        from === undefined ||
        to === undefined ||
        from === to ||
        // SQLite stores any value in any column: a type it is given changes nothing it enforces.
        state.dialect === "sqlite" ||
        // Every value has a text form: a column put back as text holds what the old one held (ckan's Integer to
        // UnicodeText with its values copied).
        to === "text" ||
        // Nor does an enum's value not fit a varchar (onyx drops its enum types for varchar columns).
        (isEnumType(from) && to.startsWith("varchar")) ||
        compareColumnTypes(from, to, state.dialect).compatible
      )
        replacedFact.pairing = "replaced";
      else replacedFact.retyped = { from, to };
    }
    if (operation.kind === "drop-column" && key !== undefined) droppedColumns.set(key, { at, type: typeOf(key, here) });
    if (operation.kind === "drop-table" && table !== undefined && !gone) droppedTables.set(table, at);
    pairDrops(operation, at, state, fact, facts, ledger, renamedColumns);
    if (operation.kind === "create-table" && table !== undefined) {
      created.add(table);
      createdUnder.add(table, path);
    }
    if (operation.kind === "drop-table" && table !== undefined) {
      created.delete(table);
      createdUnder.delete(table);
    }
    if (operation.kind === "add-column" && table !== undefined && key !== undefined) {
      addedColumns.add(table, key);
      addedUnder.add(key, path);
    }
    if (operation.kind === "drop-column" && table !== undefined && key !== undefined) {
      addedColumns.delete(table, key);
      addedUnder.delete(key);
    }
    if (operation.kind === "rename-table") {
      pairRenameBack(operation, at, fact, facts, renamedTables);
      if (fact.pairing === undefined) {
        renamedAway.set(tableKey(operation.table), {
          at,
          to: tableKey(operation.newName),
          conditions: operation.context.conditions,
          written: unquoted(operation.table),
        });
      }
    }
    followRenames(operation, ledger, created, addedColumns, madeHere, path);
    if (operation.kind === "rename-column") renamedColumns.add(columnKey(operation.table, operation.newName));
    if (here) state.apply(operation);
    else if (key !== undefined) trackElsewhereType(operation, key, elsewhereTypes, (column) => typeOf(column, false));
    state.mentions.record(operation);
  });
  return { newTables, operations: facts };
}

/** What a statement for another database does to the column types its path sees (see `elsewhereTypes`). */
function trackElsewhereType(
  operation: Operation,
  key: string,
  types: Map<string, string>,
  typeOf: (column: string) => string | undefined,
): void {
  if (operation.kind === "add-column" && operation.column.type !== undefined) types.set(key, operation.column.type);
  else if (operation.kind === "change-column-type" && operation.toType !== undefined) types.set(key, operation.toType);
  else if (operation.kind === "drop-column") types.delete(key);
  else if (operation.kind === "rename-column") {
    const type = typeOf(key);
    types.delete(key);
    if (type !== undefined) types.set(columnKey(operation.table, operation.newName), type);
  }
}

/** A name as written, without the quotes SQL may put around it. */
function unquoted(name: string): string {
  return name.replace(/"/g, "");
}

/**
 * An object renamed away and created again under its name on the same path (`ALTER TYPE status RENAME TO status_old`,
 * `CREATE TYPE status AS ENUM (...)`, the column moved over, `DROP TYPE status_old`): PostgreSQL's way to change an
 * enum's values. Running code finds the object under its name, so the rename is a replacement, and the old copy's name
 * is one no running code knows: its drop is neutral.
 */
function pairObjectRebuild(
  operation: Operation,
  at: number,
  fact: { -readonly [K in keyof OperationFacts]: OperationFacts[K] },
  facts: { -readonly [K in keyof OperationFacts]: OperationFacts[K] }[],
  objects: {
    readonly renamedAway: Map<string, { readonly at: number; readonly conditions: readonly string[] }>;
    readonly renamedNames: Set<string>;
    /** Keys of objects this revision created (and has not dropped or renamed since). */
    readonly created: Set<string>;
  },
): void {
  if (operation.kind === "rename-object" && operation.objectType !== "index" && operation.objectType !== "constraint") {
    const key = objectKey(operation);
    const renamed = objectKey({ objectType: operation.objectType, name: operation.newName });
    if (objects.created.delete(key)) {
      // One the revision made itself (`status_new` renamed to `status`) is still one no running code knows.
      fact.onNewObject = true;
      objects.created.add(renamed);
    } else {
      objects.renamedAway.set(key, { at, conditions: operation.context.conditions });
      objects.renamedNames.add(renamed);
    }
  } else if (operation.kind === "create-object") {
    const key = objectKey(operation);
    if (!fact.objectExisted) objects.created.add(key);
    const away = objects.renamedAway.get(key);
    const renameFact = away === undefined ? undefined : facts[away.at];
    if (
      away &&
      renameFact &&
      renameFact.pairing === undefined &&
      sameConditions(away.conditions, operation.context.conditions)
    ) {
      renameFact.pairing = "replaced";
      objects.renamedAway.delete(key);
    }
  } else if (operation.kind === "drop-object") {
    const key = objectKey(operation);
    if (objects.created.delete(key)) fact.onNewObject = true;
    else if (objects.renamedNames.has(key) && fact.pairing === undefined) fact.pairing = "replaced";
  }
}

/** Where each table is last created in the revision, by key. */
function lastCreatesOf(operations: readonly Operation[]): ReadonlyMap<string, number> {
  const last = new Map<string, number>();
  operations.forEach((operation, at) => {
    if (operation.kind === "create-table") last.set(tableKey(operation.table), at);
  });
  return last;
}

/** A table filled from another's rows: the path it was filled on, and what shows where the rows came from. */
interface Copy {
  readonly conditions: readonly string[];
  /** The statement that filled it (`INSERT INTO t_new SELECT ... FROM t`, `CREATE TABLE t_new AS SELECT ...`). */
  readonly text: string;
  /** The table whose rows an ORM loop read to fill it. */
  readonly rowsOf?: string;
}

/** Whether a table the revision created was filled from the rows of `table`, on the given path. */
function copiedOut(copies: ReadonlyMap<string, Copy>, table: string, conditions: readonly string[]): boolean {
  for (const copy of copies.values())
    if (copiesFrom(copy, table) && sameConditions(copy.conditions, conditions)) return true;
  return false;
}

/** Whether the copy holds the rows of `table` (a key): its loop read them, or its statement names the table. */
function copiesFrom(copy: Copy, table: string): boolean {
  return copy.rowsOf === table || namesWord(copy.text, withoutSchema(table));
}

/** A table the revision renamed: where, its name before, and the conditions the rename ran under. */
interface TableRename {
  readonly at: number;
  readonly from: string;
  /** The old name as the rename wrote it, for messages. */
  readonly written: string;
  readonly conditions: readonly string[];
}

/** Whether two operations run under the same conditions: the same path through the revision's branches. */
function sameConditions(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && withinConditions(first, second);
}

/** A rename of a table back to the name it had earlier in the revision, on the same path: both are a rename. */
function pairRenameBack(
  operation: Extract<Operation, { kind: "rename-table" }>,
  at: number,
  fact: { -readonly [K in keyof OperationFacts]: OperationFacts[K] },
  facts: { -readonly [K in keyof OperationFacts]: OperationFacts[K] }[],
  renamedTables: Map<string, TableRename>,
): void {
  const from = tableKey(operation.table);
  const to = tableKey(operation.newName);
  const { conditions } = operation.context;
  const earlier = renamedTables.get(from);
  renamedTables.delete(from);
  const earlierFact = earlier === undefined ? undefined : facts[earlier.at];
  const samePath = earlier !== undefined && sameConditions(earlier.conditions, conditions);
  if (earlier && earlierFact && earlier.from === to && samePath) {
    earlierFact.pairing = "rename";
    fact.pairing = "rename";
    return;
  }
  renamedTables.set(to, { at, from, conditions, written: unquoted(operation.table) });
}

/** Data changes of one table looked at for one rebuild, at most: bounded for a revision of thousands. */
const MAX_WRITES_SCANNED = 1_000;

/** Where a revision writes rows, by table. */
interface DataWrites {
  /**
   * Whether it changes data in the table anywhere: a data change on it, or one whose table migragate could not read
   * (SQL built at run time may write anywhere).
   */
  anywhereIn(table: string): boolean;
  /**
   * Whether it writes rows into the table after an operation, on a path that runs after it (the same branch, or one
   * nested in it). Only a data change of that table counts: a table rebuilt without one loses its rows, and
   * something migragate cannot read elsewhere in the revision is no evidence that they were put back.
   */
  after(table: string, at: number): boolean;
}

function dataWrites(operations: readonly Operation[]): DataWrites {
  const positions = new Map<string, number[]>();
  let unknownTarget = false;
  operations.forEach((operation, at) => {
    if (operation.kind === "opaque") unknownTarget = true;
    if (operation.kind !== "data-change") return;
    if (operation.table === undefined) unknownTarget = true;
    else pushTo(positions, tableKey(operation.table), at);
  });
  return {
    anywhereIn: (table) => unknownTarget || positions.has(table),
    after: (table, at) => {
      const conditions = operations[at]?.context.conditions ?? [];
      const list = positions.get(table) ?? [];
      // Positions ascend: start at the first write after `at`.
      let low = 0;
      for (let high = list.length; low < high; ) {
        const middle = (low + high) >> 1;
        if ((list[middle] ?? 0) > at) high = middle;
        else low = middle + 1;
      }
      return list
        .slice(low, low + MAX_WRITES_SCANNED)
        .some((index) => withinConditions(conditions, operations[index]?.context.conditions ?? []));
    },
  };
}

/**
 * The server defaults of the revision's columns once it has run: `kept`, the columns that have one (what old code
 * meets after the deploy, whether the default came before a SET NOT NULL or after it: `nullable=False`, then
 * `server_default=nextval(...)`); `removed`, those whose default the revision took away and did not give back, and
 * which are still there (rows inserted after the revision without them get no value).
 */
function defaultsAtEnd(operations: readonly Operation[]): {
  readonly kept: ReadonlySet<string>;
  readonly removed: ReadonlySet<string>;
} {
  const state = new Map<string, "kept" | "removed">();
  for (const operation of operations) {
    if (operation.kind === "add-column" && operation.column.serverDefault !== undefined)
      state.set(columnKey(operation.table, operation.column.name), "kept");
    else if (operation.kind === "set-column-default")
      state.set(columnKey(operation.table, operation.column), operation.default === undefined ? "removed" : "kept");
    else if (operation.kind === "drop-column") state.delete(columnKey(operation.table, operation.column));
  }
  const kept = new Set<string>();
  const removed = new Set<string>();
  for (const [key, value] of state) (value === "kept" ? kept : removed).add(key);
  return { kept, removed };
}

/**
 * `table.column` keys of the columns a BEFORE INSERT row trigger created in the revision fills, through a function
 * the revision creates (`NEW.sitemap_bucket := ...`). In one transaction the trigger and a SET NOT NULL take effect
 * together, so old code's inserts that leave the column out still pass.
 */
function columnsFilledByTriggers(operations: readonly Operation[]): ReadonlySet<string> {
  const fills = new Map<string, readonly string[]>();
  for (const operation of operations) {
    if (operation.kind === "create-object" && operation.objectType === "function" && operation.fillsColumns)
      fills.set(nameKey(operation.name), operation.fillsColumns);
  }
  const filled = new Set<string>();
  if (fills.size === 0) return filled;
  for (const operation of operations) {
    const trigger = operation.kind === "create-object" ? operation.trigger : undefined;
    if (!trigger?.beforeInsertRow) continue;
    for (const column of fills.get(nameKey(trigger.function)) ?? []) filled.add(columnKey(trigger.table, column));
  }
  return filled;
}

/** A later part of the same alter_column gives the column a server default (`nullable=False, server_default=...`). */
function sameDirectiveDefault(operations: readonly Operation[], at: number, key: string): boolean {
  const directive = operations[at]?.span;
  for (let index = at + 1; index < operations.length; index++) {
    const next = operations[index] as Operation;
    if (next.span.line !== directive?.line || next.span.column !== directive.column) return false;
    if (next.kind === "set-column-default" && next.default !== undefined && columnKey(next.table, next.column) === key)
      return true;
  }
  return false;
}

/** Records drops of indexes and constraints and pairs creates with them; marks drops a later drop subsumes. */
function pairDrops(
  operation: Operation,
  at: number,
  state: SchemaState,
  fact: { -readonly [K in keyof OperationFacts]: OperationFacts[K] },
  facts: { -readonly [K in keyof OperationFacts]: OperationFacts[K] }[],
  ledger: PairingLedger,
  renamedColumns: ReadonlySet<string>,
): void {
  const { pending, droppedSoFar } = ledger;
  switch (operation.kind) {
    case "drop-index": {
      const index = state.indexes.get(nameKey(operation.name));
      if (index && (operation.table === undefined || operation.table === "?")) fact.indexTable = index.table;
      if (index && coveredByAnother(index, state)) fact.pairing = "redundant";
      const uniqueKey = index ? undefined : state.uniqueKeyDroppedAsIndex(operation.table, operation.name);
      const definition = index ? indexDefinition(index) : uniqueKey ? constraintDefinition(uniqueKey) : undefined;
      const written =
        operation.table === undefined || operation.table === "?" ? index?.table : tableKey(operation.table);
      if (definition && pairWithEarlierCreate(nameKey(operation.name), definition, fact, facts, ledger, state)) return;
      remember(pending, {
        at,
        name: nameKey(operation.name),
        ...(definition ? { definition } : { unknownIndex: true }),
        ...(written !== undefined ? { table: written } : {}),
      });
      if (definition) remember(droppedSoFar, { at, definition });
      else if (written !== undefined) remember(ledger.droppedOnTable, { at, table: written });
      return;
    }
    case "drop-constraint": {
      const known = state.constraint(operation.table, operation.name);
      const type =
        operation.constraintType !== "unknown"
          ? operation.constraintType
          : state.constraintType(operation.table, operation.name);
      if (operation.constraintType === "unknown" && type !== undefined) fact.constraintType = type;
      const table = tableKey(operation.table);
      const columns = known?.columns ?? (type === "primary-key" ? state.primaryKeys.get(table) : undefined);
      const definition: Definition | undefined =
        columns !== undefined && type !== undefined
          ? { kind: "constraint", table, columns, type }
          : known
            ? constraintDefinition(known)
            : undefined;
      if (definition && pairWithEarlierCreate(nameKey(operation.name), definition, fact, facts, ledger, state)) return;
      remember(pending, { at, name: nameKey(operation.name), table, ...(definition ? { definition } : {}) });
      if (definition) remember(droppedSoFar, { at, definition });
      return;
    }
    case "create-index":
    case "add-constraint": {
      const table = tableKey(operation.table);
      const columns = operation.columns.map(nameKey);
      const definition: Definition =
        operation.kind === "create-index"
          ? { kind: "index", table, columns, unique: operation.unique }
          : { kind: "constraint", table, columns, type: operation.constraintType };
      const name = operation.name === undefined ? undefined : nameKey(operation.name);
      // A create puts back one dropped object, and loosens every narrower unique key the revision dropped before it
      // (mistral drops three generations of one key and creates the widest again).
      let paired = false;
      for (let index = pending.length - 1; index >= 0; index--) {
        const drop = pending[index] as PendingDrop;
        const pairing = drop.definition
          ? pairingOf(drop.definition, definition, state.notNull, ledger.uniqueness)
          : undefined;
        const sameName = drop.name === name && (drop.table === undefined || drop.table === table);
        // The same run-time value names both (`fk["name"]` of one inspector row): the object is put back as it was.
        const restored = sameName && name !== undefined && hasUnresolvedPart(name) ? "rename" : undefined;
        const byName = pairing ?? restored ?? (sameName ? "replaced" : undefined);
        if (byName === undefined || (paired && byName !== "loosening")) continue;
        pending.splice(index, 1);
        const dropFact = facts[drop.at];
        if (dropFact) dropFact.pairing = byName;
        if (!paired && byName !== "replaced") fact.pairing = byName;
        paired = true;
      }
      if (paired) return;
      // `tenant_id` renamed `project_id`, then each index read from the inspector dropped and created again on the
      // new column: an index whose definition is unknown, dropped from the table, comes back on the renamed column.
      const onRenamedColumns =
        columns.length > 0 && columns.every((column) => renamedColumns.has(`${table}.${column}`));
      if (operation.kind !== "create-index" || !onRenamedColumns) {
        remember(ledger.unpairedCreates, { at, definition, ...(name !== undefined ? { name } : {}) });
        return;
      }
      const drop = pending.findLastIndex((candidate) => candidate.unknownIndex && candidate.table === table);
      const dropFact = drop < 0 ? undefined : facts[(pending[drop] as PendingDrop).at];
      if (!dropFact) return;
      pending.splice(drop, 1);
      dropFact.pairing = "rename";
      fact.pairing = "rename";
      return;
    }
    case "drop-object":
      remember(pending, { at, name: objectKey(operation) });
      return;
    case "create-object": {
      const key = objectKey(operation);
      const drop = pending.findLastIndex((candidate) => candidate.definition === undefined && candidate.name === key);
      const dropFact = drop < 0 ? undefined : facts[(pending[drop] as PendingDrop).at];
      if (dropFact) dropFact.pairing = "replaced";
      if (drop >= 0) pending.splice(drop, 1);
      return;
    }
    case "drop-table":
    case "drop-column": {
      const table = tableKey(operation.table);
      const column = operation.kind === "drop-column" ? nameKey(operation.column) : undefined;
      const subsume = (at: number) => {
        const dropFact = facts[at];
        if (dropFact && (dropFact.pairing === undefined || dropFact.pairing === "redundant")) dropFact.subsumed = true;
      };
      for (const drop of droppedSoFar) {
        if (drop.definition.table !== table) continue;
        if (column !== undefined && !drop.definition.columns.includes(column)) continue;
        subsume(drop.at);
      }
      if (column === undefined) for (const drop of ledger.droppedOnTable) if (drop.table === table) subsume(drop.at);
      return;
    }
    default:
      return;
  }
}

/**
 * The replacement created before the drop (`uq_users_email_v2` created, then `uq_users_email` dropped): a create
 * earlier in the revision that enforces what the dropped object did, or less, pairs with the drop as it would after it.
 */
function pairWithEarlierCreate(
  droppedName: string,
  dropped: Definition,
  fact: { -readonly [K in keyof OperationFacts]: OperationFacts[K] },
  facts: { -readonly [K in keyof OperationFacts]: OperationFacts[K] }[],
  ledger: PairingLedger,
  state: SchemaState,
): boolean {
  const creates = ledger.unpairedCreates;
  for (let index = creates.length - 1; index >= 0; index--) {
    const create = creates[index] as PairingLedger["unpairedCreates"][number];
    // The object created earlier and dropped again under its own name is a scratch object, not a replacement.
    if (create.name === droppedName) continue;
    const pairing = pairingOf(dropped, create.definition, state.notNull, ledger.uniqueness);
    const createFact = facts[create.at];
    if (pairing === undefined || !createFact) continue;
    creates.splice(index, 1);
    fact.pairing = pairing;
    createFact.pairing = pairing;
    return true;
  }
  return false;
}

/**
 * A plain index whose columns are the leading columns of another index or unique key of the same table: queries keep
 * that other index, so dropping this one loses nothing the running code relies on.
 */
function coveredByAnother(index: IndexDefinition, state: SchemaState): boolean {
  if (index.unique || index.columns.length === 0) return false;
  const leads = (columns: readonly string[]) =>
    columns.length >= index.columns.length && index.columns.every((column, position) => columns[position] === column);
  // Whatever leads with the index's columns uses its first column.
  const first = index.columns[0] as string;
  for (const [, other] of state.indexes.onColumn(index.table, first)) {
    if (other !== index && leads(other.columns)) return true;
  }
  for (const [, constraint] of state.constraints.onColumn(index.table, first)) {
    const keyed = constraint.type === "unique" || constraint.type === "primary-key";
    if (keyed && leads(constraint.columns)) return true;
  }
  const primary = state.primaryKeys.get(index.table);
  return primary !== undefined && leads(primary);
}

/**
 * A unique key or primary key that cannot reject a row the table already accepts: its columns include a unique key
 * the table already has (its primary key, a unique constraint or a unique index), and a primary key's columns are all
 * NOT NULL already.
 */
/** Whether a unique key the table has already covers the new one's columns: the `same` columns, or `wider` ones. */
function heldUnique(
  operation: Operation & { kind: "add-constraint" | "create-index" },
  table: string,
  state: SchemaState,
): "same" | "wider" | false {
  const primary = operation.kind === "add-constraint" && operation.constraintType === "primary-key";
  const unique = operation.kind === "create-index" || operation.constraintType === "unique" || primary;
  // `ADD CONSTRAINT ... UNIQUE USING INDEX ix` names no columns: it adopts a unique index of the table, which rejects
  // already whatever the constraint would (h builds the index CONCURRENTLY, then adopts it).
  const adopted =
    operation.kind === "add-constraint" && operation.usingIndex !== undefined
      ? state.indexes.get(nameKey(operation.usingIndex))
      : undefined;
  const keyColumns =
    operation.columns.length > 0
      ? operation.columns
      : adopted?.unique && adopted.table === table
        ? adopted.columns
        : [];
  if (!unique || keyColumns.length === 0) return false;
  const columns = new Set(keyColumns.map(nameKey));
  if (primary && ![...columns].every((column) => state.notNull.has(`${table}.${column}`))) return false;
  let held: "same" | "wider" | false = false;
  const primaryKey = state.primaryKeys.get(table);
  if (primaryKey && covers(primaryKey, columns)) held = new Set(primaryKey).size === columns.size ? "same" : "wider";
  for (const subset of coveredKeys(table, columns, state)) {
    if (held !== "same") held = subset.size === columns.size ? "same" : "wider";
  }
  return held;
}

function covers(key: readonly string[], columns: ReadonlySet<string>): boolean {
  return key.length > 0 && key.every((column) => columns.has(column));
}

/** Up to this many columns, a new key's subsets are looked up one by one; past it, the objects on its columns. */
const MAX_SUBSET_COLUMNS = 6;

/** The column sets of the unique keys (constraints and unique indexes) of a table that a new key's columns cover. */
function* coveredKeys(table: string, columns: ReadonlySet<string>, state: SchemaState): Generator<ReadonlySet<string>> {
  const isKey = (constraint: ConstraintDefinition) => constraint.type === "unique" || constraint.type === "primary-key";
  const listed = [...columns];
  if (listed.length > MAX_SUBSET_COLUMNS) {
    for (const column of listed) {
      for (const [, constraint] of state.constraints.onColumn(table, column))
        if (isKey(constraint) && covers(constraint.columns, columns)) yield new Set(constraint.columns);
      for (const [, index] of state.indexes.onColumn(table, column))
        if (index.unique && covers(index.columns, columns)) yield new Set(index.columns);
    }
    return;
  }
  // Every non-empty subset of the columns, as a bit mask: the keys with exactly those columns are covered.
  for (let mask = 1; mask < 1 << listed.length; mask++) {
    const subset = new Set(listed.filter((_, position) => mask & (1 << position)));
    const keyed =
      state.constraints.withColumnSet(table, subset).some(([, constraint]) => isKey(constraint)) ||
      state.indexes.withColumnSet(table, subset).some(([, index]) => index.unique);
    if (keyed) yield subset;
  }
}

/** Keeps the revision's own bookkeeping in step with its table and column renames. */
function followRenames(
  operation: Operation,
  ledger: PairingLedger,
  created: Set<string>,
  addedColumns: ColumnKeys,
  /** Where the revision made its tables and columns. */
  paths: { readonly tables: PathsByName; readonly columns: PathsByName },
  /** The path of this operation. */
  at: RevisionPath,
): void {
  const retarget = (update: (definition: Definition) => Definition) => {
    for (const drop of ledger.pending) if (drop.definition) drop.definition = update(drop.definition);
    for (const entry of ledger.droppedSoFar) entry.definition = update(entry.definition);
    for (const entry of ledger.unpairedCreates) entry.definition = update(entry.definition);
  };
  if (operation.kind === "rename-table") {
    const from = tableKey(operation.table);
    const to = tableKey(operation.newName);
    retarget((definition) => (definition.table === from ? { ...definition, table: to } : definition));
    for (const drop of ledger.droppedOnTable) if (drop.table === from) drop.table = to;
    if (created.delete(from)) {
      created.add(to);
      paths.tables.delete(from);
      paths.tables.add(to, at);
    }
    addedColumns.renameTable(from, to);
  } else if (operation.kind === "rename-column") {
    const table = tableKey(operation.table);
    const from = nameKey(operation.column);
    const to = nameKey(operation.newName);
    retarget((definition) =>
      definition.table === table && definition.columns.includes(from)
        ? { ...definition, columns: definition.columns.map((column) => (column === from ? to : column)) }
        : definition,
    );
    if (addedColumns.delete(table, `${table}.${from}`)) {
      addedColumns.add(table, `${table}.${to}`);
      // The renamed column is new on the rename's path. (A table rename drops what is known of its columns' paths:
      // they count as added on every path, as before paths were told apart.)
      paths.columns.delete(`${table}.${from}`);
      paths.columns.add(`${table}.${to}`, at);
    }
  }
}
