import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../src/cli/check.js";
import { check, type JsonOperation, revisionFile, runCli, writeProject } from "./support/project.js";
import { reportSchemaErrors } from "./support/schema.js";

interface LockedOperation extends JsonOperation {
  lock?: string;
  rewrite?: boolean;
  scan?: boolean;
  newTable?: boolean;
  alsoLocks?: string[];
}

/** The upgrade operations of one revision, with their lock facts, as the JSON report gives them. */
async function operations(upgrade: string, options: Partial<CheckOptions> = {}): Promise<LockedOperation[]> {
  const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade }) });
  const { report } = await check(root, options);
  expect(reportSchemaErrors(report)).toEqual([]);
  return (report.revisions[0]?.operations ?? []) as LockedOperation[];
}

function facts(operation: LockedOperation | undefined) {
  return operation === undefined
    ? undefined
    : { lock: operation.lock, rewrite: operation.rewrite, scan: operation.scan };
}

describe("lock model", () => {
  it("lock model gives op.* and raw SQL forms of the same operation the same facts", async () => {
    const ops = await operations(`
op.create_index("ix_users_email", "users", ["email"])
op.execute("CREATE INDEX ix_users_name ON users (name)")
op.create_index("ix_users_phone", "users", ["phone"], postgresql_concurrently=True)
op.execute("CREATE INDEX CONCURRENTLY ix_users_fax ON users (fax)")
op.create_foreign_key("fk_orders_user", "orders", "users", ["user_id"], ["id"])
op.execute("ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID")
`);
    expect(ops.map(facts)).toEqual([
      { lock: "SHARE", rewrite: false, scan: true },
      { lock: "SHARE", rewrite: false, scan: true },
      { lock: "SHARE UPDATE EXCLUSIVE", rewrite: false, scan: true },
      { lock: "SHARE UPDATE EXCLUSIVE", rewrite: false, scan: true },
      { lock: "SHARE ROW EXCLUSIVE", rewrite: false, scan: true },
      { lock: "SHARE ROW EXCLUSIVE", rewrite: false, scan: false },
    ]);
  });

  it("lock model rewrites for volatile defaults, generated columns and, before 11, any default", async () => {
    const upgrade = `
op.add_column("users", sa.Column("token", sa.Text(), server_default=sa.text("gen_random_uuid()")))
op.add_column("users", sa.Column("seen_at", sa.DateTime(), server_default=sa.func.now()))
op.add_column("users", sa.Column("flag", sa.Boolean(), nullable=False, server_default=sa.false()))
op.add_column("users", sa.Column("n", sa.Integer(), sa.Identity()))
op.execute("ALTER TABLE users ADD COLUMN r float DEFAULT random()")
op.execute("ALTER TABLE users ADD COLUMN s bigserial")
op.execute("ALTER TABLE users ADD COLUMN nothing int DEFAULT NULL")
`;
    const on16 = await operations(upgrade);
    expect(on16.map((op) => op.rewrite)).toEqual([true, false, false, true, true, true, false]);
    expect(new Set(on16.map((op) => op.lock))).toEqual(new Set(["ACCESS EXCLUSIVE"]));
    const on10 = await operations(upgrade, { postgresVersion: 10 });
    expect(on10.map((op) => op.rewrite)).toEqual([true, true, true, true, true, true, false]);
  });

  it("lock model claims no rewrite for a quoted constant or a function it does not know", async () => {
    const ops = await operations(`
op.add_column("users", sa.Column("a", sa.Text(), server_default="random()"))
op.add_column("users", sa.Column("b", sa.Text(), server_default=sa.text("my_default()")))
op.add_column("users", sa.Column("c", sa.Float(), server_default=sa.text("random_normal()")))
op.execute("ALTER TABLE users ADD COLUMN d float DEFAULT coalesce(random(), 0)")
`);
    expect(ops.map((op) => op.rewrite)).toEqual([false, false, true, true]);
  });

  it("lock model scans for a NOT NULL column without a default", async () => {
    const [withDefault, without] = await operations(`
op.add_column("users", sa.Column("a", sa.Integer(), nullable=False, server_default="0"))
op.add_column("users", sa.Column("b", sa.Integer(), nullable=False))
`);
    expect(facts(withDefault)).toEqual({ lock: "ACCESS EXCLUSIVE", rewrite: false, scan: false });
    expect(facts(without)).toEqual({ lock: "ACCESS EXCLUSIVE", rewrite: false, scan: true });
  });

  it("lock model tells binary-coercible type changes from rewrites", async () => {
    const ops = await operations(`
op.alter_column("users", "a", existing_type=sa.String(20), type_=sa.String(40))
op.alter_column("users", "b", existing_type=sa.String(40), type_=sa.String(20))
op.alter_column("users", "c", existing_type=sa.String(40), type_=sa.Text())
op.alter_column("users", "d", existing_type=sa.Text(), type_=sa.String(40))
op.alter_column("users", "e", existing_type=sa.Integer(), type_=sa.BigInteger())
op.alter_column("users", "f", existing_type=sa.Numeric(10, 2), type_=sa.Numeric(12, 2))
op.alter_column("users", "g", type_=sa.Text())
op.execute("ALTER TABLE users ALTER COLUMN h TYPE text USING h::text")
`);
    expect(ops.map((op) => op.rewrite)).toEqual([false, true, false, true, true, false, true, true]);
    expect(ops.map((op) => op.scan)).toEqual([false, true, false, true, true, false, true, true]);
  });

  it("lock model follows the version for index renames and REINDEX CONCURRENTLY", async () => {
    const upgrade = `
op.execute("ALTER INDEX ix_a RENAME TO ix_b")
op.execute("REINDEX INDEX CONCURRENTLY ix_b")
`;
    expect((await operations(upgrade, { postgresVersion: 11 })).map((op) => op.lock)).toEqual([
      "ACCESS EXCLUSIVE",
      "SHARE",
    ]);
    expect((await operations(upgrade, { postgresVersion: 12 })).map((op) => op.lock)).toEqual([
      "SHARE UPDATE EXCLUSIVE",
      "SHARE UPDATE EXCLUSIVE",
    ]);
  });

  it("lock model covers constraints, maintenance, DML and utility statements", async () => {
    const ops = await operations(`
op.execute("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID")
op.execute("ALTER TABLE t VALIDATE CONSTRAINT c")
op.create_unique_constraint("uq", "t", ["a"])
op.execute("ALTER TABLE t ADD CONSTRAINT uq2 UNIQUE USING INDEX ix_a")
op.execute("VACUUM FULL t")
op.execute("CLUSTER t USING ix_a")
op.execute("TRUNCATE t")
op.execute("UPDATE t SET a = 1")
op.execute("UPDATE t SET a = 1 WHERE id = 5")
op.execute("COMMENT ON COLUMN t.a IS 'x'")
op.execute("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE")
op.execute("ALTER TABLE t SET (fillfactor = 70)")
op.execute("ALTER TABLE t DISABLE TRIGGER ALL")
op.execute("ALTER TABLE t SET UNLOGGED")
op.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY mv")
op.execute("ALTER TYPE mood ADD VALUE 'meh'")
op.execute("SET lock_timeout = '5s'")
op.execute("GRANT SELECT ON t TO reader")
`);
    expect(ops.map(facts)).toEqual([
      { lock: "ACCESS EXCLUSIVE", rewrite: false, scan: false },
      { lock: "SHARE UPDATE EXCLUSIVE", rewrite: false, scan: true },
      { lock: "ACCESS EXCLUSIVE", rewrite: false, scan: true },
      { lock: "ACCESS EXCLUSIVE", rewrite: false, scan: false },
      { lock: "ACCESS EXCLUSIVE", rewrite: true, scan: true },
      { lock: "ACCESS EXCLUSIVE", rewrite: true, scan: true },
      { lock: "ACCESS EXCLUSIVE", rewrite: false, scan: false },
      { lock: "ROW EXCLUSIVE", rewrite: false, scan: true },
      { lock: "ROW EXCLUSIVE", rewrite: false, scan: false },
      { lock: "SHARE UPDATE EXCLUSIVE", rewrite: false, scan: false },
      { lock: "SHARE ROW EXCLUSIVE", rewrite: false, scan: false },
      { lock: "SHARE UPDATE EXCLUSIVE", rewrite: false, scan: false },
      { lock: "SHARE ROW EXCLUSIVE", rewrite: false, scan: false },
      { lock: "ACCESS EXCLUSIVE", rewrite: true, scan: true },
      { lock: "EXCLUSIVE", rewrite: false, scan: true },
      { lock: undefined, rewrite: false, scan: false },
      { lock: undefined, rewrite: false, scan: false },
      { lock: undefined, rewrite: undefined, scan: undefined },
    ]);
  });

  it("lock model locks views, sequences and the table of a rule", async () => {
    const ops = await operations(`
op.execute("CREATE OR REPLACE VIEW v_active AS SELECT id FROM users WHERE active")
op.execute("CREATE VIEW v_new AS SELECT id FROM users")
op.execute("DROP VIEW IF EXISTS v_old")
op.execute("DROP MATERIALIZED VIEW IF EXISTS mv_old")
op.execute("DROP SEQUENCE IF EXISTS invoice_seq")
op.execute("ALTER SEQUENCE accounts_id_seq RENAME TO customers_id_seq")
op.execute("ALTER VIEW v_active RENAME TO v_enabled")
op.execute("CREATE RULE r_skip AS ON INSERT TO orders WHERE false DO INSTEAD NOTHING")
op.execute("DROP RULE IF EXISTS r_skip ON orders")
op.execute("DROP FUNCTION IF EXISTS one()")
op.execute("CREATE OR REPLACE FUNCTION one() RETURNS int AS 'SELECT 1' LANGUAGE sql")
`);
    const exclusive = { lock: "ACCESS EXCLUSIVE", rewrite: false, scan: false };
    const none = { lock: undefined, rewrite: false, scan: false };
    expect(ops.map(facts)).toEqual([
      exclusive,
      none,
      exclusive,
      exclusive,
      exclusive,
      exclusive,
      exclusive,
      exclusive,
      exclusive,
      none,
      none,
    ]);
    // A rule is created and dropped `ON` its table, and the table is what the lock is on.
    expect([ops[7]?.table, ops[8]?.table]).toEqual(["orders", "orders"]);
  });

  it("lock model marks tables created by the same revision", async () => {
    const [create, index, other] = await operations(`
op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))
op.create_index("ix_teams_id", "teams", ["id"])
op.create_index("ix_users_team", "users", ["team_id"])
`);
    expect(create).toMatchObject({ lock: "ACCESS EXCLUSIVE", newTable: true });
    expect(index).toMatchObject({ lock: "SHARE", scan: true, newTable: true });
    expect(other?.newTable).toBeUndefined();
  });

  it("lock model stays out of MySQL and SQLite operations", async () => {
    const ops = await operations('op.create_index("ix_users_email", "users", ["email"])', { dialect: "mysql" });
    expect(facts(ops[0])).toEqual({ lock: undefined, rewrite: undefined, scan: undefined });
  });
});

