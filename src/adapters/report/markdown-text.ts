/**
 * Escaping for text that a project controls (revision messages, SQL in findings, file names) placed into GitHub
 * flavoured markdown: it must show as written, never as markup, HTML or a broken table.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being replaced
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /\r\n|\r|\n/g;

/** Control characters become U+FFFD and line breaks spaces: every place we put text is a single line. */
function oneLine(text: string): string {
  return text.replace(LINE_BREAK, " ").replace(CONTROL, "\uFFFD");
}

/** Inline text: markdown punctuation backslash-escaped, HTML's specials as entities. */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]|~]/g, "\\$&")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/**
 * Text whose `backtick` runs are code, as migragate writes its messages and hints: each code run becomes a code span
 * (literal, whatever it holds) and the text between is escaped, so `op.add_column(...)` renders as code. An unpaired
 * backtick is escaped like any other markup.
 */
export function escapeMarkdownWithCode(text: string): string {
  const parts = oneLine(text).split(/(`[^`]+`)/);
  return parts.map((part) => (/^`[^`]+`$/.test(part) ? codeSpan(part.slice(1, -1)) : escapeMarkdown(part))).join("");
}

/** A code span that holds any text: the fence is longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const body = oneLine(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const padded = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") ? ` ${body} ` : body;
  return `${fence}${padded}${fence}`;
}

/**
 * A code span inside a table cell: GitHub splits cells on every `|`, even inside a code span, unless it is
 * backslash-escaped; the table takes the backslash away again before the code span is read.
 */
export function codeCell(text: string): string {
  return codeSpan(text).replaceAll("|", "\\|");
}
