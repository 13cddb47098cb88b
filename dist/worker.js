import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  projectModules
} from "./chunks/chunk-JHZF6HH2.js";
import {
  extractSources
} from "./chunks/chunk-2SGID7Q3.js";
import {
  loadPythonParser
} from "./chunks/chunk-A2RLIVFE.js";
import "./chunks/chunk-C6SBNVJK.js";
import "./chunks/chunk-MTCNHWRQ.js";
import "./chunks/chunk-CO73GOZP.js";

// src/cli/extraction-worker.ts
import { parentPort } from "node:worker_threads";
var port = parentPort;
if (port) {
  const parser = loadPythonParser();
  port.on("message", async (request) => {
    try {
      const modules = request.cwd === void 0 ? void 0 : projectModules(request.cwd);
      const extraction = await extractSources(request.sources, await parser, request.dialect, modules);
      port.postMessage(JSON.stringify({ ok: true, extraction }));
    } catch (error) {
      port.postMessage(JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) }));
    }
  });
}
