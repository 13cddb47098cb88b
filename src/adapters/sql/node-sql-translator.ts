import { createRequire } from "node:module";
import {
  type ColumnSpec,
  type ConstraintType,
  type ExtractionProblem,
  type ObjectType,
  type Operation,
  type TransactionControl,
  withThousands,
} from "../../domain/index.js";
import { keywordAlterClause, keywordStatement, TokenReader } from "./keyword-statements.js";
import {
  atSiteAll,
  createObject,
  type OperationDetail,
  type StatementSite,
  schemaOf,
  statementSite,
  unparsedStatement,
} from "./operation-detail.js";
import { type BindSubstitute, prepareSql } from "./prepared-sql.js";
import type { SqlSource, SqlTranslation, SqlTranslator } from "./sql-source.js";
import {
  MAX_STATEMENT_TOKENS,
  statementsOf,
  type Token,
  type TokenDialect,
  type TokenStatement,
  tokensOf,
} from "./sql-tokens.js";
import { errorMessage, unquote } from "./statement-text.js";

/** node-sql-parser's JSON AST, untyped at this boundary (its published types cover a fraction of it). */
// biome-ignore lint/suspicious/noExplicitAny: the AST is plain JSON of many shapes
type Node = any;

/** The part of node-sql-parser the translator uses. */
export interface NodeSqlParser {
  astify(sql: string, options: { database: string }): unknown;
  exprToSQL(expression: unknown, options: { database: string }): string;
}

interface DialectSettings {
  /** The dialect, which also names its lexical rules. */
  readonly dialect: TokenDialect;
  /** node-sql-parser's name of the dialect. */
  readonly database: string;
}

const MYSQL: DialectSettings = { dialect: "mysql", database: "MySQL" };
const SQLITE: DialectSettings = { dialect: "sqlite", database: "Sqlite" };

/**
 * A grammar of node-sql-parser, loaded only when a migration runs SQL of its dialect. With `require`, not `import()`:
 * each grammar is a 280 kB CommonJS file, and importing one from ES modules first scans all of it for its export names
 * (45 to 60 ms, against 12 ms).
 */
function grammar(file: "mysql.js" | "sqlite.js"): NodeSqlParser {
  const { Parser } = createRequire(import.meta.url)(`node-sql-parser/build/${file}`) as {
    Parser: new () => NodeSqlParser;
  };
  return new Parser();
}

/** MySQL/MariaDB: node-sql-parser's MySQL grammar. */
export async function loadMysqlTranslator(): Promise<SqlTranslator> {
  return new NodeSqlTranslator(grammar("mysql.js"), MYSQL);
}

/** SQLite: node-sql-parser's SQLite grammar. */
export async function loadSqliteTranslator(): Promise<SqlTranslator> {
  return new NodeSqlTranslator(grammar("sqlite.js"), SQLITE);
}

/** Both grammars read SQLAlchemy's `:name` binds as parameters: keep them as written (`%s` becomes `:p`). */
const KEEP_BINDS: BindSubstitute = (name) => `:${name || "p"}`;

const EXISTENCE = /^IF(?: NOT)? EXISTS$/;

/** Turns MySQL/MariaDB or SQLite statements into domain operations with node-sql-parser. */
export class NodeSqlTranslator implements SqlTranslator {
  constructor(
    private readonly parser: NodeSqlParser,
    private readonly settings: DialectSettings,
  ) {}

  translate(source: SqlSource): SqlTranslation {
    const operations: Operation[] = [];
    const problems: ExtractionProblem[] = [];
    const prepared = prepareSql(source.text, KEEP_BINDS);
    let statements = 0;
    // Statement by statement: a SQL file of megabytes never holds all its tokens at once.
    for (const statement of statementsOf(tokensOf(prepared.text, this.settings.dialect))) {
      const site = statementSite(source, prepared, statement, this.settings.dialect);
      let read: Reading;
      try {
        read = statement.truncated
          ? {
              details: [],
              failure: `a statement of more than ${withThousands(MAX_STATEMENT_TOKENS)} tokens is not parsed`,
            }
          : this.statement(prepared.text, statement, site);
      } catch (error) {
        read = { details: [], failure: errorMessage(error) };
      }
      operations.push(...atSiteAll(site, read.details));
      if (read.failure === undefined) statements++;
      if (read.failure !== undefined) {
        const unparsed = unparsedStatement(site, read.failure);
        problems.push(unparsed.problem);
        operations.push(unparsed.operation);
      }
    }
    return { operations, problems, statements };
  }

