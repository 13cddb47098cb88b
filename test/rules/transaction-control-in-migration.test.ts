import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "transaction-control-in-migration";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("transaction-control-in-migration", () => {
  it("transaction-control-in-migration fires for a raw COMMIT", async () => {
    const { source, findings } = await analyse(`
op.execute("COMMIT")
op.execute("CREATE INDEX CONCURRENTLY ix_a ON users (a)")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, 'COMMIT")'), severity: "error", revision: "a1" });
    expect(findings[0]?.message).toMatch(/^raw `COMMIT` in a revision: COMMIT ends the transaction Alembic opened/);
    expect(findings[0]?.hint).toContain("autocommit_block()");
  });

  it("transaction-control-in-migration names a helper's COMMIT once, however often the revision calls it", async () => {
    const source = `${revisionFile({
      revision: "a1",
      upgrade:
        "op.execute(\"UPDATE certificates SET key_type = 'RSA2048' WHERE bits = 2048\")\ncommit()\n" +
        "op.execute(\"UPDATE certificates SET key_type = 'RSA4096' WHERE bits = 4096\")\ncommit()",
    })}

def commit():
    op.execute(sa.text("commit"))
`;
    const { report } = await check(writeProject({ "versions/a1.py": source }));
    const findings = findingsOf(report, RULE);
    expect(findings.map((finding) => [finding.line, finding.related ?? []])).toEqual([
      [locate(source, 'sa.text("commit")').line, []],
    ]);
  });

  it("transaction-control-in-migration fires for BEGIN, END, ROLLBACK and START TRANSACTION", async () => {
    const { findings } = await analyse(`
op.execute("BEGIN")
op.execute("END")
op.execute("START TRANSACTION")
op.execute("ROLLBACK")
`);
    expect(findings.map((finding) => finding.message.split(":")[0])).toEqual([
      "raw `BEGIN` in a revision",
      "raw `END` in a revision",
      "raw `START TRANSACTION` in a revision",
      "raw `ROLLBACK` in a revision",
    ]);
  });

  it("transaction-control-in-migration stays silent on savepoints inside the transaction", async () => {
    const { findings } = await analyse(`
op.execute("SAVEPOINT before_cleanup")
op.execute("ROLLBACK TO SAVEPOINT before_cleanup")
op.execute("RELEASE SAVEPOINT before_cleanup")
`);
    expect(findings).toEqual([]);
  });

  it("transaction-control-in-migration fires for a savepoint inside autocommit_block", async () => {
    const { source, findings } = await analyse(`
with op.get_context().autocommit_block():
    op.execute("SAVEPOINT s1")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "SAVEPOINT s1"), severity: "error" });
    expect(findings[0]?.message).toContain("SAVEPOINT can only be used in transaction blocks");
  });

  it("transaction-control-in-migration stays silent on other dialects", async () => {
    const { findings } = await analyse('op.execute("COMMIT")', { dialect: "mysql" });
    expect(findings).toEqual([]);
  });
});

describe("transaction-control-in-migration with an ORM session", () => {
  it("transaction-control-in-migration stays silent for session.commit() on a session bound to the migration", async () => {
    const upgrade = [
      "bind = op.get_bind()",
      "session = sa.orm.Session(bind=bind)",
      'session.execute(sa.text("UPDATE users SET name = lower(name) WHERE id < 100"))',
      "session.commit()",
    ].join("\n");
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade }) });
    const { report } = await check(root);
    expect(findingsOf(report, "transaction-control-in-migration")).toEqual([]);
  });

  it("transaction-control-in-migration fires for session.rollback(), which does reach Alembic's transaction", async () => {
    const upgrade = ["session = sa.orm.Session(bind=op.get_bind())", "session.rollback()"].join("\n");
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade }) });
    const { report } = await check(root);
    expect(findingsOf(report, "transaction-control-in-migration")).toHaveLength(1);
  });
});

