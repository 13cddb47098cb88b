import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "mixed-phases";

async function analyse(upgrade: string, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root);
  return { source, report, findings: findingsOf(report, RULE) };
}

describe("mixed-phases", () => {
  it("mixed-phases fires for add_column and drop_column in one revision", async () => {
    const { source, findings } = await analyse(`
op.add_column("users", sa.Column("display_name", sa.Text(), nullable=True))
op.drop_column("users", "nickname")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.drop_column"),
      severity: "warning",
      revision: "a1",
      message:
        `revision "a1" expands the schema (line ${locate(source, "op.add_column").line}: ` +
        'op.add_column("users", sa.Column("display_name", sa.Text(),…) and contracts it ' +
        `(line ${locate(source, "op.drop_column").line}: op.drop_column("users", "nickname"): old code still reads ` +
        "and writes the column)",
    });
  });

  it("mixed-phases says why a foreign key on an existing column is a contract", async () => {
    const { findings } = await analyse(`
op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))
op.create_foreign_key("fk_users_team", "users", "teams", ["team_id"], ["id"])
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(
      /contracts it \(line \d+: op\.create_foreign_key\(.*: a foreign key on an existing column rejects rows old code may still write\)$/,
    );
  });

  it("mixed-phases gives a directive's reason when the part it cites is a contract through its directive", async () => {
    const { findings } = await analyse(`
op.add_column("orders", sa.Column("note", sa.Text(), nullable=True))
op.alter_column("orders", "total", nullable=True, type_=sa.String(5), existing_type=sa.Integer())
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/op\.alter_column\(.*: old code may write values the new type rejects\)$/);
  });

  it("mixed-phases says why SET NOT NULL on an existing column is a contract", async () => {
    const { findings } = await analyse(`
op.add_column("users", sa.Column("display_name", sa.Text(), nullable=True))
op.alter_column("users", "email", nullable=False)
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/: writes by old code that leave the column NULL fail\)$/);
  });

  it("mixed-phases fires for raw SQL expand and contract statements", async () => {
    const { source, findings } = await analyse(`
op.execute("CREATE INDEX IF NOT EXISTS ix_orders_ref ON orders (ref)")
op.execute("ALTER TABLE orders RENAME COLUMN ref TO reference")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "ALTER TABLE orders RENAME"), severity: "warning" });
    expect(findings[0]?.message).toContain(
      `(line ${locate(source, "CREATE INDEX").line}: CREATE INDEX IF NOT EXISTS ix_orders_ref ON orders (ref))`,
    );
  });

  it("mixed-phases fires for batch_alter_table adding and dropping columns", async () => {
    const { source, findings } = await analyse(`
with op.batch_alter_table("users") as batch_op:
    batch_op.drop_column("fax")
    batch_op.add_column(sa.Column("phone", sa.String(20), nullable=True))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "batch_op.drop_column"), severity: "warning" });
    expect(findings[0]?.message).toContain(`line ${locate(source, "batch_op.add_column").line}: batch_op.add_column(`);
  });

  it("mixed-phases fires at the first contract operation when there are several", async () => {
    const { source, findings } = await analyse(`
op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
op.alter_column("users", "email", existing_type=sa.String(255), nullable=False)
op.drop_table("legacy_audit")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.alter_column"), severity: "warning" });
  });

  it("mixed-phases stays silent when the expand and the contract sit in branches for different databases", async () => {
    // Each upgrade runs one of the two: a new table on SQLite, a dropped column on PostgreSQL.
    const { findings } = await analyse(`
if op.get_bind().dialect.name == "sqlite":
    op.create_table("tags_tmp", sa.Column("id", sa.Integer(), primary_key=True))
else:
    op.drop_column("tags", "legacy")
`);
    expect(findings).toEqual([]);
    // A statement under no such test runs with either branch.
    const { source, findings: withBoth } = await analyse(`
if op.get_bind().dialect.name == "sqlite":
    op.create_table("tags_tmp", sa.Column("id", sa.Integer(), primary_key=True))
op.drop_column("tags", "legacy")
`);
    expect(withBoth.map((finding) => finding.line)).toEqual([locate(source, "op.drop_column").line]);
  });

  it("mixed-phases stays silent when a new column's unique index, built concurrently, is adopted as a constraint", async () => {
    const { findings } = await analyse(`
op.add_column("bookmarks", sa.Column("serial", sa.Integer(), nullable=True))
op.execute("COMMIT")
op.execute("CREATE UNIQUE INDEX CONCURRENTLY ix_bookmarks_serial ON bookmarks (serial)")
op.execute("ALTER TABLE bookmarks ADD CONSTRAINT uq_bookmarks_serial UNIQUE USING INDEX ix_bookmarks_serial")
`);
    expect(findings).toEqual([]);
  });

  it("mixed-phases fires when the adopted index is one the history never showed, next to an expand", async () => {
    const { source, findings } = await analyse(`
op.add_column("bookmarks", sa.Column("serial", sa.Integer(), nullable=True))
op.execute("ALTER TABLE bookmarks ADD CONSTRAINT uq_bookmarks_owner UNIQUE USING INDEX ix_made_by_hand")
`);
    expect(findings).toMatchObject([locate(source, "ALTER TABLE bookmarks ADD CONSTRAINT")]);
  });

  it("mixed-phases stays silent for a revision that only expands", async () => {
    const { findings } = await analyse(`
op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))
op.create_index("ix_users_bio", "users", ["bio"])
op.alter_column("users", "name", existing_type=sa.String(50), type_=sa.String(100))
op.alter_column("users", "nickname", existing_type=sa.String(50), nullable=True)
`);
    expect(findings).toEqual([]);
  });

  it("mixed-phases stays silent for a revision that only contracts", async () => {
    const { findings } = await analyse(`
op.execute("SET LOCAL lock_timeout = '5s'")
op.drop_column("users", "legacy_flag")
op.execute("DROP TABLE IF EXISTS legacy_audit")
op.alter_column("users", "email", existing_type=sa.String(255), nullable=False)
`);
    expect(findings).toEqual([]);
  });

  it("mixed-phases stays silent for expand plus backfill", async () => {
    const { findings } = await analyse(`
op.add_column("users", sa.Column("status", sa.String(20), nullable=True))
op.execute("UPDATE users SET status = 'active' WHERE status IS NULL")
`);
    expect(findings).toEqual([]);
  });

  it("mixed-phases stays silent when a new column is set NOT NULL and then given a server default", async () => {
    // Old code never writes sequence_id: after the revision its inserts take the sequence's next value.
    const { findings } = await analyse(`
op.execute("CREATE SEQUENCE message_seq")
op.add_column("messages", sa.Column("sequence_id", sa.BigInteger(), nullable=True))
op.execute("UPDATE messages SET sequence_id = nextval('message_seq') WHERE sequence_id IS NULL")
op.alter_column("messages", "sequence_id", existing_type=sa.BigInteger(), nullable=False)
op.alter_column("messages", "sequence_id", existing_type=sa.BigInteger(), server_default=sa.text("nextval('message_seq')"))
`);
    expect(findings).toEqual([]);
  });

  it("mixed-phases fires when the default set after SET NOT NULL is taken away again", async () => {
    const { source, findings } = await analyse(`
op.add_column("messages", sa.Column("sequence_id", sa.BigInteger(), nullable=True))
op.alter_column("messages", "sequence_id", existing_type=sa.BigInteger(), nullable=False)
op.alter_column("messages", "sequence_id", existing_type=sa.BigInteger(), server_default=sa.text("0"))
op.alter_column("messages", "sequence_id", existing_type=sa.BigInteger(), server_default=None)
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "nullable=False").line]);
  });

  it("mixed-phases fires when the default the column was added with is taken away after SET NOT NULL", async () => {
    // The default fills the existing rows for the SET NOT NULL, then is gone: old code's inserts leave the column NULL.
    const { source, findings } = await analyse(`
op.add_column("users", sa.Column("locale", sa.Text(), nullable=True, server_default="en"))
op.alter_column("users", "locale", nullable=False)
op.alter_column("users", "locale", server_default=None)
`);
    expect(findings.map((finding) => [finding.line, finding.message.endsWith("leave the column NULL fail)")])).toEqual([
      [locate(source, "nullable=False").line, true],
    ]);
  });

  it("mixed-phases stays silent when a MySQL revision drops the keys MySQL named and creates the widest again", async () => {
    // MySQL names an unnamed unique key after its first column, then <column>_2, _3 while the name is taken.
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: `
op.create_table(
    "cron_triggers",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("input_hash", sa.CHAR(64)),
    sa.Column("name", sa.String(255)),
    sa.Column("pattern", sa.String(100)),
    sa.Column("params_hash", sa.CHAR(64)),
    sa.UniqueConstraint("input_hash", "name"),
)
op.create_unique_constraint(None, "cron_triggers", ["input_hash", "name", "pattern"])
op.create_unique_constraint(None, "cron_triggers", ["input_hash", "name", "pattern", "params_hash"])
`,
      }),
      "versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: `
