import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { Dialect } from "../../domain/index.js";
import {
  type AlembicConfig,
  configsIn,
  isWithin,
  owningConfig,
  readAlembicIni,
  readPyprojectAlembic,
} from "./alembic-config.js";

/** A problem with the input that stops the run (exit code 2). */
export class InputError extends Error {}

export interface Discovery {
  /** Absolute paths of revision candidates (every `.py` under a versions folder but `__init__.py`). */
  readonly revisionFiles: string[];
  readonly envFiles: string[];
  /** Absolute paths of plain `.sql` migration files: named on the command line, or a folder with no Python. */
  readonly sqlFiles: string[];
  /** The Alembic configurations whose folders were read, in the order met. */
  readonly alembicConfigs: readonly AlembicConfig[];
  /**
   * Absolute paths of the files the command line names when they are part of a larger history (a revision file, a
   * sub-folder of a versions folder): only they are reported, the rest of the history is context. Undefined when
   * every file found is reported.
   */
  readonly focus?: ReadonlySet<string>;
  /** Real paths of the folders the files belong to (the analysed folders and the repositories holding them). */
  readonly roots: string[];
  /** Folders inside the analysed ones that could not be listed, and why. */
  readonly unlisted: { readonly path: string; readonly reason: string }[];
}

/** alembic.ini and config files are small: anything larger is not one. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

const SKIPPED_FOLDERS = new Set(["__pycache__", "node_modules", ".git", ".venv", "venv", ".tox", ".mypy_cache"]);
/** How deep, and through how many folders, a folder without a history of its own is searched for Alembic configs. */
const CONFIG_SEARCH_DEPTH = 4;
const CONFIG_SEARCH_FOLDERS = 2_000;

export function dialectFromUrl(url: string): Dialect | undefined {
  const scheme = /^\s*([a-z0-9_]+)(?:\+[a-z0-9_]+)?:\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return undefined;
  if (scheme.startsWith("postgres")) return "postgresql";
  if (scheme === "mysql" || scheme === "mariadb") return "mysql";
  if (scheme === "sqlite") return "sqlite";
  // Alembic's template ships `driver://user:pass@localhost/dbname`: no dialect chosen yet.
  return scheme === "driver" ? undefined : "other";
}

/** A folder of Alembic migrations: `versions/` holding revision candidates, or `versions/` beside an env.py. */
function isMigrationsFolder(folder: string): boolean {
  const versions = join(folder, "versions");
  if (!isDirectory(versions)) return false;
  return existsSync(join(folder, "env.py")) || filesUnder(versions, ".py", []).length > 0;
}

/** The Alembic configurations in `folder` and the folders below it, nearest first, bounded. */
async function configsBelow(folder: string): Promise<AlembicConfig[]> {
  const found: AlembicConfig[] = [];
  let level = [folder];
  let visited = 0;
  for (let depth = 0; depth <= CONFIG_SEARCH_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const current of level) {
      if (visited++ >= CONFIG_SEARCH_FOLDERS) return found;
      found.push(...(await configsIn(current)));
      for (const entry of entriesOf(current)) {
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith("."))
          next.push(join(current, entry.name));
      }
    }
    level = next.sort();
  }
  return found;
}

/**
 * Finds revision files and env.py files from the paths given on the command line (or the current directory). A
 * folder or file inside a history is read with the Alembic configuration that owns it (see `owningConfig`), so the
 * same history is judged the same way whichever path names it.
 */
