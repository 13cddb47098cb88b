import type { SyntaxNode } from "./syntax-tree.js";

/** `sa.and_`, `and_`, `sqlalchemy.and_`: the conditions it joins all hold. */
const AND = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*and_$/;
/** `sa.null()`, `null()`: SQL NULL. */
const NULL_CALL = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*null$/;
/** `sa.column("name")`, `sa.literal_column("name")`: a column by its name. */
const COLUMN_CALL = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(?:literal_)?column$/;

/** The text of a plain Python string literal (no escapes, no interpolation), else undefined. */
function literal(node: SyntaxNode | null): string | undefined {
  return node?.type === "string" ? /^[uU]?(["'])([^"'\\{}]*)\1$/.exec(node.text)?.[2] : undefined;
}

function positional(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  return args.filter((arg): arg is SyntaxNode => arg !== null && arg.type !== "comment");
}

/** The column an expression names: `t.c.name`, `t.c["name"]`, `sa.column("name")`; undefined otherwise. */
function columnOf(node: SyntaxNode | null): string | undefined {
  if (node?.type === "attribute") {
    const owner = node.childForFieldName("object");
    return owner?.type === "attribute" && owner.childForFieldName("attribute")?.text === "c"
      ? node.childForFieldName("attribute")?.text
      : undefined;
  }
  if (node?.type === "subscript") {
    const owner = node.childForFieldName("value");
    const key = literal(node.childForFieldName("subscript"));
    return owner?.type === "attribute" && owner.childForFieldName("attribute")?.text === "c" ? key : undefined;
  }
  if (node?.type === "call" && COLUMN_CALL.test(node.childForFieldName("function")?.text ?? "")) {
    const [name, ...rest] = positional(node);
    return rest.length === 0 ? literal(name ?? null) : undefined;
  }
  return undefined;
}

function isNull(node: SyntaxNode | null): boolean {
  if (node?.type === "none") return true;
  return (
    node?.type === "call" &&
    NULL_CALL.test(node.childForFieldName("function")?.text ?? "") &&
    positional(node).length === 0
  );
}

/** The columns one condition tests for NULL: `col.is_(None)`, `col == None`, `sa.and_(...)` of such; else undefined. */
function nullTests(node: SyntaxNode): string[] | undefined {
  if (node.type === "parenthesized_expression") {
    const inner = node.namedChildren.find((child) => child?.type !== "comment");
    return inner ? nullTests(inner) : undefined;
  }
  if (node.type === "comparison_operator") {
    const [left, right, ...more] = node.namedChildren;
    const operator = node.children.find((child) => child?.type === "==");
    const column = columnOf(left ?? null);
    return operator && more.length === 0 && column !== undefined && isNull(right ?? null) ? [column] : undefined;
  }
  if (node.type !== "call") return undefined;
  const fn = node.childForFieldName("function");
  if (AND.test(fn?.text ?? "")) return conjunction(positional(node));
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "is_") return undefined;
  const [value, ...more] = positional(node);
  const column = columnOf(fn.childForFieldName("object"));
  return column !== undefined && more.length === 0 && isNull(value ?? null) ? [column] : undefined;
}

function conjunction(conditions: readonly SyntaxNode[]): string[] | undefined {
  const parts = conditions.map(nullTests);
  if (parts.length === 0 || !parts.every(Array.isArray)) return undefined;
  return [...new Set(parts.flat() as string[])];
}

/**
 * The columns a SQLAlchemy core statement's `.where(...)` / `.filter(...)` / `.filter_by(...)` calls restrict to NULL,
 * when every condition they hold is such a test (they join with AND); undefined when any is something else.
 */
export function coreNullTestedColumns(filters: readonly { readonly method: string; readonly call: SyntaxNode }[]) {
  if (filters.length === 0) return undefined;
  const columns: string[] = [];
  for (const { method, call } of filters) {
    const args = positional(call);
    if (method === "filter_by") {
      // filter_by(name=None): keyword arguments only.
      for (const arg of args) {
        if (arg.type !== "keyword_argument" || !isNull(arg.childForFieldName("value"))) return undefined;
        const name = arg.childForFieldName("name")?.text;
        if (name === undefined) return undefined;
        columns.push(name);
      }
      if (args.length === 0) return undefined;
      continue;
    }
    const tested = conjunction(args);
    if (tested === undefined) return undefined;
    columns.push(...tested);
  }
  return [...new Set(columns)];
}
