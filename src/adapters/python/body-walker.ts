import type { Node } from "web-tree-sitter";
import type { DataStatement, Opaque, Operation, OperationContext, SourceSpan } from "../../domain/index.js";
import type { LineIndex } from "../line-index.js";
import type { SqlSource } from "../sql/sql-source.js";
import { directiveOperations } from "./op-directives.js";
import { concat, type ResolvedString, sourceOffset } from "./resolved-string.js";
import { type Evaluator, type PyValue, plainString, type Scope, unknown } from "./values.js";

/** What a walk over `upgrade()` or `downgrade()` yields, in execution order. */
export type WalkItem =
  | { readonly kind: "operation"; readonly operation: Operation }
  /** SQL built at run time: reported as unparsed, kept as an opaque operation. */
  | { readonly kind: "unresolved"; readonly operation: Opaque }
  | { readonly kind: "sql"; readonly source: SqlSource };

const MAX_HELPER_DEPTH = 6;
const MAX_LOOP_UNROLL = 25;
const EXISTENCE_CHECK =
  /\b(?:has_table|has_column|has_index|has_sequence|has_schema|get_table_names|get_columns|get_indexes|get_unique_constraints|get_foreign_keys|get_check_constraints|get_pk_constraint|get_sequence_names|get_view_names|get_enums)\b|exist/i;
const DIALECT_CHECK = /\bdialect\b|\bengine\.name\b|\.name\s*[!=]=|postgres|sqlite|mysql|mariadb|mssql|oracle|\burl\b/i;
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
const CONNECTION_NAMES = /^(?:conn|connection|bind|connectable|db_conn)$/;
const CORE_STATEMENTS = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(update|insert|delete|select)$/;

interface WalkState {
  readonly scope: Scope;
  readonly context: OperationContext;
  readonly depth: number;
}

