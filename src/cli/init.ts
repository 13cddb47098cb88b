import { existsSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { findConfigFile, readConfigFile, validateConfig } from "../adapters/config/config-file.js";
import { Glob } from "../adapters/config/glob.js";
import { editTable, parseToml, renderValue, type Setting, type TableEdit } from "../adapters/config/toml-edit.js";
import { describeSource, projectAlembicVersion } from "../adapters/fs/alembic-version.js";
import { type Discovery, discover, InputError, MAX_SETTINGS_FILE_BYTES } from "../adapters/fs/discovery.js";
import { readRegularFile } from "../adapters/fs/safe-read.js";
import { filesAtCommit, findBaseline, type GitBaseline, gitTop } from "../adapters/git/baseline.js";
import { loadPythonParser } from "../adapters/python/python-parser.js";
import type { Dialect, DialectDecision, Revision } from "../domain/index.js";
import { decideDialect } from "../services/dialect-decision.js";
import { buildGraph } from "../services/graph.js";
import { projectDialectEvidence } from "./dialect-evidence.js";
import { displayPath } from "./display-path.js";
import { DEFAULT_FILE_LIMITS, extractSqlMigrations } from "./extract-project.js";
import { extractSources, projectModules, type SourceFile } from "./extract-sources.js";
import { githubActionsSnippet, type MigragateSource, preCommitSnippet } from "./init-snippets.js";

export interface InitOptions {
  /** The project, migrations folder or versions folder to adopt (default: the current folder). */
  readonly path?: string;
  /** Replace settings that hold another value. */
  readonly force: boolean;
}

export interface InitEnvironment extends MigragateSource {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
}

/** The settings `init` chose and, for each, where it came from. */
interface Found {
  readonly setting: Setting;
  readonly why: string;
}

const CONFIG_DIALECTS: readonly Dialect[] = ["postgresql", "mysql", "sqlite"];

/** The folder a history's files live in: the nearest `versions` folder above them, else their own folder. */
function historyRoot(file: string, stop: string): string {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (basename(folder) === "versions") return folder;
    if (folder === stop || dirname(folder) === folder) return dirname(file);
  }
}

function historyRoots(files: readonly string[], stop: string): string[] {
  const roots = [...new Set(files.map((file) => historyRoot(file, stop)))].sort();
  return roots.filter((root) => !roots.some((other) => other !== root && root.startsWith(`${other}${sep}`)));
}

/** Drops the files the existing config's `exclude` globs match, as `check` does. */
function excludeFilter(patterns: readonly string[], root: string | undefined): (absolute: string) => boolean {
  if (root === undefined || patterns.length === 0) return () => true;
  const globs = patterns.map((pattern) => new Glob(pattern));
  return (absolute) => {
    const path = relative(root, absolute).split(sep).join("/");
    return !globs.some((glob) => glob.matches(path));
  };
}

/** Revisions of Python and plain SQL sources; files that are no revision are left out. */
async function revisionsOf(
  python: readonly SourceFile[],
  sql: readonly SourceFile[],
  dialect: Dialect,
  cwd: string,
  parser: () => ReturnType<typeof loadPythonParser>,
): Promise<Revision[]> {
  const revisions =
    python.length > 0
      ? (await extractSources(python, await parser(), { dialect, forced: false }, projectModules(cwd))).revisions
      : [];
  return sql.length > 0
    ? [...revisions, ...(await extractSqlMigrations(sql, { dialect, forced: false }, []))]
    : revisions;
}

function headsOf(revisions: readonly Revision[], dialect: Dialect): string[] {
  const { histories } = buildGraph(revisions, { dialect, forced: false }, 16);
  return [...new Set(histories.flatMap((history) => history.heads))].sort();
}

