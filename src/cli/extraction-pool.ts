import { Worker } from "node:worker_threads";
import type { ReadingDialect } from "../domain/index.js";
import type { CachedExtraction, ExtractionJob, JobOutcome } from "./extract-sources.js";
import { failedFile } from "./failed-file.js";

/** What an extraction thread needs to start (its `workerData`). */
export interface WorkerSettings {
  /** The most memory tree-sitter may take in the thread, in MB. */
  readonly parserMemoryMb: number;
}

/** What a thread is sent: the files, the dialect their SQL is read in, and where helper modules are shown from. */
export interface WorkerRequest {
  readonly reading: ReadingDialect;
  readonly jobs: readonly ExtractionJob[];
  /** The working folder; without it, imports of the project's own modules are not followed. */
  readonly cwd?: string;
}

export interface ThreadLimits extends WorkerSettings {
  /** The JavaScript heap of one thread, in MB. */
  readonly heapMb: number;
}

export interface ExtractionRun {
  readonly reading: ReadingDialect;
  /** The working folder: helper modules are read from the project and shown relative to it. */
  readonly cwd?: string;
  /** Threads that extract at once. */
  readonly threads: number;
  /** The time one file may take, in milliseconds. */
  readonly fileTimeMs: number;
}

interface Pending {
  readonly job: ExtractionJob;
  readonly index: number;
}

/** A started thread; `ready` once it has been sent files and has loaded its parsers (it says so: "ready"). */
interface Thread {
  readonly worker: Worker;
  ready: boolean;
  /** It stopped before it was given anything (a thread started ahead of need is then replaced). */
  exited: boolean;
  onReady?: () => void;
}

/**
 * Extraction threads for the bundled worker script. Each file is extracted within a budget: a file that takes longer
 * than the run's `fileTimeMs`, fills its thread's heap, or crashes a parser is reported as not analysed with the
 * limit that stopped it, and a fresh thread takes the files after it. Nothing a file does can reach the next one or
 * the main thread.
 */
export class ExtractionThreads {
  private spare: Thread | undefined;

  constructor(
    private readonly script: URL,
    private readonly limits: ThreadLimits,
  ) {}

  /** Starts a thread ahead of need: its code loads while the main thread reads settings and files. */
  prestart(): void {
    this.spare ??= this.start();
    // An idle thread never keeps the process alive.
    this.spare.worker.unref();
  }

  /** Stops the thread started ahead of need, when nothing needed it. */
  close(): void {
    void this.spare?.worker.terminate();
    this.spare = undefined;
  }

  /** Extracts `jobs`, results in their order. */
  async extract(jobs: readonly ExtractionJob[], run: ExtractionRun): Promise<CachedExtraction[]> {
    const results: CachedExtraction[] = new Array(jobs.length);
    const record = (pending: Pending, result: CachedExtraction) => {
      results[pending.index] = result;
    };
    const shares = split(
      jobs.map((job, index) => ({ job, index })),
      Math.max(1, run.threads),
    );
    await Promise.all(
      shares.map(async (share) => {
        let done = 0;
        while (done < share.length) done += await this.runThread(this.take(), share.slice(done), run, record);
      }),
    );
    return results;
  }

