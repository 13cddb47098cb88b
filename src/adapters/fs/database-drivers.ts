import { readdirSync } from "node:fs";
import { join } from "node:path";
import { foldersUpToTop } from "./alembic-config.js";
import { readSmallFile } from "./safe-read.js";

/** A database driver a project depends on, and the file that says so. */
export interface DriverDependency {
  readonly dialect: "postgresql" | "mysql";
  /** The package as the file names it: `asyncpg`, `psycopg2-binary`, `sqlalchemy[postgresql]`. */
  readonly driver: string;
  /** Absolute path of the dependency file. */
  readonly file: string;
}

const DRIVERS: readonly [RegExp, DriverDependency["dialect"]][] = [
  // Extras lists are short; bounded so that a hostile line without `]` stays linear. SQLAlchemy's and OpenStack's
  // oslo.db's extras (`oslo.db[mysql]`) install the driver of the database they name.
  [
    /psycopg2?(?:-binary|cffi)?|asyncpg|pg8000|(?:sqlalchemy|oslo[._-]db)\[[^\]\n]{0,80}postgres[^\]\n]{0,80}\]/i,
    "postgresql",
  ],
  [
    /pymysql|mysqlclient|mysql-connector-python|aiomysql|asyncmy|mariadb|(?:sqlalchemy|oslo[._-]db)\[[^\]\n]{0,80}mysql[^\]\n]{0,80}\]/i,
    "mysql",
  ],
];
/** A dependency file larger than this is not read. */
const MAX_BYTES = 1_000_000;
/** Dependency files read in one folder, at most (a folder of thousands of requirements-*.txt files stays cheap). */
const MAX_FILES = 50;
const REQUIREMENTS = /^requirements.*\.(?:txt|in)$/i;

/** The files of a folder that declare dependencies: pyproject.toml, setup.cfg, setup.py, Pipfile, requirements*.txt. */
function dependencyFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const fixed = new Set(["pyproject.toml", "setup.cfg", "setup.py", "Pipfile"]);
  return names
    .filter((name) => fixed.has(name) || REQUIREMENTS.test(name))
    .slice(0, MAX_FILES)
    .map((name) => join(folder, name));
}

/**
 * The drivers a file names where a dependency is written: at the start of a line (requirements, setup.cfg,
 * Pipfile keys) or of a quoted string (pyproject.toml and setup.py lists), never inside prose.
 */
function driversIn(file: string, text: string): DriverDependency[] {
  const code = text.replace(/(^|\s)#[^\n]*/g, "$1");
  const found: DriverDependency[] = [];
  for (const [pattern, dialect] of DRIVERS) {
    const written = new RegExp(`(?:^[ \\t]*|["'])(${pattern.source})(?![\\w.-])`, "gim");
    for (const match of code.matchAll(written)) {
      const driver = match[1] ?? "";
      // One package can stand for two databases (`oslo.db[mysql,postgresql]`): the same name, once per dialect.
      const seen = found.some(
        (known) => known.dialect === dialect && known.driver.toLowerCase() === driver.toLowerCase(),
      );
      if (!seen) found.push({ dialect, driver, file });
    }
  }
  return found;
}

/**
 * The PostgreSQL and MySQL drivers the project depends on: those of the nearest folder, from `start` up to the
 * project's top, whose dependency files name any (SQLite needs none, so it is never inferred).
 */
export function databaseDrivers(start: string): DriverDependency[] {
  for (const folder of foldersUpToTop(start)) {
    const found = dependencyFiles(folder).flatMap((file) => {
      const text = readSmallFile(file, MAX_BYTES);
      return text === undefined ? [] : driversIn(file, text);
    });
    if (found.length > 0) return found;
  }
  return [];
}
