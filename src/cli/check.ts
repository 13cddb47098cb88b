import { relative, sep } from "node:path";
import { type Discovery, discover, InputError } from "../adapters/fs/discovery.js";
import type { ExtractionCache } from "../adapters/fs/extraction-cache.js";
import type { ReportInput } from "../adapters/report/report-model.js";
import type { Analyzer, Dialect, Severity } from "../domain/index.js";
import { type FailOn, failsAt, isRuleSelected, runAnalysis } from "../services/engine.js";
import { deliverReports } from "./deliver-reports.js";
import { type CachedExtraction, extractProject } from "./extract-project.js";
import { type ReportTarget, validateReports } from "./report-targets.js";

export type { ReportTarget };

export interface CheckOptions {
  readonly paths: readonly string[];
  /** The reports to write (see `pairReports`); none means the text report on standard output. */
  readonly reports: readonly ReportTarget[];
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
  /** Running as a GitHub Actions step (GITHUB_ACTIONS=true): annotations are printed besides the reports asked for. */
  readonly githubActions?: boolean;
  /** GITHUB_STEP_SUMMARY: the file the markdown report is appended to. */
  readonly stepSummary?: string;
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
  const reports: readonly ReportTarget[] = options.reports.length > 0 ? options.reports : [{ format: "text" }];
  validateReports(reports, environment.cwd);
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
  const selection = { select: options.select, ignore: options.ignore, severity: new Map<string, Severity>() };
  const result = runAnalysis({
    revisions,
    envFiles,
    options: {
      dialect,
      postgresVersion: options.postgresVersion ?? 16,
      ...(options.alembicVersion ? { alembicVersion: options.alembicVersion } : {}),
    },
    analyzers: environment.analyzers,
    selection,
  });
  const rules = environment.analyzers
    .map((analyzer) => analyzer.meta)
    .filter((meta) => isRuleSelected(meta.name, selection));
  // The verdict is decided here, once, and every report shows the same one.
  const failsGate = failsAt(result.findings, options.failOn);
  const input: ReportInput = {
    tool: { name: "migragate", version: environment.version },
    dialect,
    result,
    revisions,
    envFiles,
    skipped,
    sources,
    rules,
    gate: { failOn: options.failOn, passed: failed.length === 0 && !failsGate },
  };
  deliverReports(input, reports, environment);
  // A gate cannot pass over a file it could not read: the report names it, and the run ends as an input error.
  if (failed.length > 0) {
    const names = failed.map((file) => file.file).join(", ");
    environment.stderr(`migragate: ${failed.length} file(s) could not be analysed (see the report): ${names}\n`);
    return 2;
  }
  return failsGate ? 1 : 0;
}