  private start(): Thread {
    const worker = new Worker(this.script, {
      workerData: { parserMemoryMb: this.limits.parserMemoryMb } satisfies WorkerSettings,
      // The young generation at V8's usual size: derived from a small heap limit it is tiny, and a thread that
      // allocates as much as a parser walk collects garbage several times as often.
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 48 },
    });
    const thread: Thread = { worker, ready: false, exited: false };
    worker.once("message", (message) => {
      if (message !== "ready") return;
      thread.ready = true;
      thread.onReady?.();
    });
    // Until a run listens, an error must not go unheard (an unheard "error" event would end the process).
    worker.on("error", () => undefined);
    worker.once("exit", () => {
      thread.exited = true;
    });
    return thread;
  }

  /** The thread started ahead of need, else a new one. */
  private take(): Thread {
    const spare = this.spare;
    this.spare = undefined;
    const thread = spare && !spare.exited ? spare : this.start();
    thread.worker.ref();
    return thread;
  }

  /**
   * One thread over `pending` until it finishes them or stops on one: resolves with the number of files settled
   * (the one that stopped it included, reported as failed).
   */
  private runThread(
    thread: Thread,
    pending: readonly Pending[],
    run: ExtractionRun,
    record: (pending: Pending, result: CachedExtraction) => void,
  ): Promise<number> {
    const { worker } = thread;
    const { heapMb } = this.limits;
    return new Promise((resolve, reject) => {
      let settled = 0;
      let finished = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (stoppedBy?: string) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        void worker.terminate();
        const current = pending[settled];
        if (stoppedBy !== undefined && current) {
          record(current, failedFile(current.job.file, stoppedBy, current.job.text));
          settled++;
        }
        resolve(settled);
      };
      // The clock of a file starts when the thread is ready for it: when it said so, or when it sent the one before.
      const startClock = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            finish(
              `it took longer than ${seconds(run.fileTimeMs)}, the time allowed for one file ("max-file-seconds" in the config)`,
            ),
          run.fileTimeMs,
        );
      };
      if (thread.ready) startClock();
      else thread.onReady = startClock;
      worker.on("message", (message: "ready" | JobOutcome) => {
        const current = pending[settled];
        if (message === "ready" || !current || finished) return;
        record(current, message.result);
        settled++;
        if (message.crashed || settled === pending.length) finish();
        else startClock();
      });
      worker.on("error", (error: Error & { code?: string }) => {
        if (!thread.ready) {
          finished = true;
          clearTimeout(timer);
          reject(new Error(`the extraction thread failed to start: ${error.message}`));
          return;
        }
        finish(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `it needed more than ${heapMb} MB of memory, the most one file may take`
            : `the extraction thread crashed on it (${error.message.split("\n")[0]})`,
        );
      });
      worker.on("exit", () => finish(settled < pending.length ? "the extraction thread stopped on it" : undefined));
      // Sent at once: the thread finds the files waiting when its parsers are loaded.
      const request: WorkerRequest = {
        reading: run.reading,
        jobs: pending.map((item) => item.job),
        ...(run.cwd === undefined ? {} : { cwd: run.cwd }),
      };
      worker.postMessage(request);
    });
  }
}

/** Contiguous shares of about equal size in bytes, keeping file order. */
function split(pending: readonly Pending[], parts: number): Pending[][] {
  const total = pending.reduce((sum, item) => sum + item.job.text.length, 0);
  const shares: Pending[][] = [[]];
  let filled = 0;
  for (const item of pending) {
    const current = shares[shares.length - 1] as Pending[];
    if (filled >= (total / parts) * shares.length && shares.length < parts && current.length > 0) shares.push([item]);
    else current.push(item);
    filled += item.job.text.length;
  }
  return shares.filter((share) => share.length > 0);
}

function seconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(1))} s`;
}

/**
 * Memory of one extraction thread: its JavaScript heap, and tree-sitter's WebAssembly memory. tree-sitter takes
 * about 110 bytes per node: 30,000 operations in 1.7 MB of Python need 122 MB; a literal of 2,000,000 escapes (4 MB)
 * needs more than 160 and fails closed, instead of taking the process past 400 MB.
 */
const THREAD_HEAP_MB = 192;
const PARSER_MEMORY_MB = 160;

/**
 * Extraction threads for the bundled worker script; with `prestart`, one starts loading its code at once, to be
 * ready by the time the files are read. `close()` them when the run ends.
 */
export function extractionThreads(script: URL, prestart: boolean): ExtractionThreads {
  const threads = new ExtractionThreads(script, { heapMb: THREAD_HEAP_MB, parserMemoryMb: PARSER_MEMORY_MB });
  if (prestart) threads.prestart();
  return threads;
}
