import type { AnalyzedRevision, ChangeUnderReview, History } from "../domain/index.js";

/** Which revisions a run judges; the rest of the history is context only. */
export interface ReviewRequest {
  /** Report paths of the revision files the change under review adds (`--since`); undefined when not given. */
  readonly addedFiles?: ReadonlySet<string>;
  /**
   * Report paths of revision files that existed before the change and whose upgrade or graph metadata it changed
   * (`--since`): under review like the added ones.
   */
  readonly editedFiles?: ReadonlySet<string>;
  /** `--since`: what the change did to revisions that existed before it, for the revision-edited rule. */
  readonly changeUnderReview?: ChangeUnderReview;
  /** Report paths of every file the change adds or modifies (`--since`): env.py findings need it changed. */
  readonly changedFiles?: ReadonlySet<string>;
  /**
   * Report paths of the files the command line names inside a larger history (a revision file, a sub-folder of a
   * versions folder): only they are judged, the rest of the history is context. Undefined: no such narrowing.
   */
  readonly focusFiles?: ReadonlySet<string>;
  /** The descendants of this revision form the release under review (`release-after`). */
  readonly releaseAfter?: string;
  /**
   * These revisions and their ancestors are legacy: never reported (`start-after`). Several where the baseline has
   * several heads.
   */
  readonly startAfter?: readonly string[];
}

/** The shortest revision id prefix accepted, as Alembic's. */
const MIN_PREFIX = 4;

/** A revision named by the request does not exist. */
export class ReviewError extends Error {}

function resolveId(setting: string, value: string, histories: readonly History[]): string {
  const ids = new Set(histories.flatMap((history) => history.revisions.map((analyzed) => analyzed.revision.id)));
  if (ids.has(value)) return value;
  // Alembic accepts any unambiguous prefix of a revision id of at least 4 characters; so does migragate.
  const matches = [...ids].filter((id) => id.startsWith(value));
  if (matches.length > 0 && value.length < MIN_PREFIX)
    throw new ReviewError(
      `${setting}: "${value}" is too short to name a revision: a prefix needs at least ${MIN_PREFIX} characters`,
    );
  if (matches.length === 1) return matches[0] as string;
  if (matches.length > 1) throw new ReviewError(`${setting}: "${value}" matches ${matches.length} revisions`);
  const short = value.length < MIN_PREFIX ? ` (and a prefix needs at least ${MIN_PREFIX} characters)` : "";
  throw new ReviewError(`${setting}: no revision "${value}" in the analysed history${short}`);
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
      (request.focusFiles === undefined || request.focusFiles.has(analyzed.revision.file)) &&
      (request.addedFiles === undefined ||
        request.addedFiles.has(analyzed.revision.file) ||
        request.editedFiles?.has(analyzed.revision.file) === true) &&
      (release === undefined || release.has(analyzed.revision.id));
    const revisions = history.revisions.map((analyzed) => {
      const underReview = inRelease(analyzed) && !legacy.has(analyzed.revision.id);
      return underReview === analyzed.underReview ? analyzed : { ...analyzed, underReview };
    });
    return { ...history, revisions };
  });
}
