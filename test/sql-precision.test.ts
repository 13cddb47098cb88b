import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "./support/project.js";

/** Every finding of a plain SQL migration folder, as `[file, line, rule]`, with every rule selected. */
async function findingsOfFolder(files: Record<string, string>, options: { assumeInTransaction?: boolean } = {}) {
  const root = writeProject(files);
  const { report } = await check(`${root}/m`, {
    select: ["ALL"],
    ...(options.assumeInTransaction ? { assumeInTransaction: true } : {}),
  });
  const findings = report.findings.flatMap(({ related, ...finding }) =>
    [finding, ...(related ?? [])].map((place) => [finding.file.split("/").pop(), place.line, finding.rule]),
  );
  return { report, findings };
}

describe("temporary tables", () => {
  it("temporary tables are scratch space: no schema change, no guard, no style finding", async () => {
    const { report, findings } = await findingsOfFolder({
      "m/000.sql": "SELECT 1;",
      "m/001.sql": [
        "SET lock_timeout = '5s';",
        "CREATE TEMP TABLE moved_ids ON COMMIT DROP AS SELECT id FROM users WHERE legacy;",
        "CREATE TEMPORARY TABLE notes (id bigint, body varchar(200), at timestamp);",
        "UPDATE users SET flag = true WHERE id IN (SELECT id FROM moved_ids);",
        "DROP TABLE notes;",
      ].join("\n"),
    });
    expect(report.revisions[1]?.phases).toEqual(["backfill"]);
    expect(findings).toEqual([]);
  });

  it("temporary tables leave a permanent table in the same file judged as before", async () => {
    const { findings } = await findingsOfFolder({
      "m/000.sql": "SELECT 1;",
      "m/001.sql": [
        "SET lock_timeout = '5s';",
        "CREATE TEMP TABLE moved_ids (id bigint) ON COMMIT DROP;",
        "CREATE TABLE archive (id bigint, note varchar(200));",
        "UPDATE users SET flag = true WHERE id IN (SELECT id FROM moved_ids);",
      ].join("\n"),
    });
    expect(findings).toEqual([
      ["001.sql", 3, "prefer-text"],
      ["001.sql", 3, "sql-without-if-exists"],
      ["001.sql", 4, "ddl-with-backfill"],
    ]);
  });
});

describe("transaction placement of plain SQL files", () => {
  it("transaction placement reopens the tool's transaction at a BEGIN after the file's COMMIT", async () => {
    const { report, findings } = await findingsOfFolder(
      {
        "m/001.sql": [
          "SET lock_timeout = '5s';",
          "COMMIT;",
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_a ON users (a);",
          "BEGIN;",
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_b ON users (b);",
        ].join("\n"),
      },
      { assumeInTransaction: true },
    );
    expect(findings).toEqual([["001.sql", 5, "concurrently-in-transaction"]]);
    expect(report.findings[0]?.message).toContain(
      "(between the file's BEGIN and the COMMIT the migration tool runs after the file (assume-in-transaction))",
    );
  });
});

describe("values not known statically in raw SQL", () => {
  it("values not known statically keep their «source» marks in column names and defaults", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: `
for column in get_columns():
    op.execute(f"ALTER TABLE users ADD COLUMN {column} text DEFAULT {column}_default()")
    op.execute(f"ALTER TABLE users ALTER COLUMN {column} SET NOT NULL")
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": source }));
    expect(report.revisions[0]?.operations.map((operation) => [operation.kind, operation.column])).toEqual([
      ["add-column", "«column»"],
      ["set-not-null", "«column»"],
    ]);
    expect(findingsOf(report, "add-column-volatile-default")[0]?.message).toContain(
      "with server default «column»_default(): it calls «column»_default(), a function whose name is not known statically",
    );
  });
});
