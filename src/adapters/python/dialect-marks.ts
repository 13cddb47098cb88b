import type { Dialect } from "../../domain/index.js";
import { LineIndex } from "../line-index.js";

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

/** Marks looked at per database in a file that tests the database: each costs a walk up its enclosing blocks. */
const MAX_MARKS_IN_BRANCHED_FILE = 50;

/**
 * The databases whose marks a revision's code carries, each with the first mark as written (`mysql_engine=`). In a
 * file that tests the database, a mark counts only outside every block under such a test (cinder's initial revision
 * passes `mysql_engine="InnoDB"` to every table and tests the database for a few statements).
 */
export function dialectMarks(text: string): Map<ServerDialect, string> {
  const found = new Map<ServerDialect, string>();
  // Most revisions name no database at all: one substring search settles them.
  if (!text.includes("mysql") && !text.includes("postgresql")) return found;
  const branched = DIALECT_TEST.test(text);
  const lines = branched ? new SourceLines(text) : undefined;
  for (const [dialect, pattern] of MARKS) {
    const code = new CodeScanner(text);
    const marks = new RegExp(pattern.source, "g");
    let looked = 0;
    for (let match = marks.exec(text); match !== null; match = marks.exec(text)) {
      // Both ends: an import's `mysql` may sit in a comment after it.
      if (!code.at(match.index) || !code.at(match.index + match[0].length - 1)) continue;
      if (lines) {
        // A file that branches on the database imports both dialects' types for its branches: only an option
        // passed outside them says which database the project runs on.
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

/** Lines that open a block; `else:` and `elif` follow the `if` they continue. */
const BLOCK_HEADER = /^\s*(?:if|elif|else|for|while|with|try|except|finally|def|class|async)\b[^\n]*:\s*(?:#.*)?$/;
const CONTINUES_IF = /^\s*(?:elif\b|else\s*:)/;
/** Lines walked up from one mark: far enough for any real revision, bounded for a hostile one. */
const MAX_LINES_WALKED = 5_000;

/** A revision's lines by indentation, to tell which block a position sits in without parsing. */
class SourceLines {
  private readonly index: LineIndex;
  private readonly lines: readonly string[];
  /** Lines that continue a statement begun above (inside brackets, or after a backslash), by index. */
  private readonly continued = new Set<number>();

  constructor(text: string) {
    this.index = new LineIndex(text);
    this.lines = text.split("\n");
    // One pass over the code, strings and comments skipped, for the bracket depth at each line's start.
    let depth = 0;
    let line = 0;
    // From one character that matters to the next: a regular expression skips the rest faster than a loop would.
    const structural = /[#"'()[\]{}\n]/g;
    for (let found = structural.exec(text); found !== null; found = structural.exec(text)) {
      let at = found.index;
      const char = found[0];
      if (char === "#") at = lineEnd(text, at) - 1;
      else if (char === '"' || char === "'") {
        // The lines of a string that spans several continue the statement it stands in.
        const end = stringEnd(text, at);
        for (
          let newline = text.indexOf("\n", at);
          newline !== -1 && newline < end;
          newline = text.indexOf("\n", newline + 1)
        )
          this.continued.add(++line);
        at = end - 1;
      } else if ("([{".includes(char)) depth++;
      else if (")]}".includes(char)) depth = Math.max(0, depth - 1);
      else if (char === "\n") {
        line++;
        if (depth > 0 || text[at - 1] === "\\") this.continued.add(line);
      }
      structural.lastIndex = at + 1;
    }
  }

  /** Whether the position sits in a block opened under a test of the database, at any depth. */
  underDialectTest(position: number): boolean {
    let index = this.lineAt(position);
    // The statement's first line holds its indentation: a call's later arguments may sit deeper.
    for (let walked = 0; index > 0 && this.continued.has(index) && walked < MAX_LINES_WALKED; walked++) index--;
    let indent = this.indentOf(index);
    for (let walked = 0; index > 0 && indent > 0 && walked < MAX_LINES_WALKED; walked++) {
      index--;
      const line = this.line(index);
      if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
      const lineIndent = this.indentOf(index);
      if (lineIndent >= indent || !BLOCK_HEADER.test(line)) continue;
      if (DIALECT_TEST.test(line) || (CONTINUES_IF.test(line) && this.continuesDialectTest(index, lineIndent)))
        return true;
      indent = lineIndent;
    }
    return false;
  }

  /** Whether the `elif`/`else` at `index` belongs to an `if` chain whose header tests the database. */
  private continuesDialectTest(index: number, indent: number): boolean {
    for (let at = index - 1, walked = 0; at >= 0 && walked < MAX_LINES_WALKED; at--, walked++) {
      const line = this.line(at);
      if (line.trim() === "" || this.indentOf(at) > indent) continue;
      if (this.indentOf(at) < indent || !BLOCK_HEADER.test(line)) return false;
      if (DIALECT_TEST.test(line)) return true;
      if (!CONTINUES_IF.test(line)) return false;
    }
    return false;
  }

  private lineAt(position: number): number {
    return this.index.position(position).line - 1;
  }

  private line(index: number): string {
    return this.lines[index] ?? "";
  }

  private indentOf(index: number): number {
    const line = this.line(index);
    return line.length - line.trimStart().length;
  }
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
