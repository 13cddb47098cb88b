import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../src/cli/check.js";
import { check, findingsOf, revisionFile, writeProject } from "./support/project.js";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}, header = "") {
  const source = revisionFile({ revision: "a1", upgrade, header });
  const root = writeProject({ "versions/a1.py": source });
  return (await check(root, { extendSelect: ["op-without-if-exists-strict"], ...options })).report;
}

describe("inline suppressions", () => {
  it("ignore on the operation's line suppresses the finding and keeps the reason", async () => {
    const report = await analyse(
      'op.drop_column("users", "bio", if_exists=True)  # migragate: ignore[drop-column] -- unused since 2024',
    );
    expect(findingsOf(report, "drop-column")).toEqual([]);
    expect(report.suppressed).toHaveLength(1);
    expect(report.suppressed[0]).toMatchObject({
      rule: "drop-column",
      suppression: { kind: "inline", reason: "unused since 2024", line: report.suppressed[0]?.line },
    });
    expect(report.summary.suppressed).toBe(1);
  });

  it("ignore on the line above covers the next line of code, past other comments", async () => {
    const report = await analyse(
      [
        "# migragate: ignore[drop-column] -- the column was never read",
        "# (a second comment line)",
        "",
        'op.drop_column("users", "bio", if_exists=True)',
      ].join("\n"),
    );
    expect(findingsOf(report, "drop-column")).toEqual([]);
    expect(report.suppressed.map((finding) => finding.rule)).toEqual(["drop-column"]);
  });

  it("ignore trailing the last line of a multi-line call covers the call", async () => {
    const report = await analyse(
      [
        "op.drop_column(",
        '    "users",',
        '    "bio",',
        "    if_exists=True,",
        ")  # migragate: ignore[drop-column] -- unused",
      ].join("\n"),
    );
    expect(findingsOf(report, "drop-column")).toEqual([]);
  });

  it("ignore names several rules and leaves the others reported", async () => {
    const report = await analyse(
      'op.drop_column("users", "bio")  # migragate: ignore[drop-column, rename-column] -- reviewed',
    );
    expect(findingsOf(report, "drop-column")).toEqual([]);
    expect(findingsOf(report, "op-without-if-exists-strict")).toHaveLength(1);
    // rename-column ran and matched nothing here, but the comment was used by drop-column: not unused.
    expect(findingsOf(report, "unused-suppression")).toEqual([]);
  });

  it("ignore without a rule list covers every rule on the line", async () => {
    const report = await analyse('op.drop_column("users", "bio")  # migragate: ignore -- reviewed by the DBA');
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((finding) => finding.rule).sort()).toEqual([
      "drop-column",
      "missing-lock-timeout",
      "op-without-if-exists-strict",
    ]);
  });

  it("ignore-file covers the rule everywhere in the file", async () => {
    const report = await analyse(
      'op.drop_column("users", "a", if_exists=True)\nop.drop_column("users", "b", if_exists=True)',
      {},
      "# migragate: ignore-file[drop-column] -- this revision only drops retired columns",
    );
    expect(findingsOf(report, "drop-column")).toEqual([]);
    expect(report.suppressed.map((finding) => finding.suppression.kind)).toEqual(["file", "file"]);
  });

  it("a suppressed error no longer fails the gate", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade:
          'op.rename_table("a", "b")  # migragate: ignore[rename-table, op-without-if-exists, missing-lock-timeout] -- no reader left',
      }),
    });
    const { exitCode, report } = await check(root);
    expect(report.findings).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it("migragate text inside a string is not a directive", async () => {
    const report = await analyse(
      'op.execute("COMMENT ON TABLE users IS \'# migragate: ignore[drop-column]\'")\nop.drop_column("users", "bio", if_exists=True)',
    );
    expect(findingsOf(report, "drop-column")).toHaveLength(1);
    expect(findingsOf(report, "unused-suppression")).toEqual([]);
  });

  it("a comment for another line does not leak to the next operation", async () => {
    const report = await analyse(
      'op.add_column("users", sa.Column("x", sa.Text()), if_not_exists=True)  # migragate: ignore[drop-column] -- x\nop.drop_column("users", "bio", if_exists=True)',
    );
    expect(findingsOf(report, "drop-column")).toHaveLength(1);
    expect(findingsOf(report, "unused-suppression")).toHaveLength(1);
  });
});

