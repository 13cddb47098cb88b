import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "set-not-null";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root, options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("set-not-null", () => {
  it("set-not-null hints quote reserved table and column names in the CHECK recipe", async () => {
    const { findings } = await analyse('op.alter_column("group", "order", existing_type=sa.Integer(), nullable=False)');
    expect(findings[0]?.hint).toContain(
      'ALTER TABLE \\"group\\" ADD CONSTRAINT group_order_not_null CHECK (\\"order\\" IS NOT NULL) NOT VALID',
    );
    expect(findings[0]?.hint).toContain('ALTER TABLE \\"group\\" VALIDATE CONSTRAINT group_order_not_null');
  });

  it("set-not-null fires for op.alter_column with nullable=False", async () => {
    const { source, findings } = await analyse(
      'op.alter_column("users", "email", existing_type=sa.String(255), nullable=False)',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.alter_column"),
      severity: "warning",
      revision: "a1",
      message:
        'column "email" of existing table "users" is set NOT NULL: every row is checked while the table is locked ' +
        'against reads and writes (PostgreSQL takes ACCESS EXCLUSIVE on "users" and reads every row, unless a ' +
        "validated CHECK (email IS NOT NULL) already proves it)",
    });
    expect(findings[0]?.hint).toContain(
      'op.execute("ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID")',
    );
  });

  it("set-not-null fires for raw SQL SET NOT NULL", async () => {
    const { source, findings } = await analyse('op.execute("ALTER TABLE users ALTER COLUMN phone SET NOT NULL")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "ALTER TABLE users"),
      severity: "warning",
      message:
        'column "phone" of existing table "users" is set NOT NULL: every row is checked while the table is locked ' +
        'against reads and writes (PostgreSQL takes ACCESS EXCLUSIVE on "users" and reads every row, unless a ' +
        "validated CHECK (phone IS NOT NULL) already proves it)",
    });
  });

  it("set-not-null says PostgreSQL 11 scans anyway and keeps the CHECK instead", async () => {
    const { findings } = await analyse(
      'op.alter_column("users", "email", existing_type=sa.String(255), nullable=False)',
      {
        postgresVersion: 11,
      },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      '(PostgreSQL takes ACCESS EXCLUSIVE on "users" and reads every row; PostgreSQL 11 scans even when a CHECK proves it)',
    );
    expect(findings[0]?.hint).toContain("keep the CHECK instead of NOT NULL: before PostgreSQL 12");
    expect(findings[0]?.hint).not.toContain("nullable=False");
  });

  it("set-not-null hint on PostgreSQL 12+ validates under SHARE UPDATE EXCLUSIVE and then skips the scan", async () => {
    const { findings } = await analyse('op.execute("ALTER TABLE users ALTER COLUMN phone SET NOT NULL")', {
      postgresVersion: 12,
    });
    expect(findings[0]?.hint).toContain(
      'op.execute("ALTER TABLE users VALIDATE CONSTRAINT users_phone_not_null") (SHARE UPDATE EXCLUSIVE: reads and writes go on)',
    );
    expect(findings[0]?.hint).toContain('op.alter_column("users", "phone", nullable=False), which skips the scan');
  });

  it("set-not-null fires for batch_op.alter_column with nullable=False", async () => {
    const { source, findings } = await analyse(`
with op.batch_alter_table("users") as batch_op:
    batch_op.alter_column("name", existing_type=sa.String(50), nullable=False)
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "batch_op.alter_column"), severity: "warning" });
    expect(findings[0]?.message).toContain('column "name" of existing table "users" is set NOT NULL');
  });

  it("set-not-null fires when existing_nullable=True says the column was nullable", async () => {
    const { source, findings } = await analyse(
      'op.alter_column("orders", "ref", existing_type=sa.Text(), existing_nullable=True, nullable=False, schema="shop")',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.alter_column"), severity: "warning" });
    expect(findings[0]?.message).toContain('column "ref" of existing table "shop.orders" is set NOT NULL');
  });

  it("set-not-null fires on MySQL without the PostgreSQL-specific CHECK snippet", async () => {
    const { findings } = await analyse(
      'op.alter_column("users", "email", existing_type=sa.String(255), nullable=False)',
      {
        dialect: "mysql",
      },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning" });
    expect(findings[0]?.message).toContain('column "email" of existing table "users" is set NOT NULL');
    expect(findings[0]?.hint).not.toContain("users_email_not_null");
    expect(findings[0]?.hint).not.toContain("PostgreSQL");
    expect(findings[0]?.hint).toMatch(/^Fill every NULL in an earlier revision .*online schema change tool/);
    expect(findings[0]?.message).not.toContain("ACCESS EXCLUSIVE");
  });

  it("set-not-null stays silent for DROP NOT NULL and nullable=True", async () => {
    const { findings } = await analyse(`
op.alter_column("users", "nickname", existing_type=sa.String(50), nullable=True)
op.execute("ALTER TABLE users ALTER COLUMN phone DROP NOT NULL")
with op.batch_alter_table("users") as batch_op:
    batch_op.alter_column("fax", nullable=True)
`);
    expect(findings).toEqual([]);
  });

  it("set-not-null stays silent for a column of a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("slug", sa.Text()))
op.alter_column("teams", "slug", nullable=False)
`);
    expect(findings).toEqual([]);
  });

  it("set-not-null stays silent for a column of a table created by raw CREATE TABLE in the same revision", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE teams (id int PRIMARY KEY, slug text)")
op.execute("ALTER TABLE teams ALTER COLUMN slug SET NOT NULL")
`);
    expect(findings).toEqual([]);
  });

  it("set-not-null stays silent when the column already was NOT NULL (existing_nullable=False)", async () => {
    const { findings } = await analyse(
      'op.alter_column("users", "email", existing_type=sa.String(255), existing_nullable=False, nullable=False, server_default="")',
    );
    expect(findings).toEqual([]);
  });

  it("set-not-null stays silent for a CHECK (col IS NOT NULL) NOT VALID constraint", async () => {
    const { findings } = await analyse(
      'op.execute("ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID")',
    );
    expect(findings).toEqual([]);
  });

  it("set-not-null stays silent once a validated CHECK (col IS NOT NULL) proves the column, across revisions", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade:
          'op.create_check_constraint("ck_users_email_nn", "users", "email IS NOT NULL", postgresql_not_valid=True)',
      }),
      "versions/a2.py": revisionFile({
        revision: "a2",
        down: "a1",
        upgrade: 'op.execute("ALTER TABLE users VALIDATE CONSTRAINT ck_users_email_nn")',
      }),
      "versions/a3.py": revisionFile({
        revision: "a3",
        down: "a2",
        upgrade: 'op.execute("ALTER TABLE users ALTER COLUMN email SET NOT NULL")',
      }),
    });
    expect(findingsOf((await check(root)).report, RULE)).toEqual([]);
    // PostgreSQL 11 scans even with the CHECK in place.
    const eleven = findingsOf((await check(root, { postgresVersion: 11 })).report, RULE);
    expect(eleven.map((finding) => finding.revision)).toEqual(["a3"]);
  });

  it("set-not-null fires when the CHECK is not validated, proves another column or was dropped", async () => {
    const { findings } = await analyse(`
op.execute("ALTER TABLE users ADD CONSTRAINT ck_phone_nn CHECK (phone IS NOT NULL) NOT VALID")
op.execute("ALTER TABLE users ALTER COLUMN phone SET NOT NULL")
op.execute("ALTER TABLE users ADD CONSTRAINT ck_fax_nn CHECK (fax IS NOT NULL)")
op.execute("ALTER TABLE users ALTER COLUMN email SET NOT NULL")
op.execute("ALTER TABLE users ADD CONSTRAINT ck_mail_nn CHECK (mail IS NOT NULL OR legacy)")
op.execute("ALTER TABLE users ALTER COLUMN mail SET NOT NULL")
op.execute("ALTER TABLE users DROP CONSTRAINT ck_fax_nn")
op.execute("ALTER TABLE users ALTER COLUMN fax SET NOT NULL")
`);
    expect(findings.map((finding) => finding.message.split(" of ")[0])).toEqual([
      'column "phone"',
      'column "email"',
      'column "mail"',
      'column "fax"',
    ]);
  });

  it("set-not-null stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      'op.alter_column("users", "email", existing_type=sa.String(255), nullable=True)',
      {},
      `
op.alter_column("users", "email", existing_type=sa.String(255), nullable=False)
op.execute("ALTER TABLE users ALTER COLUMN email SET NOT NULL")
`,
    );
    expect(findings).toEqual([]);
  });
});

describe("set-not-null in a release", () => {
  const history = () =>
    writeProject({
      "versions/r0.py": revisionFile({
        revision: "r0",
        upgrade: 'op.create_table("users", sa.Column("id", sa.BigInteger(), primary_key=True))',
      }),
      "versions/r1.py": revisionFile({
        revision: "r1",
        down: "r0",
        upgrade: 'op.add_column("users", sa.Column("email", sa.Text(), nullable=True), if_not_exists=True)',
      }),
      "versions/r2.py": revisionFile({
        revision: "r2",
        down: "r1",
        upgrade: "op.execute(\"UPDATE users SET email = '' WHERE id < 1000\")",
      }),
      "versions/r3.py": revisionFile({
        revision: "r3",
        down: "r2",
        upgrade: 'op.alter_column("users", "email", existing_type=sa.Text(), nullable=False)',
      }),
    });

  it("set-not-null says the column was added and backfilled in the same release", async () => {
    const { report } = await check(history(), { releaseAfter: "r0" });
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      '; the column is added in revision "r1" and the table is backfilled in revision "r2" of this same release, so ' +
        "instances of the previous release still insert rows without it: set NOT NULL in a later release",
    );
  });

  it("set-not-null says nothing about releases when the column shipped earlier", async () => {
    const { report } = await check(history(), { releaseAfter: "r2" });
    expect(findingsOf(report, RULE)[0]?.message).not.toContain("same release");
    const { report: whole } = await check(history());
    expect(findingsOf(whole, RULE)[0]?.message).not.toContain("same release");
  });
});

describe("set-not-null in a release of many revisions and operations", () => {
  it("set-not-null names each other revision once, in the order of its first matching operation", async () => {
    const root = writeProject({
      "versions/r0.py": revisionFile({
        revision: "r0",
        upgrade: 'op.create_table("users", sa.Column("id", sa.BigInteger(), primary_key=True))',
      }),
      "versions/r1.py": revisionFile({
        revision: "r1",
        down: "r0",
        upgrade:
          'op.execute("UPDATE users SET id = id WHERE id < 10")\n' +
          'op.add_column("users", sa.Column("Email", sa.Text(), nullable=True))\n' +
          'op.execute("DELETE FROM users WHERE id < 0")',
      }),
      "versions/r2.py": revisionFile({
        revision: "r2",
        down: "r1",
        upgrade:
          'op.add_column("users", sa.Column("phone", sa.Text(), nullable=True))\n' +
          'op.add_column("teams", sa.Column("email", sa.Text(), nullable=True))\n' +
          "op.execute(\"UPDATE teams SET email = '' WHERE id < 10\")",
      }),
      "versions/r3.py": revisionFile({
        revision: "r3",
        down: "r2",
        upgrade:
          'op.add_column("users", sa.Column("email", sa.Text(), nullable=True), if_not_exists=True)\n' +
          "op.execute(\"UPDATE users SET email = '' WHERE id < 1000\")",
      }),
      // Its own backfill is no other revision's: only r1 and r3 are named.
      "versions/r4.py": revisionFile({
        revision: "r4",
        down: "r3",
        upgrade:
          "op.execute(\"UPDATE users SET email = '' WHERE email IS NULL AND id < 1000\")\n" +
          'op.alter_column("users", "email", existing_type=sa.Text(), nullable=False)',
      }),
    });
    const { report } = await check(root, { releaseAfter: "r0" });
    const messages = findingsOf(report, RULE).map((finding) => finding.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(
      '; the table is backfilled in revision "r1" and the column is added in revision "r1" and the column is added in ' +
        'revision "r3" and the table is backfilled in revision "r3" of this same release, so instances of the ' +
        "previous release still insert rows without it: set NOT NULL in a later release",
    );
  });

  it("set-not-null reports thousands of columns after thousands of backfills in seconds", async () => {
    const count = 6_000;
    const root = writeProject({
      "versions/r0.py": revisionFile({ revision: "r0", upgrade: "pass" }),
      "versions/r1.py": revisionFile({
        revision: "r1",
        down: "r0",
        upgrade: Array.from({ length: count }, (_, n) => `op.execute("UPDATE big SET c${n} = 0 WHERE id > ${n}")`).join(
          "\n",
        ),
      }),
      "versions/r2.py": revisionFile({
        revision: "r2",
        down: "r1",
        upgrade: Array.from({ length: count }, (_, n) => `op.alter_column("big", "d${n}", nullable=False)`).join("\n"),
      }),
    });
    const started = Date.now();
    const { report } = await check(root, { releaseAfter: "r0", select: [RULE] });
    // Before the release's changes were indexed once, each column rescanned the whole release: over ten seconds.
    expect(Date.now() - started).toBeLessThan(8_000);
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(count);
    for (const [n, finding] of findings.entries())
      expect(finding.message).toBe(
        `column "d${n}" of existing table "big" is set NOT NULL: every row is checked while the table is locked ` +
          `against reads and writes (PostgreSQL takes ACCESS EXCLUSIVE on "big" and reads every row, unless a ` +
          `validated CHECK (d${n} IS NOT NULL) already proves it); the table is backfilled in revision "r1" of this ` +
          "same release, so instances of the previous release still insert rows without it: set NOT NULL in a " +
          "later release",
      );
  });
});

describe("set-not-null after the safe recipe", () => {
  const recipe = (validate: string) =>
    writeProject({
      "versions/r1.py": revisionFile({
        revision: "r1",
        upgrade: 'op.execute("ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID")',
      }),
      "versions/r2.py": revisionFile({ revision: "r2", down: "r1", upgrade: validate }),
      "versions/r3.py": revisionFile({
        revision: "r3",
        down: "r2",
        upgrade: 'op.alter_column("users", "email", existing_type=sa.Text(), nullable=False)',
      }),
    });

  it("set-not-null stays silent once a validated CHECK proves the column, and the lock claims no scan", async () => {
    const { report } = await check(recipe('op.execute("ALTER TABLE users VALIDATE CONSTRAINT users_email_nn")'));
    expect(findingsOf(report, RULE)).toEqual([]);
    const setNotNull = report.revisions.find((revision) => revision.revision === "r3")?.operations[0] as
      | { scan?: boolean }
      | undefined;
    expect(setNotNull?.scan).toBe(false);
  });

  it("set-not-null fires when the CHECK was never validated or on PostgreSQL 11", async () => {
    expect(findingsOf((await check(recipe("pass"))).report, RULE)).toHaveLength(1);
    const validated = recipe('op.execute("ALTER TABLE users VALIDATE CONSTRAINT users_email_nn")');
    expect(findingsOf((await check(validated, { postgresVersion: 11 })).report, RULE)).toHaveLength(1);
  });

  it("set-not-null stays silent after op.create_check_constraint without NOT VALID", async () => {
    const root = writeProject({
      "versions/r1.py": revisionFile({
        revision: "r1",
        upgrade:
          'op.create_check_constraint("users_email_nn", "users", "email IS NOT NULL")\n' +
          'op.alter_column("users", "email", existing_type=sa.Text(), nullable=False)',
      }),
    });
    expect(findingsOf((await check(root)).report, RULE)).toEqual([]);
  });
});

describe("set-not-null beside a rebuild on another database's path", () => {
  const REBUILD_OR_ALTER = `
dialect = op.get_bind().dialect.name
if dialect == "sqlite":
    op.execute("DROP TABLE IF EXISTS debugger_args")
    op.create_table(
        "debugger_args",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("server_id", sa.Integer(), nullable=False),
    )
else:
    op.add_column("debugger_args", sa.Column("user_id", sa.Integer(), nullable=True))
    op.execute("UPDATE debugger_args SET user_id = s.user_id FROM server s WHERE debugger_args.server_id = s.id")
    op.alter_column("debugger_args", "user_id", nullable=False)
`;

  it("set-not-null fires on the else path of a SQLite rebuild: there the table is the existing one", async () => {
    const base = revisionFile({
      revision: "base",
      upgrade: 'op.create_table("debugger_args", sa.Column("server_id", sa.Integer(), primary_key=True))',
    });
    const source = revisionFile({ revision: "a1", down: "base", upgrade: REBUILD_OR_ALTER });
    const { report } = await check(writeProject({ "versions/base.py": base, "versions/a1.py": source }));
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, 'op.alter_column("debugger_args", "user_id", nullable=False)'));
  });

  it("set-not-null stays silent on a table both paths create, whichever path the later code is on", async () => {
    const { findings } = await analyse(`
sqlite = op.get_bind().dialect.name == "sqlite"
if sqlite:
    op.create_table("archives", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
else:
    op.create_table("archives", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
if sqlite:
    op.alter_column("archives", "name", nullable=False)
`);
    expect(findings).toEqual([]);
  });
});
