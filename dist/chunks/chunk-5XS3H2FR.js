import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/report/terminal-layout.ts
import { stripVTControlCharacters } from "node:util";
var MIN_WIDTH = 40;
var UNWRAPPED_FRAME = 160;
var ELLIPSIS = "...";
function visibleLength(text) {
  return stripVTControlCharacters(text).length;
}
function wrap(text, width, indent) {
  return layOut(text, width, indent).map((line) => line.replaceAll(GLUE, " "));
}
var GLUE = "\xA0";
function layOut(text, width, indent) {
  if (width === void 0) return [text];
  const room = Math.max(width, MIN_WIDTH);
  const lines = [];
  for (const paragraph of text.split("\n")) {
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
function cutLine(text, column, endColumn, room) {
  const budget = Math.max(room ?? UNWRAPPED_FRAME, MIN_WIDTH / 2);
  const start = Math.min(Math.max(0, column - 1), text.length);
  const end = Math.max(start + 1, Math.min(endColumn === void 0 ? text.length : endColumn - 1, text.length));
  let from = 0;
  let to = text.length;
  if (text.length > budget) {
    if (start < budget - ELLIPSIS.length) to = budget - ELLIPSIS.length;
    else {
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

export {
  wrap,
  GLUE,
  cutLine
};
