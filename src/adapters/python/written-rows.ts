import type { SyntaxNode } from "./syntax-tree.js";
import type { Evaluator, Scope } from "./values.js";

/**
 * Whether the rows given to an insert are written out in the source (`[{"id": 1}, {"id": 2}]`, a module constant of
 * them): their number is fixed whatever the table holds. Rows built at run time (`rows`, `get_values()`, a list
 * filled by `append`) usually come one per row read from the database.
 */
export function rowsWrittenOut(node: SyntaxNode | undefined, evaluator: Evaluator, scope: Scope): boolean {
  if (!node) return false;
  if (node.type === "dictionary") return true;
  if (node.type === "list" || node.type === "tuple")
    return node.namedChildren.some((item) => item !== null && item.type !== "comment" && item.type !== "list_splat");
  const value = evaluator.evaluate(node, scope);
  // An empty list is filled at run time (`rows = []`, then `rows.append(...)`).
  return value.kind === "list" && value.items.length > 0;
}
