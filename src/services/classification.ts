import {
  type AnalyzedRevision,
  type ClassifiedOperation,
  compareColumnTypes,
  type Dialect,
  type Operation,
  type Phase,
  type Revision,
  tableKey,
} from "../domain/index.js";
import { dialectOf } from "./dialect.js";

const PHASE_ORDER: readonly Phase[] = ["expand", "backfill", "contract"];

/** `table.column` keys of the columns a list of operations adds to existing tables. */
export function addedColumns(operations: readonly Operation[]): Set<string> {
  const columns = new Set<string>();
  for (const operation of operations) {
    if (operation.kind === "add-column") columns.add(columnKey(operation.table, operation.column.name));
  }
  return columns;
}

/** Keys of the tables a list of operations creates. */
export function createdTables(operations: readonly Operation[]): Set<string> {
  const tables = new Set<string>();
  for (const operation of operations) if (operation.kind === "create-table") tables.add(tableKey(operation.table));
  return tables;
}

export function columnKey(table: string, column: string): string {
  return `${tableKey(table)}.${column.replace(/"/g, "").toLowerCase()}`;
}

/**
 * The phase of one operation. `newTables` are the tables created by the same revision: whatever happens to them
 * is invisible to code that is already running, so it is expand (or neutral for a drop).
 * The reasoning per kind is written out in docs/phases.md.
 */
export function classify(
  operation: Operation,
  newTables: ReadonlySet<string>,
  knownTypes: ReadonlyMap<string, string>,
  newColumns: ReadonlySet<string> = new Set(),
): Phase {
  const onNewTable = operation.table !== undefined && newTables.has(tableKey(operation.table));
  switch (operation.kind) {
    case "create-table":
    case "add-column":
    case "create-index":
    case "create-object":
    case "alter-enum-add-value":
    case "drop-not-null":
    case "drop-constraint":
      return "expand";
    case "set-column-default":
      return operation.default === undefined ? "neutral" : "expand";
    case "drop-table":
    case "drop-column":
    case "rename-table":
    case "rename-column":
    case "drop-index":
      return onNewTable ? "neutral" : "contract";
    case "drop-object":
      return "contract";
    case "rename-object":
      return operation.objectType === "index" || operation.objectType === "constraint" ? "neutral" : "contract";
    case "set-not-null":
      return onNewTable ? "expand" : "contract";
    case "add-constraint": {
      // Old code never writes a column added by this revision, and NULL passes FK, UNIQUE and CHECK constraints.
      const onNewColumns =
        operation.columns.length > 0 &&
        operation.columns.every((column) => newColumns.has(columnKey(operation.table, column)));
      return onNewTable || (onNewColumns && operation.constraintType !== "primary-key") ? "expand" : "contract";
    }
    case "change-column-type": {
      if (onNewTable) return "expand";
      const effect = compareColumnTypes(
        operation.fromType ?? knownTypes.get(columnKey(operation.table, operation.column)),
        operation.toType,
      );
      return effect.compatible ? "expand" : "contract";
    }
    case "data-change": {
      const seeding = ["insert", "bulk-insert", "copy", "insert-select"].includes(operation.statement);
      return seeding && onNewTable ? "expand" : "backfill";
    }
    case "truncate":
      return operation.tables.every((table) => newTables.has(tableKey(table))) ? "neutral" : "backfill";
    case "validate-constraint":
    case "comment":
    case "set-config":
    case "transaction-control":
    case "maintenance":
    case "query":
    case "alter-table-other":
    case "utility":
    case "opaque":
      return "neutral";
  }
}

/** Classifies a revision's upgrade operations; `knownTypes` holds column types from earlier revisions. */
export function analyzeRevision(
  revision: Revision,
  knownTypes: ReadonlyMap<string, string>,
  defaultDialect: Dialect,
): AnalyzedRevision {
  const newTables = createdTables(revision.upgrade.operations);
  const newColumns = addedColumns(revision.upgrade.operations);
  const relevantTypes = new Map<string, string>();
  for (const operation of revision.upgrade.operations) {
    if (operation.kind !== "change-column-type") continue;
    const key = columnKey(operation.table, operation.column);
    const known = knownTypes.get(key);
    if (known !== undefined) relevantTypes.set(key, known);
  }
  const operations: ClassifiedOperation[] = revision.upgrade.operations.map((operation) => ({
    ...operation,
    phase: classify(operation, newTables, relevantTypes, newColumns),
    dialect: dialectOf(operation.context, operation.span.file, defaultDialect),
  }));
  const present = new Set(operations.map((operation) => operation.phase));
  return {
    revision,
    operations,
    phases: PHASE_ORDER.filter((phase) => present.has(phase)),
    newTables,
    knownColumnTypes: relevantTypes,
  };
}

/** Records the column types a revision leaves behind, for later type-change checks. */
export function recordColumnTypes(revision: Revision, types: Map<string, string>): void {
  for (const operation of revision.upgrade.operations) {
    if (operation.kind === "create-table") {
      for (const column of operation.columns)
        if (column.type) types.set(columnKey(operation.table, column.name), column.type);
    } else if (operation.kind === "add-column" && operation.column.type) {
      types.set(columnKey(operation.table, operation.column.name), operation.column.type);
    } else if (operation.kind === "change-column-type") {
      types.set(columnKey(operation.table, operation.column), operation.toType);
    }
  }
}
