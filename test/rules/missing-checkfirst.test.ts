import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "missing-checkfirst";

async function analyse(upgrade: string) {
  const source = revisionFile({ revision: "a1", upgrade, header: "from sqlalchemy.dialects import postgresql" });
  const { report } = await check(writeProject({ "versions/a1.py": source }));
  return { source, findings: findingsOf(report, RULE) };
}

describe("missing-checkfirst", () => {
  it("missing-checkfirst fires for an enum created and a table dropped through the bind", async () => {
    const { source, findings } = await analyse(`
status = sa.Enum("draft", "published", name="post_status")
status.create(op.get_bind())
legacy = sa.Table("legacy_posts", sa.MetaData())
legacy.drop(op.get_bind())
`);
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
      [
        locate(source, "status.create").line,
        "status.create(op.get_bind()) creates a schema object without checkfirst=True: it fails if the migration runs again",
      ],
      [
        locate(source, "legacy.drop").line,
        "legacy.drop(op.get_bind()) drops a schema object without checkfirst=True: it fails if the migration runs again",
      ],
    ]);
    expect(findings[0]?.severity).toBe("warning");
  });

  it("missing-checkfirst stays silent with checkfirst=True, for postgresql.ENUM, inside an existence check, and for op directives", async () => {
    const { findings } = await analyse(`
postgresql.ENUM("a", "b", name="kind").create(op.get_bind(), checkfirst=True)
# PostgreSQL's own ENUM checks first unless told otherwise (sa.Enum does not).
postgresql.ENUM("c", "d", name="mood").create(op.get_bind())
bind = op.get_bind()
if not sa.inspect(bind).has_table("archive"):
    sa.Table("archive", sa.MetaData()).create(bind)
op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
`);
    expect(findings).toEqual([]);
  });

  it("missing-checkfirst fires for postgresql.ENUM told not to check first", async () => {
    const { findings } = await analyse('postgresql.ENUM("a", name="kind").create(op.get_bind(), checkfirst=False)');
    expect(findings).toHaveLength(1);
  });
});
