// Root causes of wrong or unwanted findings seen on public Alembic histories, each as a small fixture of our own
// written in the shape the real revisions had (see docs/accuracy.md).
import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../src/cli/check.js";
import { check, findingsOf, type JsonReport, revisionFile, writeProject } from "./support/project.js";

/** A linear history: each body is one revision's upgrade(), r0 first. */
function chain(...upgrades: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  upgrades.forEach((upgrade, index) => {
    files[`versions/r${index}.py`] = revisionFile({
      revision: `r${index}`,
      down: index === 0 ? null : `r${index - 1}`,
      upgrade,
    });
  });
  return files;
}

async function analyse(files: Record<string, string>, options: Partial<CheckOptions> = {}): Promise<JsonReport> {
  return (await check(writeProject(files), options)).report;
}

function phasesOf(report: JsonReport, revision: string): string[] {
  return (report.revisions.find((candidate) => candidate.revision === revision)?.operations ?? []).map(
    (operation) => operation.phase ?? "",
  );
}

function rulesOf(report: JsonReport): string[] {
  return [...new Set(report.findings.map((finding) => finding.rule))].sort();
}

const BLOCKS = `op.create_table(
    "block",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("name", sa.String(), nullable=False),
    sa.Column("spec_id", sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint("id", name="pk_block"),
)
op.create_index("ix_block__name", "block", ["name"])
op.create_index("uq_block__spec_id_name", "block", ["spec_id", "name"], unique=True)`;

