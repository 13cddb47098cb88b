import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/python/declared-revision.ts
var HEADER_CHARACTERS = 1e5;
var assignment = (name) => new RegExp(`^${name}(?:[ \\t]*:[^=\\n]{0,100})?[ \\t]*=[ \\t]*([^\\n]{0,500})`, "m");
function assignedValue(pattern, header) {
  const match = pattern.exec(header);
  if (!match) return null;
  const after = header[match.index + match[0].length];
  return after === void 0 || after === "\n" || after === "\r" ? match[1]?.trimEnd() : void 0;
}
var REVISION = assignment("revision");
var BRANCH_LABELS = assignment("branch_labels");
var QUOTED = /^(["'])([^"'\n\\]{1,200})\1[ \t]*(?:#.*)?$/;
var MAX_LABELS = 20;
function declaredRevision(text) {
  const header = text.slice(0, HEADER_CHARACTERS);
  const revision = QUOTED.exec(assignedValue(REVISION, header) ?? "")?.[2];
  if (revision === void 0) return void 0;
  const labels = assignedValue(BRANCH_LABELS, header);
  const branchLabels = labels === null ? [] : labels === void 0 ? void 0 : labelsIn(labels);
  return branchLabels ? { revision, branchLabels } : void 0;
}
function labelsIn(value) {
  if (/^None[ \t]*(?:#.*)?$/.test(value)) return [];
  const single = QUOTED.exec(value)?.[2];
  if (single !== void 0) return [single];
  return quotedList(value);
}
function quotedList(value) {
  const close = value[0] === "(" ? ")" : value[0] === "[" ? "]" : void 0;
  if (!close) return void 0;
  const labels = [];
  let at = 1;
  const skipSpaces = () => {
    while (value[at] === " " || value[at] === "	") at++;
  };
  for (; ; ) {
    skipSpaces();
    if (value[at] === close) break;
    const quote = value[at];
    if (quote !== '"' && quote !== "'" || labels.length === MAX_LABELS) return void 0;
    const end = value.indexOf(quote, at + 1);
    const label = end < 0 ? "" : value.slice(at + 1, end);
    if (label === "" || /["'\\]/.test(label)) return void 0;
    labels.push(label);
    at = end + 1;
    skipSpaces();
    if (value[at] === ",") at++;
    else if (value[at] !== close) return void 0;
  }
  return /^[ \t]*(?:#.*)?$/.test(value.slice(at + 1)) ? labels : void 0;
}

// src/cli/failed-file.ts
function failedFile(file, reason, text) {
  const declares = text === void 0 ? void 0 : declaredRevision(text);
  return {
    skipped: {
      file,
      reason: `migragate failed to analyse this file: ${reason}`,
      failed: true,
      ...declares === void 0 ? {} : { declares }
    }
  };
}

export {
  failedFile
};
