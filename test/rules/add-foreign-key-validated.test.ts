import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "add-foreign-key-validated";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("add-foreign-key-validated", () => {
  it("add-foreign-key-validated fires for op.create_foreign_key without postgresql_not_valid", async () => {
    const { source, findings } = await analyse(
      'op.create_foreign_key("fk_orders_customer", "orders", "customers", ["customer_id"], ["id"])',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.create_foreign_key"),
      severity: "error",
      revision: "a1",
      message:
        'foreign key "fk_orders_customer" is added to existing table "orders" without NOT VALID: PostgreSQL checks ' +
        "every existing row against the referenced table while it holds a SHARE ROW EXCLUSIVE lock on both tables, " +
        'so writes to both wait for the whole scan ("orders" and "customers")',
    });
    expect(findings[0]?.hint).toContain(
      'op.create_foreign_key("fk_orders_customer", "orders", "customers", ["customer_id"], ["id"], postgresql_not_valid=True)',
    );
    expect(findings[0]?.hint).toContain("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer");
  });

  it("add-foreign-key-validated names only the existing table's writers when the referenced table is new", async () => {
    const { findings } = await analyse(`
op.create_table("workouts", sa.Column("id", sa.Integer(), primary_key=True))
op.add_column("records", sa.Column("workout_id", sa.Integer(), nullable=True))
op.create_foreign_key("records_workout_id_fkey", "records", "workouts", ["workout_id"], ["id"])
`);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining(
        'so writes to "records" wait for the whole scan ("workouts" is created in this revision: no other session ' +
          "uses it yet)",
      ),
    ]);
    expect(findings[0]?.message).not.toContain("writes to both");
  });

  it("add-foreign-key-validated fires for raw ADD CONSTRAINT ... FOREIGN KEY", async () => {
    const { source, findings } = await analyse(
      'op.execute("ALTER TABLE orders ADD CONSTRAINT fk_c FOREIGN KEY (customer_id) REFERENCES customers (id)")',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "ALTER TABLE orders"), severity: "error" });
  });

  it("add-foreign-key-validated fires for a column added with an inline foreign key, op and SQL", async () => {
    const { findings } = await analyse(`
op.add_column("orders", sa.Column("customer_id", sa.BigInteger(), sa.ForeignKey("customers.id"), nullable=True))
op.execute("ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id)")
`);
    expect(findings.map((finding) => finding.message.split(",")[0])).toEqual([
      'column "customer_id" is added to existing table "orders" with a foreign key to "customers"',
      'column "coupon_id" is added to existing table "orders" with a foreign key to "coupons"',
    ]);
  });

  it("add-foreign-key-validated stays silent on NOT VALID, op and SQL", async () => {
    const { findings } = await analyse(`
op.create_foreign_key("fk_a", "orders", "customers", ["customer_id"], ["id"], postgresql_not_valid=True)
op.execute("ALTER TABLE orders ADD CONSTRAINT fk_b FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID")
with op.get_context().autocommit_block():
    op.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk_b")
`);
    expect(findings).toEqual([]);
  });

  it("add-foreign-key-validated stays silent on a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("invoices", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("order_id", sa.BigInteger(), sa.ForeignKey("orders.id")))
op.create_foreign_key("fk_invoices_customer", "invoices", "customers", ["customer_id"], ["id"])
`);
    expect(findings).toEqual([]);
  });

  it("add-foreign-key-validated stays silent on SQLite, and on MySQL with foreign_key_checks off", async () => {
    const add = 'op.create_foreign_key("fk_a", "orders", "customers", ["customer_id"], ["id"])';
    expect((await analyse(add, { dialect: "sqlite" })).findings).toEqual([]);
    const { findings } = await analyse(
      `op.execute("SET FOREIGN_KEY_CHECKS=0")\n${add}\nop.execute("SET FOREIGN_KEY_CHECKS=1")`,
      { dialect: "mysql" },
    );
    expect(findings).toEqual([]);
  });

  it("add-foreign-key-validated fires on MySQL, which copies the table to add a checked foreign key", async () => {
    const { source, findings } = await analyse(
      [
        'op.create_table("allocations", sa.Column("id", sa.Integer(), primary_key=True), mysql_engine="InnoDB")',
        'op.add_column("nodes", sa.Column("allocation_id", sa.Integer(), nullable=True))',
        'op.create_foreign_key(None, "nodes", "allocations", ["allocation_id"], ["id"])',
        'op.create_foreign_key("fk_allocations_owner", "allocations", "nodes", ["node_id"], ["id"])',
      ].join("\n"),
      { dialect: "mysql" },
    );
    // The key on the table created in this revision copies nothing anyone uses yet.
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, 'op.create_foreign_key(None, "nodes"'),
      severity: "error",
      message:
        'foreign key is added to existing table "nodes": with foreign_key_checks on, MySQL adds a foreign key only by ' +
        'copying the table (ALGORITHM=COPY), and writes to "nodes" wait until the copy ends',
    });
    expect(findings[0]?.hint).toContain('op.execute("SET foreign_key_checks = 0")');
    expect(findings[0]?.message).not.toContain("NOT VALID");
  });

  it("add-foreign-key-validated on MySQL counts only a SET of this session on every path to the key", async () => {
    const add = 'op.create_foreign_key("fk_orders_customer", "orders", "customers", ["customer_id"], ["id"])';
    const cases = [
      // A SET the run may skip, and a SET of the server's default for later sessions: this one still checks.
      `if context.get_x_argument(as_dictionary=True).get("skip_checks"):\n    op.execute("SET foreign_key_checks = 0")\n${add}`,
      `op.execute("SET GLOBAL foreign_key_checks = 0")\n${add}`,
    ];
    for (const upgrade of cases) {
      const { findings } = await analyse(upgrade, { dialect: "mysql" });
      expect(findings.map((finding) => finding.message)).toEqual([
        'foreign key "fk_orders_customer" is added to existing table "orders": with foreign_key_checks on, MySQL adds ' +
          'a foreign key only by copying the table (ALGORITHM=COPY), and writes to "orders" wait until the copy ends',
      ]);
    }
    // Inside the branch that turned the checks off, the key is added in place.
    const { findings: inBranch } = await analyse(
      `if op.get_bind().dialect.name == "mysql":\n    op.execute("SET foreign_key_checks = 0")\n    ${add}`,
      { dialect: "mysql" },
    );
    expect(inBranch).toEqual([]);
  });

  it("add-foreign-key-validated stays silent on MySQL for a table created again, and for inline SQL REFERENCES", async () => {
    const { findings } = await analyse(
      [
        'op.drop_table("orders")',
        'op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("customer_id", sa.Integer()))',
        'op.create_foreign_key("fk_orders_customer", "orders", "customers", ["customer_id"], ["id"])',
        // MySQL parses an inline column REFERENCES and adds no key.
        'op.execute("ALTER TABLE invoices ADD COLUMN customer_id INT REFERENCES customers(id)")',
      ].join("\n"),
      { dialect: "mysql" },
    );
    expect(findings).toEqual([]);
  });

  it("add-foreign-key-validated fires on MySQL for a column added with its foreign key", async () => {
    const { source, findings } = await analyse(
      'op.add_column("listeners", sa.Column("pool_id", sa.String(36), sa.ForeignKey("pools.id"), nullable=True))',
      { dialect: "mysql" },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.add_column"),
      message:
        'column "pool_id" is added to existing table "listeners" with a foreign key to "pools": with ' +
        "foreign_key_checks on, MySQL adds a foreign key only by copying the table (ALGORITHM=COPY), and writes " +
        'to "listeners" wait until the copy ends',
    });
  });

  it("add-foreign-key-validated keeps MySQL's and PostgreSQL's findings of one revision apart", async () => {
    // CTFd-shaped: one branch per database re-creates the same key.
    const { source, findings } = await analyse(
      [
        "url = str(op.get_bind().engine.url)",
        'if url.startswith("mysql"):',
        '    op.create_foreign_key("awards_ibfk_1", "awards", "users", ["user_id"], ["id"], ondelete="CASCADE")',
        'elif url.startswith("postgres"):',
        '    op.create_foreign_key("awards_user_id_fkey", "awards", "users", ["user_id"], ["id"], ondelete="CASCADE")',
      ].join("\n"),
      { dialect: "mysql" },
    );
    expect(findings.map((finding) => [finding.line, finding.related?.length ?? 0])).toEqual([
      [locate(source, '"awards_ibfk_1"').line, 0],
      [locate(source, '"awards_user_id_fkey"').line, 0],
    ]);
    expect(findings[1]?.message).toContain("without NOT VALID");
  });
});

describe("add-foreign-key-validated with VALIDATE in the same transaction", () => {
  it("add-foreign-key-validated fires for VALIDATE in the transaction that added the foreign key NOT VALID", async () => {
    const { source, findings } = await analyse(`
op.create_foreign_key("fk_orders_user", "orders", "users", ["user_id"], ["id"], postgresql_not_valid=True)
op.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "ALTER TABLE orders VALIDATE"), severity: "error" });
    expect(findings[0]?.message).toContain(
      'the SHARE ROW EXCLUSIVE lock the ADD took on "orders" and "users" is held until that transaction commits',
    );
  });

  it("add-foreign-key-validated stays silent for VALIDATE of another constraint or on a new table", async () => {
    const { findings } = await analyse(`
op.create_foreign_key("fk_orders_user", "orders", "users", ["user_id"], ["id"], postgresql_not_valid=True)
op.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_shop")
op.create_table("notes", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("user_id", sa.BigInteger()))
op.create_foreign_key("fk_notes_user", "notes", "users", ["user_id"], ["id"], postgresql_not_valid=True)
op.execute("ALTER TABLE notes VALIDATE CONSTRAINT fk_notes_user")
`);
    expect(findings).toEqual([]);
  });
});

describe("add-foreign-key-validated after a lock the transaction already holds", () => {
  it("add-foreign-key-validated says reads wait too when the key was dropped earlier in the transaction", async () => {
    const { source, findings } = await analyse(
      [
        'op.drop_constraint("fk_orders_customer", "orders", type_="foreignkey")',
        'op.create_foreign_key("fk_orders_customer", "orders", "customers", ["customer_id"], ["id"], ondelete="CASCADE")',
      ].join("\n"),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(
      new RegExp(
        `; reads of "orders" wait too, as this transaction already holds ACCESS EXCLUSIVE on it \\(line ${
          locate(source, "op.drop_constraint").line
        }\\)$`,
      ),
    );
  });

  it("add-foreign-key-validated says nothing of reads when no earlier statement holds a stronger lock", async () => {
    const { findings } = await analyse(
      [
        'op.create_index("ix_orders_placed_at", "orders", ["placed_at"])',
        'op.create_foreign_key("fk_orders_customer", "orders", "customers", ["customer_id"], ["id"])',
      ].join("\n"),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).not.toContain("reads");
  });
});
