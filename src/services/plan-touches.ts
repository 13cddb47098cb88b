import { type ClassifiedOperation, hasUnresolvedPart, tableKey } from "../domain/index.js";

/**
 * What an operation touches, for deciding whether two revisions may swap places: a whole table (created, dropped,
 * renamed, rows changed), one column, a named object (index, constraint, type, view...), a table it only needs to
 * exist (an index dropped on it, a comment), or something migragate cannot tell.
 */
export type Touch =
  | { readonly kind: "table"; readonly table: string }
  | { readonly kind: "column"; readonly table: string; readonly column: string }
  | { readonly kind: "object"; readonly name: string }
  | { readonly kind: "on-table"; readonly table: string }
  | { readonly kind: "unknown"; readonly text: string };

function folded(name: string): string {
  return tableKey(name);
}

function unknown(op: ClassifiedOperation): Touch {
  return { kind: "unknown", text: op.text };
}

/** The touches of one operation; a name migragate could not resolve makes the touch unknown. */
export function touchesOf(op: ClassifiedOperation): Touch[] {
  const touches = ownTouches(op);
  const names = touches.flatMap((touch) =>
    touch.kind === "column"
      ? [touch.table, touch.column]
      : touch.kind === "unknown"
        ? []
        : [touch.kind === "object" ? touch.name : touch.table],
  );
  return names.some((name) => name === "" || name === "?" || hasUnresolvedPart(name)) ? [unknown(op)] : touches;
}

function table(name: string): Touch {
  return { kind: "table", table: folded(name) };
}

function column(tableName: string, name: string): Touch {
  return { kind: "column", table: folded(tableName), column: folded(name) };
}

function object(name: string): Touch {
  return { kind: "object", name: folded(name) };
}

function onTable(name: string | undefined): Touch[] {
  return name === undefined ? [] : [{ kind: "on-table", table: folded(name) }];
}

function columnsOf(tableName: string, columns: readonly string[]): Touch[] {
  return columns.length === 0 ? [table(tableName)] : columns.map((name) => column(tableName, name));
}

function ownTouches(op: ClassifiedOperation): Touch[] {
  switch (op.kind) {
    case "create-table":
    case "drop-table":
      return [table(op.table)];
    case "rename-table":
      return [table(op.table), table(op.newName)];
    case "truncate":
      return op.tables.map(table);
    case "add-column":
      return [column(op.table, op.column.name)];
    case "drop-column":
    case "set-not-null":
    case "drop-not-null":
    case "change-column-type":
    case "set-column-default":
      return [column(op.table, op.column)];
    case "rename-column":
      return [column(op.table, op.column), column(op.table, op.newName)];
    case "create-index":
      return [...columnsOf(op.table, op.columns), ...(op.name ? [object(op.name)] : [])];
    case "drop-index":
      return [object(op.name), ...onTable(op.table)];
    case "add-constraint":
      return [
        ...columnsOf(op.table, op.columns),
        ...(op.name ? [object(op.name)] : []),
        ...onTable(op.referencedTable),
      ];
    case "drop-constraint":
    case "validate-constraint":
      return [object(op.name), ...onTable(op.table)];
    case "create-object":
    case "drop-object":
      return [object(op.name), ...onTable(op.table)];
    case "rename-object":
      return [object(op.name), object(op.newName)];
    case "alter-enum-add-value":
      return [object(op.typeName)];
    case "data-change":
      // Which columns a data change reads and writes is not modelled: the whole table, or anything when unknown.
      return op.table === undefined ? [unknown(op)] : [table(op.table)];
    case "comment":
    case "alter-table-other":
    case "maintenance":
    case "utility":
      return onTable(op.table);
    case "set-config":
    case "transaction-control":
    case "query":
      return [];
    case "opaque":
      return [unknown(op)];
  }
}

/** What one side touches, indexed so that the other side is checked in one pass. */
interface TouchIndex {
  readonly unknown?: string;
  readonly tables: ReadonlySet<string>;
  readonly onTables: ReadonlySet<string>;
  /** Columns by table, for a whole-table touch on the other side. */
  readonly columnTables: ReadonlySet<string>;
  readonly columns: ReadonlySet<string>;
  readonly objects: ReadonlySet<string>;
}

function indexTouches(touches: readonly Touch[]): TouchIndex {
  const tables = new Set<string>();
  const onTables = new Set<string>();
  const columnTables = new Set<string>();
  const columns = new Set<string>();
  const objects = new Set<string>();
  let unknownText: string | undefined;
  for (const touch of touches) {
    if (touch.kind === "unknown") unknownText ??= touch.text;
    else if (touch.kind === "table") tables.add(touch.table);
    else if (touch.kind === "on-table") onTables.add(touch.table);
    else if (touch.kind === "object") objects.add(touch.name);
    else {
      columnTables.add(touch.table);
      columns.add(`${touch.table}\u0000${touch.column}`);
    }
  }
  return {
    ...(unknownText !== undefined ? { unknown: unknownText } : {}),
    tables,
    onTables,
    columnTables,
    columns,
    objects,
  };
}

function unreadable(text: string): string {
  return `one of them runs an operation migragate cannot read (${text.replace(/\s+/g, " ").slice(0, 60)})`;
}

/**
 * Whether a touch depends on the order against what the index holds: the same object, column or table, a table
 * needed only to exist against what creates, drops or renames it, and anything against what cannot be read.
 */
function sharedWith(touch: Touch, index: TouchIndex): string | undefined {
  if (touch.kind === "unknown") return unreadable(touch.text);
  if (touch.kind === "object") return index.objects.has(touch.name) ? `both touch "${touch.name}"` : undefined;
  const { table: name } = touch;
  const whole = `both touch table "${name}"`;
  if (index.tables.has(name)) return whole;
  if (touch.kind === "on-table") return undefined;
  if (touch.kind === "table") return index.onTables.has(name) || index.columnTables.has(name) ? whole : undefined;
  return index.columns.has(`${name}\u0000${touch.column}`) ? `both touch column "${name}.${touch.column}"` : undefined;
}

/** What one revision's operations touch: in order, and indexed. */
export interface RevisionTouches {
  readonly touches: readonly Touch[];
  readonly index: TouchIndex;
}

export function revisionTouches(operations: readonly ClassifiedOperation[]): RevisionTouches {
  const touches = operations.flatMap(touchesOf);
  return { touches, index: indexTouches(touches) };
}

/**
 * Why two revisions' operations may depend on their order (`both touch table "users"`), for a message; undefined
 * when they touch nothing in common.
 */
export function sharedTouch(first: RevisionTouches, second: RevisionTouches): string | undefined {
  if (second.index.unknown !== undefined) return unreadable(second.index.unknown);
  for (const touch of first.touches) {
    const what = sharedWith(touch, second.index);
    if (what !== undefined) return what;
  }
  return undefined;
}
