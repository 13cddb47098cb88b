import type {
  ConflictEnd,
  Dialect,
  FailOn,
  HistoryPlan,
  PlannedRevision,
  StepKind,
  TableLock,
} from "../../domain/index.js";
import type { SkippedFile } from "./report-model.js";

export const PLAN_FORMATS = ["text", "markdown", "json"] as const;

export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** A history's plan as reported: with the fix for its order conflicts as a patch, when one could be written. */
export interface ReportedPlan extends HistoryPlan {
  /** The unified diff of the reorder's down_revision edits; undefined without edits. */
  readonly patch?: string;
}

/** Everything a plan renderer needs. */
export interface PlanReportInput {
  readonly tool: { readonly name: string; readonly version: string };
  readonly dialect: Dialect;
  /** The lock model applies (PostgreSQL); other dialects get no lock facts. */
  readonly lockModel: boolean;
  /** Where rule documents are published (`{rule}` in the template); unset while they are not: no dead links. */
  readonly ruleDocs?: string;
  /** How the release under review was chosen. */
  readonly release: {
    readonly since?: string;
    readonly releaseAfter?: string;
    readonly startAfter?: readonly string[];
  };
  /** `--write` rewrote down_revision in these files; the plans are those of the rewritten history. */
  readonly rewritten?: readonly string[];
  readonly plans: readonly ReportedPlan[];
  readonly skipped: readonly SkippedFile[];
  readonly failOn: FailOn;
  /**
   * No order conflict, no mixed revision's finding at or above failOn, no standing revision-edited finding at or above
   * it, no file that failed.
   */
  readonly passed: boolean;
}

export interface PlanRenderer {
  render(input: PlanReportInput): string;
}

/** `width`: the columns the text plan wraps at (a terminal, or COLUMNS); none for a file, a pipe, a CI log. */
export async function planRendererFor(format: PlanFormat, width?: number): Promise<PlanRenderer> {
  switch (format) {
    case "text":
      return new (await import("./plan-text.js")).PlanTextRenderer(width);
    case "markdown":
      return new (await import("./plan-markdown.js")).PlanMarkdownRenderer();
    case "json":
      return new (await import("./plan-json.js")).PlanJsonRenderer();
  }
}

/** Each step's title, and how pipelines that only run `alembic upgrade head` read it. */
export const STEP_WORDS: Readonly<Record<StepKind, { readonly title: string; readonly upgradeHead: string }>> = {
  "any-time": { title: "Run everything in one step", upgradeHead: "merge and release now" },
  "before-deploy": { title: "Before the code deploy", upgradeHead: "merge and release now" },
  deploy: { title: "Deploy the new code everywhere", upgradeHead: "the release itself" },
  "after-deploy": { title: "After the deploy", upgradeHead: "a follow-up pull request, merged after the deploy" },
  "next-release": {
    title: "Next release, once no instance of the old code is left",
    upgradeHead: "a pull request for the next release",
  },
};

/**
 * Who reads the steps as what to merge and release: pipelines that run the whole history (`alembic upgrade head`, or
 * for plain SQL files whatever applies every file).
 */
export function pipelinesText(format: HistoryPlan["format"]): string {
  return format === "sql" ? "pipelines that apply every file" : "`alembic upgrade head` pipelines";
}

/** Why an order conflict binds: what runs the history in order. */
export function runsInOrderText(format: HistoryPlan["format"]): string {
  return format === "sql" ? "the files run in order (by file name)" : "Alembic runs a chain in order";
}

/** Short names of the steps, for conflicts and moves. */
export const STEP_SHORT: Readonly<Record<StepKind, string>> = {
  "any-time": "any time",
  "before-deploy": "before the code deploy",
  deploy: "the deploy",
  "after-deploy": "after the deploy",
  "next-release": "the next release",
};

/** Where a moved operation goes: "to a new revision <this>". */
export const MOVE_TO: Readonly<Record<StepKind, string>> = {
  "any-time": "at any time",
  "before-deploy": "before the code deploy",
  deploy: "with the deploy",
  "after-deploy": "after the deploy",
  "next-release": "in the next release",
};

/** What a revision does when it runs in a step: "runs before the code deploy". */
export const RUNS_IN: Readonly<Record<StepKind, string>> = {
  "any-time": "runs at any time",
  "before-deploy": "runs before the code deploy",
  deploy: "runs with the deploy",
  "after-deploy": "runs after the deploy",
  "next-release": "runs in the next release",
};

