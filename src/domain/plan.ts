import type { Dialect } from "./analysis.js";
import type { Severity } from "./finding.js";
import type { LockMode } from "./locks.js";
import type { Phase } from "./phase.js";

/**
 * The steps of a deploy, in order. `any-time` is the one step of a release whose revisions change neither the schema
 * contract nor data: they can run with the deploy, before or after it.
 */
export type StepKind = "before-deploy" | "deploy" | "after-deploy" | "next-release" | "any-time";

export const STEP_ORDER: readonly StepKind[] = ["any-time", "before-deploy", "deploy", "after-deploy", "next-release"];

/** What a revision is to the plan: the one phase its operations have, several (mixed), or none (neutral). */
export type PlanRole = "expand" | "backfill" | "contract" | "mixed" | "neutral";

/** The strongest lock a revision takes on one table, from the lock model (PostgreSQL only). */
export interface TableLock {
  readonly table: string;
  readonly lock: LockMode;
  /** Some operation on the table rewrites it into new files. */
  readonly rewrite: boolean;
  /** Some operation reads every row while it holds its lock. */
  readonly scan: boolean;
  /** The revision creates the table: its lock blocks nobody. */
  readonly newTable: boolean;
}

/** A finding of a rule the plan is built on, as the plan cites it. */
export interface PlanFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  /** The reason written in the suppression that accepted it; undefined for a finding that stands. */
  readonly acceptedBecause?: string;
}

/**
 * How a backfill runs, as unbatched-backfill judges it: `unbatched` (a statement touches every row at once),
 * `accepted` (such a finding, suppressed with a reason), `batched` (every data change runs in a loop), `not-flagged`
 * (no statement over every row was found).
 */
export type Batching = "unbatched" | "accepted" | "batched" | "not-flagged";

export interface PlannedRevision {
  readonly id: string;
  readonly file: string;
  readonly message?: string;
  readonly role: PlanRole;
  /** The phases of its operations, neutral left out, in the order expand, backfill, contract. */
  readonly phases: readonly Phase[];
  /** The phase the project declares (branch label, folder, file name, comment), when it declares one. */
  readonly declaredPhase?: Exclude<Phase, "neutral">;
  readonly step: StepKind;
  /** One line: what its operations do. */
  readonly summary: string;
  /** The strongest lock on each table, strongest first; empty without a lock model. */
  readonly locks: readonly TableLock[];
  /** Its statements are for this dialect, whose locks migragate does not model (PostgreSQL's only). */
  readonly locksNotModelled?: Dialect;
  /** Operations whose effect migragate could not read (built at run time, a helper from another module). */
  readonly unknownEffects: number;
  /** Only for revisions that backfill. */
  readonly batching?: Batching;
  /** The unbatched-backfill findings behind `batching`. */
  readonly batchingFindings: readonly PlanFinding[];
  /** The contract-same-release findings on it: those that stand put it (or its contract part) in the next release. */
  readonly sameRelease: readonly PlanFinding[];
}

export interface PlanStep {
  readonly kind: StepKind;
  readonly revisions: readonly PlannedRevision[];
  /** The Alembic commands that run the step (one per branch tip), in order; empty for plain SQL files. */
  readonly commands: readonly string[];
  /** Plain SQL histories: the files the step runs, in order; empty for Alembic histories. */
  readonly files: readonly string[];
}

/** A revision at one end of an order conflict. */
export interface ConflictEnd {
  readonly id: string;
  readonly file: string;
  readonly role: PlanRole;
  readonly step: StepKind;
}

/**
 * Alembic runs a chain in order: `revision` belongs to a later step than revisions that descend from it, so either it
 * runs too early or they run too late.
 */
export interface OrderConflict {
  readonly revision: ConflictEnd;
  /** The descendants that belong to an earlier step (the first few; `total` counts them all). */
  readonly before: readonly ConflictEnd[];
  readonly total: number;
  /** Some of them descend from it only through `depends_on`, not the down_revision chain. */
  readonly throughDependsOn: boolean;
}

/** Operations of a mixed revision that belong elsewhere: to a new revision of their own in `step`. */
export interface OperationMove {
  readonly phase: Exclude<Phase, "neutral">;
  readonly step: StepKind;
  readonly operations: readonly { readonly line: number; readonly text: string }[];
  /** How many operations move; `operations` lists the first few. */
  readonly total: number;
}

/** A revision whose operations belong to more than one step, or more than one phase. */
export interface MixedRevision {
  readonly id: string;
  readonly file: string;
  /** Where the plan places it: the step its earliest phase needs. */
  readonly step: StepKind;
  readonly moves: readonly OperationMove[];
  /** The mixed-phases and ddl-with-backfill findings that explain it. */
  readonly findings: readonly PlanFinding[];
}

/** One revision's new `down_revision`. */
export interface DownRevisionEdit {
  readonly id: string;
  readonly file: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** The fix for the order conflicts: revisions of later steps moved after the others, as new down_revision values. */
export interface Reorder {
  /** The release revisions in the order the fix runs them. */
  readonly order: readonly string[];
  readonly edits: readonly DownRevisionEdit[];
  /** Order conflicts left after the edits (they cross a branch point, a merge or a depends_on). */
  readonly remainingConflicts: number;
  /** Why `--write` will not apply the edits; empty when it may. */
  readonly blockers: readonly string[];
}

/**
 * A revision-edited finding (`--since REF`): a revision that existed at REF and that the change edits (or deletes while
 * others name it, or changes through a helper module). Environments that already ran it never run the change, so the
 * plan never schedules an edited revision as new work: the change must move into a new revision.
 */
export interface RevisionEdit {
  /** The revision the finding is about; absent for a helper module's change. */
  readonly revision?: string;
  /** The revision file (or the helper module) the finding is in. */
  readonly file: string;
  readonly rule: "revision-edited";
  readonly severity: Severity;
  readonly line: number;
  readonly message: string;
  readonly hint: string;
  /** The reason of the suppression that accepted it; absent for an edit that blocks the plan. */
  readonly acceptedBecause?: string;
}

/** `nothing-to-deploy`: nothing under review; `one-step`: only neutral revisions; `steps`: a staged deploy. */
export type PlanOutcome = "nothing-to-deploy" | "one-step" | "steps";

/** The deploy plan of one independent history's release. */
export interface HistoryPlan {
  /** 1-based, in the order the histories are analysed. */
  readonly history: number;
  /** The folder the history's ids are scoped to ("" when all share one). */
  readonly scope: string;
  readonly format: "alembic" | "sql";
  readonly outcome: PlanOutcome;
  /** Revisions under review that the plan schedules (an edited revision that blocks the plan is not one). */
  readonly revisions: number;
  readonly heads: readonly string[];
  /** Cycles in the down_revision graph: Alembic cannot run the revisions on one, so no command reaches them. */
  readonly cycles: number;
  readonly steps: readonly PlanStep[];
  readonly conflicts: readonly OrderConflict[];
  readonly mixed: readonly MixedRevision[];
  /** The revision-edited findings of the history (`--since`): those without `acceptedBecause` block the plan. */
  readonly edited: readonly RevisionEdit[];
  /** Present when there are order conflicts. */
  readonly reorder?: Reorder;
}
