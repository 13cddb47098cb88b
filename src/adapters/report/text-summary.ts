import { type AnalyzedRevision, failsGate, SEVERITIES, type Severity } from "../../domain/index.js";
import { counted, contextLine as dialectContext, revisionsByFile, severityCounts } from "./report-facts.js";
import type { ReportInput } from "./report-model.js";
import { GLUE } from "./terminal-layout.js";

/** The lines that end the text report; the verdict comes last, on its own (see `verdictLine`). */

const BUCKETS = ["expand", "backfill", "contract", "mixed", "neutral"] as const;

type Bucket = (typeof BUCKETS)[number];

/** Where a revision is counted: its one phase, `mixed` when it has several, `neutral` when it has none. */
function phaseBucket(revision: AnalyzedRevision): Bucket {
  const [only, ...more] = revision.phases;
  if (only === undefined) return "neutral";
  return more.length > 0 ? "mixed" : (only as Bucket);
}

/**
 * `26 revisions in 3 histories, 25 under review (...): 12 expand, 2 backfill, 5 contract, 3 mixed, 3 neutral only`.
 * The phase counts are over the revisions under review, each counted once, so they add up to that number.
 */
export function revisionsLine(input: ReportInput): string {
  const revisions = [...revisionsByFile(input).values()];
  const reviewed = revisions.filter((revision) => revision.underReview);
  const counts = new Map<Bucket, number>(BUCKETS.map((bucket) => [bucket, 0]));
  for (const revision of reviewed) {
    const bucket = phaseBucket(revision);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const total = `${counted(revisions.length, "revision")} in ${counted(input.result.histories.length, "history", "histories")}`;
  const scope =
    reviewed.length === revisions.length
      ? "all under review"
      : `${reviewed.length === 0 ? "none" : reviewed.length} under review (the rest is context and is not reported)`;
  if (reviewed.length === 0) return `${total}, ${scope}`;
  const phases = BUCKETS.map(
    (bucket) => `${counts.get(bucket) ?? 0} ${bucket === "neutral" ? "neutral only" : bucket}`,
  );
  return `${total}, ${scope}: ${phases.join(", ")}`;
}

/** `54 findings: 37 errors, 16 warnings, 1 info (4 suppressed, not counted)`. */
export function findingsLine(input: ReportInput): string {
  const { findings, suppressed } = input.result;
  const counts = severityCounts(findings);
  const severities = SEVERITIES.map((severity) => counted(counts[severity], severity));
  const accepted = suppressed.length > 0 ? ` (${suppressed.length} suppressed, not counted)` : "";
  return `${counted(findings.length, "finding")}: ${severities.join(", ")}${accepted}`;
}

/** `by rule: contract-same-release 8, sql-without-if-exists 5, ...`, most frequent first; undefined without findings. */
export function rulesLine(input: ReportInput): string | undefined {
  const counts = new Map<string, number>();
  for (const finding of input.result.findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const rules = [...counts].sort(([a, left], [b, right]) => right - left || (a < b ? -1 : a > b ? 1 : 0));
  return `by rule: ${rules.map(([rule, count]) => `${rule}${GLUE}${count}`).join(", ")}`;
}

/** With fail-on-opaque, how many opaque operations under review fail the gate; undefined when none do. */
export function opaqueLine(input: ReportInput): string | undefined {
  const { opaque } = input.gate;
  return opaque ? `${counted(opaque, "opaque operation")} under review fail the gate (fail-on-opaque)` : undefined;
}

/**
 * The dialect with where it came from, and the configuration files read (see report-facts' `contextLine`); a report
 * input that does not record how the dialect was decided gives the dialect alone.
 */
export function contextLine(input: ReportInput): string {
  return dialectContext(input) ?? `dialect: ${input.dialect}`;
}

/**
 * The gate's verdict as the CLI decided it, with what decided it: `FAILED: 3 errors at or above --fail-on error`,
 * `PASSED: 2 warnings, none at or above --fail-on error`, or `PASSED` when nothing was found.
 */
export function verdictLine(input: ReportInput): { readonly passed: boolean; readonly text: string } {
  const { gate } = input;
  const counts = severityCounts(input.result.findings);
  const found = SEVERITIES.filter((severity) => counts[severity] > 0);
  const named = (severities: readonly Severity[]) =>
    listed(severities.map((severity) => counted(counts[severity], severity)));
  if (gate.passed) {
    if (found.length === 0) return { passed: true, text: "PASSED" };
    if (gate.failOn === "never") return { passed: true, text: "PASSED: --fail-on never, so no finding fails the run" };
    return { passed: true, text: `PASSED: ${named(found)}, none at or above --fail-on ${gate.failOn}` };
  }
  const failing = found.filter((severity) => failsGate(severity, gate.failOn));
  const unread = input.skipped.filter((file) => file.failed).length;
  const reasons = [
    ...(failing.length > 0 ? [`${named(failing)} at or above --fail-on ${gate.failOn}`] : []),
    ...(unread > 0 ? [`${counted(unread, "file")} could not be analysed`] : []),
    ...(gate.opaque ? [`${counted(gate.opaque, "opaque operation")} under review (fail-on-opaque)`] : []),
  ];
  return { passed: false, text: reasons.length > 0 ? `FAILED: ${reasons.join("; ")}` : "FAILED" };
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
