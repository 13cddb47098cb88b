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
 * DROP INDEX after an ADD COLUMN of its table, in one revision): they wait for nothing new. Needs the transaction
 * placement.
 */
export function markHeldLocks(history: History): History {
  const revisions = history.revisions.map((analyzed): AnalyzedRevision => {
    // Within one revision: an earlier revision sharing the transaction usually ran in an earlier deploy.
    const held = new Map<string, number>();
    let changed = false;
    const operations = analyzed.operations.map((op): ClassifiedOperation => {
      const key = heldKey(op);
      const mode = op.lock?.lock;
      if (key === undefined || mode === undefined) return op;
      const strength = STRENGTH.get(mode) ?? 0;
      const before = held.get(key);
      if (before === undefined || strength > before) held.set(key, strength);
      // A renamed table keeps its lock under its new name.
      if (op.kind === "rename-table") {
        const renamed = heldKey({ ...op, table: op.newName });
        if (renamed !== undefined) held.set(renamed, Math.max(held.get(renamed) ?? 0, strength));
      }
      if (before === undefined || before < strength) return op;
      changed = true;
      return { ...op, lockAlreadyHeld: true };
    });
    return changed ? { ...analyzed, operations } : analyzed;
  });
  return { ...history, revisions };
}

function heldKey(op: ClassifiedOperation): string | undefined {
  const transaction = op.transaction?.inTransaction ? op.transaction.key : undefined;
  if (transaction === undefined || op.table === undefined || op.table === "?") return undefined;
  return `${transaction}\u0000${tableKey(op.table)}`;
}
