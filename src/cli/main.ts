import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ALL_ANALYZERS } from "../../analyzers/index.js";
import {
  ALEMBIC_VERSION,
  DIALECT_CHOICES,
  dialectNamed,
  MAX_POSTGRES_VERSION,
  MIN_POSTGRES_VERSION,
} from "../adapters/config/config-file.js";
import { InputError } from "../adapters/fs/discovery.js";
import { defaultCacheDir, ExtractionCache } from "../adapters/fs/extraction-cache.js";
import type { ReportFormat } from "../adapters/report/formats.js";
import { reflowMarkdown } from "../adapters/report/markdown-reflow.js";
import type { PlanFormat } from "../adapters/report/plan-model.js";
import { type Dialect, type FailOn, RULE_GROUPS } from "../domain/index.js";
import { closestName } from "../services/rule-selection.js";
import {
  allStrings,
  type GivenValue,
  helpText,
  lastBoolean,
  lastString,
  type ParsedCommand,
  parseCommandLine,
} from "./arguments.js";
import { runCheck } from "./check.js";
import { COMMAND_SPECS } from "./command-specs.js";
import type { CachedExtraction } from "./extract-project.js";
import type { ExtractionThreads } from "./extraction-pool.js";
import { runPlan } from "./plan.js";
import { pairReports } from "./report-targets.js";
import { type InstallLayout, installLayout } from "./startup.js";
import { reportWidth, terminalConfirm } from "./terminal.js";

declare const MIGRAGATE_VERSION: string;
/** Changes with every change to the sources, so a cache never outlives the code that wrote it. */
declare const MIGRAGATE_BUILD: string;
/** The web address of migragate's repository from package.json (`repository`, `homepage`); "" while unpublished. */
declare const MIGRAGATE_REPOSITORY: string;

/** One cache per working directory and command-line paths; none without a folder for it (no home folder). */
function cacheOption(folder: string | undefined, paths: readonly string[]) {
  if (folder === undefined) return {};
  const project = [process.cwd(), ...paths].join("\0");
  return { cache: () => ExtractionCache.open<CachedExtraction>(folder, project, MIGRAGATE_BUILD) };
}

const EXIT_USAGE = 2;

/** A major version of the PostgreSQL server migragate models the locks of: 9 stands for every 9.x release. */
function postgresMajor(value: string): number {
  const major = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(major >= MIN_POSTGRES_VERSION && major <= MAX_POSTGRES_VERSION)) {
    throw new InputError(
      `--postgres-version: expected a major version from ${MIN_POSTGRES_VERSION} to ${MAX_POSTGRES_VERSION}, got "${value}"`,
    );
  }
  return major;
}

