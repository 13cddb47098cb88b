import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ANALYZERS } from "../analyzers/index.js";
import { ENV_WITH_LOCK_TIMEOUT, type JsonReport, revisionFile, runCli, writeProject } from "./support/project.js";
import { reportSchemaErrors } from "./support/schema.js";

const BIN = resolve(import.meta.dirname, "../bin/migragate.js");
const DOCS = resolve(import.meta.dirname, "../docs/rules");
const ESC = String.fromCharCode(27);

function hasAnsi(text: string): boolean {
  return text.includes(`${ESC}[`);
}

function stripAnsi(text: string): string {
  return text.replace(new RegExp(`${ESC}\\[\\d+m`, "g"), "");
}

/** Runs the built CLI with the given variables removed from the environment (runCli can only set them). */
function runCliWithout(args: readonly string[], cwd: string, unset: readonly string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...unset, "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"]) delete env[name];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ADD_EMAIL = 'op.add_column("users", sa.Column("email", sa.Text(), nullable=False))';

/** Every unguarded op reported, so one line gives two findings (the strict idempotency rule is opt-in). */
const STRICT_CONFIG = 'extend-select = ["op-without-if-exists-strict"]\n';

/** One error (add-column-not-null) and one warning (op-without-if-exists-strict), both on line 15. */
function errorProject(): string {
  return writeProject({
    "migragate.toml": STRICT_CONFIG,
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1.py": revisionFile({ revision: "a1", upgrade: ADD_EMAIL }),
  });
}

/** Only a warning: drop-column. */
function warningProject(): string {
  return writeProject({
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "legacy", if_exists=True)' }),
  });
}

function cleanProject(): string {
  return writeProject({
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1.py": revisionFile({
      revision: "a1",
      upgrade: 'op.add_column("users", sa.Column("nickname", sa.Text()), if_not_exists=True)',
    }),
  });
}

/** add-column-not-null, op-without-if-exists-strict (twice), drop-column and mixed-phases. */
function manyRulesProject(): string {
  return writeProject({
    "migragate.toml": STRICT_CONFIG,
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1.py": revisionFile({
      revision: "a1",
      upgrade: `${ADD_EMAIL}\nop.drop_column("users", "legacy")`,
    }),
  });
}

function jsonOf(stdout: string): JsonReport {
  const report = JSON.parse(stdout) as JsonReport;
  expect(reportSchemaErrors(report)).toEqual([]);
  return report;
}

function rulesIn(report: JsonReport): string[] {
  return [...new Set(report.findings.map((finding) => finding.rule))].sort();
}

describe("exit codes", () => {
  it("exit codes are 0 for a project without findings", () => {
    const result = runCli(["check", "--format", "json"], cleanProject());
    expect(result.status).toBe(0);
    expect(jsonOf(result.stdout).findings).toEqual([]);
  });

  it("exit codes are 1 when an error is found", () => {
    expect(runCli(["check", "--format", "json"], errorProject()).status).toBe(1);
  });

  it("exit codes are 0 when only warnings are found under the default --fail-on error", () => {
    const result = runCli(["check", "--format", "json"], warningProject());
    expect(rulesIn(jsonOf(result.stdout))).toEqual(["drop-column"]);
    expect(result.status).toBe(0);
  });

  it("exit codes follow --fail-on error, warning and never", () => {
    const warnings = warningProject();
    const errors = errorProject();
    expect(runCli(["check", "--fail-on", "error"], warnings, { NO_COLOR: "1" }).status).toBe(0);
    expect(runCli(["check", "--fail-on", "warning"], warnings, { NO_COLOR: "1" }).status).toBe(1);
    expect(runCli(["check", "--fail-on", "never"], warnings, { NO_COLOR: "1" }).status).toBe(0);
    expect(runCli(["check", "--fail-on", "error"], errors, { NO_COLOR: "1" }).status).toBe(1);
    expect(runCli(["check", "--fail-on", "warning"], errors, { NO_COLOR: "1" }).status).toBe(1);
    expect(runCli(["check", "--fail-on", "never"], errors, { NO_COLOR: "1" }).status).toBe(0);
  });

  it("exit codes are 2 for usage errors", () => {
    const root = cleanProject();
    for (const args of [[], ["check", "--bogus"], ["check", "--fail-on", "sometimes"], ["frobnicate"]]) {
      const result = runCli(args, root);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stdout, args.join(" ")).toBe("");
      expect(result.stderr, args.join(" ")).toMatch(/^migragate: /);
      expect(result.stderr, args.join(" ")).not.toMatch(/^\s+at /m);
    }
  });

  it("exit codes are 2 for a value outside an option's choices, in the CLI's own words", () => {
    const result = runCli(["check", "--fail-on", "warnings"], cleanProject());
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'migragate: --fail-on must be one of error, warning, info, never (got "warnings") (did you mean "warning"?)\n',
    );
  });

  it("exit codes are 2 for a mistyped command, named with the command it is closest to", () => {
    const result = runCli(["chek", "."], cleanProject());
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'migragate: unknown command "chek" (did you mean "check"?): the commands are check, plan, init, rules, explain\n',
    );
  });
});

