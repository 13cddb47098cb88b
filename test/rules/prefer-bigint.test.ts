import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "prefer-bigint";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("prefer-bigint", () => {
  it("prefer-bigint fires for an sa.Integer primary key in create_table", async () => {
    const { source, findings } = await analyse(
      'op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.create_table"),
      severity: "warning",
      revision: "a1",
      message:
        'primary key column "id" of "orders" is integer (serial): integer stops at 2,147,483,647, and widening it ' +
        "later rewrites the table and every foreign key column that references it under an ACCESS EXCLUSIVE lock",
    });
    expect(findings[0]?.hint).toBe('Declare it sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True).');
  });

  it("prefer-bigint fires for raw serial, smallint and integer keys", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE tags (id serial PRIMARY KEY, name text)")
op.execute("CREATE TABLE kinds (id smallint PRIMARY KEY)")
op.execute("CREATE TABLE pairs (a integer, b integer, PRIMARY KEY (a, b))")
`);
    expect(findings.map((finding) => finding.message.split(":")[0])).toEqual([
      'primary key column "id" of "tags" is integer (serial)',
      'primary key column "id" of "kinds" is smallint',
      'primary key column "a" of "pairs" is integer',
      'primary key column "b" of "pairs" is integer',
    ]);
  });

  it("prefer-bigint stays silent on bigint and non-integer keys and on non-key integers", async () => {
    const { findings } = await analyse(`
op.create_table("a", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("n", sa.Integer()))
op.create_table("b", sa.Column("id", sa.Uuid(), primary_key=True))
op.execute("CREATE TABLE c (id bigserial PRIMARY KEY, qty integer)")
`);
    expect(findings).toEqual([]);
  });

  it("prefer-bigint stays silent on other dialects", async () => {
    const { findings } = await analyse('op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True))', {
      dialect: "mysql",
    });
    expect(findings).toEqual([]);
  });
});
