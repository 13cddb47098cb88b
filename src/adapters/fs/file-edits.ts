import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "./discovery.js";

/** A file to rewrite: its path, the text it was read with (without a byte-order mark) and the text to write. */
export interface FileEdit {
  readonly path: string;
  /** The path as reports show it, for messages. */
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

const BOM = "\uFEFF";

function current(edit: FileEdit): { text: string; bom: boolean } {
  try {
    if (!statSync(edit.path).isFile()) throw new InputError(`${edit.file}: not a regular file`);
    const raw = readFileSync(edit.path, "utf8");
    return raw.startsWith(BOM) ? { text: raw.slice(1), bom: true } : { text: raw, bom: false };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${edit.file}: cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * Writes the edits once every file is known to still hold the text it was analysed with (an editor may have changed
 * it since); each file is replaced whole through a temporary file beside it, so a crash never leaves half a file.
 */
export function applyFileEdits(edits: readonly FileEdit[]): void {
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
      throw new InputError(`${edit.file}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
}
