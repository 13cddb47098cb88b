// Cases learned from running migragate over public Alembic histories, rewritten as small fixtures of our own.
import { describe, expect, it } from "vitest";
import { check, findingsOf, type JsonReport, revisionFile, writeProject } from "./support/project.js";

async function analyse(files: Record<string, string>): Promise<JsonReport> {
  return (await check(writeProject(files))).report;
}

/** One revision with this upgrade() body; returns the report. */
function single(upgrade: string, header = ""): Promise<JsonReport> {
  return analyse({ "versions/a1.py": revisionFile({ revision: "a1", upgrade, header }) });
}

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

function phasesOf(report: JsonReport): string[][] {
  return report.revisions.map((revision) => revision.operations.map((operation) => operation.phase ?? ""));
}

describe("dialect folders", () => {
  it("dialect folders stay separate histories when one has a dangling down_revision", async () => {
    const files: Record<string, string> = {};
    for (const dialect of ["postgresql", "sqlite"]) {
      files[`versions/${dialect}/a.py`] = revisionFile({ revision: "aaa", upgrade: 'op.create_table("t")' });
      files[`versions/${dialect}/b.py`] = revisionFile({ revision: "bbb", down: "aaa", upgrade: 'op.drop_table("t")' });
    }
    files["versions/sqlite/c.py"] = revisionFile({ revision: "ccc", down: "gone", upgrade: "pass" });
    const report = await analyse(files);
    expect(findingsOf(report, "duplicate-revision")).toEqual([]);
    expect(findingsOf(report, "multiple-heads")).toEqual([]);
    expect(findingsOf(report, "unknown-down-revision").map((finding) => finding.file)).toEqual([
      "versions/sqlite/c.py",
    ]);
  });

  it("dialect folders do not resolve a reference into a sibling folder", async () => {
    const files: Record<string, string> = {};
    for (const dialect of ["postgresql", "sqlite"]) {
      files[`versions/${dialect}/a.py`] = revisionFile({ revision: "aaa", upgrade: "pass" });
    }
    files["versions/postgresql/p.py"] = revisionFile({ revision: "ppp", down: "aaa", upgrade: "pass" });
    files["versions/sqlite/s.py"] = revisionFile({ revision: "sss", down: "ppp", upgrade: "pass" });
    const report = await analyse(files);
    // sqlite's reference to a postgresql-only revision joins the folders into one id space: the ids now collide.
    expect(findingsOf(report, "duplicate-revision")).toHaveLength(1);
  });
});

describe("existence checks", () => {
  it("existence checks through a variable holding inspector results guard the op", async () => {
    const report = await single(`
inspector = sa.inspect(op.get_bind())
tables = inspector.get_table_names()
if "audit" not in tables:
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
indexes = {index["name"] for index in inspector.get_indexes("users")}
if "ix_users_email" in indexes:
    op.drop_index("ix_users_email", table_name="users")
`);
    expect(findingsOf(report, "op-without-if-exists")).toEqual([]);
  });
});

