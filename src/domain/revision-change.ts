/**
 * What the change under review (`--since REF`) did to revisions that already existed at REF. Environments that ran
 * such a revision recorded it in alembic_version and never run it again, so an edit to it never reaches them.
 */
export type RevisionChange =
  /** The revision's upgrade operations or its graph metadata (revision, down_revision, branch labels, depends_on). */
  | {
      readonly kind: "edited";
      /** Report path of the revision file. */
      readonly file: string;
      readonly revision: string;
      /** What changed, one phrase each: `adds drop-column "orders.total"`, `down_revision "a1" -> "b2"`. */
      readonly upgrade: readonly string[];
      readonly metadata: readonly string[];
    }
  /** A revision file deleted since REF; its id and branch labels, as the file at REF declared them. */
  | {
      readonly kind: "deleted";
      readonly file: string;
      readonly revision: string;
      readonly branchLabels: readonly string[];
    }
  /** A project helper module whose change alters the upgrade operations of revisions that existed at REF. */
  | {
      readonly kind: "helper";
      /** Report path of the helper module. */
      readonly file: string;
      readonly revisions: readonly { readonly file: string; readonly revision: string }[];
    };

/** How the change under review is named in messages: `--since main`. */
export interface ChangeUnderReview {
  readonly since: string;
  readonly changes: readonly RevisionChange[];
}
