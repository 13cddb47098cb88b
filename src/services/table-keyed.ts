/**
 * A map of schema objects that belong to a table (indexes, constraints), that also finds a table's objects, and the
 * objects on one column, without scanning every object of the schema: a history of thousands of revisions drops a
 * column or asks for a table's unique keys at every step, and one revision may rename thousands of columns.
 */
export class TableKeyed<V extends { readonly table: string; readonly columns: readonly string[] }> {
  /** `isKey`: the objects found by their exact column set (unique keys); the others are not indexed so. */
  constructor(private readonly isKey: (value: V) => boolean = () => true) {}

  private readonly entries = new Map<string, V>();
  private readonly byTable = new Map<string, Set<string>>();
  /** Keys by table and column, for each column an object uses. */
  private readonly byColumn = new Map<string, Set<string>>();
  /** Keys by the set of columns an object uses (`columnSet`). */
  private readonly byColumnSet = new Map<string, Set<string>>();

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    const previous = this.entries.get(key);
    if (previous) {
      if (previous.table !== value.table) this.byTable.get(previous.table)?.delete(key);
      this.unindexColumns(key, previous);
    }
    this.entries.set(key, value);
    addTo(this.byTable, value.table, key);
    for (const column of value.columns) addTo(this.byColumn, `${value.table}\0${column}`, key);
    if (this.isKey(value)) addTo(this.byColumnSet, columnSet(value.table, value.columns), key);
  }

  delete(key: string): boolean {
    const previous = this.entries.get(key);
    if (!previous) return false;
    this.entries.delete(key);
    removeFrom(this.byTable, previous.table, key);
    this.unindexColumns(key, previous);
    return true;
  }

  /** The keys and values of one table's objects, in no promised order; safe to change the map while reading. */
  onTable(table: string): [string, V][] {
    return this.pairs(this.byTable.get(table));
  }

  /** The keys and values of the objects that use one column of a table; safe to change the map while reading. */
  onColumn(table: string, column: string): [string, V][] {
    return this.pairs(this.byColumn.get(`${table}\0${column}`));
  }

  /** The keys and values of the key objects of a table that use exactly these columns, in any order or number. */
  withColumnSet(table: string, columns: Iterable<string>): [string, V][] {
    return this.pairs(this.byColumnSet.get(columnSet(table, columns)));
  }

  private pairs(keys: ReadonlySet<string> | undefined): [string, V][] {
    if (!keys) return [];
    return [...keys].map((key) => [key, this.entries.get(key) as V]);
  }

  private unindexColumns(key: string, value: V): void {
    for (const column of value.columns) removeFrom(this.byColumn, `${value.table}\0${column}`, key);
    if (this.isKey(value)) removeFrom(this.byColumnSet, columnSet(value.table, value.columns), key);
  }
}

/** A table and a set of its columns as one key: the columns sorted, each once. */
function columnSet(table: string, columns: Iterable<string>): string {
  const distinct = [...new Set(columns)];
  if (distinct.length > 1) distinct.sort();
  return `${table}\0${distinct.join("\0")}`;
}

/** `key` added to the set of keys under `at`. */
export function addTo(index: Map<string, Set<string>>, at: string, key: string): void {
  const keys = index.get(at);
  if (keys) keys.add(key);
  else index.set(at, new Set([key]));
}

/** `key` taken out of the set under `at`; an emptied set goes. */
export function removeFrom(index: Map<string, Set<string>>, at: string, key: string): void {
  const keys = index.get(at);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(at);
}
