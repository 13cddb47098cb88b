import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "add-column-volatile-default";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("add-column-volatile-default", () => {
  it("add-column-volatile-default fires for server_default=sa.text('gen_random_uuid()')", async () => {
    const { source, findings } = await analyse(
      'op.add_column("users", sa.Column("public_id", sa.Uuid(), server_default=sa.text("gen_random_uuid()")))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.add_column"),
      severity: "error",
      revision: "a1",
      message:
        'column "public_id" is added to existing table "users" with server default sa.text("gen_random_uuid()"): ' +
        "the volatile default gen_random_uuid() is computed for every existing row, so PostgreSQL rewrites the whole " +
        "table under an ACCESS EXCLUSIVE lock",
    });
    expect(findings[0]?.hint).toContain('op.alter_column("users", "public_id", server_default=...)');
  });

  it("add-column-volatile-default fires for sa.func calls and raw SQL defaults", async () => {
    const { findings } = await analyse(`
op.add_column("events", sa.Column("jitter", sa.Float(), server_default=sa.func.random()))
op.execute("ALTER TABLE events ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp()")
op.execute("ALTER TABLE events ADD COLUMN ref bigint DEFAULT nextval('events_ref_seq')")
op.execute("ALTER TABLE events ADD COLUMN token uuid DEFAULT uuid_generate_v4()")
`);
    expect(findings.map((finding) => /volatile default (\S+)/.exec(finding.message)?.[1])).toEqual([
      "random()",
      "clock_timestamp()",
      "nextval()",
      "uuid_generate_v4()",
    ]);
  });

  it("add-column-volatile-default stays silent on stable and constant defaults from PostgreSQL 11", async () => {
    const { findings } = await analyse(`
op.add_column("events", sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()")))
op.add_column("events", sa.Column("status", sa.Text(), server_default="random()"))
op.execute("ALTER TABLE events ADD COLUMN seen_at timestamptz DEFAULT CURRENT_TIMESTAMP")
op.execute("ALTER TABLE events ADD COLUMN flag boolean DEFAULT false")
`);
    expect(findings).toEqual([]);
  });

  it("add-column-volatile-default fires for any default before PostgreSQL 11, but not for DEFAULT NULL", async () => {
    const { source, findings } = await analyse(
      `
op.add_column("events", sa.Column("status", sa.Text(), server_default="new"))
op.execute("ALTER TABLE events ADD COLUMN note text DEFAULT NULL")
`,
      { postgresVersion: 10 },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.add_column"), severity: "error" });
    expect(findings[0]?.message).toContain(
      "before PostgreSQL 11 (configured: 10) every default is written into every existing row",
    );
  });

  it("add-column-volatile-default stays silent on new tables, generated columns and other dialects", async () => {
    const created = await analyse(`
op.create_table("tokens", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True))
op.add_column("tokens", sa.Column("value", sa.Uuid(), server_default=sa.text("gen_random_uuid()")))
op.execute("ALTER TABLE events ADD COLUMN n bigserial")
`);
    expect(created.findings).toEqual([]);
    const mysql = await analyse('op.add_column("t", sa.Column("r", sa.Float(), server_default=sa.text("rand()")))', {
      dialect: "mysql",
    });
    expect(mysql.findings).toEqual([]);
  });
});
