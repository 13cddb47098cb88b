import type { Node, Parser, Tree } from "web-tree-sitter";
import {
  type ExtractionProblem,
  type MetaValue,
  type MigrationBody,
  type Operation,
  type PhaseException,
  type Revision,
  TOP_LEVEL_CONTEXT,
} from "../../domain/index.js";
import { LineIndex } from "../line-index.js";
import { compact } from "../source-text.js";
import type { SqlSource, SqlTranslator } from "../sql/sql-source.js";
import { BodyWalker, type WalkItem } from "./body-walker.js";
import { readDirectiveComments } from "./directive-comments.js";
import { isPhaseExceptionFunction, readPhaseException } from "./phase-exceptions.js";
import { Evaluator, type PyValue, plainString, Scope } from "./values.js";

/** Modules whose imports cannot hide migration operations. */
const LIBRARY_MODULES =
  /^(?:alembic|sqlalchemy|sqlmodel|typing|typing_extensions|__future__|logging|datetime|json|os|sys|uuid|re|enum|collections|functools|itertools|time|decimal|textwrap|hashlib|random|string|dataclasses|pathlib|contextlib|base64)(?:\.|$)/;

const META_NAMES: ReadonlyMap<string, keyof Revision["rawMeta"]> = new Map([
  ["revision", "revision"],
  ["down_revision", "downRevision"],
  ["branch_labels", "branchLabels"],
  ["depends_on", "dependsOn"],
]);

/** Gives the translator for a SQL text (its dialect can depend on where it stands); loads parsers lazily. */
export type SqlTranslatorProvider = (source: SqlSource) => Promise<SqlTranslator>;

export interface ParsedModule {
  readonly tree: Tree;
  readonly lines: LineIndex;
  readonly problems: ExtractionProblem[];
}

/** Parses Python source, turning tree-sitter's error recovery into a `syntax-error` problem. */
export function parseModule(parser: Parser, file: string, text: string): ParsedModule {
  const tree = parser.parse(text);
  if (!tree) throw new Error(`${file}: tree-sitter returned no tree`);
  const lines = new LineIndex(text);
  const problems: ExtractionProblem[] = [];
  if (tree.rootNode.hasError) {
    const error = firstError(tree.rootNode);
    const node = error ?? tree.rootNode;
    const what = error?.isMissing
      ? `missing ${error.type}`
      : `unexpected ${JSON.stringify(compact(node.text.split(/\r?\n/)[0] ?? "", 40))}`;
    problems.push({
      rule: "syntax-error",
      message: `Python syntax error (${what}); only what the parser could recover was analysed`,
      span: lines.span(file, node.startIndex, Math.max(node.endIndex, node.startIndex + 1)),
    });
  }
  return { tree, lines, problems };
}

function firstError(root: Node): Node | undefined {
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.type === "ERROR" || node.isMissing) return node;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return undefined;
    }
  } finally {
    cursor.delete();
  }
}

/** Reads an Alembic revision file: its identity, its graph edges, and the operations of upgrade() and downgrade(). */
export class RevisionExtractor {
  private readonly evaluator = new Evaluator();

  constructor(
    private readonly parser: Parser,
    private readonly sqlTranslator: SqlTranslatorProvider,
  ) {}

