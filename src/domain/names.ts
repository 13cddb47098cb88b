/**
 * What migragate could not resolve statically is written `«source text»`, in names as in SQL texts: a table held by a
 * loop variable is `«table»`, an index named `"ix_" + column` is `ix_«column»`. Such a name is never printed as if it
 * were the object's real name.
 */
export const UNRESOLVED_OPEN = "«";
export const UNRESOLVED_CLOSE = "»";

/** The marker for a value known only as the expression that computes it. */
export function unresolvedName(expression: string): string {
  const compact = expression.replace(/\s+/g, " ").trim().slice(0, 60);
  return `${UNRESOLVED_OPEN}${compact}${UNRESOLVED_CLOSE}`;
}

/** The name holds a part migragate could not resolve. */
export function hasUnresolvedPart(name: string): boolean {
  return name.includes(UNRESOLVED_OPEN);
}

/** The whole name is one unresolved expression. */
export function isUnresolvedName(name: string): boolean {
  return name.startsWith(UNRESOLVED_OPEN) && name.endsWith(UNRESOLVED_CLOSE) && name.indexOf(UNRESOLVED_OPEN, 1) < 0;
}

/**
 * Whether a table a revision created under a name computed at run time (`shadow_«name»`, in a loop over reflected
 * tables) can be the table a later statement names: each unresolved part stands for any text.
 */
export function computedNameMatches(pattern: string, name: string): boolean {
  if (!hasUnresolvedPart(pattern)) return pattern === name;
  const parts = pattern.split(/«[^»]*»/);
  if (parts.every((part) => part === "")) return false;
  let position = 0;
  for (const [index, part] of parts.entries()) {
    if (index === 0) {
      if (!name.startsWith(part)) return false;
      position = part.length;
      continue;
    }
    const found = index === parts.length - 1 ? name.length - part.length : name.indexOf(part, position);
    if (found < position || !name.startsWith(part, found)) return false;
    position = found + part.length;
  }
  return position <= name.length;
}

/**
 * Table keys that keep the names computed at run time (`shadow_«name»`) apart, so that a lookup that misses visits
 * only those, not every table a revision of thousands of operations created.
 */
export class TableNames extends Set<string> {
  private readonly computed = new Set<string>();

  constructor(names: Iterable<string> = []) {
    // Set's constructor would call add before the fields exist: the names are added after it.
    super();
    for (const name of names) this.add(name);
  }

  override add(name: string): this {
    if (hasUnresolvedPart(name)) this.computed.add(name);
    return super.add(name);
  }

  override delete(name: string): boolean {
    this.computed.delete(name);
    return super.delete(name);
  }

  override clear(): void {
    this.computed.clear();
    super.clear();
  }

  /** The names computed at run time, in the order they were added. */
  computedNames(): ReadonlySet<string> {
    return this.computed;
  }
}

/** A table key among those a revision created: by its name, or by a name computed at run time that fits it. */
export function amongCreated(created: ReadonlySet<string>, key: string): boolean {
  if (created.has(key)) return true;
  const patterns = created instanceof TableNames ? created.computedNames() : created;
  for (const pattern of patterns) if (hasUnresolvedPart(pattern) && computedNameMatches(pattern, key)) return true;
  return false;
}

/** The migration tools' own version tables: bookkeeping the application never reads. */
const BOOKKEEPING_TABLES: ReadonlySet<string> = new Set(["alembic_version", "migrate_version"]);

export function isBookkeepingTable(table: string | undefined): boolean {
  return table !== undefined && BOOKKEEPING_TABLES.has(table.replace(/"/g, "").toLowerCase());
}

/** A table's name without its schema (`public.users` as `users`). */
export function withoutSchema(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

const NAME_CHARACTER = /[\p{L}\p{N}_$]/u;
const NAME_WORDS = /[\p{L}\p{N}_$]+/gu;
const ONE_WORD = /^[\p{L}\p{N}_$]+$/u;

/** The names a text holds, lowercased: runs of letters of any script, digits (`2fa_tokens`), `_` and `$`. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(NAME_WORDS) ?? [];
}

/** Whether a name is one such word, as `wordsOf` would find it in a text. */
export function isOneWord(name: string): boolean {
  return ONE_WORD.test(name);
}

/** Whether `text` names `word` as a whole name, case aside: `leases` in `FROM leases`, not in `leases_tmp`. */
export function namesWord(text: string, word: string): boolean {
  if (word === "") return false;
  const lower = text.toLowerCase();
  const sought = word.toLowerCase();
  for (let at = lower.indexOf(sought); at !== -1; at = lower.indexOf(sought, at + 1)) {
    const before = lower[at - 1];
    const after = lower[at + sought.length];
    if ((before === undefined || !NAME_CHARACTER.test(before)) && (after === undefined || !NAME_CHARACTER.test(after)))
      return true;
  }
  return false;
}