  /** The parser first; for what it rejects, the narrow readers of known statements and ALTER TABLE clauses. */
  private statement(sql: string, statement: TokenStatement, site: StatementSite): Reading {
    const text = sql.slice(statement.start, statement.end);
    const parsed = this.parse(text);
    if (parsed.ast !== undefined) return { details: parsed.ast.flatMap((node) => this.operations(node, site)) };
    const failure = syntaxMessage(parsed.error, text);
    const tokens = statement.tokens;
    const altered = this.alterClauses(sql, tokens, site);
    if (altered) return altered;
    const known = keywordStatement(new TokenReader(tokens, sql, site.name));
    if (known) return { details: known };
    // CREATE INDEX IF NOT EXISTS, DROP INDEX IF EXISTS ... ON (MariaDB): the same statement without the clause
    const existence = withoutExistence(sql, tokens);
    if (existence && /^(CREATE|DROP)\b/.test(leadingWord(tokens))) {
      const retried = this.parse(existence.text);
      if (retried.ast !== undefined) {
        const details = retried.ast.flatMap((node) => this.operations(node, site));
        return { details: details.map((detail) => withExistence(detail, existence.flag)) };
      }
    }
    // SQLite upserts: ON CONFLICT ... only decides what happens to clashing rows
    const upsert = withoutUpsert(sql, tokens);
    if (upsert !== undefined) {
      const retried = this.parse(upsert);
      if (retried.ast !== undefined) return { details: retried.ast.flatMap((node) => this.operations(node, site)) };
    }
    return { details: [], failure };
  }

  private parse(text: string): { ast: Node[]; error?: undefined } | { ast?: undefined; error: unknown } {
    try {
      const ast = this.parser.astify(text, { database: this.settings.database });
      return { ast: Array.isArray(ast) ? ast : [ast] };
    } catch (error) {
      return { error };
    }
  }

  /** An ALTER TABLE the parser rejected as a whole: clause by clause. Undefined when a clause stays unknown. */
  private alterClauses(sql: string, tokens: readonly Token[], site: StatementSite): Reading | undefined {
    const header = new TokenReader(tokens, sql, site.name);
    if (!header.accept("ALTER", "TABLE") && !header.accept("ALTER", "ONLINE", "TABLE")) return undefined;
    const tableStart = header.peek();
    const target = header.qualified();
    const clauseStart = header.peek();
    if (!target || !tableStart || !clauseStart) return undefined;
    const prefix = `ALTER TABLE ${sql.slice(tableStart.start, tokens[tokens.indexOf(clauseStart) - 1]?.end)} `;
    const details: OperationDetail[] = [];
    for (const clause of splitClauses(tokens.slice(tokens.indexOf(clauseStart)))) {
      const first = clause[0];
      const last = clause[clause.length - 1];
      if (!first || !last) return undefined;
      const parsed = this.parse(prefix + sql.slice(first.start, last.end));
      if (parsed.ast !== undefined) {
        details.push(...parsed.ast.flatMap((node) => this.operations(node, site)));
        continue;
      }
      const existence = withoutExistence(sql, clause);
      const retried = existence ? this.parse(prefix + existence.text) : undefined;
      if (existence && retried?.ast !== undefined) {
        const found = retried.ast.flatMap((node) => this.operations(node, site));
        details.push(...found.map((detail) => withExistence(detail, existence.flag)));
        continue;
      }
      const known = keywordAlterClause(new TokenReader(clause, sql, site.name), target.name);
      if (!known) return undefined;
      details.push(...known.map((detail) => ({ ...detail, ...schemaOf(target) })));
    }
    return { details };
  }