  /** Returns undefined for a Python file that is not a revision (no `revision` and no `upgrade()`). */
  async extract(file: string, text: string): Promise<Revision | undefined> {
    this.evaluator.startFile();
    const { tree, lines, problems } = parseModule(this.parser, file, text);
    try {
      const moduleScope = new Scope();
      const opNames = new Set(["op"]);
      const importedCallables = new Set<string>();
      const rawMeta: { -readonly [K in keyof Revision["rawMeta"]]: MetaValue } = {};
      let message: string | undefined;
      let upgrade: Node | undefined;
      let downgrade: Node | undefined;
      const phaseExceptions: PhaseException[] = [];
      const statements = tree.rootNode.namedChildren.filter((statement) => statement?.type !== "comment");
      statements.forEach((statement, index) => {
        if (!statement) return;
        if (statement.type === "expression_statement") {
          const inner = statement.namedChildren[0];
          if (index === 0 && (inner?.type === "string" || inner?.type === "concatenated_string")) {
            message = firstLine(plainString(this.evaluator.evaluate(inner, moduleScope)) ?? "");
          } else if (inner?.type === "assignment") {
            const name = inner.childForFieldName("left")?.text ?? "";
            const value = this.evaluator.evaluate(inner.childForFieldName("right"), moduleScope);
            moduleScope.define(name, value);
            const metaKey = META_NAMES.get(name);
            if (metaKey) rawMeta[metaKey] = metaValue(value, inner.childForFieldName("right"));
          }
        } else if (statement.type === "import_from_statement") {
          this.readImport(statement, opNames, importedCallables);
        } else if (statement.type === "function_definition" || statement.type === "decorated_definition") {
          const definition =
            statement.type === "function_definition" ? statement : statement.childForFieldName("definition");
          const name = definition?.childForFieldName("name")?.text;
          if (!definition || !name) return;
          moduleScope.define(name, { kind: "function", node: definition });
          if (name === "upgrade") upgrade = definition;
          if (name === "downgrade") downgrade = definition;
          if (isPhaseExceptionFunction(name))
            phaseExceptions.push(readPhaseException(name, definition, this.evaluator, moduleScope, lines, file));
        }
      });
      if (!rawMeta.revision && !upgrade) return undefined;
      const upgradeBody = await this.body(upgrade, file, lines, moduleScope, opNames, importedCallables, problems);
      // downgrade() never produces findings, except a syntax error: with one, Alembic cannot import the file at all.
      const downgradeProblems: ExtractionProblem[] = [];
      const downgradeBody = await this.body(
        downgrade,
        file,
        lines,
        moduleScope,
        opNames,
        importedCallables,
        downgradeProblems,
      );
      problems.push(...downgradeProblems.filter((problem) => problem.rule === "syntax-error"));
      const stem = (file.split("/").pop() ?? file).replace(/\.py$/, "");
      const declared = rawMeta.revision?.type === "string" ? rawMeta.revision.value : undefined;
      return {
        id: declared ?? stem,
        format: "alembic",
        file,
        downRevisions: metaList(rawMeta.downRevision),
        dependsOn: metaList(rawMeta.dependsOn),
        branchLabels: metaList(rawMeta.branchLabels),
        ...(message ? { message } : {}),
        rawMeta,
        upgrade: upgradeBody,
        downgrade: downgradeBody,
        problems,
        directives: readDirectiveComments(tree.rootNode, text, lines, file),
        phaseExceptions,
      };
    } finally {
      tree.delete();
    }
  }

  private readImport(statement: Node, opNames: Set<string>, importedCallables: Set<string>): void {
    const module = statement.childForFieldName("module_name")?.text ?? "";
    for (const imported of statement.childrenForFieldName("name")) {
      if (!imported) continue;
      const original = imported.type === "aliased_import" ? imported.childForFieldName("name")?.text : imported.text;
      const local = imported.type === "aliased_import" ? imported.childForFieldName("alias")?.text : imported.text;
      if (!local) continue;
      if (module === "alembic" && original === "op") opNames.add(local);
      else if (!LIBRARY_MODULES.test(module.replace(/^\.+/, "")) || module.startsWith("."))
        importedCallables.add(local);
    }
  }

  private async body(
    definition: Node | undefined,
    file: string,
    lines: LineIndex,
    moduleScope: Scope,
    opNames: ReadonlySet<string>,
    importedCallables: ReadonlySet<string>,
    problems: ExtractionProblem[],
  ): Promise<MigrationBody> {
    const block = definition?.childForFieldName("body");
    if (!block) return { operations: [] };
    const walker = new BodyWalker(file, lines, this.evaluator, moduleScope, opNames, importedCallables);
    const items = walker.walk(block, moduleScope.child(), TOP_LEVEL_CONTEXT);
    return { operations: await this.resolveSql(items, problems) };
  }

  private async resolveSql(items: readonly WalkItem[], problems: ExtractionProblem[]): Promise<Operation[]> {
    const operations: Operation[] = [];
    for (const item of items) {
      if (item.kind === "operation") {
        operations.push(item.operation);
        continue;
      }
      if (item.kind === "problem") {
        problems.push(item.problem);
        continue;
      }
      if (item.kind === "unresolved") {
        operations.push(item.operation);
        problems.push({
          rule: "unparsed-sql",
          message: `SQL not analysed: ${item.operation.reason}`,
          span: item.operation.span,
        });
        continue;
      }
      const translator = await this.sqlTranslator(item.source);
      const translation = translator.translate(item.source);
      operations.push(...translation.operations);
      problems.push(...translation.problems);
    }
    return operations;
  }
}

function firstLine(text: string): string | undefined {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== "") ?? undefined
  );
}

function metaValue(value: PyValue, node: Node | null): MetaValue {
  if (value.kind === "none") return { type: "none" };
  const single = plainString(value);
  if (single !== undefined) return { type: "string", value: single };
  if (value.kind === "list") {
    const values = value.items.map((item) => plainString(item));
    if (values.every((item): item is string => item !== undefined)) return { type: "list", values };
  }
  return { type: "expression", text: node?.text ?? "" };
}

function metaList(value: MetaValue | undefined): string[] {
  if (!value) return [];
  if (value.type === "string") return [value.value];
  if (value.type === "list") return [...value.values];
  return [];
}
