import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "drop-column";

async function analyse(upgrade: string, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root);
  return { source, findings: findingsOf(report, RULE) };
}

describe("drop-column", () => {
  it("drop-column fires for op.drop_column", async () => {
    const { source, findings } = await analyse('op.drop_column("users", "legacy_flag")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.drop_column"),
      severity: "warning",
      revision: "a1",
      message:
        'column "legacy_flag" is dropped from table "users": any running code that still maps it fails, and its data ' +
        'is lost; PostgreSQL takes ACCESS EXCLUSIVE on "users" (a catalog change, but every query on the table ' +
        "queues behind it)",
    });
  });

  it("drop-column names no PostgreSQL lock on MySQL", async () => {
    const source = revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "legacy_flag")' });
    const { report } = await check(writeProject({ "versions/a1.py": source }), { dialect: "mysql" });
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'column "legacy_flag" is dropped from table "users": any running code that still maps it fails, and its data is lost',
    );
  });

  it("drop-column fires for raw SQL DROP COLUMN, even with IF EXISTS", async () => {
    const { source, findings } = await analyse(`
op.execute("ALTER TABLE users DROP COLUMN nickname")
op.execute("ALTER TABLE users DROP COLUMN IF EXISTS fax")
`);
    expect(findings.map((finding) => [finding.line, finding.column, finding.severity, finding.message])).toEqual([
      [
        locate(source, "ALTER TABLE users DROP COLUMN nickname").line,
        locate(source, "ALTER TABLE users DROP COLUMN nickname").column,
        "warning",
        expect.stringMatching(/^column "nickname" is dropped from table "users": .*ACCESS EXCLUSIVE on "users"/),
      ],
      [
        locate(source, "ALTER TABLE users DROP COLUMN IF EXISTS").line,
        locate(source, "ALTER TABLE users DROP COLUMN IF EXISTS").column,
        "warning",
        expect.stringMatching(/^column "fax" is dropped from table "users": .*ACCESS EXCLUSIVE on "users"/),
      ],
    ]);
  });

  it("drop-column fires for batch_op.drop_column", async () => {
    const { source, findings } = await analyse(`
with op.batch_alter_table("accounts") as batch_op:
    batch_op.drop_column("pager")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "batch_op.drop_column"), severity: "warning" });
    expect(findings[0]?.message).toContain('column "pager" is dropped from table "accounts"');
  });

  it("drop-column fires with the schema of the table in the message", async () => {
    const { source, findings } = await analyse('op.drop_column("invoices", "legacy_total", schema="billing")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.drop_column"), severity: "warning" });
    expect(findings[0]?.message).toContain('column "legacy_total" is dropped from table "billing.invoices"');
  });

  it("drop-column fires for a drop inside a dialect branch", async () => {
    const { source, findings } = await analyse(`
if op.get_bind().dialect.name == "postgresql":
    op.drop_column("users", "pg_only")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.drop_column"), severity: "warning" });
    expect(findings[0]?.message).toContain('column "pg_only"');
  });

  it("drop-column fires for a column swapped for one of another type under its name", async () => {
    // onyx- and warehouse-shaped: a UUID column filled from the integer key, the key dropped, the UUID renamed in.
    const first = revisionFile({
      revision: "a1",
      upgrade:
        'op.create_table("persona", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(50)), ' +
        'sa.Column("kind", sa.Enum("user", "system", name="persona_kind")))',
    });
    const second = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: [
        'op.add_column("persona", sa.Column("new_id", sa.Uuid(), nullable=True))',
        'op.execute("UPDATE persona SET new_id = gen_random_uuid()")',
        'op.drop_column("persona", "id")',
        'op.alter_column("persona", "new_id", new_column_name="id")',
        // A longer text put back under its name is a widening the running code lives with; so is an enum's value as
        // a varchar.
        'op.add_column("persona", sa.Column("new_kind", sa.String(50), nullable=True))',
        'op.execute("UPDATE persona SET new_kind = kind::text")',
        'op.drop_column("persona", "kind")',
        'op.alter_column("persona", "new_kind", new_column_name="kind")',
        'op.add_column("persona", sa.Column("new_name", sa.Text(), nullable=True))',
        'op.execute("UPDATE persona SET new_name = name")',
        'op.drop_column("persona", "name")',
        'op.alter_column("persona", "new_name", new_column_name="name")',
      ].join("\n"),
    });
    const { report } = await check(writeProject({ "versions/a1.py": first, "versions/b2.py": second }));
    const findings = findingsOf(report, RULE);
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
      [
        locate(second, 'op.drop_column("persona", "id")').line,
        'column "id" of table "persona" is dropped and a column of another type takes its name in this revision ' +
          '("integer" to "uuid"): running code that reads or writes it as "integer" may fail; PostgreSQL takes ' +
          'ACCESS EXCLUSIVE on "persona" (a catalog change, but every query on the table queues behind it)',
      ],
    ]);
  });

  it("drop-column stays silent for a column of a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("tmp", sa.Integer()))
op.drop_column("scratch", "tmp")
`);
    expect(findings).toEqual([]);
  });

  it("drop-column stays silent for a column of a table created by raw CREATE TABLE in the same revision", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE scratch (id int PRIMARY KEY, tmp int)")
op.execute("ALTER TABLE scratch DROP COLUMN tmp")
`);
    expect(findings).toEqual([]);
  });

  it("drop-column stays silent for dropping indexes and constraints", async () => {
    const { findings } = await analyse(`
op.drop_index("ix_users_fax", table_name="users")
op.drop_constraint("users_fax_key", "users", type_="unique")
op.execute("ALTER TABLE users DROP CONSTRAINT users_pager_check")
`);
    expect(findings).toEqual([]);
  });

  it("drop-column stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      'op.add_column("users", sa.Column("email", sa.Text(), nullable=True))',
      `
op.drop_column("users", "email")
op.execute("ALTER TABLE users DROP COLUMN email")
with op.batch_alter_table("users") as batch_op:
    batch_op.drop_column("email")
`,
    );
    expect(findings).toEqual([]);
  });
});

