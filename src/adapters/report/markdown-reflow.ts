import { wrap } from "./terminal-layout.js";

/** A list item's marker and the text after it: `- `, `* `, `1. `, with the indent before it. */
const LIST_ITEM = /^(\s*(?:[-*]|\d+\.)\s+)(.*)$/;

/** Lines that keep their own layout: headings, table rows, quotes, rules. */
function isStructural(line: string): boolean {
  return /^\s*(?:#|\||>|---)/.test(line);
}

/**
 * A markdown document laid out for a terminal of `width` columns: the lines of each paragraph and list item are
 * joined and wrapped again (list items with a hanging indent under their text); code blocks, headings and tables keep
 * their lines. Without a width the text is returned as it is.
 */
export function reflowMarkdown(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  const out: string[] = [];
  let block: { first: string; indent: string; words: string[] } | undefined;
  const flush = () => {
    if (block) out.push(...wrap(block.first + block.words.join(" "), width, block.indent));
    block = undefined;
  };
  let inCode = false;
  for (const line of text.split("\n")) {
    if (/^\s*```/.test(line)) {
      flush();
      inCode = !inCode;
      out.push(line);
      continue;
    }
    if (inCode || line.trim() === "" || isStructural(line)) {
      flush();
      out.push(line);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const marker = item[1] ?? "";
      block = { first: marker, indent: " ".repeat(marker.length), words: [item[2] ?? ""] };
      continue;
    }
    if (block) block.words.push(line.trim());
    else block = { first: "", indent: "", words: [line.trim()] };
  }
  flush();
  return out.join("\n");
}
