import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/python/down-revision-text.ts
var LITERAL_VALUES = /* @__PURE__ */ new Set(["string", "tuple", "list", "none", "parenthesized_expression"]);
function quoteOf(value) {
  const match = /["']/.exec(value.text);
  return match ? match[0] : '"';
}
function literal(ids, quote, list) {
  const quoted = ids.map((id) => `${quote}${id}${quote}`);
  if (ids.length === 0) return "None";
  if (ids.length === 1) return quoted[0];
  return list ? `[${quoted.join(", ")}]` : `(${quoted.join(", ")})`;
}
function downRevisionAssignments(root) {
  const found = [];
  for (const statement of root.namedChildren) {
    if (statement?.type !== "expression_statement") continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type === "assignment" && assignment.childForFieldName("left")?.text === "down_revision")
      found.push(assignment);
  }
  return found;
}
function revisesLine(root, text) {
  const first = root.namedChildren.find((node) => node?.type !== "comment");
  const docstring = first?.type === "expression_statement" ? first.namedChildren[0] : void 0;
  if (docstring?.type !== "string") return void 0;
  const body = text.slice(docstring.startIndex, docstring.endIndex);
  const match = /^([ \t]*Revises:[ \t]*)([^\r\n]*?)[ \t]*$/m.exec(body);
  if (!match) return void 0;
  const start = docstring.startIndex + match.index + match[1].length;
  return { start, end: start + match[2].length };
}
function rewriteDownRevision(parser, text, ids) {
  const tree = parser.parse(text);
  if (!tree) return { problem: "the file could not be parsed" };
  try {
    if (tree.rootNode.hasError) return { problem: "the file has a syntax error" };
    const assignments = downRevisionAssignments(tree.rootNode);
    if (assignments.length !== 1)
      return {
        problem: assignments.length === 0 ? "no module-level down_revision assignment" : "down_revision is assigned twice"
      };
    const value = assignments[0].childForFieldName("right");
    if (!value || !LITERAL_VALUES.has(value.type))
      return { problem: `down_revision is not a literal (${value?.text.slice(0, 60) ?? "no value"})` };
    const replacement = literal(ids, quoteOf(value), value.type === "list");
    let edited = `${text.slice(0, value.startIndex)}${replacement}${text.slice(value.endIndex)}`;
    const revises = revisesLine(tree.rootNode, text);
    if (revises && revises.end <= value.startIndex)
      edited = `${edited.slice(0, revises.start)}${ids.join(", ")}${edited.slice(revises.end)}`;
    return { text: edited };
  } finally {
    tree.delete();
  }
}
export {
  rewriteDownRevision
};
