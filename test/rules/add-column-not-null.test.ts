import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "add-column-not-null";

/** One revision `a1` in versions/, analysed; returns its source and the findings of this rule. */
async function analyse(upgrade: string, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root);
  return { source, findings: findingsOf(report, RULE) };
}

describe("add-column-not-null", () => {
  it("add-column-not-null fires for op.add_column with nullable=False", async () => {
    const { source, findings } = await analyse(
      'op.add_column("users", sa.Column("email", sa.String(255), nullable=False))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, 'op.add_column("users"'),
      severity: "error",
      file: "versions/a1.py",
      revision: "a1",
      message: 'column "email" is added to existing table "users" as NOT NULL without a server default',
    });
    expect(findings[0]?.hint).toContain('op.add_column("users", sa.Column("email", ..., nullable=True))');
  });

  it("add-column-not-null fires for python-side default only", async () => {
    const { source, findings } = await analyse(
      'op.add_column("users", sa.Column("status", sa.String(20), nullable=False, default="active"))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.add_column"), severity: "error" });
    expect(findings[0]?.message).toContain('column "status" is added to existing table "users"');
    expect(findings[0]?.message).toContain('python-side default="active" does not help');
  });

  it("add-column-not-null on MySQL says what MySQL gives existing rows, and that other writers get nothing", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: 'op.add_column("member", sa.Column("backup", sa.Boolean(), nullable=False, default=False))',
    });
    const { report } = await check(writeProject({ "versions/a1.py": source }), { dialect: "mysql" });
    const [finding] = findingsOf(report, RULE);
    expect(finding?.message).toContain("the database never sees it, so other writers get no value (MySQL fills");
    expect(finding?.message).not.toContain("existing rows and other writers get no value");
  });

  it("add-column-not-null fires for raw SQL ADD COLUMN ... NOT NULL in op.execute", async () => {
    const { source, findings } = await analyse('op.execute("ALTER TABLE users ADD COLUMN email text NOT NULL")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "ALTER TABLE users ADD COLUMN email"),
      severity: "error",
      message: 'column "email" is added to existing table "users" as NOT NULL without a server default',
    });
  });

  it("add-column-not-null fires for batch_op.add_column in batch_alter_table", async () => {
    const { source, findings } = await analyse(`
with op.batch_alter_table("users") as batch_op:
    batch_op.add_column(sa.Column("is_admin", sa.Boolean(), nullable=False))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "batch_op.add_column"),
      severity: "error",
      message: 'column "is_admin" is added to existing table "users" as NOT NULL without a server default',
    });
  });

  it("add-column-not-null fires for an explicit server_default=None", async () => {
    const { source, findings } = await analyse(
      'op.add_column("users", sa.Column("score", sa.Integer(), nullable=False, server_default=None))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.add_column"), severity: "error" });
    expect(findings[0]?.message).toContain('column "score"');
  });

  it("add-column-not-null fires for a server default the same revision removes again", async () => {
    // The default only filled the existing rows: the old release's inserts leave the column out and then fail.
    const { source, findings } = await analyse(`
op.add_column("events", sa.Column("is_locked", sa.Boolean(), nullable=False, server_default="false"))
op.alter_column("events", "is_locked", server_default=None)
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "op.add_column").line]);
    expect(findings[0]?.message).toBe(
      'column "is_locked" is added to existing table "events" as NOT NULL with a server default that this ' +
        "revision removes again: the existing rows are filled, but inserts by the release still running, which " +
        "leave the column out, fail once the default is gone",
    );
    expect(findings[0]?.hint).toContain('op.alter_column("events", "is_locked", server_default=None)');
  });

  it("add-column-not-null stays silent when the removed default is given back or the column goes again", async () => {
    const { findings } = await analyse(`
op.add_column("events", sa.Column("is_locked", sa.Boolean(), nullable=False, server_default="false"))
op.alter_column("events", "is_locked", server_default=None)
op.alter_column("events", "is_locked", server_default=sa.text("false"))
op.add_column("events", sa.Column("scratch", sa.Integer(), nullable=False, server_default="0"))
op.alter_column("events", "scratch", server_default=None)
op.drop_column("events", "scratch")
`);
    expect(findings).toEqual([]);
  });

  it("add-column-not-null fires for a primary key column added to an existing table", async () => {
    const { source, findings } = await analyse(
      'op.add_column("users", sa.Column("uid", sa.String(36), primary_key=True))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.add_column"), severity: "error" });
    expect(findings[0]?.message).toContain('column "uid" is added to existing table "users"');
  });

  it("add-column-not-null stays silent for an integer primary key, which Alembic adds as SERIAL NOT NULL", async () => {
    const { findings } = await analyse('op.add_column("users", sa.Column("uid", sa.Integer(), primary_key=True))');
    expect(findings).toEqual([]);
  });

  it("add-column-not-null fires with the schema in the message", async () => {
    const { source, findings } = await analyse(
      'op.add_column("invoices", sa.Column("total", sa.Numeric(), nullable=False), schema="billing")',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.add_column"), severity: "error" });
    expect(findings[0]?.message).toContain('existing table "billing.invoices"');
    expect(findings[0]?.hint).toContain('schema="billing"');
  });

  it("add-column-not-null fires once per table of a loop over a literal list", async () => {
    const { source, findings } = await analyse(`
for table in ["users", "orders"]:
    op.add_column(table, sa.Column("tenant_id", sa.Integer(), nullable=False))
`);
    const at = locate(source, "op.add_column(table");
    expect(findings.map((finding) => [finding.line, finding.column, finding.message])).toEqual([
      [
        at.line,
        at.column,
        'column "tenant_id" is added to existing table "orders" as NOT NULL without a server default',
      ],
      [
        at.line,
        at.column,
        'column "tenant_id" is added to existing table "users" as NOT NULL without a server default',
      ],
    ]);
  });

  it("add-column-not-null fires for a table created by an earlier revision", async () => {
    const first = revisionFile({
      revision: "a1",
      upgrade: 'op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))',
    });
    const second = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: 'op.add_column("teams", sa.Column("slug", sa.String(50), nullable=False))',
    });
    const root = writeProject({ "versions/a1.py": first, "versions/b2.py": second });
    const findings = findingsOf((await check(root)).report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "versions/b2.py", revision: "b2", ...locate(second, "op.add_column") });
    expect(findings[0]?.message).toContain('column "slug" is added to existing table "teams"');
  });

  it("add-column-not-null stays silent for a nullable column", async () => {
    const { findings } = await analyse(`
op.add_column("users", sa.Column("nickname", sa.String(50)))
op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))
op.execute("ALTER TABLE users ADD COLUMN phone text")
`);
    expect(findings).toEqual([]);
  });

  it("add-column-not-null stays silent for a string server_default", async () => {
    const { findings } = await analyse(`
op.add_column("users", sa.Column("status", sa.String(20), nullable=False, server_default="active"))
with op.batch_alter_table("users") as batch_op:
    batch_op.add_column(sa.Column("locale", sa.String(5), nullable=False, server_default="en"))
`);
    expect(findings).toEqual([]);
  });

  it("add-column-not-null stays silent for a sa.text(...) server_default", async () => {
    const { findings } = await analyse(`
op.add_column("users", sa.Column("created_at", sa.DateTime(), nullable=False, server_default=sa.text("now()")))
op.add_column("users", sa.Column("flags", sa.Integer(), nullable=False, server_default=sa.text("0")))
`);
    expect(findings).toEqual([]);
  });

  it("add-column-not-null stays silent for a SQL DEFAULT", async () => {
    const { findings } = await analyse(`
op.execute("ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active'")
op.execute("ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()")
`);
    expect(findings).toEqual([]);
  });

  it("add-column-not-null stays silent for generated columns (serial, identity, stored)", async () => {
    const { findings } = await analyse(`
op.execute("ALTER TABLE users ADD COLUMN seq bigserial NOT NULL")
op.add_column("users", sa.Column("num", sa.Integer(), sa.Identity(), nullable=False))
op.add_column("users", sa.Column("total", sa.Integer(), sa.Computed("a + b"), nullable=False))
`);
    expect(findings).toEqual([]);
  });

  it("add-column-not-null stays silent for a column of a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))
op.add_column("teams", sa.Column("slug", sa.String(50), nullable=False))
op.add_column("TEAMS", sa.Column("name", sa.String(50), nullable=False))
`);
    expect(findings).toEqual([]);
  });

  it("add-column-not-null stays silent for a column of a table created by raw CREATE TABLE in the same revision", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE teams (id bigint PRIMARY KEY)")
op.execute("ALTER TABLE teams ADD COLUMN slug text NOT NULL")
op.add_column("teams", sa.Column("name", sa.String(50), nullable=False))
`);
    expect(findings).toEqual([]);
  });

  it("add-column-not-null stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      "pass",
      `
op.add_column("users", sa.Column("legacy", sa.String(20), nullable=False))
op.execute("ALTER TABLE users ADD COLUMN old_flag boolean NOT NULL")
`,
    );
    expect(findings).toEqual([]);
  });
});
