import { type Directive, type Revision, TOP_LEVEL_CONTEXT } from "../../domain/index.js";
import { directiveBodyIn, nextCodeLines, parseDirectiveBody, toDirective } from "../directives/directive-text.js";
import { LineIndex } from "../line-index.js";
import type { SqlTranslatorProvider } from "../python/revision-extractor.js";
import type { SqlSource } from "./sql-source.js";

/** A plain SQL migration file: its report path, text, and the file before it in the ordering (none for the first). */
export interface SqlMigrationFile {
  readonly file: string;
  readonly text: string;
  readonly previous?: string;
}

/** The revision id of a SQL migration file: its file name without `.sql`. */
export function sqlRevisionId(file: string): string {
  return (file.split("/").pop() ?? file).replace(/\.sql$/i, "");
}

function sqlDirectives(text: string, lines: LineIndex, file: string): Directive[] {
  if (!text.includes("migragate:")) return [];
  const sourceLines = text.split(/\r?\n/);
  const nextCodeLine = nextCodeLines(sourceLines, "--");
  const directives: Directive[] = [];
  sourceLines.forEach((line, index) => {
    const start = line.indexOf("--");
    const body = start < 0 ? undefined : directiveBodyIn(line.slice(start));
    if (body === undefined) return;
    const lineNumber = index + 1;
    const offset = lines.offsetOf(lineNumber, start + 1);
    const span = lines.span(file, offset, offset + line.length - start);
    const ownLine = line.slice(0, start).trim() === "";
    const appliesToLine = ownLine ? nextCodeLine(lineNumber) : lineNumber;
    directives.push(toDirective(parseDirectiveBody(body), span, appliesToLine));
  });
  return directives;
}

/**
 * Reads a plain `.sql` migration as one revision whose upgrade is the file's statements; it follows the file before
 * it. Nothing runs it inside Alembic, so it has no downgrade and no Python.
 */
export async function extractSqlFile(source: SqlMigrationFile, translators: SqlTranslatorProvider): Promise<Revision> {
  const lines = new LineIndex(source.text);
  const sql: SqlSource = {
    file: source.file,
    text: source.text,
    position: (index) => lines.position(index),
    span: { file: source.file, line: 1, column: 1, endLine: 1, endColumn: 1 },
    context: TOP_LEVEL_CONTEXT,
  };
  // A file of comments only (or nothing) is an empty migration, not a statement the parser should reject.
  const empty = source.text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim() === "";
  const translation = empty ? { operations: [], problems: [], statements: 0 } : (await translators(sql)).translate(sql);
  const id = sqlRevisionId(source.file);
  return {
    id,
    format: "sql",
    file: source.file,
    downRevisions: source.previous === undefined ? [] : [sqlRevisionId(source.previous)],
    dependsOn: [],
    branchLabels: [],
    rawMeta: {},
    upgrade: { operations: translation.operations },
    downgrade: { operations: [] },
    sqlStatements: translation.statements,
    problems: translation.problems,
    directives: sqlDirectives(source.text, lines, source.file),
    phaseExceptions: [],
  };
}
