/**
 * A map of schema objects that belong to a table (indexes, constraints), that also finds a table's objects without
 * scanning every object of the schema: a history of thousands of revisions drops a column or asks for a table's
 * unique keys at every step.
 */
export class TableKeyed<V extends { readonly table: string }> {
  private readonly entries = new Map<string, V>();
  private readonly byTable = new Map<string, Set<string>>();

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    const previous = this.entries.get(key);
    if (previous && previous.table !== value.table) this.byTable.get(previous.table)?.delete(key);
    this.entries.set(key, value);
    let keys = this.byTable.get(value.table);
    if (!keys) {
      keys = new Set();
      this.byTable.set(value.table, keys);
    }
    keys.add(key);
  }

  delete(key: string): boolean {
    const previous = this.entries.get(key);
    if (!previous) return false;
    this.entries.delete(key);
    const keys = this.byTable.get(previous.table);
    keys?.delete(key);
    if (keys?.size === 0) this.byTable.delete(previous.table);
    return true;
  }

  /** The keys and values of one table's objects, in no promised order; safe to change the map while reading. */
  onTable(table: string): [string, V][] {
    const keys = this.byTable.get(table);
    if (!keys) return [];
    return [...keys].map((key) => [key, this.entries.get(key) as V]);
  }
}
