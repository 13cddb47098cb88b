import type {
  ColumnSpec,
  ConstraintType,
  CreateObject,
  ExtractionProblem,
  Maintenance,
  ObjectType,
  Operation,
  OperationContext,
  TransactionControl,
} from "../../domain/index.js";
import {
  atSite,
  atSiteAll,
  createObject,
  type OperationDetail,
  type StatementSite,
  schemaOf,
  statementSite,
  unparsedStatement,
} from "./operation-detail.js";
import {
  type AstNode,
  columnsReferenced,
  expressionText,
  isSerialType,
  nullTestedColumns,
  optionEnabled,
  qualifiedName,
  stringValues,
  typeNameText,
} from "./pg-expressions.js";
import { byteToCharIndex, type PreparedSql, prepareSql } from "./prepared-sql.js";
import { type Chunk, postgresChunks, postgresStatements, WHOLE_TEXT_CHARS } from "./sql-chunks.js";
import type { SqlSource, SqlTranslation, SqlTranslator } from "./sql-source.js";
import { errorMessage, trimmed } from "./statement-text.js";

/** The synchronous part of libpg-query that the translator needs, once its WASM module is loaded. */
export interface PgParser {
  parseSync(sql: string): AstNode;
  parsePlPgSQLSync(sql: string): AstNode;
  scanSync(sql: string): { tokens: { start: number; end: number; text: string }[] };
}

/** Loads libpg-query's WASM module; called only when a migration actually runs SQL. */
export async function loadPgParser(): Promise<PgParser> {
  const module = await import("libpg-query");
  await module.loadModule();
  return { parseSync: module.parseSync, parsePlPgSQLSync: module.parsePlPgSQLSync, scanSync: module.scanSync };
}

interface Statement {
  readonly error?: undefined;
  readonly node: AstNode;
  /** Start and end of the statement in the prepared text. */
  readonly start: number;
  readonly end: number;
}

const OBJECT_TYPES: ReadonlyMap<string, ObjectType> = new Map(
  Object.entries({
    OBJECT_SEQUENCE: "sequence",
    OBJECT_SCHEMA: "schema",
    OBJECT_EXTENSION: "extension",
    OBJECT_TYPE: "type",
    OBJECT_DOMAIN: "type",
    OBJECT_VIEW: "view",
    OBJECT_MATVIEW: "materialized-view",
    OBJECT_FUNCTION: "function",
    OBJECT_PROCEDURE: "function",
    OBJECT_TRIGGER: "trigger",
    OBJECT_POLICY: "policy",
    OBJECT_ROLE: "role",
    OBJECT_DATABASE: "database",
  }),
);

const CONSTRAINT_TYPES: ReadonlyMap<string, ConstraintType> = new Map(
  Object.entries({
    CONSTR_FOREIGN: "foreign-key",
    CONSTR_UNIQUE: "unique",
    CONSTR_CHECK: "check",
    CONSTR_PRIMARY: "primary-key",
    CONSTR_EXCLUSION: "exclude",
  }),
);

const DIALECT = "postgresql";
/** Levels of the PL/pgSQL tree of a DO block followed (IF inside IF inside a loop...): deeper is one opaque operation. */
const MAX_BLOCK_DEPTH = 400;

const TRANSACTION_STATEMENTS: ReadonlyMap<string, TransactionControl["statement"]> = new Map(
  Object.entries({
    TRANS_STMT_BEGIN: "begin",
    TRANS_STMT_START: "begin",
    TRANS_STMT_COMMIT: "commit",
    TRANS_STMT_ROLLBACK: "rollback",
    TRANS_STMT_SAVEPOINT: "savepoint",
    TRANS_STMT_RELEASE: "release",
    TRANS_STMT_ROLLBACK_TO: "rollback-to-savepoint",
  }),
);

const REINDEX_TARGETS: ReadonlyMap<string, NonNullable<Maintenance["reindexes"]>> = new Map([
  ["REINDEX_OBJECT_INDEX", "index"],
  ["REINDEX_OBJECT_TABLE", "table"],
  ["REINDEX_OBJECT_SCHEMA", "schema"],
  ["REINDEX_OBJECT_DATABASE", "database"],
  ["REINDEX_OBJECT_SYSTEM", "system"],
] as const);

