import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  readRegularFile
} from "./chunk-X6VOD3YV.js";
import {
  failedFile
} from "./chunk-Y5M7ERLU.js";
import {
  LineIndex
} from "./chunk-C6SBNVJK.js";
import {
  TOP_LEVEL_CONTEXT,
  UNRESOLVED_CLOSE,
  UNRESOLVED_OPEN,
  repeatedContext,
  unresolvedName
} from "./chunk-GNNNJ36G.js";

// src/adapters/fs/project-modules.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
var MAX_MODULE_BYTES = 1e6;
var MAX_DEPTH = 32;
var PROJECT_MARKERS = ["alembic.ini", "pyproject.toml", "setup.py", "setup.cfg"];
function digestOf(text) {
  return createHash("sha1").update(text).digest("hex");
}
function readModule(path) {
  if (!existsSync(path)) return void 0;
  const read = readRegularFile(path, { maxBytes: MAX_MODULE_BYTES });
  if (read.problem !== void 0) return void 0;
  const text = read.text.replace(/^\uFEFF/, "");
  return { path, text, digest: digestOf(text) };
}
var OverlaidModules = class {
  constructor(modules, texts) {
    this.modules = modules;
    this.texts = texts;
  }
  modules;
  texts;
  find(module, level, fromFile) {
    const found = this.modules.find(module, level, fromFile);
    const text = found ? this.texts.get(found.path) : void 0;
    return found && text !== void 0 ? { path: found.path, text, digest: digestOf(text) } : found;
  }
};
var ProjectModules = class {
  tops = /* @__PURE__ */ new Map();
  files = /* @__PURE__ */ new Map();
  find(module, level, fromFile) {
    const parts = module.split(".").filter((part) => part !== "");
    if (parts.length === 0 && level === 0) return void 0;
    if (parts.some((part) => !/^[A-Za-z_]\w*$/.test(part))) return void 0;
    if (level > 0) {
      let base = dirname(resolve(fromFile));
      for (let up = 1; up < level; up++) base = dirname(base);
      return this.moduleAt(base, parts);
    }
    for (const root of this.roots(dirname(resolve(fromFile)))) {
      const found = this.moduleAt(root, parts);
      if (found) return found;
    }
    return void 0;
  }
  moduleAt(base, parts) {
    const stem = join(base, ...parts);
    for (const candidate of [`${stem}.py`, join(stem, "__init__.py")]) {
      if (!this.files.has(candidate)) this.files.set(candidate, readModule(candidate));
      const found = this.files.get(candidate);
      if (found) return found;
    }
    return void 0;
  }
  /** The folders an absolute import may start from: this folder and each parent up to the project's top. */
  roots(folder) {
    const cached = this.tops.get(folder);
    if (cached) return cached;
    const chain = [];
    let current = folder;
    let top;
    let outermostMarker;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      chain.push(current);
      if (existsSync(join(current, ".git"))) {
        top = chain.length;
        break;
      }
      if (PROJECT_MARKERS.some((marker) => existsSync(join(current, marker)))) outermostMarker = chain.length;
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    const roots = chain.slice(0, top ?? outermostMarker ?? 0);
    this.tops.set(folder, roots);
    return roots;
  }
};

