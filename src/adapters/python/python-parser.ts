import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

/** Initialises tree-sitter's WASM runtime and the Python grammar that the tree-sitter-python package ships. */
export async function loadPythonParser(): Promise<Parser> {
  const require = createRequire(import.meta.url);
  await Parser.init();
  const language = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
