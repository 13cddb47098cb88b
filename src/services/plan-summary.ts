import type { ClassifiedOperation, DataStatement } from "../domain/index.js";

/** How many operations a revision's one-line summary names before it counts the rest. */
const SUMMARY_OPERATIONS = 4;

const DATA_VERBS: Readonly<Record<DataStatement, string>> = {
  update: "update rows of",
  delete: "delete rows of",
  insert: "insert rows into",
  "insert-select": "copy rows into",
  "bulk-insert": "insert rows into",
  merge: "merge rows into",
  copy: "copy rows into",
};

function compact(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function dotted(table: string, column: string): string {
  return `${table}.${column}`;
}

/** A few words for one operation: `add column users.email`, `create index ix_users_email on users`. */
export function describeForPlan(op: ClassifiedOperation): string {
  switch (op.kind) {
    case "create-table":
      return `create table ${op.table}`;
    case "drop-table":
      return `drop table ${op.table}`;
    case "rename-table":
      return `rename table ${op.table} to ${op.newName}`;
    case "add-column":
      return `add column ${dotted(op.table, op.column.name)}${op.column.nullable ? "" : " NOT NULL"}`;
    case "drop-column":
      return `drop column ${dotted(op.table, op.column)}`;
    case "rename-column":
      return `rename column ${dotted(op.table, op.column)} to ${op.newName}`;
    case "set-not-null":
      return `set ${dotted(op.table, op.column)} NOT NULL`;
    case "drop-not-null":
      return `allow NULL in ${dotted(op.table, op.column)}`;
    case "change-column-type":
      return `change type of ${dotted(op.table, op.column)}${op.toType ? ` to ${op.toType}` : ""}`;
    case "set-column-default":
      return `${op.default === undefined ? "drop" : "set"} default of ${dotted(op.table, op.column)}`;
    case "create-index":
      return `create ${op.unique ? "unique " : ""}index ${op.name ?? "(unnamed)"} on ${op.table}`;
    case "drop-index":
      return `drop index ${op.name}`;
    case "add-constraint":
      return `add ${op.constraintType} constraint ${op.name ?? "(unnamed)"} on ${op.table}`;
    case "drop-constraint":
      return `drop constraint ${op.name} on ${op.table}`;
    case "validate-constraint":
      return `validate constraint ${op.name} on ${op.table}`;
    case "create-object":
      return `create ${op.objectType} ${op.name}`;
    case "drop-object":
      return `drop ${op.objectType} ${op.name}`;
    case "rename-object":
      return `rename ${op.objectType} ${op.name} to ${op.newName}`;
    case "alter-enum-add-value":
      return `add value ${op.value} to type ${op.typeName}`;
    case "data-change":
      return op.table === undefined ? `change rows (${compact(op.text)})` : `${DATA_VERBS[op.statement]} ${op.table}`;
    case "truncate":
      return `truncate ${op.tables.join(", ")}`;
    default:
      return compact(op.text);
  }
}

/**
 * One line for a revision: what its operations do (neutral ones only when there is nothing else), the parts of one
 * directive once, and at most a few before a count of the rest.
 */
export function summarizeOperations(operations: readonly ClassifiedOperation[]): string {
  const parts = operations.filter((op) => !op.continuesDirective);
  const meaningful = parts.filter((op) => op.phase !== "neutral");
  const shown = meaningful.length > 0 ? meaningful : parts;
  if (shown.length === 0) return "no operations";
  // Counted by distinct description: the same change over many rows or statements is one part of the summary.
  const counts = new Map<string, number>();
  for (const op of shown) {
    const text = describeForPlan(op);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const named = [...counts.keys()].slice(0, SUMMARY_OPERATIONS);
  const rest = shown.length - named.reduce((total, text) => total + (counts.get(text) ?? 0), 0);
  return `${named.join("; ")}${rest > 0 ? `; and ${rest} more` : ""}`;
}
