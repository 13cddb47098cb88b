import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/fs/safe-read.ts
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync
} from "node:fs";
import { sep } from "node:path";
function formatBytes(bytes) {
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toFixed(1))} MB`;
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toFixed(1))} kB`;
  return `${bytes} bytes`;
}
function kindOf(stats) {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}
function errorCode(error) {
  return error.code ?? "error";
}
function describeError(error) {
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
function isInside(path, folder) {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}
function followLink(path, within) {
  let target;
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
function readRegularFile(path, limits) {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  const noFollow = constants.O_NOFOLLOW;
  let descriptor;
  try {
    descriptor = openSync(path, noFollow === void 0 ? flags : flags | noFollow);
  } catch (error) {
    const code = errorCode(error);
    if (noFollow !== void 0 && code !== "ELOOP" && code !== "EMLINK") return { problem: describeError(error) };
    const link = checkLink(path, limits.within);
    if (link.problem !== void 0) return { problem: link.problem };
    try {
      descriptor = openSync(path, flags);
    } catch (again) {
      return { problem: describeError(again) };
    }
  }
  if (noFollow === void 0) {
    const link = checkLink(path, limits.within);
    if (link.problem !== void 0) {
      closeSync(descriptor);
      return { problem: link.problem };
    }
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { problem: `not a regular file (${kindOf(stats)})` };
    const tooLarge = (size) => ({
      problem: `${size}, larger than the ${formatBytes(limits.maxBytes)} limit for ${limits.limitFor ?? "one file"}${limits.limitName ? ` (${limits.limitName})` : ""}`
    });
    if (stats.size > limits.maxBytes) return tooLarge(formatBytes(stats.size));
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, limits.maxBytes) + 1);
    let length = 0;
    for (; ; ) {
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
function checkLink(path, within) {
  try {
    return lstatSync(path).isSymbolicLink() ? followLink(path, within) : {};
  } catch (error) {
    return { problem: describeError(error) };
  }
}
function isRegularFile(path) {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
function readSmallFile(path, maxBytes) {
  const read = readRegularFile(path, { maxBytes });
  return read.problem === void 0 ? read.text : void 0;
}

export {
  formatBytes,
  readRegularFile,
  isRegularFile,
  readSmallFile
};
