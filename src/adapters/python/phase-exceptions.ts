import type { PhaseException } from "../../domain/index.js";
import type { LineIndex } from "../line-index.js";
import type { SyntaxNode } from "./syntax-tree.js";
import { type Evaluator, plainString, type Scope } from "./values.js";

const EXCEPTION_FUNCTIONS = new Set(["expand_drop_exceptions", "contract_creation_exceptions"]);

export function isPhaseExceptionFunction(name: string): name is PhaseException["function"] {
  return EXCEPTION_FUNCTIONS.has(name);
}

/**
 * Reads an exception function without running it: its docstring is the reason, and every string it mentions
 * (`{sa.Table: ["users"], sa.Column: ["users.bio"]}` and similar shapes) names an object allowed to break the phase.
 */
export function readPhaseException(
  name: PhaseException["function"],
  definition: SyntaxNode,
  evaluator: Evaluator,
  scope: Scope,
  lines: LineIndex,
  file: string,
): PhaseException {
  const body = definition.childForFieldName("body");
  const first = body?.namedChildren[0];
  const docstringNode =
    first?.type === "expression_statement" && first.namedChildren[0]?.type === "string"
      ? first.namedChildren[0]
      : undefined;
  const docstring = docstringNode ? plainString(evaluator.evaluate(docstringNode, scope)) : undefined;
  const objects = new Set<string>();
  for (const node of body?.descendantsOfType("string") ?? []) {
    if (!node || node.startIndex === docstringNode?.startIndex) continue;
    const value = plainString(evaluator.evaluate(node, scope));
    if (value !== undefined && value !== "") objects.add(value);
  }
  // Objects computed from module constants (`sa.Index: list({t for t, _ in TABLES})`): the values of the returned
  // mapping, as far as they evaluate.
  const returned = body?.namedChildren.find((statement) => statement?.type === "return_statement")?.namedChildren[0];
  if (returned?.type === "dictionary") {
    for (const pair of returned.namedChildren) {
      const value = evaluator.evaluate(pair?.childForFieldName("value"), scope);
      const items = value.kind === "list" ? value.items : [value];
      for (const item of items) {
        const text = plainString(item);
        if (text !== undefined && text !== "") objects.add(text);
      }
    }
  }
  const reason = docstring?.replace(/\s+/g, " ").trim();
  return {
    function: name,
    objects: [...objects],
    ...(reason ? { reason } : {}),
    span: lines.span(
      file,
      definition.startIndex,
      definition.childForFieldName("name")?.endIndex ?? definition.endIndex,
    ),
  };
}
