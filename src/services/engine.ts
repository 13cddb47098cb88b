import type {
  AnalysisInput,
  AnalysisOptions,
  AnalysisResult,
  AnalyzedRevision,
  Analyzer,
  EnvFile,
  Finding,
  FindingDraft,
  History,
  LocatedOperation,
  OperationKind,
  Revision,
  Severity,
  SuppressedFinding,
  UnanalysedFile,
} from "../domain/index.js";
import { type FailOn, failsGate } from "../domain/index.js";
import { withDeclaredPhases } from "./declared-phases.js";
import { groupFindings } from "./finding-groups.js";
import { buildGraph } from "./graph.js";
import { markHeldLocks } from "./held-locks.js";
import { markReview, type ReviewRequest, reviewsRelease } from "./review.js";
import { applySuppressions } from "./suppressions.js";
import { placeTransactions } from "./transactions.js";

export interface RuleSelection {
  /** The rules that run (see `enabledRules`). */
  readonly enabled: ReadonlySet<string>;
  readonly severity: ReadonlyMap<string, Severity>;
}

export interface AnalysisRequest {
  readonly revisions: readonly Revision[];
  readonly envFiles: readonly EnvFile[];
  readonly options: AnalysisOptions;
  readonly analyzers: readonly Analyzer[];
  readonly selection: RuleSelection;
  readonly review?: ReviewRequest;
  /** Files of the project that could not be analysed (the run fails on them): they may declare revisions. */
  readonly unanalysedFiles?: readonly UnanalysedFile[];
}

export function isRuleSelected(rule: string, selection: RuleSelection): boolean {
  return selection.enabled.has(rule);
}

function uniqueRevisions(histories: readonly History[]): AnalyzedRevision[] {
  const seen = new Set<string>();
  const result: AnalyzedRevision[] = [];
  for (const history of histories) {
    for (const rev of history.revisions) {
      if (seen.has(rev.revision.file)) continue;
      seen.add(rev.revision.file);
      result.push(rev);
    }
  }
  return result;
}

/** The upgrade operations of `revisions` by kind, in order: one scan for every rule that looks for a kind. */
function operationsByKind(revisions: readonly AnalyzedRevision[]): Map<OperationKind, LocatedOperation[]> {
  const byKind = new Map<OperationKind, LocatedOperation[]>();
  for (const rev of revisions) {
    for (const op of rev.operations) {
      const located = byKind.get(op.kind);
      if (located) located.push({ op, rev });
      else byKind.set(op.kind, [{ op, rev }]);
    }
  }
  return byKind;
}

/**
 * Files whose findings the run reports: revisions under review, and env.py unless `--since` shows it unchanged or the
 * command line names other files of its history.
 */
function reportedFiles(histories: readonly History[], envFiles: readonly EnvFile[], review: ReviewRequest) {
  const hidden = new Set<string>();
  for (const history of histories) {
    for (const analyzed of history.revisions) if (!analyzed.underReview) hidden.add(analyzed.revision.file);
  }
  // A file can hold a revision under review and a duplicate that is not: it stays reported.
  for (const history of histories) {
    for (const analyzed of history.revisions) if (analyzed.underReview) hidden.delete(analyzed.revision.file);
  }
  if (review.changedFiles) for (const env of envFiles) if (!review.changedFiles.has(env.file)) hidden.add(env.file);
  if (review.focusFiles) for (const env of envFiles) if (!review.focusFiles.has(env.file)) hidden.add(env.file);
  return (finding: Finding) => !hidden.has(finding.span.file);
}

/**
 * Classifies every revision, builds the histories, marks what is under review, runs the selected analyzers, applies
 * the ignore comments, runs the rules about suppressions, and orders the findings.
 */
export function runAnalysis(request: AnalysisRequest): AnalysisResult {
  const review = request.review ?? {};
  const reading = { dialect: request.options.dialect, forced: request.options.dialectForced ?? false };
  const graph = buildGraph(request.revisions, reading, request.options.postgresVersion);
  const histories = markReview(
    graph.histories.map((history, index) =>
      withDeclaredPhases(
        markHeldLocks(
          placeTransactions(
            history,
            index,
            request.envFiles,
            request.options.dialect,
            request.options.sqlFilesInTransaction ?? false,
          ),
        ),
      ),
    ),
    review,
  );
  const revisions = uniqueRevisions(histories);
  const scans = new Map<(input: AnalysisInput) => unknown, unknown>();
  const input: AnalysisInput = {
    histories,
    revisions,
    operationsByKind: operationsByKind(revisions),
    shared: <T>(scan: (of: AnalysisInput) => T): T => {
      if (!scans.has(scan)) scans.set(scan, scan(input));
      return scans.get(scan) as T;
    },
    duplicateRevisions: graph.duplicateRevisions,
    envFiles: request.envFiles,
    unanalysedFiles: request.unanalysedFiles ?? [],
    options: request.options,
    reviewingRelease: reviewsRelease(review),
    ...(review.changeUnderReview ? { changeUnderReview: review.changeUnderReview } : {}),
  };
  const selected = request.analyzers.filter((analyzer) => isRuleSelected(analyzer.meta.name, request.selection));
  const isReported = reportedFiles(histories, request.envFiles, review);
  const toFinding = (analyzer: Analyzer, draft: FindingDraft): Finding => ({
    rule: analyzer.meta.name,
    group: analyzer.meta.group,
    severity: request.selection.severity.get(analyzer.meta.name) ?? analyzer.meta.defaultSeverity,
    message: draft.message,
    hint: draft.hint ?? analyzer.meta.safeAlternative,
    span: draft.span,
    ...(draft.revision !== undefined ? { revision: draft.revision } : {}),
    ...(draft.variant !== undefined ? { variant: draft.variant } : {}),
  });
  const findings: Finding[] = [];
  const accepted: SuppressedFinding[] = [];
  for (const analyzer of selected) {
    if (analyzer.stage === "after-suppressions") continue;
    for (const draft of analyzer.check(input)) {
      const finding = toFinding(analyzer, draft);
      if (!draft.aboutTheChange && !isReported(finding)) continue;
      if (draft.accepted) accepted.push({ ...finding, suppression: draft.accepted });
      else findings.push(finding);
    }
  }
  const outcome = applySuppressions(
    findings,
    request.revisions,
    new Set(selected.map((analyzer) => analyzer.meta.name)),
    new Set(request.analyzers.map((analyzer) => analyzer.meta.name)),
  );
  const audited: AnalysisInput = { ...input, unusedDirectives: outcome.unused };
  for (const analyzer of selected) {
    if (analyzer.stage !== "after-suppressions") continue;
    for (const draft of analyzer.check(audited)) {
      const finding = toFinding(analyzer, draft);
      if (isReported(finding)) outcome.reported.push(finding);
    }
  }
  return {
    histories,
    findings: groupFindings(
      outcome.reported.sort(compareFindings),
      new Set(
        selected.filter((analyzer) => analyzer.meta.groupsFindings === false).map((analyzer) => analyzer.meta.name),
      ),
    ),
    suppressed: [...accepted, ...outcome.suppressed].sort(compareFindings),
  };
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

/** Whether any finding is at or above the threshold that fails the run. */
export function failsAt(findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((finding) => failsGate(finding.severity, failOn));
}
