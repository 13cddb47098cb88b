import {
  type AnalysisInput,
  type AnalyzedRevision,
  type Analyzer,
  type ClassifiedOperation,
  type DataStatement,
  type Dialect,
  type FindingDraft,
  tableKey,
} from "../src/domain/index.js";
import { hasNonNullDefault } from "./pg-support.js";
import { excerpt, isNewTable, type OpOf, q, SCALES_WITH_ROWS } from "./support.js";

/** `table.column`, folded as PostgreSQL folds unquoted identifiers. */
function columnKey(table: string, column: string): string {
  return `${tableKey(table)}.${column.replace(/"/g, "").toLowerCase()}`;
}

const VERB: Readonly<Record<DataStatement, string>> = {
  update: "UPDATE",
  delete: "DELETE",
  insert: "INSERT",
  "insert-select": "INSERT ... SELECT",
  "bulk-insert": "bulk insert",
  merge: "MERGE",
  copy: "COPY",
};

/** How many revisions before a backfill a column added still has NULL in every row, as far as this rule assumes. */
const RECENT_REVISIONS = 3;

/** A column added without a default, so NULL in every existing row: where, and its place in its history. */
interface NullColumn {
  readonly rev: AnalyzedRevision;
  readonly index: number;
}

/**
 * Columns NULL in every row, by `table.column` key, grouped by table: an UPDATE or a new table forgets a table's
 * columns without reading every column of a long history.
 */
class NullColumns {
  private readonly byTable = new Map<string, Map<string, NullColumn>>();

  get(table: string, column: string): NullColumn | undefined {
    return this.byTable.get(tableKey(table))?.get(columnKey(table, column));
  }

  set(table: string, column: string, value: NullColumn): void {
    const key = tableKey(table);
    let columns = this.byTable.get(key);
    if (!columns) {
      columns = new Map();
      this.byTable.set(key, columns);
    }
    columns.set(columnKey(table, column), value);
  }

  delete(table: string, column: string): void {
    this.byTable.get(tableKey(table))?.delete(columnKey(table, column));
  }

  /** Forgets a table's columns; every column when the table is not known. */
  forget(table: string | undefined): void {
    if (table === undefined) this.byTable.clear();
    else this.byTable.delete(tableKey(table));
  }
}

