import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "ddl-with-backfill";

async function analyse(upgrade: string, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root);
  return { source, findings: findingsOf(report, RULE) };
}

describe("ddl-with-backfill", () => {
  it("ddl-with-backfill fires for add_column followed by an UPDATE in raw SQL", async () => {
    const { source, findings } = await analyse(`
op.add_column("users", sa.Column("status", sa.String(20), nullable=True))
op.execute("UPDATE users SET status = 'active'")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "UPDATE users"),
      severity: "error",
      revision: "a1",
    });
    expect(findings[0]?.message).toBe(
      `revision "a1" backfills existing rows (UPDATE users SET status = 'active') and also changes the schema ` +
        `(line ${locate(source, "op.add_column").line}: op.add_column("users", sa.Column("status", sa.String(20),…)`,
    );
  });

  it("ddl-with-backfill asks for the data change before the revision when it prepares the schema change", async () => {
    const before = await analyse(`
op.execute("UPDATE load_balancer SET flavor_id = NULL WHERE flavor_id NOT IN (SELECT id FROM flavor)")
op.create_foreign_key("fk_lb_flavor", "load_balancer", "flavor", ["flavor_id"], ["id"])
`);
    expect(before.findings.map((finding) => finding.hint)).toEqual([
      expect.stringMatching(/^Move the data change into its own revision before this one .*finds the rows ready/),
    ]);
    const after = await analyse(`
op.add_column("users", sa.Column("status", sa.String(20), nullable=True))
op.execute("UPDATE users SET status = 'active'")
`);
    expect(after.findings.map((finding) => finding.hint)).toEqual([
      expect.stringMatching(/^Move the data change into its own revision after this one/),
    ]);
  });

  it("ddl-with-backfill pairs a backfill only with schema changes that run on the same database", async () => {
    // SQLite fills the column by hand; every other database gets it from a server default.
    const { findings } = await analyse(`
if op.get_bind().dialect.name == "sqlite":
    op.execute("UPDATE orders SET status = 'new' WHERE status IS NULL")
else:
    op.alter_column("orders", "status", server_default="new")
`);
    expect(findings).toEqual([]);
    // A backfill under no such test runs with the branch's schema change.
    const { source, findings: both } = await analyse(`
if op.get_bind().dialect.name == "postgresql":
    op.add_column("orders", sa.Column("note", sa.Text(), nullable=True))
op.execute("UPDATE orders SET status = 'new' WHERE status IS NULL")
`);
    expect(both.map((finding) => finding.line)).toEqual([locate(source, "UPDATE orders").line]);
  });

  it("ddl-with-backfill fires for a batched-looking UPDATE with WHERE next to DDL", async () => {
    const { source, findings } = await analyse(`
op.execute("UPDATE users SET status = 'active' WHERE status IS NULL")
op.create_index("ix_users_status", "users", ["status"])
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "UPDATE users"), severity: "error" });
    expect(findings[0]?.message).toContain(`(line ${locate(source, "op.create_index").line}: op.create_index(`);
  });

  it("ddl-with-backfill fires for a core update through the connection in a batch_alter_table revision", async () => {
    const { source, findings } = await analyse(`
with op.batch_alter_table("users") as batch_op:
    batch_op.add_column(sa.Column("plan", sa.String(20), nullable=True))
users = sa.table("users", sa.column("plan", sa.String))
conn = op.get_bind()
conn.execute(users.update().values(plan="free"))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "conn.execute(users.update()"), severity: "error" });
    expect(findings[0]?.message).toContain('users.update().values(plan="free")');
    expect(findings[0]?.message).toContain(`line ${locate(source, "batch_op.add_column").line}: batch_op.add_column(`);
  });

  it("ddl-with-backfill fires for a DELETE next to a dropped column", async () => {
    const { source, findings } = await analyse(`
op.execute("DELETE FROM sessions WHERE expired")
op.drop_column("sessions", "legacy_token")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "DELETE FROM sessions"), severity: "error" });
    expect(findings[0]?.message).toContain("DELETE FROM sessions WHERE expired");
  });

  it("ddl-with-backfill fires for INSERT ... SELECT into an existing table next to DDL", async () => {
    const { source, findings } = await analyse(`
op.create_table("user_archive_log", sa.Column("id", sa.Integer(), primary_key=True))
op.execute("INSERT INTO users_archive SELECT * FROM users WHERE deleted")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "INSERT INTO users_archive"), severity: "error" });
  });

  it("ddl-with-backfill stays silent for seed INSERT into a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("countries", sa.Column("code", sa.String(2), primary_key=True), sa.Column("name", sa.Text()))
op.execute("INSERT INTO countries (code, name) VALUES ('FR', 'France'), ('DE', 'Germany')")
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for seed INSERT into a table created by raw CREATE TABLE", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE IF NOT EXISTS plans (id int PRIMARY KEY, name text NOT NULL)")
op.execute("INSERT INTO plans (id, name) VALUES (1, 'free'), (2, 'pro')")
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for bulk_insert into a table created in the same revision", async () => {
    const { findings } = await analyse(`
roles = op.create_table("roles", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
op.bulk_insert(roles, [{"id": 1, "name": "admin"}, {"id": 2, "name": "member"}])
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for bulk_insert through sa.table into a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("roles", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
roles = sa.table("roles", sa.column("id", sa.Integer), sa.column("name", sa.Text))
op.bulk_insert(roles, [{"id": 1, "name": "admin"}])
op.execute(roles.insert().values(id=2, name="member"))
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for a seed sa.insert(table) into a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("roles", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
roles = sa.table("roles", sa.column("id", sa.Integer), sa.column("name", sa.Text))
op.execute(sa.insert(roles).values(id=1, name="admin"))
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for an UPDATE of NULLs in a column just added with a server default", async () => {
    // Every existing row took the default: WHERE template_source IS NULL selects nothing.
    const { findings } = await analyse(`
op.add_column("vnfd", sa.Column("template_source", sa.String(36), server_default="onboarded"))
op.execute("UPDATE vnfd SET template_source = 'onboarded' WHERE template_source IS NULL")
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill fires for an UPDATE of NULLs when the column has no default or rows were written since", async () => {
    const plain = await analyse(`
op.add_column("vnfd", sa.Column("template_source", sa.String(36)))
op.execute("UPDATE vnfd SET template_source = 'onboarded' WHERE template_source IS NULL")
`);
    expect(plain.findings.map((finding) => finding.line)).toEqual([locate(plain.source, "UPDATE vnfd").line]);
    // The seed row holds NULL: the UPDATE selects it.
    const seeded = await analyse(`
op.add_column("vnf", sa.Column("status", sa.String(36), server_default="active"))
op.execute("INSERT INTO vnf (id, status) VALUES (1, NULL)")
op.execute("UPDATE vnf SET status = 'active' WHERE status IS NULL")
`);
    expect(seeded.findings.map((finding) => finding.line)).toEqual([locate(seeded.source, "UPDATE vnf").line]);
  });

  it("ddl-with-backfill stays silent when the only schema change is on the migration's temporary table", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TEMPORARY TABLE merge_map AS SELECT id AS current_user_id, merged_into_id FROM users WHERE is_merged")
op.execute("CREATE INDEX ix_merge_map_current_user_id ON merge_map (current_user_id)")
op.execute("UPDATE registrations r SET user_id = m.merged_into_id FROM merge_map m WHERE r.user_id = m.current_user_id")
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for a revision that only changes data", async () => {
    const { findings } = await analyse(`
conn = op.get_bind()
while conn.execute(sa.text("UPDATE users SET status = 'active' WHERE id IN (SELECT id FROM users WHERE status IS NULL LIMIT 1000)")).rowcount:
    pass
op.execute("DELETE FROM sessions WHERE expired")
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for schema changes next to SET, COMMENT, SELECT and ANALYZE", async () => {
    const { findings } = await analyse(`
op.execute("SET LOCAL lock_timeout = '5s'")
op.add_column("users", sa.Column("status", sa.String(20), nullable=True))
op.execute("COMMENT ON COLUMN users.status IS 'lifecycle'")
op.execute("SELECT count(*) FROM users")
op.execute("ANALYZE users")
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for a backfill in downgrade()", async () => {
    const { findings } = await analyse(
      'op.add_column("users", sa.Column("status", sa.String(20), nullable=True))',
      `
op.execute("UPDATE users SET legacy_status = status")
op.drop_column("users", "status")
`,
    );
    expect(findings).toEqual([]);
  });
});

describe("ddl-with-backfill on many statements", () => {
  it("ddl-with-backfill passes over thousands of backfills committed before the DDL and finds the one after it", async () => {
    const count = 5_000;
    const committed = Array.from({ length: count }, (_, n) => `op.execute("UPDATE big SET c = ${n} WHERE id < ${n}")`);
    const ddl = Array.from({ length: count }, (_, n) => `op.add_column("big", sa.Column("c${n}", sa.Integer()))`);
    const { source, findings } = await analyse(
      [
        ...committed,
        // autocommit_block() commits the backfills before it: they hold no lock the DDL takes.
        "with op.get_context().autocommit_block():",
        '    op.execute("SELECT 1")',
        ...ddl,
        'op.execute("UPDATE big SET c = -1 WHERE id < 0")',
      ].join("\n"),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "UPDATE big SET c = -1"), severity: "error" });
    expect(findings[0]?.message).toBe(
      'revision "a1" backfills existing rows (UPDATE big SET c = -1 WHERE id < 0) and also changes the schema ' +
        `(line ${locate(source, 'op.add_column("big", sa.Column("c0"').line}: op.add_column("big", sa.Column("c0", ` +
        "sa.Integer())))",
    );
  });
});

describe("ddl-with-backfill through ORM objects", () => {
  it("ddl-with-backfill fires for a column filled by setting it on every row a session query returns", async () => {
    const { source, findings } = await analyse(`
op.add_column("api_tokens", sa.Column("scopes", sa.JSON(), nullable=True))
db = Session(bind=op.get_bind())
for token in db.query(orm.APIToken):
    token.scopes = list(roles_to_scopes(token.roles))
db.commit()
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, "token.scopes = "));
    expect(findings[0]?.message).toContain("backfills existing rows (token.scopes = ");
  });

  it("ddl-with-backfill fires for a loop over the rows of a session query held in a variable", async () => {
    const { source, findings } = await analyse(`
op.add_column("shops", sa.Column("yearly_fee", sa.Integer(), nullable=True))
session = Session(bind=op.get_bind())
shops = session.query(Shop).all()
for shop in shops:
    shop.yearly_fee = settings.DEFAULT_FEE
session.commit()
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, "shop.yearly_fee = "));
  });

  it("ddl-with-backfill stays silent for a loop over rows that a variable holds from something else than a query", async () => {
    const { findings } = await analyse(`
op.add_column("shops", sa.Column("yearly_fee", sa.Integer(), nullable=True))
session = Session(bind=op.get_bind())
shops = load_fixture_shops()
for shop in shops:
    shop.yearly_fee = settings.DEFAULT_FEE
`);
    expect(findings).toEqual([]);
  });

  it("ddl-with-backfill stays silent for a session query loop that only reads its rows", async () => {
    const { findings } = await analyse(`
op.add_column("api_tokens", sa.Column("scopes", sa.JSON(), nullable=True))
db = Session(bind=op.get_bind())
for token in db.query(orm.APIToken):
    scopes = list(roles_to_scopes(token.roles))
    log.info("token %s has %s", token.id, scopes)
`);
    expect(findings).toEqual([]);
  });
});
