import { relative, resolve } from "node:path";
import { findConfigFile, type ProjectConfig, readConfigFile } from "../adapters/config/config-file.js";
import { projectAlembicVersion } from "../adapters/fs/alembic-version.js";
import { InputError } from "../adapters/fs/discovery.js";
import type { Analyzer, Dialect, FailOn, Severity } from "../domain/index.js";
import { closestName, enabledRules, selectorNames } from "../services/rule-selection.js";
import { DEFAULT_FILE_LIMITS, type FileLimits } from "./extract-project.js";

/** What the command line says; undefined where it says nothing, so the config file can. */
export interface CommandLineSettings {
  readonly paths: readonly string[];
  /** Rules, groups or `ALL`; empty means "not given" (the config's, else the default set). */
  readonly select: readonly string[];
  readonly extendSelect?: readonly string[];
  readonly ignore: readonly string[];
  readonly failOn?: FailOn;
  readonly dialect?: Dialect;
  readonly alembicVersion?: string;
  readonly postgresVersion?: number;
  readonly since?: string;
  readonly releaseAfter?: string;
  readonly startAfter?: readonly string[];
  readonly assumeInTransaction?: boolean;
  /** Any opaque operation in the revisions under review fails the gate. */
  readonly failOnOpaque?: boolean;
  /** A config file to use instead of looking for one; `false` uses none. */
  readonly config?: string | false;
}

/** The settings of one run: command line over config file over defaults. */
export interface RunSettings {
  readonly configFile?: ProjectConfig;
  /** The rules that run. */
  readonly rules: ReadonlySet<string>;
  readonly severity: ReadonlyMap<string, Severity>;
  readonly failOn: FailOn;
  readonly dialect?: Dialect;
  /** Where `dialect` was given: `--dialect`, or the config file. */
  readonly dialectGiven?: "flag" | "config";
  readonly alembicVersion?: string;
  readonly postgresVersion: number;
  readonly since?: string;
  readonly releaseAfter?: string;
  readonly startAfter?: readonly string[];
  readonly exclude: readonly string[];
  readonly assumeInTransaction: boolean;
  readonly failOnOpaque: boolean;
  /** What one file may cost: its size, and the time its extraction may take. */
  readonly fileLimits: FileLimits;
  /** The config's `docs-url`: where the rule documents reports link to are published. */
  readonly docsUrl?: string;
}

/** Every name must be known; `what` names the kind expected ("rule", or "rule or group" where groups count). */
function validateRules(names: readonly string[], known: readonly string[], where: string, what: string): void {
  const knownSet = new Set(known);
  for (const name of names) {
    if (knownSet.has(name)) continue;
    const suggestion = closestName(name, known);
    throw new InputError(
      `${where}: unknown ${what} "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""} (see \`migragate rules\`)`,
    );
  }
}

async function loadConfig(
  settings: CommandLineSettings,
  cwd: string,
  ruleNames: readonly string[],
): Promise<ProjectConfig | undefined> {
  if (settings.config === false) return undefined;
  const path = settings.config ?? findConfigFile(settings.paths[0] ?? cwd);
  if (path === undefined) return undefined;
  return readConfigFile(path, relative(cwd, path) || path, (rule, where) =>
    validateRules([rule], ruleNames, where, "rule"),
  );
}

const SELECTOR = "rule or group";

export async function resolveSettings(
  settings: CommandLineSettings,
  analyzers: readonly Analyzer[],
  cwd: string,
): Promise<RunSettings> {
  const metas = analyzers.map((analyzer) => analyzer.meta);
  const known = selectorNames(metas);
  const ruleNames = metas.map((meta) => meta.name);
  validateRules(settings.select, known, "--select", SELECTOR);
  validateRules(settings.extendSelect ?? [], known, "--extend-select", SELECTOR);
  validateRules(settings.ignore, known, "--ignore", SELECTOR);
  const config = await loadConfig(settings, cwd, ruleNames);
  const label = config ? relative(cwd, config.file) || config.file : "";
  validateRules(config?.select ?? [], known, `${label}: select`, SELECTOR);
  validateRules(config?.extendSelect ?? [], known, `${label}: extend-select`, SELECTOR);
  validateRules(config?.ignore ?? [], known, `${label}: ignore`, SELECTOR);
  validateRules([...(config?.severity?.keys() ?? [])], ruleNames, `${label}: severity`, "rule");
  const severity = new Map<string, Severity>();
  const off: string[] = [];
  for (const [rule, level] of config?.severity ?? []) {
    if (level === "off") off.push(rule);
    else severity.set(rule, level);
  }
  // `--since` and `release-after` both name the release; the command line's choice replaces the file's.
  const since = settings.since;
  const releaseAfter = settings.releaseAfter ?? (since === undefined ? config?.releaseAfter : undefined);
  if (since !== undefined && settings.releaseAfter !== undefined)
    throw new InputError("--since and --release-after both name the release under review: give one");
  const startAfter = settings.startAfter ?? config?.startAfter;
  const dialect = settings.dialect ?? config?.dialect;
  // Without a flag or a config key, the project's own lockfile or requirements say which Alembic it runs.
  const alembicVersion =
    settings.alembicVersion ??
    config?.alembicVersion ??
    (await projectAlembicVersion(resolve(cwd, settings.paths[0] ?? ".")))?.version;
  return {
    ...(config ? { configFile: config } : {}),
    // As in ruff, a `--select` on the command line starts over: the file's select and extend-select are dropped.
    rules: enabledRules(metas, {
      ...(settings.select.length > 0 ? { select: settings.select } : config?.select ? { select: config.select } : {}),
      extendSelect: [
        ...(settings.select.length > 0 ? [] : (config?.extendSelect ?? [])),
        ...(settings.extendSelect ?? []),
      ],
      ignore: [...(settings.ignore.length > 0 ? settings.ignore : (config?.ignore ?? [])), ...off],
    }),
    severity,
    failOn: settings.failOn ?? config?.failOn ?? "error",
    ...(dialect ? { dialect, dialectGiven: settings.dialect ? ("flag" as const) : ("config" as const) } : {}),
    ...(alembicVersion ? { alembicVersion } : {}),
    postgresVersion: settings.postgresVersion ?? config?.postgresVersion ?? 16,
    ...(since !== undefined ? { since } : {}),
    ...(releaseAfter !== undefined ? { releaseAfter } : {}),
    ...(startAfter !== undefined ? { startAfter } : {}),
    exclude: config?.exclude ?? [],
    assumeInTransaction: settings.assumeInTransaction ?? config?.assumeInTransaction ?? false,
    failOnOpaque: settings.failOnOpaque ?? config?.failOnOpaque ?? false,
    fileLimits: {
      maxBytes: config?.maxFileBytes ?? DEFAULT_FILE_LIMITS.maxBytes,
      timeMs: config?.maxFileMs ?? DEFAULT_FILE_LIMITS.timeMs,
    },
    ...(config?.docsUrl !== undefined ? { docsUrl: config.docsUrl } : {}),
  };
}
