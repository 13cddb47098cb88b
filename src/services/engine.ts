import type {
  AnalysisOptions,
  AnalysisResult,
  Analyzer,
  EnvFile,
  Finding,
  Revision,
  Severity,
} from "../domain/index.js";
import { severityRank } from "../domain/index.js";
import { buildGraph } from "./graph.js";

export interface RuleSelection {
  /** Only these rules run (all when empty). */
  readonly select: readonly string[];
  readonly ignore: readonly string[];
  readonly severity: ReadonlyMap<string, Severity>;
}

export interface AnalysisRequest {
  readonly revisions: readonly Revision[];
  readonly envFiles: readonly EnvFile[];
  readonly options: AnalysisOptions;
  readonly analyzers: readonly Analyzer[];
  readonly selection: RuleSelection;
}

export function isRuleSelected(rule: string, selection: RuleSelection): boolean {
  if (selection.select.length > 0 && !selection.select.includes(rule)) return false;
  return !selection.ignore.includes(rule);
}

/** Classifies every revision, builds the histories, runs the selected analyzers, and orders their findings. */
export function runAnalysis(request: AnalysisRequest): AnalysisResult {
  const graph = buildGraph(request.revisions, request.options.dialect, request.options.postgresVersion);
  const input = {
    histories: graph.histories,
    duplicateRevisions: graph.duplicateRevisions,
    envFiles: request.envFiles,
    options: request.options,
  };
  const findings: Finding[] = [];
  for (const analyzer of request.analyzers) {
    const rule = analyzer.meta.name;
    if (!isRuleSelected(rule, request.selection)) continue;
    const severity = request.selection.severity.get(rule) ?? analyzer.meta.defaultSeverity;
    for (const draft of analyzer.check(input)) {
      findings.push({
        rule,
        severity,
        message: draft.message,
        hint: draft.hint ?? analyzer.meta.safeAlternative,
        span: draft.span,
        ...(draft.revision !== undefined ? { revision: draft.revision } : {}),
      });
    }
  }
  findings.sort(compareFindings);
  return { histories: graph.histories, findings, suppressed: [] };
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return (
    a.span.line - b.span.line ||
    a.span.column - b.span.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export type FailOn = Severity | "never";

/** Whether any finding is at or above the threshold that fails the run. */
export function failsAt(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === "never") return false;
  const threshold = severityRank(failOn);
  return findings.some((finding) => severityRank(finding.severity) >= threshold);
}
