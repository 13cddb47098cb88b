import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

/** Folders created above a cache file, at most. */
const MAX_NEW_FOLDERS = 64;

/**
 * An absolute folder from the environment; empty or relative counts as unset (the XDG base directory spec ignores
 * relative paths, and a relative one would put the cache inside the analysed project).
 */
function absoluteFolder(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" && isAbsolute(value) ? value : undefined;
}

/** The user's home folder; undefined when there is none (no HOME, and a user ID without a passwd entry, as in CI). */
function homeFolder(home: () => string): string | undefined {
  try {
    return home();
  } catch {
    return undefined;
  }
}

/**
 * Where caches live: MIGRAGATE_CACHE_DIR, else the XDG cache folder, else ~/.cache; undefined without any of them
 * (no home folder): the run then goes without a cache.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: () => string = homedir): string | undefined {
  const explicit = absoluteFolder(env.MIGRAGATE_CACHE_DIR);
  if (explicit) return explicit;
  const xdg = absoluteFolder(env.XDG_CACHE_HOME);
  if (xdg) return join(xdg, "migragate");
  const folder = homeFolder(home);
  return folder === undefined ? undefined : join(folder, ".cache", "migragate");
}

/**
 * Creates a folder and its missing parents one by one. Node's `mkdirSync(..., { recursive: true })` never returns
 * for a path under /proc (it retries the ENOENT forever); one level at a time fails at once.
 */
function createFolder(folder: string): void {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current) && missing.length < MAX_NEW_FOLDERS; current = dirname(current)) {
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing.reverse()) mkdirSync(path);
}

function digest(...parts: string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/**
 * What extraction made of each file, keyed by everything it depends on (the build of migragate, the dialect, the
 * report path and the file's bytes), so an unchanged file is never parsed twice. One cache file per analysed
 * project; entries of files that are gone are dropped on save. A missing, corrupt or foreign cache is ignored.
 */
export class ExtractionCache<T> {
  private readonly previous: Map<string, T>;
  private readonly current = new Map<string, T>();
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly build: string,
    previous: Map<string, T>,
  ) {
    this.previous = previous;
  }

  static open<T>(folder: string, project: string, build: string): ExtractionCache<T> {
    const path = join(folder, `${digest(project).slice(0, 20)}.json`);
    let previous = new Map<string, T>();
    try {
      const stored = JSON.parse(readFileSync(path, "utf8")) as { build?: string; entries?: Record<string, T> };
      if (stored.build === build && stored.entries) previous = new Map(Object.entries(stored.entries));
    } catch {
      // No cache yet, or one this build cannot read: start empty.
    }
    return new ExtractionCache(path, build, previous);
  }

  /** Nothing from an earlier run: every file will be parsed. */
  isEmpty(): boolean {
    return this.previous.size === 0;
  }

  key(...parts: string[]): string {
    return digest(...parts);
  }

  get(key: string): T | undefined {
    const value = this.previous.get(key);
    if (value !== undefined) this.current.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.current.set(key, value);
    this.changed = true;
  }

  /** Writes the entries used by this run; a cache that cannot be written only costs speed next time. */
  save(): void {
    if (!this.changed && this.current.size === this.previous.size) return;
    try {
      createFolder(dirname(this.path));
      const temporary = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ build: this.build, entries: Object.fromEntries(this.current) }));
      renameSync(temporary, this.path);
    } catch {
      // Read-only home, full disk: carry on without a cache.
    }
  }
}
