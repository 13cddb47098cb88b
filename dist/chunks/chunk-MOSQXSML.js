import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  ProjectModules,
  displayPath
} from "./chunk-CAU3EMFA.js";
import {
  failedFile
} from "./chunk-GDKKKNSU.js";
import {
  compact,
  sqlTranslatorProvider
} from "./chunk-6DMZTIBC.js";
import {
  directiveBodyIn,
  extractSqlFile,
  nextCodeLines,
  parseDirectiveBody,
  toDirective
} from "./chunk-GOWSBAGO.js";
import {
  LineIndex
} from "./chunk-C6SBNVJK.js";
import {
  TOP_LEVEL_CONTEXT,
  UNRESOLVED_CLOSE,
  UNRESOLVED_OPEN,
  hasUnresolvedPart,
  repeatedContext,
  unresolvedName,
  withThousands
} from "./chunk-FOQMQZLO.js";

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
var TOO_LONG = limitedString(`it would be longer than ${withThousands(MAX_RESOLVED_LENGTH)} characters`);
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
  /** Bindings worked out on first use: an import reads its module only when a name from it is needed. */
  pending = /* @__PURE__ */ new Map();
  lookup(name) {
    return this.vars.get(name) ?? this.resolvePending(name) ?? this.parent?.lookup(name);
  }
  define(name, value) {
    this.pending.delete(name);
    this.vars.set(name, value);
  }
  /**
   * Binds `name` to what `resolve` returns when the name is first looked up. When it returns nothing, the name keeps
   * what it had before, as if the binding had never been made: an earlier binding still pending, or its value.
   */
  defineLazy(name, resolve) {
    const earlier = this.pending.get(name);
    if (earlier) earlier.resolvers.push(resolve);
    else {
      const before = this.vars.get(name);
      this.pending.set(name, { resolvers: [resolve], ...before ? { before } : {} });
    }
    this.vars.delete(name);
  }
  child() {
    return new _Scope(this);
  }
  /** Names defined in this scope itself, with their values. */
  own() {
    for (const name of [...this.pending.keys()]) this.resolvePending(name);
    return this.vars;
  }
  resolvePending(name) {
    const binding = this.pending.get(name);
    if (!binding) return void 0;
    this.pending.delete(name);
    let value;
    for (let index = binding.resolvers.length - 1; index >= 0 && !value; index--) value = binding.resolvers[index]?.();
    value ??= binding.before;
    if (value && !this.vars.has(name) && !this.pending.has(name)) this.vars.set(name, value);
    return this.vars.get(name) ?? value;
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
var CORE_STATEMENT_HEAD = /(?:^|\.)\s*(?:select|update|insert|delete)$/;
var CORE_CHAIN_TAIL = /\)\s*\.\s*(?:where|values|filter|distinct|order_by|limit|returning|from_select|select_from|group_by|join|outerjoin)$/;
var CORE_STATEMENT_START = /\b(?:select|update|insert|delete)\(/;
function isCoreStatementCall(fnText) {
  if (CORE_STATEMENT_HEAD.test(fnText)) return true;
  const tail = CORE_CHAIN_TAIL.exec(fnText);
  if (!tail) return false;
  const start = CORE_STATEMENT_START.exec(fnText);
  return start !== null && start.index < tail.index;
}
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
  /**
   * Runs `work` as if at the top level of a module, with no local call in progress: an import resolved on first use,
   * deep inside nested calls, reads its module's constants as an eager import would have, not with the call depth of
   * the expression that needed it. Nesting is not reset: it still bounds how deep evaluation goes, across modules.
   */
  atTopLevel(work) {
    const { callDepth } = this;
    this.callDepth = 0;
    try {
      return work();
    } finally {
      this.callDepth = callDepth;
    }
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
      return limited(node, `the file builds more than ${withThousands(MAX_BUILT_CHARACTERS)} characters of strings`);
    return { kind: "str", value };
  }
  evaluateNode(node, scope) {
    switch (node.type) {
      case "string":
        return this.madeString(this.decodeStringNode(node, scope), node);
      case "concatenated_string":
        return this.madeString(
          concat(
            node.namedChildren.filter((part) => part.type !== "comment").map((part) => this.decodeString(part, scope))
          ),
          node
        );
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
        if (object.kind === "model" && name === "__table__") return { kind: "table", name: object.table };
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
      if (callee?.kind === "model") return { kind: "row", table: callee.table };
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
    if (isCoreStatementCall(fnText)) return { kind: "statement", node };
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
var TYPE_NAMES = new Map(
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
  const head = callee.text.includes(".") ? callee.text.slice(0, callee.text.indexOf(".")) : void 0;
  const headValue = head === void 0 ? void 0 : scope.lookup(head);
  if (headValue?.kind === "module" && headValue.module !== void 0) return callee.text.toLowerCase();
  const name = callee.text.replace(MODULE_PREFIX, "");
  const lower = name.toLowerCase();
  if (lower === "datetime" || lower === "timestamp") {
    const firstPositional = node.type === "call" ? node.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment") : void 0;
    const timezone = node.type === "call" ? keywordArgument(node, "timezone")?.text ?? (firstPositional && firstPositional.type !== "keyword_argument" ? firstPositional.text : void 0) : void 0;
    return timezone === "True" ? "timestamp with time zone" : "timestamp without time zone";
  }
  const base = TYPE_NAMES.get(lower);
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
var TABLE_ELEMENT_CALL = /(?:^|\.)(?:UniqueConstraint|PrimaryKeyConstraint|ForeignKeyConstraint|CheckConstraint|Index)$/;
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
    const list = value(name);
    const node = args.named.get(name);
    if (list.kind === "list") return list.items.map((item) => nameOf(item, node));
    return node === void 0 || list.kind === "none" ? [] : [nameOf(list, node)];
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
              ...constraintName !== void 0 ? { name: constraintName } : {},
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
      const splat = (site.call.childForFieldName("arguments")?.namedChildren ?? []).some(
        (arg) => arg?.type === "list_splat"
      );
      const allColumnsKnown = !splat && declarations.length === elements.filter((element) => isColumnCall(element)).length && declarations.every((declaration) => !hasUnresolvedPart(declaration.spec.name)) && elements.every(
        (element) => isColumnCall(element) || TABLE_ELEMENT_CALL.test(element.type === "call" ? element.childForFieldName("function")?.text ?? "" : "")
      );
      for (const declaration of declarations) {
        const column = declaration.spec.name;
        if (declaration.unique) constraints.push({ constraintType: "unique", columns: [column] });
      }
      return [
        {
          ...base,
          kind: "create-table",
          columns,
          ...constraints.length > 0 ? { constraints } : {},
          ifNotExists: isTrue(args.named.get("if_not_exists")),
          fromQuery: false,
          ...allColumnsKnown ? { allColumnsKnown: true } : {}
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
var INSPECTOR_LISTINGS = "get_table_names|get_columns|get_indexes|get_unique_constraints|get_foreign_keys|get_check_constraints|get_sequence_names|get_view_names|get_enums";
var INSPECTOR_LISTING = new RegExp(`\\b(?:${INSPECTOR_LISTINGS})\\b`);
var EXISTENCE_CHECK = new RegExp(
  `\\b(?:has_table|has_column|has_index|has_sequence|has_schema|get_pk_constraint|${INSPECTOR_LISTINGS})\\b|exist`,
  "i"
);
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
var DDL_CONSTRUCT = /^(?:(?:sa|sqlalchemy|schema|ddl)\.)*(Create|Drop)(Sequence|Table)$/;
var CORE_STATEMENTS = /^(?:(?:sa|sqlalchemy|sql|expression)\.)*(update|insert|delete|select)$/;
var FILTER_METHODS = /* @__PURE__ */ new Set(["where", "filter", "filter_by"]);
var QUERY_FILTER = /\.[\s\\]*(?:filter|filter_by|where)\s*\(/;
var MAX_MENTION_HOPS = 2;
var MAX_NAMES_FOLLOWED = 16;
var MAX_CHAIN_LENGTH = 64;
var WORD_CHARACTER = /\w/;
var MAX_OP_ALIASES_SCANNED = 16;
function containsWord(text, word) {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === void 0 || !WORD_CHARACTER.test(before)) && (after === void 0 || !WORD_CHARACTER.test(after)))
      return true;
  }
  return false;
}
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
  /** Names `op` was assigned or passed to in this walk: with the import names, what a stray `op` can be called. */
  opAliases = /* @__PURE__ */ new Set();
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
    let strayOp = false;
    let mentionsOp;
    for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
      const current = next.node;
      const kind = current.type;
      if (kind === "identifier") {
        mentionsOp ??= this.mentionsOp(node.text);
        if (mentionsOp && !strayOp && this.isOp(current, state.scope)) {
          strayOp = true;
          this.emitOpaque(
            node,
            state,
            "op is used here in a way migragate does not follow (handed to code it does not read, or reached through getattr, a variable or a container); the operations this runs are not analysed"
          );
        }
        continue;
      }
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
      const only = kind === "attribute" ? current.childForFieldName("object") : kind === "keyword_argument" ? current.childForFieldName("value") : void 0;
      if (only !== void 0) {
        if (only) pending.push({ node: only, atStatement: false });
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
    const givesOpAName = left?.type === "identifier" && this.isOp(right, state.scope);
    if (!givesOpAName) this.walkExpression(right, state);
    if (left?.type !== "identifier") return;
    let value = this.valueOf(right, state.scope);
    if (node.type === "augmented_assignment") {
      const previous = state.scope.lookup(left.text);
      if (previous?.kind === "str" && value.kind === "str") {
        value = this.evaluator.madeString(concat([previous.value, value.value]), right);
      } else value = unknownFrom(right, [previous, value]);
    } else if (right.type === "call" && value.kind === "unknown") {
      value = this.callResult(right, state) ?? value;
    }
    this.define(state.scope, left.text, value);
  }
  /**
   * The value a call returns when it is one migragate tracks: `op.create_table` returns the new table; a call that is
   * handed `op` and not followed (a class of the project's, an imported function) returns an object that holds it.
   */
  callResult(call, state) {
    const fn = call.childForFieldName("function");
    if (fn && this.handsOverOp(call, state.scope) && this.evaluator.evaluate(fn, state.scope).kind !== "function") {
      return { kind: "op-holder", built: compact(call.text) };
    }
    if (fn?.type !== "attribute") return void 0;
    const object = fn.childForFieldName("object");
    const method = fn.childForFieldName("attribute")?.text;
    if (object && this.isOp(object, state.scope) && method === "create_table") {
      const first = call.childForFieldName("arguments")?.namedChildren[0];
      const name = plainString(this.evaluator.evaluate(first, state.scope));
      return name ? { kind: "table", name } : void 0;
    }
    return void 0;
  }
  /** `ReflectMigrations(op)`, `helper(bind, operations=op)`: `op` itself is one of the call's arguments. */
  handsOverOp(call, scope) {
    for (const argument of call.childForFieldName("arguments")?.namedChildren ?? []) {
      const value = argument?.type === "keyword_argument" ? argument.childForFieldName("value") : argument;
      if (value && this.isOp(value, scope)) return true;
    }
    return false;
  }
  /** Whether the expression is `op`: one of its import names, or a name `op` was assigned or passed to. */
  isOp(node, scope) {
    if (node.type !== "identifier") return false;
    return this.frame.opNames.has(node.text) || scope.lookup(node.text)?.kind === "op";
  }
  /** What an expression holds, `op` included (the evaluator does not know the file's names for it). */
  valueOf(node, scope) {
    return node.type === "identifier" && this.frame.opNames.has(node.text) ? { kind: "op" } : this.evaluator.evaluate(node, scope);
  }
  /** Defines a name in a scope, remembering it when it holds `op`. */
  define(scope, name, value) {
    if (value.kind === "op") this.opAliases.add(name);
    scope.define(name, value);
  }
  /** Whether the text names `op` (under an import name or a name it was given) as a whole word. */
  mentionsOp(text) {
    if (this.opAliases.size > MAX_OP_ALIASES_SCANNED) return true;
    for (const names of [this.frame.opNames, this.opAliases]) {
      for (const name of names) if (containsWord(text, name)) return true;
    }
    return false;
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
    const checksExistence = (text) => mentions(text, EXISTENCE_CHECK, scope);
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
    const listsExisting = right !== null && right.endIndex - right.startIndex <= MAX_CONDITION_LENGTH && mentions(right.text, INSPECTOR_LISTING, state.scope);
    const repeated = repeatedContext(state.context);
    const context = listsExisting ? { ...repeated, existenceGuard: true } : repeated;
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
    const query = right ? this.sessionQuery(right, state.scope) : void 0;
    const rowsContext = query?.table === void 0 ? context : { ...context, rowsOf: query.table };
    if (target?.type === "identifier" && query) this.emitRowUpdates(query, target.text, body, { ...state, context });
    this.walkBlock(body, { ...state, scope, context: rowsContext });
  }
  /**
   * `for token in session.query(APIToken): token.scopes = ...`: the ORM writes every changed row back on commit, an
   * UPDATE per row of the table. One data change stands for them, at the first attribute the loop sets.
   */
  emitRowUpdates(query, row, body, state) {
    const assignment = body.descendantsOfType(["assignment", "augmented_assignment"]).find((candidate) => {
      const left = candidate.childForFieldName("left");
      return left?.type === "attribute" && left.childForFieldName("object")?.text === row;
    });
    if (assignment === void 0) return;
    this.emit(this.dataChange(assignment, state, "update", query.table, true, "core"));
  }
  /**
   * `session.query(Model)...` (`.all()`, `.filter(...)`): the rows of a session's query, and their table if known. A
   * variable that holds such a query (`configs = session.query(Config_old)`, then `for conf in configs:`) is read
   * through, one assignment deep.
   */
  sessionQuery(chain, scope) {
    const held = chain.type === "identifier" ? scope.lookup(chain.text) : void 0;
    const expression = held?.kind === "unknown" && held.node !== void 0 ? held.node : chain;
    const query = methodCallIn(expression, (method) => method === "query");
    const session = query?.childForFieldName("function")?.childForFieldName("object");
    if (!query || session?.type !== "identifier" || scope.lookup(session.text)?.kind !== "session") return void 0;
    const table = this.queriedTable(query, scope);
    return table === void 0 ? {} : { table };
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
      } else if (this.isOpCall(value, state.scope, "batch_alter_table")) {
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
  isOpCall(call, scope, directive) {
    const fn = call.childForFieldName("function");
    if (fn?.type !== "attribute") return false;
    const object = fn.childForFieldName("object");
    if (!object || !this.isOp(object, scope)) return false;
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
    if (this.isOp(object, state.scope)) {
      this.emitDirective(method, call, state);
      return true;
    }
    if (this.walkModuleCall(call, fn, object, state, atStatement)) return true;
    const target = object.type === "identifier" ? state.scope.lookup(object.text) : void 0;
    if (target?.kind === "batch") {
      this.emitDirective(method, call, state, target);
      return true;
    }
    if (target?.kind === "op-holder") {
      this.emitOpaque(
        call,
        state,
        `${fn.text}() is a method of an object built from op (${target.built}), which migragate does not follow; the operations it runs are not analysed`
      );
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
    if ((method === "create_all" || method === "drop_all") && this.isBindArgument(call, state)) {
      this.emitOpaque(
        call,
        state,
        `${fn.text}() ${method === "create_all" ? "creates" : "drops"} the tables of a MetaData migragate does not read; which tables it touches is not analysed`
      );
      return true;
    }
    if (target?.kind === "session" && SESSION_DATA_METHODS.has(method)) {
      const rows = call.childForFieldName("arguments")?.namedChildren.filter((arg) => arg?.type !== "comment").at(-1);
      const repeated = SESSION_ROW_LISTS.has(method) && !rowsWrittenOut(rows ?? void 0, this.evaluator, state.scope);
      const rowState = repeated ? { ...state, context: repeatedContext(state.context) } : state;
      const table = this.rowsTable(rows ?? void 0, state.scope);
      this.emit(this.dataChange(call, rowState, method === "delete" ? "delete" : "insert", table, true, "core"));
      return true;
    }
    if ((method === "update" || method === "delete") && /\.query\(/.test(object.text)) {
      const table = this.queriedTable(object, state.scope);
      this.emit(this.dataChange(call, state, method, table, QUERY_FILTER.test(object.text), "core"));
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
  /** The table of the rows a session writes: `Model(...)`, or a list of them all of one model. */
  rowsTable(rows, scope) {
    const value = rows ? this.evaluator.evaluate(rows, scope) : void 0;
    if (value?.kind === "row") return value.table;
    if (value?.kind !== "list" || value.items.length === 0) return void 0;
    const tables = new Set(value.items.map((item) => item.kind === "row" ? item.table : void 0));
    const [only] = tables;
    return tables.size === 1 ? only : void 0;
  }
  /** The table of `session.query(Model)...`: the model the chain's `query(...)` is given. */
  queriedTable(chain, scope) {
    const query = methodCallIn(chain, (method) => method === "query");
    const [first] = query?.childForFieldName("arguments")?.namedChildren ?? [];
    const model = first ? this.evaluator.evaluate(first, scope) : void 0;
    return model?.kind === "model" ? model.table : void 0;
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
        const value = arg.childForFieldName("value");
        if (key && value) this.define(scope, key, this.valueOf(value, callerScope));
      } else {
        const name = names[position++];
        if (name) this.define(scope, name, this.valueOf(arg, callerScope));
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
    if (this.coreExpression(node, call, state) || this.ddlConstruct(node, call, state)) return;
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
  /**
   * `op.execute(sa.schema.DropSequence(sa.Sequence("ids")))`, `CreateTable(table)`: SQLAlchemy's DDL constructs,
   * read as the statement they compile to.
   */
  ddlConstruct(argument, call, state) {
    if (argument.type !== "call") return false;
    const construct = DDL_CONSTRUCT.exec(argument.childForFieldName("function")?.text ?? "");
    if (!construct) return false;
    const [, verb, what] = construct;
    const target = argument.childForFieldName("arguments")?.namedChildren.find((arg) => arg && arg.type !== "comment" && arg.type !== "keyword_argument");
    if (!target) return false;
    const guarded = isTrue(keywordArgument(argument, verb === "Create" ? "if_not_exists" : "if_exists"));
    const base = {
      origin: "core",
      span: this.span(call),
      context: state.context,
      text: compact(call.text),
      construct: true
    };
    if (what === "Table") {
      const table = this.evaluator.evaluate(target, state.scope);
      if (table.kind !== "table") return false;
      const named = { table: table.name, ...table.schema ? { schema: table.schema } : {} };
      this.emit(
        verb === "Create" ? { ...base, ...named, kind: "create-table", columns: [], ifNotExists: guarded, fromQuery: false } : { ...base, ...named, kind: "drop-table", ifExists: guarded, cascade: false }
      );
      return true;
    }
    const sequence = target.type === "call" ? target : void 0;
    const first = sequence?.childForFieldName("arguments")?.namedChildren.find((arg) => arg?.type !== "comment");
    const name = plainString(this.evaluator.evaluate(first ?? void 0, state.scope)) ?? unresolvedName(target.text);
    this.emit(
      verb === "Create" ? { ...base, kind: "create-object", objectType: "sequence", name, ifNotExists: guarded, orReplace: false } : { ...base, kind: "drop-object", objectType: "sequence", name, ifExists: guarded, cascade: false }
    );
    return true;
  }
  /** `table.update().where(...)`, `sa.insert(table).values(...)`, `sa.select(...)`: SQLAlchemy core statements. */
  coreExpression(argument, call, state) {
    if (argument.type !== "call") return false;
    const methods = [];
    const filters = [];
    let fromSelect;
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
        if (method === "from_select") fromSelect = node.childForFieldName("arguments")?.namedChildren[1] ?? void 0;
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
    const hasWhere = methods.some((method) => FILTER_METHODS.has(method)) || fromSelect !== void 0 && filtersRows(this.statementNode(fromSelect, state.scope));
    const kind = statement === "insert" ? methods.includes("from_select") ? "insert-select" : "insert" : statement;
    const whereIsNull = kind === "update" || kind === "delete" ? coreNullTestedColumns(filters) : void 0;
    this.emit(
      this.dataChange(call, state, kind, table, kind === "insert" || hasWhere, "core", argument.text, whereIsNull)
    );
    return true;
  }
  /** The statement a name holds (`q = select(...).where(...)`, then `from_select(columns, q)`), else the node. */
  statementNode(node, scope) {
    if (node.type !== "identifier") return node;
    const value = scope.lookup(node.text);
    return value?.kind === "statement" ? value.node : node;
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
function filtersRows(query) {
  return methodCallIn(query, (method) => FILTER_METHODS.has(method)) !== void 0;
}
function methodCallIn(chain, test) {
  let node = chain;
  for (let depth = 0; node?.type === "call" && depth < MAX_CHAIN_LENGTH; depth++) {
    const fn = node.childForFieldName("function");
    if (fn?.type !== "attribute") return void 0;
    if (test(fn.childForFieldName("attribute")?.text ?? "")) return node;
    node = fn.childForFieldName("object");
  }
  return void 0;
}
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
function mentions(text, pattern, scope, hops = 0, seen = /* @__PURE__ */ new Set()) {
  if (pattern.test(text)) return true;
  if (hops >= MAX_MENTION_HOPS) return false;
  for (const name of (text.match(/[A-Za-z_]\w*/g) ?? []).slice(0, MAX_NAMES_FOLLOWED)) {
    if (seen.has(name)) continue;
    seen.add(name);
    const value = scope.lookup(name);
    if (value?.kind === "unknown" && mentions(value.text, pattern, scope, hops + 1, seen)) return true;
  }
  return false;
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
  /** Modules whose top level is being bound, innermost last. */
  parsing = [];
  trees = [];
  readRecord = /* @__PURE__ */ new Map();
  missingRecord = /* @__PURE__ */ new Map();
  /** Starts recording the modules one revision reads. */
  begin() {
    this.readRecord = /* @__PURE__ */ new Map();
    this.missingRecord = /* @__PURE__ */ new Map();
  }
  /** The modules the revision read since `begin()`. */
  modulesRead() {
    return [...this.readRecord.values()];
  }
  /** The project modules the revision looked for since `begin()` and did not find. */
  modulesMissing() {
    return [...this.missingRecord.values()];
  }
  /** Frees the parse trees of every module read. */
  dispose() {
    for (const tree of this.trees.splice(0)) tree.delete();
    this.loaded.clear();
  }
  /**
   * Binds the names an `import` or `from ... import` statement introduces. A module is read when one of its names is
   * first used, not at the import: most imports only name column types, and a package's imports fan out widely.
   */
  bindImport(statement, fromFile, target, depth = 0) {
    if (statement.type === "import_statement") {
      for (const imported of statement.childrenForFieldName("name")) {
        if (!imported) continue;
        const dotted = imported.type === "aliased_import" ? imported.childForFieldName("name")?.text : imported.text;
        const alias = imported.type === "aliased_import" ? imported.childForFieldName("alias")?.text : void 0;
        if (!dotted || LIBRARY_MODULES.test(dotted)) continue;
        const bound = alias ?? dotted.split(".")[0] ?? dotted;
        const name = alias ? dotted : bound;
        target.scope.defineLazy(
          bound,
          () => this.evaluator.atTopLevel(() => this.moduleValue(name, 0, fromFile, depth, target))
        );
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
      target.scope.defineLazy(
        local,
        () => this.evaluator.atTopLevel(() => this.importedName(module, level, original, fromFile, depth, target))
      );
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
    const submodule = loaded && isPackage ? this.evaluator.atTopLevel(() => this.load(name, 1, loaded.path, 0)) : void 0;
    return submodule ? { kind: "module", name: `${value.name}.${name}`, module: submodule } : void 0;
  }
  load(module, level, fromFile, depth, target) {
    if (!this.source || fromFile === void 0 || depth >= MAX_IMPORT_DEPTH || module === "" && level === 0)
      return void 0;
    const file = this.source.find(module, level, fromFile);
    if (!file) {
      const key = `${level}\0${module}\0${fromFile}`;
      if (this.missingRecord.size < MAX_MODULES) this.missingRecord.set(key, { module, level, from: fromFile });
      return void 0;
    }
    let loaded = this.loaded.get(file.path);
    let parent;
    if (loaded === void 0) {
      const dot = module.lastIndexOf(".");
      parent = dot > 0 ? this.load(module.slice(0, dot), level, fromFile, depth, target) : void 0;
      loaded = this.loaded.get(file.path);
    }
    if (loaded === void 0) {
      loaded = this.loaded.size >= MAX_MODULES ? null : this.parse(file, depth);
      if (loaded === null) this.loaded.set(file.path, null);
      else if (parent && parent !== loaded) loaded.dependencies.push(parent);
    }
    if (loaded) {
      this.record(loaded, /* @__PURE__ */ new Set());
      const owner = target ? target : this.parsing.at(-1);
      const dependencies = owner?.dependencies;
      if (dependencies && owner !== loaded && !dependencies.includes(loaded)) dependencies.push(loaded);
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
    this.loaded.set(file.path, module);
    if (!tree) return module;
    this.trees.push(tree);
    this.parsing.push(module);
    try {
      this.bindTopLevel(tree.rootNode, file.path, module, depth);
    } finally {
      this.parsing.pop();
    }
    return module;
  }
  /** A constant of `module`, worked out as if its top level were running: what it reads is the module's own. */
  evaluateIn(module, node) {
    return this.evaluator.atTopLevel(() => {
      this.parsing.push(module);
      try {
        return this.evaluator.evaluate(node, module.scope);
      } finally {
        this.parsing.pop();
      }
    });
  }
  /**
   * Binds a module's top level. A constant is worked out when a revision first reads it, not here: evaluating every
   * constant of a module (`REGISTRY = build_registry(plugins.ALL)`) reads the modules they name, most of them for
   * values no revision uses. Lazily bound values see the module's names as they stand at the end of its top level,
   * which is what they saw when written only where no name is bound twice; a module that rebinds a name is
   * evaluated in order, as Python runs it.
   */
  bindTopLevel(root, path, module, depth) {
    const scope = module.scope;
    const lazily = eachNameBoundOnce(root);
    for (const statement of root.namedChildren) {
      if (!statement) continue;
      if (statement.type === "import_statement" || statement.type === "import_from_statement") {
        this.bindImport(statement, path, module, depth + 1);
      } else if (statement.type === "expression_statement") {
        const inner = statement.namedChildren[0];
        const left = inner?.type === "assignment" ? inner.childForFieldName("left") : void 0;
        const right = inner?.childForFieldName("right");
        if (!inner || left?.type !== "identifier") continue;
        if (lazily) scope.defineLazy(left.text, () => this.evaluateIn(module, right));
        else scope.define(left.text, this.evaluator.evaluate(right, scope));
      } else if (statement.type === "function_definition" || statement.type === "decorated_definition") {
        const definition = statement.type === "function_definition" ? statement : statement.childForFieldName("definition");
        const name = definition?.childForFieldName("name")?.text;
        if (definition && name) scope.define(name, { kind: "function", node: definition, scope, module });
      }
    }
  }
};
function eachNameBoundOnce(root) {
  const bound = /* @__PURE__ */ new Map();
  const once = ([name, what]) => {
    if (name === void 0) return true;
    const before = bound.get(name);
    if (before !== void 0) return before === what && what.startsWith("package ");
    bound.set(name, what);
    return true;
  };
  for (const statement of root.namedChildren) {
    let names = [];
    if (statement.type === "expression_statement") {
      const inner = statement.namedChildren[0];
      const left = inner?.type === "assignment" ? inner.childForFieldName("left") : void 0;
      if (left?.type === "identifier") names = [[left.text, "value"]];
    } else if (statement.type === "function_definition" || statement.type === "decorated_definition") {
      const definition = statement.type === "function_definition" ? statement : statement.childForFieldName("definition");
      names = [[definition?.childForFieldName("name")?.text, "function"]];
    } else if (statement.type === "import_statement" || statement.type === "import_from_statement") {
      names = statement.childrenForFieldName("name").map((imported) => {
        if (imported.type === "aliased_import") return [imported.childForFieldName("alias")?.text, "import"];
        if (statement.type === "import_from_statement") return [imported.text, "import"];
        const top = imported.text.split(".")[0];
        return [top, `package ${top}`];
      });
    }
    if (!names.every(once)) return false;
  }
  return true;
}

// src/adapters/python/orm-models.ts
function ormModel(definition, evaluator, scope) {
  for (const statement of definition.childForFieldName("body")?.namedChildren ?? []) {
    const assignment = statement?.type === "expression_statement" ? statement.namedChildren[0] : void 0;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== "__tablename__") continue;
    const table = plainString(evaluator.evaluate(assignment.childForFieldName("right"), scope));
    return table === void 0 ? void 0 : { kind: "model", table };
  }
  return void 0;
}

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
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === "ERROR" || node.isMissing) return node;
    if (!node.hasError) continue;
    const children = node.children;
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]);
  }
  return void 0;
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
  modulesMissing() {
    return this.modules.modulesMissing();
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
        } else if (statement.type === "class_definition") {
          const name = statement.childForFieldName("name")?.text;
          const model = ormModel(statement, this.evaluator, moduleScope);
          if (name && model) moduleScope.define(name, model);
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
      for (const operation of translation.operations) operations.push(operation);
      for (const problem of translation.problems) problems.push(problem);
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
      const list = names.get(name);
      if (list) list.push(right);
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

// src/cli/extract-sources.ts
function projectModules(cwd) {
  return { source: new ProjectModules(), displayPath: (absolute) => displayPath(cwd, absolute) };
}
var MAY_RUN_SQL = /\.execute\(|exec_driver_sql\(/;
function runsSql(jobs) {
  return jobs.some((job) => job.kind === "sql" || job.kind === "revision" && MAY_RUN_SQL.test(job.text));
}
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
      reason: `the file holds more than ${withThousands(MAX_OPERATIONS_PER_FILE)} operations: the last ${withThousands(rest)} are not analysed`
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
var FileExtractor = class _FileExtractor {
  translators;
  revisions;
  env;
  constructor(parser, reading, modules, translators = sqlTranslatorProvider(reading)) {
    this.translators = translators;
    this.revisions = new RevisionExtractor(parser, this.translators, modules);
    this.env = new EnvExtractor(parser);
  }
  /**
   * An extractor for `jobs` whose SQL parser, when any file looks like it runs SQL, compiles while the Python parser
   * loads: the two WebAssembly compilations overlap instead of following each other.
   */
  static async load(loadParser, reading, jobs, modules) {
    const translators = sqlTranslatorProvider(reading);
    if (runsSql(jobs)) translators.prefetch(reading.dialect);
    return new _FileExtractor(await loadParser(), reading, modules, translators);
  }
  /** Frees what helper modules hold; the extractor is not used afterwards. */
  dispose() {
    this.revisions.dispose();
  }
  /** Never throws: a file that fails is named with the reason; `crashed` says the parsers must be replaced. */
  async extract(job) {
    try {
      return { result: await this.read(job) };
    } catch (error) {
      if (isParserCrash(error))
        return { result: failedFile(job.file, crashReason(error), job.text), crashed: true };
      return { result: failedFile(job.file, error instanceof Error ? error.message : String(error), job.text) };
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
    const missing = this.revisions.modulesMissing();
    if (revision)
      return {
        revision: capped(revision),
        ...modules.length > 0 ? { modules } : {},
        ...missing.length > 0 ? { missing } : {}
      };
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
  projectModules,
  MAX_OPERATIONS_PER_FILE,
  isParserCrash,
  FileExtractor,
  extractSources
};
