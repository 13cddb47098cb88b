import type { Origin } from "./operation.js";

/** The SQL functions a column default calls, sorted by what migragate knows of their volatility. */
export interface DefaultFunctions {
  /** Calls of functions PostgreSQL marks VOLATILE (`gen_random_uuid()`), lower case, without repeats. */
  readonly volatile: readonly string[];
  /**
   * Calls of functions migragate does not know, as written (`billing.next_ref`), without repeats: a function is
   * VOLATILE unless its CREATE FUNCTION says otherwise.
   */
  readonly unknown: readonly string[];
}

/** Functions PostgreSQL marks VOLATILE that appear in column defaults: a new value for every row. */
const VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set([
  "random",
  "random_normal",
  "setseed",
  "gen_random_uuid",
  "gen_random_bytes",
  "gen_salt",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "uuidv4",
  "uuidv7",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "currval",
  "lastval",
  "txid_current",
  "pg_current_xact_id",
]);

/**
 * Functions (and function-like SQL constructs) that are STABLE or IMMUTABLE and common in defaults: evaluated once
 * for the statement, they are stored in the catalog and rewrite nothing.
 */
const NON_VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set([
  // time: stable within a transaction
  "now",
  "current_timestamp",
  "current_date",
  "current_time",
  "localtime",
  "localtimestamp",
  "statement_timestamp",
  "transaction_timestamp",
  "timezone",
  "date_trunc",
  "date_part",
  "date_bin",
  "make_date",
  "make_time",
  "make_timestamp",
  "make_timestamptz",
  "make_interval",
  "to_timestamp",
  "to_date",
  "to_char",
  "to_number",
  "age",
  // text
  "lower",
  "upper",
  "initcap",
  "btrim",
  "ltrim",
  "rtrim",
  "substr",
  "left",
  "right",
  "length",
  "char_length",
  "concat",
  "concat_ws",
  "replace",
  "lpad",
  "rpad",
  "repeat",
  "md5",
  "encode",
  "decode",
  "format",
  "quote_ident",
  "quote_literal",
  // conditional expressions
  "coalesce",
  "nullif",
  "greatest",
  "least",
  // json and arrays
  "jsonb_build_object",
  "jsonb_build_array",
  "json_build_object",
  "json_build_array",
  "to_jsonb",
  "to_json",
  "jsonb_object",
  "json_object",
  "array_to_json",
  "row_to_json",
  "array_fill",
  "string_to_array",
  "array_to_string",
  "cardinality",
  // numbers
  "abs",
  "round",
  "floor",
  "ceil",
  "ceiling",
  "trunc",
  "power",
  "sqrt",
  "mod",
  // session and settings
  "current_setting",
  "current_schema",
  "current_database",
  "current_user",
  "session_user",
  "inet_client_addr",
  // uuid-ossp's name-based and constant uuids
  "uuid_nil",
  "uuid_ns_dns",
  "uuid_ns_url",
  "uuid_ns_oid",
  "uuid_ns_x500",
  "uuid_generate_v3",
  "uuid_generate_v5",
  // function-style casts and types with a modifier: `int4(x)`, `timestamp(0)`
  "date",
  "text",
  "bool",
  "int2",
  "int4",
  "int8",
  "float4",
  "float8",
  "numeric",
  "decimal",
  "varchar",
  "char",
  "character",
  "varying",
  "bit",
  "time",
  "timestamp",
  "timestamptz",
  "interval",
  "float",
]);

/** SQL keywords that an opening parenthesis can follow without being a function call. */
const KEYWORDS: ReadonlySet<string> = new Set([
  "and",
  "or",
  "not",
  "in",
  "is",
  "case",
  "when",
  "then",
  "else",
  "end",
  "like",
  "ilike",
  "similar",
  "between",
  "exists",
  "any",
  "all",
  "some",
  "array",
  "row",
  "values",
  "select",
  "as",
  "distinct",
  "filter",
  "over",
  "within",
  "using",
  "escape",
  "collate",
  "on",
  "cast",
  "extract",
  "position",
  "overlay",
  "substring",
  "trim",
  "treat",
]);

/** SQLAlchemy constructs whose string argument is SQL text; other strings in Python are bound values or constants. */
const SQL_TEXT_CONSTRUCTS: ReadonlySet<string> = new Set(["text", "literal_column"]);

const PYTHON_STRING_PREFIX = /^[rRuUbBfF]{1,2}$/;

interface Token {
  readonly kind: "word" | "string" | "punct";
  readonly text: string;
}

