import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  DEFAULT_FILE_LIMITS,
  Glob,
  buildGraph,
  decideDialect,
  describeSource,
  extractSqlMigrations,
  findConfigFile,
  projectAlembicVersion,
  projectDialectEvidence,
  readConfigFile,
  validateConfig
} from "./chunk-4CRCWXHA.js";
import "./chunk-TEXQI7OX.js";
import {
  extractSources,
  projectModules
} from "./chunk-MOSQXSML.js";
import {
  displayPath
} from "./chunk-CAU3EMFA.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-6DMZTIBC.js";
import "./chunk-WKFIEVVF.js";
import "./chunk-GOWSBAGO.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-FOQMQZLO.js";
import {
  loadPythonParser
} from "./chunk-D4HE7DNW.js";
import {
  InputError,
  MAX_SETTINGS_FILE_BYTES,
  discover
} from "./chunk-S7CPFA5J.js";
import {
  readRegularFile
} from "./chunk-4QRIUKKB.js";

// src/cli/init.ts
import { existsSync as existsSync2, realpathSync as realpathSync2, statSync as statSync2, writeFileSync } from "node:fs";
import { basename, dirname as dirname2, join, relative, resolve as resolve2, sep } from "node:path";

// src/adapters/config/toml-edit.ts
function keyParts(text) {
  return (text.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? []).map((part) => part.replace(/^(["'])(.*)\1$/, "$2"));
}
function statements(lines) {
  const found = [];
  let depth = 0;
  let multiline;
  let current;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (current === void 0) current = startOf(line, index);
    let commentAt;
    for (let at = 0; at < line.length; at++) {
      const char = line[at];
      if (multiline) {
        if (char === "\\" && multiline === '"""') at++;
        else if (line.startsWith(multiline, at)) {
          at += 2;
          multiline = void 0;
        }
      } else if (char === "#") {
        commentAt = at;
        break;
      } else if (line.startsWith('"""', at) || line.startsWith("'''", at)) {
        multiline = line.slice(at, at + 3);
        at += 2;
      } else if (char === '"' || char === "'") {
        for (at++; at < line.length && line[at] !== char; at++) if (char === '"' && line[at] === "\\") at++;
      } else if (char === "[" || char === "{") depth++;
      else if (char === "]" || char === "}") depth = Math.max(0, depth - 1);
    }
    if (current.kind === "header" || depth === 0 && multiline === void 0) {
      found.push({ ...current, last: index, ...commentAt !== void 0 ? { commentAt } : {} });
      current = void 0;
      depth = 0;
    }
  }
  if (current !== void 0) found.push({ ...current, last: lines.length - 1 });
  return found;
}
var HEADER = /^\s*(\[\[?)\s*([^\]]+?)\s*\]/;
var KEY_PART = `(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')`;
var KEY = new RegExp(`^\\s*(${KEY_PART}(?:\\s*\\.\\s*${KEY_PART})*)\\s*=`);
function startOf(line, index) {
  const header = HEADER.exec(line);
  if (header) return { kind: "header", first: index, name: keyParts(header[2] ?? ""), arrayTable: header[1] === "[[" };
  const key = KEY.exec(line);
  if (!key) return { kind: "other", first: index };
  const name = keyParts(key[1] ?? "");
  return { kind: "key", first: index, name, dotted: name.length > 1 };
}
function sameName(name, expected) {
  return name !== void 0 && name.length === expected.length && name.every((part, index) => part === expected[index]);
}
function renderValue(value) {
  return typeof value === "string" ? JSON.stringify(value) : `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
}
function editTable(text, table, settings, current, same, force) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const all = statements(lines);
  const headerAt = table.length === 0 ? -1 : all.findIndex((s) => s.kind === "header" && !s.arrayTable && sameName(s.name, table));
  const hasTable = table.length === 0 || headerAt >= 0;
  const bodyStart = headerAt + 1;
  const nextHeader = all.findIndex((s, index) => index >= bodyStart && s.kind === "header");
  const body = all.slice(bodyStart, nextHeader < 0 ? all.length : nextHeader);
  const keys = /* @__PURE__ */ new Map();
  for (const statement of body) {
    const name = statement.name?.[0];
    if (statement.kind === "key" && !statement.dotted && name !== void 0 && !keys.has(name))
      keys.set(name, statement);
  }
  const result = {
    added: [],
    replaced: [],
    unchanged: [],
    kept: []
  };
  const replacements = [];
  const additions = [];
  for (const setting of settings) {
    const statement = keys.get(setting.key);
    const value = Object.hasOwn(current, setting.key) ? current[setting.key] : void 0;
    if (statement === void 0) {
      result.added.push(setting);
      if (setting.comment) additions.push(`# ${setting.comment}`);
      additions.push(`${setting.key} = ${renderValue(setting.value)}`);
    } else if (same(setting, value)) {
      result.unchanged.push(setting);
    } else if (!force) {
      result.kept.push({ setting, current: value });
    } else {
      result.replaced.push(setting);
      const lastLine = lines[statement.last];
      const comment = statement.commentAt === void 0 ? "" : `  ${lastLine.slice(statement.commentAt)}`;
      const indent = /^\s*/.exec(lines[statement.first])?.[0] ?? "";
      replacements.push({
        first: statement.first,
        last: statement.last,
        line: `${indent}${setting.key} = ${renderValue(setting.value)}${comment}`
      });
    }
  }
  if (replacements.length === 0 && additions.length === 0) return { text, ...result };
  const edited = [...lines];
  const lastKey = [...body].reverse().find((statement) => statement.kind === "key");
  if (!hasTable) {
    while (edited.length > 0 && edited[edited.length - 1]?.trim() === "") edited.pop();
    edited.push(...edited.length > 0 ? [""] : [], `[${table.join(".")}]`, ...additions);
  } else if (additions.length > 0) {
    const firstHeader = all.find((statement) => statement.kind === "header");
    const at = lastKey !== void 0 ? lastKey.last + 1 : table.length > 0 ? headerAt < 0 ? 0 : all[headerAt].last + 1 : firstHeader !== void 0 ? firstHeader.first : edited.length;
    const spacer = lastKey === void 0 && table.length === 0 && firstHeader !== void 0 ? [""] : [];
    edited.splice(at, 0, ...additions, ...spacer);
  }
  for (const replacement of replacements.sort((a, b) => b.first - a.first)) {
    edited.splice(replacement.first, replacement.last - replacement.first + 1, replacement.line);
  }
  return { text: `${edited.join(eol)}${eol}`, ...result };
}
async function parseToml(text, display) {
  const { parse, TomlError } = await import("./dist-Z5JY3SJR.js");
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof TomlError)
      throw new InputError(`${display}:${error.line}:${error.column}: invalid TOML: ${error.message.split("\n")[0]}`);
    throw error;
  }
}

