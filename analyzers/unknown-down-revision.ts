import {
  type Analyzer,
  type DeclaredRevision,
  type FindingDraft,
  type History,
  pushTo,
  type Revision,
} from "../src/domain/index.js";
import {
  type DeletedRevision,
  deletionsByName,
  q,
  referenceResolver,
  referencesOf,
  revisionStart,
  scopeFinder,
} from "./support.js";

export const unknownDownRevision: Analyzer = {
  meta: {
    name: "unknown-down-revision",
    group: "graph",
    defaultSeverity: "error",
    summary: "down_revision or depends_on names a revision that does not exist.",
    rationale:
      "Alembic cannot build its revision map when a revision points at a missing parent, so every command " +
      "(upgrade, current, history) fails and nothing can be deployed, usually because a file was deleted, renamed " +
      "without its id, or a typo slipped into down_revision.",
    safeAlternative:
      "Point down_revision / depends_on at an existing revision id (or branch label); restore the missing revision " +
      "file if it was deleted.",
  },
  check(input) {
    const unanalysed = input.unanalysedFiles;
    // A file that could not be analysed may declare the missing revision: the run already fails and names it, and
    // an error that blames the child for its parent's unreadable file would send the reviewer the wrong way. What the
    // file declares is read from its text when it can be; when it cannot, any missing reference may be that file.
    if (unanalysed.some((file) => file.declares === undefined)) return [];
    const findings: FindingDraft[] = [];
    // References resolve within a history scope: a folder that is a history set of its own sees only itself.
    const scopes = new Map<string, History[]>();
    for (const history of input.histories) pushTo(scopes, history.scope, history);
    const scopeOf = scopeFinder(input);
    for (const [scope, histories] of scopes) {
      const declared = unanalysed.flatMap((file) =>
        file.declares && scopeOf(file.file) === scope ? [file.declares] : [],
      );
      // A reference to a revision the change under review deleted says so: restoring that file is the fix.
      const deleted = (input.changeUnderReview?.changes ?? []).filter(
        (change): change is DeletedRevision => change.kind === "deleted" && scopeOf(change.file) === scope,
      );
      findings.push(...checkScope(histories, input.duplicateRevisions, declared, deletionsByName(deleted)));
    }
    return findings;
  },
};

function checkScope(
  histories: readonly History[],
  duplicateRevisions: ReadonlyMap<string, readonly Revision[]>,
  declared: readonly DeclaredRevision[],
  deletedByName: ReadonlyMap<string, DeletedRevision>,
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const revisions = histories.flatMap((history) => history.revisions.map((rev) => rev.revision));
  const duplicates = [...duplicateRevisions]
    .filter(([, claimants]) => claimants.some((claimant) => revisions.includes(claimant)))
    .map(([id]) => id);
  const resolves = referenceResolver(revisions, duplicates, declared);
  for (const revision of revisions) {
    for (const { reference, field } of referencesOf(revision)) {
      if (resolves(reference)) continue;
      const deletedFile = deletedByName.get(reference)?.file;
      findings.push({
        span: revisionStart(revision),
        revision: revision.id,
        // The change broke the reference: reported even when the revision holding it is older than the change.
        ...(deletedFile === undefined ? {} : { aboutTheChange: true }),
        message:
          `revision ${q(revision.id)} has ${field} ${q(reference)}, but no revision or branch label ${q(reference)} exists` +
          (deletedFile === undefined ? "" : `: this change deletes ${deletedFile}, which declared it`),
        hint:
          deletedFile === undefined
            ? `Fix ${field} in ${revision.file} to an existing revision id, or restore the revision file that declared ${q(reference)}.`
            : `Restore ${deletedFile}, or point ${field} in ${revision.file} at a revision that exists.`,
      });
    }
  }
  return findings;
}
