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

/** A chain of revisions r0 -> r1 -> ..., each with its upgrade body; returns the project folder. */
function chain(...upgrades: string[]): { root: string; sources: string[] } {
  const sources = upgrades.map((upgrade, index) =>
    revisionFile({ revision: `r${index}`, down: index === 0 ? null : `r${index - 1}`, upgrade }),
  );
  const files = Object.fromEntries(sources.map((source, index) => [`versions/r${index}.py`, source]));
  return { root: writeProject(files), sources };
}

const ADD_STATUS = 'op.add_column("users", sa.Column("status", sa.Text(), nullable=True))';
const FILL_NULL_STATUS = `op.execute("UPDATE users SET status = 'active' WHERE status IS NULL")`;

describe("unbatched-backfill of a column just added", () => {
  it("unbatched-backfill fires for WHERE c IS NULL on a column added earlier in the same revision", async () => {
    const { source, findings } = await analyse(`${ADD_STATUS}\n${FILL_NULL_STATUS}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "UPDATE users"),
      severity: "warning",
      message:
        'UPDATE ... WHERE status IS NULL touches every row of table "users" in one statement, because "status" was ' +
        "added earlier in this revision: every existing row is NULL (UPDATE users SET status = 'active' WHERE status " +
        "IS NULL)",
    });
    expect(findings[0]?.hint).toContain(
      "UPDATE users SET ... WHERE id IN (SELECT id FROM users WHERE status IS NULL LIMIT 5000)",
    );
  });

  it("unbatched-backfill fires for a column added by one of the three revisions before, naming it", async () => {
    const { root } = chain(ADD_STATUS, "pass", "pass", FILL_NULL_STATUS);
    const findings = findingsOf((await check(root)).report, RULE);
    // Across a deploy something outside the migrations may have filled the column: the message says so.
    expect(findings.map((finding) => [finding.revision, finding.message.split(" (")[0]])).toEqual([
      [
        "r3",
        'UPDATE ... WHERE status IS NULL is likely to touch every row of table "users" in one statement, since ' +
          '"status" was added in revision "r0" without a default: every existing row is NULL unless something ' +
          "outside the migrations filled it since",
      ],
    ]);
  });

  it("unbatched-backfill fires for every column of a conjunction of NULL tests, and for DELETE", async () => {
    const { findings } = await analyse(`
op.add_column("users", sa.Column("a", sa.Text()))
op.add_column("users", sa.Column("b", sa.Text()))
op.execute("UPDATE users u SET a = 'x', b = 'y' WHERE a IS NULL AND u.b IS NULL")
op.add_column("sessions", sa.Column("owner", sa.Integer()))
op.execute("DELETE FROM sessions WHERE owner IS NULL")
`);
    expect(findings.map((finding) => finding.message.split(" (")[0])).toEqual([
      'UPDATE ... WHERE a IS NULL AND b IS NULL touches every row of table "users" in one statement, because "a" ' +
        'was added earlier in this revision; "b" was added earlier in this revision: every existing row is NULL',
      'DELETE ... WHERE owner IS NULL touches every row of table "sessions" in one statement, because "owner" was ' +
        "added earlier in this revision: every existing row is NULL",
    ]);
  });

  it("unbatched-backfill fires for SQLAlchemy core updates that test the new column for None", async () => {
    const { findings } = await analyse(`
${ADD_STATUS}
op.add_column("accounts", sa.Column("plan", sa.Text()))
op.add_column("accounts", sa.Column("status", sa.Text()))
users = sa.table("users", sa.column("status", sa.Text))
accounts = sa.table("accounts", sa.column("status", sa.Text), sa.column("plan", sa.Text))
op.execute(users.update().where(users.c.status.is_(None)).values(status="active"))
op.execute(sa.update(accounts).where(sa.and_(accounts.c["plan"] == None, accounts.c.status.is_(sa.null()))).values(plan="free"))
`);
    expect(findings.map((finding) => finding.message.split(" touches")[0])).toEqual([
      "UPDATE ... WHERE status IS NULL",
      "UPDATE ... WHERE plan IS NULL AND status IS NULL",
    ]);
  });

  it("unbatched-backfill fires for WHERE c IS NULL on MySQL with a LIMIT loop hint", async () => {
    const { findings } = await analyse(
      `op.execute("ALTER TABLE users ADD COLUMN status varchar(20)")\n${FILL_NULL_STATUS}`,
      { dialect: "mysql" },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.hint).toContain("UPDATE users SET ... WHERE status IS NULL LIMIT 5000");
  });

  it("unbatched-backfill fires for a column added earlier in the release under review", async () => {
    const { root } = chain("pass", ADD_STATUS, "pass", "pass", "pass", FILL_NULL_STATUS);
    const findings = findingsOf((await check(root, { releaseAfter: "r0" })).report, RULE);
    expect(findings.map((finding) => finding.revision)).toEqual(["r5"]);
    // One release: nothing outside the migrations runs between its revisions, so the column is surely NULL.
    expect(findings[0]?.message).toContain(
      'touches every row of table "users" in one statement, because "status" was added in revision "r1": every ' +
        "existing row is NULL",
    );
    const unreleased = findingsOf((await check(root)).report, RULE);
    expect(unreleased).toEqual([]);
  });

  it("unbatched-backfill stays silent for WHERE c IS NULL when the column is older, had a default or was filled", async () => {
    const older = chain(ADD_STATUS, "pass", "pass", "pass", FILL_NULL_STATUS);
    expect(findingsOf((await check(older.root)).report, RULE)).toEqual([]);
    const { findings } = await analyse(`
op.add_column("users", sa.Column("tier", sa.Text(), server_default="free"))
op.execute("UPDATE users SET tier = 'gold' WHERE tier IS NULL")
op.add_column("users", sa.Column("kind", sa.Text(), nullable=False, server_default="a"))
op.execute("UPDATE users SET kind = 'b' WHERE kind IS NULL")
`);
    expect(findings).toEqual([]);
    const filled = chain(
      ADD_STATUS,
      `
conn = op.get_bind()
for low in range(0, 1000000, 5000):
    conn.execute(sa.text("UPDATE users SET status = 'active' WHERE id >= :low AND id < :low + 5000"), {"low": low})
`,
      FILL_NULL_STATUS,
    );
    expect(findingsOf((await check(filled.root)).report, RULE)).toEqual([]);
  });

  it("unbatched-backfill stays silent for WHERE c IS NULL with other conditions, limits, joins or loops", async () => {
    const { findings } = await analyse(`
${ADD_STATUS}
op.execute("UPDATE users SET status = 'a' WHERE status IS NULL AND id < 1000")
op.execute("UPDATE users SET status = 'a' WHERE status IS NULL OR status = ''")
op.execute("UPDATE users SET status = o.status FROM orgs o WHERE users.status IS NULL")
op.execute("UPDATE users SET status = 'a' WHERE other.status IS NULL")
users = sa.table("users", sa.column("status", sa.Text), sa.column("id", sa.Integer))
op.execute(users.update().where(users.c.status.is_(None)).where(users.c.id < 1000).values(status="a"))
while op.get_bind().execute(sa.text("UPDATE users SET status = 'a' WHERE status IS NULL")).rowcount:
    pass
`);
    expect(findings).toEqual([]);
    const mysql = await analyse(
      `${ADD_STATUS}\nop.execute("UPDATE users SET status = 'a' WHERE status IS NULL LIMIT 1000")`,
      { dialect: "mysql" },
    );
    expect(mysql.findings).toEqual([]);
  });

  it("unbatched-backfill stays silent for WHERE c IS NULL on a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("stats", sa.Column("id", sa.BigInteger(), primary_key=True))
op.add_column("stats", sa.Column("label", sa.Text()))
op.execute("UPDATE stats SET label = 'x' WHERE label IS NULL")
`);
    expect(findings).toEqual([]);
  });
});