op.add_column("cron_triggers", sa.Column("first_run", sa.DateTime(), nullable=True))
op.drop_index("input_hash", table_name="cron_triggers")
op.drop_index("input_hash_2", table_name="cron_triggers")
op.drop_index("input_hash_3", table_name="cron_triggers")
op.create_unique_constraint(None, "cron_triggers", ["input_hash", "name", "pattern", "params_hash", "first_run"])
`,
      }),
    });
    const mysql = await check(root, { dialect: "mysql" });
    expect(findingsOf(mysql.report, RULE)).toEqual([]);
    // On PostgreSQL those names are not the keys' (t_col_key): what the drops remove is unknown, a contract.
    const postgres = await check(root, { dialect: "postgresql" });
    expect(findingsOf(postgres.report, RULE).map((finding) => finding.revision)).toEqual(["b2"]);
  });

  it("mixed-phases knows a column's unique=True key by the name MySQL gives it", async () => {
    // create_table(..., sa.Column("email", unique=True)): MySQL names the key "email"; a wider unique index replaces it.
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade:
          'op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), ' +
          'sa.Column("email", sa.String(255), unique=True), sa.Column("tenant_id", sa.Integer()))',
      }),
      "versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: `
op.drop_index("email", table_name="users")
op.create_index("uq_users_email_tenant", "users", ["email", "tenant_id"], unique=True)
`,
      }),
    });
    const { report } = await check(root, { dialect: "mysql" });
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("mixed-phases stays silent for a scratch table created and dropped in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("tmp_ids", sa.Column("id", sa.Integer(), primary_key=True))
op.drop_column("tmp_ids", "id")
op.drop_table("tmp_ids")
op.execute("ANALYZE users")
`);
    expect(findings).toEqual([]);
  });

  it("mixed-phases stays silent for contract operations in downgrade()", async () => {
    const { findings } = await analyse(
      'op.add_column("users", sa.Column("display_name", sa.Text(), nullable=True))',
      'op.drop_column("users", "display_name")',
    );
    expect(findings).toEqual([]);
  });

  it("mixed-phases stays silent for expand and contract in separate revisions", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.add_column("users", sa.Column("display_name", sa.Text(), nullable=True))',
      }),
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: 'op.drop_column("users", "nickname")' }),
    });
    const { report } = await check(root);
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(report.revisions.map((revision) => [revision.revision, revision.phases])).toEqual([
      ["a1", ["expand"]],
      ["b2", ["contract"]],
    ]);
  });
});