export async function discover(paths: readonly string[], cwd: string): Promise<Discovery> {
  const revisionFiles = new Set<string>();
  const envFiles = new Set<string>();
  const sqlFiles = new Set<string>();
  const configs: AlembicConfig[] = [];
  const named = new Set<string>();
  let narrowed = false;
  /** alembic.ini files read that hold no `script_location`, to name in the error when nothing is found. */
  const inisWithoutScript: string[] = [];
  const roots = new Set<string>();
  const unlisted: { path: string; reason: string }[] = [];
  const notFolders: { path: string; config: string; reason: string }[] = [];
  const walk = (folder: string, extension: ".py" | ".sql") => {
    addRoot(roots, folder);
    return filesUnder(folder, extension, unlisted);
  };

  const addRevisions = (folder: string, into: Set<string>) => {
    for (const file of walk(folder, ".py")) {
      revisionFiles.add(file);
      into.add(file);
    }
  };
  const addConfig = (config: AlembicConfig, into: Set<string>) => {
    if (!isDirectory(config.scriptLocation))
      throw new InputError(`${config.file}: script_location "${config.scriptLocationText}" is not a folder`);
    if (!configs.some((known) => known.file === config.file && known.section === config.section)) configs.push(config);
    addRoot(roots, dirname(config.file));
    const env = join(config.scriptLocation, "env.py");
    // Whatever stands there (a folder, a FIFO, a broken link) is named in the report rather than passed over.
    if (entryExists(env)) {
      envFiles.add(env);
      into.add(env);
    }
    const shownConfig = relative(cwd, config.file) || basename(config.file);
    for (const location of config.versionLocations) {
      if (isDirectory(location)) addRevisions(location, into);
      // Alembic stops on such a location; often a separator that does not split the value as the author meant.
      else if (config.versionLocationsGiven)
        notFolders.push({
          path: location,
          config: shownConfig,
          reason: `version_locations in ${shownConfig} names it, but it is not a folder`,
        });
    }
  };
  const addMigrationsFolder = (folder: string, into: Set<string>) => {
    const env = join(folder, "env.py");
    if (entryExists(env)) {
      envFiles.add(env);
      into.add(env);
    }
    addRevisions(join(folder, "versions"), into);
  };
  /** A folder of a history: the configuration that owns it, else the folder as it is; undefined when neither. */
  const addFolder = async (folder: string, into: Set<string>): Promise<boolean> => {
    const own = await configsIn(folder);
    for (const config of own) addConfig(config, into);
    if (own.length > 0) return true;
    if (existsSync(join(folder, "alembic.ini"))) inisWithoutScript.push(join(folder, "alembic.ini"));
    const owner = await owningConfig(folder);
    if (owner) {
      addConfig(owner, into);
      // A sub-folder of a versions folder (one dialect's history, one release's folder) names only its files.
      const inside = owner.versionLocations.some((location) => isWithin(folder, location) && folder !== location);
      if (inside) {
        narrowed = true;
        into.clear();
        for (const file of walk(folder, ".py")) into.add(file);
      }
      return true;
    }
    if (isMigrationsFolder(folder)) {
      addMigrationsFolder(folder, into);
      return true;
    }
    return false;
  };
  /** A revision file named on the command line: judged with the history it belongs to, only it reported. */
  const addRevisionFile = async (file: string, into: Set<string>) => {
    narrowed = true;
    revisionFiles.add(file);
    into.add(file);
    const folder = dirname(file);
    const owner = await owningConfig(folder);
    if (owner) {
      addConfig(owner, new Set());
      return;
    }
    // No configuration: the nearest enclosing versions folder is the history, else the file's own folder.
    const parts = folder.split(sep);
    const versionsAt = parts.lastIndexOf("versions");
    const history = versionsAt > 0 ? parts.slice(0, versionsAt + 1).join(sep) : folder;
    if (versionsAt > 0) {
      const env = join(dirname(history), "env.py");
      if (entryExists(env)) envFiles.add(env);
      addRevisions(history, new Set());
    } else {
      for (const entry of entriesOf(folder)) {
        if (entry.isFile() && entry.name.endsWith(".py") && entry.name !== "__init__.py" && entry.name !== "env.py")
          revisionFiles.add(join(folder, entry.name));
      }
    }
  };
  const addPath = async (path: string, into: Set<string>) => {
    const absolute = resolve(cwd, path);
    if (!entryExists(absolute)) throw new InputError(`${path}: no such file or folder`);
    if (!isDirectory(absolute)) {
      addRoot(roots, dirname(absolute));
      const name = basename(absolute);
      if (name === "alembic.ini") {
        const own = readAlembicIni(absolute);
        for (const config of own) addConfig(config, into);
        if (own.length > 0) return;
        // Flask-Migrate keeps an alembic.ini without script_location inside the migrations folder itself.
        inisWithoutScript.push(absolute);
        if (isMigrationsFolder(dirname(absolute))) addMigrationsFolder(dirname(absolute), into);
      } else if (name === "pyproject.toml") {
        const config = await readPyprojectAlembic(absolute);
        if (!config) throw new InputError(`${path}: no [tool.alembic] table with script_location`);
        addConfig(config, into);
      } else if (name === "env.py") {
        envFiles.add(absolute);
        into.add(absolute);
        narrowed = true;
      } else if (absolute.endsWith(".py")) {
        await addRevisionFile(absolute, into);
      } else if (absolute.toLowerCase().endsWith(".sql")) {
        // A plain SQL migration follows the file before it: its folder is its history.
        narrowed = true;
        sqlFiles.add(absolute);
        into.add(absolute);
        for (const entry of entriesOf(dirname(absolute))) {
          if (entry.isFile() && entry.name.toLowerCase().endsWith(".sql"))
            sqlFiles.add(join(dirname(absolute), entry.name));
        }
      } else {
        throw new InputError(`${path}: not a Python revision file, a .sql migration, a folder, or an alembic.ini`);
      }
      return;
    }
    // The folder named on the command line is the project: links may point anywhere inside it.
    addRoot(roots, absolute);
    if (await addFolder(absolute, into)) return;
    for (const candidate of ["migrations", "alembic"]) {
      if (isMigrationsFolder(join(absolute, candidate))) {
        addMigrationsFolder(join(absolute, candidate), into);
        return;
      }
    }
    // A folder above the project (a monorepo): the Alembic configurations below it.
    const below = await configsBelow(absolute);
    for (const config of below) addConfig(config, into);
    if (below.length > 0) return;
    const python = walk(absolute, ".py");
    for (const file of python) {
      if (basename(file) === "env.py") envFiles.add(file);
      else revisionFiles.add(file);
      into.add(file);
    }
    // A folder of plain SQL migrations; .sql files beside Python revisions are data those revisions read.
    if (python.length === 0)
      for (const file of walk(absolute, ".sql")) {
        sqlFiles.add(file);
        into.add(file);
      }
  };
  for (const path of paths.length > 0 ? paths : ["."]) {
    const covered = new Set<string>();
    await addPath(path, covered);
    for (const file of covered) named.add(file);
  }
  if (revisionFiles.size === 0 && sqlFiles.size === 0) {
    const where = paths.length > 0 ? paths.join(", ") : cwd;
    const ini = inisWithoutScript[0];
    const location = notFolders[0];
    throw new InputError(
      location !== undefined
        ? `${where}: no revision files found: version_locations in ${location.config} names "${location.path}", which is not a folder (check version_path_separator)`
        : ini !== undefined
          ? `${where}: no revision files found: ${ini} has no [alembic] section with script_location, and no versions/ folder holds revisions`
          : `${where}: no Alembic revision files found (expected alembic.ini, a versions/ folder, .py or .sql files)`,
    );
  }
  return {
    revisionFiles: [...revisionFiles].sort(),
    envFiles: [...envFiles].sort(),
    sqlFiles: [...sqlFiles].sort(),
    alembicConfigs: configs,
    ...(narrowed ? { focus: named } : {}),
    roots: [...roots],
    // A folder walked for both .py and .sql files is noted once.
    unlisted: [...new Map([...notFolders, ...unlisted].map(({ path, reason }) => [path, { path, reason }])).values()],
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

function entriesOf(folder: string): import("node:fs").Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
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
 * Every file under `folder` whose name ends in `extension`, whatever it is (a FIFO, a link or a folder named `x.py`
 * is listed, then named in the report when read). Symbolic links to folders are not followed. A sub-folder that cannot be
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
      const named = entry.name.toLowerCase().endsWith(extension) && entry.name !== "__init__.py";
      // A folder named like a revision (`x.py/`) is listed, so that the report names it as not a regular file.
      if (entry.isDirectory() && !named) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) visit(join(current, entry.name));
      } else if (named) {
        files.push(join(current, entry.name));
      }
    }
  };
  visit(folder);
  return files;
}
