import type { Parser } from "web-tree-sitter";
import { RevisionExtractor, type SqlTranslatorProvider } from "../adapters/python/revision-extractor.js";
import type { SkippedFile } from "../adapters/report/report-model.js";
import { loadMysqlTranslator, loadSqliteTranslator } from "../adapters/sql/node-sql-translator.js";
import { loadPgParser, PostgresTranslator } from "../adapters/sql/pg-translator.js";
import type { SqlSource, SqlTranslation, SqlTranslator } from "../adapters/sql/sql-source.js";
import type { Dialect, Revision } from "../domain/index.js";
import { dialectOf, excludedDialects } from "../services/dialect.js";

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

const DIALECTS: readonly Dialect[] = ["postgresql", "sqlite", "mysql"];

function firstThatParses(translators: readonly SqlTranslator[]): SqlTranslator {
  return {
    translate(source) {
      let first: SqlTranslation | undefined;
      for (const translator of translators) {
        const translation = translator.translate(source);
        if (translation.problems.length === 0) return translation;
        first ??= translation;
      }
      return first ?? { operations: [], problems: [] };
    },
  };
}

/** One lazily loaded translator per SQL dialect, chosen per statement by where it stands. */
export function sqlTranslatorProvider(defaultDialect: Dialect): SqlTranslatorProvider & {
  prefetch(dialect: Dialect): void;
} {
  const loaded = new Map<Dialect, Promise<SqlTranslator>>();
  const load = (dialect: Dialect): Promise<SqlTranslator> => {
    switch (dialect) {
      case "mysql":
        return loadMysqlTranslator();
      case "sqlite":
        return loadSqliteTranslator();
      default:
        return loadPgParser().then((pg) => new PostgresTranslator(pg));
    }
  };
  const get = (dialect: Dialect): Promise<SqlTranslator> => {
    let translator = loaded.get(dialect);
    if (!translator) {
      translator = load(dialect);
      loaded.set(dialect, translator);
    }
    return translator;
  };
  const provider = async (source: SqlSource): Promise<SqlTranslator> => {
    const dialect = dialectOf(source.context, source.file, defaultDialect);
    const excluded = excludedDialects(source.context);
    if (!excluded.has(dialect)) return get(dialect);
    // "Not PostgreSQL" names no dialect: try the others and keep the first that reads the statement.
    const candidates = DIALECTS.filter((candidate) => !excluded.has(candidate));
    return firstThatParses(await Promise.all(candidates.map(get)));
  };
  return Object.assign(provider, {
    prefetch: (dialect: Dialect) => {
      get(dialect).catch(() => undefined);
    },
  });
}

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
      skipped.push({ file, reason: `migragate failed to analyse this file: ${(error as Error).message}` });
    }
  }
  return { revisions, skipped };
}
