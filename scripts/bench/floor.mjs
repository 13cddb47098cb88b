// The bench's floor: a fresh Node process that loads web-tree-sitter with the tree-sitter-python grammar (and
// libpg-query when there is SQL), parses every text the CLI parsed in the preparation step (recorded by
// record-parses.mjs into the folder given) and does nothing else: no walking of the trees, no analysis, no report.
// Like the CLI (src/cli/extract-project.ts, TIERING_MIN_BYTES: keep the two equal), it keeps WASM to V8's baseline
// tier below 1,500,000 characters of the files to extract, so that the floor compiles the parsers as the CLI does.
// The CLI decides on the files it was given, not on the helper modules it reads besides (prefect's revisions import
// 18 MB of the application): the bench passes the size of the .py files it measures; without it, every recorded
// Python text counts.
//
//   node scripts/bench/floor.mjs <record folder> [<bytes of the files given to the CLI>]
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";

const TIERING_MIN_CHARS = 1_500_000;

const folder = process.argv[2];
if (!folder) throw new Error("usage: floor.mjs <record folder>");
const recorded = readdirSync(folder)
  .filter((name) => name.endsWith(".jsonl"))
  .sort()
  .flatMap((name) =>
    readFileSync(join(folder, name), "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line)),
  );
// Each distinct text once: a helper module the CLI parses again for every revision that imports it is its own cost.
const seen = new Set();
const calls = recorded.filter(({ kind, text }) => !seen.has(`${kind}\0${text}`) && seen.add(`${kind}\0${text}`));

const python = calls.filter((call) => call.kind === "python");
const given = Number(process.argv[3]);
const extracted = Number.isFinite(given) ? given : python.reduce((total, call) => total + call.text.length, 0);
if (extracted < TIERING_MIN_CHARS) setFlagsFromString("--liftoff-only");

const require = createRequire(import.meta.url);
const { Language, Parser } = await import("web-tree-sitter");
await Parser.init();
const parser = new Parser();
parser.setLanguage(await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm")));

const sql = calls.some((call) => call.kind !== "python") ? await import("libpg-query") : undefined;
await sql?.loadModule();
const SQL_CALLS = { parse: "parseSync", scan: "scanSync", plpgsql: "parsePlPgSQLSync" };

for (const { kind, text } of calls) {
  if (kind === "python") {
    parser.parse(text)?.delete();
    continue;
  }
  try {
    sql[SQL_CALLS[kind]](text);
  } catch {
    // A statement that does not parse costs its parse all the same.
  }
}
