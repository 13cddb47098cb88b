import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Parser } from "web-tree-sitter";
import { ProjectModules } from "../adapters/fs/project-modules.js";
import type { Dialect } from "../domain/index.js";
import { displayPath } from "./display-path.js";
import { type Extraction, extractSources, type ModuleSettings, type SourceFile } from "./extract-sources.js";

/** The project's helper modules, shown relative to the working folder as every other path. */
export function projectModules(cwd: string): ModuleSettings {
  return { source: new ProjectModules(), displayPath: (absolute) => displayPath(cwd, absolute) };
}

/**
 * Measured on 2 cores: a worker saves ~30% at 15 MB of Python (5,000 revisions) but only ~8% at 3 MB, for ~40 MB
 * more memory. Left to itself migragate uses workers from 6 MB; with MIGRAGATE_THREADS set, from 400 kB.
 */
const AUTO_PARALLEL_MIN_BYTES = 6_000_000;
const REQUESTED_PARALLEL_MIN_BYTES = 400_000;

/**
 * Splits extraction between this thread and worker threads, one per spare core. `workerScript` is the bundled
 * worker (dist/worker.js); without it, or for small inputs, everything runs here.
 */
export async function extractInParallel(
  sources: readonly SourceFile[],
  parser: Parser,
  dialect: Dialect,
  workerScript: URL | undefined,
  requestedThreads?: number,
  cwd?: string,
): Promise<Extraction> {
  const bytes = sources.reduce((total, source) => total + source.text.length, 0);
  const threads = requestedThreads ?? availableParallelism();
  const minBytes = requestedThreads === undefined ? AUTO_PARALLEL_MIN_BYTES : REQUESTED_PARALLEL_MIN_BYTES;
  const workers = workerScript && bytes >= minBytes ? Math.max(0, Math.min(threads - 1, 3)) : 0;
  const modules = cwd === undefined ? undefined : projectModules(cwd);
  if (workers === 0) return extractSources(sources, parser, dialect, modules);
  const shares = split(sources, workers + 1);
  const [own = [], ...others] = shares;
  const results = await Promise.all([
    extractSources(own, parser, dialect, modules),
    ...others.map((share) => inWorker(workerScript as URL, share, dialect, cwd)),
  ]);
  const revisions = results.flatMap((result) => result.revisions);
  const skipped = results.flatMap((result) => result.skipped).sort((a, b) => (a.file < b.file ? -1 : 1));
  const modulesRead = Object.assign(Object.create(null), ...results.map((result) => result.modulesRead));
  return { revisions, skipped, modulesRead };
}

/** Contiguous shares of about equal size in bytes, keeping file order. */
function split(sources: readonly SourceFile[], parts: number): SourceFile[][] {
  const total = sources.reduce((sum, source) => sum + source.text.length, 0);
  const shares: SourceFile[][] = [[]];
  let filled = 0;
  for (const source of sources) {
    const current = shares[shares.length - 1] as SourceFile[];
    if (filled >= (total / parts) * shares.length && shares.length < parts) shares.push([source]);
    else current.push(source);
    filled += source.text.length;
  }
  return shares;
}

function inWorker(script: URL, sources: SourceFile[], dialect: Dialect, cwd: string | undefined): Promise<Extraction> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once("message", (json: string) => {
      void worker.terminate();
      const reply = JSON.parse(json) as { ok: boolean; extraction?: Extraction; message?: string };
      if (reply.ok && reply.extraction) resolve(reply.extraction);
      else reject(new Error(`extraction worker failed: ${reply.message ?? "no result"}`));
    });
    worker.once("error", reject);
    worker.postMessage({ sources, dialect, cwd });
  });
}
