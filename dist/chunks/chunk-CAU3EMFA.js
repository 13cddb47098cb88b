import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  readRegularFile
} from "./chunk-4QRIUKKB.js";

// src/cli/display-path.ts
import { relative, sep } from "node:path";
function displayPath(cwd, absolute) {
  const path = relative(cwd, absolute) || absolute;
  return sep === "/" ? path : path.split(sep).join("/");
}

// src/adapters/fs/project-modules.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
var MAX_MODULE_BYTES = 1e6;
var MAX_DEPTH = 32;
var PROJECT_MARKERS = ["alembic.ini", "pyproject.toml", "setup.py", "setup.cfg"];
function digestOf(text) {
  return createHash("sha1").update(text).digest("hex");
}
function readModule(path) {
  if (!existsSync(path)) return void 0;
  const read = readRegularFile(path, { maxBytes: MAX_MODULE_BYTES });
  if (read.problem !== void 0) return void 0;
  const text = read.text.replace(/^\uFEFF/, "");
  return { path, text, digest: digestOf(text) };
}
function moduleDigest(path) {
  return readModule(path)?.digest;
}
var OverlaidModules = class {
  constructor(modules, texts) {
    this.modules = modules;
    this.texts = texts;
  }
  modules;
  texts;
  find(module, level, fromFile) {
    const found = this.modules.find(module, level, fromFile);
    const text = found ? this.texts.get(found.path) : void 0;
    return found && text !== void 0 ? { path: found.path, text, digest: digestOf(text) } : found;
  }
};
var ProjectModules = class {
  tops = /* @__PURE__ */ new Map();
  files = /* @__PURE__ */ new Map();
  find(module, level, fromFile) {
    const parts = module.split(".").filter((part) => part !== "");
    if (parts.length === 0 && level === 0) return void 0;
    if (parts.some((part) => !/^[A-Za-z_]\w*$/.test(part))) return void 0;
    if (level > 0) {
      let base = dirname(resolve(fromFile));
      for (let up = 1; up < level; up++) base = dirname(base);
      return this.moduleAt(base, parts);
    }
    for (const root of this.roots(dirname(resolve(fromFile)))) {
      const found = this.moduleAt(root, parts);
      if (found) return found;
    }
    return void 0;
  }
  moduleAt(base, parts) {
    const stem = join(base, ...parts);
    for (const candidate of [`${stem}.py`, join(stem, "__init__.py")]) {
      if (!this.files.has(candidate)) this.files.set(candidate, readModule(candidate));
      const found = this.files.get(candidate);
      if (found) return found;
    }
    return void 0;
  }
  /** The folders an absolute import may start from: this folder and each parent up to the project's top. */
  roots(folder) {
    const cached = this.tops.get(folder);
    if (cached) return cached;
    const chain = [];
    let current = folder;
    let top;
    let outermostMarker;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      chain.push(current);
      if (existsSync(join(current, ".git"))) {
        top = chain.length;
        break;
      }
      if (PROJECT_MARKERS.some((marker) => existsSync(join(current, marker)))) outermostMarker = chain.length;
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    const roots = chain.slice(0, top ?? outermostMarker ?? 0);
    this.tops.set(folder, roots);
    return roots;
  }
};

export {
  displayPath,
  moduleDigest,
  OverlaidModules,
  ProjectModules
};
