import { describe, expect, it } from "vitest";
import { check, findingsOf, runCli, writeProject } from "./support/project.js";

describe("plain .sql migrations", () => {
  it("sql files in a folder become one revision each, chained by natural file-name order", async () => {
    const root = writeProject({
      "sql/V1__init.sql": "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, name text);\n",
      "sql/V2__email.sql": "ALTER TABLE users ADD COLUMN IF NOT EXISTS email text NOT NULL;\n",
      "sql/V10__drop_name.sql": "ALTER TABLE users DROP COLUMN IF EXISTS name;\n",
    });
    const { report } = await check(`${root}/sql`);
    expect(report.revisions.map((revision) => [revision.revision, revision.downRevisions])).toEqual([
      ["V1__init", []],
      ["V2__email", ["V1__init"]],
      ["V10__drop_name", ["V2__email"]],
    ]);
    // The table is known from V1, so V2 adds a NOT NULL column to an existing table.
    expect(findingsOf(report, "add-column-not-null").map((finding) => finding.revision)).toEqual(["V2__email"]);
    expect(findingsOf(report, "drop-column").map((finding) => [finding.revision, finding.line])).toEqual([
      ["V10__drop_name", 1],
    ]);
  });

  it("sql file statements keep their own lines and accept -- migragate comments", async () => {
    const root = writeProject({
      "m/001.sql": [
        "-- users",
        "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);",
        "",
        "-- migragate: ignore[sql-without-if-exists] -- the index is created once, by hand-checked deploys",
        "CREATE INDEX ix_users_id ON users (id);",
        "DROP TABLE legacy;  -- migragate: ignore[drop-table]",
      ].join("\n"),
    });
    const { report } = await check(`${root}/m/001.sql`);
    // The DROP TABLE's comment gives no reason: it suppresses nothing.
    expect(report.suppressed.map((finding) => [finding.rule, finding.line])).toEqual([["sql-without-if-exists", 5]]);
    expect(findingsOf(report, "drop-table").map((finding) => finding.line)).toEqual([6]);
    expect(findingsOf(report, "sql-without-if-exists").map((finding) => finding.line)).toEqual([6]);
    expect(findingsOf(report, "suppression-without-reason").map((finding) => finding.line)).toEqual([6]);
  });

  it("sql files that do not parse are reported as unparsed-sql, not skipped", async () => {
    const root = writeProject({ "m/001.sql": "ALTER TABLE users ADD COLUMN;\n" });
    const { report } = await check(`${root}/m`);
    expect(findingsOf(report, "unparsed-sql")).toHaveLength(1);
    expect(report.skippedFiles).toEqual([]);
  });

  it("sql files beside Python revisions are left alone", async () => {
    const root = writeProject({
      "versions/a1.py": 'revision = "a1"\ndown_revision = None\ndef upgrade():\n    pass\n',
      "versions/seed.sql": "DROP TABLE users;\n",
    });
    const { report } = await check(`${root}/versions`);
    expect(report.revisions.map((revision) => revision.revision)).toEqual(["a1"]);
  });

  it("sql input rejects other file types with one line", () => {
    const root = writeProject({ "notes.txt": "hello" });
    const { status, stderr } = runCli(["check", "notes.txt"], root);
    expect(status).toBe(2);
    expect(stderr).toBe(
      "migragate: notes.txt: not a Python revision file, a .sql migration, a folder, or an alembic.ini\n",
    );
  });

  it("sql files of comments only are empty migrations, not unparsed SQL", async () => {
    const root = writeProject({ "m/001.sql": "-- nothing yet\n/* placeholder */\n", "m/002.sql": "" });
    const { report } = await check(`${root}/m`);
    expect(report.findings).toEqual([]);
    expect(report.revisions.map((revision) => revision.operations.length)).toEqual([0, 0]);
  });

  it("sql files declare phases with -- comments, shown as written", async () => {
    const root = writeProject({
      "m/001.sql": "-- migragate: phase=contract\nALTER TABLE users ADD COLUMN IF NOT EXISTS a text;\n",
    });
    const { report } = await check(`${root}/m`);
    expect(report.revisions[0]?.declaredPhase).toEqual({
      phase: "contract",
      source: "comment",
      evidence: "-- migragate: phase=contract",
    });
    expect(findingsOf(report, "phase-mismatch")).toHaveLength(1);
  });

  it("sql files run in one transaction each with assume-in-transaction", async () => {
    const root = writeProject({ "m/001.sql": "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_a ON users (a);\n" });
    const plain = await check(`${root}/m`);
    expect(findingsOf(plain.report, "concurrently-in-transaction")).toEqual([]);
    const wrapped = await check(`${root}/m`, { assumeInTransaction: true });
    expect(findingsOf(wrapped.report, "concurrently-in-transaction")).toHaveLength(1);
  });
});
