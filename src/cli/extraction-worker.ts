import { parentPort, workerData } from "node:worker_threads";
import { loadPythonParser } from "../adapters/python/python-parser.js";
import { FileExtractor, projectModules } from "./extract-sources.js";
import type { WorkerRequest, WorkerSettings } from "./extraction-pool.js";

/**
 * An extraction thread: loads the parsers, says "ready", then extracts the files it is sent one by one and sends
 * each result back as soon as it has it, so the main thread knows which file is in progress and can stop a thread
 * that takes too long over one. After a parser crash it stops: the main thread starts a fresh one for the rest.
 */
const port = parentPort;
if (port) {
  const settings = workerData as WorkerSettings;
  const parser = await loadPythonParser({ maxMemoryMb: settings.parserMemoryMb });
  port.once("message", async ({ reading, jobs, cwd }: WorkerRequest) => {
    const extractor = new FileExtractor(parser, reading, cwd === undefined ? undefined : projectModules(cwd));
    extractor.prefetch(jobs);
    try {
      for (const job of jobs) {
        const outcome = await extractor.extract(job);
        // Structured clone keeps what operations share (their context) shared; as JSON each would get a copy.
        port.postMessage(outcome);
        if (outcome.crashed) return;
      }
    } finally {
      extractor.dispose();
    }
  });
  port.postMessage("ready");
}
