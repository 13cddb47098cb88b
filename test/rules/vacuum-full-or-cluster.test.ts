import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "vacuum-full-or-cluster";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("vacuum-full-or-cluster", () => {
  it("vacuum-full-or-cluster fires for VACUUM FULL, CLUSTER and REINDEX", async () => {
    const { source, findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("VACUUM (FULL, ANALYZE) events")
op.execute("CLUSTER events USING ix_events_created_at")
op.execute("REINDEX TABLE events")
`);
    expect(findings.map((finding) => [finding.line, finding.severity, finding.message.slice(0, 38)])).toEqual([
      [locate(source, "VACUUM").line, "error", 'VACUUM FULL rewrites every row of "eve'],
      [locate(source, "CLUSTER").line, "error", 'CLUSTER rewrites every row of "events"'],
      [locate(source, "REINDEX").line, "error", 'REINDEX without CONCURRENTLY of "event'],
    ]);
    expect(findings[2]?.hint).toContain("REINDEX INDEX CONCURRENTLY");
  });

  it("vacuum-full-or-cluster reads the value of the FULL option", async () => {
    const { source, findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("VACUUM (FULL FALSE) events")
    op.execute("VACUUM (FULL 0, ANALYZE) events")
    op.execute("VACUUM (FULL off) events")
    op.execute("VACUUM (FULL true) orders")
    op.execute("VACUUM (FULL 1) invoices")
`);
    expect(findings.map((finding) => [finding.line, finding.message.split(":")[0]])).toEqual([
      [
        locate(source, "orders").line,
        'VACUUM FULL rewrites every row of "orders" into new files under an ACCESS EXCLUSIVE lock',
      ],
      [
        locate(source, "invoices").line,
        'VACUUM FULL rewrites every row of "invoices" into new files under an ACCESS EXCLUSIVE lock',
      ],
    ]);
  });

  it("vacuum-full-or-cluster reads a non-concurrent REINDEX (CONCURRENTLY false) as blocking", async () => {
    const { findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("REINDEX (CONCURRENTLY false) INDEX ix_events_kind")
`);
    expect(findings.map((finding) => finding.message.slice(0, 28))).toEqual(["REINDEX without CONCURRENTLY"]);
  });

  it("vacuum-full-or-cluster offers no CONCURRENTLY for REINDEX SYSTEM", async () => {
    const { source, findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("REINDEX SYSTEM")
    op.execute("REINDEX DATABASE app")
`);
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, "SYSTEM").line,
      locate(source, "DATABASE").line,
    ]);
    expect(findings[0]?.message).toMatch(/^REINDEX SYSTEM rebuilds every index of the system catalogs/);
    expect(findings[0]?.hint).toBe(
      "System catalogs have no concurrent rebuild (REINDEX SYSTEM takes no CONCURRENTLY): take it out of the " +
        "migration and let an operator run it in a quiet window.",
    );
    expect(findings[0]?.hint).not.toContain("REINDEX INDEX CONCURRENTLY");
    expect(findings[1]?.hint).toContain("CONCURRENTLY");
  });

  it("vacuum-full-or-cluster suggests a replacement index before PostgreSQL 12", async () => {
    const { findings } = await analyse('op.execute("REINDEX INDEX ix_events_kind")', { postgresVersion: 11 });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.hint).toMatch(/^Before PostgreSQL 12, build a replacement with CREATE INDEX CONCURRENTLY/);
  });

  it("vacuum-full-or-cluster stays silent on plain VACUUM, ANALYZE and REINDEX CONCURRENTLY", async () => {
    const { findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("VACUUM ANALYZE events")
    op.execute("REINDEX TABLE CONCURRENTLY events")
op.execute("ANALYZE events")
`);
    expect(findings).toEqual([]);
  });

  it("vacuum-full-or-cluster stays silent on a table created in the same revision and other dialects", async () => {
    const created = await analyse(`
op.execute("CREATE TABLE scratch (id bigint)")
op.execute("CLUSTER scratch USING scratch_pkey")
`);
    expect(created.findings).toEqual([]);
    const mysql = await analyse('op.execute("REINDEX TABLE events")', { dialect: "mysql" });
    expect(mysql.findings).toEqual([]);
  });
});
