import type { EnvFile, UrlAssignment } from "../../domain/index.js";
import type { PythonParser } from "./python-parser.js";
import { parseModule } from "./revision-extractor.js";
import type { SyntaxNode } from "./syntax-tree.js";

const ESCAPES_PERCENT = /\.replace\(\s*(["'])%\1\s*,\s*(["'])%%\2\s*\)/;
const URL_OPTION = /^["']sqlalchemy\.url["']$/;
/** How many names a URL may be passed through (`url = base`, `base = raw`...) before migragate stops following. */
const MAX_ALIASES = 100;
const MAX_CONFIGURE_CALLS = 16;

/** Reads an Alembic env.py: every place that hands a database URL to configparser. */
export class EnvExtractor {
  constructor(private readonly parser: PythonParser) {}

  extract(file: string, text: string): EnvFile {
    const { tree, lines, problems } = parseModule(this.parser, file, text);
    try {
      const root = tree.rootNode;
      const calls = root.descendantsOfType("call").filter((call): call is SyntaxNode => call !== null);
      const index = new EnvIndex(root);
      const urlAssignments: UrlAssignment[] = [];
      for (const call of calls) {
        const method = call.childForFieldName("function");
        const methodName = method?.type === "attribute" ? method.childForFieldName("attribute")?.text : undefined;
        const optionIndex = methodName === "set_main_option" ? 0 : methodName === "set_section_option" ? 1 : -1;
        if (optionIndex < 0) continue;
        const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
          (arg): arg is SyntaxNode => !!arg && arg.type !== "comment",
        );
        if (!URL_OPTION.test(args[optionIndex]?.text ?? "")) continue;
        const value = args[optionIndex + 1];
        if (!value) continue;
        urlAssignments.push({
          span: lines.span(file, call.startIndex, call.endIndex),
          valueText: value.text,
          escaped: index.isEscaped(value, call),
          ...(/offline/i.test(enclosingFunction(call) ?? "") ? { offlineOnly: true } : {}),
        });
      }
      const configureCalls = calls.filter(isConfigureCall);
      // The online call (`connection=`) is the one deploys run; offline (`--sql`) calls count only when alone.
      const online = configureCalls.filter((call) => keywordValue(call, "connection") !== undefined);
      const deciding = online.length > 0 ? online : configureCalls;
      const flag = (call: SyntaxNode, name: string) => flagOf(call, name, index);
      const transactionalDdl = agreed(deciding.map((call) => flag(call, "transactional_ddl")));
      const onlineCalls = new Set(online);
      const offline = configureCalls.filter((call) => !onlineCalls.has(call));
      const metadata = targetMetadata([...online, ...offline], index, root);
      return {
        file,
        urlAssignments,
        transactionPerMigration:
          agreed(deciding.map((call) => flag(call, "transaction_per_migration") ?? false)) ?? false,
        ...(transactionalDdl !== undefined ? { transactionalDdl } : {}),
        lockTimeout: setsLockTimeout(root),
        ...(metadata !== undefined ? { targetMetadata: metadata } : {}),
        problems,
      };
    } finally {
      tree.delete();
    }
  }
}

/**
 * What the escape check needs from an env.py, gathered in one pass so that each URL costs a lookup, not a walk of
 * the file (2,000 `set_main_option` calls took seconds when each one re-read every assignment): the right-hand
 * sides assigned to each name in each scope, in file order, and the local functions.
 */
class EnvIndex {
  /** Scope (a function definition or the module, by node id) -> name -> right-hand sides in file order. */
  private readonly assignments = new Map<number, Map<string, SyntaxNode[]>>();
  private readonly functions = new Map<string, SyntaxNode>();
  /** Whether every return of a local function is escaped, once worked out (false while being worked out). */
  private readonly escapedReturns = new Map<string, boolean>();

  constructor(private readonly root: SyntaxNode) {
    for (const definition of root.descendantsOfType("function_definition")) {
      const name = definition?.childForFieldName("name")?.text;
      if (definition && name) this.functions.set(name, definition);
    }
    for (const assignment of root.descendantsOfType("assignment")) {
      const name = assignment?.childForFieldName("left")?.text;
      const right = assignment?.childForFieldName("right");
      if (!assignment || !name || !right) continue;
      const scope = enclosingScope(assignment).id;
      let names = this.assignments.get(scope);
      if (!names) {
        names = new Map();
        this.assignments.set(scope, names);
      }
      const list = names.get(name);
      if (list) list.push(right);
      else names.set(name, [right]);
    }
  }

  /** Right-hand sides assigned to `name` directly in `scope` (not in functions nested in it), in file order. */
  private assignedIn(scope: SyntaxNode, name: string): readonly SyntaxNode[] {
    return this.assignments.get(scope.id)?.get(name) ?? [];
  }

  /** The literal a module-level name is assigned once, e.g. `PER_MIGRATION = True`. */
  moduleConstant(name: SyntaxNode): string | undefined {
    const assigned = this.assignedIn(this.root, name.text);
    return assigned.length === 1 ? assigned[0]?.text : undefined;
  }

  /** True when the value is a literal with no lone `%`, or provably went through `.replace("%", "%%")`. */
  isEscaped(value: SyntaxNode, site: SyntaxNode): boolean {
    let current = value;
    let at = site;
    // A name leads to the assignment that reaches it; followed in a loop, so a chain of aliases costs no stack.
    for (let hops = 0; hops <= MAX_ALIASES; hops++) {
      if (ESCAPES_PERCENT.test(current.text)) return true;
      if (current.type !== "identifier") return this.isEscapedValue(current);
      const reaching = this.reaching(current.text, at);
      if (!reaching) return false;
      current = reaching;
      at = reaching;
    }
    return false;
  }

  private isEscapedValue(value: SyntaxNode): boolean {
    if (value.type === "string" && !value.namedChildren.some((child) => child?.type === "interpolation")) {
      return !/%(?!%)/.test(value.text.replace(/%%/g, ""));
    }
    if (value.type === "call") return this.returnsEscaped(value.childForFieldName("function")?.text ?? "");
    return false;
  }

  /** The assignment that reaches a use: the last one before it in the same function, else in the module. */
  reaching(name: string, site: SyntaxNode): SyntaxNode | undefined {
    const scope = enclosingScope(site);
    const local = lastBefore(this.assignedIn(scope, name), site.startIndex);
    if (local || scope.type === "module") return local;
    return lastBefore(this.assignedIn(this.root, name), site.startIndex);
  }

  /** `return None` hands configparser no URL at all; every other return of the function must be escaped. */
  private returnsEscaped(name: string): boolean {
    const known = this.escapedReturns.get(name);
    if (known !== undefined) return known;
    const definition = this.functions.get(name);
    if (!definition) return false;
    // A function reached again while its own returns are checked (recursion) counts as not escaped.
    this.escapedReturns.set(name, false);
    const returns = definition
      .descendantsOfType("return_statement")
      .map((statement) => statement?.namedChildren[0])
      .filter((returned): returned is SyntaxNode => !!returned && returned.type !== "none");
    const escaped = returns.length > 0 && returns.every((returned) => this.isEscaped(returned, returned));
    this.escapedReturns.set(name, escaped);
    return escaped;
  }
}

/** The last of `nodes` (in file order) that starts before `offset`. */
function lastBefore(nodes: readonly SyntaxNode[], offset: number): SyntaxNode | undefined {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((nodes[middle]?.startIndex ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? nodes[low - 1] : undefined;
}

const SETS_LOCK_TIMEOUT = [
  /\bset\s+(?:session\s+|local\s+)?lock_timeout\b/i,
  /\bset_config\s*\(\s*'lock_timeout'/i,
  // libpq's options, also URL-encoded in a query string: `-c lock_timeout=5s`, `?options=-c%20lock_timeout%3D5s`.
  /-c(?:\s|%20|\+)*lock_timeout(?:\s*=|%3D)/i,
];

/** The name of the function a call stands in, if any (a few levels up: env.py nests little). */
function enclosingFunction(node: SyntaxNode): string | undefined {
  let current: SyntaxNode | null = node.parent;
  for (let depth = 0; current && depth < 64; depth++, current = current.parent) {
    if (current.type === "function_definition") return current.childForFieldName("name")?.text;
  }
  return undefined;
}

/** A string the file uses (not a docstring) that sets lock_timeout, or a `"lock_timeout"` key (asyncpg's server_settings). */
function setsLockTimeout(root: SyntaxNode): boolean {
  for (const string of root.descendantsOfType("string")) {
    if (!string || string.parent?.type === "expression_statement") continue;
    const text = string.text;
    if (SETS_LOCK_TIMEOUT.some((pattern) => pattern.test(text))) return true;
    if (/^["']lock_timeout["']$/.test(text) && string.parent?.type === "pair") return true;
  }
  return false;
}

/**
 * What autogenerate compares the database with: the first `target_metadata=` of the configure calls (online first)
 * that is not None, followed through a name to what the function or module sets it to, as written and shortened.
 * None, a name env.py never sets or imports, or no keyword at all is no metadata: autogenerate cannot run then.
 */
function targetMetadata(calls: readonly SyntaxNode[], index: EnvIndex, root: SyntaxNode): string | undefined {
  // env.py has one or two configure calls; a hostile file with thousands gets the first few looked at.
  for (const call of calls.slice(0, MAX_CONFIGURE_CALLS)) {
    const value = keywordValue(call, "target_metadata");
    const set = value ? metadataValue(value, call, index, root) : undefined;
    if (set !== undefined) return set.replace(/\s+/g, " ").slice(0, 60);
  }
  return undefined;
}

function metadataValue(value: SyntaxNode, site: SyntaxNode, index: EnvIndex, root: SyntaxNode): string | undefined {
  if (value.type === "none") return undefined;
  if (value.type !== "identifier") return value.text;
  const last = index.reaching(value.text, site);
  if (last) return last.type === "none" ? undefined : last.text;
  return importsName(root, value.text) ? value.text : undefined;
}

/** The module binds the name with an import: `from app.db import metadata as target_metadata`. */
function importsName(module: SyntaxNode, name: string): boolean {
  for (const statement of module.descendantsOfType(["import_from_statement", "import_statement"])) {
    for (const imported of statement?.childrenForFieldName("name") ?? []) {
      const bound =
        imported?.type === "aliased_import"
          ? imported.childForFieldName("alias")?.text
          : imported?.text.split(".").at(statement?.type === "import_statement" ? 0 : -1);
      if (bound === name) return true;
    }
  }
  return false;
}

function isConfigureCall(call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "configure") return false;
  return /(?:^|\.)context$/.test(callee.childForFieldName("object")?.text ?? "");
}

function keywordValue(call: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) {
      return arg.childForFieldName("value") ?? undefined;
    }
  }
  return undefined;
}

/** A boolean keyword of a configure call: its literal value, "unknown" for an expression or a `**` splat, else undefined. */
function flagOf(call: SyntaxNode, name: string, index: EnvIndex): boolean | "unknown" | undefined {
  const value = keywordValue(call, name);
  if (value) {
    const literal = value.type === "identifier" ? index.moduleConstant(value) : value.text;
    return literal === "True" ? true : literal === "False" ? false : "unknown";
  }
  const splat = (call.childForFieldName("arguments")?.namedChildren ?? []).some(
    (arg) => arg?.type === "dictionary_splat",
  );
  return splat ? "unknown" : undefined;
}

/** The value every call agrees on; "unknown" when they differ; undefined when there is none. */
function agreed<T>(values: readonly (T | "unknown" | undefined)[]): T | "unknown" | undefined {
  if (values.length === 0) return undefined;
  const [first] = values;
  return values.every((value) => value === first) ? first : "unknown";
}

function enclosingScope(node: SyntaxNode): SyntaxNode {
  let current: SyntaxNode | null = node.parent;
  while (current && current.type !== "function_definition" && current.type !== "module") current = current.parent;
  return current ?? node;
}
