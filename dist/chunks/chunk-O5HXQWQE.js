import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/python/python-parser.ts
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";
var PAGES_PER_MB = 16;
var INITIAL_PAGES = 512;
var wasm = globalThis.WebAssembly;
async function loadPythonParser(limits = {}) {
  const require2 = createRequire(import.meta.url);
  const maximum = limits.maxMemoryMb === void 0 ? void 0 : limits.maxMemoryMb * PAGES_PER_MB;
  await Parser.init({
    // An abort prints "Aborted()" by default: the caller reports the file instead.
    print: () => void 0,
    printErr: () => void 0,
    ...maximum === void 0 ? {} : { wasmMemory: new wasm.Memory({ initial: Math.min(INITIAL_PAGES, maximum), maximum }) }
  });
  const language = await Language.load(require2.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export {
  loadPythonParser
};
