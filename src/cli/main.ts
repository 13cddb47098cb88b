import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yargs from "yargs";
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
import { REPORT_FORMATS, type ReportFormat } from "../adapters/report/formats.js";
import { reflowMarkdown } from "../adapters/report/markdown-reflow.js";
import { PLAN_FORMATS, type PlanFormat } from "../adapters/report/plan-model.js";
import { type Dialect, type FailOn, RULE_GROUPS } from "../domain/index.js";
import { closestName } from "../services/rule-selection.js";
import { runCheck } from "./check.js";
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

/** The PostgreSQL majors whose lock behaviour migragate models: 9 stands for every 9.x release. */

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

/** An option given once is a string, given several times an array; file names are never split on commas. */
function repeated(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : [...value];
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
function revisionList(value: string | readonly string[]): string[] {
  const ids = list(repeated(value));
  if (ids.length === 0) throw new InputError("--start-after needs a value");
  return ids;
}

function configFlag(value: string | boolean | readonly (string | boolean)[]): string | false {
  if (Array.isArray(value)) {
    if (value.includes(false)) throw new InputError("--config and --no-config: give one");
    throw new InputError("--config: give one config file");
  }
  if (value === false) return false;
  if (typeof value !== "string" || value.trim() === "") throw new InputError("--config needs a file path");
  if (!existsSync(value)) throw new InputError(`--config: ${value} does not exist`);
  return value;
}

const COMMANDS = ["check", "plan", "init", "rules", "explain"];

/** A first word that is no command (`migragate chek .`) is named as such, with the command it is closest to. */
/** The flags check and plan share: the gate's threshold, how the project is read, and the release under review. */
interface ProjectFlagArgs {
  readonly "fail-on"?: string;
  readonly dialect?: string;
  readonly "alembic-version"?: string;
  readonly "postgres-version"?: string | number;
  readonly "assume-in-transaction"?: boolean;
  readonly since?: string;
  readonly "release-after"?: string;
  readonly "start-after"?: string | readonly string[];
  readonly config?: unknown;
}

function projectFlags(args: ProjectFlagArgs) {
  return {
    ...(args["fail-on"] ? { failOn: args["fail-on"] as FailOn } : {}),
    ...(args.dialect !== undefined ? { dialect: dialectFlag(args.dialect) } : {}),
    ...(args["alembic-version"] !== undefined ? { alembicVersion: alembicVersionFlag(args["alembic-version"]) } : {}),
    ...(args["postgres-version"] !== undefined
      ? { postgresVersion: postgresMajor(String(args["postgres-version"])) }
      : {}),
    ...(args["assume-in-transaction"] !== undefined ? { assumeInTransaction: args["assume-in-transaction"] } : {}),
    ...(args.since !== undefined ? { since: nonEmpty("--since", args.since) } : {}),
    ...(args["release-after"] !== undefined
      ? { releaseAfter: nonEmpty("--release-after", args["release-after"]) }
      : {}),
    ...(args["start-after"] !== undefined ? { startAfter: revisionList(args["start-after"]) } : {}),
    ...(args.config !== undefined ? { config: configFlag(args.config as string | boolean | string[]) } : {}),
  };
}

function unknownCommand(first: string | undefined): void {
  if (first === undefined || first.startsWith("-") || COMMANDS.includes(first)) return;
  const suggestion = closestName(first, COMMANDS);
  throw new InputError(
    `unknown command "${first}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}: the commands are ${COMMANDS.join(", ")}`,
  );
}

/** yargs' "Invalid values: Argument: fail-on, Given: ..., Choices: ..." in the words of the CLI's other errors. */
function invalidChoice(message: string): string {
  const match = /^Invalid values: Argument: ([\w-]+), Given: "([^"]*)", Choices: (.+)$/.exec(message);
  if (!match) return message;
  const [, option, given = "", listed = ""] = match;
  const choices = listed.split(/,\s*/).map((choice) => choice.replace(/^"|"$/g, ""));
  const suggestion = closestName(given, choices);
  return `--${option} must be one of ${choices.join(", ")} (got "${given}")${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`;
}

/**
 * yargs renders the whole help text after every command it runs, to show it should the command fail later; this CLI
 * never shows help on failure (`.fail` below), and the rendering costs ~20 ms of every run (measured on `check`).
 * The hook is internal to yargs: should it move, help is cached as before.
 */
