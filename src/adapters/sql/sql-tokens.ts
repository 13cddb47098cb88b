/**
 * The lexical layer of MySQL/MariaDB and SQLite: enough to find statement boundaries (their parser gives none) and
 * to read the few statements the parser does not know. Comments and whitespace are skipped.
 */

export type TokenDialect = "mysql" | "sqlite";

export interface Token {
  readonly kind: "word" | "quoted" | "string" | "number" | "param" | "punct";
  /** Source text; for `word`s and `quoted` identifiers, the name without its quotes. */
  readonly text: string;
  /** Upper-cased `text` of a `word` (keywords compare on it); empty otherwise. */
  readonly upper: string;
  readonly start: number;
  readonly end: number;
}

export function tokenize(text: string, dialect: TokenDialect): Token[] {
  return [...tokensOf(text, dialect)];
}

/** The tokens of `text` one at a time, so that a caller can work statement by statement on a text of megabytes. */
export function* tokensOf(text: string, dialect: TokenDialect): Generator<Token> {
  // Sticky, so their lastIndex moves: new ones each call, never shared.
  const word = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y;
  const number = /(?:0x[\da-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y;
  const param = /(?:\?\d*|[:@$][A-Za-z_]\w*|@@[A-Za-z_][\w.]*)/y;
  let index = 0;
  let token: Token | undefined;
  const push = (kind: Token["kind"], start: number, end: number, value = text.slice(start, end)) => {
    token = { kind, text: value, upper: kind === "word" ? value.toUpperCase() : "", start, end };
  };
  while (index < text.length) {
    const char = text[index] ?? "";
    const next = text[index + 1] ?? "";
    if (/\s/.test(char)) {
      index++;
    } else if ((char === "-" && next === "-") || (char === "#" && dialect === "mysql")) {
      const newline = text.indexOf("\n", index);
      index = newline < 0 ? text.length : newline + 1;
    } else if (char === "/" && next === "*") {
      const close = text.indexOf("*/", index + 2);
      index = close < 0 ? text.length : close + 2;
    } else if (char === "'" || char === '"' || char === "`" || (char === "[" && dialect === "sqlite")) {
      const close = char === "[" ? "]" : char;
      const end = quotedEnd(text, index, close, dialect === "mysql" && char !== "`");
      const body = text.slice(index + 1, end - 1).replaceAll(close + close, close);
      const identifier = char === "`" || char === "[" || (char === '"' && dialect === "sqlite");
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
      token = undefined;
    }
  }
}

/** Whether sticky `pattern` matches at `index`; its `lastIndex` is then the end of the match. */
function matchAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

/** Index after the closing quote; doubled quotes (and backslash escapes in MySQL strings) stay inside. */
function quotedEnd(text: string, start: number, close: string, backslash: boolean): number {
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

/** A statement: its tokens and where it stands (first token to last, without the `;`). */
export interface TokenStatement {
  /** The tokens; only the first `MAX_STATEMENT_TOKENS` of a statement that has more (`truncated`). */
  readonly tokens: readonly Token[];
  readonly start: number;
  readonly end: number;
  readonly truncated?: boolean;
}

/**
 * Tokens kept of one statement: a statement of megabytes without a semicolon would otherwise hold a token object
 * per character or two, and no parser reads such a statement in reasonable time anyway.
 */
export const MAX_STATEMENT_TOKENS = 200_000;

/**
 * Splits at top-level semicolons. The bodies of CREATE TRIGGER/PROCEDURE/FUNCTION/EVENT (`BEGIN ... END`, with
 * `CASE ... END` inside) hold semicolons of their own and stay whole.
 */
export function splitStatements(tokens: Iterable<Token>): TokenStatement[] {
  return [...statementsOf(tokens)];
}

/** Statements one at a time: only the tokens of the statement being read are held. */
export function* statementsOf(tokens: Iterable<Token>): Generator<TokenStatement> {
  let current: Token[] = [];
  let last: Token | undefined;
  let depth = 0;
  let compound = false;
  /** An END waits for the next token: `END IF` and the like close nothing counted. */
  let pendingEnd = false;
  const statement = (): TokenStatement | undefined => {
    const first = current[0];
    const truncated = current.length >= MAX_STATEMENT_TOKENS;
    const done =
      first && last
        ? { tokens: current, start: first.start, end: last.end, ...(truncated ? { truncated } : {}) }
        : undefined;
    current = [];
    last = undefined;
    depth = 0;
    compound = false;
    pendingEnd = false;
    return done;
  };
  for (const token of tokens) {
    if (pendingEnd) {
      pendingEnd = false;
      if (!ENDS_UNCOUNTED.has(token.upper)) depth--;
    }
    if (token.kind === "punct" && token.text === ";" && depth === 0) {
      const done = statement();
      if (done) yield done;
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

const ROUTINES = new Set(["TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"]);
/** `END IF`/`END LOOP`/... close blocks whose openings were not counted (IF is also a function name). */
const ENDS_UNCOUNTED = new Set(["IF", "LOOP", "WHILE", "REPEAT"]);
