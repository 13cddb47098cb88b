import type { DeclaredRevision } from "../../domain/index.js";

/** Alembic's template puts the identifiers at the top: a hostile file is not scanned past this. */
const HEADER_CHARACTERS = 100_000;
/** `name = <value>` or `name: <type> = <value>` at the start of a line, the value running to the end of the line. */
const assignment = (name: string) =>
  new RegExp(`^${name}(?:[ \\t]*:[^=\\n]{0,100})?[ \\t]*=[ \\t]*([^\\n]{0,500})$`, "m");
const REVISION = assignment("revision");
const BRANCH_LABELS = assignment("branch_labels");
/** One quoted string, and nothing after it but a comment. */
const QUOTED = /^(["'])([^"'\n\\]{1,200})\1[ \t]*(?:#.*)?$/;
/** A tuple or list of quoted strings, and nothing after it but a comment. */
const QUOTED_LIST = /^[([][ \t]*((?:(["'])[^"'\n\\]{1,200}\2[ \t]*,?[ \t]*){0,20})[)\]][ \t]*(?:#.*)?$/;

/**
 * The revision id and branch labels a file declares, read from its text without parsing it: for a file that could
 * not be analysed, so that the revisions naming it are not blamed for a missing parent. Undefined when the text does
 * not say them plainly (a computed id or labels): then nothing is known of the file.
 */
export function declaredRevision(text: string): DeclaredRevision | undefined {
  const header = text.slice(0, HEADER_CHARACTERS);
  const revision = QUOTED.exec(REVISION.exec(header)?.[1]?.trimEnd() ?? "")?.[2];
  if (revision === undefined) return undefined;
  const labels = BRANCH_LABELS.exec(header)?.[1]?.trimEnd();
  const branchLabels = labels === undefined ? [] : labelsIn(labels);
  return branchLabels ? { revision, branchLabels } : undefined;
}

function labelsIn(value: string): string[] | undefined {
  if (/^None[ \t]*(?:#.*)?$/.test(value)) return [];
  const single = QUOTED.exec(value)?.[2];
  if (single !== undefined) return [single];
  const list = QUOTED_LIST.exec(value)?.[1];
  return list === undefined ? undefined : [...list.matchAll(/(["'])([^"'\n\\]+)\1/g)].map((match) => match[2] ?? "");
}
