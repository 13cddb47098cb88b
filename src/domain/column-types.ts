import type { Dialect } from "./analysis.js";

/** An enum type text: `enum`, or `enum('a','b')` when its values are known, `... named <type>` when named. */
export function isEnumType(type: string | undefined): boolean {
  return type === "enum" || type?.startsWith("enum(") === true || type?.startsWith("enum named ") === true;
}

/** The PostgreSQL type name of an enum type text, when it has one. */
export function enumTypeName(type: string): string | undefined {
  return isEnumType(type) ? / named (\S+)$/.exec(type)?.[1] : undefined;
}

/** How a column type change affects old code and the table. */
export interface TypeChangeEffect {
  /** Old code keeps reading and writing the column (a widening). */
  readonly compatible: boolean;
  /** PostgreSQL rewrites the table (and its indexes) to apply it. */
  readonly rewrite: boolean;
  /** The previous type was not known, so both answers are assumptions. */
  readonly known: boolean;
}

const INTEGER_WIDTH: ReadonlyMap<string, number> = new Map(Object.entries({ smallint: 2, integer: 4, bigint: 8 }));
/** Decimal digits an integer type needs, to tell whether a numeric(p, s) holds every value of it. */
const INTEGER_DIGITS: ReadonlyMap<string, number> = new Map(Object.entries({ smallint: 5, integer: 10, bigint: 19 }));
/** How many characters a textual type holds (MySQL's TEXT family has limits; PostgreSQL's text has none). */
const TEXT_LIMITS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    tinytext: 255,
    text: Number.POSITIVE_INFINITY,
    // The citext extension's type: text compared case-insensitively, cast from varchar or text without a rewrite.
    citext: Number.POSITIVE_INFINITY,
    mediumtext: 16_777_215,
    longtext: 4_294_967_295,
  }),
);
const TEXTUAL = new Set(["varchar", "character varying", ...TEXT_LIMITS.keys()]);

/** The values of an `enum('a','b')` type text; undefined for other types or unknown values. */
function enumValues(type: string): Set<string> | undefined {
  const match = /^enum\((.*)\)(?: named \S+)?$/s.exec(type.trim());
  if (!match) return undefined;
  return new Set([...(match[1] ?? "").matchAll(/'((?:[^']|'')*)'/g)].map((value) => value[1] ?? ""));
}

/** Base types whose values migragate can compare; anything else is a project type it does not know. */
const KNOWN_BASES: ReadonlySet<string> = new Set([
  ...TEXTUAL,
  "char",
  "smallint",
  "integer",
  "bigint",
  "numeric",
  "real",
  "double precision",
  "boolean",
  "date",
  "time",
  "interval",
  "timestamp without time zone",
  "timestamp with time zone",
  "json",
  "jsonb",
  "uuid",
  "bytea",
  "inet",
  "cidr",
  "enum",
  "array",
]);

/** The type is one migragate can compare (not a project's own type). */
export function isKnownType(type: string): boolean {
  const element = /^(.*?)\s*\[\]$/.exec(type.trim())?.[1];
  if (element !== undefined) return isKnownType(element);
  return enumValues(type) !== undefined || KNOWN_BASES.has(parseType(type).base);
}

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

/**
 * Compares two normalised type texts (see `ColumnSpec.type`); `from` undefined means unknown. On PostgreSQL an enum
 * is its named type: `type_=` with an enum of the same name changes nothing there, whatever values it lists.
 */
