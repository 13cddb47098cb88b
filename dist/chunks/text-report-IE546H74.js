import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  GLUE,
  cutLine,
  wrap
} from "./chunk-5XS3H2FR.js";
import {
  contextLine,
  counted,
  coverage,
  coverageLine,
  displayMessage,
  revisionsByFile,
  severityCounts
} from "./chunk-RE5JWGWN.js";
import {
  splitLines
} from "./chunk-C6SBNVJK.js";
import {
  SEVERITIES,
  failsGate,
  severityRank
} from "./chunk-FOQMQZLO.js";

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

// src/adapters/report/text-groups.ts
function findingGroups(input) {
  const byFile = revisionsByFile(input);
  const byId = /* @__PURE__ */ new Map();
  for (const analyzed of byFile.values()) {
    if (!byId.has(analyzed.revision.id)) byId.set(analyzed.revision.id, analyzed);
  }
  const outside = [];
  const grouped = /* @__PURE__ */ new Map();
  for (const finding of input.result.findings) {
    const owner = byFile.get(finding.span.file) ?? (finding.revision !== void 0 ? byId.get(finding.revision) : void 0);
    if (!owner) outside.push(finding);
    else {
      const group = grouped.get(owner);
      if (group) group.push(finding);
      else grouped.set(owner, [finding]);
    }
  }
  const groups = outside.length > 0 ? [{ findings: errorsFirst(outside) }] : [];
  for (const revision of byFile.values()) {
    const findings = grouped.get(revision);
    if (findings) groups.push({ revision, findings: errorsFirst(findings) });
  }
  return groups;
}
function errorsFirst(findings) {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

// src/adapters/report/text-summary.ts
var BUCKETS = ["expand", "backfill", "contract", "mixed", "neutral"];
function phaseBucket(revision) {
  const [only, ...more] = revision.phases;
  if (only === void 0) return "neutral";
  return more.length > 0 ? "mixed" : only;
}
function revisionsLine(input) {
  const revisions = [...revisionsByFile(input).values()];
  const reviewed = revisions.filter((revision) => revision.underReview);
  const counts = new Map(BUCKETS.map((bucket) => [bucket, 0]));
  for (const revision of reviewed) {
    const bucket = phaseBucket(revision);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const total = `${counted(revisions.length, "revision")} in ${counted(input.result.histories.length, "history", "histories")}`;
  const scope = reviewed.length === revisions.length ? "all under review" : `${reviewed.length === 0 ? "none" : reviewed.length} under review (the rest is context and is not reported)`;
  if (reviewed.length === 0) return `${total}, ${scope}`;
  const phases = BUCKETS.map(
    (bucket) => `${counts.get(bucket) ?? 0} ${bucket === "neutral" ? "neutral only" : bucket}`
  );
  return `${total}, ${scope}: ${phases.join(", ")}`;
}
function findingsLine(input) {
  const { findings, suppressed } = input.result;
  const counts = severityCounts(findings);
  const severities = SEVERITIES.map((severity) => counted(counts[severity], severity));
  const accepted = suppressed.length > 0 ? ` (${suppressed.length} suppressed, not counted)` : "";
  return `${counted(findings.length, "finding")}: ${severities.join(", ")}${accepted}`;
}
function rulesLine(input) {
  const counts = /* @__PURE__ */ new Map();
  for (const finding of input.result.findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  if (counts.size === 0) return void 0;
  const rules = [...counts].sort(([a, left], [b, right]) => right - left || (a < b ? -1 : a > b ? 1 : 0));
  return `by rule: ${rules.map(([rule, count]) => `${rule}${GLUE}${count}`).join(", ")}`;
}
function opaqueLine(input) {
  const { opaque } = input.gate;
  return opaque ? `${counted(opaque, "opaque operation")} under review fail the gate (fail-on-opaque)` : void 0;
}
function contextLine2(input) {
  return contextLine(input) ?? `dialect: ${input.dialect}`;
}
function verdictLine(input) {
  const { gate } = input;
  const counts = severityCounts(input.result.findings);
  const found = SEVERITIES.filter((severity) => counts[severity] > 0);
  const named = (severities) => listed(severities.map((severity) => counted(counts[severity], severity)));
  if (gate.passed) {
    if (found.length === 0) return { passed: true, text: "PASSED" };
    if (gate.failOn === "never") return { passed: true, text: "PASSED: --fail-on never, so no finding fails the run" };
    return { passed: true, text: `PASSED: ${named(found)}, none at or above --fail-on ${gate.failOn}` };
  }
  const failing = found.filter((severity) => failsGate(severity, gate.failOn));
  const unread = input.skipped.filter((file) => file.failed).length;
  const reasons = [
    ...failing.length > 0 ? [`${named(failing)} at or above --fail-on ${gate.failOn}`] : [],
    ...unread > 0 ? [`${counted(unread, "file")} could not be analysed`] : [],
    ...gate.opaque ? [`${counted(gate.opaque, "opaque operation")} under review (fail-on-opaque)`] : []
  ];
  return { passed: false, text: reasons.length > 0 ? `FAILED: ${reasons.join("; ")}` : "FAILED" };
}
function listed(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

// src/adapters/report/text-report.ts
var SEVERITY_STYLE = { error: "red", warning: "yellow", info: "blue" };
var MESSAGE_INDENT = "    ";
var HINT_INDENT = "        ";
var SUMMARY_INDENT = "  ";
var TextReporter = class {
  constructor(color, width) {
    this.color = color;
    this.width = width;
  }
  color;
  width;
  paint(style, text) {
    return this.color ? styleText(style, text, { validateStream: false }) : text;
  }
  wrapped(text, indent) {
    return wrap(text, this.width, indent);
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
    for (const group of findingGroups(input)) {
      out.push(...this.wrapped(this.paint("bold", heading(group.revision)), MESSAGE_INDENT));
      for (const finding of group.findings) out.push(...this.finding(finding, linesOf(finding.span.file)), "");
    }
    for (const skipped of input.skipped) {
      out.push(...this.wrapped(`${skipped.file}: not analysed: ${skipped.reason}`, MESSAGE_INDENT));
    }
    if (input.skipped.length > 0) out.push("");
    const summary = [
      revisionsLine(input),
      findingsLine(input),
      rulesLine(input),
      opaqueLine(input),
      coverageLine(coverage(input)),
      contextLine2(input),
      baselineHint(input)
    ];
    for (const line of summary) if (line !== void 0) out.push(...this.wrapped(line, SUMMARY_INDENT));
    const verdict = verdictLine(input);
    out.push(...this.wrapped(this.paint(verdict.passed ? ["green", "bold"] : ["red", "bold"], verdict.text), ""));
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
    const frame = this.frame(lines, span.line, span.column, span.endLine === span.line ? span.endColumn : void 0);
    return [
      ...this.wrapped(head, MESSAGE_INDENT),
      ...frame,
      ...this.wrapped(`  ${this.paint("cyan", "hint:")} ${finding.hint}`, HINT_INDENT)
    ];
  }
  frame(lines, line, column, endColumn) {
    const text = lines[line - 1];
    if (text === void 0) return [];
    const gutter = String(line).length;
    const room = this.width === void 0 ? void 0 : this.width - gutter - 5;
    const cut = cutLine(text, column, endColumn, room);
    return [
      `  ${this.paint("dim", `${line} |`)} ${cut.shown}`,
      `  ${" ".repeat(gutter)} ${this.paint("dim", "|")} ${this.paint("red", `${cut.pad}${"^".repeat(cut.underline)}`)}`
    ];
  }
};
function heading(revision) {
  if (!revision) return "env.py and other files outside the revisions";
  const { id, message } = revision.revision;
  const phases = revision.phases.length === 0 ? "neutral" : revision.phases.length === 1 ? revision.phases.join("") : `mixed: ${revision.phases.join(", ")}`;
  const declared = revision.declaredPhase;
  const claim = declared ? `; declared ${declared.phase} (${declared.source}: ${declared.evidence})` : "";
  return `revision ${id}${message ? `: ${printable(message)}` : ""} [${phases}${claim}]`;
}
function printable(text) {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD");
}
export {
  TextReporter
};
