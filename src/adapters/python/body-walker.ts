import {
  type DataStatement,
  type ExtractionProblem,
  type Opaque,
  type Operation,
  type OperationContext,
  repeatedContext,
  type SourceSpan,
  unresolvedName,
} from "../../domain/index.js";
import type { LineIndex } from "../line-index.js";
import { compact } from "../source-text.js";
import type { SqlSource } from "../sql/sql-source.js";
import { coreNullTestedColumns } from "./core-null-tests.js";
import { directiveOperations, isTrue, nameOf } from "./op-directives.js";
import { concat, type ResolvedString, sourceOffset } from "./resolved-string.js";
import type { SyntaxNode } from "./syntax-tree.js";
import {
  alternatives,
  bindNames,
  type Evaluator,
  type HelperModule,
  keywordArgument,
  type PyValue,
  plainString,
  type Scope,
  unknown,
  unknownFrom,
} from "./values.js";
import { rowsWrittenOut } from "./written-rows.js";

/** What a walk over `upgrade()` or `downgrade()` yields, in execution order. */
export type WalkItem =
  | { readonly kind: "operation"; readonly operation: Operation }
  /** SQL built at run time: reported as unparsed, kept as an opaque operation. */
  | { readonly kind: "unresolved"; readonly operation: Opaque }
  /** Python that tree-sitter accepts but Python rejects (an unexpected indent). */
  | { readonly kind: "problem"; readonly problem: ExtractionProblem }
  | { readonly kind: "sql"; readonly source: SqlSource };

const MAX_HELPER_DEPTH = 6;
/**
 * Conditions an operation keeps, and the characters of each: every operation of a block carries them into the
 * reports, so 5,000 early returns or one condition of megabytes would multiply the report by the operations.
 */
const MAX_CONDITIONS = 32;
const MAX_CONDITION_LENGTH = 300;
const MAX_LOOP_UNROLL = 25;
/** Helper calls followed per function body: enough for real migrations, bounded for pathological ones. */
const MAX_HELPER_CALLS = 200;
/** Inspector methods that list what exists: a loop over one works only on objects there when it runs. */
const INSPECTOR_LISTINGS =
  "get_table_names|get_columns|get_indexes|get_unique_constraints|get_foreign_keys|get_check_constraints|" +
  "get_sequence_names|get_view_names|get_enums";
const INSPECTOR_LISTING = new RegExp(`\\b(?:${INSPECTOR_LISTINGS})\\b`);
const EXISTENCE_CHECK = new RegExp(
  `\\b(?:has_table|has_column|has_index|has_sequence|has_schema|get_pk_constraint|${INSPECTOR_LISTINGS})\\b|exist`,
  "i",
);
const DIALECT_CHECK = /\bdialect\b|\bengine\.name\b|postgres|sqlite|mysql|mariadb|mssql|oracle/i;
const EXECUTE_METHODS = new Set(["execute", "exec_driver_sql"]);
const SESSION_DATA_METHODS = new Set([
  "add",
  "add_all",
  "merge",
  "delete",
  "bulk_save_objects",
  "bulk_insert_mappings",
  "bulk_update_mappings",
]);
/** Session methods given a list of rows or objects. */
const SESSION_ROW_LISTS: ReadonlySet<string> = new Set([
  "add_all",
  "bulk_save_objects",
  "bulk_insert_mappings",
  "bulk_update_mappings",
]);
/** Names that hold the migration's connection or session when nothing says otherwise (`conn`, `db.session`). */
const CONNECTION_NAMES = /^(?:[\w.]+\.)?(?:conn|connection|bind|connectable|db_conn|session)$/;
/** SQLAlchemy's DDL constructs migragate reads: `sa.schema.DropSequence`, `CreateTable`... */
const DDL_CONSTRUCT = /^(?:(?:sa|sqlalchemy|schema|ddl)\.)*(Create|Drop)(Sequence|Table)$/;
const CORE_STATEMENTS = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(update|insert|delete|select)$/;
const FILTER_METHODS: ReadonlySet<string> = new Set(["where", "filter", "filter_by"]);
/** A filter in the chain of an ORM query, line continuations and spaces allowed after the dot. */
const QUERY_FILTER = /\.[\s\\]*(?:filter|filter_by|where)\s*\(/;
/** Variables followed from a condition to what they were computed from, and names read at each step. */
const MAX_MENTION_HOPS = 2;
const MAX_NAMES_FOLLOWED = 16;
/** Calls of one chain looked through for a filter: real queries chain a handful. */
const MAX_CHAIN_LENGTH = 64;

const WORD_CHARACTER = /\w/;
const MAX_OP_ALIASES_SCANNED = 16;

/** Whether `word` stands in `text` as a whole Python name (not inside `ops` or `batch_op`). */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !WORD_CHARACTER.test(before)) && (after === undefined || !WORD_CHARACTER.test(after)))
      return true;
  }
  return false;
}

interface WalkState {
  readonly scope: Scope;
  readonly context: OperationContext;
  readonly depth: number;
  /** Inside a loop already unrolled: nested loops are walked once, so work stays linear in the source. */
  readonly unrolled?: boolean;
}

/** The file whose code is being walked: the revision itself, or a helper module of the project it calls into. */
interface Frame {
  readonly file: string;
  readonly lines: LineIndex;
  /** Module-level names: constants and helper functions. Helpers see these, not their caller's locals. */
  readonly moduleScope: Scope;
  /** Names that refer to Alembic's `op` module in this file. */
  readonly opNames: ReadonlySet<string>;
  /** Names imported from modules other than alembic/sqlalchemy: calls to them hide operations. */
  readonly importedCallables: ReadonlySet<string>;
  /** The helper module walked, when it is not the revision. */
  readonly module?: HelperModule;
  /** Inside a helper module, operations stand at the revision's call that reached them: that is what is reviewed. */
  readonly callSite?: SourceSpan;
}

/** Walks a function body statement by statement, following local helpers, loops and batch blocks. */
export class BodyWalker {
  private readonly items: WalkItem[] = [];
  private helperCalls = 0;
  /** Helpers listed once as opaque because they were not followed (too deep, recursive): once is enough to say so. */
  private readonly notFollowed = new Set<string>();
  /** Names `op` was assigned or passed to in this walk: with the import names, what a stray `op` can be called. */
  private readonly opAliases = new Set<string>();
  private frame: Frame;