// src/adapters/git/baseline.ts
import { execFileSync } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
var MAX_FILE_BYTES = 5 << 20;
var MAX_FILES = 5e4;
function git(args, cwd, input) {
  return execFileSync("git", args, {
    cwd,
    stdio: [input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
    maxBuffer: 512 << 20,
    ...input === void 0 ? {} : { input }
  });
}
function tryGit(args, cwd) {
  try {
    return git(args, cwd).toString("utf8").trim();
  } catch {
    return void 0;
  }
}
function gitTop(at) {
  const start = resolve(at);
  const folder = existsSync(start) && !statSync(start).isDirectory() ? dirname(start) : start;
  const top = tryGit(["rev-parse", "--show-toplevel"], folder);
  return top ? realpathSync(top) : void 0;
}
function findBaseline(at) {
  const top = gitTop(at);
  if (top === void 0) return { reason: "not in a git repository" };
  if (tryGit(["rev-parse", "--verify", "--quiet", "HEAD"], top) === void 0)
    return { top, reason: "the repository has no commit yet" };
  const remoteHead = tryGit(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], top);
  const candidates = [...remoteHead ? [remoteHead] : [], "main", "master"];
  const defaultBranch = candidates.find(
    (branch) => tryGit(["rev-parse", "--verify", "--quiet", `${branch}^{commit}`], top) !== void 0
  );
  if (defaultBranch === void 0) return { top, reason: "no default branch (origin/HEAD, main or master)" };
  const commit = tryGit(["merge-base", defaultBranch, "HEAD"], top);
  if (!commit) return { top, reason: `HEAD and ${defaultBranch} share no commit (a shallow clone?)` };
  return { top, commit, defaultBranch };
}
function skipped(path) {
  return path.split("/").slice(0, -1).some((part) => part.startsWith(".") || part === "__pycache__" || part === "node_modules" || part === "venv");
}
function filesAtCommit(top, commit, folders, extensions) {
  if (folders.length === 0) return [];
  const listing = git(["ls-tree", "-r", "-l", "-z", commit, "--", ...folders], top).toString("utf8");
  const wanted = [];
  for (const entry of listing.split("\0")) {
    const match = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, object, size, path] = match;
    const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
    if (Number(size) > MAX_FILE_BYTES || name === "__init__.py" || skipped(path)) continue;
    if (!extensions.some((extension) => name.endsWith(extension))) continue;
    wanted.push({ path, object });
    if (wanted.length >= MAX_FILES) break;
  }
  if (wanted.length === 0) return [];
  const output = git(["cat-file", "--batch"], top, `${wanted.map((file) => file.object).join("\n")}
`);
  const files = [];
  let offset = 0;
  for (const { path } of wanted) {
    const headerEnd = output.indexOf(10, offset);
    if (headerEnd < 0) break;
    const size = Number(output.toString("latin1", offset, headerEnd).split(" ")[2]);
    const start = headerEnd + 1;
    if (!Number.isInteger(size)) break;
    files.push({ path, text: output.toString("utf8", start, start + size).replace(/^\uFEFF/, "") });
    offset = start + size + 1;
  }
  return files;
}