describe("renames by drop and re-create", () => {
  it("renames by drop and re-create of indexes and the primary key after a table rename are neutral", async () => {
    const report = await analyse(
      chain(
        BLOCKS,
        `
op.rename_table("block", "block_document")
with op.batch_alter_table("block_document") as batch_op:
    batch_op.drop_index("ix_block__name")
    batch_op.drop_index("uq_block__spec_id_name")
    batch_op.alter_column("spec_id", new_column_name="schema_id")
    batch_op.drop_constraint("pk_block")
with op.batch_alter_table("block_document") as batch_op:
    batch_op.create_index("ix_block_document__name", ["name"])
    batch_op.create_index("uq_block_document__schema_id_name", ["schema_id", "name"], unique=True)
    batch_op.create_primary_key("pk_block_document", ["id"])
`,
      ),
    );
    // The table and column renames stay contracts; every index and key dropped and re-created is a rename.
    expect(phasesOf(report, "r1")).toEqual([
      "contract",
      "neutral",
      "neutral",
      "contract",
      "neutral",
      "neutral",
      "neutral",
      "neutral",
    ]);
  });

  it("renames by drop and re-create: the tenant_id to project_id helper shape reads as renames", async () => {
    const report = await analyse(
      chain(
        `op.create_table("ports", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("tenant_id", sa.String(255)))
op.create_index("ix_ports_tenant_id", "ports", ["tenant_id"])`,
        `
op.alter_column("ports", "tenant_id", new_column_name="project_id", existing_type=sa.String(255))
op.drop_index("ix_ports_tenant_id", table_name="ports")
op.create_index("ix_ports_project_id", "ports", ["project_id"])
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["contract", "neutral", "neutral"]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });

  it("renames by drop and re-create: indexes read from the inspector and rebuilt on the renamed column", async () => {
    const report = await analyse({
      "versions/contract/c1.py": revisionFile({
        revision: "c1",
        header: `
def recreate_index(index, table_name):
    old_name = index["name"]
    new_name = old_name.replace("tenant", "project")
    op.drop_index(op.f(old_name), table_name)
    op.create_index(new_name, table_name, ["project_id"])
`,
        upgrade: `
inspector = sa.inspect(op.get_bind())
for table in inspector.get_table_names():
    op.alter_column(table, "tenant_id", new_column_name="project_id", existing_type=sa.String(255))
    for index in inspector.get_indexes(table):
        if "tenant_id" in index["name"]:
            recreate_index(index, table)
`,
      }),
    });
    expect(phasesOf(report, "c1")).toEqual(["contract", "neutral", "neutral"]);
    expect(findingsOf(report, "phase-mismatch")).toEqual([]);
  });

  it("renames by drop and re-create stay contracts when the new index covers other columns", async () => {
    const report = await analyse(
      chain(
        BLOCKS,
        'op.drop_index("ix_block__name", table_name="block")\nop.create_index("ix_block__spec_id", "block", ["spec_id"])',
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["contract", "expand"]);
  });
});

describe("enum widening", () => {
  const USERS = `op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("auth", sa.Enum("password", "sso", name="auth_kind")))`;

  it("enum widening to a superset of values held in variables is an expand where the values are the type", async () => {
    const report = await analyse(
      chain(
        USERS,
        `
old_auth = sa.Enum("password", "sso", name="auth_kind")
new_auth = sa.Enum("password", "sso", "passkey", name="auth_kind")
op.alter_column("users", "auth", type_=new_auth, existing_type=old_auth)
`,
      ),
      { dialect: "mysql" },
    );
    expect(phasesOf(report, "r1")).toEqual(["expand"]);
    for (const finding of report.findings) expect(finding.message).not.toContain('"new_auth"');
  });

  it("enum widening: on PostgreSQL an enum of the same named type is no change at all", async () => {
    const report = await analyse(
      chain(USERS, 'op.alter_column("users", "auth", type_=sa.Enum("password", "sso", "passkey", name="auth_kind"))'),
    );
    expect(phasesOf(report, "r1")).toEqual(["neutral"]);
    expect(findingsOf(report, "change-column-type")).toEqual([]);
  });

  it("enum widening does not cover dropping a value, and an unreadable type is named as unreadable", async () => {
    const report = await analyse(
      chain(
        USERS,
        `op.alter_column("users", "auth", type_=sa.Enum("password", name="auth_kind_v2"))`,
        `op.alter_column("users", "auth", type_=make_type("auth"))`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["contract"]);
    const messages = findingsOf(report, "change-column-type").map((finding) => finding.message);
    expect(messages[0]).toContain("which is not a widening");
    expect(messages[1]).toContain('changes type to `make_type("auth")` (a type migragate cannot read)');
  });
});

describe("one directive, one phase", () => {
  it("one directive, one phase: a type change with nullable=True is one contract, not a mixed revision", async () => {
    const report = await analyse(
      chain(
        `op.create_table("queries", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("options", sa.Text()))`,
        `op.alter_column("queries", "options", existing_type=sa.Text(), type_=postgresql.JSONB(), nullable=True, postgresql_using="options::jsonb")`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["contract", "contract"]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });

  it("one directive, one phase: nullable=False with a server default in a declared contract revision is no mismatch", async () => {
    const files = {
      "versions/contract/c1.py": revisionFile({
        revision: "c1",
        upgrade: `
with op.batch_alter_table("images") as batch_op:
    batch_op.alter_column("visibility", nullable=False, server_default="shared", existing_type=sa.String(9))
`,
      }),
    };
    const report = await analyse(files);
    expect(phasesOf(report, "c1")).toEqual(["contract", "contract"]);
    expect(findingsOf(report, "phase-mismatch")).toEqual([]);
  });

  it("one directive, one phase: the same alter_column in an expand revision is reported once", async () => {
    const files = {
      "versions/expand/e1.py": revisionFile({
        revision: "e1",
        upgrade:
          'op.alter_column("networks", "mtu", nullable=False, server_default="1500", existing_type=sa.Integer())',
      }),
    };
    const report = await analyse(files);
    expect(findingsOf(report, "phase-mismatch")).toHaveLength(1);
  });
});

describe("redundant and bookkeeping drops", () => {
  it("an index whose columns lead another index of the table is redundant: dropping it is neutral", async () => {
    const report = await analyse(
      chain(
        `op.create_table("block_schema", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("checksum", sa.String()))
op.create_index("uq_block_schema__checksum", "block_schema", ["checksum"], unique=True)
op.create_index("ix_block_schema__checksum", "block_schema", ["checksum"])`,
        `op.add_column("block_schema", sa.Column("kind", sa.String(), nullable=True))
op.drop_index("ix_block_schema__checksum", table_name="block_schema")`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "neutral"]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });

  it("operations on Alembic's own version table are bookkeeping", async () => {
    const report = await analyse(
      chain(`op.create_primary_key("pk_alembic_version", "alembic_version", ["version_num"])
op.create_table("agents", sa.Column("id", sa.String(36), primary_key=True))`),
    );
    expect(phasesOf(report, "r0")).toEqual(["neutral", "expand"]);
  });
});

describe("constraint phases", () => {
  it("constraint phases: a unique key replaced by a wider one with a new defaulted column is a loosening", async () => {
    const report = await analyse(
      chain(
        `op.create_table("work_queue", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String()))
op.create_unique_constraint("uq_work_queue__name", "work_queue", ["name"])`,
        `
op.add_column("work_queue", sa.Column("pool_id", sa.Integer(), server_default="1", nullable=False))
with op.batch_alter_table("work_queue") as batch_op:
    batch_op.drop_constraint("uq_work_queue__name")
    batch_op.create_unique_constraint("uq_work_queue__pool_id_name", ["pool_id", "name"])
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "expand", "expand"]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });

  it("constraint phases: dropping a unique, primary or foreign key is a contract; a check only loosens", async () => {
    const report = await analyse(
      chain(
        'op.drop_constraint("uq_users_email", "users", type_="unique")\n' +
          'op.drop_constraint("orders_user_id_fkey", "orders")\n' +
          'op.drop_constraint("ck_users_age", "users", type_="check")',
      ),
    );
    expect(phasesOf(report, "r0")).toEqual(["contract", "contract", "expand"]);
  });
});

