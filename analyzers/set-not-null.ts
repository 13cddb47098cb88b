import {
  type AnalysisInput,
  type AnalyzedRevision,
  type Analyzer,
  type FindingDraft,
  type History,
  listAt,
  tableKey,
} from "../src/domain/index.js";
import { modelChange } from "./model-change.js";
import { onExistingTable } from "./pg-support.js";
import { sqlName, sqlTable } from "./sql-names.js";
import { lockNote, type OpOf, operationsOfKind, py, q, schemaKw, tableName } from "./support.js";

/** PostgreSQL 12 lets SET NOT NULL skip its scan when a validated CHECK (col IS NOT NULL) proves it. */
const CHECK_SKIPS_SCAN_SINCE = 12;

/** A revision under review that adds a column or backfills a table, where its first such operation comes. */
interface ReleaseChange {
  /** The operation's rank among the history's operations under review. */
  readonly position: number;
  readonly rev: AnalyzedRevision;
  readonly note: string;
}

/** What a history's revisions under review add and backfill, each list in history order. */
interface ReleaseChanges {
  /** Table -> column -> the revisions that add the column. */
  readonly added: Map<string, Map<string, ReleaseChange[]>>;
  /** Table -> the revisions with a data change on it. */
  readonly backfilled: Map<string, ReleaseChange[]>;
}

function releaseChanges(history: History): ReleaseChanges {
  const added = new Map<string, Map<string, ReleaseChange[]>>();
  const backfilled = new Map<string, ReleaseChange[]>();
  // A revision is named once, where its first matching operation comes: its later ones add nothing to the message.
  const record = (changes: ReleaseChange[], change: ReleaseChange) => {
    if (changes.at(-1)?.rev !== change.rev) changes.push(change);
  };
  let position = 0;
  for (const rev of history.revisions) {
    if (!rev.underReview) continue;
    for (const op of rev.operations) {
      position++;
      if (op.kind === "add-column") {
        const table = tableKey(op.table);
        let columns = added.get(table);
        if (columns === undefined) {
          columns = new Map();
          added.set(table, columns);
        }
        const note = `the column is added in revision ${q(rev.revision.id)}`;
        record(listAt(columns, op.column.name.toLowerCase()), { position, rev, note });
      } else if (op.kind === "data-change" && op.table !== undefined) {
        const note = `the table is backfilled in revision ${q(rev.revision.id)}`;
        record(listAt(backfilled, tableKey(op.table)), { position, rev, note });
      }
    }
  }
  return { added, backfilled };
}

/**
 * The release changes of a revision's history (the first history that holds it), each history scanned once and only
 * when asked: a release with many SET NOT NULL then costs its operations once, not once per SET NOT NULL.
 */
function releaseChangesByRevision(input: AnalysisInput): (rev: AnalyzedRevision) => ReleaseChanges | undefined {
  let historyOf: Map<AnalyzedRevision, History> | undefined;
  const changesOf = new Map<History, ReleaseChanges>();
  return (rev) => {
    if (historyOf === undefined) {
      historyOf = new Map();
      for (const history of input.histories)
        for (const revision of history.revisions) if (!historyOf.has(revision)) historyOf.set(revision, history);
    }
    const history = historyOf.get(rev);
    if (history === undefined) return undefined;
    let changes = changesOf.get(history);
    if (changes === undefined) {
      changes = releaseChanges(history);
      changesOf.set(history, changes);
    }
    return changes;
  };
}

/**
 * When the release under review also adds or backfills the column, says so: the release still running during the
 * rollout does not write it yet, so rows it inserts break the constraint. Costs one step per revision of the release
 * that adds the column or backfills the table (two at most per revision), not a scan of the release.
 */
function sameRelease(changes: ReleaseChanges | undefined, rev: AnalyzedRevision, op: OpOf<"set-not-null">): string {
  if (changes === undefined) return "";
  const table = tableKey(op.table);
  const added = changes.added.get(table)?.get(op.column.toLowerCase()) ?? [];
  const backfilled = changes.backfilled.get(table) ?? [];
  const notes: string[] = [];
  // Both lists are in history order: merged by position, the notes come in the order of the operations.
  let nextAdded = 0;
  let nextBackfilled = 0;
  while (nextAdded < added.length || nextBackfilled < backfilled.length) {
    const addition = added[nextAdded];
    const backfill = backfilled[nextBackfilled];
    const additionFirst = addition !== undefined && (backfill === undefined || addition.position < backfill.position);
    const change = additionFirst ? addition : backfill;
    if (additionFirst) nextAdded++;
    else nextBackfilled++;
    if (change !== undefined && change.rev !== rev) notes.push(change.note);
  }
  if (notes.length === 0) return "";
  return (
    `; ${[...new Set(notes)].join(" and ")} of this same release, so instances of the previous release still ` +
    "insert rows without it: set NOT NULL in a later release"
  );
}

