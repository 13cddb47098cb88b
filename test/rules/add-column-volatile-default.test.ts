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

  it("add-column-volatile-default fires for a function it does not know and says it could not tell", async () => {
    const { source, findings } = await analyse(
      'op.add_column("invoices", sa.Column("ref", sa.Text(), server_default=sa.text("my_default()")))',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.add_column"),
      severity: "error",
      message:
        'column "ref" is added to existing table "invoices" with server default sa.text("my_default()"): it calls ' +
        "my_default(), which migragate does not know: a function is VOLATILE unless declared otherwise, and a " +
        "volatile default rewrites the whole table under an ACCESS EXCLUSIVE lock",
    });
    expect(findings[0]?.hint).toMatch(
      /^If my_default\(\) is declared STABLE or IMMUTABLE, nothing is rewritten: accept the finding with that reason\. Otherwise add it without a default: /,
    );
  });

  it("add-column-volatile-default says a function named at run time is not known statically", async () => {
    const { findings } = await analyse(`
for name in get_default_functions():
    op.execute(f"ALTER TABLE invoices ADD COLUMN ref text DEFAULT {name}()")
`);
    expect(findings.map((finding) => finding.message)).toEqual([
      'column "ref" is added to existing table "invoices" with server default «name»(): it calls «name»(), a ' +
        "function whose name is not known statically: a function is VOLATILE unless declared otherwise, and a " +
        "volatile default rewrites the whole table under an ACCESS EXCLUSIVE lock",
    ]);
  });

  it("add-column-volatile-default reads sa.func calls and schema-qualified SQL functions as calls", async () => {
    const { findings } = await analyse(`
op.add_column("invoices", sa.Column("a", sa.Text(), server_default=sa.func.next_ref()))
op.add_column("invoices", sa.Column("b", sa.Text(), server_default=sa.func.coalesce(sa.func.pick_one(), "x")))
op.execute("ALTER TABLE invoices ADD COLUMN c bigint DEFAULT billing.next_number()")
op.execute("ALTER TABLE invoices ADD COLUMN d bigint DEFAULT coalesce(legacy_number(), 0)")
op.execute("ALTER TABLE invoices ADD COLUMN e float DEFAULT greatest(random(), 0.5)")
op.add_column("invoices", sa.Column("f", sa.Text(), server_default=sa.text('"Billing"."NextRef"()')))
`);
    expect(findings.map((finding) => /(?:it calls|volatile default) (\S+)/.exec(finding.message)?.[1])).toEqual([
      "next_ref(),",
      "pick_one(),",
      "billing.next_number(),",
      "legacy_number(),",
      "random()",
      "Billing.NextRef(),",
    ]);
  });

  it("add-column-volatile-default stays silent on the stable functions and SQLAlchemy wrappers defaults use", async () => {
    const { findings } = await analyse(`
op.add_column("events", sa.Column("a", sa.DateTime(timezone=True), server_default=sa.func.now()))
op.add_column("events", sa.Column("b", sa.DateTime(), server_default=sa.text("timezone('utc', now())")))
op.add_column("events", sa.Column("c", sa.DateTime(), server_default=sa.text("(now() at time zone 'utc')")))
op.add_column("events", sa.Column("d", sa.Boolean(), server_default=sa.false()))
op.add_column("events", sa.Column("e", sa.Integer(), server_default=sa.literal_column("0")))
op.add_column("events", sa.Column("f", JSONB(), server_default=sa.text("'{}'::jsonb")))
op.add_column("events", sa.Column("g", sa.Text(), server_default="my_default()"))
op.add_column("events", sa.Column("h", sa.Numeric(10, 2), server_default=sa.cast(sa.text("0"), sa.Numeric(10, 2))))
op.add_column("events", sa.Column("i", sa.Date(), server_default=sa.func.current_date()))
op.execute("ALTER TABLE events ADD COLUMN j date DEFAULT date_trunc('day', statement_timestamp())")
op.execute("ALTER TABLE events ADD COLUMN k jsonb DEFAULT jsonb_build_object('v', 1)")
op.execute("ALTER TABLE events ADD COLUMN l numeric(10, 2) DEFAULT CAST(0 AS numeric(10, 2))")
op.execute("ALTER TABLE events ADD COLUMN m text DEFAULT lower(upper('X'))")
op.execute("ALTER TABLE events ADD COLUMN n timestamp(0) DEFAULT localtimestamp(0)")
op.execute("ALTER TABLE events ADD COLUMN o text[] DEFAULT ARRAY['a']::text[]")
op.add_column("events", sa.Column("p", sa.Text(), server_default=sa.text("$$not_a_call()$$")))
op.add_column("events", sa.Column("q", sa.Text(), server_default=sa.text("'it''s not_a_call()'")))
`);
    expect(findings).toEqual([]);
  });

  it("add-column-volatile-default believes the volatility the history's CREATE FUNCTION declares", async () => {
    const base = revisionFile({
      revision: "a0",
      upgrade: `
op.execute("CREATE FUNCTION stable_ref() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'r' $$")
op.execute("CREATE FUNCTION fixed_ref() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'r' $$")
op.execute("CREATE FUNCTION plain_ref() RETURNS text LANGUAGE sql AS $$ SELECT 'r' $$")
`,
    });
    const source = revisionFile({
      revision: "a1",
      down: "a0",
      upgrade: `
op.add_column("invoices", sa.Column("a", sa.Text(), server_default=sa.text("stable_ref()")))
op.add_column("invoices", sa.Column("b", sa.Text(), server_default=sa.text("public.fixed_ref()")))
op.add_column("invoices", sa.Column("c", sa.Text(), server_default=sa.text("plain_ref()")))
`,
    });
    const { report } = await check(writeProject({ "versions/a0.py": base, "versions/a1.py": source }));
    const findings = findingsOf(report, RULE);
    expect(findings.map((finding) => [finding.line, finding.message.split(": ").slice(1).join(": ")])).toEqual([
      [
        locate(source, "plain_ref").line,
        'it calls plain_ref(), which revision "a0" creates as VOLATILE (declared, or PostgreSQL\'s default when ' +
          "CREATE FUNCTION declares none): it is computed for every existing row, so PostgreSQL rewrites the whole " +
          "table under an ACCESS EXCLUSIVE lock",
      ],
    ]);
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
