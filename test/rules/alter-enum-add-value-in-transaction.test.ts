import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "alter-enum-add-value-in-transaction";

const ADD = `op.execute("ALTER TYPE invoice_status ADD VALUE 'refunded'")`;
const USE = `op.execute("UPDATE invoices SET status = 'refunded' WHERE refunded_at IS NOT NULL")`;

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

/** Two revisions: a1 adds the value, b2 uses it; env.py as given (none when undefined). */
async function twoRevisions(env: string | undefined) {
  const files: Record<string, string> = {
    "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: ADD }),
    "migrations/versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: USE }),
  };
  if (env !== undefined) files["migrations/env.py"] = env;
  return findingsOf((await check(writeProject(files))).report, RULE);
}

describe("alter-enum-add-value-in-transaction", () => {
  it("alter-enum-add-value-in-transaction fires when the value is used later in the same revision", async () => {
    const { source, findings } = await analyse(`${ADD}\n${USE}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "ALTER TYPE invoice_status"),
      severity: "error",
      revision: "a1",
    });
    expect(findings[0]?.message).toMatch(
      /^enum value "refunded" is added to "invoice_status" and used by `UPDATE invoices SET status = 'refunded'/,
    );
    expect(findings[0]?.message).toContain(`at line ${locate(source, "UPDATE invoices").line} in the same transaction`);
    expect(findings[0]?.message).toContain('"unsafe use of new value"');
    expect(findings[0]?.hint).toContain("ADD VALUE IF NOT EXISTS 'refunded'");
  });

  it("alter-enum-add-value-in-transaction fires for a use in an op.* call", async () => {
    const { findings } = await analyse(`${ADD}
op.alter_column("invoices", "status", server_default="refunded")`);
    expect(findings).toHaveLength(1);
  });

  it("alter-enum-add-value-in-transaction stays silent when nothing uses the value, on PostgreSQL 12+", async () => {
    const { findings } = await analyse(`${ADD}\nop.execute("UPDATE invoices SET status = 'paid' WHERE id = 1")`);
    expect(findings).toEqual([]);
  });

  it("alter-enum-add-value-in-transaction fires before PostgreSQL 12 even without a use", async () => {
    const { source, findings } = await analyse(ADD, { postgresVersion: 11 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "ALTER TYPE"), severity: "error" });
    expect(findings[0]?.message).toMatch(
      /^ALTER TYPE invoice_status ADD VALUE 'refunded' cannot run inside a transaction block before PostgreSQL 12 \(configured: 11\)/,
    );
  });

  it("alter-enum-add-value-in-transaction stays silent in autocommit_block, on every version", async () => {
    const upgrade = `
with op.get_context().autocommit_block():
    ${ADD}
${USE}`;
    expect((await analyse(upgrade)).findings).toEqual([]);
    expect((await analyse(upgrade, { postgresVersion: 10 })).findings).toEqual([]);
  });

  it("alter-enum-add-value-in-transaction fires for a use in a later revision when one transaction spans the run", async () => {
    const findings = await twoRevisions(undefined);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.revision).toBe("a1");
    expect(findings[0]?.message).toContain("revision b2 (migrations/versions/b2.py:");
    expect(findings[0]?.message).toContain("one transaction spans every revision of an `alembic upgrade` run");
  });

  it("alter-enum-add-value-in-transaction stays silent for a later revision with transaction_per_migration=True", async () => {
    const env =
      "from alembic import context\ncontext.configure(connection=connection, transaction_per_migration=True)\n";
    expect(await twoRevisions(env)).toEqual([]);
  });

  it("alter-enum-add-value-in-transaction assumes one transaction per revision when env.py decides by an expression", async () => {
    const env = [
      "import os",
      "from alembic import context",
      'context.configure(connection=connection, transaction_per_migration=os.environ.get("PER_REV") == "1")',
      "",
    ].join("\n");
    expect(await twoRevisions(env)).toEqual([]);
  });

  it("alter-enum-add-value-in-transaction stays silent on other dialects", async () => {
    const { findings } = await analyse(`${ADD}\n${USE}`, { dialect: "mysql" });
    expect(findings).toEqual([]);
  });
});

describe("alter-enum-add-value-in-transaction and the tables of the type", () => {
  const history = (use: string) =>
    writeProject({
      "migrations/versions/a0.py": revisionFile({
        revision: "a0",
        upgrade:
          'op.create_table("invoices", sa.Column("id", sa.BigInteger(), primary_key=True), ' +
          'sa.Column("status", sa.Enum("paid", name="invoice_status")))\n' +
          'op.create_table("notes", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("body", sa.Text()))',
      }),
      "migrations/versions/a1.py": revisionFile({
        revision: "a1",
        down: "a0",
        upgrade: `op.execute("ALTER TYPE invoice_status ADD VALUE 'refunded'")\n${use}`,
      }),
    });

  it("alter-enum-add-value-in-transaction stays silent for the same text on a table without a column of the type", async () => {
    const { report } = await check(
      `${history("op.execute(\"UPDATE notes SET body = 'refunded' WHERE id = 1\")")}/migrations`,
    );
    expect(findingsOf(report, "alter-enum-add-value-in-transaction")).toEqual([]);
  });

  it("alter-enum-add-value-in-transaction fires for the table that has the enum column, and for a cast anywhere", async () => {
    const onTable = history("op.execute(\"UPDATE invoices SET status = 'refunded' WHERE id = 1\")");
    expect(
      findingsOf((await check(`${onTable}/migrations`)).report, "alter-enum-add-value-in-transaction"),
    ).toHaveLength(1);
    const cast = history("op.execute(\"SELECT count(*) FROM notes WHERE 'refunded'::invoice_status IS NOT NULL\")");
    expect(findingsOf((await check(`${cast}/migrations`)).report, "alter-enum-add-value-in-transaction")).toHaveLength(
      1,
    );
  });
});

describe("alter-enum-add-value-in-transaction on many values", () => {
  it("alter-enum-add-value-in-transaction finds each value's first use among thousands of statements, in seconds", async () => {
    // Before the index of quoted texts, 3,000 of each took 19 s (the CLI, one file); now about 1 s.
    const adds = Array.from({ length: 3_000 }, (_, n) => `op.execute("ALTER TYPE status ADD VALUE 'v${n}'")`);
    // Every statement quotes a literal; one in a hundred is a value added above.
    const updates = Array.from(
      { length: 3_000 },
      (_, n) => `op.execute("UPDATE things SET status = '${n % 100 === 0 ? `v${n}` : `other${n}`}' WHERE id = ${n}")`,
    );
    const started = Date.now();
    const { findings } = await analyse([...adds, ...updates].join("\n"));
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(findings.map((finding) => finding.message.match(/^enum value "(v\d+)"/)?.[1])).toEqual(
      Array.from({ length: 30 }, (_, n) => `v${n * 100}`),
    );
  });

  it("alter-enum-add-value-in-transaction follows a value with a quote in it, and a cast in upper case", async () => {
    const apostrophe = await analyse(
      `op.execute("""ALTER TYPE mood ADD VALUE 'it''s fine'""")\nop.alter_column("people", "mood", server_default="it's fine")`,
    );
    expect(apostrophe.findings).toHaveLength(1);
    const upper = await analyse(`${ADD}\nop.execute("SELECT 'REFUNDED'::invoice_status")`);
    expect(upper.findings).toHaveLength(1);
  });
});
