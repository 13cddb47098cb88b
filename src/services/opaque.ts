import type { AnalysisResult, Operation, SourceSpan } from "../domain/index.js";

/**
 * The opaque operations of the revisions under review: what migragate could not read (SQL built at run time, a
 * helper imported from elsewhere, a value past a resolution limit). An opaque `op.execute` can hide any statement,
 * so with `fail-on-opaque` each of them fails the gate.
 */
export function opaqueUnderReview(result: AnalysisResult): Operation[] {
  return result.histories.flatMap((history) =>
    history.revisions
      .filter((revision) => revision.underReview)
      .flatMap((revision) => revision.operations.filter((operation) => operation.kind === "opaque")),
  );
}

/** `file:line` of the first few spans, for a one-line message. */
export function someLocations(spans: readonly SourceSpan[], shown = 3): string {
  const listed = spans.slice(0, shown).map((span) => `${span.file}:${span.line}`);
  return spans.length > shown ? `${listed.join(", ")} and ${spans.length - shown} more` : listed.join(", ");
}
