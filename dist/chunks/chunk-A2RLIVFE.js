import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/python/python-parser.ts
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";
async function loadPythonParser() {
  const require2 = createRequire(import.meta.url);
  await Parser.init();
  const language = await Language.load(require2.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export {
  loadPythonParser
};
