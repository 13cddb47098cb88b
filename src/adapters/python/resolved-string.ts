import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN } from "../sql/sql-source.js";

/**
 * A string whose value migragate worked out statically, with the source offset (UTF-16 index into the Python file)
 * of every character, so that positions inside it (a SQL statement's start) map back to file lines.
 * Unresolvable parts appear as placeholders `«source text»`.
 */
export interface ResolvedString {
  readonly text: string;
  readonly offsets: readonly number[];
  /** Number of placeholders standing for values that could not be resolved. */
  readonly unresolved: number;
}

export function literal(text: string, offset: number): ResolvedString {
  return { text, offsets: Array.from({ length: text.length }, () => offset), unresolved: 0 };
}

export function placeholder(sourceText: string, offset: number): ResolvedString {
  const compact = sourceText.replace(/\s+/g, " ").slice(0, 60);
  const text = `${PLACEHOLDER_OPEN}${compact}${PLACEHOLDER_CLOSE}`;
  return { text, offsets: Array.from({ length: text.length }, () => offset), unresolved: 1 };
}

export function concat(parts: readonly ResolvedString[]): ResolvedString {
  let text = "";
  const offsets: number[] = [];
  let unresolved = 0;
  for (const part of parts) {
    text += part.text;
    for (const offset of part.offsets) offsets.push(offset);
    unresolved += part.unresolved;
  }
  return { text, offsets, unresolved };
}

export function slice(value: ResolvedString, start: number, end: number): ResolvedString {
  const text = value.text.slice(start, end);
  return { text, offsets: value.offsets.slice(start, end), unresolved: text.split(PLACEHOLDER_OPEN).length - 1 };
}

/** Applies `str.format`-style fields: `{}`, `{0}`, `{name}`, `{{`/`}}`; missing arguments stay as placeholders. */
export function applyFormat(
  template: ResolvedString,
  positional: readonly (ResolvedString | undefined)[],
  named: ReadonlyMap<string, ResolvedString | undefined>,
): ResolvedString {
  const parts: ResolvedString[] = [];
  let autoIndex = 0;
  let index = 0;
  let chunkStart = 0;
  const text = template.text;
  while (index < text.length) {
    const char = text[index];
    if ((char === "{" || char === "}") && text[index + 1] === char) {
      parts.push(slice(template, chunkStart, index + 1));
      index += 2;
      chunkStart = index;
      continue;
    }
    if (char === "{") {
      const close = text.indexOf("}", index);
      if (close < 0) break;
      parts.push(slice(template, chunkStart, index));
      const field = (text.slice(index + 1, close).split(/[!:]/)[0] ?? "").trim();
      const fieldOffset = template.offsets[index] ?? 0;
      let value: ResolvedString | undefined;
      if (field === "") value = positional[autoIndex++];
      else if (/^\d+$/.test(field)) value = positional[Number(field)];
      else value = named.get(field.split(/[.[]/)[0] ?? field);
      parts.push(value ?? placeholder(field === "" ? "{}" : field, fieldOffset));
      index = close + 1;
      chunkStart = index;
      continue;
    }
    index++;
  }
  parts.push(slice(template, chunkStart, text.length));
  return concat(parts);
}

/** Applies printf-style `%` formatting: `%s`, `%d`, `%(name)s`, `%%`. */
export function applyPercent(
  template: ResolvedString,
  positional: readonly (ResolvedString | undefined)[],
  named: ReadonlyMap<string, ResolvedString | undefined>,
  argumentText: string,
): ResolvedString {
  const parts: ResolvedString[] = [];
  const pattern = /%(?:\(([^)]*)\))?[-#0 +]*\d*(?:\.\d+)?([a-zA-Z%])/g;
  let chunkStart = 0;
  let autoIndex = 0;
  for (let match = pattern.exec(template.text); match; match = pattern.exec(template.text)) {
    parts.push(slice(template, chunkStart, match.index + (match[2] === "%" ? 1 : 0)));
    chunkStart = match.index + match[0].length;
    if (match[2] === "%") continue;
    const offset = template.offsets[match.index] ?? 0;
    const value = match[1] !== undefined ? named.get(match[1]) : positional[autoIndex++];
    parts.push(value ?? placeholder(match[1] ?? argumentText, offset));
  }
  parts.push(slice(template, chunkStart, template.text.length));
  return concat(parts);
}
