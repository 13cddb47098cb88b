import type { Analyzer, ChangeUnderReview, FindingDraft, RevisionChange } from "../src/domain/index.js";
import { type DeletedButNamed, deletedButNamed, fileStart, q } from "./support.js";

/** Revisions a helper finding names; the rest are counted. */
const NAMED_REVISIONS = 5;

export const revisionEdited: Analyzer = {
  meta: {
    name: "revision-edited",
    group: "graph",
    defaultSeverity: "error",
    summary:
      "The change under review (`--since`) edits the upgrade or graph metadata of a revision that already existed, " +
      "deletes one that is still referenced, or changes a helper module such revisions run.",
    rationale:
      "Alembic records each revision it ran in alembic_version and never runs it again: environments that already " +
      "ran the revision (production, staging, every developer's database) will never run this change, while new " +
      "environments will, so their schemas drift apart silently. A deleted revision that another still names breaks " +
      "the history for every command.",
    safeAlternative:
      "Leave merged revisions as they are and put the change in a new revision (`alembic revision -m ...`) on top " +
      "of the current head; restore a deleted revision that others still name.",
    // A deletion and an edit in one revision are two claims; "1 more like it" would hide the second.
    groupsFindings: false,
  },
  check(input) {
    const review = input.changeUnderReview;
    if (!review) return [];
    return [
      ...review.changes.flatMap((change) => findingsFor(change, review)),
      ...deletedButNamed(input).map((deleted) => deletionFinding(deleted, review.since)),
    ];
  },
};

function findingsFor(change: RevisionChange, review: ChangeUnderReview): FindingDraft[] {
  const since = review.since;
  switch (change.kind) {
    case "edited": {
      const parts = [
        ...(change.upgrade.length > 0 ? [`its upgrade (${change.upgrade.join(", ")})`] : []),
        ...(change.metadata.length > 0 ? [`its graph metadata (${change.metadata.join(", ")})`] : []),
      ];
      return [
        {
          span: fileStart(change.file),
          revision: change.revision,
          message:
            `revision ${q(change.revision)} existed at ${since}, and this change edits ${parts.join(" and ")}: ` +
            "environments that already ran it will never run this change",
          hint:
            change.upgrade.length > 0
              ? `Revert the edit to ${change.file} and put the change in a new revision on top of the current head ` +
                `(alembic revision -m "..."); only a fresh database would ever run the edited ${q(change.revision)}.`
              : `Restore the revision's metadata as it was at ${since}: environments locate themselves in the history ` +
                "by these ids, and an environment whose recorded revision moved or vanished cannot upgrade.",
        },
      ];
    }
    case "deleted":
      // Reported only while another revision still names it: see deletionFinding.
      return [];
    case "helper": {
      const ids = change.revisions.map((revision) => q(revision.revision));
      const named = ids.slice(0, NAMED_REVISIONS).join(", ");
      const more = ids.length > NAMED_REVISIONS ? ` and ${ids.length - NAMED_REVISIONS} more` : "";
      const count = change.revisions.length;
      return [
        {
          span: fileStart(change.file),
          aboutTheChange: true,
          message:
            `helper module ${change.file} changed since ${since}, and that changes the upgrade operations of ` +
            `${count === 1 ? "a revision" : `${count} revisions`} that existed there (${named}${more}): environments ` +
            `that already ran ${count === 1 ? "it" : "them"} will never run this change`,
          hint:
            "Keep the helper's behaviour for the revisions that use it (add a new function, or a parameter whose " +
            "default keeps the old behaviour), and make the new behaviour a new revision.",
        },
      ];
    }
  }
}

function deletionFinding(deleted: DeletedButNamed, since: string): FindingDraft {
  const [first] = deleted.referrers;
  const names = deleted.referrers.map((revision) => q(revision.id)).join(", ");
  const one = deleted.referrers.length === 1;
  return {
    span: fileStart(first ? first.file : deleted.file),
    ...(first ? { revision: first.id } : {}),
    aboutTheChange: true,
    message:
      `revision ${q(deleted.revision)} (${deleted.file}) existed at ${since} and this change deletes it, but ` +
      `${names} still ${one ? "names" : "name"} it as down_revision or depends_on: ` +
      "Alembic cannot build the history, and environments that ran it record it in alembic_version",
    hint:
      `Restore ${deleted.file}. To undo what it did, add a new revision that reverses it; to retire old ` +
      "revisions, squash them into a new base without deleting what deployed environments recorded.",
  };
}
