import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-S7CPFA5J.js";
import "./chunk-4QRIUKKB.js";

// src/adapters/fs/file-edits.ts
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
var BOM = "\uFEFF";
function current(edit) {
  try {
    if (!statSync(edit.path).isFile()) throw new InputError(`${edit.file}: not a regular file`);
    const raw = readFileSync(edit.path, "utf8");
    return raw.startsWith(BOM) ? { text: raw.slice(1), bom: true } : { text: raw, bom: false };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${edit.file}: cannot read (${error.code ?? "error"})`);
  }
}
function applyFileEdits(edits) {
  const read = edits.map((edit) => ({ edit, ...current(edit) }));
  const changed = read.find(({ edit, text }) => text !== edit.before);
  if (changed) throw new InputError(`${changed.edit.file}: changed since it was analysed; run the plan again`);
  for (const { edit, bom } of read) {
    const temporary = join(dirname(edit.path), `.${basename(edit.path)}.migragate-${process.pid}`);
    try {
      writeFileSync(temporary, `${bom ? BOM : ""}${edit.after}`, { mode: statSync(edit.path).mode });
      renameSync(temporary, edit.path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new InputError(`${edit.file}: cannot write (${error.code ?? "error"})`);
    }
  }
}
export {
  applyFileEdits
};
