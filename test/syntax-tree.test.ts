import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { Language, type Node, Parser } from "web-tree-sitter";
import { loadPythonParser, type PythonParser } from "../src/adapters/python/python-parser.js";
import type { SyntaxNode } from "../src/adapters/python/syntax-tree.js";

const REVISION = `"""add a note column

Revision ID: 2f1c
Revises: 11aa
"""
from alembic import op
import sqlalchemy as sa

revision = "2f1c"
down_revision = "11aa"


def upgrade():
    # migragate: phase=expand
    op.add_column("orders", sa.Column("note", sa.Text(), nullable=True))
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("name", existing_type=sa.String(50), type_=sa.String(80))
    op.execute("UPDATE orders SET note = 'café ☕ 𝒳' WHERE id > 0")
    for name in ["a", "b"]:
        op.create_index(f"ix_{name}", "orders", [name])


def downgrade():
    op.drop_column("orders", "note")
`;

const BROKEN = `def upgrade():
    op.add_column("t", sa.Column("x", sa.Integer()
    op.drop_table("ü"
def downgrade(:
    pass
`;

let parser: PythonParser;
let reference: Parser;
let fields: readonly (string | null)[];

beforeAll(async () => {
  parser = await loadPythonParser();
  const language = await Language.load(
    createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm"),
  );
  reference = new Parser();
  reference.setLanguage(language);
  fields = language.fields;
});

interface Compared {
  nodes: number;
  mismatches: string[];
}

/** Walks both trees together and notes every answer that differs. */
function compare(ours: SyntaxNode, theirs: Node, seen: Compared): void {
  const pending: [SyntaxNode, Node][] = [[ours, theirs]];
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [mine, real] = pair;
    seen.nodes++;
    const where = `${real.type}@${real.startIndex}`;
    const facts = (node: SyntaxNode | Node) => ({
      type: node.type,
      text: node.text,
      start: node.startIndex,
      end: node.endIndex,
      startPosition: node.startPosition,
      endPosition: node.endPosition,
      hasError: node.hasError,
      isMissing: node.isMissing,
      named: node.namedChildren.length,
      children: node.children.length,
      parent: node.parent?.startIndex,
      fields: fields.map((field) => (field ? node.childForFieldName(field)?.startIndex : undefined)),
      fieldLists: fields.map((field) => (field ? node.childrenForFieldName(field).length : 0)),
    });
    const mineFacts = JSON.stringify(facts(mine));
    const realFacts = JSON.stringify(facts(real));
    if (mineFacts !== realFacts) seen.mismatches.push(`${where}: ${mineFacts} != ${realFacts}`);
    const realChildren = real.children;
    mine.children.forEach((child, index) => {
      const counterpart = realChildren[index];
      if (counterpart) pending.push([child, counterpart]);
    });
  }
}

describe("SyntaxNode", () => {
  it("answers every question like web-tree-sitter's Node on a revision with non-ASCII text", () => {
    const tree = parser.parse(REVISION);
    const real = reference.parse(REVISION);
    expect(tree && real).toBeTruthy();
    if (!tree || !real) return;
    const seen: Compared = { nodes: 0, mismatches: [] };
    compare(tree.rootNode, real.rootNode, seen);
    expect(seen.mismatches).toEqual([]);
    expect(seen.nodes).toBeGreaterThan(150);
    tree.delete();
    real.delete();
  });

  it("answers every question like web-tree-sitter's Node on a file with syntax errors", () => {
    const tree = parser.parse(BROKEN);
    const real = reference.parse(BROKEN);
    if (!tree || !real) throw new Error("no tree");
    const seen: Compared = { nodes: 0, mismatches: [] };
    compare(tree.rootNode, real.rootNode, seen);
    expect(seen.mismatches).toEqual([]);
    expect(tree.rootNode.hasError).toBe(true);
    tree.delete();
    real.delete();
  });

  it("descendantsOfType finds the same nodes in document order, ERROR included", () => {
    const tree = parser.parse(`${REVISION}\n${BROKEN}`);
    const real = reference.parse(`${REVISION}\n${BROKEN}`);
    if (!tree || !real) throw new Error("no tree");
    for (const types of [["call"], ["string", "comment"], ["ERROR"], ["module"], ["no_such_type"]]) {
      const mine = tree.rootNode.descendantsOfType(types).map((node) => `${node.type}@${node.startIndex}`);
      const theirs = real.rootNode.descendantsOfType(types).map((node) => `${node?.type}@${node?.startIndex}`);
      expect(mine, types.join()).toEqual(theirs);
    }
    tree.delete();
    real.delete();
  });

  it("descendantForIndex finds the same comment web-tree-sitter finds", () => {
    const tree = parser.parse(REVISION);
    const real = reference.parse(REVISION);
    if (!tree || !real) throw new Error("no tree");
    const at = REVISION.indexOf("migragate:");
    expect(tree.rootNode.descendantForIndex(at)?.text).toBe(real.rootNode.descendantForIndex(at)?.text);
    expect(tree.rootNode.descendantForIndex(at)?.type).toBe("comment");
    tree.delete();
    real.delete();
  });

  it("nodes stay right after the runtime's memory grows under them", () => {
    const tree = parser.parse(REVISION);
    if (!tree) throw new Error("no tree");
    const call = tree.rootNode.descendantsOfType("call")[0];
    const before = tree.syntax.runtime.HEAP_DATA_VIEW.byteLength;
    const large = parser.parse("x = [1, 2, 3]\n".repeat(60_000));
    expect(tree.syntax.runtime.HEAP_DATA_VIEW.byteLength).toBeGreaterThan(before);
    expect(large?.rootNode.type).toBe("module");
    expect(call?.childForFieldName("function")?.text).toBe("op.add_column");
    expect(call?.childForFieldName("arguments")?.namedChildren.map((node) => node.type)).toEqual(["string", "call"]);
    large?.delete();
    tree.delete();
  });
});
