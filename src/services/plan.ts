import {
  type AnalyzedRevision,
  type Batching,
  type ClassifiedOperation,
  type ConflictEnd,
  type Dialect,
  type Finding,
  type History,
  type HistoryPlan,
  hasUnresolvedPart,
  LOCK_MODES,
  type LockMode,
  type MixedRevision,
  type OperationMove,
  type Phase,
  type PlanFinding,
  type PlannedRevision,
  type PlanRole,
  type PlanStep,
  type StepKind,
  type SuppressedFinding,
  type TableLock,
  tableKey,
} from "../domain/index.js";
import { childrenOf, graphOf, type PlanGraph, runOrder } from "./plan-graph.js";
import { findConflicts, type OwnSteps, proposeReorder } from "./plan-order.js";
import { summarizeOperations } from "./plan-summary.js";

/** The rules whose findings the plan is built on; `plan` runs them whatever the selection. */
export const PLAN_RULES: readonly string[] = [
  "contract-same-release",
  "mixed-phases",
  "ddl-with-backfill",
  "unbatched-backfill",
];

/** The rules that explain a mixed revision: their findings count against `--fail-on`. */
export const MIXED_RULES: readonly string[] = ["mixed-phases", "ddl-with-backfill"];

export interface PlanRequest {
  readonly histories: readonly History[];
  /** The findings of the analysis (at least those of PLAN_RULES), grouped as the engine groups them. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly dialect: Dialect;
}

/** How many operations or conflicting revisions a plan lists before it counts the rest. */
const MAX_LISTED = 10;

function stepKind(step: number): StepKind {
  return step <= 1 ? "before-deploy" : step === 3 ? "after-deploy" : "next-release";
}

/** One place of a finding (a grouped finding has several), with the column to match it to an operation. */
interface Place extends PlanFinding {
  readonly column: number;
}

/** The findings of the plan's rules, by revision file and id, each spread into its places. */
class FindingIndex {
  private readonly places = new Map<string, Place[]>();

  constructor(findings: readonly Finding[], suppressed: readonly SuppressedFinding[]) {
    for (const finding of findings) {
      const { related, ...first } = finding;
      for (const place of [first, ...(related ?? [])]) {
        this.add(finding, { span: place.span, message: place.message });
      }
    }
    for (const finding of suppressed) {
      this.add(finding, finding, finding.suppression.reason ?? "accepted without a written reason");
    }
  }

  private add(finding: Finding, place: { span: Finding["span"]; message: string }, acceptedBecause?: string): void {
    if (!PLAN_RULES.includes(finding.rule) || finding.revision === undefined) return;
    const key = `${finding.span.file}\u0000${finding.revision}`;
    const entry: Place = {
      rule: finding.rule,
      severity: finding.severity,
      message: place.message,
      line: place.span.line,
      column: place.span.column,
      ...(acceptedBecause !== undefined ? { acceptedBecause } : {}),
    };
    const list = this.places.get(key);
    if (list) list.push(entry);
    else this.places.set(key, [entry]);
  }

