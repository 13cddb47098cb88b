import { type Dialect, hasUnresolvedPart } from "../src/domain/index.js";

/**
 * PostgreSQL's reserved key words, and those reserved but allowed as function or type names: as a table or column
 * name in a statement they must be quoted (`ALTER TABLE user ...` is a syntax error).
 */
const RESERVED: ReadonlySet<string> = new Set(
  (
    "all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate " +
    "collation column concurrently constraint create cross current_catalog current_date current_role " +
    "current_schema current_time current_timestamp current_user default deferrable desc distinct do else end " +
    "except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into " +
    "is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on " +
    "only or order outer overlaps placing primary references returning right select session_user similar some " +
    "symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when " +
    "where window with"
  ).split(" "),
);

const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A name as SQL text in a hint, so that the statement runs as written: quoted when it is a reserved word or not a
 * plain lowercase name (`"user"`, `"Order"`), with backticks on MySQL. A name migragate could not resolve (`«name»`)
 * is left as it is: the hint shows where the user's own value goes.
 */
export function sqlName(name: string, dialect?: Dialect): string {
  if (hasUnresolvedPart(name) || (PLAIN_NAME.test(name) && !RESERVED.has(name))) return name;
  return dialect === "mysql" ? `\`${name.replace(/`/g, "``")}\`` : `"${name.replace(/"/g, '""')}"`;
}

/** The operation's table as SQL text, with its schema when one was given: `billing."order"`. */
export function sqlTable(op: {
  readonly table?: string;
  readonly schema?: string;
  readonly dialect?: Dialect;
}): string {
  const table = sqlName(op.table ?? "", op.dialect);
  return op.schema ? `${sqlName(op.schema, op.dialect)}.${table}` : table;
}
