import { REPORT_FORMATS } from "../adapters/report/formats.js";
import { PLAN_FORMATS } from "../adapters/report/plan-model.js";
import type { CommandSpec, OptionSpec } from "./arguments.js";

const FAIL_ON_CHOICES = ["error", "warning", "info", "never"] as const;

/** The options check and plan share, with the words of the command that describes them. */
function projectOptions(words: {
  readonly failOn: string;
  readonly dialect: string;
  readonly alembicVersion: string;
  readonly postgresVersion: string;
  readonly assumeInTransaction: string;
  readonly since: string;
  readonly releaseAfter: string;
  readonly startAfter: string;
  readonly config: string;
}): OptionSpec[] {
  return [
    { name: "fail-on", valueName: "severity", kind: "string", choices: FAIL_ON_CHOICES, describe: words.failOn },
    { name: "dialect", valueName: "dialect", kind: "string", describe: words.dialect },
    { name: "alembic-version", valueName: "version", kind: "string", describe: words.alembicVersion },
    { name: "postgres-version", valueName: "major", kind: "string", describe: words.postgresVersion },
    { name: "assume-in-transaction", kind: "boolean", describe: words.assumeInTransaction },
    { name: "since", valueName: "git-revision", kind: "string", describe: words.since },
    { name: "release-after", valueName: "revision", kind: "string", describe: words.releaseAfter },
    { name: "start-after", valueName: "revisions", kind: "repeatable", describe: words.startAfter },
    { name: "config", valueName: "file", kind: "string", negatable: true, describe: words.config },
  ];
}

function cacheOptions(cache: string, cacheDir: string): OptionSpec[] {
  return [
    { name: "cache", kind: "boolean", shownDefault: "true", describe: cache },
    { name: "cache-dir", valueName: "folder", kind: "string", describe: cacheDir },
  ];
}

const CHECK: CommandSpec = {
  name: "check",
  usage: "[paths..]",
  describe:
    "Analyse Alembic migrations (a project with alembic.ini, a migrations or versions folder, or revision files)",
  positional: { name: "paths", many: true, describe: "Paths to analyse (default: the current folder)" },
  options: [
    {
      name: "format",
      valueName: "format",
      kind: "repeatable",
      choices: REPORT_FORMATS,
      describe:
        "Report format (default: text, or the format --output's extension names: .json, .sarif, .xml for JUnit, .md); repeat it (each with its --output) to write several reports",
    },
    {
      name: "output",
      valueName: "file",
      short: "o",
      kind: "repeatable",
      describe: "Write the report of the --format at the same position to this file (default: stdout)",
    },
    {
      name: "select",
      valueName: "rules",
      kind: "repeatable",
      describe: "Run only these rules or groups (comma-separated; ALL for every rule)",
    },
    {
      name: "extend-select",
      valueName: "rules",
      kind: "repeatable",
      describe: "Run these rules or groups besides the default set (comma-separated)",
    },
    {
      name: "ignore",
      valueName: "rules",
      kind: "repeatable",
      describe: "Skip these rules or groups (comma-separated)",
    },
    ...projectOptions({
      failOn: "Exit 1 when a finding is at or above this severity (default: error)",
      dialect:
        "SQL dialect for every history: postgresql, mysql or sqlite (default: decided from the project: a versions/<dialect>/ folder, alembic.ini's URL unless env.py replaces it, the database driver it depends on, else postgresql)",
      alembicVersion:
        "Alembic version the project uses (default: the config's, else from uv.lock, poetry.lock, pyproject.toml or requirements*.txt)",
      postgresVersion: "Major version of the PostgreSQL server (9 to 18, default 16): decides lock and rewrite facts",
      assumeInTransaction:
        "Plain .sql migration files each run inside one transaction (Flyway, dbmate); default: statement by statement",
      since:
        "Review only the revisions added or edited since this git revision (the rest is context); edits to merged revisions are revision-edited errors",
      releaseAfter: "Review only the revisions after this revision id: the release about to ship",
      startAfter: "Never report these revisions (comma-separated) and their ancestors (legacy history)",
      config:
        "Config file to use (default: the nearest migragate.toml or pyproject.toml [tool.migragate]; --no-config: none)",
    }),
    {
      name: "fail-on-opaque",
      kind: "boolean",
      describe: "Fail the gate on any operation migragate could not read (opaque) in the revisions under review",
    },
    ...cacheOptions(
      "Reuse what earlier runs extracted from unchanged files (--no-cache: parse everything)",
      "Where the cache lives (default: $MIGRAGATE_CACHE_DIR, else ~/.cache/migragate)",
    ),
  ],
};

const PLAN: CommandSpec = {
  name: "plan",
  usage: "[paths..]",
  describe: "The deploy plan of the release under review: what runs before the code deploy, after it, and next release",
  positional: { name: "paths", many: true, describe: "Paths to analyse, as for check" },
  options: [
    {
      name: "format",
      valueName: "format",
      kind: "string",
      choices: PLAN_FORMATS,
      shownDefault: "text",
      describe: "Plan format",
    },
    {
      name: "output",
      valueName: "file",
      short: "o",
      kind: "string",
      describe: "Write the plan to this file (default: stdout)",
    },
    ...projectOptions({
      failOn: "Exit 1 when a mixed revision's finding is at or above this severity (default: error)",
      dialect: "SQL dialect, as for check: postgresql, mysql or sqlite",
      alembicVersion: "Alembic version the project uses (e.g. 1.13.1)",
      postgresVersion: "Major version of the PostgreSQL server (9 to 18)",
      assumeInTransaction: "Plain .sql files each run in one transaction",
      since: "The release: the revisions added or edited since this git revision",
      releaseAfter: "The release: the revisions after this revision id",
      startAfter: "Never plan this revision and its ancestors (legacy)",
      config: "Config file to use (--no-config: none)",
    }),
    {
      name: "write",
      kind: "boolean",
      describe: "Apply the fix for order conflicts (new down_revision values) to the revisions under review",
    },
    { name: "yes", kind: "boolean", describe: "With --write: apply without asking" },
    ...cacheOptions("Reuse earlier extractions (--no-cache: parse all)", "Where the cache lives"),
  ],
};

const INIT: CommandSpec = {
  name: "init",
  usage: "[path]",
  describe: "Adopt migragate: write the baseline and settings to pyproject.toml or migragate.toml, print CI snippets",
  positional: { name: "path", many: false, describe: "The project or migrations folder (default: .)" },
  options: [{ name: "force", kind: "boolean", describe: "Replace settings that hold other values" }],
};

const RULES: CommandSpec = { name: "rules", usage: "", describe: "List the rules", options: [] };

const EXPLAIN: CommandSpec = {
  name: "explain",
  usage: "<rule>",
  describe: "Explain a rule: what it catches, why, and the safe alternative",
  positional: { name: "rule", many: false, describe: "A rule's name (see `migragate rules`)" },
  options: [],
};

/** The CLI's commands, in the order help lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [CHECK, PLAN, INIT, RULES, EXPLAIN];
