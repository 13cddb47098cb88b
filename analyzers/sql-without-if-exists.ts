import {
  type AnalyzedRevision,
  type Analyzer,
  type ClassifiedOperation,
  type FindingDraft,
  type ObjectType,
  tableKey,
} from "../src/domain/index.js";
import { rerunGuards } from "./op-guards.js";
import { sqlName, sqlTable } from "./sql-names.js";
import { allOperations, dialectHasGuard } from "./support.js";

/** Object types whose CREATE has an IF NOT EXISTS form (the others have none, or use CREATE OR REPLACE). */
const CREATE_GUARDABLE: ReadonlySet<ObjectType> = new Set<ObjectType>([
  "sequence",
  "schema",
  "extension",
  "materialized-view",
]);

interface Missing {
  /** The statement as written, without the guard. */
  readonly statement: string;
  readonly guard: "IF NOT EXISTS" | "IF EXISTS";
  /** The statement with the guard in place. */
  readonly fixed: string;
  /** What a rerun does, when it is not the guard's usual failure. */
  readonly rerun?: string;
}

/**
 * The name PostgreSQL gives an unnamed index (`<table>_<columns>_idx`, `_key` when unique, `expr` for an expression):
 * naming the index so lets IF NOT EXISTS find the one an earlier run built.
 */
function defaultIndexName(table: string, columns: readonly string[], unique: boolean): string {
  const parts = columns.map((column) => (column === "(expression)" ? "expr" : column));
  return `${[table, ...(parts.length > 0 ? parts : ["expr"])].join("_")}_${unique ? "key" : "idx"}`;
}

function qualified(op: { readonly table?: string; readonly schema?: string }): string {
  return op.schema ? `${op.schema}.${op.table}` : (op.table ?? "");
}

function keyword(objectType: ObjectType): string {
  return objectType.replace(/-/g, " ").toUpperCase();
}

function missingGuard(op: ClassifiedOperation): Missing | undefined {
  const table = qualified(op);
  // The guarded statement is SQL to run: its names are quoted where SQL needs it (`"user"`).
  const sqlTableText = sqlTable(op);
  const name = (value: string) => sqlName(value, op.dialect);
  switch (op.kind) {
    case "create-table":
      return op.ifNotExists
        ? undefined
        : {
            statement: `CREATE TABLE ${table}`,
            guard: "IF NOT EXISTS",
            fixed: `CREATE TABLE IF NOT EXISTS ${sqlTableText} ...`,
          };
    case "create-index": {
      if (op.ifNotExists) return undefined;
      const head = `CREATE ${op.unique ? "UNIQUE " : ""}INDEX ${op.concurrently ? "CONCURRENTLY " : ""}`;
      const keys = op.columns.length > 0 && !op.columns.includes("(expression)") ? op.columns.join(", ") : "...";
      return op.name === undefined
        ? {
            statement: `${head}ON ${table}`,
            guard: "IF NOT EXISTS",
            fixed: `${head}IF NOT EXISTS ${name(defaultIndexName(op.table, op.columns, op.unique))} ON ${sqlTableText} (${keys})`,
            // PostgreSQL names the new index itself and never finds the first one: nothing fails, the index doubles.
            rerun:
              "the index has no name, so it cannot take IF NOT EXISTS, and if the migration runs again PostgreSQL " +
              "builds a second, duplicate index under a new name instead of failing",
          }
        : {
            statement: `${head}${op.name} ON ${table}`,
            guard: "IF NOT EXISTS",
            fixed: `${head}IF NOT EXISTS ${name(op.name)} ON ${sqlTableText} (...)`,
          };
    }
    case "add-column":
      return op.ifNotExists
        ? undefined
        : {
            statement: `ALTER TABLE ${table} ADD COLUMN ${op.column.name}`,
            guard: "IF NOT EXISTS",
            fixed: `ALTER TABLE ${sqlTableText} ADD COLUMN IF NOT EXISTS ${name(op.column.name)} ...`,
          };
    case "create-object":
      return op.ifNotExists || op.orReplace || !CREATE_GUARDABLE.has(op.objectType)
        ? undefined
        : {
            statement: `CREATE ${keyword(op.objectType)} ${op.name}`,
            guard: "IF NOT EXISTS",
            fixed: `CREATE ${keyword(op.objectType)} IF NOT EXISTS ${name(op.name)} ...`,
          };
    case "drop-table":
      return op.ifExists
        ? undefined
        : { statement: `DROP TABLE ${table}`, guard: "IF EXISTS", fixed: `DROP TABLE IF EXISTS ${sqlTableText}` };
    case "drop-column":
      return op.ifExists
        ? undefined
        : {
            statement: `ALTER TABLE ${table} DROP COLUMN ${op.column}`,
            guard: "IF EXISTS",
            fixed: `ALTER TABLE ${sqlTableText} DROP COLUMN IF EXISTS ${name(op.column)}`,
          };
    case "drop-index": {
      if (op.ifExists) return undefined;
      const head = `DROP INDEX ${op.concurrently ? "CONCURRENTLY " : ""}`;
      return { statement: `${head}${op.name}`, guard: "IF EXISTS", fixed: `${head}IF EXISTS ${name(op.name)}` };
    }
    case "drop-constraint":
      return op.ifExists
        ? undefined
        : {
            statement: `ALTER TABLE ${table} DROP CONSTRAINT ${op.name}`,
            guard: "IF EXISTS",
            fixed: `ALTER TABLE ${sqlTableText} DROP CONSTRAINT IF EXISTS ${name(op.name)}`,
          };
    case "drop-object": {
      if (op.ifExists) return undefined;
      const what = op.objectType === "other" ? "" : `${keyword(op.objectType)} `;
      const on = (op.objectType === "trigger" || op.objectType === "policy") && op.table ? ` ON ${table}` : "";
      return {
        statement: `DROP ${what}${op.name}${on}`,
        guard: "IF EXISTS",
        fixed: `DROP ${what}IF EXISTS ${name(op.name)}${on === "" ? "" : ` ON ${sqlTableText}`}`,
      };
    }
    case "alter-enum-add-value":
      return op.ifNotExists
        ? undefined
        : {
            statement: `ALTER TYPE ${op.typeName} ADD VALUE '${op.value}'`,
            guard: "IF NOT EXISTS",
            fixed: `ALTER TYPE ${op.typeName} ADD VALUE IF NOT EXISTS '${op.value}'`,
          };
    default:
      return undefined;
  }
}

