import { appendFileSync, closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { InputError } from "../adapters/fs/discovery.js";
import { reporterFor } from "../adapters/report/formats.js";
import type { ReportInput } from "../adapters/report/report-model.js";
import type { ReportTarget } from "./report-targets.js";

/** Where reports go: standard output and error, and whether the run is a GitHub Actions step. */
export interface ReportSinks {
  readonly color: boolean;
  /** The width standard output's text report wraps at (see `reportWidth`); none: no wrapping. */
  readonly width?: number;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly githubActions?: boolean;
  readonly stepSummary?: string;
}

/** Renders every report asked for to its file or standard output, then what GitHub Actions gets besides. */
export async function deliverReports(
  input: ReportInput,
  reports: readonly ReportTarget[],
  sinks: ReportSinks,
): Promise<void> {
  for (const target of reports) {
    // Colours and wrapping are for a terminal: a report written to a file gets neither.
    const reporter = await reporterFor(
      target.format,
      sinks.color && !target.output,
      target.output ? undefined : sinks.width,
    );
    if (target.output && reporter.pieces) writeInPieces(target.output, reporter.pieces(input));
    else if (target.output) writeReport(target.output, reporter.render(input));
    else if (reporter.pieces) for (const block of blocks(reporter.pieces(input))) sinks.stdout(block);
    else sinks.stdout(reporter.render(input));
  }
  await reportToGithub(input, reports, sinks);
}

/** A report's pieces joined into blocks of about a megabyte: fewer, larger writes, never the whole text at once. */
function* blocks(pieces: Iterable<string>): Generator<string> {
  let block = "";
  for (const piece of pieces) {
    block += piece;
    if (block.length >= 1 << 20) {
      yield block;
      block = "";
    }
  }
  if (block !== "") yield block;
}

/** Writes a report piece by piece, in blocks of about a megabyte, so the whole text never sits in memory. */
function writeInPieces(path: string, pieces: Iterable<string>): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "w");
    for (const block of blocks(pieces)) writeSync(descriptor, block);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new InputError(`${path}: cannot write report (${code})`);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function writeReport(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new InputError(`${path}: cannot write report (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * On GitHub Actions the annotations are printed even when not asked for: to standard output, or to standard error
 * when another report holds standard output (GitHub reads workflow commands from both; stdout stays parseable).
 * The markdown report is appended to the step summary. Neither changes the exit code.
 */
async function reportToGithub(input: ReportInput, reports: readonly ReportTarget[], sinks: ReportSinks): Promise<void> {
  if (sinks.githubActions && !reports.some((target) => target.format === "github" && !target.output)) {
    const annotations = (await reporterFor("github", false)).render(input);
    const stdoutTaken = reports.some((target) => !target.output);
    if (annotations !== "") (stdoutTaken ? sinks.stderr : sinks.stdout)(annotations);
  }
  if (sinks.stepSummary) {
    const summary = (await reporterFor("markdown", false)).render(input);
    try {
      appendFileSync(sinks.stepSummary, summary);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      sinks.stderr(`migragate: ${sinks.stepSummary}: cannot append the step summary (${code})\n`);
    }
  }
}
