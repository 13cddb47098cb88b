import type { SourceSpan } from "../../domain/index.js";
import type { PreparedSql } from "./prepared-sql.js";
import { PLACEHOLDER_OPEN, type SqlSource } from "./sql-source.js";

/** Shared by the SQL translators: statement boundaries, spans and texts back in terms of the migration file. */

/** `start`/`end` of `text` without surrounding whitespace and trailing semicolons, shifted by `base`. */
export function trimmed(text: string, start: number, end: number, base = 0): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? "")) from++;
  while (to > from && /[\s;]/.test(text[to - 1] ?? "")) to--;
  return { start: base + from, end: base + to };
}

/** The original text (placeholders as the user wrote them) of prepared characters `start`..`end`. */
export function restore(prepared: PreparedSql, start: number, end: number, original: string): string {
  const from = prepared.origin[start] ?? 0;
  const to = (prepared.origin[Math.max(start, end - 1)] ?? from) + 1;
  let text = original.slice(from, to);
  if (text.endsWith("«")) text = original.slice(from, original.indexOf("»", to) + 1);
  return text;
}

/** One line, at most 160 characters: statement texts for messages. */
export { compact } from "../source-text.js";

/** The content of a single-quoted SQL string; any other text as it is. */
export function unquote(value: string): string {
  return value.replace(/^'(.*)'$/s, "$1");
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The file span of prepared characters `start`..`end`. */
export function statementSpan(source: SqlSource, prepared: PreparedSql, start: number, end: number): SourceSpan {
  const from = source.position(prepared.origin[start] ?? 0);
  const to = source.position(prepared.origin[Math.max(start, end - 1)] ?? 0);
  return { file: source.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column + 1 };
}

/** The unparsed-sql message; statements with unresolved Python parts say so, since the parser only saw stand-ins. */
export function unparsedMessage(error: string, statement: string): string {
  if (statement.includes(PLACEHOLDER_OPEN)) {
    return `migragate could not read this SQL, built partly at run time («...» marks what it could not resolve), so no rule checked it (its parser stopped: ${error}): ${statement}`;
  }
  return `migragate could not read this SQL statement, so no rule checked it (its parser stopped: ${error}): ${statement}`;
}
