import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ANALYZERS } from "../analyzers/index.js";
import { InputError } from "../src/adapters/fs/discovery.js";
import { runCheck } from "../src/cli/check.js";
import { pairReports, validateReports } from "../src/cli/report-targets.js";
import { ENV_WITH_LOCK_TIMEOUT, revisionFile, runCli, writeProject } from "./support/project.js";
import { sarifSchemaErrors } from "./support/sarif.js";
import { reportSchemaErrors } from "./support/schema.js";

const ADD_EMAIL = 'op.add_column("users", sa.Column("email", sa.Text(), nullable=False))';

function errorProject(): string {
  return writeProject({
    "migragate.toml": 'extend-select = ["op-without-if-exists-strict"]\n',
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1.py": revisionFile({ revision: "a1", upgrade: ADD_EMAIL }),
  });
}

function warningProject(): string {
  return writeProject({
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "legacy", if_exists=True)' }),
  });
}

describe("multiple reports", () => {
  it("multiple reports pair each --format with the --output at the same position", () => {
    const root = errorProject();
    const result = runCli(
      ["check", "--format", "json", "--output", "report.json", "--format", "sarif", "-o", "report.sarif"],
      root,
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("");
    expect(reportSchemaErrors(JSON.parse(readFileSync(join(root, "report.json"), "utf8")))).toEqual([]);
    expect(sarifSchemaErrors(JSON.parse(readFileSync(join(root, "report.sarif"), "utf8")))).toEqual([]);
    expect(readFileSync(join(root, "report.json"), "utf8")).toBe(runCli(["check", "--format", "json"], root).stdout);
  });

  it("multiple reports send the format without an output to stdout", () => {
    const root = errorProject();
    const result = runCli(
      ["check", "--format", "junit", "-o", "junit.xml", "--format", "gitlab", "-o", "cq.json", "--format", "text"],
      root,
      { NO_COLOR: "1" },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^revision a1: .+\nversions\/a1\.py:15:5 error add-column-not-null /);
    expect(readFileSync(join(root, "junit.xml"), "utf8")).toMatch(/^<\?xml /);
    expect(JSON.parse(readFileSync(join(root, "cq.json"), "utf8"))).toHaveLength(2);
  });

  it("multiple reports keep one exit code, decided from the findings", () => {
    const outputs = (root: string, failOn: string) =>
      runCli(
        ["check", "--fail-on", failOn, "--format", "markdown", "-o", "a.md", "--format", "github", "-o", "a.txt"],
        root,
      ).status;
    expect(outputs(warningProject(), "error")).toBe(0);
    expect(outputs(warningProject(), "warning")).toBe(1);
    expect(outputs(errorProject(), "error")).toBe(1);
    expect(outputs(errorProject(), "never")).toBe(0);
  });

  it("multiple reports refuse two reports on stdout with one line and exit 2, writing nothing", () => {
    const root = errorProject();
    const result = runCli(["check", "--format", "json", "-o", "a.json", "--format", "sarif", "--format", "text"], root);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "migragate: only one report can go to standard output, not 2 (sarif, text): give the others an --output\n",
    );
    expect(existsSync(join(root, "a.json"))).toBe(false);
  });

  it("multiple reports refuse the same output path twice", () => {
    const root = errorProject();
    const result = runCli(["check", "--format", "json", "-o", "out/../r.txt", "--format", "text", "-o", "r.txt"], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("migragate: --output r.txt: given for two reports\n");
  });

  it("multiple reports refuse an output without a format to pair with", () => {
    const root = errorProject();
    const result = runCli(["check", "--format", "json", "-o", "a.json", "-o", "b.json"], root);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      "migragate: --output b.json has no --format to pair with (the n-th --output goes with the n-th --format)",
    ]);
  });

  it("multiple reports keep the text default for a lone --output", () => {
    const root = errorProject();
    const result = runCli(["check", "-o", "report.txt"], root);
    expect(result.stdout).toBe("");
    expect(readFileSync(join(root, "report.txt"), "utf8")).toContain("versions/a1.py:15:5 error add-column-not-null");
  });

  it("multiple reports reject an unknown format on one line", () => {
    const result = runCli(["check", "--format", "json", "--format", "html"], errorProject());
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toBe(
      'migragate: --format must be one of text, json, sarif, github, markdown, gitlab, junit (got "html")\n',
    );
  });
});

describe("report targets", () => {
  it("report targets pair formats and outputs by position", () => {
    expect(pairReports(["json", "sarif", "text"], ["a.json", "b.sarif"])).toEqual([
      { format: "json", output: "a.json" },
      { format: "sarif", output: "b.sarif" },
      { format: "text" },
    ]);
    expect(() => pairReports(["json"], ["a", "b"])).toThrow(InputError);
  });

  it("report targets validate stdout and duplicate paths against the working directory", () => {
    expect(() => validateReports([{ format: "json" }, { format: "text", output: "t" }], "/w")).not.toThrow();
    expect(() => validateReports([{ format: "json" }, { format: "text" }], "/w")).toThrow(/standard output/);
    expect(() =>
      validateReports(
        [
          { format: "json", output: "/w/r" },
          { format: "text", output: "r" },
        ],
        "/w",
      ),
    ).toThrow(/given for two reports/);
  });

  it("report targets are checked in-process before anything is analysed", async () => {
    const call = runCheck(
      {
        paths: ["/does/not/exist"],
        reports: [{ format: "json" }, { format: "sarif" }],
        select: [],
        ignore: [],
        failOn: "error",
      },
      { cwd: "/", analyzers: ALL_ANALYZERS, version: "test", color: false, stdout: () => {}, stderr: () => {} },
    );
    await expect(call).rejects.toThrow(/only one report can go to standard output/);
  });
});
