import { type ColumnSpec, type SourceSpan, unresolvedName } from "../../domain/index.js";
import type { SyntaxNode } from "./syntax-tree.js";
import { asString, type Evaluator, keywordArgument, plainString, type Scope } from "./values.js";

const MODULE_PREFIX = /^(?:[A-Za-z_]\w*\.)*/;

const TYPE_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    string: "varchar",
    varchar: "varchar",
    unicode: "varchar",
    nvarchar: "varchar",
    text: "text",
    unicodetext: "text",
    tinytext: "tinytext",
    mediumtext: "mediumtext",
    longtext: "longtext",
    clob: "text",
    integer: "integer",
    int: "integer",
    biginteger: "bigint",
    bigint: "bigint",
    smallinteger: "smallint",
    smallint: "smallint",
    boolean: "boolean",
    date: "date",
    time: "time",
    numeric: "numeric",
    decimal: "numeric",
    float: "double precision",
    double: "double precision",
    real: "real",
    json: "json",
    jsonb: "jsonb",
    uuid: "uuid",
    largebinary: "bytea",
    bytea: "bytea",
    binary: "bytea",
    interval: "interval",
    enum: "enum",
    array: "array",
    char: "char",
    inet: "inet",
    cidr: "cidr",
  }),
);

/** Normalises a SQLAlchemy type expression (`sa.String(length=255)`, `postgresql.JSONB`) to a type text. */
export function sqlAlchemyType(
  node: SyntaxNode | undefined,
  evaluator: Evaluator,
  scope: Scope,
  depth = 0,
): string | undefined {
  if (!node) return undefined;
  if (node.type === "identifier") {
    // `type_=new_status`: a local variable holds the type (`new_status = sa.Enum(...)`); read what it holds. A name
    // the file binds to something unreadable is unknown, never a type name.
    const bound = scope.lookup(node.text);
    if (bound !== undefined) {
      return bound.kind === "unknown" && bound.node !== undefined && bound.node !== node && depth < 4
        ? sqlAlchemyType(bound.node, evaluator, scope, depth + 1)
        : undefined;
    }
  }
  const callee = node.type === "call" ? node.childForFieldName("function") : node;
  if (!callee) return undefined;
  // `JSONType().with_variant(mysql.JSON(), "mysql")`: the type before the dialect variants.
  if (callee.type === "attribute" && callee.childForFieldName("attribute")?.text === "with_variant") {
    return sqlAlchemyType(callee.childForFieldName("object") ?? undefined, evaluator, scope);
  }
  // Only a plain (dotted) name is a type we can read; anything else is left unknown rather than guessed.
  if (!/^[A-Za-z_][\w.]*$/.test(callee.text)) return undefined;
  // `types.Uuid` where `types` is one of the project's own modules (tacker's is a String(36) TypeDecorator): the
  // project's type, whatever SQLAlchemy type shares its name. It compares equal only to itself.
  const head = callee.text.includes(".") ? callee.text.slice(0, callee.text.indexOf(".")) : undefined;
  const headValue = head === undefined ? undefined : scope.lookup(head);
  if (headValue?.kind === "module" && headValue.module !== undefined) return callee.text.toLowerCase();
  const name = callee.text.replace(MODULE_PREFIX, "");
  const lower = name.toLowerCase();
  if (lower === "datetime" || lower === "timestamp") {
    // `sa.DateTime(True)`: timezone is DateTime's first positional parameter.
    const firstPositional =
      node.type === "call"
        ? node.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment")
        : undefined;
    const timezone =
      node.type === "call"
        ? (keywordArgument(node, "timezone")?.text ??
          (firstPositional && firstPositional.type !== "keyword_argument" ? firstPositional.text : undefined))
        : undefined;
    return timezone === "True" ? "timestamp with time zone" : "timestamp without time zone";
  }
  // A project's own type (a TypeDecorator): its name, which compares equal only to itself.
  const base = TYPE_NAMES.get(lower);
  // A project's own type class (CapWords, as classes are) stands for itself; `make_type(...)` is a call whose result
  // is unknown.
  if (base === undefined) return /^[A-Z]/.test(name) ? lower : undefined;
  if (node.type !== "call") return base;
  if (base === "enum") return enumType(node, evaluator, scope);
  if (base === "array") {
    // `sa.ARRAY(sa.String(100))`: the element type, as PostgreSQL spells arrays.
    const element = node.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment");
    const inner =
      element?.type === "keyword_argument" ? undefined : sqlAlchemyType(element ?? undefined, evaluator, scope);
    return inner === undefined ? base : `${inner}[]`;
  }
  const args = node.childForFieldName("arguments")?.namedChildren ?? [];
  const numbers: string[] = [];
  for (const arg of args) {
    if (!arg) continue;
    if (arg.type === "integer") numbers.push(arg.text);
    else if (arg.type === "keyword_argument") {
      const key = arg.childForFieldName("name")?.text;
      const value = plainString(evaluator.evaluate(arg.childForFieldName("value"), scope));
      if ((key === "length" || key === "precision" || key === "scale") && value !== undefined) numbers.push(value);
    }
  }
  return numbers.length > 0 && ["varchar", "numeric", "char"].includes(base) ? `${base}(${numbers.join(",")})` : base;
}

