import type { ExtractionProblem, Operation, OperationContext, SourceSpan } from "../../domain/index.js";

/** How unresolved parts of a SQL text are marked: `«source text of the Python expression»` (as in names). */
export { UNRESOLVED_CLOSE as PLACEHOLDER_CLOSE, UNRESOLVED_OPEN as PLACEHOLDER_OPEN } from "../../domain/index.js";

/** A SQL text a migration runs, with a way back from each of its characters to the file that holds it. */
export interface SqlSource {
  readonly file: string;
  /** The SQL, unresolved parts shown as `«source text»` placeholders. */
  readonly text: string;
  /** The file position of character `index` of `text`. */
  position(index: number): { line: number; column: number };
  /** Where the call that runs the SQL stands, for problems that have no better place. */
  readonly span: SourceSpan;
  readonly context: OperationContext;
}

export interface SqlTranslation {
  readonly operations: Operation[];
  readonly problems: ExtractionProblem[];
  /** Statements read (parsed), for the coverage count; those that did not parse are problems instead. */
  readonly statements: number;
}

/** Turns SQL into domain operations; one implementation per SQL dialect family. */
export interface SqlTranslator {
  translate(source: SqlSource): SqlTranslation;
}
