import { withThousands } from "../../domain/index.js";
import type { LineIndex } from "../line-index.js";
import { decodeStringContent } from "./escapes.js";
import {
  applyFormat,
  applyPercent,
  concat,
  limitedString,
  literal,
  placeholder,
  type ResolvedString,
  replaceAll,
  sourceOffset,
  verbatim,
} from "./resolved-string.js";
import type { SyntaxNode } from "./syntax-tree.js";

/** What migragate knows statically about a Python value. */
export type PyValue =
  | { readonly kind: "str"; readonly value: ResolvedString }
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "none" }
  | { readonly kind: "list"; readonly items: readonly PyValue[] }
  /** `sa.table("users", ...)`, `sa.Table(...)`, or what `op.create_table(...)` returns. */
  | { readonly kind: "table"; readonly name: string; readonly schema?: string }
  /**
   * A declarative ORM class of the revision (`class Old(Base): __tablename__ = "eventcounter"`): its `__table__` is
   * that table, and what it builds (`Old(...)`) is a row of it.
   */
  | { readonly kind: "model"; readonly table: string }
  /** An object an ORM class built: a row of its table, written by `session.add(...)`. */
  | { readonly kind: "row"; readonly table: string }
  /** `op.get_bind()` or a SQLAlchemy connection derived from it. */
  | { readonly kind: "bind" }
  /** An ORM session bound to the migration's connection. */
  | { readonly kind: "session" }
  /** The alias of `with op.batch_alter_table(...) as alias`. */
  | { readonly kind: "batch"; readonly table: string; readonly schema?: string }
  /** A SQLAlchemy core statement (`sa.select(...)`, `t.update().where(...)`) held in a variable. */
  | { readonly kind: "statement"; readonly node: SyntaxNode }
  /** Alembic's `op` under another name: a helper's parameter it was passed to, a variable it was assigned to. */
  | { readonly kind: "op" }
  /**
   * An object built by handing `op` to code migragate does not follow (`reflect = ReflectMigrations(op)`): any method
   * called on it may run operations.
   */
  | { readonly kind: "op-holder"; readonly built: string }
  /** `sa.Column(...)` held in a variable, read when an op receives it. */
  | { readonly kind: "column"; readonly node: SyntaxNode }
  /**
   * A helper function: defined in the same file (with the scope it was defined in when not the module), or in a
   * helper module of the project (`module`), whose own names it then sees.
   */
  | { readonly kind: "function"; readonly node: SyntaxNode; readonly scope?: Scope; readonly module?: HelperModule }
  /** An imported module: one of the project's helper modules, or (no `module`) one migragate cannot read. */
  | { readonly kind: "module"; readonly name: string; readonly module?: HelperModule }
  /** Assigned differently in the branches of an `if`: each value with the conditions of its branch. */
  | {
      readonly kind: "alternatives";
      readonly options: readonly { readonly value: PyValue; readonly conditions: readonly string[] }[];
      /** How many values the options hold in all, nested alternatives counted through. */
      readonly count: number;
    }
  /**
   * Anything else, with the expression that produced it (a type such as `sa.Enum(...)` is read from it later);
   * `limit`: the value was not worked out because it went past one of the limits below (it is opaque).
   */
  | {
      readonly kind: "unknown";
      readonly text: string;
      readonly offset: number;
      readonly node?: SyntaxNode;
      readonly limit?: string;
    };

/** A helper module of the project, read for the functions and constants a revision imports from it. */
export interface HelperModule {
  /** Its path as reports show it. */
  readonly file: string;
  readonly lines: LineIndex;
  readonly scope: Scope;
  /** Names that refer to Alembic's `op` in that module. */
  readonly opNames: ReadonlySet<string>;
  readonly importedCallables: ReadonlySet<string>;
}

/** Resolves `module.name` for module values (see HelperModules). */
export type ModuleAttribute = (module: Extract<PyValue, { kind: "module" }>, name: string) => PyValue | undefined;

