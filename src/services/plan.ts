import {
  type AnalyzedRevision,
  type ChangeUnderReview,
  type ConflictEnd,
  type Dialect,
  type Finding,
  type History,
  type HistoryPlan,
  hasUnresolvedPart,
  type PlanFinding,
  type PlannedRevision,
  type PlanStep,
  type RevisionEdit,
  type StepKind,
  type SuppressedFinding,
} from "../domain/index.js";
import { childrenOf, graphOf, type PlanGraph, runOrder } from "./plan-graph.js";
import { findConflicts, type OwnSteps, proposeReorder } from "./plan-order.js";
import {
  type Facts,
  FindingIndex,
  factsOf,
  MAX_LISTED,
  mixedRevision,
  plannedRevision,
  stepKind,
} from "./plan-revisions.js";

export { PLAN_RULES } from "./plan-revisions.js";

/**
 * The rule `check` fails an edited, already-merged revision with (`--since`): the plan runs it too, never schedules a
 * revision it flags, and names the edit as a problem that blocks the plan.
 */
export const EDIT_RULE = "revision-edited";

/** The rules that explain a mixed revision: their findings count against `--fail-on`. */
export const MIXED_RULES: readonly string[] = ["mixed-phases", "ddl-with-backfill"];

export interface PlanRequest {
  readonly histories: readonly History[];
  /** The findings of the analysis (at least those of PLAN_RULES), grouped as the engine groups them. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly dialect: Dialect;
  /** `--since`: what the change did to revisions that existed before it, as the analysis found it. */
  readonly changeUnderReview?: ChangeUnderReview;
}

/** A history's revision-edited findings, and the revisions they keep out of the plan (file and id). */
interface HistoryEdits {
  readonly edits: RevisionEdit[];
  readonly blocked: Set<string>;
}

const revisionKey = (file: string, id: string) => `${file}\u0000${id}`;

/**
 * Spreads the revision-edited findings over the histories: by the revision they name, a helper module's by the
 * revisions it changes, else the first history. A revision whose edit stands is kept out of the plan: environments
 * that already ran it would never run it again.
 */
function editsByHistory(request: PlanRequest): HistoryEdits[] {
  const byHistory = request.histories.map((): HistoryEdits => ({ edits: [], blocked: new Set<string>() }));
  const historyOf = new Map<string, number>();
  request.histories.forEach((history, position) => {
    for (const analyzed of history.revisions) historyOf.set(analyzed.revision.id, position);
  });
  const edited = new Set(
    (request.changeUnderReview?.changes ?? []).flatMap((change) =>
      change.kind === "edited" ? [revisionKey(change.file, change.revision)] : [],
    ),
  );
  const helperRevisions = new Map(
    (request.changeUnderReview?.changes ?? []).flatMap((change) =>
      change.kind === "helper" ? [[change.file, change.revisions.map((revision) => revision.revision)] as const] : [],
    ),
  );
  const add = (finding: Finding, acceptedBecause?: string) => {
    if (finding.rule !== EDIT_RULE) return;
    const named = finding.revision ?? helperRevisions.get(finding.span.file)?.find((id) => historyOf.has(id));
    const target = byHistory[(named !== undefined ? historyOf.get(named) : undefined) ?? 0];
    if (!target) return;
    target.edits.push({
      ...(finding.revision !== undefined ? { revision: finding.revision } : {}),
      file: finding.span.file,
      rule: EDIT_RULE,
      severity: finding.severity,
      line: finding.span.line,
      message: finding.message,
      hint: finding.hint,
      ...(acceptedBecause !== undefined ? { acceptedBecause } : {}),
    });
    const key = finding.revision === undefined ? undefined : revisionKey(finding.span.file, finding.revision);
    if (acceptedBecause === undefined && key !== undefined && edited.has(key)) target.blocked.add(key);
  };
  for (const finding of request.findings) add(finding);
  for (const finding of request.suppressed)
    add(finding, finding.suppression.reason ?? "accepted without a written reason");
  return byHistory;
}

