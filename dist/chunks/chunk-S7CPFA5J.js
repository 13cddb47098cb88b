import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  readSmallFile
} from "./chunk-4QRIUKKB.js";

// src/adapters/fs/alembic-config.ts
import { existsSync, statSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve, sep } from "node:path";

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

// src/adapters/fs/alembic-config.ts
var MAX_DEPTH = 32;
var MAX_CONFIG_BYTES = 1e6;
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function readSmall(path) {
  return readSmallFile(path, MAX_CONFIG_BYTES);
}
function isWithin(path, folder) {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}
function foldersUpToTop(start) {
  const folders = [];
  let current = resolve(start);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    folders.push(current);
    const parent = dirname(current);
    if (existsSync(join(current, ".git")) || parent === current) break;
    current = parent;
  }
  return folders;
}
function resolveResource(location, here) {
  const [packageName = "", ...parts] = location.split(":");
  if (!/^[A-Za-z_][\w.]*$/.test(packageName)) return void 0;
  const packagePath = packageName.split(".");
  for (const folder of foldersUpToTop(here)) {
    for (const base of [folder, join(folder, "src")]) {
      const packageFolder = join(base, ...packagePath);
      if (isDirectory(packageFolder)) return join(packageFolder, ...parts);
    }
  }
  return void 0;
}
function resolveLocation(written, here) {
  const value = written.replace(/%\(here\)s/g, here).trim();
  if (!isAbsolute(value) && value.includes(":")) return resolveResource(value, here) ?? resolve(here, value);
  return resolve(here, value);
}
function splitLocations(value, separator) {
  const pattern = separator === void 0 ? /[\s,]+/ : separator === "os" ? delimiter : separator === "space" ? / +/ : separator === "newline" ? /\r?\n/ : separator;
  return value.split(pattern).map((part) => part.trim()).filter((part) => part !== "");
}
function configOf(file, kind, section, values) {
  if (!values.script) return void 0;
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
    ...values.url !== void 0 && values.url.trim() !== "" ? { url: values.url.trim() } : {}
  };
}
function readAlembicIni(file) {
  const text = readSmall(file);
  if (text === void 0) return [];
  const configs = [];
  for (const [section, values] of parseIni(text)) {
    const separator = values.get("path_separator") ?? values.get("version_path_separator");
    const config = configOf(file, "alembic.ini", section, {
      script: values.get("script_location"),
      versions: splitLocations(values.get("version_locations") ?? "", separator),
      url: values.get("sqlalchemy.url")
    });
    if (config) configs.push(config);
  }
  return configs;
}
var TOOL_ALEMBIC = /^\s*\[tool\.alembic\]/m;
async function readPyprojectAlembic(file) {
  const text = readSmall(file);
  if (text === void 0 || !TOOL_ALEMBIC.test(text)) return void 0;
  const { parse } = await import("./dist-Z5JY3SJR.js");
  let table;
  try {
    table = parse(text).tool?.alembic;
  } catch {
    return void 0;
  }
  if (typeof table !== "object" || table === null) return void 0;
  const values = table;
  const string = (value) => typeof value === "string" ? value : void 0;
  const locations = values.version_locations;
  const versions = Array.isArray(locations) ? locations.filter((item) => typeof item === "string") : splitLocations(string(locations) ?? "", string(values.path_separator));
  return configOf(file, "pyproject", "tool.alembic", {
    script: string(values.script_location),
    versions,
    url: string(values["sqlalchemy.url"])
  });
}
async function configsIn(folder) {
  const ini = join(folder, "alembic.ini");
  const configs = existsSync(ini) ? readAlembicIni(ini) : [];
  const pyproject = await readPyprojectAlembic(join(folder, "pyproject.toml"));
  return pyproject ? [...configs, pyproject] : configs;
}
function owns(config, path) {
  return isWithin(path, config.scriptLocation) || config.versionLocations.some((location) => isWithin(path, location));
}
async function owningConfig(folder) {
  const target = resolve(folder);
  for (const candidate of foldersUpToTop(target)) {
    const owner = (await configsIn(candidate)).find((config) => owns(config, target));
    if (owner) return owner;
  }
  return void 0;
}

