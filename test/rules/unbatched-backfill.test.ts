import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "unbatched-backfill";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root, options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("unbatched-backfill", () => {
  it("unbatched-backfill fires for an UPDATE without WHERE in raw SQL", async () => {
    const { source, findings } = await analyse(`op.execute("UPDATE users SET status = 'active'")`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "UPDATE users"),
      severity: "warning",
      revision: "a1",
      message:
        `UPDATE without a WHERE clause touches every row of table "users" in one statement ` +
        `(UPDATE users SET status = 'active')`,
    });
    expect(findings[0]?.hint).toContain(
      "UPDATE users SET ... WHERE id IN (SELECT id FROM users WHERE <not yet done> LIMIT 5000)",
    );
  });

  it("unbatched-backfill fires for an UPDATE with bound parameters, quoting the whole statement", async () => {
    const { source, findings } = await analyse(
      'op.execute(sa.text("UPDATE users SET status = :status").bindparams(status="active"))',
    );
    const start = locate(source, "UPDATE users");
    const statement = "UPDATE users SET status = :status";
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...start,
      endLine: start.line,
      endColumn: start.column + statement.length,
      severity: "warning",
      message: `UPDATE without a WHERE clause touches every row of table "users" in one statement (${statement})`,
    });
  });

  it("unbatched-backfill fires for DELETE and INSERT ... SELECT without WHERE", async () => {
    const { source, findings } = await analyse(`
op.execute("DELETE FROM sessions")
op.execute("INSERT INTO users_archive SELECT * FROM users")
`);
    expect(findings.map((finding) => [finding.line, finding.column, finding.severity, finding.message])).toEqual([
      [
        locate(source, "DELETE FROM").line,
        locate(source, "DELETE FROM").column,
        "warning",
        'DELETE without a WHERE clause touches every row of table "sessions" in one statement (DELETE FROM sessions)',
      ],
      [
        locate(source, "INSERT INTO").line,
        locate(source, "INSERT INTO").column,
        "warning",
        'INSERT ... SELECT without a WHERE clause touches every row of table "users_archive" in one statement ' +
          "(INSERT INTO users_archive SELECT * FROM users)",
      ],
    ]);
  });

  it("unbatched-backfill fires for a SQLAlchemy core update through the connection", async () => {
    const { source, findings } = await analyse(`
users = sa.table("users", sa.column("status", sa.String))
conn = op.get_bind()
conn.execute(users.update().values(status="active"))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "conn.execute"), severity: "warning" });
    expect(findings[0]?.message).toBe(
      'UPDATE without a WHERE clause touches every row of table "users" in one statement ' +
        '(users.update().values(status="active"))',
    );
  });

  it("unbatched-backfill fires for sa.delete(table) and names the table", async () => {
    const { source, findings } = await analyse(`
sessions = sa.table("sessions", sa.column("id", sa.Integer))
op.execute(sa.delete(sessions))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.execute(sa.delete"), severity: "warning" });
    expect(findings[0]?.message).toContain('touches every row of table "sessions"');
  });

  it("unbatched-backfill fires with a LIMIT-based hint on MySQL", async () => {
    const { findings } = await analyse(`op.execute("UPDATE users SET status = 'active'")`, { dialect: "mysql" });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.hint).toContain("UPDATE users SET ... WHERE <not yet done> LIMIT 5000");
  });

  it("unbatched-backfill stays silent for an UPDATE with WHERE", async () => {
    const { findings } = await analyse(`
op.execute("UPDATE users SET status = 'active' WHERE status IS NULL")
op.execute("DELETE FROM sessions WHERE expires_at < now()")
users = sa.table("users", sa.column("status", sa.String))
op.execute(users.update().where(users.c.status.is_(None)).values(status="active"))
`);
    expect(findings).toEqual([]);
  });

  it("unbatched-backfill stays silent for a batched UPDATE inside a while loop", async () => {
    const { findings } = await analyse(`
conn = op.get_bind()
with op.get_context().autocommit_block():
    while True:
        result = conn.execute(sa.text("UPDATE users SET status = 'active' WHERE id IN (SELECT id FROM users WHERE status IS NULL LIMIT 1000)"))
        if result.rowcount == 0:
            break
`);
    expect(findings).toEqual([]);
  });

  it("unbatched-backfill stays silent for a key-range loop", async () => {
    const { findings } = await analyse(`
conn = op.get_bind()
max_id = conn.execute(sa.text("SELECT coalesce(max(id), 0) FROM users")).scalar()
for low in range(0, max_id + 1, 5000):
    conn.execute(
        sa.text("UPDATE users SET email = lower(email) WHERE id >= :low AND id < :high"),
        {"low": low, "high": low + 5000},
    )
`);
    expect(findings).toEqual([]);
  });

  it("unbatched-backfill stays silent for INSERT ... VALUES and bulk_insert", async () => {
    const { findings } = await analyse(`
op.execute("INSERT INTO settings (key, value) VALUES ('theme', 'dark')")
settings = sa.table("settings", sa.column("key", sa.Text), sa.column("value", sa.Text))
op.bulk_insert(settings, [{"key": "lang", "value": "en"}])
`);
    expect(findings).toEqual([]);
  });

  it("unbatched-backfill stays silent for seeding a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("user_stats", sa.Column("user_id", sa.Integer(), primary_key=True))
op.execute("INSERT INTO user_stats (user_id) SELECT id FROM users")
`);
    expect(findings).toEqual([]);
  });

  it("unbatched-backfill stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      "pass",
      {},
      `
op.execute("UPDATE users SET status = NULL")
op.execute("DELETE FROM settings")
`,
    );
    expect(findings).toEqual([]);
  });
});
