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
    return `${expressionText(node.A_Expr.lexpr)} ${operator} ${expressionText(node.A_Expr.rexpr)}`;
  }
  if (node.ParamRef) return `$${node.ParamRef.number ?? ""}`;
  return Object.keys(node)[0] ?? "?";
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
