import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { foldersUpToTop } from "./alembic-config.js";
import { readSmallFile } from "./safe-read.js";

/** The Alembic version a project uses, read from its own files, and the file it came from. */
export interface ProjectAlembicVersion {
  readonly version: string;
  /** Absolute path of the lockfile, requirements file or pyproject.toml. */
  readonly file: string;
  /** A lockfile pin (the version installed) rather than the lowest version a requirement allows. */
  readonly pinned: boolean;
}

const LOCKFILES = ["uv.lock", "poetry.lock"] as const;
const MAX_LOCKFILE_BYTES = 50 << 20;
const MAX_MANIFEST_BYTES = 2 << 20;
const MAX_REQUIREMENT_FILES = 50;
/** A version as Alembic publishes them, without pre-release or local suffixes: what hints compare against. */
const RELEASE = /^\s*v?(\d+(?:\.\d+){0,2})/;

function compareReleases(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function release(text: string): string | undefined {
  return RELEASE.exec(text)?.[1];
}

/**
 * The version an Alembic entry of uv.lock or poetry.lock pins. Both list `[[package]]` tables with `name` and
 * `version` keys; lockfiles can be large, so they are scanned line by line rather than parsed.
 */
export function lockedVersion(lockText: string): string | undefined {
  let inPackage = false;
  let name: string | undefined;
  let version: string | undefined;
  for (const line of lockText.split(/\r?\n/)) {
    if (/^\s*\[/.test(line)) {
      if (inPackage && name === "alembic" && version !== undefined) return release(version);
      inPackage = /^\s*\[\[\s*package\s*\]\]/.test(line);
      name = undefined;
      version = undefined;
      continue;
    }
    if (!inPackage) continue;
    const entry = /^\s*(name|version)\s*=\s*"([^"]*)"/.exec(line);
    if (entry?.[1] === "name") name = (entry[2] ?? "").toLowerCase();
    else if (entry?.[1] === "version") version = entry[2];
  }
  return inPackage && name === "alembic" && version !== undefined ? release(version) : undefined;
}

/**
 * The lowest version a version constraint allows: PEP 440 specifiers (`>=1.12,<2`, `~=1.13.0`, `==1.13.*`) or
 * Poetry's (`^1.13.1`, `~1.13`, a bare `1.13.1`, alternatives with `||`). Upper bounds and exclusions do not matter;
 * a `>X` is taken as X, which errs on the side of the older release. Undefined when nothing bounds it from below.
 */
export function lowestAllowed(constraint: string): string | undefined {
  const alternatives = constraint.split("||").map((alternative) => {
    let lowest: string | undefined;
    for (const clause of alternative.split(/,|\s+(?=[<>=!~^])/)) {
      const match = /^\s*(===|==|~=|>=|>|\^|~|=)?\s*v?(\d+(?:\.\d+){0,2})/.exec(clause.trim());
      if (!match) continue;
      const bound = match[2] as string;
      if (lowest === undefined || compareReleases(bound, lowest) > 0) lowest = bound;
    }
    return lowest;
  });
  if (alternatives.some((lowest) => lowest === undefined)) return undefined;
  return (alternatives as string[]).sort(compareReleases)[0];
}

/**
 * The constraint on Alembic in one PEP 508 requirement (`alembic[tz]>=1.12 ; python_version >= "3.9"`); undefined
 * when the requirement is about another package (`alembic-utils`, `pytest-alembic`) or names a URL.
 */
export function alembicConstraint(requirement: string): string | undefined {
  const match = /^\s*alembic(?![\w.-])\s*(?:\[[^\]]*\])?\s*(.*)$/i.exec(requirement);
  if (!match) return undefined;
  const rest =
    (match[1] ?? "")
      .replace(/\s+#.*$/, "")
      .split(";")[0]
      ?.trim() ?? "";
  if (rest.startsWith("@")) return undefined;
  return rest.replace(/^\((.*)\)$/, "$1");
}

function fromRequirementLines(lines: readonly unknown[]): string | undefined {
  for (const line of lines) {
    if (typeof line !== "string") continue;
    const constraint = alembicConstraint(line);
    if (constraint !== undefined) return lowestAllowed(constraint);
  }
  return undefined;
}

