import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "op-without-if-exists-strict";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root, { extendSelect: [RULE], ...options });
  return { source, findings: findingsOf(report, RULE) };
}

describe("op-without-if-exists-strict", () => {
  it("op-without-if-exists-strict fires for op.create_index without if_not_exists", async () => {
    const { source, findings } = await analyse('op.create_index("ix_users_email", "users", ["email"])');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.create_index"),
      severity: "warning",
      revision: "a1",
      message:
        'op.create_index of index "ix_users_email" on table "users" has no if_not_exists=True: ' +
        "it fails if the migration runs again after it already exists",
      hint:
        'Guard the call with the inspector: if "ix_users_email" not in {index["name"] for index in ' +
        'sa.inspect(op.get_bind()).get_indexes("users")}: (if_not_exists= needs Alembic >= 1.12 (set ' +
        "alembic-version to get it suggested)).",
    });
  });

  it("op-without-if-exists-strict fires for create_table, drop_table, add_column, drop_column and drop_constraint", async () => {
    const { source, findings } = await analyse(`
op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
op.drop_table("legacy")
op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))
op.drop_column("users", "fax")
op.drop_constraint("fk_users_org", "users", type_="foreignkey")
op.drop_index("ix_users_fax", table_name="users")
`);
    const at = (needle: string) => locate(source, needle).line;
    expect(findings.map((finding) => [finding.line, finding.column, finding.message])).toEqual([
      [at("op.create_table"), 5, expect.stringMatching(/^op\.create_table of table "audit" has no if_not_exists=True/)],
      [at("op.drop_table"), 5, expect.stringMatching(/^op\.drop_table of table "legacy" has no if_exists=True/)],
      [
        at("op.add_column"),
        5,
        expect.stringMatching(/^op\.add_column of column "bio" of table "users" has no if_not_exists=True/),
      ],
      [
        at("op.drop_column"),
        5,
        expect.stringMatching(/^op\.drop_column of column "fax" of table "users" has no if_exists/),
      ],
      [
        at("op.drop_constraint"),
        5,
        expect.stringMatching(/^op\.drop_constraint of constraint "fk_users_org" of table "users" has no if_exists/),
      ],
      [at("op.drop_index"), 5, expect.stringMatching(/^op\.drop_index of index "ix_users_fax" has no if_exists=True/)],
    ]);
  });

  it("op-without-if-exists-strict fires for batch_op directives", async () => {
    const { source, findings } = await analyse(`
with op.batch_alter_table("users") as batch_op:
    batch_op.drop_column("pager")
    batch_op.create_index("ix_users_phone", ["phone"])
`);
    expect(findings.map((finding) => [finding.line, finding.column, finding.severity])).toEqual([
      [locate(source, "batch_op.drop_column").line, 9, "warning"],
      [locate(source, "batch_op.create_index").line, 9, "warning"],
    ]);
    expect(findings[0]?.message).toContain('column "pager" of table "users"');
    expect(findings[1]?.message).toContain('index "ix_users_phone" on table "users"');
  });

  it("op-without-if-exists-strict fires with an upgrade hint when the project's Alembic is too old", async () => {
    const { findings } = await analyse('op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))', {
      alembicVersion: "1.13.1",
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.hint).toBe(
      'Guard the call with the inspector: if "bio" not in {column["name"] for column in ' +
        'sa.inspect(op.get_bind()).get_columns("users")}: (Alembic 1.13.1 has no if_not_exists= here (it needs >= 1.16)).',
    );
    const recent = await analyse('op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))', {
      alembicVersion: "1.16.0",
    });
    expect(recent.findings[0]?.hint).toBe('Write op.add_column("users", sa.Column("bio", ...), if_not_exists=True).');
  });

  it("op-without-if-exists-strict fires for add_column in a PostgreSQL-only branch of a SQLite project", async () => {
    const { source, findings } = await analyse(
      `
if op.get_bind().dialect.name == "postgresql":
    op.add_column("users", sa.Column("tags", sa.Text(), nullable=True))
`,
      { dialect: "sqlite" },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.add_column"), severity: "warning" });
    expect(findings[0]?.message).toContain('column "tags" of table "users"');
  });

  it("op-without-if-exists-strict stays silent when if_exists / if_not_exists=True is passed", async () => {
    const { findings } = await analyse(`
op.create_table("plans", sa.Column("id", sa.Integer(), primary_key=True), if_not_exists=True)
op.create_index("ix_plans_id", "plans", ["id"], if_not_exists=True)
op.drop_index("ix_old", table_name="users", if_exists=True)
op.add_column("users", sa.Column("bio", sa.Text()), if_not_exists=True)
op.drop_column("users", "fax", if_exists=True)
op.drop_constraint("fk_x", "users", type_="foreignkey", if_exists=True)
op.drop_table("legacy", if_exists=True)
`);
    expect(findings).toEqual([]);
  });

  it("op-without-if-exists-strict stays silent inside an if not inspector.has_table(...) existence guard", async () => {
    const { findings } = await analyse(`
inspector = sa.inspect(op.get_bind())
if not inspector.has_table("audit"):
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_index("ix_audit_id", "audit", ["id"])
if "phone" not in [column["name"] for column in inspector.get_columns("users")]:
    op.add_column("users", sa.Column("phone", sa.Text()))
`);
    expect(findings).toEqual([]);
  });

  it("op-without-if-exists-strict stays silent after an early return on an existence check", async () => {
    const { findings } = await analyse(`
if sa.inspect(op.get_bind()).has_table("audit"):
    return
op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
`);
    expect(findings).toEqual([]);
  });

  it("op-without-if-exists-strict stays silent for directives without such a keyword", async () => {
    const { findings } = await analyse(`
op.alter_column("users", "bio", existing_type=sa.String(), type_=sa.Text())
op.create_foreign_key("fk_users_org", "users", "orgs", ["org_id"], ["id"])
op.rename_table("accounts", "customers")
op.execute("SET LOCAL lock_timeout = '5s'")
`);
    expect(findings).toEqual([]);
  });

  it("op-without-if-exists-strict leaves MySQL directives that commit before a later statement to op-without-if-exists", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: `
op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))
op.drop_column("users", "fax")
op.create_index("ix_users_email", "users", ["email"])
op.drop_constraint("fk_users_org", "users", type_="foreignkey")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": source }), {
      dialect: "mysql",
      extendSelect: [RULE],
    });
    expect(findingsOf(report, "op-without-if-exists").map((finding) => finding.line)).toEqual([
      locate(source, "op.add_column").line,
      locate(source, "op.drop_column").line,
      locate(source, "op.create_index").line,
    ]);
    // The last statement cannot be left half applied by a later one: only the strict reading asks for its guard.
    expect(findingsOf(report, RULE).map((finding) => [finding.line, finding.hint])).toEqual([
      [
        locate(source, "op.drop_constraint").line,
        "Guard the call with the inspector: check the inspector's get_foreign_keys / get_unique_constraints / " +
          "get_check_constraints first (if_exists= needs Alembic >= 1.16 (set alembic-version to get it suggested)).",
      ],
    ]);
  });

  it("op-without-if-exists-strict hints the inspector, not the keyword, where MySQL cannot render it", async () => {
    const root = writeProject({
      "alembic.ini": "[alembic]\nscript_location = migrations\nsqlalchemy.url = mysql+pymysql://app@db/app\n",
      "migrations/versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))',
      }),
    });
    const { report } = await check(root, { extendSelect: [RULE], alembicVersion: "1.16.2" });
    expect(report.dialect).toBe("mysql");
    expect(findingsOf(report, RULE).map((finding) => finding.hint)).toEqual([
      'Guard the call with the inspector: if "bio" not in {column["name"] for column in ' +
        'sa.inspect(op.get_bind()).get_columns("users")}: (mysql has no IF [NOT] EXISTS for it).',
    ]);
  });

  it("op-without-if-exists-strict fires for add_column in a SQLite-only branch, where SQLite's DDL rolls back", async () => {
    const { findings } = await analyse(`
if op.get_bind().dialect.name == "sqlite":
    op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))
`);
    expect(findings).toHaveLength(1);
  });

  it("op-without-if-exists-strict stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      "pass",
      {},
      `
op.drop_index("ix_users_email", table_name="users")
op.drop_table("audit")
op.drop_column("users", "bio")
`,
    );
    expect(findings).toEqual([]);
  });
});
