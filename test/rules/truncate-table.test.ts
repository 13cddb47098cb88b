import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "truncate-table";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("truncate-table", () => {
  it("truncate-table fires for TRUNCATE of an existing table", async () => {
    const { source, findings } = await analyse('op.execute("TRUNCATE TABLE events")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "TRUNCATE"),
      severity: "error",
      revision: "a1",
      message:
        'TRUNCATE empties existing table "events" under an ACCESS EXCLUSIVE lock held until the migration commits: ' +
        "every read and write waits, and the rows are gone for the release still running",
    });
  });

  it("truncate-table names CASCADE and every existing table", async () => {
    const { findings } = await analyse('op.execute("TRUNCATE events, sessions CASCADE")');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^TRUNCATE empties existing tables "events", "sessions"/);
    expect(findings[0]?.message).toContain("CASCADE also empties every table that has a foreign key to it");
  });

  it("truncate-table stays silent on a scratch table created in the same revision", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE tmp_ids AS SELECT id FROM users")
op.execute("TRUNCATE tmp_ids")
`);
    expect(findings).toEqual([]);
  });

  it("truncate-table stays silent on other dialects", async () => {
    const { findings } = await analyse('op.execute("TRUNCATE TABLE events")', { dialect: "mysql" });
    expect(findings).toEqual([]);
  });
});
