import type { ModuleFile, ModuleSource } from "../fs/project-modules.js";
import { LineIndex } from "../line-index.js";
import type { PythonParser } from "./python-parser.js";
import type { SyntaxNode, SyntaxTree } from "./syntax-tree.js";
import { type Evaluator, type HelperModule, type PyValue, Scope } from "./values.js";

/** Modules whose imports cannot hide migration operations. */
export const LIBRARY_MODULES =
  /^(?:alembic|sqlalchemy|sqlmodel|typing|typing_extensions|__future__|logging|datetime|json|os|sys|uuid|re|enum|collections|functools|itertools|time|decimal|textwrap|hashlib|random|string|dataclasses|pathlib|contextlib|base64)(?:\.|$)/;

/** How deep helper modules may import each other: a helper's helper is read, not a whole package graph. */
const MAX_IMPORT_DEPTH = 3;
/** Helper modules read in one run, at most: bounded for hostile input. */
const MAX_MODULES = 200;

/** A module file read for one revision, for the extraction cache: the revision is stale when it changes. */
export interface ModuleRead {
  readonly path: string;
  readonly digest: string;
}

/** An import of a module the project did not have when the revision was read: it reads otherwise once one appears. */
export interface ModuleMissing {
  readonly module: string;
  /** Leading dots of a relative import. */
  readonly level: number;
  /** The importing file (absolute). */
  readonly from: string;
}

/** Where names live while an import is bound: the scope, and the file's `op` aliases and imported callables. */
export interface ImportTarget {
  readonly scope: Scope;
  readonly opNames: Set<string>;
  readonly importedCallables: Set<string>;
  /** Collects the helper modules the imports bind (a module's own imports are its dependencies). */
  readonly dependencies?: LoadedModule[];
}

interface LoadedModule extends HelperModule {
  readonly opNames: Set<string>;
  readonly importedCallables: Set<string>;
  /** Modules this one bound in turn, so that a revision reading it records them too. */
  readonly dependencies: LoadedModule[];
  readonly digest: string;
  readonly path: string;
}

/**
 * The project's own helper modules a revision imports (`from myapp.db import migration`): parsed once per run,
 * their constants and functions bound into the importing scope, so that `migration.create_table_if_not_exists(...)`
 * is walked like a local helper and `migration.EXPAND_BRANCH` reads as its value. A module that is not in the
 * project binds nothing readable: calls through it are opaque operations.
 */
export class HelperModules {
  private readonly loaded = new Map<string, LoadedModule | null>();
  /** Modules whose top level is being bound, innermost last. */
  private readonly parsing: LoadedModule[] = [];
  private readonly trees: SyntaxTree[] = [];
  private readRecord = new Map<string, ModuleRead>();
  private missingRecord = new Map<string, ModuleMissing>();

  constructor(
    private readonly parser: PythonParser,
    private readonly source: ModuleSource | undefined,
    private readonly evaluator: Evaluator,
    private readonly displayPath: (absolute: string) => string,
  ) {}

  /** Starts recording the modules one revision reads. */
  begin(): void {
    this.readRecord = new Map();
    this.missingRecord = new Map();
  }

  /** The modules the revision read since `begin()`. */
  modulesRead(): ModuleRead[] {
    return [...this.readRecord.values()];
  }

  /** The project modules the revision looked for since `begin()` and did not find. */
  modulesMissing(): ModuleMissing[] {
    return [...this.missingRecord.values()];
  }

  /** Frees the parse trees of every module read. */
  dispose(): void {
    for (const tree of this.trees.splice(0)) tree.delete();
    this.loaded.clear();
  }

  /**
   * Binds the names an `import` or `from ... import` statement introduces. A module is read when one of its names is
   * first used, not at the import: most imports only name column types, and a package's imports fan out widely.
   */
  bindImport(statement: SyntaxNode, fromFile: string | undefined, target: ImportTarget, depth = 0): void {
    if (statement.type === "import_statement") {
      for (const imported of statement.childrenForFieldName("name")) {
        if (!imported) continue;
        const dotted = imported.type === "aliased_import" ? imported.childForFieldName("name")?.text : imported.text;
        const alias = imported.type === "aliased_import" ? imported.childForFieldName("alias")?.text : undefined;
        if (!dotted || LIBRARY_MODULES.test(dotted)) continue;
        // `import a.b.c` binds `a`; `import a.b.c as z` binds z to a.b.c.
        const bound = alias ?? dotted.split(".")[0] ?? dotted;
        const name = alias ? dotted : bound;
        target.scope.defineLazy(bound, () =>
          this.evaluator.atTopLevel(() => this.moduleValue(name, 0, fromFile, depth, target)),
        );
      }
      return;
    }
    const moduleNode = statement.childForFieldName("module_name");
    const written = moduleNode?.text ?? "";
    const level = /^\.*/.exec(written)?.[0].length ?? 0;
    const module = written.slice(level);
    for (const imported of statement.childrenForFieldName("name")) {
      if (!imported) continue;
      const original = imported.type === "aliased_import" ? imported.childForFieldName("name")?.text : imported.text;
      const local = imported.type === "aliased_import" ? imported.childForFieldName("alias")?.text : imported.text;
      if (!original || !local) continue;
      if (module === "alembic" && original === "op") {
        target.opNames.add(local);
        continue;
      }
      if (level === 0 && LIBRARY_MODULES.test(module)) continue;
      target.importedCallables.add(local);
      target.scope.defineLazy(local, () =>
        this.evaluator.atTopLevel(() => this.importedName(module, level, original, fromFile, depth, target)),
      );
    }
  }

