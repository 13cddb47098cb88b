import type { Tree } from "web-tree-sitter";

/**
 * The functions and memory of tree-sitter's WebAssembly runtime that the node view below calls. They are the
 * runtime's own exports: web-tree-sitter's `Node` class is a wrapper around the same calls, and this view makes them
 * without its per-call overhead (every getter re-marshals the node through `setValue`, and every returned node is a
 * class instance with field initialisers). The runtime is what `Parser.init` was given, which Emscripten fills in;
 * `bindRuntime` checks it has everything before it is used.
 */
export interface TreeSitterRuntime {
  readonly HEAP_DATA_VIEW: DataView;
  _ts_init(): number;
  _malloc(size: number): number;
  _free(address: number): void;
  _ts_node_symbol_wasm(tree: number): number;
  _ts_node_end_index_wasm(tree: number): number;
  _ts_node_end_point_wasm(tree: number): void;
  _ts_node_has_error_wasm(tree: number): number;
  _ts_node_is_missing_wasm(tree: number): number;
  _ts_node_parent_wasm(tree: number): void;
  _ts_node_child_by_field_id_wasm(tree: number, field: number): void;
  _ts_node_children_by_field_id_wasm(tree: number, field: number): void;
  _ts_node_children_wasm(tree: number): void;
  _ts_node_named_children_wasm(tree: number): void;
  _ts_node_descendant_for_index_wasm(tree: number): void;
  _ts_node_descendants_of_type_wasm(
    tree: number,
    symbols: number,
    count: number,
    startRow: number,
    startColumn: number,
    endRow: number,
    endColumn: number,
  ): void;
}

const RUNTIME_FUNCTIONS = [
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
  "_ts_node_descendants_of_type_wasm",
] as const;

/** A node as the runtime marshals it: five 32-bit words (id, start index, start row, start column, subtree). */
const NODE_BYTES = 20;
/** The symbol tree-sitter gives an ERROR node, which `Language.types` does not list. */
const ERROR_SYMBOL = 65535;

/** What every node of every tree shares: the runtime, where it passes nodes, and the grammar's names. */
export class SyntaxRuntime {
  private readonly fieldIds: ReadonlyMap<string, number>;

  private constructor(
    readonly runtime: TreeSitterRuntime,
    /** The runtime's transfer buffer, where a call reads the node it is given and writes the node it returns. */
    readonly transfer: number,
    readonly types: readonly string[],
    fields: readonly (string | null)[],
  ) {
    const ids = new Map<string, number>();
    fields.forEach((name, id) => {
      if (name !== null && !ids.has(name)) ids.set(name, id);
    });
    this.fieldIds = ids;
  }

  /** Fails at load, not mid-walk, when web-tree-sitter's runtime no longer has what this view calls. */
  static bind(runtime: object, types: readonly string[], fields: readonly (string | null)[]): SyntaxRuntime {
    const candidate = runtime as Partial<Record<string, unknown>>;
    const missing = RUNTIME_FUNCTIONS.filter((name) => typeof candidate[name] !== "function");
    if (missing.length > 0 || !(candidate.HEAP_DATA_VIEW instanceof DataView)) {
      throw new Error(
        `web-tree-sitter's runtime lacks ${missing[0] ?? "HEAP_DATA_VIEW"}; this version is not supported`,
      );
    }
    const bound = runtime as TreeSitterRuntime;
    return new SyntaxRuntime(bound, bound._ts_init(), types, fields);
  }

  fieldId(name: string): number | undefined {
    return this.fieldIds.get(name);
  }

  /** Wraps a tree web-tree-sitter parsed from `source`. */
  tree(tree: Tree, source: string): SyntaxTree {
    return new SyntaxTree(this, tree, source);
  }
}

/** A parsed file: its root node, and the web-tree-sitter tree to free once the file is read. */
export class SyntaxTree {
  readonly rootNode: SyntaxNode;

  constructor(
    readonly syntax: SyntaxRuntime,
    private readonly tree: Tree,
    readonly source: string,
  ) {
    const root = tree.rootNode;
    this.rootNode = new SyntaxNode(
      this,
      (tree as unknown as { 0: number })[0],
      root.id,
      root.startIndex,
      root.startPosition.row,
      root.startPosition.column,
      (root as unknown as { 0: number })[0],
    );
  }

  delete(): void {
    this.tree.delete();
  }
}

/**
 * One node of a Python syntax tree, with the part of web-tree-sitter's `Node` interface the extraction uses and the
 * same answers. Its type, end and children are read from the runtime once and kept.
 */
export class SyntaxNode {
  private typeName: string | undefined = undefined;
  private end = -1;
  private named: SyntaxNode[] | undefined = undefined;
  private all: SyntaxNode[] | undefined = undefined;

  constructor(
    private readonly owner: SyntaxTree,
    private readonly treeAddress: number,
    readonly id: number,
    readonly startIndex: number,
    private readonly startRow: number,
    private readonly startColumn: number,
    private readonly subtree: number,
  ) {}

  get type(): string {
    if (this.typeName === undefined) {
      const { runtime, types } = this.owner.syntax;
      this.marshal();
      this.typeName = types[runtime._ts_node_symbol_wasm(this.treeAddress)] || "ERROR";
    }
    return this.typeName;
  }

  get endIndex(): number {
    if (this.end < 0) {
      this.marshal();
      this.end = this.owner.syntax.runtime._ts_node_end_index_wasm(this.treeAddress);
    }
    return this.end;
  }