  of(analyzed: AnalyzedRevision, rule: string): Place[] {
    const list = this.places.get(`${analyzed.revision.file}\u0000${analyzed.revision.id}`) ?? [];
    return list.filter((place) => place.rule === rule).sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

function planFinding(place: Place): PlanFinding {
  const { column: _column, ...finding } = place;
  return finding;
}

/** What the plan knows about one revision of the release before placing it. */
interface Facts {
  readonly analyzed: AnalyzedRevision;
  readonly role: PlanRole;
  /** The step its operations need (see OwnSteps); undefined for neutral revisions. */
  readonly ownStep?: number;
  /** The step each non-neutral operation needs. */
  readonly opSteps: ReadonlyMap<ClassifiedOperation, number>;
  readonly sameRelease: readonly Place[];
  readonly batching: readonly Place[];
  readonly mixing: readonly Place[];
}

function roleOf(analyzed: AnalyzedRevision): PlanRole {
  const phases = analyzed.phases.filter((phase) => phase !== "neutral");
  if (phases.length > 1) return "mixed";
  return phases[0] ?? analyzed.declaredPhase?.phase ?? "neutral";
}

function factsOf(analyzed: AnalyzedRevision, index: FindingIndex): Facts {
  const sameRelease = index.of(analyzed, "contract-same-release");
  const standing = new Set(
    sameRelease.filter((place) => place.acceptedBecause === undefined).map((place) => `${place.line}:${place.column}`),
  );
  const opSteps = new Map<ClassifiedOperation, number>();
  for (const op of analyzed.operations) {
    if (op.phase === "neutral") continue;
    const deferred = op.phase === "contract" && standing.has(`${op.span.line}:${op.span.column}`);
    opSteps.set(op, op.phase === "expand" ? 1 : deferred ? 4 : 3);
  }
  const role = roleOf(analyzed);
  const steps = [...opSteps.values()];
  const earliest = analyzed.phases[0];
  const ownStep =
    role === "neutral"
      ? undefined
      : role === "mixed"
        ? earliest === "expand"
          ? 1
          : 3
        : role === "expand"
          ? 1
          : role === "contract"
            ? Math.max(3, ...steps)
            : 3;
  return {
    analyzed,
    role,
    ...(ownStep !== undefined ? { ownStep } : {}),
    opSteps,
    sameRelease,
    batching: index.of(analyzed, "unbatched-backfill"),
    mixing: [...index.of(analyzed, "mixed-phases"), ...index.of(analyzed, "ddl-with-backfill")],
  };
}

const LOCK_STRENGTH: ReadonlyMap<LockMode, number> = new Map(LOCK_MODES.map((mode, index) => [mode, index]));

/** The strongest lock per table, strongest first (then by name); empty where there is no lock model. */
function locksOf(operations: readonly ClassifiedOperation[], lockModel: boolean): TableLock[] {
  if (!lockModel) return [];
  const byTable = new Map<string, TableLock>();
  for (const op of operations) {
    const facts = op.lock;
    if (facts?.lock === undefined || op.table === undefined) continue;
    const key = tableKey(op.table);
    const known = byTable.get(key);
    const strength = LOCK_STRENGTH.get(facts.lock) ?? 0;
    const knownStrength = known ? (LOCK_STRENGTH.get(known.lock) ?? 0) : -1;
    if (strength < knownStrength) continue;
    // The rewrite and the scan are said of the strongest lock only: they are what makes holding it long.
    const same = strength === knownStrength;
    byTable.set(key, {
      table: known?.table ?? op.table,
      lock: facts.lock,
      rewrite: (same && known?.rewrite) || facts.rewrite,
      scan: (same && known?.scan) || facts.scan,
      newTable: (same ? (known?.newTable ?? true) : true) && facts.newTable === true,
    });
  }
  return [...byTable.values()].sort(
    (a, b) => (LOCK_STRENGTH.get(b.lock) ?? 0) - (LOCK_STRENGTH.get(a.lock) ?? 0) || (a.table < b.table ? -1 : 1),
  );
}

function batchingOf(facts: Facts): Batching | undefined {
  const backfills = facts.analyzed.operations.filter((op) => op.phase === "backfill");
  if (backfills.length === 0) return undefined;
  if (facts.batching.some((place) => place.acceptedBecause === undefined)) return "unbatched";
  if (facts.batching.length > 0) return "accepted";
  const dataChanges = backfills.filter((op) => op.kind === "data-change");
  return dataChanges.length > 0 && dataChanges.every((op) => op.context.inLoop) ? "batched" : "not-flagged";
}

/**
 * The dialect whose locks migragate does not model, when the revision's statements are for one: the run's, or the
 * one its folder or dialect conditions name (`versions/sqlite/`). Undefined when the lock model applies.
 */
function unmodelledDialect(operations: readonly ClassifiedOperation[], dialect: Dialect): Dialect | undefined {
  if (dialect !== "postgresql") return dialect;
  if (operations.length === 0 || operations.some((op) => op.dialect === "postgresql")) return undefined;
  return operations[0]?.dialect;
}

function plannedRevision(facts: Facts, step: StepKind, dialect: Dialect): PlannedRevision {
  const { analyzed } = facts;
  const { revision } = analyzed;
  const batching = batchingOf(facts);
  const unmodelled = unmodelledDialect(analyzed.operations, dialect);
  return {
    id: revision.id,
    file: revision.file,
    ...(revision.message !== undefined ? { message: revision.message } : {}),
    role: facts.role,
    phases: analyzed.phases.filter((phase) => phase !== "neutral"),
    ...(analyzed.declaredPhase ? { declaredPhase: analyzed.declaredPhase.phase } : {}),
    step,
    summary: summarizeOperations(analyzed.operations),
    locks: locksOf(analyzed.operations, unmodelled === undefined),
    ...(unmodelled !== undefined ? { locksNotModelled: unmodelled } : {}),
    unknownEffects: analyzed.operations.filter((op) => op.kind === "opaque").length,
    ...(batching !== undefined ? { batching } : {}),
    batchingFindings: facts.batching.map(planFinding),
    sameRelease: facts.sameRelease.map(planFinding),
  };
}

function compactText(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/** The operations of a mixed revision that belong to another step or phase than the one it is placed in. */
function mixedRevision(facts: Facts, step: StepKind): MixedRevision {
  const placed = facts.analyzed.phases[0];
  const moves = new Map<string, { phase: Exclude<Phase, "neutral">; step: number; ops: ClassifiedOperation[] }>();
  for (const [op, opStep] of facts.opSteps) {
    if (op.phase === "neutral" || op.continuesDirective || op.phase === placed) continue;
    const key = `${opStep}\u0000${op.phase}`;
    const move = moves.get(key);
    if (move) move.ops.push(op);
    else moves.set(key, { phase: op.phase, step: opStep, ops: [op] });
  }
  const ordered = [...moves.values()].sort((a, b) => a.step - b.step || a.phase.localeCompare(b.phase));
  return {
    id: facts.analyzed.revision.id,
    file: facts.analyzed.revision.file,
    step,
    moves: ordered.map(
      (move): OperationMove => ({
        phase: move.phase,
        step: stepKind(move.step),
        operations: move.ops.slice(0, MAX_LISTED).map((op) => ({ line: op.span.line, text: compactText(op.text) })),
        total: move.ops.length,
      }),
    ),
    findings: facts.mixing.map(planFinding),
  };
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

function planHistory(history: History, number: number, index: FindingIndex, dialect: Dialect): HistoryPlan {
  const graph = graphOf(history);
  const releaseIds = graph.ids.filter((id) => graph.revisions.get(id)?.underReview);
  const format = graph.revisions.get(graph.ids[0] ?? "")?.revision.format ?? "alembic";
  const base = {
    history: number,
    scope: history.scope,
    format,
    revisions: releaseIds.length,
    heads: history.heads,
    cycles: history.cycles.length,
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

/**
 * The deploy plan of the release under review, one per history: which revisions run before the code deploy, which
 * after, which wait for the next release; the order conflicts the revision chain imposes and their fix; the mixed
 * revisions that fit no single step. `dialect` decides whether the lock model applies (PostgreSQL only).
 */
export function planReleases(request: PlanRequest): HistoryPlan[] {
  const index = new FindingIndex(request.findings, request.suppressed);
  return request.histories.map((history, position) => planHistory(history, position + 1, index, request.dialect));
}

/** The findings that explain mixed revisions and stand (not suppressed): what `--fail-on` judges for a plan. */
export function mixedFindings(plans: readonly HistoryPlan[]): PlanFinding[] {
  return plans.flatMap((plan) =>
    plan.mixed.flatMap((mixed) => mixed.findings.filter((finding) => finding.acceptedBecause === undefined)),
  );
}