/**
 * `sa.Enum("a", "b", name=...)` as `enum('a','b')`, so that a change to a superset of values reads as the widening it
 * is; `enum` alone when the values are not literals (a Python enum class, a splat).
 */
function enumType(call: SyntaxNode, evaluator: Evaluator, scope: Scope): string {
  const values: string[] = [];
  // PostgreSQL names the type (`name="vpn_pfs"`): a change to an enum of the same name is no change there.
  const name = plainString(evaluator.evaluate(keywordArgument(call, "name"), scope));
  const named = name === undefined ? "" : ` named ${name}`;
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (!arg || arg.type === "comment" || arg.type === "keyword_argument") continue;
    const value = plainString(evaluator.evaluate(arg, scope));
    if (value === undefined) return `enum${named}`;
    values.push(`'${value.replace(/'/g, "''")}'`);
  }
  return values.length > 0 ? `enum(${values.join(",")})${named}` : `enum${named}`;
}

const COLUMN_CALL = /(?:^|\.)Column$/;

export function isColumnCall(node: SyntaxNode | undefined | null): boolean {
  return node?.type === "call" && COLUMN_CALL.test(node.childForFieldName("function")?.text ?? "");
}

/** A column as declared, with what SQLAlchemy needs to decide whether it renders it as SERIAL. */
export interface ColumnDeclaration {
  readonly spec: ColumnSpec;
  /** `autoincrement=` as written: "auto" when absent. */
  readonly autoincrement: string;
  /** A python-side `default=` or a `Sequence(...)`: SQLAlchemy then renders no SERIAL. */
  readonly clientDefault: boolean;
  /** `unique=True`. */
  readonly unique: boolean;
  /** Source text of each inline `CheckConstraint(...)` condition. */
  readonly checks: readonly string[];
}

const INTEGER_TYPES = new Set(["integer", "bigint", "smallint"]);

/**
 * Marks the column SQLAlchemy's PostgreSQL dialect renders as SERIAL/BIGSERIAL/SMALLSERIAL: the table's
 * autoincrement column, an integer primary key with no default, no identity and (unless `autoincrement=True` or
 * "ignore_fk") no foreign key; with a composite key only a column that says `autoincrement=True`.
 */
export function withImplicitSerial(declarations: readonly ColumnDeclaration[]): ColumnSpec[] {
  const keys = declarations.filter((declaration) => declaration.spec.primaryKey);
  const serial = (declaration: ColumnDeclaration): boolean => {
    const { spec, autoincrement } = declaration;
    if (!spec.primaryKey || spec.generated !== undefined || declaration.clientDefault) return false;
    if (!INTEGER_TYPES.has(spec.type ?? "")) return false;
    if (autoincrement === "True") return true;
    if (keys.length !== 1 || (autoincrement !== "auto" && autoincrement !== '"ignore_fk"')) return false;
    if (spec.serverDefault !== undefined) return false;
    return spec.references === undefined || autoincrement === '"ignore_fk"';
  };
  return declarations.map((declaration) =>
    serial(declaration) ? { ...declaration.spec, generated: "serial", implicitSerial: true } : declaration.spec,
  );
}

