import { writeFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { type Discovery, discover, InputError } from "../adapters/fs/discovery.js";
import type { ExtractionCache } from "../adapters/fs/extraction-cache.js";
import { JsonReporter } from "../adapters/report/json-report.js";
import type { Reporter } from "../adapters/report/report-model.js";
import { TextReporter } from "../adapters/report/text-report.js";
import type { Analyzer, Dialect, Severity } from "../domain/index.js";
import { type FailOn, failsAt, runAnalysis } from "../services/engine.js";
import { type CachedExtraction, extractProject } from "./extract-project.js";

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
  readonly postgresVersion?: number;
}

export interface CheckEnvironment {
  readonly cwd: string;
  readonly analyzers: readonly Analyzer[];
  readonly version: string;
  readonly color: boolean;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The bundled extraction worker, to spread large histories over the cores; none means one thread. */
  readonly workerScript?: URL;
  /** Threads that may extract at once, this one included (default: one per core). */
  readonly threads?: number;
  /** Opens the extraction cache for what was discovered; none means every file is parsed. */
  readonly cache?: (found: Discovery) => ExtractionCache<CachedExtraction>;
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
  const dialect = options.dialect ?? found.dialectHint ?? "postgresql";
  const { revisions, envFiles, skipped, sources } = await extractProject(found, {
    dialect,
    displayPath: (absolute) => displayPath(environment.cwd, absolute),
    ...(environment.cache ? { cache: environment.cache(found) } : {}),
    ...(environment.workerScript ? { workerScript: environment.workerScript } : {}),
    ...(environment.threads ? { threads: environment.threads } : {}),
  });
  const failed = skipped.filter((file) => file.failed);
  if (revisions.length === 0 && failed.length === 0) {
    const where = options.paths.length > 0 ? options.paths.join(", ") : ".";
    throw new InputError(`${where}: none of the ${skipped.length} Python files found is an Alembic revision`);
  }
  const result = runAnalysis({
    revisions,
    envFiles,
    options: {
      dialect,
      postgresVersion: options.postgresVersion ?? 16,
      ...(options.alembicVersion ? { alembicVersion: options.alembicVersion } : {}),
    },
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
    sources,
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
  // A gate cannot pass over a file it could not read: the report names it, and the run ends as an input error.
  if (failed.length > 0) {
    const names = failed.map((file) => file.file).join(", ");
    environment.stderr(`migragate: ${failed.length} file(s) could not be analysed (see the report): ${names}\n`);
    return 2;
  }
  return failsAt(result.findings, options.failOn) ? 1 : 0;
}