  get text(): string {
    return this.owner.source.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): { row: number; column: number } {
    return { row: this.startRow, column: this.startColumn };
  }

  get endPosition(): { row: number; column: number } {
    const { runtime, transfer } = this.owner.syntax;
    this.marshal();
    runtime._ts_node_end_point_wasm(this.treeAddress);
    const view = runtime.HEAP_DATA_VIEW;
    return { row: view.getInt32(transfer, true) >>> 0, column: view.getInt32(transfer + 4, true) >>> 0 };
  }

  get hasError(): boolean {
    this.marshal();
    return this.owner.syntax.runtime._ts_node_has_error_wasm(this.treeAddress) === 1;
  }

  get isMissing(): boolean {
    this.marshal();
    return this.owner.syntax.runtime._ts_node_is_missing_wasm(this.treeAddress) === 1;
  }

  get parent(): SyntaxNode | null {
    this.marshal();
    this.owner.syntax.runtime._ts_node_parent_wasm(this.treeAddress);
    return this.nodeAt(this.owner.syntax.transfer);
  }

  childForFieldName(name: string): SyntaxNode | null {
    const field = this.owner.syntax.fieldId(name);
    if (field === undefined) return null;
    this.marshal();
    this.owner.syntax.runtime._ts_node_child_by_field_id_wasm(this.treeAddress, field);
    return this.nodeAt(this.owner.syntax.transfer);
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    const field = this.owner.syntax.fieldId(name);
    if (field === undefined || field === 0) return [];
    this.marshal();
    this.owner.syntax.runtime._ts_node_children_by_field_id_wasm(this.treeAddress, field);
    return this.nodeList();
  }

  get namedChildren(): SyntaxNode[] {
    if (this.named === undefined) {
      this.marshal();
      this.owner.syntax.runtime._ts_node_named_children_wasm(this.treeAddress);
      this.named = this.nodeList();
    }
    return this.named;
  }

  get children(): SyntaxNode[] {
    if (this.all === undefined) {
      this.marshal();
      this.owner.syntax.runtime._ts_node_children_wasm(this.treeAddress);
      this.all = this.nodeList();
    }
    return this.all;
  }

  get firstChild(): SyntaxNode | null {
    return this.children[0] ?? null;
  }

  /** The smallest node within this one that spans `start` to `end`. */
  descendantForIndex(start: number, end = start): SyntaxNode | null {
    const { runtime, transfer } = this.owner.syntax;
    this.marshal();
    const view = runtime.HEAP_DATA_VIEW;
    view.setInt32(transfer + NODE_BYTES, start, true);
    view.setInt32(transfer + NODE_BYTES + 4, end, true);
    runtime._ts_node_descendant_for_index_wasm(this.treeAddress);
    return this.nodeAt(transfer);
  }

  /** This node and its descendants whose type is one of `types`, in document order. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    const wanted = typeof types === "string" ? [types] : types;
    const { runtime, types: names } = this.owner.syntax;
    const symbols: number[] = [];
    names.forEach((name, symbol) => {
      if (wanted.includes(name)) symbols.push(symbol);
    });
    if (wanted.includes("ERROR")) symbols.push(ERROR_SYMBOL);
    const symbolsAddress = runtime._malloc(4 * Math.max(1, symbols.length));
    try {
      const view = runtime.HEAP_DATA_VIEW;
      for (const [index, symbol] of symbols.entries()) view.setInt32(symbolsAddress + 4 * index, symbol, true);
      this.marshal();
      runtime._ts_node_descendants_of_type_wasm(this.treeAddress, symbolsAddress, symbols.length, 0, 0, 0, 0);
      return this.nodeList(true);
    } finally {
      runtime._free(symbolsAddress);
    }
  }

  /** Puts this node where the runtime's next call reads it. */
  private marshal(): void {
    const { runtime, transfer } = this.owner.syntax;
    const view = runtime.HEAP_DATA_VIEW;
    view.setInt32(transfer, this.id, true);
    view.setInt32(transfer + 4, this.startIndex, true);
    view.setInt32(transfer + 8, this.startRow, true);
    view.setInt32(transfer + 12, this.startColumn, true);
    view.setInt32(transfer + 16, this.subtree, true);
  }

  /** The node the runtime wrote at `address`, or null where it wrote none. */
  private nodeAt(address: number): SyntaxNode | null {
    // Read the view after the call: the runtime's memory may have grown, which replaces it.
    const view = this.owner.syntax.runtime.HEAP_DATA_VIEW;
    const id = view.getInt32(address, true);
    if (id === 0) return null;
    return new SyntaxNode(
      this.owner,
      this.treeAddress,
      id,
      view.getInt32(address + 4, true),
      view.getInt32(address + 8, true),
      view.getInt32(address + 12, true),
      view.getInt32(address + 16, true),
    );
  }

  /**
   * The nodes of a list the runtime allocated (its length and address in the transfer buffer), then freed. An empty
   * list is freed only where the runtime always allocates one, as web-tree-sitter does.
   */
  private nodeList(alwaysAllocated = false): SyntaxNode[] {
    const { runtime, transfer } = this.owner.syntax;
    const view = runtime.HEAP_DATA_VIEW;
    const count = view.getInt32(transfer, true);
    const list = view.getInt32(transfer + 4, true);
    const nodes: SyntaxNode[] = [];
    for (let index = 0; index < count; index++) {
      const node = this.nodeAt(list + index * NODE_BYTES);
      if (node) nodes.push(node);
    }
    if (count > 0 || alwaysAllocated) runtime._free(list);
    return nodes;
  }
}
