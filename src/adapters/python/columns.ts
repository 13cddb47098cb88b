import type { Node } from "web-tree-sitter";
import type { ColumnSpec } from "../../domain/index.js";
import { type Evaluator, keywordArgument, plainString, type Scope } from "./values.js";

const MODULE_PREFIX = /^(?:[A-Za-z_]\w*\.)*/;

const TYPE_NAMES: Record<string, string> = {
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
};

/** Normalises a SQLAlchemy type expression (`sa.String(length=255)`, `postgresql.JSONB`) to a type text. */
export function sqlAlchemyType(node: Node | undefined, evaluator: Evaluator, scope: Scope): string | undefined {
  if (!node) return undefined;
  const callee = node.type === "call" ? node.childForFieldName("function") : node;
  if (!callee) return undefined;
  // `JSONType().with_variant(mysql.JSON(), "mysql")`: the type before the dialect variants.
  if (callee.type === "attribute" && callee.childForFieldName("attribute")?.text === "with_variant") {
    return sqlAlchemyType(callee.childForFieldName("object") ?? undefined, evaluator, scope);
  }
  // Only a plain (dotted) name is a type we can read; anything else is left unknown rather than guessed.
  if (!/^[A-Za-z_][\w.]*$/.test(callee.text)) return undefined;
  const name = callee.text.replace(MODULE_PREFIX, "");
  const lower = name.toLowerCase();
  if (lower === "datetime" || lower === "timestamp") {
    const timezone = node.type === "call" ? keywordArgument(node, "timezone")?.text : undefined;
    return timezone === "True" ? "timestamp with time zone" : "timestamp without time zone";
  }
  // A project's own type (a TypeDecorator): its name, which compares equal only to itself.
  if (!TYPE_NAMES[lower]) return lower;
  const base = TYPE_NAMES[lower] ?? lower;
  if (node.type !== "call") return base;
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

const COLUMN_CALL = /(?:^|\.)Column$/;

export function isColumnCall(node: Node | undefined | null): boolean {
  return node?.type === "call" && COLUMN_CALL.test(node.childForFieldName("function")?.text ?? "");
}

/** Reads `sa.Column(name, type, *constraints, nullable=, server_default=, default=, primary_key=)`. */
export function columnSpec(call: Node, evaluator: Evaluator, scope: Scope): ColumnSpec | undefined {
  const positional: { node: Node; callee: string }[] = [];
  const keywords = new Map<string, Node>();
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
  const first = positional[0]?.node;
  const name = plainString(evaluator.evaluate(first, scope)) ?? first?.text;
  if (!name) return undefined;
  const typeNode = keywords.get("type_") ?? positional.slice(1).find((arg) => !CONSTRAINT_CALL.test(arg.callee))?.node;
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
  return {
    name,
    nullable,
    primaryKey,
    ...(type ? { type } : {}),
    ...(serverDefault && serverDefault.type !== "none" ? { serverDefault: serverDefault.text } : {}),
    ...(pythonDefault && pythonDefault.type !== "none" ? { pythonDefault: pythonDefault.text } : {}),
    ...(generated ? { generated } : {}),
    ...(references ? { references: references.split(".")[0] ?? references } : {}),
  };
}

const CONSTRAINT_CALL = /(?:ForeignKey|Identity|Computed|Sequence|CheckConstraint)$/;