/**
 * Limits of static evaluation, far above what migrations do and low enough that no file can make it hang or run out
 * of memory: a value past one is unknown (SQL built from it is an opaque operation), never an error.
 */
/** Values a name may hold under different branch conditions (2^20 after 20 `if/else` blocks otherwise). */
export const MAX_ALTERNATIVES = 64;
/** Expressions nested deeper than this (Python itself stops at 200 parentheses). */
export const MAX_NESTING = 100;
/** Calls of local functions evaluated in one file (their depth is limited too). */
export const MAX_FUNCTION_CALLS = 1_000;
const MAX_CALL_DEPTH = 4;
/** Characters of strings built in one file (concatenated, formatted, replaced). */
export const MAX_BUILT_CHARACTERS = 20_000_000;

/** Names in scope, innermost first; module constants at the bottom. */
export class Scope {
  private readonly vars = new Map<string, PyValue>();
  /** Bindings worked out on first use: an import reads its module only when a name from it is needed. */
  private readonly pending = new Map<string, PendingBinding>();

  constructor(private readonly parent?: Scope) {}

  lookup(name: string): PyValue | undefined {
    return this.vars.get(name) ?? this.resolvePending(name) ?? this.parent?.lookup(name);
  }

  define(name: string, value: PyValue): void {
    this.pending.delete(name);
    this.vars.set(name, value);
  }

  /**
   * Binds `name` to what `resolve` returns when the name is first looked up. When it returns nothing, the name keeps
   * what it had before, as if the binding had never been made: an earlier binding still pending, or its value.
   */
  defineLazy(name: string, resolve: () => PyValue | undefined): void {
    const earlier = this.pending.get(name);
    if (earlier) earlier.resolvers.push(resolve);
    else {
      const before = this.vars.get(name);
      this.pending.set(name, { resolvers: [resolve], ...(before ? { before } : {}) });
    }
    this.vars.delete(name);
  }

  child(): Scope {
    return new Scope(this);
  }

  /** Names defined in this scope itself, with their values. */
  own(): ReadonlyMap<string, PyValue> {
    for (const name of [...this.pending.keys()]) this.resolvePending(name);
    return this.vars;
  }

  private resolvePending(name: string): PyValue | undefined {
    const binding = this.pending.get(name);
    if (!binding) return undefined;
    this.pending.delete(name);
    // The last binding that resolves wins; a loop, not a chain of calls, however often the name was imported.
    let value: PyValue | undefined;
    for (let index = binding.resolvers.length - 1; index >= 0 && !value; index--) value = binding.resolvers[index]?.();
    value ??= binding.before;
    // A lookup made while resolving (a module importing itself) saw nothing; a later definition wins.
    if (value && !this.vars.has(name) && !this.pending.has(name)) this.vars.set(name, value);
    return this.vars.get(name) ?? value;
  }
}

/** A name bound by imports not yet resolved, latest last, and the value it had before them. */
interface PendingBinding {
  readonly resolvers: (() => PyValue | undefined)[];
  readonly before?: PyValue;
}

const TEXT_WRAPPERS = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(?:text|DDL|literal_column)$|^(?:textwrap\.)?dedent$/;
const STRING_METHODS_KEEPING_TEXT = new Set([
  "bindparams",
  "params",
  "execution_options",
  "columns",
  "strip",
  "lstrip",
  "rstrip",
  "compile",
]);
/** `op.f("ix_name")`: autogenerate's marker for a name that is final, not to be run through a naming convention. */
const OP_NAME_WRAPPER = /^\w*op\.f$/;
const COLUMN_CONSTRUCTOR = /(?:^|\.)Column$/;
/** `sa.select`, `table.update`: a core statement's own call. */
const CORE_STATEMENT_HEAD = /(?:^|\.)\s*(?:select|update|insert|delete)$/;
/** `...).where`, `...).values`: the last call of a chain that builds a core statement. */
const CORE_CHAIN_TAIL =
  /\)\s*\.\s*(?:where|values|filter|distinct|order_by|limit|returning|from_select|select_from|group_by|join|outerjoin)$/;