/** The new type of a column change, left out when the statement's type cannot be read. */
function optionalType(type: string | undefined): { toType?: string } {
  return type === undefined ? {} : { toType: type };
}

/** Turns PostgreSQL statements into domain operations with libpg-query, the real PostgreSQL parser. */
export class PostgresTranslator implements SqlTranslator {
  constructor(private readonly parser: PgParser) {}

  translate(source: SqlSource): SqlTranslation {
    const prepared = prepareSql(source.text);
    const operations: Operation[] = [];
    const problems: ExtractionProblem[] = [];
    let statements = 0;
    // Chunk by chunk: the parse trees of one chunk are gone before the next is parsed.
    for (const chunk of postgresChunks(prepared.text)) {
      for (const piece of this.split(prepared.text, chunk)) {
        const site = statementSite(source, prepared, piece, DIALECT);
        if (piece.error === undefined) statements++;
        if (piece.error !== undefined) {
          const unparsed = unparsedStatement(site, piece.error);
          problems.push(unparsed.problem);
          operations.push(unparsed.operation);
          continue;
        }
        if (piece.node.DoStmt) {
          operations.push(...this.doBlock(piece, prepared, source, site));
          continue;
        }
        operations.push(...statementOperations(piece.node, site));
      }
    }
    return { operations, problems, statements };
  }

  /**
   * Splits a chunk of the text into parsed statements (offsets in the whole text); when the chunk does not parse as
   * a whole, retries statement by statement.
   */
  private split(whole: string, chunk: Chunk): (Statement | FailedPiece)[] {
    const base = chunk.start;
    const text = base === 0 && chunk.end === whole.length ? whole : whole.slice(base, chunk.end);
    try {
      return this.statements(text, base);
    } catch (wholeError) {
      let pieces: { start: number; end: number }[];
      try {
        pieces = this.pieces(text);
      } catch {
        return [{ ...trimmed(text, 0, text.length, base), error: errorMessage(wholeError) }];
      }
      if (pieces.length <= 1) return [{ ...trimmed(text, 0, text.length, base), error: errorMessage(wholeError) }];
      return pieces.flatMap((piece): (Statement | FailedPiece)[] => {
        try {
          return this.statements(text.slice(piece.start, piece.end), base + piece.start);
        } catch (error) {
          return [{ ...trimmed(text, piece.start, piece.end, base), error: errorMessage(error) }];
        }
      });
    }
  }

  private statements(text: string, base: number): Statement[] {
    const result = this.parser.parseSync(text);
    const toChar = byteToCharIndex(text);
    const statements: AstNode[] = result.stmts ?? [];
    return statements.map((raw) => {
      const startByte = raw.stmt_location ?? 0;
      const start = toChar(startByte);
      const end = raw.stmt_len === undefined ? text.length : toChar(startByte + raw.stmt_len);
      return { node: raw.stmt ?? {}, ...trimmed(text, start, end, base) };
    });
  }

  /** Statement boundaries from the scanner, which knows quotes and dollar quoting (for a long text, our own lexer). */
  private pieces(text: string): { start: number; end: number }[] {
    if (text.length > WHOLE_TEXT_CHARS) return postgresStatements(text);
    const toChar = byteToCharIndex(text);
    const pieces: { start: number; end: number }[] = [];
    let start = 0;
    for (const token of this.parser.scanSync(text).tokens) {
      if (token.text !== ";") continue;
      const end = toChar(token.start);
      if (text.slice(start, end).trim() !== "") pieces.push({ start, end });
      start = toChar(token.end);
    }
    if (text.slice(start).trim() !== "") pieces.push({ start, end: text.length });
    return pieces;
  }