// src/adapters/fs/discovery.ts
import { existsSync as existsSync2, lstatSync, readdirSync, realpathSync, statSync as statSync2 } from "node:fs";
import { basename, dirname as dirname2, join as join2, relative, resolve as resolve2, sep as sep2 } from "node:path";
var InputError = class extends Error {
};
var MAX_SETTINGS_FILE_BYTES = 1e6;
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set(["__pycache__", "node_modules", ".git", ".venv", "venv", ".tox", ".mypy_cache"]);
var CONFIG_SEARCH_DEPTH = 4;
var CONFIG_SEARCH_FOLDERS = 2e3;
function dialectFromUrl(url) {
  const scheme = /^\s*([a-z0-9_]+)(?:\+[a-z0-9_]+)?:\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return void 0;
  if (scheme.startsWith("postgres")) return "postgresql";
  if (scheme === "mysql" || scheme === "mariadb") return "mysql";
  if (scheme === "sqlite") return "sqlite";
  return scheme === "driver" ? void 0 : "other";
}
function isMigrationsFolder(folder) {
  const versions = join2(folder, "versions");
  if (!isDirectory2(versions)) return false;
  return existsSync2(join2(folder, "env.py")) || filesUnder(versions, ".py", []).length > 0;
}
async function configsBelow(folder) {
  const found = [];
  let level = [folder];
  let visited = 0;
  for (let depth = 0; depth <= CONFIG_SEARCH_DEPTH && level.length > 0; depth++) {
    const next = [];
    for (const current of level) {
      if (visited++ >= CONFIG_SEARCH_FOLDERS) return found;
      found.push(...await configsIn(current));
      for (const entry of entriesOf(current)) {
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith("."))
          next.push(join2(current, entry.name));
      }
    }
    level = next.sort();
  }
  return found;
}
async function discover(paths, cwd) {
  const revisionFiles = /* @__PURE__ */ new Set();
  const envFiles = /* @__PURE__ */ new Set();
  const sqlFiles = /* @__PURE__ */ new Set();
  const configs = [];
  const named = /* @__PURE__ */ new Set();
  let narrowed = false;
  const inisWithoutScript = [];
  const roots = /* @__PURE__ */ new Set();
  const unlisted = [];
  const notFolders = [];
  const walk = (folder, extension) => {
    addRoot(roots, folder);
    return filesUnder(folder, extension, unlisted);
  };
  const addRevisions = (folder, into) => {
    for (const file of walk(folder, ".py")) {
      revisionFiles.add(file);
      into.add(file);
    }
  };
  const addConfig = (config, into) => {
    if (!isDirectory2(config.scriptLocation))
      throw new InputError(`${config.file}: script_location "${config.scriptLocationText}" is not a folder`);
    if (!configs.some((known) => known.file === config.file && known.section === config.section)) configs.push(config);
    addRoot(roots, dirname2(config.file));
    const env = join2(config.scriptLocation, "env.py");
    if (entryExists(env)) {
      envFiles.add(env);
      into.add(env);
    }
    const shownConfig = relative(cwd, config.file) || basename(config.file);
    for (const location of config.versionLocations) {
      if (isDirectory2(location)) addRevisions(location, into);
      else if (config.versionLocationsGiven)
        notFolders.push({
          path: location,
          config: shownConfig,
          reason: `version_locations in ${shownConfig} names it, but it is not a folder`
        });
    }
  };
  const addMigrationsFolder = (folder, into) => {
    const env = join2(folder, "env.py");
    if (entryExists(env)) {
      envFiles.add(env);
      into.add(env);
    }
    addRevisions(join2(folder, "versions"), into);
  };
  const addFolder = async (folder, into) => {
    const own = await configsIn(folder);
    for (const config of own) addConfig(config, into);
    if (own.length > 0) return true;
    if (existsSync2(join2(folder, "alembic.ini"))) inisWithoutScript.push(join2(folder, "alembic.ini"));
    const owner = await owningConfig(folder);
    if (owner) {
      addConfig(owner, into);
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
  const addRevisionFile = async (file, into) => {
    narrowed = true;
    revisionFiles.add(file);
    into.add(file);
    const folder = dirname2(file);
    const owner = await owningConfig(folder);
    if (owner) {
      addConfig(owner, /* @__PURE__ */ new Set());
      return;
    }
    const parts = folder.split(sep2);
    const versionsAt = parts.lastIndexOf("versions");
    const history = versionsAt > 0 ? parts.slice(0, versionsAt + 1).join(sep2) : folder;
    if (versionsAt > 0) {
      const env = join2(dirname2(history), "env.py");
      if (entryExists(env)) envFiles.add(env);
      addRevisions(history, /* @__PURE__ */ new Set());
    } else {
      for (const entry of entriesOf(folder)) {
        if (entry.isFile() && entry.name.endsWith(".py") && entry.name !== "__init__.py" && entry.name !== "env.py")
          revisionFiles.add(join2(folder, entry.name));
      }
    }
  };
  const addPath = async (path, into) => {
    const absolute = resolve2(cwd, path);
    if (!entryExists(absolute)) throw new InputError(`${path}: no such file or folder`);
    if (!isDirectory2(absolute)) {
      addRoot(roots, dirname2(absolute));
      const name = basename(absolute);
      if (name === "alembic.ini") {
        const own = readAlembicIni(absolute);
        for (const config of own) addConfig(config, into);
        if (own.length > 0) return;
        inisWithoutScript.push(absolute);
        if (isMigrationsFolder(dirname2(absolute))) addMigrationsFolder(dirname2(absolute), into);
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
        narrowed = true;
        sqlFiles.add(absolute);
        into.add(absolute);
        for (const entry of entriesOf(dirname2(absolute))) {
          if (entry.isFile() && entry.name.toLowerCase().endsWith(".sql"))
            sqlFiles.add(join2(dirname2(absolute), entry.name));
        }
      } else {
        throw new InputError(`${path}: not a Python revision file, a .sql migration, a folder, or an alembic.ini`);
      }
      return;
    }
    addRoot(roots, absolute);
    if (await addFolder(absolute, into)) return;
    for (const candidate of ["migrations", "alembic"]) {
      if (isMigrationsFolder(join2(absolute, candidate))) {
        addMigrationsFolder(join2(absolute, candidate), into);
        return;
      }
    }
    const below = await configsBelow(absolute);
    for (const config of below) addConfig(config, into);
    if (below.length > 0) return;
    const python = walk(absolute, ".py");
    for (const file of python) {
      if (basename(file) === "env.py") envFiles.add(file);
      else revisionFiles.add(file);
      into.add(file);
    }
    if (python.length === 0)
      for (const file of walk(absolute, ".sql")) {
        sqlFiles.add(file);
        into.add(file);
      }
  };
  for (const path of paths.length > 0 ? paths : ["."]) {
    const covered = /* @__PURE__ */ new Set();
    await addPath(path, covered);
    for (const file of covered) named.add(file);
  }
  if (revisionFiles.size === 0 && sqlFiles.size === 0) {
    const where = paths.length > 0 ? paths.join(", ") : cwd;
    const ini = inisWithoutScript[0];
    const location = notFolders[0];
    throw new InputError(
      location !== void 0 ? `${where}: no revision files found: version_locations in ${location.config} names "${location.path}", which is not a folder (check version_path_separator)` : ini !== void 0 ? `${where}: no revision files found: ${ini} has no [alembic] section with script_location, and no versions/ folder holds revisions` : `${where}: no Alembic revision files found (expected alembic.ini, a versions/ folder, .py or .sql files)`
    );
  }
  return {
    revisionFiles: [...revisionFiles].sort(),
    envFiles: [...envFiles].sort(),
    sqlFiles: [...sqlFiles].sort(),
    alembicConfigs: configs,
    ...narrowed ? { focus: named } : {},
    roots: [...roots],
    // A folder walked for both .py and .sql files is noted once.
    unlisted: [...new Map([...notFolders, ...unlisted].map(({ path, reason }) => [path, { path, reason }])).values()]
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
  for (let current = real; ; current = dirname2(current)) {
    if (entryExists(join2(current, ".git"))) {
      roots.add(current);
      return;
    }
    if (dirname2(current) === current) return;
  }
}
function entryExists(path) {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== void 0;
  } catch {
    return false;
  }
}
function entriesOf(folder) {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
function isDirectory2(path) {
  try {
    return statSync2(path).isDirectory();
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
      const named = entry.name.toLowerCase().endsWith(extension) && entry.name !== "__init__.py";
      if (entry.isDirectory() && !named) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) visit(join2(current, entry.name));
      } else if (named) {
        files.push(join2(current, entry.name));
      }
    }
  };
  visit(folder);
  return files;
}

export {
  isWithin,
  foldersUpToTop,
  InputError,
  MAX_SETTINGS_FILE_BYTES,
  dialectFromUrl,
  discover
};
