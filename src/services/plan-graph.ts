import type { AnalyzedRevision, History } from "../domain/index.js";

/**
 * One history's revision graph as the plan walks it: each id once (the first file that claims it), in history order,
 * with the down_revision and depends_on edges that stay inside the history. `downs` can be replaced by proposed ones.
 */
export interface PlanGraph {
  readonly ids: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  readonly revisions: ReadonlyMap<string, AnalyzedRevision>;
  readonly downs: ReadonlyMap<string, readonly string[]>;
  readonly depends: ReadonlyMap<string, readonly string[]>;
}

export function graphOf(history: History): PlanGraph {
  const revisions = new Map<string, AnalyzedRevision>();
  for (const analyzed of history.revisions) {
    if (!revisions.has(analyzed.revision.id)) revisions.set(analyzed.revision.id, analyzed);
  }
  const ids = [...revisions.keys()];
  const inside = (edges: readonly string[]) => edges.filter((id) => revisions.has(id));
  return {
    ids,
    position: new Map(ids.map((id, index) => [id, index])),
    revisions,
    downs: new Map([...revisions].map(([id, analyzed]) => [id, inside(analyzed.revision.downRevisions)])),
    depends: new Map([...revisions].map(([id, analyzed]) => [id, inside(analyzed.revision.dependsOn)])),
  };
}

/** The graph with other down_revision values (ids outside the history are dropped, as `graphOf` does). */
export function withDowns(graph: PlanGraph, downs: ReadonlyMap<string, readonly string[]>): PlanGraph {
  const inside = (edges: readonly string[]) => edges.filter((id) => graph.revisions.has(id));
  return { ...graph, downs: new Map([...downs].map(([id, edges]) => [id, inside(edges)])) };
}

/** Children by parent: through down_revision only, or through depends_on as well (what an upgrade follows). */
export function childrenOf(graph: PlanGraph, withDepends: boolean): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const id of graph.ids) {
    const parents = [...(graph.downs.get(id) ?? []), ...(withDepends ? (graph.depends.get(id) ?? []) : [])];
    for (const parent of new Set(parents)) {
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    }
  }
  return children;
}

/** Every revision reachable from `start` along `children`, `start` left out. */
export function reachableFrom(start: string, children: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const pending = [...(children.get(start) ?? [])];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  seen.delete(start);
  return seen;
}

/** A min-heap of numbers: the ready revisions by rank. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((items[parent] as number) <= value) break;
      items[index] = items[parent] as number;
      index = parent;
    }
    items[index] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items.pop() as number;
    if (items.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && (items[right] as number) < (items[left] as number) ? right : left;
      if ((items[child] as number) >= last) break;
      items[index] = items[child] as number;
      index = child;
    }
    items[index] = last;
    return top;
  }
}

/**
 * A topological order of the graph's revisions under `parents` (each after all of its parents), choosing among the
 * ready ones the lowest `rank` first, then the first in history order. Revisions that cannot be placed (a cycle)
 * come last, in history order; `cyclic` says whether there were any.
 */
export function rankedOrder(
  graph: PlanGraph,
  parents: ReadonlyMap<string, ReadonlySet<string>>,
  rank: (id: string) => number = () => 0,
): { order: string[]; cyclic: boolean } {
  const size = graph.ids.length + 1;
  const children = new Map<string, string[]>();
  const pending = new Map<string, number>();
  // Ids of `parents` that are not revisions are waypoints (the end of a run): passed the moment their parents are
  // placed, never part of the order.
  const waypoints = [...parents.keys()].filter((id) => !graph.position.has(id));
  for (const id of [...graph.ids, ...waypoints]) {
    const own = parents.get(id) ?? new Set<string>();
    pending.set(id, own.size);
    for (const parent of own) {
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    }
  }
  const ready = new MinHeap();
  const enqueue = (id: string) => ready.push(rank(id) * size + (graph.position.get(id) as number));
  for (const id of graph.ids) if (pending.get(id) === 0) enqueue(id);
  const order: string[] = [];
  const release = (placed: string) => {
    const passed = [placed];
    while (passed.length > 0) {
      for (const child of children.get(passed.pop() as string) ?? []) {
        const left = (pending.get(child) ?? 1) - 1;
        pending.set(child, left);
        if (left !== 0) continue;
        if (graph.position.has(child)) enqueue(child);
        else passed.push(child);
      }
    }
  };
  while (ready.size > 0) {
    const id = graph.ids[ready.pop() % size] as string;
    order.push(id);
    release(id);
  }
  const placed = new Set(order);
  const rest = graph.ids.filter((id) => !placed.has(id));
  return { order: [...order, ...rest], cyclic: rest.length > 0 };
}

/** Each revision's parents: its down_revision and depends_on, as an upgrade follows them. */
export function parentsOf(graph: PlanGraph): Map<string, Set<string>> {
  return new Map(
    graph.ids.map((id) => [id, new Set([...(graph.downs.get(id) ?? []), ...(graph.depends.get(id) ?? [])])]),
  );
}

/**
 * The order an upgrade runs the revisions in (parents and dependencies first), ties broken by history order; the
 * revisions of a cycle, which never run, come last.
 */
export function runOrder(graph: PlanGraph): { order: string[]; cyclic: boolean } {
  return rankedOrder(graph, parentsOf(graph));
}

/** The heads: revisions no down_revision names (depends_on makes no head, as in Alembic). */
export function headsOf(graph: PlanGraph): string[] {
  const named = new Set(graph.ids.flatMap((id) => graph.downs.get(id) ?? []));
  return graph.ids.filter((id) => !named.has(id));
}
