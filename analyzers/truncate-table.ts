import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { onExistingTable, postgresOperations } from "./pg-support.js";
import { q } from "./support.js";

export const truncateTable: Analyzer = {
  meta: {
    name: "truncate-table",
    group: "locks",
    defaultSeverity: "error",
    summary: "An existing PostgreSQL table is truncated by a migration.",
    rationale:
      "TRUNCATE deletes every row at once under an ACCESS EXCLUSIVE lock, blocking all reads and writes until the " +
      "migration's transaction commits, and the running release loses its data; CASCADE also empties every table " +
      "with a foreign key to it.",
    safeAlternative:
      "Keep data removal out of schema migrations: delete in batches (DELETE ... WHERE id in a range) from a backfill " +
      "revision or a job, or drop the table in a contract revision once no code uses it.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of postgresOperations(input, "truncate")) {
      const existing = op.tables.filter((table) => onExistingTable(rev, table));
      if (existing.length === 0) continue;
      const cascade = op.cascade
        ? "; CASCADE also empties every table that has a foreign key to it, tables this statement does not name"
        : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `TRUNCATE empties existing table${existing.length > 1 ? "s" : ""} ${existing.map(q).join(", ")} under an ` +
          `ACCESS EXCLUSIVE lock held until the migration commits: every read and write waits, and the rows are ` +
          `gone for the release still running${cascade}`,
        hint:
          "Delete in batches from a backfill revision or a job (DELETE ... WHERE id >= :low AND id < :high), or drop " +
          "the table in a contract revision.",
      });
    }
    return findings;
  },
};