  /** One parsed statement to the operations it performs. */
  private operations(node: Node, site: StatementSite): OperationDetail[] {
    switch (node?.type) {
      case "alter":
        return this.alter(node, site);
      case "create":
        return this.create(node, site);
      case "drop":
        return drop(node, site);
      case "rename":
        return (node.table ?? []).map(
          (pair: Node): OperationDetail => ({
            kind: "rename-table",
            ...relation(site, pair?.[0]),
            newName: site.name(pair?.[1]?.table ?? "?"),
          }),
        );
      case "insert":
      case "replace": {
        const values = node.values;
        const fromSelect = values?.type === "select";
        return [
          {
            kind: "data-change",
            statement: fromSelect ? "insert-select" : "insert",
            ...relation(site, node.table?.[0]),
            hasWhere: !fromSelect || !!values.where || hasLimit(values.limit),
          },
        ];
      }
      case "update":
      case "delete": {
        const target = node.table?.[0] ?? node.from?.[0];
        // A join, a second table or a LIMIT limits the rows as a WHERE does.
        const alone = (node.table ?? []).length + (node.from ?? []).length === 1 && !hasLimit(node.limit);
        const names = [target?.table, target?.as].filter(Boolean);
        const nullTested = alone ? whereNullColumns(node.where, names) : undefined;
        return [
          {
            kind: "data-change",
            statement: node.type,
            ...relation(site, target),
            hasWhere: !!node.where || hasLimit(node.limit),
            ...(nullTested ? { whereIsNull: nullTested.map(site.name) } : {}),
          },
        ];
      }
      case "truncate":
        return [
          {
            kind: "truncate",
            tables: (node.name ?? []).map((item: Node) => relation(site, item).table),
            cascade: false,
          },
        ];
      case "select":
      case "show":
      case "desc":
      case "explain":
        return [{ kind: "query" }];
      case "set": {
        const statementGlobal = /^(?:global|persist)/i.test(String(node.keyword ?? ""));
        return (node.expr ?? []).map(
          (assign: Node): OperationDetail => ({
            kind: "set-config",
            name: variableName(assign?.left),
            value: unquote(this.expression(assign?.right)),
            local: false,
            ...(statementGlobal || isGlobalVariable(assign?.left) ? { global: true as const } : {}),
          }),
        );
      }
      case "transaction": {
        const action = String(node.expr?.action?.value ?? "").toLowerCase();
        return [{ kind: "transaction-control", statement: TRANSACTION_ACTIONS.get(action) ?? "other" }];
      }
      case "call":
        return [{ kind: "opaque", reason: "CALL of a stored procedure" }];
      case "lock":
      case "unlock":
        return [{ kind: "utility", statement: `${String(node.type).toUpperCase()} TABLES` }];
      case "attach":
        return [{ kind: "utility", statement: "ATTACH DATABASE" }];
      default:
        return [{ kind: "utility", statement: String(node?.type ?? "?").toUpperCase() }];
    }
  }

  private create(node: Node, site: StatementSite): OperationDetail[] {
    const ifNotExists = !!node.if_not_exists;
    switch (node.keyword) {
      case "table": {
        const target = relation(site, Array.isArray(node.table) ? node.table[0] : node.table);
        const temporary = node.temporary ? { temporary: true as const } : {};
        if (node.like || node.query_expr || node.as) {
          return [{ kind: "create-table", ...target, columns: [], ifNotExists, fromQuery: true, ...temporary }];
        }
        const primaryKey = new Set<string>();
        const columns: ColumnSpec[] = [];
        for (const definition of node.create_definitions ?? []) {
          if (definition?.resource === "column") columns.push(this.column(definition, site));
          if (definition?.constraint_type === "primary key")
            for (const column of definition.definition ?? []) primaryKey.add(site.name(columnName(column)));
        }
        return [
          {
            kind: "create-table",
            ...target,
            columns: columns.map((column) =>
              primaryKey.has(column.name) ? { ...column, nullable: false, primaryKey: true } : column,
            ),
            ifNotExists,
            fromQuery: false,
            ...temporary,
          },
        ];
      }
      case "index": {
        const name = typeof node.index === "string" ? node.index : node.index?.name;
        return [
          {
            kind: "create-index",
            ...relation(site, node.table),
            ...(name ? { name: site.name(name) } : {}),
            columns: indexColumns(node.index_columns, site),
            unique: node.index_type === "unique",
            concurrently: false,
            ifNotExists,
          },
        ];
      }
      case "view":
        return [createObject("view", site.name(node.view?.view ?? "?"), ifNotExists, !!node.replace)];
      case "trigger":
        return [createObject("trigger", site.name(node.trigger?.table ?? "?"), ifNotExists, false)];
      case "database":
      case "schema": {
        const name = node.database?.schema?.[0]?.value ?? node.database ?? "?";
        return [createObject(node.keyword, site.name(String(name)), ifNotExists, false)];
      }
      default:
        return [{ kind: "utility", statement: `CREATE ${String(node.keyword ?? "?").toUpperCase()}` }];
    }
  }

