import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { inAutocommitBlock, onExistingTable } from "./pg-support.js";
import { analyzedRevisions, py, q, schemaKw } from "./support.js";

export const dropIndexNotConcurrently: Analyzer = {
  meta: {
    name: "drop-index-not-concurrently",
    group: "locks",
    defaultSeverity: "warning",
    summary: "An index of an existing PostgreSQL table is dropped without CONCURRENTLY.",
    rationale:
      "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table. The drop itself is quick, but it first waits " +
      "for every query running on the table, and every query that arrives meanwhile, reads included, queues behind it.",
    safeAlternative:
      "Drop it with DROP INDEX CONCURRENTLY (postgresql_concurrently=True) inside " +
      "`with op.get_context().autocommit_block():`, which waits for running queries without blocking new ones.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    // Index name -> its table, from the create-index operations seen so far in history order (raw DROP INDEX names
    // no table).
    const tableOfIndex = new Map<string, string>();
    for (const rev of analyzedRevisions(input)) {
      const createdHere = new Set<string>();
      for (const op of rev.operations) {
        if (op.kind === "create-index" && op.name !== undefined) {
          tableOfIndex.set(op.name.toLowerCase(), op.table);
          createdHere.add(op.name.toLowerCase());
        }
        // An index dropped just before its table or column says nothing the later drop does not.
        // Nor does one whose table an earlier statement of the same transaction has locked already: it waits for
        // nothing new.
        if (op.kind !== "drop-index" || op.dialect !== "postgresql" || op.concurrently || op.subsumed) continue;
        if (op.lockAlreadyHeld) continue;
        const key = op.name.toLowerCase();
        if (createdHere.has(key)) continue;
        const table = op.table !== undefined && op.table !== "?" ? op.table : tableOfIndex.get(key);
        if (table !== undefined && !onExistingTable(rev, table)) continue;
        const on = table === undefined ? "" : ` of table ${q(table)}`;
        const call =
          op.origin === "op"
            ? `op.drop_index(${py(op.name)}${table ? `, table_name=${py(table)}` : ""}, postgresql_concurrently=True${schemaKw(op)})`
            : `op.execute("DROP INDEX CONCURRENTLY IF EXISTS ${op.name}")`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            `index ${q(op.name)}${on} is dropped without CONCURRENTLY: DROP INDEX takes an ACCESS EXCLUSIVE lock on ` +
            "the table, waits for every running query on it, and blocks all reads and writes that arrive meanwhile",
          hint:
            `Drop it concurrently, outside the migration's transaction: ${inAutocommitBlock(call)}. ` +
            "An index that backs a UNIQUE or PRIMARY KEY constraint cannot be dropped this way: drop the constraint.",
        });
      }
    }
    return findings;
  },
};
