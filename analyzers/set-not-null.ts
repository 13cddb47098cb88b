import {
  type AnalysisInput,
  type AnalyzedRevision,
  type Analyzer,
  type FindingDraft,
  tableKey,
} from "../src/domain/index.js";
import { onExistingTable } from "./pg-support.js";
import { lockNote, type OpOf, operationsOfKind, py, q, schemaKw, tableName } from "./support.js";

/** PostgreSQL 12 lets SET NOT NULL skip its scan when a validated CHECK (col IS NOT NULL) proves it. */
const CHECK_SKIPS_SCAN_SINCE = 12;

/**
 * When the release under review also adds or backfills the column, says so: the release still running during the
 * rollout does not write it yet, so rows it inserts break the constraint.
 */
function sameRelease(input: AnalysisInput, rev: AnalyzedRevision, op: OpOf<"set-not-null">): string {
  const table = tableKey(op.table);
  const column = op.column.toLowerCase();
  const history = input.histories.find((candidate) => candidate.revisions.includes(rev));
  const notes: string[] = [];
  for (const other of history?.revisions ?? []) {
    if (other === rev || !other.underReview) continue;
    for (const candidate of other.operations) {
      if (
        candidate.kind === "add-column" &&
        tableKey(candidate.table) === table &&
        candidate.column.name.toLowerCase() === column
      )
        notes.push(`the column is added in revision ${q(other.revision.id)}`);
      else if (candidate.kind === "data-change" && candidate.table !== undefined && tableKey(candidate.table) === table)
        notes.push(`the table is backfilled in revision ${q(other.revision.id)}`);
    }
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
          ? sameRelease(input, rev, op)
          : "";
      if (op.dialect !== "postgresql" || !lock) {
        findings.push({ span: op.span, revision: rev.revision.id, message: `${base}${release}` });
        continue;
      }
      const message =
        version >= CHECK_SKIPS_SCAN_SINCE
          ? `${base} (${lock}, unless a validated CHECK (${op.column} IS NOT NULL) already proves it)${release}`
          : `${base} (${lock}; PostgreSQL ${version} scans even when a CHECK proves it)${release}`;
      const table = op.schema ? `${op.schema}.${op.table}` : op.table;
      const check = `${op.table}_${op.column}_not_null`;
      const addCheck = `op.execute(${py(`ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${op.column} IS NOT NULL) NOT VALID`)})`;
      const validate = `op.execute(${py(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${check}`)})`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint:
          version >= CHECK_SKIPS_SCAN_SINCE
            ? `${addCheck}; in a later revision ${validate} (SHARE UPDATE EXCLUSIVE: reads and writes go on), then ` +
              `op.alter_column(${py(op.table)}, ${py(op.column)}, nullable=False${schemaKw(op)}), which skips the ` +
              `scan, and op.drop_constraint(${py(check)}, ${py(op.table)}, type_="check"${schemaKw(op)}).`
            : `${addCheck}; in a later revision ${validate} (SHARE UPDATE EXCLUSIVE: reads and writes go on), and ` +
              `keep the CHECK instead of NOT NULL: before PostgreSQL 12, SET NOT NULL scans the table anyway.`,
      });
    }
    return findings;
  },
};
