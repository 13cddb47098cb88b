import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/python/declared-revision.ts
var REVISION_ASSIGNMENT = /^revision(?:[ \t]*:[^=\n]{0,100})?[ \t]*=[ \t]*(["'])([^"'\n\\]{1,200})\1/m;
function declaredRevisionId(text) {
  return REVISION_ASSIGNMENT.exec(text)?.[2];
}

// src/cli/failed-file.ts
function failedFile(file, reason, text) {
  const revision = text === void 0 ? void 0 : declaredRevisionId(text);
  return {
    skipped: {
      file,
      reason: `migragate failed to analyse this file: ${reason}`,
      failed: true,
      ...revision === void 0 ? {} : { revision }
    }
  };
}

export {
  failedFile
};
