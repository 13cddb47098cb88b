import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  splitLines
} from "./chunk-C6SBNVJK.js";
import {
  contextLine,
  coverage,
  coverageLine,
  displayMessage
} from "./chunk-CMDQXQX3.js";
import {
  SEVERITIES
} from "./chunk-P34NJU4E.js";
import "./chunk-CO73GOZP.js";

// src/adapters/report/text-report.ts
import { styleText } from "node:util";

// src/adapters/report/baseline-hint.ts
function baselineHint(input) {
  if (input.wholeHistory !== true) return void 0;
  const older = /* @__PURE__ */ new Set();
  for (const history of input.result.histories) {
    const heads = new Set(history.heads);
    for (const analyzed of history.revisions) {
      if (!heads.has(analyzed.revision.id)) older.add(analyzed.revision.file);
    }
  }
  const files = new Set(input.result.findings.map((finding) => finding.span.file).filter((file) => older.has(file)));
  if (files.size === 0) return void 0;
  const revisions = files.size === 1 ? "1 revision" : `${files.size} revisions`;
  return `Findings in ${revisions} that later ones build on: if they already ran in production, \`migragate init\` makes the existing history a baseline and only new revisions are judged`;
}

// src/adapters/report/text-report.ts
var SEVERITY_STYLE = { error: "red", warning: "yellow", info: "blue" };
var TextReporter = class {
  constructor(color) {
    this.color = color;
  }
  color;
  paint(style, text) {
    return this.color ? styleText(style, text, { validateStream: false }) : text;
  }
  render(input) {
    const lines = /* @__PURE__ */ new Map();
    const linesOf = (file) => {
      let split = lines.get(file);
      if (!split) {
        const text = input.sources.get(file);
        split = text === void 0 ? [] : splitLines(text);
        lines.set(file, split);
      }
      return split;
    };
    const out = [];
    for (const finding of input.result.findings) out.push(this.finding(finding, linesOf(finding.span.file)), "");
    for (const skipped of input.skipped) out.push(`${skipped.file}: not analysed: ${skipped.reason}`);
    if (input.skipped.length > 0) out.push("");
    out.push(...this.summary(input));
    const hint = baselineHint(input);
    if (hint) out.push(hint);
    return `${out.join("\n")}
`;
  }
  finding(finding, lines) {
    const { span } = finding;
    const head = [
      this.paint("bold", `${span.file}:${span.line}:${span.column}`),
      this.paint(SEVERITY_STYLE[finding.severity], finding.severity),
      this.paint("dim", finding.rule),
      displayMessage(finding)
    ].join(" ");
    const frame = lines ? this.frame(lines, span.line, span.column, span.endLine === span.line ? span.endColumn : void 0) : [];
    const hint = `  ${this.paint("cyan", "hint:")} ${finding.hint}`;
    return [head, ...frame, hint].join("\n");
  }
  frame(lines, line, column, endColumn) {
    const text = lines[line - 1];
    if (text === void 0) return [];
    const gutter = String(line).length;
    const shown = text.length > 160 ? `${text.slice(0, 157)}...` : text;
    const width = Math.max(1, Math.min((endColumn ?? text.length + 1) - column, shown.length - column + 1));
    const marker = `${" ".repeat(Math.max(0, column - 1))}${"^".repeat(width)}`;
    return [
      `  ${this.paint("dim", `${line} |`)} ${shown}`,
      `  ${" ".repeat(gutter)} ${this.paint("dim", "|")} ${this.paint("red", marker)}`
    ];
  }
  summary(input) {
    const { result } = input;
    const revisions = result.histories.flatMap((history) => history.revisions);
    const count = (phase) => revisions.filter((revision) => revision.phases.includes(phase)).length;
    const unclassified = revisions.filter((revision) => revision.phases.length === 0).length;
    const severities = SEVERITIES.map(
      (severity) => counted(result.findings.filter((finding) => finding.severity === severity).length, severity)
    );
    const histories = counted(result.histories.length, "history", "histories");
    const reviewed = revisions.filter((revision) => revision.underReview).length;
    const suppressed = result.suppressed.length > 0 ? ` (${result.suppressed.length} suppressed, not counted)` : "";
    return [
      `${counted(revisions.length, "revision")} in ${histories}: ${count("expand")} expand, ${count("backfill")} backfill, ${count("contract")} contract, ${unclassified} neutral only`,
      ...reviewed < revisions.length ? [`${reviewed} under review; the rest is context and is not reported`] : [],
      `${counted(result.findings.length, "finding")}: ${severities.join(", ")}${suppressed}`,
      ...input.gate.opaque ? [`${counted(input.gate.opaque, "opaque operation")} under review fail the gate (fail-on-opaque)`] : [],
      coverageLine(coverage(input)),
      ...optional(contextLine(input))
    ];
  }
};
function optional(line) {
  return line === void 0 ? [] : [line];
}
function counted(count, singular, plural = `${singular}s`) {
  return `${count} ${count === 1 ? singular : plural}`;
}
export {
  TextReporter
};
