import type { ObjectType } from "../../domain/index.js";
import { type OperationDetail, schemaOf } from "./operation-detail.js";
import type { Token } from "./sql-tokens.js";
import { unquote } from "./statement-text.js";

/**
 * Statements and ALTER TABLE clauses that node-sql-parser does not know but whose whole grammar is a few keywords
 * (PRAGMA, SAVEPOINT, VACUUM, SQLite's DROP INDEX, MySQL's CONVERT TO CHARACTER SET...), read from their tokens.
 * Anything not matched exactly here stays unparsed.
 */

/** A cursor over one statement's tokens. */
export class TokenReader {
  private index = 0;

  constructor(
    readonly tokens: readonly Token[],
    /** The prepared SQL the tokens point into. */
    private readonly sql: string,
    private readonly name: (value: string) => string,
  ) {}

  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  /** Consumes one token. */
  next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index++;
    return token;
  }

  /** Consumes the keywords if they come next, in order. */
  accept(...words: string[]): boolean {
    if (!words.every((word, offset) => this.peek(offset)?.upper === word)) return false;
    this.index += words.length;
    return true;
  }

  acceptPunct(text: string): boolean {
    if (this.peek()?.kind !== "punct" || this.peek()?.text !== text) return false;
    this.index++;
    return true;
  }

  /** An identifier, placeholders restored; undefined when none comes next. */
  identifier(): string | undefined {
    const token = this.peek();
    if (token?.kind !== "word" && token?.kind !== "quoted") return undefined;
    this.index++;
    return this.name(token.text);
  }

  /** `[schema.]name`. */
  qualified(): { name: string; schema?: string } | undefined {
    const first = this.identifier();
    if (first === undefined) return undefined;
    if (!this.acceptPunct(".")) return { name: first };
    const second = this.identifier();
    return second === undefined ? undefined : { name: second, schema: first };
  }

  /** Source text of the tokens left, consuming them. */
  rest(): string {
    return this.textUntil(() => false);
  }

  /** Source text up to (not including) the first top-level token that `stop` accepts, consuming it. */
  textUntil(stop: (token: Token) => boolean): string {
    const first = this.peek();
    let last: Token | undefined;
    let depth = 0;
    for (let token = this.peek(); token; token = this.peek()) {
      if (depth === 0 && stop(token)) break;
      if (token.kind === "punct" && token.text === "(") depth++;
      if (token.kind === "punct" && token.text === ")") depth--;
      last = this.next();
    }
    return first && last ? this.sql.slice(first.start, last.end) : "";
  }
}

const TRANSACTION_WORDS: ReadonlyMap<string, "begin" | "commit" | "rollback" | "savepoint" | "release"> = new Map(
  Object.entries({
    BEGIN: "begin",
    START: "begin",
    COMMIT: "commit",
    END: "commit",
    ROLLBACK: "rollback",
    SAVEPOINT: "savepoint",
    RELEASE: "release",
  }),
);

/** A whole statement the parser rejected, when it is one of the few known by keywords alone. */
export function keywordStatement(reader: TokenReader): OperationDetail[] | undefined {
  const first = reader.peek();
  if (first?.kind !== "word") return undefined;
  const transaction = TRANSACTION_WORDS.get(first.upper);
  if (transaction && (first.upper !== "START" || reader.peek(1)?.upper === "TRANSACTION")) {
    // ROLLBACK TO SAVEPOINT stays a rollback; END is SQLite's COMMIT
    return [{ kind: "transaction-control", statement: transaction }];
  }
  if (reader.accept("PRAGMA")) return [{ kind: "utility", statement: "PRAGMA" }];
  if (reader.accept("VACUUM")) return [{ kind: "maintenance", command: "vacuum", concurrently: false }];
  if (reader.accept("ANALYZE")) return [{ kind: "maintenance", command: "analyze", concurrently: false }];
  if (reader.accept("REINDEX")) return [{ kind: "maintenance", command: "reindex", concurrently: false }];
  for (const word of ["OPTIMIZE", "CHECK", "REPAIR", "CHECKSUM"]) {
    if (
      reader.accept(word, "TABLE") ||
      reader.accept(word, "LOCAL", "TABLE") ||
      reader.accept(word, "NO_WRITE_TO_BINLOG", "TABLE")
    )
      return [{ kind: "utility", statement: `${word} TABLE` }];
  }
  for (const word of ["REVOKE", "GRANT", "ATTACH", "DETACH", "FLUSH"]) {
    if (reader.accept(word)) return [{ kind: "utility", statement: word }];
  }
  if (reader.accept("SHOW")) return [{ kind: "query" }];
  if (reader.accept("SET")) return setStatement(reader);
  if (reader.accept("DROP")) return dropStatement(reader);
  if (reader.accept("CREATE")) return createStatement(reader);
  return undefined;
}

