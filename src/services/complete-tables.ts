import { hasUnresolvedPart, isOneWord, type Operation, tableKey, withoutSchema, wordsOf } from "../domain/index.js";
import { addTo, removeFrom } from "./table-keyed.js";
import { buildsDataStatement } from "./table-mentions.js";

/**
 * The tables whose every column the history shows: created by a definition migragate read whole (`allColumnsKnown`),
 * and changed since only by operations it read. A column such a table does not have was never added to it, so a
 * drop of it drops nothing. Anything that may have changed a table out of sight (Python migragate does not follow,
 * SQL built at run time, a statement it could not read that names the table) takes the table out, or all of them.
 */
export class CompleteTables {
  private readonly tables = new Set<string>();
  /** The keys of `tables` by their name without schema: a statement's words find the tables it names at once. */
  private readonly byName = new Map<string, Set<string>>();

  has(table: string): boolean {
    return !hasUnresolvedPart(table) && this.tables.has(tableKey(table));
  }

  /** In the set, when its name is one word a statement's text would show (`wordsOf`). */
  private add(table: string): void {
    const key = tableKey(table);
    const name = withoutSchema(key);
    if (!isOneWord(name)) return;
    this.tables.add(key);
    addTo(this.byName, name, key);
  }

  apply(operation: Operation): void {
    switch (operation.kind) {
      case "create-table":
        if (operation.allColumnsKnown && !hasUnresolvedPart(operation.table)) this.add(operation.table);
        else this.forget(operation.table);
        return;
      case "add-column":
        if (hasUnresolvedPart(operation.column.name)) this.forget(operation.table);
        else if (hasUnresolvedPart(operation.table)) this.clear();
        return;
      case "rename-column":
        if (hasUnresolvedPart(operation.newName)) this.forget(operation.table);
        else if (hasUnresolvedPart(operation.table)) this.clear();
        return;
      case "rename-table": {
        const known = this.has(operation.table);
        this.forget(operation.table);
        this.forget(operation.newName);
        if (known && !hasUnresolvedPart(operation.newName)) this.add(operation.newName);
        return;
      }
      case "drop-table":
        this.forget(operation.table);
        return;
      case "opaque":
        // Each word of the statement once, each looked up once: linear in the statement, whatever the tables.
        if (mayChangeAnyTable(operation)) this.clear();
        else
          for (const word of new Set(wordsOf(operation.sql ?? "")))
            for (const key of [...(this.byName.get(word) ?? [])]) this.delete(key);
        return;
      default:
        return;
    }
  }

  /** Out of the set; a name computed at run time may be any table. */
  private forget(table: string): void {
    if (hasUnresolvedPart(table)) this.clear();
    else this.delete(tableKey(table));
  }

  private delete(key: string): void {
    this.tables.delete(key);
    removeFrom(this.byName, withoutSchema(key), key);
  }

  private clear(): void {
    this.tables.clear();
    this.byName.clear();
  }
}

/**
 * Whether something migragate could not read may have changed any table: Python it does not follow, SQL whose text it
 * could not work out (unless the code builds a data statement, which changes no table), or SQL built at run time.
 */
function mayChangeAnyTable(operation: Extract<Operation, { kind: "opaque" }>): boolean {
  if (operation.origin !== "sql") return true;
  if (operation.sql === undefined) return !buildsDataStatement(operation.text);
  return hasUnresolvedPart(operation.sql);
}