  /** DO blocks: the statements of the PL/pgSQL body where it parses, otherwise one opaque operation. */
  private doBlock(statement: Statement, prepared: PreparedSql, source: SqlSource, site: StatementSite): Operation[] {
    const text = prepared.text.slice(statement.start, statement.end);
    let functions: AstNode;
    try {
      functions = this.parser.parsePlPgSQLSync(text);
    } catch {
      return [atSite(site, { kind: "opaque", reason: "DO block" })];
    }
    const operations: Operation[] = [];
    // Statements come in the order they are written: each is looked for after the one before (not from the start
    // of the block each time, which made a block of 20,000 statements quadratic).
    let cursor = 0;
    const locate = (query: string) => {
      let found = text.indexOf(query, cursor);
      if (found < 0) found = text.indexOf(query);
      if (found >= 0) cursor = found + query.length;
      return found;
    };
    let depth = 0;
    let tooDeep = false;
    const visit = (node: AstNode, context: OperationContext): void => {
      if (!node || typeof node !== "object") return;
      if (depth >= MAX_BLOCK_DEPTH) {
        if (!tooDeep)
          operations.push(atSite({ ...site, context }, { kind: "opaque", reason: "DO block nested too deep" }));
        tooDeep = true;
        return;
      }
      depth++;
      try {
        visitNode(node, context);
      } finally {
        depth--;
      }
    };
    const visitNode = (node: AstNode, context: OperationContext): void => {
      if (Array.isArray(node)) {
        for (const item of node) visit(item, context);
        return;
      }
      if (node.PLpgSQL_stmt_if) {
        const condition: string = node.PLpgSQL_stmt_if.cond?.PLpgSQL_expr?.query ?? "";
        const guarded = {
          ...context,
          conditions: [...context.conditions, condition],
          existenceGuard: context.existenceGuard || /exists/i.test(condition),
        };
        visit(node.PLpgSQL_stmt_if.then_body, guarded);
        visit(node.PLpgSQL_stmt_if.elsif_list, guarded);
        visit(node.PLpgSQL_stmt_if.else_body, guarded);
        return;
      }
      if (node.PLpgSQL_stmt_block?.exceptions) context = { ...context, inTry: true };
      const query: string | undefined = node.PLpgSQL_stmt_execsql?.sqlstmt?.PLpgSQL_expr?.query;
      if (query !== undefined) {
        operations.push(...this.innerStatement(query, locate(query), statement, prepared, source, context));
        return;
      }
      if (node.PLpgSQL_stmt_dynexecute) {
        operations.push(atSite({ ...site, context }, { kind: "opaque", reason: "dynamic EXECUTE inside a DO block" }));
        return;
      }
      for (const value of Object.values(node)) if (value && typeof value === "object") visit(value, context);
    };
    visit(functions, source.context);
    if (operations.length === 0) {
      return [atSite(site, { kind: "utility", statement: "DO" })];
    }
    return operations;
  }

  private innerStatement(
    query: string,
    found: number,
    statement: Statement,
    prepared: PreparedSql,
    source: SqlSource,
    context: OperationContext,
  ): Operation[] {
    const start = statement.start + Math.max(found, 0);
    const end = found >= 0 ? start + query.length : statement.end;
    const site = statementSite(source, prepared, { start, end }, DIALECT, context);
    try {
      const parsed = this.parser.parseSync(query);
      return (parsed.stmts ?? []).flatMap((raw: AstNode) => statementOperations(raw.stmt ?? {}, site));
    } catch {
      return [atSite(site, { kind: "opaque", reason: "statement in a DO block" })];
    }
  }
}

interface FailedPiece {
  readonly start: number;
  readonly end: number;
  readonly error: string;
}

function relation(site: StatementSite, node: AstNode): { table: string; schema?: string } {
  const table = site.name(node?.relname ?? "?");
  return node?.schemaname ? { table, schema: node.schemaname } : { table };
}

const VOLATILITIES: ReadonlyMap<string, "immutable" | "stable" | "volatile"> = new Map([
  ["immutable", "immutable"],
  ["stable", "stable"],
  ["volatile", "volatile"],
] as const);

/** The volatility a CREATE FUNCTION declares, or VOLATILE, which PostgreSQL assumes when it declares none. */
function functionVolatility(options: AstNode[] | undefined): "immutable" | "stable" | "volatile" {
  const declared = (options ?? []).find((option: AstNode) => option?.DefElem?.defname === "volatility");
  return VOLATILITIES.get(String(declared?.DefElem?.arg?.String?.sval ?? "").toLowerCase()) ?? "volatile";
}

