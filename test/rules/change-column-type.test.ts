import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "change-column-type";

async function analyse(upgrade: string, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root);
  return { source, findings: findingsOf(report, RULE) };
}

/** Revision a1 creates the tables, revision b2 runs `upgrade`; returns b2's source and the findings. */
async function afterCreate(create: string, upgrade: string) {
  const first = revisionFile({ revision: "a1", upgrade: create });
  const second = revisionFile({ revision: "b2", down: "a1", upgrade });
  const root = writeProject({ "versions/a1.py": first, "versions/b2.py": second });
  const { report } = await check(root);
  return { source: second, findings: findingsOf(report, RULE) };
}

describe("change-column-type", () => {
  it("change-column-type fires for a varchar narrowing with existing_type", async () => {
    const { source, findings } = await analyse(
      'op.alter_column("users", "code", existing_type=sa.String(255), type_=sa.String(50))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.alter_column"), severity: "warning", revision: "a1" });
    expect(findings[0]?.message).toBe(
      'column "code" of table "users" changes type from "varchar(255)" to "varchar(50)", which is not a widening: ' +
        "the release still running may write values the new type rejects or read values it does not expect; " +
        'PostgreSQL takes ACCESS EXCLUSIVE on "users" and rewrites it and its indexes',
    );
  });

  it("change-column-type fires for integer to bigint, which rewrites the table", async () => {
    const { source, findings } = await analyse(
      'op.alter_column("events", "counter", existing_type=sa.Integer(), type_=sa.BigInteger())',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.alter_column"), severity: "warning" });
    expect(findings[0]?.message).toContain(
      'column "counter" of table "events" changes type from "integer" to "bigint": compatible with the running code, ' +
        'but PostgreSQL takes ACCESS EXCLUSIVE on "events" and rewrites it and its indexes, blocking reads and writes',
    );
  });

  it("change-column-type stays silent on a MySQL widening that MySQL makes in place", async () => {
    // A longer VARCHAR and ENUM values added at the end: no table copy, and the running code still fits.
    const source = revisionFile({
      revision: "a1",
      upgrade: [
        'op.alter_column("events", "label", existing_type=sa.String(50), type_=sa.String(100))',
        'op.alter_column("events", "state", existing_type=sa.Enum("new", "done"), type_=sa.Enum("new", "done", "lost"))',
      ].join("\n"),
    });
    const { report } = await check(writeProject({ "versions/a1.py": source }), { dialect: "mysql" });
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("change-column-type fires on MySQL for a widening that copies the table", async () => {
    // MySQL changes a column's data type only with ALGORITHM=COPY: integer to bigint copies the table (ironic-shaped).
    const source = revisionFile({
      revision: "a1",
      upgrade: [
        'op.alter_column("bios_settings", "upper_bound", existing_type=sa.Integer(), type_=sa.BigInteger())',
        'op.alter_column("events", "state", existing_type=sa.Enum("new", "done"), type_=sa.Enum("done", "new", "lost"))',
      ].join("\n"),
    });
    const { report } = await check(writeProject({ "versions/a1.py": source }), { dialect: "mysql" });
    const findings = findingsOf(report, RULE);
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, '"bios_settings"').line,
      locate(source, '"events"').line,
    ]);
    expect(findings[0]?.message).toBe(
      'column "upper_bound" of table "bios_settings" changes type from "integer" to "bigint": compatible with the ' +
        "running code, but MySQL copies the table to change a column's type (ALGORITHM=COPY), and writes to it wait " +
        "until the copy ends",
    );
    expect(findings[0]?.hint).toContain("gh-ost, pt-online-schema-change");
    expect(findings[0]?.message).not.toContain("PostgreSQL");
  });

  it("change-column-type fires on MySQL for a VARCHAR whose length prefix grows in every character set", async () => {
    // 40 characters fit a one-byte prefix even in utf8mb4, 300 need two even in latin1; 36 to 255 depends on it.
    const source = revisionFile({
      revision: "a1",
      upgrade: [
        'op.alter_column("users", "nickname", existing_type=sa.String(40), type_=sa.String(300))',
        'op.alter_column("users", "uuid", existing_type=sa.String(36), type_=sa.String(255))',
      ].join("\n"),
    });
    const { report } = await check(writeProject({ "versions/a1.py": source }), { dialect: "mysql" });
    expect(findingsOf(report, RULE).map((finding) => finding.line)).toEqual([locate(source, '"nickname"').line]);
  });

  it("change-column-type reports a narrowing on SQLite without speaking of PostgreSQL", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: `
with op.batch_alter_table("events") as batch_op:
    batch_op.alter_column("code", existing_type=sa.String(64), type_=sa.String(8))
`,
    });
    const { report } = await check(writeProject({ "versions/sqlite/a1.py": source }));
    const findings = findingsOf(report, RULE);
    expect(findings.map((finding) => finding.message)).toEqual([
      'column "code" of table "events" changes type from "varchar(64)" to "varchar(8)", which is not a widening: the ' +
        "release still running may write values the new type rejects or read values it does not expect",
    ]);
  });

  it("change-column-type reads the previous type from the history's database, not another's branch", async () => {
    // A MySQL project: the PostgreSQL branch of b2 never ran, so c3 finds the column as a1 made it.
    const revisions = {
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade:
          'op.create_table("filters", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("types_len", sa.Integer()))',
      }),
      "versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: `
if op.get_bind().engine.name == "postgresql":
    op.alter_column("filters", "types_len", type_=sa.Numeric(11))
else:
    op.create_index("ix_filters_types_len", "filters", ["types_len"])
`,
      }),
      "versions/c3.py": revisionFile({
        revision: "c3",
        down: "b2",
        upgrade: 'op.alter_column("filters", "types_len", type_=sa.Integer())',
      }),
    };
    const mysql = await check(writeProject(revisions), { dialect: "mysql" });
    expect(findingsOf(mysql.report, RULE).filter((finding) => finding.revision === "c3")).toEqual([]);
    const postgres = await check(writeProject(revisions), { dialect: "postgresql" });
    expect(findingsOf(postgres.report, RULE).map((finding) => [finding.revision, finding.message])).toContainEqual([
      "c3",
      expect.stringContaining('changes type from "numeric(11)" to "integer"'),
    ]);
  });

  it("change-column-type fires when the previous type is unknown", async () => {
    const { source, findings } = await analyse('op.alter_column("events", "counter", type_=sa.BigInteger())');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.alter_column"), severity: "warning" });
    expect(findings[0]?.message).toContain(
      'column "counter" of table "events" changes type to "bigint", but its previous type is unknown',
    );
    expect(findings[0]?.message).toContain(
      'unless the change is binary-coercible, PostgreSQL takes ACCESS EXCLUSIVE on "events" and rewrites it',
    );
    expect(findings[0]?.hint).toContain("existing_type=");
  });

  it("change-column-type names the pair, not a type, when both types are known and their change is not", async () => {
    const { findings } = await analyse(
      'op.alter_column("steps", "stop_reason", existing_type=sa.Enum("end_turn", "error", name="stopreasontype"), type_=sa.String())',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      'column "stop_reason" of table "steps" changes type to "varchar", but the change from ' +
        "\"enum('end_turn','error') named stopreasontype\" to \"varchar\" is not one migragate knows, so",
    );
  });

  it("change-column-type fires for raw SQL ALTER COLUMN TYPE with an unknown previous type", async () => {
    const { source, findings } = await analyse('op.execute("ALTER TABLE events ALTER COLUMN counter TYPE bigint")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "ALTER TABLE events"),
      severity: "warning",
    });
    expect(findings[0]?.message).toContain('column "counter" of table "events" changes type to "bigint"');
  });

  it("change-column-type fires for a raw SQL narrowing of a type declared in an earlier revision", async () => {
    const { source, findings } = await afterCreate(
      'op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(100)))',
      'op.execute("ALTER TABLE users ALTER COLUMN name TYPE varchar(20)")',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "versions/b2.py",
      ...locate(source, "ALTER TABLE users"),
      severity: "warning",
    });
    expect(findings[0]?.message).toContain(
      'column "name" of table "users" changes type from "varchar(100)" to "varchar(20)", which is not a widening',
    );
  });

  it("change-column-type fires for an incompatible change in batch_alter_table", async () => {
    const { source, findings } = await analyse(`
with op.batch_alter_table("orders") as batch_op:
    batch_op.alter_column("ref", existing_type=sa.Integer(), type_=sa.String(10))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "batch_op.alter_column"), severity: "warning" });
    expect(findings[0]?.message).toContain(
      'column "ref" of table "orders" changes type from "integer" to "varchar(10)", which is not a widening',
    );
    expect(findings[0]?.message).toContain(
      'PostgreSQL takes ACCESS EXCLUSIVE on "orders" and rewrites it and its indexes',
    );
  });

  it("change-column-type stays silent for varchar widening with existing_type", async () => {
    const { findings } = await analyse(`
op.alter_column("users", "name", existing_type=sa.String(50), type_=sa.String(100))
op.alter_column("users", "title", existing_type=sa.String(length=50), type_=sa.String(length=50))
`);
    expect(findings).toEqual([]);
  });

  it("change-column-type stays silent for String to Text", async () => {
    const { findings } = await analyse(`
op.alter_column("users", "bio", existing_type=sa.String(), type_=sa.Text())
with op.batch_alter_table("users") as batch_op:
    batch_op.alter_column("notes", existing_type=sa.String(length=200), type_=sa.Text())
`);
    expect(findings).toEqual([]);
  });

  it("change-column-type stays silent for a raw SQL widening of a type declared in an earlier revision", async () => {
    const { findings } = await afterCreate(
      'op.execute("CREATE TABLE orders (id serial PRIMARY KEY, ref character varying(20), memo varchar(50))")',
      `
op.execute("ALTER TABLE orders ALTER COLUMN ref TYPE varchar(64)")
op.execute("ALTER TABLE orders ALTER COLUMN memo TYPE text")
`,
    );
    expect(findings).toEqual([]);
  });

  it("change-column-type stays silent for a larger numeric precision with the same scale", async () => {
    const { findings } = await analyse(
      'op.alter_column("orders", "amount", existing_type=sa.Numeric(10, 2), type_=sa.Numeric(12, 2))',
    );
    expect(findings).toEqual([]);
  });

  it("change-column-type stays silent for a column of a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("events", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("counter", sa.Integer()))
op.alter_column("events", "counter", type_=sa.BigInteger())
op.execute("CREATE TABLE logs (id int PRIMARY KEY, code varchar(50))")
op.execute("ALTER TABLE logs ALTER COLUMN code TYPE varchar(10)")
`);
    expect(findings).toEqual([]);
  });

  it("change-column-type stays silent for alter_column without type_", async () => {
    const { findings } = await analyse(`
op.alter_column("users", "name", existing_type=sa.String(50), nullable=True)
op.alter_column("users", "name", existing_type=sa.String(50), server_default="n/a")
`);
    expect(findings).toEqual([]);
  });

  it("change-column-type stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      "pass",
      `
op.alter_column("users", "name", existing_type=sa.String(100), type_=sa.String(50))
op.execute("ALTER TABLE events ALTER COLUMN counter TYPE integer")
`,
    );
    expect(findings).toEqual([]);
  });
});

describe("change-column-type of a column the revision added", () => {
  const ALARM = 'op.create_table("alarm", sa.Column("id", sa.Integer(), primary_key=True))';

  it("change-column-type of a column the revision added reports only the rewrite: no running code uses it", async () => {
    const { source, findings } = await afterCreate(
      ALARM,
      `
op.add_column("alarm", sa.Column("reason_tmp", sa.Text(), nullable=True))
op.alter_column("alarm", "reason_tmp", new_column_name="reason", type_=sa.Integer(), existing_type=sa.Text())
`,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, "op.alter_column"));
    expect(findings[0]?.message).toMatch(/compatible with the running code, but .*rewrite/);
    expect(findings[0]?.message).not.toContain("the release still running");
    expect(findings[0]?.hint).toContain("Give the column its final type where this revision adds it");
  });

  it("change-column-type of a column the revision added stays silent without a rewrite", async () => {
    const { findings } = await afterCreate(
      ALARM,
      `
op.add_column("alarm", sa.Column("reason_tmp", sa.Text(), nullable=True))
op.alter_column("alarm", "reason_tmp", type_=sa.String(255), existing_type=sa.Text())
`,
    );
    expect(findings).toEqual([]);
  });

  it("change-column-type of a column re-added on another path fires as a change of the existing column", async () => {
    // tacker: the PostgreSQL branch drops and re-adds the column, the `else` changes it in place on MySQL.
    const { source, findings } = await afterCreate(
      'op.create_table("filters", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("kinds", sa.Text()))',
      `
if op.get_bind().engine.name == "postgresql":
    op.drop_column("filters", "kinds")
    op.add_column("filters", sa.Column("kinds", sa.Integer()))
else:
    op.alter_column("filters", "kinds", type_=sa.Integer(), existing_type=sa.Text())
`,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, 'op.alter_column("filters"'));
    expect(findings[0]?.message).toContain("which is not a widening: the release still running");
  });
});

describe("change-column-type of a column the revision added, to a type migragate does not know", () => {
  it("change-column-type of a new column to an unknown type says it cannot tell, without claiming a rewrite", async () => {
    const { findings } = await afterCreate(
      'op.create_table("alarm", sa.Column("id", sa.Integer(), primary_key=True))',
      `
op.add_column("alarm", sa.Column("ts_tmp", sa.Numeric(20, 6), nullable=True))
op.alter_column("alarm", "ts_tmp", type_=models.TimestampUTC(), existing_type=sa.Numeric(20, 6))
`,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("migragate cannot tell a safe widening from a rewrite");
  });
});

describe("change-column-type from timestamp to timestamptz", () => {
  it("change-column-type from timestamp to timestamptz names the time zone that spares the rewrite on PostgreSQL 12+", async () => {
    const { findings } = await afterCreate(
      'op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("last_login", sa.DateTime()))',
      'op.alter_column("users", "last_login", existing_type=sa.DateTime(), type_=sa.DateTime(timezone=True))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("rewrites it and its indexes unless the session's TimeZone is UTC");
  });
});
