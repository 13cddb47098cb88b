import type { Parser } from "web-tree-sitter";
import { RevisionExtractor } from "../adapters/python/revision-extractor.js";
import type { SkippedFile } from "../adapters/report/report-model.js";
import { sqlTranslatorProvider } from "../adapters/sql/dialect-translators.js";
import type { Dialect, Revision } from "../domain/index.js";

export interface SourceFile {
  /** Path as reports show it. */
  readonly file: string;
  readonly text: string;
}

export interface Extraction {
  readonly revisions: Revision[];
  readonly skipped: SkippedFile[];
}

const MAY_RUN_SQL = /\.execute\(|exec_driver_sql\(/;

/** Extracts revisions from source files; a file that is not a revision, or that fails, is named with the reason. */
export async function extractSources(
  sources: readonly SourceFile[],
  parser: Parser,
  defaultDialect: Dialect,
): Promise<Extraction> {
  const provider = sqlTranslatorProvider(defaultDialect);
  // Compile the SQL parser's WASM while tree-sitter works, when any file looks like it runs SQL.
  if (sources.some((source) => MAY_RUN_SQL.test(source.text))) provider.prefetch(defaultDialect);
  const extractor = new RevisionExtractor(parser, provider);
  const revisions: Revision[] = [];
  const skipped: SkippedFile[] = [];
  for (const { file, text } of sources) {
    try {
      const revision = await extractor.extract(file, text);
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
  return { revisions, skipped };
}
