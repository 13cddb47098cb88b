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
        });
      }
      return { file, urlAssignments, problems };
    } finally {
      tree.delete();
    }
  }
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
