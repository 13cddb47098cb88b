import { describe, expect, it } from "vitest";
import { check, findingsOf, type JsonReport, revisionFile, writeProject } from "./support/project.js";
import { reportSchemaErrors } from "./support/schema.js";

async function analyse(files: Record<string, string>) {
  const root = writeProject(files);
  const result = await check(root);
  expect(reportSchemaErrors(result.report)).toEqual([]);
  return result;
}

/** A revision file whose upgrade does nothing risky. */
function plain(revision: string, down?: string | string[], extra: { labels?: string; dependsOn?: string } = {}) {
  let source = revisionFile({ revision, down: down ?? null, upgrade: "pass" });
  if (extra.labels) source = source.replace("branch_labels = None", `branch_labels = ${extra.labels}`);
  if (extra.dependsOn) source = source.replace("depends_on = None", `depends_on = ${extra.dependsOn}`);
  return source;
}

function ids(report: JsonReport): string[] {
  return report.revisions.map((revision) => revision.revision);
}

/** Revision ids grouped by their history number, each group in report order. */
function byHistory(report: JsonReport): string[][] {
  const groups = new Map<number, string[]>();
  for (const revision of report.revisions) {
    groups.set(revision.history, [...(groups.get(revision.history) ?? []), revision.revision]);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((key) => groups.get(key) ?? []);
}

describe("histories", () => {
  it("histories order a linear chain ancestors first whatever the file names", async () => {
    const { report, exitCode } = await analyse({
      "versions/c_base.py": plain("base"),
      "versions/a_second.py": plain("second", "base"),
      "versions/b_third.py": plain("third", "second"),
      "versions/0_fourth.py": plain("fourth", "third"),
    });
    expect(ids(report)).toEqual(["base", "second", "third", "fourth"]);
    expect(report.revisions.map((revision) => revision.history)).toEqual([1, 1, 1, 1]);
    expect(report.summary.histories).toBe(1);
    expect(report.findings).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it("histories count two independent bases in one folder as two histories", async () => {
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/a2.py": plain("a2", "a1"),
      "versions/b1.py": plain("b1"),
      "versions/b2.py": plain("b2", "b1"),
      "versions/b3.py": plain("b3", "b2"),
    });
    expect(report.summary.histories).toBe(2);
    expect(byHistory(report).sort()).toEqual([
      ["a1", "a2"],
      ["b1", "b2", "b3"],
    ]);
    expect(findingsOf(report, "multiple-heads")).toEqual([]);
  });

  it("histories put a merge revision after both of its parents", async () => {
    const { report } = await analyse({
      "versions/0_merge.py": plain("m1", ["b1", "c1"]),
      "versions/1_base.py": plain("a1"),
      "versions/2_left.py": plain("b1", "a1"),
      "versions/3_right.py": plain("c1", "a1"),
      "versions/4_after.py": plain("d1", "m1"),
    });
    const order = ids(report);
    expect(order[0]).toBe("a1");
    expect(order.slice(1, 3).sort()).toEqual(["b1", "c1"]);
    expect(order.slice(3)).toEqual(["m1", "d1"]);
    expect(report.summary.histories).toBe(1);
    expect(report.findings).toEqual([]);
  });

  it("histories report two heads that were never merged", async () => {
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/b1.py": plain("b1", "a1"),
      "versions/c1.py": plain("c1", "a1"),
    });
    const heads = findingsOf(report, "multiple-heads");
    expect(heads).toHaveLength(1);
    expect(heads[0]?.line).toBe(1);
    expect(heads[0]?.message).toContain('"b1"');
    expect(heads[0]?.message).toContain('"c1"');
    expect(report.summary.histories).toBe(1);
  });

  it("histories accept two heads on distinct branch labels", async () => {
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/b1.py": plain("b1", "a1", { labels: '("billing",)' }),
      "versions/b2.py": plain("b2", "b1"),
      "versions/c1.py": plain("c1", "a1", { labels: '"search"' }),
      "versions/c2.py": plain("c2", "c1", { dependsOn: '"billing"' }),
    });
    expect(report.revisions.find((revision) => revision.revision === "b1")?.branchLabels).toEqual(["billing"]);
    expect(report.revisions.find((revision) => revision.revision === "c1")?.branchLabels).toEqual(["search"]);
    expect(findingsOf(report, "multiple-heads")).toEqual([]);
    expect(findingsOf(report, "unknown-down-revision")).toEqual([]);
  });

  it("histories report a down_revision cycle", async () => {
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/x1.py": plain("x1", "x2"),
      "versions/x2.py": plain("x2", "x1"),
    });
    const cycles = findingsOf(report, "revision-cycle");
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.message).toMatch(/^down_revision cycle: (x1 -> x2 -> x1|x2 -> x1 -> x2)$/);
    expect(cycles[0]?.line).toBe(1);
    expect(ids(report).sort()).toEqual(["a1", "x1", "x2"]);
    expect(report.summary.revisions).toBe(3);
  });

  it("histories report a revision that is its own down_revision", async () => {
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/b1.py": plain("b1", "b1"),
    });
    expect(findingsOf(report, "revision-cycle").map((finding) => [finding.file, finding.message])).toEqual([
      ["versions/b1.py", "down_revision cycle: b1 -> b1"],
    ]);
  });

  it("histories report a cycle hanging off a healthy chain", async () => {
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/b1.py": plain("b1", ["a1", "c1"]),
      "versions/c1.py": plain("c1", "b1"),
    });
    expect(findingsOf(report, "revision-cycle")).toHaveLength(1);
    expect(ids(report)[0]).toBe("a1");
    expect(report.summary.histories).toBe(1);
  });

  it("histories report a down_revision that names no revision", async () => {
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/b1.py": plain("b1", "a1x"),
    });
    expect(findingsOf(report, "unknown-down-revision").map((finding) => [finding.file, finding.line])).toEqual([
      ["versions/b1.py", 1],
    ]);
  });

  it("histories report a revision id declared by two files of one folder", async () => {
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/b1_add_email.py": plain("b1", "a1"),
      "versions/b1_add_phone.py": plain("b1", "a1"),
    });
    const duplicates = findingsOf(report, "duplicate-revision");
    expect(duplicates.map((finding) => [finding.file, finding.line, finding.revision])).toEqual([
      ["versions/b1_add_phone.py", 1, "b1"],
    ]);
    expect(duplicates[0]?.message).toContain("versions/b1_add_email.py");
  });

  it("histories still check the operations of a file whose revision id is a duplicate", async () => {
    const copy = revisionFile({
      revision: "b1",
      down: "a1",
      upgrade: 'op.add_column("users", sa.Column("phone", sa.String(20), nullable=False))',
    });
    const { report } = await analyse({
      "versions/a1.py": plain("a1"),
      "versions/b1_add_email.py": plain("b1", "a1"),
      "versions/b1_add_phone.py": copy,
    });
    expect(findingsOf(report, "add-column-not-null").map((finding) => finding.file)).toEqual([
      "versions/b1_add_phone.py",
    ]);
    const listed = [...report.revisions.map((revision) => revision.file), ...report.skippedFiles.map((s) => s.file)];
    expect(listed.sort()).toEqual(["versions/a1.py", "versions/b1_add_email.py", "versions/b1_add_phone.py"]);
  });

  it("histories keep the same ids in self-contained sibling folders apart", async () => {
    const { report } = await analyse({
      "versions/postgresql/a1.py": plain("a1"),
      "versions/postgresql/b1.py": plain("b1", "a1"),
      "versions/sqlite/a1.py": plain("a1"),
      "versions/sqlite/b1.py": plain("b1", "a1"),
    });
    expect(findingsOf(report, "duplicate-revision")).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.summary.histories).toBe(2);
    expect(report.summary.revisions).toBe(4);
    const folders = report.revisions.map((revision) => [revision.history, revision.file]);
    expect(folders).toEqual(
      expect.arrayContaining([
        [expect.any(Number), "versions/postgresql/a1.py"],
        [expect.any(Number), "versions/sqlite/a1.py"],
      ]),
    );
    for (const group of byHistory(report)) expect(group).toEqual(["a1", "b1"]);
    const historyOf = (file: string) => report.revisions.find((revision) => revision.file === file)?.history;
    expect(historyOf("versions/postgresql/a1.py")).toBe(historyOf("versions/postgresql/b1.py"));
    expect(historyOf("versions/sqlite/a1.py")).toBe(historyOf("versions/sqlite/b1.py"));
    expect(historyOf("versions/sqlite/a1.py")).not.toBe(historyOf("versions/postgresql/a1.py"));
  });

  it("histories report the same ids in sibling folders that point into each other", async () => {
    const { report } = await analyse({
      "versions/one/a1.py": plain("a1"),
      "versions/one/b1.py": plain("b1", "a1"),
      "versions/two/a1.py": plain("a1"),
      "versions/two/c1.py": plain("c1", "b1"),
    });
    expect(findingsOf(report, "duplicate-revision").map((finding) => finding.file)).toEqual(["versions/two/a1.py"]);
  });

  it("histories report the same ids twice in one folder as duplicates even when each chain is complete", async () => {
    const { report } = await analyse({
      "versions/a1_pg.py": plain("a1"),
      "versions/a1_sqlite.py": plain("a1"),
      "versions/b1_pg.py": plain("b1", "a1"),
      "versions/b1_sqlite.py": plain("b1", "a1"),
    });
    expect(
      findingsOf(report, "duplicate-revision")
        .map((finding) => finding.revision)
        .sort(),
    ).toEqual(["a1", "b1"]);
  });
});