export const setNotNull: Analyzer = {
  meta: {
    name: "set-not-null",
    group: "phases",
    defaultSeverity: "warning",
    summary: "An existing column is made NOT NULL.",
    rationale:
      "PostgreSQL checks every existing row with a full table scan while it holds an ACCESS EXCLUSIVE lock, so all " +
      "reads and writes on the table wait for the scan; MySQL rebuilds the table. It also fails if any row is still " +
      "NULL, and the release still running breaks if it inserts rows without the column.",
    safeAlternative:
      "On PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a separate revision (no blocking " +
      "lock), then SET NOT NULL, which uses the validated constraint instead of scanning, and drop the CHECK.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const releaseChangesOf = releaseChangesByRevision(input);
    for (const { op, rev } of operationsOfKind(input, "set-not-null")) {
      // A column this revision added with a server default is an expand (no running code writes it), but its table
      // is still scanned under lock: only columns already NOT NULL and tables no session sees yet are left out.
      if (op.alreadyNotNull || !onExistingTable(rev, op.table, op)) continue;
      // The safe recipe's last step: a validated CHECK proves the column, so PostgreSQL 12+ does not scan.
      const version = input.options.postgresVersion;
      if (op.dialect === "postgresql" && op.provenBy !== undefined && version >= CHECK_SKIPS_SCAN_SINCE) continue;
      const base =
        `column ${q(op.column)} of existing table ${tableName(op)} is set NOT NULL: ` +
        (op.dialect === "sqlite"
          ? "SQLite's batch mode copies the whole table to apply it, and it fails if any row is still NULL"
          : op.dialect === "mysql"
            ? "MySQL rebuilds the table to apply it, and it fails if any row is still NULL"
            : "every row is checked while the table is locked against reads and writes");
      const lock = lockNote(op);
      // In a revision the project declares contract the scheduling is settled; the lock is still worth a word.
      const scheduled = rev.declaredPhase?.phase === "contract";
      const release =
        input.reviewingRelease && rev.underReview && !scheduled && op.phase === "contract"
          ? sameRelease(releaseChangesOf(rev), rev, op)
          : "";
      if (op.dialect !== "postgresql" || !lock) {
        // The CHECK recipe of the rule's safe alternative is PostgreSQL's: other databases get their own.
        const hint =
          op.dialect === "mysql"
            ? "Fill every NULL in an earlier revision (in batches), then set NOT NULL in a contract revision of a " +
              "later release; on a large table run the change through an online schema change tool (gh-ost, " +
              "pt-online-schema-change) or keep the column nullable."
            : op.dialect === "sqlite"
              ? "Fill every NULL in an earlier revision, then set NOT NULL in a contract revision of a later release; " +
                "the batch copy of a large table is best left to a quiet moment."
              : undefined;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${base}${release}`,
          ...(hint ? { hint } : {}),
        });
        continue;
      }
      const message =
        version >= CHECK_SKIPS_SCAN_SINCE
          ? `${base} (${lock}, unless a validated CHECK (${op.column} IS NOT NULL) already proves it)${release}`
          : `${base} (${lock}; PostgreSQL ${version} scans even when a CHECK proves it)${release}`;
      const table = sqlTable(op);
      const check = `${op.table}_${op.column}_not_null`;
      const addCheck = `op.execute(${py(`ALTER TABLE ${table} ADD CONSTRAINT ${sqlName(check)} CHECK (${sqlName(op.column)} IS NOT NULL) NOT VALID`)})`;
      const validate = `op.execute(${py(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${sqlName(check)}`)})`;
      const column = q(`${op.table}.${op.column}`);
      const model = modelChange(
        input,
        rev,
        version >= CHECK_SKIPS_SCAN_SINCE
          ? `keep ${column} nullable=True in the model until the revision that runs op.alter_column(..., nullable=False)`
          : `keep ${column} nullable=True in the model: the CHECK does the job`,
      );
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint:
          version >= CHECK_SKIPS_SCAN_SINCE
            ? `${addCheck}; in a later revision ${validate} (SHARE UPDATE EXCLUSIVE: reads and writes go on), then ` +
              `op.alter_column(${py(op.table)}, ${py(op.column)}, nullable=False${schemaKw(op)}), which skips the ` +
              `scan, and op.drop_constraint(${py(check)}, ${py(op.table)}, type_="check"${schemaKw(op)}).${model}`
            : `${addCheck}; in a later revision ${validate} (SHARE UPDATE EXCLUSIVE: reads and writes go on), and ` +
              `keep the CHECK instead of NOT NULL: before PostgreSQL 12, SET NOT NULL scans the table anyway.${model}`,
      });
    }
    return findings;
  },
};
