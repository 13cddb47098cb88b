import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  FileExtractor,
  projectModules
} from "./chunks/chunk-G5EORSV2.js";
import "./chunks/chunk-CAU3EMFA.js";
import "./chunks/chunk-GDKKKNSU.js";
import "./chunks/chunk-4VMV7DAY.js";
import "./chunks/chunk-WKFIEVVF.js";
import "./chunks/chunk-7PC5H7ML.js";
import "./chunks/chunk-C6SBNVJK.js";
import "./chunks/chunk-WDUFLLU2.js";
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