function list(values: readonly (string | number)[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => String(value).split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

/** no-color.org: a non-empty NO_COLOR turns colours off; a non-empty FORCE_COLOR other than 0 forces them on. */
function useColor(stream: NodeJS.WriteStream): boolean {
  const { NO_COLOR: noColor, FORCE_COLOR: forceColor } = process.env;
  if (noColor !== undefined && noColor !== "") return false;
  if (forceColor !== undefined && forceColor !== "") return forceColor !== "0" && forceColor !== "false";
  return stream.isTTY === true;
}

/**
 * How many threads may extract (MIGRAGATE_THREADS, else by input size), the bundled worker script, and a thread the
 * entry started ahead of the run.
 */
function threadOptions(startup: Startup): { workerScript?: URL; threads?: number; prestarted?: ExtractionThreads } {
  const threads = Number.parseInt(process.env.MIGRAGATE_THREADS ?? "", 10);
  return {
    ...(startup.layout.workerScript ? { workerScript: startup.layout.workerScript } : {}),
    ...(startup.prestarted ? { prestarted: startup.prestarted } : {}),
    ...(Number.isInteger(threads) && threads > 0 ? { threads } : {}),
  };
}

function ruleDoc(rule: string, docsFolder: string): string | undefined {
  const path = join(docsFolder, "rules", `${rule}.md`);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** One line per rule, grouped as RULE_GROUPS orders them: name, group, severity, on/off by default, summary. */
function listRules(): string {
  const metas = ALL_ANALYZERS.map((analyzer) => analyzer.meta);
  const width = Math.max(...metas.map((meta) => meta.name.length));
  const groupWidth = Math.max(...RULE_GROUPS.map((group) => group.name.length));
  const lines = RULE_GROUPS.flatMap((group) =>
    metas
      .filter((meta) => meta.group === group.name)
      .map(
        (meta) =>
          `${meta.name.padEnd(width)}  ${meta.group.padEnd(groupWidth)}  ${meta.defaultSeverity.padEnd(7)}  ` +
          `${meta.enabledByDefault === false ? "off" : "on "}  ${meta.summary}`,
      ),
  );
  const groups = RULE_GROUPS.map((group) => `  ${group.name.padEnd(groupWidth)}  ${group.summary}`);
  return `${lines.join("\n")}\n\ngroups (select, extend-select and ignore take rule names, group names and ALL):\n${groups.join("\n")}\n`;
}

function explain(rule: string | undefined, docsFolder: string): string {
  if (rule === undefined || rule.trim() === "")
    throw new InputError("explain needs a rule name: migragate explain <rule> (see `migragate rules`)");
  const names = ALL_ANALYZERS.map((candidate) => candidate.meta.name);
  const analyzer = ALL_ANALYZERS.find((candidate) => candidate.meta.name === rule);
  if (!analyzer) {
    const suggestion = closestName(rule, names);
    throw new InputError(
      `unknown rule "${rule}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""} (see \`migragate rules\`)`,
    );
  }
  const { meta } = analyzer;
  const doc = ruleDoc(rule, docsFolder);
  if (doc) return doc.endsWith("\n") ? doc : `${doc}\n`;
  return `${meta.name} (${meta.defaultSeverity})\n\n${meta.summary}\n\nWhy: ${meta.rationale}\n\nInstead: ${meta.safeAlternative}\n`;
}

function alembicVersionFlag(value: string): string {
  if (ALEMBIC_VERSION.test(value.trim())) return value.trim();
  throw new InputError(`--alembic-version: expected a version such as 1.13.1, got "${value}"`);
}

/** Rule and group names of a selector flag; a flag given with no name is an error, not "every rule". */
function selectors(flag: string, values: readonly (string | number)[] | undefined): string[] {
  const names = list(values);
  if (values !== undefined && names.length === 0)
    throw new InputError(`${flag} needs rule or group names, comma-separated (see \`migragate rules\`)`);
  return names;
}

function dialectFlag(value: string): Dialect {
  const dialect = dialectNamed(value);
  if (!dialect) throw new InputError(`--dialect: expected ${DIALECT_CHOICES}, got "${value}"`);
  return dialect;
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === "") throw new InputError(`${flag} needs a value`);
  return value.trim();
}

/** `--start-after a1,b2` or repeated: the heads of a baseline. */
function revisionList(values: readonly string[]): string[] {
  const ids = list(values);
  if (ids.length === 0) throw new InputError("--start-after needs a value");
  return ids;
}

function configFlag(values: readonly GivenValue[]): string | false {
  if (values.length > 1) {
    if (values.every((value) => value === false)) return false;
    if (values.includes(false)) throw new InputError("--config and --no-config: give one");
    throw new InputError("--config: give one config file");
  }
  const value = values[0];
  if (value === false) return false;
  if (typeof value !== "string" || value.trim() === "") throw new InputError("--config needs a file path");
  if (!existsSync(value)) throw new InputError(`--config: ${value} does not exist`);
  if (statSync(value).isDirectory()) throw new InputError(`--config: ${value} is a folder, not a config file`);
  return value;
}

/** The flags check and plan share: the gate's threshold, how the project is read, and the release under review. */
function projectFlags(parsed: ParsedCommand) {
  const failOn = lastString(parsed, "fail-on");
  const dialect = lastString(parsed, "dialect");
  const alembicVersion = lastString(parsed, "alembic-version");
  const postgresVersion = lastString(parsed, "postgres-version");
  const assumeInTransaction = lastBoolean(parsed, "assume-in-transaction");
  const since = lastString(parsed, "since");
  const releaseAfter = lastString(parsed, "release-after");
  const startAfter = allStrings(parsed, "start-after");
  const config = parsed.given.get("config");
  return {
    ...(failOn ? { failOn: failOn as FailOn } : {}),
    ...(dialect !== undefined ? { dialect: dialectFlag(dialect) } : {}),
    ...(alembicVersion !== undefined ? { alembicVersion: alembicVersionFlag(alembicVersion) } : {}),
    ...(postgresVersion !== undefined ? { postgresVersion: postgresMajor(postgresVersion) } : {}),
    ...(assumeInTransaction !== undefined ? { assumeInTransaction } : {}),
    ...(since !== undefined ? { since: nonEmpty("--since", since) } : {}),
    ...(releaseAfter !== undefined ? { releaseAfter: nonEmpty("--release-after", releaseAfter) } : {}),
    ...(startAfter !== undefined ? { startAfter: revisionList(startAfter) } : {}),
    ...(config !== undefined ? { config: configFlag(config) } : {}),
  };
}

/** The extraction cache the run may use: none with --no-cache. */
function cacheFlags(parsed: ParsedCommand, paths: readonly string[]) {
  if (lastBoolean(parsed, "cache") === false) return {};
  const folder = lastString(parsed, "cache-dir");
  if (folder !== undefined && folder.trim() === "") throw new InputError("--cache-dir needs a folder");
  return cacheOption(folder ?? defaultCacheDir(process.env), paths);
}

/** Report files as given; an empty one is a mistake, not standard output. */
function outputs(parsed: ParsedCommand): string[] {
  const files = allStrings(parsed, "output") ?? [];
  if (files.some((file) => file.trim() === "")) throw new InputError("--output needs a file path");
  return files;
}

/**
 * The message with its control characters escaped as in JSON: a usage error is one line, even when it quotes a value
 * holding a newline (or a terminal escape) from the command line or a file name.
 */
function oneLine(message: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes.
  return message.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (character) => JSON.stringify(character).slice(1, -1));
}

/** What the entry hands over: where the package's parts are, and an extraction thread it may have started. */
export interface Startup {
  readonly layout: InstallLayout;
  readonly prestarted?: ExtractionThreads;
}

async function check(parsed: ParsedCommand, startup: Startup, write: (text: string) => void): Promise<number> {
  // Paths as given: a file name may hold a comma or start with a space.
  const paths = [...parsed.positionals];
  const failOnOpaque = lastBoolean(parsed, "fail-on-opaque");
  return runCheck(
    {
      paths,
      reports: pairReports((allStrings(parsed, "format") ?? []) as ReportFormat[], outputs(parsed)),
      select: selectors("--select", allStrings(parsed, "select")),
      extendSelect: selectors("--extend-select", allStrings(parsed, "extend-select")),
      ignore: selectors("--ignore", allStrings(parsed, "ignore")),
      ...projectFlags(parsed),
      ...(failOnOpaque !== undefined ? { failOnOpaque } : {}),
    },
    {
      cwd: process.cwd(),
      analyzers: ALL_ANALYZERS,
      version: MIGRAGATE_VERSION,
      color: useColor(process.stdout),
      width: reportWidth(process.env, process.stdout),
      githubActions: process.env.GITHUB_ACTIONS === "true",
      ...(process.env.GITHUB_STEP_SUMMARY ? { stepSummary: process.env.GITHUB_STEP_SUMMARY } : {}),
      ...(MIGRAGATE_REPOSITORY ? { repositoryUrl: MIGRAGATE_REPOSITORY } : {}),
      stdout: write,
      stderr: (text) => process.stderr.write(text),
      ...threadOptions(startup),
      ...cacheFlags(parsed, paths),
    },
  );
}

async function plan(parsed: ParsedCommand, startup: Startup, write: (text: string) => void): Promise<number> {
  if ((parsed.given.get("format")?.length ?? 0) > 1 || (parsed.given.get("output")?.length ?? 0) > 1)
    throw new InputError("plan writes one plan: give --format and --output at most once");
  const paths = [...parsed.positionals];
  const output = outputs(parsed)[0];
  const confirm = terminalConfirm();
  const width = reportWidth(process.env, process.stdout);
  return runPlan(
    {
      paths,
      select: [],
      ignore: [],
      format: (lastString(parsed, "format") ?? "text") as PlanFormat,
      ...(output !== undefined ? { output } : {}),
      ...projectFlags(parsed),
      write: lastBoolean(parsed, "write") ?? false,
      yes: lastBoolean(parsed, "yes") ?? false,
    },
    {
      cwd: process.cwd(),
      analyzers: ALL_ANALYZERS,
      version: MIGRAGATE_VERSION,
      stdout: write,
      stderr: (text) => process.stderr.write(text),
      ...(width !== undefined ? { width } : {}),
      ...(process.env.GITHUB_STEP_SUMMARY ? { stepSummary: process.env.GITHUB_STEP_SUMMARY } : {}),
      ...(confirm ? { confirm } : {}),
      ...(MIGRAGATE_REPOSITORY ? { repositoryUrl: MIGRAGATE_REPOSITORY } : {}),
      ...threadOptions(startup),
      ...cacheFlags(parsed, paths),
    },
  );
}

async function init(parsed: ParsedCommand, write: (text: string) => void): Promise<number> {
  // Loaded only for init: it reads revisions on the main thread, with the parsers.
  const { runInit } = await import("./init.js");
  const path = parsed.positionals[0];
  return runInit(
    { ...(path !== undefined ? { path } : {}), force: lastBoolean(parsed, "force") ?? false },
    {
      cwd: process.cwd(),
      version: MIGRAGATE_VERSION,
      stdout: write,
      ...(MIGRAGATE_REPOSITORY ? { repositoryUrl: MIGRAGATE_REPOSITORY } : {}),
    },
  );
}

async function runCommand(parsed: ParsedCommand, startup: Startup, write: (text: string) => void): Promise<number> {
  switch (parsed.command.name) {
    case "check":
      return check(parsed, startup, write);
    case "plan":
      return plan(parsed, startup, write);
    case "init":
      return init(parsed, write);
    case "rules":
      write(listRules());
      return 0;
    case "explain":
      // Laid out for the terminal (or COLUMNS); written as it is into a file or a pipe.
      write(
        reflowMarkdown(
          explain(parsed.positionals[0], startup.layout.docsFolder),
          reportWidth(process.env, process.stdout),
        ),
      );
      return 0;
    default:
      throw new Error(`no handler for command ${parsed.command.name}`);
  }
}

export async function main(
  argv: readonly string[],
  startup: Startup = { layout: installLayout(import.meta.url) },
): Promise<number> {
  const write = (text: string) => process.stdout.write(text);
  try {
    const line = parseCommandLine(argv, COMMAND_SPECS);
    if (line.kind === "help") {
      write(helpText(COMMAND_SPECS, line.command));
      return 0;
    }
    if (line.kind === "version") {
      write(`${MIGRAGATE_VERSION}\n`);
      return 0;
    }
    return await runCommand(line.parsed, startup, write);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`migragate: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`migragate: internal error: ${oneLine(message)}\n`);
    return EXIT_USAGE;
  }
}
