import { writeFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { discover, InputError, readText } from "../adapters/fs/discovery.js";
import { EnvExtractor } from "../adapters/python/env-extractor.js";
import { loadPythonParser } from "../adapters/python/python-parser.js";
import { RevisionExtractor, type SqlTranslatorProvider } from "../adapters/python/revision-extractor.js";
import { JsonReporter } from "../adapters/report/json-report.js";
import type { Reporter, SkippedFile } from "../adapters/report/report-model.js";
import { TextReporter } from "../adapters/report/text-report.js";
import { loadMysqlTranslator, loadSqliteTranslator } from "../adapters/sql/node-sql-translator.js";
import { loadPgParser, PostgresTranslator } from "../adapters/sql/pg-translator.js";
import type { SqlSource, SqlTranslator } from "../adapters/sql/sql-source.js";
import type { Analyzer, Dialect, EnvFile, Revision, Severity } from "../domain/index.js";
import { dialectOf } from "../services/dialect.js";
import { type FailOn, failsAt, runAnalysis } from "../services/engine.js";

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
}

export interface CheckEnvironment {
  readonly cwd: string;
  readonly analyzers: readonly Analyzer[];
  readonly version: string;
  readonly color: boolean;
  readonly stdout: (text: string) => void;
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

const MAY_RUN_SQL = /\.execute\(|exec_driver_sql\(/;

/** One lazily loaded translator per SQL dialect, chosen per statement by where it stands. */
function sqlTranslatorProvider(defaultDialect: Dialect): SqlTranslatorProvider & { prefetch(dialect: Dialect): void } {
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
  const provider = (source: SqlSource) => get(dialectOf(source.context, source.file, defaultDialect));
  return Object.assign(provider, {
    prefetch: (dialect: Dialect) => {
      get(dialect).catch(() => undefined);
    },
  });
}

/** The `check` command: discover, extract, analyse, report. Returns the exit code. */
export async function runCheck(options: CheckOptions, environment: CheckEnvironment): Promise<number> {
  validateRules(options.select, environment.analyzers, "--select");
  validateRules(options.ignore, environment.analyzers, "--ignore");
  const found = discover(options.paths, environment.cwd);
  const parser = await loadPythonParser();
  const dialect = options.dialect ?? found.dialectHint ?? "postgresql";
  const provider = sqlTranslatorProvider(dialect);
  const extractor = new RevisionExtractor(parser, provider);
  const sources = found.revisionFiles.map((absolute) => ({
    file: displayPath(environment.cwd, absolute),
    text: readText(absolute).replace(/^\uFEFF/, ""),
  }));
  // Compile the SQL parser's WASM while tree-sitter works, when any file looks like it runs SQL.
  if (sources.some((source) => MAY_RUN_SQL.test(source.text))) provider.prefetch(dialect);
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
  const envExtractor = new EnvExtractor(parser);
  const envFiles: EnvFile[] = found.envFiles.map((absolute) =>
    envExtractor.extract(displayPath(environment.cwd, absolute), readText(absolute).replace(/^\uFEFF/, "")),
  );
  const result = runAnalysis({
    revisions,
    envFiles,
    options: { dialect, ...(options.alembicVersion ? { alembicVersion: options.alembicVersion } : {}) },
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
  return failsAt(result.findings, options.failOn) ? 1 : 0;
}
