import { type DownRevisionEdit, type Reorder, withThousands } from "../domain/index.js";
import {
  childrenOf,
  headsOf,
  type PlanGraph,
  parentsOf,
  rankedOrder,
  reachableFrom,
  runOrder,
  withDowns,
} from "./plan-graph.js";
import { type RevisionTouches, revisionTouches, sharedTouch } from "./plan-touches.js";

/**
 * The step each revision of the release needs, as a number that orders them (1 before the deploy, 3 after it, 4 in
 * the next release); neutral revisions have none: they can run in any step.
 */
export type OwnSteps = ReadonlyMap<string, number>;

/** A revision that runs before descendants that belong to an earlier step. */
export interface RawConflict {
  readonly id: string;
  readonly before: readonly string[];
  readonly throughDependsOn: boolean;
}

/** How many "moved past" problems a blocker list names before it counts the rest. */
const MAX_BLOCKERS = 5;
/**
 * Pairs of revisions a plan compares for moves past shared tables and columns. A release of a few hundred revisions
 * needs fewer; past this, the rest are not compared and the blocker says the count is a floor.
 */
const MAX_CROSSING_CHECKS = 200_000;
/** Pairs of a moved run looked at, compared or not (in order already): a bound on the loop itself. */
const MAX_PAIRS_VISITED = 4_000_000;

/**
 * Every revision of the release that an upgrade runs before a descendant (through down_revision or depends_on) which
 * belongs to an earlier step. Descendants are listed in run order.
 */
export function findConflicts(graph: PlanGraph, steps: OwnSteps): RawConflict[] {
  const withDepends = childrenOf(graph, true);
  const downOnly = childrenOf(graph, false);
  const { order, cyclic } = runOrder(graph);
  const lowest = cyclic ? undefined : lowestStepBelow(order, withDepends, steps);
  const conflicts: RawConflict[] = [];
  for (const id of order) {
    const step = steps.get(id);
    // Nothing comes before the first step: those revisions are never out of place.
    if (step === undefined || step <= 1) continue;
    // No descendant of an earlier step: nothing to look for (most revisions of a long history).
    if (lowest !== undefined && (lowest.get(id) ?? Number.POSITIVE_INFINITY) >= step) continue;
    const below = reachableFrom(id, withDepends);
    const before = order.filter((other) => below.has(other) && (steps.get(other) ?? step) < step);
    if (before.length === 0) continue;
    const chain = reachableFrom(id, downOnly);
    conflicts.push({ id, before, throughDependsOn: before.some((other) => !chain.has(other)) });
  }
  return conflicts;
}

/** The earliest step among each revision's descendants, worked out from the heads down in one pass. */
function lowestStepBelow(
  order: readonly string[],
  children: ReadonlyMap<string, readonly string[]>,
  steps: OwnSteps,
): Map<string, number> {
  const lowest = new Map<string, number>();
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index] as string;
    let found = Number.POSITIVE_INFINITY;
    for (const child of children.get(id) ?? []) {
      found = Math.min(
        found,
        steps.get(child) ?? Number.POSITIVE_INFINITY,
        lowest.get(child) ?? Number.POSITIVE_INFINITY,
      );
    }
    lowest.set(id, found);
  }
  return lowest;
}

/**
 * Runs of release revisions that follow one another with nothing branching off: each has one down_revision, the one
 * before it, which has no other child. A revision with its own branch label starts a run it never leaves (moving it
 * would move the branch's start), and so do the children of one.
 */
function chains(graph: PlanGraph, release: readonly string[]): string[][] {
  const downChildren = childrenOf(graph, false);
  const byTail = new Map<string, string[]>();
  const runs: string[][] = [];
  for (const id of release) {
    const revision = graph.revisions.get(id)?.revision;
    const downs = graph.downs.get(id) ?? [];
    const parent = downs.length === 1 && revision?.downRevisions.length === 1 ? downs[0] : undefined;
    const run = parent === undefined ? undefined : byTail.get(parent);
    if (run && parent !== undefined && (downChildren.get(parent) ?? []).length === 1) {
      run.push(id);
      byTail.delete(parent);
      byTail.set(id, run);
      continue;
    }
    runs.push([id]);
    if ((revision?.branchLabels.length ?? 0) === 0) byTail.set(id, runs[runs.length - 1] as string[]);
  }
  return runs;
}