describe("mixed-phases with phase exceptions", () => {
  const revision = (extra: string) =>
    `${revisionFile({
      revision: "a1",
      upgrade:
        'op.add_column("users", sa.Column("bio", sa.Text(), nullable=True), if_not_exists=True)\n' +
        'op.drop_column("users", "legacy", if_exists=True)',
    })}\n${extra}`;

  it("mixed-phases is accepted when expand_drop_exceptions lists the dropped column", async () => {
    const source = revision(
      'def expand_drop_exceptions():\n    """legacy never held data"""\n    return {sa.Column: ["users.legacy"]}\n',
    );
    const { report } = await check(writeProject({ "versions/a1.py": source }));
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
    expect(report.suppressed.filter((finding) => finding.rule === "mixed-phases")).toMatchObject([
      { suppression: { kind: "phase-exception", reason: "legacy never held data" } },
    ]);
  });

  it("mixed-phases still fires when the exception lists another object", async () => {
    const source = revision(
      'def expand_drop_exceptions():\n    """other"""\n    return {sa.Column: ["users.other"]}\n',
    );
    const { report } = await check(writeProject({ "versions/a1.py": source }));
    expect(findingsOf(report, "mixed-phases")).toHaveLength(1);
  });
});

describe("mixed-phases on a long exception list", () => {
  it("mixed-phases is accepted when an exception list of thousands names every drop, last one first, in seconds", async () => {
    const count = 12_000;
    const drops = Array.from({ length: count }, (_, n) => `op.drop_column("big", "retired_column_${n}")`);
    const listed = Array.from({ length: count }, (_, n) => `"big.retired_column_${count - 1 - n}"`).join(", ");
    const source = revisionFile({
      revision: "a1",
      upgrade: ['op.add_column("big", sa.Column("n", sa.Integer()))', ...drops].join("\n"),
    });
    const started = Date.now();
    const { report } = await check(
      writeProject({
        "versions/a1.py": `${source}\n\ndef expand_drop_exceptions():\n    """retired columns"""\n    return {sa.Column: [${listed}]}\n`,
      }),
    );
    // Looking for an unlisted drop used to scan the whole list once per drop.
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
    expect(report.suppressed.filter((finding) => finding.rule === "mixed-phases")).toMatchObject([
      {
        line: locate(source, drops[0] as string).line,
        suppression: { kind: "phase-exception", reason: "retired columns" },
      },
    ]);
  });
});

