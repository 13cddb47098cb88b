// Bundles the CLI into one ESM file: module loading dominates a cold start, and one file loads fastest.
// The WASM parsers stay external packages, loaded from node_modules (libpg-query only when SQL is found).
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

await build({
  entryPoints: { cli: "src/cli/entry.ts", worker: "src/cli/extraction-worker.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["web-tree-sitter", "libpg-query", "tree-sitter-python", "node-sql-parser"],
  define: { MIGRAGATE_VERSION: JSON.stringify(version) },
  banner: {
    js: "import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);",
  },
  legalComments: "none",
  logLevel: "warning",
});
