/** Small readers over libpg-query's JSON AST, which is untyped at this boundary. */
// biome-ignore lint/suspicious/noExplicitAny: the AST is plain JSON of many shapes
export type AstNode = any;

const PG_TYPE_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    int2: "smallint",
    int4: "integer",
    int8: "bigint",
    bool: "boolean",
    float4: "real",
    float8: "double precision",
    bpchar: "char",
    timestamptz: "timestamp with time zone",
    timestamp: "timestamp without time zone",
    timetz: "time with time zone",
    serial: "integer",
    serial4: "integer",
    bigserial: "bigint",
    serial8: "bigint",
    smallserial: "smallint",
    serial2: "smallint",
  }),
);

export function stringValues(list: AstNode[] | undefined): string[] {
  return (list ?? []).map((item: AstNode) => item?.String?.sval).filter((value: unknown) => typeof value === "string");
}

export function typeNameText(typeName: AstNode): string | undefined {
  if (!typeName) return undefined;
  const names = stringValues(typeName.names).filter((name) => name !== "pg_catalog");
  const base = names[names.length - 1];
  if (!base) return undefined;
  const normalised = PG_TYPE_NAMES.get(base) ?? base;
  const modifiers = (typeName.typmods ?? [])
    .map((modifier: AstNode) => modifier?.A_Const?.ival?.ival)
    .filter((value: unknown) => typeof value === "number");
  const withModifiers = modifiers.length > 0 ? `${normalised}(${modifiers.join(",")})` : normalised;
  return typeName.arrayBounds ? `${withModifiers}[]` : withModifiers;
}

export function isSerialType(typeName: AstNode): boolean {
  const names = stringValues(typeName?.names);
  return /^(?:small|big)?serial[248]?$/.test(names[names.length - 1] ?? "");
}

