import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  dialectOf,
  excludedDialects
} from "./chunk-WKFIEVVF.js";
import {
  UNRESOLVED_CLOSE,
  UNRESOLVED_OPEN,
  withThousands
} from "./chunk-FOQMQZLO.js";

// src/adapters/sql/node-sql-translator.ts
import { createRequire } from "node:module";

// src/adapters/sql/prepared-sql.ts
var POSITIONAL_PARAMETER = () => "$1";
var Offsets = class {
  values = new Int32Array(256);
  length = 0;
  push(value) {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  done() {
    return this.values.subarray(0, this.length);
  }
};
function followsIn(original, index) {
  let at = index - 1;
  while (at >= 0 && /\s/.test(original[at] ?? "")) at--;
  if (at < 1 || original.slice(at - 1, at + 1).toUpperCase() !== "IN") return false;
  return at < 2 || !/\w/.test(original[at - 2] ?? "");
}
var PLACEHOLDER_PREFIX = "mg_ph_";
var PLACEHOLDER_IDENTIFIER = new RegExp(`${PLACEHOLDER_PREFIX}(\\d+)`, "g");
function restorePlaceholders(prepared, text) {
  return text.replace(PLACEHOLDER_IDENTIFIER, (identifier, digits) => {
    for (let length = digits.length; length > 0; length--) {
      const placeholder = prepared.placeholders.get(`${PLACEHOLDER_PREFIX}${digits.slice(0, length)}`);
      if (placeholder !== void 0) return placeholder + digits.slice(length);
    }
    return identifier;
  });
}
function prepareSql(original, bind = POSITIONAL_PARAMETER) {
  let text = "";
  const origin = new Offsets();
  const placeholders = /* @__PURE__ */ new Map();
  const push = (value, at, length = 1) => {
    text += value;
    for (let i = 0; i < value.length; i++) origin.push(i === value.length - 1 ? at + length - 1 : at);
  };
  const bindAt = /(?<![:\w]):([A-Za-z_]\w*)/y;
  let quote;
  for (let index = 0; index < original.length; ) {
    const char = original[index] ?? "";
    if (char === UNRESOLVED_OPEN) {
      const close = original.indexOf(UNRESOLVED_CLOSE, index);
      if (close > index) {
        const identifier = `${PLACEHOLDER_PREFIX}${placeholders.size + 1}`;
        placeholders.set(identifier, original.slice(index, close + 1));
        push(identifier, index, close + 1 - index);
        index = close + 1;
        continue;
      }
    }
    if (quote) {
      if (char === quote) quote = void 0;
    } else if (char === "-" && original[index + 1] === "-") {
      const end = original.indexOf("\n", index);
      const stop = end < 0 ? original.length : end;
      for (; index < stop; index++) push(original[index] ?? "", index);
      continue;
    } else if (char === "/" && original[index + 1] === "*") {
      const end = original.indexOf("*/", index + 2);
      const stop = end < 0 ? original.length : end + 2;
      for (; index < stop; index++) push(original[index] ?? "", index);
      continue;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "%" && /^%(?:\([A-Za-z_]\w*\))?s/.test(original.slice(index, index + 40))) {
      const found = /^%(?:\(([A-Za-z_]\w*)\))?s/.exec(original.slice(index, index + 40));
      const substitute = bind(found?.[1] ?? "");
      const length = (found?.[0] ?? "%s").length;
      push(followsIn(original, index) ? `(${substitute})` : substitute, index, length);
      index += length;
      continue;
    } else if (char === ":") {
      bindAt.lastIndex = index;
      const match = bindAt.exec(original);
      if (match && original[index - 1] !== ":") {
        const substitute = bind(match[1] ?? "");
        if (followsIn(original, index)) {
          push(`(${substitute})`, index, match[0].length);
        } else if (substitute === match[0]) {
          text += substitute;
          for (let i = 0; i < substitute.length; i++) origin.push(index + i);
        } else {
          push(substitute, index, match[0].length);
        }
        index += match[0].length;
        continue;
      }
    }
    push(char, index);
    index++;
  }
  return { text, origin: origin.done(), placeholders };
}
function byteToCharIndex(text) {
  if (/^[\x00-\x7f]*$/.test(text)) return (offset) => offset;
  const map = [];
  let index = 0;
  for (const char of text) {
    const bytes = Buffer.byteLength(char);
    for (let i = 0; i < bytes; i++) map.push(index);
    index += char.length;
  }
  map.push(index);
  return (offset) => map[Math.min(offset, map.length - 1)] ?? index;
}

// src/adapters/source-text.ts
function compact(text, max = 160) {
  const prefix = text.length > max * 8 ? text.slice(0, max * 8) : text;
  const flat = prefix.replace(/\s+/g, " ").trim();
  if (flat.length > max) return `${flat.slice(0, max - 3)}...`;
  return prefix.length < text.length ? `${flat}...` : flat;
}

// src/adapters/sql/statement-text.ts
function trimmed(text, start, end, base = 0) {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? "")) from++;
  while (to > from && /[\s;]/.test(text[to - 1] ?? "")) to--;
  return { start: base + from, end: base + to };
}
function restore(prepared, start, end, original) {
  const from = prepared.origin[start] ?? 0;
  const to = (prepared.origin[Math.max(start, end - 1)] ?? from) + 1;
  let text = original.slice(from, to);
  if (text.endsWith("\xAB")) text = original.slice(from, original.indexOf("\xBB", to) + 1);
  return text;
}
function unquote(value) {
  return value.replace(/^'(.*)'$/s, "$1");
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
function statementSpan(source, prepared, start, end) {
  const from = source.position(prepared.origin[start] ?? 0);
  const to = source.position(prepared.origin[Math.max(start, end - 1)] ?? 0);
  return { file: source.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column + 1 };
}
function unparsedMessage(error, statement) {
  if (statement.includes(UNRESOLVED_OPEN)) {
    return `migragate could not read this SQL, built partly at run time (\xAB...\xBB marks what it could not resolve), so no rule checked it (its parser stopped: ${error}): ${statement}`;
  }
  return `migragate could not read this SQL statement, so no rule checked it (its parser stopped: ${error}): ${statement}`;
}

// src/adapters/sql/operation-detail.ts
function statementSite(source, prepared, range, dialect, context = source.context) {
  const sql = restore(prepared, range.start, range.end, source.text).trim();
  return {
    span: statementSpan(source, prepared, range.start, range.end),
    context,
    text: compact(sql),
    sql,
    name: (value) => restorePlaceholders(prepared, value),
    expression: (text) => restorePlaceholders(prepared, text),
    dialect
  };
}
function atSite(site, detail, withSql = true) {
  return {
    origin: "sql",
    span: site.span,
    context: site.context,
    text: site.text,
    ...withSql ? { sql: site.sql } : {},
    dialect: site.dialect,
    ...detail
  };
}
var MAX_STATEMENT_CHARS_CARRIED = 1e6;
function atSiteAll(site, details) {
  let carried = 0;
  return details.map((detail, index) => {
    carried += site.sql.length;
    return atSite(site, detail, index === 0 || carried <= MAX_STATEMENT_CHARS_CARRIED);
  });
}
function schemaOf(target) {
  return target.schema ? { schema: target.schema } : {};
}
function createObject(objectType, name, ifNotExists, orReplace) {
  return { kind: "create-object", objectType, name, ifNotExists, orReplace };
}
function unparsedStatement(site, error) {
  return {
    // The parser names the prepared text: a stand-in it stopped at is shown as the expression it stands for.
    problem: { rule: "unparsed-sql", message: unparsedMessage(site.expression(error), site.text), span: site.span },
    operation: atSite(site, { kind: "opaque", reason: "SQL that could not be parsed", sqlNotRead: true })
  };
}

// src/adapters/sql/keyword-statements.ts
var TokenReader = class {
  constructor(tokens, sql, name) {
    this.tokens = tokens;
    this.sql = sql;
    this.name = name;
  }
  tokens;
  sql;
  name;
  index = 0;
  get done() {
    return this.index >= this.tokens.length;
  }
  peek(offset = 0) {
    return this.tokens[this.index + offset];
  }
  /** Consumes one token. */
  next() {
    const token = this.tokens[this.index];
    if (token) this.index++;
    return token;
  }
  /** Consumes the keywords if they come next, in order. */
  accept(...words) {
    if (!words.every((word, offset) => this.peek(offset)?.upper === word)) return false;
    this.index += words.length;
    return true;
  }
  acceptPunct(text) {
    if (this.peek()?.kind !== "punct" || this.peek()?.text !== text) return false;
    this.index++;
    return true;
  }
  /** An identifier, placeholders restored; undefined when none comes next. */
  identifier() {
    const token = this.peek();
    if (token?.kind !== "word" && token?.kind !== "quoted") return void 0;
    this.index++;
    return this.name(token.text);
  }
  /** `[schema.]name`. */
  qualified() {
    const first = this.identifier();
    if (first === void 0) return void 0;
    if (!this.acceptPunct(".")) return { name: first };
    const second = this.identifier();
    return second === void 0 ? void 0 : { name: second, schema: first };
  }
  /** Source text of the tokens left, consuming them. */
  rest() {
    return this.textUntil(() => false);
  }
  /** Source text up to (not including) the first top-level token that `stop` accepts, consuming it. */
  textUntil(stop) {
    const first = this.peek();
    let last;
    let depth = 0;
    for (let token = this.peek(); token; token = this.peek()) {
      if (depth === 0 && stop(token)) break;
      if (token.kind === "punct" && token.text === "(") depth++;
      if (token.kind === "punct" && token.text === ")") depth--;
      last = this.next();
    }
    return first && last ? this.sql.slice(first.start, last.end) : "";
  }
};
var TRANSACTION_WORDS = new Map(
  Object.entries({
    BEGIN: "begin",
    START: "begin",
    COMMIT: "commit",
    END: "commit",
    ROLLBACK: "rollback",
    SAVEPOINT: "savepoint",
    RELEASE: "release"
  })
);
function keywordStatement(reader) {
  const first = reader.peek();
  if (first?.kind !== "word") return void 0;
  const transaction = TRANSACTION_WORDS.get(first.upper);
  if (transaction && (first.upper !== "START" || reader.peek(1)?.upper === "TRANSACTION")) {
    return [{ kind: "transaction-control", statement: transaction }];
  }
  if (reader.accept("PRAGMA")) return [{ kind: "utility", statement: "PRAGMA" }];
  if (reader.accept("VACUUM")) return [{ kind: "maintenance", command: "vacuum", concurrently: false }];
  if (reader.accept("ANALYZE")) return [{ kind: "maintenance", command: "analyze", concurrently: false }];
  if (reader.accept("REINDEX")) return [{ kind: "maintenance", command: "reindex", concurrently: false }];
  for (const word of ["OPTIMIZE", "CHECK", "REPAIR", "CHECKSUM"]) {
    if (reader.accept(word, "TABLE") || reader.accept(word, "LOCAL", "TABLE") || reader.accept(word, "NO_WRITE_TO_BINLOG", "TABLE"))
      return [{ kind: "utility", statement: `${word} TABLE` }];
  }
  for (const word of ["REVOKE", "GRANT", "ATTACH", "DETACH", "FLUSH"]) {
    if (reader.accept(word)) return [{ kind: "utility", statement: word }];
  }
  if (reader.accept("SHOW")) return [{ kind: "query" }];
  if (reader.accept("SET")) return setStatement(reader);
  if (reader.accept("DROP")) return dropStatement(reader);
  if (reader.accept("CREATE")) return createStatement(reader);
  return void 0;
}
function setStatement(reader) {
  if (reader.accept("NAMES")) return [{ kind: "set-config", name: "names", value: charset(reader), local: false }];
  if (reader.accept("CHARACTER", "SET") || reader.accept("CHARSET"))
    return [{ kind: "set-config", name: "character_set", value: charset(reader), local: false }];
  if (reader.accept("TRANSACTION") || reader.accept("SESSION", "TRANSACTION"))
    return [{ kind: "set-config", name: "transaction", value: reader.rest(), local: true }];
  const details = [];
  while (!reader.done) {
    const scopedGlobal = reader.accept("GLOBAL") || reader.accept("PERSIST");
    if (!scopedGlobal) reader.accept("SESSION") || reader.accept("LOCAL");
    const token = reader.next();
    if (!token || token.kind !== "word" && token.kind !== "param") return void 0;
    const global = scopedGlobal || /^@@(?:global|persist)\./i.test(token.text);
    const name = token.text.replace(/^@@(?:global\.|persist\.|session\.|local\.)?/i, "").replace(/^@/, "");
    if (!reader.acceptPunct("=") && !(reader.acceptPunct(":") && reader.acceptPunct("="))) return void 0;
    const value = reader.textUntil((next) => next.kind === "punct" && next.text === ",");
    if (value === "") return void 0;
    details.push({
      kind: "set-config",
      name,
      value: unquote(value),
      local: false,
      ...global ? { global: true } : {}
    });
    reader.acceptPunct(",");
  }
  return details.length > 0 ? details : void 0;
}
function charset(reader) {
  return unquote(reader.textUntil((token) => token.upper === "COLLATE"));
}
function dropStatement(reader) {
  if (reader.accept("INDEX")) {
    const ifExists = reader.accept("IF", "EXISTS");
    const target = reader.qualified();
    if (!target || !reader.done) return void 0;
    return [{ kind: "drop-index", name: target.name, concurrently: false, ifExists, ...schemaOf(target) }];
  }
  if (reader.accept("PROCEDURE") || reader.accept("FUNCTION") || reader.accept("EVENT")) {
    const ifExists = reader.accept("IF", "EXISTS");
    const target = reader.qualified();
    if (!target || !reader.done) return void 0;
    return [{ kind: "drop-object", objectType: "function", name: target.name, ifExists, cascade: false }];
  }
  return void 0;
}
var ROUTINE_OBJECTS = new Map(
  Object.entries({
    PROCEDURE: "function",
    FUNCTION: "function",
    EVENT: "other",
    TRIGGER: "trigger"
  })
);
function createStatement(reader) {
  if (reader.accept("VIRTUAL", "TABLE")) {
    const ifNotExists2 = reader.accept("IF", "NOT", "EXISTS");
    const target2 = reader.qualified();
    if (!target2 || !reader.accept("USING")) return void 0;
    return [
      { kind: "create-table", table: target2.name, ...schemaOf(target2), columns: [], ifNotExists: ifNotExists2, fromQuery: true }
    ];
  }
  const orReplace = reader.accept("OR", "REPLACE");
  if (reader.accept("DEFINER")) {
    if (!reader.acceptPunct("=")) return void 0;
    while (!reader.done && !ROUTINE_OBJECTS.has(reader.peek()?.upper ?? "")) reader.next();
  }
  const word = reader.peek()?.upper ?? "";
  const objectType = ROUTINE_OBJECTS.has(word) ? ROUTINE_OBJECTS.get(word) : void 0;
  if (!objectType) return void 0;
  reader.next();
  const ifNotExists = reader.accept("IF", "NOT", "EXISTS");
  const target = reader.qualified();
  if (!target) return void 0;
  return [{ kind: "create-object", objectType, name: target.name, ifNotExists, orReplace }];
}
var TABLE_OPTIONS = /* @__PURE__ */ new Set([
  "ENGINE",
  "ROW_FORMAT",
  "AUTO_INCREMENT",
  "AVG_ROW_LENGTH",
  "CHARACTER",
  "CHARSET",
  "COLLATE",
  "COMMENT",
  "COMPRESSION",
  "CONNECTION",
  "DATA",
  "INDEX",
  "DELAY_KEY_WRITE",
  "ENCRYPTION",
  "FORCE",
  "INSERT_METHOD",
  "KEY_BLOCK_SIZE",
  "MAX_ROWS",
  "MIN_ROWS",
  "PACK_KEYS",
  "PASSWORD",
  "STATS_AUTO_RECALC",
  "STATS_PERSISTENT",
  "STATS_SAMPLE_PAGES",
  "TABLESPACE",
  "UNION",
  "ORDER",
  "PARTITION",
  "REMOVE",
  "DISCARD",
  "IMPORT",
  "ENABLE",
  "DISABLE",
  "CHECKSUM",
  "PAGE_CHECKSUM",
  "TRANSACTIONAL"
]);
function keywordAlterClause(reader, table) {
  const first = reader.peek();
  if (first?.kind !== "word") return void 0;
  if (first.upper === "ALGORITHM" || first.upper === "LOCK") return [];
  if (reader.accept("CONVERT", "TO")) {
    if (!(reader.accept("CHARACTER", "SET") || reader.accept("CHARSET"))) return void 0;
    return [{ kind: "alter-table-other", table, action: "CONVERT TO CHARACTER SET" }];
  }
  if (reader.accept("RENAME", "INDEX") || reader.accept("RENAME", "KEY")) {
    const name = reader.identifier();
    if (name === void 0 || !reader.accept("TO")) return void 0;
    const newName = reader.identifier();
    if (newName === void 0 || !reader.done) return void 0;
    return [{ kind: "rename-object", objectType: "index", table, name, newName }];
  }
  if (reader.accept("ALTER")) {
    if (reader.accept("INDEX")) return [{ kind: "alter-table-other", table, action: "ALTER INDEX" }];
    reader.accept("COLUMN");
    const column = reader.identifier();
    if (column === void 0) return void 0;
    if (reader.accept("SET", "DEFAULT")) {
      const value = reader.rest();
      return value === "" ? void 0 : [{ kind: "set-column-default", table, column, default: value }];
    }
    if (reader.accept("DROP", "DEFAULT") && reader.done) return [{ kind: "set-column-default", table, column }];
    if (reader.accept("SET", "VISIBLE") || reader.accept("SET", "INVISIBLE"))
      return [{ kind: "alter-table-other", table, action: "ALTER COLUMN VISIBILITY" }];
    return void 0;
  }
  const words = [first.upper];
  if (first.upper === "DEFAULT") {
    const next = reader.peek(1);
    if (next?.kind !== "word" || !TABLE_OPTIONS.has(next.upper)) return void 0;
    words.push(next.upper);
  } else if (!TABLE_OPTIONS.has(first.upper)) {
    return void 0;
  }
  const action = first.upper === "CHARACTER" || words[1] === "CHARACTER" ? "CHARACTER SET" : words.at(-1) ?? "?";
  return [{ kind: "alter-table-other", table, action }];
}

// src/adapters/sql/sql-tokens.ts
function* tokensOf(text, dialect) {
  const word = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y;
  const number = /(?:0x[\da-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y;
  const param = /(?:\?\d*|[:@$][A-Za-z_]\w*|@@[A-Za-z_][\w.]*)/y;
  let index = 0;
  let token;
  const push = (kind, start, end, value = text.slice(start, end)) => {
    token = { kind, text: value, upper: kind === "word" ? value.toUpperCase() : "", start, end };
  };
  while (index < text.length) {
    const char = text[index] ?? "";
    const next = text[index + 1] ?? "";
    if (/\s/.test(char)) {
      index++;
    } else if (char === "-" && next === "-" || char === "#" && dialect === "mysql") {
      const newline = text.indexOf("\n", index);
      index = newline < 0 ? text.length : newline + 1;
    } else if (char === "/" && next === "*") {
      const close = text.indexOf("*/", index + 2);
      index = close < 0 ? text.length : close + 2;
    } else if (char === "'" || char === '"' || char === "`" || char === "[" && dialect === "sqlite") {
      const close = char === "[" ? "]" : char;
      const end = quotedEnd(text, index, close, dialect === "mysql" && char !== "`");
      const body = text.slice(index + 1, end - 1).replaceAll(close + close, close);
      const identifier = char === "`" || char === "[" || char === '"' && dialect === "sqlite";
      push(identifier ? "quoted" : "string", index, end, identifier ? body : text.slice(index, end));
      index = end;
    } else if (matchAt(word, text, index)) {
      push("word", index, word.lastIndex);
      index = word.lastIndex;
    } else if (/[\d.]/.test(char) && matchAt(number, text, index)) {
      push("number", index, number.lastIndex);
      index = number.lastIndex;
    } else if (/[?:@$]/.test(char) && matchAt(param, text, index)) {
      push("param", index, param.lastIndex);
      index = param.lastIndex;
    } else {
      push("punct", index, index + 1);
      index++;
    }
    if (token) {
      yield token;
      token = void 0;
    }
  }
}
function matchAt(pattern, text, index) {
  pattern.lastIndex = index;
  return pattern.test(text);
}
function quotedEnd(text, start, close, backslash) {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (backslash && char === "\\") {
      index += 2;
    } else if (char === close) {
      if (text[index + 1] === close && close !== "]") index += 2;
      else return index + 1;
    } else {
      index++;
    }
  }
  return text.length;
}
var MAX_STATEMENT_TOKENS = 2e5;
function* statementsOf(tokens) {
  let current = [];
  let last;
  let depth = 0;
  let compound = false;
  let pendingEnd = false;
  const statement = () => {
    const first = current[0];
    const truncated = current.length >= MAX_STATEMENT_TOKENS;
    const done2 = first && last ? { tokens: current, start: first.start, end: last.end, ...truncated ? { truncated } : {} } : void 0;
    current = [];
    last = void 0;
    depth = 0;
    compound = false;
    pendingEnd = false;
    return done2;
  };
  for (const token of tokens) {
    if (pendingEnd) {
      pendingEnd = false;
      if (!ENDS_UNCOUNTED.has(token.upper)) depth--;
    }
    if (token.kind === "punct" && token.text === ";" && depth === 0) {
      const done2 = statement();
      if (done2) yield done2;
      continue;
    }
    if (current.length < MAX_STATEMENT_TOKENS) current.push(token);
    last = token;
    if (token.kind !== "word") continue;
    if (current.length > 1 && current[0]?.upper === "CREATE" && ROUTINES.has(token.upper)) compound = true;
    if (!compound) continue;
    if (token.upper === "BEGIN" || token.upper === "CASE") depth++;
    else if (token.upper === "END" && depth > 0) pendingEnd = true;
  }
  if (pendingEnd) depth--;
  const done = statement();
  if (done) yield done;
}
var ROUTINES = /* @__PURE__ */ new Set(["TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"]);
var ENDS_UNCOUNTED = /* @__PURE__ */ new Set(["IF", "LOOP", "WHILE", "REPEAT"]);

// src/adapters/sql/node-sql-translator.ts
var MYSQL = { dialect: "mysql", database: "MySQL" };
var SQLITE = { dialect: "sqlite", database: "Sqlite" };
function grammar(file) {
  const { Parser } = createRequire(import.meta.url)(`node-sql-parser/build/${file}`);
  return new Parser();
}
async function loadMysqlTranslator() {
  return new NodeSqlTranslator(grammar("mysql.js"), MYSQL);
}
async function loadSqliteTranslator() {
  return new NodeSqlTranslator(grammar("sqlite.js"), SQLITE);
}
var KEEP_BINDS = (name) => `:${name || "p"}`;
var EXISTENCE = /^IF(?: NOT)? EXISTS$/;
var NodeSqlTranslator = class {
  constructor(parser, settings) {
    this.parser = parser;
    this.settings = settings;
  }
  parser;
  settings;
  translate(source) {
    const operations = [];
    const problems = [];
    const prepared = prepareSql(source.text, KEEP_BINDS);
    let statements = 0;
    for (const statement of statementsOf(tokensOf(prepared.text, this.settings.dialect))) {
      const site = statementSite(source, prepared, statement, this.settings.dialect);
      let read;
      try {
        read = statement.truncated ? {
          details: [],
          failure: `a statement of more than ${withThousands(MAX_STATEMENT_TOKENS)} tokens is not parsed`
        } : this.statement(prepared.text, statement, site);
      } catch (error) {
        read = { details: [], failure: errorMessage(error) };
      }
      operations.push(...atSiteAll(site, read.details));
      if (read.failure === void 0) statements++;
      if (read.failure !== void 0) {
        const unparsed = unparsedStatement(site, read.failure);
        problems.push(unparsed.problem);
        operations.push(unparsed.operation);
      }
    }
    return { operations, problems, statements };
  }
  /** The parser first; for what it rejects, the narrow readers of known statements and ALTER TABLE clauses. */
  statement(sql, statement, site) {
    const text = sql.slice(statement.start, statement.end);
    const parsed = this.parse(text);
    if (parsed.ast !== void 0) return { details: parsed.ast.flatMap((node) => this.operations(node, site)) };
    const failure = syntaxMessage(parsed.error, text);
    const tokens = statement.tokens;
    const altered = this.alterClauses(sql, tokens, site);
    if (altered) return altered;
    const known = keywordStatement(new TokenReader(tokens, sql, site.name));
    if (known) return { details: known };
    const existence = withoutExistence(sql, tokens);
    if (existence && /^(CREATE|DROP)\b/.test(leadingWord(tokens))) {
      const retried = this.parse(existence.text);
      if (retried.ast !== void 0) {
        const details = retried.ast.flatMap((node) => this.operations(node, site));
        return { details: details.map((detail) => withExistence(detail, existence.flag)) };
      }
    }
    const upsert = withoutUpsert(sql, tokens);
    if (upsert !== void 0) {
      const retried = this.parse(upsert);
      if (retried.ast !== void 0) return { details: retried.ast.flatMap((node) => this.operations(node, site)) };
    }
    return { details: [], failure };
  }
  parse(text) {
    try {
      const ast = this.parser.astify(text, { database: this.settings.database });
      return { ast: Array.isArray(ast) ? ast : [ast] };
    } catch (error) {
      return { error };
    }
  }
  /** An ALTER TABLE the parser rejected as a whole: clause by clause. Undefined when a clause stays unknown. */
  alterClauses(sql, tokens, site) {
    const header = new TokenReader(tokens, sql, site.name);
    if (!header.accept("ALTER", "TABLE") && !header.accept("ALTER", "ONLINE", "TABLE")) return void 0;
    const tableStart = header.peek();
    const target = header.qualified();
    const clauseStart = header.peek();
    if (!target || !tableStart || !clauseStart) return void 0;
    const prefix = `ALTER TABLE ${sql.slice(tableStart.start, tokens[tokens.indexOf(clauseStart) - 1]?.end)} `;
    const details = [];
    for (const clause of splitClauses(tokens.slice(tokens.indexOf(clauseStart)))) {
      const first = clause[0];
      const last = clause[clause.length - 1];
      if (!first || !last) return void 0;
      const parsed = this.parse(prefix + sql.slice(first.start, last.end));
      if (parsed.ast !== void 0) {
        details.push(...parsed.ast.flatMap((node) => this.operations(node, site)));
        continue;
      }
      const existence = withoutExistence(sql, clause);
      const retried = existence ? this.parse(prefix + existence.text) : void 0;
      if (existence && retried?.ast !== void 0) {
        const found = retried.ast.flatMap((node) => this.operations(node, site));
        details.push(...found.map((detail) => withExistence(detail, existence.flag)));
        continue;
      }
      const known = keywordAlterClause(new TokenReader(clause, sql, site.name), target.name);
      if (!known) return void 0;
      details.push(...known.map((detail) => ({ ...detail, ...schemaOf(target) })));
    }
    return { details };
  }
  /** One parsed statement to the operations it performs. */
  operations(node, site) {
    switch (node?.type) {
      case "alter":
        return this.alter(node, site);
      case "create":
        return this.create(node, site);
      case "drop":
        return drop(node, site);
      case "rename":
        return (node.table ?? []).map(
          (pair) => ({
            kind: "rename-table",
            ...relation(site, pair?.[0]),
            newName: site.name(pair?.[1]?.table ?? "?")
          })
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
            hasWhere: !fromSelect || !!values.where || hasLimit(values.limit)
          }
        ];
      }
      case "update":
      case "delete": {
        const target = node.table?.[0] ?? node.from?.[0];
        const alone = (node.table ?? []).length + (node.from ?? []).length === 1 && !hasLimit(node.limit);
        const names = [target?.table, target?.as].filter(Boolean);
        const nullTested = alone ? whereNullColumns(node.where, names) : void 0;
        return [
          {
            kind: "data-change",
            statement: node.type,
            ...relation(site, target),
            hasWhere: !!node.where || hasLimit(node.limit),
            ...nullTested ? { whereIsNull: nullTested.map(site.name) } : {}
          }
        ];
      }
      case "truncate":
        return [
          {
            kind: "truncate",
            tables: (node.name ?? []).map((item) => relation(site, item).table),
            cascade: false
          }
        ];
      case "select":
      case "show":
      case "desc":
      case "explain":
        return [{ kind: "query" }];
      case "set": {
        const statementGlobal = /^(?:global|persist)/i.test(String(node.keyword ?? ""));
        return (node.expr ?? []).map(
          (assign) => ({
            kind: "set-config",
            name: variableName(assign?.left),
            value: unquote(this.expression(assign?.right)),
            local: false,
            ...statementGlobal || isGlobalVariable(assign?.left) ? { global: true } : {}
          })
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
  create(node, site) {
    const ifNotExists = !!node.if_not_exists;
    switch (node.keyword) {
      case "table": {
        const target = relation(site, Array.isArray(node.table) ? node.table[0] : node.table);
        const temporary2 = node.temporary ? { temporary: true } : {};
        if (node.like || node.query_expr || node.as) {
          return [{ kind: "create-table", ...target, columns: [], ifNotExists, fromQuery: true, ...temporary2 }];
        }
        const primaryKey = /* @__PURE__ */ new Set();
        const columns = [];
        for (const definition of node.create_definitions ?? []) {
          if (definition?.resource === "column") columns.push(this.column(definition, site));
          if (definition?.constraint_type === "primary key")
            for (const column of definition.definition ?? []) primaryKey.add(site.name(columnName(column)));
        }
        return [
          {
            kind: "create-table",
            ...target,
            columns: columns.map(
              (column) => primaryKey.has(column.name) ? { ...column, nullable: false, primaryKey: true } : column
            ),
            ifNotExists,
            fromQuery: false,
            ...temporary2
          }
        ];
      }
      case "index": {
        const name = typeof node.index === "string" ? node.index : node.index?.name;
        return [
          {
            kind: "create-index",
            ...relation(site, node.table),
            ...name ? { name: site.name(name) } : {},
            columns: indexColumns(node.index_columns, site),
            unique: node.index_type === "unique",
            concurrently: false,
            ifNotExists
          }
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
  alter(node, site) {
    const target = relation(site, node.table?.[0]);
    return (node.expr ?? []).flatMap((clause) => {
      const resource = clause?.resource;
      const action = clause?.action;
      if (resource === "column") {
        const column = site.name(columnName(clause.column));
        switch (action) {
          case "add": {
            const spec = this.column(clause, site);
            const details = [{ kind: "add-column", ...target, column: spec, ifNotExists: false }];
            if (clause.unique)
              details.push({
                kind: "add-constraint",
                ...target,
                constraintType: "unique",
                columns: [spec.name],
                notValid: false
              });
            return details;
          }
          case "drop":
            return [{ kind: "drop-column", ...target, column, ifExists: false }];
          case "rename":
            return [
              { kind: "rename-column", ...target, column: site.name(columnName(clause.old_column)), newName: column }
            ];
          case "modify":
            return this.redefinedColumn(clause, column, target, site);
          case "change": {
            const old = site.name(columnName(clause.old_column));
            const renamed = old === column ? [] : [{ kind: "rename-column", ...target, column: old, newName: column }];
            return [...renamed, ...this.redefinedColumn(clause, column, target, site)];
          }
        }
      }
      if (resource === "index" && action === "add") {
        return [addedIndex(target, clause.index, clause.definition, false, site)];
      }
      if (resource === "index" && action === "drop") {
        return [
          { kind: "drop-index", ...target, name: site.name(clause.index ?? "?"), concurrently: false, ifExists: false }
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
            ifExists: false
          }
        ];
      }
      if (resource === "constraint" && action === "drop") {
        return [
          {
            kind: "drop-constraint",
            ...target,
            name: site.name(clause.constraint ?? "?"),
            constraintType: clause.keyword === "check" ? "check" : "unknown",
            ifExists: false
          }
        ];
      }
      if (resource === "table" && action === "rename") {
        return [{ kind: "rename-table", ...target, newName: site.name(clause.table ?? "?") }];
      }
      if (resource === "algorithm" || resource === "lock") return [];
      const what = String(clause?.keyword ?? resource ?? action ?? "?").toUpperCase();
      return [{ kind: "alter-table-other", ...target, action: what }];
    });
  }
  /**
   * MySQL MODIFY/CHANGE restate the whole column: its type, and its nullability, which a missing NOT NULL turns to
   * NULL (except on AUTO_INCREMENT / PRIMARY KEY columns, which stay NOT NULL).
   */
  redefinedColumn(clause, column, target, site) {
    const spec = this.column({ ...clause, column }, site);
    const details = [
      { kind: "change-column-type", ...target, column, ...spec.type !== void 0 ? { toType: spec.type } : {} }
    ];
    const notNull = clause.nullable?.type === "not null";
    const keyColumn = !!clause.auto_increment || !!clause.primary_key;
    if (notNull) details.push({ kind: "set-not-null", ...target, column });
    else if (!keyColumn) details.push({ kind: "drop-not-null", ...target, column });
    if (spec.serverDefault !== void 0)
      details.push({ kind: "set-column-default", ...target, column, default: spec.serverDefault });
    return details;
  }
  column(definition, site) {
    const primaryKey = !!definition.primary_key || /primary/i.test(String(definition.primary ?? ""));
    const type = typeText(definition.definition);
    const value = definition.default_val?.value;
    const serverDefault = value === void 0 ? void 0 : this.expression(value?.over?.type === "on update" ? { ...value, over: null } : value);
    const generated = definition.auto_increment ? "serial" : definition.generated?.storage_type === "stored" ? "stored" : void 0;
    const references = definition.reference_definition?.table?.[0]?.table;
    return {
      name: site.name(columnName(definition.column)),
      nullable: definition.nullable?.type !== "not null" && !primaryKey,
      primaryKey,
      ...type ? { type } : {},
      ...serverDefault !== void 0 ? { serverDefault } : {},
      ...generated ? { generated } : {},
      ...references ? { references: site.name(references) } : {}
    };
  }
  expression(node) {
    if (node === null || node === void 0) return "?";
    try {
      return this.parser.exprToSQL(node, { database: this.settings.database });
    } catch {
      return String(node?.value ?? "?");
    }
  }
};
var TRANSACTION_ACTIONS = new Map(
  Object.entries({
    begin: "begin",
    start: "begin",
    commit: "commit",
    rollback: "rollback"
  })
);
function relation(site, reference) {
  const table = site.name(String(reference?.table ?? "?"));
  const schema = reference?.db ?? reference?.schema;
  return schema ? { table, schema: site.name(String(schema)) } : { table };
}
function whereNullColumns(where, tableNames) {
  if (where?.type !== "binary_expr") return void 0;
  if (String(where.operator).toUpperCase() === "AND") {
    const left = whereNullColumns(where.left, tableNames);
    const right = whereNullColumns(where.right, tableNames);
    return left && right ? [.../* @__PURE__ */ new Set([...left, ...right])] : void 0;
  }
  const column = where.left;
  if (String(where.operator).toUpperCase() !== "IS" || where.right?.type !== "null" || column?.type !== "column_ref")
    return void 0;
  if (column.table && !tableNames.includes(column.table)) return void 0;
  const name = columnName(column);
  return name === "?" ? void 0 : [name];
}
function columnName(reference) {
  if (typeof reference === "string") return reference;
  const column = reference?.column ?? reference?.expr?.column;
  if (typeof column === "string") return column;
  if (column?.expr?.value !== void 0) return String(column.expr.value);
  return "?";
}
function indexColumns(list2, site) {
  return (list2 ?? []).map((item) => {
    if (item?.type === "column_ref") return site.name(columnName(item));
    const args = item?.args?.value ?? [];
    const name = item?.name?.name?.[0]?.value;
    if (item?.type === "function" && !item.parentheses && typeof name === "string" && args.length > 0) {
      if (args.every((arg) => arg?.type === "number")) return site.name(name);
    }
    return "(expression)";
  });
}
function hasLimit(limit) {
  return Array.isArray(limit?.value) && limit.value.length > 0;
}
function isGlobalVariable(variable) {
  const members = Array.isArray(variable?.members) ? variable.members : [];
  return members.length > 0 && /^(?:global|persist)$/i.test(String(variable?.name ?? ""));
}
function variableName(variable) {
  const members = Array.isArray(variable?.members) ? variable.members : [];
  const name = String(variable?.name ?? "?");
  return members.length > 0 && /^(global|session|local|persist)$/i.test(name) ? members.join(".") : name;
}
var TYPE_NAMES = new Map(
  Object.entries({
    INT: "integer",
    INTEGER: "integer",
    DECIMAL: "numeric",
    NUMERIC: "numeric",
    BOOL: "boolean",
    BOOLEAN: "boolean",
    DOUBLE: "double precision",
    "DOUBLE PRECISION": "double precision",
    "CHARACTER VARYING": "varchar"
  })
);
function typeText(definition) {
  const dataType = definition?.dataType;
  if (typeof dataType !== "string" || dataType === "") return void 0;
  const upper = dataType.toUpperCase();
  let text = TYPE_NAMES.get(upper) ?? upper.toLowerCase();
  if (typeof definition.length === "number") {
    text += typeof definition.scale === "number" ? `(${definition.length},${definition.scale})` : `(${definition.length})`;
  } else if (Array.isArray(definition.expr?.value)) {
    const values = definition.expr.value.map(
      (item) => typeof item?.value === "string" ? `'${item.value}'` : String(item?.value ?? "?")
    );
    text += `(${values.join(",")})`;
  }
  const suffix = Array.isArray(definition.suffix) ? definition.suffix.filter((word) => typeof word === "string") : [];
  return suffix.length > 0 ? `${text} ${suffix.join(" ").toLowerCase()}` : text;
}
var CONSTRAINT_TYPES = new Map(
  Object.entries({
    "primary key": "primary-key",
    unique: "unique",
    "foreign key": "foreign-key",
    check: "check"
  })
);
function addConstraint(definition, target, site) {
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
      ...name ? { name: site.name(name) } : {},
      constraintType,
      columns: constraintType === "check" ? [] : indexColumns(definition?.definition, site),
      notValid: false,
      ...referenced ? { referencedTable: site.name(referenced) } : {}
    }
  ];
}
function addedIndex(target, name, keys, unique, site) {
  return {
    kind: "create-index",
    ...target,
    ...name ? { name: site.name(name) } : {},
    columns: indexColumns(keys, site),
    unique,
    concurrently: false,
    ifNotExists: false
  };
}
function drop(node, site) {
  const ifExists = /if exists/i.test(String(node.prefix ?? ""));
  const names = Array.isArray(node.name) ? node.name : [node.name];
  switch (node.keyword) {
    case "table":
      return names.map((item) => ({ kind: "drop-table", ...relation(site, item), ifExists, cascade: false }));
    case "index":
      return names.map((item) => ({
        kind: "drop-index",
        name: site.name(columnName(item)),
        ...node.table ? relation(site, node.table) : {},
        concurrently: false,
        ifExists
      }));
    default: {
      const objectType = DROPPED_OBJECTS.get(String(node.keyword)) ?? "other";
      return names.map((item) => ({
        kind: "drop-object",
        objectType,
        name: site.name(String(typeof item === "string" ? item : item?.table ?? item?.trigger ?? item?.view ?? "?")),
        ifExists,
        cascade: false
      }));
    }
  }
}
var DROPPED_OBJECTS = new Map(
  Object.entries({
    view: "view",
    trigger: "trigger",
    database: "database",
    schema: "schema",
    function: "function",
    procedure: "function"
  })
);
function syntaxMessage(error, text) {
  const offset = error?.location?.start?.offset;
  if (typeof offset === "number") {
    const near = /^\S{1,40}/.exec(text.slice(offset))?.[0];
    return near ? `syntax error at "${near}"` : "syntax error at the end of the statement";
  }
  return errorMessage(error).split("\n")[0]?.slice(0, 160) ?? "syntax error";
}
function leadingWord(tokens) {
  return tokens[0]?.upper ?? "";
}
function withoutExistence(sql, tokens) {
  for (let index = 0; index < tokens.length; index++) {
    for (const length of [2, 3]) {
      const words = tokens.slice(index, index + length);
      if (!EXISTENCE.test(words.map((token) => token.upper).join(" "))) continue;
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      const before = words[0];
      const after = words[words.length - 1];
      if (!first || !last || !before || !after) return void 0;
      return {
        text: `${sql.slice(first.start, before.start)}${sql.slice(after.end, last.end)}`,
        flag: length === 3 ? "ifNotExists" : "ifExists"
      };
    }
  }
  return void 0;
}
function withExistence(detail, flag) {
  return flag in detail ? { ...detail, [flag]: true } : detail;
}
function withoutUpsert(sql, tokens) {
  if (leadingWord(tokens) !== "INSERT" && leadingWord(tokens) !== "REPLACE") return void 0;
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.kind === "punct" && token.text === "(") depth++;
    if (token?.kind === "punct" && token.text === ")") depth--;
    if (depth !== 0 || token?.upper !== "ON" || tokens[index + 1]?.upper !== "CONFLICT") continue;
    const returning = tokens.findIndex((other, at) => at > index && other.upper === "RETURNING");
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return void 0;
    const tail = returning >= 0 ? ` ${sql.slice(tokens[returning]?.start, last.end)}` : "";
    return sql.slice(first.start, token.start) + tail;
  }
  return void 0;
}
function splitClauses(tokens) {
  const clauses = [[]];
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

// src/adapters/sql/pg-expressions.ts
var PG_TYPE_NAMES = new Map(
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
    serial2: "smallint"
  })
);
function stringValues(list2) {
  return (list2 ?? []).map((item) => item?.String?.sval).filter((value) => typeof value === "string");
}
function typeNameText(typeName) {
  if (!typeName) return void 0;
  const names = stringValues(typeName.names).filter((name) => name !== "pg_catalog");
  const base = names[names.length - 1];
  if (!base) return void 0;
  const normalised = PG_TYPE_NAMES.get(base) ?? base;
  const modifiers = (typeName.typmods ?? []).map((modifier) => modifier?.A_Const?.ival?.ival).filter((value) => typeof value === "number");
  const withModifiers = modifiers.length > 0 ? `${normalised}(${modifiers.join(",")})` : normalised;
  return typeName.arrayBounds ? `${withModifiers}[]` : withModifiers;
}
function isSerialType(typeName) {
  const names = stringValues(typeName?.names);
  return /^(?:small|big)?serial[248]?$/.test(names[names.length - 1] ?? "");
}
function columnsReferenced(node) {
  const found = /* @__PURE__ */ new Set();
  const visit = (value) => {
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
function expressionText(node) {
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
    const name2 = stringValues(node.FuncCall.funcname).join(".");
    return `${name2}(${(node.FuncCall.args ?? []).map(expressionText).join(", ")})`;
  }
  if (node.TypeCast) return `${expressionText(node.TypeCast.arg)}::${typeNameText(node.TypeCast.typeName) ?? "?"}`;
  if (node.ColumnRef) return stringValues(node.ColumnRef.fields).join(".");
  if (node.SQLValueFunction) return String(node.SQLValueFunction.op ?? "").replace(/^SVFOP_/, "");
  if (node.A_Expr) {
    const operator = stringValues(node.A_Expr.name).join("");
    if (node.A_Expr.kind === "AEXPR_NULLIF") return `NULLIF(${list([node.A_Expr.lexpr, node.A_Expr.rexpr])})`;
    if (node.A_Expr.lexpr === void 0) return `${operator}${expressionText(node.A_Expr.rexpr)}`;
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
      (branch) => ` WHEN ${expressionText(branch?.CaseWhen?.expr)} THEN ${expressionText(branch?.CaseWhen?.result)}`
    );
    const otherwise = node.CaseExpr.defresult ? ` ELSE ${expressionText(node.CaseExpr.defresult)}` : "";
    return `CASE${subject}${branches.join("")}${otherwise} END`;
  }
  if (node.CollateClause) return expressionText(node.CollateClause.arg);
  const name = Object.keys(node)[0] ?? "?";
  const calls = functionCalls(node);
  return calls.length > 0 ? `${name}[${calls.join(", ")}]` : name;
}
function list(items) {
  return (items ?? []).map(expressionText).join(", ");
}
function functionCalls(node) {
  const found = [];
  const visit = (value) => {
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
function nullTestedColumns(where, tableNames) {
  if (where?.BoolExpr?.boolop === "AND_EXPR") {
    const parts = (where.BoolExpr.args ?? []).map((arg) => nullTestedColumns(arg, tableNames));
    return parts.length > 0 && parts.every(Array.isArray) ? [...new Set(parts.flat())] : void 0;
  }
  const test = where?.NullTest;
  if (test?.nulltesttype !== "IS_NULL" || !test.arg?.ColumnRef) return void 0;
  const fields = stringValues(test.arg.ColumnRef.fields);
  const column = fields.at(-1);
  if (column === void 0 || fields.length > 2) return void 0;
  if (fields.length === 2 && !tableNames.includes(fields[0] ?? "")) return void 0;
  return [column];
}
var TRUE_WORDS = /^(?:t|tr|tru|true|y|ye|yes|on|1)$/i;
function optionEnabled(options, name) {
  const option = (options ?? []).find((item) => item?.DefElem?.defname === name)?.DefElem;
  if (!option) return false;
  const value = option.arg;
  if (value === void 0) return true;
  if (value.String) return TRUE_WORDS.test(String(value.String.sval ?? ""));
  if (value.Integer) return (value.Integer.ival ?? 0) !== 0;
  if (value.Boolean) return value.Boolean.boolval === true;
  return true;
}
function qualifiedName(item) {
  const parts = item?.List ? stringValues(item.List.items) : item?.String ? [item.String.sval] : item?.TypeName ? stringValues(item.TypeName.names) : item?.ObjectWithArgs ? stringValues(item.ObjectWithArgs.objname) : Array.isArray(item) ? stringValues(item) : [];
  const name = parts[parts.length - 1] ?? "?";
  const schema = parts.length > 1 ? parts[parts.length - 2] : void 0;
  return schema ? { name, schema } : { name };
}

// src/adapters/sql/sql-chunks.ts
var WHOLE_TEXT_CHARS = 2e5;
var CHUNK_CHARS = 64e3;
var IDENTIFIER_CHAR = /[\w$\u0080-\uffff]/;
function skipQuoted(text, index) {
  const char = text[index];
  const next = text[index + 1];
  if (char === "'") {
    const backslashes = /[eE]/.test(text[index - 1] ?? "") && !IDENTIFIER_CHAR.test(text[index - 2] ?? "");
    for (let at = index + 1; at < text.length; at++) {
      if (backslashes && text[at] === "\\") at++;
      else if (text[at] === "'") {
        if (text[at + 1] !== "'") return at + 1;
        at++;
      }
    }
    return text.length;
  }
  if (char === '"') {
    for (let at = index + 1; at < text.length; at++) {
      if (text[at] === '"') {
        if (text[at + 1] !== '"') return at + 1;
        at++;
      }
    }
    return text.length;
  }
  if (char === "-" && next === "-") {
    const end = text.indexOf("\n", index);
    return end < 0 ? text.length : end + 1;
  }
  if (char === "/" && next === "*") {
    let depth = 0;
    for (let at = index; at < text.length; at++) {
      if (text[at] === "/" && text[at + 1] === "*") {
        depth++;
        at++;
      } else if (text[at] === "*" && text[at + 1] === "/") {
        depth--;
        at++;
        if (depth === 0) return at + 1;
      }
    }
    return text.length;
  }
  if (char === "$" && !IDENTIFIER_CHAR.test(text[index - 1] ?? "")) {
    const tag = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;
    tag.lastIndex = index;
    const opening = tag.exec(text)?.[0];
    if (opening === void 0) return void 0;
    const close = text.indexOf(opening, index + opening.length);
    return close < 0 ? text.length : close + opening.length;
  }
  return void 0;
}
function postgresStatements(text) {
  const pieces = [];
  let start = 0;
  for (let index = 0; index < text.length; ) {
    const skipped = skipQuoted(text, index);
    if (skipped !== void 0) {
      index = skipped;
      continue;
    }
    if (text[index] === ";") {
      if (text.slice(start, index).trim() !== "") pieces.push({ start, end: index });
      start = index + 1;
    }
    index++;
  }
  if (text.slice(start).trim() !== "") pieces.push({ start, end: text.length });
  return pieces;
}
function postgresChunks(text) {
  if (text.length <= WHOLE_TEXT_CHARS) return [{ start: 0, end: text.length }];
  const chunks = [];
  let start = 0;
  for (let index = 0; index < text.length; ) {
    const skipped = skipQuoted(text, index);
    if (skipped !== void 0) {
      index = skipped;
      continue;
    }
    if (text[index] === ";" && index + 1 - start >= CHUNK_CHARS) {
      chunks.push({ start, end: index + 1 });
      start = index + 1;
    }
    index++;
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks;
}

// src/adapters/sql/pg-translator.ts
async function loadPgParser() {
  const module = await import("libpg-query");
  await module.loadModule();
  return { parseSync: module.parseSync, parsePlPgSQLSync: module.parsePlPgSQLSync, scanSync: module.scanSync };
}
var OBJECT_TYPES = new Map(
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
    OBJECT_DATABASE: "database"
  })
);
var CONSTRAINT_TYPES2 = new Map(
  Object.entries({
    CONSTR_FOREIGN: "foreign-key",
    CONSTR_UNIQUE: "unique",
    CONSTR_CHECK: "check",
    CONSTR_PRIMARY: "primary-key",
    CONSTR_EXCLUSION: "exclude"
  })
);
var DIALECT = "postgresql";
var MAX_BLOCK_DEPTH = 400;
var TRANSACTION_STATEMENTS = new Map(
  Object.entries({
    TRANS_STMT_BEGIN: "begin",
    TRANS_STMT_START: "begin",
    TRANS_STMT_COMMIT: "commit",
    TRANS_STMT_ROLLBACK: "rollback",
    TRANS_STMT_SAVEPOINT: "savepoint",
    TRANS_STMT_RELEASE: "release",
    TRANS_STMT_ROLLBACK_TO: "rollback-to-savepoint"
  })
);
var REINDEX_TARGETS = /* @__PURE__ */ new Map([
  ["REINDEX_OBJECT_INDEX", "index"],
  ["REINDEX_OBJECT_TABLE", "table"],
  ["REINDEX_OBJECT_SCHEMA", "schema"],
  ["REINDEX_OBJECT_DATABASE", "database"],
  ["REINDEX_OBJECT_SYSTEM", "system"]
]);
function optionalType(type) {
  return type === void 0 ? {} : { toType: type };
}
var PostgresTranslator = class {
  constructor(parser) {
    this.parser = parser;
  }
  parser;
  translate(source) {
    const prepared = prepareSql(source.text);
    const operations = [];
    const problems = [];
    let statements = 0;
    for (const chunk of postgresChunks(prepared.text)) {
      for (const piece of this.split(prepared.text, chunk)) {
        const site = statementSite(source, prepared, piece, DIALECT);
        if (piece.error === void 0) statements++;
        if (piece.error !== void 0) {
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
  split(whole, chunk) {
    const base = chunk.start;
    const text = base === 0 && chunk.end === whole.length ? whole : whole.slice(base, chunk.end);
    try {
      return this.statements(text, base);
    } catch (wholeError) {
      let pieces;
      try {
        pieces = this.pieces(text);
      } catch {
        return [{ ...trimmed(text, 0, text.length, base), error: errorMessage(wholeError) }];
      }
      if (pieces.length <= 1) return [{ ...trimmed(text, 0, text.length, base), error: errorMessage(wholeError) }];
      return pieces.flatMap((piece) => {
        try {
          return this.statements(text.slice(piece.start, piece.end), base + piece.start);
        } catch (error) {
          return [{ ...trimmed(text, piece.start, piece.end, base), error: errorMessage(error) }];
        }
      });
    }
  }
  statements(text, base) {
    const result = this.parser.parseSync(text);
    const toChar = byteToCharIndex(text);
    const statements = result.stmts ?? [];
    return statements.map((raw) => {
      const startByte = raw.stmt_location ?? 0;
      const start = toChar(startByte);
      const end = raw.stmt_len === void 0 ? text.length : toChar(startByte + raw.stmt_len);
      return { node: raw.stmt ?? {}, ...trimmed(text, start, end, base) };
    });
  }
  /** Statement boundaries from the scanner, which knows quotes and dollar quoting (for a long text, our own lexer). */
  pieces(text) {
    if (text.length > WHOLE_TEXT_CHARS) return postgresStatements(text);
    const toChar = byteToCharIndex(text);
    const pieces = [];
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
  doBlock(statement, prepared, source, site) {
    const text = prepared.text.slice(statement.start, statement.end);
    let functions;
    try {
      functions = this.parser.parsePlPgSQLSync(text);
    } catch {
      return [atSite(site, { kind: "opaque", reason: "DO block" })];
    }
    const operations = [];
    let cursor = 0;
    const locate = (query) => {
      let found = text.indexOf(query, cursor);
      if (found < 0) found = text.indexOf(query);
      if (found >= 0) cursor = found + query.length;
      return found;
    };
    let depth = 0;
    let tooDeep = false;
    const visit = (node, context) => {
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
    const visitNode = (node, context) => {
      if (Array.isArray(node)) {
        for (const item of node) visit(item, context);
        return;
      }
      if (node.PLpgSQL_stmt_if) {
        const condition = node.PLpgSQL_stmt_if.cond?.PLpgSQL_expr?.query ?? "";
        const guarded = {
          ...context,
          conditions: [...context.conditions, condition],
          existenceGuard: context.existenceGuard || /exists/i.test(condition)
        };
        visit(node.PLpgSQL_stmt_if.then_body, guarded);
        visit(node.PLpgSQL_stmt_if.elsif_list, guarded);
        visit(node.PLpgSQL_stmt_if.else_body, guarded);
        return;
      }
      if (node.PLpgSQL_stmt_block?.exceptions) context = { ...context, inTry: true };
      const query = node.PLpgSQL_stmt_execsql?.sqlstmt?.PLpgSQL_expr?.query;
      if (query !== void 0) {
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
  innerStatement(query, found, statement, prepared, source, context) {
    const start = statement.start + Math.max(found, 0);
    const end = found >= 0 ? start + query.length : statement.end;
    const site = statementSite(source, prepared, { start, end }, DIALECT, context);
    try {
      const parsed = this.parser.parseSync(query);
      return (parsed.stmts ?? []).flatMap((raw) => statementOperations(raw.stmt ?? {}, site));
    } catch {
      return [atSite(site, { kind: "opaque", reason: "statement in a DO block" })];
    }
  }
};
function relation2(site, node) {
  const table = site.name(node?.relname ?? "?");
  return node?.schemaname ? { table, schema: node.schemaname } : { table };
}
var VOLATILITIES = /* @__PURE__ */ new Map([
  ["immutable", "immutable"],
  ["stable", "stable"],
  ["volatile", "volatile"]
]);
function functionVolatility(options) {
  const declared = (options ?? []).find((option) => option?.DefElem?.defname === "volatility");
  return VOLATILITIES.get(String(declared?.DefElem?.arg?.String?.sval ?? "").toLowerCase()) ?? "volatile";
}
var TRIGGER_BEFORE = 2;
var TRIGGER_INSERT = 4;
var ASSIGNS_NEW = /(?:^|;|\b(?:begin|then|else|loop)\b)\s*new\s*\.\s*"?([a-z_][a-z0-9_$]*)"?\s*:?=(?!=)/i;
var MAX_FILLED_COLUMNS = 64;
function triggerOf(body, site) {
  const table = relation2(site, body.relation).table;
  const fn = stringValues(body.funcname).at(-1);
  if (!table || !fn) return {};
  const events = Number(body.events ?? 0);
  const beforeInsertRow = !!body.row && (Number(body.timing ?? 0) & TRIGGER_BEFORE) !== 0 && (events & TRIGGER_INSERT) !== 0;
  return { trigger: { table, function: fn, beforeInsertRow } };
}
function filledColumns(options) {
  const source = (options ?? []).find((option) => option?.DefElem?.defname === "as");
  const items = source?.DefElem?.arg?.List?.items ?? [];
  const text = stringValues(items).join("\n");
  const columns = /* @__PURE__ */ new Set();
  for (const match of text.matchAll(new RegExp(ASSIGNS_NEW.source, "gi"))) {
    columns.add(match[1].toLowerCase());
    if (columns.size >= MAX_FILLED_COLUMNS) break;
  }
  return columns.size > 0 ? { fillsColumns: [...columns] } : {};
}
function temporary(rangeVar) {
  return rangeVar?.relpersistence === "t" ? { temporary: true } : {};
}
function statementOperations(node, site) {
  return atSiteAll(site, statementDetails(node, site));
}
function statementDetails(node, site) {
  const [type] = Object.keys(node);
  const body = type ? node[type] : void 0;
  switch (type) {
    case "AlterTableStmt":
      return alterTable(body, site);
    case "RenameStmt":
      return [rename(body, site)];
    case "IndexStmt":
      return [
        {
          kind: "create-index",
          ...relation2(site, body.relation),
          ...body.idxname ? { name: body.idxname } : {},
          columns: (body.indexParams ?? []).map((param) => param?.IndexElem?.name ?? "(expression)"),
          unique: !!body.unique,
          concurrently: !!body.concurrent,
          ifNotExists: !!body.if_not_exists
        }
      ];
    case "DropStmt":
      return dropStatement2(body, site);
    case "CreateStmt": {
      const columns = [];
      const primaryKey = /* @__PURE__ */ new Set();
      const references = /* @__PURE__ */ new Map();
      for (const element of body.tableElts ?? []) {
        if (element.ColumnDef) columns.push(columnDefinition(element.ColumnDef, site));
        if (element.Constraint?.contype === "CONSTR_PRIMARY")
          for (const key of stringValues(element.Constraint.keys)) primaryKey.add(key);
        const referenced = element.Constraint?.contype === "CONSTR_FOREIGN" && element.Constraint.pktable?.relname;
        if (referenced) for (const key of stringValues(element.Constraint.fk_attrs)) references.set(key, referenced);
      }
      const withKeys = (column) => {
        const referenced = column.references ?? references.get(column.name);
        const keyed = primaryKey.has(column.name) ? { ...column, nullable: false, primaryKey: true } : column;
        return referenced === void 0 ? keyed : { ...keyed, references: referenced };
      };
      return [
        {
          kind: "create-table",
          ...relation2(site, body.relation),
          columns: columns.map(withKeys),
          ifNotExists: !!body.if_not_exists,
          fromQuery: false,
          ...temporary(body.relation)
        }
      ];
    }
    case "CreateTableAsStmt": {
      const target = relation2(site, body.into?.rel);
      if (body.objtype === "OBJECT_MATVIEW") {
        return [
          {
            kind: "create-object",
            objectType: "materialized-view",
            name: target.table,
            ifNotExists: !!body.if_not_exists,
            orReplace: false
          }
        ];
      }
      return [
        {
          kind: "create-table",
          ...target,
          columns: [],
          ifNotExists: !!body.if_not_exists,
          fromQuery: true,
          ...temporary(body.into?.rel)
        }
      ];
    }
    case "CreateSeqStmt":
      return [createObject("sequence", relation2(site, body.sequence).table, !!body.if_not_exists, false)];
    case "CreateSchemaStmt":
      return [createObject("schema", body.schemaname ?? "?", !!body.if_not_exists, false)];
    case "CreateExtensionStmt":
      return [createObject("extension", body.extname ?? "?", !!body.if_not_exists, false)];
    case "CreateEnumStmt":
    case "CompositeTypeStmt":
    case "CreateDomainStmt":
    case "CreateRangeStmt": {
      const name = body.typeName ? qualifiedName(body.typeName.names ?? body.typeName).name : relation2(site, body.typevar).table;
      return [createObject("type", name, false, false)];
    }
    case "ViewStmt":
      return [createObject("view", relation2(site, body.view).table, false, !!body.replace)];
    case "CreateFunctionStmt":
      return [
        {
          kind: "create-object",
          objectType: "function",
          name: qualifiedName(body.funcname).name,
          ifNotExists: false,
          orReplace: !!body.replace,
          ...body.is_procedure ? {} : { volatility: functionVolatility(body.options) },
          ...filledColumns(body.options)
        }
      ];
    case "CreateTrigStmt":
      return [{ ...createObject("trigger", body.trigname ?? "?", false, !!body.replace), ...triggerOf(body, site) }];
    case "CreatePolicyStmt":
      return [createObject("policy", body.policy_name ?? "?", false, false)];
    case "RuleStmt":
      return [
        { ...createObject("other", body.rulename ?? "?", false, !!body.replace), ...relation2(site, body.relation) }
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
            newName: body.newVal ?? "?"
          }
        ];
      return [
        {
          kind: "alter-enum-add-value",
          typeName,
          value: body.newVal ?? "?",
          ifNotExists: !!body.skipIfNewValExists
        }
      ];
    }
    case "UpdateStmt":
    case "DeleteStmt": {
      const joined = (body.fromClause ?? body.usingClause ?? []).length > 0;
      const names = [body.relation?.relname, body.relation?.alias?.aliasname].filter(Boolean);
      const nullTested = joined ? void 0 : nullTestedColumns(body.whereClause, names);
      return [
        {
          kind: "data-change",
          statement: type === "UpdateStmt" ? "update" : "delete",
          ...relation2(site, body.relation),
          hasWhere: !!body.whereClause,
          ...nullTested ? { whereIsNull: nullTested.map(site.name) } : {}
        }
      ];
    }
    case "InsertStmt": {
      const select = body.selectStmt?.SelectStmt;
      const fromSelect = !!select && !select.valuesLists;
      return [
        {
          kind: "data-change",
          statement: fromSelect ? "insert-select" : "insert",
          ...relation2(site, body.relation),
          hasWhere: !fromSelect || !!select?.whereClause || !!select?.limitCount
        }
      ];
    }
    case "MergeStmt":
      return [{ kind: "data-change", statement: "merge", ...relation2(site, body.relation), hasWhere: false }];
    case "CopyStmt":
      return [{ kind: "data-change", statement: "copy", ...relation2(site, body.relation), hasWhere: true }];
    case "TruncateStmt":
      return [
        {
          kind: "truncate",
          tables: (body.relations ?? []).map((item) => relation2(site, item.RangeVar).table),
          cascade: body.behavior === "DROP_CASCADE"
        }
      ];
    case "CommentStmt":
      return [
        {
          kind: "comment",
          target: body.objtype === "OBJECT_COLUMN" ? "column" : body.objtype === "OBJECT_TABLE" ? "table" : "other"
        }
      ];
    case "VariableSetStmt":
      return [
        {
          kind: "set-config",
          name: body.name ?? "?",
          ...body.args ? { value: body.args.map(expressionText).join(", ").replace(/'/g, "") } : {},
          local: !!body.is_local
        }
      ];
    case "TransactionStmt": {
      const kind = String(body.kind ?? "");
      return [{ kind: "transaction-control", statement: TRANSACTION_STATEMENTS.get(kind) ?? "other" }];
    }
    case "VacuumStmt": {
      const command = !body.is_vacuumcmd ? "analyze" : optionEnabled(body.options, "full") ? "vacuum-full" : "vacuum";
      const tables = body.rels ?? [];
      const target = tables.length === 1 ? relation2(site, tables[0]?.VacuumRelation?.relation) : {};
      return [{ kind: "maintenance", command, concurrently: false, ...target }];
    }
    case "ClusterStmt":
      return [
        {
          kind: "maintenance",
          command: "cluster",
          concurrently: false,
          ...body.relation ? relation2(site, body.relation) : {}
        }
      ];
    case "ReindexStmt": {
      const onTable2 = body.kind === "REINDEX_OBJECT_TABLE" && body.relation;
      const reindexes = REINDEX_TARGETS.get(String(body.kind ?? ""));
      return [
        {
          kind: "maintenance",
          command: "reindex",
          concurrently: optionEnabled(body.params, "concurrently"),
          ...reindexes ? { reindexes } : {},
          ...onTable2 ? relation2(site, body.relation) : {}
        }
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
            ...relation2(site, body.intoClause.rel),
            columns: [],
            ifNotExists: false,
            fromQuery: true,
            ...temporary(body.intoClause.rel)
          }
        ];
      return [setConfigCall(body) ?? { kind: "query" }];
    case "CallStmt":
      return [{ kind: "opaque", reason: "CALL of a stored procedure" }];
    default:
      return [{ kind: "utility", statement: utilityName(type) }];
  }
}
function utilityName(type) {
  return (type ?? "?").replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
}
function columnDefinition(definition, site) {
  let nullable = true;
  let primaryKey = false;
  let serverDefault;
  let generated = isSerialType(definition.typeName) ? "serial" : void 0;
  let references;
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
    ...type ? { type } : {},
    ...serverDefault !== void 0 ? { serverDefault } : {},
    ...generated ? { generated } : {},
    ...references ? { references } : {}
  };
}
function alterTable(body, site) {
  const target = relation2(site, body.relation);
  if (body.objtype && body.objtype !== "OBJECT_TABLE") {
    return [{ ...target, kind: "utility", statement: `ALTER ${String(body.objtype).replace(/^OBJECT_/, "")}` }];
  }
  return (body.cmds ?? []).flatMap((item) => {
    const command = item?.AlterTableCmd ?? {};
    const column = site.name(command.name ?? "?");
    switch (command.subtype) {
      case "AT_AddColumn": {
        const definition = command.def?.ColumnDef ?? {};
        const spec = columnDefinition(definition, site);
        const details = [
          { ...target, kind: "add-column", column: spec, ifNotExists: !!command.missing_ok }
        ];
        for (const constraint of definition.constraints ?? []) {
          const constraintType = CONSTRAINT_TYPES2.get(constraint?.Constraint?.contype ?? "");
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
            ...definition.raw_default ? { using: site.expression(expressionText(definition.raw_default)) } : {}
          }
        ];
      }
      case "AT_ColumnDefault":
        return [
          {
            ...target,
            kind: "set-column-default",
            column,
            ...command.def ? { default: site.expression(expressionText(command.def)) } : {}
          }
        ];
      case "AT_AddConstraint": {
        const constraint = command.def?.Constraint ?? {};
        const constraintType = CONSTRAINT_TYPES2.get(constraint.contype ?? "") ?? "unknown";
        if (constraint.contype === "CONSTR_NOTNULL")
          return [{ ...target, kind: "set-not-null", column: stringValues(constraint.keys)[0] ?? "?" }];
        return [
          {
            ...target,
            kind: "add-constraint",
            ...constraint.conname ? { name: constraint.conname } : {},
            constraintType,
            columns: constraintType === "check" ? columnsReferenced(constraint.raw_expr) : stringValues(constraintType === "foreign-key" ? constraint.fk_attrs : constraint.keys),
            notValid: !!constraint.skip_validation,
            ...constraint.pktable ? { referencedTable: site.name(constraint.pktable.relname ?? "?") } : {},
            ...constraint.pk_attrs?.length ? { referencedColumns: stringValues(constraint.pk_attrs) } : {},
            ...constraint.indexname ? { usingIndex: constraint.indexname } : {}
          }
        ];
      }
      case "AT_DropConstraint":
        return [
          {
            ...target,
            kind: "drop-constraint",
            name: column,
            constraintType: "unknown",
            ifExists: !!command.missing_ok
          }
        ];
      case "AT_ValidateConstraint":
        return [{ ...target, kind: "validate-constraint", name: column }];
      case "AT_DetachPartition":
        return [
          {
            ...target,
            kind: "alter-table-other",
            action: "DetachPartition",
            ...command.def?.PartitionCmd?.concurrent ? { concurrently: true } : {}
          }
        ];
      default:
        return [{ ...target, kind: "alter-table-other", action: String(command.subtype ?? "?").replace(/^AT_/, "") }];
    }
  });
}
function rename(body, site) {
  const target = relation2(site, body.relation);
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
        newName
      };
    default: {
      const objectType = OBJECT_TYPES.get(body.renameType ?? "") ?? "other";
      const name = body.relation ? target.table : qualifiedName(body.object).name;
      return { kind: "rename-object", objectType, name, newName };
    }
  }
}
function dropStatement2(body, site) {
  const ifExists = !!body.missing_ok;
  const cascade = body.behavior === "DROP_CASCADE";
  return (body.objects ?? []).map((item) => {
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
var ON_TABLE = /* @__PURE__ */ new Set(["OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE"]);
function onTable(site, item) {
  const parts = stringValues(item?.List?.items);
  const table = parts[parts.length - 2];
  const schema = parts[parts.length - 3];
  if (table === void 0) return {};
  return schema === void 0 ? { table: site.name(table) } : { table: site.name(table), schema: site.name(schema) };
}
function setConfigCall(select) {
  const targets = select?.targetList ?? [];
  const call = targets.length === 1 && !select.fromClause ? targets[0]?.ResTarget?.val?.FuncCall : void 0;
  const name = call?.funcname?.at(-1)?.String?.sval;
  const [setting, value, local] = call?.args ?? [];
  const text = (node) => node?.A_Const?.sval?.sval;
  if (name?.toLowerCase() !== "set_config" || text(setting) === void 0 || text(value) === void 0)
    return void 0;
  return {
    kind: "set-config",
    name: text(setting),
    value: text(value),
    local: local?.A_Const?.boolval?.boolval === true
  };
}

// src/adapters/sql/dialect-translators.ts
var DIALECTS = ["postgresql", "sqlite", "mysql"];
function firstThatParses(translators) {
  return {
    translate(source) {
      let first;
      for (const translator of translators) {
        const translation = translator.translate(source);
        if (translation.problems.length === 0) return translation;
        first ??= translation;
      }
      return first ?? { operations: [], problems: [], statements: 0 };
    }
  };
}
function loadTranslator(dialect) {
  switch (dialect) {
    case "mysql":
      return loadMysqlTranslator();
    case "sqlite":
      return loadSqliteTranslator();
    default:
      return loadPgParser().then((pg) => new PostgresTranslator(pg));
  }
}
function sqlTranslatorProvider(reading) {
  const loaded = /* @__PURE__ */ new Map();
  const get = (dialect) => {
    let translator = loaded.get(dialect);
    if (!translator) {
      translator = loadTranslator(dialect);
      loaded.set(dialect, translator);
    }
    return translator;
  };
  const provider = async (source) => {
    const dialect = dialectOf(source.context, source.file, reading);
    const excluded = excludedDialects(source.context);
    if (!excluded.has(dialect)) return get(dialect);
    const candidates = DIALECTS.filter((candidate) => !excluded.has(candidate));
    return firstThatParses(await Promise.all(candidates.map(get)));
  };
  return Object.assign(provider, {
    prefetch: (dialect) => {
      get(dialect).catch(() => void 0);
    }
  });
}

export {
  compact,
  sqlTranslatorProvider
};