  private alter(node: Node, site: StatementSite): OperationDetail[] {
    const target = relation(site, node.table?.[0]);
    return (node.expr ?? []).flatMap((clause: Node): OperationDetail[] => {
      const resource = clause?.resource;
      const action = clause?.action;
      if (resource === "column") {
        const column = site.name(columnName(clause.column));
        switch (action) {
          case "add": {
            const spec = this.column(clause, site);
            const details: OperationDetail[] = [{ kind: "add-column", ...target, column: spec, ifNotExists: false }];
            if (clause.unique)
              details.push({
                kind: "add-constraint",
                ...target,
                constraintType: "unique",
                columns: [spec.name],
                notValid: false,
              });
            return details;
          }
          case "drop":
            return [{ kind: "drop-column", ...target, column, ifExists: false }];
          case "rename":
            return [
              { kind: "rename-column", ...target, column: site.name(columnName(clause.old_column)), newName: column },
            ];
          case "modify":
            return this.redefinedColumn(clause, column, target, site);
          case "change": {
            const old = site.name(columnName(clause.old_column));
            const renamed: OperationDetail[] =
              old === column ? [] : [{ kind: "rename-column", ...target, column: old, newName: column }];
            return [...renamed, ...this.redefinedColumn(clause, column, target, site)];
          }
        }
      }
      if (resource === "index" && action === "add") {
        return [addedIndex(target, clause.index, clause.definition, false, site)];
      }
      if (resource === "index" && action === "drop") {
        return [
          { kind: "drop-index", ...target, name: site.name(clause.index ?? "?"), concurrently: false, ifExists: false },
        ];
      }
      if (resource === "constraint" && action === "add") return addConstraint(clause.create_definitions, target, site);
      if (resource === "key" && action === "drop") {
        const primary = /primary/i.test(clause.keyword ?? "");
        return [
          {
            kind: "drop-constraint",
            ...target,
            name: primary ? "PRIMARY" : site.name(clause.key ?? "?"),
            constraintType: primary ? "primary-key" : /foreign/i.test(clause.keyword ?? "") ? "foreign-key" : "unknown",
            ifExists: false,
          },
        ];
      }
      if (resource === "constraint" && action === "drop") {
        return [
          {
            kind: "drop-constraint",
            ...target,
            name: site.name(clause.constraint ?? "?"),
            constraintType: clause.keyword === "check" ? "check" : "unknown",
            ifExists: false,
          },
        ];
      }
      if (resource === "table" && action === "rename") {
        return [{ kind: "rename-table", ...target, newName: site.name(clause.table ?? "?") }];
      }
      // ALGORITHM= and LOCK= say how the statement runs, not what it changes
      if (resource === "algorithm" || resource === "lock") return [];
      const what = String(clause?.keyword ?? resource ?? action ?? "?").toUpperCase();
      return [{ kind: "alter-table-other", ...target, action: what }];
    });
  }

