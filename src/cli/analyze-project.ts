import { realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { Glob } from "../adapters/config/glob.js";
import { type Discovery, discover, InputError } from "../adapters/fs/discovery.js";
import type { ExtractionCache } from "../adapters/fs/extraction-cache.js";
import type { GitChanges } from "../adapters/git/changes-since.js";
import type { SkippedFile } from "../adapters/report/report-model.js";
import type {
  AnalysisResult,
  Analyzer,
  ChangeUnderReview,
  Dialect,
  DialectDecision,
  EnvFile,
  HistoryDialect,
  ReadingDialect,
  Revision,
} from "../domain/index.js";
import { decideDialect, historyDialects } from "../services/dialect-decision.js";
import { type RuleSelection, runAnalysis } from "../services/engine.js";
import { ReviewError, type ReviewRequest } from "../services/review.js";
import { dialectInputs } from "./dialect-evidence.js";
import { displayPath } from "./display-path.js";
import {
  type CachedExtraction,
  extractProject,
  type ProjectExtraction,
  readProject,
  readRevisionSources,
} from "./extract-project.js";
import { type ExtractionThreads, extractionThreads } from "./extraction-pool.js";
import { type CommandLineSettings, type RunSettings, resolveSettings } from "./settings.js";

/** What reading and analysing a project needs from the process: where it runs, the rules, threads and cache. */
export interface AnalysisEnvironment {
  readonly cwd: string;
  readonly analyzers: readonly Analyzer[];
  /**
   * The bundled extraction worker: files are parsed in worker threads, each within its time and memory budget.
   * Without it (running from sources) files are parsed on the main thread, without budgets.
   */
  readonly workerScript?: URL;
  /** Threads that may extract at once (default: by input size, one per core). */
  readonly threads?: number;
  /** Extraction threads the entry started before the CLI loaded (for the bundled worker script); closed here. */
  readonly prestarted?: ExtractionThreads;
  /** Opens the extraction cache for what was discovered; none means every file is parsed. */
  readonly cache?: (found: Discovery) => ExtractionCache<CachedExtraction>;
}

/** A project read and analysed: what `check` reports and what `plan` orders. */
export interface ProjectAnalysis {
  readonly settings: RunSettings;
  readonly dialect: Dialect;
  /** How the dialect was decided, for the run and per history (in `result.histories` order). */
  readonly dialects: { readonly run: DialectDecision; readonly histories: readonly HistoryDialect[] };
  /** The configuration files read, as report paths: migragate's own, and the Alembic configurations. */
  readonly configFiles: { readonly migragate?: string; readonly alembic: readonly string[] };
  readonly revisions: readonly Revision[];
  readonly envFiles: readonly EnvFile[];
  /** The text of every analysed file by its report path. */
  readonly sources: ReadonlyMap<string, string>;
  /** Files not analysed as revisions, those the config's `exclude` dropped included. */
  readonly skipped: readonly SkippedFile[];
  /** The skipped files migragate failed on: a run cannot vouch for them. */
  readonly failed: readonly SkippedFile[];
  readonly selection: RuleSelection;
  readonly result: AnalysisResult;
  /** `--since`: what the change did to revisions that existed before it (what revision-edited judges). */
  readonly changeUnderReview?: ChangeUnderReview;
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

/** The changes two analysed folders of one repository saw, as one. */
function mergeChanges(a: GitChanges, b: GitChanges): GitChanges {
  return {
    ...a,
    added: new Set([...a.added, ...b.added]),
    changed: new Set([...a.changed, ...b.changed]),
    modified: new Map([...a.modified, ...b.modified]),
    deleted: [...new Set([...a.deleted, ...b.deleted])],
  };
}

/**
 * What the run judges: files added (or revisions edited) since a git revision, a release after a revision, legacy up
 * to a revision.
 */
async function reviewRequest(
  settings: RunSettings,
  found: Discovery,
  cwd: string,
  paths: readonly string[],
  extraction: ProjectExtraction,
  reading: ReadingDialect,
): Promise<ReviewRequest> {
  const request: { -readonly [K in keyof ReviewRequest]: ReviewRequest[K] } = {};
  if (found.focus) request.focusFiles = new Set([...found.focus].map((file) => displayPath(cwd, file)));
  if (settings.releaseAfter !== undefined) request.releaseAfter = settings.releaseAfter;
  if (settings.startAfter !== undefined) request.startAfter = settings.startAfter;
  if (settings.since === undefined) return request;
  const { changesSince } = await import("../adapters/git/changes-since.js");
  // Each analysed path may live in its own repository (or folder of one): the change is the union.
  const added = new Set<string>();
  const changed = new Set<string>();
  const repositories = new Map<string, GitChanges>();
  for (const path of paths.length > 0 ? paths : [cwd]) {
    const changes = changesSince(settings.since, resolve(cwd, path), path);
    for (const file of changes.added) added.add(file);
    for (const file of changes.changed) changed.add(file);
    // Two paths in one repository each see the diff within their own folder: together, the union.
    const known = repositories.get(changes.root);
    repositories.set(changes.root, known ? mergeChanges(known, changes) : changes);
  }
  const matching = (files: readonly string[], set: ReadonlySet<string>) =>
    new Set(files.filter((file) => set.has(realpathSync(file))).map((file) => displayPath(cwd, file)));
  request.addedFiles = matching([...found.revisionFiles, ...found.sqlFiles], added);
  request.changedFiles = matching([...found.revisionFiles, ...found.sqlFiles, ...found.envFiles], changed);
  const { findRevisionChanges } = await import("./revision-changes.js");
  const facts = await findRevisionChanges({
    since: settings.since,
    git: [...repositories.values()],
    revisions: extraction.revisions,
    paths: new Map([...found.revisionFiles, ...found.sqlFiles].map((file) => [displayPath(cwd, file), file])),
    sources: extraction.sources,
    modulesRead: extraction.modulesRead,
    reading,
    displayPath: (absolute) => displayPath(cwd, absolute),
  });
  request.editedFiles = facts.editedFiles;
  request.changeUnderReview = facts.changeUnderReview;
  return request;
}

/**
 * Settings, discovery, extraction and analysis, as `check` and `plan` share them: the same config, discovery,
 * dialect and release rules. `rulesFor` picks the rules that run (default: the ones the settings enable); the
 * severity of each is always the settings'. Throws InputError for bad input.
 */
export async function analyzeProject(
  options: CommandLineSettings,
  environment: AnalysisEnvironment,
  rulesFor: (settings: RunSettings) => ReadonlySet<string> = (settings) => settings.rules,
  checkSettings: (settings: RunSettings) => void = () => {},
): Promise<ProjectAnalysis> {
  // Without a cache every file is parsed: a first extraction thread loads its code while settings are resolved
  // and files are found and read. With one, it starts once the cache turns out to be empty.
  const threads =
    environment.prestarted ??
    (environment.workerScript
      ? extractionThreads(environment.workerScript, environment.cache === undefined)
      : undefined);
  try {
    return await analyze(options, environment, threads, rulesFor, checkSettings);
  } finally {
    threads?.close();
  }
}

async function analyze(
  options: CommandLineSettings,
  environment: AnalysisEnvironment,
  threads: ExtractionThreads | undefined,
  rulesFor: (settings: RunSettings) => ReadonlySet<string>,
  checkSettings: (settings: RunSettings) => void,
): Promise<ProjectAnalysis> {
  const settings = await resolveSettings(options, environment.analyzers, environment.cwd);
  checkSettings(settings);
  const discovered = await discover(options.paths, environment.cwd);
  const { found, excluded } = applyExclude(discovered, settings, environment.cwd);
  const show = (absolute: string) => displayPath(environment.cwd, absolute);
  const start = resolve(environment.cwd, options.paths[0] ?? ".");
  const files = readProject(found, { limits: settings.fileLimits, displayPath: show });
  const dialectDecision = decideDialect(
    dialectInputs(settings, found.alembicConfigs, start, show, readRevisionSources(files)),
  );
  const dialect = dialectDecision.dialect;
  // Given on the command line or in the config, the dialect is the user's word, over a `versions/<dialect>/` folder.
  const dialectForced = dialectDecision.source === "flag" || dialectDecision.source === "config";
  const cache = environment.cache?.(found);
  if (cache?.isEmpty()) threads?.prestart();
  const extraction = await extractProject(found, files, {
    dialect,
    dialectForced,
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
  const review = await reviewRequest(settings, found, environment.cwd, options.paths, extraction, {
    dialect,
    forced: dialectForced,
  });
  const selection: RuleSelection = { enabled: rulesFor(settings), severity: settings.severity };
  let result: AnalysisResult;
  try {
    result = runAnalysis({
      revisions,
      envFiles,
      options: {
        dialect,
        dialectForced,
        postgresVersion: settings.postgresVersion,
        sqlFilesInTransaction: settings.assumeInTransaction,
        ...(settings.alembicVersion ? { alembicVersion: settings.alembicVersion } : {}),
      },
      analyzers: environment.analyzers,
      selection,
      review,
      unanalysedFiles: failed.map(({ file, declares }) => (declares === undefined ? { file } : { file, declares })),
    });
  } catch (error) {
    if (error instanceof ReviewError) throw new InputError(error.message);
    throw error;
  }
  return {
    settings,
    dialect,
    dialects: { run: dialectDecision, histories: historyDialects(result.histories, dialectDecision) },
    configFiles: {
      ...(settings.configFile ? { migragate: show(settings.configFile.file) } : {}),
      alembic: [...new Set(found.alembicConfigs.map((config) => show(config.file)))],
    },
    revisions,
    envFiles,
    sources,
    skipped,
    failed,
    selection,
    result,
    ...(review.changeUnderReview ? { changeUnderReview: review.changeUnderReview } : {}),
  };
}
