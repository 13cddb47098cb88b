import {
  type ConstraintType,
  hasUnresolvedPart,
  type Operation,
  type OperationContext,
  repeatedContext,
  type SourceSpan,
  type TableConstraint,
  unresolvedName,
} from "../../domain/index.js";
import { compact } from "../source-text.js";
import { columnDeclaration, isColumnCall, sqlAlchemyType, withImplicitSerial } from "./columns.js";
import type { SyntaxNode } from "./syntax-tree.js";
import { asString, type Evaluator, keywordArgument, type PyValue, plainString, type Scope } from "./values.js";
import { rowsWrittenOut } from "./written-rows.js";

/** Positional parameter names of each `op.*` directive (Alembic's signatures), and of its batch form. */
const SIGNATURES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    add_column: ["table_name", "column"],
    alter_column: ["table_name", "column_name"],
    create_table: ["table_name"],
    drop_table: ["table_name"],
    rename_table: ["table_name", "new_table_name"],
    create_index: ["index_name", "table_name", "columns"],
    drop_index: ["index_name", "table_name"],
    create_foreign_key: ["constraint_name", "table_name", "referent_table", "local_cols", "remote_cols"],
    create_unique_constraint: ["constraint_name", "table_name", "columns"],
    create_check_constraint: ["constraint_name", "table_name", "condition"],
    create_primary_key: ["constraint_name", "table_name", "columns"],
    create_exclude_constraint: ["constraint_name", "table_name"],
    drop_constraint: ["constraint_name", "table_name", "type_"],
    drop_column: ["table_name", "column_name"],
    execute: ["sqltext"],
    bulk_insert: ["table", "rows"],
    create_table_comment: ["table_name", "comment"],
    drop_table_comment: ["table_name"],
    create_entity: ["entity"],
    replace_entity: ["entity"],
    drop_entity: ["entity"],
  }),
);

/** Keyword names Alembic uses for the same parameters, mapped to the names above. */
const KEYWORD_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    source_table: "table_name",
    old_table_name: "table_name",
    source: "table_name",
    referent: "referent_table",
    local_columns: "local_cols",
    remote_columns: "remote_cols",
    name: "constraint_name",
  }),
);

const KNOWN_NON_OPERATIONS = new Set([
  "get_bind",
  "get_context",
  "f",
  "inline_literal",
  "invoke",
  "implementation_for",
  "register_operation",
  "batch_alter_table",
  "run_async",
  "impl",
]);

/** Everything a directive needs from the walk around it. */
export interface DirectiveSite {
  readonly call: SyntaxNode;
  readonly span: SourceSpan;
  readonly context: OperationContext;
  readonly scope: Scope;
  readonly evaluator: Evaluator;
  /** The batch table when the call is `batch_op.<directive>(...)`. */
  readonly batchTable?: { readonly table: string; readonly schema?: string };
  /** Hands over the argument of `op.execute` to the SQL/core-expression path. */
  readonly execute: (argument: SyntaxNode | undefined) => void;
  /** The file span of a node inside the call (a column's own `sa.Column(...)`). */
  readonly spanOf: (node: SyntaxNode) => SourceSpan;
}

/** Table elements besides columns that add no column: constraints and indexes. */
const TABLE_ELEMENT_CALL =
  /(?:^|\.)(?:UniqueConstraint|PrimaryKeyConstraint|ForeignKeyConstraint|CheckConstraint|Index)$/;

class Arguments {
  readonly named = new Map<string, SyntaxNode>();

  constructor(call: SyntaxNode, parameters: readonly string[]) {
    let position = 0;
    for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
      const kind = arg?.type;
      if (!arg || kind === "comment") continue;
      if (kind === "keyword_argument") {
        const key = arg.childForFieldName("name")?.text ?? "";
        const value = arg.childForFieldName("value");
        if (value) this.named.set(KEYWORD_ALIASES.get(key) ?? key, value);
      } else if (kind !== "list_splat" && kind !== "dictionary_splat") {
        const parameter = parameters[position];
        this.named.set(parameter ?? `#${position}`, arg);
        position++;
      }
    }
  }

  rest(): SyntaxNode[] {
    return [...this.named.entries()].filter(([key]) => key.startsWith("#")).map(([, node]) => node);
  }
}