function withoutHelpCache<T>(parser: T): T {
  const internals = (parser as { getInternalMethods?: () => { getUsageInstance?: () => object } })
    .getInternalMethods?.()
    .getUsageInstance?.() as { cacheHelpMessage?: () => void } | undefined;
  if (typeof internals?.cacheHelpMessage === "function") internals.cacheHelpMessage = () => undefined;
  return parser;
}

/** What the entry hands over: where the package's parts are, and an extraction thread it may have started. */
export interface Startup {
  readonly layout: InstallLayout;
  readonly prestarted?: ExtractionThreads;
}

export async function main(
  argv: readonly string[],
  startup: Startup = { layout: installLayout(import.meta.url) },
): Promise<number> {
  let exitCode = 0;
  const write = (text: string) => process.stdout.write(text);
  try {
    await withoutHelpCache(yargs([...argv]))
      .scriptName("migragate")
      .usage("$0 <command> [options]")
      .command(
        "check [paths..]",
        "Analyse Alembic migrations (a project with alembic.ini, a migrations or versions folder, or revision files)",
        (command) =>
          command
            .positional("paths", {
              type: "string",
              array: true,
              describe: "Paths to analyse (default: the current folder)",
            })
            .option("format", {
              choices: REPORT_FORMATS,
              describe:
                "Report format (default: text, or the format --output's extension names: .json, .sarif, .xml for JUnit, .md); repeat it (each with its --output) to write several reports",
            })
            .option("output", {
              alias: "o",
              type: "string",
              describe: "Write the report of the --format at the same position to this file (default: stdout)",
            })
            .option("select", {
              type: "string",
              array: true,
              describe: "Run only these rules or groups (comma-separated; ALL for every rule)",
            })
            .option("extend-select", {
              type: "string",
              array: true,
              describe: "Run these rules or groups besides the default set (comma-separated)",
            })
            .option("ignore", { type: "string", array: true, describe: "Skip these rules or groups (comma-separated)" })
            .option("fail-on", {
              choices: ["error", "warning", "info", "never"] as const,
              describe: "Exit 1 when a finding is at or above this severity (default: error)",
            })
            .option("dialect", {
              type: "string",
              describe:
                "SQL dialect for every history (default: decided from the project: a versions/<dialect>/ folder, alembic.ini's URL unless env.py replaces it, the database driver it depends on, else postgresql)",
            })
            .option("alembic-version", {
              type: "string",
              describe:
                "Alembic version the project uses (default: the config's, else from uv.lock, poetry.lock, pyproject.toml or requirements*.txt)",
            })
            .option("postgres-version", {
              type: "string",
              describe: "Major version of the PostgreSQL server (9 to 18, default 16): decides lock and rewrite facts",
            })
            .option("assume-in-transaction", {
              type: "boolean",
              describe:
                "Plain .sql migration files each run inside one transaction (Flyway, dbmate); default: statement by statement",
            })
            .option("fail-on-opaque", {
              type: "boolean",
              describe:
                "Fail the gate on any operation migragate could not read (opaque) in the revisions under review",
            })
            .option("since", {
              type: "string",
              describe:
                "Review only the revisions added or edited since this git revision (the rest is context); edits to merged revisions are revision-edited errors",
            })
            .option("release-after", {
              type: "string",
              describe: "Review only the revisions after this revision id: the release about to ship",
            })
            .option("start-after", {
              type: "string",
              describe: "Never report these revisions (comma-separated) and their ancestors (legacy history)",
            })
            .option("config", {
              type: "string",
              describe:
                "Config file to use (default: the nearest migragate.toml or pyproject.toml [tool.migragate]; --no-config: none)",
            })
            .option("cache", {
              type: "boolean",
              default: true,
              describe: "Reuse what earlier runs extracted from unchanged files (--no-cache: parse everything)",
            })
            .option("cache-dir", {
              type: "string",
              describe: "Where the cache lives (default: $MIGRAGATE_CACHE_DIR, else ~/.cache/migragate)",
            }),
        async (args) => {
          exitCode = await runCheck(
            {
              paths: list(args.paths),
              reports: pairReports(repeated(args.format) as ReportFormat[], repeated(args.output)),
              select: selectors("--select", args.select),
              extendSelect: selectors("--extend-select", args["extend-select"]),
              ignore: selectors("--ignore", args.ignore),
              ...projectFlags(args),
              ...(args["fail-on-opaque"] !== undefined ? { failOnOpaque: args["fail-on-opaque"] } : {}),
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
              ...(args.cache ? cacheOption(args["cache-dir"] ?? defaultCacheDir(process.env), list(args.paths)) : {}),
            },
          );
        },
      )
      .command(
        "plan [paths..]",
        "The deploy plan of the release under review: what runs before the code deploy, after it, and next release",
        (command) =>
          command
            .positional("paths", { type: "string", array: true, describe: "Paths to analyse, as for check" })
            .option("format", { choices: PLAN_FORMATS, default: "text" as const, describe: "Plan format" })
            .option("output", { alias: "o", type: "string", describe: "Write the plan to this file (default: stdout)" })
            .option("fail-on", {
              choices: ["error", "warning", "info", "never"] as const,
              describe: "Exit 1 when a mixed revision's finding is at or above this severity (default: error)",
            })
            .option("dialect", { type: "string", describe: "SQL dialect, as for check" })
            .option("alembic-version", { type: "string", describe: "Alembic version the project uses (e.g. 1.13.1)" })
            .option("postgres-version", {
              type: "string",
              describe: "Major version of the PostgreSQL server (9 to 18)",
            })
            .option("assume-in-transaction", {
              type: "boolean",
              describe: "Plain .sql files each run in one transaction",
            })
            .option("since", {
              type: "string",
              describe: "The release: the revisions added or edited since this git revision",
            })
            .option("release-after", { type: "string", describe: "The release: the revisions after this revision id" })
            .option("start-after", { type: "string", describe: "Never plan this revision and its ancestors (legacy)" })
            .option("config", { type: "string", describe: "Config file to use (--no-config: none)" })
            .option("write", {
              type: "boolean",
              default: false,
              describe: "Apply the fix for order conflicts (new down_revision values) to the revisions under review",
            })
            .option("yes", { type: "boolean", default: false, describe: "With --write: apply without asking" })
            .option("cache", {
              type: "boolean",
              default: true,
              describe: "Reuse earlier extractions (--no-cache: parse all)",
            })
            .option("cache-dir", { type: "string", describe: "Where the cache lives" }),
        async (args) => {
          if (Array.isArray(args.format) || Array.isArray(args.output))
            throw new InputError("plan writes one plan: give --format and --output at most once");
          const confirm = terminalConfirm();
          const width = reportWidth(process.env, process.stdout);
          exitCode = await runPlan(
            {
              paths: list(args.paths),
              select: [],
              ignore: [],
              format: args.format as PlanFormat,
              ...(args.output !== undefined ? { output: args.output } : {}),
              ...projectFlags(args),
              write: args.write,
              yes: args.yes,
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
              ...(args.cache ? cacheOption(args["cache-dir"] ?? defaultCacheDir(process.env), list(args.paths)) : {}),
            },
          );
        },
      )
      .command(
        "init [path]",
        "Adopt migragate: write the baseline and settings to pyproject.toml or migragate.toml, print CI snippets",
        (command) =>
          command
            .positional("path", { type: "string", describe: "The project or migrations folder (default: .)" })
            .option("force", { type: "boolean", default: false, describe: "Replace settings that hold other values" }),
        async (args) => {
          // Loaded only for init: it reads revisions on the main thread, with the parsers.
          const { runInit } = await import("./init.js");
          exitCode = await runInit(
            { ...(args.path !== undefined ? { path: args.path } : {}), force: args.force },
            {
              cwd: process.cwd(),
              version: MIGRAGATE_VERSION,
              stdout: write,
              ...(MIGRAGATE_REPOSITORY ? { repositoryUrl: MIGRAGATE_REPOSITORY } : {}),
            },
          );
        },
      )
      .command("rules", "List the rules", {}, () => {
        write(listRules());
      })
      .command(
        "explain [rule]",
        "Explain a rule: what it catches, why, and the safe alternative",
        (command) => command.positional("rule", { type: "string" }),
        (args) => {
          // Laid out for the terminal (or COLUMNS); written as it is into a file or a pipe.
          write(
            reflowMarkdown(explain(args.rule, startup.layout.docsFolder), reportWidth(process.env, process.stdout)),
          );
        },
      )
      .demandCommand(1, `name a command: ${COMMANDS.slice(0, -1).join(", ")} or ${COMMANDS.at(-1)}`)
      .strict()
      // yargs lays out the help text on every command run; without wrapping that costs ~1 ms instead of ~30 ms.
      .wrap(null)
      .version(MIGRAGATE_VERSION)
      .help()
      .fail((message, error) => {
        if (!error) unknownCommand(argv[0]);
        // yargs spreads some messages over lines; the CLI promises one line on stderr.
        throw error ?? new InputError(invalidChoice(message.replace(/\s*\n\s*/g, " ")));
      })
      .parseAsync();
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`migragate: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`migragate: internal error: ${message}\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}
