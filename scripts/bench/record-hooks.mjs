// Module hooks that wrap web-tree-sitter's Parser.parse and libpg-query's parsing functions with a recorder (see
// record-parses.mjs). Each call appends one JSON line {kind, text} to <MIGRAGATE_BENCH_RECORD>/<pid>-<thread>.jsonl.
const SCHEME = "migragate-record:";
const WRAPPED = new Set(["web-tree-sitter", "libpg-query"]);

export async function resolve(specifier, context, nextResolve) {
  if (WRAPPED.has(specifier) && !context.parentURL?.startsWith(SCHEME)) {
    const real = await nextResolve(specifier, context);
    return { url: `${SCHEME}${specifier}?${encodeURIComponent(real.url)}`, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

const RECORDER = `
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
const folder = process.env.MIGRAGATE_BENCH_RECORD;
const file = folder ? join(folder, process.pid + "-" + threadId + ".jsonl") : undefined;
const record = (kind, text) => {
  if (file && typeof text === "string") appendFileSync(file, JSON.stringify({ kind, text }) + "\\n");
};
`;

function wrapper(specifier, real) {
  const from = JSON.stringify(real);
  if (specifier === "web-tree-sitter") {
    return `${RECORDER}
import { Parser } from ${from};
export * from ${from};
const parse = Parser.prototype.parse;
Parser.prototype.parse = function (input, ...rest) {
  record("python", input);
  return parse.call(this, input, ...rest);
};
`;
  }
  return `${RECORDER}
import * as real from ${from};
export * from ${from};
export function parseSync(sql) { record("parse", sql); return real.parseSync(sql); }
export function parsePlPgSQLSync(sql) { record("plpgsql", sql); return real.parsePlPgSQLSync(sql); }
export function scanSync(sql) { record("scan", sql); return real.scanSync(sql); }
`;
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith(SCHEME)) return nextLoad(url, context);
  const [specifier, real] = url.slice(SCHEME.length).split("?");
  return { format: "module", source: wrapper(specifier, decodeURIComponent(real)), shortCircuit: true };
}
