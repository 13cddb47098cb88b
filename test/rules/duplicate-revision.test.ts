import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "../support/project.js";

const RULE = "duplicate-revision";

/** Each entry: file path -> [revision, down_revision]. */
async function analyse(files: Record<string, [string, string | null | string[]]>) {
  const root = writeProject(
    Object.fromEntries(
      Object.entries(files).map(([path, [revision, down]]) => [
        path,
        revisionFile({ revision, down, upgrade: "pass" }),
      ]),
    ),
  );
  const { report } = await check(root);
  return { report, findings: findingsOf(report, RULE) };
}

describe("duplicate-revision", () => {
  it("duplicate-revision fires for a copied revision file that kept its id", async () => {
    const { findings } = await analyse({
      "versions/0001_base.py": ["0001", null],
      "versions/a1b2_add_orders.py": ["a1b2c3d4e5f6", "0001"],
      "versions/a1b2_add_orders_copy.py": ["a1b2c3d4e5f6", "0001"],
    });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/a1b2_add_orders_copy.py",
        line: 1,
        column: 1,
        severity: "error",
        revision: "a1b2c3d4e5f6",
        message: 'revision id "a1b2c3d4e5f6" is also declared by versions/a1b2_add_orders.py',
      }),
    ]);
    expect(findings[0]?.hint).toContain("versions/a1b2_add_orders_copy.py");
  });

  it("duplicate-revision fires once per extra file when three files share an id", async () => {
    const { findings } = await analyse({
      "versions/a.py": ["base1", null],
      "versions/b.py": ["dup", "base1"],
      "versions/c.py": ["dup", "base1"],
      "versions/d.py": ["dup", "base1"],
    });
    expect(findings.map((finding) => [finding.file, finding.line, finding.severity, finding.message])).toEqual([
      ["versions/c.py", 1, "error", 'revision id "dup" is also declared by versions/b.py'],
      ["versions/d.py", 1, "error", 'revision id "dup" is also declared by versions/b.py'],
    ]);
  });

  it("duplicate-revision fires for a copy whose down_revision points at the original", async () => {
    const { findings } = await analyse({
      "versions/1.py": ["f00d", null],
      "versions/2.py": ["beef", "f00d"],
      "versions/3.py": ["beef", "beef"],
    });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/3.py",
        line: 1,
        severity: "error",
        message: 'revision id "beef" is also declared by versions/2.py',
      }),
    ]);
  });

  it("duplicate-revision stays silent for distinct ids, one a prefix of another", async () => {
    const { findings } = await analyse({
      "versions/1.py": ["ab", null],
      "versions/2.py": ["abc", "ab"],
      "versions/3.py": ["abcd", "abc"],
    });
    expect(findings).toEqual([]);
  });

  it("duplicate-revision stays silent for the same ids in self-contained per-dialect folders", async () => {
    const { findings } = await analyse({
      "versions/postgresql/1.py": ["r1", null],
      "versions/postgresql/2.py": ["r2", "r1"],
      "versions/sqlite/1.py": ["r1", null],
      "versions/sqlite/2.py": ["r2", "r1"],
    });
    expect(findings).toEqual([]);
  });

  it("duplicate-revision stays silent for a merge revision and its parents", async () => {
    const { findings } = await analyse({
      "versions/1.py": ["base", null],
      "versions/2.py": ["left", "base"],
      "versions/3.py": ["right", "base"],
      "versions/4.py": ["merge", ["left", "right"]],
    });
    expect(findings).toEqual([]);
  });

  it("duplicate-revision stays silent for files without a revision id", async () => {
    const root = writeProject({
      "versions/1.py": revisionFile({ revision: "base", upgrade: "pass" }),
      "versions/helpers.py": "def helper():\n    return 1\n",
      "versions/more_helpers.py": "def other():\n    return 2\n",
    });
    const { report } = await check(root);
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(report.skippedFiles.map((skipped) => skipped.file).sort()).toEqual([
      "versions/helpers.py",
      "versions/more_helpers.py",
    ]);
  });
});
