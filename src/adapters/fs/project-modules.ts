import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readRegularFile } from "./safe-read.js";

/** A Python module of the project itself, read for the helpers and constants a revision imports from it. */
export interface ModuleFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  /** sha1 of the text: an extraction cached from a revision that read this module is stale when it changes. */
  readonly digest: string;
}

/** Finds the project module an import names; undefined when the module is not part of the analysed project. */
export interface ModuleSource {
  /**
   * `module` as written after `from`/`import` without its leading dots; `level` is the number of those dots (0 for
   * an absolute import); `fromFile` is the absolute path of the importing file.
   */
  find(module: string, level: number, fromFile: string): ModuleFile | undefined;
}

/** A helper module larger than this is not read (it is not a migration helper, or it is hostile). */
const MAX_MODULE_BYTES = 1_000_000;
/** Folders walked up from a revision looking for the project's top. */
const MAX_DEPTH = 32;
const PROJECT_MARKERS = ["alembic.ini", "pyproject.toml", "setup.py", "setup.cfg"];

export function digestOf(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** Reads a module file only when it is a regular file of sane size (opened without blocking, then checked). */
function readModule(path: string): ModuleFile | undefined {
  // Most candidates (`<root>/a/b.py` for every root up to the project's top) do not exist: a failed open costs an
  // exception each, a look-up does not. What exists is still read only through the safe read.
  if (!existsSync(path)) return undefined;
  const read = readRegularFile(path, { maxBytes: MAX_MODULE_BYTES });
  if (read.problem !== undefined) return undefined;
  const text = read.text.replace(/^\uFEFF/, "");
  return { path, text, digest: digestOf(text) };
}

/** The digest of a module file as `find` would read it (a regular file of sane size), or undefined. */
export function moduleDigest(path: string): string | undefined {
  return readModule(path)?.digest;
}

/**
 * The project's modules with some files read as other text (a helper module as it was at an earlier commit), keyed by
 * the path the wrapped source finds them at.
 */
export class OverlaidModules implements ModuleSource {
  constructor(
    private readonly modules: ModuleSource,
    private readonly texts: ReadonlyMap<string, string>,
  ) {}

  find(module: string, level: number, fromFile: string): ModuleFile | undefined {
    const found = this.modules.find(module, level, fromFile);
    const text = found ? this.texts.get(found.path) : undefined;
    return found && text !== undefined ? { path: found.path, text, digest: digestOf(text) } : found;
  }
}

/**
 * The project's own Python modules, found from the folders between a revision and the project's top: the git
 * top-level, or, outside git, the outermost folder that holds alembic.ini, pyproject.toml, setup.py or setup.cfg.
 * `from myapp.db import migration` in `<top>/myapp/db/migrations/versions/x.py` finds `<top>/myapp/db/migration.py`
 * (or `.../migration/__init__.py`). Lookups are cached; nothing outside the project is read.
 */
export class ProjectModules implements ModuleSource {
  private readonly tops = new Map<string, string[]>();
  private readonly files = new Map<string, ModuleFile | undefined>();

  find(module: string, level: number, fromFile: string): ModuleFile | undefined {
    const parts = module.split(".").filter((part) => part !== "");
    if (parts.length === 0 && level === 0) return undefined;
    if (parts.some((part) => !/^[A-Za-z_]\w*$/.test(part))) return undefined;
    if (level > 0) {
      let base = dirname(resolve(fromFile));
      for (let up = 1; up < level; up++) base = dirname(base);
      return this.moduleAt(base, parts);
    }
    for (const root of this.roots(dirname(resolve(fromFile)))) {
      const found = this.moduleAt(root, parts);
      if (found) return found;
    }
    return undefined;
  }

  private moduleAt(base: string, parts: readonly string[]): ModuleFile | undefined {
    const stem = join(base, ...parts);
    for (const candidate of [`${stem}.py`, join(stem, "__init__.py")]) {
      if (!this.files.has(candidate)) this.files.set(candidate, readModule(candidate));
      const found = this.files.get(candidate);
      if (found) return found;
    }
    return undefined;
  }

  /** The folders an absolute import may start from: this folder and each parent up to the project's top. */
  private roots(folder: string): string[] {
    const cached = this.tops.get(folder);
    if (cached) return cached;
    const chain: string[] = [];
    let current = folder;
    let top: number | undefined;
    let outermostMarker: number | undefined;
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
}
