import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN } from "../sql/sql-source.js";

/**
 * A run of characters of a resolved string and where it came from: a contiguous run maps character for character
 * onto the source; a non-contiguous one (a decoded escape, a substituted value) maps every character to one offset.
 */
interface Segment {
  /** Index in the resolved text where the segment starts. */
  readonly at: number;
  /** UTF-16 offset in the Python file. */
  readonly source: number;
  readonly contiguous: boolean;
}

/**
 * A string whose value migragate worked out statically, with a way back from each of its characters to the source
 * (UTF-16 offset in the Python file), so that positions inside it (a SQL statement's start) map back to file lines.
 * Unresolvable parts appear as placeholders `«source text»`.
 */
export interface ResolvedString {
  readonly text: string;
  readonly segments: readonly Segment[];
  /** Number of placeholders standing for values that could not be resolved. */
  readonly unresolved: number;
}

export function literal(text: string, offset: number): ResolvedString {
  return { text, segments: [{ at: 0, source: offset, contiguous: false }], unresolved: 0 };
}

/** Source text that maps character for character (string content without escapes). */
export function verbatim(text: string, offset: number): ResolvedString {
  return { text, segments: [{ at: 0, source: offset, contiguous: true }], unresolved: 0 };
}

export function placeholder(sourceText: string, offset: number): ResolvedString {
  const compact = sourceText.replace(/\s+/g, " ").slice(0, 60);
  return { ...literal(`${PLACEHOLDER_OPEN}${compact}${PLACEHOLDER_CLOSE}`, offset), unresolved: 1 };
}

export function concat(parts: readonly ResolvedString[]): ResolvedString {
  if (parts.length === 1 && parts[0]) return parts[0];
  let text = "";
  const segments: Segment[] = [];
  let unresolved = 0;
  for (const part of parts) {
    if (part.text === "") continue;
    const shift = text.length;
    for (const segment of part.segments) segments.push({ ...segment, at: segment.at + shift });
    text += part.text;
    unresolved += part.unresolved;
  }
  return { text, segments, unresolved };
}

/** The source offset of character `index`. */
export function sourceOffset(value: ResolvedString, index: number): number {
  const { segments } = value;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle]?.at ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  const segment = segments[low];
  if (!segment) return 0;
  return segment.contiguous ? segment.source + (index - segment.at) : segment.source;
}

export function slice(value: ResolvedString, start: number, end: number): ResolvedString {
  const text = value.text.slice(start, end);
  const segments: Segment[] = [];
  value.segments.forEach((segment, index) => {
    const segmentEnd = value.segments[index + 1]?.at ?? value.text.length;
    if (segmentEnd <= start || segment.at >= end) return;
    const from = Math.max(segment.at, start);
    const source = segment.contiguous ? segment.source + (from - segment.at) : segment.source;
    segments.push({ at: from - start, source, contiguous: segment.contiguous });
  });
  if (segments.length === 0) segments.push({ at: 0, source: sourceOffset(value, start), contiguous: false });
  return { text, segments, unresolved: text.split(PLACEHOLDER_OPEN).length - 1 };
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
      let value: ResolvedString | undefined;
      if (field === "") value = positional[autoIndex++];
      else if (/^\d+$/.test(field)) value = positional[Number(field)];
      else value = named.get(field.split(/[.[]/)[0] ?? field);
      parts.push(value ?? placeholder(field === "" ? "{}" : field, sourceOffset(template, index)));
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
    const value = match[1] !== undefined ? named.get(match[1]) : positional[autoIndex++];
    parts.push(value ?? placeholder(match[1] ?? argumentText, sourceOffset(template, match.index)));
  }
  parts.push(slice(template, chunkStart, template.text.length));
  return concat(parts);
}

export function replaceAll(value: ResolvedString, from: string, to: string): ResolvedString {
  const parts: ResolvedString[] = [];
  let start = 0;
  for (let found = value.text.indexOf(from); found >= 0; found = value.text.indexOf(from, found + from.length)) {
    parts.push(slice(value, start, found), literal(to, sourceOffset(value, found)));
    start = found + from.length;
  }
  parts.push(slice(value, start, value.text.length));
  return concat(parts);
}
