/** SQL texts up to this length are parsed whole; longer ones (a SQL file of megabytes) in chunks. */
export const WHOLE_TEXT_CHARS = 200_000;
/** About how long a chunk is: it ends at the first top-level `;` after this many characters. */
const CHUNK_CHARS = 64_000;

export interface Chunk {
  readonly start: number;
  readonly end: number;
}

const IDENTIFIER_CHAR = /[\w$\u0080-\uffff]/;

/** Where the quoted or commented stretch starting at `index` ends, by PostgreSQL's lexical rules; undefined if none. */
function skipQuoted(text: string, index: number): number | undefined {
  const char = text[index];
  const next = text[index + 1];
  if (char === "'") {
    // E'...' strings take backslash escapes; others double their quotes.
    const backslashes = /[eE]/.test(text[index - 1] ?? "") && !IDENTIFIER_CHAR.test(text[index - 2] ?? "");
    for (let at = index + 1; at < text.length; at++) {
      if (backslashes && text[at] === "\\") at++;
      else if (text[at] === "'") {
        if (text[at + 1] !== "'") return at + 1;
        at++;
      }
    }
    return text.length;
  }
  if (char === '"') {
    for (let at = index + 1; at < text.length; at++) {
      if (text[at] === '"') {
        if (text[at + 1] !== '"') return at + 1;
        at++;
      }
    }
    return text.length;
  }
  if (char === "-" && next === "-") {
    const end = text.indexOf("\n", index);
    return end < 0 ? text.length : end + 1;
  }
  if (char === "/" && next === "*") {
    // Block comments nest in PostgreSQL.
    let depth = 0;
    for (let at = index; at < text.length; at++) {
      if (text[at] === "/" && text[at + 1] === "*") {
        depth++;
        at++;
      } else if (text[at] === "*" && text[at + 1] === "/") {
        depth--;
        at++;
        if (depth === 0) return at + 1;
      }
    }
    return text.length;
  }
  if (char === "$" && !IDENTIFIER_CHAR.test(text[index - 1] ?? "")) {
    const tag = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;
    tag.lastIndex = index;
    const opening = tag.exec(text)?.[0];
    if (opening === undefined) return undefined;
    const close = text.indexOf(opening, index + opening.length);
    return close < 0 ? text.length : close + opening.length;
  }
  return undefined;
}

/**
 * The statements of a text by its top-level semicolons (`start`..`end` of each, semicolons left out, blank pieces
 * dropped), read by the same lexical rules as `postgresChunks`: for texts too long to hand to libpg-query's scanner,
 * whose token list of a few megabytes of text is hundreds of megabytes of objects.
 */
export function postgresStatements(text: string): Chunk[] {
  const pieces: Chunk[] = [];
  let start = 0;
  for (let index = 0; index < text.length; ) {
    const skipped = skipQuoted(text, index);
    if (skipped !== undefined) {
      index = skipped;
      continue;
    }
    if (text[index] === ";") {
      if (text.slice(start, index).trim() !== "") pieces.push({ start, end: index });
      start = index + 1;
    }
    index++;
  }
  if (text.slice(start).trim() !== "") pieces.push({ start, end: text.length });
  return pieces;
}

/**
 * Splits a long PostgreSQL text into chunks that end at a top-level `;` (outside strings, quoted names, dollar
 * quotes and comments), so that it is parsed piece by piece: libpg-query's tree of a 5 MB file as JSON is tens of
 * megabytes, and its objects ten times that. A text up to `WHOLE_TEXT_CHARS` is one chunk.
 */
export function postgresChunks(text: string): Chunk[] {
  if (text.length <= WHOLE_TEXT_CHARS) return [{ start: 0, end: text.length }];
  const chunks: Chunk[] = [];
  let start = 0;
  for (let index = 0; index < text.length; ) {
    const skipped = skipQuoted(text, index);
    if (skipped !== undefined) {
      index = skipped;
      continue;
    }
    if (text[index] === ";" && index + 1 - start >= CHUNK_CHARS) {
      chunks.push({ start, end: index + 1 });
      start = index + 1;
    }
    index++;
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks;
}
