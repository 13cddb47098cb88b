import type { ClassifiedOperation } from "./analysis.js";

/**
 * For operations of one revision, a lookup of the first of them that one upgrade can run together with a given
 * operation: not one in a branch for another database than its own (`if dialect == "sqlite": ...` and the `else` of
 * it). For an operation under no test of the database, the first of all; else the first that is under none, in a
 * branch for the same database, or in one for a database migragate cannot name ("other"). Built in one pass; each
 * lookup compares a handful, so pairing every operation of a revision of thousands stays linear.
 */
export function firstRunningWith(
  operations: readonly ClassifiedOperation[],
): (op: ClassifiedOperation) => ClassifiedOperation | undefined {
  const [first] = operations;
  let everywhere: { readonly op: ClassifiedOperation; readonly at: number } | undefined;
  const inBranch = new Map<string, { readonly op: ClassifiedOperation; readonly at: number }>();
  operations.forEach((op, at) => {
    if (!op.inDialectBranch) everywhere ??= { op, at };
    else if (!inBranch.has(op.dialect)) inBranch.set(op.dialect, { op, at });
  });
  return (op) => {
    if (!op.inDialectBranch) return first;
    const branches =
      op.dialect === "other" ? [...inBranch.values()] : [inBranch.get(op.dialect), inBranch.get("other")];
    let best = everywhere;
    for (const candidate of branches) if (candidate && (!best || candidate.at < best.at)) best = candidate;
    return best?.op;
  };
}
