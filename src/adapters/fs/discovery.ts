import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Dialect } from "../../domain/index.js";
import { parseIni } from "./ini.js";
import { readRegularFile } from "./safe-read.js";

/** A problem with the input that stops the run (exit code 2). */
export class InputError extends Error {}

export interface Discovery {
  /** Absolute paths of revision candidates (every `.py` under a versions folder but `__init__.py`). */
  readonly revisionFiles: string[];
  readonly envFiles: string[];
  /** Absolute paths of plain `.sql` migration files: named on the command line, or a folder with no Python. */
  readonly sqlFiles: string[];
  /** The dialect of `sqlalchemy.url` in alembic.ini, when one was read. */
  readonly dialectHint?: Dialect;
  /** Real paths of the folders the files belong to (the analysed folders and the repositories holding them). */
  readonly roots: string[];
  /** Folders inside the analysed ones that could not be listed, and why. */
  readonly unlisted: { readonly path: string; readonly reason: string }[];
}

/** alembic.ini and config files are small: anything larger is not one. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

const SKIPPED_FOLDERS = new Set(["__pycache__", "node_modules", ".git", ".venv", "venv", ".tox", ".mypy_cache"]);

export function dialectFromUrl(url: string): Dialect | undefined {
  const scheme = /^\s*([a-z0-9_]+)(?:\+[a-z0-9_]+)?:\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return undefined;
  if (scheme.startsWith("postgres")) return "postgresql";
  if (scheme === "mysql" || scheme === "mariadb") return "mysql";
  if (scheme === "sqlite") return "sqlite";
  // Alembic's template ships `driver://user:pass@localhost/dbname`: no dialect chosen yet.
  return scheme === "driver" ? undefined : "other";
}

/** Finds revision files and env.py files from the paths given on the command line (or the current directory). */
export function discover(paths: readonly string[], cwd: string): Discovery {
  const revisionFiles = new Set<string>();
  const envFiles = new Set<string>();
  const sqlFiles = new Set<string>();
  const roots = new Set<string>();
  const unlisted: { path: string; reason: string }[] = [];
  let dialectHint: Dialect | undefined;
  const walk = (folder: string, extension: ".py" | ".sql") => {
    addRoot(roots, folder);
    return filesUnder(folder, extension, unlisted);
  };
  const addMigrationsFolder = (folder: string, extraVersions: readonly string[] = []) => {
    const env = join(folder, "env.py");
    // Whatever stands there (a folder, a FIFO, a broken link) is named in the report rather than passed over.
    if (entryExists(env)) envFiles.add(env);
    const versions = join(folder, "versions");
    for (const location of [versions, ...extraVersions]) {
      if (isDirectory(location)) for (const file of walk(location, ".py")) revisionFiles.add(file);
    }
  };
  const addProject = (root: string): boolean => {
    const ini = join(root, "alembic.ini");
    if (!existsSync(ini)) return false;
    const read = readRegularFile(ini, { maxBytes: MAX_SETTINGS_FILE_BYTES, limitFor: "alembic.ini" });
    if (read.problem !== undefined) throw new InputError(`${ini}: cannot read (${read.problem})`);
    addRoot(roots, root);
    const sections = parseIni(read.text);
    let found = false;
    for (const [, values] of sections) {
      const location = values.get("script_location");
      if (!location) continue;
      const expand = (value: string) => resolve(root, value.replace(/%\(here\)s/g, root).trim());
      const folder = expand(location.replace(/^[\w.]+:/, (prefix) => prefix.replace(/[.:]/g, "/")));
      const versionLocations = (values.get("version_locations") ?? "")
        .split(values.get("version_path_separator") === "os" ? /[:;]/ : /[\s,;:]+/)
        .filter((value) => value.trim() !== "")
        .map(expand);
      if (!isDirectory(folder)) throw new InputError(`${ini}: script_location "${location}" is not a folder`);
      addMigrationsFolder(folder, versionLocations);
      const url = values.get("sqlalchemy.url");
      dialectHint ??= url ? dialectFromUrl(url) : undefined;
      found = true;
    }
    // Flask-Migrate keeps an alembic.ini without script_location inside the migrations folder itself.
    return found;
  };
  const addPath = (path: string) => {
    const absolute = resolve(cwd, path);
    if (!entryExists(absolute)) throw new InputError(`${path}: no such file or folder`);
    if (!isDirectory(absolute)) {
      addRoot(roots, dirname(absolute));
      if (basename(absolute) === "alembic.ini") {
        if (!addProject(dirname(absolute))) addPath(dirname(absolute));
      } else if (basename(absolute) === "env.py") {
        envFiles.add(absolute);
      } else if (absolute.endsWith(".py")) {
        revisionFiles.add(absolute);
      } else if (absolute.toLowerCase().endsWith(".sql")) {
        sqlFiles.add(absolute);
      } else {
        throw new InputError(`${path}: not a Python revision file, a .sql migration, a folder, or an alembic.ini`);
      }
      return;
    }
    // The folder named on the command line is the project: links may point anywhere inside it.
    addRoot(roots, absolute);
    if (addProject(absolute)) return;
    if (isDirectory(join(absolute, "versions"))) {
      addMigrationsFolder(absolute);
      return;
    }
    for (const candidate of ["migrations", "alembic"]) {
      if (isDirectory(join(absolute, candidate, "versions"))) {
        addMigrationsFolder(join(absolute, candidate));
        return;
      }
    }
    const python = walk(absolute, ".py");
    for (const file of python) {
      if (basename(file) === "env.py") envFiles.add(file);
      else revisionFiles.add(file);
    }
    // A folder of plain SQL migrations; .sql files beside Python revisions are data those revisions read.
    if (python.length === 0) for (const file of walk(absolute, ".sql")) sqlFiles.add(file);
  };
  for (const path of paths.length > 0 ? paths : ["."]) addPath(path);
  if (revisionFiles.size === 0 && sqlFiles.size === 0) {
    const where = paths.length > 0 ? paths.join(", ") : cwd;
    throw new InputError(
      `${where}: no Alembic revision files found (expected alembic.ini, a versions/ folder, .py or .sql files)`,
    );
  }
  return {
    revisionFiles: [...revisionFiles].sort(),
    envFiles: [...envFiles].sort(),
    sqlFiles: [...sqlFiles].sort(),
    ...(dialectHint ? { dialectHint } : {}),
    roots: [...roots],
    // A folder walked for both .py and .sql files is noted once.
    unlisted: [...new Map(unlisted.map((entry) => [entry.path, entry])).values()],
  };
}

