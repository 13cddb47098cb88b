import { type ResolvedString, ResolvedStringBuilder } from "./resolved-string.js";

const MAX_CODE_POINT = 0x10ffff;

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    "\\": "\\",
    "'": "'",
    '"': '"',
    a: "\x07",
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
    v: "\v",
  }),
);

/**
 * Decodes one Python escape sequence as written in source (e.g. `\n`, `\x41`, `\u00e9`, `\<newline>`).
 * Unknown escapes keep their backslash, as Python does.
 */
export function decodeEscape(sequence: string): string {
  const body = sequence.slice(1);
  const first = body[0] ?? "";
  if (first === "\n" || first === "\r") return "";
  const simple = SIMPLE_ESCAPES.get(first);
  if (simple !== undefined && body.length === 1) return simple;
  if (first === "x" || first === "u" || first === "U") {
    const code = Number.parseInt(body.slice(1), 16);
    return Number.isNaN(code) || code > MAX_CODE_POINT ? sequence : String.fromCodePoint(code);
  }
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCodePoint(Number.parseInt(body, 8));
  // `\N{NAME}` needs Unicode's name table; the escape is kept as written rather than guessed.
  return sequence;
}

/**
 * The escape sequences tree-sitter-python recognises in a non-raw string (its `escape_sequence` token); in a bytes
 * string `\N{...}`, `\u` and `\U` are not escapes. A `\N{...}` name is bounded: Unicode names are under 100 characters.
 */
function escapePattern(bytes: boolean): RegExp {
  // Sticky, so its lastIndex moves: a new one for each string, never shared.
  return bytes
    ? /\\(?:x[a-fA-F\d]{2}|\d{1,3}|\r?\n|['"abfrntv\\])/y
    : /\\(?:u[a-fA-F\d]{4}|U[a-fA-F\d]{8}|x[a-fA-F\d]{2}|\d{1,3}|\r?\n|['"abfrntv\\]|N\{[^}]{1,200}\})/y;
}

export interface StringFlags {
  readonly raw: boolean;
  readonly formatted: boolean;
  readonly bytes: boolean;
}

/**
 * Decodes the content of a string literal (one `string_content` node's text, starting at `base` in the file): its
 * escapes, and `{{`/`}}` in an f-string. One pass over the text, so a literal of millions of escapes costs time
 * linear in its length and a bounded map back to the source.
 */
export function decodeStringContent(source: string, base: number, flags: StringFlags): ResolvedString {
  const sequences = flags.raw ? undefined : escapePattern(flags.bytes);
  const builder = new ResolvedStringBuilder();
  let chunkStart = 0;
  for (let index = 0; index < source.length; ) {
    const char = source[index];
    if (char === "\\" && sequences) {
      sequences.lastIndex = index;
      const sequence = sequences.exec(source)?.[0];
      if (sequence !== undefined) {
        builder.verbatim(source.slice(chunkStart, index), base + chunkStart);
        builder.literal(decodeEscape(sequence), base + index);
        index += sequence.length;
        chunkStart = index;
        continue;
      }
    } else if (flags.formatted && (char === "{" || char === "}") && source[index + 1] === char) {
      builder.verbatim(source.slice(chunkStart, index + 1), base + chunkStart);
      index += 2;
      chunkStart = index;
      continue;
    }
    index++;
  }
  builder.verbatim(source.slice(chunkStart), base + chunkStart);
  return builder.build();
}
