import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  codeCell,
  codeSpan,
  escapeMarkdown,
  escapeMarkdownWithCode
} from "./chunk-V47FRRV3.js";
import {
  ruleDocUrl,
  ruleHelpMarkdown
} from "./chunk-A7XTBYXE.js";
import {
  allRevisions,
  contextLine,
  counted,
  coverage,
  coverageLine,
  displayMessage,
  findingsByFile,
  revisionsByFile,
  severityCounts
} from "./chunk-RE5JWGWN.js";
import "./chunk-FOQMQZLO.js";

// src/adapters/report/markdown-report.ts
var MAX_REVISION_ROWS = 50;
var MAX_FINDINGS = 100;
var MAX_MESSAGE = 120;
var SUPPRESSED_BY = {
  inline: "an inline comment",
  file: "a file-wide comment",
  "phase-exception": "a phase exception"
};
var MarkdownReporter = class {
  render(input) {
    const sections = [
      verdict(input),
      revisionTable(input),
      findingList(input),
      suppressedList(input),
      failedFiles(input),
      ruleHelp(input),
      `<sub>${escapeMarkdown(`${input.tool.name} ${input.tool.version}`)}</sub>`
    ];
    return `${sections.filter((section) => section !== "").join("\n\n")}
`;
  }
};
function verdict(input) {
  const { gate, result } = input;
  const counts = severityCounts(result.findings);
  const underReview = allRevisions(input).filter((revision) => revision.underReview).length;
  const threshold = gate.failOn === "never" ? "`--fail-on never`: no finding fails the gate" : `findings at \`${gate.failOn}\` or above fail the gate`;
  const failed = input.skipped.filter((file) => file.failed).length;
  const extras = [
    ...result.suppressed.length > 0 ? [`${counted(result.suppressed.length, "finding")} suppressed.`] : [],
    ...failed > 0 ? [`${counted(failed, "file")} could not be analysed.`] : [],
    ...gate.opaque ? [`${counted(gate.opaque, "opaque operation")} under review fail the gate (fail-on-opaque).`] : []
  ];
  const line = [
    `**${counted(counts.error, "error")}, ${counted(counts.warning, "warning")}, ${counted(counts.info, "info")}**`,
    `in ${counted(underReview, "revision")} under review (${threshold}).`,
    ...extras
  ].join(" ");
  const covered = coverageLine(coverage(input));
  const context = contextLine(input);
  const read = escapeMarkdown(
    `${covered.charAt(0).toUpperCase()}${covered.slice(1)}.${context ? ` ${context.charAt(0).toUpperCase()}${context.slice(1)}.` : ""}`
  );
  const heading = gate.passed ? "## \u2705 migragate: the gate passes" : "## \u274C migragate: the gate fails";
  return `<!-- migragate report -->
${heading}

${line}

${read}`;
}
function phasesOf(revision) {
  return revision.phases.length > 0 ? revision.phases.join(", ") : "neutral";
}
function declaredOf(revision) {
  const declared = revision.declaredPhase;
  if (!declared) return "";
  return `${declared.phase} (${escapeMarkdown(declared.source)}: ${codeCell(declared.evidence)})`;
}
function shortened(text) {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}\u2026` : text;
}
function revisionTable(input) {
  const revisions = allRevisions(input);
  const shown = revisions.filter((revision) => revision.underReview);
  const title = shown.length === revisions.length ? `### Revisions (${revisions.length})` : `### Revisions under review (${shown.length} of ${revisions.length})`;
  if (shown.length === 0) return `${title}

No revision is under review.`;
  const rows = shown.slice(0, MAX_REVISION_ROWS).map((revision) => {
    const cells = [
      codeCell(revision.revision.id),
      codeCell(revision.revision.file),
      escapeMarkdown(shortened(revision.revision.message ?? "")),
      phasesOf(revision),
      declaredOf(revision)
    ];
    return `| ${cells.join(" | ")} |`;
  });
  const more = shown.length > MAX_REVISION_ROWS ? [`
\u2026 and ${counted(shown.length - MAX_REVISION_ROWS, "more revision")}.`] : [];
  return [
    title,
    "",
    "| revision | file | message | phases | declared phase |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    ...more
  ].join("\n");
}
function ruleName(input, rule) {
  const url = ruleDocUrl(input, rule);
  return url === void 0 ? codeSpan(rule) : `[${codeSpan(rule)}](${url})`;
}
function findingItem(input, finding) {
  const { span } = finding;
  const rule = ruleName(input, finding.rule);
  return `- **${finding.severity}** ${rule} at line ${span.line}:${span.column}: ${escapeMarkdownWithCode(displayMessage(finding))}
  - hint: ${escapeMarkdownWithCode(finding.hint)}`;
}
function groupHeading(file, revision) {
  if (!revision) return `#### ${codeSpan(file)}`;
  const message = revision.revision.message;
  const title = message ? ` ${escapeMarkdown(shortened(message))}` : "";
  return `#### ${codeSpan(revision.revision.id)}${title}

${codeSpan(file)}`;
}
function findingList(input) {
  const { findings } = input.result;
  if (findings.length === 0) return "### Findings\n\nNo findings.";
  const byFile = revisionsByFile(input);
  const out = ["### Findings"];
  for (const [file, group] of findingsByFile(findings.slice(0, MAX_FINDINGS))) {
    out.push(groupHeading(file, byFile.get(file)), group.map((finding) => findingItem(input, finding)).join("\n"));
  }
  if (findings.length > MAX_FINDINGS) {
    out.push(
      `\u2026 and ${counted(findings.length - MAX_FINDINGS, "more finding")}: see the full report (text, JSON or SARIF).`
    );
  }
  return out.join("\n\n");
}
function suppressedItem(input, finding) {
  const { span } = finding;
  const { suppression } = finding;
  const rule = ruleName(input, finding.rule);
  const where = suppression.span.file === span.file ? `line ${suppression.span.line}` : codeSpan(`${suppression.span.file}:${suppression.span.line}`);
  const reason = suppression.reason !== void 0 && suppression.reason.trim() !== "" ? escapeMarkdown(suppression.reason) : "no reason given";
  return [
    `- **${finding.severity}** ${rule} at ${codeSpan(`${span.file}:${span.line}:${span.column}`)}: ${escapeMarkdownWithCode(finding.message)}`,
    `  - suppressed by ${SUPPRESSED_BY[suppression.kind]} at ${where}: ${reason}`
  ].join("\n");
}
function suppressedList(input) {
  const { suppressed } = input.result;
  if (suppressed.length === 0) return "";
  const items = suppressed.slice(0, MAX_FINDINGS).map((finding) => suppressedItem(input, finding));
  if (suppressed.length > MAX_FINDINGS) items.push(`- \u2026 and ${counted(suppressed.length - MAX_FINDINGS, "more")}`);
  return [
    "<details>",
    `<summary>${counted(suppressed.length, "suppressed finding")}</summary>`,
    "",
    items.join("\n"),
    "",
    "</details>"
  ].join("\n");
}
function failedFiles(input) {
  const failed = input.skipped.filter((file) => file.failed);
  if (failed.length === 0) return "";
  const items = failed.map((file) => `- ${codeSpan(file.file)}: ${escapeMarkdown(file.reason)}`);
  return ["### Files not analysed", "", "The gate cannot pass over a file it could not read:", "", ...items].join("\n");
}
function ruleHelp(input) {
  if (input.links?.ruleDocs !== void 0) return "";
  const shown = [...input.result.findings.slice(0, MAX_FINDINGS), ...input.result.suppressed.slice(0, MAX_FINDINGS)];
  const named = new Set(shown.map((finding) => finding.rule));
  const metas = input.rules.filter((meta) => named.has(meta.name));
  if (metas.length === 0) return "";
  const items = metas.map(
    (meta) => [
      "<details>",
      `<summary><code>${htmlText(meta.name)}</code>: ${htmlText(meta.summary)}</summary>`,
      "",
      ruleHelpMarkdown(meta),
      "",
      "</details>"
    ].join("\n")
  );
  return ["### Rules", "", ...items].join("\n");
}
function htmlText(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
export {
  MarkdownReporter
};