/**
 * Reads `sa.Column(name, type, *constraints, nullable=, server_default=, default=, primary_key=)`, and what
 * SQLAlchemy's rendering of the column further depends on.
 */
export function columnDeclaration(
  call: SyntaxNode,
  evaluator: Evaluator,
  scope: Scope,
  span?: SourceSpan,
): ColumnDeclaration | undefined {
  const positional: { node: SyntaxNode; callee: string }[] = [];
  const keywords = new Map<string, SyntaxNode>();
  // One pass over the arguments: every node access crosses into WASM, and a table can have hundreds of columns.
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (!arg) continue;
    const kind = arg.type;
    if (kind === "comment") continue;
    if (kind === "keyword_argument") {
      const value = arg.childForFieldName("value");
      if (value) keywords.set(arg.childForFieldName("name")?.text ?? "", value);
    } else {
      positional.push({ node: arg, callee: kind === "call" ? (arg.childForFieldName("function")?.text ?? "") : "" });
    }
  }
  // `sa.Column("email", sa.Text())`, or the keyword form `sa.Column(name="email", type_=sa.Text())`.
  const nameNode = keywords.get("name") ?? positional[0]?.node;
  if (!nameNode) return undefined;
  const named = evaluator.evaluate(nameNode, scope);
  const resolved = asString(named);
  const name = resolved?.text ?? unresolvedName(named.kind === "unknown" ? named.text : nameNode.text);
  const rest = keywords.has("name") ? positional : positional.slice(1);
  const typeNode = keywords.get("type_") ?? rest.find((arg) => !CONSTRAINT_CALL.test(arg.callee))?.node;
  const primaryKey = keywords.get("primary_key")?.text === "True";
  const nullableText = keywords.get("nullable")?.text;
  const nullable = nullableText === undefined ? !primaryKey : nullableText !== "False";
  const serverDefault = keywords.get("server_default");
  const pythonDefault = keywords.get("default");
  const foreignKey = positional.find((arg) => /ForeignKey$/.test(arg.callee))?.node;
  const identity = positional.some((arg) => /Identity$/.test(arg.callee));
  const computed = positional.find((arg) => /Computed$/.test(arg.callee))?.node;
  const type = sqlAlchemyType(typeNode, evaluator, scope);
  const generated = identity
    ? "identity"
    : computed && keywordArgument(computed, "persisted")?.text !== "False"
      ? "stored"
      : undefined;
  const references = foreignKey
    ? plainString(evaluator.evaluate(foreignKey.childForFieldName("arguments")?.namedChildren[0], scope))
    : undefined;
  const spec: ColumnSpec = {
    name,
    ...(span ? { span } : {}),
    nullable,
    primaryKey,
    ...(type ? { type } : {}),
    ...(serverDefault && serverDefault.type !== "none" ? { serverDefault: serverDefault.text } : {}),
    ...(pythonDefault && pythonDefault.type !== "none" ? { pythonDefault: pythonDefault.text } : {}),
    ...(generated ? { generated } : {}),
    ...(references ? { references: references.split(".")[0] ?? references } : {}),
    ...(references?.includes(".") ? { referencedColumn: references.slice(references.lastIndexOf(".") + 1) } : {}),
  };
  const checks = positional
    .filter((arg) => /CheckConstraint$/.test(arg.callee))
    .map((arg) => arg.node.childForFieldName("arguments")?.namedChildren.find((child) => child?.type !== "comment"))
    .map((condition) => plainString(evaluator.evaluate(condition ?? undefined, scope)) ?? condition?.text ?? "?");
  return {
    spec,
    autoincrement: keywords.get("autoincrement")?.text ?? "auto",
    clientDefault: spec.pythonDefault !== undefined || positional.some((arg) => /Sequence$/.test(arg.callee)),
    unique: keywords.get("unique")?.text === "True",
    checks,
  };
}

const CONSTRAINT_CALL = /(?:ForeignKey|Identity|Computed|Sequence|CheckConstraint)$/;
