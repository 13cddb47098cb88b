import type { Operation, OperationContext, SourceSpan } from "../../domain/index.js";

/** Where a statement stands and how its names read back: what every operation of it shares. */
export interface StatementSite {
  readonly span: SourceSpan;
  readonly context: OperationContext;
  /** Short source text of the statement. */
  readonly text: string;
  /** Maps a name from the prepared SQL back to what the user wrote (placeholders). */
  readonly name: (value: string) => string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An operation without what its statement gives it: readers of one statement produce these. */
export type OperationDetail = DistributiveOmit<Operation, "origin" | "span" | "context" | "text">;

export function atSite(site: StatementSite, detail: OperationDetail): Operation {
  return { origin: "sql", span: site.span, context: site.context, text: site.text, ...detail };
}
