import { type ModuleSource, ProjectModules } from "../adapters/fs/project-modules.js";
import { EnvExtractor } from "../adapters/python/env-extractor.js";
import type { ModuleMissing, ModuleRead } from "../adapters/python/helper-modules.js";
import type { PythonParser } from "../adapters/python/python-parser.js";
import { RevisionExtractor } from "../adapters/python/revision-extractor.js";
import type { SkippedFile } from "../adapters/report/report-model.js";
import { type DialectTranslators, sqlTranslatorProvider } from "../adapters/sql/dialect-translators.js";
import { extractSqlFile } from "../adapters/sql/sql-file-extractor.js";
import { type EnvFile, type Operation, type ReadingDialect, type Revision, withThousands } from "../domain/index.js";
import { displayPath } from "./display-path.js";
import { failedFile } from "./failed-file.js";

export interface SourceFile {
  /** Path as reports show it. */
  readonly file: string;
  /** Absolute path, from which the project's helper modules are found. */
  readonly path?: string;
  readonly text: string;
}

/** Where helper modules come from, and how their paths are shown. */
export interface ModuleSettings {
  readonly source: ModuleSource;
  readonly displayPath: (absolute: string) => string;
}

/** The project's helper modules, shown relative to the working folder as every other path. */
export function projectModules(cwd: string): ModuleSettings {
  return { source: new ProjectModules(), displayPath: (absolute) => displayPath(cwd, absolute) };
}

/** One file to extract: a Python revision, an env.py, or a plain SQL migration following `previous`. */
export interface ExtractionJob extends SourceFile {
  readonly kind: "revision" | "env" | "sql";
  /** For a SQL migration: the file before it in the ordering. */
  readonly previous?: string;
}

/** What one file became: a revision, an env.py, or a reason it was not analysed. */
export type CachedExtraction =
  /**
   * `modules`: the project helper modules the revision read; `missing`: those it looked for and the project did not
   * have. The entry is stale when one of the first changed or one of the others appeared.
   */
  | {
      readonly revision: Revision;
      readonly modules?: readonly ModuleRead[];
      readonly missing?: readonly ModuleMissing[];
    }
  | { readonly env: EnvFile }
  | { readonly skipped: SkippedFile };

/** What one job gave, and whether the parsers may be left broken by it (the thread must then be replaced). */
export interface JobOutcome {
  readonly result: CachedExtraction;
  readonly crashed?: boolean;
}

