import {
  type AnalysisInput,
  type AnalyzedRevision,
  type ClassifiedOperation,
  type ColumnSpec,
  type OperationKind,
  tableKey,
} from "../src/domain/index.js";
import { analyzedRevisions, isNewTable, type Located, type OpOf, operationsOfKind } from "./support.js";

/** Upgrade operations of one kind that run on PostgreSQL, with their revisions. */
export function postgresOperations<K extends OperationKind>(input: AnalysisInput, kind: K): Located<OpOf<K>>[] {
  return operationsOfKind(input, kind).filter(({ op }) => op.dialect === "postgresql");
}

/** The operation acts on a table that existed before its revision (not one the revision creates). */
export function onExistingTable(rev: AnalyzedRevision, table: string | undefined): boolean {
  return table !== undefined && !isNewTable(rev, table);
}

/** A one-line hint that runs an Alembic call in the block outside the migration's transaction. */
export function inAutocommitBlock(call: string): string {
  return `inside \`with op.get_context().autocommit_block():\` run \`${call}\``;
}

/** What the transaction placement of an operation says, for a message: "runs inside ... (reason)". */
export function transactionWhy(op: ClassifiedOperation): string {
  return op.transaction?.reason ?? "Alembic runs every revision inside a transaction";
}

/** How an index named in `USING INDEX` was built, as far as the history shows. */
export interface IndexBuild {
  readonly concurrently: boolean;
  /** Built on a table its revision created: nothing was locked out. */
  readonly onNewTable: boolean;
}

/**
 * For each UNIQUE / PRIMARY KEY constraint of the given type added to an existing PostgreSQL table: the operation,
 * its revision and, for `USING INDEX`, how that index was built (undefined when the history does not show it).
 */
export function constraintsOnExistingTables(
  input: AnalysisInput,
  constraintType: "unique" | "primary-key",
): (Located<OpOf<"add-constraint">> & { readonly index?: IndexBuild })[] {
  const builds = new Map<string, IndexBuild>();
  const found: (Located<OpOf<"add-constraint">> & { readonly index?: IndexBuild })[] = [];
  for (const rev of analyzedRevisions(input)) {
    for (const op of rev.operations) {
      if (op.kind === "create-index" && op.name !== undefined) {
        builds.set(op.name.toLowerCase(), {
          concurrently: op.concurrently,
          onNewTable: !onExistingTable(rev, op.table),
        });
      }
      if (op.kind !== "add-constraint" || op.dialect !== "postgresql" || op.constraintType !== constraintType) continue;
      if (!onExistingTable(rev, op.table)) continue;
      const index = op.usingIndex === undefined ? undefined : builds.get(op.usingIndex.toLowerCase());
      found.push({ op, rev, ...(index ? { index } : {}) });
    }
  }
  return found;
}

/** Functions PostgreSQL marks VOLATILE that appear in column defaults: a new value for every row. */
const VOLATILE_FUNCTIONS = [
  "random",
  "random_normal",
  "gen_random_uuid",
  "gen_random_bytes",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "uuidv4",
  "uuidv7",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "txid_current",
  "pg_current_xact_id",
];
const VOLATILE_CALL = new RegExp(`\\b(${VOLATILE_FUNCTIONS.join("|")})\\s*\\(`, "i");
/** A Python string literal as server_default renders as a quoted SQL constant, whatever it says. */
const PYTHON_STRING = /^[rRuU]?["']/;
const NULL_DEFAULT = /^(?:null|(?:sa\.)?null\(\)|(?:sa\.)?text\(\s*["']null["']\s*\))$/i;

/** The volatile function a server default calls (`gen_random_uuid()`), if any. */
export function volatileFunction(column: ColumnSpec, origin: ClassifiedOperation["origin"]): string | undefined {
  const text = column.serverDefault;
  if (text === undefined || (origin === "op" && PYTHON_STRING.test(text))) return undefined;
  const match = VOLATILE_CALL.exec(text);
  return match ? `${match[1]?.toLowerCase()}()` : undefined;
}

/** The column has a server default other than NULL. */
export function hasNonNullDefault(column: ColumnSpec): boolean {
  return column.serverDefault !== undefined && !NULL_DEFAULT.test(column.serverDefault.trim());
}

/** How to commit the NOT VALID constraint before its validation, for both constraint rules. */
export const SEPARATE_VALIDATION =
  "Commit the NOT VALID constraint first: validate it in a later revision that runs in a transaction of its own " +
  "(transaction_per_migration=True in env.py, or inside `with op.get_context().autocommit_block():`), or, in a plain " +
  "SQL file, after the COMMIT that ends the ADD's transaction.";

/** A VALIDATE CONSTRAINT that runs in the transaction whose ADD CONSTRAINT ... NOT VALID created the constraint. */
export interface SameTransactionValidation {
  readonly add: OpOf<"add-constraint">;
  readonly validate: OpOf<"validate-constraint">;
  readonly rev: AnalyzedRevision;
}

/**
 * Constraints of the given type added NOT VALID to an existing PostgreSQL table and validated before that transaction
 * commits: the ADD's lock is still held, so the validation reads every row under it and NOT VALID gains nothing. A
 * transaction that spans revisions (Alembic's default: one per `alembic upgrade` run) counts only when both revisions
 * ship in the release under review, and so run in one upgrade; otherwise they usually run in separate deploys.
 */
export function validatedInSameTransaction(
  input: AnalysisInput,
  constraintType: "foreign-key" | "check",
): SameTransactionValidation[] {
  const found: SameTransactionValidation[] = [];
  // Transaction key, table and constraint name -> the ADD ... NOT VALID that created it in that transaction.
  const added = new Map<string, { readonly op: OpOf<"add-constraint">; readonly rev: AnalyzedRevision }>();
  const keyOf = (transaction: string, table: string, name: string) =>
    `${transaction}\u0000${tableKey(table)}\u0000${name.toLowerCase()}`;
  for (const rev of analyzedRevisions(input)) {
    for (const op of rev.operations) {
      const transaction = op.transaction?.inTransaction ? op.transaction.key : undefined;
      if (op.dialect !== "postgresql" || transaction === undefined) continue;
      if (op.kind === "add-constraint" && op.notValid && op.name !== undefined && onExistingTable(rev, op.table)) {
        if (op.constraintType === constraintType) added.set(keyOf(transaction, op.table, op.name), { op, rev });
      } else if (op.kind === "validate-constraint") {
        const add = added.get(keyOf(transaction, op.table, op.name));
        const sameRun = add?.rev === rev || (input.reviewingRelease && add?.rev.underReview && rev.underReview);
        if (add && sameRun) found.push({ add: add.op, validate: op, rev });
      }
    }
  }
  return found;
}