describe("rule selection", () => {
  it("rule selection with --select runs only the rules listed, comma-separated", () => {
    const root = manyRulesProject();
    const all = jsonOf(runCli(["check", "--format", "json"], root).stdout);
    expect(rulesIn(all)).toEqual(["add-column-not-null", "drop-column", "mixed-phases", "op-without-if-exists-strict"]);
    const selected = jsonOf(runCli(["check", "--format", "json", "--select", "drop-column,mixed-phases"], root).stdout);
    expect(rulesIn(selected)).toEqual(["drop-column", "mixed-phases"]);
    expect(selected.summary.findings).toBe(2);
  });

  it("rule selection with --select accepts the option repeated", () => {
    const root = manyRulesProject();
    const result = runCli(
      ["check", "--format", "json", "--select", "drop-column", "--select", "add-column-not-null,unparsed-sql"],
      root,
    );
    expect(rulesIn(jsonOf(result.stdout))).toEqual(["add-column-not-null", "drop-column"]);
    expect(result.status).toBe(1);
  });

  it("rule selection with --ignore skips the rules listed, comma-separated and repeated", () => {
    const root = manyRulesProject();
    const result = runCli(
      ["check", "--format", "json", "--ignore", "add-column-not-null,mixed-phases", "--ignore", "drop-column"],
      root,
    );
    expect(rulesIn(jsonOf(result.stdout))).toEqual(["op-without-if-exists-strict"]);
    expect(result.status).toBe(0);
  });

  it("rule selection applies --ignore after --select", () => {
    const root = manyRulesProject();
    const result = runCli(
      ["check", "--format", "json", "--select", "drop-column,mixed-phases", "--ignore", "mixed-phases"],
      root,
    );
    expect(rulesIn(jsonOf(result.stdout))).toEqual(["drop-column"]);
  });
});

describe("output", () => {
  it("output --format json --output writes the report to the file and nothing to stdout", () => {
    const root = errorProject();
    const result = runCli(["check", "--format", "json", "--output", "report.json"], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    const written = readFileSync(join(root, "report.json"), "utf8");
    expect(written.endsWith("}\n")).toBe(true);
    expect(rulesIn(jsonOf(written))).toEqual(["add-column-not-null", "op-without-if-exists-strict"]);
    const stdout = runCli(["check", "--format", "json"], root).stdout;
    expect(written).toBe(stdout);
  });

  it("output -o writes a text report without colours even when colours are forced", () => {
    const root = errorProject();
    const result = runCli(["check", "-o", "report.txt"], root, { FORCE_COLOR: "1", NO_COLOR: "" });
    expect(result.stdout).toBe("");
    const written = readFileSync(join(root, "report.txt"), "utf8");
    expect(written).toContain("versions/a1.py:15:5 error add-column-not-null");
    expect(hasAnsi(written)).toBe(false);
  });

  it("output to a folder that does not exist is a usage error naming the file", () => {
    const root = errorProject();
    const result = runCli(["check", "--format", "json", "--output", "missing/dir/report.json"], root);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining("missing/dir/report.json")]);
  });
});

