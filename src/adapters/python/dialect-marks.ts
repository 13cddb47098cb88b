import type { Dialect } from "../../domain/index.js";

/** The databases whose options a revision can carry: SQLite has none worth reading. */
type ServerDialect = Extract<Dialect, "postgresql" | "mysql">;

/**
 * What in a revision's code only makes sense on one database: table options of MySQL (`mysql_engine="InnoDB"`), index
 * options of PostgreSQL (`postgresql_using="gin"`), and the types of either's SQLAlchemy dialect module. Projects
 * that run on one database write them without a branch; projects that run on both write both, or branch on it.
 */
const MARKS: readonly (readonly [ServerDialect, RegExp])[] = [
  [
    "mysql",
    /\bmysql_(?:engine|charset|default_charset|collate|row_format)\s*=|\bdialects\.mysql\b|\bfrom[ \t]+sqlalchemy\.dialects[ \t]+import[ \t][^\n]{0,200}\bmysql\b/,
  ],
  [
    "postgresql",
    /\bpostgresql_(?:using|where|concurrently|ops|include|with|nulls_not_distinct|not_valid|inherits|partition_by)\s*=|\bdialects\.postgresql\b|\bfrom[ \t]+sqlalchemy\.dialects[ \t]+import[ \t][^\n]{0,200}\bpostgresql\b/,
  ],
];

/**
 * A test of the database the revision runs on (`bind.dialect.name == "mysql"`, `engine.name`, `url.startswith(...)`):
 * the file's options may then sit in a branch for one database, and say nothing of the project's.
 */
const DIALECT_TEST =
  /\.(?:dialect|engine)\.name\b|\bname\s*[!=]=\s*["'](?:mysql|mariadb|postgres(?:ql)?|sqlite)["']|\.startswith\(\s*["'](?:mysql|mariadb|postgres|sqlite)/;

/** The databases whose marks a revision's code carries, each with the first mark as written (`mysql_engine=`). */
export function dialectMarks(text: string): Map<ServerDialect, string> {
  const found = new Map<ServerDialect, string>();
  // Most revisions name no database at all: one substring search settles them.
  if (!text.includes("mysql") && !text.includes("postgresql")) return found;
  if (DIALECT_TEST.test(text)) return found;
  for (const [dialect, pattern] of MARKS) {
    const code = new CodeScanner(text);
    const marks = new RegExp(pattern.source, "g");
    for (let match = marks.exec(text); match !== null; match = marks.exec(text)) {
      // Both ends: an import's `mysql` may sit in a comment after it.
      if (code.at(match.index) && code.at(match.index + match[0].length - 1)) {
        found.set(dialect, shownMark(match[0], dialect));
        break;
      }
    }
  }
  return found;
}

/**
 * Tells code from comments and strings (a docstring or a message that mentions `mysql_engine=` passes no option), at
 * positions asked in increasing order: it reads the text once, only as far as asked.
 */
class CodeScanner {
  private readonly special = /[#"']/g;
  /** Where the comment or string that starts next begins and ends; `start` is past the end of the text when none. */
  private start = -1;
  private end = -1;

  constructor(private readonly text: string) {}

  /** Whether `position` is code: outside every comment and string. */
  at(position: number): boolean {
    while (this.end <= position) {
      if (!this.advance()) return true;
    }
    return position < this.start;
  }

  /** Moves to the next comment or string; false when there is none. */
  private advance(): boolean {
    this.special.lastIndex = Math.max(this.end, 0);
    const found = this.special.exec(this.text);
    if (found === null) {
      this.start = this.end = Number.POSITIVE_INFINITY;
      return false;
    }
    this.start = found.index;
    this.end = found[0] === "#" ? lineEnd(this.text, found.index) : stringEnd(this.text, found.index);
    // A comment or string always ends past its first character: the scan moves on.
    this.end = Math.max(this.end, this.start + 1);
    return true;
  }
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end === -1 ? text.length : end;
}

/** Where the string that opens at `from` ends: its closing quote(s), or its line for an unclosed one-line string. */
function stringEnd(text: string, from: number): number {
  const quote = text[from] as string;
  const triple = text.startsWith(quote.repeat(3), from);
  const close = triple ? quote.repeat(3) : quote;
  const limit = triple ? text.length : lineEnd(text, from);
  for (let at = text.indexOf(close, from + close.length); at !== -1 && at < limit; at = text.indexOf(close, at + 1)) {
    // A quote after an odd run of backslashes is escaped.
    let backslashes = 0;
    while (text[at - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return at + close.length;
  }
  return limit;
}

/** `mysql_engine =` as `mysql_engine=`; an import or a type as the dialect module it comes from. */
function shownMark(written: string, dialect: ServerDialect): string {
  return written.endsWith("=") ? `${written.replace(/\s*=$/, "")}=` : `sqlalchemy.dialects.${dialect}`;
}
