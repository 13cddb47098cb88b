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

/** Counts the negations around a condition: a `not (...)` wrapper, `!=`, `not in`, `is not`, a leading `not`. */
function isNegated(condition: string): boolean {
  let negations = 0;
  let text = condition.trim();
  // Bounded: a condition of thousands of nested `not (...)` would otherwise cost its length squared.
  while (negations < 100 && /^not \(.*\)$/s.test(text)) {
    negations++;
    text = text.slice(5, -1).trim();
  }
  if (/^not\s/.test(text)) negations++;
  if (/!=|\bnot in\b|\bis not\b/.test(text)) negations++;
  return negations % 2 === 1;
}

/** Dialects an enclosing condition rules out: `if dialect != "postgresql":`, or the `else` of a PostgreSQL branch. */
export function excludedDialects(context: OperationContext): Set<Dialect> {
  const excluded = new Set<Dialect>();
  for (const condition of context.conditions) {
    const named = dialectsNamed(condition);
    const [dialect] = named;
    if (named.size === 1 && dialect && isNegated(condition)) excluded.add(dialect);
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
    const condition = context.conditions[index] ?? "";
    const named = dialectsNamed(condition);
    if (named.size !== 1 || isNegated(condition)) continue;
    const [dialect] = named;
    if (dialect) return dialect;
  }
  return (reading.forced ? undefined : folderDialect(file)) ?? reading.dialect;
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

/** The dialect a folder of the file's path names (`versions/sqlite/`, the innermost one), if any. */
function folderDialect(file: string): Dialect | undefined {
  return folderNamingDialect(file)?.dialect;
}

/** The folder of the file's path that names a dialect (`versions/sqlite`), and the dialect. */
export function folderNamingDialect(file: string): { folder: string; dialect: Dialect } | undefined {
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
