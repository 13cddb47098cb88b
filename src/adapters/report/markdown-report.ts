import type { AnalyzedRevision, Finding, SuppressedFinding, Suppression } from "../../domain/index.js";
import { codeCell, codeSpan, escapeMarkdown, escapeMarkdownWithCode } from "./markdown-text.js";
import {
  allRevisions,
  contextLine,
  counted,
  coverage,
  coverageLine,
  displayMessage,
  findingsByFile,
  revisionsByFile,
  severityCounts,
} from "./report-facts.js";
import type { Reporter, ReportInput } from "./report-model.js";
import { ruleDocUrl, ruleHelpMarkdown } from "./rule-docs.js";

/** A pull-request comment must stay under GitHub's 65,536 characters: longer lists are cut with a count. */
const MAX_REVISION_ROWS = 50;
const MAX_FINDINGS = 100;
const MAX_MESSAGE = 120;

const SUPPRESSED_BY: Record<Suppression["kind"], string> = {
  inline: "an inline comment",
  file: "a file-wide comment",
  "phase-exception": "a phase exception",
};

/**
 * A pull-request comment (and GitHub step summary): the verdict, the revisions under review, the findings by
 * revision, the suppressed findings folded away, and the files that could not be analysed.
 */
export class MarkdownReporter implements Reporter {
  render(input: ReportInput): string {
    const sections = [
      verdict(input),
      revisionTable(input),
      findingList(input),
      suppressedList(input),
      failedFiles(input),
      ruleHelp(input),
      `<sub>${escapeMarkdown(`${input.tool.name} ${input.tool.version}`)}</sub>`,
    ];
    return `${sections.filter((section) => section !== "").join("\n\n")}\n`;
  }
}

function verdict(input: ReportInput): string {
  const { gate, result } = input;
  const counts = severityCounts(result.findings);
  const underReview = allRevisions(input).filter((revision) => revision.underReview).length;
  const threshold =
    gate.failOn === "never"
      ? "`--fail-on never`: no finding fails the gate"
      : `findings at \`${gate.failOn}\` or above fail the gate`;
  const failed = input.skipped.filter((file) => file.failed).length;
  const extras = [
    ...(result.suppressed.length > 0 ? [`${counted(result.suppressed.length, "finding")} suppressed.`] : []),
    ...(failed > 0 ? [`${counted(failed, "file")} could not be analysed.`] : []),
    ...(gate.opaque
      ? [`${counted(gate.opaque, "opaque operation")} under review fail the gate (fail-on-opaque).`]
      : []),
  ];
  const line = [
    `**${counted(counts.error, "error")}, ${counted(counts.warning, "warning")}, ${counted(counts.info, "info")}**`,
    `in ${counted(underReview, "revision")} under review (${threshold}).`,
    ...extras,
  ].join(" ");
  const covered = coverageLine(coverage(input));
  const context = contextLine(input);
  const read = escapeMarkdown(
    `${covered.charAt(0).toUpperCase()}${covered.slice(1)}.${context ? ` ${context.charAt(0).toUpperCase()}${context.slice(1)}.` : ""}`,
  );
  const heading = gate.passed ? "## ✅ migragate: the gate passes" : "## ❌ migragate: the gate fails";
  return `<!-- migragate report -->\n${heading}\n\n${line}\n\n${read}`;
}

function phasesOf(revision: AnalyzedRevision): string {
  return revision.phases.length > 0 ? revision.phases.join(", ") : "neutral";
}

function declaredOf(revision: AnalyzedRevision): string {
  const declared = revision.declaredPhase;
  if (!declared) return "";
  return `${declared.phase} (${escapeMarkdown(declared.source)}: ${codeCell(declared.evidence)})`;
}

