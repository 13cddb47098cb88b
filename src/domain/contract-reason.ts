import type { Operation } from "./operation.js";

/**
 * Why an operation the phase table puts in contract breaks code that is still running, in a few words, as
 * docs/phases.md gives it; undefined for kinds that are never a contract.
 */
export function contractReason(operation: Operation): string | undefined {
  switch (operation.kind) {
    case "drop-column":
      return operation.replacedWithType
        ? `old code reads and writes the column as ${operation.replacedWithType.from}, and it comes back as ${operation.replacedWithType.to}`
        : "old code still reads and writes the column";
    case "drop-table":
      return "old code still reads and writes the table";
    case "rename-column":
    case "rename-table":
    case "rename-object":
      return "old code uses the old name";
    case "drop-index":
      return "old code may rely on the index, for speed or for uniqueness";
    case "drop-object":
      return "old code may rely on what it removes";
    case "drop-constraint":
      return operation.constraintType === "foreign-key"
        ? "old code may rely on the foreign key it drops (a cascade, the rows it keeps consistent)"
        : operation.constraintType === "unique" || operation.constraintType === "primary-key"
          ? "old code may rely on the key it drops (the conflict target of an upsert, one row per key)"
          : "old code may rely on the constraint it drops";
    case "create-index":
      return "a unique index on existing columns rejects duplicates old code may still write";
    case "set-not-null":
      // Whether old code writes NULL or leaves out a column it does not know (a column this revision adds), it fails.
      return "writes by old code that leave the column NULL fail";
    case "add-constraint":
      return operation.constraintType === "foreign-key"
        ? "a foreign key on an existing column rejects rows old code may still write"
        : "a new constraint on existing columns rejects rows old code may still write";
    case "change-column-type":
      return "old code may write values the new type rejects";
    default:
      return undefined;
  }
}
