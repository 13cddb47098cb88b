import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import type { Parser } from "web-tree-sitter";
import type { Discovery } from "../adapters/fs/discovery.js";
import { readText } from "../adapters/fs/discovery.js";
import type { ExtractionCache } from "../adapters/fs/extraction-cache.js";
import { digestOf } from "../adapters/fs/project-modules.js";
import { EnvExtractor } from "../adapters/python/env-extractor.js";
import type { ModuleRead } from "../adapters/python/helper-modules.js";
import { loadPythonParser } from "../adapters/python/python-parser.js";
import type { SkippedFile } from "../adapters/report/report-model.js";
import { sqlTranslatorProvider } from "../adapters/sql/dialect-translators.js";
import { extractSqlFile, orderSqlFiles } from "../adapters/sql/sql-file-extractor.js";
import type { Dialect, EnvFile, Revision } from "../domain/index.js";
import type { SourceFile } from "./extract-sources.js";
import { extractInParallel } from "./parallel-extraction.js";

/** What one file became: a revision, an env.py, or a reason it was not analysed. */
export type CachedExtraction =
  /** `modules`: the project helper modules the revision read; the entry is stale when one of them changed. */
  | { readonly revision: Revision; readonly modules?: readonly ModuleRead[] }
  | { readonly env: EnvFile }
  | { readonly skipped: SkippedFile };

export interface ProjectExtraction {
  readonly revisions: Revision[];
  readonly envFiles: EnvFile[];
  readonly skipped: SkippedFile[];
  /** Every file read, by report path. */
  readonly sources: Map<string, string>;
  /** The project helper modules each revision read, by the revision's report path. */
  readonly modulesRead: ReadonlyMap<string, readonly ModuleRead[]>;
}

export interface ExtractionSettings {
  readonly dialect: Dialect;
  /** The working folder: helper modules are shown relative to it. */
  readonly cwd?: string;
  readonly displayPath: (absolute: string) => string;
  readonly cache?: ExtractionCache<CachedExtraction>;
  readonly workerScript?: URL;
  readonly threads?: number;
}

/** Below this much Python the optimising WASM tier costs more than it saves. */
const TIERING_MIN_BYTES = 300_000;

function read(paths: readonly string[], displayPath: (absolute: string) => string): SourceFile[] {
  return paths.map((absolute) => ({
    file: displayPath(absolute),
    path: absolute,
    text: readText(absolute).replace(/^\uFEFF/, ""),
  }));
}

/** A cached revision is valid only while every helper module it read is unchanged. */
function modulesUnchanged(entry: CachedExtraction): boolean {
  if (!("revision" in entry) || !entry.modules) return true;
  return entry.modules.every((module) => {
    try {
      return digestOf(readFileSync(module.path, "utf8").replace(/^\uFEFF/, "")) === module.digest;
    } catch {
      return false;
    }
  });
}

/**
 * Reads every discovered file and extracts it, reusing the cache for unchanged files; tree-sitter is loaded only
 * when some file is not cached.
 */
export async function extractProject(found: Discovery, settings: ExtractionSettings): Promise<ProjectExtraction> {
  const { cache, dialect } = settings;
  const revisionSources = read(found.revisionFiles, settings.displayPath);
  const envSources = read(found.envFiles, settings.displayPath);
  const keyOf = (kind: string, source: SourceFile) => cache?.key(kind, dialect, source.file, source.text) ?? "";
  const cached = new Map<string, CachedExtraction>();
  for (const source of revisionSources) {
    const hit = cache?.get(keyOf("revision", source));
    if (hit && modulesUnchanged(hit)) cached.set(source.file, hit);
  }
  for (const source of envSources) {
    const hit = cache?.get(keyOf("env", source));
    if (hit) cached.set(source.file, hit);
  }
  const missingRevisions = revisionSources.filter((source) => !cached.has(source.file));
  const missingEnv = envSources.filter((source) => !cached.has(source.file));
  if (missingRevisions.length > 0 || missingEnv.length > 0) {
    const bytes = missingRevisions.reduce((total, source) => total + source.text.length, 0);
    // Small inputs: baseline-compiled WASM is ready at once, and skipping the optimising tier spares the ~80 ms its
    // background recompilation of libpg-query adds before the process can exit. Large inputs: the optimised tier
    // parses Python about 40% faster, which pays for itself.
    if (bytes < TIERING_MIN_BYTES) setFlagsFromString("--liftoff-only");
    const parser: Parser = await loadPythonParser();
    const fresh = await extractInParallel(
      missingRevisions,
      parser,
      dialect,
      settings.workerScript,
      settings.threads,
      settings.cwd,
    );
    for (const revision of fresh.revisions) {
      const modules = fresh.modulesRead[revision.file];
      cached.set(revision.file, modules ? { revision, modules } : { revision });
    }
    for (const skipped of fresh.skipped) cached.set(skipped.file, { skipped });
    const envExtractor = new EnvExtractor(parser);
    for (const source of missingEnv) cached.set(source.file, { env: envExtractor.extract(source.file, source.text) });
    for (const source of missingRevisions) {
      const entry = cached.get(source.file);
      if (entry) cache?.set(keyOf("revision", source), entry);
    }
    for (const source of missingEnv) {
      const entry = cached.get(source.file);
      if (entry) cache?.set(keyOf("env", source), entry);
    }
  }
  cache?.save();
  const revisions: Revision[] = [];
  const envFiles: EnvFile[] = [];
  const skipped: SkippedFile[] = [];
  const modulesRead = new Map<string, readonly ModuleRead[]>();
  for (const source of [...revisionSources, ...envSources]) {
    const entry = cached.get(source.file);
    if (!entry) continue;
    if ("revision" in entry && entry.modules) modulesRead.set(source.file, entry.modules);
    if ("revision" in entry) revisions.push(entry.revision);
    else if ("env" in entry) envFiles.push(entry.env);
    else skipped.push(entry.skipped);
  }
  const sqlSources = read(found.sqlFiles, settings.displayPath);
  if (sqlSources.length > 0) revisions.push(...(await extractSqlMigrations(sqlSources, dialect, skipped)));
  const sources = new Map(
    [...revisionSources, ...envSources, ...sqlSources].map((source) => [source.file, source.text]),
  );
  return { revisions, envFiles, skipped, sources, modulesRead };
}

/** Plain SQL migrations, each one revision following the file before it by name; parsed every run (it is cheap). */
export async function extractSqlMigrations(
  sources: readonly SourceFile[],
  dialect: Dialect,
  skipped: SkippedFile[],
): Promise<Revision[]> {
  const translators = sqlTranslatorProvider(dialect);
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