function shortened(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

function revisionTable(input: ReportInput): string {
  const revisions = allRevisions(input);
  const shown = revisions.filter((revision) => revision.underReview);
  const title =
    shown.length === revisions.length
      ? `### Revisions (${revisions.length})`
      : `### Revisions under review (${shown.length} of ${revisions.length})`;
  if (shown.length === 0) return `${title}\n\nNo revision is under review.`;
  const rows = shown.slice(0, MAX_REVISION_ROWS).map((revision) => {
    const cells = [
      codeCell(revision.revision.id),
      codeCell(revision.revision.file),
      escapeMarkdown(shortened(revision.revision.message ?? "")),
      phasesOf(revision),
      declaredOf(revision),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  const more =
    shown.length > MAX_REVISION_ROWS ? [`\n… and ${counted(shown.length - MAX_REVISION_ROWS, "more revision")}.`] : [];
  return [
    title,
    "",
    "| revision | file | message | phases | declared phase |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    ...more,
  ].join("\n");
}

/** The rule's name, linked to its document when that has a known address (else its help is at the report's end). */
function ruleName(input: ReportInput, rule: string): string {
  const url = ruleDocUrl(input, rule);
  return url === undefined ? codeSpan(rule) : `[${codeSpan(rule)}](${url})`;
}

function findingItem(input: ReportInput, finding: Finding): string {
  const { span } = finding;
  const rule = ruleName(input, finding.rule);
  return `- **${finding.severity}** ${rule} at line ${span.line}:${span.column}: ${escapeMarkdownWithCode(displayMessage(finding))}\n  - hint: ${escapeMarkdownWithCode(finding.hint)}`;
}

function groupHeading(file: string, revision: AnalyzedRevision | undefined): string {
  if (!revision) return `#### ${codeSpan(file)}`;
  const message = revision.revision.message;
  const title = message ? ` ${escapeMarkdown(shortened(message))}` : "";
  return `#### ${codeSpan(revision.revision.id)}${title}\n\n${codeSpan(file)}`;
}

function findingList(input: ReportInput): string {
  const { findings } = input.result;
  if (findings.length === 0) return "### Findings\n\nNo findings.";
  const byFile = revisionsByFile(input);
  const out = ["### Findings"];
  for (const [file, group] of findingsByFile(findings.slice(0, MAX_FINDINGS))) {
    out.push(groupHeading(file, byFile.get(file)), group.map((finding) => findingItem(input, finding)).join("\n"));
  }
  if (findings.length > MAX_FINDINGS) {
    out.push(
      `… and ${counted(findings.length - MAX_FINDINGS, "more finding")}: see the full report (text, JSON or SARIF).`,
    );
  }
  return out.join("\n\n");
}

function suppressedItem(input: ReportInput, finding: SuppressedFinding): string {
  const { span } = finding;
  const { suppression } = finding;
  const rule = ruleName(input, finding.rule);
  const where =
    suppression.span.file === span.file
      ? `line ${suppression.span.line}`
      : codeSpan(`${suppression.span.file}:${suppression.span.line}`);
  const reason =
    suppression.reason !== undefined && suppression.reason.trim() !== ""
      ? escapeMarkdown(suppression.reason)
      : "no reason given";
  return [
    `- **${finding.severity}** ${rule} at ${codeSpan(`${span.file}:${span.line}:${span.column}`)}: ${escapeMarkdownWithCode(finding.message)}`,
    `  - suppressed by ${SUPPRESSED_BY[suppression.kind]} at ${where}: ${reason}`,
  ].join("\n");
}

function suppressedList(input: ReportInput): string {
  const { suppressed } = input.result;
  if (suppressed.length === 0) return "";
  const items = suppressed.slice(0, MAX_FINDINGS).map((finding) => suppressedItem(input, finding));
  if (suppressed.length > MAX_FINDINGS) items.push(`- … and ${counted(suppressed.length - MAX_FINDINGS, "more")}`);
  return [
    "<details>",
    `<summary>${counted(suppressed.length, "suppressed finding")}</summary>`,
    "",
    items.join("\n"),
    "",
    "</details>",
  ].join("\n");
}

function failedFiles(input: ReportInput): string {
  const failed = input.skipped.filter((file) => file.failed);
  if (failed.length === 0) return "";
  const items = failed.map((file) => `- ${codeSpan(file.file)}: ${escapeMarkdown(file.reason)}`);
  return ["### Files not analysed", "", "The gate cannot pass over a file it could not read:", "", ...items].join("\n");
}

/**
 * Without a published address for the rule documents, each rule the report names gets its help folded away at the
 * end, so a reader never follows a link that leads nowhere.
 */
function ruleHelp(input: ReportInput): string {
  if (input.links?.ruleDocs !== undefined) return "";
  const shown = [...input.result.findings.slice(0, MAX_FINDINGS), ...input.result.suppressed.slice(0, MAX_FINDINGS)];
  const named = new Set(shown.map((finding) => finding.rule));
  const metas = input.rules.filter((meta) => named.has(meta.name));
  if (metas.length === 0) return "";
  const items = metas.map((meta) =>
    [
      "<details>",
      `<summary><code>${htmlText(meta.name)}</code>: ${htmlText(meta.summary)}</summary>`,
      "",
      ruleHelpMarkdown(meta),
      "",
      "</details>",
    ].join("\n"),
  );
  return ["### Rules", "", ...items].join("\n");
}

/** Text inside an HTML element, where markdown is not read: only HTML's specials need escaping. */
function htmlText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
