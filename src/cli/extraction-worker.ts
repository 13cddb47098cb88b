import { parentPort, workerData } from "node:worker_threads";
import { loadPythonParser } from "../adapters/python/python-parser.js";
import { FileExtractor, projectModules } from "./extract-sources.js";
import type { WorkerRequest, WorkerSettings } from "./extraction-pool.js";

/**
 * An extraction thread: loads its code, and once it is sent the files, the parsers; says "ready", then extracts the
 * files one by one and sends each result back as soon as it has it, so the main thread knows which file is in
 * progress and can stop a thread that takes too long over one. After a parser crash it stops: the main thread starts
 * a fresh one for the rest. The parsers' WASM is compiled only once the files are known, because V8 compiles it for
 * the tiers the main thread chose by their size (`--liftoff-only` for small inputs): a flag set after compiling is
 * too late for that module.
 */
const port = parentPort;
if (port) {
  const settings = workerData as WorkerSettings;
  port.once("message", async ({ reading, jobs, cwd }: WorkerRequest) => {
    const extractor = await FileExtractor.load(
      () => loadPythonParser({ maxMemoryMb: settings.parserMemoryMb }),
      reading,
      jobs,
      cwd === undefined ? undefined : projectModules(cwd),
    );
    port.postMessage("ready");
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
}
