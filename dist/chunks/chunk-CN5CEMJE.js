import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  failedFile
} from "./chunk-GDKKKNSU.js";

// src/adapters/fs/extraction-cache.ts
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
var MAX_NEW_FOLDERS = 64;
function absoluteFolder(value) {
  return value !== void 0 && value.trim() !== "" && isAbsolute(value) ? value : void 0;
}
function homeFolder(home) {
  try {
    return home();
  } catch {
    return void 0;
  }
}
function defaultCacheDir(env, home = homedir) {
  const explicit = absoluteFolder(env.MIGRAGATE_CACHE_DIR);
  if (explicit) return explicit;
  const xdg = absoluteFolder(env.XDG_CACHE_HOME);
  if (xdg) return join(xdg, "migragate");
  const folder = homeFolder(home);
  return folder === void 0 ? void 0 : join(folder, ".cache", "migragate");
}
function createFolder(folder) {
  const missing = [];
  for (let current = folder; !existsSync(current) && missing.length < MAX_NEW_FOLDERS; current = dirname(current)) {
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing.reverse()) mkdirSync(path);
}
function digest(...parts) {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}
var ExtractionCache = class _ExtractionCache {
  constructor(path, build, previous) {
    this.path = path;
    this.build = build;
    this.previous = previous;
  }
  path;
  build;
  previous;
  current = /* @__PURE__ */ new Map();
  changed = false;
  static open(folder, project, build) {
    const path = join(folder, `${digest(project).slice(0, 20)}.json`);
    let previous = /* @__PURE__ */ new Map();
    try {
      const stored = JSON.parse(readFileSync(path, "utf8"));
      if (stored.build === build && stored.entries) previous = new Map(Object.entries(stored.entries));
    } catch {
    }
    return new _ExtractionCache(path, build, previous);
  }
  /** Nothing from an earlier run: every file will be parsed. */
  isEmpty() {
    return this.previous.size === 0;
  }
  key(...parts) {
    return digest(...parts);
  }
  get(key) {
    const value = this.previous.get(key);
    if (value !== void 0) this.current.set(key, value);
    return value;
  }
  set(key, value) {
    this.current.set(key, value);
    this.changed = true;
  }
  /** Writes the entries used by this run; a cache that cannot be written only costs speed next time. */
  save() {
    if (!this.changed && this.current.size === this.previous.size) return;
    try {
      createFolder(dirname(this.path));
      const temporary = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ build: this.build, entries: Object.fromEntries(this.current) }));
      renameSync(temporary, this.path);
    } catch {
    }
  }
};

// src/cli/startup.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname2, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";

