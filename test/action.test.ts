// The composite action's shell step and the pre-commit hook's file pattern, run as GitHub and pre-commit run them.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { writeProject } from "./support/project.js";
import { sarifSchemaErrors } from "./support/sarif.js";

const REPO = resolve(import.meta.dirname, "..");

/** The `run: |` block of the step with this name, unindented (enough YAML for our own action.yml). */
function stepScript(name: string): string {
  const lines = readFileSync(join(REPO, "action.yml"), "utf8").split("\n");
  const start = lines.findIndex((line) => line.trim() === `- name: ${name}`);
  const run = lines.findIndex((line, index) => index > start && line.trim() === "run: |");
  expect(start).toBeGreaterThanOrEqual(0);
  const body: string[] = [];
  for (const line of lines.slice(run + 1)) {
    if (line.trim() !== "" && !line.startsWith("        ")) break;
    body.push(line.slice(8));
  }
  return body.join("\n");
}

/** Runs the action's check step as GitHub does (`bash --noprofile --norc -eo pipefail`), in a copy of the sample. */
function runCheckStep(inputs: Record<string, string>, folder = "risky-app") {
  const root = writeProject({ "README.md": "workspace\n" });
  cpSync(join(REPO, "samples", "risky-app"), join(root, folder), { recursive: true });
  const outputs = join(root, "github-output.txt");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR"]) delete env[name];
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", stepScript("Check migrations")], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...env,
      GITHUB_ACTIONS: "true",
      GITHUB_OUTPUT: outputs,
      MIGRAGATE_CACHE_DIR: join(root, ".cache"),
      MIGRAGATE: join(REPO, "bin", "migragate.js"),
      INPUT_PATH: "risky-app",
      INPUT_SINCE: "",
      INPUT_FAIL_ON: "error",
      INPUT_SARIF: "false",
      INPUT_ARGS: "",
      ...inputs,
    },
  });
  return { ...result, root, outputs: readFileSync(outputs, "utf8") };
}

describe("github action", () => {
  it("github action's check step reads a path that starts with a dash as a path", () => {
    const result = runCheckStep({ INPUT_PATH: "-app", INPUT_ARGS: "--fail-on never" }, "-app");
    expect(result.status, result.stderr).toBe(0);
    expect(result.outputs).toBe("exit-code=0\n");
    expect(result.stdout).toContain("-app/");
  });

  it("github action's check step keeps the exit code for the last step and writes SARIF when asked", () => {
    const result = runCheckStep({ INPUT_SARIF: "true", INPUT_ARGS: "--ignore drop-column" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.outputs).toBe("exit-code=1\n");
    const log = JSON.parse(readFileSync(join(result.root, "migragate.sarif"), "utf8"));
    expect(sarifSchemaErrors(log)).toEqual([]);
    const rules = log.runs[0].results.map((entry: { ruleId: string }) => entry.ruleId);
    expect(rules).toContain("add-column-not-null");
    expect(rules).not.toContain("drop-column");
    // Every report went to a file, so the annotations are on standard output.
    expect(result.stdout).toMatch(/^::error file=risky-app\/migrations\/env\.py,/);
  });

  it("github action's check step passes fail-on and writes no SARIF by default", () => {
    const result = runCheckStep({ INPUT_FAIL_ON: "never" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.outputs).toBe("exit-code=0\n");
    expect(existsSync(join(result.root, "migragate.sarif"))).toBe(false);
    // The verdict line of the text report: the step ran the real CLI over the sample (counts change with the sample).
    expect(result.stdout).toMatch(/\d+ findings: \d+ errors, \d+ warnings, \d+ infos?/);
  });
});

describe("pre-commit hook", () => {
  it("pre-commit hook runs when revisions, .sql migrations or the files that decide how they are read change", () => {
    const hooks = readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8");
    expect(hooks).toMatch(/^ {2}entry: migragate check$/m);
    expect(hooks).toMatch(/^ {2}language: node$/m);
    expect(hooks).toMatch(/^ {2}pass_filenames: false$/m);
    const files = new RegExp(/^ {2}files: (.+)$/m.exec(hooks)?.[1] ?? "^$");
    const matching = (path: string) => files.test(path);
    const triggers = [
      "migrations/versions/a1_add.py",
      "versions/sub/b.py",
      "migrations/env.py",
      "env.py",
      "db/migrations/0002_add_email.sql",
      "alembic.ini",
      "services/api/alembic.ini",
      "pyproject.toml",
      "services/api/pyproject.toml",
      "migragate.toml",
    ];
    expect(triggers.filter(matching)).toEqual(triggers);
    expect(
      [
        "app/models.py",
        "migrations/versions/README.md",
        "myenv.py",
        "versions.py",
        "alembic.ini.bak",
        "my-pyproject.toml",
        "README.md",
      ].filter(matching),
    ).toEqual([]);
  });
});
