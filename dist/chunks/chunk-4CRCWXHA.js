import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  orderSqlFiles
} from "./chunk-TEXQI7OX.js";
import {
  ProjectModules,
  moduleDigest
} from "./chunk-CAU3EMFA.js";
import {
  excludedDialects,
  operationDialect,
  sharedDialectFolder,
  testsDialect,
  underDialectTest
} from "./chunk-WKFIEVVF.js";
import {
  LineIndex
} from "./chunk-C6SBNVJK.js";
import {
  ALL_RULES,
  RULE_GROUPS,
  SEVERITIES,
  TableNames,
  amongCreated,
  callsVolatileFunction,
  compareColumnTypes,
  computedNameMatches,
  contractReason,
  enumTypeName,
  folderOf,
  hasUnresolvedPart,
  isBookkeepingTable,
  isEnumType,
  isOneWord,
  namesWord,
  pushTo,
  tableKey,
  withinConditions,
  withoutSchema,
  wordsOf
} from "./chunk-FOQMQZLO.js";
import {
  InputError,
  MAX_SETTINGS_FILE_BYTES,
  dialectFromUrl,
  foldersUpToTop
} from "./chunk-S7CPFA5J.js";
import {
  formatBytes,
  isRegularFile,
  readRegularFile,
  readSmallFile
} from "./chunk-4QRIUKKB.js";

// src/services/rule-selection.ts
function specificity(selector, meta) {
  if (selector === meta.name) return 3;
  if (selector === meta.group) return 2;
  if (selector === ALL_RULES) return 1;
  return void 0;
}
function enabledRules(rules, request) {
  const enabled = /* @__PURE__ */ new Set();
  for (const meta of rules) {
    let best = request.select === void 0 ? 0 : -1;
    let on = request.select === void 0 && meta.enabledByDefault !== false;
    const consider = (selectors, value) => {
      for (const selector of selectors) {
        const level = specificity(selector, meta);
        if (level === void 0 || level < best) continue;
        best = level;
        on = value;
      }
    };
    consider(request.select ?? [], true);
    consider(request.extendSelect, true);
    consider(request.ignore, false);
    if (on) enabled.add(meta.name);
  }
  return enabled;
}
function selectorNames(rules) {
  return [ALL_RULES, ...RULE_GROUPS.map((group) => group.name), ...rules.map((meta) => meta.name)];
}
var MAX_SUGGESTED_LENGTH = 64;
function distance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function closestName(unknown, known) {
  if (unknown.length > MAX_SUGGESTED_LENGTH) return void 0;
  let best;
  for (const name of known) {
    const d = distance(unknown.toLowerCase(), name.toLowerCase());
    if (best === void 0 || d < best.distance) best = { name, distance: d };
  }
  return best !== void 0 && best.distance <= Math.max(2, Math.floor(unknown.length / 4)) ? best.name : void 0;
}

