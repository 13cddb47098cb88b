import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "../support/project.js";

const RULE = "missing-lock-timeout";
const ADD = 'op.add_column("users", sa.Column("bio", sa.Text(), nullable=True), if_not_exists=True)';

async function analyse(upgrade: string, files: Record<string, string> = {}, options = {}) {
  const root = writeProject({ "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade }), ...files });
  const { report } = await check(`${root}/migrations`, options);
  return findingsOf(report, RULE);
}

describe("missing-lock-timeout", () => {
  it("missing-lock-timeout fires for an ACCESS EXCLUSIVE operation on an existing table", async () => {
    const findings = await analyse(`${ADD}\nop.drop_column("users", "nick", if_exists=True)`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", revision: "a1" });
    expect(findings[0]?.message).toBe(
      'op.add_column("users", sa.Column("bio", sa.Text(),… takes ACCESS EXCLUSIVE on "users" (and 1 more statement(s) in this revision), and ' +
        "neither this revision nor env.py sets lock_timeout first: a long transaction on the table makes every " +
        "query behind it wait",
    );
  });

  it("missing-lock-timeout counts statements, not the several locking parts of one alter_column", async () => {
    const findings = await analyse(
      `${ADD}\nop.alter_column("users", "name", type_=sa.Text(), nullable=False, existing_type=sa.String(80))`,
    );
    expect(findings[0]?.message).toContain("(and 1 more statement(s) in this revision)");
  });

  it("missing-lock-timeout fires for a SHARE lock from raw SQL", async () => {
    const findings = await analyse('op.execute("CREATE INDEX IF NOT EXISTS ix_users_bio ON users (bio)")');
    expect(findings[0]?.message).toContain('takes SHARE on "users"');
  });

  it("missing-lock-timeout fires when lock_timeout is set only after the lock, or turned off", async () => {
    expect(await analyse(`${ADD}\nop.execute("SET LOCAL lock_timeout = '5s'")`)).toHaveLength(1);
    expect(
      await analyse(`op.execute("SET lock_timeout = '5s'")\nop.execute("SET lock_timeout = 0")\n${ADD}`),
    ).toHaveLength(1);
  });

  it("missing-lock-timeout fires when SET LOCAL ended with its transaction before the lock", async () => {
    const upgrade = [
      "op.execute(\"SET LOCAL lock_timeout = '5s'\")",
      "with op.get_context().autocommit_block():",
      '    op.drop_index("ix_users_bio", table_name="users", postgresql_concurrently=True, if_exists=True)',
      'op.drop_column("users", "nick", if_exists=True)',
    ].join("\n");
    const findings = await analyse(upgrade);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('takes ACCESS EXCLUSIVE on "users"');
    const root = writeProject({
      "sql/001.sql": "BEGIN;\nSET LOCAL lock_timeout = '5s';\nCOMMIT;\nALTER TABLE users DROP COLUMN IF EXISTS nick;\n",
    });
    expect(findingsOf((await check(`${root}/sql`)).report, RULE)).toHaveLength(1);
  });

  it("missing-lock-timeout reads set_config(..., true) as a SET LOCAL and set_config(..., false) as a SET", async () => {
    const thenDrop = (call: string) =>
      [
        `op.execute("SELECT set_config('lock_timeout', '5s', ${call})")`,
        "with op.get_context().autocommit_block():",
        '    op.execute("SELECT 1")',
        'op.drop_column("users", "nick", if_exists=True)',
      ].join("\n");
    expect(await analyse(thenDrop("true"))).toHaveLength(1);
    expect(await analyse(thenDrop("false"))).toEqual([]);
  });

  it("missing-lock-timeout stays silent after a session-level SET, which outlives transactions", async () => {
    const upgrade = [
      "op.execute(\"SET lock_timeout = '5s'\")",
      "with op.get_context().autocommit_block():",
      '    op.execute("SELECT 1")',
      'op.drop_column("users", "nick", if_exists=True)',
    ].join("\n");
    expect(await analyse(upgrade)).toEqual([]);
  });

  it("missing-lock-timeout stays silent when the revision sets lock_timeout first", async () => {
    expect(await analyse(`op.execute("SET LOCAL lock_timeout = '5s'")\n${ADD}`)).toEqual([]);
    expect(await analyse(`op.execute("SELECT set_config('lock_timeout', '4s', true)")\n${ADD}`)).toEqual([]);
  });

  it("missing-lock-timeout stays silent when env.py sets lock_timeout for every revision", async () => {
    const env = [
      "from alembic import context",
      "from sqlalchemy import create_engine",
      'engine = create_engine(url, connect_args={"options": "-c lock_timeout=5s"})',
      "with engine.connect() as connection:",
      "    context.configure(connection=connection)",
    ].join("\n");
    expect(await analyse(ADD, { "migrations/env.py": env })).toEqual([]);
  });

  it("missing-lock-timeout stays silent for new tables, weak locks and other dialects", async () => {
    const create =
      'op.create_table("flags", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), if_not_exists=True)\n' +
      'op.create_index("ix_flags_id", "flags", ["id"], if_not_exists=True)';
    expect(await analyse(create)).toEqual([]);
    expect(await analyse("op.execute(\"UPDATE users SET bio = '' WHERE id < 10\")")).toEqual([]);
    expect(
      await analyse(
        'op.create_table("tmp", sa.Column("id", sa.BigInteger(), primary_key=True))\nop.execute("TRUNCATE tmp")',
      ),
    ).toEqual([]);
    expect(await analyse(ADD, {}, { dialect: "mysql" })).toEqual([]);
  });

  it("missing-lock-timeout fires for a new table whose foreign key references an existing table", async () => {
    const inline = await analyse(
      'op.execute("CREATE TABLE IF NOT EXISTS payments (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id))")',
    );
    expect(inline).toHaveLength(1);
    expect(inline[0]?.message).toContain('takes SHARE ROW EXCLUSIVE on "accounts"');
    const tableLevel = await analyse(
      'op.execute("CREATE TABLE IF NOT EXISTS payments (id bigint PRIMARY KEY, account_id bigint, ' +
        'CONSTRAINT fk_payments_account FOREIGN KEY (account_id) REFERENCES accounts (id))")',
    );
    expect(tableLevel[0]?.message).toContain('takes SHARE ROW EXCLUSIVE on "accounts"');
    const alembic = await analyse(
      'op.create_table("payments", sa.Column("id", sa.BigInteger(), primary_key=True), ' +
        'sa.Column("account_id", sa.BigInteger(), sa.ForeignKey("accounts.id")), if_not_exists=True)',
    );
    expect(alembic[0]?.message).toContain('takes SHARE ROW EXCLUSIVE on "accounts"');
  });

  it("missing-lock-timeout fires for replacing a view and names the view", async () => {
    const findings = await analyse(
      'op.execute("CREATE OR REPLACE VIEW v_active_users AS SELECT id FROM users WHERE active")',
    );
    expect(findings[0]?.message).toContain('takes ACCESS EXCLUSIVE on "v_active_users"');
    expect(await analyse('op.execute("CREATE VIEW v_new_users AS SELECT id FROM users")')).toEqual([]);
  });

  it("missing-lock-timeout stays silent on a foreign key between tables the revision creates", async () => {
    const findings = await analyse(`
op.execute("CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY)")
op.execute("CREATE TABLE IF NOT EXISTS payments (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id))")
op.execute("ALTER TABLE payments ADD CONSTRAINT fk_parent FOREIGN KEY (id) REFERENCES payments (id)")
`);
    expect(findings).toEqual([]);
  });

  it("missing-lock-timeout reads plain SQL files and their own SET", async () => {
    const root = writeProject({
      "sql/001.sql": "ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text;\n",
      "sql/002.sql": "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN IF EXISTS nick;\n",
    });
    const findings = findingsOf((await check(`${root}/sql`)).report, RULE);
    expect(findings.map((finding) => [finding.revision, finding.message.includes("neither this file")])).toEqual([
      ["001", true],
    ]);
  });
});

describe("plain SQL file transactions", () => {
  it("concurrently-in-transaction stays silent for CONCURRENTLY in a plain SQL file and fires inside its BEGIN", async () => {
    const root = writeProject({
      "sql/001.sql": "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_a ON users (a);\n",
      "sql/002.sql": "BEGIN;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ix_b ON users (b);\nCOMMIT;\n",
    });
    const { report } = await check(`${root}/sql`);
    expect(findingsOf(report, "concurrently-in-transaction").map((finding) => finding.revision)).toEqual(["002"]);
    expect(findingsOf(report, "transaction-control-in-migration")).toEqual([]);
  });
});

describe("missing-lock-timeout across a history", () => {
  const ENV = 'from alembic import context\ncontext.configure(url="postgresql://app@db/app")\n';
  const history = (count: number) => {
    const files: Record<string, string> = { "migrations/env.py": ENV };
    for (let index = 0; index < count; index++) {
      files[`migrations/versions/r${index}.py`] = revisionFile({
        revision: `r${index}`,
        down: index === 0 ? null : `r${index - 1}`,
        upgrade: `op.add_column("users", sa.Column("c${index}", sa.Text(), nullable=True))`,
      });
    }
    return writeProject(files);
  };

  it("missing-lock-timeout reports one env.py without lock_timeout once, at the latest revision, counting the others", async () => {
    const { report } = await check(`${history(5)}/migrations`);
    const findings = findingsOf(report, RULE);
    expect(findings.map((finding) => finding.revision)).toEqual(["r4"]);
    expect(findings[0]?.message).toContain(
      '; 4 other revision(s) under review do the same ("r1", "r2", "r3", ...): one setting in env.py covers them all',
    );
    expect(findings[0]?.hint).toMatch(/^Set it once for every revision in env\.py/);
  });

  it("missing-lock-timeout names only the revisions under review when a release is given", async () => {
    const { report } = await check(`${history(5)}/migrations`, { releaseAfter: "r3" });
    const findings = findingsOf(report, RULE);
    expect(findings.map((finding) => finding.revision)).toEqual(["r4"]);
    expect(findings[0]?.message).not.toContain("other revision");
  });

  it("missing-lock-timeout hints a session setting when the revision leaves its transaction", async () => {
    const findings = await analyse(
      `${ADD}\nwith op.get_context().autocommit_block():\n    op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_bio ON users (bio)")`,
    );
    expect(findings[0]?.hint).toMatch(
      /^Start upgrade\(\) with op\.execute\("SET lock_timeout = '5s'"\) \(a session setting/,
    );
  });
});

describe("missing-lock-timeout on dropped foreign keys", () => {
  it("missing-lock-timeout names the table a dropped foreign key references, which the drop locks too", async () => {
    const root = writeProject({
      "migrations/versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: [
          'op.create_table("annotations", sa.Column("id", sa.Integer(), primary_key=True))',
          'op.create_table("annotation_flags", sa.Column("id", sa.Integer(), primary_key=True), ' +
            'sa.Column("annotation_id", sa.Integer(), sa.ForeignKey("annotations.id")))',
        ].join("\n"),
      }),
      "migrations/versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: 'op.drop_table("annotation_flags")',
      }),
    });
    const { report } = await check(`${root}/migrations`);
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      'takes ACCESS EXCLUSIVE on "annotation_flags" and on "annotations" (PostgreSQL drops the triggers of the ' +
        "foreign keys it removes there)",
    );
  });
});