// src/services/dialect.ts
var DIALECT_NAMES = [
  [/postgres/i, "postgresql"],
  [/mysql|mariadb/i, "mysql"],
  [/sqlite/i, "sqlite"]
];
function dialectsNamed(text) {
  return new Set(DIALECT_NAMES.filter(([pattern]) => pattern.test(text)).map(([, dialect]) => dialect));
}
var FOLDER_DIALECT = /(?:^|\/)(?:postgres(?:ql)?|mysql|mariadb|sqlite)\//i;
function isNegated(condition) {
  let negations = 0;
  let text = condition.trim();
  while (negations < 100 && /^not \(.*\)$/s.test(text)) {
    negations++;
    text = text.slice(5, -1).trim();
  }
  if (/^not\s/.test(text)) negations++;
  if (/!=|\bnot in\b|\bis not\b/.test(text)) negations++;
  return negations % 2 === 1;
}
function excludedDialects(context) {
  const excluded = /* @__PURE__ */ new Set();
  for (const condition of context.conditions) {
    const named = dialectsNamed(condition);
    const [dialect] = named;
    if (named.size === 1 && dialect && isNegated(condition)) excluded.add(dialect);
  }
  return excluded;
}
function dialectOf(context, file, reading) {
  for (let index = context.conditions.length - 1; index >= 0; index--) {
    const condition = context.conditions[index] ?? "";
    const named = dialectsNamed(condition);
    if (named.size !== 1 || isNegated(condition)) continue;
    const [dialect] = named;
    if (dialect) return dialect;
  }
  return (reading.forced ? void 0 : folderDialect(file)) ?? reading.dialect;
}
function folderDialect(file) {
  return folderNamingDialect(file)?.dialect;
}
function folderNamingDialect(file) {
  if (!FOLDER_DIALECT.test(file)) return void 0;
  const folders = file.split("/").slice(0, -1);
  for (let index = folders.length - 1; index >= 0; index--) {
    const folder = folders[index] ?? "";
    const named = dialectsNamed(folder);
    const [dialect] = named;
    if (named.size === 1 && dialect && /^(?:postgres(?:ql)?|mysql|mariadb|sqlite)$/i.test(folder))
      return { folder: folders.slice(0, index + 1).join("/"), dialect };
  }
  return void 0;
}

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
      const placeholder2 = prepared.placeholders.get(`${PLACEHOLDER_PREFIX}${digits.slice(0, length)}`);
      if (placeholder2 !== void 0) return placeholder2 + digits.slice(length);
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
function restorePlaceholder(prepared, value) {
  return prepared.placeholders.get(value) ?? value;
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
    name: (value) => restorePlaceholder(prepared, value),
    expression: (text) => restorePlaceholders(prepared, text),
    dialect
  };
}
function atSite(site, detail) {
  return {
    origin: "sql",
    span: site.span,
    context: site.context,
    text: site.text,
    sql: site.sql,
    dialect: site.dialect,
    ...detail
  };
}
function schemaOf(target) {
  return target.schema ? { schema: target.schema } : {};
}
function createObject(objectType, name, ifNotExists, orReplace) {
  return { kind: "create-object", objectType, name, ifNotExists, orReplace };
}
function unparsedStatement(site, error) {
  return {
    problem: { rule: "unparsed-sql", message: unparsedMessage(error, site.text), span: site.span },
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
    reader.accept("GLOBAL") || reader.accept("SESSION") || reader.accept("LOCAL") || reader.accept("PERSIST");
    const token = reader.next();
    if (!token || token.kind !== "word" && token.kind !== "param") return void 0;
    const name = token.text.replace(/^@@(?:global\.|session\.|local\.)?/i, "").replace(/^@/, "");
    if (!reader.acceptPunct("=") && !(reader.acceptPunct(":") && reader.acceptPunct("="))) return void 0;
    const value = reader.textUntil((next) => next.kind === "punct" && next.text === ",");
    if (value === "") return void 0;
    details.push({ kind: "set-config", name, value: unquote(value), local: false });
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
async function loadMysqlTranslator() {
  const module = await import("node-sql-parser/build/mysql.js");
  return new NodeSqlTranslator(new module.default.Parser(), MYSQL);
}
async function loadSqliteTranslator() {
  const module = await import("node-sql-parser/build/sqlite.js");
  return new NodeSqlTranslator(new module.default.Parser(), SQLITE);
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
          failure: `a statement of more than ${MAX_STATEMENT_TOKENS.toLocaleString("en")} tokens is not parsed`
        } : this.statement(prepared.text, statement, site);
      } catch (error) {
        read = { details: [], failure: errorMessage(error) };
      }
      operations.push(...read.details.map((detail) => atSite(site, detail)));
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
      case "set":
        return (node.expr ?? []).map(
          (assign) => ({
            kind: "set-config",
            name: variableName(assign?.left),
            value: unquote(this.expression(assign?.right)),
            local: false
          })
        );
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
  const names = (body.funcname ?? []).map((part) => String(part?.String?.sval ?? ""));
  const fn = names.at(-1);
  if (!table || !fn) return {};
  const events = Number(body.events ?? 0);
  const beforeInsertRow = !!body.row && (Number(body.timing ?? 0) & TRIGGER_BEFORE) !== 0 && (events & TRIGGER_INSERT) !== 0;
  return { trigger: { table, function: fn, beforeInsertRow } };
}
function filledColumns(options) {
  const source = (options ?? []).find((option) => option?.DefElem?.defname === "as");
  const items = source?.DefElem?.arg?.List?.items ?? [];
  const text = items.map((item) => String(item?.String?.sval ?? "")).join("\n");
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
  return statementDetails(node, site).map((detail) => atSite(site, detail));
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

// src/adapters/directives/directive-text.ts
function directiveBodyIn(comment) {
  const match = /(?:^|[#\s-])migragate:\s*(.*)$/.exec(comment);
  return match ? (match[1] ?? "").trim() : void 0;
}
var IGNORE = /^(ignore-file|ignore)\b\s*(?:\[([^\]]*)\])?\s*(.*)$/;
var RULE_NAME = /^[a-z][a-z0-9-]*$/;
var PHASE = /^phase\s*=\s*([A-Za-z]+)\s*$/;
var PHASE_NAMES = { expand: "expand", backfill: "backfill", migrate: "backfill", contract: "contract" };
function parseDirectiveBody(body) {
  const phase = PHASE.exec(body);
  if (phase) {
    const name = PHASE_NAMES[(phase[1] ?? "").toLowerCase()];
    return name ? { kind: "phase", phase: name } : { kind: "malformed", problem: `unknown phase "${phase[1]}" (expected expand, backfill, migrate or contract)` };
  }
  const ignore = IGNORE.exec(body);
  if (!ignore) {
    return {
      kind: "malformed",
      problem: 'expected "ignore[rule, ...] -- reason", "ignore-file[rule, ...] -- reason" or "phase=expand|backfill|contract"'
    };
  }
  const kind = ignore[1];
  const rules = (ignore[2] ?? "").split(",").map((rule) => rule.trim()).filter((rule) => rule !== "");
  const invalid = rules.find((rule) => !RULE_NAME.test(rule));
  if (invalid !== void 0) return { kind: "malformed", problem: `"${invalid}" is not a rule name` };
  if (ignore[2] !== void 0 && rules.length === 0)
    return { kind: "malformed", problem: `empty rule list in ${kind}[]` };
  const rest = (ignore[3] ?? "").trim();
  if (rest !== "" && !rest.startsWith("--")) {
    return { kind: "malformed", problem: `write the reason after "--", e.g. ${kind}[rule] -- why this is safe` };
  }
  const reason = rest.replace(/^--\s*/, "").trim();
  return { kind, rules, ...reason !== "" ? { reason } : {} };
}
function toDirective(body, span, appliesToLine) {
  switch (body.kind) {
    case "ignore":
      return { ...body, kind: "ignore", appliesToLine, span };
    case "ignore-file":
      return { ...body, kind: "ignore-file", span };
    case "phase":
      return { kind: "phase", phase: body.phase, span };
    case "malformed":
      return { kind: "malformed", problem: body.problem, span };
  }
}
function nextCodeLines(lines, commentPrefix) {
  let next;
  return (from) => {
    if (!next) {
      next = new Int32Array(lines.length + 2);
      let code = 0;
      for (let line = lines.length; line >= 1; line--) {
        next[line] = code;
        const text = (lines[line - 1] ?? "").trim();
        if (text !== "" && !text.startsWith(commentPrefix)) code = line;
      }
    }
    return next[from] || from;
  };
}

// src/adapters/sql/sql-file-extractor.ts
function sqlRevisionId(file) {
  return (file.split("/").pop() ?? file).replace(/\.sql$/i, "");
}
var NATURAL = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
function orderSqlFiles(files) {
  const name = (file) => file.split("/").pop() ?? file;
  return [...files].sort((a, b) => NATURAL.compare(name(a.file), name(b.file)) || (a.file < b.file ? -1 : 1));
}
function sqlDirectives(text, lines, file) {
  if (!text.includes("migragate:")) return [];
  const sourceLines = text.split(/\r?\n/);
  const nextCodeLine = nextCodeLines(sourceLines, "--");
  const directives = [];
  sourceLines.forEach((line, index) => {
    const start = line.indexOf("--");
    const body = start < 0 ? void 0 : directiveBodyIn(line.slice(start));
    if (body === void 0) return;
    const lineNumber = index + 1;
    const offset = lines.offsetOf(lineNumber, start + 1);
    const span = lines.span(file, offset, offset + line.length - start);
    const ownLine = line.slice(0, start).trim() === "";
    const appliesToLine = ownLine ? nextCodeLine(lineNumber) : lineNumber;
    directives.push(toDirective(parseDirectiveBody(body), span, appliesToLine));
  });
  return directives;
}
async function extractSqlFile(source, translators) {
  const lines = new LineIndex(source.text);
  const sql = {
    file: source.file,
    text: source.text,
    position: (index) => lines.position(index),
    span: { file: source.file, line: 1, column: 1, endLine: 1, endColumn: 1 },
    context: TOP_LEVEL_CONTEXT
  };
  const empty = source.text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim() === "";
  const translation = empty ? { operations: [], problems: [], statements: 0 } : (await translators(sql)).translate(sql);
  const id = sqlRevisionId(source.file);
  return {
    id,
    format: "sql",
    file: source.file,
    downRevisions: source.previous === void 0 ? [] : [sqlRevisionId(source.previous)],
    dependsOn: [],
    branchLabels: [],
    rawMeta: {},
    upgrade: { operations: translation.operations },
    downgrade: { operations: [] },
    sqlStatements: translation.statements,
    problems: translation.problems,
    directives: sqlDirectives(source.text, lines, source.file),
    phaseExceptions: []
  };
}

// src/adapters/python/core-null-tests.ts
var AND = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*and_$/;
var NULL_CALL = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*null$/;
var COLUMN_CALL = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(?:literal_)?column$/;
function literal(node) {
  return node?.type === "string" ? /^[uU]?(["'])([^"'\\{}]*)\1$/.exec(node.text)?.[2] : void 0;
}
function positional(call) {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  return args.filter((arg) => arg !== null && arg.type !== "comment");
}
function columnOf(node) {
  if (node?.type === "attribute") {
    const owner = node.childForFieldName("object");
    return owner?.type === "attribute" && owner.childForFieldName("attribute")?.text === "c" ? node.childForFieldName("attribute")?.text : void 0;
  }
  if (node?.type === "subscript") {
    const owner = node.childForFieldName("value");
    const key = literal(node.childForFieldName("subscript"));
    return owner?.type === "attribute" && owner.childForFieldName("attribute")?.text === "c" ? key : void 0;
  }
  if (node?.type === "call" && COLUMN_CALL.test(node.childForFieldName("function")?.text ?? "")) {
    const [name, ...rest] = positional(node);
    return rest.length === 0 ? literal(name ?? null) : void 0;
  }
  return void 0;
}
function isNull(node) {
  if (node?.type === "none") return true;
  return node?.type === "call" && NULL_CALL.test(node.childForFieldName("function")?.text ?? "") && positional(node).length === 0;
}
function nullTests(node) {
  if (node.type === "parenthesized_expression") {
    const inner = node.namedChildren.find((child) => child?.type !== "comment");
    return inner ? nullTests(inner) : void 0;
  }
  if (node.type === "comparison_operator") {
    const [left, right, ...more2] = node.namedChildren;
    const operator = node.children.find((child) => child?.type === "==");
    const column2 = columnOf(left ?? null);
    return operator && more2.length === 0 && column2 !== void 0 && isNull(right ?? null) ? [column2] : void 0;
  }
  if (node.type !== "call") return void 0;
  const fn = node.childForFieldName("function");
  if (AND.test(fn?.text ?? "")) return conjunction(positional(node));
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "is_") return void 0;
  const [value, ...more] = positional(node);
  const column = columnOf(fn.childForFieldName("object"));
  return column !== void 0 && more.length === 0 && isNull(value ?? null) ? [column] : void 0;
}
function conjunction(conditions) {
  const parts = conditions.map(nullTests);
  if (parts.length === 0 || !parts.every(Array.isArray)) return void 0;
  return [...new Set(parts.flat())];
}
function coreNullTestedColumns(filters) {
  if (filters.length === 0) return void 0;
  const columns = [];
  for (const { method, call } of filters) {
    const args = positional(call);
    if (method === "filter_by") {
      for (const arg of args) {
        if (arg.type !== "keyword_argument" || !isNull(arg.childForFieldName("value"))) return void 0;
        const name = arg.childForFieldName("name")?.text;
        if (name === void 0) return void 0;
        columns.push(name);
      }
      if (args.length === 0) return void 0;
      continue;
    }
    const tested = conjunction(args);
    if (tested === void 0) return void 0;
    columns.push(...tested);
  }
  return [...new Set(columns)];
}

// src/adapters/python/resolved-string.ts
var MAX_RESOLVED_LENGTH = 2e6;
var MAX_SEGMENTS = 1e4;
function limitedString(limit) {
  return { text: "", segments: [{ at: 0, source: 0, contiguous: false }], unresolved: 1, limit };
}
var TOO_LONG = limitedString(`it would be longer than ${MAX_RESOLVED_LENGTH.toLocaleString("en")} characters`);
function pushSegment(segments, segment, shift) {
  if (segments.length > MAX_SEGMENTS) return;
  if (segments.length === MAX_SEGMENTS) {
    segments.push({ at: segment.at + shift, source: segment.source, contiguous: false });
    return;
  }
  segments.push(shift === 0 ? segment : { ...segment, at: segment.at + shift });
}
function literal2(text, offset) {
  return { text, segments: [{ at: 0, source: offset, contiguous: false }], unresolved: 0 };
}
function verbatim(text, offset) {
  return { text, segments: [{ at: 0, source: offset, contiguous: true }], unresolved: 0 };
}
function placeholder(sourceText, offset) {
  const compact2 = sourceText.replace(/\s+/g, " ").slice(0, 60);
  return { ...literal2(`${UNRESOLVED_OPEN}${compact2}${UNRESOLVED_CLOSE}`, offset), unresolved: 1 };
}
function concat(parts) {
  if (parts.length === 1 && parts[0]) return parts[0];
  let length = 0;
  for (const part of parts) {
    if (part.limit !== void 0) return part;
    length += part.text.length;
  }
  if (length > MAX_RESOLVED_LENGTH) return TOO_LONG;
  const texts = [];
  let at = 0;
  const segments = [];
  let unresolved = 0;
  for (const part of parts) {
    if (part.text === "") continue;
    for (const segment of part.segments) {
      if (segments.length > MAX_SEGMENTS) break;
      pushSegment(segments, segment, at);
    }
    texts.push(part.text);
    at += part.text.length;
    unresolved += part.unresolved;
  }
  return { text: texts.join(""), segments, unresolved };
}
var ResolvedStringBuilder = class {
  texts = [];
  pending = [];
  length = 0;
  segments = [];
  /** Source text that maps character for character, starting at `offset`. */
  verbatim(text, offset) {
    this.add(text, offset, true);
  }
  /** Text that maps as a whole to `offset` (a decoded escape). */
  literal(text, offset) {
    this.add(text, offset, false);
  }
  add(text, source, contiguous) {
    if (text === "") return;
    pushSegment(this.segments, { at: 0, source, contiguous }, this.length);
    this.pending.push(text);
    if (this.pending.length >= 1024) {
      this.texts.push(this.pending.join(""));
      this.pending = [];
    }
    this.length += text.length;
  }
  build() {
    this.texts.push(this.pending.join(""));
    return { text: this.texts.join(""), segments: this.segments, unresolved: 0 };
  }
};
function sourceOffset(value, index) {
  const segment = value.segments[segmentAt(value, index)];
  if (!segment) return 0;
  return segment.contiguous ? segment.source + (index - segment.at) : segment.source;
}
function segmentAt(value, index) {
  const { segments } = value;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = low + high + 1 >> 1;
    if ((segments[middle]?.at ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}
function slice(value, start, end) {
  if (value.limit !== void 0) return value;
  const text = value.text.slice(start, end);
  const segments = [];
  for (let index = segmentAt(value, start); index < value.segments.length; index++) {
    const segment = value.segments[index];
    const segmentEnd = value.segments[index + 1]?.at ?? value.text.length;
    if (segment.at >= end) break;
    if (segmentEnd <= start) continue;
    const from = Math.max(segment.at, start);
    const source = segment.contiguous ? segment.source + (from - segment.at) : segment.source;
    segments.push({ at: from - start, source, contiguous: segment.contiguous });
  }
  if (segments.length === 0) segments.push({ at: 0, source: sourceOffset(value, start), contiguous: false });
  return { text, segments, unresolved: text.split(UNRESOLVED_OPEN).length - 1 };
}
function applyFormat(template, positional2, named) {
  const parts = [];
  let autoIndex = 0;
  let index = 0;
  let chunkStart = 0;
  const text = template.text;
  while (index < text.length) {
    const char = text[index];
    if ((char === "{" || char === "}") && text[index + 1] === char) {
      parts.push(slice(template, chunkStart, index + 1));
      index += 2;
      chunkStart = index;
      continue;
    }
    if (char === "{") {
      const close = text.indexOf("}", index);
      if (close < 0) break;
      parts.push(slice(template, chunkStart, index));
      const field = (text.slice(index + 1, close).split(/[!:]/)[0] ?? "").trim();
      let value;
      if (field === "") value = positional2[autoIndex++];
      else if (/^\d+$/.test(field)) value = positional2[Number(field)];
      else value = named.get(field.split(/[.[]/)[0] ?? field);
      parts.push(value ?? placeholder(field === "" ? "{}" : field, sourceOffset(template, index)));
      index = close + 1;
      chunkStart = index;
      continue;
    }
    index++;
  }
  parts.push(slice(template, chunkStart, text.length));
  return concat(parts);
}
function applyPercent(template, positional2, named, argumentText) {
  const parts = [];
  const pattern = /%(?:\(([^)]{0,200})\))?[-#0 +]{0,10}\d{0,10}(?:\.\d{1,10})?([a-zA-Z%])/g;
  let chunkStart = 0;
  let autoIndex = 0;
  for (let match = pattern.exec(template.text); match; match = pattern.exec(template.text)) {
    parts.push(slice(template, chunkStart, match.index + (match[2] === "%" ? 1 : 0)));
    chunkStart = match.index + match[0].length;
    if (match[2] === "%") continue;
    const value = match[1] !== void 0 ? named.get(match[1]) : positional2[autoIndex++];
    parts.push(value ?? placeholder(match[1] ?? argumentText, sourceOffset(template, match.index)));
  }
  parts.push(slice(template, chunkStart, template.text.length));
  return concat(parts);
}
function replaceAll(value, from, to) {
  if (value.limit !== void 0) return value;
  let count = 0;
  for (let found = value.text.indexOf(from); found >= 0; found = value.text.indexOf(from, found + from.length)) count++;
  if (value.text.length + count * (to.length - from.length) > MAX_RESOLVED_LENGTH) return TOO_LONG;
  if (count > MAX_SEGMENTS) {
    const text = value.text.split(from).join(to);
    const segments = [{ at: 0, source: sourceOffset(value, 0), contiguous: false }];
    return { text, segments, unresolved: text.split(UNRESOLVED_OPEN).length - 1 };
  }
  const parts = [];
  let start = 0;
  for (let found = value.text.indexOf(from); found >= 0; found = value.text.indexOf(from, found + from.length)) {
    parts.push(slice(value, start, found), literal2(to, sourceOffset(value, found)));
    start = found + from.length;
  }
  parts.push(slice(value, start, value.text.length));
  return concat(parts);
}

// src/adapters/python/escapes.ts
var MAX_CODE_POINT = 1114111;
var SIMPLE_ESCAPES = new Map(
  Object.entries({
    "\\": "\\",
    "'": "'",
    '"': '"',
    a: "\x07",
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "	",
    v: "\v"
  })
);
function decodeEscape(sequence) {
  const body = sequence.slice(1);
  const first = body[0] ?? "";
  if (first === "\n" || first === "\r") return "";
  const simple = SIMPLE_ESCAPES.get(first);
  if (simple !== void 0 && body.length === 1) return simple;
  if (first === "x" || first === "u" || first === "U") {
    const code = Number.parseInt(body.slice(1), 16);
    return Number.isNaN(code) || code > MAX_CODE_POINT ? sequence : String.fromCodePoint(code);
  }
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCodePoint(Number.parseInt(body, 8));
  return sequence;
}
function escapePattern(bytes) {
  return bytes ? /\\(?:x[a-fA-F\d]{2}|\d{1,3}|\r?\n|['"abfrntv\\])/y : /\\(?:u[a-fA-F\d]{4}|U[a-fA-F\d]{8}|x[a-fA-F\d]{2}|\d{1,3}|\r?\n|['"abfrntv\\]|N\{[^}]{1,200}\})/y;
}
function decodeStringContent(source, base, flags) {
  const sequences = flags.raw ? void 0 : escapePattern(flags.bytes);
  const builder = new ResolvedStringBuilder();
  let chunkStart = 0;
  for (let index = 0; index < source.length; ) {
    const char = source[index];
    if (char === "\\" && sequences) {
      sequences.lastIndex = index;
      const sequence = sequences.exec(source)?.[0];
      if (sequence !== void 0) {
        builder.verbatim(source.slice(chunkStart, index), base + chunkStart);
        builder.literal(decodeEscape(sequence), base + index);
        index += sequence.length;
        chunkStart = index;
        continue;
      }
    } else if (flags.formatted && (char === "{" || char === "}") && source[index + 1] === char) {
      builder.verbatim(source.slice(chunkStart, index + 1), base + chunkStart);
      index += 2;
      chunkStart = index;
      continue;
    }
    index++;
  }
  builder.verbatim(source.slice(chunkStart), base + chunkStart);
  return builder.build();
}

// src/adapters/python/values.ts
var MAX_ALTERNATIVES = 64;
var MAX_NESTING = 100;
var MAX_FUNCTION_CALLS = 1e3;
var MAX_CALL_DEPTH = 4;
var MAX_BUILT_CHARACTERS = 2e7;
var Scope = class _Scope {
  constructor(parent) {
    this.parent = parent;
  }
  parent;
  vars = /* @__PURE__ */ new Map();
  lookup(name) {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
  define(name, value) {
    this.vars.set(name, value);
  }
  child() {
    return new _Scope(this);
  }
  /** Names defined in this scope itself, with their values. */
  own() {
    return this.vars;
  }
};
var TEXT_WRAPPERS = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(?:text|DDL|literal_column)$|^(?:textwrap\.)?dedent$/;
var STRING_METHODS_KEEPING_TEXT = /* @__PURE__ */ new Set([
  "bindparams",
  "params",
  "execution_options",
  "columns",
  "strip",
  "lstrip",
  "rstrip",
  "compile"
]);
var OP_NAME_WRAPPER = /^\w*op\.f$/;
var COLUMN_CONSTRUCTOR = /(?:^|\.)Column$/;
var CORE_STATEMENT_CALL = /(?:^|\.)(?:select|update|insert|delete)$|\b(?:select|update|insert|delete)\([\s\S]*\)\.(?:where|values|filter|distinct|order_by|limit|returning|from_select|select_from|group_by|join|outerjoin)$/;
var TABLE_CONSTRUCTORS = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(?:table|Table)$/;
var MAX_COMPREHENSION_ITEMS = 100;
function bindNames(target, value, scope) {
  if (target.type === "identifier") {
    scope.define(target.text, value);
    return;
  }
  const names = target.namedChildren.filter((child) => !!child && child.type !== "comment");
  names.forEach((name, index) => {
    const item = value.kind === "list" ? value.items[index] : void 0;
    bindNames(name, item ?? unknown(name), scope);
  });
}
function unknown(node) {
  return { kind: "unknown", text: node.text, offset: node.startIndex, node };
}
function limited(node, limit) {
  return { kind: "unknown", text: node.text, offset: node.startIndex, limit };
}
function countOf(value) {
  return value.kind === "alternatives" ? value.count : 1;
}
function alternatives(options, node) {
  const count = options.reduce((total, option) => total + countOf(option.value), 0);
  if (count > MAX_ALTERNATIVES)
    return limited(node, `it may hold more than ${MAX_ALTERNATIVES} different values depending on branches`);
  return { kind: "alternatives", options, count };
}
function asString(value) {
  if (value === void 0) return void 0;
  if (value.kind === "str") return value.value;
  if (value.kind === "number") return literal2(value.text, 0);
  return void 0;
}
function stringOrPlaceholder(value, node) {
  return asString(value) ?? placeholder(node.text, node.startIndex);
}
function partOf(value, sourceText, offset) {
  if (value.kind === "unknown" && value.limit !== void 0) return limitedString(value.limit);
  return asString(value) ?? placeholder(sourceText, offset);
}
function limitOf(values) {
  for (const value of values) if (value?.kind === "unknown" && value.limit !== void 0) return value.limit;
  return void 0;
}
function unknownFrom(node, values) {
  const limit = limitOf(values);
  return limit === void 0 ? unknown(node) : limited(node, limit);
}
function formatPart(value) {
  if (value.kind === "unknown" && value.limit !== void 0) return limitedString(value.limit);
  return asString(value);
}
function plainString(value) {
  const resolved = asString(value);
  return resolved && resolved.unresolved === 0 ? resolved.text : void 0;
}
var Evaluator = class {
  /** `moduleAttribute` reads `module.name` when the value is an imported helper module. */
  constructor(moduleAttribute) {
    this.moduleAttribute = moduleAttribute;
  }
  moduleAttribute;
  callDepth = 0;
  nesting = 0;
  calls = 0;
  builtCharacters = 0;
  /** Starts the per-file budgets (function calls, characters built) afresh. */
  startFile() {
    this.calls = 0;
    this.builtCharacters = 0;
  }
  evaluate(node, scope) {
    if (!node) return { kind: "none" };
    if (this.nesting >= MAX_NESTING) return limited(node, `it is nested more than ${MAX_NESTING} levels deep`);
    this.nesting++;
    try {
      return this.evaluateNode(node, scope);
    } finally {
      this.nesting--;
    }
  }
  /** A string the evaluator built: unknown when it is too long, or when the file has built too much already. */
  madeString(value, node) {
    if (value.limit !== void 0) return limited(node, value.limit);
    this.builtCharacters += value.text.length;
    if (this.builtCharacters > MAX_BUILT_CHARACTERS)
      return limited(
        node,
        `the file builds more than ${MAX_BUILT_CHARACTERS.toLocaleString("en")} characters of strings`
      );
    return { kind: "str", value };
  }
  evaluateNode(node, scope) {
    switch (node.type) {
      case "string":
        return this.madeString(this.decodeStringNode(node, scope), node);
      case "concatenated_string":
        return this.madeString(concat(node.namedChildren.map((part) => this.decodeString(part, scope))), node);
      case "integer":
      case "float":
        return { kind: "number", text: node.text };
      case "true":
      case "false":
        return { kind: "bool", value: node.type === "true" };
      case "none":
        return { kind: "none" };
      case "identifier":
        return scope.lookup(node.text) ?? unknown(node);
      case "parenthesized_expression": {
        const inner = node.namedChildren.find((child) => child?.type !== "comment");
        return inner ? this.evaluate(inner, scope) : unknown(node);
      }
      case "tuple":
      case "list":
        return {
          kind: "list",
          items: node.namedChildren.filter((c) => c?.type !== "comment").map((item) => this.evaluate(item, scope))
        };
      case "binary_operator":
        return this.evaluateBinary(node, scope);
      case "list_comprehension":
      case "set_comprehension":
        return this.evaluateComprehension(node, scope);
      case "set":
        return {
          kind: "list",
          items: node.namedChildren.filter((c) => c?.type !== "comment").map((item) => this.evaluate(item, scope))
        };
      case "subscript": {
        const value = this.evaluate(node.childForFieldName("value"), scope);
        const subscripts = node.childrenForFieldName("subscript");
        const index = subscripts.length === 1 && subscripts[0]?.type === "integer" ? Number(subscripts[0].text) : Number.NaN;
        const item = value.kind === "list" && Number.isInteger(index) ? value.items.at(index) : void 0;
        return item ?? unknown(node);
      }
      case "attribute": {
        const object = this.evaluate(node.childForFieldName("object"), scope);
        const name = node.childForFieldName("attribute")?.text;
        if (object.kind !== "module" || !name) return unknown(node);
        return this.moduleAttribute?.(object, name) ?? unknown(node);
      }
      case "call":
        return this.evaluateCall(node, scope);
      default:
        return unknown(node);
    }
  }
  evaluateBinary(node, scope) {
    const operator = node.childForFieldName("operator")?.text;
    if (operator === "+") return this.evaluateSum(node, scope);
    const left = this.evaluate(node.childForFieldName("left"), scope);
    const rightNode = node.childForFieldName("right");
    if (operator === "%" && left.kind === "str" && rightNode) {
      const positional2 = [];
      const named = /* @__PURE__ */ new Map();
      if (rightNode.type === "tuple") {
        for (const item of rightNode.namedChildren) if (item) positional2.push(formatPart(this.evaluate(item, scope)));
      } else if (rightNode.type === "dictionary") {
        for (const pair of rightNode.namedChildren) {
          const key = plainString(this.evaluate(pair?.childForFieldName("key"), scope));
          if (key !== void 0) named.set(key, formatPart(this.evaluate(pair?.childForFieldName("value"), scope)));
        }
      } else {
        positional2.push(formatPart(this.evaluate(rightNode, scope)));
      }
      return this.madeString(applyPercent(left.value, positional2, named, rightNode.text), node);
    }
    const limit = limitOf([left]);
    return limit === void 0 ? unknown(node) : limited(node, limit);
  }
  evaluateCall(node, scope) {
    const fn = node.childForFieldName("function");
    const args = node.childForFieldName("arguments");
    if (!fn) return unknown(node);
    if (fn.type === "identifier") {
      const callee = scope.lookup(fn.text);
      if (callee?.kind === "function") return this.callLocalFunction(callee.node, node, scope);
    }
    const fnText = fn.text;
    const positional2 = args?.namedChildren.filter((arg) => arg && arg.type !== "keyword_argument" && arg.type !== "comment") ?? [];
    if (/^(?:list|tuple|set|sorted)$/.test(fnText) && positional2.length === 1) {
      const items = this.evaluate(positional2[0], scope);
      if (items.kind === "list") return items;
    }
    if (TEXT_WRAPPERS.test(fnText) || OP_NAME_WRAPPER.test(fnText)) {
      return positional2[0] ? this.evaluate(positional2[0], scope) : unknown(node);
    }
    if (COLUMN_CONSTRUCTOR.test(fnText)) return { kind: "column", node };
    if (CORE_STATEMENT_CALL.test(fnText)) return { kind: "statement", node };
    if (TABLE_CONSTRUCTORS.test(fnText)) {
      const name = plainString(this.evaluate(positional2[0], scope));
      const schema = plainString(this.evaluate(keywordArgument(node, "schema"), scope));
      return name ? { kind: "table", name, ...schema ? { schema } : {} } : unknown(node);
    }
    if (/^(?:\w+\.)*get_bind$/.test(fnText) || /\.connect$/.test(fnText)) return { kind: "bind" };
    if (/(?:^|\.)(?:Session|sessionmaker\(.*\))$/.test(fnText) || /^(?:\w+\.)*Session$/.test(fnText)) {
      return { kind: "session" };
    }
    if (fn.type === "attribute") {
      const method = fn.childForFieldName("attribute")?.text ?? "";
      const object = fn.childForFieldName("object");
      if (method === "format") {
        const template = this.evaluate(object, scope);
        if (template.kind !== "str") return unknownFrom(node, [template]);
        const named = /* @__PURE__ */ new Map();
        for (const arg of args?.namedChildren ?? []) {
          if (arg?.type !== "keyword_argument") continue;
          const key = arg.childForFieldName("name")?.text;
          if (key) named.set(key, formatPart(this.evaluate(arg.childForFieldName("value"), scope)));
        }
        const values = positional2.map((arg) => formatPart(this.evaluate(arg, scope)));
        return this.madeString(applyFormat(template.value, values, named), node);
      }
      if (method === "join") {
        const separator = this.evaluate(object, scope);
        const items = this.evaluate(positional2[0], scope);
        if (separator.kind === "str" && items.kind === "list") {
          const parts = [];
          items.items.forEach((item, index) => {
            if (index > 0) parts.push(separator.value);
            parts.push(partOf(item, "\u2026", sourceOffset(separator.value, 0)));
          });
          return this.madeString(concat(parts), node);
        }
        return unknownFrom(node, [separator, items]);
      }
      if (STRING_METHODS_KEEPING_TEXT.has(method)) {
        const inner = this.evaluate(object, scope);
        return inner.kind === "str" || inner.kind === "alternatives" ? inner : unknownFrom(node, [inner]);
      }
      if (method === "replace") {
        const inner = this.evaluate(object, scope);
        const from = plainString(this.evaluate(positional2[0], scope));
        const to = plainString(this.evaluate(positional2[1], scope));
        if (inner.kind === "str" && from !== void 0 && to !== void 0 && from.length > 0) {
          return this.madeString(replaceAll(inner.value, from, to), node);
        }
        return unknownFrom(node, [inner]);
      }
    }
    return unknown(node);
  }
  /**
   * `[(table, model(table)) for table in TABLES]` over a list known statically: one item per element, the loop
   * variables bound. Filters (`if ...`), nested `for`s and long or unknown iterables leave it unknown.
   */
  evaluateComprehension(node, scope) {
    const body = node.childForFieldName("body");
    const clauses = node.namedChildren.filter(
      (child) => child?.type === "for_in_clause" || child?.type === "if_clause"
    );
    const [clause] = clauses;
    if (!body || clauses.length !== 1 || clause?.type !== "for_in_clause") return unknown(node);
    const iterable = this.evaluate(clause.childForFieldName("right"), scope);
    const target = clause.childForFieldName("left");
    if (!target || iterable.kind !== "list" || iterable.items.length > MAX_COMPREHENSION_ITEMS) return unknown(node);
    const items = iterable.items.map((item) => {
      const inner = scope.child();
      bindNames(target, item, inner);
      return this.evaluate(body, inner);
    });
    return { kind: "list", items };
  }
  /** `a + b + c ...` evaluated without recursion: generated SQL can chain thousands of terms. */
  evaluateSum(node, scope) {
    const terms = [];
    let current = node;
    while (current?.type === "binary_operator" && current.childForFieldName("operator")?.text === "+") {
      const right = current.childForFieldName("right");
      if (right) terms.push(right);
      current = current.childForFieldName("left");
    }
    if (current) terms.push(current);
    terms.reverse();
    const values = terms.map((term) => this.evaluate(term, scope));
    if (!values.some((value) => value.kind === "str")) return unknownFrom(node, values);
    return this.madeString(
      concat(values.map((value, index) => partOf(value, terms[index]?.text ?? "?", terms[index]?.startIndex ?? 0))),
      node
    );
  }
  /** The value a local function returns, when its body is a single `return <expression>` after assignments. */
  callLocalFunction(definition, call, scope) {
    if (this.callDepth >= MAX_CALL_DEPTH) return unknown(call);
    if (++this.calls > MAX_FUNCTION_CALLS)
      return limited(call, `the file calls local functions more than ${MAX_FUNCTION_CALLS} times in values`);
    const body = definition.childForFieldName("body")?.namedChildren ?? [];
    const returns = body.filter((statement) => statement?.type === "return_statement");
    const returned = returns.length === 1 ? returns[0]?.namedChildren[0] : void 0;
    if (!returned) return unknown(call);
    const local = scope.child();
    const parameters = (definition.childForFieldName("parameters")?.namedChildren ?? []).filter((p) => !!p);
    const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter((a) => !!a && a.type !== "comment");
    parameters.forEach((parameter, index) => {
      const name = parameter?.type === "identifier" ? parameter.text : parameter?.childForFieldName("name")?.text;
      if (!name) return;
      const keyword = args.find(
        (arg) => arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name
      );
      const positional2 = args.filter((arg) => arg?.type !== "keyword_argument")[index];
      const value = keyword?.childForFieldName("value") ?? positional2 ?? parameter?.childForFieldName("value");
      local.define(name, value ? this.evaluate(value, scope) : unknown(parameter));
    });
    this.callDepth++;
    try {
      for (const statement of body) {
        const assignment = statement?.type === "expression_statement" ? statement.namedChildren[0] : void 0;
        const target = assignment?.type === "assignment" ? assignment.childForFieldName("left") : void 0;
        if (assignment && target?.type === "identifier") {
          local.define(target.text, this.evaluate(assignment.childForFieldName("right"), local));
        }
      }
      return this.evaluate(returned, local);
    } finally {
      this.callDepth--;
    }
  }
  /** Decodes one `string` node: prefix, escapes, f-string interpolations. */
  decodeString(node, scope) {
    if (node.type !== "string") return stringOrPlaceholder(this.evaluate(node, scope), node);
    return this.decodeStringNode(node, scope);
  }
  /** `decodeString` of a node known to be a `string`. */
  decodeStringNode(node, scope) {
    const plain = plainLiteral(node.text, node.startIndex);
    if (plain) return plain;
    const prefix = (node.firstChild?.text ?? "").replace(/['"]/g, "").toLowerCase();
    const flags = { raw: prefix.includes("r"), formatted: prefix.includes("f"), bytes: prefix.includes("b") };
    const parts = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "string_content") parts.push(decodeStringContent(child.text, child.startIndex, flags));
      else if (child.type === "interpolation") {
        const expression = child.childForFieldName("expression");
        const value = expression ? this.evaluate(expression, scope) : unknown(child);
        parts.push(partOf(value, expression?.text ?? child.text, expression?.startIndex ?? child.startIndex));
      }
    }
    return concat(parts);
  }
};
var LITERAL_START = /^([rRbBuU]{0,2})("""|'''|"|')/;
function plainLiteral(text, offset) {
  const match = LITERAL_START.exec(text);
  if (!match) return void 0;
  const prefix = match[1] ?? "";
  const quote = match[2] ?? "";
  const raw = /r/i.test(prefix);
  if (!raw && text.includes("\\")) return void 0;
  const start = prefix.length + quote.length;
  if (text.length < start + quote.length || !text.endsWith(quote)) return void 0;
  return verbatim(text.slice(start, text.length - quote.length), offset + start);
}
function keywordArgument(call, name) {
  const args = call.childForFieldName("arguments");
  for (const arg of args?.namedChildren ?? []) {
    if (arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) {
      return arg.childForFieldName("value") ?? void 0;
    }
  }
  return void 0;
}

// src/adapters/python/columns.ts
var MODULE_PREFIX = /^(?:[A-Za-z_]\w*\.)*/;
var TYPE_NAMES2 = new Map(
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
    cidr: "cidr"
  })
);
function sqlAlchemyType(node, evaluator, scope, depth = 0) {
  if (!node) return void 0;
  if (node.type === "identifier") {
    const bound = scope.lookup(node.text);
    if (bound !== void 0) {
      return bound.kind === "unknown" && bound.node !== void 0 && bound.node !== node && depth < 4 ? sqlAlchemyType(bound.node, evaluator, scope, depth + 1) : void 0;
    }
  }
  const callee = node.type === "call" ? node.childForFieldName("function") : node;
  if (!callee) return void 0;
  if (callee.type === "attribute" && callee.childForFieldName("attribute")?.text === "with_variant") {
    return sqlAlchemyType(callee.childForFieldName("object") ?? void 0, evaluator, scope);
  }
  if (!/^[A-Za-z_][\w.]*$/.test(callee.text)) return void 0;
  const name = callee.text.replace(MODULE_PREFIX, "");
  const lower = name.toLowerCase();
  if (lower === "datetime" || lower === "timestamp") {
    const firstPositional = node.type === "call" ? node.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment") : void 0;
    const timezone = node.type === "call" ? keywordArgument(node, "timezone")?.text ?? (firstPositional && firstPositional.type !== "keyword_argument" ? firstPositional.text : void 0) : void 0;
    return timezone === "True" ? "timestamp with time zone" : "timestamp without time zone";
  }
  const base = TYPE_NAMES2.get(lower);
  if (base === void 0) return /^[A-Z]/.test(name) ? lower : void 0;
  if (node.type !== "call") return base;
  if (base === "enum") return enumType(node, evaluator, scope);
  if (base === "array") {
    const element = node.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment");
    const inner = element?.type === "keyword_argument" ? void 0 : sqlAlchemyType(element ?? void 0, evaluator, scope);
    return inner === void 0 ? base : `${inner}[]`;
  }
  const args = node.childForFieldName("arguments")?.namedChildren ?? [];
  const numbers = [];
  for (const arg of args) {
    if (!arg) continue;
    if (arg.type === "integer") numbers.push(arg.text);
    else if (arg.type === "keyword_argument") {
      const key = arg.childForFieldName("name")?.text;
      const value = plainString(evaluator.evaluate(arg.childForFieldName("value"), scope));
      if ((key === "length" || key === "precision" || key === "scale") && value !== void 0) numbers.push(value);
    }
  }
  return numbers.length > 0 && ["varchar", "numeric", "char"].includes(base) ? `${base}(${numbers.join(",")})` : base;
}
function enumType(call, evaluator, scope) {
  const values = [];
  const name = plainString(evaluator.evaluate(keywordArgument(call, "name"), scope));
  const named = name === void 0 ? "" : ` named ${name}`;
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (!arg || arg.type === "comment" || arg.type === "keyword_argument") continue;
    const value = plainString(evaluator.evaluate(arg, scope));
    if (value === void 0) return `enum${named}`;
    values.push(`'${value.replace(/'/g, "''")}'`);
  }
  return values.length > 0 ? `enum(${values.join(",")})${named}` : `enum${named}`;
}
var COLUMN_CALL2 = /(?:^|\.)Column$/;
function isColumnCall(node) {
  return node?.type === "call" && COLUMN_CALL2.test(node.childForFieldName("function")?.text ?? "");
}
var INTEGER_TYPES = /* @__PURE__ */ new Set(["integer", "bigint", "smallint"]);
function withImplicitSerial(declarations) {
  const keys = declarations.filter((declaration) => declaration.spec.primaryKey);
  const serial = (declaration) => {
    const { spec, autoincrement } = declaration;
    if (!spec.primaryKey || spec.generated !== void 0 || declaration.clientDefault) return false;
    if (!INTEGER_TYPES.has(spec.type ?? "")) return false;
    if (autoincrement === "True") return true;
    if (keys.length !== 1 || autoincrement !== "auto" && autoincrement !== '"ignore_fk"') return false;
    if (spec.serverDefault !== void 0) return false;
    return spec.references === void 0 || autoincrement === '"ignore_fk"';
  };
  return declarations.map(
    (declaration) => serial(declaration) ? { ...declaration.spec, generated: "serial", implicitSerial: true } : declaration.spec
  );
}
function columnDeclaration(call, evaluator, scope, span) {
  const positional2 = [];
  const keywords = /* @__PURE__ */ new Map();
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (!arg) continue;
    const kind = arg.type;
    if (kind === "comment") continue;
    if (kind === "keyword_argument") {
      const value = arg.childForFieldName("value");
      if (value) keywords.set(arg.childForFieldName("name")?.text ?? "", value);
    } else {
      positional2.push({ node: arg, callee: kind === "call" ? arg.childForFieldName("function")?.text ?? "" : "" });
    }
  }
  const nameNode = keywords.get("name") ?? positional2[0]?.node;
  if (!nameNode) return void 0;
  const named = evaluator.evaluate(nameNode, scope);
  const resolved = asString(named);
  const name = resolved?.text ?? unresolvedName(named.kind === "unknown" ? named.text : nameNode.text);
  const rest = keywords.has("name") ? positional2 : positional2.slice(1);
  const typeNode = keywords.get("type_") ?? rest.find((arg) => !CONSTRAINT_CALL.test(arg.callee))?.node;
  const primaryKey = keywords.get("primary_key")?.text === "True";
  const nullableText = keywords.get("nullable")?.text;
  const nullable = nullableText === void 0 ? !primaryKey : nullableText !== "False";
  const serverDefault = keywords.get("server_default");
  const pythonDefault = keywords.get("default");
  const foreignKey = positional2.find((arg) => /ForeignKey$/.test(arg.callee))?.node;
  const identity = positional2.some((arg) => /Identity$/.test(arg.callee));
  const computed = positional2.find((arg) => /Computed$/.test(arg.callee))?.node;
  const type = sqlAlchemyType(typeNode, evaluator, scope);
  const generated = identity ? "identity" : computed && keywordArgument(computed, "persisted")?.text !== "False" ? "stored" : void 0;
  const references = foreignKey ? plainString(evaluator.evaluate(foreignKey.childForFieldName("arguments")?.namedChildren[0], scope)) : void 0;
  const spec = {
    name,
    ...span ? { span } : {},
    nullable,
    primaryKey,
    ...type ? { type } : {},
    ...serverDefault && serverDefault.type !== "none" ? { serverDefault: serverDefault.text } : {},
    ...pythonDefault && pythonDefault.type !== "none" ? { pythonDefault: pythonDefault.text } : {},
    ...generated ? { generated } : {},
    ...references ? { references: references.split(".")[0] ?? references } : {},
    ...references?.includes(".") ? { referencedColumn: references.slice(references.lastIndexOf(".") + 1) } : {}
  };
  const checks = positional2.filter((arg) => /CheckConstraint$/.test(arg.callee)).map((arg) => arg.node.childForFieldName("arguments")?.namedChildren.find((child) => child?.type !== "comment")).map((condition) => plainString(evaluator.evaluate(condition ?? void 0, scope)) ?? condition?.text ?? "?");
  return {
    spec,
    autoincrement: keywords.get("autoincrement")?.text ?? "auto",
    clientDefault: spec.pythonDefault !== void 0 || positional2.some((arg) => /Sequence$/.test(arg.callee)),
    unique: keywords.get("unique")?.text === "True",
    checks
  };
}
var CONSTRAINT_CALL = /(?:ForeignKey|Identity|Computed|Sequence|CheckConstraint)$/;

// src/adapters/python/written-rows.ts
function rowsWrittenOut(node, evaluator, scope) {
  if (!node) return false;
  if (node.type === "dictionary") return true;
  if (node.type === "list" || node.type === "tuple")
    return node.namedChildren.some((item) => item !== null && item.type !== "comment" && item.type !== "list_splat");
  const value = evaluator.evaluate(node, scope);
  return value.kind === "list" && value.items.length > 0;
}

// src/adapters/python/op-directives.ts
var SIGNATURES = new Map(
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
    drop_entity: ["entity"]
  })
);
var KEYWORD_ALIASES = new Map(
  Object.entries({
    source_table: "table_name",
    old_table_name: "table_name",
    source: "table_name",
    referent: "referent_table",
    local_columns: "local_cols",
    remote_columns: "remote_cols",
    name: "constraint_name"
  })
);
var KNOWN_NON_OPERATIONS = /* @__PURE__ */ new Set([
  "get_bind",
  "get_context",
  "f",
  "inline_literal",
  "invoke",
  "implementation_for",
  "register_operation",
  "batch_alter_table",
  "run_async",
  "impl"
]);
var Arguments = class {
  named = /* @__PURE__ */ new Map();
  constructor(call, parameters) {
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
  rest() {
    return [...this.named.entries()].filter(([key]) => key.startsWith("#")).map(([, node]) => node);
  }
};
var SQL_WORDS = new Set(
  "and or not null is in like ilike true false between case when then else end any all some exists distinct as".split(
    " "
  )
);
function conditionColumns(condition) {
  const withoutStrings = condition.replace(/'(?:[^']|'')*'/g, "''").replace(/::\s*[A-Za-z_][\w ]*/g, "");
  const names = /* @__PURE__ */ new Set();
  for (const match of withoutStrings.matchAll(/"([^"]+)"|([A-Za-z_][\w$]*)(\s*\()?/g)) {
    const name = match[1] ?? match[2];
    if (!name || match[3] || SQL_WORDS.has(name.toLowerCase()) || /^\d/.test(name)) continue;
    names.add(name);
  }
  return [...names];
}
function constraintTypeOf(text) {
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
function isTrue(node) {
  return node?.text === "True";
}
function nameOf(value, node) {
  const resolved = asString(value);
  if (resolved !== void 0) return resolved.text;
  if (value.kind === "unknown") return unresolvedName(value.text);
  return unresolvedName(node?.text ?? "?");
}
function directiveOperations(directive, site) {
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
        reason: `op.${directive}() is not an Alembic directive migragate knows; its effect is not analysed`
      }
    ];
  }
  const batch = site.batchTable;
  const parameters = batch ? signature.filter((name) => name !== "table_name") : signature;
  const args = new Arguments(site.call, parameters);
  const value = (name) => site.evaluator.evaluate(args.named.get(name), site.scope);
  const text = (name) => {
    const node = args.named.get(name);
    const given = value(name);
    return node === void 0 || given.kind === "none" ? void 0 : nameOf(given, node);
  };
  const strings = (name) => {
    const list2 = value(name);
    const node = args.named.get(name);
    if (list2.kind === "list") return list2.items.map((item) => nameOf(item, node));
    return node === void 0 || list2.kind === "none" ? [] : [nameOf(list2, node)];
  };
  const table = batch?.table ?? text("table_name") ?? "?";
  const schema = batch?.schema ?? plainString(value("schema"));
  const base = {
    origin: "op",
    span: site.span,
    context: site.context,
    text: compact(site.call.text),
    table,
    ...schema ? { schema } : {}
  };
  switch (directive) {
    case "add_column": {
      const columnNode = args.named.get("column");
      const columnValue = columnNode && !isColumnCall(columnNode) ? value("column") : void 0;
      const columnCall = columnValue?.kind === "column" ? columnValue.node : columnNode;
      const declaration = columnCall && isColumnCall(columnCall) ? columnDeclaration(columnCall, site.evaluator, site.scope) : void 0;
      const column = declaration ? withImplicitSerial([declaration])[0] : void 0;
      const name = column?.name ?? (columnNode ? nameOf(value("column"), columnNode) : "?");
      const constraints = [
        ...declaration?.unique ? [{ constraintType: "unique" }] : [],
        ...(declaration?.checks ?? []).map(() => ({ constraintType: "check" }))
      ].map(({ constraintType }) => ({
        ...base,
        kind: "add-constraint",
        constraintType,
        columns: [name],
        notValid: false
      }));
      return [
        {
          ...base,
          kind: "add-column",
          column: column ?? { name, nullable: true, primaryKey: false },
          ifNotExists: isTrue(args.named.get("if_not_exists"))
        },
        ...constraints
      ];
    }
    case "alter_column":
      return alterColumnOperations(args, base, text("column_name") ?? "?", site);
    case "create_table": {
      const elements = args.rest();
      const primaryKeyColumns = /* @__PURE__ */ new Set();
      const foreignKeys = /* @__PURE__ */ new Map();
      const constraints = [];
      for (const element of elements) {
        const callee = element.childForFieldName("function")?.text ?? "";
        if (/UniqueConstraint$/.test(callee)) {
          const columns2 = (element.childForFieldName("arguments")?.namedChildren ?? []).filter((arg) => !!arg && arg.type !== "comment" && arg.type !== "keyword_argument").map((arg) => plainString(site.evaluator.evaluate(arg, site.scope))).filter((column) => column !== void 0);
          const constraintName = plainString(site.evaluator.evaluate(keywordArgument(element, "name"), site.scope));
          if (columns2.length > 0)
            constraints.push({
              constraintType: "unique",
              name: constraintName ?? `${table}_${columns2.join("_")}_key`,
              columns: columns2
            });
        } else if (/PrimaryKeyConstraint$/.test(callee)) {
          for (const arg of element.childForFieldName("arguments")?.namedChildren ?? []) {
            const name = arg && plainString(site.evaluator.evaluate(arg, site.scope));
            if (name) primaryKeyColumns.add(name);
          }
        } else if (/ForeignKeyConstraint$/.test(callee)) {
          const [local, remote] = (element.childForFieldName("arguments")?.namedChildren ?? []).filter(
            (arg) => arg && arg.type !== "comment" && arg.type !== "keyword_argument"
          );
          const columns2 = site.evaluator.evaluate(local ?? void 0, site.scope);
          const targets = site.evaluator.evaluate(remote ?? void 0, site.scope);
          if (columns2.kind !== "list" || targets.kind !== "list") continue;
          columns2.items.forEach((column, index) => {
            const name = plainString(column);
            const target = plainString(targets.items[index]);
            const table2 = target?.includes(".") ? target.slice(0, target.lastIndexOf(".")).split(".").pop() : void 0;
            if (name && table2) foreignKeys.set(name, table2);
          });
          const keyColumns = columns2.items.map(plainString);
          const keyName = plainString(site.evaluator.evaluate(keywordArgument(element, "name"), site.scope));
          if (keyName && keyColumns.every((column) => column !== void 0))
            constraints.push({ constraintType: "foreign-key", name: keyName, columns: keyColumns });
        }
      }
      const declarations = elements.filter((element) => isColumnCall(element)).map((element) => columnDeclaration(element, site.evaluator, site.scope, site.spanOf(element))).filter((declaration) => declaration !== void 0).map((declaration) => {
        const references = declaration.spec.references ?? foreignKeys.get(declaration.spec.name);
        const primaryKey = primaryKeyColumns.has(declaration.spec.name);
        return primaryKey || references !== declaration.spec.references ? {
          ...declaration,
          spec: {
            ...declaration.spec,
            ...primaryKey ? { primaryKey: true, nullable: false } : {},
            ...references !== void 0 ? { references } : {}
          }
        } : declaration;
      });
      const columns = withImplicitSerial(declarations);
      for (const declaration of declarations) {
        const column = declaration.spec.name;
        if (declaration.unique)
          constraints.push({ constraintType: "unique", name: `${table}_${column}_key`, columns: [column] });
      }
      return [
        {
          ...base,
          kind: "create-table",
          columns,
          ...constraints.length > 0 ? { constraints } : {},
          ifNotExists: isTrue(args.named.get("if_not_exists")),
          fromQuery: false
        }
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
          ...name ? { name } : {},
          columns: strings("columns"),
          unique: isTrue(args.named.get("unique")),
          concurrently: isTrue(args.named.get("postgresql_concurrently")),
          ifNotExists: isTrue(args.named.get("if_not_exists"))
        }
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
          ifExists: isTrue(args.named.get("if_exists"))
        }
      ];
    case "create_foreign_key":
    case "create_unique_constraint":
    case "create_check_constraint":
    case "create_primary_key":
    case "create_exclude_constraint": {
      const constraintType = directive === "create_foreign_key" ? "foreign-key" : directive === "create_unique_constraint" ? "unique" : directive === "create_check_constraint" ? "check" : directive === "create_primary_key" ? "primary-key" : "exclude";
      const name = text("constraint_name");
      const referencedTable = text("referent_table");
      return [
        {
          ...base,
          kind: "add-constraint",
          ...name !== void 0 ? { name } : {},
          constraintType,
          columns: constraintType === "foreign-key" ? strings("local_cols") : constraintType === "check" ? conditionColumns(text("condition") ?? "") : strings("columns"),
          notValid: isTrue(args.named.get("postgresql_not_valid")),
          ...constraintType === "foreign-key" && referencedTable ? { referencedTable } : {},
          ...constraintType === "foreign-key" && strings("remote_cols").length > 0 ? { referencedColumns: strings("remote_cols") } : {}
        }
      ];
    }
    case "drop_constraint":
      return [
        {
          ...base,
          kind: "drop-constraint",
          name: text("constraint_name") ?? "?",
          constraintType: constraintTypeOf(text("type_")),
          ifExists: isTrue(args.named.get("if_exists"))
        }
      ];
    case "drop_column":
      return [
        {
          ...base,
          kind: "drop-column",
          column: text("column_name") ?? "?",
          ifExists: isTrue(args.named.get("if_exists"))
        }
      ];
    case "execute":
      site.execute(args.named.get("sqltext"));
      return [];
    case "bulk_insert": {
      const target = value("table");
      const targetTable = target.kind === "table" ? target.name : void 0;
      const { table: _ignored, ...rest } = base;
      const writtenOut = rowsWrittenOut(args.named.get("rows"), site.evaluator, site.scope);
      return [
        {
          ...rest,
          ...writtenOut ? {} : { context: repeatedContext(site.context) },
          kind: "data-change",
          statement: "bulk-insert",
          ...targetTable ? { table: targetTable } : {},
          hasWhere: true
        }
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
      return directive === "drop_entity" ? [{ ...rest, kind: "drop-object", objectType: "other", name: entity, ifExists: false, cascade: false }] : [
        {
          ...rest,
          kind: "create-object",
          objectType: "other",
          name: entity,
          ifNotExists: false,
          orReplace: directive === "replace_entity"
        }
      ];
    }
    default:
      return [];
  }
}
function alterColumnOperations(args, base, column, site) {
  const operations = [];
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
      ...toType !== void 0 ? { toType } : { toTypeWritten: compact(newType.text) },
      ...fromType ? { fromType } : {},
      ...using ? { using: using.text } : {}
    });
  }
  const serverDefault = args.named.get("server_default");
  if (serverDefault && serverDefault.text !== "False") {
    operations.push({
      ...base,
      kind: "set-column-default",
      column,
      ...serverDefault.type === "none" ? {} : { default: serverDefault.text }
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

// src/adapters/python/body-walker.ts
var MAX_HELPER_DEPTH = 6;
var MAX_CONDITIONS = 32;
var MAX_CONDITION_LENGTH = 300;
var MAX_LOOP_UNROLL = 25;
var MAX_HELPER_CALLS = 200;
var EXISTENCE_CHECK = /\b(?:has_table|has_column|has_index|has_sequence|has_schema|get_table_names|get_columns|get_indexes|get_unique_constraints|get_foreign_keys|get_check_constraints|get_pk_constraint|get_sequence_names|get_view_names|get_enums)\b|exist/i;
var DIALECT_CHECK = /\bdialect\b|\bengine\.name\b|postgres|sqlite|mysql|mariadb|mssql|oracle/i;
var EXECUTE_METHODS = /* @__PURE__ */ new Set(["execute", "exec_driver_sql"]);
var SESSION_DATA_METHODS = /* @__PURE__ */ new Set([
  "add",
  "add_all",
  "merge",
  "delete",
  "bulk_save_objects",
  "bulk_insert_mappings",
  "bulk_update_mappings"
]);
var SESSION_ROW_LISTS = /* @__PURE__ */ new Set([
  "add_all",
  "bulk_save_objects",
  "bulk_insert_mappings",
  "bulk_update_mappings"
]);
var CONNECTION_NAMES = /^(?:[\w.]+\.)?(?:conn|connection|bind|connectable|db_conn|session)$/;
var CORE_STATEMENTS = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(update|insert|delete|select)$/;
var FILTER_METHODS = /* @__PURE__ */ new Set(["where", "filter", "filter_by"]);
var BodyWalker = class {
  constructor(file, lines, evaluator, moduleScope, opNames, importedCallables) {
    this.file = file;
    this.evaluator = evaluator;
    this.frame = { file, lines, moduleScope, opNames, importedCallables };
  }
  file;
  evaluator;
  items = [];
  helperCalls = 0;
  /** Helpers listed once as opaque because they were not followed (too deep, recursive): once is enough to say so. */
  notFollowed = /* @__PURE__ */ new Set();
  frame;
  walk(body, scope, context) {
    this.walkBlock(body, { scope, context, depth: 0 });
    return this.items;
  }
  span(node) {
    return this.frame.callSite ?? this.frame.lines.span(this.frame.file, node.startIndex, node.endIndex);
  }
  walkBlock(block, state) {
    let current = state;
    let indent;
    let previousRow = -1;
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      if (statement.type !== "comment") {
        const { row, column } = statement.startPosition;
        indent ??= column;
        if (column !== indent && row !== previousRow) this.unexpectedIndent(statement);
        previousRow = statement.endPosition.row;
      }
      this.walkStatement(statement, current);
      const guard = earlyExitCondition(statement);
      if (guard)
        current = { ...current, context: this.withConditions(current.context, [`not (${guard})`], current.scope) };
    }
  }
  /** tree-sitter accepts an over-indented statement; Python raises IndentationError and Alembic cannot load the file. */
  unexpectedIndent(statement) {
    if (this.frame.callSite) return;
    this.items.push({
      kind: "problem",
      problem: {
        rule: "syntax-error",
        message: "Python syntax error (unexpected indent): Alembic cannot import this file",
        span: this.frame.lines.span(this.frame.file, statement.startIndex, statement.endIndex)
      }
    });
  }
  walkStatement(node, state) {
    switch (node.type) {
      case "expression_statement":
        for (const child of node.namedChildren) if (child) this.walkExpression(child, state, true);
        return;
      case "if_statement":
        this.walkIf(node, state);
        return;
      case "match_statement":
        this.walkMatch(node, state);
        return;
      case "assert_statement":
        for (const child of node.namedChildren) if (child) this.walkExpression(child, state);
        return;
      case "for_statement":
        this.walkFor(node, state);
        return;
      case "while_statement": {
        const looping = { ...state, context: repeatedContext(state.context) };
        const condition = node.childForFieldName("condition");
        if (condition) this.walkExpression(condition, looping);
        const body = node.childForFieldName("body");
        if (body) this.walkBlock(body, looping);
        return;
      }
      case "with_statement":
        this.walkWith(node, state);
        return;
      case "try_statement": {
        const inTry = { ...state, context: { ...state.context, inTry: true } };
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (child.type === "block") this.walkBlock(child, inTry);
          else if (child.type === "except_clause" || child.type === "finally_clause" || child.type === "else_clause") {
            const block = child.namedChildren.find((c) => c?.type === "block");
            if (block) this.walkBlock(block, child.type === "except_clause" ? inTry : state);
          }
        }
        return;
      }
      case "decorated_definition": {
        const definition = node.childForFieldName("definition");
        if (definition) this.walkStatement(definition, state);
        return;
      }
      case "function_definition": {
        const name = node.childForFieldName("name")?.text;
        if (name) state.scope.define(name, { kind: "function", node, scope: state.scope });
        return;
      }
      case "return_statement":
        for (const child of node.namedChildren) if (child) this.walkExpression(child, state);
        return;
      default:
        return;
    }
  }
  /**
   * `atStatement`: the expression is a statement of its own (or a `with` item), whose call is made for what it does;
   * a call whose value is used (`x = uuidutils.generate_uuid()`) computes something.
   */
  walkExpression(node, state, atStatement = false) {
    const pending = [{ node, atStatement }];
    for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
      const current = next.node;
      const kind = current.type;
      if (kind === "assignment" || kind === "augmented_assignment") {
        this.walkAssignment(current, state);
        continue;
      }
      if (kind === "call" && this.walkCall(current, state, next.atStatement)) continue;
      if (kind === "lambda") continue;
      if (kind === "named_expression") {
        const value = current.childForFieldName("value");
        const name = current.childForFieldName("name")?.text;
        if (value) this.walkExpression(value, state);
        if (value && name) state.scope.define(name, this.evaluator.evaluate(value, state.scope));
        continue;
      }
      const children = current.namedChildren;
      for (let index = children.length - 1; index >= 0; index--) {
        const child = children[index];
        if (child) pending.push({ node: child, atStatement: false });
      }
    }
  }
  walkAssignment(node, state) {
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (!right) return;
    this.walkExpression(right, state);
    if (left?.type !== "identifier") return;
    let value = this.evaluator.evaluate(right, state.scope);
    if (node.type === "augmented_assignment") {
      const previous = state.scope.lookup(left.text);
      if (previous?.kind === "str" && value.kind === "str") {
        value = this.evaluator.madeString(concat([previous.value, value.value]), right);
      } else value = unknownFrom(right, [previous, value]);
    } else if (right.type === "call" && value.kind === "unknown") {
      value = this.callResult(right, state) ?? value;
    }
    state.scope.define(left.text, value);
  }
  /** The value a call returns when it is one migragate tracks (`op.create_table` returns the new table). */
  callResult(call, state) {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute") return void 0;
    const object = fn.childForFieldName("object")?.text ?? "";
    const method = fn.childForFieldName("attribute")?.text;
    if (this.frame.opNames.has(object) && method === "create_table") {
      const first = call.childForFieldName("arguments")?.namedChildren[0];
      const name = plainString(this.evaluator.evaluate(first, state.scope));
      return name ? { kind: "table", name } : void 0;
    }
    return void 0;
  }
  walkIf(node, state) {
    for (const condition of [
      node.childForFieldName("condition"),
      ...node.childrenForFieldName("alternative").map((alternative) => alternative?.childForFieldName("condition"))
    ]) {
      if (condition) this.walkExpression(condition, state);
    }
    const negated = [];
    const branches = [];
    const branch = (condition, block) => {
      if (!block) return;
      const conditions = [
        ...negated.slice(0, MAX_CONDITIONS).map((text) => `not (${text})`),
        ...condition ? [condition] : []
      ];
      const scope = state.scope.child();
      this.walkBlock(block, { ...state, scope, context: this.withConditions(state.context, conditions, state.scope) });
      branches.push({ scope, conditions });
      if (condition) negated.push(condition);
    };
    branch(node.childForFieldName("condition")?.text, node.childForFieldName("consequence"));
    for (const alternative of node.childrenForFieldName("alternative")) {
      if (!alternative) continue;
      if (alternative.type === "elif_clause") {
        branch(alternative.childForFieldName("condition")?.text, alternative.childForFieldName("consequence"));
      } else branch(void 0, alternative.childForFieldName("body"));
    }
    const names = new Set(branches.flatMap((taken) => [...taken.scope.own().keys()]));
    for (const name of names) {
      const options = branches.flatMap((taken) => {
        const value = taken.scope.own().get(name);
        return value === void 0 ? [] : [{ value, conditions: taken.conditions }];
      });
      const [only] = options;
      if (options.length === 1 && only) state.scope.define(name, only.value);
      else state.scope.define(name, alternatives(options, node));
    }
  }
  /** `match x:` cases are branches: each case body runs under its pattern. */
  walkMatch(node, state) {
    const subject = node.childForFieldName("subject");
    if (subject) this.walkExpression(subject, state);
    const cases = node.childForFieldName("body")?.namedChildren ?? [];
    for (const clause of cases) {
      if (clause?.type !== "case_clause") continue;
      const pattern = clause.namedChildren.find((child) => child?.type === "case_pattern")?.text ?? "_";
      const consequence = clause.childForFieldName("consequence");
      const condition = `${subject?.text ?? "?"} matches ${pattern}`;
      const context = this.withConditions(state.context, [condition], state.scope);
      if (consequence) this.walkBlock(consequence, { ...state, scope: state.scope.child(), context });
    }
  }
  withConditions(context, added, scope) {
    if (added.length === 0) return context;
    const checksExistence = (text) => EXISTENCE_CHECK.test(text) || (text.match(/[A-Za-z_]\w*/g) ?? []).some((name) => {
      const value = scope.lookup(name);
      return value?.kind === "unknown" && EXISTENCE_CHECK.test(value.text);
    });
    const room = MAX_CONDITIONS - context.conditions.length;
    const conditions = room > 0 ? [...context.conditions, ...added.slice(0, room).map((text) => compact(text, MAX_CONDITION_LENGTH))] : context.conditions;
    const dialect = added.find((text) => DIALECT_CHECK.test(text));
    return {
      ...context,
      conditions,
      existenceGuard: context.existenceGuard || added.some(checksExistence),
      ...dialect && !context.dialectCondition ? { dialectCondition: dialect } : {}
    };
  }
  walkFor(node, state) {
    const body = node.childForFieldName("body");
    if (!body) return;
    const target = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (right) this.walkExpression(right, state);
    const iterable = this.evaluator.evaluate(right, state.scope);
    const context = repeatedContext(state.context);
    const unroll = target && !state.unrolled && iterable.kind === "list" && iterable.items.length > 0 && iterable.items.length <= MAX_LOOP_UNROLL;
    if (target && unroll && iterable.kind === "list") {
      const literal3 = !state.context.inLoop || state.context.literalLoop === true;
      const unrolledContext = literal3 ? { ...context, literalLoop: true } : context;
      for (const item of iterable.items) {
        const scope2 = state.scope.child();
        bindNames(target, item, scope2);
        this.walkBlock(body, { ...state, scope: scope2, context: unrolledContext, unrolled: true });
      }
      return;
    }
    const scope = state.scope.child();
    for (const name of target ? identifiersIn(target) : []) scope.define(name.text, unknown(name));
    this.walkBlock(body, { ...state, scope, context });
  }
  walkWith(node, state) {
    let scope = state.scope;
    let context = state.context;
    const clause = node.namedChildren.find((child) => child?.type === "with_clause");
    for (const item of clause?.namedChildren ?? []) {
      let value = item?.childForFieldName("value");
      let alias;
      if (value?.type === "as_pattern") {
        alias = value.childForFieldName("alias")?.text ?? value.namedChildren[1]?.text;
        value = value.namedChildren[0] ?? null;
      }
      if (value?.type !== "call") continue;
      const fnText = value.childForFieldName("function")?.text ?? "";
      if (fnText.endsWith("autocommit_block")) {
        context = { ...context, autocommit: true };
      } else if (this.isOpCall(value, "batch_alter_table")) {
        const first = value.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment");
        const tableNode = keywordArgument(value, "table_name") ?? (first?.type === "keyword_argument" ? void 0 : first);
        const table = tableNode ? nameOf(this.evaluator.evaluate(tableNode, state.scope), tableNode) : "?";
        const schema = plainString(this.evaluator.evaluate(keywordArgument(value, "schema"), state.scope));
        if (alias) {
          scope = scope === state.scope ? scope.child() : scope;
          scope.define(alias, { kind: "batch", table, ...schema ? { schema } : {} });
        }
      } else {
        this.walkExpression(value, state, true);
        if (alias) {
          scope = scope === state.scope ? scope.child() : scope;
          scope.define(alias, this.evaluator.evaluate(value, state.scope));
        }
      }
    }
    const body = node.childForFieldName("body");
    if (body) this.walkBlock(body, { ...state, scope, context });
  }
  isOpCall(call, directive) {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute") return false;
    const object = fn.childForFieldName("object");
    if (!object || !this.frame.opNames.has(object.text)) return false;
    return directive === void 0 || fn.childForFieldName("attribute")?.text === directive;
  }
  /** Handles a call migragate understands; false when it is some other call (whose arguments may hold one). */
  walkCall(call, state, atStatement = false) {
    const fn = call.childForFieldName("function");
    if (!fn) return false;
    const fnKind = fn.type;
    if (fnKind === "identifier") return this.walkPlainCall(call, fn.text, state, atStatement);
    if (fnKind !== "attribute") return false;
    const object = fn.childForFieldName("object");
    const method = fn.childForFieldName("attribute")?.text ?? "";
    if (!object) return false;
    if (this.frame.opNames.has(object.text)) {
      this.emitDirective(method, call, state);
      return true;
    }
    if (this.walkModuleCall(call, fn, object, state, atStatement)) return true;
    const target = object.type === "identifier" ? state.scope.lookup(object.text) : void 0;
    if (target?.kind === "batch") {
      this.emitDirective(method, call, state, target);
      return true;
    }
    const isConnection = target?.kind === "bind" || target?.kind === "session" || object.type === "call" && /get_bind$/.test(object.childForFieldName("function")?.text ?? "") || target === void 0 && CONNECTION_NAMES.test(object.text);
    if (isConnection && EXECUTE_METHODS.has(method)) {
      const args = call.childForFieldName("arguments")?.namedChildren.filter((arg) => arg?.type !== "comment") ?? [];
      const parameters = args.find((arg) => arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === "parameters")?.childForFieldName("value") ?? (args[1]?.type === "keyword_argument" ? void 0 : args[1]);
      const repeated = parameters && !rowsWrittenOut(parameters, this.evaluator, state.scope);
      this.execute(
        args[0] ?? void 0,
        call,
        repeated ? { ...state, context: repeatedContext(state.context) } : state
      );
      return true;
    }
    if ((method === "create" || method === "drop") && this.isBindArgument(call, state)) {
      this.emitSchemaObject(call, method, object, target ?? this.evaluator.evaluate(object, state.scope), state);
      return true;
    }
    if (target?.kind === "session" && SESSION_DATA_METHODS.has(method)) {
      const rows = call.childForFieldName("arguments")?.namedChildren.filter((arg) => arg?.type !== "comment").at(-1);
      const repeated = SESSION_ROW_LISTS.has(method) && !rowsWrittenOut(rows ?? void 0, this.evaluator, state.scope);
      const rowState = repeated ? { ...state, context: repeatedContext(state.context) } : state;
      this.emit(this.dataChange(call, rowState, method === "delete" ? "delete" : "insert", void 0, true, "core"));
      return true;
    }
    if ((method === "update" || method === "delete") && /\.query\(/.test(object.text)) {
      this.emit(this.dataChange(call, state, method, void 0, /\.filter(?:_by)?\(/.test(object.text), "core"));
      return true;
    }
    if (target?.kind === "session" && method === "commit") return true;
    if (target?.kind === "session" && method === "rollback") {
      this.emit({
        kind: "transaction-control",
        origin: "core",
        span: this.span(call),
        context: state.context,
        text: compact(call.text),
        statement: "rollback"
      });
      return true;
    }
    return false;
  }
  /**
   * `migration.create_table_if_not_exists(...)` through an imported module: a function of a project helper module is
   * walked like a local helper; a call into a module migragate cannot read is an opaque operation that says so.
   */
  walkModuleCall(call, fn, object, state, atStatement) {
    if (object.type !== "identifier" && object.type !== "attribute") return false;
    const module = this.evaluator.evaluate(object, state.scope);
    if (module.kind !== "module") return false;
    const callee = this.evaluator.evaluate(fn, state.scope);
    if (callee.kind === "function") {
      this.walkHelper(call, fn.text, callee, state, atStatement);
      return true;
    }
    if (module.module !== void 0 || !atStatement) return false;
    this.emitOpaque(
      call,
      state,
      `${fn.text}() comes from ${module.name}, which is not part of the analysed project; the operations it runs are not analysed`
    );
    return true;
  }
  /** `x.create(op.get_bind())`: the first argument is the migration's connection. */
  isBindArgument(call, state) {
    const first = call.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment");
    if (!first || first.type === "keyword_argument") return false;
    if (first.type === "call") return /get_bind$/.test(first.childForFieldName("function")?.text ?? "");
    const value = first.type === "identifier" ? state.scope.lookup(first.text) : void 0;
    return value?.kind === "bind" || value === void 0 && CONNECTION_NAMES.test(first.text);
  }
  /** `sa.Enum(...).create(bind, checkfirst=True)`, `my_table.drop(bind)`: SQLAlchemy schema objects run as DDL. */
  emitSchemaObject(call, method, object, target, state) {
    const definition = target?.kind === "unknown" ? target.text : object.text;
    const argumentsText = call.childForFieldName("arguments")?.text ?? "";
    const checksByDefault = /(?:^|[.\s(])ENUM\(/.test(definition) && !/checkfirst\s*=\s*False/.test(argumentsText);
    const checkfirst = checksByDefault || /checkfirst\s*=\s*True/.test(argumentsText);
    const base = { origin: "core", span: this.span(call), context: state.context, text: compact(call.text) };
    if (target?.kind === "table") {
      this.emit(
        method === "create" ? {
          ...base,
          kind: "create-table",
          table: target.name,
          columns: [],
          ifNotExists: checkfirst,
          fromQuery: false
        } : { ...base, kind: "drop-table", table: target.name, ifExists: checkfirst, cascade: false }
      );
      return;
    }
    const objectType = /(?:^|\.)(?:ENUM|Enum)\(/.test(definition) ? "type" : /Sequence\(/.test(definition) ? "sequence" : "other";
    const name = /name\s*=\s*["']([^"']+)["']/.exec(definition)?.[1] ?? unresolvedName(object.text);
    this.emit(
      method === "create" ? { ...base, kind: "create-object", objectType, name, ifNotExists: checkfirst, orReplace: false } : { ...base, kind: "drop-object", objectType, name, ifExists: checkfirst, cascade: false }
    );
  }
  /** A call migragate does not follow (a helper, an imported function): listed as opaque, so coverage counts it. */
  emitOpaque(call, state, reason) {
    this.emit({
      kind: "opaque",
      origin: "op",
      span: this.span(call),
      context: state.context,
      text: compact(call.text),
      reason
    });
  }
  walkPlainCall(call, name, state, atStatement) {
    const helper = state.scope.lookup(name);
    if (helper?.kind === "function") {
      this.walkHelper(call, name, helper, state, atStatement);
      return true;
    }
    if (this.frame.importedCallables.has(name) && atStatement) {
      this.emitOpaque(
        call,
        state,
        `${name}() is imported from another module; the operations it runs are not analysed`
      );
      return true;
    }
    return false;
  }
  walkHelper(call, name, helper, state, atStatement) {
    const recursive = state.context.helpers.includes(name);
    if (recursive || state.depth >= MAX_HELPER_DEPTH) {
      if (atStatement && !this.notFollowed.has(name)) {
        this.notFollowed.add(name);
        this.emitOpaque(
          call,
          state,
          recursive ? `${name}() calls itself: the operations of the recursive call are not followed` : `${name}() is called ${MAX_HELPER_DEPTH} helpers deep: the operations it runs are not followed`
        );
      }
      return;
    }
    if (++this.helperCalls > MAX_HELPER_CALLS) {
      if (this.helperCalls === MAX_HELPER_CALLS + 1) {
        this.emitOpaque(
          call,
          state,
          `more than ${MAX_HELPER_CALLS} helper calls in one function: the rest are not followed`
        );
      }
      return;
    }
    const definition = helper.node;
    const body = definition.childForFieldName("body");
    if (!body) return;
    const scope = (helper.scope ?? this.frame.moduleScope).child();
    this.bindParameters(definition, call, state.scope, scope);
    const caller = this.frame;
    const module = helper.module;
    if (module && module !== caller.module) {
      this.frame = {
        file: module.file,
        lines: module.lines,
        moduleScope: module.scope,
        opNames: module.opNames,
        importedCallables: module.importedCallables,
        module,
        callSite: caller.callSite ?? this.span(call)
      };
    }
    try {
      this.walkBlock(body, {
        scope,
        depth: state.depth + 1,
        context: { ...state.context, helpers: [...state.context.helpers, name] }
      });
    } finally {
      this.frame = caller;
    }
  }
  bindParameters(definition, call, callerScope, scope) {
    const parameters = definition.childForFieldName("parameters")?.namedChildren ?? [];
    const names = [];
    for (const parameter of parameters) {
      if (!parameter) continue;
      const name = parameter.type === "identifier" ? parameter.text : parameter.childForFieldName("name")?.text ?? parameter.namedChildren[0]?.text;
      if (!name) continue;
      names.push(name);
      const fallback = parameter.childForFieldName("value");
      scope.define(name, fallback ? this.evaluator.evaluate(fallback, callerScope) : unknown(parameter));
    }
    let position = 0;
    for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
      if (!arg || arg.type === "comment") continue;
      if (arg.type === "keyword_argument") {
        const key = arg.childForFieldName("name")?.text;
        if (key) scope.define(key, this.evaluator.evaluate(arg.childForFieldName("value"), callerScope));
      } else {
        const name = names[position++];
        if (name) scope.define(name, this.evaluator.evaluate(arg, callerScope));
      }
    }
  }
  emitDirective(directive, call, state, batch) {
    const operations = directiveOperations(directive, {
      call,
      span: this.span(call),
      context: state.context,
      scope: state.scope,
      evaluator: this.evaluator,
      ...batch ? { batchTable: batch } : {},
      execute: (argument) => this.execute(argument, call, state),
      spanOf: (node) => this.span(node)
    });
    for (const operation of operations) this.emit(operation);
  }
  emit(operation) {
    this.items.push({ kind: "operation", operation });
  }
  /** The argument of `op.execute` / `conn.execute`: SQL text, a core expression, or a list of them. */
  execute(argument, call, state) {
    let node = argument;
    while (node?.type === "parenthesized_expression")
      node = node.namedChildren.find((child) => child?.type !== "comment");
    if (!node) return;
    if (node.type === "list" || node.type === "tuple") {
      for (const item of node.namedChildren) if (item) this.execute(item, call, state);
      return;
    }
    if (this.coreExpression(node, call, state)) return;
    const value = this.evaluator.evaluate(node, state.scope);
    if (value.kind === "list") {
      for (const item of value.items) this.executeValue(item, node, call, state);
      return;
    }
    this.executeValue(value, node, call, state);
  }
  executeValue(value, argument, call, state) {
    if (value.kind === "statement" && this.coreExpression(value.node, call, state)) return;
    if (value.kind === "alternatives") {
      for (const option of value.options) {
        const context = this.withConditions(state.context, option.conditions, state.scope);
        this.executeValue(option.value, argument, call, { ...state, context });
      }
      return;
    }
    if (value.kind === "str") {
      this.emitSql(value.value, call, state);
      return;
    }
    this.items.push({
      kind: "unresolved",
      operation: {
        kind: "opaque",
        origin: "sql",
        span: this.span(call),
        context: state.context,
        text: compact(call.text),
        reason: value.kind === "unknown" && value.limit ? `the SQL comes from \`${compact(argument.text)}\`, whose value is not worked out: ${value.limit}` : `the SQL comes from \`${compact(argument.text)}\`, which cannot be read statically`,
        sqlNotRead: true
      }
    });
  }
  emitSql(value, call, state) {
    if (value.text.trim() === "") return;
    const { lines, callSite } = this.frame;
    this.items.push({
      kind: "sql",
      source: {
        file: this.file,
        text: value.text,
        // SQL inside a helper module stands where the revision calls the helper.
        position: (index) => callSite ? { line: callSite.line, column: callSite.column } : lines.position(sourceOffset(value, Math.min(index, value.text.length - 1))),
        span: this.span(call),
        context: state.context
      }
    });
  }
  /** `table.update().where(...)`, `sa.insert(table).values(...)`, `sa.select(...)`: SQLAlchemy core statements. */
  coreExpression(argument, call, state) {
    if (argument.type !== "call") return false;
    const methods = [];
    const filters = [];
    let node = argument;
    let root = null;
    while (node?.type === "call") {
      const fn = node.childForFieldName("function");
      const statement2 = fn ? CORE_STATEMENTS.exec(fn.text) : null;
      if (statement2?.[1]) {
        methods.push(statement2[1]);
        root = node.childForFieldName("arguments")?.namedChildren[0] ?? null;
        break;
      }
      if (fn?.type === "attribute") {
        const method = fn.childForFieldName("attribute")?.text ?? "";
        methods.push(method);
        if (FILTER_METHODS.has(method)) filters.push({ method, call: node });
        const object = fn.childForFieldName("object");
        if (object?.type !== "call") {
          root = object;
          break;
        }
        node = object;
      } else return false;
    }
    const statement = methods.findLast((method) => ["update", "insert", "delete", "select"].includes(method));
    if (!statement) return false;
    const target = root ? this.evaluator.evaluate(root, state.scope) : void 0;
    const table = target?.kind === "table" ? target.name : void 0;
    if (statement === "select") {
      this.emit({
        kind: "query",
        origin: "core",
        span: this.span(call),
        context: state.context,
        text: compact(argument.text)
      });
      return true;
    }
    const hasWhere = methods.some((method) => method === "where" || method === "filter" || method === "filter_by");
    const kind = statement === "insert" ? methods.includes("from_select") ? "insert-select" : "insert" : statement;
    const whereIsNull = kind === "update" || kind === "delete" ? coreNullTestedColumns(filters) : void 0;
    this.emit(
      this.dataChange(call, state, kind, table, kind === "insert" || hasWhere, "core", argument.text, whereIsNull)
    );
    return true;
  }
  dataChange(call, state, statement, table, hasWhere, origin, text = call.text, whereIsNull) {
    return {
      kind: "data-change",
      origin,
      span: this.span(call),
      context: state.context,
      text: compact(text),
      statement,
      hasWhere,
      ...table ? { table } : {},
      ...whereIsNull ? { whereIsNull } : {}
    };
  }
};
function earlyExitCondition(statement) {
  if (statement.type !== "if_statement" || statement.childrenForFieldName("alternative").length > 0) return void 0;
  const body = statement.childForFieldName("consequence")?.namedChildren.filter((child) => child?.type !== "comment") ?? [];
  const last = body[body.length - 1];
  if (!last || last.type !== "return_statement" && last.type !== "raise_statement") return void 0;
  return statement.childForFieldName("condition")?.text;
}
function identifiersIn(node) {
  if (node.type === "identifier") return [node];
  return node.namedChildren.flatMap((child) => child ? identifiersIn(child) : []);
}

// src/adapters/python/directive-comments.ts
var MARKER = /migragate:/g;
function readDirectiveComments(root, text, lines, file) {
  if (!text.includes("migragate:")) return [];
  const directives = [];
  let sourceLines;
  let nextCodeLine;
  const seen = /* @__PURE__ */ new Set();
  for (const match of text.matchAll(MARKER)) {
    const comment = root.descendantForIndex(match.index);
    if (comment?.type !== "comment" || seen.has(comment.startIndex)) continue;
    seen.add(comment.startIndex);
    const body = directiveBodyIn(comment.text);
    if (body === void 0) continue;
    const span = lines.span(file, comment.startIndex, comment.endIndex);
    sourceLines ??= text.split(/\r?\n/);
    nextCodeLine ??= nextCodeLines(sourceLines, "#");
    const before = (sourceLines[span.line - 1] ?? "").slice(0, span.column - 1);
    const ownLine = before.trim() === "";
    const appliesToLine = ownLine ? nextCodeLine(span.line) : span.line;
    directives.push(toDirective(parseDirectiveBody(body), span, appliesToLine));
  }
  return directives;
}

// src/adapters/python/helper-modules.ts
var LIBRARY_MODULES = /^(?:alembic|sqlalchemy|sqlmodel|typing|typing_extensions|__future__|logging|datetime|json|os|sys|uuid|re|enum|collections|functools|itertools|time|decimal|textwrap|hashlib|random|string|dataclasses|pathlib|contextlib|base64)(?:\.|$)/;
var MAX_IMPORT_DEPTH = 3;
var MAX_MODULES = 200;
var HelperModules = class {
  constructor(parser, source, evaluator, displayPath2) {
    this.parser = parser;
    this.source = source;
    this.evaluator = evaluator;
    this.displayPath = displayPath2;
  }
  parser;
  source;
  evaluator;
  displayPath;
  loaded = /* @__PURE__ */ new Map();
  trees = [];
  readRecord = /* @__PURE__ */ new Map();
  /** Starts recording the modules one revision reads. */
  begin() {
    this.readRecord = /* @__PURE__ */ new Map();
  }
  /** The modules the revision read since `begin()`. */
  modulesRead() {
    return [...this.readRecord.values()];
  }
  /** Frees the parse trees of every module read. */
  dispose() {
    for (const tree of this.trees.splice(0)) tree.delete();
    this.loaded.clear();
  }
  /** Binds the names an `import` or `from ... import` statement introduces. */
  bindImport(statement, fromFile, target, depth = 0) {
    if (statement.type === "import_statement") {
      for (const imported of statement.childrenForFieldName("name")) {
        if (!imported) continue;
        const dotted = imported.type === "aliased_import" ? imported.childForFieldName("name")?.text : imported.text;
        const alias = imported.type === "aliased_import" ? imported.childForFieldName("alias")?.text : void 0;
        if (!dotted || LIBRARY_MODULES.test(dotted)) continue;
        const bound = alias ?? dotted.split(".")[0] ?? dotted;
        const name = alias ? dotted : bound;
        target.scope.define(bound, this.moduleValue(name, 0, fromFile, depth, target));
      }
      return;
    }
    const moduleNode = statement.childForFieldName("module_name");
    const written = moduleNode?.text ?? "";
    const level = /^\.*/.exec(written)?.[0].length ?? 0;
    const module = written.slice(level);
    for (const imported of statement.childrenForFieldName("name")) {
      if (!imported) continue;
      const original = imported.type === "aliased_import" ? imported.childForFieldName("name")?.text : imported.text;
      const local = imported.type === "aliased_import" ? imported.childForFieldName("alias")?.text : imported.text;
      if (!original || !local) continue;
      if (module === "alembic" && original === "op") {
        target.opNames.add(local);
        continue;
      }
      if (level === 0 && LIBRARY_MODULES.test(module)) continue;
      target.importedCallables.add(local);
      const value = this.importedName(module, level, original, fromFile, depth, target);
      if (value) target.scope.define(local, value);
    }
  }
  /** What `name` of module `module` is: a submodule, a constant or function of it, or unknown. */
  importedName(module, level, name, fromFile, depth, target) {
    const qualified = module === "" ? name : `${module}.${name}`;
    const submodule = this.load(qualified, level, fromFile, depth, target);
    if (submodule) return { kind: "module", name: qualified, module: submodule };
    const parent = this.load(module, level, fromFile, depth, target);
    if (!parent) return { kind: "module", name: qualified };
    return parent.scope.lookup(name);
  }
  moduleValue(name, level, fromFile, depth, target) {
    const module = this.load(name, level, fromFile, depth, target);
    return module ? { kind: "module", name, module } : { kind: "module", name };
  }
  /** An attribute of a module value: a name it defines, or a submodule (`import a` then `a.b.f()`). */
  attribute(value, name) {
    const own = value.module?.scope.lookup(name);
    if (own) return own;
    const loaded = value.module;
    const isPackage = loaded?.path.endsWith("__init__.py") === true;
    const submodule = loaded && isPackage ? this.load(name, 1, loaded.path, 0) : void 0;
    return submodule ? { kind: "module", name: `${value.name}.${name}`, module: submodule } : void 0;
  }
  load(module, level, fromFile, depth, target) {
    if (!this.source || fromFile === void 0 || depth >= MAX_IMPORT_DEPTH || module === "" && level === 0)
      return void 0;
    const file = this.source.find(module, level, fromFile);
    if (!file) return void 0;
    let loaded = this.loaded.get(file.path);
    if (loaded === void 0) {
      loaded = this.loaded.size >= MAX_MODULES ? null : this.parse(file, depth);
      this.loaded.set(file.path, loaded);
    }
    if (loaded) {
      this.record(loaded, /* @__PURE__ */ new Set());
      if (target?.dependencies && !target.dependencies.includes(loaded)) target.dependencies.push(loaded);
    }
    return loaded ?? void 0;
  }
  record(module, seen) {
    if (seen.has(module)) return;
    seen.add(module);
    this.readRecord.set(module.path, { path: module.path, digest: module.digest });
    for (const dependency of module.dependencies) this.record(dependency, seen);
  }
  /** Parses a module and binds its top-level imports, constants and functions into its own scope. */
  parse(file, depth) {
    const tree = this.parser.parse(file.text);
    const dependencies = [];
    const scope = new Scope();
    const module = {
      file: this.displayPath(file.path),
      path: file.path,
      digest: file.digest,
      lines: new LineIndex(file.text),
      scope,
      opNames: /* @__PURE__ */ new Set(),
      importedCallables: /* @__PURE__ */ new Set(),
      dependencies
    };
    if (!tree) return module;
    this.trees.push(tree);
    for (const statement of tree.rootNode.namedChildren) {
      if (!statement) continue;
      if (statement.type === "import_statement" || statement.type === "import_from_statement") {
        this.bindImport(statement, file.path, module, depth + 1);
      } else if (statement.type === "expression_statement") {
        const inner = statement.namedChildren[0];
        const left = inner?.type === "assignment" ? inner.childForFieldName("left") : void 0;
        if (inner && left?.type === "identifier")
          scope.define(left.text, this.evaluator.evaluate(inner.childForFieldName("right"), scope));
      } else if (statement.type === "function_definition" || statement.type === "decorated_definition") {
        const definition = statement.type === "function_definition" ? statement : statement.childForFieldName("definition");
        const name = definition?.childForFieldName("name")?.text;
        if (definition && name) scope.define(name, { kind: "function", node: definition, scope, module });
      }
    }
    return module;
  }
};

// src/adapters/python/phase-exceptions.ts
var EXCEPTION_FUNCTIONS = /* @__PURE__ */ new Set(["expand_drop_exceptions", "contract_creation_exceptions"]);
function isPhaseExceptionFunction(name) {
  return EXCEPTION_FUNCTIONS.has(name);
}
function readPhaseException(name, definition, evaluator, scope, lines, file) {
  const body = definition.childForFieldName("body");
  const first = body?.namedChildren[0];
  const docstringNode = first?.type === "expression_statement" && first.namedChildren[0]?.type === "string" ? first.namedChildren[0] : void 0;
  const docstring = docstringNode ? plainString(evaluator.evaluate(docstringNode, scope)) : void 0;
  const objects = /* @__PURE__ */ new Set();
  for (const node of body?.descendantsOfType("string") ?? []) {
    if (!node || node.startIndex === docstringNode?.startIndex) continue;
    const value = plainString(evaluator.evaluate(node, scope));
    if (value !== void 0 && value !== "") objects.add(value);
  }
  const returned = body?.namedChildren.find((statement) => statement?.type === "return_statement")?.namedChildren[0];
  if (returned?.type === "dictionary") {
    for (const pair of returned.namedChildren) {
      const value = evaluator.evaluate(pair?.childForFieldName("value"), scope);
      const items = value.kind === "list" ? value.items : [value];
      for (const item of items) {
        const text = plainString(item);
        if (text !== void 0 && text !== "") objects.add(text);
      }
    }
  }
  const reason = docstring?.replace(/\s+/g, " ").trim();
  return {
    function: name,
    objects: [...objects],
    ...reason ? { reason } : {},
    span: lines.span(
      file,
      definition.startIndex,
      definition.childForFieldName("name")?.endIndex ?? definition.endIndex
    )
  };
}

// src/adapters/python/revision-extractor.ts
var META_NAMES = /* @__PURE__ */ new Map([
  ["revision", "revision"],
  ["down_revision", "downRevision"],
  ["branch_labels", "branchLabels"],
  ["depends_on", "dependsOn"]
]);
function parseModule(parser, file, text) {
  const tree = parser.parse(text);
  if (!tree) throw new Error(`${file}: tree-sitter returned no tree`);
  const lines = new LineIndex(text);
  const problems = [];
  if (tree.rootNode.hasError) {
    const error = firstError(tree.rootNode);
    const node = error ?? tree.rootNode;
    const what = error?.isMissing ? `missing ${error.type}` : `unexpected ${JSON.stringify(compact(node.text.split(/\r?\n/)[0] ?? "", 40))}`;
    problems.push({
      rule: "syntax-error",
      message: `Python syntax error (${what}); only what the parser could recover was analysed`,
      span: lines.span(file, node.startIndex, Math.max(node.endIndex, node.startIndex + 1))
    });
  }
  return { tree, lines, problems };
}
function firstError(root) {
  const cursor = root.walk();
  try {
    for (; ; ) {
      const node = cursor.currentNode;
      if (node.type === "ERROR" || node.isMissing) return node;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return void 0;
    }
  } finally {
    cursor.delete();
  }
}
var RevisionExtractor = class {
  constructor(parser, sqlTranslator, helperModules) {
    this.parser = parser;
    this.sqlTranslator = sqlTranslator;
    this.evaluator = new Evaluator((module, name) => this.modules.attribute(module, name));
    this.modules = new HelperModules(
      parser,
      helperModules?.source,
      this.evaluator,
      helperModules?.displayPath ?? ((absolute) => absolute)
    );
  }
  parser;
  sqlTranslator;
  evaluator;
  modules;
  /** The project helper modules the last `extract` read (for the extraction cache). */
  modulesRead() {
    return this.modules.modulesRead();
  }
  /** Frees what helper modules hold; the extractor is not used afterwards. */
  dispose() {
    this.modules.dispose();
  }
  /**
   * Returns undefined for a Python file that is not a revision (no `revision` and no `upgrade()`). `path` is the
   * file's absolute path, from which the project's helper modules are found.
   */
  async extract(file, text, path) {
    this.evaluator.startFile();
    this.modules.begin();
    const { tree, lines, problems } = parseModule(this.parser, file, text);
    try {
      const moduleScope = new Scope();
      const opNames = /* @__PURE__ */ new Set(["op"]);
      const importedCallables = /* @__PURE__ */ new Set();
      const rawMeta = {};
      let message;
      let branchLabels = [];
      let upgrade;
      let downgrade;
      const phaseExceptions = [];
      const statements = tree.rootNode.namedChildren.filter((statement) => statement?.type !== "comment");
      statements.forEach((statement, index) => {
        if (!statement) return;
        if (statement.type === "expression_statement") {
          const inner = statement.namedChildren[0];
          if (index === 0 && (inner?.type === "string" || inner?.type === "concatenated_string")) {
            message = firstLine(plainString(this.evaluator.evaluate(inner, moduleScope)) ?? "");
          } else if (inner?.type === "assignment") {
            const name = inner.childForFieldName("left")?.text ?? "";
            const value = this.evaluator.evaluate(inner.childForFieldName("right"), moduleScope);
            moduleScope.define(name, value);
            const metaKey = META_NAMES.get(name);
            if (metaKey) rawMeta[metaKey] = metaValue(value, inner.childForFieldName("right"));
            if (name === "branch_labels") branchLabels = labelsOf(value);
          }
        } else if (statement.type === "import_from_statement" || statement.type === "import_statement") {
          this.modules.bindImport(statement, path, { scope: moduleScope, opNames, importedCallables });
        } else if (statement.type === "function_definition" || statement.type === "decorated_definition") {
          const definition = statement.type === "function_definition" ? statement : statement.childForFieldName("definition");
          const name = definition?.childForFieldName("name")?.text;
          if (!definition || !name) return;
          moduleScope.define(name, { kind: "function", node: definition });
          if (name === "upgrade") upgrade = definition;
          if (name === "downgrade") downgrade = definition;
          if (isPhaseExceptionFunction(name))
            phaseExceptions.push(readPhaseException(name, definition, this.evaluator, moduleScope, lines, file));
        }
      });
      if (!rawMeta.revision && !upgrade) return void 0;
      const upgradeBody = await this.body(upgrade, file, lines, moduleScope, opNames, importedCallables, problems);
      const downgradeProblems = [];
      const downgradeBody = await this.body(
        downgrade,
        file,
        lines,
        moduleScope,
        opNames,
        importedCallables,
        downgradeProblems
      );
      problems.push(...downgradeProblems.filter((problem) => problem.rule === "syntax-error"));
      const stem = (file.split("/").pop() ?? file).replace(/\.py$/, "");
      const declared = rawMeta.revision?.type === "string" ? rawMeta.revision.value : void 0;
      return {
        id: declared ?? stem,
        format: "alembic",
        file,
        downRevisions: metaList(rawMeta.downRevision),
        dependsOn: metaList(rawMeta.dependsOn),
        branchLabels,
        ...message ? { message } : {},
        rawMeta,
        upgrade: { operations: upgradeBody.operations },
        downgrade: { operations: downgradeBody.operations },
        sqlStatements: upgradeBody.sqlStatements,
        problems,
        directives: readDirectiveComments(tree.rootNode, text, lines, file),
        phaseExceptions
      };
    } finally {
      tree.delete();
    }
  }
  async body(definition, file, lines, moduleScope, opNames, importedCallables, problems) {
    const block = definition?.childForFieldName("body");
    if (!block) return { operations: [], sqlStatements: 0 };
    const walker = new BodyWalker(file, lines, this.evaluator, moduleScope, opNames, importedCallables);
    const items = walker.walk(block, moduleScope.child(), TOP_LEVEL_CONTEXT);
    const { operations, statements } = await this.resolveSql(items, problems);
    return { operations, sqlStatements: statements };
  }
  async resolveSql(items, problems) {
    const operations = [];
    let statements = 0;
    for (const item of items) {
      if (item.kind === "operation") {
        operations.push(item.operation);
        continue;
      }
      if (item.kind === "problem") {
        problems.push(item.problem);
        continue;
      }
      if (item.kind === "unresolved") {
        operations.push(item.operation);
        problems.push({
          rule: "unparsed-sql",
          message: `SQL not analysed: ${item.operation.reason}`,
          span: item.operation.span
        });
        continue;
      }
      const translator = await this.sqlTranslator(item.source);
      const translation = translator.translate(item.source);
      operations.push(...translation.operations);
      problems.push(...translation.problems);
      statements += translation.statements;
    }
    return { operations, statements };
  }
};
function firstLine(text) {
  return text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== "") ?? void 0;
}
function metaValue(value, node) {
  if (value.kind === "none") return { type: "none" };
  const single = plainString(value);
  if (single !== void 0) return { type: "string", value: single };
  if (value.kind === "list") {
    const values = value.items.map((item) => plainString(item));
    if (values.every((item) => item !== void 0)) return { type: "list", values };
  }
  return { type: "expression", text: node?.text ?? "" };
}
function labelsOf(value) {
  if (value.kind === "none") return [];
  const items = value.kind === "list" ? value.items : [value];
  return items.filter((item) => item.kind !== "none").map((item) => nameOf(item, void 0));
}
function metaList(value) {
  if (!value) return [];
  if (value.type === "string") return [value.value];
  if (value.type === "list") return [...value.values];
  return [];
}

// src/adapters/python/env-extractor.ts
var ESCAPES_PERCENT = /\.replace\(\s*(["'])%\1\s*,\s*(["'])%%\2\s*\)/;
var URL_OPTION = /^["']sqlalchemy\.url["']$/;
var MAX_ALIASES = 100;
var MAX_CONFIGURE_CALLS = 16;
var EnvExtractor = class {
  constructor(parser) {
    this.parser = parser;
  }
  parser;
  extract(file, text) {
    const { tree, lines, problems } = parseModule(this.parser, file, text);
    try {
      const root = tree.rootNode;
      const calls = root.descendantsOfType("call").filter((call) => call !== null);
      const index = new EnvIndex(root);
      const urlAssignments = [];
      for (const call of calls) {
        const method = call.childForFieldName("function");
        const methodName = method?.type === "attribute" ? method.childForFieldName("attribute")?.text : void 0;
        const optionIndex = methodName === "set_main_option" ? 0 : methodName === "set_section_option" ? 1 : -1;
        if (optionIndex < 0) continue;
        const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
          (arg) => !!arg && arg.type !== "comment"
        );
        if (!URL_OPTION.test(args[optionIndex]?.text ?? "")) continue;
        const value = args[optionIndex + 1];
        if (!value) continue;
        urlAssignments.push({
          span: lines.span(file, call.startIndex, call.endIndex),
          valueText: value.text,
          escaped: index.isEscaped(value, call),
          .../offline/i.test(enclosingFunction(call) ?? "") ? { offlineOnly: true } : {}
        });
      }
      const configureCalls = calls.filter(isConfigureCall);
      const online = configureCalls.filter((call) => keywordValue(call, "connection") !== void 0);
      const deciding = online.length > 0 ? online : configureCalls;
      const flag = (call, name) => flagOf(call, name, index);
      const transactionalDdl = agreed(deciding.map((call) => flag(call, "transactional_ddl")));
      const onlineCalls = new Set(online);
      const offline = configureCalls.filter((call) => !onlineCalls.has(call));
      const metadata = targetMetadata([...online, ...offline], index, root);
      return {
        file,
        urlAssignments,
        transactionPerMigration: agreed(deciding.map((call) => flag(call, "transaction_per_migration") ?? false)) ?? false,
        ...transactionalDdl !== void 0 ? { transactionalDdl } : {},
        lockTimeout: setsLockTimeout(root),
        ...metadata !== void 0 ? { targetMetadata: metadata } : {},
        problems
      };
    } finally {
      tree.delete();
    }
  }
};
var EnvIndex = class {
  constructor(root) {
    this.root = root;
    for (const definition of root.descendantsOfType("function_definition")) {
      const name = definition?.childForFieldName("name")?.text;
      if (definition && name) this.functions.set(name, definition);
    }
    for (const assignment of root.descendantsOfType("assignment")) {
      const name = assignment?.childForFieldName("left")?.text;
      const right = assignment?.childForFieldName("right");
      if (!assignment || !name || !right) continue;
      const scope = enclosingScope(assignment).id;
      let names = this.assignments.get(scope);
      if (!names) {
        names = /* @__PURE__ */ new Map();
        this.assignments.set(scope, names);
      }
      const list2 = names.get(name);
      if (list2) list2.push(right);
      else names.set(name, [right]);
    }
  }
  root;
  /** Scope (a function definition or the module, by node id) -> name -> right-hand sides in file order. */
  assignments = /* @__PURE__ */ new Map();
  functions = /* @__PURE__ */ new Map();
  /** Whether every return of a local function is escaped, once worked out (false while being worked out). */
  escapedReturns = /* @__PURE__ */ new Map();
  /** Right-hand sides assigned to `name` directly in `scope` (not in functions nested in it), in file order. */
  assignedIn(scope, name) {
    return this.assignments.get(scope.id)?.get(name) ?? [];
  }
  /** The literal a module-level name is assigned once, e.g. `PER_MIGRATION = True`. */
  moduleConstant(name) {
    const assigned = this.assignedIn(this.root, name.text);
    return assigned.length === 1 ? assigned[0]?.text : void 0;
  }
  /** True when the value is a literal with no lone `%`, or provably went through `.replace("%", "%%")`. */
  isEscaped(value, site) {
    let current = value;
    let at = site;
    for (let hops = 0; hops <= MAX_ALIASES; hops++) {
      if (ESCAPES_PERCENT.test(current.text)) return true;
      if (current.type !== "identifier") return this.isEscapedValue(current);
      const reaching = this.reaching(current.text, at);
      if (!reaching) return false;
      current = reaching;
      at = reaching;
    }
    return false;
  }
  isEscapedValue(value) {
    if (value.type === "string" && !value.namedChildren.some((child) => child?.type === "interpolation")) {
      return !/%(?!%)/.test(value.text.replace(/%%/g, ""));
    }
    if (value.type === "call") return this.returnsEscaped(value.childForFieldName("function")?.text ?? "");
    return false;
  }
  /** The assignment that reaches a use: the last one before it in the same function, else in the module. */
  reaching(name, site) {
    const scope = enclosingScope(site);
    const local = lastBefore(this.assignedIn(scope, name), site.startIndex);
    if (local || scope.type === "module") return local;
    return lastBefore(this.assignedIn(this.root, name), site.startIndex);
  }
  /** `return None` hands configparser no URL at all; every other return of the function must be escaped. */
  returnsEscaped(name) {
    const known = this.escapedReturns.get(name);
    if (known !== void 0) return known;
    const definition = this.functions.get(name);
    if (!definition) return false;
    this.escapedReturns.set(name, false);
    const returns = definition.descendantsOfType("return_statement").map((statement) => statement?.namedChildren[0]).filter((returned) => !!returned && returned.type !== "none");
    const escaped = returns.length > 0 && returns.every((returned) => this.isEscaped(returned, returned));
    this.escapedReturns.set(name, escaped);
    return escaped;
  }
};
function lastBefore(nodes, offset) {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = low + high >> 1;
    if ((nodes[middle]?.startIndex ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? nodes[low - 1] : void 0;
}
var SETS_LOCK_TIMEOUT = [
  /\bset\s+(?:session\s+|local\s+)?lock_timeout\b/i,
  /\bset_config\s*\(\s*'lock_timeout'/i,
  // libpq's options, also URL-encoded in a query string: `-c lock_timeout=5s`, `?options=-c%20lock_timeout%3D5s`.
  /-c(?:\s|%20|\+)*lock_timeout(?:\s*=|%3D)/i
];
function enclosingFunction(node) {
  let current = node.parent;
  for (let depth = 0; current && depth < 64; depth++, current = current.parent) {
    if (current.type === "function_definition") return current.childForFieldName("name")?.text;
  }
  return void 0;
}
function setsLockTimeout(root) {
  for (const string of root.descendantsOfType("string")) {
    if (!string || string.parent?.type === "expression_statement") continue;
    const text = string.text;
    if (SETS_LOCK_TIMEOUT.some((pattern) => pattern.test(text))) return true;
    if (/^["']lock_timeout["']$/.test(text) && string.parent?.type === "pair") return true;
  }
  return false;
}
function targetMetadata(calls, index, root) {
  for (const call of calls.slice(0, MAX_CONFIGURE_CALLS)) {
    const value = keywordValue(call, "target_metadata");
    const set = value ? metadataValue(value, call, index, root) : void 0;
    if (set !== void 0) return set.replace(/\s+/g, " ").slice(0, 60);
  }
  return void 0;
}
function metadataValue(value, site, index, root) {
  if (value.type === "none") return void 0;
  if (value.type !== "identifier") return value.text;
  const last = index.reaching(value.text, site);
  if (last) return last.type === "none" ? void 0 : last.text;
  return importsName(root, value.text) ? value.text : void 0;
}
function importsName(module, name) {
  for (const statement of module.descendantsOfType(["import_from_statement", "import_statement"])) {
    for (const imported of statement?.childrenForFieldName("name") ?? []) {
      const bound = imported?.type === "aliased_import" ? imported.childForFieldName("alias")?.text : imported?.text.split(".").at(statement?.type === "import_statement" ? 0 : -1);
      if (bound === name) return true;
    }
  }
  return false;
}
function isConfigureCall(call) {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "configure") return false;
  return /(?:^|\.)context$/.test(callee.childForFieldName("object")?.text ?? "");
}
function keywordValue(call, name) {
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (arg?.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) {
      return arg.childForFieldName("value") ?? void 0;
    }
  }
  return void 0;
}
function flagOf(call, name, index) {
  const value = keywordValue(call, name);
  if (value) {
    const literal3 = value.type === "identifier" ? index.moduleConstant(value) : value.text;
    return literal3 === "True" ? true : literal3 === "False" ? false : "unknown";
  }
  const splat = (call.childForFieldName("arguments")?.namedChildren ?? []).some(
    (arg) => arg?.type === "dictionary_splat"
  );
  return splat ? "unknown" : void 0;
}
function agreed(values) {
  if (values.length === 0) return void 0;
  const [first] = values;
  return values.every((value) => value === first) ? first : "unknown";
}
function enclosingScope(node) {
  let current = node.parent;
  while (current && current.type !== "function_definition" && current.type !== "module") current = current.parent;
  return current ?? node;
}

// src/cli/display-path.ts
import { relative, sep } from "node:path";
function displayPath(cwd, absolute) {
  const path = relative(cwd, absolute) || absolute;
  return sep === "/" ? path : path.split(sep).join("/");
}

// src/cli/extract-sources.ts
function projectModules(cwd) {
  return { source: new ProjectModules(), displayPath: (absolute) => displayPath(cwd, absolute) };
}
var MAY_RUN_SQL = /\.execute\(|exec_driver_sql\(/;
var MAX_OPERATIONS_PER_FILE = 5e4;
function capOperations(operations) {
  const first = operations[MAX_OPERATIONS_PER_FILE];
  if (!first) return operations;
  const rest = operations.length - MAX_OPERATIONS_PER_FILE;
  return [
    ...operations.slice(0, MAX_OPERATIONS_PER_FILE),
    {
      kind: "opaque",
      origin: first.origin,
      span: first.span,
      context: first.context,
      text: first.text,
      reason: `the file holds more than ${MAX_OPERATIONS_PER_FILE.toLocaleString("en")} operations: the last ${rest.toLocaleString("en")} are not analysed`
    }
  ];
}
function capped(revision) {
  const large = revision.upgrade.operations.length > MAX_OPERATIONS_PER_FILE || revision.downgrade.operations.length > MAX_OPERATIONS_PER_FILE || revision.problems.length > MAX_OPERATIONS_PER_FILE;
  if (!large) return revision;
  return {
    ...revision,
    upgrade: { operations: capOperations(revision.upgrade.operations) },
    downgrade: { operations: capOperations(revision.downgrade.operations) },
    problems: revision.problems.slice(0, MAX_OPERATIONS_PER_FILE)
  };
}
function isParserCrash(error) {
  return error instanceof RangeError || error instanceof Error && error.name === "RuntimeError";
}
function crashReason(error) {
  if (/Aborted\(\)/.test(error.message)) return "the parser ran out of the memory allowed for one file";
  return `the parser crashed on it (${error.message.split("\n")[0]})`;
}
var FileExtractor = class {
  constructor(parser, reading, modules) {
    this.reading = reading;
    this.translators = sqlTranslatorProvider(reading);
    this.revisions = new RevisionExtractor(parser, this.translators, modules);
    this.env = new EnvExtractor(parser);
  }
  reading;
  translators;
  revisions;
  env;
  /** Frees what helper modules hold; the extractor is not used afterwards. */
  dispose() {
    this.revisions.dispose();
  }
  /** Compiles the SQL parser's WASM while tree-sitter works, when any file looks like it runs SQL. */
  prefetch(jobs) {
    if (jobs.some((job) => job.kind === "sql" || job.kind === "revision" && MAY_RUN_SQL.test(job.text)))
      this.translators.prefetch(this.reading.dialect);
  }
  /** Never throws: a file that fails is named with the reason; `crashed` says the parsers must be replaced. */
  async extract(job) {
    try {
      return { result: await this.read(job) };
    } catch (error) {
      if (isParserCrash(error)) return { result: failedFile(job.file, crashReason(error)), crashed: true };
      return { result: failedFile(job.file, error instanceof Error ? error.message : String(error)) };
    }
  }
  async read(job) {
    const { file, text } = job;
    if (job.kind === "env") return { env: this.env.extract(file, text) };
    if (job.kind === "sql") {
      const previous = job.previous === void 0 ? {} : { previous: job.previous };
      return { revision: capped(await extractSqlFile({ file, text, ...previous }, this.translators)) };
    }
    const revision = await this.revisions.extract(file, text, job.path);
    const modules = this.revisions.modulesRead();
    if (revision) return modules.length > 0 ? { revision: capped(revision), modules } : { revision: capped(revision) };
    return { skipped: { file, reason: "no `revision` identifier and no upgrade() function: not an Alembic revision" } };
  }
};
async function extractSources(sources, parser, reading, modules) {
  const extractor = new FileExtractor(parser, reading, modules);
  const revisions = [];
  const skipped = [];
  try {
    for (const source of sources) {
      const { result } = await extractor.extract({ kind: "revision", ...source });
      if ("revision" in result) revisions.push(result.revision);
      else if ("skipped" in result) skipped.push(result.skipped);
    }
  } finally {
    extractor.dispose();
  }
  return { revisions, skipped };
}

export {
  dialectOf,
  folderNamingDialect,
  displayPath,
  digestOf,
  OverlaidModules,
  ProjectModules,
  sqlTranslatorProvider,
  orderSqlFiles,
  extractSqlFile,
  projectModules,
  FileExtractor,
  extractSources
};