describe("unbatched-backfill in loops and copies", () => {
  it("unbatched-backfill fires in a loop over a list the source writes out: each pass updates every row", async () => {
    const { source, findings } = await analyse(`
for table_name, column_name in (("alarm", "state_timestamp"), ("event", "generated")):
    t = sa.sql.table(table_name, sa.Column(column_name, sa.Numeric(20, 6)))
    op.execute(t.update().values(**{column_name: 0}))
`);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('touches every row of table "alarm"'),
      expect.stringContaining('touches every row of table "event"'),
    ]);
    expect(findings[0]).toMatchObject(locate(source, "op.execute(t.update()"));
  });

  it("unbatched-backfill stays silent in a loop over rows read at run time", async () => {
    const { findings } = await analyse(`
conn = op.get_bind()
for row in conn.execute(sa.text("SELECT id FROM accounts")):
    conn.execute(sa.text("UPDATE accounts SET flag = true WHERE id = :id"), {"id": row.id})
`);
    expect(findings).toEqual([]);
  });

  it("unbatched-backfill stays silent for an ORM query delete filtered after a line continuation", async () => {
    const { findings } = await analyse(`
session = sa.orm.Session(bind=op.get_bind())
for kind in ["passwd", "ldap"]:
    session.query(Config).\\
        filter(Config.Key.like("resolver." + kind + ".%")).\\
        delete(synchronize_session=False)
`);
    expect(findings).toEqual([]);
  });

  it("unbatched-backfill stays silent for a core INSERT ... SELECT whose query has a WHERE", async () => {
    const { findings } = await analyse(`
token = sa.sql.table("token", sa.sql.column("id"), sa.sql.column("tokentype"))
info = sa.sql.table("tokeninfo", sa.sql.column("token_id"), sa.sql.column("Key"))
stmt = sa.insert(info).from_select(
    ["token_id", "Key"],
    sa.select(token.c.id, sa.literal("kind")).where(token.c.tokentype == "u2f"),
)
op.get_bind().execute(stmt)
`);
    expect(findings).toEqual([]);
  });
});

describe("unbatched-backfill of a core INSERT ... SELECT held in a variable", () => {
  it("unbatched-backfill stays silent when from_select is given a filtered query by name", async () => {
    const { findings } = await analyse(`
token = sa.sql.table("token", sa.sql.column("id"), sa.sql.column("tokentype"))
info = sa.sql.table("tokeninfo", sa.sql.column("token_id"), sa.sql.column("Key"))
u2f_tokens = sa.select(token.c.id, sa.literal("kind")).where(token.c.tokentype == "u2f")
stmt = sa.insert(info).from_select(["token_id", "Key"], u2f_tokens)
op.get_bind().execute(stmt)
`);
    expect(findings).toEqual([]);
  });
});