/** Walks a function body statement by statement, following local helpers, loops and batch blocks. */
export class BodyWalker {
  private readonly items: WalkItem[] = [];

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly evaluator: Evaluator,
    /** Module-level names: constants and helper functions. Helpers see these, not their caller's locals. */
    private readonly moduleScope: Scope,
    /** Names that refer to Alembic's `op` module in this file. */
    private readonly opNames: ReadonlySet<string>,
    /** Names imported from modules other than alembic/sqlalchemy: calls to them hide operations. */
    private readonly importedCallables: ReadonlySet<string>,
  ) {}

  walk(body: Node, scope: Scope, context: OperationContext): WalkItem[] {
    this.walkBlock(body, { scope, context, depth: 0 });
    return this.items;
  }

  private span(node: Node): SourceSpan {
    return this.lines.span(this.file, node.startIndex, node.endIndex);
  }

  private walkBlock(block: Node, state: WalkState): void {
    let current = state;
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      this.walkStatement(statement, current);
      const guard = earlyExitCondition(statement);
      // `if <cond>: return` guards everything after it, exactly like an enclosing `if not <cond>:`.
      if (guard) current = { ...current, context: this.withConditions(current.context, [`not (${guard})`]) };
    }
  }

  private walkStatement(node: Node, state: WalkState): void {
    switch (node.type) {
      case "expression_statement":
        for (const child of node.namedChildren) if (child) this.walkExpression(child, state);
        return;
      case "if_statement":
        this.walkIf(node, state);
        return;
      case "for_statement":
        this.walkFor(node, state);
        return;
      case "while_statement": {
        const body = node.childForFieldName("body");
        if (body) this.walkBlock(body, { ...state, context: { ...state.context, inLoop: true } });
        return;
      }
      case "with_statement":
        this.walkWith(node, state);
        return;
      case "try_statement": {
        const inTry = { ...state, context: { ...state.context, inTry: true } };
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (child.type === "block") this.walkBlock(child, inTry);
          else if (child.type === "except_clause" || child.type === "finally_clause" || child.type === "else_clause") {
            const block = child.namedChildren.find((c) => c?.type === "block");
            if (block) this.walkBlock(block, inTry);
          }
        }
        return;
      }
      case "function_definition": {
        const name = node.childForFieldName("name")?.text;
        if (name) state.scope.define(name, { kind: "function", node });
        return;
      }
      case "return_statement":
      case "decorated_definition":
        for (const child of node.namedChildren) if (child?.type === "call") this.walkExpression(child, state);
        return;
      default:
        return;
    }
  }

  private walkExpression(node: Node, state: WalkState): void {
    if (node.type === "assignment" || node.type === "augmented_assignment") {
      this.walkAssignment(node, state);
      return;
    }
    if (node.type === "call") {
      this.walkCall(node, state);
      return;
    }
    if (node.type === "await") {
      const inner = node.namedChildren[0];
      if (inner) this.walkExpression(inner, state);
    }
  }

  private walkAssignment(node: Node, state: WalkState): void {
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (!right) return;
    if (right.type === "call") this.walkCall(right, state);
    if (left?.type !== "identifier") return;
    let value = this.evaluator.evaluate(right, state.scope);
    if (node.type === "augmented_assignment") {
      const previous = state.scope.lookup(left.text);
      if (previous?.kind === "str" && value.kind === "str") {
        value = { kind: "str", value: concat([previous.value, value.value]) };
      } else value = unknown(right);
    } else if (right.type === "call" && value.kind === "unknown") {
      value = this.callResult(right, state) ?? value;
    }
    state.scope.define(left.text, value);
  }

  /** The value a call returns when it is one migragate tracks (`op.create_table` returns the new table). */
  private callResult(call: Node, state: WalkState): PyValue | undefined {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute") return undefined;
    const object = fn.childForFieldName("object")?.text ?? "";
    const method = fn.childForFieldName("attribute")?.text;
    if (this.opNames.has(object) && method === "create_table") {
      const first = call.childForFieldName("arguments")?.namedChildren[0];
      const name = plainString(this.evaluator.evaluate(first, state.scope));
      return name ? { kind: "table", name } : undefined;
    }
    return undefined;
  }

  private walkIf(node: Node, state: WalkState): void {
    const negated: string[] = [];
    const branch = (condition: string | undefined, block: Node | null) => {
      if (!block) return;
      const conditions = [...negated.map((text) => `not (${text})`), ...(condition ? [condition] : [])];
      this.walkBlock(block, { ...state, context: this.withConditions(state.context, conditions) });
      if (condition) negated.push(condition);
    };
    branch(node.childForFieldName("condition")?.text, node.childForFieldName("consequence"));
    for (const alternative of node.childrenForFieldName("alternative")) {
      if (!alternative) continue;
      if (alternative.type === "elif_clause") {
        branch(alternative.childForFieldName("condition")?.text, alternative.childForFieldName("consequence"));
      } else branch(undefined, alternative.childForFieldName("body"));
    }
  }

  private withConditions(context: OperationContext, added: readonly string[]): OperationContext {
    if (added.length === 0) return context;
    const conditions = [...context.conditions, ...added.map((text) => text.replace(/\s+/g, " "))];
    const dialect = added.find((text) => DIALECT_CHECK.test(text));
    return {
      ...context,
      conditions,
      existenceGuard: context.existenceGuard || added.some((text) => EXISTENCE_CHECK.test(text)),
      ...(dialect && !context.dialectCondition ? { dialectCondition: dialect } : {}),
    };
  }

  private walkFor(node: Node, state: WalkState): void {
    const body = node.childForFieldName("body");
    if (!body) return;
    const target = node.childForFieldName("left");
    const iterable = this.evaluator.evaluate(node.childForFieldName("right"), state.scope);
    const context = { ...state.context, inLoop: true };
    if (target?.type === "identifier" && iterable.kind === "list" && iterable.items.length <= MAX_LOOP_UNROLL) {
      for (const item of iterable.items) {
        const scope = state.scope.child();
        scope.define(target.text, item);
        this.walkBlock(body, { ...state, scope, context });
      }
      return;
    }
    const scope = state.scope.child();
    for (const name of target ? identifiersIn(target) : []) scope.define(name, unknown(target ?? node));
    this.walkBlock(body, { ...state, scope, context });
  }

  private walkWith(node: Node, state: WalkState): void {
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
      } else if (this.isOpCall(value, "batch_alter_table")) {
        const first = value.childForFieldName("arguments")?.namedChildren[0];
        const table = plainString(this.evaluator.evaluate(first, state.scope)) ?? first?.text ?? "?";
        const schemaNode = value
          .childForFieldName("arguments")
          ?.namedChildren.find(
            (arg) => arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === "schema",
          );
        const schema = plainString(this.evaluator.evaluate(schemaNode?.childForFieldName("value"), state.scope));
        if (alias) {
          scope = scope === state.scope ? scope.child() : scope;
          scope.define(alias, { kind: "batch", table, ...(schema ? { schema } : {}) });
        }
      } else if (alias) {
        scope = scope === state.scope ? scope.child() : scope;
        scope.define(alias, this.evaluator.evaluate(value, state.scope));
      }
    }
    const body = node.childForFieldName("body");
    if (body) this.walkBlock(body, { ...state, scope, context });
  }

  private isOpCall(call: Node, directive?: string): boolean {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute") return false;
    const object = fn.childForFieldName("object");
    if (!object || !this.opNames.has(object.text)) return false;
    return directive === undefined || fn.childForFieldName("attribute")?.text === directive;
  }

  private walkCall(call: Node, state: WalkState): void {
    const fn = call.childForFieldName("function");
    if (!fn) return;
    if (fn.type === "identifier") {
      this.walkPlainCall(call, fn.text, state);
      return;
    }
    if (fn.type !== "attribute") return;
    const object = fn.childForFieldName("object");
    const method = fn.childForFieldName("attribute")?.text ?? "";
    if (!object) return;
    if (this.opNames.has(object.text)) {
      this.emitDirective(method, call, state);
      return;
    }
    const target = object.type === "identifier" ? state.scope.lookup(object.text) : undefined;
    if (target?.kind === "batch") {
      this.emitDirective(method, call, state, target);
      return;
    }
    const isConnection =
      target?.kind === "bind" ||
      target?.kind === "session" ||
      (object.type === "call" && /get_bind$/.test(object.childForFieldName("function")?.text ?? "")) ||
      (target === undefined && CONNECTION_NAMES.test(object.text));
    if (isConnection && EXECUTE_METHODS.has(method)) {
      this.execute(call.childForFieldName("arguments")?.namedChildren[0] ?? undefined, call, state);
      return;
    }
    if (target?.kind === "session" && SESSION_DATA_METHODS.has(method)) {
      this.emit(this.dataChange(call, state, method === "delete" ? "delete" : "insert", undefined, true, "core"));
      return;
    }
    if ((method === "update" || method === "delete") && /\.query\(/.test(object.text)) {
      this.emit(this.dataChange(call, state, method, undefined, /\.filter(?:_by)?\(/.test(object.text), "core"));
      return;
    }
    if (target?.kind === "session" && (method === "commit" || method === "rollback")) {
      this.emit({
        kind: "transaction-control",
        origin: "core",
        span: this.span(call),
        context: state.context,
        text: compact(call.text),
        statement: method,
      });
    }
  }

  private walkPlainCall(call: Node, name: string, state: WalkState): void {
    const helper = state.scope.lookup(name);
    if (helper?.kind === "function") {
      this.walkHelper(call, name, helper.node, state);
      return;
    }
    if (this.importedCallables.has(name)) {
      this.emit({
        kind: "opaque",
        origin: "op",
        span: this.span(call),
        context: state.context,
        text: compact(call.text),
        reason: `${name}() is imported from another module; the operations it runs are not analysed`,
      });
    }
  }

  private walkHelper(call: Node, name: string, definition: Node, state: WalkState): void {
    if (state.depth >= MAX_HELPER_DEPTH || state.context.helpers.includes(name)) return;
    const body = definition.childForFieldName("body");
    if (!body) return;
    const scope = this.moduleScope.child();
    this.bindParameters(definition, call, state.scope, scope);
    this.walkBlock(body, {
      scope,
      depth: state.depth + 1,
      context: { ...state.context, helpers: [...state.context.helpers, name] },
    });
  }

  private bindParameters(definition: Node, call: Node, callerScope: Scope, scope: Scope): void {
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
        if (key) scope.define(key, this.evaluator.evaluate(arg.childForFieldName("value"), callerScope));
      } else {
        const name = names[position++];
        if (name) scope.define(name, this.evaluator.evaluate(arg, callerScope));
      }
    }
  }

  private emitDirective(
    directive: string,
    call: Node,
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
    });
    for (const operation of operations) this.emit(operation);
  }

  private emit(operation: Operation): void {
    this.items.push({ kind: "operation", operation });
  }

  /** The argument of `op.execute` / `conn.execute`: SQL text, a core expression, or a list of them. */
  private execute(argument: Node | undefined, call: Node, state: WalkState): void {
    let node = argument;
    while (node?.type === "parenthesized_expression")
      node = node.namedChildren.find((child) => child?.type !== "comment");
    if (!node) return;
    if (node.type === "list" || node.type === "tuple") {
      for (const item of node.namedChildren) if (item) this.execute(item, call, state);
      return;
    }
    if (this.coreExpression(node, call, state)) return;
    const value = this.evaluator.evaluate(node, state.scope);
    if (value.kind === "list") {
      for (const item of value.items) this.executeValue(item, node, call, state);
      return;
    }
    this.executeValue(value, node, call, state);
  }

  private executeValue(value: PyValue, argument: Node, call: Node, state: WalkState): void {
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
        reason: `the SQL comes from \`${compact(argument.text)}\`, which cannot be read statically`,
      },
    });
  }

  private emitSql(value: ResolvedString, call: Node, state: WalkState): void {
    if (value.text.trim() === "") return;
    const lines = this.lines;
    this.items.push({
      kind: "sql",
      source: {
        file: this.file,
        text: value.text,
        position: (index) => lines.position(sourceOffset(value, Math.min(index, value.text.length - 1))),
        span: this.span(call),
        context: state.context,
      },
    });
  }

  /** `table.update().where(...)`, `sa.insert(table).values(...)`, `sa.select(...)`: SQLAlchemy core statements. */
  private coreExpression(argument: Node, call: Node, state: WalkState): boolean {
    if (argument.type !== "call") return false;
    const methods: string[] = [];
    let node: Node | null = argument;
    let root: Node | null = null;
    while (node?.type === "call") {
      const fn: Node | null = node.childForFieldName("function");
      if (fn?.type === "attribute") {
        methods.push(fn.childForFieldName("attribute")?.text ?? "");
        const object: Node | null = fn.childForFieldName("object");
        if (object?.type !== "call") {
          root = object;
          break;
        }
        node = object;
      } else {
        const match = fn ? CORE_STATEMENTS.exec(fn.text) : null;
        if (!match?.[1]) return false;
        methods.push(match[1]);
        root = node.childForFieldName("arguments")?.namedChildren[0] ?? null;
        break;
      }
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
    const hasWhere = methods.some((method) => method === "where" || method === "filter" || method === "filter_by");
    const kind: DataStatement =
      statement === "insert"
        ? methods.includes("from_select")
          ? "insert-select"
          : "insert"
        : (statement as DataStatement);
    this.emit(this.dataChange(call, state, kind, table, kind === "insert" || hasWhere, "core", argument.text));
    return true;
  }

  private dataChange(
    call: Node,
    state: WalkState,
    statement: DataStatement,
    table: string | undefined,
    hasWhere: boolean,
    origin: "core" | "op",
    text: string = call.text,
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
    };
  }
}

/** The condition of an `if` without alternatives whose body only leaves the function (return/raise). */
function earlyExitCondition(statement: Node): string | undefined {
  if (statement.type !== "if_statement" || statement.childrenForFieldName("alternative").length > 0) return undefined;
  const body =
    statement.childForFieldName("consequence")?.namedChildren.filter((child) => child?.type !== "comment") ?? [];
  const last = body[body.length - 1];
  if (!last || (last.type !== "return_statement" && last.type !== "raise_statement")) return undefined;
  return statement.childForFieldName("condition")?.text;
}

function identifiersIn(node: Node): string[] {
  if (node.type === "identifier") return [node.text];
  return node.namedChildren.flatMap((child) => (child ? identifiersIn(child) : []));
}

export function compact(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
