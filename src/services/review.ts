import type { AnalyzedRevision, History } from "../domain/index.js";

/** Which revisions a run judges; the rest of the history is context only. */
export interface ReviewRequest {
  /** Report paths of the revision files the change under review adds (`--since`); undefined when not given. */
  readonly addedFiles?: ReadonlySet<string>;
  /** Report paths of every file the change adds or modifies (`--since`): env.py findings need it changed. */
  readonly changedFiles?: ReadonlySet<string>;
  /** The descendants of this revision form the release under review (`release-after`). */
  readonly releaseAfter?: string;
  /**
   * These revisions and their ancestors are legacy: never reported (`start-after`). Several where the baseline has
   * several heads.
   */
  readonly startAfter?: readonly string[];
}

/** A revision named by the request does not exist. */
export class ReviewError extends Error {}

function resolveId(setting: string, value: string, histories: readonly History[]): string {
  const ids = new Set(histories.flatMap((history) => history.revisions.map((analyzed) => analyzed.revision.id)));
  if (ids.has(value)) return value;
  // Alembic accepts any unambiguous prefix of a revision id; so does migragate.
  const matches = [...ids].filter((id) => id.startsWith(value));
  if (matches.length === 1 && value.length >= 4) return matches[0] as string;
  if (matches.length > 1) throw new ReviewError(`${setting}: "${value}" matches ${matches.length} revisions`);
  throw new ReviewError(`${setting}: no revision "${value}" in the analysed history`);
}

function ancestorsOf(id: string, history: History): Set<string> {
  const byId = new Map(history.revisions.map((analyzed) => [analyzed.revision.id, analyzed.revision]));
  const found = new Set<string>();
  const pending = [id];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...(byId.get(next)?.downRevisions ?? []));
  }
  return found;
}

function descendantsOf(id: string, history: History): Set<string> {
  const found = new Set<string>();
  // Histories are in topological order, so one pass sees every parent before its children.
  for (const analyzed of history.revisions) {
    if (analyzed.revision.downRevisions.some((down) => down === id || found.has(down))) found.add(analyzed.revision.id);
  }
  return found;
}

/** Whether a release under review is given, which changes what release rules can say. */
export function reviewsRelease(request: ReviewRequest): boolean {
  return request.addedFiles !== undefined || request.releaseAfter !== undefined;
}

/** Marks each revision as under review or not; throws ReviewError when the request names an unknown revision. */
export function markReview(histories: readonly History[], request: ReviewRequest): History[] {
  const releaseAfter =
    request.releaseAfter === undefined ? undefined : resolveId("release-after", request.releaseAfter, histories);
  const startAfter = (request.startAfter ?? []).map((id) => resolveId("start-after", id, histories));
  return histories.map((history) => {
    const legacy = new Set(startAfter.flatMap((id) => [...ancestorsOf(id, history)]));
    // A history that does not hold the revision (another dialect's, say) is not narrowed by it.
    const holds = history.revisions.some((analyzed) => analyzed.revision.id === releaseAfter);
    const release = releaseAfter === undefined || !holds ? undefined : descendantsOf(releaseAfter, history);
    const inRelease = (analyzed: AnalyzedRevision) =>
      (request.addedFiles === undefined || request.addedFiles.has(analyzed.revision.file)) &&
      (release === undefined || release.has(analyzed.revision.id));
    const revisions = history.revisions.map((analyzed) => {
      const underReview = inRelease(analyzed) && !legacy.has(analyzed.revision.id);
      return underReview === analyzed.underReview ? analyzed : { ...analyzed, underReview };
    });
    return { ...history, revisions };
  });
}
