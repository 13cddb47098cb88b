import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  LineIndex
} from "./chunk-C6SBNVJK.js";
import {
  TOP_LEVEL_CONTEXT
} from "./chunk-FOQMQZLO.js";

// src/adapters/directives/directive-text.ts
function directiveBodyIn(comment) {
  const match = /(?:^|[#\s-])migragate:\s*(.*)$/.exec(comment);
  return match ? (match[1] ?? "").trim() : void 0;
}
var IGNORE = /^(ignore-file|ignore)\b\s*(?:\[([^\]]*)\])?\s*(.*)$/;
var RULE_NAME = /^[a-z][a-z0-9-]*$/;
var PHASE = /^phase\s*=\s*([A-Za-z]+)\s*$/;
var PHASE_NAMES = { expand: "expand", backfill: "backfill", migrate: "backfill", contract: "contract" };
function parseDirectiveBody(body) {
  const phase = PHASE.exec(body);
  if (phase) {
    const name = PHASE_NAMES[(phase[1] ?? "").toLowerCase()];
    return name ? { kind: "phase", phase: name } : { kind: "malformed", problem: `unknown phase "${phase[1]}" (expected expand, backfill, migrate or contract)` };
  }
  const ignore = IGNORE.exec(body);
  if (!ignore) {
    return {
      kind: "malformed",
      problem: 'expected "ignore[rule, ...] -- reason", "ignore-file[rule, ...] -- reason" or "phase=expand|backfill|contract"'
    };
  }
  const kind = ignore[1];
  const rules = (ignore[2] ?? "").split(",").map((rule) => rule.trim()).filter((rule) => rule !== "");
  const invalid = rules.find((rule) => !RULE_NAME.test(rule));
  if (invalid !== void 0) return { kind: "malformed", problem: `"${invalid}" is not a rule name` };
  if (ignore[2] !== void 0 && rules.length === 0)
    return { kind: "malformed", problem: `empty rule list in ${kind}[]` };
  const rest = (ignore[3] ?? "").trim();
  if (rest !== "" && !rest.startsWith("--")) {
    return { kind: "malformed", problem: `write the reason after "--", e.g. ${kind}[rule] -- why this is safe` };
  }
  const reason = rest.replace(/^--\s*/, "").trim();
  return { kind, rules, ...reason !== "" ? { reason } : {} };
}
function toDirective(body, span, appliesToLine) {
  switch (body.kind) {
    case "ignore":
      return { ...body, kind: "ignore", appliesToLine, span };
    case "ignore-file":
      return { ...body, kind: "ignore-file", span };
    case "phase":
      return { kind: "phase", phase: body.phase, span };
    case "malformed":
      return { kind: "malformed", problem: body.problem, span };
  }
}
function nextCodeLines(lines, commentPrefix) {
  let next;
  return (from) => {
    if (!next) {
      next = new Int32Array(lines.length + 2);
      let code = 0;
      for (let line = lines.length; line >= 1; line--) {
        next[line] = code;
        const text = (lines[line - 1] ?? "").trim();
        if (text !== "" && !text.startsWith(commentPrefix)) code = line;
      }
    }
    return next[from] || from;
  };
}

// src/adapters/sql/sql-file-extractor.ts
function sqlRevisionId(file) {
  return (file.split("/").pop() ?? file).replace(/\.sql$/i, "");
}
function sqlDirectives(text, lines, file) {
  if (!text.includes("migragate:")) return [];
  const sourceLines = text.split(/\r?\n/);
  const nextCodeLine = nextCodeLines(sourceLines, "--");
  const directives = [];
  sourceLines.forEach((line, index) => {
    const start = line.indexOf("--");
    const body = start < 0 ? void 0 : directiveBodyIn(line.slice(start));
    if (body === void 0) return;
    const lineNumber = index + 1;
    const offset = lines.offsetOf(lineNumber, start + 1);
    const span = lines.span(file, offset, offset + line.length - start);
    const ownLine = line.slice(0, start).trim() === "";
    const appliesToLine = ownLine ? nextCodeLine(lineNumber) : lineNumber;
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
  directiveBodyIn,
  parseDirectiveBody,
  toDirective,
  nextCodeLines,
  sqlRevisionId,
  extractSqlFile
};
