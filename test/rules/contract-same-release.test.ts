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

describe("contract-same-release with many revisions and operations", () => {
  it("contract-same-release names three revisions, counts the rest and leaves out the contracting revision's own", async () => {
    const expandsUsers = (revision: string, down: string, upgrade: string) => ({
      [`versions/${revision}.py`]: revisionFile({ revision, down, upgrade }),
    });
    const root = writeProject({
      "versions/r0.py": revisionFile({
        revision: "r0",
        upgrade:
          'op.create_table("users", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("a", sa.Text()), ' +
          'sa.Column("b", sa.Text()))',
      }),
      ...expandsUsers("r1", "r0", 'op.add_column("users", sa.Column("c1", sa.Text(), nullable=True))'),
      ...expandsUsers(
        "r2",
        "r1",
        'op.add_column("users", sa.Column("c2", sa.Text(), nullable=True))\n' +
          'op.execute("UPDATE users SET c2 = a WHERE id < 1000")\n' +
          'op.add_column("users", sa.Column("c3", sa.Text(), nullable=True))',
      ),
      ...expandsUsers("r3", "r2", 'op.add_column("users", sa.Column("c4", sa.Text(), nullable=True))'),
      ...expandsUsers("r3a", "r3", 'op.add_column("users", sa.Column("c6", sa.Text(), nullable=True))'),
      // Its own expand is no other revision's: the drop below counts r1 to r3a only.
      ...expandsUsers(
        "r4",
        "r3a",
        'op.add_column("users", sa.Column("c5", sa.Text(), nullable=True))\nop.drop_column("users", "a")',
      ),
      ...expandsUsers("r5", "r4", 'op.drop_column("users", "b")'),
    });
    const { report } = await check(root, { releaseAfter: "r0" });
    const shown =
      '"r1" (expand add-column "users.c1"), "r2" (expand add-column "users.c2", backfill data-change "users" and 1 more)';
    expect(findingsOf(report, RULE).map((finding) => [finding.revision, finding.message])).toEqual([
      [
        "r4",
        `drop-column "users.a" contracts table "users" in the same release as ${shown}, "r3" (expand add-column ` +
          '"users.c4") and 1 more revision: ship the contract in a later release',
      ],
      [
        "r5",
        `drop-column "users.b" contracts table "users" in the same release as ${shown}, "r3" (expand add-column ` +
          '"users.c4") and 2 more revisions: ship the contract in a later release',
      ],
    ]);
  });

  it("contract-same-release reports thousands of drops after thousands of added columns in seconds", async () => {
    const count = 2_000;
    const root = writeProject({
      "versions/r0.py": revisionFile({ revision: "r0", upgrade: "pass" }),
      "versions/r1.py": revisionFile({
        revision: "r1",
        down: "r0",
        upgrade: Array.from({ length: count }, (_, n) => `op.add_column("big", sa.Column("c${n}", sa.Integer()))`).join(
          "\n",
        ),
      }),
      "versions/r2.py": revisionFile({
        revision: "r2",
        down: "r1",
        upgrade: Array.from({ length: count }, (_, n) => `op.drop_column("big", "d${n}")`).join("\n"),
      }),
    });
    const started = Date.now();
    const { report } = await check(root, { releaseAfter: "r0" });
    // Before each contract was described on its own, rebuilding the table's lists, this took over ten seconds.
    expect(Date.now() - started).toBeLessThan(8_000);
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(count);
    expect(findings.map((finding) => finding.message)).toEqual(
      Array.from(
        { length: count },
        (_, n) =>
          `drop-column "big.d${n}" contracts table "big" in the same release as "r1" (expand add-column "big.c0", ` +
          `expand add-column "big.c1" and ${count - 2} more): ship the contract in a later release`,
      ),
    );
  });
});