export function compareColumnTypes(
  from: string | undefined,
  to: string | undefined,
  dialect?: Dialect,
): TypeChangeEffect {
  if (from === undefined || to === undefined) return { compatible: false, rewrite: true, known: false };
  const fromName = enumTypeName(from);
  if (dialect === "postgresql" && fromName !== undefined && fromName === enumTypeName(to))
    return { compatible: true, rewrite: false, known: true };
  const fromValues = enumValues(from);
  const toValues = enumValues(to);
  if (fromValues !== undefined && toValues !== undefined) {
    // Every value the running code writes stays valid: a widening (PostgreSQL still rewrites for a new enum type).
    const widened = [...fromValues].every((value) => toValues.has(value));
    return { compatible: widened, rewrite: true, known: true };
  }
  // Arrays compare by their element types (`varchar(50)[]` -> `text[]` widens like `varchar(50)` -> `text`).
  const arrayOf = (type: string) => /^(.*?)\s*\[\]$/.exec(type.trim())?.[1];
  const fromElement = arrayOf(from);
  const toElement = arrayOf(to);
  if (fromElement !== undefined && toElement !== undefined) return compareColumnTypes(fromElement, toElement);
  const before = parseType(from);
  const after = parseType(to);
  if (before.base === after.base && before.args.join(",") === after.args.join(",")) {
    return { compatible: true, rewrite: false, known: true };
  }
  // A project's own type (a TypeDecorator such as UTF8LongText) says nothing of what it stores.
  if (!KNOWN_BASES.has(before.base) || !KNOWN_BASES.has(after.base))
    return { compatible: false, rewrite: true, known: false };
  if (TEXTUAL.has(before.base) && TEXTUAL.has(after.base)) {
    // Next to MySQL's TINYTEXT/MEDIUMTEXT/LONGTEXT, TEXT is MySQL's too, capped at 64 KiB; alone it is unbounded.
    const mysqlFamily = [before.base, after.base].some((base) => TEXT_LIMITS.has(base) && base !== "text");
    const limit = (type: ParsedType) =>
      type.base === "text" && mysqlFamily
        ? 65_535
        : (TEXT_LIMITS.get(type.base) ?? type.args[0] ?? Number.POSITIVE_INFINITY);
    return { compatible: limit(after) >= limit(before), rewrite: false, known: true };
  }
  const digits = INTEGER_DIGITS.get(before.base);
  if (digits !== undefined && after.base === "numeric") {
    const [precision, scale = 0] = after.args;
    return { compatible: precision === undefined || precision - scale >= digits, rewrite: true, known: true };
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
  const oldWidth = INTEGER_WIDTH.get(before.base);
  const newWidth = INTEGER_WIDTH.get(after.base);
  if (oldWidth !== undefined && newWidth !== undefined) {
    return { compatible: newWidth >= oldWidth, rewrite: true, known: true };
  }
  if (before.base === "timestamp without time zone" && after.base === "timestamp with time zone") {
    return { compatible: true, rewrite: true, known: true };
  }
  return { compatible: false, rewrite: true, known: true };
}

/** utf8mb4 stores up to 4 bytes a character; a VARCHAR of 256 bytes or more needs a 2-byte length prefix. */
const MAX_CHARACTER_BYTES = 4;
const LENGTH_PREFIX_GROWS = 256;

/**
 * Whether MySQL (InnoDB) copies the table to change a column from one type to the other: it does for every change of
 * data type (ALGORITHM=COPY, writes wait) but ENUM values added at the end and a longer VARCHAR whose length prefix
 * keeps its size (one byte up to 255 bytes). The bytes depend on the character set (1 to 4 a character): a longer
 * VARCHAR counts as a copy only when it crosses 255 bytes in every one, from at most 63 characters to at least 256.
 * Undefined when a type is one migragate does not know.
 */
export function mysqlCopiesTable(from: string, to: string): boolean | undefined {
  if (!isKnownType(from) || !isKnownType(to)) return undefined;
  const fromValues = enumValues(from);
  const toValues = enumValues(to);
  if (fromValues !== undefined && toValues !== undefined) {
    const before = [...fromValues];
    return [...toValues].slice(0, before.length).join("\0") !== before.join("\0");
  }
  const before = parseType(from);
  const after = parseType(to);
  if (before.base === after.base && before.args.join(",") === after.args.join(",")) return false;
  if (before.base === "varchar" && after.base === "varchar") {
    const [oldLength] = before.args;
    const [newLength] = after.args;
    if (oldLength === undefined || newLength === undefined) return undefined;
    return (
      newLength < oldLength ||
      (oldLength * MAX_CHARACTER_BYTES < LENGTH_PREFIX_GROWS && newLength >= LENGTH_PREFIX_GROWS)
    );
  }
  return true;
}