// src/cli/extraction-pool.ts
import { Worker } from "node:worker_threads";
var ExtractionThreads = class {
  constructor(script, limits) {
    this.script = script;
    this.limits = limits;
  }
  script;
  limits;
  spare;
  /** Starts a thread ahead of need: its code loads while the main thread reads settings and files. */
  prestart() {
    this.spare ??= this.start();
    this.spare.worker.unref();
  }
  /** Stops the thread started ahead of need, when nothing needed it. */
  close() {
    void this.spare?.worker.terminate();
    this.spare = void 0;
  }
  /** Extracts `jobs`, results in their order. */
  async extract(jobs, run) {
    const results = new Array(jobs.length);
    const record = (pending, result) => {
      results[pending.index] = result;
    };
    const shares = split(
      jobs.map((job, index) => ({ job, index })),
      Math.max(1, run.threads)
    );
    await Promise.all(
      shares.map(async (share) => {
        let done = 0;
        while (done < share.length) done += await this.runThread(this.take(), share.slice(done), run, record);
      })
    );
    return results;
  }
  start() {
    const worker = new Worker(this.script, {
      workerData: { parserMemoryMb: this.limits.parserMemoryMb },
      // The young generation at V8's usual size: derived from a small heap limit it is tiny, and a thread that
      // allocates as much as a parser walk collects garbage several times as often.
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 48 }
    });
    const thread = { worker, ready: false, exited: false };
    worker.once("message", (message) => {
      if (message !== "ready") return;
      thread.ready = true;
      thread.onReady?.();
    });
    worker.on("error", () => void 0);
    worker.once("exit", () => {
      thread.exited = true;
    });
    return thread;
  }
  /** The thread started ahead of need, else a new one. */
  take() {
    const spare = this.spare;
    this.spare = void 0;
    const thread = spare && !spare.exited ? spare : this.start();
    thread.worker.ref();
    return thread;
  }
  /**
   * One thread over `pending` until it finishes them or stops on one: resolves with the number of files settled
   * (the one that stopped it included, reported as failed).
   */
  runThread(thread, pending, run, record) {
    const { worker } = thread;
    const { heapMb } = this.limits;
    return new Promise((resolve, reject) => {
      let settled = 0;
      let finished = false;
      let timer;
      const finish = (stoppedBy) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        void worker.terminate();
        const current = pending[settled];
        if (stoppedBy !== void 0 && current) {
          record(current, failedFile(current.job.file, stoppedBy, current.job.text));
          settled++;
        }
        resolve(settled);
      };
      const startClock = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => finish(
            `it took longer than ${seconds(run.fileTimeMs)}, the time allowed for one file ("max-file-seconds" in the config)`
          ),
          run.fileTimeMs
        );
      };
      if (thread.ready) startClock();
      else thread.onReady = startClock;
      worker.on("message", (message) => {
        const current = pending[settled];
        if (message === "ready" || !current || finished) return;
        record(current, message.result);
        settled++;
        if (message.crashed || settled === pending.length) finish();
        else startClock();
      });
      worker.on("error", (error) => {
        if (!thread.ready) {
          finished = true;
          clearTimeout(timer);
          reject(new Error(`the extraction thread failed to start: ${error.message}`));
          return;
        }
        finish(
          error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `it needed more than ${heapMb} MB of memory, the most one file may take` : `the extraction thread crashed on it (${error.message.split("\n")[0]})`
        );
      });
      worker.on("exit", () => finish(settled < pending.length ? "the extraction thread stopped on it" : void 0));
      const request = {
        reading: run.reading,
        jobs: pending.map((item) => item.job),
        ...run.cwd === void 0 ? {} : { cwd: run.cwd }
      };
      worker.postMessage(request);
    });
  }
};
function split(pending, parts) {
  const total = pending.reduce((sum, item) => sum + item.job.text.length, 0);
  const shares = [[]];
  let filled = 0;
  for (const item of pending) {
    const current = shares[shares.length - 1];
    if (filled >= total / parts * shares.length && shares.length < parts && current.length > 0) shares.push([item]);
    else current.push(item);
    filled += item.job.text.length;
  }
  return shares.filter((share) => share.length > 0);
}
function seconds(milliseconds) {
  return `${Number((milliseconds / 1e3).toFixed(1))} s`;
}
var THREAD_HEAP_MB = 192;
var PARSER_MEMORY_MB = 160;
function extractionThreads(script, prestart) {
  const threads = new ExtractionThreads(script, { heapMb: THREAD_HEAP_MB, parserMemoryMb: PARSER_MEMORY_MB });
  if (prestart) threads.prestart();
  return threads;
}

// src/cli/startup.ts
function installLayout(entryUrl) {
  const script = new URL("./worker.js", entryUrl);
  return {
    ...entryUrl.endsWith("/dist/cli.js") && existsSync2(script) ? { workerScript: script } : {},
    docsFolder: join2(dirname2(fileURLToPath(entryUrl)), "..", "docs")
  };
}
function coldRunExpected(argv, env) {
  if (argv[0] !== "check" && argv[0] !== "plan") return false;
  if (argv.some((arg) => HELP_OR_VERSION.has(arg))) return false;
  if (cacheTurnedOff(argv)) return true;
  if (argv.some((arg) => arg === "--cache-dir" || arg.startsWith("--cache-dir="))) return false;
  const folder = defaultCacheDir(env);
  return folder === void 0 || !existsSync2(folder);
}
function cacheTurnedOff(argv) {
  const end = argv.indexOf("--");
  const options = end === -1 ? argv : argv.slice(0, end);
  return options.some(
    (arg, index) => arg === "--no-cache" || arg === "--cache=false" || arg === "--cache" && options[index + 1] === "false"
  );
}
var HELP_OR_VERSION = /* @__PURE__ */ new Set(["--help", "-h", "--version"]);
function earlyExtractionThreads(argv, env, layout) {
  if (!layout.workerScript) return void 0;
  try {
    return coldRunExpected(argv, env) ? extractionThreads(layout.workerScript, true) : void 0;
  } catch {
    return void 0;
  }
}

export {
  defaultCacheDir,
  ExtractionCache,
  extractionThreads,
  installLayout,
  earlyExtractionThreads
};
