import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  coverage
} from "./chunk-RE5JWGWN.js";
import {
  PHASES,
  SEVERITIES
} from "./chunk-FOQMQZLO.js";

// src/adapters/report/json-report.ts
var JsonReporter = class {
  render(input) {
    return [...this.pieces(input)].join("");
  }
  /** The report in pieces, revision by revision and finding by finding: large histories never hold it whole. */
  pieces(input) {
    return stringifyInPieces(lazyJsonReport(input));
  }
};
function columnOf(operation) {
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
      return void 0;
  }
}
function operationJson(operation) {
  const context = operation.context;
  const hasContext = context.inLoop || context.autocommit || context.existenceGuard || context.inTry || context.conditions.length > 0 || Boolean(context.dialectCondition) || context.helpers.length > 0;
  const lock = "lock" in operation ? operation.lock : void 0;
  return {
    kind: operation.kind,
    phase: "phase" in operation ? operation.phase : void 0,
    origin: operation.origin,
    table: operation.table,
    column: columnOf(operation),
    line: operation.span.line,
    endLine: operation.span.endLine,
    text: operation.text,
    sql: operation.sql,
    context: hasContext ? {
      inLoop: context.inLoop || void 0,
      autocommit: context.autocommit || void 0,
      existenceGuard: context.existenceGuard || void 0,
      inTry: context.inTry || void 0,
      conditions: context.conditions.length > 0 ? context.conditions : void 0,
      dialectCondition: context.dialectCondition || void 0,
      helpers: context.helpers.length > 0 ? context.helpers : void 0
    } : void 0,
    // PostgreSQL lock facts, undefined for other dialects and unknown effects.
    lock: lock?.lock,
    rewrite: lock?.rewrite,
    rewriteUnless: lock?.rewriteUnless,
    scan: lock?.scan,
    newTable: lock?.newTable || void 0,
    alsoLocks: lock?.alsoLocks
  };
}
function findingJson(finding) {
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
      hint: place.hint
    }))
  };
}
function lazy(source, map, nested = false) {
  return {
    length: source.length,
    nested,
    *items() {
      for (const item of source) yield map(item);
    }
  };
}
function many(source, map) {
  return source.length > WHOLE_ITEMS ? lazy(source, map) : source.map(map);
}
function isLazy(value) {
  return typeof value === "object" && value !== null && typeof value.items === "function";
}
function holdsLazy(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).some(isLazy);
}
var WHOLE_ITEMS = 1e3;
function writtenWhole(value) {
  let items = 0;
  for (const item of Object.values(value)) {
    if (!isLazy(item)) continue;
    if (item.nested) return false;
    items += item.length;
  }
  return items <= WHOLE_ITEMS;
}
function materialized(value) {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, isLazy(item) ? [...item.items()] : item]));
}
function stringifyAt(value, indent) {
  const depth = indent.length / 2;
  if (depth === 0) return JSON.stringify(value, null, 2);
  let wrapped = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(depth * depth + 3 * depth, text.length - (depth * depth + depth));
}
function* piecesOf(value, indent) {
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
      if (value.nested) yield* piecesOf(item, inner);
      else yield stringifyAt(item, inner);
      first = false;
    }
    yield `
${indent}]`;
    return;
  }
  if (holdsLazy(value) && writtenWhole(value)) {
    yield stringifyAt(materialized(value), indent);
    return;
  }
  if (holdsLazy(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== void 0 && typeof item !== "function");
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
function* stringifyInPieces(report) {
  yield* piecesOf(report, "");
  yield "\n";
}
function revisionJson(analyzed, historyIndex) {
  const revision = analyzed.revision;
  const expressions = Object.entries(revision.rawMeta).filter(([, value]) => value?.type === "expression").map(([key, value]) => [key, value?.type === "expression" ? value.text : ""]);
  return {
    revision: revision.id,
    history: historyIndex + 1,
    downRevisions: [...revision.downRevisions],
    ...revision.dependsOn.length > 0 ? { dependsOn: [...revision.dependsOn] } : {},
    branchLabels: [...revision.branchLabels],
    file: revision.file,
    ...revision.message !== void 0 ? { message: revision.message } : {},
    ...expressions.length > 0 ? { unresolvedMetadata: Object.fromEntries(expressions) } : {},
    ...analyzed.declaredPhase ? { declaredPhase: { ...analyzed.declaredPhase } } : {},
    underReview: analyzed.underReview,
    phases: [...analyzed.phases],
    operations: many(analyzed.operations, operationJson),
    downgradeOperations: many(revision.downgrade.operations, operationJson)
  };
}
function suppressedJson(finding) {
  return {
    ...findingJson(finding),
    suppression: {
      kind: finding.suppression.kind,
      ...finding.suppression.reason !== void 0 ? { reason: finding.suppression.reason } : {},
      file: finding.suppression.span.file,
      line: finding.suppression.span.line
    }
  };
}
function decisionJson(decision) {
  return {
    source: decision.source,
    detail: decision.detail,
    disagreeing: decision.disagreeing.map((item) => ({
      source: item.source,
      dialect: item.dialect,
      detail: item.detail,
      ...item.setAside !== void 0 ? { setAside: item.setAside } : {}
    }))
  };
}
function dialectJson(input) {
  const { dialects, configFiles } = input;
  if (!dialects) return {};
  return {
    dialectSource: dialects.run.source,
    dialectDecision: decisionJson(dialects.run),
    histories: dialects.histories.map((history) => ({
      history: history.history,
      dialect: history.dialect,
      ...decisionJson(history)
    })),
    ...configFiles?.migragate !== void 0 ? { configFile: configFiles.migragate } : {},
    ...configFiles ? { alembicConfigs: [...configFiles.alembic] } : {}
  };
}
function lazyJsonReport(input) {
  const { result } = input;
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0]));
  const byRule = /* @__PURE__ */ new Map();
  for (const finding of result.findings) {
    bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
    byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
  }
  const byPhase = Object.fromEntries(PHASES.filter((phase) => phase !== "neutral").map((phase) => [phase, 0]));
  const revisions = result.histories.flatMap(
    (history, historyIndex) => history.revisions.map((analyzed) => ({ analyzed, historyIndex }))
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
      byRule: Object.fromEntries([...byRule].sort(([a], [b]) => a < b ? -1 : 1)),
      byPhase,
      coverage: coverage(input)
    },
    revisions: lazy(revisions, ({ analyzed, historyIndex }) => revisionJson(analyzed, historyIndex), true),
    findings: lazy(result.findings, findingJson),
    suppressed: lazy(result.suppressed, suppressedJson),
    envFiles: input.envFiles.map((env) => env.file),
    skippedFiles: input.skipped.map((skipped) => ({ file: skipped.file, reason: skipped.reason }))
  };
}
export {
  JsonReporter
};
