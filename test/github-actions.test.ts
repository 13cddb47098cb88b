import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ANALYZERS } from "../analyzers/index.js";
import { type CheckEnvironment, type CheckOptions, runCheck } from "../src/cli/check.js";
import { ENV_WITH_LOCK_TIMEOUT, revisionFile, runCli, writeProject } from "./support/project.js";

const ADD_EMAIL = 'op.add_column("users", sa.Column("email", sa.Text(), nullable=False))';
const ON_GITHUB = { GITHUB_ACTIONS: "true", NO_COLOR: "1" };

/** One error and one warning, both on line 15. */
function errorProject(): string {
  return writeProject({
    "migragate.toml": 'extend-select = ["op-without-if-exists-strict"]\n',
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1.py": revisionFile({ revision: "a1", upgrade: ADD_EMAIL }),
  });
}

function annotations(text: string): string[] {
  return text.split("\n").filter((line) => line.startsWith("::"));
}

describe("github actions", () => {
  it("github actions get annotations on stderr when the text report holds stdout", () => {
    const result = runCli(["check"], errorProject(), ON_GITHUB);
    expect(result.status).toBe(1);
    expect(annotations(result.stdout)).toEqual([]);
    expect(result.stdout).toMatch(/^versions\/a1\.py:15:5 error add-column-not-null /);
    expect(annotations(result.stderr)).toEqual([
      expect.stringMatching(/^::error file=versions\/a1\.py,line=15,.*title=add-column-not-null::/),
      expect.stringMatching(/^::warning file=versions\/a1\.py,line=15,.*title=op-without-if-exists-strict::/),
    ]);
  });

  it("github actions keep a JSON report on stdout parseable", () => {
    const result = runCli(["check", "--format", "json"], errorProject(), ON_GITHUB);
    expect(JSON.parse(result.stdout).findings).toHaveLength(2);
    expect(annotations(result.stderr)).toHaveLength(2);
  });

  it("github actions get annotations on stdout when every report goes to a file", () => {
    const root = errorProject();
    const result = runCli(["check", "--format", "sarif", "--output", "migragate.sarif"], root, ON_GITHUB);
    expect(result.status).toBe(1);
    expect(annotations(result.stdout)).toHaveLength(2);
    expect(result.stdout.split("\n").filter((line) => line !== "")).toHaveLength(2);
    expect(result.stderr).toBe("");
    expect(JSON.parse(readFileSync(join(root, "migragate.sarif"), "utf8")).version).toBe("2.1.0");
  });

  it("github actions do not print the annotations twice when the github format is on stdout", () => {
    const result = runCli(["check", "--format", "github"], errorProject(), ON_GITHUB);
    expect(annotations(result.stdout)).toHaveLength(2);
    expect(result.stdout.split("\n").filter((line) => line !== "")).toHaveLength(2);
    expect(result.stderr).toBe("");
  });

  it("github actions still annotate on stdout when the github format goes to a file", () => {
    const root = errorProject();
    const result = runCli(["check", "--format", "github", "-o", "annotations.txt"], root, ON_GITHUB);
    expect(annotations(result.stdout)).toHaveLength(2);
    expect(readFileSync(join(root, "annotations.txt"), "utf8")).toBe(result.stdout);
  });

  it("github actions are off unless GITHUB_ACTIONS is exactly true", () => {
    for (const value of ["", "false", "1"]) {
      const result = runCli(["check", "--format", "json", "-o", "r.json"], errorProject(), { GITHUB_ACTIONS: value });
      expect(result.stdout, value).toBe("");
      expect(result.stderr, value).toBe("");
    }
  });

  it("github actions append the markdown report to GITHUB_STEP_SUMMARY without changing stdout or the exit code", () => {
    const root = errorProject();
    const summary = join(root, "summary.md");
    writeFileSync(summary, "# earlier step\n");
    const env = { ...ON_GITHUB, GITHUB_STEP_SUMMARY: summary };
    const plain = runCli(["check", "--format", "json"], root);
    const first = runCli(["check", "--format", "json"], root, env);
    expect(first.status).toBe(1);
    expect(first.stdout).toBe(plain.stdout);
    const markdown = runCli(["check", "--format", "markdown"], root).stdout;
    expect(readFileSync(summary, "utf8")).toBe(`# earlier step\n${markdown}`);
    runCli(["check", "--format", "json"], root, env);
    expect(readFileSync(summary, "utf8")).toBe(`# earlier step\n${markdown}${markdown}`);
  });

  it("github actions write the step summary also for a passing run and outside GITHUB_ACTIONS", () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const summary = join(root, "summary.md");
    const result = runCli(["check", "-o", "r.txt"], root, { GITHUB_STEP_SUMMARY: summary });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(readFileSync(summary, "utf8")).toContain("## ✅ migragate: the gate passes");
  });

  it("github actions warn on one line when the step summary cannot be written, and keep the exit code", () => {
    const root = errorProject();
    const env = { ...ON_GITHUB, GITHUB_STEP_SUMMARY: join(root, "missing", "summary.md") };
    const result = runCli(["check", "--format", "json", "-o", "r.json"], root, env);
    expect(result.status).toBe(1);
    const messages = result.stderr.split("\n").filter((line) => line.startsWith("migragate: "));
    expect(messages).toEqual([
      expect.stringMatching(/missing\/summary\.md: cannot append the step summary \(ENOENT\)$/),
    ]);
  });
});

describe("github actions in-process", () => {
  async function run(root: string, options: Partial<CheckOptions>, environment: Partial<CheckEnvironment>) {
    let stdout = "";
    let stderr = "";
    const exitCode = await runCheck(
      { paths: [root], reports: [], select: [], ignore: [], failOn: "error", ...options },
      {
        cwd: root,
        analyzers: ALL_ANALYZERS,
        version: "test",
        color: false,
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        ...environment,
      },
    );
    return { exitCode, stdout, stderr };
  }

  it("github actions in-process follow the environment passed in, not process.env", async () => {
    const root = errorProject();
    const summary = join(root, "summary.md");
    const off = await run(root, {}, {});
    expect(annotations(off.stderr)).toEqual([]);
    const on = await run(root, { reports: [{ format: "json" }] }, { githubActions: true, stepSummary: summary });
    expect(on.exitCode).toBe(1);
    expect(annotations(on.stderr)).toHaveLength(2);
    expect(JSON.parse(on.stdout).findings).toHaveLength(2);
    expect(readFileSync(summary, "utf8")).toMatch(/^<!-- migragate report -->\n## ❌ migragate: the gate fails/);
    const files = await run(
      root,
      { reports: [{ format: "gitlab", output: join(root, "cq.json") }] },
      { githubActions: true },
    );
    expect(annotations(files.stdout)).toHaveLength(2);
    expect(files.stderr).toBe("");
  });
});
