import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

/** WebAssembly memory comes in pages of 64 KiB. */
const PAGES_PER_MB = 16;
/** tree-sitter's own default starting size: 32 MB. */
const INITIAL_PAGES = 512;

export interface ParserLimits {
  /**
   * The most memory tree-sitter may use, in MB: past it an allocation aborts the parse (a WebAssembly error the
   * caller sees) instead of growing without bound. The runtime is process-wide, so the first call decides.
   */
  readonly maxMemoryMb?: number;
}

/** The global WebAssembly object, which the ES2023 library typings leave out. */
const wasm = (
  globalThis as unknown as { WebAssembly: { Memory: new (size: { initial: number; maximum: number }) => object } }
).WebAssembly;

/** Initialises tree-sitter's WASM runtime and the Python grammar that the tree-sitter-python package ships. */
export async function loadPythonParser(limits: ParserLimits = {}): Promise<Parser> {
  const require = createRequire(import.meta.url);
  const maximum = limits.maxMemoryMb === undefined ? undefined : limits.maxMemoryMb * PAGES_PER_MB;
  await Parser.init({
    // An abort prints "Aborted()" by default: the caller reports the file instead.
    print: () => undefined,
    printErr: () => undefined,
    ...(maximum === undefined
      ? {}
      : { wasmMemory: new wasm.Memory({ initial: Math.min(INITIAL_PAGES, maximum), maximum }) }),
  });
  const language = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