// src/adapters/config/config-file.ts
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
var DIALECT_ALIASES = /* @__PURE__ */ new Map([
  ["postgresql", "postgresql"],
  ["postgres", "postgresql"],
  ["mysql", "mysql"],
  ["mariadb", "mysql"],
  ["sqlite", "sqlite"],
  ["sqlite3", "sqlite"]
]);
function dialectNamed(value) {
  return typeof value === "string" ? DIALECT_ALIASES.get(value.trim().toLowerCase()) : void 0;
}
var DIALECT_CHOICES = "postgresql (or postgres), mysql (or mariadb), sqlite";
var FAIL_ON = [...SEVERITIES, "never"];
var SEVERITY_SETTINGS = [...SEVERITIES, "off"];
var CONFIG_KEYS = [
  "dialect",
  "select",
  "extend-select",
  "ignore",
  "severity",
  "fail-on",
  "exclude",
  "start-after",
  "release-after",
  "alembic-version",
  "postgres-version",
  "assume-in-transaction",
  "fail-on-opaque",
  "max-file-size",
  "max-file-seconds",
  "docs-url"
];
var MAX_EXCLUDE_PATTERNS = 256;
var MAX_PATTERN_LENGTH = 1e3;
var MIN_FILE_BYTES = 1e3;
var MAX_FILE_BYTES = 1e8;
var MAX_FILE_SECONDS = 600;
var MAX_TOML_DEPTH = 32;
var ALEMBIC_VERSION = /^\d+(\.\d+){0,2}\w*$/;
var MIN_POSTGRES_VERSION = 9;
var MAX_POSTGRES_VERSION = 18;
function findConfigFile(start) {
  let folder = resolve(start);
  if (existsSync(folder) && !statSync(folder).isDirectory()) folder = dirname(folder);
  for (; ; ) {
    const own = join(folder, "migragate.toml");
    if (isRegularFile(own)) return own;
    const pyproject = join(folder, "pyproject.toml");
    if (isRegularFile(pyproject) && /^\s*\[tool\.migragate\]/m.test(readSettingsFile(pyproject, pyproject))) {
      return pyproject;
    }
    const parent = dirname(folder);
    if (parent === folder) return void 0;
    folder = parent;
  }
}
function oneOf(where, value, allowed) {
  if (typeof value === "string" && allowed.includes(value)) return value;
  throw new InputError(`${where} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
}
function text(where, value, pattern, shape) {
  if (typeof value === "string" && value.trim() !== "" && (!pattern || pattern.test(value))) return value.trim();
  throw new InputError(`${where} must be ${shape ?? "a non-empty string"} (got ${JSON.stringify(value)})`);
}
function stringList(where, value) {
  const list = typeof value === "string" ? [value] : value;
  if (Array.isArray(list) && list.every((item) => typeof item === "string" && item.trim() !== ""))
    return list.map((item) => item.trim());
  throw new InputError(`${where} must be a list of strings (got ${JSON.stringify(value)})`);
}
function revisionIds(where, value) {
  const ids = Array.isArray(value) && value.length > 0 ? value : [value];
  if (ids.every((id) => typeof id === "string" && /^[\w-]+$/.test(id.trim()))) return ids.map((id) => id.trim());
  throw new InputError(`${where} must be a revision id or a list of them (got ${JSON.stringify(value)})`);
}
function postgresVersion(where, value) {
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number === "number" && Number.isInteger(number) && number >= MIN_POSTGRES_VERSION && number <= MAX_POSTGRES_VERSION)
    return number;
  throw new InputError(
    `${where} must be a PostgreSQL major version from ${MIN_POSTGRES_VERSION} to ${MAX_POSTGRES_VERSION} (got ${JSON.stringify(value)})`
  );
}
function readSettingsFile(path, display) {
  const read = readRegularFile(path, { maxBytes: MAX_SETTINGS_FILE_BYTES, limitFor: "a config file" });
  if (read.problem !== void 0) throw new InputError(`${display}: cannot read (${read.problem})`);
  return read.text;
}
function excludeList(where, value) {
  const patterns = [...new Set(stringList(where, value))];
  if (patterns.length > MAX_EXCLUDE_PATTERNS)
    throw new InputError(`${where} holds ${patterns.length} patterns; at most ${MAX_EXCLUDE_PATTERNS} are allowed`);
  const long = patterns.find((pattern) => pattern.length > MAX_PATTERN_LENGTH);
  if (long !== void 0)
    throw new InputError(`${where}: a pattern of ${long.length} characters; at most ${MAX_PATTERN_LENGTH} are allowed`);
  return patterns;
}
var SIZE = /^(\d+(?:\.\d+)?)\s*(bytes|b|kb|mb)?$/i;
var UNIT_BYTES = /* @__PURE__ */ new Map([
  ["b", 1],
  ["bytes", 1],
  ["kb", 1e3],
  ["mb", 1e6]
]);
function fileSize(where, value) {
  const match = typeof value === "string" ? SIZE.exec(value.trim()) : void 0;
  const bytes = typeof value === "number" ? value : match ? Number(match[1]) * (UNIT_BYTES.get((match[2] ?? "b").toLowerCase()) ?? 1) : Number.NaN;
  if (Number.isFinite(bytes) && bytes >= MIN_FILE_BYTES && bytes <= MAX_FILE_BYTES) return Math.floor(bytes);
  throw new InputError(
    `${where} must be a size from ${formatBytes(MIN_FILE_BYTES)} to ${formatBytes(MAX_FILE_BYTES)}, such as "5MB" (got ${JSON.stringify(value)})`
  );
}
function fileSeconds(where, value) {
  if (typeof value === "number" && Number.isFinite(value) && value > 0 && value <= MAX_FILE_SECONDS)
    return Math.round(value * 1e3);
  throw new InputError(
    `${where} must be a number of seconds above 0, at most ${MAX_FILE_SECONDS} (got ${JSON.stringify(value)})`
  );
}
function flag(where, value) {
  if (typeof value !== "boolean") throw new InputError(`${where} must be true or false (got ${JSON.stringify(value)})`);
  return value;
}
function validateConfig(settings, label, file, checkRule) {
  const config = { file, root: dirname(resolve(file)) };
  for (const [key, value] of Object.entries(settings)) {
    const where = `${label}: ${key}`;
    switch (key) {
      case "dialect": {
        const dialect = dialectNamed(value);
        if (!dialect) throw new InputError(`${where} must be one of ${DIALECT_CHOICES} (got ${JSON.stringify(value)})`);
        config.dialect = dialect;
        break;
      }
      case "select":
        config.select = stringList(where, value);
        break;
      case "extend-select":
        config.extendSelect = stringList(where, value);
        break;
      case "ignore":
        config.ignore = stringList(where, value);
        break;
      case "severity": {
        if (typeof value !== "object" || value === null || Array.isArray(value))
          throw new InputError(`${where} must be a table of rule = "error" | "warning" | "info" | "off"`);
        for (const rule of Object.keys(value)) checkRule?.(rule, where);
        config.severity = new Map(
          Object.entries(value).map(([rule, level]) => [rule, oneOf(`${where}.${rule}`, level, SEVERITY_SETTINGS)])
        );
        break;
      }
      case "fail-on":
        config.failOn = oneOf(where, value, FAIL_ON);
        break;
      case "exclude":
        config.exclude = excludeList(where, value);
        break;
      case "start-after":
        config.startAfter = revisionIds(where, value);
        break;
      case "release-after":
        config.releaseAfter = text(where, value, /^[\w-]+$/, "a revision id");
        break;
      case "alembic-version":
        config.alembicVersion = text(where, value, ALEMBIC_VERSION, 'a version such as "1.13.1"');
        break;
      case "postgres-version":
        config.postgresVersion = postgresVersion(where, value);
        break;
      case "assume-in-transaction":
        config.assumeInTransaction = flag(where, value);
        break;
      case "fail-on-opaque":
        config.failOnOpaque = flag(where, value);
        break;
      case "max-file-size":
        config.maxFileBytes = fileSize(where, value);
        break;
      case "max-file-seconds":
        config.maxFileMs = fileSeconds(where, value);
        break;
      case "docs-url":
        config.docsUrl = text(where, value, /^https?:\/\/\S+$/, "an http(s) URL");
        break;
      default:
        throw new InputError(unknownKey(label, key));
    }
  }
  return config;
}
function unknownKey(label, key) {
  if (key === "tool")
    return `${label}: unknown key "tool": a migragate.toml holds the settings at its top level ([tool.migragate] is the table of pyproject.toml)`;
  const suggestion = closestName(key, CONFIG_KEYS);
  return `${label}: unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""} (allowed: ${CONFIG_KEYS.join(", ")})`;
}
async function readConfigFile(path, display, checkRule) {
  const { parse, TomlError } = await import("./dist-Z5JY3SJR.js");
  const text2 = readSettingsFile(path, display);
  let document;
  try {
    document = parse(text2, { maxDepth: MAX_TOML_DEPTH });
  } catch (error) {
    if (error instanceof TomlError)
      throw new InputError(`${display}:${error.line}:${error.column}: invalid TOML: ${error.message.split("\n")[0]}`);
    throw new InputError(`${display}: cannot parse (${error instanceof Error ? error.message : String(error)})`);
  }
  if (basename(path) !== "pyproject.toml") return validateConfig(document, display, path, checkRule);
  const tool = document.tool;
  const settings = tool?.migragate;
  if (typeof settings !== "object" || settings === null || Array.isArray(settings))
    throw new InputError(`${display}: [tool.migragate] must be a table`);
  return validateConfig(settings, `${display} [tool.migragate]`, path, checkRule);
}

// src/services/locks.ts
var FAST_DEFAULT_VERSION = 11;
var V12 = 12;
var NULL_DEFAULT = /^(?:[\w.]*null\(\)|(?:[\w.]*text\(\s*)?["']?null["']?\)?)$/i;
var TEXT_TYPES = /* @__PURE__ */ new Set(["varchar", "character varying", "text"]);
var RELATION_OBJECTS = /* @__PURE__ */ new Set(["view", "materialized-view", "sequence"]);
var TIMESTAMPTZ_IN_PLACE_SINCE = 12;
function timestampToTimestamptz(operation) {
  return operation.fromType === "timestamp without time zone" && operation.toType === "timestamp with time zone";
}
function facts(lock, rewrite = false, scan = rewrite) {
  return lock === void 0 ? { rewrite, scan } : { lock, rewrite, scan };
}
function addColumnFacts(operation, version) {
  const { column } = operation;
  const defaultText = column.serverDefault?.trim();
  const hasDefault = defaultText !== void 0 && defaultText !== "" && !NULL_DEFAULT.test(defaultText);
  const rewrite = column.generated !== void 0 || // A function migragate does not know may be volatile, but the model claims only the rewrites it knows of.
  hasDefault && (version < FAST_DEFAULT_VERSION || callsVolatileFunction(defaultText ?? "", operation.origin));
  const scan = rewrite || column.primaryKey || !column.nullable && !hasDefault;
  return facts("ACCESS EXCLUSIVE", rewrite, scan);
}
function textLimit(type) {
  const match = /^(varchar|character varying|text)\s*(?:\(\s*(\d+)\s*\))?$/.exec(type.trim().toLowerCase());
  if (!match || !TEXT_TYPES.has(match[1] ?? "")) return void 0;
  return match[2] === void 0 ? Number.POSITIVE_INFINITY : Number(match[2]);
}
function typeChangeRewrites(operation) {
  if (operation.using !== void 0 || operation.fromType === void 0 || operation.toType === void 0) return true;
  const fromLimit = textLimit(operation.fromType);
  const toLimit = textLimit(operation.toType);
  if (fromLimit !== void 0 && toLimit !== void 0) return toLimit < fromLimit;
  return compareColumnTypes(operation.fromType, operation.toType, "postgresql").rewrite;
}
function addConstraintFacts(operation) {
  switch (operation.constraintType) {
    case "foreign-key":
      return facts("SHARE ROW EXCLUSIVE", false, !operation.notValid);
    case "unique":
      return facts("ACCESS EXCLUSIVE", false, operation.usingIndex === void 0);
    case "primary-key":
      return facts("ACCESS EXCLUSIVE", false, true);
    case "exclude":
      return facts("ACCESS EXCLUSIVE", false, true);
    default:
      return facts("ACCESS EXCLUSIVE", false, !operation.notValid);
  }
}
var SHARE_UPDATE_EXCLUSIVE_ACTIONS = /* @__PURE__ */ new Set([
  "SetStatistics",
  "SetOptions",
  "ResetOptions",
  "ClusterOn",
  "DropCluster",
  "SetRelOptions",
  "ResetRelOptions"
]);
var REWRITING_ACTIONS = /* @__PURE__ */ new Set(["SetLogged", "SetUnLogged", "SetAccessMethod"]);
function alterTableOtherFacts(operation, version) {
  const { action } = operation;
  if (action.startsWith("alter_column ")) return facts(void 0);
  if (SHARE_UPDATE_EXCLUSIVE_ACTIONS.has(action)) return facts("SHARE UPDATE EXCLUSIVE");
  if (/^(?:Enable|Disable)\w*Trig/.test(action)) return facts("SHARE ROW EXCLUSIVE");
  if (action === "AttachPartition") return facts(version >= V12 ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
  if (REWRITING_ACTIONS.has(action)) return facts("ACCESS EXCLUSIVE", true);
  if (action === "SetTableSpace") return facts("ACCESS EXCLUSIVE", true, false);
  return facts("ACCESS EXCLUSIVE");
}
function maintenanceFacts(operation, version) {
  switch (operation.command) {
    case "vacuum":
    case "analyze":
      return facts("SHARE UPDATE EXCLUSIVE");
    case "vacuum-full":
    case "cluster":
      return facts("ACCESS EXCLUSIVE", true);
    case "reindex":
      return facts(operation.concurrently && version >= V12 ? "SHARE UPDATE EXCLUSIVE" : "SHARE", true);
    case "refresh-materialized-view":
      return operation.concurrently ? facts("EXCLUSIVE", false, true) : facts("ACCESS EXCLUSIVE", true);
  }
}
var LOCK_MODE_IN_TEXT = /\bIN\s+(ACCESS\s+SHARE|ROW\s+SHARE|ROW\s+EXCLUSIVE|SHARE\s+UPDATE\s+EXCLUSIVE|SHARE\s+ROW\s+EXCLUSIVE|SHARE|EXCLUSIVE|ACCESS\s+EXCLUSIVE)\s+MODE\b/i;
function utilityFacts(operation) {
  switch (operation.statement) {
    case "LOCK": {
      const mode = LOCK_MODE_IN_TEXT.exec(operation.text)?.[1];
      return facts(mode ? mode.toUpperCase().replace(/\s+/g, " ") : "ACCESS EXCLUSIVE");
    }
    case "CREATE STATS":
      return facts("SHARE UPDATE EXCLUSIVE");
    default:
      return void 0;
  }
}
function ownFacts(operation, version) {
  switch (operation.kind) {
    case "create-table":
    case "drop-table":
    case "rename-table":
    case "drop-column":
    case "rename-column":
    case "drop-not-null":
    case "set-column-default":
    case "drop-constraint":
    case "truncate":
      return facts("ACCESS EXCLUSIVE");
    case "add-column":
      return addColumnFacts(operation, version);
    case "set-not-null":
      return facts("ACCESS EXCLUSIVE", false, !(operation.provenBy !== void 0 && version >= 12));
    case "change-column-type": {
      const changed = facts("ACCESS EXCLUSIVE", typeChangeRewrites(operation));
      return version >= TIMESTAMPTZ_IN_PLACE_SINCE && operation.using === void 0 && timestampToTimestamptz(operation) ? {
        ...changed,
        rewriteUnless: "the session's TimeZone is UTC (PostgreSQL 12 and later then only rebuild the column's indexes)"
      } : changed;
    }
    case "create-index":
      return facts(operation.concurrently ? "SHARE UPDATE EXCLUSIVE" : "SHARE", false, true);
    case "drop-index":
      return facts(operation.concurrently ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
    case "add-constraint":
      return addConstraintFacts(operation);
    case "validate-constraint":
      return facts("SHARE UPDATE EXCLUSIVE", false, true);
    case "create-object":
      if (operation.objectType === "trigger") return facts("SHARE ROW EXCLUSIVE");
      if (operation.objectType === "view" && operation.orReplace) return facts("ACCESS EXCLUSIVE");
      return facts(operation.objectType === "policy" || operation.table !== void 0 ? "ACCESS EXCLUSIVE" : void 0);
    case "drop-object":
      return facts(
        operation.table !== void 0 || RELATION_OBJECTS.has(operation.objectType) ? "ACCESS EXCLUSIVE" : void 0
      );
    case "rename-object":
      if (operation.objectType === "index")
        return facts(version >= V12 ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
      return facts(
        operation.objectType === "constraint" || RELATION_OBJECTS.has(operation.objectType) ? "ACCESS EXCLUSIVE" : void 0
      );
    case "data-change": {
      const wholeTable = ["update", "delete", "merge"].includes(operation.statement) && !operation.hasWhere;
      return facts("ROW EXCLUSIVE", false, wholeTable);
    }
    case "comment":
      return facts(operation.target === "other" ? void 0 : "SHARE UPDATE EXCLUSIVE");
    case "maintenance":
      return maintenanceFacts(operation, version);
    case "alter-table-other":
      return alterTableOtherFacts(operation, version);
    case "utility":
      return utilityFacts(operation);
    case "alter-enum-add-value":
    case "set-config":
    case "transaction-control":
    case "query":
      return facts(void 0);
    case "opaque":
      return void 0;
  }
}
function lockFacts(operation, context) {
  if (isBookkeepingTable(operation.table)) return void 0;
  const result = ownFacts(operation, context.postgresVersion);
  if (result === void 0) return void 0;
  const tables = operation.kind === "truncate" ? operation.tables : operation.table !== void 0 ? [operation.table] : [];
  const onNewTable = tables.length > 0 && tables.every((table2) => amongCreated(context.newTables, tableKey(table2)));
  return onNewTable ? { ...result, newTable: true } : result;
}

// src/services/revision-paths.ts
var MAX_PATHS = 32;
var RevisionPath = class {
  constructor(conditions) {
    this.conditions = conditions;
  }
  conditions;
  worked;
  get facts() {
    this.worked ??= {
      taken: new Set(this.conditions),
      negations: this.conditions.map((condition) => `not (${condition})`),
      dialectTests: this.conditions.filter(testsDialect)
    };
    return this.worked;
  }
  /** Code on this path and code on `other` never both run: one negates a condition the other takes. */
  excludes(other) {
    const mine = this.facts;
    const theirs = other.facts;
    return mine.negations.some((negation) => theirs.taken.has(negation)) || theirs.negations.some((negation) => mine.taken.has(negation));
  }
  /**
   * Code on `other` runs only where this path ran: it is not excluded, and it takes every test of the database this
   * path took (top-level code after `if sqlite: ...` also runs on PostgreSQL, where that branch did not).
   */
  leadsTo(other) {
    const theirs = other.facts;
    return !this.excludes(other) && this.facts.dialectTests.every((test) => theirs.taken.has(test));
  }
};
function revisionPaths() {
  const paths = /* @__PURE__ */ new WeakMap();
  return (conditions) => {
    let path = paths.get(conditions);
    if (path === void 0) {
      path = new RevisionPath(conditions);
      paths.set(conditions, path);
    }
    return path;
  };
}
var EVERY_PATH = new RevisionPath([]);
var PathsByName = class {
  paths = /* @__PURE__ */ new Map();
  add(key, path) {
    const list = this.paths.get(key);
    if (list === void 0) this.paths.set(key, [path]);
    else if (list.length < MAX_PATHS) list.push(path);
    else list[MAX_PATHS - 1] = EVERY_PATH;
  }
  delete(key) {
    this.paths.delete(key);
  }
  has(key) {
    return this.paths.has(key);
  }
  /** Whether one of the paths that made `key` leads to code on `path`; a name never recorded (computed at run time) does. */
  reaches(key, path) {
    const list = this.paths.get(key);
    return list === void 0 || list.some((made) => made.leadsTo(path));
  }
};

// src/services/table-keyed.ts
var TableKeyed = class {
  /** `isKey`: the objects found by their exact column set (unique keys); the others are not indexed so. */
  constructor(isKey = () => true) {
    this.isKey = isKey;
  }
  isKey;
  entries = /* @__PURE__ */ new Map();
  byTable = /* @__PURE__ */ new Map();
  /** Keys by table and column, for each column an object uses. */
  byColumn = /* @__PURE__ */ new Map();
  /** Keys by the set of columns an object uses (`columnSet`). */
  byColumnSet = /* @__PURE__ */ new Map();
  get(key) {
    return this.entries.get(key);
  }
  set(key, value) {
    const previous = this.entries.get(key);
    if (previous) {
      if (previous.table !== value.table) this.byTable.get(previous.table)?.delete(key);
      this.unindexColumns(key, previous);
    }
    this.entries.set(key, value);
    addTo(this.byTable, value.table, key);
    for (const column of value.columns) addTo(this.byColumn, `${value.table}\0${column}`, key);
    if (this.isKey(value)) addTo(this.byColumnSet, columnSet(value.table, value.columns), key);
  }
  delete(key) {
    const previous = this.entries.get(key);
    if (!previous) return false;
    this.entries.delete(key);
    removeFrom(this.byTable, previous.table, key);
    this.unindexColumns(key, previous);
    return true;
  }
  /** The keys and values of one table's objects, in no promised order; safe to change the map while reading. */
  onTable(table2) {
    return this.pairs(this.byTable.get(table2));
  }
  /** The keys and values of the objects that use one column of a table; safe to change the map while reading. */
  onColumn(table2, column) {
    return this.pairs(this.byColumn.get(`${table2}\0${column}`));
  }
  /** The keys and values of the key objects of a table that use exactly these columns, in any order or number. */
  withColumnSet(table2, columns) {
    return this.pairs(this.byColumnSet.get(columnSet(table2, columns)));
  }
  pairs(keys) {
    if (!keys) return [];
    return [...keys].map((key) => [key, this.entries.get(key)]);
  }
  unindexColumns(key, value) {
    for (const column of value.columns) removeFrom(this.byColumn, `${value.table}\0${column}`, key);
    if (this.isKey(value)) removeFrom(this.byColumnSet, columnSet(value.table, value.columns), key);
  }
};
function columnSet(table2, columns) {
  const distinct = [...new Set(columns)];
  if (distinct.length > 1) distinct.sort();
  return `${table2}\0${distinct.join("\0")}`;
}
function addTo(index, at, key) {
  const keys = index.get(at);
  if (keys) keys.add(key);
  else index.set(at, /* @__PURE__ */ new Set([key]));
}
function removeFrom(index, at, key) {
  const keys = index.get(at);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(at);
}

// src/services/table-mentions.ts
var MAX_PATTERNS = 100;
function namedTables(operation) {
  switch (operation.kind) {
    case "rename-table":
      return [operation.table, operation.newName];
    case "truncate":
      return [...operation.tables];
    case "add-constraint":
      return operation.referencedTable === void 0 ? [operation.table] : [operation.table, operation.referencedTable];
    case "create-object":
      return operation.trigger === void 0 ? [] : [operation.trigger.table];
    default:
      return operation.table === void 0 ? [] : [operation.table];
  }
}
var MAKES_TABLE = /\bcreate\s+(?:(?:global|local|temp|temporary|unlogged)\s+)*table\b|\bselect\b[\s\S]*\binto\b|\brename\s+to\b/i;
var BUILDS_DATA_STATEMENT = /\.(?:on_conflict_do_update|on_conflict_do_nothing|on_duplicate_key_update|values|where|returning)\(|\b(?:insert|update|delete)\(/;
function buildsDataStatement(code) {
  return BUILDS_DATA_STATEMENT.test(code);
}
function mayHideTable(operation) {
  if (operation.origin !== "sql") return true;
  if (operation.sql === void 0) return !buildsDataStatement(operation.text);
  return hasUnresolvedPart(operation.sql) && MAKES_TABLE.test(operation.sql);
}
var TableMentions = class {
  constructor(startsEmpty) {
    this.startsEmpty = startsEmpty;
  }
  startsEmpty;
  written = [];
  /** How many of `written` are in `names` and `patterns`. */
  read = 0;
  /** Every name the operations read so far hold: table names (without schema) and each word of their text. */
  names = /* @__PURE__ */ new Set();
  /** Table names computed at run time, each unresolved part standing for any text. */
  patterns = [];
  /** Something ran that migragate could not read (SQL built at run time, a call it does not follow): it may have
   * made any table. */
  unread = false;
  record(operation) {
    this.written.push(operation);
  }
  /** No operation recorded so far names `table`, and the history starts from an empty database. */
  neverNamed(table2) {
    if (!this.startsEmpty || hasUnresolvedPart(table2)) return false;
    const key = tableKey(table2);
    const name = withoutSchema(key);
    if (name === "") return false;
    this.readWritten();
    if (this.unread || this.names.has(name) || this.patterns.length > MAX_PATTERNS) return false;
    return !this.patterns.some((pattern) => computedNameMatches(pattern, key));
  }
  readWritten() {
    for (; this.read < this.written.length; this.read++) {
      const operation = this.written[this.read];
      if (operation.kind === "opaque" && mayHideTable(operation)) this.unread = true;
      for (const named of namedTables(operation)) {
        const key = tableKey(named);
        if (hasUnresolvedPart(key)) {
          if (this.patterns.length <= MAX_PATTERNS) this.patterns.push(key);
        } else this.names.add(withoutSchema(key));
      }
      for (const word of wordsOf(operation.sql ?? operation.text)) this.names.add(word);
    }
  }
};

// src/services/complete-tables.ts
var CompleteTables = class {
  tables = /* @__PURE__ */ new Set();
  /** The keys of `tables` by their name without schema: a statement's words find the tables it names at once. */
  byName = /* @__PURE__ */ new Map();
  has(table2) {
    return !hasUnresolvedPart(table2) && this.tables.has(tableKey(table2));
  }
  /** In the set, when its name is one word a statement's text would show (`wordsOf`). */
  add(table2) {
    const key = tableKey(table2);
    const name = withoutSchema(key);
    if (!isOneWord(name)) return;
    this.tables.add(key);
    addTo(this.byName, name, key);
  }
  apply(operation) {
    switch (operation.kind) {
      case "create-table":
        if (operation.allColumnsKnown && !hasUnresolvedPart(operation.table)) this.add(operation.table);
        else this.forget(operation.table);
        return;
      case "add-column":
        if (hasUnresolvedPart(operation.column.name)) this.forget(operation.table);
        else if (hasUnresolvedPart(operation.table)) this.clear();
        return;
      case "rename-column":
        if (hasUnresolvedPart(operation.newName)) this.forget(operation.table);
        else if (hasUnresolvedPart(operation.table)) this.clear();
        return;
      case "rename-table": {
        const known = this.has(operation.table);
        this.forget(operation.table);
        this.forget(operation.newName);
        if (known && !hasUnresolvedPart(operation.newName)) this.add(operation.newName);
        return;
      }
      case "drop-table":
        this.forget(operation.table);
        return;
      case "opaque":
        if (mayChangeAnyTable(operation)) this.clear();
        else
          for (const word of new Set(wordsOf(operation.sql ?? "")))
            for (const key of [...this.byName.get(word) ?? []]) this.delete(key);
        return;
      default:
        return;
    }
  }
  /** Out of the set; a name computed at run time may be any table. */
  forget(table2) {
    if (hasUnresolvedPart(table2)) this.clear();
    else this.delete(tableKey(table2));
  }
  delete(key) {
    this.tables.delete(key);
    removeFrom(this.byName, withoutSchema(key), key);
  }
  clear() {
    this.tables.clear();
    this.byName.clear();
  }
};
function mayChangeAnyTable(operation) {
  if (operation.origin !== "sql") return true;
  if (operation.sql === void 0) return !buildsDataStatement(operation.text);
  return hasUnresolvedPart(operation.sql);
}

// src/services/foreign-key-targets.ts
var ForeignKeyTargets = class {
  /** By referencing column key: its table's key and the key of the table it references. */
  targets = /* @__PURE__ */ new Map();
  /** The keys of `targets` by the referencing table's key. */
  byTable = /* @__PURE__ */ new Map();
  /** The keys of `targets` by the table they reference: a rename of it reaches its keys at once. */
  byReferenced = /* @__PURE__ */ new Map();
  set(table2, key, referenced) {
    this.deleteColumn(key);
    this.targets.set(key, { table: table2, referenced });
    addTo(this.byTable, table2, key);
    addTo(this.byReferenced, referenced, key);
  }
  deleteColumn(key) {
    const target = this.targets.get(key);
    if (target === void 0) return;
    this.targets.delete(key);
    removeFrom(this.byTable, target.table, key);
    removeFrom(this.byReferenced, target.referenced, key);
  }
  deleteTable(table2) {
    for (const key of [...this.byTable.get(table2) ?? []]) this.deleteColumn(key);
  }
  renameColumn(from, to) {
    const target = this.targets.get(from);
    if (target === void 0) return;
    this.deleteColumn(from);
    this.set(target.table, to, target.referenced);
  }
  /** The referencing columns move with their table; keys that reference it follow its new name. */
  renameTable(from, to) {
    for (const key of [...this.byTable.get(from) ?? []]) {
      const target = this.targets.get(key);
      if (target === void 0) continue;
      this.deleteColumn(key);
      this.set(to, `${to}.${key.slice(from.length + 1)}`, target.referenced === from ? to : target.referenced);
    }
    for (const key of [...this.byReferenced.get(from) ?? []]) {
      const target = this.targets.get(key);
      if (target !== void 0) this.set(target.table, key, to);
    }
  }
  /** The other tables the foreign keys of `keys` (every key of the table when undefined) reference. */
  referencedBy(table2, keys) {
    const found = /* @__PURE__ */ new Set();
    for (const key of keys ?? this.byTable.get(table2) ?? []) {
      const referenced = this.targets.get(key)?.referenced;
      if (referenced !== void 0 && referenced !== table2) found.add(referenced);
    }
    return [...found];
  }
};

// src/services/schema-state.ts
var NONE = [];
function nameKey(name) {
  return name.replace(/"/g, "").toLowerCase();
}
function columnKey(table2, column) {
  return `${tableKey(table2)}.${nameKey(column)}`;
}
var IS_NOT_NULL = /^\(*\s*"?([A-Za-z_][\w$]*)"?\s+IS\s+NOT\s+NULL\s*\)*$/i;
function notNullCheckColumn(operation) {
  if (operation.constraintType !== "check" || operation.columns.length !== 1) return void 0;
  const text2 = operation.sql ?? operation.text;
  const condition = /CHECK\s*(\([\s\S]*\))/i.exec(text2)?.[1] ?? /["']([^"']*IS\s+NOT\s+NULL[^"']*)["']/i.exec(text2)?.[1];
  const column = condition === void 0 ? void 0 : IS_NOT_NULL.exec(condition.trim())?.[1];
  return column !== void 0 && column.toLowerCase() === operation.columns[0]?.toLowerCase() ? column : void 0;
}
function conventionalConstraintType(name) {
  const key = nameKey(name);
  if (/^pk_|_pkey$/.test(key)) return "primary-key";
  if (/^fk_|_fkey$/.test(key)) return "foreign-key";
  if (/^(?:uq|uniq|unique)_|_key$|_uniq$|_unique$/.test(key)) return "unique";
  if (/^(?:ck|chk|check)_|_check$/.test(key)) return "check";
  return void 0;
}
function defaultConstraintName(table2, type, columns) {
  if (type === "primary-key") return `${table2}_pkey`;
  if (columns.length === 0) return void 0;
  if (type === "foreign-key") return `${table2}_${columns.join("_")}_fkey`;
  if (type === "unique") return `${table2}_${columns.join("_")}_key`;
  return void 0;
}
function objectKey(operation) {
  return `${operation.objectType}:${nameKey(operation.name)}`;
}
function renamed(columns, from, to) {
  return columns.map((column) => column === from ? to : column);
}
var SchemaState = class {
  /**
   * `dialect`: the database the history runs on. It names the keys a revision leaves unnamed, and only what runs on
   * it changes this schema. `startsEmpty`: the history's first revision creates tables, so it builds its schema from
   * an empty database.
   */
  constructor(dialect, startsEmpty = false) {
    this.dialect = dialect;
    this.mentions = new TableMentions(startsEmpty);
  }
  dialect;
  /** Columns known to exist, by `table.column` key. */
  columns = /* @__PURE__ */ new Set();
  types = /* @__PURE__ */ new Map();
  notNull = /* @__PURE__ */ new Set();
  notNullChecks = /* @__PURE__ */ new Map();
  /** Functions, views, types and other named objects the history created, by `objectKey`. */
  objects = /* @__PURE__ */ new Set();
  /** Named indexes, by folded name (PostgreSQL index names are unique per schema). */
  indexes = new TableKeyed((index) => index.unique);
  /** Named constraints, by `table:name`. */
  constraints = new TableKeyed(
    (constraint) => constraint.type === "unique" || constraint.type === "primary-key"
  );
  /** Primary key columns by table key. */
  primaryKeys = /* @__PURE__ */ new Map();
  /** Tables the history dropped and has not created again. */
  droppedTables = /* @__PURE__ */ new Set();
  /**
   * The `table.column` keys `columns`, `types` and `notNull` ever held, by table: renaming or dropping a table visits
   * its own columns, not the schema's. Keys may repeat and outlive their facts; readers check the sets.
   */
  columnKeysByTable = /* @__PURE__ */ new Map();
  /** `notNullChecks` keys by table, and by the column they prove, with the order in which each key was first set. */
  checksByTable = /* @__PURE__ */ new Map();
  checksByColumn = /* @__PURE__ */ new Map();
  checkOrder = /* @__PURE__ */ new Map();
  checksSet = 0;
  /** What the history's revisions wrote so far, on every path: whether it ever named a table. */
  mentions;
  /** Tables whose every column the replayed revisions show. */
  complete = new CompleteTables();
  /** The table each foreign-key column references. */
  foreignKeys = new ForeignKeyTargets();
  addConstraint(table2, name, type, columns) {
    this.constraints.set(`${table2}:${nameKey(name)}`, { name, table: table2, type, columns });
  }
  /**
   * The name the database gives a unique key created without one. MySQL names it after its first column, then
   * `<column>_2`, `_3`... while that name is taken on the table; PostgreSQL `<table>_<columns>_key`.
   */
  unnamedUniqueName(table2, columns) {
    if (this.dialect !== "mysql") return defaultConstraintName(table2, "unique", columns);
    const [first] = columns;
    if (first === void 0) return void 0;
    const taken = (name) => this.constraints.get(`${table2}:${name}`) !== void 0 || this.indexes.get(name)?.table === table2;
    if (!taken(first)) return first;
    for (let suffix = 2; suffix <= 64; suffix++) if (!taken(`${first}_${suffix}`)) return `${first}_${suffix}`;
    return void 0;
  }
  /**
   * A unique key that a MySQL `DROP INDEX` can name: there a unique constraint is an index of its table, dropped as
   * one (`op.drop_index("workflow_input_hash", table_name=...)`).
   */
  uniqueKeyDroppedAsIndex(table2, name) {
    if (this.dialect !== "mysql" || table2 === void 0 || this.indexes.get(nameKey(name)) !== void 0)
      return void 0;
    const constraint = this.constraint(table2, name);
    return constraint?.type === "unique" ? constraint : void 0;
  }
  constraint(table2, name) {
    return this.constraints.get(`${tableKey(table2)}:${nameKey(name)}`);
  }
  /** The type of a named constraint: as the history created it, else as its name says by convention. */
  constraintType(table2, name) {
    return this.constraint(table2, name)?.type ?? conventionalConstraintType(name);
  }
  /**
   * The name of the validated CHECK (column IS NOT NULL) that proves a column NOT NULL; of several, the one added last
   * (as a scan of `notNullChecks` in its order ends on), looking only at the column's own checks.
   */
  provenNotNullBy(key) {
    let found;
    for (const checkKey of this.checksByColumn.get(key) ?? []) {
      const check = this.notNullChecks.get(checkKey);
      const order = this.checkOrder.get(checkKey) ?? 0;
      if (check?.validated && check.column === key && (!found || order > found.order))
        found = { name: check.name, order };
    }
    return found?.name;
  }
  /**
   * The history created `table` with a definition migragate read whole and nothing since could have added `column`
   * out of its sight, yet the table has no such column: it never had one.
   */
  neverHadColumn(table2, column) {
    return this.complete.has(table2) && !hasUnresolvedPart(column) && !this.columns.has(columnKey(table2, column));
  }
  /**
   * The other tables PostgreSQL also locks ACCESS EXCLUSIVE when the operation removes foreign keys: the tables they
   * reference, whose triggers go with them (a dropped table's keys, a dropped column's, a dropped key constraint).
   */
  foreignKeyTablesOf(operation) {
    switch (operation.kind) {
      case "drop-table":
        return this.foreignKeys.referencedBy(tableKey(operation.table));
      case "drop-column":
        return this.foreignKeys.referencedBy(tableKey(operation.table), [columnKey(operation.table, operation.column)]);
      case "drop-constraint": {
        const constraint = this.constraint(operation.table, operation.name);
        if (constraint?.type !== "foreign-key") return NONE;
        return this.foreignKeys.referencedBy(
          constraint.table,
          constraint.columns.map((column) => `${constraint.table}.${column}`)
        );
      }
      default:
        return NONE;
    }
  }
  apply(operation) {
    this.trackNotNullCheck(operation);
    this.complete.apply(operation);
    this.trackForeignKeys(operation);
    switch (operation.kind) {
      case "create-table": {
        const table2 = tableKey(operation.table);
        this.droppedTables.delete(table2);
        const keys = [];
        for (const column of operation.columns) {
          this.declare(operation.table, column.name, column.type, column.nullable);
          if (column.primaryKey) keys.push(nameKey(column.name));
        }
        if (keys.length > 0) this.primaryKeys.set(table2, keys);
        for (const constraint of operation.constraints ?? []) {
          const columns = constraint.columns.map(nameKey);
          const name = constraint.name ?? (constraint.constraintType === "unique" ? this.unnamedUniqueName(table2, columns) : void 0);
          if (name === void 0) continue;
          this.constraints.set(`${table2}:${nameKey(name)}`, { name, table: table2, type: constraint.constraintType, columns });
        }
        for (const column of operation.columns) {
          const key = nameKey(column.name);
          if (column.references === void 0) continue;
          const named = (operation.constraints ?? []).some(
            (constraint) => constraint.constraintType === "foreign-key" && constraint.columns.map(nameKey).includes(key)
          );
          const name = defaultConstraintName(table2, "foreign-key", [key]);
          if (!named && name !== void 0) this.addConstraint(table2, name, "foreign-key", [key]);
        }
        return;
      }
      case "add-column":
        this.declare(operation.table, operation.column.name, operation.column.type, operation.column.nullable);
        if (operation.column.primaryKey)
          this.primaryKeys.set(tableKey(operation.table), [nameKey(operation.column.name)]);
        return;
      case "change-column-type": {
        const key = this.columnFact(operation.table, operation.column);
        if (operation.toType !== void 0) this.types.set(key, operation.toType);
        else this.types.delete(key);
        return;
      }
      case "set-not-null":
        this.notNull.add(this.columnFact(operation.table, operation.column));
        return;
      case "drop-not-null":
        this.notNull.delete(columnKey(operation.table, operation.column));
        return;
      case "drop-column":
        this.dropColumn(tableKey(operation.table), nameKey(operation.column));
        return;
      case "drop-table":
        this.dropTable(tableKey(operation.table));
        this.droppedTables.add(tableKey(operation.table));
        return;
      case "rename-column":
        this.renameColumn(tableKey(operation.table), nameKey(operation.column), nameKey(operation.newName));
        return;
      case "rename-table":
        this.renameTable(tableKey(operation.table), tableKey(operation.newName));
        return;
      case "create-index":
        if (operation.name === void 0) return;
        this.indexes.set(nameKey(operation.name), {
          name: operation.name,
          table: tableKey(operation.table),
          columns: operation.columns.map(nameKey),
          unique: operation.unique
        });
        return;
      case "drop-index": {
        const key = this.uniqueKeyDroppedAsIndex(operation.table, operation.name);
        if (key) this.constraints.delete(`${key.table}:${nameKey(operation.name)}`);
        this.indexes.delete(nameKey(operation.name));
        return;
      }
      case "add-constraint": {
        const table2 = tableKey(operation.table);
        const columns = operation.columns.map(nameKey);
        if (operation.constraintType === "primary-key") this.primaryKeys.set(table2, columns);
        const name = operation.name ?? (operation.constraintType === "unique" ? this.unnamedUniqueName(table2, columns) : defaultConstraintName(table2, operation.constraintType, columns));
        if (name !== void 0) this.addConstraint(table2, name, operation.constraintType, columns);
        return;
      }
      case "drop-constraint": {
        const table2 = tableKey(operation.table);
        if (this.constraintType(operation.table, operation.name) === "primary-key") this.primaryKeys.delete(table2);
        this.constraints.delete(`${table2}:${nameKey(operation.name)}`);
        return;
      }
      case "rename-object":
        if (operation.objectType === "index") {
          const index = this.indexes.get(nameKey(operation.name));
          if (!index) return;
          this.indexes.delete(nameKey(operation.name));
          this.indexes.set(nameKey(operation.newName), { ...index, name: operation.newName });
        }
        return;
      case "create-object":
        this.objects.add(objectKey(operation));
        return;
      case "drop-object":
        this.objects.delete(objectKey(operation));
        return;
      default:
        return;
    }
  }
  /** Follows which table each foreign-key column references, before `apply` changes the constraints. */
  trackForeignKeys(operation) {
    const table2 = operation.table === void 0 ? void 0 : tableKey(operation.table);
    if (table2 === void 0) return;
    const keyed = (column, referenced) => {
      if (referenced !== void 0) this.foreignKeys.set(table2, `${table2}.${nameKey(column)}`, tableKey(referenced));
    };
    switch (operation.kind) {
      case "create-table":
        this.foreignKeys.deleteTable(table2);
        for (const column of operation.columns) keyed(column.name, column.references);
        return;
      case "add-column":
        keyed(operation.column.name, operation.column.references);
        return;
      case "add-constraint":
        if (operation.constraintType === "foreign-key")
          for (const column of operation.columns) keyed(column, operation.referencedTable);
        return;
      case "drop-constraint": {
        const constraint = this.constraint(operation.table, operation.name);
        if (constraint?.type === "foreign-key")
          for (const column of constraint.columns) this.foreignKeys.deleteColumn(`${table2}.${column}`);
        return;
      }
      case "drop-column":
        this.foreignKeys.deleteColumn(columnKey(operation.table, operation.column));
        return;
      case "drop-table":
        this.foreignKeys.deleteTable(table2);
        return;
      case "rename-column":
        this.foreignKeys.renameColumn(
          columnKey(operation.table, operation.column),
          columnKey(operation.table, operation.newName)
        );
        return;
      case "rename-table":
        this.foreignKeys.renameTable(table2, tableKey(operation.newName));
        return;
      default:
        return;
    }
  }
  /** The key of a column fact about to be recorded, indexed under its table. */
  columnFact(table2, column) {
    const folded = tableKey(table2);
    const key = `${folded}.${nameKey(column)}`;
    pushTo(this.columnKeysByTable, folded, key);
    return key;
  }
  declare(table2, column, type, nullable) {
    const key = this.columnFact(table2, column);
    this.columns.add(key);
    if (type) this.types.set(key, type);
    else this.types.delete(key);
    if (nullable) this.notNull.delete(key);
    else this.notNull.add(key);
  }
  /** Follows CHECK (col IS NOT NULL) constraints through one operation: added, validated, dropped. */
  trackNotNullCheck(operation) {
    const checks = this.notNullChecks;
    if (operation.kind === "add-constraint" && operation.name !== void 0) {
      const column = notNullCheckColumn(operation);
      const key = `${tableKey(operation.table)}:${nameKey(operation.name)}`;
      if (column !== void 0)
        this.setNotNullCheck(tableKey(operation.table), key, {
          name: operation.name,
          column: columnKey(operation.table, column),
          validated: !operation.notValid
        });
    } else if (operation.kind === "validate-constraint") {
      const key = `${tableKey(operation.table)}:${nameKey(operation.name)}`;
      const check = checks.get(key);
      if (check) checks.set(key, { ...check, validated: true });
    } else if (operation.kind === "drop-constraint") {
      this.deleteNotNullCheck(tableKey(operation.table), `${tableKey(operation.table)}:${nameKey(operation.name)}`);
    }
  }
  setNotNullCheck(table2, key, check) {
    const previous = this.notNullChecks.get(key);
    if (previous) removeFrom(this.checksByColumn, previous.column, key);
    else this.checkOrder.set(key, this.checksSet++);
    this.notNullChecks.set(key, check);
    addTo(this.checksByTable, table2, key);
    addTo(this.checksByColumn, check.column, key);
  }
  deleteNotNullCheck(table2, key) {
    const previous = this.notNullChecks.get(key);
    if (!previous) return;
    this.notNullChecks.delete(key);
    this.checkOrder.delete(key);
    removeFrom(this.checksByColumn, previous.column, key);
    removeFrom(this.checksByTable, table2, key);
  }
  dropColumn(table2, column) {
    const key = `${table2}.${column}`;
    this.columns.delete(key);
    this.types.delete(key);
    this.notNull.delete(key);
    for (const [name] of this.indexes.onColumn(table2, column)) this.indexes.delete(name);
    for (const [name] of this.constraints.onColumn(table2, column)) this.constraints.delete(name);
    if (this.primaryKeys.get(table2)?.includes(column)) this.primaryKeys.delete(table2);
  }
  dropTable(table2) {
    for (const key of this.columnKeysByTable.get(table2) ?? []) {
      this.columns.delete(key);
      this.types.delete(key);
      this.notNull.delete(key);
    }
    this.columnKeysByTable.delete(table2);
    for (const key of [...this.checksByTable.get(table2) ?? []]) this.deleteNotNullCheck(table2, key);
    for (const [name] of this.indexes.onTable(table2)) this.indexes.delete(name);
    for (const [name] of this.constraints.onTable(table2)) this.constraints.delete(name);
    this.primaryKeys.delete(table2);
  }
  renameColumn(table2, from, to) {
    const before = `${table2}.${from}`;
    const after = `${table2}.${to}`;
    pushTo(this.columnKeysByTable, table2, after);
    this.moveColumnFacts(before, after);
    for (const [name, index] of this.indexes.onColumn(table2, from)) {
      this.indexes.set(name, { ...index, columns: renamed(index.columns, from, to) });
    }
    for (const [name, constraint] of this.constraints.onColumn(table2, from)) {
      this.constraints.set(name, { ...constraint, columns: renamed(constraint.columns, from, to) });
    }
    const keys = this.primaryKeys.get(table2);
    if (keys) this.primaryKeys.set(table2, renamed(keys, from, to));
  }
  renameTable(from, to) {
    const moved = this.columnKeysByTable.get(from);
    this.columnKeysByTable.delete(from);
    for (const key of moved ?? []) {
      const after = `${to}.${key.slice(from.length + 1)}`;
      pushTo(this.columnKeysByTable, to, after);
      this.moveColumnFacts(key, after);
    }
    for (const [name, index] of this.indexes.onTable(from)) this.indexes.set(name, { ...index, table: to });
    for (const [key, constraint] of this.constraints.onTable(from)) {
      this.constraints.delete(key);
      this.constraints.set(`${to}:${nameKey(constraint.name)}`, { ...constraint, table: to });
    }
    const keys = this.primaryKeys.get(from);
    if (keys) {
      this.primaryKeys.delete(from);
      this.primaryKeys.set(to, keys);
    }
  }
  /** A column's existence, type and NOT NULL, from one key to another. */
  moveColumnFacts(before, after) {
    if (this.columns.delete(before)) this.columns.add(after);
    const type = this.types.get(before);
    if (type !== void 0) {
      this.types.delete(before);
      this.types.set(after, type);
    }
    if (this.notNull.delete(before)) this.notNull.add(after);
  }
};

// src/services/revision-facts.ts
function indexDefinition(index) {
  return { kind: "index", table: index.table, columns: index.columns, unique: index.unique };
}
function constraintDefinition(constraint) {
  return { kind: "constraint", table: constraint.table, columns: constraint.columns, type: constraint.type };
}
function uniqueness(definition, known) {
  if (known.has(definition)) return known.get(definition);
  const unique = definition.kind === "index" ? definition.unique : definition.type === "unique" || definition.type === "primary-key";
  const columns = unique ? new Set(definition.columns) : void 0;
  known.set(definition, columns);
  return columns;
}
function sameColumns(a, b) {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}
function isSuperset(wider, narrower) {
  return wider.size > narrower.size && [...narrower].every((column) => wider.has(column));
}
function pairingOf(dropped, created, notNull, known) {
  if (dropped.table !== created.table) return void 0;
  const droppedUnique = uniqueness(dropped, known);
  const createdUnique = uniqueness(created, known);
  const sameKind = dropped.kind === created.kind ? dropped.kind === "index" || created.kind === "constraint" && dropped.type === created.type : droppedUnique !== void 0 && createdUnique !== void 0;
  if (sameKind && sameColumns(dropped.columns, created.columns) && droppedUnique === void 0 === (createdUnique === void 0))
    return "rename";
  const primary = (definition) => definition.kind === "constraint" && definition.type === "primary-key";
  const keyReady = !primary(created) || created.columns.every((column) => notNull.has(`${created.table}.${column}`));
  if (droppedUnique && createdUnique && keyReady && isSuperset(createdUnique, droppedUnique)) return "loosening";
  return void 0;
}
var COLUMN_KINDS = /* @__PURE__ */ new Set([
  "set-not-null",
  "drop-not-null",
  "change-column-type",
  "set-column-default",
  "rename-column",
  "drop-column"
]);
function operationColumn(operation) {
  if (operation.kind === "add-column") return operation.column.name;
  return COLUMN_KINDS.has(operation.kind) && "column" in operation && typeof operation.column === "string" ? operation.column : void 0;
}
var MAX_LEDGER_ENTRIES = 1e3;
function remember(entries, entry) {
  entries.push(entry);
  if (entries.length > MAX_LEDGER_ENTRIES) entries.shift();
}
var ColumnKeys = class {
  keys = /* @__PURE__ */ new Set();
  byTable = /* @__PURE__ */ new Map();
  has(key) {
    return this.keys.has(key);
  }
  add(table2, key) {
    this.keys.add(key);
    const keys = this.byTable.get(table2);
    if (keys) keys.add(key);
    else this.byTable.set(table2, /* @__PURE__ */ new Set([key]));
  }
  delete(table2, key) {
    this.byTable.get(table2)?.delete(key);
    return this.keys.delete(key);
  }
  deleteTable(table2) {
    for (const key of this.byTable.get(table2) ?? []) this.keys.delete(key);
    this.byTable.delete(table2);
  }
  renameTable(from, to) {
    const moved = this.byTable.get(from);
    this.byTable.delete(from);
    for (const key of moved ?? []) {
      if (this.keys.delete(key)) this.add(to, `${to}.${key.slice(from.length + 1)}`);
    }
  }
};
function revisionFacts(operations, state, runsHere = () => true, dialectAt = () => state.dialect) {
  const newTables = new TableNames();
  const temporaryTables = /* @__PURE__ */ new Set();
  const touched = /* @__PURE__ */ new Set();
  const created = new TableNames();
  const addedUnder = new PathsByName();
  const createdUnder = new PathsByName();
  const addedColumns = new ColumnKeys();
  const facts2 = [];
  const ledger = {
    pending: [],
    droppedSoFar: [],
    droppedOnTable: [],
    unpairedCreates: [],
    uniqueness: /* @__PURE__ */ new WeakMap()
  };
  const defaulted = /* @__PURE__ */ new Set();
  const filledByDefault = new ColumnKeys();
  const renamedColumns = /* @__PURE__ */ new Set();
  const droppedTables = /* @__PURE__ */ new Map();
  const renamedTables = /* @__PURE__ */ new Map();
  const renamedAway = /* @__PURE__ */ new Map();
  const rebuiltTables = new PathsByName();
  const objectsRenamedAway = /* @__PURE__ */ new Map();
  const renamedObjectNames = /* @__PURE__ */ new Set();
  const createdObjects = /* @__PURE__ */ new Set();
  const pathOf = revisionPaths();
  const copies = /* @__PURE__ */ new Map();
  const droppedColumns = /* @__PURE__ */ new Map();
  const fillingTriggers = columnsFilledByTriggers(operations);
  let defaults;
  const writes = dataWrites(operations);
  const elsewhereTypes = /* @__PURE__ */ new Map();
  let lastCreates;
  const lastCreateOf = (table2) => {
    lastCreates ??= lastCreatesOf(operations);
    return lastCreates.get(table2) ?? -1;
  };
  const objects = { renamedAway: objectsRenamedAway, renamedNames: renamedObjectNames, created: createdObjects };
  const madeHere = { tables: createdUnder, columns: addedUnder };
  const typeOf = (column, here) => (here ? void 0 : elsewhereTypes.get(column)) ?? state.types.get(column);
  operations.forEach((operation, at) => {
    const table2 = operation.table === void 0 ? void 0 : tableKey(operation.table);
    const path = pathOf(operation.context.conditions);
    const gone = operation.kind === "drop-table" && table2 !== void 0 && (state.droppedTables.has(table2) || operation.ifExists && lastCreateOf(table2) > at && state.mentions.neverNamed(table2));
    if (operation.kind === "create-table" && table2 !== void 0 && !touched.has(table2)) newTables.add(table2);
    if (table2 !== void 0 && !gone) touched.add(table2);
    if (operation.kind === "create-table" && table2 !== void 0) {
      if (operation.temporary) temporaryTables.add(table2);
      else temporaryTables.delete(table2);
    }
    const column = operationColumn(operation);
    const key = table2 !== void 0 && column !== void 0 ? columnKey(table2, column) : void 0;
    const constraintColumns = operation.kind === "add-constraint" || operation.kind === "create-index" ? operation.columns : [];
    const fact = {
      // Created on a path this one excludes (SQLite's rebuild under `if sqlite: ... return`), it is not new here.
      onNewTable: table2 !== void 0 && amongCreated(created, table2) && createdUnder.reaches(table2, path),
      // Likewise a column added on a path this one excludes (tacker re-adds a column for PostgreSQL, and changes it
      // in place in the `else` for MySQL).
      onNewColumn: key !== void 0 && addedColumns.has(key) && addedUnder.reaches(key, path),
      onlyNewColumns: table2 !== void 0 && constraintColumns.length > 0 && constraintColumns.every((name) => {
        const column2 = columnKey(table2, name);
        return addedColumns.has(column2) && addedUnder.reaches(column2, path);
      }),
      columnKnown: key !== void 0 && state.columns.has(key),
      notNullBefore: key !== void 0 && state.notNull.has(key)
    };
    if (table2 !== void 0 && operation.kind !== "create-table" && temporaryTables.has(table2))
      fact.onTemporaryTable = true;
    const renamedInto = table2 === void 0 ? void 0 : renamedTables.get(table2);
    if (renamedInto && facts2[renamedInto.at]?.pairing === void 0 && withinConditions(renamedInto.conditions, operation.context.conditions))
      fact.tableRenamedFrom = renamedInto.written;
    const here = runsHere(operation, at);
    if (operation.kind === "drop-column" && here && state.neverHadColumn(operation.table, operation.column))
      fact.alreadyGone = true;
    const foreignKeyTables = here ? state.foreignKeyTablesOf(operation) : [];
    if (foreignKeyTables.length > 0) fact.foreignKeyTables = foreignKeyTables;
    const typeBefore = key === void 0 ? void 0 : typeOf(key, here);
    if (typeBefore !== void 0) fact.typeBefore = typeBefore;
    const provenBy = operation.kind === "set-not-null" && key !== void 0 ? state.provenNotNullBy(key) : void 0;
    if (provenBy !== void 0) fact.provenBy = provenBy;
    if (operation.kind === "create-table" && table2 !== void 0 && droppedTables.has(table2)) {
      rebuiltTables.add(table2, path);
      const dropFact = facts2[droppedTables.get(table2) ?? -1];
      if (dropFact && dropFact.pairing === void 0 && writes.after(table2, at)) dropFact.pairing = "replaced";
    }
    const away = operation.kind === "create-table" && table2 !== void 0 ? renamedAway.get(table2) : void 0;
    if (away && table2 !== void 0 && operation.kind === "create-table" && (away.written === unquoted(operation.table) || dialectAt(at) === "sqlite") && sameConditions(away.conditions, operation.context.conditions)) {
      const renameFact = facts2[away.at];
      if (renameFact && renameFact.pairing === void 0 && writes.after(table2, at)) {
        renameFact.pairing = "replaced";
        created.add(away.to);
        createdUnder.add(away.to, path);
      }
    }
    if (table2 !== void 0 && (operation.kind === "create-table" && operation.fromQuery || operation.kind === "data-change" && (operation.statement === "insert-select" || operation.statement === "insert" && operation.context.rowsOf !== void 0) && amongCreated(created, table2)))
      copies.set(table2, {
        conditions: operation.context.conditions,
        text: operation.sql ?? operation.text,
        ...operation.context.rowsOf !== void 0 ? { rowsOf: tableKey(operation.context.rowsOf) } : {}
      });
    if (operation.kind === "rename-table") {
      const to = tableKey(operation.newName);
      const copy = table2 === void 0 ? void 0 : copies.get(table2);
      const dropped = droppedTables.get(to);
      const dropFact = dropped === void 0 ? void 0 : facts2[dropped];
      if (copy && copiesFrom(copy, to) && dropFact && dropFact.pairing === void 0 && sameConditions(copy.conditions, operation.context.conditions)) {
        dropFact.pairing = "replaced";
        fact.pairing = "replaced";
        rebuiltTables.add(to, path);
      }
    }
    if (operation.kind === "drop-table" && table2 !== void 0 && !gone && renamedTables.has(table2) && copiedOut(copies, table2, operation.context.conditions))
      fact.pairing = "replaced";
    if (table2 !== void 0 && rebuiltTables.has(table2) && rebuiltTables.reaches(table2, path))
      fact.onRebuiltTable = true;
    if (gone) fact.alreadyGone = true;
    if ((operation.kind === "add-constraint" || operation.kind === "create-index" && operation.unique) && table2) {
      const held = heldUnique(operation, table2, state);
      fact.cannotReject = held !== false;
      if (held === "same" && (operation.kind === "create-index" || operation.usingIndex !== void 0))
        fact.duplicatesKey = true;
    }
    if (operation.kind === "set-not-null" && key !== void 0) {
      defaults ??= defaultsAtEnd(operations);
      fact.defaultFilled = fillingTriggers.has(key) || !defaults.removed.has(key) && (defaulted.has(key) || sameDirectiveDefault(operations, at, key) || defaults.kept.has(key));
    }
    if (operation.kind === "create-object") fact.objectExisted = state.objects.has(objectKey(operation));
    pairObjectRebuild(operation, at, fact, facts2, objects);
    if (operation.kind === "add-column" && key !== void 0 && operation.column.serverDefault !== void 0) {
      defaults ??= defaultsAtEnd(operations);
      if (defaults.removed.has(key)) fact.defaultRemovedLater = true;
      defaulted.add(key);
      if (table2 !== void 0) filledByDefault.add(table2, key);
    }
    if (operation.kind === "data-change" && table2 !== void 0) {
      const tested = operation.whereIsNull ?? [];
      if (tested.length > 0 && tested.every((name) => filledByDefault.has(columnKey(table2, name))))
        fact.matchesNoRow = true;
      else filledByDefault.deleteTable(table2);
    }
    if (operation.kind === "drop-column" && table2 !== void 0 && key !== void 0)
      filledByDefault.delete(table2, key);
    if (operation.kind === "set-column-default" && key !== void 0) {
      if (operation.default === void 0) defaulted.delete(key);
      else defaulted.add(key);
    }
    facts2.push(fact);
    const replacing = operation.kind === "add-column" && table2 !== void 0 && writes.anywhereIn(table2) ? { key, type: operation.column.type } : operation.kind === "rename-column" ? {
      key: columnKey(operation.table, operation.newName),
      type: typeOf(columnKey(operation.table, operation.column), here)
    } : void 0;
    const replaced = replacing?.key === void 0 ? void 0 : droppedColumns.get(replacing.key);
    const replacedFact = replaced === void 0 ? void 0 : facts2[replaced.at];
    if (replacedFact && replaced) {
      const from = replaced.type;
      const to = replacing?.type;
      if (from === void 0 || to === void 0 || from === to || // SQLite stores any value in any column: a type it is given changes nothing it enforces.
      state.dialect === "sqlite" || // Every value has a text form: a column put back as text holds what the old one held (ckan's Integer to
      // UnicodeText with its values copied).
      to === "text" || // Nor does an enum's value not fit a varchar (onyx drops its enum types for varchar columns).
      isEnumType(from) && to.startsWith("varchar") || compareColumnTypes(from, to, state.dialect).compatible)
        replacedFact.pairing = "replaced";
      else replacedFact.retyped = { from, to };
    }
    if (operation.kind === "drop-column" && key !== void 0) droppedColumns.set(key, { at, type: typeOf(key, here) });
    if (operation.kind === "drop-table" && table2 !== void 0 && !gone) droppedTables.set(table2, at);
    pairDrops(operation, at, state, fact, facts2, ledger, renamedColumns);
    if (operation.kind === "create-table" && table2 !== void 0) {
      created.add(table2);
      createdUnder.add(table2, path);
    }
    if (operation.kind === "drop-table" && table2 !== void 0) {
      created.delete(table2);
      createdUnder.delete(table2);
    }
    if (operation.kind === "add-column" && table2 !== void 0 && key !== void 0) {
      addedColumns.add(table2, key);
      addedUnder.add(key, path);
    }
    if (operation.kind === "drop-column" && table2 !== void 0 && key !== void 0) {
      addedColumns.delete(table2, key);
      addedUnder.delete(key);
    }
    if (operation.kind === "rename-table") {
      pairRenameBack(operation, at, fact, facts2, renamedTables);
      if (fact.pairing === void 0) {
        renamedAway.set(tableKey(operation.table), {
          at,
          to: tableKey(operation.newName),
          conditions: operation.context.conditions,
          written: unquoted(operation.table)
        });
      }
    }
    followRenames(operation, ledger, created, addedColumns, madeHere, path);
    if (operation.kind === "rename-column") renamedColumns.add(columnKey(operation.table, operation.newName));
    if (here) state.apply(operation);
    else if (key !== void 0) trackElsewhereType(operation, key, elsewhereTypes, (column2) => typeOf(column2, false));
    state.mentions.record(operation);
  });
  return { newTables, operations: facts2 };
}
function trackElsewhereType(operation, key, types, typeOf) {
  if (operation.kind === "add-column" && operation.column.type !== void 0) types.set(key, operation.column.type);
  else if (operation.kind === "change-column-type" && operation.toType !== void 0) types.set(key, operation.toType);
  else if (operation.kind === "drop-column") types.delete(key);
  else if (operation.kind === "rename-column") {
    const type = typeOf(key);
    types.delete(key);
    if (type !== void 0) types.set(columnKey(operation.table, operation.newName), type);
  }
}
function unquoted(name) {
  return name.replace(/"/g, "");
}
function pairObjectRebuild(operation, at, fact, facts2, objects) {
  if (operation.kind === "rename-object" && operation.objectType !== "index" && operation.objectType !== "constraint") {
    const key = objectKey(operation);
    const renamed2 = objectKey({ objectType: operation.objectType, name: operation.newName });
    if (objects.created.delete(key)) {
      fact.onNewObject = true;
      objects.created.add(renamed2);
    } else {
      objects.renamedAway.set(key, { at, conditions: operation.context.conditions });
      objects.renamedNames.add(renamed2);
    }
  } else if (operation.kind === "create-object") {
    const key = objectKey(operation);
    if (!fact.objectExisted) objects.created.add(key);
    const away = objects.renamedAway.get(key);
    const renameFact = away === void 0 ? void 0 : facts2[away.at];
    if (away && renameFact && renameFact.pairing === void 0 && sameConditions(away.conditions, operation.context.conditions)) {
      renameFact.pairing = "replaced";
      objects.renamedAway.delete(key);
    }
  } else if (operation.kind === "drop-object") {
    const key = objectKey(operation);
    if (objects.created.delete(key)) fact.onNewObject = true;
    else if (objects.renamedNames.has(key) && fact.pairing === void 0) fact.pairing = "replaced";
  }
}
function lastCreatesOf(operations) {
  const last = /* @__PURE__ */ new Map();
  operations.forEach((operation, at) => {
    if (operation.kind === "create-table") last.set(tableKey(operation.table), at);
  });
  return last;
}
function copiedOut(copies, table2, conditions) {
  for (const copy of copies.values())
    if (copiesFrom(copy, table2) && sameConditions(copy.conditions, conditions)) return true;
  return false;
}
function copiesFrom(copy, table2) {
  return copy.rowsOf === table2 || namesWord(copy.text, withoutSchema(table2));
}
function sameConditions(first, second) {
  return first.length === second.length && withinConditions(first, second);
}
function pairRenameBack(operation, at, fact, facts2, renamedTables) {
  const from = tableKey(operation.table);
  const to = tableKey(operation.newName);
  const { conditions } = operation.context;
  const earlier = renamedTables.get(from);
  renamedTables.delete(from);
  const earlierFact = earlier === void 0 ? void 0 : facts2[earlier.at];
  const samePath = earlier !== void 0 && sameConditions(earlier.conditions, conditions);
  if (earlier && earlierFact && earlier.from === to && samePath) {
    earlierFact.pairing = "rename";
    fact.pairing = "rename";
    return;
  }
  renamedTables.set(to, { at, from, conditions, written: unquoted(operation.table) });
}
var MAX_WRITES_SCANNED = 1e3;
function dataWrites(operations) {
  const positions = /* @__PURE__ */ new Map();
  let unknownTarget = false;
  operations.forEach((operation, at) => {
    if (operation.kind === "opaque") unknownTarget = true;
    if (operation.kind !== "data-change") return;
    if (operation.table === void 0) unknownTarget = true;
    else pushTo(positions, tableKey(operation.table), at);
  });
  return {
    anywhereIn: (table2) => unknownTarget || positions.has(table2),
    after: (table2, at) => {
      const conditions = operations[at]?.context.conditions ?? [];
      const list = positions.get(table2) ?? [];
      let low = 0;
      for (let high = list.length; low < high; ) {
        const middle = low + high >> 1;
        if ((list[middle] ?? 0) > at) high = middle;
        else low = middle + 1;
      }
      return list.slice(low, low + MAX_WRITES_SCANNED).some((index) => withinConditions(conditions, operations[index]?.context.conditions ?? []));
    }
  };
}
function defaultsAtEnd(operations) {
  const state = /* @__PURE__ */ new Map();
  for (const operation of operations) {
    if (operation.kind === "add-column" && operation.column.serverDefault !== void 0)
      state.set(columnKey(operation.table, operation.column.name), "kept");
    else if (operation.kind === "set-column-default")
      state.set(columnKey(operation.table, operation.column), operation.default === void 0 ? "removed" : "kept");
    else if (operation.kind === "drop-column") state.delete(columnKey(operation.table, operation.column));
  }
  const kept = /* @__PURE__ */ new Set();
  const removed = /* @__PURE__ */ new Set();
  for (const [key, value] of state) (value === "kept" ? kept : removed).add(key);
  return { kept, removed };
}
function columnsFilledByTriggers(operations) {
  const fills = /* @__PURE__ */ new Map();
  for (const operation of operations) {
    if (operation.kind === "create-object" && operation.objectType === "function" && operation.fillsColumns)
      fills.set(nameKey(operation.name), operation.fillsColumns);
  }
  const filled = /* @__PURE__ */ new Set();
  if (fills.size === 0) return filled;
  for (const operation of operations) {
    const trigger = operation.kind === "create-object" ? operation.trigger : void 0;
    if (!trigger?.beforeInsertRow) continue;
    for (const column of fills.get(nameKey(trigger.function)) ?? []) filled.add(columnKey(trigger.table, column));
  }
  return filled;
}
function sameDirectiveDefault(operations, at, key) {
  const directive = operations[at]?.span;
  for (let index = at + 1; index < operations.length; index++) {
    const next = operations[index];
    if (next.span.line !== directive?.line || next.span.column !== directive.column) return false;
    if (next.kind === "set-column-default" && next.default !== void 0 && columnKey(next.table, next.column) === key)
      return true;
  }
  return false;
}
function pairDrops(operation, at, state, fact, facts2, ledger, renamedColumns) {
  const { pending, droppedSoFar } = ledger;
  switch (operation.kind) {
    case "drop-index": {
      const index = state.indexes.get(nameKey(operation.name));
      if (index && (operation.table === void 0 || operation.table === "?")) fact.indexTable = index.table;
      if (index && coveredByAnother(index, state)) fact.pairing = "redundant";
      const uniqueKey = index ? void 0 : state.uniqueKeyDroppedAsIndex(operation.table, operation.name);
      const definition = index ? indexDefinition(index) : uniqueKey ? constraintDefinition(uniqueKey) : void 0;
      const written = operation.table === void 0 || operation.table === "?" ? index?.table : tableKey(operation.table);
      if (definition && pairWithEarlierCreate(nameKey(operation.name), definition, fact, facts2, ledger, state)) return;
      remember(pending, {
        at,
        name: nameKey(operation.name),
        ...definition ? { definition } : { unknownIndex: true },
        ...written !== void 0 ? { table: written } : {}
      });
      if (definition) remember(droppedSoFar, { at, definition });
      else if (written !== void 0) remember(ledger.droppedOnTable, { at, table: written });
      return;
    }
    case "drop-constraint": {
      const known = state.constraint(operation.table, operation.name);
      const type = operation.constraintType !== "unknown" ? operation.constraintType : state.constraintType(operation.table, operation.name);
      if (operation.constraintType === "unknown" && type !== void 0) fact.constraintType = type;
      const table2 = tableKey(operation.table);
      const columns = known?.columns ?? (type === "primary-key" ? state.primaryKeys.get(table2) : void 0);
      const definition = columns !== void 0 && type !== void 0 ? { kind: "constraint", table: table2, columns, type } : known ? constraintDefinition(known) : void 0;
      if (definition && pairWithEarlierCreate(nameKey(operation.name), definition, fact, facts2, ledger, state)) return;
      remember(pending, { at, name: nameKey(operation.name), table: table2, ...definition ? { definition } : {} });
      if (definition) remember(droppedSoFar, { at, definition });
      return;
    }
    case "create-index":
    case "add-constraint": {
      const table2 = tableKey(operation.table);
      const columns = operation.columns.map(nameKey);
      const definition = operation.kind === "create-index" ? { kind: "index", table: table2, columns, unique: operation.unique } : { kind: "constraint", table: table2, columns, type: operation.constraintType };
      const name = operation.name === void 0 ? void 0 : nameKey(operation.name);
      let paired = false;
      for (let index = pending.length - 1; index >= 0; index--) {
        const drop2 = pending[index];
        const pairing = drop2.definition ? pairingOf(drop2.definition, definition, state.notNull, ledger.uniqueness) : void 0;
        const sameName = drop2.name === name && (drop2.table === void 0 || drop2.table === table2);
        const restored = sameName && name !== void 0 && hasUnresolvedPart(name) ? "rename" : void 0;
        const byName = pairing ?? restored ?? (sameName ? "replaced" : void 0);
        if (byName === void 0 || paired && byName !== "loosening") continue;
        pending.splice(index, 1);
        const dropFact2 = facts2[drop2.at];
        if (dropFact2) dropFact2.pairing = byName;
        if (!paired && byName !== "replaced") fact.pairing = byName;
        paired = true;
      }
      if (paired) return;
      const onRenamedColumns = columns.length > 0 && columns.every((column) => renamedColumns.has(`${table2}.${column}`));
      if (operation.kind !== "create-index" || !onRenamedColumns) {
        remember(ledger.unpairedCreates, { at, definition, ...name !== void 0 ? { name } : {} });
        return;
      }
      const drop = pending.findLastIndex((candidate) => candidate.unknownIndex && candidate.table === table2);
      const dropFact = drop < 0 ? void 0 : facts2[pending[drop].at];
      if (!dropFact) return;
      pending.splice(drop, 1);
      dropFact.pairing = "rename";
      fact.pairing = "rename";
      return;
    }
    case "drop-object":
      remember(pending, { at, name: objectKey(operation) });
      return;
    case "create-object": {
      const key = objectKey(operation);
      const drop = pending.findLastIndex((candidate) => candidate.definition === void 0 && candidate.name === key);
      const dropFact = drop < 0 ? void 0 : facts2[pending[drop].at];
      if (dropFact) dropFact.pairing = "replaced";
      if (drop >= 0) pending.splice(drop, 1);
      return;
    }
    case "drop-table":
    case "drop-column": {
      const table2 = tableKey(operation.table);
      const column = operation.kind === "drop-column" ? nameKey(operation.column) : void 0;
      const subsume = (at2) => {
        const dropFact = facts2[at2];
        if (dropFact && (dropFact.pairing === void 0 || dropFact.pairing === "redundant")) dropFact.subsumed = true;
      };
      for (const drop of droppedSoFar) {
        if (drop.definition.table !== table2) continue;
        if (column !== void 0 && !drop.definition.columns.includes(column)) continue;
        subsume(drop.at);
      }
      if (column === void 0) {
        for (const drop of ledger.droppedOnTable) if (drop.table === table2) subsume(drop.at);
      }
      return;
    }
    default:
      return;
  }
}
function pairWithEarlierCreate(droppedName, dropped, fact, facts2, ledger, state) {
  const creates = ledger.unpairedCreates;
  for (let index = creates.length - 1; index >= 0; index--) {
    const create = creates[index];
    if (create.name === droppedName) continue;
    const pairing = pairingOf(dropped, create.definition, state.notNull, ledger.uniqueness);
    const createFact = facts2[create.at];
    if (pairing === void 0 || !createFact) continue;
    creates.splice(index, 1);
    fact.pairing = pairing;
    createFact.pairing = pairing;
    return true;
  }
  return false;
}
function coveredByAnother(index, state) {
  if (index.unique || index.columns.length === 0) return false;
  const leads = (columns) => columns.length >= index.columns.length && index.columns.every((column, position) => columns[position] === column);
  const first = index.columns[0];
  for (const [, other] of state.indexes.onColumn(index.table, first)) {
    if (other !== index && leads(other.columns)) return true;
  }
  for (const [, constraint] of state.constraints.onColumn(index.table, first)) {
    const keyed = constraint.type === "unique" || constraint.type === "primary-key";
    if (keyed && leads(constraint.columns)) return true;
  }
  const primary = state.primaryKeys.get(index.table);
  return primary !== void 0 && leads(primary);
}
function heldUnique(operation, table2, state) {
  const primary = operation.kind === "add-constraint" && operation.constraintType === "primary-key";
  const unique = operation.kind === "create-index" || operation.constraintType === "unique" || primary;
  const adopted = operation.kind === "add-constraint" && operation.usingIndex !== void 0 ? state.indexes.get(nameKey(operation.usingIndex)) : void 0;
  const keyColumns = operation.columns.length > 0 ? operation.columns : adopted?.unique && adopted.table === table2 ? adopted.columns : [];
  if (!unique || keyColumns.length === 0) return false;
  const columns = new Set(keyColumns.map(nameKey));
  if (primary && ![...columns].every((column) => state.notNull.has(`${table2}.${column}`))) return false;
  let held = false;
  const primaryKey = state.primaryKeys.get(table2);
  if (primaryKey && covers(primaryKey, columns)) held = new Set(primaryKey).size === columns.size ? "same" : "wider";
  for (const subset of coveredKeys(table2, columns, state)) {
    if (held !== "same") held = subset.size === columns.size ? "same" : "wider";
  }
  return held;
}
function covers(key, columns) {
  return key.length > 0 && key.every((column) => columns.has(column));
}
var MAX_SUBSET_COLUMNS = 6;
function* coveredKeys(table2, columns, state) {
  const isKey = (constraint) => constraint.type === "unique" || constraint.type === "primary-key";
  const listed = [...columns];
  if (listed.length > MAX_SUBSET_COLUMNS) {
    for (const column of listed) {
      for (const [, constraint] of state.constraints.onColumn(table2, column))
        if (isKey(constraint) && covers(constraint.columns, columns)) yield new Set(constraint.columns);
      for (const [, index] of state.indexes.onColumn(table2, column))
        if (index.unique && covers(index.columns, columns)) yield new Set(index.columns);
    }
    return;
  }
  for (let mask = 1; mask < 1 << listed.length; mask++) {
    const subset = new Set(listed.filter((_, position) => mask & 1 << position));
    const keyed = state.constraints.withColumnSet(table2, subset).some(([, constraint]) => isKey(constraint)) || state.indexes.withColumnSet(table2, subset).some(([, index]) => index.unique);
    if (keyed) yield subset;
  }
}
function followRenames(operation, ledger, created, addedColumns, paths, at) {
  const retarget = (update) => {
    for (const drop of ledger.pending) if (drop.definition) drop.definition = update(drop.definition);
    for (const entry of ledger.droppedSoFar) entry.definition = update(entry.definition);
    for (const entry of ledger.unpairedCreates) entry.definition = update(entry.definition);
  };
  if (operation.kind === "rename-table") {
    const from = tableKey(operation.table);
    const to = tableKey(operation.newName);
    retarget((definition) => definition.table === from ? { ...definition, table: to } : definition);
    for (const drop of ledger.droppedOnTable) if (drop.table === from) drop.table = to;
    if (created.delete(from)) {
      created.add(to);
      paths.tables.delete(from);
      paths.tables.add(to, at);
    }
    addedColumns.renameTable(from, to);
  } else if (operation.kind === "rename-column") {
    const table2 = tableKey(operation.table);
    const from = nameKey(operation.column);
    const to = nameKey(operation.newName);
    retarget(
      (definition) => definition.table === table2 && definition.columns.includes(from) ? { ...definition, columns: definition.columns.map((column) => column === from ? to : column) } : definition
    );
    if (addedColumns.delete(table2, `${table2}.${from}`)) {
      addedColumns.add(table2, `${table2}.${to}`);
      paths.columns.delete(`${table2}.${from}`);
      paths.columns.add(`${table2}.${to}`, at);
    }
  }
}

// src/services/classification.ts
var PHASE_ORDER = ["expand", "backfill", "contract"];
var STRENGTH = /* @__PURE__ */ new Map([
  ["neutral", 0],
  ["expand", 1],
  ["backfill", 2],
  ["contract", 3]
]);
var RELIED_ON = /* @__PURE__ */ new Set(["unique", "primary-key", "foreign-key", "unknown"]);
function classify(operation, facts2, newTables, dialect) {
  const { onNewTable } = facts2;
  if (facts2.pairing === "rename" || facts2.pairing === "redundant" || facts2.subsumed) return "neutral";
  if (facts2.alreadyGone) return "neutral";
  if (facts2.onTemporaryTable) return "neutral";
  if (isBookkeepingTable(operation.table)) return "neutral";
  if (facts2.pairing === "loosening") return "expand";
  switch (operation.kind) {
    case "create-table":
      return operation.temporary ? "neutral" : "expand";
    case "create-object":
      return operation.orReplace && facts2.objectExisted ? "neutral" : "expand";
    case "add-column":
    case "alter-enum-add-value":
      return "expand";
    case "drop-not-null":
      return facts2.columnKnown && !facts2.notNullBefore ? "neutral" : "expand";
    case "drop-constraint": {
      if (facts2.pairing === "replaced" || onNewTable) return "neutral";
      const type = facts2.constraintType ?? operation.constraintType;
      return RELIED_ON.has(type) ? "contract" : "expand";
    }
    case "create-index":
      if (facts2.duplicatesKey) return "neutral";
      return !operation.unique || onNewTable || facts2.onlyNewColumns || facts2.cannotReject ? "expand" : "contract";
    case "set-column-default":
      return operation.default === void 0 ? "neutral" : "expand";
    case "drop-index":
    case "drop-object":
      if (facts2.pairing === "replaced" || facts2.onNewObject) return "neutral";
      return onNewTable ? "neutral" : "contract";
    case "drop-column":
      return onNewTable || facts2.onNewColumn || facts2.pairing === "replaced" ? "neutral" : "contract";
    case "drop-table":
      return onNewTable || facts2.pairing === "replaced" ? "neutral" : "contract";
    case "rename-table":
      return onNewTable || facts2.pairing === "replaced" ? "neutral" : "contract";
    case "rename-column":
      return onNewTable || facts2.onNewColumn ? "expand" : "contract";
    case "rename-object":
      if (facts2.pairing === "replaced" || facts2.onNewObject) return "neutral";
      return operation.objectType === "index" || operation.objectType === "constraint" ? "neutral" : "contract";
    case "set-not-null":
      if (facts2.notNullBefore) return "neutral";
      return onNewTable || facts2.onNewColumn && facts2.defaultFilled ? "expand" : "contract";
    case "add-constraint":
      if (facts2.duplicatesKey) return "neutral";
      return onNewTable || facts2.cannotReject || facts2.onlyNewColumns && operation.constraintType !== "primary-key" ? "expand" : "contract";
    case "change-column-type": {
      if (onNewTable || facts2.onNewColumn) return "expand";
      const from = operation.fromType ?? facts2.typeBefore;
      if (from !== void 0 && from === operation.toType) return "neutral";
      const effect = compareColumnTypes(from, operation.toType, dialect);
      if (effect.compatible && !effect.rewrite && dialect === "postgresql" && from !== void 0 && enumTypeName(from) !== void 0)
        return "neutral";
      return effect.compatible ? "expand" : "contract";
    }
    case "data-change": {
      if (facts2.matchesNoRow) return "neutral";
      const seeding = ["insert", "bulk-insert", "copy", "insert-select"].includes(operation.statement);
      if (seeding && onNewTable) return "expand";
      const literalRows = operation.statement === "insert" || operation.statement === "bulk-insert";
      return literalRows && (!operation.context.inLoop || operation.context.literalLoop) ? "neutral" : "backfill";
    }
    case "truncate":
      return operation.tables.every((table2) => amongCreated(newTables, tableKey(table2))) ? "neutral" : "backfill";
    case "validate-constraint":
    case "comment":
    case "set-config":
    case "transaction-control":
    case "maintenance":
    case "query":
    case "alter-table-other":
    case "utility":
    case "opaque":
      return "neutral";
  }
}
function withForeignKeyTables(lock, facts2, newTables) {
  const others = facts2.foreignKeyTables?.filter((table2) => !amongCreated(newTables, table2)) ?? [];
  return lock === void 0 || others.length === 0 ? lock : { ...lock, alsoLocks: others };
}
function enriched(operation, facts2) {
  switch (operation.kind) {
    case "add-column":
      return facts2.defaultRemovedLater ? { ...operation, defaultRemovedLater: true } : operation;
    case "change-column-type": {
      const fromHistory = operation.fromType === void 0 && facts2.typeBefore !== void 0;
      return fromHistory || facts2.onNewColumn ? {
        ...operation,
        ...fromHistory ? { fromType: facts2.typeBefore } : {},
        ...facts2.onNewColumn ? { onNewColumn: true } : {}
      } : operation;
    }
    case "set-not-null":
      return facts2.provenBy !== void 0 || facts2.notNullBefore ? {
        ...operation,
        ...facts2.provenBy !== void 0 ? { provenBy: facts2.provenBy } : {},
        ...facts2.notNullBefore ? { alreadyNotNull: true } : {}
      } : operation;
    case "drop-index":
      return facts2.indexTable !== void 0 ? { ...operation, table: facts2.indexTable } : operation;
    case "drop-column":
      return facts2.retyped !== void 0 ? { ...operation, replacedWithType: facts2.retyped } : operation;
    case "drop-constraint":
      return facts2.constraintType !== void 0 ? { ...operation, constraintType: facts2.constraintType } : operation;
    default:
      return operation;
  }
}
function sameDirective(a, b) {
  const column = operationColumn(a);
  return column !== void 0 && a.kind !== b.kind && a.span.line === b.span.line && a.span.column === b.span.column && a.span.endLine === b.span.endLine && a.span.endColumn === b.span.endColumn && a.table !== void 0 && b.table !== void 0 && tableKey(a.table) === tableKey(b.table) && operationColumn(b)?.toLowerCase() === column.toLowerCase();
}
function directivePhases(operations, phases) {
  const continues = operations.map(() => false);
  let start = 0;
  for (let index = 1; index <= operations.length; index++) {
    const current = operations[index];
    const previous = operations[index - 1];
    if (current !== void 0 && previous !== void 0 && sameDirective(previous, current)) {
      continues[index] = true;
      continue;
    }
    if (index - start > 1) {
      const strongest = phases.slice(start, index).reduce((best, phase) => (STRENGTH.get(phase) ?? 0) > (STRENGTH.get(best) ?? 0) ? phase : best, "neutral");
      for (let part = start; part < index; part++) phases[part] = strongest;
    }
    start = index;
  }
  return continues;
}
function directiveAssumptions(continues, assumedContract, certainContract) {
  const result = continues.map(() => false);
  let start = 0;
  for (let index = 1; index <= continues.length; index++) {
    if (index < continues.length && continues[index]) continue;
    let anyAssumed = false;
    let anyCertain = false;
    for (let part = start; part < index; part++) {
      anyAssumed ||= assumedContract[part] === true;
      anyCertain ||= certainContract[part] === true;
    }
    result.fill(anyAssumed && !anyCertain, start, index);
    start = index;
  }
  return result;
}
function contractReasons(operations, ownPhases, continues) {
  const own = operations.map(
    (operation, index) => ownPhases[index] === "contract" ? contractReason(operation) : void 0
  );
  const result = [...own];
  let start = 0;
  for (let index = 1; index <= operations.length; index++) {
    if (index < operations.length && continues[index]) continue;
    const directive = own.slice(start, index).find((reason) => reason !== void 0);
    for (let part = start; part < index; part++) result[part] ??= directive;
    start = index;
  }
  return result;
}
function analyzeRevision(revision, state, reading, postgresVersion2) {
  const written = revision.upgrade.operations;
  const here = state.dialect;
  const dialects = written.map(
    (operation) => operation.dialect ?? (operation.context.conditions.length === 0 ? here : operationDialect(operation.context, revision.file, reading))
  );
  const runsHere = (operation, at) => dialects[at] === here && (operation.context.conditions.length === 0 || !excludedDialects(operation.context).has(here));
  const facts2 = revisionFacts(written, state, runsHere, (at) => dialects[at] ?? here);
  const lockContext = { postgresVersion: postgresVersion2, newTables: facts2.newTables };
  const operations = written.map((operation, index) => enriched(operation, facts2.operations[index]));
  const phases = operations.map((operation, index) => {
    const fact = facts2.operations[index];
    if (dialects[index] === "other") return "neutral";
    const phase = classify(operation, fact, facts2.newTables, dialects[index] ?? reading.dialect);
    return fact.onRebuiltTable && phase === "expand" ? "neutral" : phase;
  });
  const assumedContract = operations.map(
    (operation, index) => operation.kind === "change-column-type" && phases[index] === "contract" && !compareColumnTypes(operation.fromType, operation.toType, dialects[index]).known
  );
  const certainContract = operations.map((_, index) => phases[index] === "contract" && !assumedContract[index]);
  const ownPhases = [...phases];
  const continues = directivePhases(operations, phases);
  const assumed = directiveAssumptions(continues, assumedContract, certainContract);
  const reasons = contractReasons(operations, ownPhases, continues);
  const rebuiltContexts = /* @__PURE__ */ new Map();
  const rebuiltContext = (table2) => {
    const key = tableKey(table2);
    let context = rebuiltContexts.get(key);
    if (!context) {
      context = { ...lockContext, newTables: new TableNames([...facts2.newTables, key]) };
      rebuiltContexts.set(key, context);
    }
    return context;
  };
  const classified = operations.map((operation, index) => {
    const dialect = dialects[index] ?? reading.dialect;
    const fact = facts2.operations[index];
    const context = fact.onRebuiltTable && operation.table !== void 0 ? rebuiltContext(operation.table) : lockContext;
    const lock = dialect === "postgresql" && !fact.alreadyGone ? withForeignKeyTables(lockFacts(operation, context), fact, context.newTables) : void 0;
    const phase = phases[index] ?? "neutral";
    return {
      ...operation,
      phase,
      dialect,
      ...assumed[index] && phase === "contract" ? { phaseAssumed: true } : {},
      ...phase === "contract" && reasons[index] !== void 0 ? { contractReason: reasons[index] } : {},
      ...lock !== void 0 ? { lock } : {},
      ...continues[index] ? { continuesDirective: true } : {},
      ...fact.subsumed ? { subsumed: true } : {},
      ...fact.tableRenamedFrom !== void 0 ? { tableRenamedFrom: fact.tableRenamedFrom } : {},
      ...operation.context.conditions.length > 0 && underDialectTest(operation.context) ? { inDialectBranch: true } : {}
    };
  });
  const present = new Set(classified.map((operation) => operation.phase));
  return {
    revision,
    operations: classified,
    phases: PHASE_ORDER.filter((phase) => present.has(phase)),
    newTables: facts2.newTables,
    underReview: true
  };
}

// src/services/graph.ts
function historyScopes(revisions) {
  const byFolder = /* @__PURE__ */ new Map();
  for (const revision of revisions) {
    const folder = folderOf(revision.file);
    pushTo(byFolder, folder, revision);
  }
  const folderOfId = /* @__PURE__ */ new Map();
  const collidingFolders = /* @__PURE__ */ new Set();
  for (const [folder, members] of byFolder) {
    for (const revision of members) {
      const seen = folderOfId.get(revision.id);
      if (seen !== void 0 && seen !== folder) {
        collidingFolders.add(seen);
        collidingFolders.add(folder);
      }
      folderOfId.set(revision.id, folder);
    }
  }
  const selfContained = (folder) => {
    const members = byFolder.get(folder) ?? [];
    const ids = new Set(members.map((revision) => revision.id));
    return members.every(
      (revision) => revision.downRevisions.every((down) => ids.has(down) || folderOfId.get(down) === void 0)
    );
  };
  const separate = [...collidingFolders].filter(selfContained);
  if (separate.length < 2) return [{ folder: "", revisions: revisions.slice() }];
  const rest = revisions.filter((revision) => !separate.includes(folderOf(revision.file)));
  return [
    ...separate.map((folder) => ({ folder, revisions: byFolder.get(folder) ?? [] })),
    ...rest.length > 0 ? [{ folder: "", revisions: rest }] : []
  ];
}
function buildGraph(revisions, reading, postgresVersion2) {
  const histories = [];
  const duplicateRevisions = /* @__PURE__ */ new Map();
  for (const scope of historyScopes(revisions)) {
    const sorted = [...scope.revisions].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
    const byId = /* @__PURE__ */ new Map();
    for (const revision of sorted) {
      const existing = byId.get(revision.id);
      if (existing)
        duplicateRevisions.set(revision.id, [...duplicateRevisions.get(revision.id) ?? [existing], revision]);
      else byId.set(revision.id, revision);
    }
    for (const history of componentsOf([...byId.values()], byId, duplicateRevisions, reading, postgresVersion2)) {
      histories.push({ ...history, scope: scope.folder });
    }
  }
  return { histories, duplicateRevisions };
}
function componentsOf(revisions, byId, duplicates, reading, postgresVersion2) {
  const parent = /* @__PURE__ */ new Map();
  const find = (id) => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    let current = id;
    while (current !== root) {
      const next = parent.get(current) ?? root;
      parent.set(current, root);
      current = next;
    }
    return root;
  };
  for (const revision of revisions) parent.set(revision.id, revision.id);
  for (const revision of revisions) {
    for (const edge of [...revision.downRevisions, ...revision.dependsOn]) {
      if (byId.has(edge)) parent.set(find(edge), find(revision.id));
    }
  }
  const groups = /* @__PURE__ */ new Map();
  for (const revision of revisions) {
    const root = find(revision.id);
    pushTo(groups, root, revision);
  }
  return [...groups.values()].map((members) => historyOf(members, byId, duplicates, reading, postgresVersion2));
}
function historyOf(members, byId, duplicates, reading, postgresVersion2) {
  const ids = new Set(members.map((revision) => revision.id));
  const children = /* @__PURE__ */ new Map();
  const pending = /* @__PURE__ */ new Map();
  for (const revision of members) {
    const parents = revision.downRevisions.filter((down) => ids.has(down));
    pending.set(revision.id, parents.length);
    for (const down of parents) pushTo(children, down, revision.id);
  }
  const ordered = [];
  const ready = members.filter((revision) => pending.get(revision.id) === 0).map((revision) => revision.id);
  for (let next = 0; next < ready.length; next++) {
    const id = ready[next];
    const revision = byId.get(id);
    if (revision) ordered.push(revision);
    for (const child of children.get(id) ?? []) {
      const left = (pending.get(child) ?? 1) - 1;
      pending.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  const orderedIds = new Set(ordered.map((revision) => revision.id));
  const cyclic = members.filter((revision) => !orderedIds.has(revision.id));
  const referenced = new Set(members.flatMap((revision) => revision.downRevisions));
  const folder = reading.forced ? void 0 : sharedDialectFolder(members.map((revision) => revision.file));
  const [root] = ordered;
  const startsEmpty = root !== void 0 && root.downRevisions.length === 0 && root.upgrade.operations.some((operation) => operation.kind === "create-table");
  const state = new SchemaState(folder?.dialect ?? reading.dialect, startsEmpty);
  const withDuplicates = [...ordered, ...cyclic].flatMap((revision) => [
    revision,
    ...(duplicates.get(revision.id) ?? []).filter((duplicate) => duplicate !== revision)
  ]);
  const analyzed = withDuplicates.map((revision) => analyzeRevision(revision, state, reading, postgresVersion2));
  return {
    revisions: analyzed,
    heads: ordered.filter((revision) => !referenced.has(revision.id)).map((revision) => revision.id),
    cycles: findCycles(cyclic, ids)
  };
}
function findCycles(cyclic, ids) {
  const remaining = new Map(cyclic.map((revision) => [revision.id, revision]));
  const cycles = [];
  const done = /* @__PURE__ */ new Set();
  for (const start of cyclic) {
    if (done.has(start.id)) continue;
    const path = [];
    const index = /* @__PURE__ */ new Map();
    let current = start;
    while (current && !done.has(current.id)) {
      if (index.has(current.id)) {
        cycles.push(path.slice(index.get(current.id)));
        break;
      }
      index.set(current.id, path.length);
      path.push(current.id);
      const next = current.downRevisions.find((down) => ids.has(down) && remaining.has(down));
      current = next === void 0 ? void 0 : remaining.get(next);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}

// src/adapters/config/glob.ts
function compile(pattern) {
  const anchored = pattern.includes("/") ? pattern.replace(/^\.?\//, "") : `**/${pattern}`;
  const steps = [];
  for (let index = 0; index < anchored.length; index++) {
    const char = anchored[index];
    if (char === "*" && anchored[index + 1] === "*") {
      const slash = anchored[index + 2] === "/";
      steps.push(slash ? { kind: "folders" } : { kind: "any" });
      index += slash ? 2 : 1;
    } else if (char === "*") steps.push({ kind: "star" });
    else if (char === "?") steps.push({ kind: "one" });
    else steps.push({ kind: "char", char });
  }
  return steps;
}
var Glob = class {
  constructor(pattern) {
    this.pattern = pattern;
    this.steps = compile(pattern);
  }
  pattern;
  steps;
  matches(path) {
    const steps = this.steps;
    const n = steps.length;
    const inside = n + 1;
    const size = n + 2 + n;
    const seen = new Uint32Array(size);
    let round = 1;
    let current = [];
    let next = [];
    const add = (list, state) => {
      for (let at = state; seen[at] !== round; ) {
        seen[at] = round;
        list.push(at);
        const step = at < n ? steps[at] : void 0;
        if (step?.kind === "folders" && seen[n + 2 + at] !== round) {
          seen[n + 2 + at] = round;
          list.push(n + 2 + at);
        }
        if (step?.kind === "star" || step?.kind === "any" || step?.kind === "folders") at++;
        else return;
      }
    };
    add(current, 0);
    for (let index = 0; index < path.length && current.length > 0; index++) {
      const char = path[index];
      round++;
      next.length = 0;
      for (const state of current) {
        if (state === inside) add(next, inside);
        else if (state === n) {
          if (char === "/") add(next, inside);
        } else if (state > inside) {
          const at = state - n - 2;
          if (seen[state] !== round) {
            seen[state] = round;
            next.push(state);
          }
          if (char === "/") add(next, at + 1);
        } else {
          const step = steps[state];
          if (step.kind === "char") {
            if (step.char === char) add(next, state + 1);
          } else if (step.kind === "one") {
            if (char !== "/") add(next, state + 1);
          } else if (step.kind === "star") {
            if (char !== "/") add(next, state);
          } else if (step.kind === "any") add(next, state);
        }
      }
      [current, next] = [next, current];
    }
    return current.includes(n) || current.includes(inside);
  }
};

// src/services/dialect-decision.ts
var DIALECT_NAMES = /* @__PURE__ */ new Map([
  ["postgresql", "PostgreSQL"],
  ["mysql", "MySQL"],
  ["sqlite", "SQLite"]
]);
function revisionEvidence(revisions) {
  const byDialect = /* @__PURE__ */ new Map();
  for (const revision of revisions) {
    for (const dialect of revision.marks.keys()) pushTo(byDialect, dialect, revision);
  }
  const setAside = byDialect.size > 1 ? "the revisions carry options of several databases" : void 0;
  return [...byDialect].map(([dialect, files]) => {
    const [first] = files;
    return {
      source: "revisions",
      dialect,
      detail: `${DIALECT_NAMES.get(dialect) ?? dialect} options in ${files.length} of ${revisions.length} revision files: ${first.marks.get(dialect)} in ${first.file}`,
      ...setAside ? { setAside } : {}
    };
  });
}
var DEFAULT = "postgresql";
function decideDialect(inputs) {
  const serverDrivers = new Set(inputs.drivers.map((driver) => driver.dialect));
  const evidence = [];
  if (inputs.flag) evidence.push({ source: "flag", dialect: inputs.flag, detail: "--dialect" });
  if (inputs.config) evidence.push({ source: "config", ...inputs.config });
  for (const url of inputs.urls) {
    const setAside = url.replacedByEnv ? "env.py sets the database URL itself" : url.dialect === "sqlite" && serverDrivers.size > 0 ? "a SQLite URL beside a server database driver is taken for local work" : void 0;
    evidence.push({ source: url.source, dialect: url.dialect, detail: url.detail, ...setAside ? { setAside } : {} });
  }
  const ambiguous = serverDrivers.size > 1 ? "the project depends on drivers of several databases" : void 0;
  for (const driver of inputs.drivers)
    evidence.push({ source: "driver", ...driver, ...ambiguous ? { setAside: ambiguous } : {} });
  evidence.push(...revisionEvidence(inputs.revisions ?? []));
  const winner = evidence.find((item) => item.setAside === void 0);
  const decided = winner ?? {
    source: "default",
    dialect: DEFAULT,
    detail: "the default: nothing else decides the database"
  };
  return {
    dialect: decided.dialect,
    source: decided.source,
    detail: decided.detail,
    disagreeing: evidence.filter((item) => item !== decided && item.dialect !== decided.dialect)
  };
}
function historyDialects(histories, run) {
  const forced = run.source === "flag" || run.source === "config";
  return histories.map((history, index) => {
    const shared = sharedDialectFolder(history.revisions.map((analyzed) => analyzed.revision.file));
    if (!shared) return { history: index + 1, ...run };
    const folder = {
      source: "folder",
      dialect: shared.dialect,
      detail: `the folder ${shared.folder}/`
    };
    if (forced) {
      const disagreeing = shared.dialect === run.dialect ? run.disagreeing : [...run.disagreeing, folder];
      return { history: index + 1, ...run, disagreeing };
    }
    const below = { source: run.source, dialect: run.dialect, detail: run.detail };
    return {
      history: index + 1,
      ...folder,
      disagreeing: [
        ...run.dialect !== shared.dialect && run.source !== "default" ? [below] : [],
        ...run.disagreeing.filter((item) => item.dialect !== shared.dialect)
      ]
    };
  });
}

// src/cli/dialect-evidence.ts
import { dirname as dirname2, join as join3, resolve as resolve2 } from "node:path";

// src/adapters/fs/database-drivers.ts
import { readdirSync } from "node:fs";
import { join as join2 } from "node:path";
var DRIVERS = [
  // Extras lists are short; bounded so that a hostile line without `]` stays linear. SQLAlchemy's and OpenStack's
  // oslo.db's extras (`oslo.db[mysql]`) install the driver of the database they name.
  [
    /psycopg2?(?:-binary|cffi)?|asyncpg|pg8000|(?:sqlalchemy|oslo[._-]db)\[[^\]\n]{0,80}postgres[^\]\n]{0,80}\]/i,
    "postgresql"
  ],
  [
    /pymysql|mysqlclient|mysql-connector-python|aiomysql|asyncmy|mariadb|(?:sqlalchemy|oslo[._-]db)\[[^\]\n]{0,80}mysql[^\]\n]{0,80}\]/i,
    "mysql"
  ]
];
var MAX_BYTES = 1e6;
var MAX_FILES = 50;
var REQUIREMENTS = /^requirements.*\.(?:txt|in)$/i;
function dependencyFiles(folder) {
  let names;
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const fixed = /* @__PURE__ */ new Set(["pyproject.toml", "setup.cfg", "setup.py", "Pipfile"]);
  return names.filter((name) => fixed.has(name) || REQUIREMENTS.test(name)).slice(0, MAX_FILES).map((name) => join2(folder, name));
}
function driversIn(file, text2) {
  const code = text2.replace(/(^|\s)#[^\n]*/g, "$1");
  const found = [];
  for (const [pattern, dialect] of DRIVERS) {
    const written = new RegExp(`(?:^[ \\t]*|["'])(${pattern.source})(?![\\w.-])`, "gim");
    for (const match of code.matchAll(written)) {
      const driver = match[1] ?? "";
      const seen = found.some(
        (known) => known.dialect === dialect && known.driver.toLowerCase() === driver.toLowerCase()
      );
      if (!seen) found.push({ dialect, driver, file });
    }
  }
  return found;
}
function databaseDrivers(start) {
  for (const folder of foldersUpToTop(start)) {
    const found = dependencyFiles(folder).flatMap((file) => {
      const text2 = readSmallFile(file, MAX_BYTES);
      return text2 === void 0 ? [] : driversIn(file, text2);
    });
    if (found.length > 0) return found;
  }
  return [];
}

