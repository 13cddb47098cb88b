import { folderOf, type History, pushTo, type ReadingDialect, type Revision } from "../domain/index.js";
import { analyzeRevision } from "./classification.js";
import { sharedDialectFolder } from "./dialect.js";
import { SchemaState } from "./schema-state.js";

export interface RevisionGraph {
  readonly histories: History[];
  /** Revision ids declared by more than one file within one history scope, with every file. */
  readonly duplicateRevisions: Map<string, Revision[]>;
}

/**
 * Some projects keep one complete history per folder (one per database dialect) whose ids overlap. When ids repeat
 * across folders and each such folder is self-contained, each folder is its own scope; otherwise all is one scope.
 */
export function historyScopes(revisions: readonly Revision[]): { folder: string; revisions: Revision[] }[] {
  const byFolder = new Map<string, Revision[]>();
  for (const revision of revisions) {
    const folder = folderOf(revision.file);
    pushTo(byFolder, folder, revision);
  }
  const folderOfId = new Map<string, string>();
  const collidingFolders = new Set<string>();
  for (const [folder, members] of byFolder) {
    for (const revision of members) {
      const seen = folderOfId.get(revision.id);
      if (seen !== undefined && seen !== folder) {
        collidingFolders.add(seen);
        collidingFolders.add(folder);
      }
      folderOfId.set(revision.id, folder);
    }
  }
  // A folder stands alone when none of its references lead into another folder; a dangling one is its own problem.
  const selfContained = (folder: string): boolean => {
    const members = byFolder.get(folder) ?? [];
    const ids = new Set(members.map((revision) => revision.id));
    return members.every((revision) =>
      revision.downRevisions.every((down) => ids.has(down) || folderOfId.get(down) === undefined),
    );
  };
  const separate = [...collidingFolders].filter(selfContained);
  if (separate.length < 2) return [{ folder: "", revisions: revisions.slice() }];
  const rest = revisions.filter((revision) => !separate.includes(folderOf(revision.file)));
  return [
    ...separate.map((folder) => ({ folder, revisions: byFolder.get(folder) ?? [] })),
    ...(rest.length > 0 ? [{ folder: "", revisions: rest }] : []),
  ];
}

/** Splits revisions into independent histories (one per base), in topological order, and finds cycles. */
export function buildGraph(
  revisions: readonly Revision[],
  reading: ReadingDialect,
  postgresVersion: number,
): RevisionGraph {
  const histories: History[] = [];
  const duplicateRevisions = new Map<string, Revision[]>();
  for (const scope of historyScopes(revisions)) {
    const sorted = [...scope.revisions].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const byId = new Map<string, Revision>();
    for (const revision of sorted) {
      const existing = byId.get(revision.id);
      if (existing)
        duplicateRevisions.set(revision.id, [...(duplicateRevisions.get(revision.id) ?? [existing]), revision]);
      else byId.set(revision.id, revision);
    }
    for (const history of componentsOf([...byId.values()], byId, duplicateRevisions, reading, postgresVersion)) {
      histories.push({ ...history, scope: scope.folder });
    }
  }
  return { histories, duplicateRevisions };
}

function componentsOf(
  revisions: readonly Revision[],
  byId: ReadonlyMap<string, Revision>,
  duplicates: ReadonlyMap<string, readonly Revision[]>,
  reading: ReadingDialect,
  postgresVersion: number,
): Omit<History, "scope">[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    let current = id;
    while (current !== root) {
      const next = parent.get(current) ?? root;
      parent.set(current, root);
      current = next;
    }
    return root;
  };
  for (const revision of revisions) parent.set(revision.id, revision.id);
  for (const revision of revisions) {
    for (const edge of [...revision.downRevisions, ...revision.dependsOn]) {
      if (byId.has(edge)) parent.set(find(edge), find(revision.id));
    }
  }
  const groups = new Map<string, Revision[]>();
  for (const revision of revisions) {
    const root = find(revision.id);
    pushTo(groups, root, revision);
  }
  return [...groups.values()].map((members) => historyOf(members, byId, duplicates, reading, postgresVersion));
}

function historyOf(
  members: readonly Revision[],
  byId: ReadonlyMap<string, Revision>,
  duplicates: ReadonlyMap<string, readonly Revision[]>,
  reading: ReadingDialect,
  postgresVersion: number,
): Omit<History, "scope"> {
  const ids = new Set(members.map((revision) => revision.id));
  const children = new Map<string, string[]>();
  const pending = new Map<string, number>();
  for (const revision of members) {
    const parents = revision.downRevisions.filter((down) => ids.has(down));
    pending.set(revision.id, parents.length);
    for (const down of parents) pushTo(children, down, revision.id);
  }
  const ordered: Revision[] = [];
  const ready = members.filter((revision) => pending.get(revision.id) === 0).map((revision) => revision.id);
  for (let next = 0; next < ready.length; next++) {
    const id = ready[next] as string;
    const revision = byId.get(id);
    if (revision) ordered.push(revision);
    for (const child of children.get(id) ?? []) {
      const left = (pending.get(child) ?? 1) - 1;
      pending.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  const orderedIds = new Set(ordered.map((revision) => revision.id));
  const cyclic = members.filter((revision) => !orderedIds.has(revision.id));
  const referenced = new Set(members.flatMap((revision) => revision.downRevisions));
  // The history's database, as its report states it: the run's, unless --dialect or the config forced none and a
  // `versions/<dialect>/` folder holds every revision of the history.
  const folder = reading.forced ? undefined : sharedDialectFolder(members.map((revision) => revision.file));
  // A root that creates tables builds the schema from nothing; the oldest revision of a pruned history (its parent is
  // gone) starts from whatever the pruned revisions left.
  const [root] = ordered;
  const startsEmpty =
    root !== undefined &&
    root.downRevisions.length === 0 &&
    root.upgrade.operations.some((operation) => operation.kind === "create-table");
  const state = new SchemaState(folder?.dialect ?? reading.dialect, startsEmpty);
  // A file whose id another file already claims is still checked, right after the revision it collides with.
  const withDuplicates = [...ordered, ...cyclic].flatMap((revision) => [
    revision,
    ...(duplicates.get(revision.id) ?? []).filter((duplicate) => duplicate !== revision),
  ]);
  const analyzed = withDuplicates.map((revision) => analyzeRevision(revision, state, reading, postgresVersion));
  return {
    revisions: analyzed,
    heads: ordered.filter((revision) => !referenced.has(revision.id)).map((revision) => revision.id),
    cycles: findCycles(cyclic, ids),
  };
}

/** Cycles among the revisions a topological sort could not place. */
function findCycles(cyclic: readonly Revision[], ids: ReadonlySet<string>): string[][] {
  const remaining = new Map(cyclic.map((revision) => [revision.id, revision]));
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of cyclic) {
    if (done.has(start.id)) continue;
    const path: string[] = [];
    const index = new Map<string, number>();
    let current: Revision | undefined = start;
    while (current && !done.has(current.id)) {
      if (index.has(current.id)) {
        cycles.push(path.slice(index.get(current.id)));
        break;
      }
      index.set(current.id, path.length);
      path.push(current.id);
      const next: string | undefined = current.downRevisions.find((down) => ids.has(down) && remaining.has(down));
      current = next === undefined ? undefined : remaining.get(next);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}
