import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import type { Discovery } from "../adapters/fs/discovery.js";
import type { ExtractionCache } from "../adapters/fs/extraction-cache.js";
import { moduleDigest, ProjectModules } from "../adapters/fs/project-modules.js";
import { readRegularFile } from "../adapters/fs/safe-read.js";
import type { ModuleRead } from "../adapters/python/helper-modules.js";
import type { SkippedFile } from "../adapters/report/report-model.js";
import { orderSqlFiles } from "../adapters/sql/sql-file-order.js";
import type { Dialect, EnvFile, ReadingDialect, Revision } from "../domain/index.js";
import type { CachedExtraction, ExtractionJob, SourceFile } from "./extract-sources.js";
import type { ExtractionThreads } from "./extraction-pool.js";

export type { CachedExtraction };

export interface ProjectExtraction {
  readonly revisions: Revision[];
  readonly envFiles: EnvFile[];
  /** Files not analysed, in the order they were found: not revisions, unreadable, or failed. */
  readonly skipped: SkippedFile[];
  /** Every file read, by report path. */
  readonly sources: Map<string, string>;
  /** The project helper modules each revision read, by the revision's report path. */
  readonly modulesRead: ReadonlyMap<string, readonly ModuleRead[]>;
}

/** The limits of one file; each has a config key. */
export interface FileLimits {
  /** Larger files are not read (`max-file-size`). */
  readonly maxBytes: number;
  /** The time the extraction of one file may take (`file-time-limit`), in milliseconds. */
  readonly timeMs: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = { maxBytes: 5_000_000, timeMs: 5_000 };

export interface ExtractionSettings {
  readonly dialect: Dialect;
  /** `--dialect` or the config gave the dialect: it overrules `versions/<dialect>/` folders too. */
  readonly dialectForced?: boolean;
  /** The working folder: helper modules are shown relative to it. */
  readonly cwd?: string;
  readonly displayPath: (absolute: string) => string;
  readonly limits?: FileLimits;
  readonly cache?: ExtractionCache<CachedExtraction>;
  /** Extraction threads (`extractionThreads`); without them (running from sources) files are extracted here. */
  readonly extractionThreads?: ExtractionThreads;
  /** Threads that may extract at once (MIGRAGATE_THREADS); default: by input size, one per core. */
  readonly threads?: number;
}

/**
 * Below this much Python for each thread the optimising WASM tier costs more than it saves. Measured on 2 cores
 * (2026-12, the parsers compiled under the flag, generated histories, cold, one thread): baseline-only took 15% less
 * time at 0.9 MB (300 revisions), but at 2.9 MB (1,000) 4% more wall time than the optimising tier (medians of 12
 * alternating runs, 2.37 s against 2.27 s) for 6% less CPU: the crossover lies between, so the flag stops at 1.5 MB.
 * Each thread tiers up on its own: on two threads, 2.9 MB (1.45 MB each) took 2-4% less with baseline-only (1,000
 * generated revisions 2239 -> 2189 ms, the 18 public histories 2323 -> 2234 ms, medians of 7). The bench's floor
 * (scripts/bench/floor.mjs, one thread) makes the same choice: keep the two equal.
 */
const TIERING_MIN_BYTES = 1_500_000;
/**
 * A thread pays for its own start and warm-up (its code, the WASM parsers, the JIT: ~0.15 s), so each is given at
 * least this much Python. Measured on 2 cores, cold, medians of 7 to 9 alternating runs, after the walker read trees
 * through SyntaxNode (2026-12-06): a second thread saved nothing on prefect (0.59 MB: 804 against 806 ms), 7% on two
 * histories of 1.07 MB in one run, 7% at 1.8 MB, 7% on the 18 public histories (2.9 MB) and 9% on 1,000 generated
 * revisions (3 MB), for 0 to 15 MB more memory. With MIGRAGATE_THREADS set, from 400 kB.
 */
const BYTES_PER_THREAD = 750_000;
const REQUESTED_PARALLEL_MIN_BYTES = 400_000;
const MAX_THREADS = 4;

function threadCount(bytes: number, requested: number | undefined): number {
  if (requested !== undefined)
    return bytes < REQUESTED_PARALLEL_MIN_BYTES ? 1 : Math.max(1, Math.min(requested, MAX_THREADS));
  return Math.max(1, Math.min(Math.floor(bytes / BYTES_PER_THREAD), availableParallelism(), MAX_THREADS));
}

/** Reads files safely: what cannot be read (not a regular file, too large, a link out of the project) is named. */
function readAll(
  paths: readonly string[],
  found: Discovery,
  settings: Pick<ExtractionSettings, "displayPath">,
  limits: FileLimits,
): ReadEntry[] {
  return paths.map((absolute) => {
    const file = settings.displayPath(absolute);
    const read = readRegularFile(absolute, {
      maxBytes: limits.maxBytes,
      limitName: '"max-file-size" in the config',
      within: found.roots,
    });
    if (read.problem !== undefined) return { skipped: { file, reason: read.problem, failed: true } };
    return { file, path: absolute, text: read.text.replace(/^\uFEFF/, "") };
  });
}

/**
 * Whether a cached revision still reads as it did: every helper module it read unchanged, every module it looked for
 * and did not find still missing. Each module is read, and each look-up made, once a run however many revisions share
 * it (most revisions of a project read the same few helpers).
 */
class CachedModules {
  private readonly digests = new Map<string, string | undefined>();
  private readonly lookups = new ProjectModules();

