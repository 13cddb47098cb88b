import { parentPort } from "node:worker_threads";
import { loadPythonParser } from "../adapters/python/python-parser.js";
import type { Dialect } from "../domain/index.js";
import { extractSources, type SourceFile } from "./extract-sources.js";
import { projectModules } from "./parallel-extraction.js";

/** A worker thread's share of the files: same extraction as the main thread, results sent back by message. */
const port = parentPort;
if (port) {
  const parser = loadPythonParser();
  port.on("message", async (request: { sources: SourceFile[]; dialect: Dialect; cwd?: string }) => {
    try {
      const modules = request.cwd === undefined ? undefined : projectModules(request.cwd);
      // A JSON string crosses threads several times faster than the same object graph through structured clone.
      const extraction = await extractSources(request.sources, await parser, request.dialect, modules);
      port.postMessage(JSON.stringify({ ok: true, extraction }));
    } catch (error) {
      port.postMessage(JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) }));
    }
  });
}
