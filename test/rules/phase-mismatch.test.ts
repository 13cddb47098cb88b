import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "../support/project.js";

const RULE = "phase-mismatch";
const DROP = 'op.drop_column("users", "bio", if_exists=True)';
const ADD = 'op.add_column("users", sa.Column("bio", sa.Text(), nullable=True), if_not_exists=True)';

async function analyse(files: Record<string, string>) {
  const { report } = await check(writeProject(files));
  return { report, findings: findingsOf(report, RULE) };
}

describe("phase-mismatch", () => {
  it("phase-mismatch fires for a drop in a revision whose branch label is expand", async () => {
    const source = revisionFile({ revision: "a1", upgrade: DROP }).replace(
      "branch_labels = None",
      'branch_labels = ("expand",)',
    );
    const { report, findings } = await analyse({ "versions/a1.py": source });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", revision: "a1" });
    expect(findings[0]?.message).toBe(
      `revision "a1" is declared expand (branch label "expand") but this contracts: ${DROP}`,
    );
    expect(report.revisions[0]?.declaredPhase).toEqual({ phase: "expand", source: "branch-label", evidence: "expand" });
  });

  it("phase-mismatch fires for a revision inheriting its branch's label", async () => {
    const base = revisionFile({ revision: "c0", upgrade: "pass" }).replace(
      "branch_labels = None",
      "branch_labels = ('contract',)",
    );
    const { findings, report } = await analyse({
      "versions/c0.py": base,
      "versions/c1.py": revisionFile({ revision: "c1", down: "c0", upgrade: ADD }),
    });
    expect(findings.map((finding) => finding.revision)).toEqual(["c1"]);
    expect(findings[0]?.message).toContain('is declared contract (branch label "contract") but this expands');
    expect(report.revisions.find((revision) => revision.revision === "c1")?.declaredPhase?.source).toBe("branch-label");
  });

  it("phase-mismatch reads OpenStack's branch constants", async () => {
    const source = revisionFile({ revision: "a1", upgrade: DROP }).replace(
      "branch_labels = None",
      "branch_labels = (migration.EXPAND_BRANCH,)",
    );
    const { findings } = await analyse({ "versions/a1.py": source });
    expect(findings).toHaveLength(1);
  });

  it("phase-mismatch fires for a folder named contract holding an add column", async () => {
    const { findings } = await analyse({ "versions/contract/a1.py": revisionFile({ revision: "a1", upgrade: ADD }) });
    expect(findings[0]?.message).toContain('declared contract (folder "contract/")');
  });

  it("phase-mismatch fires for a numbered file-name marker", async () => {
    const { findings } = await analyse({
      "versions/2024_1_expand01_drop_bio.py": revisionFile({ revision: "a1", upgrade: DROP }),
    });
    expect(findings[0]?.message).toContain('declared expand (file name "expand01")');
  });

  it("phase-mismatch fires for a data change in an expand revision", async () => {
    const { findings } = await analyse({
      "versions/a1.py": revisionFile({
        revision: "a1",
        header: "# migragate: phase=expand",
        upgrade: `${ADD}\nop.execute("UPDATE users SET bio = '' WHERE id < 100")`,
      }),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("declared expand (comment");
    expect(findings[0]?.message).toContain("but this backfills");
  });

  it("phase-mismatch accepts objects listed by expand_drop_exceptions with the docstring as reason", async () => {
    const source = revisionFile({
      revision: "a1",
      header: "# migragate: phase=expand",
      upgrade: `${DROP}\nop.drop_column("users", "nick", if_exists=True)`,
    });
    const { findings, report } = await analyse({
      "versions/a1.py": `${source}

def expand_drop_exceptions():
    """bio was only ever written by a reverted feature"""
    return {sa.Column: ["users.bio"]}
`,
    });
    expect(findings.map((finding) => finding.message)).toEqual([
      'revision "a1" is declared expand (comment "# migragate: phase=expand") but this contracts: op.drop_column("users", "nick", if_exists=True)',
    ]);
    const accepted = report.suppressed.filter((finding) => finding.rule === RULE);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.suppression).toMatchObject({
      kind: "phase-exception",
      reason: "bio was only ever written by a reverted feature",
    });
  });

  it("phase-mismatch accepts tables listed by contract_creation_exceptions", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: 'op.create_table("audit", sa.Column("id", sa.BigInteger(), primary_key=True), if_not_exists=True)',
    });
    const { findings, report } = await analyse({
      "versions/contract/a1.py": `${source}

def contract_creation_exceptions():
    """the audit table replaces triggers removed in this same revision"""
    return {sa.Table: ["audit"]}
`,
    });
    expect(findings).toEqual([]);
    expect(report.suppressed.map((finding) => finding.rule)).toEqual([RULE]);
  });

  it("phase-mismatch stays silent for data changes in contract revisions and neutral statements", async () => {
    const { findings } = await analyse({
      "versions/contract/a1.py": revisionFile({
        revision: "a1",
        upgrade: `op.execute("SET lock_timeout = '2s'")\nop.execute("DELETE FROM users WHERE bio IS NULL")\n${DROP}`,
      }),
    });
    expect(findings).toEqual([]);
  });

  it("phase-mismatch stays silent without a declared phase and for unnumbered words in file names", async () => {
    const { findings, report } = await analyse({
      "versions/a1_expand_bio.py": revisionFile({ revision: "a1", upgrade: `${ADD}\n${DROP}` }),
    });
    expect(findings).toEqual([]);
    expect(report.revisions[0]?.declaredPhase).toBeUndefined();
  });
});

describe("phase-mismatch on a long exception list", () => {
  it("phase-mismatch fires for thousands of drops an exception list of thousands does not name, in seconds", async () => {
    const count = 15_000;
    const drops = Array.from({ length: count }, (_, n) => `op.drop_column("big", "d${n}")`);
    const listed = Array.from({ length: count }, (_, n) => `"big.x${n}"`).join(", ");
    const source = revisionFile({ revision: "a1", header: "# migragate: phase=expand", upgrade: drops.join("\n") });
    const started = Date.now();
    const { findings, report } = await analyse({
      "versions/a1.py": `${source}\n\ndef expand_drop_exceptions():\n    """x columns only"""\n    return {sa.Column: [${listed}]}\n`,
    });
    // Each operation used to scan the whole list: 15,000 drops took twice this long.
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(findings).toHaveLength(count);
    expect(findings[count - 1]?.message).toBe(
      `revision "a1" is declared expand (comment "# migragate: phase=expand") but this contracts: ${drops[count - 1]}`,
    );
    expect(report.suppressed.filter((finding) => finding.rule === RULE)).toEqual([]);
  });
});