/**
 * The rank each revision sorts by: its step; a neutral revision takes the step of the revision before it in its run
 * (it may set up or finish that one's work), and neutral ones at the start of a run stay first.
 */
function ranks(runs: readonly (readonly string[])[], steps: OwnSteps): Map<string, number> {
  const rank = new Map<string, number>();
  for (const run of runs) {
    let previous = 0;
    for (const id of run) {
      previous = steps.get(id) ?? previous;
      rank.set(id, previous);
    }
  }
  return rank;
}

/**
 * What the order must keep, with the runs free to be reordered: every down_revision and depends_on edge, except the
 * ones that chain a run; a run's members all follow what its first member follows, and all precede the children of
 * its last member.
 */
function constraints(graph: PlanGraph, runs: readonly (readonly string[])[]): Map<string, Set<string>> {
  const parents = parentsOf(graph);
  const downChildren = childrenOf(graph, false);
  for (const run of runs) {
    if (run.length < 2) continue;
    const base = graph.downs.get(run[0] as string) ?? [];
    run.forEach((id, index) => {
      const own = parents.get(id) as Set<string>;
      if (index > 0) own.delete(run[index - 1] as string);
      for (const parent of base) own.add(parent);
    });
    // The run's children wait for all of it, through one waypoint: not an edge from every member to every child.
    const members = new Set(run);
    const end = `\u0000end of run ${run[0]}`;
    // A revision id could be anything: one that takes the waypoint's name keeps the edges from every member.
    const waypoint = !graph.position.has(end);
    if (waypoint) parents.set(end, new Set(run));
    for (const child of downChildren.get(run[run.length - 1] as string) ?? []) {
      if (members.has(child)) continue;
      const own = parents.get(child) as Set<string>;
      if (waypoint) own.add(end);
      else for (const member of run) own.add(member);
    }
  }
  return parents;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** What keeps the edits from being written, and the moves that cross shared tables or columns. */
function blockersOf(
  graph: PlanGraph,
  moved: readonly { run: readonly string[]; sorted: readonly string[] }[],
  edits: readonly DownRevisionEdit[],
  proposed: PlanGraph,
): string[] {
  const blockers: string[] = [];
  const crossings: string[] = [];
  // Each revision's touches are worked out once, however many pairs it is in.
  const touches = new Map<string, RevisionTouches>();
  const touchesOf = (id: string): RevisionTouches => {
    let found = touches.get(id);
    if (!found) {
      found = revisionTouches(graph.revisions.get(id)?.operations ?? []);
      touches.set(id, found);
    }
    return found;
  };
  let checksLeft = MAX_CROSSING_CHECKS;
  let visitsLeft = MAX_PAIRS_VISITED;
  for (const { run, sorted } of moved) {
    const newIndex = new Map(sorted.map((id, index) => [id, index]));
    for (let i = 0; i < run.length && checksLeft > 0 && visitsLeft > 0; i++) {
      for (let j = i + 1; j < run.length && checksLeft > 0 && visitsLeft > 0; j++) {
        visitsLeft--;
        const earlier = run[i] as string;
        const later = run[j] as string;
        if ((newIndex.get(earlier) ?? 0) < (newIndex.get(later) ?? 0)) continue;
        checksLeft--;
        const shared = sharedTouch(touchesOf(earlier), touchesOf(later));
        if (shared !== undefined) crossings.push(`${earlier} would move past ${later}, and ${shared}`);
      }
    }
  }
  blockers.push(...crossings.slice(0, MAX_BLOCKERS));
  const more = crossings.length - MAX_BLOCKERS;
  // Pairs left uncompared may cross too: the edits are then not proven safe, and so not written.
  const uncompared = checksLeft <= 0 || visitsLeft <= 0;
  if (more > 0) blockers.push(`and ${uncompared ? "at least " : ""}${more} more such ${more === 1 ? "move" : "moves"}`);
  else if (uncompared) {
    const limit = checksLeft <= 0 ? MAX_CROSSING_CHECKS : MAX_PAIRS_VISITED;
    blockers.push(`moves past the first ${withThousands(limit)} pairs of revisions were not compared`);
  }
  for (const edit of edits) {
    const analyzed = graph.revisions.get(edit.id);
    if (!analyzed?.underReview) blockers.push(`${edit.id} is not under review: only revisions under review are edited`);
    const raw = analyzed?.revision.rawMeta.downRevision;
    if (raw === undefined || raw.type === "expression")
      blockers.push(`${edit.id}: its down_revision is not written as a literal migragate can rewrite`);
  }
  const oldHeads = headsOf(graph);
  const newHeads = new Set(headsOf(proposed));
  const touched = new Set(moved.flatMap(({ run }) => run));
  const keptHeads = oldHeads.filter((head) => touched.has(head) || newHeads.has(head));
  if (newHeads.size !== oldHeads.length || keptHeads.length !== oldHeads.length)
    blockers.push(
      `the edits would change the heads (${oldHeads.join(", ")} before, ${[...newHeads].join(", ")} after)`,
    );
  if (runOrder(proposed).cyclic) blockers.push("the edits would make a cycle");
  return blockers;
}

/**
 * The fix for order conflicts: within each run of the release (see `chains`), revisions of later steps move after
 * the others as far as depends_on, merges and branch points allow, and the down_revision values that make that order. Conflicts that cross a branch point, a merge or a
 * depends_on are left, and counted. Plain SQL files run in file-name order: they get the order, no edits.
 */
export function proposeReorder(
  graph: PlanGraph,
  release: readonly string[],
  steps: OwnSteps,
  format: "alembic" | "sql",
  cycles: number,
): { reorder: Reorder; proposed: PlanGraph } {
  if (cycles > 0) {
    const blockers = ["the history has a cycle: fix it first"];
    const remainingConflicts = findConflicts(graph, steps).length;
    return { reorder: { order: [...release], edits: [], remainingConflicts, blockers }, proposed: graph };
  }
  const runs = chains(graph, release);
  const rank = ranks(runs, steps);
  // One order for the whole history: each run's members take their places in it, and the runs are rechained so.
  const global = rankedOrder(graph, constraints(graph, runs), (id) => rank.get(id) ?? 0).order;
  const place = new Map(global.map((id, index) => [id, index]));
  const downs = new Map(graph.ids.map((id) => [id, [...(graph.revisions.get(id)?.revision.downRevisions ?? [])]]));
  const downChildren = childrenOf(graph, false);
  const moved: { run: string[]; sorted: string[] }[] = [];
  for (const run of runs) {
    const sorted = [...run].sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0));
    if (sameList(run, sorted)) continue;
    moved.push({ run, sorted });
    const base = downs.get(run[0] as string) ?? [];
    sorted.forEach((id, index) => {
      downs.set(id, index === 0 ? [...base] : [sorted[index - 1] as string]);
    });
    const oldTail = run[run.length - 1] as string;
    const newTail = sorted[sorted.length - 1] as string;
    const members = new Set(run);
    for (const child of downChildren.get(oldTail) ?? []) {
      if (members.has(child)) continue;
      downs.set(
        child,
        (downs.get(child) ?? []).map((down) => (down === oldTail ? newTail : down)),
      );
    }
  }
  const edits: DownRevisionEdit[] = [];
  for (const id of graph.ids) {
    const analyzed = graph.revisions.get(id);
    const from = analyzed?.revision.downRevisions ?? [];
    const to = downs.get(id) ?? [];
    if (analyzed && !sameList(from, to)) edits.push({ id, file: analyzed.revision.file, from: [...from], to });
  }
  const proposed = withDowns(graph, downs);
  const inRelease = new Set(release);
  // The order to run the release in: every down_revision and depends_on kept, and among the revisions free to run,
  // the earliest step first, so a contract that an expand depends on moves ahead only with that expand's chain.
  const order = rankedOrder(proposed, parentsOf(proposed), (id) => rank.get(id) ?? 0).order.filter((id) =>
    inRelease.has(id),
  );
  const remainingConflicts = findConflicts(proposed, steps).length;
  if (format === "sql") {
    const files = moved.flatMap(({ sorted }) => sorted).map((id) => graph.revisions.get(id)?.revision.file ?? id);
    const blockers = [`plain SQL files run in file-name order: rename them so that they sort as ${files.join(", ")}`];
    return { reorder: { order, edits: [], remainingConflicts, blockers }, proposed };
  }
  return {
    reorder: { order, edits, remainingConflicts, blockers: blockersOf(graph, moved, edits, proposed) },
    proposed,
  };
}
