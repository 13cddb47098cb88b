import {
  type ExtractionProblem,
  type MetaValue,
  type MigrationBody,
  type Operation,
  type PhaseException,
  type Revision,
  TOP_LEVEL_CONTEXT,
} from "../../domain/index.js";
import type { ModuleSource } from "../fs/project-modules.js";
import { LineIndex } from "../line-index.js";
import { compact } from "../source-text.js";
import type { SqlSource, SqlTranslator } from "../sql/sql-source.js";
import { BodyWalker, type WalkItem } from "./body-walker.js";
import { readDirectiveComments } from "./directive-comments.js";
import { HelperModules, type ModuleMissing, type ModuleRead } from "./helper-modules.js";
import { nameOf } from "./op-directives.js";
import { ormModel } from "./orm-models.js";
import { isPhaseExceptionFunction, readPhaseException } from "./phase-exceptions.js";
import type { PythonParser } from "./python-parser.js";
import type { SyntaxNode, SyntaxTree } from "./syntax-tree.js";
import { Evaluator, type PyValue, plainString, Scope } from "./values.js";

const META_NAMES: ReadonlyMap<string, keyof Revision["rawMeta"]> = new Map([
  ["revision", "revision"],
  ["down_revision", "downRevision"],
  ["branch_labels", "branchLabels"],
  ["depends_on", "dependsOn"],
]);

/** Gives the translator for a SQL text (its dialect can depend on where it stands); loads parsers lazily. */
export type SqlTranslatorProvider = (source: SqlSource) => Promise<SqlTranslator>;

export interface ParsedModule {
  readonly tree: SyntaxTree;
  readonly lines: LineIndex;
  readonly problems: ExtractionProblem[];
}

/** Parses Python source, turning tree-sitter's error recovery into a `syntax-error` problem. */
export function parseModule(parser: PythonParser, file: string, text: string): ParsedModule {
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

/** The first ERROR or missing node in document order, looking only inside nodes that hold an error. */
function firstError(root: SyntaxNode): SyntaxNode | undefined {
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === "ERROR" || node.isMissing) return node;
    // One at a time: a spread of a module's 300,000 top-level statements overflows the call stack.
    if (!node.hasError) continue;
    const children = node.children;
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index] as SyntaxNode);
  }
  return undefined;
}

/** Where the project's own helper modules are found, and how their paths are shown. */
export interface HelperModuleSettings {
  readonly source: ModuleSource;
  readonly displayPath: (absolute: string) => string;
}

/** Reads an Alembic revision file: its identity, its graph edges, and the operations of upgrade() and downgrade(). */
export class RevisionExtractor {
  private readonly evaluator: Evaluator;
  private readonly modules: HelperModules;

  constructor(
    private readonly parser: PythonParser,
    private readonly sqlTranslator: SqlTranslatorProvider,
    helperModules?: HelperModuleSettings,
  ) {
    this.evaluator = new Evaluator((module, name) => this.modules.attribute(module, name));
    this.modules = new HelperModules(
      parser,
      helperModules?.source,
      this.evaluator,
      helperModules?.displayPath ?? ((absolute) => absolute),
    );
  }

  /** The project helper modules the last `extract` read (for the extraction cache). */
  modulesRead(): ModuleRead[] {
    return this.modules.modulesRead();
  }

  modulesMissing(): ModuleMissing[] {
    return this.modules.modulesMissing();
  }

  /** Frees what helper modules hold; the extractor is not used afterwards. */
  dispose(): void {
    this.modules.dispose();
  }

  /**
   * Returns undefined for a Python file that is not a revision (no `revision` and no `upgrade()`). `path` is the
   * file's absolute path, from which the project's helper modules are found.
   */
  async extract(file: string, text: string, path?: string): Promise<Revision | undefined> {
    this.evaluator.startFile();
    this.modules.begin();
    const { tree, lines, problems } = parseModule(this.parser, file, text);
    try {
      const moduleScope = new Scope();
      const opNames = new Set(["op"]);
      const importedCallables = new Set<string>();
      const rawMeta: { -readonly [K in keyof Revision["rawMeta"]]: MetaValue } = {};
      let message: string | undefined;
      let branchLabels: string[] = [];
      let upgrade: SyntaxNode | undefined;
      let downgrade: SyntaxNode | undefined;
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
            if (name === "branch_labels") branchLabels = labelsOf(value);
          }
        } else if (statement.type === "import_from_statement" || statement.type === "import_statement") {
          this.modules.bindImport(statement, path, { scope: moduleScope, opNames, importedCallables });
        } else if (statement.type === "class_definition") {
          const name = statement.childForFieldName("name")?.text;
          const model = ormModel(statement, this.evaluator, moduleScope);
          if (name && model) moduleScope.define(name, model);
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
        branchLabels,
        ...(message ? { message } : {}),
        rawMeta,
        upgrade: { operations: upgradeBody.operations },
        downgrade: { operations: downgradeBody.operations },
        sqlStatements: upgradeBody.sqlStatements,
        problems,
        directives: readDirectiveComments(tree.rootNode, text, lines, file),
        phaseExceptions,
      };
    } finally {
      tree.delete();
    }
  }

  private async body(
    definition: SyntaxNode | undefined,
    file: string,
    lines: LineIndex,
    moduleScope: Scope,
    opNames: ReadonlySet<string>,
    importedCallables: ReadonlySet<string>,
    problems: ExtractionProblem[],
  ): Promise<MigrationBody & { readonly sqlStatements: number }> {
    const block = definition?.childForFieldName("body");
    if (!block) return { operations: [], sqlStatements: 0 };
    const walker = new BodyWalker(file, lines, this.evaluator, moduleScope, opNames, importedCallables);
    const items = walker.walk(block, moduleScope.child(), TOP_LEVEL_CONTEXT);
    const { operations, statements } = await this.resolveSql(items, problems);
    return { operations, sqlStatements: statements };
  }

  private async resolveSql(
    items: readonly WalkItem[],
    problems: ExtractionProblem[],
  ): Promise<{ operations: Operation[]; statements: number }> {
    const operations: Operation[] = [];
    let statements = 0;
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
      // Not spread: one SQL string of 300,000 statements would overflow the call stack.
      for (const operation of translation.operations) operations.push(operation);
      for (const problem of translation.problems) problems.push(problem);
      statements += translation.statements;
    }
    return { operations, statements };
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

function metaValue(value: PyValue, node: SyntaxNode | null): MetaValue {
  if (value.kind === "none") return { type: "none" };
  const single = plainString(value);
  if (single !== undefined) return { type: "string", value: single };
  if (value.kind === "list") {
    const values = value.items.map((item) => plainString(item));
    if (values.every((item): item is string => item !== undefined)) return { type: "list", values };
  }
  return { type: "expression", text: node?.text ?? "" };
}

/**
 * Branch labels as the code gives them: a label held by a constant migragate cannot read (`cli.EXPAND_BRANCH` from a
 * module outside the project) still names a branch, marked unresolved, so the graph knows the branch is named.
 */
function labelsOf(value: PyValue): string[] {
  if (value.kind === "none") return [];
  const items = value.kind === "list" ? value.items : [value];
  return items.filter((item) => item.kind !== "none").map((item) => nameOf(item, undefined));
}

function metaList(value: MetaValue | undefined): string[] {
  if (!value) return [];
  if (value.type === "string") return [value.value];
  if (value.type === "list") return [...value.values];
  return [];
}
