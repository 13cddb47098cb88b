import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "../support/project.js";

const RULE = "unknown-down-revision";

interface Rev {
  readonly down?: string | null | string[];
  /** Python source of depends_on. */
  readonly dependsOn?: string;
  /** Python source of branch_labels. */
  readonly labels?: string;
}

async function analyse(revisions: Record<string, Rev>) {
  const files: Record<string, string> = {};
  for (const [id, { down = null, dependsOn, labels }] of Object.entries(revisions)) {
    let source = revisionFile({ revision: id, down, upgrade: "pass" });
    if (dependsOn) source = source.replace("depends_on = None", `depends_on = ${dependsOn}`);
    if (labels) source = source.replace("branch_labels = None", `branch_labels = ${labels}`);
    files[`versions/${id}.py`] = source;
  }
  const { report } = await check(writeProject(files));
  return findingsOf(report, RULE);
}

describe("unknown-down-revision", () => {
  it("unknown-down-revision fires for a typo in down_revision", async () => {
    const findings = await analyse({ "3f2a1b": {}, "9c8d7e": { down: "3f2a1c" } });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/9c8d7e.py",
        line: 1,
        column: 1,
        severity: "error",
        revision: "9c8d7e",
        message: 'revision "9c8d7e" has down_revision "3f2a1c", but no revision or branch label "3f2a1c" exists',
      }),
    ]);
  });

  it("unknown-down-revision fires for a missing parent of a merge revision", async () => {
    const findings = await analyse({ base: {}, left: { down: "base" }, merge: { down: ["left", "deleted_rev"] } });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/merge.py",
        line: 1,
        severity: "error",
        message:
          'revision "merge" has down_revision "deleted_rev", but no revision or branch label "deleted_rev" exists',
      }),
    ]);
  });

  it("unknown-down-revision fires for an unknown depends_on", async () => {
    const findings = await analyse({ base: {}, next: { down: "base", dependsOn: '"other_repo_rev"' } });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/next.py",
        line: 1,
        severity: "error",
        message:
          'revision "next" has depends_on "other_repo_rev", but no revision or branch label "other_repo_rev" exists',
      }),
    ]);
  });

  it("unknown-down-revision fires for an ambiguous prefix", async () => {
    const findings = await analyse({ a1b2: {}, a1c3: { down: "a1b2" }, tip: { down: "a1" } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "versions/tip.py", severity: "error" });
    expect(findings[0]?.message).toContain('down_revision "a1"');
  });

  it("unknown-down-revision stays silent for down_revision naming an existing revision", async () => {
    expect(await analyse({ base: {}, a: { down: "base" }, b: { down: "a" } })).toEqual([]);
  });

  it("unknown-down-revision fires for a unique prefix of a revision id: Alembic links revisions by full id", async () => {
    // Alembic's revision map is keyed by full ids and branch labels; a prefix in down_revision is a KeyError there.
    const findings = await analyse({ "3f2a1b9c": {}, next: { down: "3f2a" } });
    expect(findings.map((finding) => finding.message)).toEqual([
      'revision "next" has down_revision "3f2a", but no revision or branch label "3f2a" exists',
    ]);
  });

  it("unknown-down-revision stays silent for depends_on naming a branch label or a revision in another history", async () => {
    expect(
      await analyse({
        base: { labels: '("core",)' },
        plugin_base: { labels: '("plugin",)', dependsOn: '"core"' },
        plugin_next: { down: "plugin_base", dependsOn: '("base",)' },
      }),
    ).toEqual([]);
  });

  it("unknown-down-revision stays silent for a merge revision whose parents all exist", async () => {
    expect(
      await analyse({ base: {}, left: { down: "base" }, right: { down: "base" }, merge: { down: ["left", "right"] } }),
    ).toEqual([]);
  });
});

describe("unknown-down-revision over many histories", () => {
  it("unknown-down-revision fires only for the missing parent among hundreds of histories of one scope", async () => {
    const revisions: Record<string, Rev> = {};
    for (let n = 0; n < 400; n++) revisions[`base${n}`] = {};
    revisions.late = { dependsOn: '"base0"' };
    revisions.typo = { down: "base4000" };
    const findings = await analyse(revisions);
    expect(findings.map((finding) => finding.message)).toEqual([
      'revision "typo" has down_revision "base4000", but no revision or branch label "base4000" exists',
    ]);
  });
});
