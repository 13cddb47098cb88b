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
