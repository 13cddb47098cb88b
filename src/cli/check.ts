import { realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { Glob } from "../adapters/config/glob.js";
import { type Discovery, discover, InputError } from "../adapters/fs/discovery.js";
import type { ExtractionCache } from "../adapters/fs/extraction-cache.js";
import type { ReportInput, SkippedFile } from "../adapters/report/report-model.js";
import type { Analyzer } from "../domain/index.js";
import { failsAt, isRuleSelected, runAnalysis } from "../services/engine.js";
import { opaqueUnderReview, someOpaque } from "../services/opaque.js";
import { ReviewError, type ReviewRequest } from "../services/review.js";
import { deliverReports } from "./deliver-reports.js";
import { displayPath } from "./display-path.js";
import { type CachedExtraction, extractionThreads, extractProject } from "./extract-project.js";
import type { ExtractionThreads } from "./extraction-pool.js";
import { type ReportTarget, validateReports } from "./report-targets.js";
import { type CommandLineSettings, type RunSettings, resolveSettings } from "./settings.js";

export type { ReportTarget };

export interface CheckOptions extends CommandLineSettings {
  /** The reports to write (see `pairReports`); none means the text report on standard output. */
  readonly reports: readonly ReportTarget[];
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

/** Drops the files the config's `exclude` globs match; each is named in the report with the pattern. */
function applyExclude(
  found: Discovery,
  settings: RunSettings,
  cwd: string,
): { found: Discovery; excluded: SkippedFile[] } {
  const root = settings.configFile?.root;
  if (!root || settings.exclude.length === 0) return { found, excluded: [] };
  const globs = settings.exclude.map((pattern) => new Glob(pattern));
  const excluded: SkippedFile[] = [];
  const keep = (absolute: string) => {
    const path = relative(root, absolute).split(sep).join("/");
    const match = globs.find((glob) => glob.matches(path));
    if (match)
      excluded.push({ file: displayPath(cwd, absolute), reason: `excluded by "${match.pattern}" in the config` });
    return !match;
  };
  return {
    found: { ...found, revisionFiles: found.revisionFiles.filter(keep), envFiles: found.envFiles.filter(keep) },
    excluded,
  };
}

/** What the run judges: files added since a git revision, a release after a revision, legacy up to a revision. */
async function reviewRequest(
  settings: RunSettings,
  found: Discovery,
  cwd: string,
  paths: readonly string[],
): Promise<ReviewRequest> {
  const request: { -readonly [K in keyof ReviewRequest]: ReviewRequest[K] } = {};
  if (settings.releaseAfter !== undefined) request.releaseAfter = settings.releaseAfter;
  if (settings.startAfter !== undefined) request.startAfter = settings.startAfter;
  if (settings.since === undefined) return request;
  const { changesSince } = await import("../adapters/git/changes-since.js");
  // Each analysed path may live in its own repository (or folder of one): the change is the union.
  const added = new Set<string>();
  const changed = new Set<string>();
  for (const path of paths.length > 0 ? paths : [cwd]) {
    const changes = changesSince(settings.since, resolve(cwd, path), path);
    for (const file of changes.added) added.add(file);
    for (const file of changes.changed) changed.add(file);
  }
  const matching = (files: readonly string[], set: ReadonlySet<string>) =>
    new Set(files.filter((file) => set.has(realpathSync(file))).map((file) => displayPath(cwd, file)));
  request.addedFiles = matching([...found.revisionFiles, ...found.sqlFiles], added);
  request.changedFiles = matching([...found.revisionFiles, ...found.sqlFiles, ...found.envFiles], changed);
  return request;
}

/** The `check` command: discover, extract, analyse, report. Returns the exit code. */
export async function runCheck(options: CheckOptions, environment: CheckEnvironment): Promise<number> {
  const reports: readonly ReportTarget[] = options.reports.length > 0 ? options.reports : [{ format: "text" }];
  validateReports(reports, environment.cwd);
  // Without a cache every file is parsed: a first extraction thread loads its parsers while settings are resolved
  // and files are found and read. With one, it starts once the cache turns out to be empty.
  const threads = environment.workerScript
    ? extractionThreads(environment.workerScript, environment.cache === undefined)
    : undefined;
  try {
    return await check(options, environment, reports, threads);
  } finally {
    threads?.close();
  }
}

async function check(
  options: CheckOptions,
  environment: CheckEnvironment,
  reports: readonly ReportTarget[],
  threads: ExtractionThreads | undefined,
): Promise<number> {
  const settings = await resolveSettings(options, environment.analyzers, environment.cwd);
  const discovered = discover(options.paths, environment.cwd);
  const { found, excluded } = applyExclude(discovered, settings, environment.cwd);
  const dialect = settings.dialect ?? found.dialectHint ?? "postgresql";
  const cache = environment.cache?.(found);
  if (cache?.isEmpty()) threads?.prestart();
  const extraction = await extractProject(found, {
    dialect,
    limits: settings.fileLimits,
    cwd: environment.cwd,
    displayPath: (absolute) => displayPath(environment.cwd, absolute),
    ...(cache ? { cache } : {}),
    ...(threads ? { extractionThreads: threads } : {}),
    ...(environment.threads ? { threads: environment.threads } : {}),
  });
  const { revisions, envFiles, sources } = extraction;
  const skipped = [...extraction.skipped, ...excluded];
  const failed = skipped.filter((file) => file.failed);
  if (revisions.length === 0 && failed.length === 0) {
    const where = options.paths.length > 0 ? options.paths.join(", ") : ".";
    const read = extraction.skipped.length;
    throw new InputError(
      excluded.length > 0 && read === 0
        ? `${where}: the config's exclude patterns leave no file to analyse (${excluded.length} excluded)`
        : `${where}: none of the ${read} Python files found is an Alembic revision` +
            (excluded.length > 0 ? ` (${excluded.length} more excluded by the config)` : ""),
    );
  }
  const review = await reviewRequest(settings, found, environment.cwd, options.paths);
  const selection = { enabled: settings.rules, severity: settings.severity };
  let result: ReturnType<typeof runAnalysis>;
  try {
    result = runAnalysis({
      revisions,
      envFiles,
      options: {
        dialect,
        postgresVersion: settings.postgresVersion,
        sqlFilesInTransaction: settings.assumeInTransaction,
        ...(settings.alembicVersion ? { alembicVersion: settings.alembicVersion } : {}),
      },
      analyzers: environment.analyzers,
      selection,
      review,
    });
  } catch (error) {
    if (error instanceof ReviewError) throw new InputError(error.message);
    throw error;
  }
  const rules = environment.analyzers
    .map((analyzer) => analyzer.meta)
    .filter((meta) => isRuleSelected(meta.name, selection));
  // The verdict is decided here, once, and every report shows the same one.
  const opaque = settings.failOnOpaque ? opaqueUnderReview(result) : [];
  const failsGate = failsAt(result.findings, settings.failOn) || opaque.length > 0;
  const input: ReportInput = {
    tool: { name: "migragate", version: environment.version },
    dialect,
    result,
    revisions,
    envFiles,
    skipped,
    sources,
    rules,
    gate: {
      failOn: settings.failOn,
      passed: failed.length === 0 && !failsGate,
      ...(opaque.length > 0 ? { opaque: opaque.length } : {}),
    },
  };
  await deliverReports(input, reports, environment);
  // A gate cannot pass over a file it could not read: the report names it, and the run ends as an input error.
  if (failed.length > 0) {
    const names = failed.map((file) => file.file).join(", ");
    environment.stderr(`migragate: ${failed.length} file(s) could not be analysed (see the report): ${names}\n`);
    return 2;
  }
  if (opaque.length > 0) {
    environment.stderr(
      `migragate: ${opaque.length} opaque operation(s) under review fail the gate (fail-on-opaque): ${someOpaque(opaque)}\n`,
    );
  }
  return failsGate ? 1 : 0;
}
