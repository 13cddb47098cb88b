import {
  type AnalyzedRevision,
  type ClassifiedOperation,
  type History,
  LOCK_MODES,
  type LockMode,
  tableKey,
} from "../domain/index.js";

const STRENGTH: ReadonlyMap<LockMode, number> = new Map(LOCK_MODES.map((mode, index) => [mode, index]));

/**
 * Marks the operations whose lock an earlier statement of the same transaction already holds on the same table (a
 * DROP INDEX after an ADD COLUMN of its table, in one revision): they wait for nothing new. The mark names the lock
 * held and the line of the statement that first took it. A foreign key's drop holds ACCESS EXCLUSIVE on the tables it
 * references too (`alsoLocks`). Needs the transaction placement.
 */
export function markHeldLocks(history: History): History {
  const revisions = history.revisions.map((analyzed): AnalyzedRevision => {
    // Within one revision: an earlier revision sharing the transaction usually ran in an earlier deploy.
    const held = new Map<string, { readonly strength: number; readonly line: number }>();
    const take = (key: string | undefined, strength: number, line: number) => {
      const before = key === undefined ? undefined : held.get(key);
      if (key !== undefined && (before === undefined || strength > before.strength)) held.set(key, { strength, line });
    };
    let changed = false;
    const operations = analyzed.operations.map((op): ClassifiedOperation => {
      const key = heldKey(op);
      const mode = op.lock?.lock;
      if (key === undefined || mode === undefined) return op;
      const strength = STRENGTH.get(mode) ?? 0;
      const before = held.get(key);
      take(key, strength, op.span.line);
      for (const table of op.lock?.alsoLocks ?? []) take(heldKey({ ...op, table }), ACCESS_EXCLUSIVE, op.span.line);
      // A renamed table keeps its lock under its new name.
      if (op.kind === "rename-table") take(heldKey({ ...op, table: op.newName }), strength, op.span.line);
      if (before === undefined || before.strength < strength) return op;
      changed = true;
      const lockAlreadyHeld = { mode: LOCK_MODES[before.strength] as LockMode, line: before.line };
      return { ...op, lockAlreadyHeld };
    });
    return changed ? { ...analyzed, operations } : analyzed;
  });
  return { ...history, revisions };
}

const ACCESS_EXCLUSIVE = LOCK_MODES.length - 1;

function heldKey(op: ClassifiedOperation): string | undefined {
  const transaction = op.transaction?.inTransaction ? op.transaction.key : undefined;
  if (transaction === undefined || op.table === undefined || op.table === "?") return undefined;
  return `${transaction}\u0000${tableKey(op.table)}`;
}
