import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-S7CPFA5J.js";

// src/adapters/git/changes-since.ts
import { execFileSync } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
var MAX_FILE_BYTES = 1e6;
var MAX_PATHS_PER_DIFF = 500;
function git(args, cwd) {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 << 20 });
}
function tryGit(args, cwd) {
  try {
    return git(args, cwd);
  } catch (error) {
    if (error.code === "ENOENT") throw new InputError("--since needs git on the PATH");
    return void 0;
  }
}
function parseNameStatus(output) {
  const fields = output.split("\0");
  const entries = [];
  for (let index = 0; index + 1 < fields.length; ) {
    const status = fields[index] ?? "";
    if (status === "") break;
    const twoPaths = status.startsWith("R") || status.startsWith("C");
    const path = fields[index + (twoPaths ? 2 : 1)] ?? "";
    entries.push({ status: status[0] ?? "", path, from: fields[index + 1] ?? "" });
    index += twoPaths ? 3 : 2;
  }
  return entries;
}
function changesSince(ref, at, label = at) {
  const start = resolve(at);
  const folder = existsSync(start) && !statSync(start).isDirectory() ? dirname(start) : start;
  const root = tryGit(["rev-parse", "--show-toplevel"], folder)?.trim();
  if (!root) throw new InputError(`--since: ${label} is not inside a git repository`);
  const shallow = tryGit(["rev-parse", "--is-shallow-repository"], root)?.trim() === "true";
  const deepen = shallow ? " in this shallow clone; fetch the history (e.g. actions/checkout with fetch-depth: 0)" : "";
  if (tryGit(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root) === void 0)
    throw new InputError(`--since: unknown git revision "${ref}"${deepen}`);
  const hasHead = tryGit(["rev-parse", "--verify", "--quiet", "HEAD"], root) !== void 0;
  let base = hasHead ? tryGit(["merge-base", ref, "HEAD"], root)?.trim() : void 0;
  if (!base) {
    if (shallow) throw new InputError(`--since: no common history between "${ref}" and HEAD${deepen}`);
    base = ref;
  }
  const real = realpathSync(root);
  const scope = relative(real, realpathSync(folder)) || ".";
  const diff = tryGit(["diff", "--name-status", "-M", "-z", base, "--", scope], root);
  if (diff === void 0) throw new InputError(`--since: git diff against "${ref}" failed`);
  const untracked = tryGit(["ls-files", "--others", "--exclude-standard", "-z", "--", scope], root) ?? "";
  const added = /* @__PURE__ */ new Set();
  const changed = /* @__PURE__ */ new Set();
  const modified = /* @__PURE__ */ new Map();
  const deleted = [];
  for (const { status, path, from } of parseNameStatus(diff)) {
    if (status === "D") {
      deleted.push(path);
      continue;
    }
    const absolute = join(real, path);
    changed.add(absolute);
    if (status === "A") added.add(absolute);
    else if (status === "M" || status === "R") modified.set(absolute, status === "R" ? from : path);
  }
  for (const path of untracked.split("\0")) {
    if (path === "") continue;
    added.add(join(real, path));
    changed.add(join(real, path));
  }
  return { added, changed, modified, deleted, root: real, base };
}
function modifiedSince(changes, files) {
  const modified = /* @__PURE__ */ new Map();
  const inside = files.map((file) => relative(changes.root, file)).filter((path) => path !== "" && !path.startsWith("..")).slice(0, MAX_PATHS_PER_DIFF);
  if (inside.length === 0) return modified;
  const diff = tryGit(["diff", "--name-status", "--no-renames", "-z", changes.base, "--", ...inside], changes.root);
  for (const { status, path } of parseNameStatus(diff ?? "")) {
    if (status === "M") modified.set(join(changes.root, path), path);
  }
  return modified;
}
function textAtBase(changes, path) {
  const spec = `${changes.base}:${path}`;
  const size = Number(tryGit(["cat-file", "-s", spec], changes.root)?.trim());
  if (!(size >= 0 && size <= MAX_FILE_BYTES)) return void 0;
  return tryGit(["show", spec], changes.root)?.replace(/^\uFEFF/, "");
}

export {
  changesSince,
  modifiedSince,
  textAtBase
};
