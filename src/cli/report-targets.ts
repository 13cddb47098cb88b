import { resolve } from "node:path";
import { InputError } from "../adapters/fs/discovery.js";
import type { ReportFormat } from "../adapters/report/formats.js";

/** One report to write: a format and its file, or standard output when there is no file. */
export interface ReportTarget {
  readonly format: ReportFormat;
  readonly output?: string;
}

/**
 * Pairs the n-th `--format` with the n-th `--output`; formats left without an output go to standard output. An
 * output without a format to pair with is a usage error, never a silent text report.
 */
export function pairReports(formats: readonly ReportFormat[], outputs: readonly string[]): ReportTarget[] {
  if (outputs.length > formats.length) {
    throw new InputError(
      `--output ${outputs[formats.length]} has no --format to pair with (the n-th --output goes with the n-th --format)`,
    );
  }
  return formats.map((format, index) => {
    const output = outputs[index];
    return output === undefined ? { format } : { format, output };
  });
}

/** At most one report on standard output (two would interleave into neither format), and one report per file. */
export function validateReports(targets: readonly ReportTarget[], cwd: string): void {
  const toStdout = targets.filter((target) => target.output === undefined);
  if (toStdout.length > 1) {
    const formats = toStdout.map((target) => target.format).join(", ");
    throw new InputError(
      `only one report can go to standard output, not ${toStdout.length} (${formats}): give the others an --output`,
    );
  }
  const seen = new Set<string>();
  for (const target of targets) {
    if (target.output === undefined) continue;
    const path = resolve(cwd, target.output);
    if (seen.has(path)) throw new InputError(`--output ${target.output}: given for two reports`);
    seen.add(path);
  }
}
