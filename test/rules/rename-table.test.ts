import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "rename-table";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}, downgrade?: string) {
  const source = revisionFile({ revision: "a1", upgrade, ...(downgrade !== undefined ? { downgrade } : {}) });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root, options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("rename-table", () => {
  it("rename-table fires for op.rename_table", async () => {
    const { source, findings } = await analyse('op.rename_table("accounts", "customers")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.rename_table"),
      severity: "error",
      revision: "a1",
      message:
        'table "accounts" is renamed to "customers": code still querying "accounts" fails until every instance ' +
        'runs the new release; PostgreSQL takes ACCESS EXCLUSIVE on "accounts" for an instant',
    });
    expect(findings[0]?.hint).toContain('op.execute("CREATE OR REPLACE VIEW accounts AS SELECT * FROM customers")');
  });

  it("rename-table fires for raw SQL ALTER TABLE ... RENAME TO", async () => {
    const { source, findings } = await analyse(`
op.execute("ALTER TABLE invoices RENAME TO bills")
op.execute("ALTER TABLE IF EXISTS receipts RENAME TO payment_receipts")
`);
    expect(findings.map((finding) => [finding.line, finding.column, finding.severity, finding.message])).toEqual([
      [
        locate(source, "ALTER TABLE invoices").line,
        locate(source, "ALTER TABLE invoices").column,
        "error",
        expect.stringMatching(/^table "invoices" is renamed to "bills"/),
      ],
      [
        locate(source, "ALTER TABLE IF EXISTS receipts").line,
        locate(source, "ALTER TABLE IF EXISTS receipts").column,
        "error",
        expect.stringMatching(/^table "receipts" is renamed to "payment_receipts"/),
      ],
    ]);
  });

  it("rename-table fires with the schema in the message and the view hint", async () => {
    const { source, findings } = await analyse('op.rename_table("audit", "audit_log", schema="billing")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "op.rename_table"), severity: "error" });
    expect(findings[0]?.message).toContain('table "billing.audit" is renamed to "audit_log"');
    expect(findings[0]?.hint).toContain("CREATE OR REPLACE VIEW billing.audit AS SELECT * FROM billing.audit_log");
  });

  it("rename-table fires on SQLite without the view hint", async () => {
    const { findings } = await analyse('op.rename_table("accounts", "customers")', { dialect: "sqlite" });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe("error");
    expect(findings[0]?.hint).not.toContain("VIEW");
  });

  it("rename-table stays silent for a table created in the same revision", async () => {
    const { findings } = await analyse(`
op.create_table("drafts", sa.Column("id", sa.Integer(), primary_key=True))
op.rename_table("drafts", "draft_posts")
`);
    expect(findings).toEqual([]);
  });

  it("rename-table stays silent for a table created by raw CREATE TABLE in the same revision", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE notes (id int PRIMARY KEY)")
op.execute("ALTER TABLE notes RENAME TO memos")
`);
    expect(findings).toEqual([]);
  });

  it("rename-table stays silent for a table renamed and renamed back on the same path", async () => {
    // SQLite's way to make foreign keys point at the table again.
    const { findings } = await analyse(`
if op.get_bind().dialect.name == "sqlite":
    op.execute('ALTER TABLE "user" RENAME TO user_old')
    op.execute('ALTER TABLE user_old RENAME TO "user"')
`);
    expect(findings).toEqual([]);
  });

  it("rename-table fires for a table renamed, then renamed back only in another branch or to another name", async () => {
    const { source, findings } = await analyse(`
op.rename_table("server", "server_old")
if op.get_bind().dialect.name == "sqlite":
    op.rename_table("server_old", "server")
op.rename_table("accounts", "accounts_old")
op.rename_table("accounts_old", "members")
`);
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, 'op.rename_table("server", "server_old")').line,
      locate(source, 'op.rename_table("server_old", "server")').line,
      locate(source, 'op.rename_table("accounts", "accounts_old")').line,
      locate(source, 'op.rename_table("accounts_old", "members")').line,
    ]);
  });

  it("rename-table stays silent for a SQLite rebuild through a renamed copy, and so does drop-table", async () => {
    // Rename away, create the table anew, copy the rows back, drop the copy: running code keeps `sources`.
    const upgrade = `
op.rename_table("sources", "sources_tmp")
op.add_column("sources_tmp", sa.Column("uuid", sa.String(length=36)))
op.create_table("sources", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("uuid", sa.String(36)))
op.execute("INSERT INTO sources SELECT id, uuid FROM sources_tmp")
op.drop_table("sources_tmp")
`;
    const { report } = await check(writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade }) }), {
      dialect: "sqlite",
    });
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "drop-table")).toEqual([]);
  });

  it("rename-table fires for a table renamed away and created again empty", async () => {
    const { source, findings } = await analyse(`
op.rename_table("sources", "sources_old")
op.create_table("sources", sa.Column("id", sa.Integer(), primary_key=True))
`);
    expect(findings.map((finding) => finding.line)).toEqual([locate(source, "op.rename_table").line]);
  });

  it("rename-table stays silent for renaming indexes, sequences and constraints", async () => {
    const { findings } = await analyse(`
op.execute("ALTER INDEX ix_accounts_email RENAME TO ix_customers_email")
op.execute("ALTER SEQUENCE accounts_id_seq RENAME TO customers_id_seq")
op.execute("ALTER TABLE accounts RENAME CONSTRAINT accounts_pkey TO customers_pkey")
`);
    expect(findings).toEqual([]);
  });

  it("rename-table stays silent for downgrade-only operations", async () => {
    const { findings } = await analyse(
      "pass",
      {},
      `
op.rename_table("customers", "accounts")
op.execute("ALTER TABLE bills RENAME TO invoices")
`,
    );
    expect(findings).toEqual([]);
  });
});

describe("rename-table away from a name created again in another case", () => {
  it("rename-table fires when the table created again differs in case: Alembic quotes `Token`, so `token` is another table", async () => {
    const base = revisionFile({
      revision: "a1",
      upgrade: 'op.create_table("Token", sa.Column("id", sa.Integer(), primary_key=True))',
    });
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: `
op.rename_table("Token", "Token_old")
op.create_table("token", sa.Column("id", sa.Integer(), primary_key=True))
op.execute('INSERT INTO token (id) SELECT id FROM "Token_old"')
op.drop_table("Token_old")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": base, "versions/b2.py": source }));
    const findings = findingsOf(report, "rename-table");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, 'op.rename_table("Token", "Token_old")'));
  });
});

describe("rename-table in a branch for SQLite, which folds case", () => {
  it("rename-table stays silent for SQLite's rebuild of `Token` as `token`: one table there", async () => {
    const base = revisionFile({
      revision: "a1",
      upgrade: 'op.create_table("Token", sa.Column("id", sa.Integer(), primary_key=True))',
    });
    const source = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: `
if op.get_bind().dialect.name == "sqlite":
    op.rename_table("Token", "Token_old")
    op.create_table("token", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute('INSERT INTO token (id) SELECT id FROM "Token_old"')
    op.drop_table("Token_old")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": base, "versions/b2.py": source }));
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "drop-table")).toEqual([]);
  });
});