const SQL_WORDS = new Set(
  "and or not null is in like ilike true false between case when then else end any all some exists distinct as".split(
    " ",
  ),
);

/** Column names a CHECK condition given as SQL text reads: identifiers that are neither SQL words nor functions. */
function conditionColumns(condition: string): string[] {
  const withoutStrings = condition.replace(/'(?:[^']|'')*'/g, "''").replace(/::\s*[A-Za-z_][\w ]*/g, "");
  const names = new Set<string>();
  for (const match of withoutStrings.matchAll(/"([^"]+)"|([A-Za-z_][\w$]*)(\s*\()?/g)) {
    const name = match[1] ?? match[2];
    if (!name || match[3] || SQL_WORDS.has(name.toLowerCase()) || /^\d/.test(name)) continue;
    names.add(name);
  }
  return [...names];
}

function constraintTypeOf(text: string | undefined): ConstraintType {
  switch ((text ?? "").toLowerCase()) {
    case "foreignkey":
      return "foreign-key";
    case "unique":
      return "unique";
    case "check":
      return "check";
    case "primary":
      return "primary-key";
    default:
      return "unknown";
  }
}

/** A keyword argument written as `True`. */
export function isTrue(node: SyntaxNode | undefined | null): boolean {
  return node?.text === "True";
}

/**
 * A name as the code gives it: the string, or what could be resolved of it with `«...»` for the rest, or the
 * expression that holds it (`«table»` for a loop variable). Never an expression passed off as a name.
 */
export function nameOf(value: PyValue, node: SyntaxNode | undefined): string {
  const resolved = asString(value);
  if (resolved !== undefined) return resolved.text;
  if (value.kind === "unknown") return unresolvedName(value.text);
  return unresolvedName(node?.text ?? "?");
}

/**
 * Turns one `op.<directive>(...)` (or `batch_op.<directive>(...)`) call into domain operations.
 * `op.execute` hands its argument to `site.execute`; unknown directives become opaque operations.
 */