const MAY_RUN_SQL = /\.execute\(|exec_driver_sql\(/;

/** Whether any file looks like it runs SQL: then the SQL parser is worth loading ahead of need. */
function runsSql(jobs: readonly ExtractionJob[]): boolean {
  return jobs.some((job) => job.kind === "sql" || (job.kind === "revision" && MAY_RUN_SQL.test(job.text)));
}
/**
 * Operations (and problems) kept from one file: real revisions hold dozens, a generated data file thousands; past
 * this a file's analysis would cost the main thread hundreds of megabytes. The rest is one opaque operation.
 */
export const MAX_OPERATIONS_PER_FILE = 50_000;

function capOperations(operations: readonly Operation[]): readonly Operation[] {
  const first = operations[MAX_OPERATIONS_PER_FILE];
  if (!first) return operations;
  const rest = operations.length - MAX_OPERATIONS_PER_FILE;
  return [
    ...operations.slice(0, MAX_OPERATIONS_PER_FILE),
    {
      kind: "opaque",
      origin: first.origin,
      span: first.span,
      context: first.context,
      text: first.text,
      reason: `the file holds more than ${withThousands(MAX_OPERATIONS_PER_FILE)} operations: the last ${withThousands(rest)} are not analysed`,
    },
  ];
}

/** A revision with at most `MAX_OPERATIONS_PER_FILE` operations in each body and as many problems. */
function capped(revision: Revision): Revision {
  const large =
    revision.upgrade.operations.length > MAX_OPERATIONS_PER_FILE ||
    revision.downgrade.operations.length > MAX_OPERATIONS_PER_FILE ||
    revision.problems.length > MAX_OPERATIONS_PER_FILE;
  if (!large) return revision;
  return {
    ...revision,
    upgrade: { operations: capOperations(revision.upgrade.operations) },
    downgrade: { operations: capOperations(revision.downgrade.operations) },
    problems: revision.problems.slice(0, MAX_OPERATIONS_PER_FILE),
  };
}

/**
 * A WebAssembly trap or abort (tree-sitter's "memory access out of bounds", an allocation over the memory limit) or
 * a stack overflow part-way through a call into WebAssembly: the parser's state can no longer be trusted.
 */
export function isParserCrash(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && error.name === "RuntimeError");
}

function crashReason(error: Error): string {
  if (/Aborted\(\)/.test(error.message)) return "the parser ran out of the memory allowed for one file";
  return `the parser crashed on it (${error.message.split("\n")[0]})`;
}

/** Extracts files one at a time with one Python parser and lazily loaded SQL parsers: what each thread runs. */
export class FileExtractor {
  private readonly translators: DialectTranslators;
  private readonly revisions: RevisionExtractor;
  private readonly env: EnvExtractor;

  constructor(
    parser: PythonParser,
    reading: ReadingDialect,
    modules?: ModuleSettings,
    translators: DialectTranslators = sqlTranslatorProvider(reading),
  ) {
    this.translators = translators;
    this.revisions = new RevisionExtractor(parser, this.translators, modules);
    this.env = new EnvExtractor(parser);
  }

  /**
   * An extractor for `jobs` whose SQL parser, when any file looks like it runs SQL, compiles while the Python parser
   * loads: the two WebAssembly compilations overlap instead of following each other.
   */
  static async load(
    loadParser: () => Promise<PythonParser>,
    reading: ReadingDialect,
    jobs: readonly ExtractionJob[],
    modules?: ModuleSettings,
  ): Promise<FileExtractor> {
    const translators = sqlTranslatorProvider(reading);
    if (runsSql(jobs)) translators.prefetch(reading.dialect);
    return new FileExtractor(await loadParser(), reading, modules, translators);
  }

  /** Frees what helper modules hold; the extractor is not used afterwards. */
  dispose(): void {
    this.revisions.dispose();
  }

  /** Never throws: a file that fails is named with the reason; `crashed` says the parsers must be replaced. */
  async extract(job: ExtractionJob): Promise<JobOutcome> {
    try {
      return { result: await this.read(job) };
    } catch (error) {
      if (isParserCrash(error))
        return { result: failedFile(job.file, crashReason(error as Error), job.text), crashed: true };
      return { result: failedFile(job.file, error instanceof Error ? error.message : String(error), job.text) };
    }
  }

  private async read(job: ExtractionJob): Promise<CachedExtraction> {
    const { file, text } = job;
    if (job.kind === "env") return { env: this.env.extract(file, text) };
    if (job.kind === "sql") {
      const previous = job.previous === undefined ? {} : { previous: job.previous };
      return { revision: capped(await extractSqlFile({ file, text, ...previous }, this.translators)) };
    }
    const revision = await this.revisions.extract(file, text, job.path);
    const modules = this.revisions.modulesRead();
    const missing = this.revisions.modulesMissing();
    if (revision)
      return {
        revision: capped(revision),
        ...(modules.length > 0 ? { modules } : {}),
        ...(missing.length > 0 ? { missing } : {}),
      };
    return { skipped: { file, reason: "no `revision` identifier and no upgrade() function: not an Alembic revision" } };
  }
}

/**
 * Revisions of Python sources, extracted here on the main thread (for `init`, which reads the project's own files
 * to find its baseline): a file that is not a revision, or that fails, is left out and named in `skipped`.
 */
export async function extractSources(
  sources: readonly SourceFile[],
  parser: PythonParser,
  reading: ReadingDialect,
  modules?: ModuleSettings,
): Promise<{ readonly revisions: Revision[]; readonly skipped: SkippedFile[] }> {
  const extractor = new FileExtractor(parser, reading, modules);
  const revisions: Revision[] = [];
  const skipped: SkippedFile[] = [];
  try {
    for (const source of sources) {
      const { result } = await extractor.extract({ kind: "revision", ...source });
      if ("revision" in result) revisions.push(result.revision);
      else if ("skipped" in result) skipped.push(result.skipped);
    }
  } finally {
    extractor.dispose();
  }
  return { revisions, skipped };
}
