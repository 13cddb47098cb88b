import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "add-check-constraint-validated";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("add-check-constraint-validated", () => {
  it("add-check-constraint-validated fires for op.create_check_constraint", async () => {
    const { source, findings } = await analyse(
      'op.create_check_constraint("ck_orders_total", "orders", "total_cents >= 0")',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.create_check_constraint"),
      severity: "error",
      revision: "a1",
      message:
        'CHECK constraint "ck_orders_total" is added to existing table "orders" without NOT VALID: PostgreSQL reads ' +
        "every row to prove it while holding an ACCESS EXCLUSIVE lock, so nothing can read or write the table until " +
        "the scan is done",
    });
    expect(findings[0]?.hint).toContain("postgresql_not_valid=True");
    expect(findings[0]?.hint).toContain("ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_total");
  });

  it("add-check-constraint-validated fires for raw ADD CONSTRAINT CHECK and an inline CHECK on ADD COLUMN", async () => {
    const { source, findings } = await analyse(`
op.execute("ALTER TABLE orders ADD CONSTRAINT ck_qty CHECK (quantity > 0)")
op.execute("ALTER TABLE orders ADD COLUMN discount int CHECK (discount >= 0)")
op.add_column("orders", sa.Column("tip", sa.Integer(), sa.CheckConstraint("tip >= 0")))
`);
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, "ck_qty").line,
      locate(source, "ADD COLUMN discount").line,
      locate(source, '"tip"').line,
    ]);
    expect(findings[1]?.message).toContain("(inline on ADD COLUMN, which cannot be NOT VALID)");
    expect(findings[2]?.message).toContain("(inline on ADD COLUMN, which cannot be NOT VALID)");
  });

  it("add-check-constraint-validated stays silent on NOT VALID, op and SQL", async () => {
    const { findings } = await analyse(`
op.create_check_constraint("ck_a", "orders", "total_cents >= 0", postgresql_not_valid=True)
op.execute("ALTER TABLE orders ADD CONSTRAINT ck_b CHECK (quantity > 0) NOT VALID")
`);
    expect(findings).toEqual([]);
  });

  it("add-check-constraint-validated stays silent on a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("coupons", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("pct", sa.Integer()))
op.create_check_constraint("ck_coupons_pct", "coupons", "pct BETWEEN 0 AND 100")
`);
    expect(findings).toEqual([]);
  });

  it("add-check-constraint-validated stays silent on other dialects", async () => {
    const { findings } = await analyse('op.create_check_constraint("ck_a", "orders", "total_cents >= 0")', {
      dialect: "sqlite",
    });
    expect(findings).toEqual([]);
  });
});

describe("add-check-constraint-validated with VALIDATE in the same transaction", () => {
  const ADD = 'op.execute("ALTER TABLE orders ADD CONSTRAINT ck_qty CHECK (quantity > 0) NOT VALID")';
  const VALIDATE = 'op.execute("ALTER TABLE orders VALIDATE CONSTRAINT ck_qty")';

  it("add-check-constraint-validated fires for VALIDATE in the revision that added the constraint NOT VALID", async () => {
    const { source, findings } = await analyse(`${ADD}\n${VALIDATE}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "ALTER TABLE orders VALIDATE"), severity: "error" });
    expect(findings[0]?.message).toMatch(
      /^CHECK constraint "ck_qty" of existing table "orders" is validated in the same transaction that added it NOT VALID/,
    );
    expect(findings[0]?.hint).toContain("transaction_per_migration=True");
  });

  it("add-check-constraint-validated stays silent when the VALIDATE runs in an autocommit_block", async () => {
    const { findings } = await analyse(`${ADD}\nwith op.get_context().autocommit_block():\n    ${VALIDATE}`);
    expect(findings).toEqual([]);
  });

  it("add-check-constraint-validated fires across revisions only when the release under review holds both", async () => {
    const root = writeProject({
      "versions/a0.py": revisionFile({ revision: "a0", upgrade: "pass" }),
      "versions/a1.py": revisionFile({ revision: "a1", down: "a0", upgrade: ADD }),
      "versions/a2.py": revisionFile({ revision: "a2", down: "a1", upgrade: VALIDATE }),
    });
    expect(findingsOf((await check(root)).report, RULE)).toEqual([]);
    const release = findingsOf((await check(root, { releaseAfter: "a0" })).report, RULE);
    expect(release.map((finding) => finding.revision)).toEqual(["a2"]);
  });

  it("add-check-constraint-validated reads a plain SQL file's own transaction", async () => {
    const root = writeProject({
      "sql/001.sql":
        "BEGIN;\nALTER TABLE orders ADD CONSTRAINT ck_a CHECK (quantity > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT ck_a;\nCOMMIT;\n",
      "sql/002.sql":
        "ALTER TABLE orders ADD CONSTRAINT ck_b CHECK (quantity > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT ck_b;\n",
    });
    const findings = findingsOf((await check(`${root}/sql`)).report, RULE);
    expect(findings.map((finding) => [finding.revision, finding.line])).toEqual([["001", 3]]);
  });
});
