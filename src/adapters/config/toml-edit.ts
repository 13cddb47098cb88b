import { InputError } from "../fs/discovery.js";

/** A value `migragate init` writes: a string or a list of strings. */
export type SettingValue = string | readonly string[];

export interface Setting {
  readonly key: string;
  readonly value: SettingValue;
  /** Written on the line above when the key is added, never when it is replaced. */
  readonly comment?: string;
}

export interface TableEdit {
  /** The new text; the same string when nothing changed. */
  readonly text: string;
  readonly added: readonly Setting[];
  readonly replaced: readonly Setting[];
  /** Keys that already held the value asked for. */
  readonly unchanged: readonly Setting[];
  /** Keys that hold another value, left as they are (no `force`), with the value they hold. */
  readonly kept: readonly { readonly setting: Setting; readonly current: unknown }[];
}

/** One statement of a TOML document: a table header, a key/value pair (possibly over several lines), or other. */
interface Statement {
  readonly kind: "header" | "key" | "other";
  readonly first: number;
  /** The last line of the statement (a multi-line array or string ends later than it starts). */
  readonly last: number;
  /** The header's dotted name, or the key (its first part when dotted). */
  readonly name?: readonly string[];
  readonly arrayTable?: boolean;
  readonly dotted?: boolean;
  /** Where a comment starts on the statement's last line, if it has one. */
  readonly commentAt?: number;
}

