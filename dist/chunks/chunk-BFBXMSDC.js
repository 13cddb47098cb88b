import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/report/markdown-text.ts
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
var LINE_BREAK = /\r\n|\r|\n/g;
function oneLine(text) {
  return text.replace(LINE_BREAK, " ").replace(CONTROL, "\uFFFD");
}
function escapeMarkdown(text) {
  return oneLine(text).replace(/[\\`*_[\]|~]/g, "\\$&").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
function codeSpan(text) {
  const body = oneLine(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const padded = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") ? ` ${body} ` : body;
  return `${fence}${padded}${fence}`;
}
function codeCell(text) {
  return codeSpan(text).replaceAll("|", "\\|");
}

export {
  escapeMarkdown,
  codeSpan,
  codeCell
};
