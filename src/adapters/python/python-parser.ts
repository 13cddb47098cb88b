import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";
import { SyntaxRuntime, type SyntaxTree } from "./syntax-tree.js";

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

/** Parses Python source into trees read through `SyntaxNode`. */
export class PythonParser {
  constructor(
    private readonly parser: Parser,
    private readonly syntax: SyntaxRuntime,
  ) {}

  /** The tree of `text`, or null where tree-sitter gives none. The caller deletes it once read. */
  parse(text: string): SyntaxTree | null {
    const tree = this.parser.parse(text);
    return tree ? this.syntax.tree(tree, text) : null;
  }

  delete(): void {
    this.parser.delete();
  }
}

/**
 * web-tree-sitter starts its WebAssembly runtime once per thread, from the options of the first `Parser.init`, which
 * Emscripten turns into the runtime itself; later calls are given the same runtime and leave their options untouched.
 * So the runtime is kept here, per thread, as web-tree-sitter keeps it.
 */
let runtime: Promise<object> | undefined;

function startRuntime(limits: ParserLimits): Promise<object> {
  runtime ??= (async () => {
    const maximum = limits.maxMemoryMb === undefined ? undefined : limits.maxMemoryMb * PAGES_PER_MB;
    const options = {
      // An abort prints "Aborted()" by default: the caller reports the file instead.
      print: () => undefined,
      printErr: () => undefined,
      ...(maximum === undefined
        ? {}
        : { wasmMemory: new wasm.Memory({ initial: Math.min(INITIAL_PAGES, maximum), maximum }) }),
    };
    await Parser.init(options);
    return options;
  })();
  return runtime;
}

/** Initialises tree-sitter's WASM runtime and the Python grammar that the tree-sitter-python package ships. */
export async function loadPythonParser(limits: ParserLimits = {}): Promise<PythonParser> {
  const require = createRequire(import.meta.url);
  const started = await startRuntime(limits);
  const language = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return new PythonParser(parser, SyntaxRuntime.bind(started, language.types, language.fields));
}