describe("--postgres-version", () => {
  const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_table("t")' }) });

  it("--postgres-version accepts a major version and changes the facts", () => {
    const upgrade = 'op.add_column("t", sa.Column("c", sa.Integer(), server_default="0"))';
    const project = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade }) });
    const rewrite = (version: string) => {
      const result = runCli(
        ["check", project, "--format", "json", "--postgres-version", version, "--fail-on", "never"],
        project,
      );
      expect(result.status).toBe(0);
      return JSON.parse(result.stdout).revisions[0].operations[0].rewrite;
    };
    expect(rewrite("10")).toBe(true);
    expect(rewrite("11")).toBe(false);
  });

  it.each(["8", "19", "15.4", "sixteen", ""])("--postgres-version rejects %j with one line and exit 2", (value) => {
    const result = runCli(["check", root, "--postgres-version", value], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `migragate: --postgres-version: expected a major version from 9 to 18, got "${value}"\n`,
    );
    expect(result.stdout).toBe("");
  });
});

describe("lock model of dropped foreign keys", () => {
  /** The operations of revision b2, after a1 made `members` with a key to `accounts` (and `notes` without one). */
  async function afterKeys(upgrade: string): Promise<LockedOperation[]> {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: [
          'op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True))',
          'op.create_table("members", sa.Column("id", sa.Integer(), primary_key=True), ' +
            'sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id")), sa.Column("nick", sa.Text()))',
        ].join("\n"),
      }),
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade }),
    });
    const { report } = await check(root);
    expect(reportSchemaErrors(report)).toEqual([]);
    return (report.revisions.find((revision) => revision.revision === "b2")?.operations ?? []) as LockedOperation[];
  }

  it("lock model of dropped foreign keys names the referenced table for a dropped table, key column or key", async () => {
    for (const upgrade of [
      'op.drop_table("members")',
      'op.drop_column("members", "account_id")',
      'op.drop_constraint("members_account_id_fkey", "members", type_="foreignkey")',
    ]) {
      const [dropped] = await afterKeys(upgrade);
      expect({ upgrade, alsoLocks: dropped?.alsoLocks }).toEqual({ upgrade, alsoLocks: ["accounts"] });
    }
  });

  it("lock model of dropped foreign keys names no other table for a column without a key", async () => {
    const [dropped] = await afterKeys('op.drop_column("members", "nick")');
    expect(dropped?.lock).toBe("ACCESS EXCLUSIVE");
    expect(dropped?.alsoLocks).toBeUndefined();
  });

  it("lock model of dropped foreign keys leaves out a referenced table the same revision created", async () => {
    const operations = await afterKeys(
      [
        'op.create_table("plans", sa.Column("id", sa.Integer(), primary_key=True))',
        'op.add_column("members", sa.Column("plan_id", sa.Integer(), sa.ForeignKey("plans.id")))',
        'op.drop_column("members", "plan_id")',
      ].join("\n"),
    );
    expect(operations.at(-1)?.kind).toBe("drop-column");
    expect(operations.at(-1)?.alsoLocks).toBeUndefined();
  });

  it("lock model of dropped foreign keys follows a rename of the referenced table", async () => {
    const operations = await afterKeys('op.rename_table("accounts", "tenants")\nop.drop_table("members")');
    expect(operations.at(-1)?.alsoLocks).toEqual(["tenants"]);
  });
});
