import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  directiveBodyIn,
  nextCodeLine,
  parseDirectiveBody,
  toDirective
} from "./chunk-2SGID7Q3.js";
import {
  LineIndex
} from "./chunk-C6SBNVJK.js";
import {
  TOP_LEVEL_CONTEXT
} from "./chunk-MTCNHWRQ.js";

// src/adapters/sql/sql-file-extractor.ts
function sqlRevisionId(file) {
  return (file.split("/").pop() ?? file).replace(/\.sql$/i, "");
}
var NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
function orderSqlFiles(files) {
  const name = (file) => file.split("/").pop() ?? file;
  return [...files].sort((a, b) => NATURAL.compare(name(a.file), name(b.file)) || (a.file < b.file ? -1 : 1));
}
function sqlDirectives(text, lines, file) {
  if (!text.includes("migragate:")) return [];
  const sourceLines = text.split(/\r?\n/);
  const directives = [];
  sourceLines.forEach((line, index) => {
    const start = line.indexOf("--");
    const body = start < 0 ? void 0 : directiveBodyIn(line.slice(start));
    if (body === void 0) return;
    const lineNumber = index + 1;
    const offset = lines.offsetOf(lineNumber, start + 1);
    const span = lines.span(file, offset, offset + line.length - start);
    const ownLine = line.slice(0, start).trim() === "";
    const appliesToLine = ownLine ? nextCodeLine(sourceLines, lineNumber, "--") : lineNumber;
    directives.push(toDirective(parseDirectiveBody(body), span, appliesToLine));
  });
  return directives;
}
async function extractSqlFile(source, translators) {
  const lines = new LineIndex(source.text);
  const sql = {
    file: source.file,
    text: source.text,
    position: (index) => lines.position(index),
    span: { file: source.file, line: 1, column: 1, endLine: 1, endColumn: 1 },
    context: TOP_LEVEL_CONTEXT
  };
  const empty = source.text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim() === "";
  const translation = empty ? { operations: [], problems: [], statements: 0 } : (await translators(sql)).translate(sql);
  const id = sqlRevisionId(source.file);
  return {
    id,
    format: "sql",
    file: source.file,
    downRevisions: source.previous === void 0 ? [] : [sqlRevisionId(source.previous)],
    dependsOn: [],
    branchLabels: [],
    rawMeta: {},
    upgrade: { operations: translation.operations },
    downgrade: { operations: [] },
    sqlStatements: translation.statements,
    problems: translation.problems,
    directives: sqlDirectives(source.text, lines, source.file),
    phaseExceptions: []
  };
}

export {
  orderSqlFiles,
  extractSqlFile
};
