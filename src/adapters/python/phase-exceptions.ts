import type { Node } from "web-tree-sitter";
import type { PhaseException } from "../../domain/index.js";
import type { LineIndex } from "../line-index.js";
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
  definition: Node,
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
  const objects: string[] = [];
  for (const node of body?.descendantsOfType("string") ?? []) {
    if (!node || node.startIndex === docstringNode?.startIndex) continue;
    const value = plainString(evaluator.evaluate(node, scope));
    if (value !== undefined && value !== "" && !objects.includes(value)) objects.push(value);
  }
  const reason = docstring?.replace(/\s+/g, " ").trim();
  return {
    function: name,
    objects,
    ...(reason ? { reason } : {}),
    span: lines.span(
      file,
      definition.startIndex,
      definition.childForFieldName("name")?.endIndex ?? definition.endIndex,
    ),
  };
}
