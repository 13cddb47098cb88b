import type { Operation, Revision } from "../domain/index.js";

/** How a revision differs from the same revision at an earlier commit, in what environments would run. */
export interface RevisionDifference {
  /** Upgrade operations added, removed or changed, one phrase each. */
  readonly upgrade: readonly string[];
  /** Graph metadata changed: down_revision, branch_labels, depends_on (a new id is another revision). */
  readonly metadata: readonly string[];
}

/** Where an operation stands and how it is written: none of it changes what the database is asked to do. */
const PRESENTATION_KEYS = new Set(["span", "text", "sql", "origin", "helpers", "dialect"]);
/** Phrases listed per revision; the rest are counted. */
const MAX_PHRASES = 3;

/**
 * Source text an operation keeps (a server default, a condition) compared the way a formatter leaves it alone:
 * whitespace runs collapsed and both quote characters alike, so reformatting (black, ruff) is no change.
 */
function normalised(text: string): string {
  return text.replace(/\s+/g, " ").replace(/'/g, '"').trim();
}

function canonical(value: unknown): unknown {
  if (typeof value === "string") return normalised(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, item]) => !PRESENTATION_KEYS.has(key) && item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, item]) => [key, canonical(item)]);
  return Object.fromEntries(entries);
}

/** What an operation does, as a comparable string: its kind, objects and settings, not where or how it is written. */
export function operationFingerprint(operation: Operation): string {
  return JSON.stringify(canonical(operation));
}

/** `drop-column "orders.total"`: the operation's kind and object, for messages. */
function label(operation: Operation): string {
  const column =
    "column" in operation ? (typeof operation.column === "string" ? operation.column : operation.column.name) : "";
  const name = "name" in operation && typeof operation.name === "string" ? operation.name : "";
  const object = [operation.table, column].filter((part) => part !== undefined && part !== "").join(".");
  const shown = object !== "" ? object : name;
  return shown === "" ? operation.kind : `${operation.kind} "${shown}"`;
}

/** Operations of `from` missing in `to`, as a multiset: the same operation twice counts twice. */
function missing(from: readonly Operation[], to: readonly Operation[]): Operation[] {
  const left = new Map<string, number>();
  for (const operation of to) {
    const key = operationFingerprint(operation);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const result: Operation[] = [];
  for (const operation of from) {
    const key = operationFingerprint(operation);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else result.push(operation);
  }
  return result;
}

function upgradePhrases(before: readonly Operation[], after: readonly Operation[]): string[] {
  const removed = missing(before, after);
  const added = missing(after, before);
  const phrases: string[] = [];
  const removedLabels = removed.map(label);
  // The same kind on the same object on both sides is one operation whose settings changed: each added operation
  // takes the first removed one of its label still untaken. Counted per label, so thousands cost no rescans.
  const untaken = new Map<string, number>();
  for (const name of removedLabels) untaken.set(name, (untaken.get(name) ?? 0) + 1);
  const taken = new Map<string, number>();
  for (const operation of added) {
    const name = label(operation);
    const left = untaken.get(name) ?? 0;
    if (left > 0) {
      untaken.set(name, left - 1);
      taken.set(name, (taken.get(name) ?? 0) + 1);
      phrases.push(`changes ${name}`);
    } else phrases.push(`adds ${name}`);
  }
  // The first removed operations of each label were taken; the rest are removals, in their order.
  for (const name of removedLabels) {
    const skip = taken.get(name) ?? 0;
    if (skip > 0) taken.set(name, skip - 1);
    else phrases.push(`removes ${name}`);
  }
  // Same operations (as a multiset, so the same count), but they run in another order.
  if (phrases.length === 0 && before.some((operation, index) => !sameOperation(operation, after[index])))
    phrases.push("changes the order of its operations");
  return phrases.length > MAX_PHRASES
    ? [...phrases.slice(0, MAX_PHRASES), `and ${phrases.length - MAX_PHRASES} more`]
    : phrases;
}

function sameOperation(a: Operation, b: Operation | undefined): boolean {
  return b !== undefined && operationFingerprint(a) === operationFingerprint(b);
}

function shown(values: readonly string[]): string {
  if (values.length === 0) return "None";
  return values.length === 1 ? `"${values[0]}"` : `(${values.map((value) => `"${value}"`).join(", ")})`;
}

function metadataPhrases(before: Revision, after: Revision): string[] {
  const phrases: string[] = [];
  const fields: [string, readonly string[], readonly string[], boolean][] = [
    ["down_revision", before.downRevisions, after.downRevisions, false],
    ["branch_labels", before.branchLabels, after.branchLabels, true],
    ["depends_on", before.dependsOn, after.dependsOn, true],
  ];
  for (const [field, old, now, unordered] of fields) {
    const key = (values: readonly string[]) => JSON.stringify(unordered ? [...values].sort() : values);
    if (key(old) !== key(now)) phrases.push(`${field} ${shown(old)} -> ${shown(now)}`);
  }
  return phrases;
}

/**
 * How `after` differs from `before` in what an environment runs: its upgrade operations and its place in the graph.
 * Comments, the docstring, formatting and downgrade() are no difference.
 */
export function compareRevisions(before: Revision, after: Revision): RevisionDifference {
  return {
    upgrade: upgradePhrases(before.upgrade.operations, after.upgrade.operations),
    metadata: metadataPhrases(before, after),
  };
}

/** The revision's upgrade operations differ (for a helper module's change: the same file read with either version). */
export function upgradeDiffers(before: Revision, after: Revision): boolean {
  return upgradePhrases(before.upgrade.operations, after.upgrade.operations).length > 0;
}