/** PostgreSQL's trigger bits (pg_trigger.h): BEFORE timing, row level, INSERT event. */
const TRIGGER_BEFORE = 2;
const TRIGGER_INSERT = 4;
/** A PL/pgSQL statement `NEW.col := ...` (or `= ...`): at a statement's start, so `IF NEW.col = x` is no assignment. */
const ASSIGNS_NEW = /(?:^|;|\b(?:begin|then|else|loop)\b)\s*new\s*\.\s*"?([a-z_][a-z0-9_$]*)"?\s*:?=(?!=)/i;
/** Enough for any real trigger function; a body of megabytes is not walked past it. */
const MAX_FILLED_COLUMNS = 64;

function triggerOf(body: AstNode, site: StatementSite): Pick<CreateObject, "trigger"> {
  const table = relation(site, body.relation).table;
  const fn = stringValues(body.funcname).at(-1);
  if (!table || !fn) return {};
  const events = Number(body.events ?? 0);
  const beforeInsertRow =
    !!body.row && (Number(body.timing ?? 0) & TRIGGER_BEFORE) !== 0 && (events & TRIGGER_INSERT) !== 0;
  return { trigger: { table, function: fn, beforeInsertRow } };
}

/** `{ fillsColumns }` for a PL/pgSQL function body that sets columns of NEW, else nothing to spread. */
function filledColumns(options: AstNode[] | undefined): { fillsColumns?: readonly string[] } {
  const source = (options ?? []).find((option: AstNode) => option?.DefElem?.defname === "as");
  const items = source?.DefElem?.arg?.List?.items ?? [];
  const text = stringValues(items).join("\n");
  const columns = new Set<string>();
  // A fresh global copy per body: a module-level global regex would carry its position between calls.
  for (const match of text.matchAll(new RegExp(ASSIGNS_NEW.source, "gi"))) {
    columns.add((match[1] as string).toLowerCase());
    if (columns.size >= MAX_FILLED_COLUMNS) break;
  }
  return columns.size > 0 ? { fillsColumns: [...columns] } : {};
}

/** `{ temporary: true }` for a TEMP table (relpersistence "t"), else nothing to spread. */
function temporary(rangeVar: AstNode): { temporary?: true } {
  return rangeVar?.relpersistence === "t" ? { temporary: true } : {};
}

/** One parsed statement to the operations it performs. */
function statementOperations(node: AstNode, site: StatementSite): Operation[] {
  return atSiteAll(site, statementDetails(node, site));
}

