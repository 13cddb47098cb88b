import { stripVTControlCharacters } from "node:util";

/** Narrower than this, wrapping does more harm than good: lines are laid out for this width instead. */
const MIN_WIDTH = 40;

/** Source lines are cut at this many characters when no width is known (a file, a pipe, a CI log). */
const UNWRAPPED_FRAME = 160;

const ELLIPSIS = "...";

/** Characters a terminal shows for the text, colour codes left out. */
function visibleLength(text: string): number {
  return stripVTControlCharacters(text).length;
}

/**
 * Lays a line out in `width` columns: breaks at spaces, and every line after the first starts with `indent`. A word
 * longer than a line is left whole (a path or a URL broken in two can no longer be clicked). Without a width the
 * text stays one line. Colour codes may sit inside words; they take no room. A no-break space (`GLUE`) holds two
 * words together and is printed as a space.
 */
export function wrap(text: string, width: number | undefined, indent: string): string[] {
  return layOut(text, width, indent).map((line) => line.replaceAll(GLUE, " "));
}

/** Joins words that must stay on one line, e.g. a rule and its count; `wrap` prints it as a space. */
export const GLUE = "\u00a0";

function layOut(text: string, width: number | undefined, indent: string): string[] {
  if (width === undefined) return [text];
  const room = Math.max(width, MIN_WIDTH);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    // Words at even indexes, the runs of spaces between them at odd ones: kept inside a line, dropped at a break.
    const parts = paragraph.split(/( +)/);
    let line = lines.length === 0 ? "" : indent;
    let length = visibleLength(line);
    let blank = true;
    for (let index = 0; index < parts.length; index += 2) {
      const word = parts[index] ?? "";
      const gap = parts[index - 1] ?? "";
      const size = visibleLength(word);
      if (!blank && length + gap.length + size > room) {
        lines.push(line);
        line = indent + word;
        length = visibleLength(indent) + size;
      } else {
        line += gap + word;
        length += gap.length + size;
      }
      blank &&= word === "";
    }
    lines.push(line);
  }
  return lines;
}

/** The part of a source line a code frame shows, and where its underline goes in that part. */
export interface FrameCut {
  readonly shown: string;
  /** What goes before the underline: spaces, and the tabs of the source so that it lines up in any terminal. */
  readonly pad: string;
  readonly underline: number;
}

/**
 * Cuts a source line to `room` characters around the underlined span (from 1-based `column` to `endColumn`, or to the
 * end of the line), marking cut ends with "...", so that the underline stays under the code it points at.
 */
export function cutLine(text: string, column: number, endColumn: number | undefined, room?: number): FrameCut {
  const budget = Math.max(room ?? UNWRAPPED_FRAME, MIN_WIDTH / 2);
  const start = Math.min(Math.max(0, column - 1), text.length);
  const end = Math.max(start + 1, Math.min(endColumn === undefined ? text.length : endColumn - 1, text.length));
  // The slice of the line shown, [from, to), each cut end marked.
  let from = 0;
  let to = text.length;
  if (text.length > budget) {
    if (start < budget - ELLIPSIS.length) to = budget - ELLIPSIS.length;
    else {
      // Keep a little of what comes before the span, so that the reader sees what it belongs to.
      from = start - Math.min(8, Math.floor(budget / 4));
      const fitsToEnd = text.length - from <= budget - ELLIPSIS.length;
      to = fitsToEnd ? text.length : from + budget - 2 * ELLIPSIS.length;
    }
  }
  const lead = from > 0 ? ELLIPSIS : "";
  const shown = `${lead}${text.slice(from, to)}${to < text.length ? ELLIPSIS : ""}`;
  const at = lead.length + start - from;
  const underline = Math.max(1, Math.min(end, to) - start);
  const pad = shown.slice(0, at).replace(/[^\t]/g, " ");
  return { shown, pad: pad.padEnd(at), underline };
}
