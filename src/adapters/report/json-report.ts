import {
  type AnalyzedRevision,
  type ClassifiedOperation,
  type DialectDecision,
  type Finding,
  type Operation,
  PHASES,
  SEVERITIES,
  type SuppressedFinding,
} from "../../domain/index.js";
import { coverage } from "./report-facts.js";
import type { Reporter, ReportInput } from "./report-model.js";

/** The JSON report, schemaVersion 2, documented by docs/report.schema.json. Same input, byte-identical output. */
export class JsonReporter implements Reporter {
  render(input: ReportInput): string {
    return [...this.pieces(input)].join("");
  }

  /** The report in pieces, revision by revision and finding by finding: large histories never hold it whole. */
  pieces(input: ReportInput): Iterable<string> {
    return stringifyInPieces(lazyJsonReport(input));
  }
}

function columnOf(operation: Operation): string | undefined {
  switch (operation.kind) {
    case "add-column":
      return operation.column.name;
    case "drop-column":
    case "rename-column":
    case "set-not-null":
    case "drop-not-null":
    case "change-column-type":
    case "set-column-default":
      return operation.column;
    default:
      return undefined;
  }
}

/*
 * The report's objects are only ever written by JSON.stringify, which leaves out keys whose value is undefined: every
 * object of a kind is built with the same keys in the same order (a fixed shape V8 builds and reads fast), the absent
 * ones undefined, instead of spreading optional parts in.
 */

function operationJson(operation: Operation | ClassifiedOperation) {
  const context = operation.context;
  const hasContext =
    context.inLoop ||
    context.autocommit ||
    context.existenceGuard ||
    context.inTry ||
    context.conditions.length > 0 ||
    Boolean(context.dialectCondition) ||
    context.helpers.length > 0;
  const lock = "lock" in operation ? operation.lock : undefined;
  return {
    kind: operation.kind,
    phase: "phase" in operation ? operation.phase : undefined,
    origin: operation.origin,
    table: operation.table,
    column: columnOf(operation),
    line: operation.span.line,
    endLine: operation.span.endLine,
    text: operation.text,
    sql: operation.sql,
    context: hasContext
      ? {
          inLoop: context.inLoop || undefined,
          autocommit: context.autocommit || undefined,
          existenceGuard: context.existenceGuard || undefined,
          inTry: context.inTry || undefined,
          conditions: context.conditions.length > 0 ? context.conditions : undefined,
          dialectCondition: context.dialectCondition || undefined,
          helpers: context.helpers.length > 0 ? context.helpers : undefined,
        }
      : undefined,
    // PostgreSQL lock facts, undefined for other dialects and unknown effects.
    lock: lock?.lock,
    rewrite: lock?.rewrite,
    rewriteUnless: lock?.rewriteUnless,
    scan: lock?.scan,
    newTable: lock?.newTable || undefined,
    alsoLocks: lock?.alsoLocks,
  };
}

function findingJson(finding: Finding) {
  return {
    rule: finding.rule,
    group: finding.group,
    severity: finding.severity,
    message: finding.message,
    hint: finding.hint,
    file: finding.span.file,
    line: finding.span.line,
    column: finding.span.column,
    endLine: finding.span.endLine,
    endColumn: finding.span.endColumn,
    revision: finding.revision,
    related: finding.related?.map((place) => ({
      line: place.span.line,
      column: place.span.column,
      endLine: place.span.endLine,
      endColumn: place.span.endColumn,
      message: place.message,
      hint: place.hint,
    })),
  };
}

/** An array the report writes item by item, so no whole report needs to exist in memory at once. */
interface LazyArray {
  readonly length: number;
  /** Its items hold lazy arrays themselves (a revision's operations): never written in one piece. */
  readonly nested: boolean;
  items(): Iterable<unknown>;
}

function lazy<T, U>(source: readonly T[], map: (item: T) => U, nested = false): LazyArray {
  return {
    length: source.length,
    nested,
    *items() {
      for (const item of source) yield map(item);
    },
  };
}

/** A lazy array when `source` is long enough for writing item by item to matter, else the items themselves. */
function many<T, U>(source: readonly T[], map: (item: T) => U): LazyArray | U[] {
  return source.length > WHOLE_ITEMS ? lazy(source, map) : source.map(map);
}

function isLazy(value: unknown): value is LazyArray {
  return typeof value === "object" && value !== null && typeof (value as LazyArray).items === "function";
}

function holdsLazy(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).some(isLazy);
}

/** Below this many items in its lazy arrays an object is written in one piece: fewer, larger writes are faster. */
const WHOLE_ITEMS = 1_000;

/** Whether an object is small enough to be written whole: few items in its lazy arrays, none of them nested. */
function writtenWhole(value: Record<string, unknown>): boolean {
  let items = 0;
  for (const item of Object.values(value)) {
    if (!isLazy(item)) continue;
    if (item.nested) return false;
    items += item.length;
  }
  return items <= WHOLE_ITEMS;
}

/** The object with its lazy arrays made real. */
function materialized(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, isLazy(item) ? [...item.items()] : item]));
}

/**
 * `JSON.stringify(value, null, 2)` with every line after the first indented by `indent` (two spaces a level). The
 * value is nested in as many arrays and cut out again: JSON.stringify then indents it itself, which is about twice
 * as fast as indenting its text afterwards.
 */
function stringifyAt(value: unknown, indent: string): string {
  const depth = indent.length / 2;
  if (depth === 0) return JSON.stringify(value, null, 2);
  let wrapped = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Before the value: a line "[" at each level, then the value's own indent; after it: a line "]" at each level.
  return text.slice(depth * depth + 3 * depth, text.length - (depth * depth + depth));
}

