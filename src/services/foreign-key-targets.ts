/**
 * The table each foreign-key column of the history references, by folded `table.column` key. PostgreSQL keeps a
 * foreign key's checks as triggers on both tables: dropping the key, its column or its table removes the referenced
 * table's triggers too, under an ACCESS EXCLUSIVE lock on that table, often the busiest one.
 */
export class ForeignKeyTargets {
  private readonly targets = new Map<string, string>();
  /** The keys of `targets` by the referencing table's key. */
  private readonly byTable = new Map<string, Set<string>>();

  set(table: string, key: string, referenced: string): void {
    this.targets.set(key, referenced);
    let keys = this.byTable.get(table);
    if (!keys) {
      keys = new Set();
      this.byTable.set(table, keys);
    }
    keys.add(key);
  }

  deleteColumn(table: string, key: string): void {
    this.targets.delete(key);
    this.byTable.get(table)?.delete(key);
  }

  deleteTable(table: string): void {
    for (const key of this.byTable.get(table) ?? []) this.targets.delete(key);
    this.byTable.delete(table);
  }

  renameColumn(table: string, from: string, to: string): void {
    const referenced = this.targets.get(from);
    if (referenced === undefined) return;
    this.deleteColumn(table, from);
    this.set(table, to, referenced);
  }

  /** The referencing columns move with their table; keys that reference it follow its new name. */
  renameTable(from: string, to: string): void {
    for (const key of [...(this.byTable.get(from) ?? [])]) {
      const referenced = this.targets.get(key) as string;
      this.deleteColumn(from, key);
      this.set(to, `${to}.${key.slice(from.length + 1)}`, referenced);
    }
    for (const [key, referenced] of this.targets) if (referenced === from) this.targets.set(key, to);
  }

  /** The other tables the foreign keys of `keys` (every key of the table when undefined) reference. */
  referencedBy(table: string, keys?: readonly string[]): string[] {
    const found = new Set<string>();
    for (const key of keys ?? this.byTable.get(table) ?? []) {
      const referenced = this.targets.get(key);
      if (referenced !== undefined && referenced !== table) found.add(referenced);
    }
    return [...found];
  }
}
