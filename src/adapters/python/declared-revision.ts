import type { DeclaredRevision } from "../../domain/index.js";

/** Alembic's template puts the identifiers at the top: a hostile file is not scanned past this. */
const HEADER_CHARACTERS = 100_000;
/**
 * `name = <value>` or `name: <type> = <value>` at the start of a line. No `$` after the value: on a line longer than
 * the value may be, it would make the pattern retry the value from every space before it.
 */
const assignment = (name: string) =>
  new RegExp(`^${name}(?:[ \\t]*:[^=\\n]{0,100})?[ \\t]*=[ \\t]*([^\\n]{0,500})`, "m");
/** The value of the first such assignment, when it ends its line; null when there is none. */
function assignedValue(pattern: RegExp, header: string): string | null | undefined {
  const match = pattern.exec(header);
  if (!match) return null;
  const after = header[match.index + match[0].length];
  return after === undefined || after === "\n" || after === "\r" ? match[1]?.trimEnd() : undefined;
}
const REVISION = assignment("revision");
const BRANCH_LABELS = assignment("branch_labels");
/** One quoted string, and nothing after it but a comment. */
const QUOTED = /^(["'])([^"'\n\\]{1,200})\1[ \t]*(?:#.*)?$/;
/** Labels in one tuple or list: Alembic projects have a few. */
const MAX_LABELS = 20;

/**
 * The revision id and branch labels a file declares, read from its text without parsing it: for a file that could
 * not be analysed, so that the revisions naming it are not blamed for a missing parent. Undefined when the text does
 * not say them plainly (a computed id or labels): then nothing is known of the file.
 */
export function declaredRevision(text: string): DeclaredRevision | undefined {
  const header = text.slice(0, HEADER_CHARACTERS);
  const revision = QUOTED.exec(assignedValue(REVISION, header) ?? "")?.[2];
  if (revision === undefined) return undefined;
  const labels = assignedValue(BRANCH_LABELS, header);
  const branchLabels = labels === null ? [] : labels === undefined ? undefined : labelsIn(labels);
  return branchLabels ? { revision, branchLabels } : undefined;
}

function labelsIn(value: string): string[] | undefined {
  if (/^None[ \t]*(?:#.*)?$/.test(value)) return [];
  const single = QUOTED.exec(value)?.[2];
  if (single !== undefined) return [single];
  return quotedList(value);
}

/**
 * `("a", 'b',)` or `["a"]`, then nothing but a comment: read character by character, so that no input can make a
 * pattern try every way of splitting its spaces.
 */
function quotedList(value: string): string[] | undefined {
  const close = value[0] === "(" ? ")" : value[0] === "[" ? "]" : undefined;
  if (!close) return undefined;
  const labels: string[] = [];
  let at = 1;
  const skipSpaces = () => {
    while (value[at] === " " || value[at] === "\t") at++;
  };
  for (;;) {
    skipSpaces();
    if (value[at] === close) break;
    const quote = value[at];
    if ((quote !== '"' && quote !== "'") || labels.length === MAX_LABELS) return undefined;
    const end = value.indexOf(quote, at + 1);
    const label = end < 0 ? "" : value.slice(at + 1, end);
    if (label === "" || /["'\\]/.test(label)) return undefined;
    labels.push(label);
    at = end + 1;
    skipSpaces();
    if (value[at] === ",") at++;
    else if (value[at] !== close) return undefined;
  }
  return /^[ \t]*(?:#.*)?$/.test(value.slice(at + 1)) ? labels : undefined;
}