  constructor(
    private readonly file: string,
    lines: LineIndex,
    private readonly evaluator: Evaluator,
    moduleScope: Scope,
    opNames: ReadonlySet<string>,
    importedCallables: ReadonlySet<string>,
  ) {
    this.frame = { file, lines, moduleScope, opNames, importedCallables };
  }

  walk(body: SyntaxNode, scope: Scope, context: OperationContext): WalkItem[] {
    this.walkBlock(body, { scope, context, depth: 0 });
    return this.items;
  }

  private span(node: SyntaxNode): SourceSpan {
    return this.frame.callSite ?? this.frame.lines.span(this.frame.file, node.startIndex, node.endIndex);
  }

  private walkBlock(block: SyntaxNode, state: WalkState): void {
    let current = state;
    let indent: number | undefined;
    let previousRow = -1;
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      if (statement.type !== "comment") {
        const { row, column } = statement.startPosition;
        indent ??= column;
        if (column !== indent && row !== previousRow) this.unexpectedIndent(statement);
        previousRow = statement.endPosition.row;
      }
      this.walkStatement(statement, current);
      const guard = earlyExitCondition(statement);
      // `if <cond>: return` guards everything after it, exactly like an enclosing `if not <cond>:`.
      if (guard)
        current = { ...current, context: this.withConditions(current.context, [`not (${guard})`], current.scope) };
    }
  }

  /** tree-sitter accepts an over-indented statement; Python raises IndentationError and Alembic cannot load the file. */
  private unexpectedIndent(statement: SyntaxNode): void {
    // A helper module's own syntax is not the revision's: Alembic imports the revision either way.
    if (this.frame.callSite) return;
    this.items.push({
      kind: "problem",
      problem: {
        rule: "syntax-error",
        message: "Python syntax error (unexpected indent): Alembic cannot import this file",
        span: this.frame.lines.span(this.frame.file, statement.startIndex, statement.endIndex),
      },
    });
  }

  private walkStatement(node: SyntaxNode, state: WalkState): void {
    switch (node.type) {
      case "expression_statement":
        for (const child of node.namedChildren) if (child) this.walkExpression(child, state, true);
        return;
      case "if_statement":
        this.walkIf(node, state);
        return;
      case "match_statement":
        this.walkMatch(node, state);
        return;
      case "assert_statement":
        for (const child of node.namedChildren) if (child) this.walkExpression(child, state);
        return;
      case "for_statement":
        this.walkFor(node, state);
        return;
      case "while_statement": {
        // `while conn.execute(text("UPDATE ... LIMIT 1000")).rowcount:` runs its backfill in the condition.
        const looping = { ...state, context: repeatedContext(state.context) };
        const condition = node.childForFieldName("condition");
        if (condition) this.walkExpression(condition, looping);
        const body = node.childForFieldName("body");
        if (body) this.walkBlock(body, looping);
        return;
      }
      case "with_statement":
        this.walkWith(node, state);
        return;
      case "try_statement": {
        // The try body and its handlers run where a failure may be swallowed; else and finally run as usual.
        const inTry = { ...state, context: { ...state.context, inTry: true } };
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (child.type === "block") this.walkBlock(child, inTry);
          else if (child.type === "except_clause" || child.type === "finally_clause" || child.type === "else_clause") {
            const block = child.namedChildren.find((c) => c?.type === "block");
            if (block) this.walkBlock(block, child.type === "except_clause" ? inTry : state);
          }
        }
        return;
      }
      case "decorated_definition": {
        const definition = node.childForFieldName("definition");
        if (definition) this.walkStatement(definition, state);
        return;
      }
      case "function_definition": {
        const name = node.childForFieldName("name")?.text;
        if (name) state.scope.define(name, { kind: "function", node, scope: state.scope });
        return;
      }
      case "return_statement":
        for (const child of node.namedChildren) if (child) this.walkExpression(child, state);
        return;
      default:
        return;
    }
  }

  /**
   * `atStatement`: the expression is a statement of its own (or a `with` item), whose call is made for what it does;
   * a call whose value is used (`x = uuidutils.generate_uuid()`) computes something.
   */
  private walkExpression(node: SyntaxNode, state: WalkState, atStatement = false): void {
    // Depth-first in source order with an explicit stack: generated SQL nests thousands of `+` deep.
    const pending: { node: SyntaxNode; atStatement: boolean }[] = [{ node, atStatement }];
    let strayOp = false;
    // Whether the expression's text names `op` at all: read once, and only when a name is met, so that the names of
    // expressions that cannot hold `op` cost no call into WebAssembly each.
    let mentionsOp: boolean | undefined;
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const current = next.node;
      // Read once: every read of a node's type is a call into WebAssembly.
      const kind = current.type;
      if (kind === "identifier") {
        // `op` left over once the calls migragate reads are taken out: `getattr(op, ...)`, `drop = op.drop_table`,
        // `Helper(op)`. It can run any operation, so the expression is listed once as opaque rather than passed over.
        mentionsOp ??= this.mentionsOp(node.text);
        if (mentionsOp && !strayOp && this.isOp(current, state.scope)) {
          strayOp = true;
          this.emitOpaque(
            node,
            state,
            "op is used here in a way migragate does not follow (handed to code it does not read, or reached " +
              "through getattr, a variable or a container); the operations this runs are not analysed",
          );
        }
        continue;
      }
      if (kind === "assignment" || kind === "augmented_assignment") {
        this.walkAssignment(current, state);
        continue;
      }
      if (kind === "call" && this.walkCall(current, state, next.atStatement)) continue;
      if (kind === "lambda") continue;
      if (kind === "named_expression") {
        // `(rows := conn.execute(...))`: run the value, then bind the name like an assignment.
        const value = current.childForFieldName("value");
        const name = current.childForFieldName("name")?.text;
        if (value) this.walkExpression(value, state);
        if (value && name) state.scope.define(name, this.evaluator.evaluate(value, state.scope));
        continue;
      }
      // A name after a dot (`column.op("@>")`) or before `=` in a call (`f(op=1)`) is no reference to `op`: only
      // the object, or the value, can hold a call or `op` itself.
      const only =
        kind === "attribute"
          ? current.childForFieldName("object")
          : kind === "keyword_argument"
            ? current.childForFieldName("value")
            : undefined;
      if (only !== undefined) {
        if (only) pending.push({ node: only, atStatement: false });
        continue;
      }
      // Calls nested in an expression: `conn.execute(...).fetchall()`, `print(op.execute(...))`, `not conn.execute(...)`.
      const children = current.namedChildren;
      for (let index = children.length - 1; index >= 0; index--) {
        const child = children[index];
        if (child) pending.push({ node: child, atStatement: false });
      }
    }
  }

  private walkAssignment(node: SyntaxNode, state: WalkState): void {
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (!right) return;
    // `alembic_op = op` hands op on to a name migragate follows: nothing runs, and nothing is stray.
    const givesOpAName = left?.type === "identifier" && this.isOp(right, state.scope);
    if (!givesOpAName) this.walkExpression(right, state);
    if (left?.type !== "identifier") return;
    let value = this.valueOf(right, state.scope);
    if (node.type === "augmented_assignment") {
      const previous = state.scope.lookup(left.text);
      if (previous?.kind === "str" && value.kind === "str") {
        value = this.evaluator.madeString(concat([previous.value, value.value]), right);
      } else value = unknownFrom(right, [previous, value]);
    } else if (right.type === "call" && value.kind === "unknown") {
      value = this.callResult(right, state) ?? value;
    }
    this.define(state.scope, left.text, value);
  }

  /**
   * The value a call returns when it is one migragate tracks: `op.create_table` returns the new table; a call that is
   * handed `op` and not followed (a class of the project's, an imported function) returns an object that holds it.
   */
  private callResult(call: SyntaxNode, state: WalkState): PyValue | undefined {
    const fn = call.childForFieldName("function");
    if (fn && this.handsOverOp(call, state.scope) && this.evaluator.evaluate(fn, state.scope).kind !== "function") {
      return { kind: "op-holder", built: compact(call.text) };
    }
    if (fn?.type !== "attribute") return undefined;
    const object = fn.childForFieldName("object");
    const method = fn.childForFieldName("attribute")?.text;
    if (object && this.isOp(object, state.scope) && method === "create_table") {
      const first = call.childForFieldName("arguments")?.namedChildren[0];
      const name = plainString(this.evaluator.evaluate(first, state.scope));
      return name ? { kind: "table", name } : undefined;
    }
    return undefined;
  }

  /** `ReflectMigrations(op)`, `helper(bind, operations=op)`: `op` itself is one of the call's arguments. */
  private handsOverOp(call: SyntaxNode, scope: Scope): boolean {
    for (const argument of call.childForFieldName("arguments")?.namedChildren ?? []) {
      const value = argument?.type === "keyword_argument" ? argument.childForFieldName("value") : argument;
      if (value && this.isOp(value, scope)) return true;
    }
    return false;
  }

  /** Whether the expression is `op`: one of its import names, or a name `op` was assigned or passed to. */
  private isOp(node: SyntaxNode, scope: Scope): boolean {
    if (node.type !== "identifier") return false;
    return this.frame.opNames.has(node.text) || scope.lookup(node.text)?.kind === "op";
  }

  /** What an expression holds, `op` included (the evaluator does not know the file's names for it). */
  private valueOf(node: SyntaxNode, scope: Scope): PyValue {
    return node.type === "identifier" && this.frame.opNames.has(node.text)
      ? { kind: "op" }
      : this.evaluator.evaluate(node, scope);
  }

  /** Defines a name in a scope, remembering it when it holds `op`. */
  private define(scope: Scope, name: string, value: PyValue): void {
    if (value.kind === "op") this.opAliases.add(name);
    scope.define(name, value);
  }

  /** Whether the text names `op` (under an import name or a name it was given) as a whole word. */
  private mentionsOp(text: string): boolean {
    // Past a few names, scanning for each would cost more than checking every name met: say yes.
    if (this.opAliases.size > MAX_OP_ALIASES_SCANNED) return true;
    for (const names of [this.frame.opNames, this.opAliases]) {
      for (const name of names) if (containsWord(text, name)) return true;
    }
    return false;
  }

  private walkIf(node: SyntaxNode, state: WalkState): void {
    // `if conn.execute(text("UPDATE ...")).rowcount:` runs its statement whichever branch is taken.
    for (const condition of [
      node.childForFieldName("condition"),
      ...node.childrenForFieldName("alternative").map((alternative) => alternative?.childForFieldName("condition")),
    ]) {
      if (condition) this.walkExpression(condition, state);
    }
    const negated: string[] = [];
    const branches: { scope: Scope; conditions: string[] }[] = [];
    const branch = (condition: string | undefined, block: SyntaxNode | null) => {
      if (!block) return;
      const conditions = [
        ...negated.slice(0, MAX_CONDITIONS).map((text) => `not (${text})`),
        ...(condition ? [condition] : []),
      ];
      const scope = state.scope.child();
      this.walkBlock(block, { ...state, scope, context: this.withConditions(state.context, conditions, state.scope) });
      branches.push({ scope, conditions });
      if (condition) negated.push(condition);
    };
    branch(node.childForFieldName("condition")?.text, node.childForFieldName("consequence"));
    for (const alternative of node.childrenForFieldName("alternative")) {
      if (!alternative) continue;
      if (alternative.type === "elif_clause") {
        branch(alternative.childForFieldName("condition")?.text, alternative.childForFieldName("consequence"));
      } else branch(undefined, alternative.childForFieldName("body"));
    }
    // A name assigned in one branch keeps that value afterwards; assigned in several (`if postgres: sql = ...
    // else: sql = ...`), it holds each value under its branch's conditions, so each runs with the right dialect.
    const names = new Set(branches.flatMap((taken) => [...taken.scope.own().keys()]));
    for (const name of names) {
      const options = branches.flatMap((taken) => {
        const value = taken.scope.own().get(name);
        return value === undefined ? [] : [{ value, conditions: taken.conditions }];
      });
      const [only] = options;
      if (options.length === 1 && only) state.scope.define(name, only.value);
      else state.scope.define(name, alternatives(options, node));
    }
  }

  /** `match x:` cases are branches: each case body runs under its pattern. */
  private walkMatch(node: SyntaxNode, state: WalkState): void {
    const subject = node.childForFieldName("subject");
    if (subject) this.walkExpression(subject, state);
    const cases = node.childForFieldName("body")?.namedChildren ?? [];
    for (const clause of cases) {
      if (clause?.type !== "case_clause") continue;
      const pattern = clause.namedChildren.find((child) => child?.type === "case_pattern")?.text ?? "_";
      const consequence = clause.childForFieldName("consequence");
      const condition = `${subject?.text ?? "?"} matches ${pattern}`;
      const context = this.withConditions(state.context, [condition], state.scope);
      if (consequence) this.walkBlock(consequence, { ...state, scope: state.scope.child(), context });
    }
  }

  private withConditions(context: OperationContext, added: readonly string[], scope: Scope): OperationContext {
    if (added.length === 0) return context;
    // `names = inspector.get_table_names()` then `if "users" not in names:` checks existence through a variable.
    const checksExistence = (text: string) => mentions(text, EXISTENCE_CHECK, scope);
    const room = MAX_CONDITIONS - context.conditions.length;
    const conditions =
      room > 0
        ? [...context.conditions, ...added.slice(0, room).map((text) => compact(text, MAX_CONDITION_LENGTH))]
        : context.conditions;
    const dialect = added.find((text) => DIALECT_CHECK.test(text));
    return {
      ...context,
      conditions,
      existenceGuard: context.existenceGuard || added.some(checksExistence),
      ...(dialect && !context.dialectCondition ? { dialectCondition: dialect } : {}),
    };
  }

  private walkFor(node: SyntaxNode, state: WalkState): void {
    const body = node.childForFieldName("body");
    if (!body) return;
    const target = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    // `for row in conn.execute(text("DELETE ... RETURNING id")):` runs its statement once, before the loop.
    if (right) this.walkExpression(right, state);
    const iterable = this.evaluator.evaluate(right, state.scope);
    // `for fk in inspector.get_foreign_keys("t"): op.drop_constraint(fk["name"], ...)`: a rerun lists what is there
    // then, so the loop never works on an object already gone.
    const listsExisting =
      right !== null &&
      right.endIndex - right.startIndex <= MAX_CONDITION_LENGTH &&
      mentions(right.text, INSPECTOR_LISTING, state.scope);
    const repeated = repeatedContext(state.context);
    const context = listsExisting ? { ...repeated, existenceGuard: true } : repeated;
    // An empty list is usually filled at run time (`rows = []`, then `rows.append(...)`): walk the body once instead.
    const unroll =
      target &&
      !state.unrolled &&
      iterable.kind === "list" &&
      iterable.items.length > 0 &&
      iterable.items.length <= MAX_LOOP_UNROLL;
    if (target && unroll && iterable.kind === "list") {
      // Passes over a literal list are as many as the source writes out, unless an outer loop repeats them per row.
      const literal = !state.context.inLoop || state.context.literalLoop === true;
      const unrolledContext: OperationContext = literal ? { ...context, literalLoop: true } : context;
      for (const item of iterable.items) {
        const scope = state.scope.child();
        bindNames(target, item, scope);
        this.walkBlock(body, { ...state, scope, context: unrolledContext, unrolled: true });
      }
      return;
    }
    const scope = state.scope.child();
    // Each loop variable is unknown as itself: `for table, column in rows:` holds «table» and «column».
    for (const name of target ? identifiersIn(target) : []) scope.define(name.text, unknown(name));
    const query = right ? this.sessionQuery(right, state.scope) : undefined;
    const rowsContext = query?.table === undefined ? context : { ...context, rowsOf: query.table };
    if (target?.type === "identifier" && query) this.emitRowUpdates(query, target.text, body, { ...state, context });
    this.walkBlock(body, { ...state, scope, context: rowsContext });
  }

  /**
   * `for token in session.query(APIToken): token.scopes = ...`: the ORM writes every changed row back on commit, an
   * UPDATE per row of the table. One data change stands for them, at the first attribute the loop sets.
   */
  private emitRowUpdates(query: { readonly table?: string }, row: string, body: SyntaxNode, state: WalkState): void {
    const assignment = body.descendantsOfType(["assignment", "augmented_assignment"]).find((candidate) => {
      const left = candidate.childForFieldName("left");
      return left?.type === "attribute" && left.childForFieldName("object")?.text === row;
    });
    if (assignment === undefined) return;
    this.emit(this.dataChange(assignment, state, "update", query.table, true, "core"));
  }

  /**
   * `session.query(Model)...` (`.all()`, `.filter(...)`): the rows of a session's query, and their table if known. A
   * variable that holds such a query (`configs = session.query(Config_old)`, then `for conf in configs:`) is read
   * through, one assignment deep.
   */
  private sessionQuery(chain: SyntaxNode, scope: Scope): { readonly table?: string } | undefined {
    const held = chain.type === "identifier" ? scope.lookup(chain.text) : undefined;
    const expression = held?.kind === "unknown" && held.node !== undefined ? held.node : chain;
    const query = methodCallIn(expression, (method) => method === "query");
    const session = query?.childForFieldName("function")?.childForFieldName("object");
    if (!query || session?.type !== "identifier" || scope.lookup(session.text)?.kind !== "session") return undefined;
    const table = this.queriedTable(query, scope);
    return table === undefined ? {} : { table };
  }

  private walkWith(node: SyntaxNode, state: WalkState): void {
    let scope = state.scope;
    let context = state.context;
    const clause = node.namedChildren.find((child) => child?.type === "with_clause");
    for (const item of clause?.namedChildren ?? []) {
      let value = item?.childForFieldName("value");
      let alias: string | undefined;
      if (value?.type === "as_pattern") {
        alias = value.childForFieldName("alias")?.text ?? value.namedChildren[1]?.text;
        value = value.namedChildren[0] ?? null;
      }
      if (value?.type !== "call") continue;
      const fnText = value.childForFieldName("function")?.text ?? "";
      if (fnText.endsWith("autocommit_block")) {
        context = { ...context, autocommit: true };
      } else if (this.isOpCall(value, state.scope, "batch_alter_table")) {
        const first = value.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment");
        const tableNode =
          keywordArgument(value, "table_name") ?? (first?.type === "keyword_argument" ? undefined : first);
        const table = tableNode ? nameOf(this.evaluator.evaluate(tableNode, state.scope), tableNode) : "?";
        const schema = plainString(this.evaluator.evaluate(keywordArgument(value, "schema"), state.scope));
        if (alias) {
          scope = scope === state.scope ? scope.child() : scope;
          scope.define(alias, { kind: "batch", table, ...(schema ? { schema } : {}) });
        }
      } else {
        // `with migration.remove_fks_from_table("t"):`: a helper used as a context manager runs its operations too.
        this.walkExpression(value, state, true);
        if (alias) {
          scope = scope === state.scope ? scope.child() : scope;
          scope.define(alias, this.evaluator.evaluate(value, state.scope));
        }
      }
    }
    const body = node.childForFieldName("body");
    if (body) this.walkBlock(body, { ...state, scope, context });
  }

  private isOpCall(call: SyntaxNode, scope: Scope, directive?: string): boolean {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute") return false;
    const object = fn.childForFieldName("object");
    if (!object || !this.isOp(object, scope)) return false;
    return directive === undefined || fn.childForFieldName("attribute")?.text === directive;
  }

  /** Handles a call migragate understands; false when it is some other call (whose arguments may hold one). */
  private walkCall(call: SyntaxNode, state: WalkState, atStatement = false): boolean {
    const fn = call.childForFieldName("function");
    if (!fn) return false;
    const fnKind = fn.type;
    if (fnKind === "identifier") return this.walkPlainCall(call, fn.text, state, atStatement);
    if (fnKind !== "attribute") return false;
    const object = fn.childForFieldName("object");
    const method = fn.childForFieldName("attribute")?.text ?? "";
    if (!object) return false;
    if (this.isOp(object, state.scope)) {
      this.emitDirective(method, call, state);
      return true;
    }
    if (this.walkModuleCall(call, fn, object, state, atStatement)) return true;
    const target = object.type === "identifier" ? state.scope.lookup(object.text) : undefined;
    if (target?.kind === "batch") {
      this.emitDirective(method, call, state, target);
      return true;
    }
    if (target?.kind === "op-holder") {
      this.emitOpaque(
        call,
        state,
        `${fn.text}() is a method of an object built from op (${target.built}), which migragate does not follow; ` +
          "the operations it runs are not analysed",
      );
      return true;
    }
    const isConnection =
      target?.kind === "bind" ||
      target?.kind === "session" ||
      (object.type === "call" && /get_bind$/.test(object.childForFieldName("function")?.text ?? "")) ||
      (target === undefined && CONNECTION_NAMES.test(object.text));
    if (isConnection && EXECUTE_METHODS.has(method)) {
      const args = call.childForFieldName("arguments")?.namedChildren.filter((arg) => arg?.type !== "comment") ?? [];
      // `conn.execute(stmt, rows)` runs the statement once per parameter set: a loop when the sets come from the
      // database.
      const parameters =
        args
          .find((arg) => arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === "parameters")
          ?.childForFieldName("value") ?? (args[1]?.type === "keyword_argument" ? undefined : args[1]);
      const repeated = parameters && !rowsWrittenOut(parameters, this.evaluator, state.scope);
      this.execute(
        args[0] ?? undefined,
        call,
        repeated ? { ...state, context: repeatedContext(state.context) } : state,
      );
      return true;
    }
    if ((method === "create" || method === "drop") && this.isBindArgument(call, state)) {
      this.emitSchemaObject(call, method, object, target ?? this.evaluator.evaluate(object, state.scope), state);
      return true;
    }
    // `Base.metadata.create_all(bind)`: every table of models migragate does not read, created (or dropped).
    if ((method === "create_all" || method === "drop_all") && this.isBindArgument(call, state)) {
      this.emitOpaque(
        call,
        state,
        `${fn.text}() ${method === "create_all" ? "creates" : "drops"} the tables of a MetaData migragate does not ` +
          "read; which tables it touches is not analysed",
      );
      return true;
    }
    if (target?.kind === "session" && SESSION_DATA_METHODS.has(method)) {
      // `session.add_all(objects)` and the bulk methods write as many rows as their list holds.
      const rows = call
        .childForFieldName("arguments")
        ?.namedChildren.filter((arg) => arg?.type !== "comment")
        .at(-1);
      const repeated = SESSION_ROW_LISTS.has(method) && !rowsWrittenOut(rows ?? undefined, this.evaluator, state.scope);
      const rowState = repeated ? { ...state, context: repeatedContext(state.context) } : state;
      const table = this.rowsTable(rows ?? undefined, state.scope);
      this.emit(this.dataChange(call, rowState, method === "delete" ? "delete" : "insert", table, true, "core"));
      return true;
    }
    if ((method === "update" || method === "delete") && /\.query\(/.test(object.text)) {
      // `.filter(...)` may follow a line continuation: `session.query(T).\` then `filter(...)` on the next line.
      const table = this.queriedTable(object, state.scope);
      this.emit(this.dataChange(call, state, method, table, QUERY_FILTER.test(object.text), "core"));
      return true;
    }
    // An ORM Session bound to the migration's connection joins Alembic's transaction: its commit() does not end it
    // (SQLAlchemy 1.4 subtransactions, 2.0 join_transaction_mode), so only rollback() reaches the real transaction.
    if (target?.kind === "session" && method === "commit") return true;
    if (target?.kind === "session" && method === "rollback") {
      this.emit({
        kind: "transaction-control",
        origin: "core",
        span: this.span(call),
        context: state.context,
        text: compact(call.text),
        statement: "rollback",
      });
      return true;
    }
    return false;
  }

  /**
   * `migration.create_table_if_not_exists(...)` through an imported module: a function of a project helper module is
   * walked like a local helper; a call into a module migragate cannot read is an opaque operation that says so.
   */
  private walkModuleCall(
    call: SyntaxNode,
    fn: SyntaxNode,
    object: SyntaxNode,
    state: WalkState,
    atStatement: boolean,
  ): boolean {
    if (object.type !== "identifier" && object.type !== "attribute") return false;
    const module = this.evaluator.evaluate(object, state.scope);
    if (module.kind !== "module") return false;
    const callee = this.evaluator.evaluate(fn, state.scope);
    if (callee.kind === "function") {
      this.walkHelper(call, fn.text, callee, state, atStatement);
      return true;
    }
    if (module.module !== undefined || !atStatement) return false;
    this.emitOpaque(
      call,
      state,
      `${fn.text}() comes from ${module.name}, which is not part of the analysed project; the operations it runs are not analysed`,
    );
    return true;
  }

  /** `x.create(op.get_bind())`: the first argument is the migration's connection. */
  private isBindArgument(call: SyntaxNode, state: WalkState): boolean {
    const first = call.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment");
    if (!first || first.type === "keyword_argument") return false;
    if (first.type === "call") return /get_bind$/.test(first.childForFieldName("function")?.text ?? "");
    const value = first.type === "identifier" ? state.scope.lookup(first.text) : undefined;
    return value?.kind === "bind" || (value === undefined && CONNECTION_NAMES.test(first.text));
  }

  /** The table of the rows a session writes: `Model(...)`, or a list of them all of one model. */
  private rowsTable(rows: SyntaxNode | undefined, scope: Scope): string | undefined {
    const value = rows ? this.evaluator.evaluate(rows, scope) : undefined;
    if (value?.kind === "row") return value.table;
    if (value?.kind !== "list" || value.items.length === 0) return undefined;
    const tables = new Set(value.items.map((item) => (item.kind === "row" ? item.table : undefined)));
    const [only] = tables;
    return tables.size === 1 ? only : undefined;
  }

  /** The table of `session.query(Model)...`: the model the chain's `query(...)` is given. */
  private queriedTable(chain: SyntaxNode, scope: Scope): string | undefined {
    const query = methodCallIn(chain, (method) => method === "query");
    const [first] = query?.childForFieldName("arguments")?.namedChildren ?? [];
    const model = first ? this.evaluator.evaluate(first, scope) : undefined;
    return model?.kind === "model" ? model.table : undefined;
  }

  /** `sa.Enum(...).create(bind, checkfirst=True)`, `my_table.drop(bind)`: SQLAlchemy schema objects run as DDL. */
  private emitSchemaObject(
    call: SyntaxNode,
    method: string,
    object: SyntaxNode,
    target: PyValue | undefined,
    state: WalkState,
  ): void {
    const definition = target?.kind === "unknown" ? target.text : object.text;
    const argumentsText = call.childForFieldName("arguments")?.text ?? "";
    // PostgreSQL's own ENUM (sqlalchemy.dialects.postgresql) checks first unless told not to; sa.Enum does not.
    const checksByDefault = /(?:^|[.\s(])ENUM\(/.test(definition) && !/checkfirst\s*=\s*False/.test(argumentsText);
    const checkfirst = checksByDefault || /checkfirst\s*=\s*True/.test(argumentsText);
    const base = { origin: "core" as const, span: this.span(call), context: state.context, text: compact(call.text) };
    if (target?.kind === "table") {
      this.emit(
        method === "create"
          ? {
              ...base,
              kind: "create-table",
              table: target.name,
              columns: [],
              ifNotExists: checkfirst,
              fromQuery: false,
            }
          : { ...base, kind: "drop-table", table: target.name, ifExists: checkfirst, cascade: false },
      );
      return;
    }
    const objectType = /(?:^|\.)(?:ENUM|Enum)\(/.test(definition)
      ? "type"
      : /Sequence\(/.test(definition)
        ? "sequence"
        : "other";
    const name = /name\s*=\s*["']([^"']+)["']/.exec(definition)?.[1] ?? unresolvedName(object.text);
    this.emit(
      method === "create"
        ? { ...base, kind: "create-object", objectType, name, ifNotExists: checkfirst, orReplace: false }
        : { ...base, kind: "drop-object", objectType, name, ifExists: checkfirst, cascade: false },
    );
  }

  /** A call migragate does not follow (a helper, an imported function): listed as opaque, so coverage counts it. */
  private emitOpaque(call: SyntaxNode, state: WalkState, reason: string): void {
    this.emit({
      kind: "opaque",
      origin: "op",
      span: this.span(call),
      context: state.context,
      text: compact(call.text),
      reason,
    });
  }

  private walkPlainCall(call: SyntaxNode, name: string, state: WalkState, atStatement: boolean): boolean {
    const helper = state.scope.lookup(name);
    if (helper?.kind === "function") {
      this.walkHelper(call, name, helper, state, atStatement);
      return true;
    }
    if (this.frame.importedCallables.has(name) && atStatement) {
      this.emitOpaque(
        call,
        state,
        `${name}() is imported from another module; the operations it runs are not analysed`,
      );
      return true;
    }
    return false;
  }

  private walkHelper(
    call: SyntaxNode,
    name: string,
    helper: { readonly node: SyntaxNode; readonly scope?: Scope; readonly module?: HelperModule },
    state: WalkState,
    atStatement: boolean,
  ): void {
    const recursive = state.context.helpers.includes(name);
    if (recursive || state.depth >= MAX_HELPER_DEPTH) {
      // A helper called for its effects (a statement) and not followed may run operations: it is listed as opaque
      // (once per helper), so the coverage counts it. One called for its value (a recursive data transform) is not.
      if (atStatement && !this.notFollowed.has(name)) {
        this.notFollowed.add(name);
        this.emitOpaque(
          call,
          state,
          recursive
            ? `${name}() calls itself: the operations of the recursive call are not followed`
            : `${name}() is called ${MAX_HELPER_DEPTH} helpers deep: the operations it runs are not followed`,
        );
      }
      return;
    }
    if (++this.helperCalls > MAX_HELPER_CALLS) {
      if (this.helperCalls === MAX_HELPER_CALLS + 1) {
        this.emitOpaque(
          call,
          state,
          `more than ${MAX_HELPER_CALLS} helper calls in one function: the rest are not followed`,
        );
      }
      return;
    }
    const definition = helper.node;
    const body = definition.childForFieldName("body");
    if (!body) return;
    // A helper sees the names of the scope it was defined in (closures), not its caller's locals.
    const scope = (helper.scope ?? this.frame.moduleScope).child();
    this.bindParameters(definition, call, state.scope, scope);
    const caller = this.frame;
    const module = helper.module;
    if (module && module !== caller.module) {
      this.frame = {
        file: module.file,
        lines: module.lines,
        moduleScope: module.scope,
        opNames: module.opNames,
        importedCallables: module.importedCallables,
        module,
        callSite: caller.callSite ?? this.span(call),
      };
    }
    try {
      this.walkBlock(body, {
        scope,
        depth: state.depth + 1,
        context: { ...state.context, helpers: [...state.context.helpers, name] },
      });
    } finally {
      this.frame = caller;
    }
  }

  private bindParameters(definition: SyntaxNode, call: SyntaxNode, callerScope: Scope, scope: Scope): void {
    const parameters = definition.childForFieldName("parameters")?.namedChildren ?? [];
    const names: string[] = [];
    for (const parameter of parameters) {
      if (!parameter) continue;
      const name =
        parameter.type === "identifier"
          ? parameter.text
          : (parameter.childForFieldName("name")?.text ?? parameter.namedChildren[0]?.text);
      if (!name) continue;
      names.push(name);
      const fallback = parameter.childForFieldName("value");
      scope.define(name, fallback ? this.evaluator.evaluate(fallback, callerScope) : unknown(parameter));
    }
    let position = 0;
    for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
      if (!arg || arg.type === "comment") continue;
      if (arg.type === "keyword_argument") {
        const key = arg.childForFieldName("name")?.text;
        const value = arg.childForFieldName("value");
        if (key && value) this.define(scope, key, this.valueOf(value, callerScope));
      } else {
        const name = names[position++];
        if (name) this.define(scope, name, this.valueOf(arg, callerScope));
      }
    }
  }

  private emitDirective(
    directive: string,
    call: SyntaxNode,
    state: WalkState,
    batch?: { readonly table: string; readonly schema?: string },
  ): void {
    const operations = directiveOperations(directive, {
      call,
      span: this.span(call),
      context: state.context,
      scope: state.scope,
      evaluator: this.evaluator,
      ...(batch ? { batchTable: batch } : {}),
      execute: (argument) => this.execute(argument, call, state),
      spanOf: (node) => this.span(node),
    });
    for (const operation of operations) this.emit(operation);
  }

  private emit(operation: Operation): void {
    this.items.push({ kind: "operation", operation });
  }

  /** The argument of `op.execute` / `conn.execute`: SQL text, a core expression, or a list of them. */
  private execute(argument: SyntaxNode | undefined, call: SyntaxNode, state: WalkState): void {
    let node = argument;
    while (node?.type === "parenthesized_expression")
      node = node.namedChildren.find((child) => child?.type !== "comment");
    if (!node) return;
    if (node.type === "list" || node.type === "tuple") {
      for (const item of node.namedChildren) if (item) this.execute(item, call, state);
      return;
    }
    if (this.coreExpression(node, call, state) || this.ddlConstruct(node, call, state)) return;
    const value = this.evaluator.evaluate(node, state.scope);
    if (value.kind === "list") {
      for (const item of value.items) this.executeValue(item, node, call, state);
      return;
    }
    this.executeValue(value, node, call, state);
  }

  private executeValue(value: PyValue, argument: SyntaxNode, call: SyntaxNode, state: WalkState): void {
    if (value.kind === "statement" && this.coreExpression(value.node, call, state)) return;
    if (value.kind === "alternatives") {
      for (const option of value.options) {
        const context = this.withConditions(state.context, option.conditions, state.scope);
        this.executeValue(option.value, argument, call, { ...state, context });
      }
      return;
    }
    if (value.kind === "str") {
      this.emitSql(value.value, call, state);
      return;
    }
    this.items.push({
      kind: "unresolved",
      operation: {
        kind: "opaque",
        origin: "sql",
        span: this.span(call),
        context: state.context,
        text: compact(call.text),
        reason:
          value.kind === "unknown" && value.limit
            ? `the SQL comes from \`${compact(argument.text)}\`, whose value is not worked out: ${value.limit}`
            : `the SQL comes from \`${compact(argument.text)}\`, which cannot be read statically`,
        sqlNotRead: true,
      },
    });
  }

  private emitSql(value: ResolvedString, call: SyntaxNode, state: WalkState): void {
    if (value.text.trim() === "") return;
    const { lines, callSite } = this.frame;
    this.items.push({
      kind: "sql",
      source: {
        file: this.file,
        text: value.text,
        // SQL inside a helper module stands where the revision calls the helper.
        position: (index) =>
          callSite
            ? { line: callSite.line, column: callSite.column }
            : lines.position(sourceOffset(value, Math.min(index, value.text.length - 1))),
        span: this.span(call),
        context: state.context,
      },
    });
  }

  /**
   * `op.execute(sa.schema.DropSequence(sa.Sequence("ids")))`, `CreateTable(table)`: SQLAlchemy's DDL constructs,
   * read as the statement they compile to.
   */
  private ddlConstruct(argument: SyntaxNode, call: SyntaxNode, state: WalkState): boolean {
    if (argument.type !== "call") return false;
    const construct = DDL_CONSTRUCT.exec(argument.childForFieldName("function")?.text ?? "");
    if (!construct) return false;
    const [, verb, what] = construct;
    const target = argument
      .childForFieldName("arguments")
      ?.namedChildren.find((arg) => arg && arg.type !== "comment" && arg.type !== "keyword_argument");
    if (!target) return false;
    const guarded = isTrue(keywordArgument(argument, verb === "Create" ? "if_not_exists" : "if_exists"));
    const base = {
      origin: "core" as const,
      span: this.span(call),
      context: state.context,
      text: compact(call.text),
      construct: true as const,
    };
    if (what === "Table") {
      const table = this.evaluator.evaluate(target, state.scope);
      if (table.kind !== "table") return false;
      const named = { table: table.name, ...(table.schema ? { schema: table.schema } : {}) };
      this.emit(
        verb === "Create"
          ? { ...base, ...named, kind: "create-table", columns: [], ifNotExists: guarded, fromQuery: false }
          : { ...base, ...named, kind: "drop-table", ifExists: guarded, cascade: false },
      );
      return true;
    }
    // `Sequence("ids")`, or a name bound to one: its first argument is its name.
    const sequence = target.type === "call" ? target : undefined;
    const first = sequence?.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment");
    const name = plainString(this.evaluator.evaluate(first ?? undefined, state.scope)) ?? unresolvedName(target.text);
    this.emit(
      verb === "Create"
        ? { ...base, kind: "create-object", objectType: "sequence", name, ifNotExists: guarded, orReplace: false }
        : { ...base, kind: "drop-object", objectType: "sequence", name, ifExists: guarded, cascade: false },
    );
    return true;
  }

  /** `table.update().where(...)`, `sa.insert(table).values(...)`, `sa.select(...)`: SQLAlchemy core statements. */
  private coreExpression(argument: SyntaxNode, call: SyntaxNode, state: WalkState): boolean {
    if (argument.type !== "call") return false;
    const methods: string[] = [];
    // The `.where(...)` / `.filter(...)` / `.filter_by(...)` calls of the chain, for their NULL tests.
    const filters: { method: string; call: SyntaxNode }[] = [];
    /** `.from_select(columns, select(...).where(...))`: the query whose rows an INSERT copies. */
    let fromSelect: SyntaxNode | undefined;
    let node: SyntaxNode | null = argument;
    let root: SyntaxNode | null = null;
    while (node?.type === "call") {
      const fn: SyntaxNode | null = node.childForFieldName("function");
      const statement = fn ? CORE_STATEMENTS.exec(fn.text) : null;
      if (statement?.[1]) {
        // `sa.update(table)`, `insert(table)`: the table is the first argument.
        methods.push(statement[1]);
        root = node.childForFieldName("arguments")?.namedChildren[0] ?? null;
        break;
      }
      if (fn?.type === "attribute") {
        const method = fn.childForFieldName("attribute")?.text ?? "";
        methods.push(method);
        if (FILTER_METHODS.has(method)) filters.push({ method, call: node });
        if (method === "from_select") fromSelect = node.childForFieldName("arguments")?.namedChildren[1] ?? undefined;
        const object: SyntaxNode | null = fn.childForFieldName("object");
        if (object?.type !== "call") {
          root = object;
          break;
        }
        node = object;
      } else return false;
    }
    const statement = methods.findLast((method) => ["update", "insert", "delete", "select"].includes(method));
    if (!statement) return false;
    const target = root ? this.evaluator.evaluate(root, state.scope) : undefined;
    const table = target?.kind === "table" ? target.name : undefined;
    if (statement === "select") {
      this.emit({
        kind: "query",
        origin: "core",
        span: this.span(call),
        context: state.context,
        text: compact(argument.text),
      });
      return true;
    }
    // An INSERT ... SELECT copies the rows its query selects: a WHERE there restricts it, as in SQL.
    const hasWhere =
      methods.some((method) => FILTER_METHODS.has(method)) ||
      (fromSelect !== undefined && filtersRows(this.statementNode(fromSelect, state.scope)));
    const kind: DataStatement =
      statement === "insert"
        ? methods.includes("from_select")
          ? "insert-select"
          : "insert"
        : (statement as DataStatement);
    const whereIsNull = kind === "update" || kind === "delete" ? coreNullTestedColumns(filters) : undefined;
    this.emit(
      this.dataChange(call, state, kind, table, kind === "insert" || hasWhere, "core", argument.text, whereIsNull),
    );
    return true;
  }

  /** The statement a name holds (`q = select(...).where(...)`, then `from_select(columns, q)`), else the node. */
  private statementNode(node: SyntaxNode, scope: Scope): SyntaxNode {
    if (node.type !== "identifier") return node;
    const value = scope.lookup(node.text);
    return value?.kind === "statement" ? value.node : node;
  }

  private dataChange(
    call: SyntaxNode,
    state: WalkState,
    statement: DataStatement,
    table: string | undefined,
    hasWhere: boolean,
    origin: "core" | "op",
    text: string = call.text,
    whereIsNull?: readonly string[],
  ): Operation {
    return {
      kind: "data-change",
      origin,
      span: this.span(call),
      context: state.context,
      text: compact(text),
      statement,
      hasWhere,
      ...(table ? { table } : {}),
      ...(whereIsNull ? { whereIsNull } : {}),
    };
  }
}

/** Whether a query written as a call chain (`select(...).where(...)`) filters its rows. */
function filtersRows(query: SyntaxNode): boolean {
  return methodCallIn(query, (method) => FILTER_METHODS.has(method)) !== undefined;
}

/** The call of a method chain (`session.query(T).filter(...).all()`) whose method passes `test`, if one does. */
function methodCallIn(chain: SyntaxNode, test: (method: string) => boolean): SyntaxNode | undefined {
  let node: SyntaxNode | null = chain;
  for (let depth = 0; node?.type === "call" && depth < MAX_CHAIN_LENGTH; depth++) {
    const fn: SyntaxNode | null = node.childForFieldName("function");
    if (fn?.type !== "attribute") return undefined;
    if (test(fn.childForFieldName("attribute")?.text ?? "")) return node;
    node = fn.childForFieldName("object");
  }
  return undefined;
}

/** The condition of an `if` without alternatives whose body only leaves the function (return/raise). */
function earlyExitCondition(statement: SyntaxNode): string | undefined {
  if (statement.type !== "if_statement" || statement.childrenForFieldName("alternative").length > 0) return undefined;
  const body =
    statement.childForFieldName("consequence")?.namedChildren.filter((child) => child?.type !== "comment") ?? [];
  const last = body[body.length - 1];
  if (!last || (last.type !== "return_statement" && last.type !== "raise_statement")) return undefined;
  return statement.childForFieldName("condition")?.text;
}

function identifiersIn(node: SyntaxNode): SyntaxNode[] {
  if (node.type === "identifier") return [node];
  return node.namedChildren.flatMap((child) => (child ? identifiersIn(child) : []));
}

/** Whether `text` matches `pattern`, or names a variable holding a value read from an expression that does. */
function mentions(text: string, pattern: RegExp, scope: Scope, hops = 0, seen = new Set<string>()): boolean {
  if (pattern.test(text)) return true;
  // Through variables, a few steps deep: `indexes = inspector.get_indexes(t)`, then `names = [i["name"] for i in
  // indexes]`, then `if "ix" in names:`. Bounded: a condition of many names, or names defined from one another.
  if (hops >= MAX_MENTION_HOPS) return false;
  for (const name of (text.match(/[A-Za-z_]\w*/g) ?? []).slice(0, MAX_NAMES_FOLLOWED)) {
    if (seen.has(name)) continue;
    seen.add(name);
    const value = scope.lookup(name);
    if (value?.kind === "unknown" && mentions(value.text, pattern, scope, hops + 1, seen)) return true;
  }
  return false;
}