/** SQL tokens: dotted names (quoted parts unquoted), string constants (skipped content), punctuation (`::` whole). */
function sqlTokens(sql: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < sql.length) {
    const char = sql[index] ?? "";
    if (/\s/.test(char)) {
      index++;
    } else if (char === "'") {
      let end = index + 1;
      while (end < sql.length && !(sql[end] === "'" && sql[end + 1] !== "'")) end += sql[end] === "'" ? 2 : 1;
      tokens.push({ kind: "string", text: sql.slice(index, end + 1) });
      index = end + 1;
    } else if (char === "$" && /^\$(?:[A-Za-z_]\w*)?\$/.test(sql.slice(index))) {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(index))?.[0] ?? "$$";
      const close = sql.indexOf(tag, index + tag.length);
      const end = close < 0 ? sql.length : close + tag.length;
      tokens.push({ kind: "string", text: sql.slice(index, end) });
      index = end;
    } else if (char === '"' || /[\p{L}_«]/u.test(char)) {
      // A dotted name: `pg_catalog.now`, `"Billing"."NextRef"`, `«fn»` (a value migragate could not resolve).
      const parts: string[] = [];
      let end = index;
      for (;;) {
        const part = /^(?:"(?:[^"]|"")*"|(?:«[^»]*»|[\p{L}_])(?:«[^»]*»|[\p{L}\p{N}_$])*)/u.exec(sql.slice(end))?.[0];
        if (part === undefined) break;
        parts.push(part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part);
        end += part.length;
        if (sql[end] !== "." || !/^[\p{L}_"«]/u.test(sql[end + 1] ?? "")) break;
        end++;
      }
      tokens.push({ kind: "word", text: parts.join(".") });
      index = Math.max(end, index + 1);
    } else if (char === ":" && sql[index + 1] === ":") {
      tokens.push({ kind: "punct", text: "::" });
      index += 2;
    } else {
      tokens.push({ kind: "punct", text: char });
      index++;
    }
  }
  return tokens;
}

/** The names SQL text calls as functions: a name followed by `(` that is neither a keyword nor a type modifier. */
function sqlCalls(sql: string): string[] {
  const tokens = sqlTokens(sql);
  const calls: string[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== "word" || tokens[index + 1]?.text !== "(") return;
    const before = tokens[index - 1];
    // `'1'::numeric(10, 2)`, `CAST(x AS varchar(20))`: a type with its modifier.
    if (before?.text === "::" || (before?.kind === "word" && before.text.toLowerCase() === "as")) return;
    if (KEYWORDS.has(token.text.toLowerCase())) return;
    calls.push(token.text);
  });
  return calls;
}

/** A Python string literal's content, escapes read (raw strings as written). */
function pythonStringContent(literal: string, raw: boolean): string {
  const quote = /^("""|'''|"|')/.exec(literal)?.[0] ?? '"';
  const body = literal.slice(quote.length, literal.length - quote.length);
  return raw ? body : body.replace(/\\(.)/gs, "$1");
}

/**
 * The SQL functions a SQLAlchemy default expression calls: `sa.func.X(...)` calls SQL function X, and the SQL text
 * inside `sa.text("...")` / `sa.literal_column("...")` is read as SQL. Other Python calls (`sa.text` itself,
 * `sa.false()`, `sa.cast`, type constructors, helpers) are not SQL functions, and other strings are constants.
 */
function pythonCalls(source: string): string[] {
  const calls: string[] = [];
  // The callee of each open parenthesis ("" for a grouping or a tuple).
  const callees: string[] = [];
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const string = /^([rRuUbBfF]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/.exec(
      rest,
    );
    if (string && (string[1] === "" || PYTHON_STRING_PREFIX.test(string[1] ?? ""))) {
      const callee = callees.at(-1)?.split(".").at(-1) ?? "";
      if (SQL_TEXT_CONSTRUCTS.has(callee)) {
        calls.push(...sqlCalls(pythonStringContent(string[2] ?? "", /r/i.test(string[1] ?? ""))));
      }
      index += string[0].length;
      continue;
    }
    const name = /^[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*/.exec(rest)?.[0];
    if (name !== undefined) {
      index += name.length;
      const opens = /^\s*\(/.exec(source.slice(index));
      if (opens) {
        const dotted = name.replace(/\s+/g, "");
        const parts = dotted.split(".");
        const func = parts.indexOf("func");
        if (func >= 0 && func < parts.length - 1) calls.push(parts.slice(func + 1).join("."));
        callees.push(dotted);
        index += opens[0].length;
      }
      continue;
    }
    const char = source[index];
    if (char === "(" || char === "[" || char === "{") callees.push("");
    if (char === ")" || char === "]" || char === "}") callees.pop();
    index++;
  }
  return calls;
}

/** A call's name for the lookups: lower case, without PostgreSQL's own `pg_catalog.` schema. */
function lookupName(call: string): string {
  const lower = call.toLowerCase();
  return lower.slice(lower.lastIndexOf(".") + 1);
}

/**
 * The SQL functions a column default calls. `origin` says how the text reads: SQL for raw statements; otherwise the
 * Python source of a SQLAlchemy default, where a string literal as the whole default is a constant whatever it says
 * (SQLAlchemy quotes it).
 */
export function defaultFunctions(text: string, origin: Origin): DefaultFunctions {
  const trimmed = text.trim();
  const python = origin !== "sql";
  if (python && /^[rRuUbBfF]{0,2}["']/.test(trimmed)) return { volatile: [], unknown: [] };
  const volatile = new Set<string>();
  const unknown = new Set<string>();
  for (const call of python ? pythonCalls(trimmed) : sqlCalls(trimmed)) {
    const name = lookupName(call);
    if (VOLATILE_FUNCTIONS.has(name)) volatile.add(name);
    else if (!NON_VOLATILE_FUNCTIONS.has(name)) unknown.add(call.replace(/^pg_catalog\./i, ""));
  }
  return { volatile: [...volatile], unknown: [...unknown] };
}

/** The default calls a function PostgreSQL marks VOLATILE: every existing row needs its own value. */
export function callsVolatileFunction(text: string, origin: Origin): boolean {
  return defaultFunctions(text, origin).volatile.length > 0;
}

/** A function's name as the volatility lookups key it: lower case, last part of a qualified name. */
export function functionKey(name: string): string {
  return lookupName(name);
}