  /** What `name` of module `module` is: a submodule, a constant or function of it, or unknown. */
  private importedName(
    module: string,
    level: number,
    name: string,
    fromFile: string | undefined,
    depth: number,
    target: ImportTarget,
  ): PyValue | undefined {
    const qualified = module === "" ? name : `${module}.${name}`;
    const submodule = this.load(qualified, level, fromFile, depth, target);
    if (submodule) return { kind: "module", name: qualified, module: submodule };
    const parent = this.load(module, level, fromFile, depth, target);
    if (!parent) return { kind: "module", name: qualified };
    return parent.scope.lookup(name);
  }

  private moduleValue(
    name: string,
    level: number,
    fromFile: string | undefined,
    depth: number,
    target: ImportTarget,
  ): PyValue {
    const module = this.load(name, level, fromFile, depth, target);
    return module ? { kind: "module", name, module } : { kind: "module", name };
  }

  /** An attribute of a module value: a name it defines, or a submodule (`import a` then `a.b.f()`). */
  attribute(value: Extract<PyValue, { kind: "module" }>, name: string): PyValue | undefined {
    const own = value.module?.scope.lookup(name);
    if (own) return own;
    const loaded = value.module as LoadedModule | undefined;
    // Only a package (`__init__.py`) has submodules.
    const isPackage = loaded?.path.endsWith("__init__.py") === true;
    const submodule =
      loaded && isPackage ? this.evaluator.atTopLevel(() => this.load(name, 1, loaded.path, 0)) : undefined;
    return submodule ? { kind: "module", name: `${value.name}.${name}`, module: submodule } : undefined;
  }

  private load(
    module: string,
    level: number,
    fromFile: string | undefined,
    depth: number,
    target?: ImportTarget,
  ): LoadedModule | undefined {
    if (!this.source || fromFile === undefined || depth >= MAX_IMPORT_DEPTH || (module === "" && level === 0))
      return undefined;
    const file = this.source.find(module, level, fromFile);
    if (!file) {
      const key = `${level}\u0000${module}\u0000${fromFile}`;
      if (this.missingRecord.size < MAX_MODULES) this.missingRecord.set(key, { module, level, from: fromFile });
      return undefined;
    }
    let loaded = this.loaded.get(file.path);
    let parent: LoadedModule | undefined;
    if (loaded === undefined) {
      // Python runs a package's __init__ before any module inside it: `a.b.c` loads `a.b` first (and so `a`), at the
      // same import depth, so that the depth limit still bounds how far a chain of imports reaches.
      const dot = module.lastIndexOf(".");
      parent = dot > 0 ? this.load(module.slice(0, dot), level, fromFile, depth, target) : undefined;
      loaded = this.loaded.get(file.path);
    }
    if (loaded === undefined) {
      // parse() registers the module before it runs its body: an import cycle finds it partly built, as in Python.
      loaded = this.loaded.size >= MAX_MODULES ? null : this.parse(file, depth);
      if (loaded === null) this.loaded.set(file.path, null);
      // A revision that reads the module later depends on its package having run as it did.
      else if (parent && parent !== loaded) loaded.dependencies.push(parent);
    }
    if (loaded) {
      this.record(loaded, new Set());
      // What the importing module's values were computed from: the module it binds (target), or, for a package
      // attribute read while a module is being parsed (`X = pkg.sub.Y`), that module.
      const owner = target ? target : this.parsing.at(-1);
      const dependencies = owner?.dependencies;
      if (dependencies && owner !== loaded && !dependencies.includes(loaded)) dependencies.push(loaded);
    }
    return loaded ?? undefined;
  }

