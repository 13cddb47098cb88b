import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "drop-table";

async function analyse(upgrade: string, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root);
  return { source, findings: findingsOf(report, RULE) };
}

describe("drop-table", () => {
  it("drop-table fires for op.drop_table", async () => {
    const { source, findings } = await analyse('op.drop_table("legacy_invoices")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.drop_table"),
      severity: "warning",
      revision: "a1",
      message:
        'table "legacy_invoices" is dropped: any running code that still uses it fails, and its rows are lost; ' +
        'PostgreSQL takes ACCESS EXCLUSIVE on "legacy_invoices", waiting for every query that uses it',
    });
  });

  it("drop-table fires for raw SQL DROP TABLE, once per table", async () => {
    const { source, findings } = await analyse('op.execute("DROP TABLE IF EXISTS old_logs, old_events CASCADE")');
    const at = locate(source, "DROP TABLE IF EXISTS");
    expect(findings.map((finding) => [finding.line, finding.column, finding.severity, finding.message])).toEqual([
      [at.line, at.column, "warning", expect.stringMatching(/^table "old_events" is dropped/)],
      [at.line, at.column, "warning", expect.stringMatching(/^table "old_logs" is dropped/)],
    ]);
  });

  it("drop-table fires for DROP TABLE through the connection", async () => {
    const { source, findings } = await analyse(`
conn = op.get_bind()
conn.execute(sa.text("DROP TABLE audit_trail"))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "DROP TABLE audit_trail"), severity: "warning" });
    expect(findings[0]?.message).toContain('table "audit_trail" is dropped');
  });

  it("drop-table fires with the schema of the table in the message", async () => {
    const { source, findings } = await analyse('op.drop_table("audit", schema="billing")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.drop_table"), severity: "warning" });
    expect(findings[0]?.message).toContain('table "billing.audit" is dropped');
  });

  it("drop-table fires for a table dropped and then re-created in the same revision", async () => {
    const { source, findings } = await analyse(`
op.drop_table("settings")
op.create_table("settings", sa.Column("key", sa.Text(), primary_key=True), sa.Column("value", sa.Text()))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.drop_table"), severity: "warning" });
    expect(findings[0]?.message).toContain('table "settings" is dropped');
  });

  it("drop-table stays silent for a table rebuilt with its rows written back", async () => {
    // SQLite's way to change a table: read the rows, drop it, create it anew, insert them again.
    const { findings } = await analyse(`
conn = op.get_bind()
rows = [dict(row) for row in conn.execute(sa.text("SELECT id, name FROM server")).mappings()]
op.drop_table("server")
server = op.create_table("server", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
op.bulk_insert(server, rows)
`);
    expect(findings).toEqual([]);
  });

  it("drop-table stays silent for a table copied by a query and renamed back into its name", async () => {
    // blazar-shaped: SQLite's rebuild of a renamed column, in the branch for SQLite.
    const { findings } = await analyse(`
engine = op.get_bind().engine
if engine.name == "sqlite":
    op.execute("CREATE TABLE tmp_leases AS SELECT id, name, tenant_id AS project_id FROM leases")
    op.execute("DROP TABLE leases")
    op.execute("ALTER TABLE tmp_leases RENAME TO leases")
    return
op.alter_column("leases", "tenant_id", new_column_name="project_id", existing_type=sa.String(255))
`);
    expect(findings).toEqual([]);
  });

  it("drop-table fires when the copy renamed into the name was made on another path", async () => {
    const { source, findings } = await analyse(`
if op.get_bind().engine.name == "sqlite":
    op.execute("CREATE TABLE tmp_leases AS SELECT id FROM leases")
op.execute("DROP TABLE leases")
op.execute("ALTER TABLE tmp_leases RENAME TO leases")
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "DROP TABLE leases").line]);
  });

  it("drop-table fires for a rebuilt table whose rows are written only before the drop", async () => {
    const { source, findings } = await analyse(`
op.execute("UPDATE server SET name = lower(name)")
op.drop_table("server")
op.create_table("server", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "op.drop_table").line]);
    expect(findings[0]?.message).toContain("every row it held is lost");
  });

  it("drop-table fires for a rebuilt table whose rows only another branch writes", async () => {
    const { source, findings } = await analyse(`
if op.get_bind().dialect.name == "sqlite":
    op.drop_table("debugger_arguments")
    op.create_table("debugger_arguments", sa.Column("id", sa.Integer(), primary_key=True))
else:
    op.execute("UPDATE debugger_arguments SET id = id + 1")
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "op.drop_table").line]);
  });

  it("drop-table stays silent for a scratch table created earlier in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("tmp_ids", sa.Column("id", sa.Integer(), primary_key=True))
op.execute("INSERT INTO tmp_ids SELECT id FROM users WHERE deleted")
op.drop_table("tmp_ids")
`);
    expect(findings).toEqual([]);
  });

  it("drop-table stays silent for a scratch table created by raw CREATE TABLE in the same revision", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE tmp_ids AS SELECT id FROM users WHERE deleted")
op.execute("DROP TABLE tmp_ids")
`);
    expect(findings).toEqual([]);
  });

  it("drop-table stays silent for views, indexes and sequences", async () => {
    const { findings } = await analyse(`
op.execute("DROP VIEW IF EXISTS v_active_users")
op.execute("DROP INDEX IF EXISTS ix_users_email")
op.execute("DROP SEQUENCE IF EXISTS invoice_seq")
op.drop_index("ix_users_name", table_name="users")
`);
    expect(findings).toEqual([]);
  });

  it("drop-table stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      'op.create_table("reports", sa.Column("id", sa.Integer(), primary_key=True))',
      `
op.drop_table("reports")
op.execute("DROP TABLE reports")
`,
    );
    expect(findings).toEqual([]);
  });
});

describe("drop-table of a table the history never had", () => {
  const BASE = revisionFile({
    revision: "base",
    upgrade: `
op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
op.execute("CREATE TABLE audit_log (id serial PRIMARY KEY, note text)")
`,
  });
  /** A second revision on BASE, or on a first revision that creates nothing (a history begun on an existing database). */
  async function onBase(upgrade: string, options: { baseline?: boolean } = {}) {
    const source = revisionFile({ revision: "b2", down: "base", upgrade });
    const base = options.baseline
      ? revisionFile({ revision: "base", upgrade: 'op.add_column("users", sa.Column("note", sa.Text()))' })
      : BASE;
    const root = writeProject({ "versions/base.py": base, "versions/b2.py": source });
    const { report } = await check(root);
    return { source, report, findings: findingsOf(report, RULE) };
  }
  const DEFENSIVE_REBUILD = `
op.execute("DROP TABLE IF EXISTS kg_entity_type CASCADE")
op.create_table("kg_entity_type", sa.Column("id_name", sa.String(), primary_key=True))
op.create_index("ix_kg_entity_type_name", "kg_entity_type", ["id_name"])
`;

  it("drop-table of a table the history never had stays silent for DROP TABLE IF EXISTS before its first create", async () => {
    const { report, findings } = await onBase(DEFENSIVE_REBUILD);
    expect(findings).toEqual([]);
    // Nothing is dropped, so nothing is locked or contracted: the new table is an expand like any other.
    expect(findingsOf(report, "missing-lock-timeout")).toEqual([]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
    expect(report.revisions.find((revision) => revision.revision === "b2")?.phases).toEqual(["expand"]);
  });

  it("drop-table of a table the history never had stays silent for op.drop_table(if_exists=True) before its create", async () => {
    const { findings } = await onBase(`
op.drop_table("scratch_import", if_exists=True)
op.create_table("scratch_import", sa.Column("id", sa.Integer(), primary_key=True))
`);
    expect(findings).toEqual([]);
  });

  it("drop-table of a table the history never had fires when nothing creates it again: another tool may have made it", async () => {
    // A queue library's or an import tool's leftover table: it exists in some databases, rows and all.
    const { source, findings } = await onBase('op.execute("DROP TABLE IF EXISTS kombu_message")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, "DROP TABLE IF EXISTS kombu_message"));
    expect(findings[0]?.message).toContain('table "kombu_message" is dropped: any running code');
  });

  it("drop-table of a table the history never had fires without IF EXISTS: the revision says the table is there", async () => {
    const { source, findings } = await onBase('op.execute("DROP TABLE kg_entity_type")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, "DROP TABLE kg_entity_type"));
  });

  it("drop-table of a table the history never had fires when the history began on an existing database", async () => {
    const { findings } = await onBase(DEFENSIVE_REBUILD, { baseline: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('table "kg_entity_type" is dropped and created again');
  });

  it("drop-table of a table the history had fires: created by op, by raw SQL, or in another schema", async () => {
    for (const table of ["users", "audit_log", "public.users"]) {
      const { findings } = await onBase(`
op.execute("DROP TABLE IF EXISTS ${table}")
op.create_table("${table}", sa.Column("id", sa.Integer(), primary_key=True))
`);
      expect(findings, table).toHaveLength(1);
    }
  });

  it("drop-table of a table the history only mentions in SQL it did not model fires", async () => {
    const source = revisionFile({
      revision: "b2",
      down: "base",
      upgrade: 'op.execute("SELECT * INTO archived_users FROM users")',
    });
    const third = revisionFile({
      revision: "c3",
      down: "b2",
      upgrade: `
op.execute("DROP TABLE IF EXISTS archived_users")
op.create_table("archived_users", sa.Column("id", sa.Integer(), primary_key=True))
`,
    });
    const root = writeProject({ "versions/base.py": BASE, "versions/b2.py": source, "versions/c3.py": third });
    const { report } = await check(root);
    expect(findingsOf(report, RULE).map((finding) => finding.revision)).toEqual(["c3"]);
  });
});

describe("drop-table of a table rebuilt by copy", () => {
  it("drop-table stays silent for a new table filled by INSERT ... SELECT and renamed into the dropped one's name", async () => {
    const base = revisionFile({
      revision: "a1",
      upgrade: 'op.create_table("eventcounter", sa.Column("counter_name", sa.Unicode(80), primary_key=True))',
    });
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: `
op.create_table("eventcounter_new", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("counter_name", sa.Unicode(80)))
op.execute("INSERT INTO eventcounter_new (counter_name) SELECT counter_name FROM eventcounter")
op.drop_table("eventcounter")
op.rename_table("eventcounter_new", "eventcounter")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": base, "versions/b2.py": source }));
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "rename-table")).toEqual([]);
  });
});

