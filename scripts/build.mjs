// Bundles the CLI into one ESM file: module loading dominates a cold start, and one file loads fastest.
// The WASM parsers stay external packages, loaded from node_modules (libpg-query only when SQL is found).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const { version } = manifest;

/**
 * The web address of migragate's repository, from package.json's `repository` (a URL, `github:owner/name` or
 * `owner/name`) or a GitHub/GitLab `homepage`; "" while none is published. Reports link rule documents only then.
 */
function repositoryUrl() {
  const repository = typeof manifest.repository === "string" ? manifest.repository : manifest.repository?.url;
  const candidates = [repository, manifest.homepage].filter((value) => typeof value === "string");
  for (const candidate of candidates) {
    const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(candidate);
    if (shorthand) return `https://github.com/${shorthand[1]}`;
    const hosted =
      /^(?:(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?|git@)(github\.com|gitlab\.com)[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?(?:[/#].*)?$/.exec(
        candidate,
      );
    if (hosted) return `https://${hosted[1]}/${hosted[2]}`;
  }
  return "";
}

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

// Chunk names carry content hashes: a chunk the sources no longer produce must not linger in the committed bundle.
rmSync("dist", { recursive: true, force: true });

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
  define: {
    MIGRAGATE_VERSION: JSON.stringify(version),
    MIGRAGATE_BUILD: JSON.stringify(sourceDigest()),
    MIGRAGATE_REPOSITORY: JSON.stringify(repositoryUrl()),
  },
  banner: {
    js: "import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);",
  },
  legalComments: "none",
  logLevel: "warning",
});
