import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { type Dialect, type FailOn, SEVERITIES, type Severity } from "../../domain/index.js";
import { InputError } from "../fs/discovery.js";

export type SeveritySetting = Severity | "off";

/** `[tool.migragate]` of a pyproject.toml, or a migragate.toml, after validation. */
export interface ProjectConfig {
  /** The file it came from, as given to the reader. */
  readonly file: string;
  /** The folder `exclude` globs are relative to. */
  readonly root: string;
  readonly dialect?: Dialect;
  readonly select?: readonly string[];
  readonly extendSelect?: readonly string[];
  readonly ignore?: readonly string[];
  readonly severity?: ReadonlyMap<string, SeveritySetting>;
  readonly failOn?: FailOn;
  readonly exclude?: readonly string[];
  /** One revision id, or several where the baseline has several heads. */
  readonly startAfter?: readonly string[];
  readonly releaseAfter?: string;
  readonly alembicVersion?: string;
  readonly postgresVersion?: number;
  readonly assumeInTransaction?: boolean;
  /** Where the rule documents are published: a URL with `{rule}`, or the folder holding `<rule>.md`. */
  readonly docsUrl?: string;
}

/** Other names the dialects go by (SQLAlchemy's `postgres://`, MariaDB, Python's sqlite3). */
const DIALECT_ALIASES: ReadonlyMap<string, Dialect> = new Map<string, Dialect>([
  ["postgresql", "postgresql"],
  ["postgres", "postgresql"],
  ["mysql", "mysql"],
  ["mariadb", "mysql"],
  ["sqlite", "sqlite"],
  ["sqlite3", "sqlite"],
]);

/** A dialect name as a user may write it, or undefined. */
export function dialectNamed(value: unknown): Dialect | undefined {
  return typeof value === "string" ? DIALECT_ALIASES.get(value.trim().toLowerCase()) : undefined;
}

export const DIALECT_CHOICES = "postgresql (or postgres), mysql (or mariadb), sqlite";
const FAIL_ON = [...SEVERITIES, "never"] as const;
const SEVERITY_SETTINGS = [...SEVERITIES, "off"] as const;
export const CONFIG_KEYS = [
  "dialect",
  "select",
  "extend-select",
  "ignore",
  "severity",
  "fail-on",
  "exclude",
  "start-after",
  "release-after",
  "alembic-version",
  "postgres-version",
  "assume-in-transaction",
  "docs-url",
] as const;
/** `1.13.1`, `1.13`, `1.16.0rc1`. */
export const ALEMBIC_VERSION = /^\d+(\.\d+){0,2}\w*$/;
export const MIN_POSTGRES_VERSION = 9;
export const MAX_POSTGRES_VERSION = 18;

