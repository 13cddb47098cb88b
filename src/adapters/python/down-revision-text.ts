import type { PythonParser } from "./python-parser.js";
import type { SyntaxNode } from "./syntax-tree.js";

/** A revision file with new down_revision values, or why it cannot be rewritten. */
export type DownRevisionRewrite = { readonly text: string } | { readonly problem: string };

/** Value forms Alembic's templates and hand-written revisions use, which can be replaced as a whole. */
const LITERAL_VALUES = new Set(["string", "tuple", "list", "none", "parenthesized_expression"]);

/** The quote the file already uses for its revision ids, so the edit looks like the rest of the file. */
function quoteOf(value: SyntaxNode): string {
  const match = /["']/.exec(value.text);
  return match ? match[0] : '"';
}

function literal(ids: readonly string[], quote: string, list: boolean): string {
  const quoted = ids.map((id) => `${quote}${id}${quote}`);
  if (ids.length === 0) return "None";
  if (ids.length === 1) return quoted[0] as string;
  return list ? `[${quoted.join(", ")}]` : `(${quoted.join(", ")})`;
}

/** Module-level `down_revision = ...` (also `down_revision: str = ...`) assignments. */
function downRevisionAssignments(root: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (const statement of root.namedChildren) {
    if (statement?.type !== "expression_statement") continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type === "assignment" && assignment.childForFieldName("left")?.text === "down_revision")
      found.push(assignment);
  }
  return found;
}

/** The module docstring's `Revises:` line, as Alembic's template writes it: where its value starts and ends. */
function revisesLine(root: SyntaxNode, text: string): { start: number; end: number } | undefined {
  const first = root.namedChildren.find((node) => node?.type !== "comment");
  const docstring = first?.type === "expression_statement" ? first.namedChildren[0] : undefined;
  if (docstring?.type !== "string") return undefined;
  const body = text.slice(docstring.startIndex, docstring.endIndex);
  const match = /^([ \t]*Revises:[ \t]*)([^\r\n]*?)[ \t]*$/m.exec(body);
  if (!match) return undefined;
  const start = docstring.startIndex + match.index + (match[1] as string).length;
  return { start, end: start + (match[2] as string).length };
}

/**
 * Replaces a revision file's `down_revision` value with `ids` (and the docstring's `Revises:` line, when it has one),
 * keeping everything else byte for byte. Refuses what it cannot rewrite with certainty: no module-level assignment,
 * several, or a value computed by an expression.
 */
export function rewriteDownRevision(parser: PythonParser, text: string, ids: readonly string[]): DownRevisionRewrite {
  const tree = parser.parse(text);
  if (!tree) return { problem: "the file could not be parsed" };
  try {
    if (tree.rootNode.hasError) return { problem: "the file has a syntax error" };
    const assignments = downRevisionAssignments(tree.rootNode);
    if (assignments.length !== 1)
      return {
        problem:
          assignments.length === 0 ? "no module-level down_revision assignment" : "down_revision is assigned twice",
      };
    const value = (assignments[0] as SyntaxNode).childForFieldName("right");
    if (!value || !LITERAL_VALUES.has(value.type))
      return { problem: `down_revision is not a literal (${value?.text.slice(0, 60) ?? "no value"})` };
    const replacement = literal(ids, quoteOf(value), value.type === "list");
    let edited = `${text.slice(0, value.startIndex)}${replacement}${text.slice(value.endIndex)}`;
    // The docstring comes first in the file, so its offsets are unchanged by the edit after it.
    const revises = revisesLine(tree.rootNode, text);
    if (revises && revises.end <= value.startIndex)
      edited = `${edited.slice(0, revises.start)}${ids.join(", ")}${edited.slice(revises.end)}`;
    return { text: edited };
  } finally {
    tree.delete();
  }
}
