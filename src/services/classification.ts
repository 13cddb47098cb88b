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
import { lockFacts } from "./locks.js";

const PHASE_ORDER: readonly Phase[] = ["expand", "backfill", "contract"];

export function columnKey(table: string, column: string): string {
  return `${tableKey(table)}.${column.replace(/"/g, "").toLowerCase()}`;
}

/** What earlier revisions of the same history left behind, replayed in topological order. */
export interface SchemaKnowledge {
  /** Column types by `table.column` key. */
  readonly types: Map<string, string>;
  /** Columns known to be NOT NULL (declared so, primary keys, or made so). */
  readonly notNull: Set<string>;
  /** CHECK (column IS NOT NULL) constraints by `table:name`: the column key, and whether they are validated. */
  readonly notNullChecks: Map<string, NotNullCheck>;
}

interface NotNullCheck {
  readonly name: string;
  readonly column: string;
  readonly validated: boolean;
}

export function emptyKnowledge(): SchemaKnowledge {
  return { types: new Map(), notNull: new Set(), notNullChecks: new Map() };
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

/** Follows CHECK (col IS NOT NULL) constraints through one operation: added, validated, dropped. */
function trackNotNullCheck(checks: Map<string, NotNullCheck>, operation: Operation): void {
  if (operation.kind === "add-constraint" && operation.name !== undefined) {
    const column = notNullCheckColumn(operation);
    const key = `${tableKey(operation.table)}:${operation.name.toLowerCase()}`;
    if (column !== undefined)
      checks.set(key, {
        name: operation.name,
        column: columnKey(operation.table, column),
        validated: !operation.notValid,
      });
  } else if (operation.kind === "validate-constraint") {
    const key = `${tableKey(operation.table)}:${operation.name.toLowerCase()}`;
    const check = checks.get(key);
    if (check) checks.set(key, { ...check, validated: true });
  } else if (operation.kind === "drop-constraint") {
    checks.delete(`${tableKey(operation.table)}:${operation.name.toLowerCase()}`);
  } else if (operation.kind === "drop-table") {
    for (const key of checks.keys()) if (key.startsWith(`${tableKey(operation.table)}:`)) checks.delete(key);
  }
}

/** What the classification of one operation may look at besides the operation itself. */
export interface RevisionFacts {
  /** Tables this revision creates before touching them otherwise (a drop-then-create replaces an existing table). */
  readonly newTables: ReadonlySet<string>;
  /** For each operation, in order: does it act on a table this revision created earlier (and has not dropped)? */
  readonly onNewTable: readonly boolean[];
  /** Columns this revision adds to existing tables. */
  readonly newColumns: ReadonlySet<string>;
  /** Indexes, constraints and objects this revision drops and creates again under the same name. */
  readonly replaced: ReadonlySet<string>;
  readonly knownTypes: ReadonlyMap<string, string>;
  readonly knownNotNull: ReadonlySet<string>;
}

function replacementKey(operation: Operation): string | undefined {
  switch (operation.kind) {
    case "create-index":
      return operation.name === undefined ? undefined : `index:${operation.name.toLowerCase()}`;
    case "drop-index":
      return `index:${operation.name.toLowerCase()}`;
    case "add-constraint":
      return operation.name === undefined
        ? undefined
        : `constraint:${tableKey(operation.table)}:${operation.name.toLowerCase()}`;
    case "drop-constraint":
      return `constraint:${tableKey(operation.table)}:${operation.name.toLowerCase()}`;
    case "create-object":
    case "drop-object":
      return `${operation.objectType}:${operation.name.toLowerCase()}`;
    default:
      return undefined;
  }
}

/** The facts about a revision that classification needs, from its own operations and the history before it. */
export function revisionFacts(operations: readonly Operation[], knowledge: SchemaKnowledge): RevisionFacts {
  const newTables = new Set<string>();
  const touched = new Set<string>();
  const createdSoFar = new Set<string>();
  const onNewTable: boolean[] = [];
  const newColumns = new Set<string>();
  const replaced = new Set<string>();
  const dropped = new Set<string>();
  for (const operation of operations) {
    const table = operation.table === undefined ? undefined : tableKey(operation.table);
    if (operation.kind === "create-table" && table !== undefined && !touched.has(table)) newTables.add(table);
    if (table !== undefined) touched.add(table);
    onNewTable.push(table !== undefined && createdSoFar.has(table));
    if (operation.kind === "create-table" && table !== undefined) createdSoFar.add(table);
    if (operation.kind === "drop-table" && table !== undefined) createdSoFar.delete(table);
    if (operation.kind === "add-column") newColumns.add(columnKey(operation.table, operation.column.name));
    const key = replacementKey(operation);
    if (key === undefined) continue;
    // Dropped first and created again later: a replacement, not a removal.
    if (operation.kind.startsWith("drop")) dropped.add(key);
    else if (dropped.has(key)) replaced.add(key);
  }
  const relevantTypes = new Map<string, string>();
  const relevantNotNull = new Set<string>();
  for (const operation of operations) {
    if (
      operation.kind !== "change-column-type" &&
      operation.kind !== "set-not-null" &&
      operation.kind !== "drop-not-null"
    ) {
      continue;
    }
    const key = columnKey(operation.table, operation.column);
    const type = knowledge.types.get(key);
    if (type !== undefined) relevantTypes.set(key, type);
    if (knowledge.notNull.has(key)) relevantNotNull.add(key);
  }
  return {
    newTables,
    onNewTable,
    newColumns,
    replaced,
    knownTypes: relevantTypes,
    knownNotNull: relevantNotNull,
  };
}

function onlyNewColumns(table: string, columns: readonly string[], facts: RevisionFacts): boolean {
  return columns.length > 0 && columns.every((column) => facts.newColumns.has(columnKey(table, column)));
}

/**
 * The phase of one operation. Whatever happens to a table created by the same revision is invisible to code that
 * is already running, so it is expand (or neutral for a drop). The reasoning per kind is in docs/phases.md.
 */
export function classify(operation: Operation, facts: RevisionFacts, index: number): Phase {
  const onNewTable = facts.onNewTable[index] ?? false;
  switch (operation.kind) {
    case "create-table":
    case "add-column":
    case "create-object":
    case "alter-enum-add-value":
      return "expand";
    case "drop-not-null": {
      // `alter_column(..., nullable=True)` on a column the history shows nullable already changes nothing.
      const key = columnKey(operation.table, operation.column);
      return facts.knownTypes.has(key) && !facts.knownNotNull.has(key) ? "neutral" : "expand";
    }
    case "drop-constraint": {
      const key = replacementKey(operation);
      return key !== undefined && facts.replaced.has(key) ? "neutral" : "expand";
    }
    case "create-index":
      // A unique index rejects duplicates old code may still write, unless it covers only brand-new columns.
      return !operation.unique || onNewTable || onlyNewColumns(operation.table, operation.columns, facts)
        ? "expand"
        : "contract";
    case "set-column-default":
      return operation.default === undefined ? "neutral" : "expand";
    case "drop-index":
    case "drop-object": {
      const key = replacementKey(operation);
      if (key !== undefined && facts.replaced.has(key)) return "neutral";
      return onNewTable ? "neutral" : "contract";
    }
    case "drop-table":
    case "drop-column":
    case "rename-table":
      return onNewTable ? "neutral" : "contract";
    case "rename-column":
      return onNewTable || facts.newColumns.has(columnKey(operation.table, operation.column)) ? "expand" : "contract";
    case "rename-object":
      return operation.objectType === "index" || operation.objectType === "constraint" ? "neutral" : "contract";
    case "set-not-null":
      if (facts.knownNotNull.has(columnKey(operation.table, operation.column))) return "neutral";
      return onNewTable ? "expand" : "contract";
    case "add-constraint": {
      // Old code never writes a column added by this revision, and NULL passes FK, UNIQUE and CHECK constraints.
      const onNewColumns = onlyNewColumns(operation.table, operation.columns, facts);
      return onNewTable || (onNewColumns && operation.constraintType !== "primary-key") ? "expand" : "contract";
    }
    case "change-column-type": {
      if (onNewTable) return "expand";
      return compareColumnTypes(operation.fromType, operation.toType).compatible ? "expand" : "contract";
    }
    case "data-change": {
      const seeding = ["insert", "bulk-insert", "copy", "insert-select"].includes(operation.statement);
      return seeding && onNewTable ? "expand" : "backfill";
    }
    case "truncate":
      return operation.tables.every((table) => facts.newTables.has(tableKey(table))) ? "neutral" : "backfill";
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

/** A type change without `existing_type=` takes the previous type from the history, when the history knows it. */
/** A SET NOT NULL that a validated CHECK (col IS NOT NULL) already proves, with that check's name. */
function withProvingCheck(operation: Operation, checks: ReadonlyMap<string, NotNullCheck>): Operation {
  if (operation.kind !== "set-not-null") return operation;
  const column = columnKey(operation.table, operation.column);
  const proof = [...checks.values()].find((check) => check.validated && check.column === column);
  return proof ? { ...operation, provenBy: proof.name } : operation;
}

function withKnownType(operation: Operation, facts: RevisionFacts): Operation {
  if (operation.kind !== "change-column-type" || operation.fromType !== undefined) return operation;
  const fromType = facts.knownTypes.get(columnKey(operation.table, operation.column));
  return fromType === undefined ? operation : { ...operation, fromType };
}

/** Classifies a revision's upgrade operations against what earlier revisions of its history left behind. */
export function analyzeRevision(
  revision: Revision,
  knowledge: SchemaKnowledge,
  defaultDialect: Dialect,
  postgresVersion: number,
): AnalyzedRevision {
  const facts = revisionFacts(revision.upgrade.operations, knowledge);
  const lockContext = { postgresVersion, newTables: facts.newTables };
  // The checks as they stand at each operation: earlier revisions, then this one's own statements in order.
  const checks = new Map(knowledge.notNullChecks);
  const operations: ClassifiedOperation[] = revision.upgrade.operations.map((written, index) => {
    const operation = withProvingCheck(withKnownType(written, facts), checks);
    trackNotNullCheck(checks, operation);
    // The parser that read a SQL statement knows its dialect best; op.* calls follow their conditions and folder.
    const dialect = operation.dialect ?? dialectOf(operation.context, operation.span.file, defaultDialect);
    const lock = dialect === "postgresql" ? lockFacts(operation, lockContext) : undefined;
    return {
      ...operation,
      phase: classify(operation, facts, index),
      dialect,
      ...(lock !== undefined ? { lock } : {}),
    };
  });
  const present = new Set(operations.map((operation) => operation.phase));
  return {
    revision,
    operations,
    phases: PHASE_ORDER.filter((phase) => present.has(phase)),
    newTables: facts.newTables,
    underReview: true,
  };
}

/** Records the column types and NOT NULL columns a revision leaves behind, for the revisions after it. */
export function recordSchema(revision: Revision, knowledge: SchemaKnowledge): void {
  const { types, notNull } = knowledge;
  const declare = (table: string, column: string, type: string | undefined, nullable: boolean) => {
    const key = columnKey(table, column);
    if (type) types.set(key, type);
    if (nullable) notNull.delete(key);
    else notNull.add(key);
  };
  for (const operation of revision.upgrade.operations) {
    trackNotNullCheck(knowledge.notNullChecks, operation);
    switch (operation.kind) {
      case "create-table":
        for (const column of operation.columns) declare(operation.table, column.name, column.type, column.nullable);
        break;
      case "add-column":
        declare(operation.table, operation.column.name, operation.column.type, operation.column.nullable);
        break;
      case "change-column-type":
        types.set(columnKey(operation.table, operation.column), operation.toType);
        break;
      case "set-not-null":
        notNull.add(columnKey(operation.table, operation.column));
        break;
      case "drop-not-null":
      case "drop-column":
        notNull.delete(columnKey(operation.table, operation.column));
        break;
    }
  }
}
