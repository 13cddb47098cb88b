import { styleText } from "node:util";
import { type Finding, SEVERITIES, type Severity } from "../../domain/index.js";
import { splitLines } from "../line-index.js";
import { baselineHint } from "./baseline-hint.js";
import { contextLine, coverage, coverageLine, displayMessage } from "./report-facts.js";
import type { Reporter, ReportInput } from "./report-model.js";

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = { error: "red", warning: "yellow", info: "blue" };

/** Human report: `path:line:col severity rule message`, a code frame, the hint, then a summary. */
export class TextReporter implements Reporter {
  constructor(private readonly color: boolean) {}

  private paint(style: Style, text: string): string {
    // The caller decided (TTY, NO_COLOR, FORCE_COLOR); styleText must not second-guess it against stdout.
    return this.color ? styleText(style, text, { validateStream: false }) : text;
  }

  render(input: ReportInput): string {
    const lines = new Map<string, readonly string[]>();
    const linesOf = (file: string) => {
      let split = lines.get(file);
      if (!split) {
        const text = input.sources.get(file);
        split = text === undefined ? [] : splitLines(text);
        lines.set(file, split);
      }
      return split;
    };
    const out: string[] = [];
    for (const finding of input.result.findings) out.push(this.finding(finding, linesOf(finding.span.file)), "");
    for (const skipped of input.skipped) out.push(`${skipped.file}: not analysed: ${skipped.reason}`);
    if (input.skipped.length > 0) out.push("");
    out.push(...this.summary(input));
    const hint = baselineHint(input);
    if (hint) out.push(hint);
    return `${out.join("\n")}\n`;
  }

  private finding(finding: Finding, lines: readonly string[] | undefined): string {
    const { span } = finding;
    const head = [
      this.paint("bold", `${span.file}:${span.line}:${span.column}`),
      this.paint(SEVERITY_STYLE[finding.severity], finding.severity),
      this.paint("dim", finding.rule),
      displayMessage(finding),
    ].join(" ");
    const frame = lines
      ? this.frame(lines, span.line, span.column, span.endLine === span.line ? span.endColumn : undefined)
      : [];
    const hint = `  ${this.paint("cyan", "hint:")} ${finding.hint}`;
    return [head, ...frame, hint].join("\n");
  }

  private frame(lines: readonly string[], line: number, column: number, endColumn: number | undefined): string[] {
    const text = lines[line - 1];
    if (text === undefined) return [];
    const gutter = String(line).length;
    const shown = text.length > 160 ? `${text.slice(0, 157)}...` : text;
    const width = Math.max(1, Math.min((endColumn ?? text.length + 1) - column, shown.length - column + 1));
    const marker = `${" ".repeat(Math.max(0, column - 1))}${"^".repeat(width)}`;
    return [
      `  ${this.paint("dim", `${line} |`)} ${shown}`,
      `  ${" ".repeat(gutter)} ${this.paint("dim", "|")} ${this.paint("red", marker)}`,
    ];
  }

  private summary(input: ReportInput): string[] {
    const { result } = input;
    const revisions = result.histories.flatMap((history) => history.revisions);
    const count = (phase: string) =>
      revisions.filter((revision) => (revision.phases as string[]).includes(phase)).length;
    const unclassified = revisions.filter((revision) => revision.phases.length === 0).length;
    const severities = SEVERITIES.map((severity) =>
      counted(result.findings.filter((finding) => finding.severity === severity).length, severity),
    );
    const histories = counted(result.histories.length, "history", "histories");
    const reviewed = revisions.filter((revision) => revision.underReview).length;
    const suppressed = result.suppressed.length > 0 ? ` (${result.suppressed.length} suppressed, not counted)` : "";
    return [
      `${counted(revisions.length, "revision")} in ${histories}: ${count("expand")} expand, ${count("backfill")} backfill, ${count("contract")} contract, ${unclassified} neutral only`,
      ...(reviewed < revisions.length ? [`${reviewed} under review; the rest is context and is not reported`] : []),
      `${counted(result.findings.length, "finding")}: ${severities.join(", ")}${suppressed}`,
      ...(input.gate.opaque
        ? [`${counted(input.gate.opaque, "opaque operation")} under review fail the gate (fail-on-opaque)`]
        : []),
      coverageLine(coverage(input)),
      ...optional(contextLine(input)),
    ];
  }
}

function optional(line: string | undefined): string[] {
  return line === undefined ? [] : [line];
}

function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