describe("rules command", () => {
  it("rules command lists every rule with its default severity and summary", () => {
    const result = runCli(["rules"], writeProject({}));
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n\n")[0]?.split("\n") ?? [];
    expect(lines).toHaveLength(ALL_ANALYZERS.length);
    for (const { meta } of ALL_ANALYZERS) {
      const line = lines.find((candidate) => candidate.split(/\s+/)[0] === meta.name);
      expect(line, meta.name).toBeDefined();
      expect(line?.split(/\s+/).slice(1, 4)).toEqual([
        meta.group,
        meta.defaultSeverity,
        meta.enabledByDefault === false ? "off" : "on",
      ]);
      expect(line).toContain(meta.summary);
    }
    expect(result.stdout).toContain("\n  style        column type choices");
  });

  it("rules command lists exactly the rules documented in docs/rules", () => {
    const documented = readdirSync(DOCS)
      .filter((file) => file.endsWith(".md") && file !== "README.md")
      .map((file) => file.replace(/\.md$/, ""))
      .sort();
    const listed = (runCli(["rules"], writeProject({})).stdout.split("\n\n")[0] ?? "")
      .split("\n")
      .map((line) => line.split(/\s+/)[0])
      .sort();
    expect(listed).toEqual(documented);
  });
});

describe("explain command", () => {
  it("explain command prints the rule's documentation", () => {
    const result = runCli(["explain", "add-column-not-null"], writeProject({}));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(DOCS, "add-column-not-null.md"), "utf8"));
    expect(result.stdout).toMatch(/^# add-column-not-null\n/);
  });

  it("explain command has a document for every rule", () => {
    const cwd = writeProject({});
    for (const { meta } of ALL_ANALYZERS) {
      const result = runCli(["explain", meta.name], cwd);
      expect(result.status, meta.name).toBe(0);
      expect(result.stdout, meta.name).toMatch(new RegExp(`^# ${meta.name}\\n`));
    }
  });

  it("explain command lays prose out at COLUMNS and leaves code blocks and tables as written", () => {
    const cwd = writeProject({});
    for (const { meta } of ALL_ANALYZERS) {
      const doc = readFileSync(join(DOCS, `${meta.name}.md`), "utf8");
      const result = runCli(["explain", meta.name], cwd, { COLUMNS: "60" });
      expect(result.status, meta.name).toBe(0);
      // The same words in the same order, only the line breaks moved.
      expect(result.stdout.split(/\s+/), meta.name).toEqual(doc.split(/\s+/));
      let inCode = false;
      for (const line of result.stdout.split("\n")) {
        if (line.startsWith("```")) inCode = !inCode;
        const kept = inCode || line.startsWith("|") || line.startsWith("#");
        if (kept) expect(doc.split("\n"), meta.name).toContain(line);
        else if (line.length > 60)
          expect(line.trim().split(" ").at(-1)?.length, `${meta.name}: ${line}`).toBeGreaterThan(20);
      }
    }
  });

  it("explain command exits 2 for an unknown rule", () => {
    const result = runCli(["explain", "nope"], writeProject({}));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining('"nope"')]);
  });
});