  /**
   * MySQL MODIFY/CHANGE restate the whole column: its type, and its nullability, which a missing NOT NULL turns to
   * NULL (except on AUTO_INCREMENT / PRIMARY KEY columns, which stay NOT NULL).
   */
  private redefinedColumn(
    clause: Node,
    column: string,
    target: { table: string; schema?: string },
    site: StatementSite,
  ): OperationDetail[] {
    const spec = this.column({ ...clause, column }, site);
    const details: OperationDetail[] = [
      { kind: "change-column-type", ...target, column, ...(spec.type !== undefined ? { toType: spec.type } : {}) },
    ];
    const notNull = clause.nullable?.type === "not null";
    const keyColumn = !!clause.auto_increment || !!clause.primary_key;
    if (notNull) details.push({ kind: "set-not-null", ...target, column });
    else if (!keyColumn) details.push({ kind: "drop-not-null", ...target, column });
    if (spec.serverDefault !== undefined)
      details.push({ kind: "set-column-default", ...target, column, default: spec.serverDefault });
    return details;
  }

  private column(definition: Node, site: StatementSite): ColumnSpec {
    const primaryKey = !!definition.primary_key || /primary/i.test(String(definition.primary ?? ""));
    const type = typeText(definition.definition);
    const value = definition.default_val?.value;
    // MySQL's DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP: the parser hangs ON UPDATE on the default
    const serverDefault =
      value === undefined
        ? undefined
        : this.expression(value?.over?.type === "on update" ? { ...value, over: null } : value);
    const generated: ColumnSpec["generated"] = definition.auto_increment
      ? "serial"
      : definition.generated?.storage_type === "stored"
        ? "stored"
        : undefined;
    const references = definition.reference_definition?.table?.[0]?.table;
    return {
      name: site.name(columnName(definition.column)),
      nullable: definition.nullable?.type !== "not null" && !primaryKey,
      primaryKey,
      ...(type ? { type } : {}),
      ...(serverDefault !== undefined ? { serverDefault } : {}),
      ...(generated ? { generated } : {}),
      ...(references ? { references: site.name(references) } : {}),
    };
  }

  private expression(node: Node): string {
    if (node === null || node === undefined) return "?";
    try {
      return this.parser.exprToSQL(node, { database: this.settings.database });
    } catch {
      return String(node?.value ?? "?");
    }
  }
}

const TRANSACTION_ACTIONS: ReadonlyMap<string, TransactionControl["statement"]> = new Map(
  Object.entries({
    begin: "begin",
    start: "begin",
    commit: "commit",
    rollback: "rollback",
  }),
);

interface Reading {
  readonly details: OperationDetail[];
  /** Set when (part of) the statement could not be read. */
  readonly failure?: string;
}

function relation(site: StatementSite, reference: Node): { table: string; schema?: string } {
  const table = site.name(String(reference?.table ?? "?"));
  const schema = reference?.db ?? reference?.schema;
  return schema ? { table, schema: site.name(String(schema)) } : { table };
}

/**
 * The columns a WHERE restricts to NULL when it is nothing but `col IS NULL` tests joined by AND, each column
 * unqualified or qualified by one of `tableNames`; undefined otherwise.
 */
function whereNullColumns(where: Node, tableNames: readonly string[]): string[] | undefined {
  if (where?.type !== "binary_expr") return undefined;
  if (String(where.operator).toUpperCase() === "AND") {
    const left = whereNullColumns(where.left, tableNames);
    const right = whereNullColumns(where.right, tableNames);
    return left && right ? [...new Set([...left, ...right])] : undefined;
  }
  const column = where.left;
  if (String(where.operator).toUpperCase() !== "IS" || where.right?.type !== "null" || column?.type !== "column_ref")
    return undefined;
  if (column.table && !tableNames.includes(column.table)) return undefined;
  const name = columnName(column);
  return name === "?" ? undefined : [name];
}

/** A column reference's name: node-sql-parser gives a string or `{ expr: { value } }`. */
function columnName(reference: Node): string {
  if (typeof reference === "string") return reference;
  const column = reference?.column ?? reference?.expr?.column;
  if (typeof column === "string") return column;
  if (column?.expr?.value !== undefined) return String(column.expr.value);
  return "?";
}

/** Index keys: column names; MySQL prefix keys `email(191)` read as their column; expressions as `(expression)`. */
function indexColumns(list: Node[] | undefined, site: StatementSite): string[] {
  return (list ?? []).map((item: Node) => {
    if (item?.type === "column_ref") return site.name(columnName(item));
    const args = item?.args?.value ?? [];
    const name = item?.name?.name?.[0]?.value;
    if (item?.type === "function" && !item.parentheses && typeof name === "string" && args.length > 0) {
      if (args.every((arg: Node) => arg?.type === "number")) return site.name(name);
    }
    return "(expression)";
  });
}

