import { writeFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { setFlagsFromString } from "node:v8";
import { discover, InputError, readText } from "../adapters/fs/discovery.js";
import { EnvExtractor } from "../adapters/python/env-extractor.js";
import { loadPythonParser } from "../adapters/python/python-parser.js";
import { JsonReporter } from "../adapters/report/json-report.js";
import type { Reporter } from "../adapters/report/report-model.js";
import { TextReporter } from "../adapters/report/text-report.js";
import type { Analyzer, Dialect, EnvFile, Severity } from "../domain/index.js";
import { type FailOn, failsAt, runAnalysis } from "../services/engine.js";
import { extractInParallel } from "./parallel-extraction.js";

const TIERING_MIN_BYTES = 300_000;

export type ReportFormat = "text" | "json";

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly output?: string;
  readonly select: readonly string[];
  readonly ignore: readonly string[];
  readonly failOn: FailOn;
  readonly dialect?: Dialect;
  readonly alembicVersion?: string;
}

export interface CheckEnvironment {
  readonly cwd: string;
  readonly analyzers: readonly Analyzer[];
  readonly version: string;
  readonly color: boolean;
  readonly stdout: (text: string) => void;
  /** The bundled extraction worker, to spread large histories over the cores; none means one thread. */
  readonly workerScript?: URL;
  /** Threads that may extract at once, this one included (default: one per core). */
  readonly threads?: number;
}

function displayPath(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute) || absolute;
  return sep === "/" ? path : path.split(sep).join("/");
}

function validateRules(names: readonly string[], analyzers: readonly Analyzer[], flag: string): void {
  const known = new Set(analyzers.map((analyzer) => analyzer.meta.name));
  for (const name of names) {
    if (!known.has(name)) throw new InputError(`${flag}: unknown rule "${name}" (see \`migragate rules\`)`);
  }
}

/** The `check` command: discover, extract, analyse, report. Returns the exit code. */
export async function runCheck(options: CheckOptions, environment: CheckEnvironment): Promise<number> {
  validateRules(options.select, environment.analyzers, "--select");
  validateRules(options.ignore, environment.analyzers, "--ignore");
  const found = discover(options.paths, environment.cwd);
  const sources = found.revisionFiles.map((absolute) => ({
    file: displayPath(environment.cwd, absolute),
    text: readText(absolute).replace(/^\uFEFF/, ""),
  }));
  const bytes = sources.reduce((total, source) => total + source.text.length, 0);
  // Small inputs: baseline-compiled WASM is ready at once, and skipping the optimising tier spares the ~80 ms its
  // background recompilation of libpg-query adds before the process can exit. Large inputs: the optimised tier
  // parses Python about 40% faster, which pays for itself.
  if (bytes < TIERING_MIN_BYTES) setFlagsFromString("--liftoff-only");
  const parser = await loadPythonParser();
  const dialect = options.dialect ?? found.dialectHint ?? "postgresql";
  const { revisions, skipped } = await extractInParallel(
    sources,
    parser,
    dialect,
    environment.workerScript,
    environment.threads,
  );
  const envExtractor = new EnvExtractor(parser);
  const sourceTexts = new Map(sources.map((source) => [source.file, source.text]));
  const envFiles: EnvFile[] = found.envFiles.map((absolute) => {
    const file = displayPath(environment.cwd, absolute);
    const text = readText(absolute).replace(/^\uFEFF/, "");
    sourceTexts.set(file, text);
    return envExtractor.extract(file, text);
  });
  const result = runAnalysis({
    revisions,
    envFiles,
    options: { dialect, ...(options.alembicVersion ? { alembicVersion: options.alembicVersion } : {}) },
    analyzers: environment.analyzers,
    selection: { select: options.select, ignore: options.ignore, severity: new Map<string, Severity>() },
  });
  const reporter: Reporter =
    options.format === "json" ? new JsonReporter() : new TextReporter(environment.color && !options.output);
  const rendered = reporter.render({
    tool: { name: "migragate", version: environment.version },
    dialect,
    result,
    revisions,
    envFiles,
    skipped,
    sources: sourceTexts,
  });
  if (options.output) {
    try {
      writeFileSync(options.output, rendered);
    } catch (error) {
      throw new InputError(
        `${options.output}: cannot write report (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
  } else environment.stdout(rendered);
  return failsAt(result.findings, options.failOn) ? 1 : 0;
}