// src/adapters/python/dialect-marks.ts
var MARKS = [
  [
    "mysql",
    /\bmysql_(?:engine|charset|default_charset|collate|row_format)\s*=|\bdialects\.mysql\b|\bfrom[ \t]+sqlalchemy\.dialects[ \t]+import[ \t][^\n]{0,200}\bmysql\b/
  ],
  [
    "postgresql",
    /\bpostgresql_(?:using|where|concurrently|ops|include|with|nulls_not_distinct|not_valid|inherits|partition_by)\s*=|\bdialects\.postgresql\b|\bfrom[ \t]+sqlalchemy\.dialects[ \t]+import[ \t][^\n]{0,200}\bpostgresql\b/
  ]
];
var DIALECT_TEST = /\.(?:dialect|engine)\.name\b|\bname\s*[!=]=\s*["'](?:mysql|mariadb|postgres(?:ql)?|sqlite)["']|\.startswith\(\s*["'](?:mysql|mariadb|postgres|sqlite)/;
var MAX_MARKS_IN_BRANCHED_FILE = 50;
function dialectMarks(text2) {
  const found = /* @__PURE__ */ new Map();
  if (!text2.includes("mysql") && !text2.includes("postgresql")) return found;
  const branched = DIALECT_TEST.test(text2);
  const lines = branched ? new SourceLines(text2) : void 0;
  for (const [dialect, pattern] of MARKS) {
    const code = new CodeScanner(text2);
    const marks = new RegExp(pattern.source, "g");
    let looked = 0;
    for (let match = marks.exec(text2); match !== null; match = marks.exec(text2)) {
      if (!code.at(match.index) || !code.at(match.index + match[0].length - 1)) continue;
      if (lines) {
        if (!match[0].trimEnd().endsWith("=")) continue;
        looked += 1;
        if (looked > MAX_MARKS_IN_BRANCHED_FILE) break;
        if (lines.underDialectTest(match.index)) continue;
      }
      found.set(dialect, shownMark(match[0], dialect));
      break;
    }
  }
  return found;
}
var BLOCK_HEADER = /^\s*(?:if|elif|else|for|while|with|try|except|finally|def|class|async)\b[^\n]*:\s*(?:#.*)?$/;
var CONTINUES_IF = /^\s*(?:elif\b|else\s*:)/;
var MAX_LINES_WALKED = 5e3;
var SourceLines = class {
  index;
  lines;
  /** Lines that continue a statement begun above (inside brackets, or after a backslash), by index. */
  continued = /* @__PURE__ */ new Set();
  constructor(text2) {
    this.index = new LineIndex(text2);
    this.lines = text2.split("\n");
    let depth = 0;
    let line = 0;
    const structural = /[#"'()[\]{}\n]/g;
    for (let found = structural.exec(text2); found !== null; found = structural.exec(text2)) {
      let at = found.index;
      const char = found[0];
      if (char === "#") at = lineEnd(text2, at) - 1;
      else if (char === '"' || char === "'") {
        const end = stringEnd(text2, at);
        for (let newline = text2.indexOf("\n", at); newline !== -1 && newline < end; newline = text2.indexOf("\n", newline + 1))
          this.continued.add(++line);
        at = end - 1;
      } else if ("([{".includes(char)) depth++;
      else if (")]}".includes(char)) depth = Math.max(0, depth - 1);
      else if (char === "\n") {
        line++;
        if (depth > 0 || text2[at - 1] === "\\") this.continued.add(line);
      }
      structural.lastIndex = at + 1;
    }
  }
  /** Whether the position sits in a block opened under a test of the database, at any depth. */
  underDialectTest(position) {
    let index = this.lineAt(position);
    for (let walked = 0; index > 0 && this.continued.has(index) && walked < MAX_LINES_WALKED; walked++) index--;
    let indent = this.indentOf(index);
    for (let walked = 0; index > 0 && indent > 0 && walked < MAX_LINES_WALKED; walked++) {
      index--;
      const line = this.line(index);
      if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
      const lineIndent = this.indentOf(index);
      if (lineIndent >= indent || !BLOCK_HEADER.test(line)) continue;
      if (DIALECT_TEST.test(line) || CONTINUES_IF.test(line) && this.continuesDialectTest(index, lineIndent))
        return true;
      indent = lineIndent;
    }
    return false;
  }
  /** Whether the `elif`/`else` at `index` belongs to an `if` chain whose header tests the database. */
  continuesDialectTest(index, indent) {
    for (let at = index - 1, walked = 0; at >= 0 && walked < MAX_LINES_WALKED; at--, walked++) {
      const line = this.line(at);
      if (line.trim() === "" || this.indentOf(at) > indent) continue;
      if (this.indentOf(at) < indent || !BLOCK_HEADER.test(line)) return false;
      if (DIALECT_TEST.test(line)) return true;
      if (!CONTINUES_IF.test(line)) return false;
    }
    return false;
  }
  lineAt(position) {
    return this.index.position(position).line - 1;
  }
  line(index) {
    return this.lines[index] ?? "";
  }
  indentOf(index) {
    const line = this.line(index);
    return line.length - line.trimStart().length;
  }
};
var CodeScanner = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  special = /[#"']/g;
  /** Where the comment or string that starts next begins and ends; `start` is past the end of the text when none. */
  start = -1;
  end = -1;
  /** Whether `position` is code: outside every comment and string. */
  at(position) {
    while (this.end <= position) {
      if (!this.advance()) return true;
    }
    return position < this.start;
  }
  /** Moves to the next comment or string; false when there is none. */
  advance() {
    this.special.lastIndex = Math.max(this.end, 0);
    const found = this.special.exec(this.text);
    if (found === null) {
      this.start = this.end = Number.POSITIVE_INFINITY;
      return false;
    }
    this.start = found.index;
    this.end = found[0] === "#" ? lineEnd(this.text, found.index) : stringEnd(this.text, found.index);
    this.end = Math.max(this.end, this.start + 1);
    return true;
  }
};
function lineEnd(text2, from) {
  const end = text2.indexOf("\n", from);
  return end === -1 ? text2.length : end;
}
function stringEnd(text2, from) {
  const quote = text2[from];
  const triple = text2.startsWith(quote.repeat(3), from);
  const close = triple ? quote.repeat(3) : quote;
  const limit = triple ? text2.length : lineEnd(text2, from);
  for (let at = text2.indexOf(close, from + close.length); at !== -1 && at < limit; at = text2.indexOf(close, at + 1)) {
    let backslashes = 0;
    while (text2[at - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return at + close.length;
  }
  return limit;
}
function shownMark(written, dialect) {
  return written.endsWith("=") ? `${written.replace(/\s*=$/, "")}=` : `sqlalchemy.dialects.${dialect}`;
}

// src/adapters/python/env-url.ts
function envReplacesUrl(text2) {
  const code = text2.replace(/#[^\n]*/g, "");
  if (/set_(?:main|section)_option\s*\([^)]{0,200}["']sqlalchemy\.url["']/.test(code)) return true;
  if (/attributes\s*(?:\.get\s*\(|\[)\s*["']connection["']/.test(code)) return true;
  const readsIniUrl = /get_main_option\s*\(\s*["']sqlalchemy\.url["']/.test(code) || /get_section_option\s*\([^)]{0,200}["']sqlalchemy\.url["']/.test(code) || /(?:async_)?engine_from_config\s*\(/.test(code) || /\.get_section\s*\(/.test(code);
  return !readsIniUrl && /create_(?:async_)?engine\s*\(/.test(code);
}

// src/cli/dialect-evidence.ts
var MAX_ENV_BYTES = 1e6;
function shownUrl(url) {
  return url.replace(/(:\/\/[^:/@\s]*):[^@\s]*@/, "$1:***@");
}
function dialectInputs(settings, configs, start, display, revisions) {
  const configFile = settings.configFile ? display(settings.configFile.file) : "the config file";
  return {
    ...settings.dialectGiven === "flag" && settings.dialect ? { flag: settings.dialect } : {},
    ...settings.dialectGiven === "config" && settings.dialect ? { config: { dialect: settings.dialect, detail: `dialect in ${configFile}` } } : {},
    ...projectDialectEvidence(configs, start, display, revisions)
  };
}
function projectDialectEvidence(configs, start, display, revisions) {
  const urls = [];
  for (const config of configs) {
    const dialect = config.url === void 0 ? void 0 : dialectFromUrl(config.url);
    if (!config.url || !dialect) continue;
    const env = readSmallFile(join3(config.scriptLocation, "env.py"), MAX_ENV_BYTES);
    urls.push({
      source: config.kind,
      dialect,
      detail: `sqlalchemy.url = ${shownUrl(config.url)} in ${display(config.file)}`,
      replacedByEnv: env !== void 0 && envReplacesUrl(env)
    });
  }
  const [first] = configs;
  const drivers = databaseDrivers(first ? dirname2(first.file) : resolve2(start)).map((driver) => ({
    dialect: driver.dialect,
    detail: `database driver ${driver.driver} in ${display(driver.file)}`
  }));
  return {
    urls,
    drivers,
    revisions: revisions.map((source) => ({ file: source.file, marks: dialectMarks(source.text) }))
  };
}

// src/cli/extract-project.ts
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
var DEFAULT_FILE_LIMITS = { maxBytes: 5e6, timeMs: 5e3 };
var TIERING_MIN_BYTES = 15e5;
var BYTES_PER_THREAD = 75e4;
var REQUESTED_PARALLEL_MIN_BYTES = 4e5;
var MAX_THREADS = 4;
function threadCount(bytes, requested) {
  if (requested !== void 0)
    return bytes < REQUESTED_PARALLEL_MIN_BYTES ? 1 : Math.max(1, Math.min(requested, MAX_THREADS));
  return Math.max(1, Math.min(Math.floor(bytes / BYTES_PER_THREAD), availableParallelism(), MAX_THREADS));
}
function readAll(paths, found, settings, limits) {
  return paths.map((absolute) => {
    const file = settings.displayPath(absolute);
    const read = readRegularFile(absolute, {
      maxBytes: limits.maxBytes,
      limitName: '"max-file-size" in the config',
      within: found.roots
    });
    if (read.problem !== void 0) return { skipped: { file, reason: read.problem, failed: true } };
    return { file, path: absolute, text: read.text.replace(/^\uFEFF/, "") };
  });
}
var CachedModules = class {
  digests = /* @__PURE__ */ new Map();
  lookups = new ProjectModules();
  unchanged(entry) {
    if (!("revision" in entry)) return true;
    return (entry.modules ?? []).every((module) => this.digest(module.path) === module.digest) && (entry.missing ?? []).every((lookup) => this.lookups.find(lookup.module, lookup.level, lookup.from) === void 0);
  }
  digest(path) {
    if (!this.digests.has(path)) this.digests.set(path, moduleDigest(path));
    return this.digests.get(path);
  }
};
function readingDialect(settings) {
  return { dialect: settings.dialect, forced: settings.dialectForced ?? false };
}
function isSource(entry) {
  return "text" in entry;
}
function readProject(found, settings) {
  const limits = settings.limits ?? DEFAULT_FILE_LIMITS;
  return {
    revisions: readAll(found.revisionFiles, found, settings, limits),
    envs: readAll(found.envFiles, found, settings, limits),
    sql: readAll(found.sqlFiles, found, settings, limits)
  };
}
function readRevisionSources(files) {
  return files.revisions.filter(isSource);
}
async function extractProject(found, files, settings) {
  const { cache, dialect } = settings;
  const reading = readingDialect(settings);
  const limits = settings.limits ?? DEFAULT_FILE_LIMITS;
  const { revisions: revisionEntries, envs: envEntries, sql: sqlEntries } = files;
  const keyOf = (kind, source) => cache?.key(kind, reading.forced ? `${dialect} (forced)` : dialect, source.file, source.text) ?? "";
  const results = /* @__PURE__ */ new Map();
  const jobs = [];
  const cachedModules = new CachedModules();
  const queue = (kind, entries) => {
    for (const entry of entries) {
      if (!isSource(entry)) continue;
      const hit = cache?.get(keyOf(kind, entry));
      if (hit && cachedModules.unchanged(hit)) results.set(entry.file, hit);
      else jobs.push({ kind, file: entry.file, text: entry.text, ...entry.path ? { path: entry.path } : {} });
    }
  };
  queue("revision", revisionEntries);
  queue("env", envEntries);
  const sqlSources = orderSqlFiles(sqlEntries.filter(isSource));
  sqlSources.forEach((source, index) => {
    const previous = sqlSources[index - 1]?.file;
    jobs.push({ kind: "sql", file: source.file, text: source.text, ...previous ? { previous } : {} });
  });
  if (jobs.length > 0) {
    const fresh = await extract(jobs, settings, limits);
    jobs.forEach((job, index) => {
      const result = fresh[index];
      if (!result) return;
      results.set(job.file, result);
      if (job.kind !== "sql" && !("skipped" in result && result.skipped.failed))
        cache?.set(keyOf(job.kind, job), result);
    });
  }
  cache?.save();
  const revisions = [];
  const envFiles = [];
  const skipped = [];
  const modulesRead = /* @__PURE__ */ new Map();
  const sqlOrder = [...sqlSources, ...sqlEntries.filter((entry) => !isSource(entry))];
  for (const entry of [...revisionEntries, ...envEntries, ...sqlOrder]) {
    const result = isSource(entry) ? results.get(entry.file) : entry;
    if (!result) continue;
    if ("revision" in result && result.modules && isSource(entry)) modulesRead.set(entry.file, result.modules);
    if ("revision" in result) revisions.push(result.revision);
    else if ("env" in result) envFiles.push(result.env);
    else skipped.push(result.skipped);
  }
  for (const folder of found.unlisted) {
    skipped.push({ file: settings.displayPath(folder.path), reason: folder.reason, failed: true });
  }
  const sources = new Map(
    [...revisionEntries, ...envEntries, ...sqlSources].filter(isSource).map((source) => [source.file, source.text])
  );
  return { revisions, envFiles, skipped, sources, modulesRead };
}
async function extract(jobs, settings, limits) {
  const bytes = jobs.reduce((total, job) => total + job.text.length, 0);
  const reading = readingDialect(settings);
  const threads = settings.extractionThreads ? threadCount(bytes, settings.threads) : 1;
  if (bytes / threads < TIERING_MIN_BYTES) setFlagsFromString("--liftoff-only");
  if (settings.extractionThreads) {
    return settings.extractionThreads.extract(jobs, {
      reading,
      ...settings.cwd === void 0 ? {} : { cwd: settings.cwd },
      threads,
      fileTimeMs: limits.timeMs
    });
  }
  const { FileExtractor, projectModules } = await import("./extract-sources-SPLEFX62.js");
  const { loadPythonParser } = await import("./python-parser-ZTOPZA2M.js");
  const modules = settings.cwd === void 0 ? void 0 : projectModules(settings.cwd);
  const extractor = await FileExtractor.load(loadPythonParser, reading, jobs, modules);
  const results = [];
  try {
    for (const job of jobs) results.push((await extractor.extract(job)).result);
  } finally {
    extractor.dispose();
  }
  return results;
}
async function extractSqlMigrations(sources, reading, skipped) {
  const { sqlTranslatorProvider } = await import("./dialect-translators-QF2RKZS7.js");
  const { extractSqlFile } = await import("./sql-file-extractor-E7WMDD6X.js");
  const translators = sqlTranslatorProvider(reading);
  const revisions = [];
  let previous;
  for (const source of orderSqlFiles(sources)) {
    try {
      revisions.push(await extractSqlFile({ ...source, ...previous ? { previous } : {} }, translators));
    } catch (error) {
      skipped.push({
        file: source.file,
        reason: `migragate failed to analyse this file: ${error.message}`,
        failed: true
      });
    }
    previous = source.file;
  }
  return revisions;
}

// src/adapters/fs/alembic-version.ts
import { existsSync as existsSync2, readdirSync as readdirSync2, statSync as statSync2 } from "node:fs";
import { basename as basename2, dirname as dirname3, join as join4, resolve as resolve3 } from "node:path";
var LOCKFILES = ["uv.lock", "poetry.lock"];
var MAX_LOCKFILE_BYTES = 50 << 20;
var MAX_MANIFEST_BYTES = 2 << 20;
var MAX_REQUIREMENT_FILES = 50;
var RELEASE = /^\s*v?(\d+(?:\.\d+){0,2})/;
function compareReleases(a, b) {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
function release(text2) {
  return RELEASE.exec(text2)?.[1];
}
function lockedVersion(lockText) {
  let inPackage = false;
  let name;
  let version;
  for (const line of lockText.split(/\r?\n/)) {
    if (/^\s*\[/.test(line)) {
      if (inPackage && name === "alembic" && version !== void 0) return release(version);
      inPackage = /^\s*\[\[\s*package\s*\]\]/.test(line);
      name = void 0;
      version = void 0;
      continue;
    }
    if (!inPackage) continue;
    const entry = /^\s*(name|version)\s*=\s*"([^"]*)"/.exec(line);
    if (entry?.[1] === "name") name = (entry[2] ?? "").toLowerCase();
    else if (entry?.[1] === "version") version = entry[2];
  }
  return inPackage && name === "alembic" && version !== void 0 ? release(version) : void 0;
}
function lowestAllowed(constraint) {
  const alternatives = constraint.split("||").map((alternative) => {
    let lowest;
    for (const clause of alternative.split(/,|\s+(?=[<>=!~^])/)) {
      const match = /^\s*(===|==|~=|>=|>|\^|~|=)?\s*v?(\d+(?:\.\d+){0,2})/.exec(clause.trim());
      if (!match) continue;
      const bound = match[2];
      if (lowest === void 0 || compareReleases(bound, lowest) > 0) lowest = bound;
    }
    return lowest;
  });
  if (alternatives.some((lowest) => lowest === void 0)) return void 0;
  return alternatives.sort(compareReleases)[0];
}
function alembicConstraint(requirement) {
  const match = /^\s*alembic(?![\w.-])\s*(?:\[[^\]]*\])?\s*(.*)$/i.exec(requirement);
  if (!match) return void 0;
  const rest = (match[1] ?? "").replace(/\s+#.*$/, "").split(";")[0]?.trim() ?? "";
  if (rest.startsWith("@")) return void 0;
  return rest.replace(/^\((.*)\)$/, "$1");
}
function fromRequirementLines(lines) {
  for (const line of lines) {
    if (typeof line !== "string") continue;
    const constraint = alembicConstraint(line);
    if (constraint !== void 0) return lowestAllowed(constraint);
  }
  return void 0;
}
function requirementFiles(folder) {
  const names = (path) => {
    try {
      return readdirSync2(path);
    } catch {
      return [];
    }
  };
  const top = names(folder).filter((name) => /^requirements.*\.txt$/i.test(name)).sort((a, b) => a === "requirements.txt" ? -1 : b === "requirements.txt" ? 1 : a < b ? -1 : a > b ? 1 : 0).map((name) => join4(folder, name));
  const nested = names(join4(folder, "requirements")).filter((name) => name.toLowerCase().endsWith(".txt")).sort().map((name) => join4(folder, "requirements", name));
  return [...top, ...nested].slice(0, MAX_REQUIREMENT_FILES);
}
function table(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function poetryConstraint(dependencies) {
  const entry = table(dependencies)?.alembic;
  const constraint = typeof entry === "string" ? entry : table(entry)?.version;
  return typeof constraint === "string" ? lowestAllowed(constraint) : void 0;
}
async function fromPyproject(text2) {
  if (!/alembic/i.test(text2)) return void 0;
  const { parse } = await import("./dist-Z5JY3SJR.js");
  let document;
  try {
    document = parse(text2);
  } catch {
    return void 0;
  }
  const project = table(document.project);
  const tool = table(document.tool);
  const poetry = table(tool?.poetry);
  const lists = [
    project?.dependencies,
    ...Object.values(table(project?.["optional-dependencies"]) ?? {}),
    ...Object.values(table(document["dependency-groups"]) ?? {}),
    table(tool?.uv)?.["dev-dependencies"]
  ];
  for (const list of lists) {
    const found = Array.isArray(list) ? fromRequirementLines(list) : void 0;
    if (found) return found;
  }
  const poetryTables = [
    poetry?.dependencies,
    poetry?.["dev-dependencies"],
    ...Object.values(table(poetry?.group) ?? {}).map((group) => table(group)?.dependencies)
  ];
  for (const dependencies of poetryTables) {
    const found = poetryConstraint(dependencies);
    if (found) return found;
  }
  return void 0;
}
async function projectAlembicVersion(start) {
  const folders = foldersUpToTop(existsSync2(start) && !statSync2(start).isDirectory() ? dirname3(resolve3(start)) : start);
  for (const folder of folders) {
    for (const name of LOCKFILES) {
      const file = join4(folder, name);
      const text2 = readSmallFile(file, MAX_LOCKFILE_BYTES);
      const version = text2 === void 0 ? void 0 : lockedVersion(text2);
      if (version) return { version, file, pinned: true };
    }
  }
  for (const folder of folders) {
    const pyproject = join4(folder, "pyproject.toml");
    const text2 = readSmallFile(pyproject, MAX_MANIFEST_BYTES);
    const declared = text2 === void 0 ? void 0 : await fromPyproject(text2);
    if (declared) return { version: declared, file: pyproject, pinned: false };
    for (const file of requirementFiles(folder)) {
      const lines = readSmallFile(file, MAX_MANIFEST_BYTES)?.split(/\r?\n/) ?? [];
      const version = fromRequirementLines(lines);
      if (version) return { version, file, pinned: false };
    }
  }
  return void 0;
}
function describeSource(found) {
  return found.pinned ? `pinned in ${basename2(found.file)}` : `the lowest ${basename2(found.file)} allows`;
}

export {
  enabledRules,
  selectorNames,
  closestName,
  dialectNamed,
  DIALECT_CHOICES,
  ALEMBIC_VERSION,
  MIN_POSTGRES_VERSION,
  MAX_POSTGRES_VERSION,
  findConfigFile,
  validateConfig,
  readConfigFile,
  buildGraph,
  Glob,
  decideDialect,
  historyDialects,
  dialectInputs,
  projectDialectEvidence,
  DEFAULT_FILE_LIMITS,
  readProject,
  readRevisionSources,
  extractProject,
  extractSqlMigrations,
  projectAlembicVersion,
  describeSource
};
