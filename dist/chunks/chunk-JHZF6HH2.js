import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  ProjectModules,
  extractSources
} from "./chunk-2SGID7Q3.js";

// src/cli/parallel-extraction.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

// src/cli/display-path.ts
import { relative, sep } from "node:path";
function displayPath(cwd, absolute) {
  const path = relative(cwd, absolute) || absolute;
  return sep === "/" ? path : path.split(sep).join("/");
}

// src/cli/parallel-extraction.ts
function projectModules(cwd) {
  return { source: new ProjectModules(), displayPath: (absolute) => displayPath(cwd, absolute) };
}
var AUTO_PARALLEL_MIN_BYTES = 6e6;
var REQUESTED_PARALLEL_MIN_BYTES = 4e5;
async function extractInParallel(sources, parser, dialect, workerScript, requestedThreads, cwd) {
  const bytes = sources.reduce((total, source) => total + source.text.length, 0);
  const threads = requestedThreads ?? availableParallelism();
  const minBytes = requestedThreads === void 0 ? AUTO_PARALLEL_MIN_BYTES : REQUESTED_PARALLEL_MIN_BYTES;
  const workers = workerScript && bytes >= minBytes ? Math.max(0, Math.min(threads - 1, 3)) : 0;
  const modules = cwd === void 0 ? void 0 : projectModules(cwd);
  if (workers === 0) return extractSources(sources, parser, dialect, modules);
  const shares = split(sources, workers + 1);
  const [own = [], ...others] = shares;
  const results = await Promise.all([
    extractSources(own, parser, dialect, modules),
    ...others.map((share) => inWorker(workerScript, share, dialect, cwd))
  ]);
  const revisions = results.flatMap((result) => result.revisions);
  const skipped = results.flatMap((result) => result.skipped).sort((a, b) => a.file < b.file ? -1 : 1);
  const modulesRead = Object.assign(/* @__PURE__ */ Object.create(null), ...results.map((result) => result.modulesRead));
  return { revisions, skipped, modulesRead };
}
function split(sources, parts) {
  const total = sources.reduce((sum, source) => sum + source.text.length, 0);
  const shares = [[]];
  let filled = 0;
  for (const source of sources) {
    const current = shares[shares.length - 1];
    if (filled >= total / parts * shares.length && shares.length < parts) shares.push([source]);
    else current.push(source);
    filled += source.text.length;
  }
  return shares;
}
function inWorker(script, sources, dialect, cwd) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once("message", (json) => {
      void worker.terminate();
      const reply = JSON.parse(json);
      if (reply.ok && reply.extraction) resolve(reply.extraction);
      else reject(new Error(`extraction worker failed: ${reply.message ?? "no result"}`));
    });
    worker.once("error", reject);
    worker.postMessage({ sources, dialect, cwd });
  });
}

export {
  displayPath,
  projectModules,
  extractInParallel
};