describe("transaction-control-in-migration in plain SQL files", () => {
  async function sqlFile(text: string) {
    const root = writeProject({ "sql/001.sql": text });
    return findingsOf((await check(`${root}/sql`)).report, RULE);
  }

  it("transaction-control-in-migration stays silent on a SQL file whose BEGIN and COMMIT pair up", async () => {
    const findings = await sqlFile(
      [
        "BEGIN;",
        "SAVEPOINT before_backfill;",
        "ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text;",
        "RELEASE SAVEPOINT before_backfill;",
        "COMMIT;",
        "START TRANSACTION;",
        "ALTER TABLE users DROP COLUMN IF EXISTS nick;",
        "END;",
      ].join("\n"),
    );
    expect(findings).toEqual([]);
  });

  it("transaction-control-in-migration fires for a SQL file that never commits its BEGIN", async () => {
    const findings = await sqlFile("BEGIN;\nALTER TABLE users ADD COLUMN IF NOT EXISTS bio text;\n");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, severity: "error", revision: "001" });
    expect(findings[0]?.message).toMatch(/^`BEGIN` opens a transaction that the file never commits/);
    expect(findings[0]?.hint).toContain("COMMIT");
  });

  it("transaction-control-in-migration fires for a BEGIN inside the SQL file's open transaction", async () => {
    const findings = await sqlFile("BEGIN;\nSELECT 1;\nSTART TRANSACTION;\nCOMMIT;\n");
    expect(findings.map((finding) => [finding.line, finding.message.split(":")[0]])).toEqual([
      [3, "`START TRANSACTION` inside the transaction the file's `BEGIN` at line 1 already opened"],
    ]);
  });

  it("transaction-control-in-migration fires for COMMIT and ROLLBACK with no transaction open in a SQL file", async () => {
    const findings = await sqlFile("UPDATE users SET bio = '' WHERE id < 10;\nROLLBACK;\nCOMMIT;\n");
    expect(findings.map((finding) => finding.line)).toEqual([2, 3]);
    expect(findings[0]?.message).toContain("so it undoes nothing");
    expect(findings[1]?.message).toContain("so it groups nothing");
  });

  it("transaction-control-in-migration fires for a savepoint outside the SQL file's transaction", async () => {
    const findings = await sqlFile("SAVEPOINT s1;\nBEGIN;\nSAVEPOINT s2;\nCOMMIT;\n");
    expect(findings.map((finding) => finding.line)).toEqual([1]);
    expect(findings[0]?.message).toContain("can only be used in transaction blocks");
  });

  it("transaction-control-in-migration accepts the COMMIT that ends the tool's transaction with assume-in-transaction", async () => {
    const root = writeProject({ "sql/001.sql": "ALTER TABLE users ADD COLUMN IF NOT EXISTS a text;\nCOMMIT;\n" });
    const { report } = await check(`${root}/sql`, { assumeInTransaction: true });
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("transaction-control-in-migration fires for a ROLLBACK of the tool's transaction with assume-in-transaction", async () => {
    const root = writeProject({
      "sql/001.sql": "ALTER TABLE users ADD COLUMN IF NOT EXISTS a text;\nROLLBACK;\n",
      "sql/002.sql": "COMMIT;\nVACUUM users;\nBEGIN;\nUPDATE users SET a = '' WHERE id = 1;\nROLLBACK;\n",
    });
    const { report } = await check(`${root}/sql`, { assumeInTransaction: true });
    const findings = findingsOf(report, RULE);
    expect(findings.map((finding) => [finding.revision, finding.line])).toEqual([
      ["001", 2],
      ["002", 5],
    ]);
    expect(findings[0]?.message).toBe(
      "`ROLLBACK` ends the transaction the migration tool runs the file in (assume-in-transaction): it silently " +
        "undoes every statement before it, and the tool then records the migration as applied",
    );
    expect(findings[0]?.hint).toContain("`COMMIT;` before it and `BEGIN;` after it");
  });

  it("transaction-control-in-migration stays silent on a ROLLBACK of the file's own transaction without assume-in-transaction", async () => {
    const findings = await sqlFile("BEGIN;\nUPDATE users SET a = '' WHERE id = 1;\nROLLBACK;\n");
    expect(findings).toEqual([]);
  });

  it("transaction-control-in-migration accepts COMMIT; CREATE INDEX CONCURRENTLY; BEGIN; with assume-in-transaction", async () => {
    const root = writeProject({
      "sql/001.sql": [
        "ALTER TABLE users ADD COLUMN IF NOT EXISTS a text;",
        "COMMIT;",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_a ON users (a);",
        "BEGIN;",
        "ALTER TABLE users ADD COLUMN IF NOT EXISTS b text;",
      ].join("\n"),
    });
    const { report } = await check(`${root}/sql`, { assumeInTransaction: true });
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "concurrently-in-transaction")).toEqual([]);
  });

  it("transaction-control-in-migration still fires for a BEGIN never committed without assume-in-transaction", async () => {
    const findings = await sqlFile(
      "COMMIT;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_a ON users (a);\nBEGIN;\nSELECT 1;\n",
    );
    expect(findings.map((finding) => [finding.line, finding.message.split(":")[0]])).toEqual([
      [1, "`COMMIT` with no transaction open"],
      [3, "`BEGIN` opens a transaction that the file never commits"],
    ]);
  });

  it("transaction-control-in-migration fires for a BEGIN inside the tool's transaction with assume-in-transaction", async () => {
    const root = writeProject({ "sql/001.sql": "SELECT 1;\nBEGIN;\nSELECT 2;\nCOMMIT;\n" });
    const { report } = await check(`${root}/sql`, { assumeInTransaction: true });
    expect(findingsOf(report, RULE).map((finding) => [finding.line, finding.message.split(":")[0]])).toEqual([
      [2, "`BEGIN` inside the transaction the migration tool opens around the file (assume-in-transaction)"],
    ]);
  });
});
