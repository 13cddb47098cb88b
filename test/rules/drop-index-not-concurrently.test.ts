import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "drop-index-not-concurrently";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("drop-index-not-concurrently", () => {
  it("drop-index-not-concurrently fires for op.drop_index as a warning", async () => {
    const { source, findings } = await analyse('op.drop_index("ix_users_email", table_name="users")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.drop_index"),
      severity: "warning",
      revision: "a1",
      message:
        'index "ix_users_email" of table "users" is dropped without CONCURRENTLY: DROP INDEX takes an ACCESS ' +
        "EXCLUSIVE lock on the table, waits for every running query on it, and blocks all reads and writes that " +
        "arrive meanwhile",
    });
    expect(findings[0]?.hint).toContain(
      'op.drop_index("ix_users_email", table_name="users", postgresql_concurrently=True)',
    );
  });

  it("drop-index-not-concurrently fires for raw SQL DROP INDEX of an unknown table", async () => {
    const { source, findings } = await analyse('op.execute("DROP INDEX IF EXISTS ix_orders_legacy")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "DROP INDEX IF EXISTS"), severity: "warning" });
    expect(findings[0]?.message).toMatch(/^index "ix_orders_legacy" is dropped without CONCURRENTLY/);
    expect(findings[0]?.hint).toContain("DROP INDEX CONCURRENTLY IF EXISTS ix_orders_legacy");
  });

  it("drop-index-not-concurrently stays silent on CONCURRENTLY", async () => {
    const { findings } = await analyse(`
with op.get_context().autocommit_block():
    op.drop_index("ix_a", table_name="users", postgresql_concurrently=True)
    op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_b")
`);
    expect(findings).toEqual([]);
  });

  it("drop-index-not-concurrently stays silent when the index or its table is new in the revision", async () => {
    const { findings } = await analyse(`
op.create_table("teams", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("slug", sa.Text()))
op.create_index("ix_teams_slug", "teams", ["slug"])
op.drop_index("ix_teams_slug", table_name="teams")
op.execute("CREATE INDEX ix_scratch ON users (id)")
op.execute("DROP INDEX ix_scratch")
`);
    expect(findings).toEqual([]);
  });

  it("drop-index-not-concurrently stays silent on an index dropped just before its table, defined or not", async () => {
    // ix_rating_user was built by a loop migragate did not unroll: its definition is unknown, its table is named.
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.create_index("ix_rating_package", "rating", ["package_id"])',
      }),
      "versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: `
op.drop_index("ix_rating_package", table_name="rating")
op.drop_index("ix_rating_user", table_name="rating")
op.drop_table("rating")
`,
      }),
    });
    const { report } = await check(root);
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("drop-index-not-concurrently fires on an unknown index when its table is not the one dropped, or keeps it", async () => {
    const { source, findings } = await analyse(`
op.drop_index("ix_member_group", table_name="member")
op.drop_table("rating")
op.drop_index("ix_package_title", table_name="package")
op.drop_column("package", "title")
`);
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, "ix_member_group").line,
      locate(source, "ix_package_title").line,
    ]);
  });

  it("drop-index-not-concurrently takes a raw DROP INDEX's table from the revision that built the index", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.create_index("ix_users_name", "users", ["name"], postgresql_concurrently=True)',
      }),
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: 'op.execute("DROP INDEX ix_users_name")' }),
    });
    const findings = findingsOf((await check(root)).report, RULE);
    expect(findings.map((finding) => [finding.revision, finding.message.slice(0, 45)])).toEqual([
      ["b2", 'index "ix_users_name" of table "users" is dro'],
    ]);
  });

  it("drop-index-not-concurrently stays silent on other dialects", async () => {
    const { findings } = await analyse('op.drop_index("ix_users_email", table_name="users")', { dialect: "sqlite" });
    expect(findings).toEqual([]);
  });
});

describe("drop-index-not-concurrently after a dropped foreign key", () => {
  const KEYED = revisionFile({
    revision: "a1",
    upgrade: [
      'op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("email", sa.Text()))',
      'op.create_index("ix_accounts_email", "accounts", ["email"])',
      'op.create_table("members", sa.Column("id", sa.Integer(), primary_key=True), ' +
        'sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id")))',
    ].join("\n"),
  });

  async function findingsOfB2(upgrade: string) {
    const source = revisionFile({ revision: "b2", down: "a1", upgrade });
    const { report } = await check(writeProject({ "versions/a1.py": KEYED, "versions/b2.py": source }));
    return findingsOf(report, RULE).filter((finding) => finding.revision === "b2");
  }

  it("drop-index-not-concurrently stays silent on the referenced table the key's drop already locked", async () => {
    const findings = await findingsOfB2(
      'op.drop_column("members", "account_id")\nop.drop_index("ix_accounts_email", table_name="accounts")',
    );
    expect(findings).toEqual([]);
  });

  it("drop-index-not-concurrently fires on that table when no earlier statement locked it", async () => {
    const findings = await findingsOfB2('op.drop_index("ix_accounts_email", table_name="accounts")');
    expect(findings).toHaveLength(1);
  });
});