/** A folder and the repository that holds it (the nearest folder above it with a `.git`), as real paths. */
function addRoot(roots: Set<string>, folder: string): void {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return;
  }
  roots.add(real);
  for (let current = real; ; current = dirname(current)) {
    if (entryExists(join(current, ".git"))) {
      roots.add(current);
      return;
    }
    if (dirname(current) === current) return;
  }
}

/** Something stands at `path`, even a broken symbolic link. */
function entryExists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every file under `folder` whose name ends in `extension`, whatever it is (a FIFO or a link named `x.py` is listed,
 * then named in the report when read). Symbolic links to folders are not followed. A sub-folder that cannot be
 * listed is noted in `unlisted`; the folder itself must be listable.
 */
function filesUnder(folder: string, extension: ".py" | ".sql", unlisted: { path: string; reason: string }[]): string[] {
  const files: string[] = [];
  const visit = (current: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      if (current === folder) throw new InputError(`${current}: cannot read folder (${code})`);
      unlisted.push({ path: current, reason: `cannot list this folder (${code})` });
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) visit(join(current, entry.name));
      } else if (entry.name.toLowerCase().endsWith(extension) && entry.name !== "__init__.py") {
        files.push(join(current, entry.name));
      }
    }
  };
  visit(folder);
  return files;
}