// src/cli/init-snippets.ts
function githubSlug(url) {
  return /^https:\/\/github\.com\/([^/]+\/[^/#?]+?)(?:\.git)?\/?$/.exec(url)?.[1];
}
var UNPUBLISHED = "migragate has no published address yet: name the repository you install it from";
function preCommitSnippet(source, path) {
  const repo = source.repositoryUrl ? `  - repo: ${source.repositoryUrl}
    rev: v${source.version}` : `  - repo: <migragate git URL>  # ${UNPUBLISHED}
    rev: <tag or commit>`;
  const given = path.startsWith("-") ? `"--", ${JSON.stringify(path)}` : JSON.stringify(path);
  const args = path === "." ? "" : `
        args: [${given}]`;
  return `# .pre-commit-config.yaml
repos:
${repo}
    hooks:
      - id: migragate${args}
`;
}
function githubActionsSnippet(source, path) {
  const slug = source.repositoryUrl ? githubSlug(source.repositoryUrl) : void 0;
  const uses = slug ? `      - uses: ${slug}@v${source.version}` : `      - uses: <owner>/<repository>@<tag or commit>  # ${UNPUBLISHED}`;
  return [
    "# .github/workflows/migrations.yml",
    "name: migrations",
    "on: [pull_request]",
    "jobs:",
    "  migragate:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "        with:",
    "          fetch-depth: 0 # --since needs the pull request's base commit",
    uses,
    "        with:",
    `          path: ${JSON.stringify(path)}`,
    ""
  ].join("\n");
}

// src/cli/init.ts
var CONFIG_DIALECTS = ["postgresql", "mysql", "sqlite"];
function historyRoot(file, stop) {
  for (let folder = dirname2(file); ; folder = dirname2(folder)) {
    if (basename(folder) === "versions") return folder;
    if (folder === stop || dirname2(folder) === folder) return dirname2(file);
  }
}
function historyRoots(files, stop) {
  const roots = [...new Set(files.map((file) => historyRoot(file, stop)))].sort();
  return roots.filter((root) => !roots.some((other) => other !== root && root.startsWith(`${other}${sep}`)));
}
function excludeFilter(patterns, root) {
  if (root === void 0 || patterns.length === 0) return () => true;
  const globs = patterns.map((pattern) => new Glob(pattern));
  return (absolute) => {
    const path = relative(root, absolute).split(sep).join("/");
    return !globs.some((glob) => glob.matches(path));
  };
}
async function revisionsOf(python, sql, dialect, cwd, parser) {
  const revisions = python.length > 0 ? (await extractSources(python, await parser(), { dialect, forced: false }, projectModules(cwd))).revisions : [];
  return sql.length > 0 ? [...revisions, ...await extractSqlMigrations(sql, { dialect, forced: false }, [])] : revisions;
}
function headsOf(revisions, dialect) {
  const { histories } = buildGraph(revisions, { dialect, forced: false }, 16);
  return [...new Set(histories.flatMap((history) => history.heads))].sort();
}
function workingSources(files, cwd) {
  return files.flatMap((path) => {
    const read = readRegularFile(path, { maxBytes: DEFAULT_FILE_LIMITS.maxBytes });
    if (read.problem !== void 0) return [];
    return [{ file: displayPath(cwd, path), path, text: read.text.replace(/^\uFEFF/, "") }];
  });
}
function committedSources(baseline, roots, extension, keep, cwd) {
  const inRepository = roots.map((root) => ({ root, path: relative(baseline.top, existsSync2(root) ? realpathSync2(root) : root) })).filter(({ path }) => !path.startsWith("..") && !path.startsWith(sep));
  const sources = [];
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
function projectFolder(target, top) {
  const start = existsSync2(target) && !statSync2(target).isDirectory() ? dirname2(target) : target;
  for (let folder = start; ; folder = dirname2(folder)) {
    if (existsSync2(join(folder, "alembic.ini"))) return folder;
    if (folder === top || dirname2(folder) === folder || top === void 0) return start;
  }
}
function configTarget(target, top) {
  const existing = findConfigFile(target);
  if (existing) return existing;
  const project = projectFolder(target, top);
  for (let folder = project; ; folder = dirname2(folder)) {
    if (existsSync2(join(folder, "pyproject.toml"))) return join(folder, "pyproject.toml");
    if (top === void 0 || folder === top || dirname2(folder) === folder) break;
  }
  return join(project, "migragate.toml");
}
function asList(value) {
  if (typeof value === "string") return [value];
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : void 0;
}
function sameSetting(setting, current) {
  if (setting.key === "start-after") {
    const wanted = asList(setting.value) ?? [];
    const held = asList(current);
    return held !== void 0 && held.length === wanted.length && wanted.every((id) => held.some((prefix) => prefix === id || prefix.length >= 4 && id.startsWith(prefix)));
  }
  if (setting.key === "dialect") return (current === "postgres" ? "postgresql" : current) === setting.value;
  return current === setting.value;
}
function plural(count, singular, several = `${singular}s`) {
  return `${count} ${count === 1 ? singular : several}`;
}
async function plan(target, found, environment, top) {
  const configPath = findConfigFile(target);
  const config = configPath ? await readConfigFile(configPath, displayPath(environment.cwd, configPath)) : void 0;
  const keep = excludeFilter(config?.exclude ?? [], config?.root);
  const { cwd } = environment;
  const pythonFiles = found.revisionFiles.filter(keep);
  const sqlFiles = found.sqlFiles.filter(keep);
  const workingPython = workingSources(pythonFiles, cwd);
  const evidence = projectDialectEvidence(
    found.alembicConfigs,
    target,
    (absolute) => displayPath(environment.cwd, absolute),
    workingPython
  );
  const decision = decideDialect({
    ...config?.dialect ? { config: { dialect: config.dialect, detail: "dialect in the config file" } } : {},
    ...evidence
  });
  const dialect = decision.dialect;
  const fromProject = decideDialect(evidence);
  const projectDialect = ["alembic.ini", "pyproject", "driver"].includes(fromProject.source) ? fromProject : void 0;
  let loaded;
  const parser = () => {
    loaded ??= loadPythonParser();
    return loaded;
  };
  const current = await revisionsOf(workingPython, workingSources(sqlFiles, cwd), dialect, cwd, parser);
  const notes = [];
  const baseline = findBaseline(target);
  let revisions = current;
  if ("commit" in baseline) {
    const stop = baseline.top;
    const python = committedSources(baseline, historyRoots(pythonFiles, stop), ".py", keep, cwd);
    const sql = committedSources(baseline, historyRoots(sqlFiles, stop), ".sql", keep, cwd);
    revisions = await revisionsOf(python, sql, dialect, cwd, parser);
  }
  const heads = headsOf(revisions, dialect);
  const why = "commit" in baseline ? `the ${heads.length === 1 ? "head" : "heads"} at ${baseline.commit.slice(0, 10)}, the merge-base of HEAD and ${baseline.defaultBranch}` : `the current ${heads.length === 1 ? "head" : "heads"}: ${baseline.reason}`;
  const known = new Set(current.map((revision) => revision.id));
  const missing = heads.filter((head) => !known.has(head));
  if (missing.length > 0)
    notes.push(
      `${missing.join(", ")} of the baseline ${missing.length === 1 ? "is" : "are"} no longer in the history: check will refuse start-after until it names existing revisions`
    );
  const settings = [];
  if (heads.length > 0) {
    settings.push({
      setting: {
        key: "start-after",
        value: heads.length === 1 ? heads[0] : heads,
        comment: "The baseline (migragate init): these revisions and their ancestors are never reported"
      },
      why
    });
  } else {
    notes.push(`no revision at the baseline (${why}): every revision is judged`);
  }
  if (projectDialect && CONFIG_DIALECTS.includes(projectDialect.dialect)) {
    settings.push({
      setting: { key: "dialect", value: projectDialect.dialect, comment: `from ${dialectOrigin(projectDialect)}` },
      why: dialectOrigin(projectDialect)
    });
  }
  const alembic = await projectAlembicVersion(target);
  if (alembic) {
    const source = displayPath(cwd, alembic.file);
    settings.push({
      setting: {
        key: "alembic-version",
        value: alembic.version,
        comment: `${describeSource(alembic)}; without this line migragate reads ${basename(source)} on every run`
      },
      why: `${alembic.pinned ? "pinned in" : "the lowest allowed by"} ${source}`
    });
  }
  return {
    settings,
    notes,
    baselineSize: heads.length > 0 ? revisions.length : 0,
    configPath: configTarget(target, top)
  };
}
function readConfigText(path, display) {
  const read = readRegularFile(path, { maxBytes: MAX_SETTINGS_FILE_BYTES, limitFor: "a config file" });
  if (read.problem !== void 0) throw new InputError(`${display}: cannot read (${read.problem})`);
  return read.text;
}
async function edit(configPath, settings, force, display) {
  const exists = existsSync2(configPath);
  const text = exists ? readConfigText(configPath, display) : "";
  const pyproject = basename(configPath) === "pyproject.toml";
  const document = await parseToml(text, display);
  const tool = document.tool;
  const current = pyproject ? tool?.migragate : document;
  const table = pyproject ? ["tool", "migragate"] : [];
  const result = editTable(text, table, settings, current ?? {}, sameSetting, force);
  if (result.text !== text) {
    const edited = await parseToml(result.text, display).catch(() => {
      throw new InputError(`${display}: cannot add the settings without rewriting the file; add them by hand`);
    });
    const settingsTable = pyproject ? edited.tool.migragate : edited;
    validateConfig(settingsTable, display, configPath);
    writeFileSync(configPath, result.text);
  }
  return { ...result, created: !exists };
}
function describe(edit2, found, display) {
  const why = (setting) => found.find((item) => item.setting === setting)?.why ?? "";
  const line = (mark, setting) => `  ${mark} ${setting.key} = ${renderValue(setting.value)}  (${why(setting)})`;
  const where = basename(display) === "pyproject.toml" ? `${display} [tool.migragate]` : display;
  const changed = edit2.added.length + edit2.replaced.length > 0;
  return [
    changed ? `${edit2.created ? "created" : "updated"} ${where}:` : edit2.kept.length > 0 ? `${where}: nothing changed` : `${where} already holds these settings:`,
    ...edit2.added.map((setting) => line("+", setting)),
    ...edit2.replaced.map((setting) => line("~", setting)),
    ...edit2.unchanged.map((setting) => line("=", setting)),
    ...edit2.kept.map(
      ({ setting, current }) => `  ! kept ${setting.key} = ${JSON.stringify(current)}: init found ${renderValue(setting.value)} (${why(setting)}); --force replaces it`
    )
  ];
}
async function runInit(options, environment) {
  const { cwd } = environment;
  const target = resolve2(cwd, options.path ?? ".");
  const found = await discover([target], cwd);
  const top = gitTop(target);
  const decided = await plan(target, found, environment, top);
  const display = displayPath(cwd, decided.configPath);
  const settings = decided.settings.map((item) => item.setting);
  const result = await edit(decided.configPath, settings, options.force, display);
  const hookPath = relative(top ?? cwd, target).split(sep).join("/") || ".";
  const out = [
    ...describe(result, decided.settings, display),
    ...decided.notes.map((note) => `  note: ${note}`),
    "",
    ...decided.baselineSize > 0 && !result.kept.some(({ setting }) => setting.key === "start-after") ? [
      `The baseline holds ${plural(decided.baselineSize, "revision")}: \`migragate check\` judges only the revisions after it.`,
      ""
    ] : [],
    "Run it on every commit (pre-commit):",
    "",
    preCommitSnippet(environment, hookPath),
    "Gate pull requests (GitHub Actions):",
    "",
    githubActionsSnippet(environment, hookPath)
  ];
  environment.stdout(`${out.join("\n")}`);
  return 0;
}
function dialectOrigin(decision) {
  if (decision.source === "alembic.ini") return "alembic.ini's sqlalchemy.url";
  if (decision.source === "pyproject") return "[tool.alembic]'s sqlalchemy.url in pyproject.toml";
  return decision.detail;
}
export {
  runInit
};
