import { hasUnresolvedPart, namesWord, type Operation, tableKey, withoutSchema } from "../domain/index.js";
import { buildsDataStatement } from "./table-mentions.js";

/**
 * The tables whose every column the history shows: created by a definition migragate read whole (`allColumnsKnown`),
 * and changed since only by operations it read. A column such a table does not have was never added to it, so a
 * drop of it drops nothing. Anything that may have changed a table out of sight (Python migragate does not follow,
 * SQL built at run time, a statement it could not read that names the table) takes the table out, or all of them.
 */
export class CompleteTables {
  private readonly tables = new Set<string>();

  has(table: string): boolean {
    return !hasUnresolvedPart(table) && this.tables.has(tableKey(table));
  }

  apply(operation: Operation): void {
    switch (operation.kind) {
      case "create-table":
        if (operation.allColumnsKnown && !hasUnresolvedPart(operation.table))
          this.tables.add(tableKey(operation.table));
        else this.forget(operation.table);
        return;
      case "add-column":
        if (hasUnresolvedPart(operation.column.name)) this.forget(operation.table);
        else if (hasUnresolvedPart(operation.table)) this.tables.clear();
        return;
      case "rename-column":
        if (hasUnresolvedPart(operation.newName)) this.forget(operation.table);
        else if (hasUnresolvedPart(operation.table)) this.tables.clear();
        return;
      case "rename-table": {
        const known = this.has(operation.table);
        this.forget(operation.table);
        this.forget(operation.newName);
        if (known && !hasUnresolvedPart(operation.newName)) this.tables.add(tableKey(operation.newName));
        return;
      }
      case "drop-table":
        this.forget(operation.table);
        return;
      case "opaque":
        if (mayChangeAnyTable(operation)) this.tables.clear();
        else
          for (const table of [...this.tables])
            if (namesWord(operation.sql ?? "", withoutSchema(table))) this.tables.delete(table);
        return;
      default:
        return;
    }
  }

  /** Out of the set; a name computed at run time may be any table. */
  private forget(table: string): void {
    if (hasUnresolvedPart(table)) this.tables.clear();
    else this.tables.delete(tableKey(table));
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