/** The nearest config file at or above `start`: a migragate.toml, or a pyproject.toml with `[tool.migragate]`. */
export function findConfigFile(start: string): string | undefined {
  let folder = resolve(start);
  if (existsSync(folder) && !statSync(folder).isDirectory()) folder = dirname(folder);
  for (;;) {
    const own = join(folder, "migragate.toml");
    if (existsSync(own)) return own;
    const pyproject = join(folder, "pyproject.toml");
    if (existsSync(pyproject) && /^\s*\[tool\.migragate\]/m.test(readFileSync(pyproject, "utf8"))) return pyproject;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function oneOf<T extends string>(where: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`${where} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
}

function text(where: string, value: unknown, pattern?: RegExp, shape?: string): string {
  if (typeof value === "string" && value.trim() !== "" && (!pattern || pattern.test(value))) return value.trim();
  throw new InputError(`${where} must be ${shape ?? "a non-empty string"} (got ${JSON.stringify(value)})`);
}

function stringList(where: string, value: unknown): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (Array.isArray(list) && list.every((item) => typeof item === "string" && item.trim() !== ""))
    return list.map((item) => (item as string).trim());
  throw new InputError(`${where} must be a list of strings (got ${JSON.stringify(value)})`);
}

/** A revision id, or a non-empty list of them (a baseline with several heads). */
function revisionIds(where: string, value: unknown): string[] {
  const ids = Array.isArray(value) && value.length > 0 ? value : [value];
  if (ids.every((id) => typeof id === "string" && /^[\w-]+$/.test(id.trim()))) return ids.map((id) => id.trim());
  throw new InputError(`${where} must be a revision id or a list of them (got ${JSON.stringify(value)})`);
}

function postgresVersion(where: string, value: unknown): number {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (
    typeof number === "number" &&
    Number.isInteger(number) &&
    number >= MIN_POSTGRES_VERSION &&
    number <= MAX_POSTGRES_VERSION
  )
    return number;
  throw new InputError(
    `${where} must be a PostgreSQL major version from ${MIN_POSTGRES_VERSION} to ${MAX_POSTGRES_VERSION} (got ${JSON.stringify(value)})`,
  );
}

/** Throws an InputError naming `where` when `rule` is no rule (the caller knows the rules). */
export type RuleNameCheck = (rule: string, where: string) => void;

/**
 * Validates a parsed settings table; `label` names it in errors (`pyproject.toml [tool.migragate]`). `checkRule`
 * vets the rule names of `severity` before their levels, so a misspelt rule is named as one.
 */
export function validateConfig(
  settings: Record<string, unknown>,
  label: string,
  file: string,
  checkRule?: RuleNameCheck,
): ProjectConfig {
  const config: { -readonly [K in keyof ProjectConfig]: ProjectConfig[K] } = { file, root: dirname(resolve(file)) };
  for (const [key, value] of Object.entries(settings)) {
    const where = `${label}: ${key}`;
    switch (key) {
      case "dialect": {
        const dialect = dialectNamed(value);
        if (!dialect) throw new InputError(`${where} must be one of ${DIALECT_CHOICES} (got ${JSON.stringify(value)})`);
        config.dialect = dialect;
        break;
      }
      case "select":
        config.select = stringList(where, value);
        break;
      case "extend-select":
        config.extendSelect = stringList(where, value);
        break;
      case "ignore":
        config.ignore = stringList(where, value);
        break;
      case "severity": {
        if (typeof value !== "object" || value === null || Array.isArray(value))
          throw new InputError(`${where} must be a table of rule = "error" | "warning" | "info" | "off"`);
        for (const rule of Object.keys(value)) checkRule?.(rule, where);
        config.severity = new Map(
          Object.entries(value).map(([rule, level]) => [rule, oneOf(`${where}.${rule}`, level, SEVERITY_SETTINGS)]),
        );
        break;
      }
      case "fail-on":
        config.failOn = oneOf(where, value, FAIL_ON);
        break;
      case "exclude":
        config.exclude = stringList(where, value);
        break;
      case "start-after":
        config.startAfter = revisionIds(where, value);
        break;
      case "release-after":
        config.releaseAfter = text(where, value, /^[\w-]+$/, "a revision id");
        break;
      case "alembic-version":
        config.alembicVersion = text(where, value, ALEMBIC_VERSION, 'a version such as "1.13.1"');
        break;
      case "postgres-version":
        config.postgresVersion = postgresVersion(where, value);
        break;
      case "assume-in-transaction":
        if (typeof value !== "boolean")
          throw new InputError(`${where} must be true or false (got ${JSON.stringify(value)})`);
        config.assumeInTransaction = value;
        break;
      case "docs-url":
        config.docsUrl = text(where, value, /^https?:\/\/\S+$/, "an http(s) URL");
        break;
      default:
        throw new InputError(`${label}: unknown key "${key}" (allowed: ${CONFIG_KEYS.join(", ")})`);
    }
  }
  return config;
}

/** Reads and validates a config file; `display` is how errors name it. The TOML parser loads only when one exists. */
export async function readConfigFile(path: string, display: string, checkRule?: RuleNameCheck): Promise<ProjectConfig> {
  const { parse, TomlError } = await import("smol-toml");
  let document: Record<string, unknown>;
  try {
    document = parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError)
      throw new InputError(`${display}:${error.line}:${error.column}: invalid TOML: ${error.message.split("\n")[0]}`);
    throw new InputError(`${display}: cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (basename(path) !== "pyproject.toml") return validateConfig(document, display, path, checkRule);
  const tool = document.tool as Record<string, unknown> | undefined;
  const settings = tool?.migragate;
  if (typeof settings !== "object" || settings === null || Array.isArray(settings))
    throw new InputError(`${display}: [tool.migragate] must be a table`);
  return validateConfig(settings as Record<string, unknown>, `${display} [tool.migragate]`, path, checkRule);
}
