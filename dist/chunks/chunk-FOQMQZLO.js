import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/domain/counts.ts
function withThousands(count) {
  const digits = String(Math.trunc(Math.abs(count)));
  let grouped = "";
  for (let end = digits.length; end > 0; end -= 3) {
    grouped = end > 3 ? `,${digits.slice(end - 3, end)}${grouped}` : `${digits.slice(0, end)}${grouped}`;
  }
  return count < 0 ? `-${grouped}` : grouped;
}

// src/domain/finding.ts
var SEVERITIES = ["error", "warning", "info"];
function severityRank(severity) {
  return severity === "error" ? 2 : severity === "warning" ? 1 : 0;
}
function failsGate(severity, failOn) {
  return failOn !== "never" && severityRank(severity) >= severityRank(failOn);
}

// src/domain/operation.ts
function withinConditions(outer, inner) {
  return outer.length <= inner.length && outer.every((condition, depth) => inner[depth] === condition);
}
function repeatedContext(context) {
  const { literalLoop: _literal, rowsOf: _rows, ...outer } = context;
  return { ...outer, inLoop: true };
}
var TOP_LEVEL_CONTEXT = {
  inLoop: false,
  conditions: [],
  existenceGuard: false,
  autocommit: false,
  helpers: [],
  inTry: false
};
function tableKey(name) {
  return name.replace(/"/g, "").toLowerCase();
}

// src/domain/phase.ts
var PHASES = ["expand", "backfill", "contract", "neutral"];

// src/domain/rule-groups.ts
var RULE_GROUPS = [
  { name: "phases", summary: "the expand/backfill/contract discipline: what breaks the release still running" },
  { name: "locks", summary: "PostgreSQL locks, rewrites, scans and transactions that take a table down" },
  { name: "idempotency", summary: "guards that let a partly applied revision run again" },
  {
    name: "graph",
    summary: "the revision graph: heads, cycles, dangling and duplicate ids, merged revisions edited (--since)"
  },
  { name: "hygiene", summary: "env.py, syntax, what migragate could not read, and the suppression comments" },
  { name: "style", summary: "column type choices that are costly to change later (off by default)" }
];
var ALL_RULES = "ALL";

// src/domain/collections.ts
function pushTo(map, key, value) {
  listAt(map, key).push(value);
}
function listAt(map, key) {
  let list = map.get(key);
  if (list === void 0) {
    list = [];
    map.set(key, list);
  }
  return list;
}

// src/domain/column-types.ts
function isEnumType(type) {
  return type === "enum" || type?.startsWith("enum(") === true || type?.startsWith("enum named ") === true;
}
function enumTypeName(type) {
  return isEnumType(type) ? / named (\S+)$/.exec(type)?.[1] : void 0;
}
var INTEGER_WIDTH = new Map(Object.entries({ smallint: 2, integer: 4, bigint: 8 }));
var INTEGER_DIGITS = new Map(Object.entries({ smallint: 5, integer: 10, bigint: 19 }));
var TEXT_LIMITS = new Map(
  Object.entries({
    tinytext: 255,
    text: Number.POSITIVE_INFINITY,
    // The citext extension's type: text compared case-insensitively, cast from varchar or text without a rewrite.
    citext: Number.POSITIVE_INFINITY,
    mediumtext: 16777215,
    longtext: 4294967295
  })
);
var TEXTUAL = /* @__PURE__ */ new Set(["varchar", "character varying", ...TEXT_LIMITS.keys()]);
function enumValues(type) {
  const match = /^enum\((.*)\)(?: named \S+)?$/s.exec(type.trim());
  if (!match) return void 0;
  return new Set([...(match[1] ?? "").matchAll(/'((?:[^']|'')*)'/g)].map((value) => value[1] ?? ""));
}
var KNOWN_BASES = /* @__PURE__ */ new Set([
  ...TEXTUAL,
  "char",
  "smallint",
  "integer",
  "bigint",
  "numeric",
  "real",
  "double precision",
  "boolean",
  "date",
  "time",
  "interval",
  "timestamp without time zone",
  "timestamp with time zone",
  "json",
  "jsonb",
  "uuid",
  "bytea",
  "inet",
  "cidr",
  "enum",
  "array"
]);
function isKnownType(type) {
  const element = /^(.*?)\s*\[\]$/.exec(type.trim())?.[1];
  if (element !== void 0) return isKnownType(element);
  return enumValues(type) !== void 0 || KNOWN_BASES.has(parseType(type).base);
}
function parseType(type) {
  const match = /^([a-z ]+?)\s*(?:\(([\d\s,]*)\))?$/.exec(type.trim().toLowerCase());
  if (!match) return { base: type.trim().toLowerCase(), args: [] };
  const args = (match[2] ?? "").split(",").map((part) => part.trim()).filter((part) => part !== "").map(Number);
  const base = match[1] === "character varying" ? "varchar" : match[1] ?? "";
  return { base, args };
}
function compareColumnTypes(from, to, dialect) {
  if (from === void 0 || to === void 0) return { compatible: false, rewrite: true, known: false };
  const fromName = enumTypeName(from);
  if (dialect === "postgresql" && fromName !== void 0 && fromName === enumTypeName(to))
    return { compatible: true, rewrite: false, known: true };
  const fromValues = enumValues(from);
  const toValues = enumValues(to);
  if (fromValues !== void 0 && toValues !== void 0) {
    const widened = [...fromValues].every((value) => toValues.has(value));
    return { compatible: widened, rewrite: true, known: true };
  }
  const arrayOf = (type) => /^(.*?)\s*\[\]$/.exec(type.trim())?.[1];
  const fromElement = arrayOf(from);
  const toElement = arrayOf(to);
  if (fromElement !== void 0 && toElement !== void 0) return compareColumnTypes(fromElement, toElement);
  const before = parseType(from);
  const after = parseType(to);
  if (before.base === after.base && before.args.join(",") === after.args.join(",")) {
    return { compatible: true, rewrite: false, known: true };
  }
  if (!KNOWN_BASES.has(before.base) || !KNOWN_BASES.has(after.base))
    return { compatible: false, rewrite: true, known: false };
  if (TEXTUAL.has(before.base) && TEXTUAL.has(after.base)) {
    const mysqlFamily = [before.base, after.base].some((base) => TEXT_LIMITS.has(base) && base !== "text");
    const limit = (type) => type.base === "text" && mysqlFamily ? 65535 : TEXT_LIMITS.get(type.base) ?? type.args[0] ?? Number.POSITIVE_INFINITY;
    return { compatible: limit(after) >= limit(before), rewrite: false, known: true };
  }
  const digits = INTEGER_DIGITS.get(before.base);
  if (digits !== void 0 && after.base === "numeric") {
    const [precision, scale = 0] = after.args;
    return { compatible: precision === void 0 || precision - scale >= digits, rewrite: true, known: true };
  }
  if (before.base === "numeric" && after.base === "numeric") {
    const [oldPrecision, oldScale = 0] = before.args;
    const [newPrecision, newScale = 0] = after.args;
    if (newPrecision === void 0) return { compatible: true, rewrite: false, known: true };
    if (oldPrecision !== void 0 && newScale === oldScale && newPrecision >= oldPrecision) {
      return { compatible: true, rewrite: false, known: true };
    }
    return { compatible: false, rewrite: true, known: true };
  }
  const oldWidth = INTEGER_WIDTH.get(before.base);
  const newWidth = INTEGER_WIDTH.get(after.base);
  if (oldWidth !== void 0 && newWidth !== void 0) {
    return { compatible: newWidth >= oldWidth, rewrite: true, known: true };
  }
  if (before.base === "timestamp without time zone" && after.base === "timestamp with time zone") {
    return { compatible: true, rewrite: true, known: true };
  }
  return { compatible: false, rewrite: true, known: true };
}
var MAX_CHARACTER_BYTES = 4;
var LENGTH_PREFIX_GROWS = 256;
function mysqlCopiesTable(from, to) {
  if (!isKnownType(from) || !isKnownType(to)) return void 0;
  const fromValues = enumValues(from);
  const toValues = enumValues(to);
  if (fromValues !== void 0 && toValues !== void 0) {
    const before2 = [...fromValues];
    return [...toValues].slice(0, before2.length).join("\0") !== before2.join("\0");
  }
  const before = parseType(from);
  const after = parseType(to);
  if (before.base === after.base && before.args.join(",") === after.args.join(",")) return false;
  if (before.base === "varchar" && after.base === "varchar") {
    const [oldLength] = before.args;
    const [newLength] = after.args;
    if (oldLength === void 0 || newLength === void 0) return void 0;
    return newLength < oldLength || oldLength * MAX_CHARACTER_BYTES < LENGTH_PREFIX_GROWS && newLength >= LENGTH_PREFIX_GROWS;
  }
  return true;
}

// src/domain/contract-reason.ts
function contractReason(operation) {
  switch (operation.kind) {
    case "drop-column":
      return operation.replacedWithType ? `old code reads and writes the column as ${operation.replacedWithType.from}, and it comes back as ${operation.replacedWithType.to}` : "old code still reads and writes the column";
    case "drop-table":
      return "old code still reads and writes the table";
    case "rename-column":
    case "rename-table":
    case "rename-object":
      return "old code uses the old name";
    case "drop-index":
      return "old code may rely on the index, for speed or for uniqueness";
    case "drop-object":
      return "old code may rely on what it removes";
    case "drop-constraint":
      return operation.constraintType === "foreign-key" ? "old code may rely on the foreign key it drops (a cascade, the rows it keeps consistent)" : operation.constraintType === "unique" || operation.constraintType === "primary-key" ? "old code may rely on the key it drops (the conflict target of an upsert, one row per key)" : "old code may rely on the constraint it drops";
    case "create-index":
      return "a unique index on existing columns rejects duplicates old code may still write";
    case "set-not-null":
      return "writes by old code that leave the column NULL fail";
    case "add-constraint":
      return operation.constraintType === "foreign-key" ? "a foreign key on an existing column rejects rows old code may still write" : "a new constraint on existing columns rejects rows old code may still write";
    case "change-column-type":
      return "old code may write values the new type rejects";
    default:
      return void 0;
  }
}

// src/domain/database-paths.ts
function firstRunningWith(operations) {
  const [first] = operations;
  let everywhere;
  const inBranch = /* @__PURE__ */ new Map();
  operations.forEach((op, at) => {
    if (!op.inDialectBranch) everywhere ??= { op, at };
    else if (!inBranch.has(op.dialect)) inBranch.set(op.dialect, { op, at });
  });
  return (op) => {
    if (!op.inDialectBranch) return first;
    const branches = op.dialect === "other" ? [...inBranch.values()] : [inBranch.get(op.dialect), inBranch.get("other")];
    let best = everywhere;
    for (const candidate of branches) if (candidate && (!best || candidate.at < best.at)) best = candidate;
    return best?.op;
  };
}

// src/domain/default-expressions.ts
var VOLATILE_FUNCTIONS = /* @__PURE__ */ new Set([
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
  "pg_current_xact_id"
]);
var NON_VOLATILE_FUNCTIONS = /* @__PURE__ */ new Set([
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
  "float"
]);
var KEYWORDS = /* @__PURE__ */ new Set([
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
  "treat"
]);
var SQL_TEXT_CONSTRUCTS = /* @__PURE__ */ new Set(["text", "literal_column"]);
var PYTHON_STRING_PREFIX = /^[rRuUbBfF]{1,2}$/;
function sqlTokens(sql) {
  const tokens = [];
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
      const parts = [];
      let end = index;
      for (; ; ) {
        const part = /^(?:"(?:[^"]|"")*"|(?:«[^»]*»|[\p{L}_])(?:«[^»]*»|[\p{L}\p{N}_$])*)/u.exec(sql.slice(end))?.[0];
        if (part === void 0) break;
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
function sqlCalls(sql) {
  const tokens = sqlTokens(sql);
  const calls = [];
  tokens.forEach((token, index) => {
    if (token.kind !== "word" || tokens[index + 1]?.text !== "(") return;
    const before = tokens[index - 1];
    if (before?.text === "::" || before?.kind === "word" && before.text.toLowerCase() === "as") return;
    if (KEYWORDS.has(token.text.toLowerCase())) return;
    calls.push(token.text);
  });
  return calls;
}
function pythonStringContent(literal, raw) {
  const quote = /^("""|'''|"|')/.exec(literal)?.[0] ?? '"';
  const body = literal.slice(quote.length, literal.length - quote.length);
  return raw ? body : body.replace(/\\(.)/gs, "$1");
}
function pythonCalls(source) {
  const calls = [];
  const callees = [];
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const string = /^([rRuUbBfF]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/.exec(
      rest
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
    if (name !== void 0) {
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
function lookupName(call) {
  const lower = call.toLowerCase();
  return lower.slice(lower.lastIndexOf(".") + 1);
}
function defaultFunctions(text, origin) {
  const trimmed = text.trim();
  const python = origin !== "sql";
  if (python && /^[rRuUbBfF]{0,2}["']/.test(trimmed)) return { volatile: [], unknown: [] };
  const volatile = /* @__PURE__ */ new Set();
  const unknown = /* @__PURE__ */ new Set();
  for (const call of python ? pythonCalls(trimmed) : sqlCalls(trimmed)) {
    const name = lookupName(call);
    if (VOLATILE_FUNCTIONS.has(name)) volatile.add(name);
    else if (!NON_VOLATILE_FUNCTIONS.has(name)) unknown.add(call.replace(/^pg_catalog\./i, ""));
  }
  return { volatile: [...volatile], unknown: [...unknown] };
}
function callsVolatileFunction(text, origin) {
  return defaultFunctions(text, origin).volatile.length > 0;
}
function functionKey(name) {
  return lookupName(name);
}

// src/domain/locks.ts
var LOCK_MODES = [
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE"
];

// src/domain/names.ts
var UNRESOLVED_OPEN = "\xAB";
var UNRESOLVED_CLOSE = "\xBB";
function unresolvedName(expression) {
  const compact = expression.replace(/\s+/g, " ").trim().slice(0, 60);
  return `${UNRESOLVED_OPEN}${compact}${UNRESOLVED_CLOSE}`;
}
function hasUnresolvedPart(name) {
  return name.includes(UNRESOLVED_OPEN);
}
function isUnresolvedName(name) {
  return name.startsWith(UNRESOLVED_OPEN) && name.endsWith(UNRESOLVED_CLOSE) && name.indexOf(UNRESOLVED_OPEN, 1) < 0;
}
function computedNameMatches(pattern, name) {
  if (!hasUnresolvedPart(pattern)) return pattern === name;
  const parts = pattern.split(/«[^»]*»/);
  if (parts.every((part) => part === "")) return false;
  let position = 0;
  for (const [index, part] of parts.entries()) {
    if (index === 0) {
      if (!name.startsWith(part)) return false;
      position = part.length;
      continue;
    }
    const found = index === parts.length - 1 ? name.length - part.length : name.indexOf(part, position);
    if (found < position || !name.startsWith(part, found)) return false;
    position = found + part.length;
  }
  return position <= name.length;
}
var TableNames = class extends Set {
  computed = /* @__PURE__ */ new Set();
  constructor(names = []) {
    super();
    for (const name of names) this.add(name);
  }
  add(name) {
    if (hasUnresolvedPart(name)) this.computed.add(name);
    return super.add(name);
  }
  delete(name) {
    this.computed.delete(name);
    return super.delete(name);
  }
  clear() {
    this.computed.clear();
    super.clear();
  }
  /** The names computed at run time, in the order they were added. */
  computedNames() {
    return this.computed;
  }
};
function amongCreated(created, key) {
  if (created.has(key)) return true;
  const patterns = created instanceof TableNames ? created.computedNames() : created;
  for (const pattern of patterns) if (hasUnresolvedPart(pattern) && computedNameMatches(pattern, key)) return true;
  return false;
}
var BOOKKEEPING_TABLES = /* @__PURE__ */ new Set(["alembic_version", "migrate_version"]);
function isBookkeepingTable(table) {
  return table !== void 0 && BOOKKEEPING_TABLES.has(table.replace(/"/g, "").toLowerCase());
}
function withoutSchema(name) {
  return name.slice(name.lastIndexOf(".") + 1);
}
var NAME_CHARACTER = /[\p{L}\p{N}_$]/u;
var NAME_WORDS = /[\p{L}\p{N}_$]+/gu;
var ONE_WORD = /^[\p{L}\p{N}_$]+$/u;
function wordsOf(text) {
  return text.toLowerCase().match(NAME_WORDS) ?? [];
}
function isOneWord(name) {
  return ONE_WORD.test(name);
}
function namesWord(text, word) {
  if (word === "") return false;
  const lower = text.toLowerCase();
  const sought = word.toLowerCase();
  for (let at = lower.indexOf(sought); at !== -1; at = lower.indexOf(sought, at + 1)) {
    const before = lower[at - 1];
    const after = lower[at + sought.length];
    if ((before === void 0 || !NAME_CHARACTER.test(before)) && (after === void 0 || !NAME_CHARACTER.test(after)))
      return true;
  }
  return false;
}

// src/domain/source.ts
function folderOf(file) {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}

export {
  pushTo,
  listAt,
  isEnumType,
  enumTypeName,
  isKnownType,
  compareColumnTypes,
  mysqlCopiesTable,
  contractReason,
  withThousands,
  firstRunningWith,
  defaultFunctions,
  callsVolatileFunction,
  functionKey,
  SEVERITIES,
  severityRank,
  failsGate,
  LOCK_MODES,
  UNRESOLVED_OPEN,
  UNRESOLVED_CLOSE,
  unresolvedName,
  hasUnresolvedPart,
  isUnresolvedName,
  computedNameMatches,
  TableNames,
  amongCreated,
  isBookkeepingTable,
  withoutSchema,
  wordsOf,
  isOneWord,
  namesWord,
  withinConditions,
  repeatedContext,
  TOP_LEVEL_CONTEXT,
  tableKey,
  PHASES,
  RULE_GROUPS,
  ALL_RULES,
  folderOf
};
