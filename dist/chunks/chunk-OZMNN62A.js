import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  readRegularFile
} from "./chunk-X6VOD3YV.js";

// src/adapters/fs/discovery.ts
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

// src/adapters/fs/ini.ts
function parseIni(text) {
  const sections = /* @__PURE__ */ new Map();
  let current;
  let lastKey;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(line) || line.trim() === "") continue;
    const section = /^\[([^\]]+)\]/.exec(line);
    if (section?.[1]) {
      current = /* @__PURE__ */ new Map();
      sections.set(section[1].trim(), current);
      lastKey = void 0;
      continue;
    }
    if (/^\s/.test(line) && current && lastKey) {
      current.set(lastKey, `${current.get(lastKey) ?? ""}
${line.trim()}`);
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (pair?.[1] && current) {
      lastKey = pair[1].trim().toLowerCase();
      current.set(lastKey, (pair[2] ?? "").trim());
    }
  }
  return sections;
}

// src/adapters/fs/discovery.ts
var InputError = class extends Error {
};
var MAX_SETTINGS_FILE_BYTES = 1e6;
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set(["__pycache__", "node_modules", ".git", ".venv", "venv", ".tox", ".mypy_cache"]);
function dialectFromUrl(url) {
  const scheme = /^\s*([a-z0-9_]+)(?:\+[a-z0-9_]+)?:\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return void 0;
  if (scheme.startsWith("postgres")) return "postgresql";
  if (scheme === "mysql" || scheme === "mariadb") return "mysql";
  if (scheme === "sqlite") return "sqlite";
  return scheme === "driver" ? void 0 : "other";
}
function discover(paths, cwd) {
  const revisionFiles = /* @__PURE__ */ new Set();
  const envFiles = /* @__PURE__ */ new Set();
  const sqlFiles = /* @__PURE__ */ new Set();
  const roots = /* @__PURE__ */ new Set();
  const unlisted = [];
  let dialectHint;
  const walk = (folder, extension) => {
    addRoot(roots, folder);
    return filesUnder(folder, extension, unlisted);
  };
  const addMigrationsFolder = (folder, extraVersions = []) => {
    const env = join(folder, "env.py");
    if (entryExists(env)) envFiles.add(env);
    const versions = join(folder, "versions");
    for (const location of [versions, ...extraVersions]) {
      if (isDirectory(location)) for (const file of walk(location, ".py")) revisionFiles.add(file);
    }
  };
  const addProject = (root) => {
    const ini = join(root, "alembic.ini");
    if (!existsSync(ini)) return false;
    const read = readRegularFile(ini, { maxBytes: MAX_SETTINGS_FILE_BYTES, limitFor: "alembic.ini" });
    if (read.problem !== void 0) throw new InputError(`${ini}: cannot read (${read.problem})`);
    addRoot(roots, root);
    const sections = parseIni(read.text);
    let found = false;
    for (const [, values] of sections) {
      const location = values.get("script_location");
      if (!location) continue;
      const expand = (value) => resolve(root, value.replace(/%\(here\)s/g, root).trim());
      const folder = expand(location.replace(/^[\w.]+:/, (prefix) => prefix.replace(/[.:]/g, "/")));
      const versionLocations = (values.get("version_locations") ?? "").split(values.get("version_path_separator") === "os" ? /[:;]/ : /[\s,;:]+/).filter((value) => value.trim() !== "").map(expand);
      if (!isDirectory(folder)) throw new InputError(`${ini}: script_location "${location}" is not a folder`);
      addMigrationsFolder(folder, versionLocations);
      const url = values.get("sqlalchemy.url");
      dialectHint ??= url ? dialectFromUrl(url) : void 0;
      found = true;
    }
    return found;
  };
  const addPath = (path) => {
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
    if (python.length === 0) for (const file of walk(absolute, ".sql")) sqlFiles.add(file);
  };
  for (const path of paths.length > 0 ? paths : ["."]) addPath(path);
  if (revisionFiles.size === 0 && sqlFiles.size === 0) {
    const where = paths.length > 0 ? paths.join(", ") : cwd;
    throw new InputError(
      `${where}: no Alembic revision files found (expected alembic.ini, a versions/ folder, .py or .sql files)`
    );
  }
  return {
    revisionFiles: [...revisionFiles].sort(),
    envFiles: [...envFiles].sort(),
    sqlFiles: [...sqlFiles].sort(),
    ...dialectHint ? { dialectHint } : {},
    roots: [...roots],
    // A folder walked for both .py and .sql files is noted once.
    unlisted: [...new Map(unlisted.map((entry) => [entry.path, entry])).values()]
  };
}
function addRoot(roots, folder) {
  let real;
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
function entryExists(path) {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== void 0;
  } catch {
    return false;
  }
}
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function filesUnder(folder, extension, unlisted) {
  const files = [];
  const visit = (current) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const code = error.code ?? "error";
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

export {
  InputError,
  MAX_SETTINGS_FILE_BYTES,
  discover
};
