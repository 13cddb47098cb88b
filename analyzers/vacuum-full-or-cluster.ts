import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { inAutocommitBlock, postgresOperations } from "./pg-support.js";
import { isNewTable, q } from "./support.js";

export const vacuumFullOrCluster: Analyzer = {
  meta: {
    name: "vacuum-full-or-cluster",
    group: "locks",
    defaultSeverity: "error",
    summary: "A migration runs VACUUM FULL, CLUSTER, or REINDEX without CONCURRENTLY.",
    rationale:
      "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock: nothing can read or write it " +
      "until the copy is done. REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, " +
      "for the whole rebuild.",
    safeAlternative:
      "Rebuild indexes with REINDEX ... CONCURRENTLY (PostgreSQL 12+) in an autocommit_block(); reclaim space or " +
      "reorder a table with an online tool such as pg_repack, outside the migration.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const version = input.options.postgresVersion;
    for (const { op, rev } of postgresOperations(input, "maintenance")) {
      if (op.table !== undefined && isNewTable(rev, op.table)) continue;
      const on = op.table === undefined ? "" : ` of ${q(op.table)}`;
      if (op.command === "vacuum-full" || op.command === "cluster") {
        const statement = op.command === "cluster" ? "CLUSTER" : "VACUUM FULL";
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            `${statement} rewrites every row${on} into new files under an ACCESS EXCLUSIVE lock: nothing can read ` +
            "or write the table until the copy is done",
          hint:
            "Take it out of the migration: reclaim space or reorder rows with an online tool such as pg_repack, run " +
            "by an operator, and let autovacuum do routine cleanup.",
        });
      } else if (op.command === "reindex" && op.reindexes === "system") {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            "REINDEX SYSTEM rebuilds every index of the system catalogs: while each is rebuilt, writes to its catalog " +
            "(any DDL, temporary tables) and the queries that read the catalog through that index wait",
          hint:
            "System catalogs have no concurrent rebuild (REINDEX SYSTEM takes no CONCURRENTLY): take it out of the " +
            "migration and let an operator run it in a quiet window.",
        });
      } else if (op.command === "reindex" && !op.concurrently) {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            `REINDEX without CONCURRENTLY${on} blocks writes to the table, and every query that would use the ` +
            "index, for the whole rebuild",
          hint:
            version >= 12
              ? `Rebuild it concurrently: ${inAutocommitBlock('op.execute("REINDEX INDEX CONCURRENTLY ...")')}.`
              : "Before PostgreSQL 12, build a replacement with CREATE INDEX CONCURRENTLY in an autocommit_block(), " +
                "drop the old index CONCURRENTLY and rename the new one.",
        });
      }
    }
    return findings;
  },
};
