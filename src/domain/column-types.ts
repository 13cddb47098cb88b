/** How a column type change affects old code and the table. */
export interface TypeChangeEffect {
  /** Old code keeps reading and writing the column (a widening). */
  readonly compatible: boolean;
  /** PostgreSQL rewrites the table (and its indexes) to apply it. */
  readonly rewrite: boolean;
  /** The previous type was not known, so both answers are assumptions. */
  readonly known: boolean;
}

const INTEGER_WIDTH: Record<string, number> = { smallint: 2, integer: 4, bigint: 8 };
const TEXTUAL = new Set(["text", "varchar", "character varying"]);

interface ParsedType {
  readonly base: string;
  readonly args: readonly number[];
}

function parseType(type: string): ParsedType {
  const match = /^([a-z ]+?)\s*(?:\(([\d\s,]*)\))?$/.exec(type.trim().toLowerCase());
  if (!match) return { base: type.trim().toLowerCase(), args: [] };
  const args = (match[2] ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(Number);
  const base = match[1] === "character varying" ? "varchar" : (match[1] ?? "");
  return { base, args };
}

/** Compares two normalised type texts (see `ColumnSpec.type`); `from` undefined means unknown. */
export function compareColumnTypes(from: string | undefined, to: string): TypeChangeEffect {
  if (from === undefined) return { compatible: false, rewrite: true, known: false };
  const before = parseType(from);
  const after = parseType(to);
  if (before.base === after.base && before.args.join(",") === after.args.join(",")) {
    return { compatible: true, rewrite: false, known: true };
  }
  if (TEXTUAL.has(before.base) && TEXTUAL.has(after.base)) {
    const oldLimit = before.base === "text" ? Number.POSITIVE_INFINITY : (before.args[0] ?? Number.POSITIVE_INFINITY);
    const newLimit = after.base === "text" ? Number.POSITIVE_INFINITY : (after.args[0] ?? Number.POSITIVE_INFINITY);
    const widens = newLimit >= oldLimit;
    return { compatible: widens, rewrite: false, known: true };
  }
  if (before.base === "numeric" && after.base === "numeric") {
    const [oldPrecision, oldScale = 0] = before.args;
    const [newPrecision, newScale = 0] = after.args;
    if (newPrecision === undefined) return { compatible: true, rewrite: false, known: true };
    if (oldPrecision !== undefined && newScale === oldScale && newPrecision >= oldPrecision) {
      return { compatible: true, rewrite: false, known: true };
    }
    return { compatible: false, rewrite: true, known: true };
  }
  const oldWidth = INTEGER_WIDTH[before.base];
  const newWidth = INTEGER_WIDTH[after.base];
  if (oldWidth !== undefined && newWidth !== undefined) {
    return { compatible: newWidth >= oldWidth, rewrite: true, known: true };
  }
  if (before.base === "timestamp without time zone" && after.base === "timestamp with time zone") {
    return { compatible: true, rewrite: true, known: true };
  }
  return { compatible: false, rewrite: true, known: true };
}