/** The working tree's files of the history as sources; one that is not a regular file of sane size is left out. */
function workingSources(files: readonly string[], cwd: string): SourceFile[] {
  return files.flatMap((path) => {
    const read = readRegularFile(path, { maxBytes: DEFAULT_FILE_LIMITS.maxBytes });
    if (read.problem !== undefined) return [];
    return [{ file: displayPath(cwd, path), path, text: read.text.replace(/^\uFEFF/, "") }];
  });
}

/** The same history's files as they were committed at the baseline, shown under their working-tree paths. */
function committedSources(
  baseline: GitBaseline,
  roots: readonly string[],
  extension: string,
  keep: (absolute: string) => boolean,
  cwd: string,
): SourceFile[] {
  const inRepository = roots
    .map((root) => ({ root, path: relative(baseline.top, existsSync(root) ? realpathSync(root) : root) }))
    .filter(({ path }) => !path.startsWith("..") && !path.startsWith(sep));
  const sources: SourceFile[] = [];
  for (const { root, path } of inRepository) {
    const prefix = path === "" ? "" : `${path.split(sep).join("/")}/`;
    for (const file of filesAtCommit(baseline.top, baseline.commit, [path === "" ? "." : path], [extension])) {
      const absolute = join(root, file.path.slice(prefix.length));
      if (basename(absolute) === "env.py" || !keep(absolute)) continue;
      sources.push({ file: displayPath(cwd, absolute), path: absolute, text: file.text });
    }
  }
  return sources;
}

/** The folder `check` treats as the project: the one holding alembic.ini at or above the target, else the target. */
function projectFolder(target: string, top: string | undefined): string {
  const start = existsSync(target) && !statSync(target).isDirectory() ? dirname(target) : target;
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "alembic.ini"))) return folder;
    if (folder === top || dirname(folder) === folder || top === undefined) return start;
  }
}

/** Where the settings go: the config `check` already reads, else the nearest pyproject.toml, else a migragate.toml. */
function configTarget(target: string, top: string | undefined): string {
  const existing = findConfigFile(target);
  if (existing) return existing;
  const project = projectFolder(target, top);
  for (let folder = project; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "pyproject.toml"))) return join(folder, "pyproject.toml");
    if (top === undefined || folder === top || dirname(folder) === folder) break;
  }
  return join(project, "migragate.toml");
}

function asList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? (value as string[]) : undefined;
}

/** Whether a setting already says what init would write (a prefix names its revision; `postgres` is `postgresql`). */
function sameSetting(setting: Setting, current: unknown): boolean {
  if (setting.key === "start-after") {
    const wanted = asList(setting.value) ?? [];
    const held = asList(current);
    return (
      held !== undefined &&
      held.length === wanted.length &&
      wanted.every((id) => held.some((prefix) => prefix === id || (prefix.length >= 4 && id.startsWith(prefix))))
    );
  }
  if (setting.key === "dialect") return (current === "postgres" ? "postgresql" : current) === setting.value;
  return current === setting.value;
}

