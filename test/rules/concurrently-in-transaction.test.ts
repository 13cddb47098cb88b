import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "concurrently-in-transaction";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("concurrently-in-transaction", () => {
  it("concurrently-in-transaction fires for postgresql_concurrently=True outside autocommit_block", async () => {
    const { source, findings } = await analyse(
      'op.create_index("ix_users_email", "users", ["email"], postgresql_concurrently=True)',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.create_index"),
      severity: "error",
      revision: "a1",
      message:
        "CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and this one runs inside the migration's " +
        "transaction (Alembic's default (no env.py found): one transaction spans every revision of an `alembic " +
        "upgrade` run): PostgreSQL rejects it and the upgrade stops there",
    });
    expect(findings[0]?.hint).toContain("autocommit_block()");
  });

  it("concurrently-in-transaction fires for raw DROP INDEX, REINDEX and DETACH PARTITION CONCURRENTLY", async () => {
    const { source, findings } = await analyse(`
op.drop_index("ix_a", table_name="users", postgresql_concurrently=True)
op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_b")
op.execute("REINDEX TABLE CONCURRENTLY users")
op.execute("ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY")
`);
    expect(findings.map((finding) => [finding.line, finding.message.split(" cannot")[0]])).toEqual([
      [locate(source, "op.drop_index").line, "DROP INDEX CONCURRENTLY"],
      [locate(source, "DROP INDEX CONCURRENTLY").line, "DROP INDEX CONCURRENTLY"],
      [locate(source, "REINDEX").line, "REINDEX CONCURRENTLY"],
      [locate(source, "DETACH").line, "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY"],
    ]);
  });

  it("concurrently-in-transaction stays silent in autocommit_block and for REFRESH MATERIALIZED VIEW", async () => {
    const { findings } = await analyse(`
with op.get_context().autocommit_block():
    op.create_index("ix_a", "users", ["a"], postgresql_concurrently=True)
    op.execute("CREATE INDEX CONCURRENTLY ix_b ON users (b)")
op.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals")
`);
    expect(findings).toEqual([]);
  });

  it("concurrently-in-transaction reads the value of REINDEX's CONCURRENTLY option", async () => {
    const { source, findings } = await analyse(`
op.execute("REINDEX (CONCURRENTLY false) INDEX ix_a")
op.execute("REINDEX (VERBOSE, CONCURRENTLY off) TABLE users")
op.execute("REINDEX (CONCURRENTLY) INDEX ix_b")
op.execute("REINDEX (CONCURRENTLY on) INDEX ix_c")
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "ix_b").line, locate(source, "ix_c").line]);
  });

  it("concurrently-in-transaction stays silent after a raw COMMIT, and fires again after a raw BEGIN", async () => {
    const { source, findings } = await analyse(`
op.execute("COMMIT")
op.execute("CREATE INDEX CONCURRENTLY ix_a ON users (a)")
op.execute("BEGIN")
op.execute("CREATE INDEX CONCURRENTLY ix_b ON users (b)")
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "ix_b").line]);
    expect(findings[0]?.message).toContain("(after a raw BEGIN)");
  });

  it("concurrently-in-transaction fires in a revision after one that ran a raw COMMIT", async () => {
    // A release applies its own revisions in an upgrade run of its own: the earlier COMMIT does not reach them.
    const later = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: 'op.execute("CREATE INDEX CONCURRENTLY ix_b ON users (b)")',
    });
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.execute("COMMIT")\nop.execute("CREATE INDEX CONCURRENTLY ix_a ON users (a)")',
      }),
      "versions/b2.py": later,
    });
    const findings = findingsOf((await check(root)).report, RULE);
    expect(findings.map((finding) => [finding.revision, finding.line])).toEqual([["b2", locate(later, "ix_b").line]]);
  });

  it("concurrently-in-transaction fires inside a revision after its autocommit_block", async () => {
    const { source, findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("CREATE INDEX CONCURRENTLY ix_a ON users (a)")
op.execute("CREATE INDEX CONCURRENTLY ix_b ON users (b)")
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "ix_b").line]);
  });

  it("concurrently-in-transaction names env.py's transaction_per_migration=True in the message", async () => {
    const root = writeProject({
      "migrations/env.py": [
        "from alembic import context",
        "def run_migrations_online():",
        "    with connectable.connect() as connection:",
        "        context.configure(connection=connection, transaction_per_migration=True)",
        "",
      ].join("\n"),
      "migrations/versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.execute("CREATE INDEX CONCURRENTLY ix_a ON users (a)")',
      }),
    });
    const findings = findingsOf((await check(root)).report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      "(transaction_per_migration=True in migrations/env.py: one transaction per revision)",
    );
  });

  it("concurrently-in-transaction fires with transactional_ddl=False: Alembic still opens a transaction per revision", async () => {
    const root = writeProject({
      "migrations/env.py":
        "from alembic import context\ncontext.configure(connection=connection, transactional_ddl=False)\n",
      "migrations/versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.execute("CREATE INDEX CONCURRENTLY ix_a ON users (a)")',
      }),
    });
    const findings = findingsOf((await check(root)).report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      "transactional DDL is off (transactional_ddl=False in migrations/env.py), so Alembic opens one transaction per revision",
    );
  });

  it("concurrently-in-transaction stays silent on other dialects", async () => {
    const { findings } = await analyse(
      'op.create_index("ix_users_email", "users", ["email"], postgresql_concurrently=True)',
      { dialect: "mysql" },
    );
    expect(findings).toEqual([]);
  });
});
