import {
  type AnalyzedRevision,
  type ClassifiedOperation,
  type Finding,
  type Operation,
  PHASES,
  SEVERITIES,
  type SuppressedFinding,
} from "../../domain/index.js";
import type { Reporter, ReportInput } from "./report-model.js";

/** The JSON report, schemaVersion 1, documented by docs/report.schema.json. Same input, byte-identical output. */
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

function operationJson(operation: Operation | ClassifiedOperation) {
  const context = operation.context;
  const flags = {
    ...(context.inLoop ? { inLoop: true } : {}),
    ...(context.autocommit ? { autocommit: true } : {}),
    ...(context.existenceGuard ? { existenceGuard: true } : {}),
    ...(context.inTry ? { inTry: true } : {}),
    ...(context.conditions.length > 0 ? { conditions: [...context.conditions] } : {}),
    ...(context.dialectCondition ? { dialectCondition: context.dialectCondition } : {}),
    ...(context.helpers.length > 0 ? { helpers: [...context.helpers] } : {}),
  };
  const column = columnOf(operation);
  const lock = "lock" in operation ? operation.lock : undefined;
  return {
    kind: operation.kind,
    ...("phase" in operation ? { phase: operation.phase } : {}),
    origin: operation.origin,
    ...(operation.table !== undefined ? { table: operation.table } : {}),
    ...(column !== undefined ? { column } : {}),
    line: operation.span.line,
    endLine: operation.span.endLine,
    text: operation.text,
    ...(operation.sql !== undefined ? { sql: operation.sql } : {}),
    ...(Object.keys(flags).length > 0 ? { context: flags } : {}),
    // PostgreSQL lock facts; JSON.stringify leaves out the undefined ones (other dialects, unknown effects).
    lock: lock?.lock,
    rewrite: lock?.rewrite,
    scan: lock?.scan,
    newTable: lock?.newTable || undefined,
  };
}

function findingJson(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    hint: finding.hint,
    file: finding.span.file,
    line: finding.span.line,
    column: finding.span.column,
    endLine: finding.span.endLine,
    endColumn: finding.span.endColumn,
    ...(finding.revision !== undefined ? { revision: finding.revision } : {}),
  };
}

/** An array the report writes item by item, so no whole report needs to exist in memory at once. */
interface LazyArray {
  readonly length: number;
  items(): Iterable<unknown>;
}

function lazy<T, U>(source: readonly T[], map: (item: T) => U): LazyArray {
  return {
    length: source.length,
    *items() {
      for (const item of source) yield map(item);
    },
  };
}

function isLazy(value: unknown): value is LazyArray {
  return typeof value === "object" && value !== null && typeof (value as LazyArray).items === "function";
}

/**
 * Writes `JSON.stringify(report, null, 2)` of the report in pieces, byte for byte: top-level values as they are,
 * lazy arrays one item at a time.
 */
function* stringifyInPieces(report: Record<string, unknown>): Generator<string> {
  const entries = Object.entries(report);
  yield "{\n";
  for (const [index, [key, value]] of entries.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (isLazy(value) && value.length > 0) {
      yield "[\n";
      let first = true;
      for (const item of value.items()) {
        yield `${first ? "" : ",\n"}    ${JSON.stringify(item, null, 2).replace(/\n/g, "\n    ")}`;
        first = false;
      }
      yield "\n  ]";
    } else {
      yield isLazy(value) ? "[]" : JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
    }
    yield index < entries.length - 1 ? ",\n" : "\n";
  }
  yield "}\n";
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
    operations: analyzed.operations.map(operationJson),
    downgradeOperations: revision.downgrade.operations.map(operationJson),
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
    schemaVersion: 1,
    tool: input.tool,
    dialect: input.dialect,
    summary: {
      revisions: revisions.length,
      histories: result.histories.length,
      findings: result.findings.length,
      suppressed: result.suppressed.length,
      bySeverity,
      byRule: Object.fromEntries([...byRule].sort(([a], [b]) => (a < b ? -1 : 1))),
      byPhase,
    },
    revisions: lazy(revisions, ({ analyzed, historyIndex }) => revisionJson(analyzed, historyIndex)),
    findings: lazy(result.findings, findingJson),
    suppressed: lazy(result.suppressed, suppressedJson),
    envFiles: input.envFiles.map((env) => env.file),
    skippedFiles: input.skipped.map((skipped) => ({ file: skipped.file, reason: skipped.reason })),
  };
}
