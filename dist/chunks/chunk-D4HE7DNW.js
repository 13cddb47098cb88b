import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/python/python-parser.ts
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

// src/adapters/python/syntax-tree.ts
var RUNTIME_FUNCTIONS = [
  "_ts_init",
  "_malloc",
  "_free",
  "_ts_node_symbol_wasm",
  "_ts_node_end_index_wasm",
  "_ts_node_end_point_wasm",
  "_ts_node_has_error_wasm",
  "_ts_node_is_missing_wasm",
  "_ts_node_parent_wasm",
  "_ts_node_child_by_field_id_wasm",
  "_ts_node_children_by_field_id_wasm",
  "_ts_node_children_wasm",
  "_ts_node_named_children_wasm",
  "_ts_node_descendant_for_index_wasm",
  "_ts_node_descendants_of_type_wasm"
];
var NODE_BYTES = 20;
var ERROR_SYMBOL = 65535;
var SyntaxRuntime = class _SyntaxRuntime {
  constructor(runtime2, transfer, types, fields) {
    this.runtime = runtime2;
    this.transfer = transfer;
    this.types = types;
    const ids = /* @__PURE__ */ new Map();
    fields.forEach((name, id) => {
      if (name !== null && !ids.has(name)) ids.set(name, id);
    });
    this.fieldIds = ids;
  }
  runtime;
  transfer;
  types;
  fieldIds;
  /** Fails at load, not mid-walk, when web-tree-sitter's runtime no longer has what this view calls. */
  static bind(runtime2, types, fields) {
    const candidate = runtime2;
    const missing = RUNTIME_FUNCTIONS.filter((name) => typeof candidate[name] !== "function");
    if (missing.length > 0 || !(candidate.HEAP_DATA_VIEW instanceof DataView)) {
      throw new Error(
        `web-tree-sitter's runtime lacks ${missing[0] ?? "HEAP_DATA_VIEW"}; this version is not supported`
      );
    }
    const bound = runtime2;
    return new _SyntaxRuntime(bound, bound._ts_init(), types, fields);
  }
  fieldId(name) {
    return this.fieldIds.get(name);
  }
  /** Wraps a tree web-tree-sitter parsed from `source`. */
  tree(tree, source) {
    return new SyntaxTree(this, tree, source);
  }
};
var SyntaxTree = class {
  constructor(syntax, tree, source) {
    this.syntax = syntax;
    this.tree = tree;
    this.source = source;
    const root = tree.rootNode;
    this.rootNode = new SyntaxNode(
      this,
      tree[0],
      root.id,
      root.startIndex,
      root.startPosition.row,
      root.startPosition.column,
      root[0]
    );
  }
  syntax;
  tree;
  source;
  rootNode;
  delete() {
    this.tree.delete();
  }
};
var SyntaxNode = class _SyntaxNode {
  constructor(owner, treeAddress, id, startIndex, startRow, startColumn, subtree) {
    this.owner = owner;
    this.treeAddress = treeAddress;
    this.id = id;
    this.startIndex = startIndex;
    this.startRow = startRow;
    this.startColumn = startColumn;
    this.subtree = subtree;
  }
  owner;
  treeAddress;
  id;
  startIndex;
  startRow;
  startColumn;
  subtree;
  typeName = void 0;
  end = -1;
  named = void 0;
  all = void 0;
  get type() {
    if (this.typeName === void 0) {
      const { runtime: runtime2, types } = this.owner.syntax;
      this.marshal();
      this.typeName = types[runtime2._ts_node_symbol_wasm(this.treeAddress)] || "ERROR";
    }
    return this.typeName;
  }
  get endIndex() {
    if (this.end < 0) {
      this.marshal();
      this.end = this.owner.syntax.runtime._ts_node_end_index_wasm(this.treeAddress);
    }
    return this.end;
  }
  get text() {
    return this.owner.source.slice(this.startIndex, this.endIndex);
  }
  get startPosition() {
    return { row: this.startRow, column: this.startColumn };
  }
  get endPosition() {
    const { runtime: runtime2, transfer } = this.owner.syntax;
    this.marshal();
    runtime2._ts_node_end_point_wasm(this.treeAddress);
    const view = runtime2.HEAP_DATA_VIEW;
    return { row: view.getInt32(transfer, true) >>> 0, column: view.getInt32(transfer + 4, true) >>> 0 };
  }
  get hasError() {
    this.marshal();
    return this.owner.syntax.runtime._ts_node_has_error_wasm(this.treeAddress) === 1;
  }
  get isMissing() {
    this.marshal();
    return this.owner.syntax.runtime._ts_node_is_missing_wasm(this.treeAddress) === 1;
  }
  get parent() {
    this.marshal();
    this.owner.syntax.runtime._ts_node_parent_wasm(this.treeAddress);
    return this.nodeAt(this.owner.syntax.transfer);
  }
  childForFieldName(name) {
    const field = this.owner.syntax.fieldId(name);
    if (field === void 0) return null;
    this.marshal();
    this.owner.syntax.runtime._ts_node_child_by_field_id_wasm(this.treeAddress, field);
    return this.nodeAt(this.owner.syntax.transfer);
  }
  childrenForFieldName(name) {
    const field = this.owner.syntax.fieldId(name);
    if (field === void 0 || field === 0) return [];
    this.marshal();
    this.owner.syntax.runtime._ts_node_children_by_field_id_wasm(this.treeAddress, field);
    return this.nodeList();
  }
  get namedChildren() {
    if (this.named === void 0) {
      this.marshal();
      this.owner.syntax.runtime._ts_node_named_children_wasm(this.treeAddress);
      this.named = this.nodeList();
    }
    return this.named;
  }
  get children() {
    if (this.all === void 0) {
      this.marshal();
      this.owner.syntax.runtime._ts_node_children_wasm(this.treeAddress);
      this.all = this.nodeList();
    }
    return this.all;
  }
  get firstChild() {
    return this.children[0] ?? null;
  }
  /** The smallest node within this one that spans `start` to `end`. */
  descendantForIndex(start, end = start) {
    const { runtime: runtime2, transfer } = this.owner.syntax;
    this.marshal();
    const view = runtime2.HEAP_DATA_VIEW;
    view.setInt32(transfer + NODE_BYTES, start, true);
    view.setInt32(transfer + NODE_BYTES + 4, end, true);
    runtime2._ts_node_descendant_for_index_wasm(this.treeAddress);
    return this.nodeAt(transfer);
  }
  /** This node and its descendants whose type is one of `types`, in document order. */
  descendantsOfType(types) {
    const wanted = typeof types === "string" ? [types] : types;
    const { runtime: runtime2, types: names } = this.owner.syntax;
    const symbols = [];
    names.forEach((name, symbol) => {
      if (wanted.includes(name)) symbols.push(symbol);
    });
    if (wanted.includes("ERROR")) symbols.push(ERROR_SYMBOL);
    const symbolsAddress = runtime2._malloc(4 * Math.max(1, symbols.length));
    try {
      const view = runtime2.HEAP_DATA_VIEW;
      for (const [index, symbol] of symbols.entries()) view.setInt32(symbolsAddress + 4 * index, symbol, true);
      this.marshal();
      runtime2._ts_node_descendants_of_type_wasm(this.treeAddress, symbolsAddress, symbols.length, 0, 0, 0, 0);
      return this.nodeList(true);
    } finally {
      runtime2._free(symbolsAddress);
    }
  }
  /** Puts this node where the runtime's next call reads it. */
  marshal() {
    const { runtime: runtime2, transfer } = this.owner.syntax;
    const view = runtime2.HEAP_DATA_VIEW;
    view.setInt32(transfer, this.id, true);
    view.setInt32(transfer + 4, this.startIndex, true);
    view.setInt32(transfer + 8, this.startRow, true);
    view.setInt32(transfer + 12, this.startColumn, true);
    view.setInt32(transfer + 16, this.subtree, true);
  }
  /** The node the runtime wrote at `address`, or null where it wrote none. */
  nodeAt(address) {
    const view = this.owner.syntax.runtime.HEAP_DATA_VIEW;
    const id = view.getInt32(address, true);
    if (id === 0) return null;
    return new _SyntaxNode(
      this.owner,
      this.treeAddress,
      id,
      view.getInt32(address + 4, true),
      view.getInt32(address + 8, true),
      view.getInt32(address + 12, true),
      view.getInt32(address + 16, true)
    );
  }
  /**
   * The nodes of a list the runtime allocated (its length and address in the transfer buffer), then freed. An empty
   * list is freed only where the runtime always allocates one, as web-tree-sitter does.
   */
  nodeList(alwaysAllocated = false) {
    const { runtime: runtime2, transfer } = this.owner.syntax;
    const view = runtime2.HEAP_DATA_VIEW;
    const count = view.getInt32(transfer, true);
    const list = view.getInt32(transfer + 4, true);
    const nodes = [];
    for (let index = 0; index < count; index++) {
      const node = this.nodeAt(list + index * NODE_BYTES);
      if (node) nodes.push(node);
    }
    if (count > 0 || alwaysAllocated) runtime2._free(list);
    return nodes;
  }
};