/**
 * Writes `JSON.stringify(value, null, 2)` in pieces, byte for byte, each line indented by `indent`: a lazy array
 * one item at a time, an object that holds one key by key (a revision of 100,000 operations is never one string),
 * anything else whole.
 */
function* piecesOf(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (isLazy(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    let first = true;
    for (const item of value.items()) {
      yield `${first ? "" : ",\n"}${inner}`;
      // Items of a flat lazy array hold no lazy arrays: written at once, without looking inside.
      if (value.nested) yield* piecesOf(item, inner);
      else yield stringifyAt(item, inner);
      first = false;
    }
    yield `\n${indent}]`;
    return;
  }
  if (holdsLazy(value) && writtenWhole(value)) {
    yield stringifyAt(materialized(value), indent);
    return;
  }
  if (holdsLazy(value)) {
    // JSON.stringify leaves out keys whose value is undefined (or a function).
    const entries = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== "function");
    yield "{\n";
    for (const [index, [key, item]] of entries.entries()) {
      yield `${inner}${JSON.stringify(key)}: `;
      yield* piecesOf(item, inner);
      yield index < entries.length - 1 ? ",\n" : "\n";
    }
    yield `${indent}}`;
    return;
  }
  yield stringifyAt(value, indent);
}

function* stringifyInPieces(report: Record<string, unknown>): Generator<string> {
  yield* piecesOf(report, "");
  yield "\n";
}

function revisionJson(analyzed: AnalyzedRevision, historyIndex: number) {
  const revision = analyzed.revision;
  const expressions = Object.entries(revision.rawMeta)
    .filter(([, value]) => value?.type === "expression")
    .map(([key, value]) => [key, value?.type === "expression" ? value.text : ""]);
  return {
    revision: revision.id,
    history: historyIndex + 1,
    downRevisions: [...revision.downRevisions],
    ...(revision.dependsOn.length > 0 ? { dependsOn: [...revision.dependsOn] } : {}),
    branchLabels: [...revision.branchLabels],
    file: revision.file,
    ...(revision.message !== undefined ? { message: revision.message } : {}),
    ...(expressions.length > 0 ? { unresolvedMetadata: Object.fromEntries(expressions) } : {}),
    ...(analyzed.declaredPhase ? { declaredPhase: { ...analyzed.declaredPhase } } : {}),
    underReview: analyzed.underReview,
    phases: [...analyzed.phases],
    operations: many(analyzed.operations, operationJson),
    downgradeOperations: many(revision.downgrade.operations, operationJson),
  };
}

function suppressedJson(finding: SuppressedFinding) {
  return {
    ...findingJson(finding),
    suppression: {
      kind: finding.suppression.kind,
      ...(finding.suppression.reason !== undefined ? { reason: finding.suppression.reason } : {}),
      file: finding.suppression.span.file,
      line: finding.suppression.span.line,
    },
  };
}

function decisionJson(decision: DialectDecision) {
  return {
    source: decision.source,
    detail: decision.detail,
    disagreeing: decision.disagreeing.map((item) => ({
      source: item.source,
      dialect: item.dialect,
      detail: item.detail,
      ...(item.setAside !== undefined ? { setAside: item.setAside } : {}),
    })),
  };
}

/** Where the dialect came from, per history, and the configuration files read (when the run recorded them). */
function dialectJson(input: ReportInput) {
  const { dialects, configFiles } = input;
  if (!dialects) return {};
  return {
    dialectSource: dialects.run.source,
    dialectDecision: decisionJson(dialects.run),
    histories: dialects.histories.map((history) => ({
      history: history.history,
      dialect: history.dialect,
      ...decisionJson(history),
    })),
    ...(configFiles?.migragate !== undefined ? { configFile: configFiles.migragate } : {}),
    ...(configFiles ? { alembicConfigs: [...configFiles.alembic] } : {}),
  };
}

/** The report with its long arrays (revisions, findings, suppressed findings) left lazy. */
function lazyJsonReport(input: ReportInput): Record<string, unknown> {
  const { result } = input;
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<string, number>;
  const byRule = new Map<string, number>();
  for (const finding of result.findings) {
    bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
    byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  }
  const byPhase = Object.fromEntries(PHASES.filter((phase) => phase !== "neutral").map((phase) => [phase, 0]));
  const revisions = result.histories.flatMap((history, historyIndex) =>
    history.revisions.map((analyzed) => ({ analyzed, historyIndex })),
  );
  for (const { analyzed } of revisions) {
    for (const phase of analyzed.phases) byPhase[phase] = (byPhase[phase] ?? 0) + 1;
  }
  return {
    schemaVersion: 2,
    tool: input.tool,
    dialect: input.dialect,
    ...dialectJson(input),
    summary: {
      revisions: revisions.length,
      histories: result.histories.length,
      findings: result.findings.length,
      suppressed: result.suppressed.length,
      bySeverity,
      byRule: Object.fromEntries([...byRule].sort(([a], [b]) => (a < b ? -1 : 1))),
      byPhase,
      coverage: coverage(input),
    },
    revisions: lazy(revisions, ({ analyzed, historyIndex }) => revisionJson(analyzed, historyIndex), true),
    findings: lazy(result.findings, findingJson),
    suppressed: lazy(result.suppressed, suppressedJson),
    envFiles: input.envFiles.map((env) => env.file),
    skippedFiles: input.skipped.map((skipped) => ({ file: skipped.file, reason: skipped.reason })),
  };
}