  unchanged(entry: CachedExtraction): boolean {
    if (!("revision" in entry)) return true;
    return (
      (entry.modules ?? []).every((module) => this.digest(module.path) === module.digest) &&
      (entry.missing ?? []).every((lookup) => this.lookups.find(lookup.module, lookup.level, lookup.from) === undefined)
    );
  }

  private digest(path: string): string | undefined {
    if (!this.digests.has(path)) this.digests.set(path, moduleDigest(path));
    return this.digests.get(path);
  }
}

function readingDialect(settings: ExtractionSettings): ReadingDialect {
  return { dialect: settings.dialect, forced: settings.dialectForced ?? false };
}

function isSource(entry: ReadEntry): entry is SourceFile {
  return "text" in entry;
}

type ReadEntry = SourceFile | { readonly skipped: SkippedFile };

/** Every discovered file, read (or named with why it could not be), before anything is extracted. */
export interface ProjectFiles {
  readonly revisions: readonly ReadEntry[];
  readonly envs: readonly ReadEntry[];
  readonly sql: readonly ReadEntry[];
}

/** Reads the discovered files, each safely and within the size limit. */
export function readProject(
  found: Discovery,
  settings: Pick<ExtractionSettings, "limits" | "displayPath">,
): ProjectFiles {
  const limits = settings.limits ?? DEFAULT_FILE_LIMITS;
  return {
    revisions: readAll(found.revisionFiles, found, settings, limits),
    envs: readAll(found.envFiles, found, settings, limits),
    sql: readAll(found.sqlFiles, found, settings, limits),
  };
}

/** The revision files that could be read, with their text. */
export function readRevisionSources(files: ProjectFiles): SourceFile[] {
  return files.revisions.filter(isSource);
}

/**
 * Extracts what the cache does not already hold from the files `readProject` read: in extraction threads, each file
 * within its time and memory budget, when the bundled thread script is there. Plain SQL migrations are extracted
 * every run (it is cheap) and follow each other in file-name order.
 */
export async function extractProject(
  found: Discovery,
  files: ProjectFiles,
  settings: ExtractionSettings,
): Promise<ProjectExtraction> {
  const { cache, dialect } = settings;
  const reading = readingDialect(settings);
  const limits = settings.limits ?? DEFAULT_FILE_LIMITS;
  const { revisions: revisionEntries, envs: envEntries, sql: sqlEntries } = files;
  const keyOf = (kind: string, source: SourceFile) =>
    cache?.key(kind, reading.forced ? `${dialect} (forced)` : dialect, source.file, source.text) ?? "";
  const results = new Map<string, CachedExtraction>();
  const jobs: ExtractionJob[] = [];
  const cachedModules = new CachedModules();
  const queue = (kind: "revision" | "env", entries: readonly ReadEntry[]) => {
    for (const entry of entries) {
      if (!isSource(entry)) continue;
      const hit = cache?.get(keyOf(kind, entry));
      if (hit && cachedModules.unchanged(hit)) results.set(entry.file, hit);
      else jobs.push({ kind, file: entry.file, text: entry.text, ...(entry.path ? { path: entry.path } : {}) });
    }
  };
  queue("revision", revisionEntries);
  queue("env", envEntries);
  const sqlSources = orderSqlFiles(sqlEntries.filter(isSource));
  sqlSources.forEach((source, index) => {
    const previous = sqlSources[index - 1]?.file;
    jobs.push({ kind: "sql", file: source.file, text: source.text, ...(previous ? { previous } : {}) });
  });
  if (jobs.length > 0) {
    const fresh = await extract(jobs, settings, limits);
    jobs.forEach((job, index) => {
      const result = fresh[index];
      if (!result) return;
      results.set(job.file, result);
      // A failure may come from the machine (a time budget on a busy machine): only what a file is gets cached.
      if (job.kind !== "sql" && !("skipped" in result && result.skipped.failed))
        cache?.set(keyOf(job.kind, job), result);
    });
  }
  cache?.save();
  const revisions: Revision[] = [];
  const envFiles: EnvFile[] = [];
  const skipped: SkippedFile[] = [];
  const modulesRead = new Map<string, readonly ModuleRead[]>();
  const sqlOrder = [...sqlSources, ...sqlEntries.filter((entry) => !isSource(entry))];
  for (const entry of [...revisionEntries, ...envEntries, ...sqlOrder]) {
    const result = isSource(entry) ? results.get(entry.file) : entry;
    if (!result) continue;
    if ("revision" in result && result.modules && isSource(entry)) modulesRead.set(entry.file, result.modules);
    if ("revision" in result) revisions.push(result.revision);
    else if ("env" in result) envFiles.push(result.env);
    else skipped.push(result.skipped);
  }
  for (const folder of found.unlisted) {
    skipped.push({ file: settings.displayPath(folder.path), reason: folder.reason, failed: true });
  }
  const sources = new Map(
    [...revisionEntries, ...envEntries, ...sqlSources].filter(isSource).map((source) => [source.file, source.text]),
  );
  return { revisions, envFiles, skipped, sources, modulesRead };
}

async function extract(
  jobs: readonly ExtractionJob[],
  settings: ExtractionSettings,
  limits: FileLimits,
): Promise<CachedExtraction[]> {
  const bytes = jobs.reduce((total, job) => total + job.text.length, 0);
  const reading = readingDialect(settings);
  // Below TIERING_MIN_BYTES a thread, baseline-compiled WASM only: the optimising tier's background recompilation competes
  // with the parse for the cores and costs memory. V8's flags are process-wide: threads get them too, and a thread
  // compiles its parsers only once it is sent the files (extraction-worker.ts), so the flag is in force.
  const threads = settings.extractionThreads ? threadCount(bytes, settings.threads) : 1;
  if (bytes / threads < TIERING_MIN_BYTES) setFlagsFromString("--liftoff-only");
  if (settings.extractionThreads) {
    return settings.extractionThreads.extract(jobs, {
      reading,
      ...(settings.cwd === undefined ? {} : { cwd: settings.cwd }),
      threads,
      fileTimeMs: limits.timeMs,
    });
  }
  // Loaded only here: with extraction threads (the bundled CLI) the main thread never holds the parsers' code.
  const { FileExtractor, projectModules } = await import("./extract-sources.js");
  const { loadPythonParser } = await import("../adapters/python/python-parser.js");
  const modules = settings.cwd === undefined ? undefined : projectModules(settings.cwd);
  const extractor = await FileExtractor.load(loadPythonParser, reading, jobs, modules);
  const results: CachedExtraction[] = [];
  try {
    for (const job of jobs) results.push((await extractor.extract(job)).result);
  } finally {
    extractor.dispose();
  }
  return results;
}

/**
 * Plain SQL migrations, each one revision following the file before it by name, extracted here on the main thread:
 * for `init`, which reads the project's own files to find its baseline (`check` and `plan` extract them in threads).
 */
export async function extractSqlMigrations(
  sources: readonly SourceFile[],
  reading: ReadingDialect,
  skipped: SkippedFile[],
): Promise<Revision[]> {
  const { sqlTranslatorProvider } = await import("../adapters/sql/dialect-translators.js");
  const { extractSqlFile } = await import("../adapters/sql/sql-file-extractor.js");
  const translators = sqlTranslatorProvider(reading);
  const revisions: Revision[] = [];
  let previous: string | undefined;
  for (const source of orderSqlFiles(sources)) {
    try {
      revisions.push(await extractSqlFile({ ...source, ...(previous ? { previous } : {}) }, translators));
    } catch (error) {
      skipped.push({
        file: source.file,
        reason: `migragate failed to analyse this file: ${(error as Error).message}`,
        failed: true,
      });
    }
    previous = source.file;
  }
  return revisions;
}
