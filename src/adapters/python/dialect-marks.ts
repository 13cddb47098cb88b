import type { Dialect } from "../../domain/index.js";

/**
 * What in a revision's code only makes sense on one database: table options of MySQL (`mysql_engine="InnoDB"`), index
 * options of PostgreSQL (`postgresql_using="gin"`), and the types of either's SQLAlchemy dialect module. Projects
 * that run on one database write them without a branch; projects that run on both write both.
 */
const MARKS: readonly (readonly [Exclude<Dialect, "sqlite">, RegExp])[] = [
  [
    "mysql",
    /\bmysql_(?:engine|charset|default_charset|collate|row_format)\s*=|\bdialects\.mysql\b|\bfrom[ \t]+sqlalchemy\.dialects[ \t]+import[ \t][^\n]{0,200}\bmysql\b/,
  ],
  [
    "postgresql",
    /\bpostgresql_(?:using|where|concurrently|ops|include|with|nulls_not_distinct|not_valid|inherits|partition_by)\s*=|\bdialects\.postgresql\b|\bfrom[ \t]+sqlalchemy\.dialects[ \t]+import[ \t][^\n]{0,200}\bpostgresql\b/,
  ],
];

/** The databases whose marks a revision's code carries, each with the first mark as written (`mysql_engine=`). */
export function dialectMarks(text: string): Map<Exclude<Dialect, "sqlite">, string> {
  const found = new Map<Exclude<Dialect, "sqlite">, string>();
  for (const [dialect, pattern] of MARKS) {
    // Most revisions name no database at all: one substring search settles them.
    if (!text.includes(dialect)) continue;
    const mark = firstInCode(text, new RegExp(pattern.source, "g"));
    if (mark !== undefined) found.set(dialect, shownMark(mark, dialect));
  }
  return found;
}

/** The first match outside a comment: comments say what a revision might do, not what it does. */
function firstInCode(text: string, pattern: RegExp): string | undefined {
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const lineStart = text.lastIndexOf("\n", match.index) + 1;
    // A `#` inside a string before the mark only hides it: a miss, never a wrong mark.
    if (!text.slice(lineStart, match.index).includes("#")) return match[0];
    // The rest of the line is comment: go on from the next one, so that each line is looked at once.
    const lineEnd = text.indexOf("\n", match.index);
    if (lineEnd === -1) return undefined;
    pattern.lastIndex = lineEnd + 1;
  }
  return undefined;
}

/** `mysql_engine =` as `mysql_engine=`; an import or a type as the dialect module it comes from. */
function shownMark(written: string, dialect: Exclude<Dialect, "sqlite">): string {
  return written.endsWith("=") ? `${written.replace(/\s*=$/, "")}=` : `sqlalchemy.dialects.${dialect}`;
}