describe("text report", () => {
  it("text report shows its revision, then location, severity, rule and message, a code frame and a hint per finding", () => {
    const result = runCli(["check"], errorProject(), { NO_COLOR: "1" });
    expect(result.status).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("revision a1: a1 migration [expand]");
    expect(lines[1]).toBe(
      'versions/a1.py:15:5 error add-column-not-null column "email" is added to existing table "users" as NOT NULL without a server default',
    );
    expect(lines[2]).toBe(`  15 |     ${ADD_EMAIL}`);
    expect(lines[3]).toBe(`     |     ${"^".repeat(ADD_EMAIL.length)}`);
    expect(lines[4]).toMatch(/^ {2}hint: Add it as nullable: /);
    expect(lines[5]).toBe("");
    expect(lines[6]).toMatch(
      /^versions\/a1\.py:15:5 warning op-without-if-exists-strict op\.add_column of column "email"/,
    );
    expect(lines[7]).toBe(`  15 |     ${ADD_EMAIL}`);
    expect(lines[9]).toMatch(/^ {2}hint: /);
  });

  it("text report ends with the revision and finding summary and the verdict", () => {
    const result = runCli(["check"], errorProject(), { NO_COLOR: "1" });
    const tail = result.stdout.trimEnd().split("\n").slice(-6);
    expect(tail).toEqual([
      "1 revision in 1 history, all under review: 1 expand, 0 backfill, 0 contract, 0 mixed, 0 neutral only",
      "2 findings: 1 error, 1 warning, 0 infos",
      "by rule: add-column-not-null 1, op-without-if-exists-strict 1",
      "read 0 SQL statements, all read",
      "dialect: postgresql (the default: nothing else decides the database); settings from migragate.toml",
      "FAILED: 1 error at or above --fail-on error",
    ]);
    expect(result.stdout.endsWith("\n")).toBe(true);
  });

  it("text report of a clean project is the summary alone", () => {
    const result = runCli(["check"], cleanProject(), { NO_COLOR: "1" });
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      "1 revision in 1 history, all under review: 1 expand, 0 backfill, 0 contract, 0 mixed, 0 neutral only",
      "0 findings: 0 errors, 0 warnings, 0 infos",
      "read 0 SQL statements, all read",
      "dialect: postgresql (the default: nothing else decides the database)",
      "PASSED",
    ]);
  });

  it("text report counts several histories and neutral-only revisions", () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b1.py": revisionFile({ revision: "b1", upgrade: "op.execute(\"SET lock_timeout = '2s'\")" }),
      "versions/c1.py": revisionFile({
        revision: "c1",
        down: "b1",
        upgrade: 'op.drop_column("t", "c", if_exists=True)',
      }),
    });
    const lines = runCli(["check"], root, { NO_COLOR: "1" }).stdout.trimEnd().split("\n");
    expect(lines).toContain(
      "3 revisions in 2 histories, all under review: 0 expand, 0 backfill, 1 contract, 0 mixed, 2 neutral only",
    );
    expect(lines).toContain("read 1 SQL statement, all read");
  });

  it("text report lists skipped files", () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/notes.py": "# scratch notes\n",
    });
    const result = runCli(["check"], root, { NO_COLOR: "1" });
    expect(result.stdout).toMatch(/^versions\/notes\.py: not analysed: .+$/m);
  });

  it("text report paths are relative to the working directory", () => {
    const root = writeProject({
      "app/db/versions/a1.py": revisionFile({ revision: "a1", upgrade: ADD_EMAIL }),
    });
    const fromRoot = runCli(["check", "app"], root, { NO_COLOR: "1" });
    expect(fromRoot.stdout).toMatch(/^app\/db\/versions\/a1\.py:15:5 error /m);
    const fromInside = runCli(["check", "."], join(root, "app", "db"), { NO_COLOR: "1" });
    expect(fromInside.stdout).toMatch(/^versions\/a1\.py:15:5 error /m);
  });
});

describe("colours", () => {
  it("colours are used when FORCE_COLOR=1", () => {
    const result = runCli(["check"], errorProject(), { FORCE_COLOR: "1" });
    expect(hasAnsi(result.stdout)).toBe(true);
    expect(stripAnsi(result.stdout)).toContain("versions/a1.py:15:5 error add-column-not-null");
  });

  it("colours are off with NO_COLOR=1, even when FORCE_COLOR=1", () => {
    expect(hasAnsi(runCli(["check"], errorProject(), { NO_COLOR: "1" }).stdout)).toBe(false);
    expect(hasAnsi(runCli(["check"], errorProject(), { NO_COLOR: "1", FORCE_COLOR: "1" }).stdout)).toBe(false);
  });

  it("colours are off with FORCE_COLOR=0", () => {
    expect(hasAnsi(runCli(["check"], errorProject(), { FORCE_COLOR: "0" }).stdout)).toBe(false);
  });

  it("colours are off when stdout is not a TTY and neither variable is set", () => {
    const result = runCliWithout(["check"], errorProject(), ["NO_COLOR", "FORCE_COLOR"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("versions/a1.py:15:5 error add-column-not-null");
    expect(hasAnsi(result.stdout)).toBe(false);
    expect(result.stderr).toBe("");
  });

  it("colours are off when stdout is not a TTY and both variables are empty", () => {
    const result = runCli(["check"], errorProject());
    expect(result.stdout).toContain("error add-column-not-null");
    expect(hasAnsi(result.stdout)).toBe(false);
    expect(result.stderr).toBe("");
  });

  it("colours never appear in the JSON report", () => {
    const result = runCli(["check", "--format", "json"], errorProject(), { FORCE_COLOR: "1" });
    expect(hasAnsi(result.stdout)).toBe(false);
    jsonOf(result.stdout);
  });
});

describe("version", () => {
  it("version prints the package version", () => {
    const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, "../package.json"), "utf8")) as {
      version: string;
    };
    const result = runCli(["--version"], writeProject({}));
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });
});

describe("usage errors", () => {
  it("usage errors from the argument parser fit on one line", () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const result = runCli(["check", ".", "--format", "xml"], root);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toBe(
      'migragate: --format must be one of text, json, sarif, github, markdown, gitlab, junit (got "xml")\n',
    );
  });
});
