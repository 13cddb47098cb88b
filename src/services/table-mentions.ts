import {
  computedNameMatches,
  hasUnresolvedPart,
  type Operation,
  tableKey,
  withoutSchema,
  wordsOf,
} from "../domain/index.js";

/** Computed table names (`shadow_«name»`) kept to match against: past this many, every table counts as named. */
const MAX_PATTERNS = 100;

/** The tables an operation names in its fields, as opposed to its text. */
function namedTables(operation: Operation): string[] {
  switch (operation.kind) {
    case "rename-table":
      return [operation.table, operation.newName];
    case "truncate":
      return [...operation.tables];
    case "add-constraint":
      return operation.referencedTable === undefined ? [operation.table] : [operation.table, operation.referencedTable];
    case "create-object":
      return operation.trigger === undefined ? [] : [operation.trigger.table];
    default:
      return operation.table === undefined ? [] : [operation.table];
  }
}

/** SQL that makes or renames a table: `CREATE [TEMP|UNLOGGED] TABLE`, `SELECT ... INTO`, `RENAME TO`. */
const MAKES_TABLE =
  /\bcreate\s+(?:(?:global|local|temp|temporary|unlogged)\s+)*table\b|\bselect\b[\s\S]*\binto\b|\brename\s+to\b/i;

/** SQLAlchemy code that builds an INSERT, UPDATE or DELETE. */
const BUILDS_DATA_STATEMENT =
  /\.(?:on_conflict_do_update|on_conflict_do_nothing|on_duplicate_key_update|values|where|returning)\(|\b(?:insert|update|delete)\(/;

/** Whether Python code builds an INSERT, UPDATE or DELETE: run, it changes rows and no table. */
export function buildsDataStatement(code: string): boolean {
  return BUILDS_DATA_STATEMENT.test(code);
}

/**
 * Whether something migragate could not read may have made a table under a name its text does not show: Python it
 * does not follow (a helper, `metadata.create_all(bind)`), or SQL that makes a table under a name built at run time.
 * SQL it could not parse but whose text is known names its tables in that text.
 */
function mayHideTable(operation: Operation): boolean {
  if (operation.origin !== "sql") return true;
  // Without its statement's text (SQL from a value migragate could not work out), anything may have run, unless the
  // code builds a data statement (`insert(t).values(...)`, `stmt.on_conflict_do_update(...)`), which makes no table.
  if (operation.sql === undefined) return !buildsDataStatement(operation.text);
  return hasUnresolvedPart(operation.sql) && MAKES_TABLE.test(operation.sql);
}

/**
 * Every operation a history's revisions wrote so far, on any path, to answer one question: has the history ever
 * named this table? In a history whose first revision creates its tables (it builds the schema from an empty
 * database), a table no earlier statement names, in its fields or anywhere in its text, does not exist in a database
 * the history built: `DROP TABLE IF EXISTS` of it removes nothing. The question is rare, so the names are gathered
 * when it is first asked, and each operation is read once however many times it is asked.
 */
export class TableMentions {
  private readonly written: Operation[] = [];
  /** How many of `written` are in `names` and `patterns`. */
  private read = 0;
  /** Every name the operations read so far hold: table names (without schema) and each word of their text. */
  private readonly names = new Set<string>();
  /** Table names computed at run time, each unresolved part standing for any text. */
  private readonly patterns: string[] = [];
  /** Something ran that migragate could not read (SQL built at run time, a call it does not follow): it may have
   * made any table. */
  private unread = false;

  constructor(
    /** The history's first revision creates tables: it starts from an empty database. */
    private readonly startsEmpty: boolean,
  ) {}

  record(operation: Operation): void {
    this.written.push(operation);
  }

  /** No operation recorded so far names `table`, and the history starts from an empty database. */
  neverNamed(table: string): boolean {
    if (!this.startsEmpty || hasUnresolvedPart(table)) return false;
    const key = tableKey(table);
    const name = withoutSchema(key);
    if (name === "") return false;
    this.readWritten();
    if (this.unread || this.names.has(name) || this.patterns.length > MAX_PATTERNS) return false;
    return !this.patterns.some((pattern) => computedNameMatches(pattern, key));
  }

  private readWritten(): void {
    for (; this.read < this.written.length; this.read++) {
      const operation = this.written[this.read] as Operation;
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
}
