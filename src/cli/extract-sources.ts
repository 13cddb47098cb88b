import type { Parser } from "web-tree-sitter";
import type { ModuleSource } from "../adapters/fs/project-modules.js";
import type { ModuleRead } from "../adapters/python/helper-modules.js";
import { RevisionExtractor } from "../adapters/python/revision-extractor.js";
import type { SkippedFile } from "../adapters/report/report-model.js";
import { sqlTranslatorProvider } from "../adapters/sql/dialect-translators.js";
import type { Dialect, Revision } from "../domain/index.js";

export interface SourceFile {
  /** Path as reports show it. */
  readonly file: string;
  /** Absolute path, from which the project's helper modules are found. */
  readonly path?: string;
  readonly text: string;
}

export interface Extraction {
  readonly revisions: Revision[];
  readonly skipped: SkippedFile[];
  /** The project helper modules each revision file read, by report path (for the extraction cache). */
  readonly modulesRead: Record<string, ModuleRead[]>;
}

/** Where helper modules come from, and how their paths are shown. */
export interface ModuleSettings {
  readonly source: ModuleSource;
  readonly displayPath: (absolute: string) => string;
}

const MAY_RUN_SQL = /\.execute\(|exec_driver_sql\(/;

/** Extracts revisions from source files; a file that is not a revision, or that fails, is named with the reason. */
export async function extractSources(
  sources: readonly SourceFile[],
  parser: Parser,
  defaultDialect: Dialect,
  modules?: ModuleSettings,
): Promise<Extraction> {
  const provider = sqlTranslatorProvider(defaultDialect);
  // Compile the SQL parser's WASM while tree-sitter works, when any file looks like it runs SQL.
  if (sources.some((source) => MAY_RUN_SQL.test(source.text))) provider.prefetch(defaultDialect);
  const extractor = new RevisionExtractor(parser, provider, modules);
  const revisions: Revision[] = [];
  const skipped: SkippedFile[] = [];
  // Keyed by file paths: no prototype a path could reach.
  const modulesRead: Record<string, ModuleRead[]> = Object.create(null);
  try {
    for (const { file, text, path } of sources) {
      try {
        const revision = await extractor.extract(file, text, path);
        const read = extractor.modulesRead();
        if (read.length > 0) modulesRead[file] = read;
        if (revision) revisions.push(revision);
        else
          skipped.push({ file, reason: "no `revision` identifier and no upgrade() function: not an Alembic revision" });
      } catch (error) {
        skipped.push({
          file,
          reason: `migragate failed to analyse this file: ${(error as Error).message}`,
          failed: true,
        });
      }
    }
  } finally {
    extractor.dispose();
  }
  return { revisions, skipped, modulesRead };
}
