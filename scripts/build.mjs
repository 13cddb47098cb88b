// Bundles the CLI into one ESM file: module loading dominates a cold start, and one file loads fastest.
// The WASM parsers stay external packages, loaded from node_modules (libpg-query only when SQL is found).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/** A digest of every source file: the extraction cache is valid only for the build that wrote it. */
function sourceDigest() {
  const hash = createHash("sha1");
  for (const folder of ["src", "analyzers"]) {
    for (const file of readdirSync(folder, { recursive: true }).sort()) {
      const path = join(folder, String(file));
      if (path.endsWith(".ts")) hash.update(path).update(readFileSync(path));
    }
  }
  return `${version}-${hash.digest("hex").slice(0, 12)}`;
}

await build({
  entryPoints: { cli: "src/cli/entry.ts", worker: "src/cli/extraction-worker.ts" },
  outdir: "dist",
  bundle: true,
  // Modules loaded with import() (reporters, git, the config parser) go to chunks that only the runs needing them read.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["web-tree-sitter", "libpg-query", "tree-sitter-python", "node-sql-parser"],
  define: { MIGRAGATE_VERSION: JSON.stringify(version), MIGRAGATE_BUILD: JSON.stringify(sourceDigest()) },
  banner: {
    js: "import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);",
  },
  legalComments: "none",
  logLevel: "warning",
});
