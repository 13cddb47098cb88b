import type { Dialect, OperationContext, ReadingDialect } from "../domain/index.js";

const DIALECT_NAMES: readonly [RegExp, Dialect][] = [
  [/postgres/i, "postgresql"],
  [/mysql|mariadb/i, "mysql"],
  [/sqlite/i, "sqlite"],
];

function dialectsNamed(text: string): Set<Dialect> {
  return new Set(DIALECT_NAMES.filter(([pattern]) => pattern.test(text)).map(([, dialect]) => dialect));
}

const FOLDER_DIALECT = /(?:^|\/)(?:postgres(?:ql)?|mysql|mariadb|sqlite)\//i;

/** What a condition says of the database: it is `dialect`, or (negated) it is not. */
interface DialectTest {
  readonly dialect: Dialect;
  readonly negated: boolean;
}

/** The parts of `text` joined by the word `joiner` outside brackets and strings (`a and (b and c)`: two parts). */
function topLevelParts(text: string, joiner: "and" | "or"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quote !== undefined) {
      if (char === "\\") index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (
      depth === 0 &&
      text.startsWith(joiner, index) &&
      /\s/.test(text[index - 1] ?? "") &&
      /\s/.test(text[index + joiner.length] ?? "")
    ) {
      parts.push(text.slice(start, index).trim());
      start = index + joiner.length;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** `not (x)` as `x`, when the brackets close at the end (not `not (a) and not (b)`). */
function unwrappedNot(text: string): string | undefined {
  if (!text.startsWith("not (") || !text.endsWith(")")) return undefined;
  const inner = text.slice(5, -1);
  let depth = 0;
  for (const char of inner) {
    if (char === "(") depth++;
    else if (char === ")" && --depth < 0) return undefined;
  }
  return depth === 0 ? inner.trim() : undefined;
}

/** One comparison: `dialect.name != "sqlite"`, `not is_postgres()`, `url.startswith("sqlite") is False`. */
function atomNegated(atom: string): boolean {
  let negations = /^not\s/.test(atom) ? 1 : 0;
  if (/!=|\bnot in\b|\bis not\b/.test(atom)) negations++;
  if (/(?:\bis|==)\s*False\b/.test(atom)) negations++;
  return negations % 2 === 1;
}

/**
 * The database a condition tests, when migragate can tell: one comparison naming one database, alone, one part of an
 * `and`, or inside `not (...)` of an `or` (`not (a or b)` holds only where neither does). A condition naming several
 * databases, or one under an `or` it cannot resolve (`dialect == "sqlite" or force`), tests none.
 */
function dialectTest(condition: string): DialectTest | undefined {
  if (dialectsNamed(condition).size !== 1) return undefined;
  let negations = 0;
  let text = condition.trim();
  // Bounded: a condition of thousands of nested `not (...)` would otherwise cost its length squared.
  for (let inner = unwrappedNot(text); inner !== undefined && negations < 100; inner = unwrappedNot(text)) {
    negations++;
    text = inner;
  }
  const alternatives = topLevelParts(text, "or");
  const outerNegated = negations % 2 === 1;
  // `a or b` holds without `a`; `not (a and b)` holds without `not a`: neither says which database.
  if (alternatives.length > 1 && !outerNegated) return undefined;
  const atoms = alternatives.map((part) => topLevelParts(part, "and"));
  if (outerNegated && atoms.some((parts) => parts.length > 1)) return undefined;
  const naming = atoms.flat().filter((atom) => dialectsNamed(atom).size > 0);
  const [atom] = naming;
  const [dialect] = atom === undefined ? [] : dialectsNamed(atom);
  if (naming.length !== 1 || atom === undefined || dialect === undefined) return undefined;
  return { dialect, negated: atomNegated(atom) !== outerNegated };
}

/** Dialects an enclosing condition rules out: `if dialect != "postgresql":`, or the `else` of a PostgreSQL branch. */
export function excludedDialects(context: OperationContext): Set<Dialect> {
  const excluded = new Set<Dialect>();
  for (const condition of context.conditions) {
    const test = dialectTest(condition);
    if (test?.negated) excluded.add(test.dialect);
  }
  return excluded;
}

/**
 * The dialect a SQL statement is written for: the one an enclosing condition selects
 * (`if bind.dialect.name == "sqlite":`), else the one the file's folder names (`versions/sqlite/`) unless `--dialect`
 * or the config forced one, else the reading dialect.
 */
export function dialectOf(context: OperationContext, file: string, reading: ReadingDialect): Dialect {
  for (let index = context.conditions.length - 1; index >= 0; index--) {
    const test = dialectTest(context.conditions[index] ?? "");
    if (test && !test.negated) return test.dialect;
  }
  return (reading.forced ? undefined : folderDialect(file)) ?? reading.dialect;
}

/** Whether a condition picks or rules out a database (`dialect.name == "sqlite"`, `not is_postgres()`). */
export function testsDialect(condition: string): boolean {
  return dialectTest(condition) !== undefined;
}

/** Whether a condition of the operation picks or rules out a database: otherwise it runs on every one. */
export function underDialectTest(context: OperationContext): boolean {
  return context.conditions.some((condition) => dialectTest(condition) !== undefined);
}

/**
 * The database an `op.*` call runs on: `dialectOf`'s, unless an enclosing condition rules that one out. The `else` of
 * `if bind.dialect.name == "mysql":` in a MySQL history runs on some other database, which migragate cannot name: it
 * is "other", and no rule of one database judges it.
 */
export function operationDialect(context: OperationContext, file: string, reading: ReadingDialect): Dialect {
  const dialect = dialectOf(context, file, reading);
  return context.conditions.length > 0 && excludedDialects(context).has(dialect) ? "other" : dialect;
}

/**
 * The `versions/<dialect>/` folder that holds every one of a history's files, if one does: such a history exists for
 * that database only (Prefect keeps one per database).
 */
export function sharedDialectFolder(files: readonly string[]): { folder: string; dialect: Dialect } | undefined {
  const [first, ...rest] = files.map(folderNamingDialect);
  return first && rest.every((folder) => folder?.folder === first.folder) ? first : undefined;
}

/** The dialect a folder of the file's path names (`versions/sqlite/`, the innermost one), if any. */
function folderDialect(file: string): Dialect | undefined {
  return folderNamingDialect(file)?.dialect;
}

/** The folder of the file's path that names a dialect (`versions/sqlite`), and the dialect. */
function folderNamingDialect(file: string): { folder: string; dialect: Dialect } | undefined {
  if (!FOLDER_DIALECT.test(file)) return undefined;
  const folders = file.split("/").slice(0, -1);
  for (let index = folders.length - 1; index >= 0; index--) {
    const folder = folders[index] ?? "";
    const named = dialectsNamed(folder);
    const [dialect] = named;
    if (named.size === 1 && dialect && /^(?:postgres(?:ql)?|mysql|mariadb|sqlite)$/i.test(folder))
      return { folder: folders.slice(0, index + 1).join("/"), dialect };
  }
  return undefined;
}
