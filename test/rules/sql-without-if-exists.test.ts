import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "sql-without-if-exists";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root, options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("sql-without-if-exists", () => {
  it("sql-without-if-exists fires for CREATE TABLE without IF NOT EXISTS", async () => {
    const { source, findings } = await analyse('op.execute("CREATE TABLE audit (id bigint PRIMARY KEY)")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "CREATE TABLE audit"),
      severity: "error",
      revision: "a1",
      message:
        "raw SQL `CREATE TABLE audit` has no IF NOT EXISTS guard: it fails if the migration runs again after the " +
        "object already exists",
      hint: "Write it as `CREATE TABLE IF NOT EXISTS audit ...`.",
    });
  });

  it("sql-without-if-exists fires for each statement of a multi-statement string, on its own line", async () => {
    const { source, findings } = await analyse(`
op.execute("""
    CREATE TABLE audit (id int);
    CREATE INDEX ix_users_id ON users (id);
""")
`);
    expect(findings.map((finding) => [finding.line, finding.column, finding.severity, finding.message])).toEqual([
      [
        locate(source, "CREATE TABLE audit").line,
        locate(source, "CREATE TABLE audit").column,
        "error",
        expect.stringMatching(/^raw SQL `CREATE TABLE audit` has no IF NOT EXISTS guard/),
      ],
      [
        locate(source, "CREATE INDEX ix_users_id").line,
        locate(source, "CREATE INDEX ix_users_id").column,
        "error",
        expect.stringMatching(/^raw SQL `CREATE INDEX ix_users_id ON users` has no IF NOT EXISTS guard/),
      ],
    ]);
  });

  it("sql-without-if-exists stays silent on what a revision builds on a table it created without a guard", async () => {
    const { findings } = await analyse(`
op.execute("""
    CREATE TABLE audit (id int);
    CREATE INDEX ix_audit_id ON audit (id);
    ALTER TABLE audit ADD COLUMN note text;
""")
`);
    // A rerun stops at the CREATE TABLE: a guard on the index or the column would change nothing.
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^raw SQL `CREATE TABLE audit` has no IF NOT EXISTS guard/),
    ]);
  });

  it("sql-without-if-exists stays silent on a CREATE INDEX after the revision's DROP INDEX IF EXISTS of it", async () => {
    const { findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_orders_day")
    op.execute("CREATE INDEX CONCURRENTLY ix_orders_day ON orders (day)")
    op.execute("CREATE INDEX CONCURRENTLY ix_orders_week ON orders (week)")
`);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^raw SQL `CREATE INDEX CONCURRENTLY ix_orders_week/),
    ]);
  });

  it("sql-without-if-exists shows a name built at run time as the expression, never as a stand-in", async () => {
    const { findings } = await analyse(`
prefixes = {"vnf": "devices", "servicetypes": "servicetypes"}
for table in ("vnf", "servicetypes"):
    op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {prefixes[table]}_template_id_fkey")
`);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(`${finding.message} ${finding.hint}`).not.toContain("mg_ph_");
      expect(finding.message).toContain("DROP CONSTRAINT «prefixes[table]»_template_id_fkey");
    }
  });

  it("sql-without-if-exists says an unnamed index is built twice on a rerun, and hints at PostgreSQL's own name", async () => {
    const { source, findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("CREATE INDEX CONCURRENTLY ON orders (placed_at)")
    op.execute("CREATE UNIQUE INDEX ON orders (tenant_id, number)")
    op.execute("CREATE INDEX ON orders (lower(email))")
`);
    expect(findings.map((finding) => [finding.line, finding.message, finding.hint])).toEqual([
      [
        locate(source, "placed_at").line,
        "raw SQL `CREATE INDEX CONCURRENTLY ON orders` has no IF NOT EXISTS guard: the index has no name, so it " +
          "cannot take IF NOT EXISTS, and if the migration runs again PostgreSQL builds a second, duplicate index " +
          "under a new name instead of failing",
        "Name the index and add the guard: `CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at_idx ON orders " +
          "(placed_at)` (the name PostgreSQL gives it by default, so the guard also finds an index an earlier run built).",
      ],
      [
        locate(source, "tenant_id").line,
        expect.stringContaining("builds a second, duplicate index"),
        expect.stringContaining(
          "`CREATE UNIQUE INDEX IF NOT EXISTS orders_tenant_id_number_key ON orders (tenant_id, number)`",
        ),
      ],
      [
        locate(source, "lower(email)").line,
        expect.stringContaining("builds a second, duplicate index"),
        expect.stringContaining("`CREATE INDEX IF NOT EXISTS orders_expr_idx ON orders (...)`"),
      ],
    ]);
  });

  it("sql-without-if-exists keeps the failure message for a named index", async () => {
    const { findings } = await analyse('op.execute("CREATE INDEX ix_orders_placed_at ON orders (placed_at)")');
    expect(findings.map((finding) => [finding.message, finding.hint])).toEqual([
      [
        "raw SQL `CREATE INDEX ix_orders_placed_at ON orders` has no IF NOT EXISTS guard: it fails if the migration " +
          "runs again after the object already exists",
        "Write it as `CREATE INDEX IF NOT EXISTS ix_orders_placed_at ON orders (...)`.",
      ],
    ]);
  });

  it("sql-without-if-exists fires for DROP statements run through the connection", async () => {
    const { source, findings } = await analyse(`
conn = op.get_bind()
conn.execute(sa.text("DROP TABLE legacy"))
op.get_bind().exec_driver_sql("DROP INDEX CONCURRENTLY ix_old")
op.execute("ALTER TABLE users DROP CONSTRAINT users_org_fk")
`);
    expect(findings.map((finding) => [finding.line, finding.column, finding.message])).toEqual([
      [
        locate(source, "DROP TABLE legacy").line,
        locate(source, "DROP TABLE legacy").column,
        expect.stringMatching(
          /^raw SQL `DROP TABLE legacy` has no IF EXISTS guard: it fails if the migration runs again after the object is already gone$/,
        ),
      ],
      [
        locate(source, "DROP INDEX CONCURRENTLY").line,
        locate(source, "DROP INDEX CONCURRENTLY").column,
        expect.stringMatching(/^raw SQL `DROP INDEX CONCURRENTLY ix_old` has no IF EXISTS guard/),
      ],
      [
        locate(source, "ALTER TABLE users DROP CONSTRAINT").line,
        locate(source, "ALTER TABLE users DROP CONSTRAINT").column,
        expect.stringMatching(/^raw SQL `ALTER TABLE users DROP CONSTRAINT users_org_fk` has no IF EXISTS guard/),
      ],
    ]);
  });

  it("sql-without-if-exists fires for ADD COLUMN, ALTER TYPE ... ADD VALUE and CREATE EXTENSION", async () => {
    const { source, findings } = await analyse(`
op.execute("ALTER TABLE users ADD COLUMN bio text")
op.execute("ALTER TYPE mood ADD VALUE 'sad'")
op.execute("CREATE EXTENSION pg_trgm")
`);
    expect(findings.map((finding) => [finding.line, finding.hint])).toEqual([
      [locate(source, "ADD COLUMN bio").line, "Write it as `ALTER TABLE users ADD COLUMN IF NOT EXISTS bio ...`."],
      [locate(source, "ALTER TYPE mood").line, "Write it as `ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad'`."],
      [locate(source, "CREATE EXTENSION").line, "Write it as `CREATE EXTENSION IF NOT EXISTS pg_trgm ...`."],
    ]);
  });

  it("sql-without-if-exists fires for ADD COLUMN in a PostgreSQL-only branch of a SQLite project", async () => {
    const { source, findings } = await analyse(
      `
if op.get_bind().dialect.name == "postgresql":
    op.execute("ALTER TABLE users ADD COLUMN tags text[]")
`,
      { dialect: "sqlite" },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "ALTER TABLE users"), severity: "error" });
  });

  it("sql-without-if-exists stays silent for IF NOT EXISTS and IF EXISTS in SQL", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE IF NOT EXISTS audit (id bigint PRIMARY KEY)")
op.execute("CREATE INDEX IF NOT EXISTS ix_audit_id ON audit (id)")
op.execute("ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text")
op.execute("ALTER TABLE users DROP COLUMN IF EXISTS fax")
op.execute("ALTER TABLE users DROP CONSTRAINT IF EXISTS users_org_fk")
op.execute("DROP TABLE IF EXISTS legacy")
op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_old")
op.execute("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy'")
op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
`);
    expect(findings).toEqual([]);
  });

  it("sql-without-if-exists stays silent for CREATE OR REPLACE and objects without an IF NOT EXISTS form", async () => {
    const { findings } = await analyse(`
op.execute("CREATE OR REPLACE VIEW v_active_users AS SELECT * FROM users WHERE active")
op.execute("CREATE OR REPLACE FUNCTION one() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql")
op.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')")
`);
    expect(findings).toEqual([]);
  });

  it("sql-without-if-exists stays silent for temporary tables and their drops, but not for permanent ones", async () => {
    const { source, findings } = await analyse(`
op.execute("CREATE TEMP TABLE moved_ids (id bigint) ON COMMIT DROP")
op.execute("CREATE TEMPORARY TABLE stale AS SELECT id FROM users WHERE last_seen < now() - interval '1 year'")
op.execute("SELECT id INTO TEMP doomed FROM users WHERE deleted")
op.execute("DROP TABLE stale")
op.execute("CREATE TABLE audit (id bigint PRIMARY KEY)")
op.execute("DROP TABLE legacy")
`);
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, "CREATE TABLE audit").line,
      locate(source, "DROP TABLE legacy").line,
    ]);
  });

  it("sql-without-if-exists stays silent for a drop of what the revision renamed or created before it", async () => {
    const { source, findings } = await analyse(`
op.execute("ALTER TYPE elevations_processing RENAME TO elevations_processing_old")
op.execute("CREATE TYPE elevations_processing AS ENUM ('none', 'file', 'open_elevation')")
op.execute("DROP TYPE elevations_processing_old")
op.execute("ALTER TABLE events RENAME TO events_old")
op.execute("DROP TABLE events_old")
op.execute("DROP TYPE never_made_here")
`);
    // PostgreSQL has no CREATE TYPE IF NOT EXISTS: the CREATE TYPE is not this rule's.
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "DROP TYPE never_made_here").line]);
  });

  it("sql-without-if-exists stays silent for MySQL and SQLite temporary tables", async () => {
    const mysql = await analyse('op.execute("CREATE TEMPORARY TABLE moved_ids (id bigint)")', { dialect: "mysql" });
    expect(mysql.findings).toEqual([]);
    const sqlite = await analyse('op.execute("CREATE TEMP TABLE moved_ids (id integer)")', { dialect: "sqlite" });
    expect(sqlite.findings).toEqual([]);
  });

  it("sql-without-if-exists stays silent inside an if not inspector.has_table(...) existence guard", async () => {
    const { findings } = await analyse(`
inspector = sa.inspect(op.get_bind())
if not inspector.has_table("audit"):
    op.execute("CREATE TABLE audit (id bigint PRIMARY KEY)")
    op.execute("CREATE INDEX ix_audit_id ON audit (id)")
`);
    expect(findings).toEqual([]);
  });

  it("sql-without-if-exists stays silent for a statement guarded by IF EXISTS inside a DO block", async () => {
    const { findings } = await analyse(`
op.execute("""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'users_org_fk') THEN
        ALTER TABLE users DROP CONSTRAINT users_org_fk;
    END IF;
END
$$;
""")
`);
    expect(findings).toEqual([]);
  });

  it("sql-without-if-exists stays silent for MySQL statements that have no guard syntax", async () => {
    const { findings } = await analyse(
      `
op.execute("ALTER TABLE users ADD COLUMN bio text")
op.execute("ALTER TABLE users DROP COLUMN fax")
op.execute("CREATE INDEX ix_users_bio ON users (bio)")
`,
      { dialect: "mysql" },
    );
    expect(findings).toEqual([]);
  });

  it("sql-without-if-exists stays silent for ADD COLUMN in a SQLite-only branch", async () => {
    const { findings } = await analyse(`
bind = op.get_bind()
if bind.dialect.name == "sqlite":
    op.execute("ALTER TABLE users ADD COLUMN bio text")
else:
    op.execute("ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text")
`);
    expect(findings).toEqual([]);
  });

  it("sql-without-if-exists stays silent for op.* directives", async () => {
    const { findings } = await analyse(`
op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
op.drop_table("legacy")
op.create_index("ix_users_email", "users", ["email"])
`);
    expect(findings).toEqual([]);
  });

  it("sql-without-if-exists stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      'op.execute("CREATE TABLE IF NOT EXISTS audit (id bigint PRIMARY KEY)")',
      {},
      'op.execute("DROP TABLE audit")',
    );
    expect(findings).toEqual([]);
  });
});

describe("sql-without-if-exists behind an inspector check held in variables", () => {
  it("sql-without-if-exists stays silent when the names the inspector listed reach the condition through a variable", async () => {
    const { findings } = await analyse(`
inspector = sa.inspect(op.get_bind())
indexes = inspector.get_indexes("job")
index_names = [index["name"] for index in indexes]
if "idx_job_status" in index_names:
    op.execute("DROP INDEX idx_job_status")
`);
    expect(findings).toEqual([]);
  });

  it("sql-without-if-exists fires when the condition's variable holds no listing of what exists", async () => {
    const { findings } = await analyse(`
wanted = ["idx_job_status"]
names = [name.upper() for name in wanted]
if "idx_job_status" in names:
    op.execute("DROP INDEX idx_job_status")
`);
    expect(findings).toHaveLength(1);
  });
});