/** The step a neutral revision runs in: the latest step among the release revisions it follows, else the first. */
function displaySteps(graph: PlanGraph, release: ReadonlySet<string>, own: OwnSteps): Map<string, number> {
  const latest = new Map<string, number>();
  const steps = new Map<string, number>();
  for (const id of runOrder(graph).order) {
    const parents = [...(graph.downs.get(id) ?? []), ...(graph.depends.get(id) ?? [])];
    const above = Math.max(0, ...parents.map((parent) => latest.get(parent) ?? 0));
    const ownStep = release.has(id) ? own.get(id) : undefined;
    const step = ownStep ?? Math.max(1, above);
    if (release.has(id)) steps.set(id, step);
    latest.set(id, release.has(id) ? Math.max(above, step) : above);
  }
  return steps;
}

/** Branch labels as Alembic applies them: a revision's own, else the one of its only parent. */
function branchLabels(graph: PlanGraph): Map<string, string> {
  const labels = new Map<string, string>();
  for (const id of runOrder(graph).order) {
    const own = graph.revisions.get(id)?.revision.branchLabels[0];
    const downs = graph.downs.get(id) ?? [];
    const inherited = downs.length === 1 ? labels.get(downs[0] as string) : undefined;
    // A label held by a constant migragate could not read starts a branch whose name it does not know.
    const label = own === undefined ? inherited : hasUnresolvedPart(own) ? undefined : own;
    if (label !== undefined) labels.set(id, label);
  }
  return labels;
}

/** The revisions of a step that no other revision of the step descends from: upgrading to each runs the step. */
function tipsOf(graph: PlanGraph, order: readonly string[], members: ReadonlySet<string>): string[] {
  const children = childrenOf(graph, true);
  const leadsInto = new Set<string>();
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index] as string;
    if ((children.get(id) ?? []).some((child) => members.has(child) || leadsInto.has(child))) leadsInto.add(id);
  }
  return order.filter((id) => members.has(id) && !leadsInto.has(id));
}

function planStep(
  kind: StepKind,
  revisions: readonly PlannedRevision[],
  graph: PlanGraph,
  order: readonly string[],
  format: "alembic" | "sql",
  labels: ReadonlyMap<string, string>,
): PlanStep {
  if (format === "sql") return { kind, revisions, commands: [], files: revisions.map((revision) => revision.file) };
  const tips = tipsOf(graph, order, new Set(revisions.map((revision) => revision.id)));
  const commands = tips.map((tip) => {
    const label = labels.get(tip);
    return `alembic upgrade ${label !== undefined ? `${label}@` : ""}${tip}`;
  });
  return { kind, revisions, commands, files: [] };
}

