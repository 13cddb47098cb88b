import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCacheDir } from "../adapters/fs/extraction-cache.js";
import { type ExtractionThreads, extractionThreads } from "./extraction-pool.js";

/** Where the installed CLI's parts are, found from the bundle's entry file. */
export interface InstallLayout {
  /** dist/worker.js beside the bundled entry; absent when running from sources (one thread, no budgets). */
  readonly workerScript?: URL;
  /** The package's docs/ folder, which `explain` reads. */
  readonly docsFolder: string;
}

/** The layout of the package whose entry module is at `entryUrl` (dist/cli.js once bundled). */
export function installLayout(entryUrl: string): InstallLayout {
  const script = new URL("./worker.js", entryUrl);
  return {
    ...(entryUrl.endsWith("/dist/cli.js") && existsSync(script) ? { workerScript: script } : {}),
    docsFolder: join(dirname(fileURLToPath(entryUrl)), "..", "docs"),
  };
}

/**
 * Whether `check` or `plan` will surely parse every file: `--no-cache`, or no cache folder at all (a fresh CI
 * machine). Read off the raw arguments before the CLI has loaded; anything unusual (options before the command, a
 * `--cache-dir`) says no, and the thread starts later, as the parsed settings decide.
 */
export function coldRunExpected(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (argv[0] !== "check" && argv[0] !== "plan") return false;
  if (argv.some((arg) => HELP_OR_VERSION.has(arg))) return false;
  if (cacheTurnedOff(argv)) return true;
  if (argv.some((arg) => arg === "--cache-dir" || arg.startsWith("--cache-dir="))) return false;
  const folder = defaultCacheDir(env);
  return folder === undefined || !existsSync(folder);
}

/** `--no-cache`, `--cache=false` or `--cache false`: every file will be parsed. */
function cacheTurnedOff(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  const options = end === -1 ? argv : argv.slice(0, end);
  return options.some(
    (arg, index) =>
      arg === "--no-cache" || arg === "--cache=false" || (arg === "--cache" && options[index + 1] === "false"),
  );
}

/** Flags after which the command prints its help or version and parses nothing. */
const HELP_OR_VERSION: ReadonlySet<string> = new Set(["--help", "-h", "--version"]);

/**
 * An extraction thread started before the rest of the CLI loads, when the run will parse files: a thread takes
 * ~60 ms to start, about what loading the CLI takes on the main thread, so the two overlap instead of adding up.
 */
export function earlyExtractionThreads(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  layout: InstallLayout,
): ExtractionThreads | undefined {
  if (!layout.workerScript) return undefined;
  try {
    return coldRunExpected(argv, env) ? extractionThreads(layout.workerScript, true) : undefined;
  } catch {
    // Only an optimisation: if it cannot be done here, the run starts its thread when it needs one, as before.
    return undefined;
  }
}
