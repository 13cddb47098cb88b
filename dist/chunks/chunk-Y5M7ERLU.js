import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/cli/failed-file.ts
function failedFile(file, reason) {
  return { skipped: { file, reason: `migragate failed to analyse this file: ${reason}`, failed: true } };
}

export {
  failedFile
};
