import { existsSync, statSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve, sep } from "node:path";
import { parseIni } from "./ini.js";
import { readSmallFile } from "./safe-read.js";

/** One Alembic configuration: an `alembic.ini` section with `script_location`, or pyproject.toml's `[tool.alembic]`. */
export interface AlembicConfig {
  /** Absolute path of alembic.ini or pyproject.toml. */
  readonly file: string;
  readonly kind: "alembic.ini" | "pyproject";
  /** The ini section (`alembic` unless a multi-database file names others), or `tool.alembic`. */
  readonly section: string;
  /** `script_location` as written. */
  readonly scriptLocationText: string;
  /** The folder it resolves to (absolute), whether or not it exists. */
  readonly scriptLocation: string;
  /** Folders revisions are read from: `version_locations`, or `<script_location>/versions` when none is given. */
  readonly versionLocations: readonly string[];
  /** `version_locations` was written (rather than the default): a location that is not a folder stops Alembic. */
  readonly versionLocationsGiven: boolean;
  /** `sqlalchemy.url` as written, when the section has one. */
  readonly url?: string;
}

/** Folders walked up looking for the configuration that owns a folder. */
const MAX_DEPTH = 32;
/** A configuration file larger than this is not one. */
const MAX_CONFIG_BYTES = 1_000_000;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A configuration's text, read only when it is a regular file of sane size. */
function readSmall(path: string): string | undefined {
  return readSmallFile(path, MAX_CONFIG_BYTES);
}

/** `path/to` within `folder` (or `folder` itself). */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

/**
 * The folders above `start` up to the project's top: the git top-level (the folder holding `.git`), or the file
 * system's root outside git; `start` first.
 */
export function foldersUpToTop(start: string): string[] {
  const folders: string[] = [];
  let current = resolve(start);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    folders.push(current);
    const parent = dirname(current);
    if (existsSync(join(current, ".git")) || parent === current) break;
    current = parent;
  }
  return folders;
}

/**
 * Where a `package.module:path/in/it` resource lives (Alembic reads it with importlib.resources): the package is
 * looked for in the configuration's folder, its parents up to the project's top, and their `src/` folders.
 */
function resolveResource(location: string, here: string): string | undefined {
  const [packageName = "", ...parts] = location.split(":");
  if (!/^[A-Za-z_][\w.]*$/.test(packageName)) return undefined;
  const packagePath = packageName.split(".");
  for (const folder of foldersUpToTop(here)) {
    for (const base of [folder, join(folder, "src")]) {
      const packageFolder = join(base, ...packagePath);
      if (isDirectory(packageFolder)) return join(packageFolder, ...parts);
    }
  }
  return undefined;
}

/** A location as Alembic reads it: `%(here)s` expanded, a package resource found, a relative path from the file. */
function resolveLocation(written: string, here: string): string {
  const value = written.replace(/%\(here\)s/g, here).trim();
  if (!isAbsolute(value) && value.includes(":")) return resolveResource(value, here) ?? resolve(here, value);
  return resolve(here, value);
}

/**
 * Splits `version_locations` the way Alembic does: by `path_separator` (1.16+) or `version_path_separator`
 * (`os`, `space`, `newline`, or a character), else by spaces and commas (the legacy reading).
 */
function splitLocations(value: string, separator: string | undefined): string[] {
  const pattern =
    separator === undefined
      ? /[\s,]+/
      : separator === "os"
        ? delimiter
        : separator === "space"
          ? / +/
          : separator === "newline"
            ? /\r?\n/
            : separator;
  return value
    .split(pattern)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

function configOf(
  file: string,
  kind: AlembicConfig["kind"],
  section: string,
  values: { script?: string; versions: readonly string[]; url?: string },
): AlembicConfig | undefined {
  if (!values.script) return undefined;
  const here = dirname(file);
  const scriptLocation = resolveLocation(values.script, here);
  const versions = values.versions.map((location) => resolveLocation(location, here));
  return {
    file,
    kind,
    section,
    scriptLocationText: values.script,
    scriptLocation,
    versionLocations: versions.length > 0 ? versions : [join(scriptLocation, "versions")],
    versionLocationsGiven: versions.length > 0,
    ...(values.url !== undefined && values.url.trim() !== "" ? { url: values.url.trim() } : {}),
  };
}

/** Every section of an alembic.ini that has a `script_location`. */
export function readAlembicIni(file: string): AlembicConfig[] {
  const text = readSmall(file);
  if (text === undefined) return [];
  const configs: AlembicConfig[] = [];
  for (const [section, values] of parseIni(text)) {
    const separator = values.get("path_separator") ?? values.get("version_path_separator");
    const config = configOf(file, "alembic.ini", section, {
      script: values.get("script_location"),
      versions: splitLocations(values.get("version_locations") ?? "", separator),
      url: values.get("sqlalchemy.url"),
    });
    if (config) configs.push(config);
  }
  return configs;
}

const TOOL_ALEMBIC = /^\s*\[tool\.alembic\]/m;

/** pyproject.toml's `[tool.alembic]` (Alembic 1.16+), when it has a `script_location`; the TOML parser loads only then. */
export async function readPyprojectAlembic(file: string): Promise<AlembicConfig | undefined> {
  const text = readSmall(file);
  if (text === undefined || !TOOL_ALEMBIC.test(text)) return undefined;
  const { parse } = await import("smol-toml");
  let table: unknown;
  try {
    table = (parse(text) as { tool?: { alembic?: unknown } }).tool?.alembic;
  } catch {
    // migragate's own config reader names a broken pyproject.toml when it reads one; here it only owns nothing.
    return undefined;
  }
  if (typeof table !== "object" || table === null) return undefined;
  const values = table as Record<string, unknown>;
  const string = (value: unknown) => (typeof value === "string" ? value : undefined);
  const locations = values.version_locations;
  const versions = Array.isArray(locations)
    ? locations.filter((item): item is string => typeof item === "string")
    : splitLocations(string(locations) ?? "", string(values.path_separator));
  return configOf(file, "pyproject", "tool.alembic", {
    script: string(values.script_location),
    versions,
    url: string(values["sqlalchemy.url"]),
  });
}

/** The Alembic configurations a folder holds: its alembic.ini sections, then its pyproject.toml's `[tool.alembic]`. */
export async function configsIn(folder: string): Promise<AlembicConfig[]> {
  const ini = join(folder, "alembic.ini");
  const configs = existsSync(ini) ? readAlembicIni(ini) : [];
  const pyproject = await readPyprojectAlembic(join(folder, "pyproject.toml"));
  return pyproject ? [...configs, pyproject] : configs;
}

/** The configuration reads revisions from `path`: its script location, a version location, or inside one. */
function owns(config: AlembicConfig, path: string): boolean {
  return isWithin(path, config.scriptLocation) || config.versionLocations.some((location) => isWithin(path, location));
}

/**
 * The Alembic configuration that owns `folder`: the nearest alembic.ini or pyproject.toml `[tool.alembic]`, walking
 * up to the project's top, whose script location or version locations hold the folder.
 */
export async function owningConfig(folder: string): Promise<AlembicConfig | undefined> {
  const target = resolve(folder);
  for (const candidate of foldersUpToTop(target)) {
    const owner = (await configsIn(candidate)).find((config) => owns(config, target));
    if (owner) return owner;
  }
  return undefined;
}
