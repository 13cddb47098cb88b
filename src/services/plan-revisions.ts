import {
  type AnalyzedRevision,
  type Batching,
  type ClassifiedOperation,
  type Dialect,
  type Finding,
  LOCK_MODES,
  type LockMode,
  type MixedRevision,
  type OperationMove,
  type Phase,
  type PlanFinding,
  type PlannedRevision,
  type PlanRole,
  type StepKind,
  type SuppressedFinding,
  type TableLock,
  tableKey,
} from "../domain/index.js";
import { summarizeOperations } from "./plan-summary.js";

// What the plan says about each revision of a release: its role, step, locks, batching, and the findings behind them.

/** The rules whose findings the plan is built on; `plan` runs them whatever the selection. */
export const PLAN_RULES: readonly string[] = [
  "contract-same-release",
  "mixed-phases",
  "ddl-with-backfill",
  "unbatched-backfill",
];

/** How many operations or conflicting revisions a plan lists before it counts the rest. */
export const MAX_LISTED = 10;

export function stepKind(step: number): StepKind {
  return step <= 1 ? "before-deploy" : step === 3 ? "after-deploy" : "next-release";
}

/** One place of a finding (a grouped finding has several), with the column to match it to an operation. */
interface Place extends PlanFinding {
  readonly column: number;
}

/** The findings of the plan's rules, by revision file and id, each spread into its places. */
export class FindingIndex {
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
export interface Facts {
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

export function factsOf(analyzed: AnalyzedRevision, index: FindingIndex): Facts {
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

export function plannedRevision(facts: Facts, step: StepKind, dialect: Dialect): PlannedRevision {
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
export function mixedRevision(facts: Facts, step: StepKind): MixedRevision {
  const placed = facts.analyzed.phases[0];
  const moves = new Map<string, { phase: Exclude<Phase, "neutral">; step: number; ops: ClassifiedOperation[] }>();
  for (const [op, opStep] of facts.opSteps) {
    if (op.phase === "neutral" || op.continuesDirective || op.phase === placed) continue;
    const key = `${opStep}\u0000${op.phase}`;
    const move = moves.get(key);
    if (move) move.ops.push(op);
    else moves.set(key, { phase: op.phase, step: opStep, ops: [op] });
  }
  const ordered = [...moves.values()].sort(
    (a, b) => a.step - b.step || (a.phase < b.phase ? -1 : a.phase > b.phase ? 1 : 0),
  );
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