describe("drop-table of a table rebuilt through ORM models", () => {
  const BASE = revisionFile({
    revision: "a1",
    upgrade: 'op.create_table("eventcounter", sa.Column("counter_name", sa.Unicode(80), primary_key=True))',
  });
  const MODELS = `
Base = declarative_base()


class OldEventCounter(Base):
    __tablename__ = "eventcounter"
    counter_name = sa.Column(sa.Unicode(80), primary_key=True)


class NewEventCounter(Base):
    __tablename__ = "eventcounter_new"
    id = sa.Column(sa.Integer, primary_key=True)
    counter_name = sa.Column(sa.Unicode(80))
`;

  it("drop-table stays silent for a new table filled row by row from the old one through ORM models", async () => {
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      header: `from sqlalchemy.orm import declarative_base\n${MODELS}`,
      upgrade: `
session = sa.orm.Session(bind=op.get_bind())
NewEventCounter.__table__.create(op.get_bind(), checkfirst=True)
for old in session.query(OldEventCounter).all():
    session.add(NewEventCounter(counter_name=old.counter_name))
session.commit()
op.drop_table("eventcounter")
op.rename_table("eventcounter_new", "eventcounter")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": BASE, "versions/b2.py": source }));
    expect(findingsOf(report, RULE)).toEqual([]);
    const b2 = report.revisions.find((revision) => revision.revision === "b2");
    // The model's table is created, and the rows the session adds are written into it.
    expect(b2?.operations.map((operation) => [operation.kind, operation.table])).toEqual([
      ["create-table", "eventcounter_new"],
      ["data-change", "eventcounter_new"],
      ["drop-table", "eventcounter"],
      ["rename-table", "eventcounter_new"],
    ]);
  });
});

describe("drop-table of the name a revision gave a table before copying its rows out", () => {
  const BASE = revisionFile({
    revision: "a1",
    upgrade:
      'op.create_table("Setting", sa.Column("Key", sa.Unicode(255), primary_key=True), sa.Column("Value", sa.Text()))',
  });
  const MODELS = `
Base = declarative_base()


class OldSetting(Base):
    __tablename__ = "Setting_old"
    Key = sa.Column(sa.Unicode(255), primary_key=True)
    Value = sa.Column(sa.Text())


class NewSetting(Base):
    __tablename__ = "setting"
    key = sa.Column(sa.Unicode(255), primary_key=True)
    value = sa.Column(sa.Text())
`;
  async function analyseCopy(copy: string) {
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      header: `from sqlalchemy.orm import declarative_base\n${MODELS}`,
      upgrade: `
op.rename_table("Setting", "Setting_old")
session = sa.orm.Session(bind=op.get_bind())
NewSetting.__table__.create(op.get_bind())
${copy}
op.drop_table("Setting_old")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": BASE, "versions/b2.py": source }));
    return { source, report };
  }

  it("drop-table stays silent for the scratch name once its rows are copied into the new table", async () => {
    const { source, report } = await analyseCopy(`
old_settings = session.query(OldSetting)
for old in old_settings:
    session.add(NewSetting(key=old.Key.lower(), value=old.Value))
session.commit()
`);
    expect(findingsOf(report, RULE)).toEqual([]);
    // The rename is what old code notices: it queries "Setting", which is gone.
    expect(findingsOf(report, "rename-table")).toMatchObject([locate(source, 'op.rename_table("Setting"')]);
  });

  it("drop-table stays silent for the scratch name once INSERT ... SELECT copied its rows", async () => {
    const { report } = await analyseCopy(
      'op.execute("INSERT INTO setting (key, value) SELECT lower(\\"Key\\"), \\"Value\\" FROM \\"Setting_old\\"")',
    );
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("drop-table fires for the scratch name when no row of it was copied: its rows are lost", async () => {
    const { source, report } = await analyseCopy('session.add(NewSetting(key="theme", value="dark"))');
    expect(findingsOf(report, RULE)).toMatchObject([locate(source, 'op.drop_table("Setting_old")')]);
  });
});

describe("drop-table of a table the history may have made without saying so", () => {
  const REBUILD = `
op.execute("DROP TABLE IF EXISTS accounts")
op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True))
`;
  async function afterRoot(rootUpgrade: string, rootDown: string | null = null) {
    const root = revisionFile({ revision: "a1", down: rootDown, upgrade: rootUpgrade });
    const source = revisionFile({ revision: "b2", down: "a1", upgrade: REBUILD });
    const { report } = await check(writeProject({ "versions/a1.py": root, "versions/b2.py": source }));
    return findingsOf(report, RULE).filter((finding) => finding.revision === "b2");
  }
  const SETTINGS = 'op.create_table("settings", sa.Column("id", sa.Integer(), primary_key=True))';

  it("drop-table of a table the history may have made fires after SQL migragate could not read", async () => {
    const findings = await afterRoot(`${SETTINGS}\nop.execute(Path("schema.sql").read_text())`);
    expect(findings).toHaveLength(1);
  });

  it("drop-table of a table the history may have made fires after metadata.create_all(bind)", async () => {
    const findings = await afterRoot(`${SETTINGS}\nBase.metadata.create_all(op.get_bind())`);
    expect(findings).toHaveLength(1);
  });

  it("drop-table of a table the history may have made stays silent after an unread data statement: it makes no table", async () => {
    const findings = await afterRoot(
      `${SETTINGS}\nop.get_bind().execute(insert_statement.on_conflict_do_update(index_elements=["id"], set_=values))`,
    );
    expect(findings).toEqual([]);
  });

  it("drop-table of a table the history may have made fires when the oldest revision's parent was pruned", async () => {
    const findings = await afterRoot(SETTINGS, "pruned0001");
    expect(findings).toHaveLength(1);
  });
});

describe("drop-table of a table rebuilt from rows that are not its own", () => {
  const ROLES = revisionFile({
    revision: "a1",
    upgrade: `
op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("role", sa.Text()))
op.create_table("roles", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
`,
  });
  async function rebuild(fill: string) {
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: `
roles_new = op.create_table("roles_new", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
${fill}
op.drop_table("roles")
op.rename_table("roles_new", "roles")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": ROLES, "versions/b2.py": source }));
    return findingsOf(report, RULE);
  }

  it("drop-table fires when the new table is seeded from a list written in the revision", async () => {
    const findings = await rebuild(
      'for name in ("admin", "member"):\n    op.execute(roles_new.insert().values(name=name))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('table "roles" is dropped');
  });

  it("drop-table fires when the new table is filled by INSERT ... SELECT from another table", async () => {
    const findings = await rebuild('op.execute("INSERT INTO roles_new (name) SELECT DISTINCT role FROM users")');
    expect(findings).toHaveLength(1);
  });

  it("drop-table stays silent when INSERT ... SELECT reads the table it replaces", async () => {
    const findings = await rebuild('op.execute("INSERT INTO roles_new (id, name) SELECT id, name FROM roles")');
    expect(findings).toEqual([]);
  });
});
