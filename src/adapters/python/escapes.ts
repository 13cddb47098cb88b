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
