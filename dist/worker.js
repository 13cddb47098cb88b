import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  projectModules
} from "./chunks/chunk-MOSQXSML.js";
import "./chunks/chunk-CAU3EMFA.js";
import "./chunks/chunk-GDKKKNSU.js";
import "./chunks/chunk-6DMZTIBC.js";
import "./chunks/chunk-WKFIEVVF.js";
import "./chunks/chunk-GOWSBAGO.js";
import "./chunks/chunk-C6SBNVJK.js";
import "./chunks/chunk-FOQMQZLO.js";
import {
  loadPythonParser
} from "./chunks/chunk-D4HE7DNW.js";
import "./chunks/chunk-4QRIUKKB.js";

// src/cli/extraction-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var port = parentPort;
if (port) {
  const settings = workerData;
  port.once("message", async ({ reading, jobs, cwd }) => {
    const extractor = await FileExtractor.load(
      () => loadPythonParser({ maxMemoryMb: settings.parserMemoryMb }),
      reading,
      jobs,
      cwd === void 0 ? void 0 : projectModules(cwd)
    );
    port.postMessage("ready");
    try {
      for (const job of jobs) {
        const outcome = await extractor.extract(job);
        port.postMessage(outcome);
        if (outcome.crashed) return;
      }
    } finally {
      extractor.dispose();
    }
  });
}
