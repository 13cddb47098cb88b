import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN } from "./sql-source.js";

/**
 * SQL made parseable: `«unresolved»` placeholders become identifiers and SQLAlchemy `:name` binds become the
 * dialect's parameters (`$1` by default). `origin[i]` is the index in the original text of prepared character i.
 */
export interface PreparedSql {
  readonly text: string;
  readonly origin: ArrayLike<number>;
  /** Identifier used in the prepared text -> the placeholder as the user should see it. */
  readonly placeholders: ReadonlyMap<string, string>;
}

/**
 * What a SQLAlchemy `:name` bind (or a DBAPI `%(name)s` / `%s` parameter, name "") becomes: PostgreSQL's `$1` unless
 * a translator asks for its dialect's form. Expanding binds (`IN :ids`) get parentheses around it.
 */
export type BindSubstitute = (name: string) => string;

const POSITIONAL_PARAMETER: BindSubstitute = () => "$1";

/** Offsets in a typed array that grows by doubling: a number per character of a 5 MB text costs 20 MB, not 40. */
class Offsets {
  private values = new Int32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  done(): Int32Array {
    return this.values.subarray(0, this.length);
  }
}

/**
 * `IN :ids` binds an expanding parameter: it needs parentheses once substituted. Read backwards from the bind in the
 * original text (whatever precedes `IN` there precedes it in the prepared text too), never in the text being built,
 * so that each bind costs the whitespace before it, not the length of everything before it.
 */
function followsIn(original: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && /\s/.test(original[at] ?? "")) at--;
  if (at < 1 || original.slice(at - 1, at + 1).toUpperCase() !== "IN") return false;
  return at < 2 || !/\w/.test(original[at - 2] ?? "");
}

const PLACEHOLDER_PREFIX = "mg_ph_";
const PLACEHOLDER_IDENTIFIER = new RegExp(`${PLACEHOLDER_PREFIX}(\\d+)`, "g");

/**
 * Text rendered from the prepared SQL's parse tree with each placeholder identifier written back as the user wrote
 * it. A placeholder can run into the text after it (`{name}_default()` is `mg_ph_1_default()`, `{n}2` is `mg_ph_12`):
 * the longest number that names a placeholder wins.
 */
export function restorePlaceholders(prepared: PreparedSql, text: string): string {
  return text.replace(PLACEHOLDER_IDENTIFIER, (identifier, digits: string) => {
    for (let length = digits.length; length > 0; length--) {
      const placeholder = prepared.placeholders.get(`${PLACEHOLDER_PREFIX}${digits.slice(0, length)}`);
      if (placeholder !== undefined) return placeholder + digits.slice(length);
    }
    return identifier;
  });
}

export function prepareSql(original: string, bind: BindSubstitute = POSITIONAL_PARAMETER): PreparedSql {
  let text = "";
  const origin = new Offsets();
  const placeholders = new Map<string, string>();
  /** Appends a substitute for `length` original characters: it starts where they start and ends where they end. */
  const push = (value: string, at: number, length = 1) => {
    text += value;
    for (let i = 0; i < value.length; i++) origin.push(i === value.length - 1 ? at + length - 1 : at);
  };
  // Sticky, so its lastIndex moves: one per call, never shared.
  const bindAt = /(?<![:\w]):([A-Za-z_]\w*)/y;
  let quote: string | undefined;
  for (let index = 0; index < original.length; ) {
    const char = original[index] ?? "";
    if (char === PLACEHOLDER_OPEN) {
      const close = original.indexOf(PLACEHOLDER_CLOSE, index);
      if (close > index) {
        const identifier = `${PLACEHOLDER_PREFIX}${placeholders.size + 1}`;
        placeholders.set(identifier, original.slice(index, close + 1));
        push(identifier, index, close + 1 - index);
        index = close + 1;
        continue;
      }
    }
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "-" && original[index + 1] === "-") {
      // A comment runs to the end of the line; an apostrophe in it opens no string.
      const end = original.indexOf("\n", index);
      const stop = end < 0 ? original.length : end;
      for (; index < stop; index++) push(original[index] ?? "", index);
      continue;
    } else if (char === "/" && original[index + 1] === "*") {
      const end = original.indexOf("*/", index + 2);
      const stop = end < 0 ? original.length : end + 2;
      for (; index < stop; index++) push(original[index] ?? "", index);
      continue;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "%" && /^%(?:\([A-Za-z_]\w*\))?s/.test(original.slice(index, index + 40))) {
      // DBAPI pyformat parameters of exec_driver_sql / SQLAlchemy 1.x string execution
      const found = /^%(?:\(([A-Za-z_]\w*)\))?s/.exec(original.slice(index, index + 40));
      const substitute = bind(found?.[1] ?? "");
      const length = (found?.[0] ?? "%s").length;
      push(followsIn(original, index) ? `(${substitute})` : substitute, index, length);
      index += length;
      continue;
    } else if (char === ":") {
      bindAt.lastIndex = index;
      const match = bindAt.exec(original);
      if (match && original[index - 1] !== ":") {
        const substitute = bind(match[1] ?? "");
        if (followsIn(original, index)) {
          push(`(${substitute})`, index, match[0].length);
        } else if (substitute === match[0]) {
          // Kept as written: every character keeps its own origin.
          text += substitute;
          for (let i = 0; i < substitute.length; i++) origin.push(index + i);
        } else {
          push(substitute, index, match[0].length);
        }
        index += match[0].length;
        continue;
      }
    }
    push(char, index);
    index++;
  }
  return { text, origin: origin.done(), placeholders };
}

/** Converts UTF-8 byte offsets (libpg-query's) into string indices. */
export function byteToCharIndex(text: string): (byteOffset: number) => number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for pure ASCII
  if (/^[\x00-\x7f]*$/.test(text)) return (offset) => offset;
  const map: number[] = [];
  let index = 0;
  for (const char of text) {
    const bytes = Buffer.byteLength(char);
    for (let i = 0; i < bytes; i++) map.push(index);
    index += char.length;
  }
  map.push(index);
  return (offset) => map[Math.min(offset, map.length - 1)] ?? index;
}