/** `SET [GLOBAL|SESSION] name = value, ...`, `SET NAMES x`, `SET CHARACTER SET x`, `SET TRANSACTION ...`. */
function setStatement(reader: TokenReader): OperationDetail[] | undefined {
  if (reader.accept("NAMES")) return [{ kind: "set-config", name: "names", value: charset(reader), local: false }];
  if (reader.accept("CHARACTER", "SET") || reader.accept("CHARSET"))
    return [{ kind: "set-config", name: "character_set", value: charset(reader), local: false }];
  if (reader.accept("TRANSACTION") || reader.accept("SESSION", "TRANSACTION"))
    return [{ kind: "set-config", name: "transaction", value: reader.rest(), local: true }];
  const details: OperationDetail[] = [];
  while (!reader.done) {
    const scopedGlobal = reader.accept("GLOBAL") || reader.accept("PERSIST");
    if (!scopedGlobal) reader.accept("SESSION") || reader.accept("LOCAL");
    const token = reader.next();
    if (!token || (token.kind !== "word" && token.kind !== "param")) return undefined;
    const global = scopedGlobal || /^@@(?:global|persist)\./i.test(token.text);
    const name = token.text.replace(/^@@(?:global\.|persist\.|session\.|local\.)?/i, "").replace(/^@/, "");
    if (!reader.acceptPunct("=") && !(reader.acceptPunct(":") && reader.acceptPunct("="))) return undefined;
    const value = reader.textUntil((next) => next.kind === "punct" && next.text === ",");
    if (value === "") return undefined;
    details.push({
      kind: "set-config",
      name,
      value: unquote(value),
      local: false,
      ...(global ? { global: true } : {}),
    });
    reader.acceptPunct(",");
  }
  return details.length > 0 ? details : undefined;
}

/** `utf8mb4 [COLLATE x]`, `'utf8mb4'`: the character set. */
function charset(reader: TokenReader): string {
  return unquote(reader.textUntil((token) => token.upper === "COLLATE"));
}

/** `DROP INDEX [IF EXISTS] [schema.]name` (SQLite: no ON), `DROP PROCEDURE|FUNCTION [IF EXISTS] name`. */
function dropStatement(reader: TokenReader): OperationDetail[] | undefined {
  if (reader.accept("INDEX")) {
    const ifExists = reader.accept("IF", "EXISTS");
    const target = reader.qualified();
    if (!target || !reader.done) return undefined;
    return [{ kind: "drop-index", name: target.name, concurrently: false, ifExists, ...schemaOf(target) }];
  }
  if (reader.accept("PROCEDURE") || reader.accept("FUNCTION") || reader.accept("EVENT")) {
    const ifExists = reader.accept("IF", "EXISTS");
    const target = reader.qualified();
    if (!target || !reader.done) return undefined;
    return [{ kind: "drop-object", objectType: "function", name: target.name, ifExists, cascade: false }];
  }
  return undefined;
}

/** Routines whose bodies the parser does not read: what they create. */
const ROUTINE_OBJECTS: ReadonlyMap<string, ObjectType> = new Map(
  Object.entries({
    PROCEDURE: "function",
    FUNCTION: "function",
    EVENT: "other",
    TRIGGER: "trigger",
  }),
);

