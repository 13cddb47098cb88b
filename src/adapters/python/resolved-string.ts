import { withThousands } from "../../domain/index.js";
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
  /**
   * The value was not worked out because it went past a limit, which this names (e.g. it would be longer than
   * `MAX_RESOLVED_LENGTH`): its text is not built, and anything built from it is limited too.
   */
  readonly limit?: string;
}

/** The longest string built from parts (a literal of any length is kept as written): doubling stops here. */
export const MAX_RESOLVED_LENGTH = 2_000_000;
/**
 * The most segments one string keeps: past it, the rest of the string maps to the source offset where it starts,
 * so a string of a million escapes or concatenated pieces costs a bounded map (positions inside it get coarser).
 */
export const MAX_SEGMENTS = 10_000;

/** A string not worked out because of `limit`. */
export function limitedString(limit: string): ResolvedString {
  return { text: "", segments: [{ at: 0, source: 0, contiguous: false }], unresolved: 1, limit };
}

const TOO_LONG = limitedString(`it would be longer than ${withThousands(MAX_RESOLVED_LENGTH)} characters`);

/** Appends `segment` shifted by `shift`, unless the map is full; the first segment past the cap closes it. */
function pushSegment(segments: Segment[], segment: Segment, shift: number): void {
  if (segments.length > MAX_SEGMENTS) return;
  if (segments.length === MAX_SEGMENTS) {
    segments.push({ at: segment.at + shift, source: segment.source, contiguous: false });
    return;
  }
  segments.push(shift === 0 ? segment : { ...segment, at: segment.at + shift });
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
  let length = 0;
  for (const part of parts) {
    if (part.limit !== undefined) return part;
    length += part.text.length;
  }
  if (length > MAX_RESOLVED_LENGTH) return TOO_LONG;
  const texts: string[] = [];
  let at = 0;
  const segments: Segment[] = [];
  let unresolved = 0;
  for (const part of parts) {
    if (part.text === "") continue;
    // Past the cap only the first segment of each part could matter, and it would be dropped too.
    for (const segment of part.segments) {
      if (segments.length > MAX_SEGMENTS) break;
      pushSegment(segments, segment, at);
    }
    texts.push(part.text);
    at += part.text.length;
    unresolved += part.unresolved;
  }
  return { text: texts.join(""), segments, unresolved };
}

/**
 * Builds a string piece by piece without keeping a piece object per piece: a literal of a million escapes becomes
 * one text and a bounded segment map. Empty pieces leave no trace, as in `concat`.
 */
export class ResolvedStringBuilder {
  private readonly texts: string[] = [];
  private pending: string[] = [];
  private length = 0;
  private readonly segments: Segment[] = [];

  /** Source text that maps character for character, starting at `offset`. */
  verbatim(text: string, offset: number): void {
    this.add(text, offset, true);
  }

  /** Text that maps as a whole to `offset` (a decoded escape). */
  literal(text: string, offset: number): void {
    this.add(text, offset, false);
  }

  private add(text: string, source: number, contiguous: boolean): void {
    if (text === "") return;
    pushSegment(this.segments, { at: 0, source, contiguous }, this.length);
    // Pieces are joined a thousand at a time: a million one-character strings held at once cost far more than them.
    this.pending.push(text);
    if (this.pending.length >= 1024) {
      this.texts.push(this.pending.join(""));
      this.pending = [];
    }
    this.length += text.length;
  }

  build(): ResolvedString {
    this.texts.push(this.pending.join(""));
    return { text: this.texts.join(""), segments: this.segments, unresolved: 0 };
  }
}

/** The source offset of character `index`. */
export function sourceOffset(value: ResolvedString, index: number): number {
  const segment = value.segments[segmentAt(value, index)];
  if (!segment) return 0;
  return segment.contiguous ? segment.source + (index - segment.at) : segment.source;
}

/** Index of the segment holding character `index`. */
function segmentAt(value: ResolvedString, index: number): number {
  const { segments } = value;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle]?.at ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Characters `start`..`end`; only the segments they overlap are visited, so slicing a string piece by piece is linear. */
export function slice(value: ResolvedString, start: number, end: number): ResolvedString {
  if (value.limit !== undefined) return value;
  const text = value.text.slice(start, end);
  const segments: Segment[] = [];
  for (let index = segmentAt(value, start); index < value.segments.length; index++) {
    const segment = value.segments[index] as Segment;
    const segmentEnd = value.segments[index + 1]?.at ?? value.text.length;
    if (segment.at >= end) break;
    if (segmentEnd <= start) continue;
    const from = Math.max(segment.at, start);
    const source = segment.contiguous ? segment.source + (from - segment.at) : segment.source;
    segments.push({ at: from - start, source, contiguous: segment.contiguous });
  }
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
  // Bounded name and width: on `%(%(%(...` an unbounded `[^)]*` would rescan the rest of the text each time.
  const pattern = /%(?:\(([^)]{0,200})\))?[-#0 +]{0,10}\d{0,10}(?:\.\d{1,10})?([a-zA-Z%])/g;
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
  if (value.limit !== undefined) return value;
  let count = 0;
  for (let found = value.text.indexOf(from); found >= 0; found = value.text.indexOf(from, found + from.length)) count++;
  if (value.text.length + count * (to.length - from.length) > MAX_RESOLVED_LENGTH) return TOO_LONG;
  if (count > MAX_SEGMENTS) {
    // Too many pieces to map one by one: the result maps to where the string starts.
    const text = value.text.split(from).join(to);
    const segments = [{ at: 0, source: sourceOffset(value, 0), contiguous: false }];
    return { text, segments, unresolved: text.split(PLACEHOLDER_OPEN).length - 1 };
  }
  const parts: ResolvedString[] = [];
  let start = 0;
  for (let found = value.text.indexOf(from); found >= 0; found = value.text.indexOf(from, found + from.length)) {
    parts.push(slice(value, start, found), literal(to, sourceOffset(value, found)));
    start = found + from.length;
  }
  parts.push(slice(value, start, value.text.length));
  return concat(parts);
}