describe("mixed-phases of an enum rebuilt under its name", () => {
  it("mixed-phases stays silent for an enum renamed away, created again with a new value and the old copy dropped", async () => {
    const { report, findings } = await analyse(`
op.execute("ALTER TYPE connectiontype RENAME TO connectiontype_old")
op.execute("CREATE TYPE connectiontype AS ENUM ('postgres', 'mysql', 'timescale')")
op.execute("ALTER TABLE connectionconfig ALTER COLUMN connection_type TYPE connectiontype USING connection_type::text::connectiontype")
op.execute("DROP TYPE connectiontype_old")
`);
    expect(findings).toEqual([]);
    const phases = report.revisions[0]?.operations
      .filter((operation) => operation.kind === "rename-object" || operation.kind === "drop-object")
      .map((operation) => operation.phase);
    expect(phases).toEqual(["neutral", "neutral"]);
  });

  it("mixed-phases stays silent for a scratch type the revision creates, renames into place and drops", async () => {
    const { report } = await analyse(`
op.execute("CREATE TYPE status_new AS ENUM ('on', 'off')")
op.execute("DROP TYPE status_new")
op.execute("CREATE TYPE mode_new AS ENUM ('a', 'b')")
op.execute("ALTER TYPE mode_new RENAME TO mode_next")
`);
    const phases = report.revisions[0]?.operations
      .filter((operation) => operation.kind === "rename-object" || operation.kind === "drop-object")
      .map((operation) => operation.phase);
    expect(phases).toEqual(["neutral", "neutral"]);
  });

  it("mixed-phases fires for a type renamed away that nothing creates again: old code uses the old name", async () => {
    const { source, findings } = await analyse(`
op.execute("ALTER TYPE status RENAME TO status_archived")
op.add_column("orders", sa.Column("note", sa.Text()))
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, "ALTER TYPE status RENAME TO status_archived"));
  });
});

describe("mixed-phases with a statement ruled out for the history's database", () => {
  it("mixed-phases stays silent for a SQLite history whose contract sits in the else of its SQLite test", async () => {
    const base = revisionFile({
      revision: "a0",
      upgrade:
        'op.create_table("tokens", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("client_id", sa.Text()))',
    });
    const source = revisionFile({
      revision: "a1",
      down: "a0",
      upgrade: `
op.add_column("tokens", sa.Column("created", sa.DateTime(), nullable=True))
if op.get_context().dialect.name == "sqlite":
    logger.warning("sqlite cannot ALTER TABLE to add foreign keys")
else:
    op.create_foreign_key(None, "tokens", "clients", ["client_id"], ["identifier"], ondelete="CASCADE")
`,
    });
    const root = writeProject({ "versions/a0.py": base, "versions/a1.py": source });
    const sqlite = await check(root, { dialect: "sqlite" });
    expect(findingsOf(sqlite.report, RULE)).toEqual([]);
    // Read as PostgreSQL, the key is added on the history's database, beside the new column.
    const postgres = await check(root);
    expect(findingsOf(postgres.report, RULE)).toHaveLength(1);
  });
});