export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** `ACCESS EXCLUSIVE on users (rewrites it)`. */
export function lockText(lock: TableLock): string {
  const notes = [
    ...(lock.newTable ? ["new table: blocks nobody"] : []),
    ...(lock.rewrite ? ["rewrites it"] : lock.scan ? ["reads every row"] : []),
  ];
  return `${lock.lock} on ${lock.table}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`;
}

/** What a revision locks, in one line; undefined when there is nothing to say. */
export function locksLine(revision: PlannedRevision, lockModel: boolean): string | undefined {
  if (!lockModel) return undefined;
  if (revision.locksNotModelled !== undefined) return `not modelled on ${revision.locksNotModelled}`;
  const parts = revision.locks.map(lockText);
  if (revision.unknownEffects > 0)
    parts.push(`${counted(revision.unknownEffects, "operation")} migragate could not read: locks unknown`);
  return parts.length > 0 ? parts.join("; ") : "no table lock";
}

const BATCHING_WORDS = {
  unbatched: "unbatched: a statement touches every row at once",
  accepted: "unbatched, accepted",
  batched: "batched (runs in a loop)",
  "not-flagged": "no statement over every row found",
} as const;

export function batchingText(revision: PlannedRevision): string | undefined {
  return revision.batching === undefined ? undefined : BATCHING_WORDS[revision.batching];
}

export function roleText(revision: { readonly role: PlannedRevision["role"]; readonly phases: readonly string[] }) {
  return revision.role === "mixed" ? `mixed (${revision.phases.join(" + ")})` : revision.role;
}

export function endText(end: ConflictEnd): string {
  return `${end.id} (${end.role}, ${STEP_SHORT[end.step]})`;
}

/** How many edits of merged revisions block a history's plan. */
export function blockingEdits(plan: HistoryPlan): number {
  return plan.edited.filter((edit) => edit.acceptedBecause === undefined).length;
}

/** The one-line headline of a history's plan. */
export function headline(plan: HistoryPlan): string {
  const where = plan.scope !== "" ? ` (${plan.scope})` : "";
  const head = `History ${plan.history}${where}`;
  const blocking = blockingEdits(plan);
  const edits = `${counted(blocking, "edit")} of a merged revision ${blocking === 1 ? "blocks" : "block"} the plan`;
  if (plan.outcome === "nothing-to-deploy")
    return blocking > 0
      ? `${head}: nothing new to deploy; ${edits}`
      : `${head}: nothing to deploy (no revision under review)`;
  const edited = blocking > 0 ? `, ${edits}` : "";
  const cycle =
    plan.cycles > 0
      ? ` (${counted(plan.cycles, "cycle")} in its down_revision graph: Alembic cannot run those revisions)`
      : "";
  const revisions = counted(plan.revisions, "revision");
  if (plan.outcome === "one-step")
    return `${head}: ${revisions} under review, all neutral: run everything in one step${edited}`;
  const steps = plan.steps.filter((step) => step.kind !== "deploy").length + 1;
  const conflicts = plan.conflicts.length > 0 ? `, ${counted(plan.conflicts.length, "order conflict")}` : "";
  const mixed = plan.mixed.length > 0 ? `, ${counted(plan.mixed.length, "mixed revision")}` : "";
  return `${head}: ${revisions} under review in ${counted(steps, "step")}${conflicts}${mixed}${edited}${cycle}`;
}

/** The revision-edited section's title: `1 edit of a merged revision since main: ...`. */
export function editsTitle(plan: HistoryPlan, since: string | undefined): string {
  const count = plan.edited.length;
  const what = `${counted(count, "change")} to revisions that existed at ${since ?? "the base"} (revision-edited)`;
  return blockingEdits(plan) > 0
    ? `${what}: environments that already ran them will never run the change; move it into a new revision`
    : `${what}, accepted`;
}

/** What the release selection was, for the report's first line. */
export function releaseText(release: PlanReportInput["release"], plans: readonly HistoryPlan[] = []): string {
  const edited = plans.some((plan) => plan.edited.length > 0);
  if (release.since !== undefined)
    return `the revision files ${edited ? "added or changed" : "added"} since ${release.since}`;
  if (release.releaseAfter !== undefined) return `the revisions after ${release.releaseAfter}`;
  return "every revision";
}

/** What `--write` did, for the top of a plan of the rewritten history. */
export function rewrittenText(files: readonly string[]): string {
  return (
    `--write rewrote down_revision in ${counted(files.length, "file")} (${files.join(", ")}): ` +
    "this is the plan of the history as rewritten"
  );
}

export const REORDER_WARNING =
  "Never reorder a revision that is already applied to some database (a staging environment, a colleague's): " +
  "its recorded version would sit at another place in the chain.";
