import { styleText } from "node:util";
import type { AnalyzedRevision, Finding, Severity } from "../../domain/index.js";
import { splitLines } from "../line-index.js";
import { baselineHint } from "./baseline-hint.js";
import { coverage, coverageLine, displayMessage } from "./report-facts.js";
import type { Reporter, ReportInput } from "./report-model.js";
import { cutLine, wrap } from "./terminal-layout.js";
import { findingGroups } from "./text-groups.js";
import { contextLine, findingsLine, opaqueLine, revisionsLine, rulesLine, verdictLine } from "./text-summary.js";

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = { error: "red", warning: "yellow", info: "blue" };

/** Continuation lines of a finding's first line, of its hint, and of a summary line. */
const MESSAGE_INDENT = "    ";
const HINT_INDENT = "        ";
const SUMMARY_INDENT = "  ";

/**
 * Human report for a terminal: the findings grouped under their revision in history order (see `findingGroups`),
 * each as `path:line:col severity rule message`, a code frame and the hint; then a summary that ends with the verdict.
 * Given a width (standard output is a terminal, or COLUMNS is set), lines are wrapped at spaces with a hanging indent
 * and code frames are cut to fit; without one (a file, a CI log), nothing is wrapped.
 */
export class TextReporter implements Reporter {
  constructor(
    private readonly color: boolean,
    private readonly width?: number,
  ) {}

  private paint(style: Style, text: string): string {
    // The caller decided (TTY, NO_COLOR, FORCE_COLOR); styleText must not second-guess it against stdout.
    return this.color ? styleText(style, text, { validateStream: false }) : text;
  }

  private wrapped(text: string, indent: string): string[] {
    return wrap(text, this.width, indent);
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
      contextLine(input),
      baselineHint(input),
    ];
    for (const line of summary) if (line !== undefined) out.push(...this.wrapped(line, SUMMARY_INDENT));
    const verdict = verdictLine(input);
    out.push(...this.wrapped(this.paint(verdict.passed ? ["green", "bold"] : ["red", "bold"], verdict.text), ""));
    return `${out.join("\n")}\n`;
  }

  private finding(finding: Finding, lines: readonly string[]): string[] {
    const { span } = finding;
    const head = [
      this.paint("bold", `${span.file}:${span.line}:${span.column}`),
      this.paint(SEVERITY_STYLE[finding.severity], finding.severity),
      this.paint("dim", finding.rule),
      displayMessage(finding),
    ].join(" ");
    const frame = this.frame(lines, span.line, span.column, span.endLine === span.line ? span.endColumn : undefined);
    return [
      ...this.wrapped(head, MESSAGE_INDENT),
      ...frame,
      ...this.wrapped(`  ${this.paint("cyan", "hint:")} ${finding.hint}`, HINT_INDENT),
    ];
  }

  private frame(lines: readonly string[], line: number, column: number, endColumn: number | undefined): string[] {
    const text = lines[line - 1];
    if (text === undefined) return [];
    const gutter = String(line).length;
    // `  12 | ` comes before the source: what is left of the width is the source's.
    const room = this.width === undefined ? undefined : this.width - gutter - 5;
    const cut = cutLine(text, column, endColumn, room);
    return [
      `  ${this.paint("dim", `${line} |`)} ${cut.shown}`,
      `  ${" ".repeat(gutter)} ${this.paint("dim", "|")} ${this.paint("red", `${cut.pad}${"^".repeat(cut.underline)}`)}`,
    ];
  }
}

/** `revision 3a51f0c2b7d9: add users.phone [mixed: expand, contract; declared expand (file-name: expand01)]`. */
function heading(revision: AnalyzedRevision | undefined): string {
  if (!revision) return "env.py and other files outside the revisions";
  const { id, message } = revision.revision;
  const phases =
    revision.phases.length === 0
      ? "neutral"
      : revision.phases.length === 1
        ? revision.phases.join("")
        : `mixed: ${revision.phases.join(", ")}`;
  const declared = revision.declaredPhase;
  const claim = declared ? `; declared ${declared.phase} (${declared.source}: ${declared.evidence})` : "";
  return `revision ${id}${message ? `: ${printable(message)}` : ""} [${phases}${claim}]`;
}

/** A docstring's text can hold escape sequences: on a terminal they would act instead of being read. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\ufffd");
}
