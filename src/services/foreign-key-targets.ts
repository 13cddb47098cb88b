import { addTo, removeFrom } from "./table-keyed.js";

/**
 * The table each foreign-key column of the history references, by folded `table.column` key. PostgreSQL keeps a
 * foreign key's checks as triggers on both tables: dropping the key, its column or its table removes the referenced
 * table's triggers too, under an ACCESS EXCLUSIVE lock on that table, often the busiest one.
 */
export class ForeignKeyTargets {
  /** By referencing column key: its table's key and the key of the table it references. */
  private readonly targets = new Map<string, { readonly table: string; readonly referenced: string }>();
  /** The keys of `targets` by the referencing table's key. */
  private readonly byTable = new Map<string, Set<string>>();
  /** The keys of `targets` by the table they reference: a rename of it reaches its keys at once. */
  private readonly byReferenced = new Map<string, Set<string>>();

  set(table: string, key: string, referenced: string): void {
    this.deleteColumn(key);
    this.targets.set(key, { table, referenced });
    addTo(this.byTable, table, key);
    addTo(this.byReferenced, referenced, key);
  }

  deleteColumn(key: string): void {
    const target = this.targets.get(key);
    if (target === undefined) return;
    this.targets.delete(key);
    removeFrom(this.byTable, target.table, key);
    removeFrom(this.byReferenced, target.referenced, key);
  }

  deleteTable(table: string): void {
    for (const key of [...(this.byTable.get(table) ?? [])]) this.deleteColumn(key);
  }

  renameColumn(from: string, to: string): void {
    const target = this.targets.get(from);
    if (target === undefined) return;
    this.deleteColumn(from);
    this.set(target.table, to, target.referenced);
  }

  /** The referencing columns move with their table; keys that reference it follow its new name. */
  renameTable(from: string, to: string): void {
    for (const key of [...(this.byTable.get(from) ?? [])]) {
      const target = this.targets.get(key);
      if (target === undefined) continue;
      this.deleteColumn(key);
      this.set(to, `${to}.${key.slice(from.length + 1)}`, target.referenced === from ? to : target.referenced);
    }
    for (const key of [...(this.byReferenced.get(from) ?? [])]) {
      const target = this.targets.get(key);
      if (target !== undefined) this.set(target.table, key, to);
    }
  }

  /** The other tables the foreign keys of `keys` (every key of the table when undefined) reference. */
  referencedBy(table: string, keys?: readonly string[]): string[] {
    const found = new Set<string>();
    for (const key of keys ?? this.byTable.get(table) ?? []) {
      const referenced = this.targets.get(key)?.referenced;
      if (referenced !== undefined && referenced !== table) found.add(referenced);
    }
    return [...found];
  }
}
