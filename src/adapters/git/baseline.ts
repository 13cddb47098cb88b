import { execFileSync } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The commit whose history is the baseline: where the current branch left the default branch. */
export interface GitBaseline {
  /** The repository's top folder (real path). */
  readonly top: string;
  readonly commit: string;
  /** The default branch it was measured against (`origin/main`, `main`, `master`). */
  readonly defaultBranch: string;
}

/** Why no baseline commit could be found, for `init` to say. */
export interface NoBaseline {
  readonly top?: string;
  readonly reason: string;
}

/** A file's text at a commit, by its path in the repository. */
export interface CommittedFile {
  readonly path: string;
  readonly text: string;
}

const MAX_FILE_BYTES = 5 << 20;
const MAX_FILES = 50_000;

function git(args: readonly string[], cwd: string, input?: string): Buffer {
  return execFileSync("git", args, {
    cwd,
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    maxBuffer: 512 << 20,
    ...(input === undefined ? {} : { input }),
  });
}

function tryGit(args: readonly string[], cwd: string): string | undefined {
  try {
    return git(args, cwd).toString("utf8").trim();
  } catch {
    return undefined;
  }
}

/** The repository's top folder, when `at` is inside a git working tree (and git is installed). */
export function gitTop(at: string): string | undefined {
  const start = resolve(at);
  const folder = existsSync(start) && !statSync(start).isDirectory() ? dirname(start) : start;
  const top = tryGit(["rev-parse", "--show-toplevel"], folder);
  return top ? realpathSync(top) : undefined;
}

/**
 * The merge-base of HEAD and the default branch (origin/HEAD, else main, else master): the revisions committed there
 * are the ones already merged, while the current branch's own are not.
 */
export function findBaseline(at: string): GitBaseline | NoBaseline {
  const top = gitTop(at);
  if (top === undefined) return { reason: "not in a git repository" };
  if (tryGit(["rev-parse", "--verify", "--quiet", "HEAD"], top) === undefined)
    return { top, reason: "the repository has no commit yet" };
  const remoteHead = tryGit(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], top);
  const candidates = [...(remoteHead ? [remoteHead] : []), "main", "master"];
  const defaultBranch = candidates.find(
    (branch) => tryGit(["rev-parse", "--verify", "--quiet", `${branch}^{commit}`], top) !== undefined,
  );
  if (defaultBranch === undefined) return { top, reason: "no default branch (origin/HEAD, main or master)" };
  const commit = tryGit(["merge-base", defaultBranch, "HEAD"], top);
  if (!commit) return { top, reason: `HEAD and ${defaultBranch} share no commit (a shallow clone?)` };
  return { top, commit, defaultBranch };
}

/** Whether a repository path lies in a folder discovery never enters (`.venv`, `__pycache__`, dot folders). */
function skipped(path: string): boolean {
  return path
    .split("/")
    .slice(0, -1)
    .some((part) => part.startsWith(".") || part === "__pycache__" || part === "node_modules" || part === "venv");
}

/**
 * The files under `folders` (repository paths) at `commit` whose names end with one of `extensions`, read from git's
 * object store: the working tree is never touched. Files above 5 MB are left out.
 */
export function filesAtCommit(
  top: string,
  commit: string,
  folders: readonly string[],
  extensions: readonly string[],
): CommittedFile[] {
  if (folders.length === 0) return [];
  const listing = git(["ls-tree", "-r", "-l", "-z", commit, "--", ...folders], top).toString("utf8");
  const wanted: { path: string; object: string }[] = [];
  for (const entry of listing.split("\0")) {
    // <mode> SP <type> SP <object> SP <size> TAB <path>
    const match = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.*)$/s.exec(entry);
    if (!match) continue;
    const [, object, size, path] = match as unknown as [string, string, string, string];
    const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
    if (Number(size) > MAX_FILE_BYTES || name === "__init__.py" || skipped(path)) continue;
    if (!extensions.some((extension) => name.endsWith(extension))) continue;
    wanted.push({ path, object });
    if (wanted.length >= MAX_FILES) break;
  }
  if (wanted.length === 0) return [];
  const output = git(["cat-file", "--batch"], top, `${wanted.map((file) => file.object).join("\n")}\n`);
  const files: CommittedFile[] = [];
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