export function directiveOperations(directive: string, site: DirectiveSite): Operation[] {
  const signature = SIGNATURES.get(directive);
  if (!signature) {
    if (KNOWN_NON_OPERATIONS.has(directive)) return [];
    return [
      {
        kind: "opaque",
        origin: "op",
        span: site.span,
        context: site.context,
        text: compact(site.call.text),
        reason: `op.${directive}() is not an Alembic directive migragate knows; its effect is not analysed`,
      },
    ];
  }
  const batch = site.batchTable;
  const parameters = batch ? signature.filter((name) => name !== "table_name") : signature;
  const args = new Arguments(site.call, parameters);
  const value = (name: string): PyValue => site.evaluator.evaluate(args.named.get(name), site.scope);
  const text = (name: string): string | undefined => {
    const node = args.named.get(name);
    const given = value(name);
    // `name=None`: no name given (a naming convention names it), not an unknown one.
    return node === undefined || given.kind === "none" ? undefined : nameOf(given, node);
  };
  const strings = (name: string): string[] => {
    const list = value(name);
    const node = args.named.get(name);
    if (list.kind === "list") return list.items.map((item) => nameOf(item, node));
    return node === undefined || list.kind === "none" ? [] : [nameOf(list, node)];
  };
  const table = batch?.table ?? text("table_name") ?? "?";
  const schema = batch?.schema ?? plainString(value("schema"));
  const base = {
    origin: "op" as const,
    span: site.span,
    context: site.context,
    text: compact(site.call.text),
    table,
    ...(schema ? { schema } : {}),
  };

  switch (directive) {
    case "add_column": {
      const columnNode = args.named.get("column");
      // `email = sa.Column(...)` then `op.add_column("users", email)`: read the column where it was built.
      const columnValue = columnNode && !isColumnCall(columnNode) ? value("column") : undefined;
      const columnCall = columnValue?.kind === "column" ? columnValue.node : columnNode;
      const declaration =
        columnCall && isColumnCall(columnCall) ? columnDeclaration(columnCall, site.evaluator, site.scope) : undefined;
      // Alembic adds the column to a table of its own, where a primary key is the only one: SERIAL if it is an integer.
      const column = declaration ? withImplicitSerial([declaration])[0] : undefined;
      const name = column?.name ?? (columnNode ? nameOf(value("column"), columnNode) : "?");
      // Alembic emits `unique=True` as ADD UNIQUE and an inline CheckConstraint inside the ADD COLUMN.
      const constraints: Operation[] = [
        ...(declaration?.unique ? [{ constraintType: "unique" as const }] : []),
        ...(declaration?.checks ?? []).map(() => ({ constraintType: "check" as const })),
      ].map(({ constraintType }) => ({
        ...base,
        kind: "add-constraint",
        constraintType,
        columns: [name],
        notValid: false,
      }));
      return [
        {
          ...base,
          kind: "add-column",
          column: column ?? { name, nullable: true, primaryKey: false },
          ifNotExists: isTrue(args.named.get("if_not_exists")),
        },
        ...constraints,
      ];
    }
    case "alter_column":
      return alterColumnOperations(args, base, text("column_name") ?? "?", site);
    case "create_table": {
      const elements = args.rest();
      const primaryKeyColumns = new Set<string>();
      // A table-level sa.ForeignKeyConstraint(["account_id"], ["accounts.id"]) is read as the inline ForeignKey it
      // stands for: column -> referenced table.
      const foreignKeys = new Map<string, string>();
      const constraints: TableConstraint[] = [];
      for (const element of elements) {
        const callee = element.childForFieldName("function")?.text ?? "";
        if (/UniqueConstraint$/.test(callee)) {
          const columns = (element.childForFieldName("arguments")?.namedChildren ?? [])
            .filter((arg): arg is SyntaxNode => !!arg && arg.type !== "comment" && arg.type !== "keyword_argument")
            .map((arg) => plainString(site.evaluator.evaluate(arg, site.scope)))
            .filter((column): column is string => column !== undefined);
          const constraintName = plainString(site.evaluator.evaluate(keywordArgument(element, "name"), site.scope));
          // Unnamed, the database names it: the schema state knows which database the history runs on.
          if (columns.length > 0)
            constraints.push({
              constraintType: "unique",
              ...(constraintName !== undefined ? { name: constraintName } : {}),
              columns,
            });
        } else if (/PrimaryKeyConstraint$/.test(callee)) {
          for (const arg of element.childForFieldName("arguments")?.namedChildren ?? []) {
            const name = arg && plainString(site.evaluator.evaluate(arg, site.scope));
            if (name) primaryKeyColumns.add(name);
          }
        } else if (/ForeignKeyConstraint$/.test(callee)) {
          const [local, remote] = (element.childForFieldName("arguments")?.namedChildren ?? []).filter(
            (arg) => arg && arg.type !== "comment" && arg.type !== "keyword_argument",
          );
          const columns = site.evaluator.evaluate(local ?? undefined, site.scope);
          const targets = site.evaluator.evaluate(remote ?? undefined, site.scope);
          if (columns.kind !== "list" || targets.kind !== "list") continue;
          columns.items.forEach((column, index) => {
            const name = plainString(column);
            const target = plainString(targets.items[index]);
            const table = target?.includes(".") ? target.slice(0, target.lastIndexOf(".")).split(".").pop() : undefined;
            if (name && table) foreignKeys.set(name, table);
          });
          // Its name, so that a later drop_constraint by that name finds the key and what it covered.
          const keyColumns = columns.items.map(plainString);
          const keyName = plainString(site.evaluator.evaluate(keywordArgument(element, "name"), site.scope));
          if (keyName && keyColumns.every((column) => column !== undefined))
            constraints.push({ constraintType: "foreign-key", name: keyName, columns: keyColumns as string[] });
        }
      }
      const declarations = elements
        .filter((element) => isColumnCall(element))
        .map((element) => columnDeclaration(element, site.evaluator, site.scope, site.spanOf(element)))
        .filter((declaration) => declaration !== undefined)
        .map((declaration) => {
          const references = declaration.spec.references ?? foreignKeys.get(declaration.spec.name);
          const primaryKey = primaryKeyColumns.has(declaration.spec.name);
          return primaryKey || references !== declaration.spec.references
            ? {
                ...declaration,
                spec: {
                  ...declaration.spec,
                  ...(primaryKey ? { primaryKey: true, nullable: false } : {}),
                  ...(references !== undefined ? { references } : {}),
                },
              }
            : declaration;
        });
      const columns = withImplicitSerial(declarations);
      // Every element read: columns that all resolved, constraints of the kinds SQLAlchemy has, no `*columns`.
      const splat = (site.call.childForFieldName("arguments")?.namedChildren ?? []).some(
        (arg) => arg?.type === "list_splat",
      );
      const allColumnsKnown =
        !splat &&
        declarations.length === elements.filter((element) => isColumnCall(element)).length &&
        declarations.every((declaration) => !hasUnresolvedPart(declaration.spec.name)) &&
        elements.every(
          (element) =>
            isColumnCall(element) ||
            TABLE_ELEMENT_CALL.test(element.type === "call" ? (element.childForFieldName("function")?.text ?? "") : ""),
        );
      for (const declaration of declarations) {
        const column = declaration.spec.name;
        // Unnamed: the database names the key (PostgreSQL `<table>_<column>_key`, MySQL the column), and the schema
        // state names it as the history's database does.
        if (declaration.unique) constraints.push({ constraintType: "unique", columns: [column] });
      }
      return [
        {
          ...base,
          kind: "create-table",
          columns,
          ...(constraints.length > 0 ? { constraints } : {}),
          ifNotExists: isTrue(args.named.get("if_not_exists")),
          fromQuery: false,
          ...(allColumnsKnown ? { allColumnsKnown: true as const } : {}),
        },
      ];
    }
    case "drop_table":
      return [{ ...base, kind: "drop-table", ifExists: isTrue(args.named.get("if_exists")), cascade: false }];
    case "rename_table":
      return [{ ...base, kind: "rename-table", newName: text("new_table_name") ?? "?" }];
    case "create_index": {
      const name = text("index_name");
      return [
        {
          ...base,
          kind: "create-index",
          ...(name ? { name } : {}),
          columns: strings("columns"),
          unique: isTrue(args.named.get("unique")),
          concurrently: isTrue(args.named.get("postgresql_concurrently")),
          ifNotExists: isTrue(args.named.get("if_not_exists")),
        },
      ];
    }
    case "drop_index":
      return [
        {
          ...base,
          kind: "drop-index",
          table: batch?.table ?? text("table_name") ?? "?",
          name: text("index_name") ?? "?",
          concurrently: isTrue(args.named.get("postgresql_concurrently")),
          ifExists: isTrue(args.named.get("if_exists")),
        },
      ];
    case "create_foreign_key":
    case "create_unique_constraint":
    case "create_check_constraint":
    case "create_primary_key":
    case "create_exclude_constraint": {
      const constraintType: ConstraintType =
        directive === "create_foreign_key"
          ? "foreign-key"
          : directive === "create_unique_constraint"
            ? "unique"
            : directive === "create_check_constraint"
              ? "check"
              : directive === "create_primary_key"
                ? "primary-key"
                : "exclude";
      const name = text("constraint_name");
      const referencedTable = text("referent_table");
      return [
        {
          ...base,
          kind: "add-constraint",
          ...(name !== undefined ? { name } : {}),
          constraintType,
          columns:
            constraintType === "foreign-key"
              ? strings("local_cols")
              : constraintType === "check"
                ? conditionColumns(text("condition") ?? "")
                : strings("columns"),
          notValid: isTrue(args.named.get("postgresql_not_valid")),
          ...(constraintType === "foreign-key" && referencedTable ? { referencedTable } : {}),
          ...(constraintType === "foreign-key" && strings("remote_cols").length > 0
            ? { referencedColumns: strings("remote_cols") }
            : {}),
        },
      ];
    }
    case "drop_constraint":
      return [
        {
          ...base,
          kind: "drop-constraint",
          name: text("constraint_name") ?? "?",
          constraintType: constraintTypeOf(text("type_")),
          ifExists: isTrue(args.named.get("if_exists")),
        },
      ];
    case "drop_column":
      return [
        {
          ...base,
          kind: "drop-column",
          column: text("column_name") ?? "?",
          ifExists: isTrue(args.named.get("if_exists")),
        },
      ];
    case "execute":
      site.execute(args.named.get("sqltext"));
      return [];
    case "bulk_insert": {
      const target = value("table");
      const targetTable = target.kind === "table" ? target.name : undefined;
      const { table: _ignored, ...rest } = base;
      // Rows built at run time (`op.bulk_insert(table, new_records)`) usually copy rows read from the database.
      const writtenOut = rowsWrittenOut(args.named.get("rows"), site.evaluator, site.scope);
      return [
        {
          ...rest,
          ...(writtenOut ? {} : { context: repeatedContext(site.context) }),
          kind: "data-change",
          statement: "bulk-insert",
          ...(targetTable ? { table: targetTable } : {}),
          hasWhere: true,
        },
      ];
    }
    case "create_table_comment":
    case "drop_table_comment":
      return [{ ...base, kind: "comment", target: "table" }];
    case "create_entity":
    case "replace_entity":
    case "drop_entity": {
      const entity = args.named.get("entity")?.text ?? "?";
      const { table: _ignored, ...rest } = base;
      return directive === "drop_entity"
        ? [{ ...rest, kind: "drop-object", objectType: "other", name: entity, ifExists: false, cascade: false }]
        : [
            {
              ...rest,
              kind: "create-object",
              objectType: "other",
              name: entity,
              ifNotExists: false,
              orReplace: directive === "replace_entity",
            },
          ];
    }
    default:
      return [];
  }
}

