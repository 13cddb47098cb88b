import type { Node, Parser } from "web-tree-sitter";
import type { EnvFile, UrlAssignment } from "../../domain/index.js";
import { parseModule } from "./revision-extractor.js";

const ESCAPES_PERCENT = /\.replace\(\s*(["'])%\1\s*,\s*(["'])%%\2\s*\)/;
const URL_OPTION = /^["']sqlalchemy\.url["']$/;

/** Reads an Alembic env.py: every place that hands a database URL to configparser. */
export class EnvExtractor {
  constructor(private readonly parser: Parser) {}

  extract(file: string, text: string): EnvFile {
    const { tree, lines, problems } = parseModule(this.parser, file, text);
    try {
      const calls = tree.rootNode.descendantsOfType("call").filter((call): call is Node => call !== null);
      const functions = new Map<string, Node>();
      for (const definition of tree.rootNode.descendantsOfType("function_definition")) {
        const name = definition?.childForFieldName("name")?.text;
        if (definition && name) functions.set(name, definition);
      }
      const urlAssignments: UrlAssignment[] = [];
      for (const call of calls) {
        const method = call.childForFieldName("function");
        const methodName = method?.type === "attribute" ? method.childForFieldName("attribute")?.text : undefined;
        const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
          (arg): arg is Node => !!arg && arg.type !== "comment",
        );
        const optionIndex = methodName === "set_main_option" ? 0 : methodName === "set_section_option" ? 1 : -1;
        if (optionIndex < 0 || !URL_OPTION.test(args[optionIndex]?.text ?? "")) continue;
        const value = args[optionIndex + 1];
        if (!value) continue;
        urlAssignments.push({
          span: lines.span(file, call.startIndex, call.endIndex),
          valueText: value.text,
          escaped: isEscaped(value, call, functions, new Set()),
          ...(/offline/i.test(enclosingFunction(call) ?? "") ? { offlineOnly: true } : {}),
        });
      }
      const configureCalls = calls.filter(isConfigureCall);
      // The online call (`connection=`) is the one deploys run; offline (`--sql`) calls count only when alone.
      const online = configureCalls.filter((call) => keywordValue(call, "connection") !== undefined);
      const deciding = online.length > 0 ? online : configureCalls;
      const transactionalDdl = agreed(deciding.map((call) => flagOf(call, "transactional_ddl")));
      const metadata = targetMetadata([...online, ...configureCalls.filter((call) => !online.includes(call))]);
      return {
        file,
        urlAssignments,
        transactionPerMigration:
          agreed(deciding.map((call) => flagOf(call, "transaction_per_migration") ?? false)) ?? false,
        ...(transactionalDdl !== undefined ? { transactionalDdl } : {}),
        lockTimeout: setsLockTimeout(tree.rootNode),
        ...(metadata !== undefined ? { targetMetadata: metadata } : {}),
        problems,
      };
    } finally {
      tree.delete();
    }
  }
}

const SETS_LOCK_TIMEOUT = [
  /\bset\s+(?:session\s+|local\s+)?lock_timeout\b/i,
  /\bset_config\s*\(\s*'lock_timeout'/i,
  // libpq's options, also URL-encoded in a query string: `-c lock_timeout=5s`, `?options=-c%20lock_timeout%3D5s`.
  /-c(?:\s|%20|\+)*lock_timeout(?:\s*=|%3D)/i,
];

/** The name of the function a call stands in, if any (a few levels up: env.py nests little). */
function enclosingFunction(node: Node): string | undefined {
  let current: Node | null = node.parent;
  for (let depth = 0; current && depth < 64; depth++, current = current.parent) {
    if (current.type === "function_definition") return current.childForFieldName("name")?.text;
  }
  return undefined;
}

/** A string the file uses (not a docstring) that sets lock_timeout, or a `"lock_timeout"` key (asyncpg's server_settings). */
function setsLockTimeout(root: Node): boolean {
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
function targetMetadata(calls: readonly Node[]): string | undefined {
  for (const call of calls) {
    const value = keywordValue(call, "target_metadata");
    const set = value ? metadataValue(value, call) : undefined;
    if (set !== undefined) return set.replace(/\s+/g, " ").slice(0, 60);
  }
  return undefined;
}

function metadataValue(value: Node, site: Node): string | undefined {
  if (value.type === "none") return undefined;
  if (value.type !== "identifier") return value.text;
  // The assignment that reaches the call: the last one in its function, else the module's last (run before it).
  const scope = enclosingScope(site);
  let assigned = assignmentsTo(value.text, scope).filter((right) => right.startIndex < site.startIndex);
  if (assigned.length === 0 && scope.type !== "module") assigned = assignmentsTo(value.text, moduleOf(scope));
  const last = assigned[assigned.length - 1];
  if (last) return last.type === "none" ? undefined : last.text;
  return importsName(moduleOf(site), value.text) ? value.text : undefined;
}

/** The module binds the name with an import: `from app.db import metadata as target_metadata`. */
function importsName(module: Node, name: string): boolean {
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

function isConfigureCall(call: Node): boolean {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "configure") return false;
  return /(?:^|\.)context$/.test(callee.childForFieldName("object")?.text ?? "");
}

function keywordValue(call: Node, name: string): Node | undefined {
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) {
      return arg.childForFieldName("value") ?? undefined;
    }
  }
  return undefined;
}

/** A boolean keyword of a configure call: its literal value, "unknown" for an expression or a `**` splat, else undefined. */
function flagOf(call: Node, name: string): boolean | "unknown" | undefined {
  const value = keywordValue(call, name);
  if (value) {
    const literal = value.type === "identifier" ? moduleConstant(value) : value.text;
    return literal === "True" ? true : literal === "False" ? false : "unknown";
  }
  const splat = (call.childForFieldName("arguments")?.namedChildren ?? []).some(
    (arg) => arg?.type === "dictionary_splat",
  );
  return splat ? "unknown" : undefined;
}

/** The literal a module-level name is assigned once, e.g. `PER_MIGRATION = True`. */
function moduleConstant(name: Node): string | undefined {
  const assigned = assignmentsTo(name.text, moduleOf(name));
  return assigned.length === 1 ? assigned[0]?.text : undefined;
}

/** The value every call agrees on; "unknown" when they differ; undefined when there is none. */
function agreed<T>(values: readonly (T | "unknown" | undefined)[]): T | "unknown" | undefined {
  if (values.length === 0) return undefined;
  const [first] = values;
  return values.every((value) => value === first) ? first : "unknown";
}

/** True when the value is a literal with no lone `%`, or provably went through `.replace("%", "%%")`. */
function isEscaped(value: Node, site: Node, functions: ReadonlyMap<string, Node>, seen: Set<string>): boolean {
  if (ESCAPES_PERCENT.test(value.text)) return true;
  if (value.type === "string" && !value.namedChildren.some((child) => child?.type === "interpolation")) {
    return !/%(?!%)/.test(value.text.replace(/%%/g, ""));
  }
  if (value.type === "identifier") {
    // The assignment that reaches the use: the last one before it in the same function, else in the module.
    const scope = enclosingScope(site);
    const before = (assignments: Node[]) => assignments.filter((right) => right.startIndex < site.startIndex);
    let reaching = before(assignmentsTo(value.text, scope));
    if (reaching.length === 0 && scope.type !== "module") reaching = before(assignmentsTo(value.text, moduleOf(scope)));
    const last = reaching[reaching.length - 1];
    return last !== undefined && isEscaped(last, last, functions, seen);
  }
  if (value.type === "call") {
    const name = value.childForFieldName("function")?.text ?? "";
    const definition = functions.get(name);
    if (!definition || seen.has(name)) return false;
    seen.add(name);
    // `return None` hands configparser no URL at all; every other return must be escaped.
    const returns = definition
      .descendantsOfType("return_statement")
      .map((statement) => statement?.namedChildren[0])
      .filter((returned) => returned && returned.type !== "none");
    return (
      returns.length > 0 && returns.every((returned) => !!returned && isEscaped(returned, returned, functions, seen))
    );
  }
  return false;
}

function moduleOf(node: Node): Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/** web-tree-sitter hands out a new wrapper object on every access: compare positions, not identity. */
function sameNode(a: Node, b: Node): boolean {
  return a.id === b.id;
}

function enclosingScope(node: Node): Node {
  let current: Node | null = node.parent;
  while (current && current.type !== "function_definition" && current.type !== "module") current = current.parent;
  return current ?? node;
}

/** Right-hand sides assigned to `name` directly in `scope` (not in functions nested in it). */
function assignmentsTo(name: string, scope: Node): Node[] {
  return scope
    .descendantsOfType("assignment")
    .filter(
      (assignment) =>
        assignment?.childForFieldName("left")?.text === name && sameNode(enclosingScope(assignment), scope),
    )
    .map((assignment) => assignment?.childForFieldName("right"))
    .filter((right): right is Node => !!right);
}
