// The bench's floor: a fresh Node process that loads web-tree-sitter with the tree-sitter-python grammar (and
// libpg-query when there is SQL), parses every text the CLI parsed in the preparation step (recorded by
// record-parses.mjs into the folder given) and does nothing else: no walking of the trees, no analysis, no report.
//
//   node scripts/bench/floor.mjs <record folder>
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const folder = process.argv[2];
if (!folder) throw new Error("usage: floor.mjs <record folder>");
const calls = readdirSync(folder)
  .filter((name) => name.endsWith(".jsonl"))
  .sort()
  .flatMap((name) =>
    readFileSync(join(folder, name), "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line)),
  );

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
