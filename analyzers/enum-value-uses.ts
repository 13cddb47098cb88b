import {
  type ClassifiedOperation,
  type ColumnSpec,
  isEnumType,
  type Located,
  pushTo,
  tableKey,
} from "../src/domain/index.js";

/**
 * Work allowed to the precise checks of one run. Real histories need a few dozen; only a history built to be slow
 * (thousands of enum types given the same value, and thousands of statements quoting it) reaches it, and the values
 * added after that are not followed to their uses.
 */
const MAX_USE_CHECKS = 1_000_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every text between a quote and the next quote of the same kind, lower-cased: where a literal value can stand. */
function quotedTexts(text: string): Set<string> {
  const found = new Set<string>();
  for (let start = 0; start < text.length; start++) {
    const quote = text[start];
    if (quote !== "'" && quote !== '"') continue;
    const end = text.indexOf(quote, start + 1);
    if (end >= 0) found.add(text.slice(start + 1, end).toLowerCase());
  }
  return found;
}

/** The quoted texts a literal of `value` starts: the value up to its first quote of each kind, lower-cased. */
function keysOf(value: string): Set<string> {
  return new Set(["'", '"'].map((quote) => (value.split(quote)[0] ?? "").toLowerCase()));
}

/** The first entry of ascending `indices` above `after`. */
function firstAbove(indices: readonly number[], after: number): number | undefined {
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((indices[middle] as number) > after) high = middle;
    else low = middle + 1;
  }
  return indices[low];
}

/**
 * Where an enum value added by ALTER TYPE ... ADD VALUE is used later in the same transaction, for all values of a
 * run at once: each operation's quoted texts are read once, and the statements that quote a value are the only ones
 * checked for it. A value is used by an operation that casts the literal to the type, or that holds the literal
 * (`'archived'` in SQL, `"archived"` in Python) and acts on a table with a column of the type; when the history
 * declares no column of the type at all (created outside the migrations, or in a squashed base), every table holding
 * the literal counts.
 */
export class EnumValueUses {
  /** Filled on the first question: most histories add no enum value, and then nothing is scanned. */
  private declared: { anyEnum: Set<string>; byTypeName: Map<string, Set<string>> } | undefined;
  private readonly enumTablesMemo = new Map<string, ReadonlySet<string>>();
  private quoting: Map<string, number[]> | undefined;
  private readonly usesMemo = new Map<string, readonly number[]>();
  private checksLeft = MAX_USE_CHECKS;

  constructor(private readonly located: readonly Located<ClassifiedOperation>[]) {}

  /** The first operation after `index`, in transaction `key`, that uses `value` of `typeName`. */
  firstUse(
    index: number,
    key: string | undefined,
    value: string,
    typeName: string,
  ): Located<ClassifiedOperation> | undefined {
    const memoKey = JSON.stringify([key ?? null, value, typeName]);
    let uses = this.usesMemo.get(memoKey);
    if (uses === undefined) {
      uses = this.usesOf(key, value, typeName);
      this.usesMemo.set(memoKey, uses);
    }
    const use = firstAbove(uses, index);
    return use === undefined ? undefined : this.located[use];
  }

  /** Tables with a column of an enum type, and tables by the last part of each column type's name. */
  private declaredTables(): { anyEnum: Set<string>; byTypeName: Map<string, Set<string>> } {
    if (this.declared) return this.declared;
    const declared = { anyEnum: new Set<string>(), byTypeName: new Map<string, Set<string>>() };
    const declare = (column: ColumnSpec, table: string) => {
      if (isEnumType(column.type)) declared.anyEnum.add(tableKey(table));
      const typeName = column.type?.split(".").pop();
      if (typeName === undefined) return;
      const tables = declared.byTypeName.get(typeName) ?? new Set<string>();
      tables.add(tableKey(table));
      declared.byTypeName.set(typeName, tables);
    };
    for (const { op } of this.located) {
      if (op.kind === "create-table") for (const column of op.columns) declare(column, op.table);
      if (op.kind === "add-column") declare(op.column, op.table);
    }
    this.declared = declared;
    return declared;
  }

  /** Tables with a column of the enum type, as the history declares them (`sa.Enum(...)` reads as type "enum"). */
  private enumTables(typeName: string): ReadonlySet<string> {
    const type = typeName.replace(/"/g, "").toLowerCase().split(".").pop() ?? "";
    let tables = this.enumTablesMemo.get(type);
    if (tables === undefined) {
      const declared = this.declaredTables();
      tables = new Set([...declared.anyEnum, ...(declared.byTypeName.get(type) ?? [])]);
      this.enumTablesMemo.set(type, tables);
    }
    return tables;
  }

  /** Operations, by their quoted texts, that could use a value: all but those adding a value themselves. */
  private operationsQuoting(): Map<string, number[]> {
    if (this.quoting) return this.quoting;
    const quoting = new Map<string, number[]>();
    this.located.forEach(({ op }, index) => {
      if (op.kind === "alter-enum-add-value") return;
      for (const text of quotedTexts(op.sql ?? op.text)) pushTo(quoting, text, index);
    });
    this.quoting = quoting;
    return quoting;
  }

  /** Ascending indices of the operations in transaction `key` that use the value. */
  private usesOf(key: string | undefined, value: string, typeName: string): number[] {
    const quoting = this.operationsQuoting();
    const candidates = new Set<number>();
    for (const text of keysOf(value)) for (const index of quoting.get(text) ?? []) candidates.add(index);
    const literal = escapeRegExp(value);
    const type = escapeRegExp(typeName.replace(/"/g, "").split(".").pop() ?? typeName);
    const cast = new RegExp(`'${literal}'\\s*::\\s*"?${type}"?|CAST\\s*\\(\\s*'${literal}'\\s+AS\\s+"?${type}"?`, "i");
    const quoted = new RegExp(`(["'])${literal}\\1`);
    const enumTables = this.enumTables(typeName);
    const uses: number[] = [];
    for (const index of [...candidates].sort((a, b) => a - b)) {
      if (this.checksLeft <= 0) break;
      this.checksLeft--;
      const op = (this.located[index] as Located<ClassifiedOperation>).op;
      if (op.transaction?.key !== key) continue;
      const text = op.sql ?? op.text;
      const onEnumTable = enumTables.size === 0 || (op.table !== undefined && enumTables.has(tableKey(op.table)));
      if (cast.test(text) || (onEnumTable && quoted.test(text))) uses.push(index);
    }
    return uses;
  }
}