/** The table or object an operation creates or renames into place, as a key: `table\0orders`, `type\0status`. */
function madeBy(op: ClassifiedOperation): string | undefined {
  switch (op.kind) {
    case "create-table":
      return `table\u0000${tableKey(op.table)}`;
    case "rename-table":
      return `table\u0000${tableKey(op.newName)}`;
    case "create-object":
      return `${op.objectType}\u0000${op.name.toLowerCase()}`;
    case "rename-object":
      return `${op.objectType}\u0000${op.newName.toLowerCase()}`;
    default:
      return undefined;
  }
}

/** The table or object a drop removes, keyed as madeBy keys what is made. */
function droppedBy(op: ClassifiedOperation): string | undefined {
  if (op.kind === "drop-table") return `table\u0000${tableKey(op.table)}`;
  if (op.kind === "drop-object") return `${op.objectType}\u0000${op.name.toLowerCase()}`;
  return undefined;
}

export const sqlWithoutIfExists: Analyzer = {
  meta: {
    name: "sql-without-if-exists",
    group: "idempotency",
    defaultSeverity: "error",
    summary: "A raw SQL statement creates or drops something without IF [NOT] EXISTS.",
    rationale:
      "A migration that is run a second time against a database where the object already exists (or is already " +
      "gone) stops with an error: after a partly applied revision (MySQL commits each DDL statement; statements in an " +
      "autocommit_block commit one by one), after a hotfix applied by hand, or when environments drifted. The deploy " +
      "then needs manual repair.",
    safeAlternative:
      "Write the guard into the statement (CREATE ... IF NOT EXISTS, DROP ... IF EXISTS, ADD VALUE IF NOT EXISTS), " +
      "or wrap the call in an inspector check of the object.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const guards = input.shared(rerunGuards);
    // What each revision has created or renamed into place so far (temporary tables included, which exist only in
    // the migration's own session): a rerun that reaches a later drop of one has just made it, so the drop cannot
    // miss it (`ALTER TYPE status RENAME TO status_old` ... `DROP TYPE status_old`).
    const madeHere = new Map<AnalyzedRevision, Set<string>>();
    for (const { op, rev } of input.shared(allOperations)) {
      const made = madeBy(op);
      if (made !== undefined) {
        const names = madeHere.get(rev) ?? new Set<string>();
        madeHere.set(rev, names.add(made));
        if (op.kind === "create-table" && op.temporary) continue;
      }
      const dropped = droppedBy(op);
      if (dropped !== undefined && madeHere.get(rev)?.has(dropped)) continue;
      if (op.origin !== "sql" || guards.cannotTrip(op, rev)) continue;
      if (!dialectHasGuard(op.dialect, op.kind)) continue;
      const missing = missingGuard(op);
      if (!missing) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `raw SQL \`${missing.statement}\` has no ${missing.guard} guard: ` +
          (missing.rerun ??
            (missing.guard === "IF EXISTS"
              ? "it fails if the migration runs again after the object is already gone"
              : "it fails if the migration runs again after the object already exists")),
        hint:
          missing.rerun === undefined
            ? `Write it as \`${missing.fixed}\`.`
            : `Name the index and add the guard: \`${missing.fixed}\` (the name PostgreSQL gives it by default, so ` +
              "the guard also finds an index an earlier run built).",
      });
    }
    return findings;
  },
};