  private record(module: LoadedModule, seen: Set<LoadedModule>): void {
    if (seen.has(module)) return;
    seen.add(module);
    this.readRecord.set(module.path, { path: module.path, digest: module.digest });
    for (const dependency of module.dependencies) this.record(dependency, seen);
  }

  /** Parses a module and binds its top-level imports, constants and functions into its own scope. */
  private parse(file: ModuleFile, depth: number): LoadedModule {
    const tree = this.parser.parse(file.text);
    const dependencies: LoadedModule[] = [];
    const scope = new Scope();
    const module: LoadedModule = {
      file: this.displayPath(file.path),
      path: file.path,
      digest: file.digest,
      lines: new LineIndex(file.text),
      scope,
      opNames: new Set(),
      importedCallables: new Set(),
      dependencies,
    };
    this.loaded.set(file.path, module);
    if (!tree) return module;
    this.trees.push(tree);
    this.parsing.push(module);
    try {
      this.bindTopLevel(tree.rootNode, file.path, module, depth);
    } finally {
      this.parsing.pop();
    }
    return module;
  }

  /** A constant of `module`, worked out as if its top level were running: what it reads is the module's own. */
  private evaluateIn(module: LoadedModule, node: SyntaxNode | null | undefined): PyValue {
    return this.evaluator.atTopLevel(() => {
      this.parsing.push(module);
      try {
        return this.evaluator.evaluate(node, module.scope);
      } finally {
        this.parsing.pop();
      }
    });
  }

  /**
   * Binds a module's top level. A constant is worked out when a revision first reads it, not here: evaluating every
   * constant of a module (`REGISTRY = build_registry(plugins.ALL)`) reads the modules they name, most of them for
   * values no revision uses. Lazily bound values see the module's names as they stand at the end of its top level,
   * which is what they saw when written only where no name is bound twice; a module that rebinds a name is
   * evaluated in order, as Python runs it.
   */
  private bindTopLevel(root: SyntaxNode, path: string, module: LoadedModule, depth: number): void {
    const scope = module.scope;
    const lazily = eachNameBoundOnce(root);
    for (const statement of root.namedChildren) {
      if (!statement) continue;
      if (statement.type === "import_statement" || statement.type === "import_from_statement") {
        this.bindImport(statement, path, module, depth + 1);
      } else if (statement.type === "expression_statement") {
        const inner = statement.namedChildren[0];
        const left = inner?.type === "assignment" ? inner.childForFieldName("left") : undefined;
        const right = inner?.childForFieldName("right");
        if (!inner || left?.type !== "identifier") continue;
        if (lazily) scope.defineLazy(left.text, () => this.evaluateIn(module, right));
        else scope.define(left.text, this.evaluator.evaluate(right, scope));
      } else if (statement.type === "function_definition" || statement.type === "decorated_definition") {
        const definition =
          statement.type === "function_definition" ? statement : statement.childForFieldName("definition");
        const name = definition?.childForFieldName("name")?.text;
        if (definition && name) scope.define(name, { kind: "function", node: definition, scope, module });
      }
    }
  }
}

/**
 * Whether no name is bound twice by the top-level assignments, definitions and imports of a module (`import a.b` and
 * `import a.c` both bind the package `a`, which is one value).
 */
function eachNameBoundOnce(root: SyntaxNode): boolean {
  const bound = new Map<string, string>();
  const once = ([name, what]: readonly [string | undefined, string]): boolean => {
    if (name === undefined) return true;
    const before = bound.get(name);
    if (before !== undefined) return before === what && what.startsWith("package ");
    bound.set(name, what);
    return true;
  };
  for (const statement of root.namedChildren) {
    let names: (readonly [string | undefined, string])[] = [];
    if (statement.type === "expression_statement") {
      const inner = statement.namedChildren[0];
      const left = inner?.type === "assignment" ? inner.childForFieldName("left") : undefined;
      if (left?.type === "identifier") names = [[left.text, "value"]];
    } else if (statement.type === "function_definition" || statement.type === "decorated_definition") {
      const definition =
        statement.type === "function_definition" ? statement : statement.childForFieldName("definition");
      names = [[definition?.childForFieldName("name")?.text, "function"]];
    } else if (statement.type === "import_statement" || statement.type === "import_from_statement") {
      names = statement.childrenForFieldName("name").map((imported) => {
        if (imported.type === "aliased_import") return [imported.childForFieldName("alias")?.text, "import"] as const;
        if (statement.type === "import_from_statement") return [imported.text, "import"] as const;
        const top = imported.text.split(".")[0];
        return [top, `package ${top}`] as const;
      });
    }
    if (!names.every(once)) return false;
  }
  return true;
}
