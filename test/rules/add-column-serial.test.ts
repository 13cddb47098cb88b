import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "add-column-serial";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("add-column-serial", () => {
  it("add-column-serial fires for an integer primary key that Alembic renders as SERIAL", async () => {
    const { source, findings } = await analyse(
      'op.add_column("audit", sa.Column("id", sa.Integer(), primary_key=True))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.add_column"),
      severity: "error",
      revision: "a1",
      message:
        'column "id" is added to existing table "audit" as an autoincrementing integer primary key, which ' +
        "SQLAlchemy renders as SERIAL: PostgreSQL computes a value for every existing row and rewrites the whole " +
        "table under an ACCESS EXCLUSIVE lock",
    });
  });

  it("add-column-serial fires for sa.Identity, sa.Computed and raw bigserial / identity / generated columns", async () => {
    const { findings } = await analyse(`
op.add_column("events", sa.Column("seq", sa.BigInteger(), sa.Identity()))
op.add_column("events", sa.Column("total", sa.Integer(), sa.Computed("a + b")))
op.execute("ALTER TABLE events ADD COLUMN n bigserial")
op.execute("ALTER TABLE events ADD COLUMN m int GENERATED ALWAYS AS IDENTITY")
op.execute("ALTER TABLE events ADD COLUMN s int GENERATED ALWAYS AS (a * 2) STORED")
`);
    expect(findings.map((finding) => /as (an? [\w ]+?)(?:,|:)/.exec(finding.message)?.[1])).toEqual([
      "an IDENTITY column",
      "a stored generated column",
      "a serial column",
      "an IDENTITY column",
      "a stored generated column",
    ]);
  });

  it("add-column-serial stays silent on integer keys SQLAlchemy does not render as SERIAL", async () => {
    const { findings } = await analyse(`
op.add_column("a", sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False))
op.add_column("b", sa.Column("id", sa.Integer(), primary_key=True, server_default=sa.text("0")))
op.add_column("c", sa.Column("id", sa.Integer(), sa.ForeignKey("x.id"), primary_key=True))
op.add_column("d", sa.Column("id", sa.Integer(), primary_key=True, default=0))
op.add_column("e", sa.Column("id", sa.Integer()))
op.add_column("f", sa.Column("id", sa.Text(), primary_key=True))
`);
    expect(findings).toEqual([]);
  });

  it("add-column-serial stays silent on a table created in the same revision and on other dialects", async () => {
    const created = await analyse(`
op.create_table("t", sa.Column("name", sa.Text()))
op.add_column("t", sa.Column("id", sa.BigInteger(), sa.Identity()))
`);
    expect(created.findings).toEqual([]);
    const sqlite = await analyse('op.add_column("events", sa.Column("seq", sa.BigInteger(), sa.Identity()))', {
      dialect: "sqlite",
    });
    expect(sqlite.findings).toEqual([]);
  });
});