/** The columns a CHECK expression reads: every ColumnRef in it, last name part, without repeats. */
export function columnsReferenced(node: AstNode): string[] {
  const found = new Set<string>();
  const visit = (value: AstNode): void => {
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value.ColumnRef) {
      const name = stringValues(value.ColumnRef.fields).pop();
      if (name) found.add(name);
      return;
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(node);
  return [...found];
}

/** A compact rendering of a default or USING expression, enough to judge it (e.g. volatile functions). */
export function expressionText(node: AstNode): string {
  if (!node || typeof node !== "object") return "?";
  if (node.A_Const) {
    const constant = node.A_Const;
    if (constant.isnull) return "NULL";
    if (constant.sval) return `'${constant.sval.sval ?? ""}'`;
    if (constant.ival) return String(constant.ival.ival ?? 0);
    if (constant.fval) return String(constant.fval.fval);
    if (constant.boolval) return String(constant.boolval.boolval ?? false);
    return "?";
  }
  if (node.FuncCall) {
    const name = stringValues(node.FuncCall.funcname).join(".");
    return `${name}(${(node.FuncCall.args ?? []).map(expressionText).join(", ")})`;
  }
  if (node.TypeCast) return `${expressionText(node.TypeCast.arg)}::${typeNameText(node.TypeCast.typeName) ?? "?"}`;
  if (node.ColumnRef) return stringValues(node.ColumnRef.fields).join(".");
  if (node.SQLValueFunction) return String(node.SQLValueFunction.op ?? "").replace(/^SVFOP_/, "");
  if (node.A_Expr) {
    const operator = stringValues(node.A_Expr.name).join("");
    if (node.A_Expr.kind === "AEXPR_NULLIF") return `NULLIF(${list([node.A_Expr.lexpr, node.A_Expr.rexpr])})`;
    if (node.A_Expr.lexpr === undefined) return `${operator}${expressionText(node.A_Expr.rexpr)}`;
    return `${expressionText(node.A_Expr.lexpr)} ${operator} ${expressionText(node.A_Expr.rexpr)}`;
  }
  if (node.ParamRef) return `$${node.ParamRef.number ?? ""}`;
  if (node.CoalesceExpr) return `COALESCE(${list(node.CoalesceExpr.args)})`;
  if (node.MinMaxExpr)
    return `${node.MinMaxExpr.op === "IS_LEAST" ? "LEAST" : "GREATEST"}(${list(node.MinMaxExpr.args)})`;
  if (node.A_ArrayExpr) return `ARRAY[${list(node.A_ArrayExpr.elements)}]`;
  if (node.RowExpr) return `ROW(${list(node.RowExpr.args)})`;
  if (node.NullTest) {
    return `${expressionText(node.NullTest.arg)} IS ${node.NullTest.nulltesttype === "IS_NOT_NULL" ? "NOT " : ""}NULL`;
  }
  if (node.BoolExpr) {
    const args = (node.BoolExpr.args ?? []).map(expressionText);
    if (node.BoolExpr.boolop === "NOT_EXPR") return `NOT ${args[0] ?? "?"}`;
    return `(${args.join(node.BoolExpr.boolop === "OR_EXPR" ? " OR " : " AND ")})`;
  }
  if (node.CaseExpr) {
    const subject = node.CaseExpr.arg ? ` ${expressionText(node.CaseExpr.arg)}` : "";
    const branches = (node.CaseExpr.args ?? []).map(
      (branch: AstNode) =>
        ` WHEN ${expressionText(branch?.CaseWhen?.expr)} THEN ${expressionText(branch?.CaseWhen?.result)}`,
    );
    const otherwise = node.CaseExpr.defresult ? ` ELSE ${expressionText(node.CaseExpr.defresult)}` : "";
    return `CASE${subject}${branches.join("")}${otherwise} END`;
  }
  if (node.CollateClause) return expressionText(node.CollateClause.arg);
  // Anything else keeps its node name, and the functions it calls, so that a default's volatility can still be read.
  const name = Object.keys(node)[0] ?? "?";
  const calls = functionCalls(node);
  return calls.length > 0 ? `${name}[${calls.join(", ")}]` : name;
}

function list(items: AstNode[] | undefined): string {
  return (items ?? []).map(expressionText).join(", ");
}

/** Every function call inside a node, rendered. */
function functionCalls(node: AstNode): string[] {
  const found: string[] = [];
  const visit = (value: AstNode): void => {
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value.FuncCall) {
      found.push(expressionText(value));
      return;
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(node);
  return found;
}

/**
 * The columns a WHERE clause restricts to NULL when it is nothing but `col IS NULL` tests joined by AND, each column
 * unqualified or qualified by one of `tableNames` (the target table and its alias); undefined otherwise.
 */
export function nullTestedColumns(where: AstNode, tableNames: readonly string[]): string[] | undefined {
  if (where?.BoolExpr?.boolop === "AND_EXPR") {
    const parts = (where.BoolExpr.args ?? []).map((arg: AstNode) => nullTestedColumns(arg, tableNames));
    return parts.length > 0 && parts.every(Array.isArray) ? [...new Set<string>(parts.flat())] : undefined;
  }
  const test = where?.NullTest;
  if (test?.nulltesttype !== "IS_NULL" || !test.arg?.ColumnRef) return undefined;
  const fields = stringValues(test.arg.ColumnRef.fields);
  const column = fields.at(-1);
  if (column === undefined || fields.length > 2) return undefined;
  if (fields.length === 2 && !tableNames.includes(fields[0] ?? "")) return undefined;
  return [column];
}

const TRUE_WORDS = /^(?:t|tr|tru|true|y|ye|yes|on|1)$/i;

/**
 * Whether a statement option list (`VACUUM (FULL FALSE)`, `REINDEX (CONCURRENTLY off)`) turns `name` on. An option
 * written without a value is on; a value is read as PostgreSQL reads a boolean (true/false, on/off, yes/no, 1/0).
 */
export function optionEnabled(options: AstNode[] | undefined, name: string): boolean {
  const option = (options ?? []).find((item: AstNode) => item?.DefElem?.defname === name)?.DefElem;
  if (!option) return false;
  const value = option.arg;
  if (value === undefined) return true;
  if (value.String) return TRUE_WORDS.test(String(value.String.sval ?? ""));
  if (value.Integer) return (value.Integer.ival ?? 0) !== 0;
  if (value.Boolean) return value.Boolean.boolval === true;
  return true;
}

/** `[schema, name]` lists of DROP statements and qualified names. */
export function qualifiedName(item: AstNode): { name: string; schema?: string } {
  const parts = item?.List
    ? stringValues(item.List.items)
    : item?.String
      ? [item.String.sval]
      : item?.TypeName
        ? stringValues(item.TypeName.names)
        : item?.ObjectWithArgs
          ? stringValues(item.ObjectWithArgs.objname)
          : Array.isArray(item)
            ? stringValues(item)
            : [];
  const name = parts[parts.length - 1] ?? "?";
  const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
  return schema ? { name, schema } : { name };
}