function statementDetails(node: AstNode, site: StatementSite): OperationDetail[] {
  const [type] = Object.keys(node);
  const body = type ? node[type] : undefined;
  switch (type) {
    case "AlterTableStmt":
      return alterTable(body, site);
    case "RenameStmt":
      return [rename(body, site)];
    case "IndexStmt":
      return [
        {
          kind: "create-index",
          ...relation(site, body.relation),
          ...(body.idxname ? { name: body.idxname } : {}),
          columns: (body.indexParams ?? []).map((param: AstNode) => param?.IndexElem?.name ?? "(expression)"),
          unique: !!body.unique,
          concurrently: !!body.concurrent,
          ifNotExists: !!body.if_not_exists,
        },
      ];
    case "DropStmt":
      return dropStatement(body, site);
    case "CreateStmt": {
      const columns: ColumnSpec[] = [];
      const primaryKey = new Set<string>();
      // A table-level FOREIGN KEY (...) REFERENCES is recorded on its columns, as an inline REFERENCES is.
      const references = new Map<string, string>();
      for (const element of body.tableElts ?? []) {
        if (element.ColumnDef) columns.push(columnDefinition(element.ColumnDef, site));
        if (element.Constraint?.contype === "CONSTR_PRIMARY")
          for (const key of stringValues(element.Constraint.keys)) primaryKey.add(key);
        const referenced = element.Constraint?.contype === "CONSTR_FOREIGN" && element.Constraint.pktable?.relname;
        if (referenced) for (const key of stringValues(element.Constraint.fk_attrs)) references.set(key, referenced);
      }
      const withKeys = (column: ColumnSpec): ColumnSpec => {
        const referenced = column.references ?? references.get(column.name);
        const keyed = primaryKey.has(column.name) ? { ...column, nullable: false, primaryKey: true } : column;
        return referenced === undefined ? keyed : { ...keyed, references: referenced };
      };
      return [
        {
          kind: "create-table",
          ...relation(site, body.relation),
          columns: columns.map(withKeys),
          ifNotExists: !!body.if_not_exists,
          fromQuery: false,
          ...temporary(body.relation),
        },
      ];
    }
    case "CreateTableAsStmt": {
      const target = relation(site, body.into?.rel);
      if (body.objtype === "OBJECT_MATVIEW") {
        return [
          {
            kind: "create-object",
            objectType: "materialized-view",
            name: target.table,
            ifNotExists: !!body.if_not_exists,
            orReplace: false,
          },
        ];
      }
      return [
        {
          kind: "create-table",
          ...target,
          columns: [],
          ifNotExists: !!body.if_not_exists,
          fromQuery: true,
          ...temporary(body.into?.rel),
        },
      ];
    }
    case "CreateSeqStmt":
      return [createObject("sequence", relation(site, body.sequence).table, !!body.if_not_exists, false)];
    case "CreateSchemaStmt":
      return [createObject("schema", body.schemaname ?? "?", !!body.if_not_exists, false)];
    case "CreateExtensionStmt":
      return [createObject("extension", body.extname ?? "?", !!body.if_not_exists, false)];
    case "CreateEnumStmt":
    case "CompositeTypeStmt":
    case "CreateDomainStmt":
    case "CreateRangeStmt": {
      const name = body.typeName
        ? qualifiedName(body.typeName.names ?? body.typeName).name
        : relation(site, body.typevar).table;
      return [createObject("type", name, false, false)];
    }
    case "ViewStmt":
      return [createObject("view", relation(site, body.view).table, false, !!body.replace)];
    case "CreateFunctionStmt":
      return [
        {
          kind: "create-object",
          objectType: "function",
          name: qualifiedName(body.funcname).name,
          ifNotExists: false,
          orReplace: !!body.replace,
          ...(body.is_procedure ? {} : { volatility: functionVolatility(body.options) }),
          ...filledColumns(body.options),
        },
      ];
    case "CreateTrigStmt":
      return [{ ...createObject("trigger", body.trigname ?? "?", false, !!body.replace), ...triggerOf(body, site) }];
    case "CreatePolicyStmt":
      return [createObject("policy", body.policy_name ?? "?", false, false)];
    case "RuleStmt":
      // A rule belongs to its table, as DROP RULE ... ON table says; the lock model locks that table.
      return [
        { ...createObject("other", body.rulename ?? "?", false, !!body.replace), ...relation(site, body.relation) },
      ];
    case "CreateRoleStmt":
      return [createObject("role", body.role ?? "?", false, false)];
    case "CreatedbStmt":
      return [createObject("database", body.dbname ?? "?", false, false)];
    case "AlterEnumStmt": {
      const typeName = qualifiedName(body.typeName).name;
      if (body.oldVal)
        return [
          {
            kind: "rename-object",
            objectType: "type",
            name: `${typeName}.${body.oldVal}`,
            newName: body.newVal ?? "?",
          },
        ];
      return [
        {
          kind: "alter-enum-add-value",
          typeName,
          value: body.newVal ?? "?",
          ifNotExists: !!body.skipIfNewValExists,
        },
      ];
    }
    case "UpdateStmt":
    case "DeleteStmt": {
      // Another table (UPDATE ... FROM, DELETE ... USING) can limit the rows as a WHERE does.
      const joined = (body.fromClause ?? body.usingClause ?? []).length > 0;
      const names = [body.relation?.relname, body.relation?.alias?.aliasname].filter(Boolean);
      const nullTested = joined ? undefined : nullTestedColumns(body.whereClause, names);
      return [
        {
          kind: "data-change",
          statement: type === "UpdateStmt" ? "update" : "delete",
          ...relation(site, body.relation),
          hasWhere: !!body.whereClause,
          ...(nullTested ? { whereIsNull: nullTested.map(site.name) } : {}),
        },
      ];
    }
    case "InsertStmt": {
      const select = body.selectStmt?.SelectStmt;
      const fromSelect = !!select && !select.valuesLists;
      return [
        {
          kind: "data-change",
          statement: fromSelect ? "insert-select" : "insert",
          ...relation(site, body.relation),
          hasWhere: !fromSelect || !!select?.whereClause || !!select?.limitCount,
        },
      ];
    }
    case "MergeStmt":
      return [{ kind: "data-change", statement: "merge", ...relation(site, body.relation), hasWhere: false }];
    case "CopyStmt":
      return [{ kind: "data-change", statement: "copy", ...relation(site, body.relation), hasWhere: true }];
    case "TruncateStmt":
      return [
        {
          kind: "truncate",
          tables: (body.relations ?? []).map((item: AstNode) => relation(site, item.RangeVar).table),
          cascade: body.behavior === "DROP_CASCADE",
        },
      ];
    case "CommentStmt":
      return [
        {
          kind: "comment",
          target: body.objtype === "OBJECT_COLUMN" ? "column" : body.objtype === "OBJECT_TABLE" ? "table" : "other",
        },
      ];
    case "VariableSetStmt":
      return [
        {
          kind: "set-config",
          name: body.name ?? "?",
          ...(body.args ? { value: body.args.map(expressionText).join(", ").replace(/'/g, "") } : {}),
          local: !!body.is_local,
        },
      ];
    case "TransactionStmt": {
      const kind = String(body.kind ?? "");
      return [{ kind: "transaction-control", statement: TRANSACTION_STATEMENTS.get(kind) ?? "other" }];
    }
    case "VacuumStmt": {
      const command = !body.is_vacuumcmd ? "analyze" : optionEnabled(body.options, "full") ? "vacuum-full" : "vacuum";
      const tables = body.rels ?? [];
      const target = tables.length === 1 ? relation(site, tables[0]?.VacuumRelation?.relation) : {};
      return [{ kind: "maintenance", command, concurrently: false, ...target }];
    }
    case "ClusterStmt":
      return [
        {
          kind: "maintenance",
          command: "cluster",
          concurrently: false,
          ...(body.relation ? relation(site, body.relation) : {}),
        },
      ];
    case "ReindexStmt": {
      const onTable = body.kind === "REINDEX_OBJECT_TABLE" && body.relation;
      const reindexes = REINDEX_TARGETS.get(String(body.kind ?? ""));
      return [
        {
          kind: "maintenance",
          command: "reindex",
          concurrently: optionEnabled(body.params, "concurrently"),
          ...(reindexes ? { reindexes } : {}),
          ...(onTable ? relation(site, body.relation) : {}),
        },
      ];
    }
    case "RefreshMatViewStmt":
      return [{ kind: "maintenance", command: "refresh-materialized-view", concurrently: !!body.concurrent }];
    case "SelectStmt":
    case "ExplainStmt":
      if (body?.intoClause)
        return [
          {
            kind: "create-table",
            ...relation(site, body.intoClause.rel),
            columns: [],
            ifNotExists: false,
            fromQuery: true,
            ...temporary(body.intoClause.rel),
          },
        ];
      return [setConfigCall(body) ?? { kind: "query" }];
    case "CallStmt":
      return [{ kind: "opaque", reason: "CALL of a stored procedure" }];
    default:
      return [{ kind: "utility", statement: utilityName(type) }];
  }
}

function utilityName(type: string | undefined): string {
  return (type ?? "?")
    .replace(/Stmt$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toUpperCase();
}

function columnDefinition(definition: AstNode, site: StatementSite): ColumnSpec {
  let nullable = true;
  let primaryKey = false;
  let serverDefault: string | undefined;
  let generated: ColumnSpec["generated"] = isSerialType(definition.typeName) ? "serial" : undefined;
  let references: string | undefined;
  for (const item of definition.constraints ?? []) {
    const constraint = item?.Constraint;
    switch (constraint?.contype) {
      case "CONSTR_NOTNULL":
        nullable = false;
        break;
      case "CONSTR_PRIMARY":
        primaryKey = true;
        nullable = false;
        break;
      case "CONSTR_DEFAULT":
        serverDefault = site.expression(expressionText(constraint.raw_expr));
        break;
      case "CONSTR_IDENTITY":
        generated = "identity";
        break;
      case "CONSTR_GENERATED":
        generated = "stored";
        break;
      case "CONSTR_FOREIGN":
        references = constraint.pktable?.relname;
        break;
    }
  }
  const type = typeNameText(definition.typeName);
  return {
    name: site.name(definition.colname ?? "?"),
    nullable,
    primaryKey,
    ...(type ? { type } : {}),
    ...(serverDefault !== undefined ? { serverDefault } : {}),
    ...(generated ? { generated } : {}),
    ...(references ? { references } : {}),
  };
}

function alterTable(body: AstNode, site: StatementSite): OperationDetail[] {
  const target = relation(site, body.relation);
  if (body.objtype && body.objtype !== "OBJECT_TABLE") {
    return [{ ...target, kind: "utility", statement: `ALTER ${String(body.objtype).replace(/^OBJECT_/, "")}` }];
  }
  return (body.cmds ?? []).flatMap((item: AstNode): OperationDetail[] => {
    const command = item?.AlterTableCmd ?? {};
    const column: string = site.name(command.name ?? "?");
    switch (command.subtype) {
      case "AT_AddColumn": {
        const definition = command.def?.ColumnDef ?? {};
        const spec = columnDefinition(definition, site);
        const details: OperationDetail[] = [
          { ...target, kind: "add-column", column: spec, ifNotExists: !!command.missing_ok },
        ];
        for (const constraint of definition.constraints ?? []) {
          const constraintType = CONSTRAINT_TYPES.get(constraint?.Constraint?.contype ?? "");
          if (constraintType === "unique" || constraintType === "check") {
            details.push({ ...target, kind: "add-constraint", constraintType, columns: [spec.name], notValid: false });
          }
        }
        return details;
      }
      case "AT_DropColumn":
        return [{ ...target, kind: "drop-column", column, ifExists: !!command.missing_ok }];
      case "AT_SetNotNull":
        return [{ ...target, kind: "set-not-null", column }];
      case "AT_DropNotNull":
        return [{ ...target, kind: "drop-not-null", column }];
      case "AT_AlterColumnType": {
        const definition = command.def?.ColumnDef ?? {};
        return [
          {
            ...target,
            kind: "change-column-type",
            column,
            ...optionalType(typeNameText(definition.typeName)),
            ...(definition.raw_default ? { using: site.expression(expressionText(definition.raw_default)) } : {}),
          },
        ];
      }
      case "AT_ColumnDefault":
        return [
          {
            ...target,
            kind: "set-column-default",
            column,
            ...(command.def ? { default: site.expression(expressionText(command.def)) } : {}),
          },
        ];
      case "AT_AddConstraint": {
        const constraint = command.def?.Constraint ?? {};
        const constraintType = CONSTRAINT_TYPES.get(constraint.contype ?? "") ?? "unknown";
        if (constraint.contype === "CONSTR_NOTNULL")
          return [{ ...target, kind: "set-not-null", column: stringValues(constraint.keys)[0] ?? "?" }];
        return [
          {
            ...target,
            kind: "add-constraint",
            ...(constraint.conname ? { name: constraint.conname } : {}),
            constraintType,
            columns:
              constraintType === "check"
                ? columnsReferenced(constraint.raw_expr)
                : stringValues(constraintType === "foreign-key" ? constraint.fk_attrs : constraint.keys),
            notValid: !!constraint.skip_validation,
            ...(constraint.pktable ? { referencedTable: site.name(constraint.pktable.relname ?? "?") } : {}),
            ...(constraint.pk_attrs?.length ? { referencedColumns: stringValues(constraint.pk_attrs) } : {}),
            ...(constraint.indexname ? { usingIndex: constraint.indexname } : {}),
          },
        ];
      }
      case "AT_DropConstraint":
        return [
          {
            ...target,
            kind: "drop-constraint",
            name: column,
            constraintType: "unknown",
            ifExists: !!command.missing_ok,
          },
        ];
      case "AT_ValidateConstraint":
        return [{ ...target, kind: "validate-constraint", name: column }];
      case "AT_DetachPartition":
        return [
          {
            ...target,
            kind: "alter-table-other",
            action: "DetachPartition",
            ...(command.def?.PartitionCmd?.concurrent ? { concurrently: true } : {}),
          },
        ];
      default:
        return [{ ...target, kind: "alter-table-other", action: String(command.subtype ?? "?").replace(/^AT_/, "") }];
    }
  });
}

function rename(body: AstNode, site: StatementSite): OperationDetail {
  const target = relation(site, body.relation);
  const newName = site.name(body.newname ?? "?");
  switch (body.renameType) {
    case "OBJECT_COLUMN":
      return { ...target, kind: "rename-column", column: body.subname ?? "?", newName };
    case "OBJECT_TABLE":
      return { ...target, kind: "rename-table", newName };
    case "OBJECT_INDEX":
      return { kind: "rename-object", objectType: "index", name: target.table, newName };
    case "OBJECT_TABCONSTRAINT":
      return {
        ...target,
        kind: "rename-object",
        objectType: "constraint",
        name: body.subname ?? "?",
        newName,
      };
    default: {
      const objectType = OBJECT_TYPES.get(body.renameType ?? "") ?? "other";
      const name = body.relation ? target.table : qualifiedName(body.object).name;
      return { kind: "rename-object", objectType, name, newName };
    }
  }
}

function dropStatement(body: AstNode, site: StatementSite): OperationDetail[] {
  const ifExists = !!body.missing_ok;
  const cascade = body.behavior === "DROP_CASCADE";
  return (body.objects ?? []).map((item: AstNode): OperationDetail => {
    const qualified = qualifiedName(item);
    const name = site.name(qualified.name);
    const withSchema = schemaOf(qualified);
    switch (body.removeType) {
      case "OBJECT_TABLE":
        return { ...withSchema, kind: "drop-table", table: name, ifExists, cascade };
      case "OBJECT_INDEX":
        return { ...withSchema, kind: "drop-index", name, concurrently: !!body.concurrent, ifExists };
      default: {
        const objectType = OBJECT_TYPES.get(body.removeType ?? "") ?? "other";
        const table = ON_TABLE.has(body.removeType) ? onTable(site, item) : {};
        return { kind: "drop-object", objectType, name, ...table, ifExists, cascade };
      }
    }
  });
}

/** Objects of a table, dropped as `DROP TRIGGER name ON [schema.]table`: their names read `[schema, table, name]`. */
const ON_TABLE = new Set(["OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE"]);

function onTable(site: StatementSite, item: AstNode): { table?: string; schema?: string } {
  const parts = stringValues(item?.List?.items);
  const table = parts[parts.length - 2];
  const schema = parts[parts.length - 3];
  if (table === undefined) return {};
  return schema === undefined ? { table: site.name(table) } : { table: site.name(table), schema: site.name(schema) };
}

/**
 * `SELECT set_config('lock_timeout', '5s', true)` (the function form of SET [LOCAL], usable where SET is not) is
 * the same setting change as the SET statement, so every rule sees one `set-config` operation for both.
 */
function setConfigCall(select: AstNode): OperationDetail | undefined {
  const targets = select?.targetList ?? [];
  const call = targets.length === 1 && !select.fromClause ? targets[0]?.ResTarget?.val?.FuncCall : undefined;
  const name = call?.funcname?.at(-1)?.String?.sval;
  const [setting, value, local] = call?.args ?? [];
  const text = (node: AstNode) => node?.A_Const?.sval?.sval;
  if (name?.toLowerCase() !== "set_config" || text(setting) === undefined || text(value) === undefined)
    return undefined;
  return {
    kind: "set-config",
    name: text(setting),
    value: text(value),
    local: local?.A_Const?.boolval?.boolval === true,
  };
}