function alterColumnOperations(
  args: Arguments,
  base: {
    origin: "op";
    span: SourceSpan;
    context: OperationContext;
    text: string;
    table: string;
    schema?: string;
  },
  column: string,
  site: DirectiveSite,
): Operation[] {
  const operations: Operation[] = [];
  const nullable = args.named.get("nullable")?.text;
  const existingNullable = args.named.get("existing_nullable")?.text;
  if (nullable === "False" && existingNullable !== "False") operations.push({ ...base, kind: "set-not-null", column });
  if (nullable === "True" && existingNullable !== "True") operations.push({ ...base, kind: "drop-not-null", column });
  const newType = args.named.get("type_");
  if (newType) {
    const toType = sqlAlchemyType(newType, site.evaluator, site.scope);
    const fromType = sqlAlchemyType(args.named.get("existing_type"), site.evaluator, site.scope);
    const using = args.named.get("postgresql_using");
    operations.push({
      ...base,
      kind: "change-column-type",
      column,
      ...(toType !== undefined ? { toType } : { toTypeWritten: compact(newType.text) }),
      ...(fromType ? { fromType } : {}),
      ...(using ? { using: using.text } : {}),
    });
  }
  const serverDefault = args.named.get("server_default");
  if (serverDefault && serverDefault.text !== "False") {
    operations.push({
      ...base,
      kind: "set-column-default",
      column,
      ...(serverDefault.type === "none" ? {} : { default: serverDefault.text }),
    });
  }
  const comment = args.named.get("comment");
  if (comment && comment.text !== "False") operations.push({ ...base, kind: "comment", target: "column" });
  const newName = args.named.get("new_column_name");
  if (newName) {
    const name = plainString(site.evaluator.evaluate(newName, site.scope)) ?? newName.text;
    operations.push({ ...base, kind: "rename-column", column, newName: name });
  }
  if (operations.length === 0) {
    operations.push({ ...base, kind: "alter-table-other", action: `alter_column ${column} without a change` });
  }
  return operations;
}