function plural(count: number, singular: string, several = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : several}`;
}

/** What one run of `init` decided, before any file is written. */
interface Plan {
  readonly settings: Found[];
  readonly notes: string[];
  /** Revisions in the baseline: the history up to the heads start-after names. */
  readonly baselineSize: number;
  readonly configPath: string;
}

async function plan(
  target: string,
  found: Discovery,
  environment: InitEnvironment,
  top: string | undefined,
): Promise<Plan> {
  const configPath = findConfigFile(target);
  const config = configPath ? await readConfigFile(configPath, displayPath(environment.cwd, configPath)) : undefined;
  const keep = excludeFilter(config?.exclude ?? [], config?.root);
  const { cwd } = environment;
  const pythonFiles = found.revisionFiles.filter(keep);
  const sqlFiles = found.sqlFiles.filter(keep);
  const workingPython = workingSources(pythonFiles, cwd);
  // The dialect as check decides it (docs/configuration.md#which-dialect), from the project's own evidence.
  const evidence = projectDialectEvidence(
    found.alembicConfigs,
    target,
    (absolute) => displayPath(environment.cwd, absolute),
    workingPython,
  );
  const decision = decideDialect({
    ...(config?.dialect ? { config: { dialect: config.dialect, detail: "dialect in the config file" } } : {}),
    ...evidence,
  });
  const dialect: Dialect = decision.dialect;
  // What the project itself says, whatever the config holds: a second run lists it as held (or as kept).
  const fromProject = decideDialect(evidence);
  const projectDialect = ["alembic.ini", "pyproject", "driver"].includes(fromProject.source) ? fromProject : undefined;
  let loaded: ReturnType<typeof loadPythonParser> | undefined;
  const parser = () => {
    loaded ??= loadPythonParser();
    return loaded;
  };
  const current = await revisionsOf(workingPython, workingSources(sqlFiles, cwd), dialect, cwd, parser);
  const notes: string[] = [];
  const baseline = findBaseline(target);
  let revisions = current;
  if ("commit" in baseline) {
    const stop = baseline.top;
    const python = committedSources(baseline, historyRoots(pythonFiles, stop), ".py", keep, cwd);
    const sql = committedSources(baseline, historyRoots(sqlFiles, stop), ".sql", keep, cwd);
    revisions = await revisionsOf(python, sql, dialect, cwd, parser);
  }
  const heads = headsOf(revisions, dialect);
  const why =
    "commit" in baseline
      ? `the ${heads.length === 1 ? "head" : "heads"} at ${baseline.commit.slice(0, 10)}, the merge-base of HEAD and ${baseline.defaultBranch}`
      : `the current ${heads.length === 1 ? "head" : "heads"}: ${baseline.reason}`;
  const known = new Set(current.map((revision) => revision.id));
  const missing = heads.filter((head) => !known.has(head));
  if (missing.length > 0)
    notes.push(
      `${missing.join(", ")} of the baseline ${missing.length === 1 ? "is" : "are"} no longer in the history: check will refuse start-after until it names existing revisions`,
    );
  const settings: Found[] = [];
  if (heads.length > 0) {
    settings.push({
      setting: {
        key: "start-after",
        value: heads.length === 1 ? (heads[0] as string) : heads,
        comment: "The baseline (migragate init): these revisions and their ancestors are never reported",
      },
      why,
    });
  } else {
    notes.push(`no revision at the baseline (${why}): every revision is judged`);
  }
  // Pinned only with evidence: a project without a URL is left to migragate's own detection on every run.
  if (projectDialect && (CONFIG_DIALECTS as readonly string[]).includes(projectDialect.dialect)) {
    settings.push({
      setting: { key: "dialect", value: projectDialect.dialect, comment: `from ${dialectOrigin(projectDialect)}` },
      why: dialectOrigin(projectDialect),
    });
  }
  const alembic = await projectAlembicVersion(target);
  if (alembic) {
    const source = displayPath(cwd, alembic.file);
    settings.push({
      setting: {
        key: "alembic-version",
        value: alembic.version,
        comment: `${describeSource(alembic)}; without this line migragate reads ${basename(source)} on every run`,
      },
      why: `${alembic.pinned ? "pinned in" : "the lowest allowed by"} ${source}`,
    });
  }
  return {
    settings,
    notes,
    baselineSize: heads.length > 0 ? revisions.length : 0,
    configPath: configTarget(target, top),
  };
}

/** A config file's text, read as check reads one: a regular file of at most 1 MB, else one line saying why. */
function readConfigText(path: string, display: string): string {
  const read = readRegularFile(path, { maxBytes: MAX_SETTINGS_FILE_BYTES, limitFor: "a config file" });
  if (read.problem !== undefined) throw new InputError(`${display}: cannot read (${read.problem})`);
  return read.text;
}

async function edit(configPath: string, settings: readonly Setting[], force: boolean, display: string) {
  const exists = existsSync(configPath);
  const text = exists ? readConfigText(configPath, display) : "";
  const pyproject = basename(configPath) === "pyproject.toml";
  const document = await parseToml(text, display);
  const tool = document.tool as Record<string, unknown> | undefined;
  const current = (pyproject ? tool?.migragate : document) as Record<string, unknown> | undefined;
  const table = pyproject ? ["tool", "migragate"] : [];
  const result = editTable(text, table, settings, current ?? {}, sameSetting, force);
  if (result.text !== text) {
    // The edit must leave a file check can read: anything else is refused before a byte is written.
    const edited = await parseToml(result.text, display).catch(() => {
      throw new InputError(`${display}: cannot add the settings without rewriting the file; add them by hand`);
    });
    const settingsTable = (pyproject ? (edited.tool as Record<string, unknown>).migragate : edited) as Record<
      string,
      unknown
    >;
    validateConfig(settingsTable, display, configPath);
    writeFileSync(configPath, result.text);
  }
  return { ...result, created: !exists };
}

function describe(edit: TableEdit & { created: boolean }, found: readonly Found[], display: string): string[] {
  const why = (setting: Setting) => found.find((item) => item.setting === setting)?.why ?? "";
  const line = (mark: string, setting: Setting) =>
    `  ${mark} ${setting.key} = ${renderValue(setting.value)}  (${why(setting)})`;
  const where = basename(display) === "pyproject.toml" ? `${display} [tool.migragate]` : display;
  const changed = edit.added.length + edit.replaced.length > 0;
  return [
    changed
      ? `${edit.created ? "created" : "updated"} ${where}:`
      : edit.kept.length > 0
        ? `${where}: nothing changed`
        : `${where} already holds these settings:`,
    ...edit.added.map((setting) => line("+", setting)),
    ...edit.replaced.map((setting) => line("~", setting)),
    ...edit.unchanged.map((setting) => line("=", setting)),
    ...edit.kept.map(
      ({ setting, current }) =>
        `  ! kept ${setting.key} = ${JSON.stringify(current)}: init found ${renderValue(setting.value)} (${why(setting)}); --force replaces it`,
    ),
  ];
}

/** The `init` command: writes the baseline and what migragate can read from the project, then prints the snippets. */
export async function runInit(options: InitOptions, environment: InitEnvironment): Promise<number> {
  const { cwd } = environment;
  const target = resolve(cwd, options.path ?? ".");
  const found = await discover([target], cwd);
  const top = gitTop(target);
  const decided = await plan(target, found, environment, top);
  const display = displayPath(cwd, decided.configPath);
  const settings = decided.settings.map((item) => item.setting);
  const result = await edit(decided.configPath, settings, options.force, display);
  // pre-commit and GitHub Actions both run from the repository's top.
  const hookPath =
    relative(top ?? cwd, target)
      .split(sep)
      .join("/") || ".";
  const out = [
    ...describe(result, decided.settings, display),
    ...decided.notes.map((note) => `  note: ${note}`),
    "",
    ...(decided.baselineSize > 0 && !result.kept.some(({ setting }) => setting.key === "start-after")
      ? [
          `The baseline holds ${plural(decided.baselineSize, "revision")}: \`migragate check\` judges only the revisions after it.`,
          "",
        ]
      : []),
    "Run it on every commit (pre-commit):",
    "",
    preCommitSnippet(environment, hookPath),
    "Gate pull requests (GitHub Actions):",
    "",
    githubActionsSnippet(environment, hookPath),
  ];
  environment.stdout(`${out.join("\n")}`);
  return 0;
}

/** Where a dialect came from, in a few words for the config comment (a URL itself is not copied into the file). */
function dialectOrigin(decision: DialectDecision): string {
  if (decision.source === "alembic.ini") return "alembic.ini's sqlalchemy.url";
  if (decision.source === "pyproject") return "[tool.alembic]'s sqlalchemy.url in pyproject.toml";
  return decision.detail;
}