function batchHint(statement: DataStatement, table: string, dialect: Dialect, condition?: string): string {
  const loop = (sql: string) =>
    `Batch it inside \`with op.get_context().autocommit_block():\` so each batch commits: ` +
    `\`while op.get_bind().execute(sa.text("${sql}")).rowcount: pass\`.`;
  if (dialect === "mysql" && (statement === "update" || statement === "delete")) {
    const head = statement === "update" ? `UPDATE ${table} SET ...` : `DELETE FROM ${table}`;
    return loop(`${head} WHERE ${condition ?? "<not yet done>"} LIMIT 5000`);
  }
  if (statement === "update") {
    const pending = condition ?? "<not yet done>";
    return loop(`UPDATE ${table} SET ... WHERE id IN (SELECT id FROM ${table} WHERE ${pending} LIMIT 5000)`);
  }
  if (statement === "delete") {
    const doomed = condition ?? "<condition>";
    return loop(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${doomed} LIMIT 5000)`);
  }
  return (
    "Copy by key range in a Python loop (WHERE id > :last AND id <= :last + 5000, advancing :last), " +
    "inside `with op.get_context().autocommit_block():` so each batch commits."
  );
}

export const unbatchedBackfill: Analyzer = {
  meta: {
    name: "unbatched-backfill",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A backfill touches every row of a table in one statement.",
    rationale:
      "One statement over the whole table runs in one transaction: it row-locks every row it changes until the " +
      "migration commits (concurrent writes to those rows wait), writes a new version of each row (table bloat, WAL " +
      "volume, replica lag) and can run for minutes, beyond deploy and statement timeouts. Any lock taken earlier in " +
      "the same transaction is held that long too.",
    safeAlternative:
      "Backfill in batches of a few thousand rows selected by key (WHERE id IN (SELECT ... LIMIT n)) in a loop, " +
      "committing between batches, or hand the backfill to a background job.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    // A revision can belong to several histories: each statement is judged once.
    const judged = new Set<ClassifiedOperation>();
    for (const history of input.histories) {
      // Columns NULL in every row, by `table.column` key, as the history replays.
      const nullColumns = new NullColumns();
      history.revisions.forEach((rev, index) => {
        for (const op of rev.operations) {
          if (!judged.has(op) && op.kind === "data-change") {
            judged.add(op);
            const finding = backfillFinding(input, op, rev, index, nullColumns);
            if (finding) findings.push(finding);
          }
          trackNullColumns(nullColumns, op, rev, index);
        }
      });
    }
    return findings;
  },
};

/** The finding for a backfill that touches every row in one statement, if it does. */
function backfillFinding(
  input: AnalysisInput,
  op: OpOf<"data-change">,
  rev: AnalyzedRevision,
  index: number,
  nullColumns: NullColumns,
): FindingDraft | undefined {
  // A loop over rows or batches spreads the work; one over a list the source writes out (tables, columns) runs the
  // whole statement once per item.
  const batched = op.context.inLoop && !op.context.literalLoop;
  if (op.phase !== "backfill" || !SCALES_WITH_ROWS.has(op.statement) || batched) return undefined;
  const target = op.table === undefined ? "its table" : `table ${q(op.table)}`;
  if (!op.hasWhere) {
    return {
      span: op.span,
      revision: rev.revision.id,
      message: `${VERB[op.statement]} without a WHERE clause touches every row of ${target} in one statement (${excerpt(op.text)})`,
      hint: batchHint(op.statement, op.table ?? "t", op.dialect),
    };
  }
  const table = op.table;
  const tested = op.whereIsNull ?? [];
  if (table === undefined || tested.length === 0 || isNewTable(rev, table)) return undefined;
  const reasons: string[] = [];
  // Within the revision or the release under review nothing else can have filled the column; across a deploy,
  // something outside the migrations (a script, the new code) may have.
  let certain = true;
  for (const column of tested) {
    const added = nullColumns.get(table, column);
    const sameRelease = input.reviewingRelease && added?.rev.underReview && rev.underReview;
    if (!added || !(added.rev === rev || sameRelease || index - added.index <= RECENT_REVISIONS)) return undefined;
    const where = added.rev === rev ? "earlier in this revision" : `in revision ${q(added.rev.revision.id)}`;
    if (added.rev !== rev && !sameRelease) certain = false;
    reasons.push(`${q(column)} was added ${where}`);
  }
  const condition = tested.map((column) => `${column} IS NULL`).join(" AND ");
  const why = certain
    ? `because ${reasons.join("; ")}: every existing row is NULL`
    : `since ${reasons.join("; ")} without a default: every existing row is NULL unless something outside the ` +
      "migrations filled it since";
  return {
    span: op.span,
    revision: rev.revision.id,
    message:
      `${VERB[op.statement]} ... WHERE ${condition} ${certain ? "touches" : "is likely to touch"} every row of ` +
      `${target} in one statement, ${why} (${excerpt(op.text)})`,
    hint: batchHint(op.statement, table, op.dialect, condition),
  };
}

/**
 * Follows which columns are NULL in every row: added without a default, until something may fill them (an UPDATE or
 * MERGE of their table, SET NOT NULL) or they go away.
 */
function trackNullColumns(
  nullColumns: NullColumns,
  op: ClassifiedOperation,
  rev: AnalyzedRevision,
  index: number,
): void {
  switch (op.kind) {
    case "add-column": {
      const { column } = op;
      if (column.nullable && column.generated === undefined && !hasNonNullDefault(column))
        nullColumns.set(op.table, column.name, { rev, index });
      else nullColumns.delete(op.table, column.name);
      return;
    }
    case "data-change":
      // Whatever it sets may fill them; a statement on a table migragate cannot name may be on any.
      if (op.statement === "update" || op.statement === "merge") nullColumns.forget(op.table);
      return;
    case "set-not-null":
    case "drop-column":
    case "rename-column":
      nullColumns.delete(op.table, op.column);
      return;
    case "create-table":
    case "drop-table":
    case "rename-table":
      nullColumns.forget(op.table);
      return;
    default:
      return;
  }
}
