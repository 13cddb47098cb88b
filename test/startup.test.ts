// The entry starts an extraction thread before the rest of the CLI loads when the run will surely parse files.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultCacheDir } from "../src/adapters/fs/extraction-cache.js";
import { coldRunExpected, earlyExtractionThreads, installLayout } from "../src/cli/startup.js";

const EXISTING_CACHE = { MIGRAGATE_CACHE_DIR: mkdtempSync(join(tmpdir(), "migragate-cache-")) };
const NO_CACHE_YET = { MIGRAGATE_CACHE_DIR: join(tmpdir(), "migragate-never-created", String(process.pid)) };

describe("coldRunExpected", () => {
  it("coldRunExpected check with --no-cache is cold", () => {
    expect(coldRunExpected(["check", ".", "--no-cache"], EXISTING_CACHE)).toBe(true);
    expect(coldRunExpected(["plan", "--no-cache", "--since", "main"], EXISTING_CACHE)).toBe(true);
  });

  it("coldRunExpected with the cache turned off by --cache false or --cache=false is cold", () => {
    expect(coldRunExpected(["check", ".", "--cache", "false"], EXISTING_CACHE)).toBe(true);
    expect(coldRunExpected(["plan", "--cache=false"], EXISTING_CACHE)).toBe(true);
    expect(coldRunExpected(["check", "--cache", "true"], EXISTING_CACHE)).toBe(false);
  });

  it("coldRunExpected with no cache folder yet is cold (a fresh CI machine)", () => {
    expect(coldRunExpected(["check", "migrations"], NO_CACHE_YET)).toBe(true);
  });

  it("coldRunExpected with a cache folder may be warm: the settings decide later", () => {
    expect(coldRunExpected(["check", "migrations"], EXISTING_CACHE)).toBe(false);
  });

  it("coldRunExpected with --cache-dir leaves the decision to the parsed settings", () => {
    expect(coldRunExpected(["check", ".", "--cache-dir", "/somewhere"], NO_CACHE_YET)).toBe(false);
    expect(coldRunExpected(["check", ".", "--cache-dir=/somewhere"], NO_CACHE_YET)).toBe(false);
  });

  it("coldRunExpected for commands that parse nothing is never cold", () => {
    for (const argv of [["rules"], ["explain", "drop-column"], ["init"], [], ["--no-cache", "check"]]) {
      expect(coldRunExpected(argv, NO_CACHE_YET)).toBe(false);
    }
  });

  it("coldRunExpected for a command's help or version is never cold", () => {
    for (const flag of ["--help", "-h", "--version"]) {
      expect(coldRunExpected(["check", ".", "--no-cache", flag], NO_CACHE_YET)).toBe(false);
    }
  });
});

describe("installLayout", () => {
  it("installLayout of the bundle finds its worker script and the package's docs", () => {
    const layout = installLayout(pathToFileURL(join(process.cwd(), "dist", "cli.js")).href);
    expect(layout.workerScript?.href).toBe(pathToFileURL(join(process.cwd(), "dist", "worker.js")).href);
    expect(layout.docsFolder).toBe(join(process.cwd(), "docs"));
  });

  it("installLayout of the sources has no worker script: files are extracted on the main thread", () => {
    const layout = installLayout(pathToFileURL(join(process.cwd(), "src", "cli", "entry.ts")).href);
    expect(layout.workerScript).toBeUndefined();
  });
});

describe("earlyExtractionThreads", () => {
  it("earlyExtractionThreads without a worker script starts nothing", () => {
    expect(earlyExtractionThreads(["check", "--no-cache"], NO_CACHE_YET, { docsFolder: "docs" })).toBeUndefined();
  });

  it("earlyExtractionThreads on a cold check starts a thread", () => {
    const layout = installLayout(pathToFileURL(join(process.cwd(), "dist", "cli.js")).href);
    const threads = earlyExtractionThreads(["check", "--no-cache"], NO_CACHE_YET, layout);
    expect(threads).toBeDefined();
    threads?.close();
  });
});

describe("defaultCacheDir", () => {
  const noHome = () => {
    throw new Error("uv_os_homedir returned ENOENT");
  };

  it("defaultCacheDir without a home folder is none: the run goes without a cache", () => {
    expect(defaultCacheDir({}, noHome)).toBeUndefined();
  });

  it("defaultCacheDir takes MIGRAGATE_CACHE_DIR, then XDG_CACHE_HOME, then the home folder", () => {
    expect(defaultCacheDir({ MIGRAGATE_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x" }, noHome)).toBe("/c");
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x" }, noHome)).toBe(join("/x", "migragate"));
    expect(defaultCacheDir({ XDG_CACHE_HOME: "relative" }, () => "/home/u")).toBe(
      join("/home/u", ".cache", "migragate"),
    );
  });
});
