import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/python/declared-revision.ts
var HEADER_CHARACTERS = 1e5;
var assignment = (name) => new RegExp(`^${name}(?:[ \\t]*:[^=\\n]{0,100})?[ \\t]*=[ \\t]*([^\\n]{0,500})$`, "m");
var REVISION = assignment("revision");
var BRANCH_LABELS = assignment("branch_labels");
var QUOTED = /^(["'])([^"'\n\\]{1,200})\1[ \t]*(?:#.*)?$/;
var QUOTED_LIST = /^[([][ \t]*((?:(["'])[^"'\n\\]{1,200}\2[ \t]*,?[ \t]*){0,20})[)\]][ \t]*(?:#.*)?$/;
function declaredRevision(text) {
  const header = text.slice(0, HEADER_CHARACTERS);
  const revision = QUOTED.exec(REVISION.exec(header)?.[1]?.trimEnd() ?? "")?.[2];
  if (revision === void 0) return void 0;
  const labels = BRANCH_LABELS.exec(header)?.[1]?.trimEnd();
  const branchLabels = labels === void 0 ? [] : labelsIn(labels);
  return branchLabels ? { revision, branchLabels } : void 0;
}
function labelsIn(value) {
  if (/^None[ \t]*(?:#.*)?$/.test(value)) return [];
  const single = QUOTED.exec(value)?.[2];
  if (single !== void 0) return [single];
  const list = QUOTED_LIST.exec(value)?.[1];
  return list === void 0 ? void 0 : [...list.matchAll(/(["'])([^"'\n\\]+)\1/g)].map((match) => match[2] ?? "");
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
