import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  displayMessage
} from "./chunk-RE5JWGWN.js";
import "./chunk-FOQMQZLO.js";

// src/adapters/report/github-report.ts
var COMMAND = {
  error: "error",
  warning: "warning",
  info: "notice"
};
var GithubReporter = class {
  render(input) {
    const lines = input.result.findings.map(annotation);
    for (const file of input.skipped) {
      if (file.failed)
        lines.push(
          `::error ${properties({ file: file.file, title: "migragate" })}::${escapeData(`not analysed: ${file.reason}`)}`
        );
    }
    return lines.map((line) => `${line}
`).join("");
  }
};
function annotation(finding) {
  const { span } = finding;
  const columns = span.line === span.endLine ? { col: span.column, endColumn: span.endColumn } : {};
  const props = properties({
    file: span.file,
    line: span.line,
    endLine: span.endLine,
    ...columns,
    title: finding.rule
  });
  return `::${COMMAND[finding.severity]} ${props}::${escapeData(`${displayMessage(finding)} \u2014 ${finding.hint}`)}`;
}
function properties(values) {
  return Object.entries(values).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
}
function escapeData(text) {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
export {
  GithubReporter,
  escapeData,
  escapeProperty
};
