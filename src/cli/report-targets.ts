import { resolve } from "node:path";
import { InputError } from "../adapters/fs/discovery.js";
import type { ReportFormat } from "../adapters/report/formats.js";

/** One report to write: a format and its file, or standard output when there is no file. */
export interface ReportTarget {
  readonly format: ReportFormat;
  readonly output?: string;
}

/** The format a report file's extension names; `text` for a file without one. */
const EXTENSION_FORMATS: readonly [RegExp, ReportFormat][] = [
  [/\.sarif(?:\.json)?$/i, "sarif"],
  [/\.json$/i, "json"],
  [/\.xml$/i, "junit"],
  [/\.(?:md|markdown)$/i, "markdown"],
  [/\.(?:txt|log)$/i, "text"],
];

/** The format of `--output FILE` given without `--format`: what its extension names. */
function formatOfOutput(output: string): ReportFormat {
  const named = EXTENSION_FORMATS.find(([pattern]) => pattern.test(output))?.[1];
  if (named) return named;
  if (!/\.[^./\\]+$/.test(output)) return "text";
  throw new InputError(
    `--output ${output}: the extension names no report format (.json, .sarif, .xml for JUnit, .md, .txt): give --format`,
  );
}

/**
 * Pairs the n-th `--format` with the n-th `--output`; formats left without an output go to standard output. Without
 * any `--format`, each output takes the format its extension names (`-o report.json` writes JSON). An output without
 * a format to pair with is otherwise a usage error, never a silent text report.
 */
export function pairReports(formats: readonly ReportFormat[], outputs: readonly string[]): ReportTarget[] {
  if (formats.length === 0) return outputs.map((output) => ({ format: formatOfOutput(output), output }));
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