/**
 * `CREATE [OR REPLACE] [DEFINER = x] PROCEDURE|FUNCTION|EVENT|TRIGGER [IF NOT EXISTS] name ...` (bodies with
 * BEGIN ... END), SQLite's `CREATE VIRTUAL TABLE [IF NOT EXISTS] name USING ...`.
 */
function createStatement(reader: TokenReader): OperationDetail[] | undefined {
  if (reader.accept("VIRTUAL", "TABLE")) {
    const ifNotExists = reader.accept("IF", "NOT", "EXISTS");
    const target = reader.qualified();
    if (!target || !reader.accept("USING")) return undefined;
    return [
      { kind: "create-table", table: target.name, ...schemaOf(target), columns: [], ifNotExists, fromQuery: true },
    ];
  }
  const orReplace = reader.accept("OR", "REPLACE");
  if (reader.accept("DEFINER")) {
    if (!reader.acceptPunct("=")) return undefined;
    while (!reader.done && !ROUTINE_OBJECTS.has(reader.peek()?.upper ?? "")) reader.next();
  }
  const word = reader.peek()?.upper ?? "";
  const objectType = ROUTINE_OBJECTS.has(word) ? ROUTINE_OBJECTS.get(word) : undefined;
  if (!objectType) return undefined;
  reader.next();
  const ifNotExists = reader.accept("IF", "NOT", "EXISTS");
  const target = reader.qualified();
  if (!target) return undefined;
  return [{ kind: "create-object", objectType, name: target.name, ifNotExists, orReplace }];
}

/** MySQL table options an ALTER TABLE may set; each is a change of the table as a whole. */
const TABLE_OPTIONS = new Set([
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
  "TRANSACTIONAL",
]);

/**
 * One ALTER TABLE clause the parser rejected. `undefined`: not known; `[]`: known and changes nothing by itself
 * (ALGORITHM=, LOCK=: how the statement runs).
 */
export function keywordAlterClause(reader: TokenReader, table: string): OperationDetail[] | undefined {
  const first = reader.peek();
  if (first?.kind !== "word") return undefined;
  if (first.upper === "ALGORITHM" || first.upper === "LOCK") return [];
  if (reader.accept("CONVERT", "TO")) {
    if (!(reader.accept("CHARACTER", "SET") || reader.accept("CHARSET"))) return undefined;
    return [{ kind: "alter-table-other", table, action: "CONVERT TO CHARACTER SET" }];
  }
  if (reader.accept("RENAME", "INDEX") || reader.accept("RENAME", "KEY")) {
    const name = reader.identifier();
    if (name === undefined || !reader.accept("TO")) return undefined;
    const newName = reader.identifier();
    if (newName === undefined || !reader.done) return undefined;
    return [{ kind: "rename-object", objectType: "index", table, name, newName }];
  }
  if (reader.accept("ALTER")) {
    if (reader.accept("INDEX")) return [{ kind: "alter-table-other", table, action: "ALTER INDEX" }];
    reader.accept("COLUMN");
    const column = reader.identifier();
    if (column === undefined) return undefined;
    if (reader.accept("SET", "DEFAULT")) {
      const value = reader.rest();
      return value === "" ? undefined : [{ kind: "set-column-default", table, column, default: value }];
    }
    if (reader.accept("DROP", "DEFAULT") && reader.done) return [{ kind: "set-column-default", table, column }];
    if (reader.accept("SET", "VISIBLE") || reader.accept("SET", "INVISIBLE"))
      return [{ kind: "alter-table-other", table, action: "ALTER COLUMN VISIBILITY" }];
    return undefined;
  }
  const words = [first.upper];
  if (first.upper === "DEFAULT") {
    const next = reader.peek(1);
    if (next?.kind !== "word" || !TABLE_OPTIONS.has(next.upper)) return undefined;
    words.push(next.upper);
  } else if (!TABLE_OPTIONS.has(first.upper)) {
    return undefined;
  }
  const action = first.upper === "CHARACTER" || words[1] === "CHARACTER" ? "CHARACTER SET" : (words.at(-1) ?? "?");
  return [{ kind: "alter-table-other", table, action }];
}