describe("context a reviewer uses", () => {
  it("context: an index dropped just before its column or table says nothing new", async () => {
    const report = await analyse(
      chain(
        `${BLOCKS}\nop.create_table("legacy", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("k", sa.Text()))\nop.create_index("ix_legacy_k", "legacy", ["k"])`,
        `
op.drop_index("ix_block__name", table_name="block")
op.drop_column("block", "name")
op.drop_index("ix_legacy_k")
op.drop_table("legacy")
`,
      ),
      { extendSelect: [] },
    );
    expect(phasesOf(report, "r1")).toEqual(["neutral", "contract", "neutral", "contract"]);
    expect(findingsOf(report, "drop-index-not-concurrently")).toEqual([]);
    expect(findingsOf(report, "missing-lock-timeout").map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^op\.drop_column\("block", "name"\) takes ACCESS EXCLUSIVE on "block"/),
    ]);
  });

  it("context: a scratch column, and a column dropped to be added again, are no drop of an existing column", async () => {
    const report = await analyse(
      chain(
        'op.create_table("queries", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("schedule", sa.String(10)))',
        `
op.add_column("queries", sa.Column("old_schedule", sa.String(10), nullable=True))
op.execute("UPDATE queries SET old_schedule = schedule")
op.drop_column("queries", "schedule")
op.add_column("queries", sa.Column("schedule", sa.Text(), nullable=True))
op.execute("UPDATE queries SET schedule = old_schedule")
op.drop_column("queries", "old_schedule")
`,
      ),
    );
    // The scratch copy is never seen by running code, and "schedule" is dropped only to be added again: running
    // code keeps a column of that name throughout. The backfill in the same revision is still reported.
    expect(findingsOf(report, "drop-column")).toEqual([]);
    expect(phasesOf(report, "r1")).toEqual(["expand", "backfill", "neutral", "expand", "backfill", "neutral"]);
    expect(findingsOf(report, "ddl-with-backfill")).toHaveLength(1);
  });

  it("context: a raw DROP INDEX names the table the history created the index on", async () => {
    const report = await analyse(chain(BLOCKS, 'op.execute("DROP INDEX IF EXISTS ix_block__name")'));
    const lock = findingsOf(report, "missing-lock-timeout")[0];
    expect(lock?.message).toContain('takes ACCESS EXCLUSIVE on "block"');
    expect(rulesOf(report)).toContain("drop-index-not-concurrently");
    expect(findingsOf(report, "drop-index-not-concurrently")[0]?.message).toContain('of table "block"');
  });
});

