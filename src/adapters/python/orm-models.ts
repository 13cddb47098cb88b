import type { SyntaxNode } from "./syntax-tree.js";
import { type Evaluator, type PyValue, plainString, type Scope } from "./values.js";

/**
 * The value a module-level `class` stands for when it is a declarative ORM model (`__tablename__ = "eventcounter"` in
 * its body): revisions that copy rows between an old and a new table often declare both as models, and build the
 * new table with `Model.__table__.create(bind)` or write rows with `session.add(Model(...))`.
 */
export function ormModel(definition: SyntaxNode, evaluator: Evaluator, scope: Scope): PyValue | undefined {
  for (const statement of definition.childForFieldName("body")?.namedChildren ?? []) {
    const assignment = statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== "__tablename__") continue;
    const table = plainString(evaluator.evaluate(assignment.childForFieldName("right"), scope));
    return table === undefined ? undefined : { kind: "model", table };
  }
  return undefined;
}
