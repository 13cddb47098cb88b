import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from "node:fs";
import { sep } from "node:path";

/** The text of a file, or why it was not read (one short phrase, no path). */
export type ReadOutcome = { readonly text: string; readonly problem?: undefined } | { readonly problem: string };

export interface ReadLimits {
  /** Larger files are not read. */
  readonly maxBytes: number;
  /** What the limit is called where users can change it, for the message (e.g. `"max-file-size" in the config`). */
  readonly limitName?: string;
  /** What the limit applies to, for the message (default "one file"). */
  readonly limitFor?: string;
  /** Real folders a symbolic link may point into; none means any target that is a regular file. */
  readonly within?: readonly string[];
}

/** Size for messages: `5 MB`, `730 kB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1_000) return `${Number((bytes / 1_000).toFixed(1))} kB`;
  return `${bytes} bytes`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "error";
}

function describeError(error: unknown): string {
  switch (errorCode(error)) {
    case "ENOENT":
      return "it does not exist";
    case "EACCES":
    case "EPERM":
      return `permission denied (${errorCode(error)})`;
    case "ELOOP":
      return "a symbolic link loop";
    default:
      return `cannot read it (${errorCode(error)})`;
  }
}

export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

/** Where a symbolic link leads, or why it is not followed. */
function followLink(path: string, within: readonly string[] | undefined): { problem?: string } {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ELOOP") return { problem: "a symbolic link loop" };
    if (code === "ENOENT") return { problem: "a symbolic link to nothing" };
    return { problem: describeError(error) };
  }
  if (within && !within.some((folder) => isInside(target, folder))) {
    return { problem: `a symbolic link to ${target}, outside the project` };
  }
  return {};
}

/**
 * Reads a file only when it is a regular file of at most `maxBytes`: a FIFO, a device or a folder is never opened
 * for reading (opened without blocking, then checked), and a symbolic link is followed only into `within`.
 */
export function readRegularFile(path: string, limits: ReadLimits): ReadOutcome {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. O_NOFOLLOW (where the system
  // has it) refuses a symbolic link: a regular file costs one open, and only a link is looked at more closely.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  const noFollow = constants.O_NOFOLLOW;
  let descriptor: number;
  try {
    descriptor = openSync(path, noFollow === undefined ? flags : flags | noFollow);
  } catch (error) {
    const code = errorCode(error);
    if (noFollow !== undefined && code !== "ELOOP" && code !== "EMLINK") return { problem: describeError(error) };
    const link = checkLink(path, limits.within);
    if (link.problem !== undefined) return { problem: link.problem };
    try {
      descriptor = openSync(path, flags);
    } catch (again) {
      return { problem: describeError(again) };
    }
  }
  if (noFollow === undefined) {
    const link = checkLink(path, limits.within);
    if (link.problem !== undefined) {
      closeSync(descriptor);
      return { problem: link.problem };
    }
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { problem: `not a regular file (${kindOf(stats)})` };
    const tooLarge = (size: string) => ({
      problem: `${size}, larger than the ${formatBytes(limits.maxBytes)} limit for ${limits.limitFor ?? "one file"}${limits.limitName ? ` (${limits.limitName})` : ""}`,
    });
    if (stats.size > limits.maxBytes) return tooLarge(formatBytes(stats.size));
    // The file may grow between the check and the read: never read more than the limit allows.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, limits.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limits.maxBytes) return tooLarge("more");
      if (length === buffer.length) break;
    }
    return { text: buffer.toString("utf8", 0, length) };
  } catch (error) {
    return { problem: describeError(error) };
  } finally {
    closeSync(descriptor);
  }
}

/** A path that may be a symbolic link: followed only to a target inside `within`; a loop or a dangling link is not. */
function checkLink(path: string, within: readonly string[] | undefined): { problem?: string } {
  try {
    return lstatSync(path).isSymbolicLink() ? followLink(path, within) : {};
  } catch (error) {
    return { problem: describeError(error) };
  }
}

/** True for a regular file, or a symbolic link to one; never opens it. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * The text of a project file migragate only consults (a config, a manifest, an env.py for its URL): read as
 * `readRegularFile` reads, or undefined when it is not a regular file of at most `maxBytes`.
 */
export function readSmallFile(path: string, maxBytes: number): string | undefined {
  const read = readRegularFile(path, { maxBytes });
  return read.problem === undefined ? read.text : undefined;
}