describe("replacements", () => {
  it("replacements of a foreign key under the same name are not a mixed-phase revision", async () => {
    const report = await single(`
op.drop_constraint("fk_orders_user", "orders", type_="foreignkey")
op.create_foreign_key("fk_orders_user", "orders", "users", ["user_id"], ["id"], ondelete="CASCADE")
`);
    expect(phasesOf(report)).toEqual([["neutral", "contract"]]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });

  it("replacements of an index under the same name leave only the new index", async () => {
    const report = await single(`
op.drop_index("ix_users_email", table_name="users")
op.create_index("ix_users_email", "users", ["email", "id"])
`);
    expect(phasesOf(report)).toEqual([["neutral", "expand"]]);
  });

  it("replacements do not cover a drop that comes after the create", async () => {
    const report = await single(`
op.create_index("ix_tmp", "users", ["email"])
op.drop_index("ix_tmp", table_name="users")
`);
    expect(phasesOf(report)).toEqual([["expand", "contract"]]);
  });

  it("replacements of an existing table by drop then create keep the drop a contract", async () => {
    const report = await single(`
op.drop_table("sessions")
op.create_table("sessions", sa.Column("id", sa.Integer(), primary_key=True))
`);
    // The re-created table is no expand: running code had a table of that name all along.
    expect(phasesOf(report)).toEqual([["contract", "neutral"]]);
    expect(findingsOf(report, "drop-table")).toHaveLength(1);
  });
});

describe("table rebuilds", () => {
  it("table rebuilds treat the re-create and what follows it as no change for running code", async () => {
    const report = await single(`
op.drop_table("links")
op.create_table("links", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("url", sa.Text()))
op.create_index("ux_links_url", "links", ["url"], unique=True)
`);
    expect(phasesOf(report)).toEqual([["contract", "neutral", "neutral"]]);
  });
});

describe("nullability", () => {
  it("nullability loosened on a column the history shows nullable already changes nothing", async () => {
    const report = await analyse(
      chain(
        'op.create_table("queries", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("options", sa.Text()))',
        'op.alter_column("queries", "options", existing_type=sa.Text(), type_=sa.Text(), nullable=True)',
      ),
    );
    // One alter_column, one change: a type_ and a nullable= that both restate the history change nothing.
    expect(phasesOf(report)[1]).toEqual(["neutral", "neutral"]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });
});

describe("check constraints", () => {
  it("check constraints that read only a column added by the same revision are expand", async () => {
    const report = await single(`
op.add_column("files", sa.Column("digest", sa.Text(), nullable=True))
op.create_check_constraint("ck_files_digest", "files", "digest ~* '^[a-f0-9]{64}$' AND length(digest::text) = 64")
op.execute("ALTER TABLE files ADD CONSTRAINT ck_digest_lower CHECK (digest = lower(digest))")
`);
    expect(phasesOf(report)).toEqual([["expand", "expand", "expand"]]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });

  it("check constraints that read an existing column are a contract", async () => {
    const report = await single(`
op.create_check_constraint("ck_users_age", "users", "age >= 0")
op.execute("ALTER TABLE users ADD CONSTRAINT ck_name CHECK (name <> '')")
`);
    expect(phasesOf(report)).toEqual([["contract", "contract"]]);
  });
});

describe("schema knowledge", () => {
  it("schema knowledge keeps set-not-null silent for a column already declared NOT NULL", async () => {
    const report = await analyse(
      chain(
        'op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.Text(), nullable=False))',
        'op.alter_column("users", "email", nullable=False, existing_type=sa.Text())\nop.alter_column("users", "id", nullable=False)',
      ),
    );
    expect(findingsOf(report, "set-not-null")).toEqual([]);
    expect(phasesOf(report)[1]).toEqual(["neutral", "neutral"]);
  });

  it("schema knowledge still reports set-not-null once a column was made nullable again", async () => {
    const report = await analyse(
      chain(
        'op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.Text(), nullable=False))',
        'op.alter_column("users", "email", nullable=True)',
        'op.alter_column("users", "email", nullable=False)',
      ),
    );
    expect(findingsOf(report, "set-not-null").map((finding) => finding.revision)).toEqual(["r2"]);
  });

  it("schema knowledge keeps rename-column silent for a column added by the same revision", async () => {
    const report = await single(`
op.add_column("users", sa.Column("nick", sa.Text(), nullable=True))
op.alter_column("users", "nick", new_column_name="nickname")
`);
    expect(findingsOf(report, "rename-column")).toEqual([]);
  });
});

describe("unique indexes", () => {
  it("unique indexes on existing columns are a contract", async () => {
    const report = await single('op.create_index("ux_users_email", "users", ["email"], unique=True)');
    expect(phasesOf(report)).toEqual([["contract"]]);
  });

  it("unique indexes on a column added by the same revision are an expand", async () => {
    const report = await single(`
op.add_column("users", sa.Column("handle", sa.Text(), nullable=True))
op.create_index("ux_users_handle", "users", ["handle"], unique=True)
`);
    expect(phasesOf(report)).toEqual([["expand", "expand"]]);
  });
});

describe("data changes", () => {
  it("data changes of a few literal rows next to DDL are not a ddl-with-backfill", async () => {
    const report = await single(`
op.execute("DROP TRIGGER IF EXISTS normalise_names ON names")
op.execute("INSERT INTO blocked_names (name) VALUES ('admin')")
`);
    expect(findingsOf(report, "ddl-with-backfill")).toEqual([]);
  });

  it("data changes through db.session.execute are seen", async () => {
    const report = await single(`
op.add_column("users", sa.Column("active", sa.Boolean(), nullable=True))
db.session.execute(sa.text("UPDATE users SET active = true"))
`);
    expect(findingsOf(report, "ddl-with-backfill")).toHaveLength(1);
  });

  it("data changes inside a loop over a list filled at run time are seen once", async () => {
    const report = await single(`
rows = []
for row in op.get_bind().execute(sa.text("SELECT id FROM users")):
    rows.append(row)
for row in rows:
    op.execute(sa.text("UPDATE users SET score = 0 WHERE id = :id").bindparams(id=row.id))
`);
    const updates = report.revisions[0]?.operations.filter((operation) => operation.kind === "data-change") ?? [];
    expect(updates).toHaveLength(1);
    expect(updates[0]?.context?.inLoop).toBe(true);
  });
});

describe("sql text", () => {
  it("sql text with an apostrophe in a comment still substitutes its binds", async () => {
    const report = await single(`
op.execute(sa.text("""
    -- don't touch archived rows
    UPDATE users SET name = :name WHERE id = :id
"""))
`);
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
    expect(report.revisions[0]?.operations.map((operation) => operation.kind)).toEqual(["data-change"]);
  });

  it("sql text that only fails because of unresolved parts says so", async () => {
    const report = await single(`
for table in get_tables():
    op.execute("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb4")
`);
    const [finding] = findingsOf(report, "unparsed-sql");
    expect(finding?.message).toContain("built partly at run time");
  });
});

describe("branch values", () => {
  it("branch values assigned per dialect run each under its own dialect", async () => {
    const report = await single(`
bind = op.get_bind()
if bind.dialect.name == "postgresql":
    query = "INSERT INTO tags (name) VALUES (:name) ON CONFLICT DO NOTHING"
else:
    query = "INSERT OR IGNORE INTO tags (name) VALUES (:name)"
op.execute(sa.text(query))
`);
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
    const inserts = report.revisions[0]?.operations ?? [];
    expect(inserts.map((operation) => [operation.kind, operation.context?.conditions])).toEqual([
      ["data-change", ['bind.dialect.name == "postgresql"']],
      ["data-change", ['not (bind.dialect.name == "postgresql")']],
    ]);
  });

  it("branch values read by another dialect's parser are judged by that dialect's rules", async () => {
    const report = await single(`
if op.get_bind().dialect.name != "postgresql":
    op.execute("ALTER TABLE users MODIFY COLUMN bio TEXT, ADD COLUMN nickname VARCHAR(40) AFTER bio")
`);
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
    // MySQL has no ADD COLUMN IF NOT EXISTS: recommending it would be wrong advice.
    expect(findingsOf(report, "sql-without-if-exists")).toEqual([]);
  });

  it("branch values assigned in one branch only keep that value", async () => {
    const report = await single(`
sql = "SELECT 1"
if True:
    sql = "UPDATE users SET flag = true"
op.execute(sql)
`);
    expect(report.revisions[0]?.operations.map((operation) => operation.kind)).toEqual(["data-change"]);
  });
});

describe("module layout", () => {
  it("module layout with a comment before the docstring still reads the message", async () => {
    const source = `# generated by a template\n${revisionFile({ revision: "a1", upgrade: "pass" })}`;
    const report = await analyse({ "versions/a1.py": source });
    expect(report.revisions[0]?.message).toBe("a1 migration");
  });
});

describe("column types", () => {
  it("column types of the MySQL text family widen without a finding", async () => {
    const report = await single(`
op.alter_column("posts", "body", existing_type=sa.Text(), type_=mysql.MEDIUMTEXT())
op.alter_column("posts", "notes", existing_type=mysql.MEDIUMTEXT(), type_=mysql.LONGTEXT())
`);
    expect(findingsOf(report, "change-column-type")).toEqual([]);
  });

  it("column types of the MySQL text family report a narrowing", async () => {
    const report = await single('op.alter_column("posts", "body", existing_type=mysql.MEDIUMTEXT(), type_=sa.Text())');
    expect(findingsOf(report, "change-column-type")).toHaveLength(1);
    expect(phasesOf(report)).toEqual([["contract"]]);
  });

  it("column types from integer to a wide enough numeric are a widening", async () => {
    const report = await single(`
op.alter_column("items", "price", existing_type=sa.Integer(), type_=sa.Numeric(12, 2))
op.alter_column("items", "weight", existing_type=sa.Integer(), type_=sa.Numeric(6, 2))
`);
    expect(phasesOf(report)).toEqual([["expand", "contract"]]);
  });

  it("column types read a dialect variant as its base type", async () => {
    const report = await single(
      'op.alter_column("docs", "data", existing_type=sa.Text(), type_=sa.Text().with_variant(mysql.LONGTEXT(), "mysql"))',
    );
    expect(findingsOf(report, "change-column-type")).toEqual([]);
  });
});