const CORE_STATEMENT_START = /\b(?:select|update|insert|delete)\(/;

/**
 * The outermost call of a core statement chain: `sa.select`, `x.update`, `...where`, `...values`... A chain may break
 * its line before a dot inside parentheses (`(t.select()\n    .where(...))`). Three linear searches rather than one
 * pattern whose `[\s\S]*` backtracked over the callee's text once per `select(` in it.
 */
function isCoreStatementCall(fnText: string): boolean {
  if (CORE_STATEMENT_HEAD.test(fnText)) return true;
  const tail = CORE_CHAIN_TAIL.exec(fnText);
  if (!tail) return false;
  const start = CORE_STATEMENT_START.exec(fnText);
  return start !== null && start.index < tail.index;
}
const TABLE_CONSTRUCTORS = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(?:table|Table)$/;

/** Items a comprehension is expanded to: enough for a list of tables, bounded for generated code. */
const MAX_COMPREHENSION_ITEMS = 100;

/** Binds a target (`t`, `t, c`, `(t, c)`) to one value, unpacking tuples item by item. */
export function bindNames(target: SyntaxNode, value: PyValue, scope: Scope): void {
  if (target.type === "identifier") {
    scope.define(target.text, value);
    return;
  }
  const names = target.namedChildren.filter((child): child is SyntaxNode => !!child && child.type !== "comment");
  names.forEach((name, index) => {
    const item = value.kind === "list" ? value.items[index] : undefined;
    bindNames(name, item ?? unknown(name), scope);
  });
}

export function unknown(node: SyntaxNode): PyValue {
  return { kind: "unknown", text: node.text, offset: node.startIndex, node };
}

/** A value not worked out because of a limit, which the reason names. */
export function limited(node: SyntaxNode, limit: string): PyValue {
  return { kind: "unknown", text: node.text, offset: node.startIndex, limit };
}

function countOf(value: PyValue): number {
  return value.kind === "alternatives" ? value.count : 1;
}

/**
 * A name assigned differently in branches: each value under its branch's conditions. Nested alternatives multiply,
 * so past `MAX_ALTERNATIVES` values in all the name is unknown (at `node`, the statement that assigned it).
 */
export function alternatives(
  options: readonly { readonly value: PyValue; readonly conditions: readonly string[] }[],
  node: SyntaxNode,
): PyValue {
  const count = options.reduce((total, option) => total + countOf(option.value), 0);
  if (count > MAX_ALTERNATIVES)
    return limited(node, `it may hold more than ${MAX_ALTERNATIVES} different values depending on branches`);
  return { kind: "alternatives", options, count };
}

export function asString(value: PyValue | undefined): ResolvedString | undefined {
  if (value === undefined) return undefined;
  if (value.kind === "str") return value.value;
  if (value.kind === "number") return literal(value.text, 0);
  return undefined;
}

/** The string value of a node, resolved or with placeholders for the parts that cannot be. */
export function stringOrPlaceholder(value: PyValue, node: SyntaxNode): ResolvedString {
  return asString(value) ?? placeholder(node.text, node.startIndex);
}

/**
 * A value as a part of a string being built: its text, a limited string when it went past a limit (which then
 * limits the whole), or a placeholder for what cannot be known.
 */
function partOf(value: PyValue, sourceText: string, offset: number): ResolvedString {
  if (value.kind === "unknown" && value.limit !== undefined) return limitedString(value.limit);
  return asString(value) ?? placeholder(sourceText, offset);
}

/** A limit that one of the values went past, if any. */
function limitOf(values: readonly (PyValue | undefined)[]): string | undefined {
  for (const value of values) if (value?.kind === "unknown" && value.limit !== undefined) return value.limit;
  return undefined;
}

/** Unknown at `node`, keeping the limit one of the values it came from went past. */
export function unknownFrom(node: SyntaxNode, values: readonly (PyValue | undefined)[]): PyValue {
  const limit = limitOf(values);
  return limit === undefined ? unknown(node) : limited(node, limit);
}

/** A value part of a format: resolved, a limited string, or missing (undefined: the formatter's placeholder). */
function formatPart(value: PyValue): ResolvedString | undefined {
  if (value.kind === "unknown" && value.limit !== undefined) return limitedString(value.limit);
  return asString(value);
}

export function plainString(value: PyValue | undefined): string | undefined {
  const resolved = asString(value);
  return resolved && resolved.unresolved === 0 ? resolved.text : undefined;
}

/** Evaluates expressions statically: literals, names in scope, concatenation, formatting, text() wrappers. */
export class Evaluator {
  private callDepth = 0;
  private nesting = 0;
  private calls = 0;
  private builtCharacters = 0;

  /** Starts the per-file budgets (function calls, characters built) afresh. */
  startFile(): void {
    this.calls = 0;
    this.builtCharacters = 0;
  }

  /**
   * Runs `work` as if at the top level of a module, with no local call in progress: an import resolved on first use,
   * deep inside nested calls, reads its module's constants as an eager import would have, not with the call depth of
   * the expression that needed it. Nesting is not reset: it still bounds how deep evaluation goes, across modules.
   */
  atTopLevel<T>(work: () => T): T {
    const { callDepth } = this;
    this.callDepth = 0;
    try {
      return work();
    } finally {
      this.callDepth = callDepth;
    }
  }

  /** `moduleAttribute` reads `module.name` when the value is an imported helper module. */
  constructor(private readonly moduleAttribute?: ModuleAttribute) {}

  evaluate(node: SyntaxNode | null | undefined, scope: Scope): PyValue {
    if (!node) return { kind: "none" };
    // Deep nesting (20,000 parentheses) would overflow the stack: past the limit the value is unknown.
    if (this.nesting >= MAX_NESTING) return limited(node, `it is nested more than ${MAX_NESTING} levels deep`);
    this.nesting++;
    try {
      return this.evaluateNode(node, scope);
    } finally {
      this.nesting--;
    }
  }

  /** A string the evaluator built: unknown when it is too long, or when the file has built too much already. */
  madeString(value: ResolvedString, node: SyntaxNode): PyValue {
    if (value.limit !== undefined) return limited(node, value.limit);
    this.builtCharacters += value.text.length;
    if (this.builtCharacters > MAX_BUILT_CHARACTERS)
      return limited(node, `the file builds more than ${withThousands(MAX_BUILT_CHARACTERS)} characters of strings`);
    return { kind: "str", value };
  }

  private evaluateNode(node: SyntaxNode, scope: Scope): PyValue {
    switch (node.type) {
      case "string":
        return this.madeString(this.decodeStringNode(node, scope), node);
      case "concatenated_string":
        // A comment between the parts (`"SELECT ..."  # noqa: S608`, then `"FROM ..."`) is no part of the string.
        return this.madeString(
          concat(
            node.namedChildren
              .filter((part) => part.type !== "comment")
              .map((part) => this.decodeString(part as SyntaxNode, scope)),
          ),
          node,
        );
      case "integer":
      case "float":
        return { kind: "number", text: node.text };
      case "true":
      case "false":
        return { kind: "bool", value: node.type === "true" };
      case "none":
        return { kind: "none" };
      case "identifier":
        return scope.lookup(node.text) ?? unknown(node);
      case "parenthesized_expression": {
        const inner = node.namedChildren.find((child) => child?.type !== "comment");
        return inner ? this.evaluate(inner, scope) : unknown(node);
      }
      case "tuple":
      case "list":
        return {
          kind: "list",
          items: node.namedChildren.filter((c) => c?.type !== "comment").map((item) => this.evaluate(item, scope)),
        };
      case "binary_operator":
        return this.evaluateBinary(node, scope);
      case "list_comprehension":
      case "set_comprehension":
        return this.evaluateComprehension(node, scope);
      case "set":
        return {
          kind: "list",
          items: node.namedChildren.filter((c) => c?.type !== "comment").map((item) => this.evaluate(item, scope)),
        };
      case "subscript": {
        // `pair[0]` of a tuple known statically.
        const value = this.evaluate(node.childForFieldName("value"), scope);
        const subscripts = node.childrenForFieldName("subscript");
        const index =
          subscripts.length === 1 && subscripts[0]?.type === "integer" ? Number(subscripts[0].text) : Number.NaN;
        const item = value.kind === "list" && Number.isInteger(index) ? value.items.at(index) : undefined;
        return item ?? unknown(node);
      }
      case "attribute": {
        const object = this.evaluate(node.childForFieldName("object"), scope);
        const name = node.childForFieldName("attribute")?.text;
        if (object.kind === "model" && name === "__table__") return { kind: "table", name: object.table };
        if (object.kind !== "module" || !name) return unknown(node);
        return this.moduleAttribute?.(object, name) ?? unknown(node);
      }
      case "call":
        return this.evaluateCall(node, scope);
      default:
        return unknown(node);
    }
  }

  private evaluateBinary(node: SyntaxNode, scope: Scope): PyValue {
    const operator = node.childForFieldName("operator")?.text;
    if (operator === "+") return this.evaluateSum(node, scope);
    const left = this.evaluate(node.childForFieldName("left"), scope);
    const rightNode = node.childForFieldName("right");
    if (operator === "%" && left.kind === "str" && rightNode) {
      const positional: (ResolvedString | undefined)[] = [];
      const named = new Map<string, ResolvedString | undefined>();
      if (rightNode.type === "tuple") {
        for (const item of rightNode.namedChildren) if (item) positional.push(formatPart(this.evaluate(item, scope)));
      } else if (rightNode.type === "dictionary") {
        for (const pair of rightNode.namedChildren) {
          const key = plainString(this.evaluate(pair?.childForFieldName("key"), scope));
          if (key !== undefined) named.set(key, formatPart(this.evaluate(pair?.childForFieldName("value"), scope)));
        }
      } else {
        positional.push(formatPart(this.evaluate(rightNode, scope)));
      }
      return this.madeString(applyPercent(left.value, positional, named, rightNode.text), node);
    }
    const limit = limitOf([left]);
    return limit === undefined ? unknown(node) : limited(node, limit);
  }

  private evaluateCall(node: SyntaxNode, scope: Scope): PyValue {
    const fn = node.childForFieldName("function");
    const args = node.childForFieldName("arguments");
    if (!fn) return unknown(node);
    if (fn.type === "identifier") {
      const callee = scope.lookup(fn.text);
      if (callee?.kind === "function") return this.callLocalFunction(callee.node, node, scope);
      if (callee?.kind === "model") return { kind: "row", table: callee.table };
    }
    const fnText = fn.text;
    const positional =
      args?.namedChildren.filter((arg) => arg && arg.type !== "keyword_argument" && arg.type !== "comment") ?? [];
    // `list(...)`, `tuple(...)`, `set(...)`, `sorted(...)` of a list known statically keep its items.
    if (/^(?:list|tuple|set|sorted)$/.test(fnText) && positional.length === 1) {
      const items = this.evaluate(positional[0], scope);
      if (items.kind === "list") return items;
    }
    if (TEXT_WRAPPERS.test(fnText) || OP_NAME_WRAPPER.test(fnText)) {
      return positional[0] ? this.evaluate(positional[0], scope) : unknown(node);
    }
    if (COLUMN_CONSTRUCTOR.test(fnText)) return { kind: "column", node };
    if (isCoreStatementCall(fnText)) return { kind: "statement", node };
    if (TABLE_CONSTRUCTORS.test(fnText)) {
      const name = plainString(this.evaluate(positional[0], scope));
      const schema = plainString(this.evaluate(keywordArgument(node, "schema"), scope));
      return name ? { kind: "table", name, ...(schema ? { schema } : {}) } : unknown(node);
    }
    if (/^(?:\w+\.)*get_bind$/.test(fnText) || /\.connect$/.test(fnText)) return { kind: "bind" };
    if (/(?:^|\.)(?:Session|sessionmaker\(.*\))$/.test(fnText) || /^(?:\w+\.)*Session$/.test(fnText)) {
      return { kind: "session" };
    }
    if (fn.type === "attribute") {
      const method = fn.childForFieldName("attribute")?.text ?? "";
      const object = fn.childForFieldName("object");
      if (method === "format") {
        const template = this.evaluate(object, scope);
        if (template.kind !== "str") return unknownFrom(node, [template]);
        const named = new Map<string, ResolvedString | undefined>();
        for (const arg of args?.namedChildren ?? []) {
          if (arg?.type !== "keyword_argument") continue;
          const key = arg.childForFieldName("name")?.text;
          if (key) named.set(key, formatPart(this.evaluate(arg.childForFieldName("value"), scope)));
        }
        const values = positional.map((arg) => formatPart(this.evaluate(arg, scope)));
        return this.madeString(applyFormat(template.value, values, named), node);
      }
      if (method === "join") {
        const separator = this.evaluate(object, scope);
        const items = this.evaluate(positional[0], scope);
        if (separator.kind === "str" && items.kind === "list") {
          const parts: ResolvedString[] = [];
          items.items.forEach((item, index) => {
            if (index > 0) parts.push(separator.value);
            parts.push(partOf(item, "…", sourceOffset(separator.value, 0)));
          });
          return this.madeString(concat(parts), node);
        }
        return unknownFrom(node, [separator, items]);
      }
      if (STRING_METHODS_KEEPING_TEXT.has(method)) {
        const inner = this.evaluate(object, scope);
        return inner.kind === "str" || inner.kind === "alternatives" ? inner : unknownFrom(node, [inner]);
      }
      if (method === "replace") {
        const inner = this.evaluate(object, scope);
        const from = plainString(this.evaluate(positional[0], scope));
        const to = plainString(this.evaluate(positional[1], scope));
        if (inner.kind === "str" && from !== undefined && to !== undefined && from.length > 0) {
          return this.madeString(replaceAll(inner.value, from, to), node);
        }
        return unknownFrom(node, [inner]);
      }
    }
    return unknown(node);
  }

  /**
   * `[(table, model(table)) for table in TABLES]` over a list known statically: one item per element, the loop
   * variables bound. Filters (`if ...`), nested `for`s and long or unknown iterables leave it unknown.
   */
  private evaluateComprehension(node: SyntaxNode, scope: Scope): PyValue {
    const body = node.childForFieldName("body");
    const clauses = node.namedChildren.filter(
      (child) => child?.type === "for_in_clause" || child?.type === "if_clause",
    );
    const [clause] = clauses;
    if (!body || clauses.length !== 1 || clause?.type !== "for_in_clause") return unknown(node);
    const iterable = this.evaluate(clause.childForFieldName("right"), scope);
    const target = clause.childForFieldName("left");
    if (!target || iterable.kind !== "list" || iterable.items.length > MAX_COMPREHENSION_ITEMS) return unknown(node);
    const items = iterable.items.map((item) => {
      const inner = scope.child();
      bindNames(target, item, inner);
      return this.evaluate(body, inner);
    });
    return { kind: "list", items };
  }

  /** `a + b + c ...` evaluated without recursion: generated SQL can chain thousands of terms. */
  private evaluateSum(node: SyntaxNode, scope: Scope): PyValue {
    const terms: SyntaxNode[] = [];
    let current: SyntaxNode | null = node;
    while (current?.type === "binary_operator" && current.childForFieldName("operator")?.text === "+") {
      const right = current.childForFieldName("right");
      if (right) terms.push(right);
      current = current.childForFieldName("left");
    }
    if (current) terms.push(current);
    terms.reverse();
    const values = terms.map((term) => this.evaluate(term, scope));
    if (!values.some((value) => value.kind === "str")) return unknownFrom(node, values);
    return this.madeString(
      concat(values.map((value, index) => partOf(value, terms[index]?.text ?? "?", terms[index]?.startIndex ?? 0))),
      node,
    );
  }

  /** The value a local function returns, when its body is a single `return <expression>` after assignments. */
  private callLocalFunction(definition: SyntaxNode, call: SyntaxNode, scope: Scope): PyValue {
    if (this.callDepth >= MAX_CALL_DEPTH) return unknown(call);
    // Depth alone does not bound the work: `f(x + x) + f(x + "a") + ...` fans out at every level.
    if (++this.calls > MAX_FUNCTION_CALLS)
      return limited(call, `the file calls local functions more than ${MAX_FUNCTION_CALLS} times in values`);
    const body = definition.childForFieldName("body")?.namedChildren ?? [];
    const returns = body.filter((statement) => statement?.type === "return_statement");
    const returned = returns.length === 1 ? returns[0]?.namedChildren[0] : undefined;
    if (!returned) return unknown(call);
    const local = scope.child();
    const parameters = (definition.childForFieldName("parameters")?.namedChildren ?? []).filter((p) => !!p);
    const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter((a) => !!a && a.type !== "comment");
    parameters.forEach((parameter, index) => {
      const name = parameter?.type === "identifier" ? parameter.text : parameter?.childForFieldName("name")?.text;
      if (!name) return;
      const keyword = args.find(
        (arg) => arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name,
      );
      const positional = args.filter((arg) => arg?.type !== "keyword_argument")[index];
      const value = keyword?.childForFieldName("value") ?? positional ?? parameter?.childForFieldName("value");
      local.define(name, value ? this.evaluate(value, scope) : unknown(parameter as SyntaxNode));
    });
    this.callDepth++;
    try {
      for (const statement of body) {
        const assignment = statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
        const target = assignment?.type === "assignment" ? assignment.childForFieldName("left") : undefined;
        if (assignment && target?.type === "identifier") {
          local.define(target.text, this.evaluate(assignment.childForFieldName("right"), local));
        }
      }
      return this.evaluate(returned, local);
    } finally {
      this.callDepth--;
    }
  }

  /** Decodes one `string` node: prefix, escapes, f-string interpolations. */
  decodeString(node: SyntaxNode, scope: Scope): ResolvedString {
    if (node.type !== "string") return stringOrPlaceholder(this.evaluate(node, scope), node);
    return this.decodeStringNode(node, scope);
  }

  /** `decodeString` of a node known to be a `string`. */
  private decodeStringNode(node: SyntaxNode, scope: Scope): ResolvedString {
    const plain = plainLiteral(node.text, node.startIndex);
    if (plain) return plain;
    const prefix = (node.firstChild?.text ?? "").replace(/['"]/g, "").toLowerCase();
    const flags = { raw: prefix.includes("r"), formatted: prefix.includes("f"), bytes: prefix.includes("b") };
    const parts: ResolvedString[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "string_content") parts.push(decodeStringContent(child.text, child.startIndex, flags));
      else if (child.type === "interpolation") {
        const expression = child.childForFieldName("expression");
        const value = expression ? this.evaluate(expression, scope) : unknown(child);
        parts.push(partOf(value, expression?.text ?? child.text, expression?.startIndex ?? child.startIndex));
      }
    }
    return concat(parts);
  }
}

const LITERAL_START = /^([rRbBuU]{0,2})("""|'''|"|')/;

/** Fast path for the common literal: no f-prefix and nothing to decode, so the content maps 1:1 onto the source. */
function plainLiteral(text: string, offset: number): ResolvedString | undefined {
  const match = LITERAL_START.exec(text);
  if (!match) return undefined;
  const prefix = match[1] ?? "";
  const quote = match[2] ?? "";
  const raw = /r/i.test(prefix);
  if (!raw && text.includes("\\")) return undefined;
  const start = prefix.length + quote.length;
  if (text.length < start + quote.length || !text.endsWith(quote)) return undefined;
  return verbatim(text.slice(start, text.length - quote.length), offset + start);
}

export function keywordArgument(call: SyntaxNode, name: string): SyntaxNode | undefined {
  const args = call.childForFieldName("arguments");
  for (const arg of args?.namedChildren ?? []) {
    if (arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) {
      return arg.childForFieldName("value") ?? undefined;
    }
  }
  return undefined;
}
