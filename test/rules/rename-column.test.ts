import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "rename-column";

async function analyse(upgrade: string, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root);
  return { source, findings: findingsOf(report, RULE) };
}

describe("rename-column", () => {
  it("rename-column fires for op.alter_column with new_column_name", async () => {
    const { source, findings } = await analyse('op.alter_column("users", "name", new_column_name="full_name")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.alter_column"),
      severity: "error",
      revision: "a1",
      message:
        'column "name" of table "users" is renamed to "full_name": code still using "name" fails until every ' +
        'instance runs the new release; PostgreSQL takes ACCESS EXCLUSIVE on "users" for an instant',
    });
    expect(findings[0]?.hint).toContain('op.add_column("users", sa.Column("full_name", ...))');
  });

  it("rename-column fires on a table renamed earlier in the revision, saying a view under the old name would not help", async () => {
    const { source, findings } = await analyse(
      [
        'op.rename_table("alert_queue", "notification_queue")',
        'op.alter_column("notification_queue", "alert_policy_id", new_column_name="policy_id")',
      ].join("\n"),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, 'op.alter_column("notification_queue"'));
    expect(findings[0]?.message).toBe(
      'column "alert_policy_id" of table "notification_queue" is renamed to "policy_id": code still using ' +
        '"alert_policy_id" fails until every instance runs the new release, and a view that keeps the table\'s old ' +
        'name "alert_queue" (renamed earlier in this revision) would not keep "alert_policy_id" either; PostgreSQL ' +
        'takes ACCESS EXCLUSIVE on "notification_queue" for an instant',
    );
  });

  it("rename-column says nothing of a view when the table was renamed on another path of the revision", async () => {
    const { findings } = await analyse(
      [
        "if op.get_bind().dialect.name == 'sqlite':",
        '    op.rename_table("alert_queue", "notification_queue")',
        'op.alter_column("notification_queue", "alert_policy_id", new_column_name="policy_id")',
      ].join("\n"),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).not.toContain("view");
  });

  it("rename-column fires for raw SQL RENAME COLUMN", async () => {
    const { source, findings } = await analyse('op.execute("ALTER TABLE users RENAME COLUMN mail TO email")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "ALTER TABLE users RENAME"),
      severity: "error",
      message:
        'column "mail" of table "users" is renamed to "email": code still using "mail" fails until every ' +
        'instance runs the new release; PostgreSQL takes ACCESS EXCLUSIVE on "users" for an instant',
    });
  });

  it("rename-column fires for batch_op.alter_column with new_column_name", async () => {
    const { source, findings } = await analyse(`
with op.batch_alter_table("users") as batch_op:
    batch_op.alter_column("nick", new_column_name="handle", existing_type=sa.String(50))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "batch_op.alter_column"), severity: "error" });
    expect(findings[0]?.message).toContain('column "nick" of table "users" is renamed to "handle"');
  });

  it("rename-column fires with the schema in the message", async () => {
    const { source, findings } = await analyse(
      'op.alter_column("invoices", "amt", new_column_name="amount", schema="billing")',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.alter_column"), severity: "error" });
    expect(findings[0]?.message).toContain('column "amt" of table "billing.invoices" is renamed to "amount"');
    expect(findings[0]?.hint).toContain('schema="billing"');
  });

  it("rename-column stays silent for a column of a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("drafts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("titel", sa.Text()))
op.alter_column("drafts", "titel", new_column_name="title")
`);
    expect(findings).toEqual([]);
  });

  it("rename-column stays silent for a column of a table created by raw CREATE TABLE in the same revision", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE notes (id int PRIMARY KEY, bdy text)")
op.execute("ALTER TABLE notes RENAME COLUMN bdy TO body")
`);
    expect(findings).toEqual([]);
  });

  it("rename-column stays silent for renaming an index or a constraint", async () => {
    const { findings } = await analyse(`
op.execute("ALTER INDEX ix_users_mail RENAME TO ix_users_email")
op.execute("ALTER TABLE users RENAME CONSTRAINT users_mail_key TO users_email_key")
`);
    expect(findings).toEqual([]);
  });

  it("rename-column stays silent for alter_column without new_column_name", async () => {
    const { findings } = await analyse(`
op.alter_column("users", "name", existing_type=sa.String(50), comment="display name")
op.alter_column("users", "name", existing_type=sa.String(50), nullable=True)
`);
    expect(findings).toEqual([]);
  });

  it("rename-column stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      "pass",
      `
op.alter_column("users", "full_name", new_column_name="name")
op.execute("ALTER TABLE users RENAME COLUMN email TO mail")
`,
    );
    expect(findings).toEqual([]);
  });
});

describe("rename-column after a rebuild on another database's path", () => {
  it("rename-column fires after an early return from SQLite's rebuild: the other databases rename in place", async () => {
    const { source, findings } = await analyse(`
bind = op.get_bind()
if bind.engine.name == "sqlite":
    op.execute("CREATE TABLE tmp_leases AS SELECT id, tenant_id AS project_id FROM leases")
    op.execute("DROP TABLE leases")
    op.execute("ALTER TABLE tmp_leases RENAME TO leases")
    return
op.alter_column("leases", "tenant_id", new_column_name="project_id", existing_type=sa.String(255))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, "op.alter_column"));
    expect(findings[0]?.message).toContain('column "tenant_id" of table "leases" is renamed to "project_id"');
  });

  it("rename-column stays silent inside the rebuild's own path, where the table is the new copy", async () => {
    const { findings } = await analyse(`
if op.get_bind().engine.name == "sqlite":
    op.execute("CREATE TABLE tmp_leases AS SELECT id, tenant_id FROM leases")
    op.execute("DROP TABLE leases")
    op.execute("ALTER TABLE tmp_leases RENAME TO leases")
    op.alter_column("leases", "tenant_id", new_column_name="project_id")
`);
    expect(findings).toEqual([]);
  });
});

describe("rename-column of a column the revision added", () => {
  it("rename-column stays silent for a column added and then renamed with a new type in one revision", async () => {
    const { findings } = await analyse(`
op.add_column("alarm", sa.Column("reason_tmp", sa.Text(), nullable=True))
op.alter_column("alarm", "reason_tmp", new_column_name="reason", type_=sa.String(255), existing_type=sa.Text())
`);
    expect(findings).toEqual([]);
  });
});

describe("rename-column after a rebuild guarded for one database", () => {
  it("rename-column fires for top-level code after `if sqlite:` rebuilt the table: elsewhere it is the old table", async () => {
    const base = revisionFile({
      revision: "a1",
      upgrade:
        'op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("note", sa.Text()))',
    });
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: `
if op.get_bind().dialect.name == "sqlite":
    op.drop_table("audit")
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("note", sa.Text()))
op.alter_column("audit", "note", new_column_name="body")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": base, "versions/b2.py": source }));
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, 'op.alter_column("audit"'));
  });
});
