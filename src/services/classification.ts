import {
  type AnalyzedRevision,
  amongCreated,
  type ClassifiedOperation,
  type ConstraintType,
  compareColumnTypes,
  contractReason,
  type Dialect,
  enumTypeName,
  isBookkeepingTable,
  type LockFacts,
  type Operation,
  type Phase,
  type ReadingDialect,
  type Revision,
  TableNames,
  tableKey,
} from "../domain/index.js";
import { excludedDialects, operationDialect, underDialectTest } from "./dialect.js";
import { lockFacts } from "./locks.js";
import { type OperationFacts, operationColumn, revisionFacts } from "./revision-facts.js";
import type { SchemaState } from "./schema-state.js";

export { columnKey } from "./schema-state.js";

const PHASE_ORDER: readonly Phase[] = ["expand", "backfill", "contract"];

/** Contract over backfill over expand over neutral: the phase of a directive made of several parts. */
const STRENGTH: ReadonlyMap<Phase, number> = new Map([
  ["neutral", 0],
  ["expand", 1],
  ["backfill", 2],
  ["contract", 3],
]);

/** Dropping one of these removes something the running code can rely on: an upsert's conflict target, a cascade. */
const RELIED_ON: ReadonlySet<ConstraintType> = new Set(["unique", "primary-key", "foreign-key", "unknown"]);

/**
 * The phase of one operation. Whatever happens to a table created by the same revision is invisible to code that
 * is already running, so it is expand (or neutral for a drop). The reasoning per kind is in docs/phases.md.
 */