function hasLimit(limit: Node): boolean {
  return Array.isArray(limit?.value) && limit.value.length > 0;
}

/** `@@global.x` and `@@persist.x` name the server's setting, not the session's. */
function isGlobalVariable(variable: Node): boolean {
  const members: string[] = Array.isArray(variable?.members) ? variable.members : [];
  return members.length > 0 && /^(?:global|persist)$/i.test(String(variable?.name ?? ""));
}

function variableName(variable: Node): string {
  const members: string[] = Array.isArray(variable?.members) ? variable.members : [];
  const name = String(variable?.name ?? "?");
  // @@session.sql_mode: name "session", members ["sql_mode"]
  return members.length > 0 && /^(global|session|local|persist)$/i.test(name) ? members.join(".") : name;
}

const TYPE_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    INT: "integer",
    INTEGER: "integer",
    DECIMAL: "numeric",
    NUMERIC: "numeric",
    BOOL: "boolean",
    BOOLEAN: "boolean",
    DOUBLE: "double precision",
    "DOUBLE PRECISION": "double precision",
    "CHARACTER VARYING": "varchar",
  }),
);

/** Normalised type text (see `ColumnSpec.type`): `varchar(320)`, `integer`, `bigint unsigned`, `enum('a','b')`. */
function typeText(definition: Node): string | undefined {
  const dataType = definition?.dataType;
  if (typeof dataType !== "string" || dataType === "") return undefined;
  const upper = dataType.toUpperCase();
  let text = TYPE_NAMES.get(upper) ?? upper.toLowerCase();
  if (typeof definition.length === "number") {
    text +=
      typeof definition.scale === "number" ? `(${definition.length},${definition.scale})` : `(${definition.length})`;
  } else if (Array.isArray(definition.expr?.value)) {
    const values = definition.expr.value.map((item: Node) =>
      typeof item?.value === "string" ? `'${item.value}'` : String(item?.value ?? "?"),
    );
    text += `(${values.join(",")})`;
  }
  const suffix = Array.isArray(definition.suffix)
    ? definition.suffix.filter((word: unknown) => typeof word === "string")
    : [];
  return suffix.length > 0 ? `${text} ${suffix.join(" ").toLowerCase()}` : text;
}

const CONSTRAINT_TYPES: ReadonlyMap<string, ConstraintType> = new Map(
  Object.entries({
    "primary key": "primary-key",
    unique: "unique",
    "foreign key": "foreign-key",
    check: "check",
  }),
);

/** ADD [CONSTRAINT x] PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK; MySQL's ADD UNIQUE INDEX|KEY is an index. */
function addConstraint(
  definition: Node,
  target: { table: string; schema?: string },
  site: StatementSite,
): OperationDetail[] {
  const type = String(definition?.constraint_type ?? "").toLowerCase();
  const name = definition?.constraint ?? definition?.index;
  if (type === "unique key" || type === "unique index") {
    return [addedIndex(target, name, definition.definition, true, site)];
  }
  const constraintType = CONSTRAINT_TYPES.get(type) ?? "unknown";
  const referenced = definition?.reference_definition?.table?.[0]?.table;
  return [
    {
      kind: "add-constraint",
      ...target,
      ...(name ? { name: site.name(name) } : {}),
      constraintType,
      columns: constraintType === "check" ? [] : indexColumns(definition?.definition, site),
      notValid: false,
      ...(referenced ? { referencedTable: site.name(referenced) } : {}),
    },
  ];
}

/** An index that ALTER TABLE ... ADD [UNIQUE] INDEX|KEY builds. */
function addedIndex(
  target: { table: string; schema?: string },
  name: string | undefined,
  keys: Node[] | undefined,
  unique: boolean,
  site: StatementSite,
): OperationDetail {
  return {
    kind: "create-index",
    ...target,
    ...(name ? { name: site.name(name) } : {}),
    columns: indexColumns(keys, site),
    unique,
    concurrently: false,
    ifNotExists: false,
  };
}