describe("suppression-without-reason", () => {
  it("suppression-without-reason fires for an ignore without a reason, which suppresses nothing", async () => {
    const report = await analyse('op.drop_column("users", "bio", if_exists=True)  # migragate: ignore[drop-column]');
    expect(findingsOf(report, "drop-column")).toHaveLength(1);
    expect(report.suppressed).toEqual([]);
    const findings = findingsOf(report, "suppression-without-reason");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      message: "ignore[drop-column] gives no reason, so it suppresses nothing",
    });
    expect(findings[0]?.hint).toContain("Until then the findings it covers stay reported");
    // The comment covered the finding: it is not also reported as unused.
    expect(findingsOf(report, "unused-suppression")).toEqual([]);
  });

  it("suppression-without-reason: an error covered only by a comment without a reason still fails the gate", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade:
          'op.rename_table("a", "b")  # migragate: ignore[rename-table, op-without-if-exists, missing-lock-timeout]',
      }),
    });
    const { exitCode, report } = await check(root);
    expect(report.findings.map((finding) => finding.rule).sort()).toEqual([
      "missing-lock-timeout",
      "rename-table",
      "suppression-without-reason",
    ]);
    expect(exitCode).toBe(1);
  });

  it("suppression-without-reason: a blank reason after -- is no reason, and a reasoned comment on the same line wins", async () => {
    const blank = await analyse('op.drop_column("users", "bio", if_exists=True)  # migragate: ignore[drop-column] --');
    expect(findingsOf(blank, "drop-column")).toHaveLength(1);
    const both = await analyse(
      [
        "# migragate: ignore[drop-column] -- retired in release 12",
        'op.drop_column("users", "bio", if_exists=True)  # migragate: ignore[drop-column]',
      ].join("\n"),
    );
    expect(findingsOf(both, "drop-column")).toEqual([]);
    expect(both.suppressed[0]?.suppression.reason).toBe("retired in release 12");
  });

  it("suppression-without-reason fires for ignore-file without a reason", async () => {
    const report = await analyse(
      'op.drop_column("users", "bio", if_exists=True)',
      {},
      "# migragate: ignore-file[drop-column]",
    );
    expect(findingsOf(report, "suppression-without-reason").map((finding) => finding.message)).toEqual([
      "ignore-file[drop-column] gives no reason, so it suppresses nothing",
    ]);
    expect(findingsOf(report, "drop-column")).toHaveLength(1);
  });

  it("suppression-without-reason stays silent when the reason is written", async () => {
    const report = await analyse(
      'op.drop_column("users", "bio", if_exists=True)  # migragate: ignore[drop-column] -- retired',
    );
    expect(findingsOf(report, "suppression-without-reason")).toEqual([]);
  });
});

describe("unused-suppression", () => {
  it("unused-suppression fires for an ignore that covers no finding", async () => {
    const report = await analyse(
      'op.add_column("users", sa.Column("x", sa.Text()), if_not_exists=True)  # migragate: ignore[drop-column] -- stale',
    );
    const findings = findingsOf(report, "unused-suppression");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      message: `ignore[drop-column] suppresses no finding on line ${findings[0]?.line}`,
    });
  });

  it("unused-suppression fires for an unknown rule name", async () => {
    const report = await analyse(
      'op.drop_column("users", "bio", if_exists=True)  # migragate: ignore[drop-colum] -- typo',
    );
    expect(findingsOf(report, "unused-suppression").map((finding) => finding.message)).toEqual([
      'ignore names unknown rule(s) "drop-colum"',
    ]);
    expect(findingsOf(report, "drop-column")).toHaveLength(1);
  });

  it("unused-suppression fires for a comment it cannot read", async () => {
    const report = await analyse(
      'op.drop_column("users", "bio", if_exists=True)  # migragate: ignore[drop-column] because reasons',
    );
    expect(findingsOf(report, "unused-suppression")[0]?.message).toContain('write the reason after "--"');
  });

  it("unused-suppression fires for an unknown phase", async () => {
    const report = await analyse("pass", {}, "# migragate: phase=cleanup");
    expect(findingsOf(report, "unused-suppression")[0]?.message).toContain('unknown phase "cleanup"');
  });

  it("unused-suppression stays silent when the named rule did not run", async () => {
    const report = await analyse(
      'op.add_column("users", sa.Column("x", sa.Text()), if_not_exists=True)  # migragate: ignore[drop-column] -- x',
      { ignore: ["drop-column"] },
    );
    expect(findingsOf(report, "unused-suppression")).toEqual([]);
  });

  it("unused-suppression stays silent for a used ignore-file", async () => {
    const report = await analyse(
      'op.drop_column("users", "bio", if_exists=True)',
      {},
      "# migragate: ignore-file[drop-column] -- retired columns only",
    );
    expect(findingsOf(report, "unused-suppression")).toEqual([]);
  });
});

describe("ignore-file comments by the thousand", () => {
  it("ignore-file comments on thousands of lines suppress and count as used as one comment each would, in seconds", async () => {
    const count = 6_000;
    // Every other line names drop-column (used), the rest drop-table (which finds nothing here: unused).
    const drops = Array.from(
      { length: count },
      (_, n) =>
        `op.drop_column("big", "d${n}", if_exists=True)  # migragate: ignore-file[${n % 2 === 0 ? "drop-column" : "drop-table"}] -- r${n}`,
    );
    const started = Date.now();
    const report = await analyse(drops.join("\n"));
    // Each finding used to test every ignore-file comment of its file.
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(findingsOf(report, "drop-column")).toEqual([]);
    const suppressedDrops = report.suppressed.filter((finding) => finding.rule === "drop-column");
    expect(suppressedDrops).toHaveLength(count);
    expect(new Set(suppressedDrops.map((finding) => finding.suppression.reason))).toEqual(new Set(["r0"]));
    const unused = findingsOf(report, "unused-suppression");
    expect(unused).toHaveLength(count / 2);
    expect(unused[0]?.message).toBe("ignore-file[drop-table] suppresses no finding in this file");
  });
});
