import type { Dialect, ReadingDialect } from "../../domain/index.js";
import { dialectOf, excludedDialects } from "../../services/dialect.js";
import { loadMysqlTranslator, loadSqliteTranslator } from "./node-sql-translator.js";
import { loadPgParser, PostgresTranslator } from "./pg-translator.js";
import type { SqlSource, SqlTranslation, SqlTranslator } from "./sql-source.js";

/** The translator for a SQL text, by where it stands; `prefetch` starts loading a dialect's parser ahead of need. */
export type DialectTranslators = ((source: SqlSource) => Promise<SqlTranslator>) & {
  prefetch(dialect: Dialect): void;
};

/** The dialects a statement may be tried in when a condition only rules some out, in order of preference. */
const DIALECTS: readonly Dialect[] = ["postgresql", "sqlite", "mysql"];

/** Reads with each translator in turn and keeps the first reading without problems (else the first reading). */
function firstThatParses(translators: readonly SqlTranslator[]): SqlTranslator {
  return {
    translate(source) {
      let first: SqlTranslation | undefined;
      for (const translator of translators) {
        const translation = translator.translate(source);
        if (translation.problems.length === 0) return translation;
        first ??= translation;
      }
      return first ?? { operations: [], problems: [], statements: 0 };
    },
  };
}

function loadTranslator(dialect: Dialect): Promise<SqlTranslator> {
  switch (dialect) {
    case "mysql":
      return loadMysqlTranslator();
    case "sqlite":
      return loadSqliteTranslator();
    default:
      return loadPgParser().then((pg) => new PostgresTranslator(pg));
  }
}

/** One lazily loaded translator per SQL dialect, chosen per statement by where it stands. */
export function sqlTranslatorProvider(reading: ReadingDialect): DialectTranslators {
  const loaded = new Map<Dialect, Promise<SqlTranslator>>();
  const get = (dialect: Dialect): Promise<SqlTranslator> => {
    let translator = loaded.get(dialect);
    if (!translator) {
      translator = loadTranslator(dialect);
      loaded.set(dialect, translator);
    }
    return translator;
  };
  const provider = async (source: SqlSource): Promise<SqlTranslator> => {
    const dialect = dialectOf(source.context, source.file, reading);
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
