import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "prefer-text";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", down: "a0", upgrade });
  // The style rules are opt-in and leave a base revision (a compacted initial schema) alone: a1 follows a0.
  const base = revisionFile({ revision: "a0", upgrade: "pass" });
  const { report } = await check(writeProject({ "versions/a0.py": base, "versions/a1.py": source }), {
    extendSelect: [RULE],
    ...options,
  });
  return { source, findings: findingsOf(report, RULE) };
}

describe("prefer-text", () => {
  it("prefer-text fires for sa.String(n) in add_column", async () => {
    const { source, findings } = await analyse('op.add_column("users", sa.Column("email", sa.String(320)))');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.add_column"),
      severity: "warning",
      revision: "a1",
      message:
        'column "email" of "users" is varchar(320): changing the limit later takes an ACCESS EXCLUSIVE lock (and ' +
        "lowering it rewrites the table); text with a CHECK on the length can be changed without blocking",
    });
    expect(findings[0]?.hint).toContain("CHECK (char_length(email) <= 320) NOT VALID");
  });

  it("prefer-text fires for create_table columns and raw varchar(n), with a CheckConstraint hint", async () => {
    const { findings } = await analyse(`
op.create_table("teams", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("slug", sa.String(length=64)))
op.execute("CREATE TABLE notes (id bigint PRIMARY KEY, title character varying(200), body text)")
`);
    expect(findings.map((finding) => finding.message.split(":")[0])).toEqual([
      'column "slug" of "teams" is varchar(64)',
      'column "title" of "notes" is varchar(200)',
    ]);
    expect(findings[0]?.hint).toBe(
      'Declare it sa.Text() and add sa.CheckConstraint("char_length(slug) <= 64", name="ck_teams_slug_length") to the table.',
    );
  });

  it("prefer-text fires for arrays of varchar(n), names the array type and hints at text[]", async () => {
    const { findings } = await analyse(`
op.execute("CREATE TABLE IF NOT EXISTS tags (id bigint, labels varchar(100)[])")
op.execute("ALTER TABLE tags ADD COLUMN codes character varying(20)[]")
op.add_column("users", sa.Column("aliases", sa.ARRAY(sa.String(50))))
`);
    expect(findings.map((finding) => finding.message.split(":")[0])).toEqual([
      'column "labels" of "tags" is varchar(100)[]',
      'column "codes" of "tags" is varchar(20)[]',
      'column "aliases" of "users" is varchar(50)[]',
    ]);
    expect(findings.map((finding) => finding.hint.split(";")[0])).toEqual([
      "Declare it text[]",
      "Declare it text[]",
      "Declare it sa.ARRAY(sa.Text())",
    ]);
    expect(findings[0]?.hint).not.toContain("char_length(labels)");
  });

  it("prefer-text stays silent on text and on varchar without a length", async () => {
    const { findings } = await analyse(`
op.add_column("users", sa.Column("bio", sa.Text()))
op.add_column("users", sa.Column("nick", sa.String()))
op.execute("ALTER TABLE users ADD COLUMN motto varchar")
op.execute("ALTER TABLE users ADD COLUMN nicknames text[], ADD COLUMN mottos varchar[]")
`);
    expect(findings).toEqual([]);
  });

  it("prefer-text stays silent on type changes of existing columns and on other dialects", async () => {
    const changed = await analyse(
      'op.alter_column("users", "email", type_=sa.String(400), existing_type=sa.String(320))',
    );
    expect(changed.findings).toEqual([]);
    const mysql = await analyse('op.add_column("users", sa.Column("email", sa.String(320)))', { dialect: "mysql" });
    expect(mysql.findings).toEqual([]);
  });
});