describe("never name an object the code does not name", () => {
  it("names held by loop variables over reflected data are reported as unknown, never as names", async () => {
    const report = await analyse(
      chain(`
inspector = sa.inspect(op.get_bind())
for table_name, column_name in [(t, "tenant_id") for t in inspector.get_table_names()]:
    op.alter_column(table_name, column_name, new_column_name="project_id")
for index in inspector.get_indexes("ports"):
    op.drop_index(op.f(index["name"]), table_name="ports")
`),
    );
    const messages = report.findings.flatMap((finding) => [
      finding.message,
      ...(finding.related ?? []).map((place) => place.message),
    ]);
    expect(messages.some((message) => message.includes('"table_name"') || message.includes('"column_name"'))).toBe(
      false,
    );
    expect(findingsOf(report, "rename-column")[0]?.message).toContain("of table «table_name» (not known statically)");
    expect(findingsOf(report, "drop-index-not-concurrently")[0]?.message).toContain(
      'index «index["name"]» (not known statically) of table "ports"',
    );
  });

  it("a column given with keyword arguments is read by its name= keyword", async () => {
    const report = await analyse(
      chain(`
op.add_column(
    table_name="tag",
    column=sa.Column(name="immutable", type_=sa.Boolean(), nullable=False, server_default=sa.sql.expression.false()),
)
`),
    );
    expect(report.revisions[0]?.operations[0]).toMatchObject({ kind: "add-column", table: "tag", column: "immutable" });
    expect(findingsOf(report, "add-column-not-null")).toEqual([]);
  });

  it("list comprehensions over literal tables unroll their loops with the real names", async () => {
    const report = await analyse(
      chain(`
TABLES = ("ports", "networks")
for table, model in [(table, sa.table(table, sa.column("id"))) for table in TABLES]:
    op.alter_column(table, "standard_attr_id", nullable=False, existing_type=sa.BigInteger())
`),
    );
    expect(report.revisions[0]?.operations.map((operation) => operation.table)).toEqual(["ports", "networks"]);
  });

  it("tables created under computed names in a loop are new tables of that revision", async () => {
    const report = await analyse(
      chain(
        `op.create_table("instances", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("uuid", sa.String(36)))`,
        `
meta = sa.MetaData()
meta.reflect(bind=op.get_bind())
for table_name in list(meta.tables.keys()):
    op.create_table("shadow_" + table_name, sa.Column("id", sa.Integer(), primary_key=True))
op.create_index("shadow_instances_uuid", "shadow_instances", ["uuid"], unique=True)
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "expand"]);
    expect(findingsOf(report, "create-index-not-concurrently")).toEqual([]);
  });
});

describe("context of declared phases and transactions", () => {
  it("drop-column and drop-table stay silent in a revision declared contract; set-not-null keeps its lock warning", async () => {
    const files = {
      "versions/base.py": revisionFile({
        revision: "base",
        upgrade:
          'op.create_table("ports", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("tenant_id", sa.String(36)), sa.Column("mtu", sa.Integer()))\n' +
          'op.create_table("legacy", sa.Column("id", sa.Integer(), primary_key=True))',
      }),
      "versions/contract/c1.py": revisionFile({
        revision: "c1",
        down: "base",
        upgrade:
          'op.drop_column("ports", "tenant_id")\nop.drop_table("legacy")\nop.alter_column("ports", "mtu", nullable=False, existing_type=sa.Integer())',
      }),
    };
    const report = await analyse(files, { releaseAfter: "base" });
    expect(findingsOf(report, "drop-column")).toEqual([]);
    expect(findingsOf(report, "drop-table")).toEqual([]);
    const [notNull] = findingsOf(report, "set-not-null");
    expect(notNull?.message).toContain("PostgreSQL takes ACCESS EXCLUSIVE");
    expect(notNull?.message).not.toContain("release");
  });

  it("ddl-with-backfill stays silent when the backfill is committed by autocommit_block() before the DDL", async () => {
    const report = await analyse(
      chain(`
op.execute("UPDATE users SET email = lower(email) WHERE organization = false")
with op.get_context().autocommit_block():
    op.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_users_email ON users (email)")
op.drop_index("users_email", table_name="users")
`),
    );
    expect(findingsOf(report, "ddl-with-backfill")).toEqual([]);
  });

  it("ddl-with-backfill still fires when the backfill shares the DDL's transaction", async () => {
    const report = await analyse(
      chain(`
op.add_column("users", sa.Column("email_lower", sa.Text(), nullable=True))
op.execute("UPDATE users SET email_lower = lower(email)")
`),
    );
    expect(findingsOf(report, "ddl-with-backfill")).toHaveLength(1);
  });

  it("a table-level ForeignKeyConstraint in create_table locks the referenced table like an inline ForeignKey", async () => {
    const report = await analyse(
      chain(
        'op.create_table("accounts", sa.Column("id", sa.BigInteger(), primary_key=True))',
        `
op.create_table(
    "invoices",
    sa.Column("id", sa.BigInteger(), primary_key=True),
    sa.Column("account_id", sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name="fk_invoices_account"),
)
`,
      ),
    );
    expect(findingsOf(report, "missing-lock-timeout")[0]?.message).toContain('takes SHARE ROW EXCLUSIVE on "accounts"');
  });
});

describe("dialect-guarded code", () => {
  it("dialect-guarded SQL under a MySQL test, or after an early return for other dialects, gets no PostgreSQL rules", async () => {
    const report = await analyse(
      chain(
        `
bind = op.get_bind()
if bind.engine.name == "mysql":
    op.execute("ALTER TABLE users MODIFY COLUMN bio TEXT")
    op.execute("CREATE INDEX ix_users_bio ON users (bio(10))")
`,
        `
if op.get_bind().dialect.name != "mysql":
    return
op.create_index("ix_users_name", "users", ["name"])
op.add_column("users", sa.Column("uuid", sa.String(36), server_default=sa.text("uuid()"), nullable=True))
`,
      ),
    );
    const postgresOnly = ["create-index-not-concurrently", "missing-lock-timeout", "add-column-volatile-default"];
    expect(report.findings.filter((finding) => postgresOnly.includes(finding.rule))).toEqual([]);
    for (const finding of report.findings) expect(finding.message).not.toContain("PostgreSQL");
  });
});

describe("tables whose names hold a dot", () => {
  it("tables whose names hold a dot keep their facts when the table named by their prefix is dropped", async () => {
    // "audit.events" is one identifier (a schema would be schema=): dropping "audit" leaves its columns known.
    const report = await analyse(
      chain(
        'op.create_table("audit.events", sa.Column("id", sa.Integer, primary_key=True), sa.Column("note", sa.Text, nullable=False))\n' +
          'op.create_table("audit", sa.Column("id", sa.Integer, primary_key=True))',
        'op.drop_table("audit")\nop.alter_column("audit.events", "note", nullable=False)',
      ),
    );
    // The column is NOT NULL already: the SET NOT NULL changes nothing, and set-not-null stays silent.
    expect(phasesOf(report, "r1")).toEqual(["contract", "neutral"]);
    expect(findingsOf(report, "set-not-null")).toEqual([]);
  });
});

describe("misreads", () => {
  it("sa.DateTime(True) is timezone-aware", async () => {
    const report = await analyse(
      chain("pass", 'op.add_column("events", sa.Column("seen_at", sa.DateTime(True), nullable=True))'),
      { extendSelect: ["prefer-timestamptz"] },
    );
    expect(findingsOf(report, "prefer-timestamptz")).toEqual([]);
    expect(report.revisions[1]?.operations[0]).toMatchObject({ kind: "add-column", column: "seen_at" });
  });
});

describe("what the first labelled sample taught", () => {
  it("a unique key declared inside create_table pairs with its later replacement by a wider unique index", async () => {
    const report = await analyse(
      chain(
        `op.create_table(
    "follower",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("event_id", sa.Integer(), nullable=False),
    sa.UniqueConstraint("event_id", name=op.f("uq_follower__event_id")),
)`,
        `
op.add_column("follower", sa.Column("scope", sa.String(), server_default="all", nullable=False))
op.drop_constraint("uq_follower__event_id", "follower", type_="unique")
op.create_index("uq_follower_for_scope", "follower", ["scope", "event_id"], unique=True)
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "expand", "expand"]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });

  it("a unique key over columns that already hold the primary key rejects nothing", async () => {
    const report = await analyse(
      chain(
        'op.create_table("ports", sa.Column("id", sa.String(36), primary_key=True), sa.Column("network_id", sa.String(36)))',
        'op.create_unique_constraint("uniq_ports0id0network_id", "ports", ["id", "network_id"])',
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand"]);
  });

  it("an index drop after its table was locked by the same revision waits for nothing new", async () => {
    const report = await analyse(
      chain(
        `${BLOCKS}`,
        'op.add_column("block", sa.Column("kind", sa.String(), nullable=True))\nop.drop_index("ix_block__name", table_name="block")',
      ),
    );
    expect(findingsOf(report, "drop-index-not-concurrently")).toEqual([]);
  });

  it("the migration tools' version tables are bookkeeping: no phase, no lock finding", async () => {
    const report = await analyse(
      chain(`
if sa.inspect(op.get_bind()).has_table("migrate_version"):
    op.drop_table("migrate_version")
`),
    );
    expect(phasesOf(report, "r0")).toEqual(["neutral"]);
    expect(report.findings).toEqual([]);
  });

  it("dropping a table the history already dropped is no contract", async () => {
    const report = await analyse(
      chain(
        'op.create_table("service_incident", sa.Column("id", sa.Integer(), primary_key=True))',
        'op.drop_table("service_incident")',
        'if sa.inspect(op.get_bind()).has_table("service_incident"):\n    op.drop_table("service_incident")',
      ),
    );
    expect(phasesOf(report, "r2")).toEqual(["neutral"]);
    expect(findingsOf(report, "drop-table").map((finding) => finding.revision)).toEqual(["r1"]);
  });

  it("a column dropped and replaced by a renamed copy keeps its name for running code", async () => {
    const report = await analyse(
      chain(
        'op.create_table("registry", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("password", sa.String(128)))',
        `
op.add_column("registry", sa.Column("password_new", sa.String(4096), nullable=True))
op.execute("UPDATE registry SET password_new = password WHERE id > 0")
op.drop_column("registry", "password")
op.alter_column("registry", "password_new", new_column_name="password")
`,
      ),
    );
    expect(findingsOf(report, "drop-column")).toEqual([]);
    expect(findingsOf(report, "rename-column")).toEqual([]);
  });

  it("a column dropped and added again with nothing copied loses its values: the drop is a contract", async () => {
    const base =
      'op.create_table("package_tag", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("tag_id", sa.Integer()))';
    const lost = await analyse(
      chain(
        base,
        `
op.drop_column("package_tag", "tag_id")
op.add_column("package_tag", sa.Column("tag_id", sa.UnicodeText(), nullable=True))
`,
      ),
    );
    expect(findingsOf(lost, "drop-column").map((finding) => finding.revision)).toEqual(["r1"]);
    expect(phasesOf(lost, "r1")).toEqual(["contract", "expand"]);
    // A copy anywhere in the revision (here into a column kept aside first) keeps it a replacement.
    const copied = await analyse(
      chain(
        base,
        `
op.add_column("package_tag", sa.Column("tag_id_old", sa.Integer(), nullable=True))
op.execute("UPDATE package_tag SET tag_id_old = tag_id WHERE id > 0")
op.drop_column("package_tag", "tag_id")
op.add_column("package_tag", sa.Column("tag_id", sa.UnicodeText(), nullable=True))
op.execute("UPDATE package_tag SET tag_id = tag_id_old::text WHERE id > 0")
`,
      ),
    );
    expect(findingsOf(copied, "drop-column")).toEqual([]);
  });

  it("drops inside a try/except that swallows their failure need no guard", async () => {
    const report = await analyse(
      chain(`
try:
    op.drop_constraint("allocations_ibfk_1", "allocations", type_="foreignkey")
    op.drop_constraint("allocations_ibfk_2", "allocations", type_="foreignkey")
except Exception:
    pass
`),
      { dialect: "mysql" },
    );
    expect(findingsOf(report, "op-without-if-exists")).toEqual([]);
  });

  it("set-not-null on SQLite speaks of the table copy, not of a lock on readers", async () => {
    const files = {
      "versions/sqlite/a0.py": revisionFile({
        revision: "a0",
        upgrade:
          'op.create_table("work_pool", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("type", sa.String()))',
      }),
      "versions/sqlite/a1.py": revisionFile({
        revision: "a1",
        down: "a0",
        upgrade:
          'with op.batch_alter_table("work_pool") as batch_op:\n    batch_op.alter_column("type", nullable=False)',
      }),
    };
    const [finding] = findingsOf(await analyse(files), "set-not-null");
    expect(finding?.message).toContain("SQLite's batch mode copies the whole table to apply it");
    expect(finding?.message).not.toContain("locked against reads");
  });

  it("env-url-not-escaped says an unescaped URL set only for offline runs breaks offline runs", async () => {
    const files = {
      "env.py": `from alembic import context
config = context.config

def run_migrations_offline():
    config.set_main_option("sqlalchemy.url", settings.db_url)
    context.configure(url=settings.db_url)

def run_migrations_online():
    engine = create_engine(settings.db_url)
`,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    };
    const [finding] = findingsOf(await analyse(files), "env-url-not-escaped");
    expect(finding?.message).toContain("breaks the offline runs (`alembic upgrade --sql`) this function serves");
  });
});

describe("what the second labelled sample taught", () => {
  const expandFolder = (upgrade: string, header = "") => ({
    "versions/expand/r1.py": revisionFile({ revision: "r1", upgrade, header }),
  });

  it("rows written out in the source are no backfill, in an expand revision or after DDL", async () => {
    const report = await analyse(
      expandFolder(`
op.create_table("default_rules", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("rule", sa.Text()))
attrs = sa.table("standard_attrs", sa.column("resource_type"))
for rule in ["ingress", "egress"]:
    op.execute(attrs.insert().values(resource_type=rule))
op.execute("INSERT INTO standard_attrs (resource_type) VALUES ('default_rules')")
op.bulk_insert(attrs, [{"resource_type": "a"}, {"resource_type": "b"}])
`),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "neutral", "neutral", "neutral", "neutral"]);
    expect(rulesOf(report)).not.toContain("phase-mismatch");
    expect(rulesOf(report)).not.toContain("ddl-with-backfill");
  });

  it("rows read from the database and written back are a backfill, however they are written", async () => {
    const report = await analyse(
      chain(
        'op.create_table("ports", sa.Column("id", sa.Integer(), primary_key=True))',
        `
op.create_table("port_trust", sa.Column("port_id", sa.Integer()), sa.Column("trusted", sa.Boolean()))
conn = op.get_bind()
trust = sa.table("port_trust", sa.column("port_id"), sa.column("trusted"))
rows = conn.execute(sa.text("SELECT id FROM ports")).fetchall()
for row in rows:
    conn.execute(trust.insert().values(port_id=row[0], trusted=True))
conn.execute(sa.text("INSERT INTO ports (id) VALUES (:id)"), [dict(id=row[0] + 1000) for row in rows])
op.bulk_insert(sa.table("ports", sa.column("id")), get_values(conn))
`,
      ),
    );
    const dataPhases = (report.revisions.find((revision) => revision.revision === "r1")?.operations ?? [])
      .filter((operation) => operation.kind === "data-change")
      .map((operation) => operation.phase);
    // Rows into the table this revision created are its seed data (an expand); rows copied into ports, a backfill.
    expect(dataPhases).toEqual(["expand", "backfill", "backfill"]);
  });

  it("a type migragate cannot read makes no phase claim: no mixed-phases, no phase-mismatch", async () => {
    const report = await analyse(
      expandFolder(
        `
op.add_column("rules", sa.Column("note", sa.Text(), nullable=True))
op.alter_column("rules", "action", type_=LongText(), existing_nullable=True)
`,
        "from myapp.types import LongText",
      ),
    );
    expect(rulesOf(report)).not.toContain("mixed-phases");
    expect(rulesOf(report)).not.toContain("phase-mismatch");
  });

  it("a table dropped and created again is reported for the rows it loses, not for code that fails", async () => {
    const report = await analyse(
      chain(
        'op.create_table("share_mapping", sa.Column("id", sa.Integer(), primary_key=True))',
        `
op.drop_table("share_mapping")
op.create_table("share_mapping", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("uuid", sa.String(36)))
`,
      ),
    );
    const [finding] = findingsOf(report, "drop-table");
    expect(finding?.message).toMatch(
      /^table "share_mapping" is dropped and created again in this revision: running code finds it again, but every row it held is lost/,
    );
    expect(finding?.hint).toContain("copy its rows into the new table");
  });

  it("a primary key widened over columns already NOT NULL is a loosening, not a contract", async () => {
    const report = await analyse(
      chain(
        `op.create_table(
    "port_bindings",
    sa.Column("port_id", sa.String(36), primary_key=True),
    sa.Column("host", sa.String(255), nullable=False, server_default=""),
)`,
        `
op.drop_constraint("port_bindings_pkey", "port_bindings", type_="primary")
op.create_primary_key("port_bindings_pkey", "port_bindings", ["port_id", "host"])
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "expand"]);
  });

  it("a primary key widened over a nullable column stays a contract", async () => {
    const report = await analyse(
      chain(
        `op.create_table(
    "port_bindings",
    sa.Column("port_id", sa.String(36), primary_key=True),
    sa.Column("host", sa.String(255), nullable=True),
)`,
        `
op.drop_constraint("port_bindings_pkey", "port_bindings", type_="primary")
op.create_primary_key("port_bindings_pkey", "port_bindings", ["port_id", "host"])
`,
      ),
    );
    expect(phasesOf(report, "r1")).toContain("contract");
  });

  it("foreign keys read from the inspector, dropped and put back by the same row, are no contract", async () => {
    const report = await analyse(
      expandFolder(`
inspector = sa.inspect(op.get_bind())
fks = inspector.get_foreign_keys("segments")
for fk in fks:
    op.drop_constraint(fk["name"], "segments", type_="foreignkey")
op.add_column("segments", sa.Column("zone", sa.String(36), nullable=True))
for fk in fks:
    op.create_foreign_key(fk["name"], "segments", "networks", ["network_id"], ["id"], ondelete="CASCADE")
`),
    );
    expect(rulesOf(report)).not.toContain("phase-mismatch");
    expect(rulesOf(report)).not.toContain("mixed-phases");
  });

  it("an exception function whose returned mapping is computed from module constants accepts those objects", async () => {
    const header = `
TABLES = [("ports", "ports_id_idx"), ("networks", "networks_id_idx")]


def expand_drop_exceptions():
    """These indexes duplicate the primary key index."""
    return {sa.Index: list({index for _, index in TABLES})}
`;
    const report = await analyse(
      expandFolder(
        `
for table, index in TABLES:
    op.drop_index(index, table_name=table)
`,
        header,
      ),
    );
    expect(findingsOf(report, "phase-mismatch")).toEqual([]);
    expect(report.suppressed.filter((finding) => finding.rule === "phase-mismatch")).toHaveLength(2);
  });

  it("a primary key listed by PostgreSQL's default name is accepted whatever the SQL calls it", async () => {
    const header = `

def expand_drop_exceptions():
    """The key is widened over host so that a port can have several bindings."""
    return {sa.Constraint: ["port_bindings_pkey"]}
`;
    const report = await analyse(
      expandFolder(
        `
if op.get_bind().engine.name == "mysql":
    op.execute("ALTER TABLE port_bindings DROP PRIMARY KEY, ADD PRIMARY KEY (port_id, host)")
`,
        header,
      ),
    );
    expect(findingsOf(report, "phase-mismatch")).toEqual([]);
    expect(report.suppressed.map((finding) => finding.rule)).toContain("phase-mismatch");
  });

  it("a unique index replaced by a looser one built first is no contract", async () => {
    const report = await analyse(
      chain(
        `op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("repo", sa.Integer()), sa.Column("name", sa.String(255)), sa.Column("hidden", sa.Boolean()))
op.create_index("tags_repo_name", "tags", ["repo", "name"], unique=True)`,
        `
op.add_column("tags", sa.Column("expires", sa.Integer(), nullable=True))
with op.get_context().autocommit_block():
    op.create_index("tags_repo_name_hidden", "tags", ["repo", "name", "hidden"], unique=True, postgresql_concurrently=True)
op.drop_index("tags_repo_name", table_name="tags")
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "expand", "expand"]);
    expect(rulesOf(report)).not.toContain("mixed-phases");
  });

  it("an index built for the migration and dropped at its end still holds its lock during the backfill", async () => {
    const report = await analyse(
      chain(
        'op.create_table("runs", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("queue", sa.Text()))',
        `
op.execute("CREATE INDEX ix_runs_queue ON runs (queue)")
op.execute("UPDATE runs SET queue = 'default' WHERE queue = ''")
op.execute("DROP INDEX ix_runs_queue")
`,
      ),
    );
    expect(rulesOf(report)).toContain("ddl-with-backfill");
  });
});

describe("what the third labelled sample taught", () => {
  it("a foreign key dropped and created again on the same columns is no contract, named or by PostgreSQL's default name", async () => {
    const report = await analyse(
      chain(
        `op.create_table("emails", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table(
    "events",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("email_id", sa.Integer(), sa.ForeignKey("emails.id")),
    sa.Column("owner_id", sa.Integer()),
    sa.ForeignKeyConstraint(["owner_id"], ["emails.id"], name=op.f("fk_events_owner_id_emails")),
)`,
        `
op.create_index(op.f("ix_emails_id"), "emails", ["id"])
op.drop_constraint("events_email_id_fkey", "events", type_="foreignkey")
op.create_foreign_key(None, "events", "emails", ["email_id"], ["id"], ondelete="CASCADE")
with op.batch_alter_table("events") as batch_op:
    batch_op.drop_constraint(op.f("fk_events_owner_id_emails"), type_="foreignkey")
with op.batch_alter_table("events") as batch_op:
    batch_op.create_foreign_key(op.f("fk_events_owner_id_emails"), "emails", ["owner_id"], ["id"])
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "neutral", "neutral", "neutral", "neutral"]);
    expect(rulesOf(report)).not.toContain("mixed-phases");
    // The lock is real all the same: the key is checked again against every row.
    expect(findingsOf(report, "add-foreign-key-validated")).toHaveLength(2);
  });

  it("NOT NULL with a server default on a column the revision adds is no contract, and its scan is still reported", async () => {
    const report = await analyse(
      chain(
        'op.create_table("packages", sa.Column("id", sa.Integer(), primary_key=True))',
        `
op.add_column("packages", sa.Column("allow_legacy", sa.Boolean(), nullable=True))
op.execute("UPDATE packages SET allow_legacy = 't' WHERE allow_legacy IS NULL")
op.alter_column("packages", "allow_legacy", nullable=False, server_default=sa.text("false"))
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "backfill", "expand", "expand"]);
    expect(rulesOf(report)).not.toContain("mixed-phases");
    expect(findingsOf(report, "set-not-null")).toHaveLength(1);
  });

  it("NOT NULL without a default on a column the revision adds stays a contract", async () => {
    const report = await analyse(
      chain(
        'op.create_table("packages", sa.Column("id", sa.Integer(), primary_key=True))',
        `
op.add_column("packages", sa.Column("allow_legacy", sa.Boolean(), nullable=True))
op.execute("UPDATE packages SET allow_legacy = 't' WHERE allow_legacy IS NULL")
op.alter_column("packages", "allow_legacy", nullable=False)
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["expand", "backfill", "contract"]);
  });

  it("CREATE OR REPLACE of a function the history created changes it in place: no expand", async () => {
    const create = `CREATE OR REPLACE FUNCTION normalize_name(text) RETURNS text AS $$ SELECT lower($1) $$ LANGUAGE SQL IMMUTABLE`;
    const report = await analyse(
      chain(
        `op.create_table("packages", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
op.execute("${create}")
op.execute("CREATE UNIQUE INDEX packages_name_normalized ON packages (normalize_name(name))")`,
        `
op.execute("DROP INDEX packages_name_normalized")
op.execute("${create.replace("lower($1)", "lower(trim($1))")}")
`,
      ),
    );
    expect(phasesOf(report, "r1")).toEqual(["contract", "neutral"]);
    expect(rulesOf(report)).not.toContain("mixed-phases");
  });

  it("indexes built on a table dropped and created again in the same revision lock nobody out", async () => {
    const report = await analyse(
      chain(
        'op.create_table("worker", sa.Column("id", sa.Integer(), primary_key=True))',
        `
op.drop_table("worker")
op.create_table("worker", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("updated", sa.DateTime()))
op.create_index(op.f("ix_worker__updated"), "worker", ["updated"])
`,
      ),
    );
    expect(findingsOf(report, "create-index-not-concurrently")).toEqual([]);
  });

  it("a foreign key's hint names the referenced columns the code gives, and writes unknown values as the code's own expressions", async () => {
    const report = await analyse(
      chain(
        `op.create_table("plans", sa.Column("code", sa.Text(), primary_key=True))
op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("plan_code", sa.Text()))`,
        `
op.create_foreign_key("fk_accounts_plan", "accounts", "plans", ["plan_code"], ["code"])
for fk in sa.inspect(op.get_bind()).get_foreign_keys("accounts"):
    op.create_foreign_key(fk["name"], "accounts", fk["referred_table"], fk["constrained_columns"], fk["referred_columns"])
`,
      ),
    );
    const hints = findingsOf(report, "add-foreign-key-validated").map((finding) => finding.hint);
    expect(hints[0]).toContain(
      'op.create_foreign_key("fk_accounts_plan", "accounts", "plans", ["plan_code"], ["code"], postgresql_not_valid=True)',
    );
    expect(hints[1]).toBe(
      "Add it NOT VALID now: pass postgresql_not_valid=True to this call; it applies to new writes at once and checks " +
        `no old row. In a later revision, op.execute(f'ALTER TABLE accounts VALIDATE CONSTRAINT {fk["name"]}') checks ` +
        "the old rows under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go on.",
    );
  });
});

describe("what the fifth labelled sample taught", () => {
  const TABLE =
    'op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))';
  /** A column added, backfilled and made NOT NULL, then kept filled by a trigger, as warehouse does it. */
  const filledByTrigger = (timing: string, assignment: string) => `
op.add_column("accounts", sa.Column("name_key", sa.Text(), nullable=True))
op.execute("UPDATE accounts SET name_key = lower(name) WHERE name_key IS NULL")
op.alter_column("accounts", "name_key", nullable=False)
op.execute("""CREATE OR REPLACE FUNCTION fill_name_key() RETURNS TRIGGER AS $$
    BEGIN
        ${assignment}
        RETURN NEW;
    END;
$$ LANGUAGE plpgsql""")
op.execute("""CREATE TRIGGER accounts_name_key
    ${timing} INSERT OR UPDATE OF name ON accounts
    FOR EACH ROW EXECUTE PROCEDURE fill_name_key()""")
`;

  it("NOT NULL on a column the revision adds and a BEFORE INSERT trigger fills is no contract", async () => {
    const report = await analyse(chain(TABLE, filledByTrigger("BEFORE", "NEW.name_key := lower(NEW.name);")));
    expect(phasesOf(report, "r1")).toEqual(["expand", "backfill", "expand", "expand", "expand"]);
    expect(rulesOf(report)).not.toContain("mixed-phases");
    // The scan under ACCESS EXCLUSIVE is still there, and so is the backfill beside the DDL.
    expect(rulesOf(report)).toEqual(expect.arrayContaining(["set-not-null", "ddl-with-backfill"]));
  });

  it("NOT NULL stays a contract when the trigger runs after the insert or only tests the column", async () => {
    for (const [timing, assignment] of [
      ["AFTER", "NEW.name_key := lower(NEW.name);"],
      ["BEFORE", "IF NEW.name_key = '' THEN RAISE EXCEPTION 'empty'; END IF;"],
    ]) {
      const report = await analyse(chain(TABLE, filledByTrigger(timing as string, assignment as string)));
      expect(phasesOf(report, "r1")[2]).toBe("contract");
      expect(rulesOf(report)).toContain("mixed-phases");
    }
  });

  it("a unique index over exactly the columns of a unique key just created is neutral; a wider one stays expand", async () => {
    const swap = (columns: string) => `
op.add_column("accounts", sa.Column("owner_id", sa.Integer(), nullable=True))
op.create_unique_constraint("uq_accounts_owner_name", "accounts", ["owner_id", "name"])
op.create_index("ix_accounts_owner_name", "accounts", [${columns}], unique=True)
op.drop_column("accounts", "name")
`;
    const same = await analyse(chain(TABLE, swap('"name", "owner_id"')));
    expect(phasesOf(same, "r1")[2]).toBe("neutral");
    const wider = await analyse(chain(TABLE, swap('"owner_id", "name", "id"')));
    expect(phasesOf(wider, "r1")[2]).toBe("expand");
  });
});