function planHistory(
  history: History,
  number: number,
  index: FindingIndex,
  dialect: Dialect,
  { edits, blocked }: HistoryEdits,
): HistoryPlan {
  // An edited revision whose edit stands is not new work: it is context, and the edit blocks the plan.
  const reviewed = blocked.size === 0 ? history : withoutBlocked(history, blocked);
  const graph = graphOf(reviewed);
  const releaseIds = graph.ids.filter((id) => graph.revisions.get(id)?.underReview);
  const format = graph.revisions.get(graph.ids[0] ?? "")?.revision.format ?? "alembic";
  const base = {
    history: number,
    scope: history.scope,
    format,
    revisions: releaseIds.length,
    heads: history.heads,
    cycles: history.cycles.length,
    edited: edits,
  };
  if (releaseIds.length === 0)
    return { ...base, outcome: "nothing-to-deploy", steps: [], conflicts: [], mixed: [] } satisfies HistoryPlan;
  const facts = new Map(releaseIds.map((id) => [id, factsOf(graph.revisions.get(id) as AnalyzedRevision, index)]));
  const own = new Map<string, number>();
  for (const [id, fact] of facts) if (fact.ownStep !== undefined) own.set(id, fact.ownStep);
  const release = new Set(releaseIds);
  const labels = branchLabels(graph);
  if (own.size === 0) {
    const { order } = runOrder(graph);
    const revisions = order
      .filter((id) => release.has(id))
      .map((id) => plannedRevision(facts.get(id) as Facts, "any-time", dialect));
    const step = planStep("any-time", revisions, graph, order, format, labels);
    return { ...base, outcome: "one-step", steps: [step], conflicts: [], mixed: [] };
  }
  const raw = findConflicts(graph, own);
  const fix = raw.length > 0 ? proposeReorder(graph, releaseIds, own, format, history.cycles.length) : undefined;
  const proposed = fix?.proposed ?? graph;
  const steps = displaySteps(proposed, release, own);
  const kindOf = (id: string) => stepKind(steps.get(id) ?? 1);
  const end = (id: string): ConflictEnd => ({
    id,
    file: graph.revisions.get(id)?.revision.file ?? "",
    role: facts.get(id)?.role ?? "neutral",
    step: kindOf(id),
  });
  const { order } = runOrder(proposed);
  const planned = new Map(releaseIds.map((id) => [id, plannedRevision(facts.get(id) as Facts, kindOf(id), dialect)]));
  const inStep = (kind: StepKind) =>
    order.filter((id) => release.has(id) && kindOf(id) === kind).map((id) => planned.get(id) as PlannedRevision);
  const planSteps: PlanStep[] = [];
  for (const kind of ["before-deploy", "deploy", "after-deploy", "next-release"] as const) {
    const revisions = kind === "deploy" ? [] : inStep(kind);
    if (kind === "deploy") planSteps.push({ kind, revisions, commands: [], files: [] });
    else if (revisions.length > 0) planSteps.push(planStep(kind, revisions, proposed, order, format, labels));
  }
  const mixed = releaseIds
    .map((id) => facts.get(id) as Facts)
    .filter((fact) => fact.role === "mixed")
    .map((fact) => mixedRevision(fact, kindOf(fact.analyzed.revision.id)));
  return {
    ...base,
    outcome: "steps",
    steps: planSteps,
    conflicts: raw.map((conflict) => ({
      revision: end(conflict.id),
      before: conflict.before.slice(0, MAX_LISTED).map(end),
      total: conflict.before.length,
      throughDependsOn: conflict.throughDependsOn,
    })),
    mixed,
    ...(fix ? { reorder: fix.reorder } : {}),
  };
}

function withoutBlocked(history: History, blocked: ReadonlySet<string>): History {
  const revisions = history.revisions.map((analyzed) =>
    analyzed.underReview && blocked.has(revisionKey(analyzed.revision.file, analyzed.revision.id))
      ? { ...analyzed, underReview: false }
      : analyzed,
  );
  return { ...history, revisions };
}

/**
 * The deploy plan of the release under review, one per history: which revisions run before the code deploy, which
 * after, which wait for the next release; the order conflicts the revision chain imposes and their fix; the mixed
 * revisions that fit no single step. `dialect` decides whether the lock model applies (PostgreSQL only).
 */
export function planReleases(request: PlanRequest): HistoryPlan[] {
  const index = new FindingIndex(request.findings, request.suppressed);
  const edits = editsByHistory(request);
  return request.histories.map((history, position) =>
    planHistory(history, position + 1, index, request.dialect, edits[position] as HistoryEdits),
  );
}

/** The revision-edited findings that stand: they block the plan as they fail `check`. */
export function standingEdits(plans: readonly HistoryPlan[]): RevisionEdit[] {
  return plans.flatMap((plan) => plan.edited.filter((edit) => edit.acceptedBecause === undefined));
}

/** The findings that explain mixed revisions and stand (not suppressed): what `--fail-on` judges for a plan. */
export function mixedFindings(plans: readonly HistoryPlan[]): PlanFinding[] {
  return plans.flatMap((plan) =>
    plan.mixed.flatMap((mixed) => mixed.findings.filter((finding) => finding.acceptedBecause === undefined)),
  );
}
