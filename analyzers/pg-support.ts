import type { Located } from "../src/domain/index.js";
import {
  type AnalysisInput,
  type AnalyzedRevision,
  type ClassifiedOperation,
  type ColumnSpec,
  defaultFunctions,
  functionKey,
  isBookkeepingTable,
  type OperationKind,
  tableKey,
} from "../src/domain/index.js";
import { analyzedRevisions, isNewTable, type OpOf, operationsOfKind } from "./support.js";

/** Upgrade operations of one kind that run on PostgreSQL, with their revisions. */
export function postgresOperations<K extends OperationKind>(input: AnalysisInput, kind: K): Located<OpOf<K>>[] {
  // A migration tool's version table is bookkeeping: nothing the application runs waits on its locks.
  return operationsOfKind(input, kind).filter(({ op }) => op.dialect === "postgresql" && !isBookkeepingTable(op.table));
}

/**
 * The operation acts on a table that existed before its revision (not one the revision creates, nor one it dropped
 * and created again before the operation: `op`'s lock facts say so).
 */
export function onExistingTable(
  rev: AnalyzedRevision,
  table: string | undefined,
  op?: { readonly lock?: { readonly newTable?: boolean } },
): boolean {
  return table !== undefined && !isNewTable(rev, table) && op?.lock?.newTable !== true;
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
          onNewTable: !onExistingTable(rev, op.table, op),
        });
      }
      if (op.kind !== "add-constraint" || op.dialect !== "postgresql" || op.constraintType !== constraintType) continue;
      if (!onExistingTable(rev, op.table, op) || isBookkeepingTable(op.table)) continue;
      const index = op.usingIndex === undefined ? undefined : builds.get(op.usingIndex.toLowerCase());
      found.push({ op, rev, ...(index ? { index } : {}) });
    }
  }
  return found;
}

const NULL_DEFAULT = /^(?:null|(?:sa\.)?null\(\)|(?:sa\.)?text\(\s*["']null["']\s*\))$/i;

/** What the history says of a function: its volatility as its CREATE FUNCTION declares it, and where. */
export interface CreatedFunction {
  readonly volatility: "immutable" | "stable" | "volatile";
  /** The revision whose CREATE FUNCTION declares it. */
  readonly revision: string;
}

/** Why a default is volatile, or may be: the first reason found, strongest first. */
export type DefaultVolatility =
  /** It calls a function PostgreSQL marks VOLATILE. */
  | { readonly kind: "volatile"; readonly call: string }
  /** It calls a function the history creates without declaring it STABLE or IMMUTABLE. */
  | { readonly kind: "created-volatile"; readonly call: string; readonly created: CreatedFunction }
  /** It calls a function migragate does not know: VOLATILE unless declared otherwise. */
  | { readonly kind: "unknown"; readonly call: string };

/**
 * Whether a column's server default is volatile, as far as migragate can tell: functions PostgreSQL marks VOLATILE,
 * then functions the history creates (`created`, keyed by `functionKey`) with the volatility they declare, then
 * functions it does not know, which are VOLATILE unless declared otherwise. Undefined when the default is constant,
 * stable or immutable.
 */
export function defaultVolatility(
  column: ColumnSpec,
  origin: ClassifiedOperation["origin"],
  created: ReadonlyMap<string, CreatedFunction>,
): DefaultVolatility | undefined {
  if (column.serverDefault === undefined) return undefined;
  const calls = defaultFunctions(column.serverDefault, origin);
  const known = calls.volatile[0];
  if (known !== undefined) return { kind: "volatile", call: `${known}()` };
  let unknown: string | undefined;
  for (const call of calls.unknown) {
    const declared = created.get(functionKey(call));
    if (declared?.volatility === "volatile") return { kind: "created-volatile", call: `${call}()`, created: declared };
    if (declared === undefined) unknown ??= `${call}()`;
  }
  return unknown === undefined ? undefined : { kind: "unknown", call: unknown };
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
      if (op.kind === "add-constraint" && op.notValid && op.name !== undefined && onExistingTable(rev, op.table, op)) {
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