/** Bare keys, or quoted ones with their quotes taken off (escapes are not needed for the keys migragate writes). */
function keyParts(text: string): string[] {
  return (text.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? []).map((part) => part.replace(/^(["'])(.*)\1$/, "$2"));
}

/**
 * Splits a document into statements by following strings, brackets and comments line by line: enough to know where
 * a table starts and ends and where a value ends, without parsing (and so without re-serialising) the document.
 */
function statements(lines: readonly string[]): Statement[] {
  const found: Statement[] = [];
  let depth = 0;
  let multiline: '"""' | "'''" | undefined;
  let current: Omit<Statement, "last"> | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (current === undefined) current = startOf(line, index);
    let commentAt: number | undefined;
    for (let at = 0; at < line.length; at++) {
      const char = line[at];
      if (multiline) {
        if (char === "\\" && multiline === '"""') at++;
        else if (line.startsWith(multiline, at)) {
          at += 2;
          multiline = undefined;
        }
      } else if (char === "#") {
        commentAt = at;
        break;
      } else if (line.startsWith('"""', at) || line.startsWith("'''", at)) {
        multiline = line.slice(at, at + 3) as '"""' | "'''";
        at += 2;
      } else if (char === '"' || char === "'") {
        for (at++; at < line.length && line[at] !== char; at++) if (char === '"' && line[at] === "\\") at++;
      } else if (char === "[" || char === "{") depth++;
      else if (char === "]" || char === "}") depth = Math.max(0, depth - 1);
    }
    // A header's brackets close on its own line; a value's may not, nor may a multi-line string.
    if (current.kind === "header" || (depth === 0 && multiline === undefined)) {
      found.push({ ...current, last: index, ...(commentAt !== undefined ? { commentAt } : {}) });
      current = undefined;
      depth = 0;
    }
  }
  if (current !== undefined) found.push({ ...current, last: lines.length - 1 });
  return found;
}

const HEADER = /^\s*(\[\[?)\s*([^\]]+?)\s*\]/;
const KEY_PART = `(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')`;
const KEY = new RegExp(`^\\s*(${KEY_PART}(?:\\s*\\.\\s*${KEY_PART})*)\\s*=`);

/** What the line a statement starts on says it is. */
function startOf(line: string, index: number): Omit<Statement, "last"> {
  const header = HEADER.exec(line);
  if (header) return { kind: "header", first: index, name: keyParts(header[2] ?? ""), arrayTable: header[1] === "[[" };
  const key = KEY.exec(line);
  if (!key) return { kind: "other", first: index };
  const name = keyParts(key[1] ?? "");
  return { kind: "key", first: index, name, dotted: name.length > 1 };
}

function sameName(name: readonly string[] | undefined, expected: readonly string[]): boolean {
  return name !== undefined && name.length === expected.length && name.every((part, index) => part === expected[index]);
}

export function renderValue(value: SettingValue): string {
  return typeof value === "string"
    ? JSON.stringify(value)
    : `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
}

/**
 * Writes `settings` into a table of a TOML document as text: the rest of the file (comments, layout, key order)
 * stays as it was. `table` is the header's dotted name (`["tool", "migragate"]`), or empty for the document's top
 * level (a migragate.toml). `current` gives the values the table holds (from a real parse) and `same` decides
 * whether one already says what a setting would. A key that holds another value is replaced only with `force`.
 */
export function editTable(
  text: string,
  table: readonly string[],
  settings: readonly Setting[],
  current: Readonly<Record<string, unknown>>,
  same: (setting: Setting, current: unknown) => boolean,
  force: boolean,
): TableEdit {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const all = statements(lines);
  const headerAt =
    table.length === 0 ? -1 : all.findIndex((s) => s.kind === "header" && !s.arrayTable && sameName(s.name, table));
  const hasTable = table.length === 0 || headerAt >= 0;
  const bodyStart = headerAt + 1;
  const nextHeader = all.findIndex((s, index) => index >= bodyStart && s.kind === "header");
  const body = all.slice(bodyStart, nextHeader < 0 ? all.length : nextHeader);
  const keys = new Map<string, Statement>();
  for (const statement of body) {
    const name = statement.name?.[0];
    if (statement.kind === "key" && !statement.dotted && name !== undefined && !keys.has(name))
      keys.set(name, statement);
  }
  const result = {
    added: [] as Setting[],
    replaced: [] as Setting[],
    unchanged: [] as Setting[],
    kept: [] as TableEdit["kept"][number][],
  };
  // Replacements keep the line count of nothing else, so they are applied from the bottom up.
  const replacements: { first: number; last: number; line: string }[] = [];
  const additions: string[] = [];
  for (const setting of settings) {
    const statement = keys.get(setting.key);
    const value = Object.hasOwn(current, setting.key) ? current[setting.key] : undefined;
    if (statement === undefined) {
      result.added.push(setting);
      if (setting.comment) additions.push(`# ${setting.comment}`);
      additions.push(`${setting.key} = ${renderValue(setting.value)}`);
    } else if (same(setting, value)) {
      result.unchanged.push(setting);
    } else if (!force) {
      result.kept.push({ setting, current: value });
    } else {
      result.replaced.push(setting);
      const lastLine = lines[statement.last] as string;
      const comment = statement.commentAt === undefined ? "" : `  ${lastLine.slice(statement.commentAt)}`;
      const indent = /^\s*/.exec(lines[statement.first] as string)?.[0] ?? "";
      replacements.push({
        first: statement.first,
        last: statement.last,
        line: `${indent}${setting.key} = ${renderValue(setting.value)}${comment}`,
      });
    }
  }
  if (replacements.length === 0 && additions.length === 0) return { text, ...result };
  const edited = [...lines];
  // Added keys go after the table's last key, or right under its header; a new table goes at the end.
  const lastKey = [...body].reverse().find((statement) => statement.kind === "key");
  if (!hasTable) {
    while (edited.length > 0 && edited[edited.length - 1]?.trim() === "") edited.pop();
    edited.push(...(edited.length > 0 ? [""] : []), `[${table.join(".")}]`, ...additions);
  } else if (additions.length > 0) {
    const firstHeader = all.find((statement) => statement.kind === "header");
    const at =
      lastKey !== undefined
        ? lastKey.last + 1
        : table.length > 0
          ? headerAt < 0
            ? 0
            : (all[headerAt] as Statement).last + 1
          : firstHeader !== undefined
            ? firstHeader.first
            : edited.length;
    const spacer = lastKey === undefined && table.length === 0 && firstHeader !== undefined ? [""] : [];
    edited.splice(at, 0, ...additions, ...spacer);
  }
  // Additions come after the table's last key, so every replaced statement sits above them: its line numbers hold.
  for (const replacement of replacements.sort((a, b) => b.first - a.first)) {
    edited.splice(replacement.first, replacement.last - replacement.first + 1, replacement.line);
  }
  return { text: `${edited.join(eol)}${eol}`, ...result };
}

/** Parses a TOML document, or says which line is wrong. */
export async function parseToml(text: string, display: string): Promise<Record<string, unknown>> {
  const { parse, TomlError } = await import("smol-toml");
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError)
      throw new InputError(`${display}:${error.line}:${error.column}: invalid TOML: ${error.message.split("\n")[0]}`);
    throw error;
  }
}
