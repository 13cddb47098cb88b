import type { Analyzer, DeclaredRevision, FindingDraft, History, Revision } from "../src/domain/index.js";
import { q, revisionStart, scopeOf } from "./support.js";

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
    for (const history of input.histories) scopes.set(history.scope, [...(scopes.get(history.scope) ?? []), history]);
    for (const [scope, histories] of scopes) {
      const declared = unanalysed.filter((file) => scopeOf(input, file.file) === scope).map((file) => file.declares);
      // A reference to a revision the change under review deleted says so: restoring that file is the fix.
      const deleted = new Map<string, string>();
      for (const change of input.changeUnderReview?.changes ?? [])
        if (change.kind === "deleted" && scopeOf(input, change.file) === scope)
          deleted.set(change.revision, change.file);
      findings.push(...checkScope(histories, input.duplicateRevisions, declared, deleted));
    }
    return findings;
  },
};

function checkScope(
  histories: readonly History[],
  duplicateRevisions: ReadonlyMap<string, readonly Revision[]>,
  unanalysed: readonly (DeclaredRevision | undefined)[],
  deletedByTheChange: ReadonlyMap<string, string>,
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const revisions = histories.flatMap((history) => history.revisions.map((rev) => rev.revision));
  const ids = new Set<string>(revisions.map((revision) => revision.id));
  for (const [id, claimants] of duplicateRevisions)
    if (claimants.some((claimant) => revisions.includes(claimant))) ids.add(id);
  const labels = new Set(revisions.flatMap((revision) => revision.branchLabels));
  for (const declared of unanalysed) {
    if (!declared) continue;
    ids.add(declared.revision);
    for (const label of declared.branchLabels) labels.add(label);
  }
  const resolves = (reference: string) =>
    ids.has(reference) || labels.has(reference) || [...ids].filter((id) => id.startsWith(reference)).length === 1;
  for (const revision of revisions) {
    const references = [
      ...revision.downRevisions.map((reference) => ({ reference, field: "down_revision" })),
      ...revision.dependsOn.map((reference) => ({ reference, field: "depends_on" })),
    ];
    for (const { reference, field } of references) {
      if (resolves(reference)) continue;
      const deletedFile = deletedFileOf(reference, deletedByTheChange);
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

/** The file the change under review deleted that declared the revision a reference names (its id or a prefix). */
function deletedFileOf(reference: string, deleted: ReadonlyMap<string, string>): string | undefined {
  const exact = deleted.get(reference);
  if (exact !== undefined) return exact;
  const matches = [...deleted].filter(([id]) => id.startsWith(reference));
  return matches.length === 1 ? matches[0]?.[1] : undefined;
}
