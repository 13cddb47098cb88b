import type { Analyzer, DataStatement, Dialect, FindingDraft } from "../src/domain/index.js";
import { excerpt, operationsOfKind, q, SCALES_WITH_ROWS } from "./support.js";

const VERB: Readonly<Record<DataStatement, string>> = {
  update: "UPDATE",
  delete: "DELETE",
  insert: "INSERT",
  "insert-select": "INSERT ... SELECT",
  "bulk-insert": "bulk insert",
  merge: "MERGE",
  copy: "COPY",
};

function batchHint(statement: DataStatement, table: string, dialect: Dialect): string {
  const loop = (sql: string) =>
    `Batch it inside \`with op.get_context().autocommit_block():\` so each batch commits: ` +
    `\`while op.get_bind().execute(sa.text("${sql}")).rowcount: pass\`.`;
  if (dialect === "mysql" && (statement === "update" || statement === "delete")) {
    const head = statement === "update" ? `UPDATE ${table} SET ...` : `DELETE FROM ${table}`;
    return loop(`${head} WHERE <not yet done> LIMIT 5000`);
  }
  if (statement === "update") {
    return loop(`UPDATE ${table} SET ... WHERE id IN (SELECT id FROM ${table} WHERE <not yet done> LIMIT 5000)`);
  }
  if (statement === "delete") {
    return loop(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE <condition> LIMIT 5000)`);
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
    for (const { op, rev } of operationsOfKind(input, "data-change")) {
      if (op.phase !== "backfill" || !SCALES_WITH_ROWS.has(op.statement)) continue;
      if (op.hasWhere || op.context.inLoop) continue;
      const target = op.table === undefined ? "its table" : `table ${q(op.table)}`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `${VERB[op.statement]} without a WHERE clause touches every row of ${target} in one statement (${excerpt(op.text)})`,
        hint: batchHint(op.statement, op.table ?? "t", op.dialect),
      });
    }
    return findings;
  },
};
