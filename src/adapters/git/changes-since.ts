import { execFileSync } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { InputError } from "../fs/discovery.js";

/** Files of the working tree, by real absolute path, that are new or changed since a git revision. */
export interface GitChanges {
  /** Added since the revision: committed, staged, modified or untracked; a renamed file is not new. */
  readonly added: ReadonlySet<string>;
  /** Added or modified in any way (renamed files included). */
  readonly changed: ReadonlySet<string>;
  /** Files that existed at the base and differ now (modified or renamed): real absolute path -> path at the base. */
  readonly modified: ReadonlyMap<string, string>;
  /** Paths (relative to the repository's top) of the files deleted since the base, within the analysed folder. */
  readonly deleted: readonly string[];
  /** The repository's top-level folder (real path) and the commit the change is measured from. */
  readonly root: string;
  readonly base: string;
}

/** A file at the base larger than this is not read (no revision is; it is not a migration, or it is hostile). */
const MAX_FILE_BYTES = 1_000_000;
/** Paths asked about in one `git diff`: bounded for hostile input (helper modules are at most a few hundred). */
const MAX_PATHS_PER_DIFF = 500;

function git(args: readonly string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 << 20 });
}

function tryGit(args: readonly string[], cwd: string): string | undefined {
  try {
    return git(args, cwd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new InputError("--since needs git on the PATH");
    return undefined;
  }
}

/** Parses `git diff --name-status -z`: status, then one path (two for renames and copies: from, to). */
function parseNameStatus(output: string): { status: string; path: string; from: string }[] {
  const fields = output.split("\0");
  const entries: { status: string; path: string; from: string }[] = [];
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

/**
 * What changed since `ref` in the git repository holding `at`: compared from the merge base of `ref` and HEAD (what
 * a pull request adds) to the working tree, plus untracked files.
 */
export function changesSince(ref: string, at: string, label = at): GitChanges {
  const start = resolve(at);
  const folder = existsSync(start) && !statSync(start).isDirectory() ? dirname(start) : start;
  const root = tryGit(["rev-parse", "--show-toplevel"], folder)?.trim();
  if (!root) throw new InputError(`--since: ${label} is not inside a git repository`);
  const shallow = tryGit(["rev-parse", "--is-shallow-repository"], root)?.trim() === "true";
  const deepen = shallow ? " in this shallow clone; fetch the history (e.g. actions/checkout with fetch-depth: 0)" : "";
  if (tryGit(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root) === undefined)
    throw new InputError(`--since: unknown git revision "${ref}"${deepen}`);
  const hasHead = tryGit(["rev-parse", "--verify", "--quiet", "HEAD"], root) !== undefined;
  let base = hasHead ? tryGit(["merge-base", ref, "HEAD"], root)?.trim() : undefined;
  if (!base) {
    if (shallow) throw new InputError(`--since: no common history between "${ref}" and HEAD${deepen}`);
    base = ref;
  }
  // Only the analysed folder matters; limiting the diff keeps rename detection cheap in large repositories.
  const real = realpathSync(root);
  const scope = relative(real, realpathSync(folder)) || ".";
  const diff = tryGit(["diff", "--name-status", "-M", "-z", base, "--", scope], root);
  if (diff === undefined) throw new InputError(`--since: git diff against "${ref}" failed`);
  const untracked = tryGit(["ls-files", "--others", "--exclude-standard", "-z", "--", scope], root) ?? "";
  const added = new Set<string>();
  const changed = new Set<string>();
  const modified = new Map<string, string>();
  const deleted: string[] = [];
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

/**
 * Which of `files` (real absolute paths inside the repository) differ between the base and the working tree: the
 * project helper modules a revision reads live outside the analysed folder, so they are asked about by name.
 */
export function modifiedSince(changes: GitChanges, files: readonly string[]): Map<string, string> {
  const modified = new Map<string, string>();
  const inside = files
    .map((file) => relative(changes.root, file))
    .filter((path) => path !== "" && !path.startsWith(".."))
    .slice(0, MAX_PATHS_PER_DIFF);
  if (inside.length === 0) return modified;
  const diff = tryGit(["diff", "--name-status", "--no-renames", "-z", changes.base, "--", ...inside], changes.root);
  for (const { status, path } of parseNameStatus(diff ?? "")) {
    if (status === "M") modified.set(join(changes.root, path), path);
  }
  return modified;
}

/** The text of a file (path relative to the repository's top) at the base; undefined when absent or too large. */
export function textAtBase(changes: GitChanges, path: string): string | undefined {
  const spec = `${changes.base}:${path}`;
  const size = Number(tryGit(["cat-file", "-s", spec], changes.root)?.trim());
  if (!(size >= 0 && size <= MAX_FILE_BYTES)) return undefined;
  return tryGit(["show", spec], changes.root)?.replace(/^\uFEFF/, "");
}
