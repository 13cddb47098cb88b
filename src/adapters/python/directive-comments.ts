import type { Directive } from "../../domain/index.js";
import { directiveBodyIn, nextCodeLines, parseDirectiveBody, toDirective } from "../directives/directive-text.js";
import type { LineIndex } from "../line-index.js";
import type { SyntaxNode } from "./syntax-tree.js";

const MARKER = /migragate:/g;

/**
 * Reads the `# migragate:` comments of a module. The text is searched first (most files have none), and each hit
 * is confirmed as a real comment by the tree, so `"# migragate:"` inside a string is not a directive.
 */
export function readDirectiveComments(root: SyntaxNode, text: string, lines: LineIndex, file: string): Directive[] {
  if (!text.includes("migragate:")) return [];
  const directives: Directive[] = [];
  let sourceLines: string[] | undefined;
  let nextCodeLine: ((from: number) => number) | undefined;
  const seen = new Set<number>();
  for (const match of text.matchAll(MARKER)) {
    const comment = root.descendantForIndex(match.index);
    if (comment?.type !== "comment" || seen.has(comment.startIndex)) continue;
    seen.add(comment.startIndex);
    const body = directiveBodyIn(comment.text);
    if (body === undefined) continue;
    const span = lines.span(file, comment.startIndex, comment.endIndex);
    sourceLines ??= text.split(/\r?\n/);
    nextCodeLine ??= nextCodeLines(sourceLines, "#");
    const before = (sourceLines[span.line - 1] ?? "").slice(0, span.column - 1);
    const ownLine = before.trim() === "";
    const appliesToLine = ownLine ? nextCodeLine(span.line) : span.line;
    directives.push(toDirective(parseDirectiveBody(body), span, appliesToLine));
  }
  return directives;
}