describe("drop-column swapped on another database's path", () => {
  it("drop-column fires for a column replaced by one of another type in a branch for another database", async () => {
    const base = revisionFile({
      revision: "a1",
      upgrade:
        'op.create_table("alarm", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("ts", sa.Numeric(20, 6)))',
    });
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: `
if op.get_bind().engine.name == "mysql":
    op.add_column("alarm", sa.Column("ts_new", sa.DateTime(), nullable=True))
    op.execute("UPDATE alarm SET ts_new = FROM_UNIXTIME(ts)")
    op.drop_column("alarm", "ts")
    op.alter_column("alarm", "ts_new", new_column_name="ts", existing_type=sa.DateTime())
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": base, "versions/b2.py": source }));
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, 'op.drop_column("alarm", "ts")'));
    expect(findings[0]?.message).toContain("a column of another type takes its name");
  });
});

describe("drop-column of a column its table never had", () => {
  const CREATE_SESSIONS =
    'op.create_table("login_cache", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("username", ' +
    'sa.Unicode(64)), sa.PrimaryKeyConstraint("id"))';
  async function dropAfter(rootUpgrade: string, between = "") {
    const root = revisionFile({ revision: "a1", upgrade: rootUpgrade });
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: `${between}\ntry:\n    op.drop_column("login_cache", "realm")\nexcept Exception:\n    pass`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": root, "versions/b2.py": source }));
    return { source, findings: findingsOf(report, RULE) };
  }

  it("drop-column stays silent for a column no revision gave a table whose whole definition it read", async () => {
    const { findings } = await dropAfter(CREATE_SESSIONS);
    expect(findings).toEqual([]);
  });

  it("drop-column stays silent for it after the table was renamed into the name it drops from", async () => {
    const { findings } = await dropAfter(
      CREATE_SESSIONS.replace('"login_cache"', '"user_cache"'),
      'op.rename_table("user_cache", "login_cache")',
    );
    expect(findings).toEqual([]);
  });

  it("drop-column fires when an earlier revision added the column", async () => {
    const { source, findings } = await dropAfter(
      `${CREATE_SESSIONS}\nop.add_column("login_cache", sa.Column("realm", sa.Unicode(120)))`,
    );
    expect(findings).toMatchObject([locate(source, 'op.drop_column("login_cache", "realm")')]);
  });

  it("drop-column fires when the table's columns came from a list migragate did not read", async () => {
    const { findings } = await dropAfter('op.create_table("login_cache", *cache_columns())');
    expect(findings).toHaveLength(1);
  });

  it("drop-column fires when the table was made by raw SQL", async () => {
    const { findings } = await dropAfter(
      'op.execute("CREATE TABLE login_cache (id integer PRIMARY KEY, username text)")',
    );
    expect(findings).toHaveLength(1);
  });

  it("drop-column fires after a helper migragate does not follow ran in between", async () => {
    const { findings } = await dropAfter(CREATE_SESSIONS, "add_audit_columns(op)");
    expect(findings).toHaveLength(1);
  });

  it("drop-column fires after unread SQL that names the table ran in between", async () => {
    const { findings } = await dropAfter(
      CREATE_SESSIONS,
      'op.execute("ALTER TABLE login_cache ADD COLUMN realm varchar(120) SOMETHING migragate cannot parse")',
    );
    expect(findings).toHaveLength(1);
  });
});
