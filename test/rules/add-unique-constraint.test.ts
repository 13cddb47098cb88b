import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "add-unique-constraint";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("add-unique-constraint", () => {
  it("add-unique-constraint hints quote a reserved or mixed-case table name, so the SQL runs as written", async () => {
    const reserved = await analyse('op.create_unique_constraint("user_name_key", "user", ["name"])');
    expect(reserved.findings[0]?.hint).toContain(
      'op.execute("ALTER TABLE \\"user\\" ADD CONSTRAINT user_name_key UNIQUE USING INDEX user_name_key")',
    );
    const mixed = await analyse('op.create_unique_constraint("uq_order_ref", "Order", ["ref"], schema="shop")');
    expect(mixed.findings[0]?.hint).toContain('ALTER TABLE shop.\\"Order\\" ADD CONSTRAINT uq_order_ref');
  });

  it("add-unique-constraint fires for op.create_unique_constraint", async () => {
    const { source, findings } = await analyse('op.create_unique_constraint("uq_users_email", "users", ["email"])');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.create_unique_constraint"),
      severity: "error",
      revision: "a1",
      message:
        'UNIQUE constraint "uq_users_email" is added to existing table "users": PostgreSQL builds its unique index ' +
        "inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or write the table until the " +
        "build is done",
    });
    expect(findings[0]?.hint).toContain(
      'op.create_index("uq_users_email", "users", ["email"], unique=True, postgresql_concurrently=True)',
    );
    expect(findings[0]?.hint).toContain(
      "ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email",
    );
  });

  it("add-unique-constraint fires for raw ADD UNIQUE, ADD COLUMN ... UNIQUE and add_column unique=True", async () => {
    const { source, findings } = await analyse(`
op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_handle UNIQUE (handle)")
op.execute("ALTER TABLE users ADD COLUMN api_key text UNIQUE")
op.add_column("users", sa.Column("slug", sa.Text(), unique=True))
`);
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, "uq_users_handle").line,
      locate(source, "api_key").line,
      locate(source, '"slug"').line,
    ]);
  });

  it("add-unique-constraint stays silent on USING INDEX of an index built concurrently", async () => {
    const { findings } = await analyse(`
with op.get_context().autocommit_block():
    op.create_index("uq_users_email", "users", ["email"], unique=True, postgresql_concurrently=True)
op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email")
op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_handle UNIQUE USING INDEX ix_built_long_ago")
`);
    expect(findings).toEqual([]);
  });

  it("add-unique-constraint fires for USING INDEX of an index the history built without CONCURRENTLY", async () => {
    const { source, findings } = await analyse(`
op.create_index("uq_users_email", "users", ["email"], unique=True)
op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "ALTER TABLE users"), severity: "error" });
    expect(findings[0]?.message).toContain('uses index "uq_users_email", which was built without CONCURRENTLY');
  });

  it("add-unique-constraint stays silent on a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("teams", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("slug", sa.Text()))
op.create_unique_constraint("uq_teams_slug", "teams", ["slug"])
`);
    expect(findings).toEqual([]);
  });

  it("add-unique-constraint stays silent on other dialects", async () => {
    const { findings } = await analyse('op.create_unique_constraint("uq_users_email", "users", ["email"])', {
      dialect: "mysql",
    });
    expect(findings).toEqual([]);
  });
});

describe("add-unique-constraint beside a column re-added on another path", () => {
  it("add-unique-constraint is a contract in the else of a branch that re-added the column", async () => {
    const base = revisionFile({
      revision: "a0",
      upgrade:
        'op.create_table("filters", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("code", sa.Text()))',
    });
    const source = revisionFile({
      revision: "a1",
      down: "a0",
      upgrade: `
if op.get_bind().engine.name == "sqlite":
    op.drop_column("filters", "code")
    op.add_column("filters", sa.Column("code", sa.Text()))
    op.create_unique_constraint("uq_filters_code", "filters", ["code"])
else:
    op.create_unique_constraint("uq_filters_code", "filters", ["code"])
`,
    });
    const { report } = await check(writeProject({ "versions/a0.py": base, "versions/a1.py": source }));
    const phases = report.revisions
      .find((revision) => revision.revision === "a1")
      ?.operations.filter((operation) => operation.kind === "add-constraint")
      .map((operation) => operation.phase);
    // On SQLite the key covers only a column the revision added; elsewhere it tightens the existing column.
    expect(phases).toEqual(["expand", "contract"]);
  });
});