export function classify(
  operation: Operation,
  facts: OperationFacts,
  newTables: ReadonlySet<string>,
  dialect: Dialect,
): Phase {
  const { onNewTable } = facts;
  // A rename by drop and re-create changes nothing the code sees; a unique key widened is a loosening.
  if (facts.pairing === "rename" || facts.pairing === "redundant" || facts.subsumed) return "neutral";
  if (facts.alreadyGone) return "neutral";
  // An index, a column, a data change on the migration's own temporary table: no running code is affected.
  if (facts.onTemporaryTable) return "neutral";
  // Alembic's (or sqlalchemy-migrate's) own version table is bookkeeping, not schema the application reads.
  if (isBookkeepingTable(operation.table)) return "neutral";
  if (facts.pairing === "loosening") return "expand";
  switch (operation.kind) {
    case "create-table":
      // A temporary table is the migration's scratch space: no other session, old code included, ever sees it.
      return operation.temporary ? "neutral" : "expand";
    case "create-object":
      // CREATE OR REPLACE of a function or view the history created changes it in place: nothing is added.
      return operation.orReplace && facts.objectExisted ? "neutral" : "expand";
    case "add-column":
    case "alter-enum-add-value":
      return "expand";
    case "drop-not-null":
      // `alter_column(..., nullable=True)` on a column the history shows nullable already changes nothing.
      return facts.columnKnown && !facts.notNullBefore ? "neutral" : "expand";
    case "drop-constraint": {
      if (facts.pairing === "replaced" || onNewTable) return "neutral";
      const type = facts.constraintType ?? operation.constraintType;
      // Dropping a CHECK or NOT NULL only loosens; a unique, primary or foreign key is relied on.
      return RELIED_ON.has(type) ? "contract" : "expand";
    }
    case "create-index":
      // An index over exactly the columns of a unique key the table has adds nothing: the key has that index.
      if (facts.duplicatesKey) return "neutral";
      // A unique index rejects duplicates old code may still write, unless it covers only brand-new columns or a
      // unique key the table already has.
      return !operation.unique || onNewTable || facts.onlyNewColumns || facts.cannotReject ? "expand" : "contract";
    case "set-column-default":
      return operation.default === undefined ? "neutral" : "expand";
    case "drop-index":
    case "drop-object":
      if (facts.pairing === "replaced" || facts.onNewObject) return "neutral";
      return onNewTable ? "neutral" : "contract";
    case "drop-column":
      // A scratch column added earlier in the same revision was never seen by running code; a column dropped and
      // added again (or replaced by a renamed copy) in the revision stays for it.
      return onNewTable || facts.onNewColumn || facts.pairing === "replaced" ? "neutral" : "contract";
    case "drop-table":
      // Created again in the revision with its rows written back: running code keeps the table and its data.
      return onNewTable || facts.pairing === "replaced" ? "neutral" : "contract";
    case "rename-table":
      // Renamed away and created again under its name with its rows copied back: running code keeps the table.
      return onNewTable || facts.pairing === "replaced" ? "neutral" : "contract";
    case "rename-column":
      return onNewTable || facts.onNewColumn ? "expand" : "contract";
    case "rename-object":
      // Renamed away and created again under its name (an enum rebuilt to change its values): running code finds it.
      if (facts.pairing === "replaced" || facts.onNewObject) return "neutral";
      return operation.objectType === "index" || operation.objectType === "constraint" ? "neutral" : "contract";
    case "set-not-null":
      if (facts.notNullBefore) return "neutral";
      // A column this revision added is written by no running code: with a server default, their inserts still
      // succeed.
      return onNewTable || (facts.onNewColumn && facts.defaultFilled) ? "expand" : "contract";
    case "add-constraint":
      // `UNIQUE USING INDEX` of a unique index the table has turns the index into a constraint: the same key.
      if (facts.duplicatesKey) return "neutral";
      // Old code never writes a column added by this revision, and NULL passes FK, UNIQUE and CHECK constraints; a
      // key over columns that already hold a unique key rejects nothing.
      return onNewTable || facts.cannotReject || (facts.onlyNewColumns && operation.constraintType !== "primary-key")
        ? "expand"
        : "contract";
    case "change-column-type": {
      // Old code neither reads nor writes a column the same revision added: any type suits it.
      if (onNewTable || facts.onNewColumn) return "expand";
      const from = operation.fromType ?? facts.typeBefore;
      // `type_=` restating the type the column has changes nothing (on PostgreSQL, neither does an enum of the same
      // named type, whatever values it lists).
      if (from !== undefined && from === operation.toType) return "neutral";
      const effect = compareColumnTypes(from, operation.toType, dialect);
      if (
        effect.compatible &&
        !effect.rewrite &&
        dialect === "postgresql" &&
        from !== undefined &&
        enumTypeName(from) !== undefined
      )
        return "neutral";
      return effect.compatible ? "expand" : "contract";
    }
    case "data-change": {
      // It changes nothing: every row it would select holds the default the revision's add_column gave it.
      if (facts.matchesNoRow) return "neutral";
      const seeding = ["insert", "bulk-insert", "copy", "insert-select"].includes(operation.statement);
      if (seeding && onNewTable) return "expand";
      // Rows written out in the source (reference data, seed rows of a new feature) change neither the schema nor a
      // row running code has: neutral in any phase. One INSERT per row read at run time is a backfill.
      const literalRows = operation.statement === "insert" || operation.statement === "bulk-insert";
      return literalRows && (!operation.context.inLoop || operation.context.literalLoop) ? "neutral" : "backfill";
    }
    case "truncate":
      return operation.tables.every((table) => amongCreated(newTables, tableKey(table))) ? "neutral" : "backfill";
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

/** The lock with the tables the operation's removed foreign keys reference, those the revision did not create. */
function withForeignKeyTables(
  lock: LockFacts | undefined,
  facts: OperationFacts,
  newTables: ReadonlySet<string>,
): LockFacts | undefined {
  const others = facts.foreignKeyTables?.filter((table) => !amongCreated(newTables, table)) ?? [];
  return lock === undefined || others.length === 0 ? lock : { ...lock, alsoLocks: others };
}

/** What the history tells about an operation that it does not say itself: previous type, index table, proof. */
function enriched(operation: Operation, facts: OperationFacts): Operation {
  switch (operation.kind) {
    case "add-column":
      return facts.defaultRemovedLater ? { ...operation, defaultRemovedLater: true } : operation;
    case "change-column-type": {
      const fromHistory = operation.fromType === undefined && facts.typeBefore !== undefined;
      return fromHistory || facts.onNewColumn
        ? {
            ...operation,
            ...(fromHistory ? { fromType: facts.typeBefore } : {}),
            ...(facts.onNewColumn ? { onNewColumn: true as const } : {}),
          }
        : operation;
    }
    case "set-not-null":
      return facts.provenBy !== undefined || facts.notNullBefore
        ? {
            ...operation,
            ...(facts.provenBy !== undefined ? { provenBy: facts.provenBy } : {}),
            ...(facts.notNullBefore ? { alreadyNotNull: true as const } : {}),
          }
        : operation;
    case "drop-index":
      return facts.indexTable !== undefined ? { ...operation, table: facts.indexTable } : operation;
    case "drop-column":
      return facts.retyped !== undefined ? { ...operation, replacedWithType: facts.retyped } : operation;
    case "drop-constraint":
      return facts.constraintType !== undefined ? { ...operation, constraintType: facts.constraintType } : operation;
    default:
      return operation;
  }
}

/** The same `alter_column(...)` call (or ALTER TABLE statement) read as several operations on one column. */
function sameDirective(a: Operation, b: Operation): boolean {
  const column = operationColumn(a);
  return (
    column !== undefined &&
    a.kind !== b.kind &&
    a.span.line === b.span.line &&
    a.span.column === b.span.column &&
    a.span.endLine === b.span.endLine &&
    a.span.endColumn === b.span.endColumn &&
    a.table !== undefined &&
    b.table !== undefined &&
    tableKey(a.table) === tableKey(b.table) &&
    operationColumn(b)?.toLowerCase() === column.toLowerCase()
  );
}

/**
 * One directive, one phase: the parts of one `alter_column(...)` take the strongest phase among them, and every part
 * after the first says it continues the directive before it.
 */
function directivePhases(operations: readonly Operation[], phases: Phase[]): boolean[] {
  const continues = operations.map(() => false);
  let start = 0;
  for (let index = 1; index <= operations.length; index++) {
    const current = operations[index];
    const previous = operations[index - 1];
    if (current !== undefined && previous !== undefined && sameDirective(previous, current)) {
      continues[index] = true;
      continue;
    }
    if (index - start > 1) {
      const strongest = phases
        .slice(start, index)
        .reduce((best, phase) => ((STRENGTH.get(phase) ?? 0) > (STRENGTH.get(best) ?? 0) ? phase : best), "neutral");
      for (let part = start; part < index; part++) phases[part] = strongest;
    }
    start = index;
  }
  return continues;
}

/** Per operation: its directive's contract rests only on an assumed part (no part is a certain contract). */
function directiveAssumptions(
  continues: readonly boolean[],
  assumedContract: readonly boolean[],
  certainContract: readonly boolean[],
): boolean[] {
  const result = continues.map(() => false);
  let start = 0;
  for (let index = 1; index <= continues.length; index++) {
    if (index < continues.length && continues[index]) continue;
    let anyAssumed = false;
    let anyCertain = false;
    for (let part = start; part < index; part++) {
      anyAssumed ||= assumedContract[part] === true;
      anyCertain ||= certainContract[part] === true;
    }
    result.fill(anyAssumed && !anyCertain, start, index);
    start = index;
  }
  return result;
}

/**
 * Per operation, why it would be a contract: its own reason when the phase table makes it one, else the reason of the
 * first part of its directive that is one (`alter_column(nullable=True, type_=...)` is a contract through its type).
 */
function contractReasons(
  operations: readonly Operation[],
  ownPhases: readonly Phase[],
  continues: readonly boolean[],
): (string | undefined)[] {
  const own = operations.map((operation, index) =>
    ownPhases[index] === "contract" ? contractReason(operation) : undefined,
  );
  const result = [...own];
  let start = 0;
  for (let index = 1; index <= operations.length; index++) {
    if (index < operations.length && continues[index]) continue;
    const directive = own.slice(start, index).find((reason) => reason !== undefined);
    for (let part = start; part < index; part++) result[part] ??= directive;
    start = index;
  }
  return result;
}

/**
 * Classifies a revision's upgrade operations against what earlier revisions of its history left behind, and
 * replays them on the schema state for the revisions after it.
 */
export function analyzeRevision(
  revision: Revision,
  state: SchemaState,
  reading: ReadingDialect,
  postgresVersion: number,
): AnalyzedRevision {
  const written = revision.upgrade.operations;
  // The schema is the one of the history's database: a branch under a condition for another database
  // (`if engine.name == "postgresql":` in a MySQL project) does not change it.
  const here = state.dialect;
  // Worked out once for each operation. The parser that read a SQL statement knows its dialect best; an op.* call
  // under no condition runs on the history's database (a helper module's folder names none), else as its conditions
  // and the revision's folder say.
  const dialects = written.map(
    (operation) =>
      operation.dialect ??
      (operation.context.conditions.length === 0 ? here : operationDialect(operation.context, revision.file, reading)),
  );
  const runsHere = (operation: Operation, at: number) =>
    dialects[at] === here &&
    (operation.context.conditions.length === 0 || !excludedDialects(operation.context).has(here));
  const facts = revisionFacts(written, state, runsHere, (at) => dialects[at] ?? here);
  const lockContext = { postgresVersion, newTables: facts.newTables };
  const operations = written.map((operation, index) => enriched(operation, facts.operations[index] as OperationFacts));
  const phases = operations.map((operation, index) => {
    const fact = facts.operations[index] as OperationFacts;
    // Ruled out for the history's database (the else of `if dialect == "sqlite":` in a SQLite history), it changes
    // nothing there: no phase rule of this history judges it.
    if (dialects[index] === "other") return "neutral";
    const phase = classify(operation, fact, facts.newTables, dialects[index] ?? reading.dialect);
    // A table dropped and created again under its name: its re-creation adds nothing new for the running code.
    return fact.onRebuiltTable && phase === "expand" ? "neutral" : phase;
  });
  // A type change with an unknown previous or new type is counted a contract to be safe: the phase rules that
  // schedule revisions do not assert it, and neither do they for a directive whose only contract part it is.
  const assumedContract = operations.map(
    (operation, index) =>
      operation.kind === "change-column-type" &&
      phases[index] === "contract" &&
      !compareColumnTypes(operation.fromType, operation.toType, dialects[index]).known,
  );
  const certainContract = operations.map((_, index) => phases[index] === "contract" && !assumedContract[index]);
  const ownPhases = [...phases];
  const continues = directivePhases(operations, phases);
  const assumed = directiveAssumptions(continues, assumedContract, certainContract);
  const reasons = contractReasons(operations, ownPhases, continues);
  // After a table is dropped and created again, the revision works on a table no other session can see yet.
  const rebuiltContexts = new Map<string, typeof lockContext>();
  const rebuiltContext = (table: string) => {
    const key = tableKey(table);
    let context = rebuiltContexts.get(key);
    if (!context) {
      context = { ...lockContext, newTables: new TableNames([...facts.newTables, key]) };
      rebuiltContexts.set(key, context);
    }
    return context;
  };
  const classified: ClassifiedOperation[] = operations.map((operation, index) => {
    const dialect = dialects[index] ?? reading.dialect;
    const fact = facts.operations[index] as OperationFacts;
    const context =
      fact.onRebuiltTable && operation.table !== undefined ? rebuiltContext(operation.table) : lockContext;
    // A drop of a table that is not there locks nothing.
    const lock =
      dialect === "postgresql" && !fact.alreadyGone
        ? withForeignKeyTables(lockFacts(operation, context), fact, context.newTables)
        : undefined;
    const phase = phases[index] ?? "neutral";
    return {
      ...operation,
      phase,
      dialect,
      ...(assumed[index] && phase === "contract" ? { phaseAssumed: true as const } : {}),
      ...(phase === "contract" && reasons[index] !== undefined ? { contractReason: reasons[index] } : {}),
      ...(lock !== undefined ? { lock } : {}),
      ...(continues[index] ? { continuesDirective: true as const } : {}),
      ...(fact.subsumed ? { subsumed: true as const } : {}),
      ...(fact.tableRenamedFrom !== undefined ? { tableRenamedFrom: fact.tableRenamedFrom } : {}),
      ...(operation.context.conditions.length > 0 && underDialectTest(operation.context)
        ? { inDialectBranch: true as const }
        : {}),
    };
  });
  const present = new Set(classified.map((operation) => operation.phase));
  return {
    revision,
    operations: classified,
    phases: PHASE_ORDER.filter((phase) => present.has(phase)),
    newTables: facts.newTables,
    underReview: true,
  };
}
