import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "create-index-not-concurrently";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("create-index-not-concurrently", () => {
  it("create-index-not-concurrently fires for op.create_index on an existing table", async () => {
    const { source, findings } = await analyse('op.create_index("ix_users_email", "users", ["email"], unique=True)');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.create_index"),
      severity: "error",
      revision: "a1",
      message:
        'index "ix_users_email" is built on existing table "users" without CONCURRENTLY: CREATE INDEX holds a SHARE ' +
        "lock for the whole build, so every INSERT, UPDATE and DELETE on the table waits until it finishes",
    });
    expect(findings[0]?.hint).toContain(
      'op.create_index("ix_users_email", "users", ["email"], unique=True, postgresql_concurrently=True)',
    );
    expect(findings[0]?.hint).toContain("autocommit_block()");
  });

  it("create-index-not-concurrently fires for raw SQL CREATE INDEX", async () => {
    const { source, findings } = await analyse('op.execute("CREATE INDEX ix_orders_placed ON orders (placed_at)")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "CREATE INDEX ix_orders_placed"), severity: "error" });
    expect(findings[0]?.message).toContain('index "ix_orders_placed" is built on existing table "orders"');
    expect(findings[0]?.hint).toContain("CREATE INDEX CONCURRENTLY ix_orders_placed ON orders");
  });

  it("create-index-not-concurrently stays silent on CONCURRENTLY, op and SQL", async () => {
    const { findings } = await analyse(`
with op.get_context().autocommit_block():
    op.create_index("ix_a", "users", ["a"], postgresql_concurrently=True)
    op.execute("CREATE INDEX CONCURRENTLY ix_b ON users (b)")
`);
    expect(findings).toEqual([]);
  });

  it("create-index-not-concurrently stays silent in the branch for the other databases", async () => {
    // quay-shaped: CONCURRENTLY on PostgreSQL, a plain index elsewhere.
    const { source, findings } = await analyse(
      `
bind = op.get_bind()
if bind.dialect.name == "postgresql":
    with op.get_context().autocommit_block():
        op.create_index("user_email_idx", "user", ["email"], postgresql_concurrently=True)
else:
    op.create_index("user_email_idx", "user", ["email"])
if bind.dialect.name != "postgresql":
    op.create_index("user_name_idx", "user", ["name"])
op.create_index("user_team_idx", "user", ["team_id"])
`,
    );
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, '"user_team_idx"').line]);
  });

  it("create-index-not-concurrently fires in a PostgreSQL branch whose test has other parts", async () => {
    // The `not in` tests the index list, not the database: the branch still runs on PostgreSQL.
    const { source, findings } = await analyse(
      `
bind = op.get_bind()
indexes = [index["name"] for index in sa.inspect(bind).get_indexes("users")]
if bind.dialect.name == "postgresql" and "ix_users_email" not in indexes:
    op.create_index("ix_users_email", "users", ["email"])
if url.startswith("sqlite") is False:
    op.create_index("ix_users_name", "users", ["name"])
`,
    );
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, '"ix_users_email", "users"').line,
      locate(source, '"ix_users_name", "users"').line,
    ]);
  });

  it("create-index-not-concurrently stays silent on a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("teams", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("slug", sa.Text()))
op.create_index("ix_teams_slug", "teams", ["slug"])
op.execute("CREATE INDEX ix_teams_id_slug ON teams (id, slug)")
`);
    expect(findings).toEqual([]);
  });

  it("create-index-not-concurrently fires for a table created by an earlier revision", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.create_table("teams", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True))',
      }),
      "versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: 'op.create_index("ix_t", "teams", ["id"])',
      }),
    });
    const findings = findingsOf((await check(root)).report, RULE);
    expect(findings.map((finding) => finding.revision)).toEqual(["b2"]);
  });

  it("create-index-not-concurrently stays silent on other dialects", async () => {
    const mysql = await analyse('op.create_index("ix_users_email", "users", ["email"])', { dialect: "mysql" });
    expect(mysql.findings).toEqual([]);
    const branch = await analyse(`
if op.get_bind().dialect.name == "sqlite":
    op.create_index("ix_users_email", "users", ["email"])
`);
    expect(branch.findings).toEqual([]);
  });
});