function drop(node: Node, site: StatementSite): OperationDetail[] {
  const ifExists = /if exists/i.test(String(node.prefix ?? ""));
  const names: Node[] = Array.isArray(node.name) ? node.name : [node.name];
  switch (node.keyword) {
    case "table":
      return names.map((item) => ({ kind: "drop-table", ...relation(site, item), ifExists, cascade: false }));
    case "index":
      return names.map((item) => ({
        kind: "drop-index",
        name: site.name(columnName(item)),
        ...(node.table ? relation(site, node.table) : {}),
        concurrently: false,
        ifExists,
      }));
    default: {
      const objectType = DROPPED_OBJECTS.get(String(node.keyword)) ?? "other";
      return names.map((item) => ({
        kind: "drop-object",
        objectType,
        name: site.name(String(typeof item === "string" ? item : (item?.table ?? item?.trigger ?? item?.view ?? "?"))),
        ifExists,
        cascade: false,
      }));
    }
  }
}

const DROPPED_OBJECTS: ReadonlyMap<string, ObjectType> = new Map(
  Object.entries({
    view: "view",
    trigger: "trigger",
    database: "database",
    schema: "schema",
    function: "function",
    procedure: "function",
  }),
);

function syntaxMessage(error: unknown, text: string): string {
  const offset = (error as { location?: { start?: { offset?: number } } })?.location?.start?.offset;
  if (typeof offset === "number") {
    const near = /^\S{1,40}/.exec(text.slice(offset))?.[0];
    return near ? `syntax error at "${near}"` : "syntax error at the end of the statement";
  }
  return errorMessage(error).split("\n")[0]?.slice(0, 160) ?? "syntax error";
}

function leadingWord(tokens: readonly Token[]): string {
  return tokens[0]?.upper ?? "";
}

/** The text of `tokens` without their top-level IF [NOT] EXISTS, when they have one. */
function withoutExistence(
  sql: string,
  tokens: readonly Token[],
): { text: string; flag: "ifExists" | "ifNotExists" } | undefined {
  for (let index = 0; index < tokens.length; index++) {
    for (const length of [2, 3]) {
      const words = tokens.slice(index, index + length);
      if (!EXISTENCE.test(words.map((token) => token.upper).join(" "))) continue;
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      const before = words[0];
      const after = words[words.length - 1];
      if (!first || !last || !before || !after) return undefined;
      return {
        text: `${sql.slice(first.start, before.start)}${sql.slice(after.end, last.end)}`,
        flag: length === 3 ? "ifNotExists" : "ifExists",
      };
    }
  }
  return undefined;
}

function withExistence(detail: OperationDetail, flag: "ifExists" | "ifNotExists"): OperationDetail {
  return flag in detail ? ({ ...detail, [flag]: true } as OperationDetail) : detail;
}

/** An INSERT without its top-level `ON CONFLICT ...` (up to RETURNING), when it has one. */
function withoutUpsert(sql: string, tokens: readonly Token[]): string | undefined {
  if (leadingWord(tokens) !== "INSERT" && leadingWord(tokens) !== "REPLACE") return undefined;
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.kind === "punct" && token.text === "(") depth++;
    if (token?.kind === "punct" && token.text === ")") depth--;
    if (depth !== 0 || token?.upper !== "ON" || tokens[index + 1]?.upper !== "CONFLICT") continue;
    const returning = tokens.findIndex((other, at) => at > index && other.upper === "RETURNING");
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return undefined;
    const tail = returning >= 0 ? ` ${sql.slice(tokens[returning]?.start, last.end)}` : "";
    return sql.slice(first.start, token.start) + tail;
  }
  return undefined;
}

/** ALTER TABLE clauses: the tokens between top-level commas. */
function splitClauses(tokens: readonly Token[]): Token[][] {
  const clauses: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === "punct" && token.text === "(") depth++;
    if (token.kind === "punct" && token.text === ")") depth--;
    if (token.kind === "punct" && token.text === "," && depth === 0) {
      clauses.push([]);
      continue;
    }
    clauses[clauses.length - 1]?.push(token);
  }
  return clauses.filter((clause) => clause.length > 0);
}
