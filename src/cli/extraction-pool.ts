import { Worker } from "node:worker_threads";
import type { Dialect } from "../domain/index.js";
import { type CachedExtraction, type ExtractionJob, failedFile, type JobOutcome } from "./extract-sources.js";

/** What an extraction thread needs to start (its `workerData`). */
export interface WorkerSettings {
  readonly dialect: Dialect;
  /** The most memory tree-sitter may take in the thread, in MB. */
  readonly parserMemoryMb: number;
}

export interface PoolSettings extends WorkerSettings {
  /** The bundled extraction thread (dist/worker.js). */
  readonly script: URL;
  /** Threads that extract at once. */
  readonly threads: number;
  /** The time one file may take, in milliseconds. */
  readonly fileTimeMs: number;
  /** The JavaScript heap of one thread, in MB. */
  readonly heapMb: number;
}

interface Pending {
  readonly job: ExtractionJob;
  readonly index: number;
}

/**
 * Extracts files in worker threads, each file within a budget: a file that takes longer than `fileTimeMs`, fills
 * the thread's heap, or crashes a parser is reported as not analysed with the limit that stopped it, and a fresh
 * thread takes the files after it. Nothing a file does can reach the next one or the main thread. Results come back
 * in the order of `jobs`.
 */
export async function extractInWorkers(
  jobs: readonly ExtractionJob[],
  settings: PoolSettings,
): Promise<CachedExtraction[]> {
  const results: CachedExtraction[] = new Array(jobs.length);
  const record = (pending: Pending, result: CachedExtraction) => {
    results[pending.index] = result;
  };
  const shares = split(
    jobs.map((job, index) => ({ job, index })),
    Math.max(1, settings.threads),
  );
  await Promise.all(
    shares.map(async (share) => {
      let done = 0;
      while (done < share.length) done += await runThread(share.slice(done), settings, record);
    }),
  );
  return results;
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
 * One thread over `pending` until it finishes them or stops on one: resolves with the number of files settled
 * (the one that stopped it included, reported as failed).
 */
function runThread(
  pending: readonly Pending[],
  settings: PoolSettings,
  record: (pending: Pending, result: CachedExtraction) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(settings.script, {
      workerData: { dialect: settings.dialect, parserMemoryMb: settings.parserMemoryMb } satisfies WorkerSettings,
      resourceLimits: { maxOldGenerationSizeMb: settings.heapMb },
    });
    let settled = 0;
    let ready = false;
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (stoppedBy?: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void worker.terminate();
      const current = pending[settled];
      if (stoppedBy !== undefined && current) {
        record(current, failedFile(current.job.file, stoppedBy));
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
            `it took longer than ${seconds(settings.fileTimeMs)}, the time allowed for one file ("max-file-seconds" in the config)`,
          ),
        settings.fileTimeMs,
      );
    };
    worker.on("message", (message: "ready" | JobOutcome) => {
      if (message === "ready") {
        ready = true;
        startClock();
        return;
      }
      const current = pending[settled];
      if (!current || finished) return;
      const outcome = message;
      record(current, outcome.result);
      settled++;
      if (outcome.crashed || settled === pending.length) finish();
      else startClock();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (!ready) {
        finished = true;
        clearTimeout(timer);
        reject(new Error(`the extraction thread failed to start: ${error.message}`));
        return;
      }
      finish(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `it needed more than ${settings.heapMb} MB of memory, the most one file may take`
          : `the extraction thread crashed on it (${error.message.split("\n")[0]})`,
      );
    });
    worker.on("exit", () => finish(settled < pending.length ? "the extraction thread stopped on it" : undefined));
    // Sent at once: the thread finds the files waiting when its parsers are loaded.
    worker.postMessage(pending.map((item) => item.job));
  });
}
