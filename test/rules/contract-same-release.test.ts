import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "../support/project.js";

const RULE = "contract-same-release";

/** users exists from r0; r1 adds display_name; r2 backfills it; r3 drops nickname. */
function history(extra: Record<string, string> = {}) {
  return writeProject({
    "versions/r0.py": revisionFile({
      revision: "r0",
      upgrade:
        'op.create_table("users", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("nickname", sa.Text()))',
    }),
    "versions/r1.py": revisionFile({
      revision: "r1",
      down: "r0",
      upgrade: 'op.add_column("users", sa.Column("display_name", sa.Text(), nullable=True), if_not_exists=True)',
    }),
    "versions/r2.py": revisionFile({
      revision: "r2",
      down: "r1",
      upgrade: 'op.execute("UPDATE users SET display_name = nickname WHERE id BETWEEN 1 AND 1000")',
    }),
    "versions/r3.py": revisionFile({
      revision: "r3",
      down: "r2",
      upgrade: 'op.drop_column("users", "nickname", if_exists=True)',
    }),
    ...extra,
  });
}

describe("contract-same-release", () => {
  it("contract-same-release fires for a drop shipped with the expand and backfill of its table", async () => {
    const { report, exitCode } = await check(history(), { releaseAfter: "r0" });
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", revision: "r3", file: expect.stringContaining("r3.py") });
    expect(findings[0]?.message).toBe(
      'drop-column "users.nickname" contracts table "users" in the same release as "r1" (expand add-column ' +
        '"users.display_name"), "r2" (backfill data-change "users"): ship the contract in a later release',
    );
    expect(exitCode).toBe(1);
  });

  it("contract-same-release stays silent when the contract ships in a later release", async () => {
    const { report } = await check(history(), { releaseAfter: "r2" });
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(report.revisions.map((revision) => [revision.revision, revision.underReview])).toEqual([
      ["r0", false],
      ["r1", false],
      ["r2", false],
      ["r3", true],
    ]);
  });

  it("contract-same-release stays silent without a release to judge", async () => {
    const { report } = await check(history());
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("contract-same-release stays silent for a table the release itself creates", async () => {
    const root = writeProject({
      "versions/r0.py": revisionFile({ revision: "r0", upgrade: "pass" }),
      "versions/r1.py": revisionFile({
        revision: "r1",
        down: "r0",
        upgrade:
          'op.create_table("drafts", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("tmp", sa.Text()))',
      }),
      "versions/r2.py": revisionFile({
        revision: "r2",
        down: "r1",
        upgrade: 'op.drop_column("drafts", "tmp", if_exists=True)',
      }),
    });
    const { report } = await check(root, { releaseAfter: "r0" });
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("contract-same-release fires for a rename and a type change too", async () => {
    const root = history({
      "versions/r4.py": revisionFile({
        revision: "r4",
        down: "r3",
        upgrade:
          'op.alter_column("users", "display_name", new_column_name="name")\n' +
          'op.alter_column("users", "id", type_=sa.Integer(), existing_type=sa.BigInteger())',
      }),
    });
    const { report } = await check(root, { releaseAfter: "r0" });
    expect(
      findingsOf(report, RULE).map((finding) => [finding.revision, finding.message.split(" contracts")[0]]),
    ).toEqual([
      ["r3", 'drop-column "users.nickname"'],
      ["r4", 'rename-column "users.display_name"'],
      ["r4", 'change-column-type "users.id"'],
    ]);
  });
});