/** requirements.txt first, then the other requirements*.txt and requirements/*.txt files, by name. */
function requirementFiles(folder: string): string[] {
  const names = (path: string) => {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  };
  const top = names(folder)
    .filter((name) => /^requirements.*\.txt$/i.test(name))
    .sort((a, b) => (a === "requirements.txt" ? -1 : b === "requirements.txt" ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(folder, name));
  const nested = names(join(folder, "requirements"))
    .filter((name) => name.toLowerCase().endsWith(".txt"))
    .sort()
    .map((name) => join(folder, "requirements", name));
  return [...top, ...nested].slice(0, MAX_REQUIREMENT_FILES);
}

type Table = Record<string, unknown>;

function table(value: unknown): Table | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Table) : undefined;
}

/** A Poetry dependency entry: `alembic = "^1.13"` or `alembic = { version = "^1.13", extras = [...] }`. */
function poetryConstraint(dependencies: unknown): string | undefined {
  const entry = table(dependencies)?.alembic;
  const constraint = typeof entry === "string" ? entry : table(entry)?.version;
  return typeof constraint === "string" ? lowestAllowed(constraint) : undefined;
}

/** Alembic's lowest allowed version in pyproject.toml: PEP 621 dependencies and groups, then Poetry's tables. */
async function fromPyproject(text: string): Promise<string | undefined> {
  if (!/alembic/i.test(text)) return undefined;
  const { parse } = await import("smol-toml");
  let document: Table;
  try {
    document = parse(text) as Table;
  } catch {
    return undefined;
  }
  const project = table(document.project);
  const tool = table(document.tool);
  const poetry = table(tool?.poetry);
  const lists: unknown[] = [
    project?.dependencies,
    ...Object.values(table(project?.["optional-dependencies"]) ?? {}),
    ...Object.values(table(document["dependency-groups"]) ?? {}),
    table(tool?.uv)?.["dev-dependencies"],
  ];
  for (const list of lists) {
    const found = Array.isArray(list) ? fromRequirementLines(list) : undefined;
    if (found) return found;
  }
  const poetryTables = [
    poetry?.dependencies,
    poetry?.["dev-dependencies"],
    ...Object.values(table(poetry?.group) ?? {}).map((group) => table(group)?.dependencies),
  ];
  for (const dependencies of poetryTables) {
    const found = poetryConstraint(dependencies);
    if (found) return found;
  }
  return undefined;
}

/**
 * The Alembic version of the project holding `start`, from its own files, nearest folder first: a pin in uv.lock
 * or poetry.lock wins (it is what is installed); otherwise the lowest version that pyproject.toml's dependencies or
 * a requirements*.txt allow.
 */
export async function projectAlembicVersion(start: string): Promise<ProjectAlembicVersion | undefined> {
  // A file named instead of a folder: its folder is where the search starts.
  const folders = foldersUpToTop(existsSync(start) && !statSync(start).isDirectory() ? dirname(resolve(start)) : start);
  for (const folder of folders) {
    for (const name of LOCKFILES) {
      const file = join(folder, name);
      const text = readSmallFile(file, MAX_LOCKFILE_BYTES);
      const version = text === undefined ? undefined : lockedVersion(text);
      if (version) return { version, file, pinned: true };
    }
  }
  for (const folder of folders) {
    const pyproject = join(folder, "pyproject.toml");
    const text = readSmallFile(pyproject, MAX_MANIFEST_BYTES);
    const declared = text === undefined ? undefined : await fromPyproject(text);
    if (declared) return { version: declared, file: pyproject, pinned: false };
    for (const file of requirementFiles(folder)) {
      const lines = readSmallFile(file, MAX_MANIFEST_BYTES)?.split(/\r?\n/) ?? [];
      const version = fromRequirementLines(lines);
      if (version) return { version, file, pinned: false };
    }
  }
  return undefined;
}

/** How reports and `init` name where the version came from. */
export function describeSource(found: ProjectAlembicVersion): string {
  return found.pinned ? `pinned in ${basename(found.file)}` : `the lowest ${basename(found.file)} allows`;
}
