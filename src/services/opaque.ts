import type { AnalysisResult, Opaque } from "../domain/index.js";

/**
 * The opaque operations of the revisions under review: what migragate could not read (SQL built at run time, a
 * helper imported from elsewhere, a value past a resolution limit). An opaque `op.execute` can hide any statement,
 * so with `fail-on-opaque` each of them fails the gate.
 */
export function opaqueUnderReview(result: AnalysisResult): Opaque[] {
  const opaque: Opaque[] = [];
  for (const history of result.histories) {
    for (const revision of history.revisions) {
      if (!revision.underReview) continue;
      for (const operation of revision.operations) if (operation.kind === "opaque") opaque.push(operation);
    }
  }
  return opaque;
}

/** `file:line (reason)` of the first few, for a one-line message. */
export function someOpaque(operations: readonly Opaque[], shown = 3): string {
  const listed = operations.slice(0, shown).map(({ span, reason }) => `${span.file}:${span.line} (${reason})`);
  const more = operations.length - shown;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}