// src/adapters/python/python-parser.ts
var PAGES_PER_MB = 16;
var INITIAL_PAGES = 512;
var wasm = globalThis.WebAssembly;
var PythonParser = class {
  constructor(parser, syntax) {
    this.parser = parser;
    this.syntax = syntax;
  }
  parser;
  syntax;
  /** The tree of `text`, or null where tree-sitter gives none. The caller deletes it once read. */
  parse(text) {
    const tree = this.parser.parse(text);
    return tree ? this.syntax.tree(tree, text) : null;
  }
  delete() {
    this.parser.delete();
  }
};
var runtime;
function startRuntime(limits) {
  runtime ??= (async () => {
    const maximum = limits.maxMemoryMb === void 0 ? void 0 : limits.maxMemoryMb * PAGES_PER_MB;
    const options = {
      // An abort prints "Aborted()" by default: the caller reports the file instead.
      print: () => void 0,
      printErr: () => void 0,
      ...maximum === void 0 ? {} : { wasmMemory: new wasm.Memory({ initial: Math.min(INITIAL_PAGES, maximum), maximum }) }
    };
    await Parser.init(options);
    return options;
  })();
  return runtime;
}
async function loadPythonParser(limits = {}) {
  const require2 = createRequire(import.meta.url);
  const started = await startRuntime(limits);
  const language = await Language.load(require2.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return new PythonParser(parser, SyntaxRuntime.bind(started, language.types, language.fields));
}

export {
  PythonParser,
  loadPythonParser
};
