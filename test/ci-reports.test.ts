import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GithubReporter } from "../src/adapters/report/github-report.js";
import { GitlabReporter } from "../src/adapters/report/gitlab-report.js";
import { JunitReporter } from "../src/adapters/report/junit-report.js";
import { MarkdownReporter } from "../src/adapters/report/markdown-report.js";
import { ruleDocsTemplate } from "../src/adapters/report/rule-docs.js";
import { SarifReporter } from "../src/adapters/report/sarif-report.js";
import type { SuppressedFinding } from "../src/domain/index.js";
import { ENV_WITH_LOCK_TIMEOUT, locate, revisionFile, runCli, writeProject } from "./support/project.js";
import { finding, reportInput, revision } from "./support/report-input.js";
import { sarifSchemaErrors } from "./support/sarif.js";
import { elementsNamed, parseXml } from "./support/xml.js";

const ADD_EMAIL = 'op.add_column("users", sa.Column("email", sa.Text(), nullable=False))';
const DROP_LEGACY = 'op.drop_column("users", "legacy")';

/** add-column-not-null (error), op-without-if-exists-strict x2, drop-column and mixed-phases (warnings). */
function project(padding = ""): { root: string; source: string } {
  const source = revisionFile({ revision: "a1", upgrade: `${padding}${ADD_EMAIL}\n${DROP_LEGACY}` });
  const files = {
    "migragate.toml": 'extend-select = ["op-without-if-exists-strict"]\n',
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1_add_email.py": source,
  };
  return { root: writeProject(files), source };
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification?: string }[];
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: Record<string, unknown>[] }[];
    results: SarifResult[];
  }[];
}

function sarif(args: string[], cwd: string): { log: SarifLog; status: number | null } {
  const result = runCli(["check", "--format", "sarif", ...args], cwd);
  const log = JSON.parse(result.stdout) as SarifLog;
  expect(sarifSchemaErrors(log)).toEqual([]);
  return { log, status: result.status };
}

function run(log: SarifLog) {
  const first = log.runs[0];
  if (!first) throw new Error("no run");
  return first;
}

describe("sarif report", () => {
  it("sarif report describes every rule that ran and points each result at its rule", () => {
    const { root } = project();
    const { log, status } = sarif(["--select", "add-column-not-null,drop-column,mixed-phases"], root);
    expect(status).toBe(1);
    const { driver } = run(log).tool;
    expect(driver.name).toBe("migragate");
    // No published address: no link that leads nowhere, the help travels in the report.
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.map((rule) => rule.id)).toEqual(["add-column-not-null", "mixed-phases", "drop-column"]);
    expect(driver.rules[0]).toMatchObject({
      name: "AddColumnNotNull",
      shortDescription: { text: expect.stringMatching(/NOT NULL/) },
      fullDescription: { text: expect.any(String) },
      help: {
        text: expect.any(String),
        markdown: expect.stringMatching(/\n\n\*\*Instead:\*\* Expand: add the column as nullable/),
      },
      defaultConfiguration: { level: "error" },
    });
    expect(driver.rules.some((rule) => "helpUri" in rule)).toBe(false);
    expect(JSON.stringify(log)).not.toContain("github.com");
    expect(driver.rules[2]).toMatchObject({ defaultConfiguration: { level: "warning" } });
    for (const result of run(log).results) {
      expect(driver.rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    }
    expect(run(log).results.map((result) => [result.ruleId, result.level])).toEqual([
      ["add-column-not-null", "error"],
      ["drop-column", "warning"],
      ["mixed-phases", "warning"],
    ]);
  });

  it("sarif report regions are 1-based with an exclusive end column, as SARIF and the source agree", () => {
    const { root, source } = project();
    const { log } = sarif(["--select", "add-column-not-null"], root);
    const [result] = run(log).results;
    const start = locate(source, ADD_EMAIL);
    expect(result?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: "versions/a1_add_email.py", uriBaseId: "%SRCROOT%" },
      region: {
        startLine: start.line,
        startColumn: start.column,
        endLine: start.line,
        endColumn: start.column + ADD_EMAIL.length,
      },
    });
    expect(start.column).toBe(5);
    expect(result?.message.text).toMatch(/^column "email" is added .+ — Add it as nullable/);
  });

  it("sarif report fingerprints survive code moving down the file", () => {
    const before = sarif([], project().root).log;
    const after = sarif([], project("import os\nimport sys\n\n").root).log;
    const lines = (log: SarifLog) =>
      run(log).results.map((result) => result.locations[0]?.physicalLocation.region.startLine);
    const prints = (log: SarifLog) => run(log).results.map((result) => result.partialFingerprints["migragate/v1"]);
    expect(lines(after)).toEqual(lines(before).map((line) => (line ?? 0) + 3));
    expect(prints(after)).toEqual(prints(before));
    expect(new Set(prints(before)).size).toBe(prints(before).length);
  });

  it("sarif report encodes paths as relative URI references with forward slashes", () => {
    const root = writeProject({
      "db/ver sions/a1 #1%.py": revisionFile({ revision: "a1", upgrade: ADD_EMAIL }),
    });
    const { log } = sarif(["db"], root);
    const uris = run(log).results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set(["db/ver%20sions/a1%20%231%25.py"]));
  });

  it("sarif report of a clean project has no results and a successful invocation", () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const { log, status } = sarif([], root);
    expect(status).toBe(0);
    expect(run(log).results).toEqual([]);
    expect(run(log).invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it("sarif report marks suppressed findings in source with their justification", () => {
    const suppressed: SuppressedFinding = {
      ...finding("drop-column", "versions/a1.py", 16, { severity: "warning" }),
      suppression: {
        kind: "inline",
        reason: "column unused since 2.3",
        span: { file: "versions/a1.py", line: 16, column: 40, endLine: 16, endColumn: 80 },
      },
    };
    const noReason: SuppressedFinding = {
      ...finding("rename-table", "versions/a1.py", 18),
      suppression: { kind: "file", span: { file: "versions/a1.py", line: 1, column: 1, endLine: 1, endColumn: 30 } },
    };
    const input = reportInput({
      revisions: [revision("a1", "versions/a1.py")],
      findings: [finding("add-column-not-null", "versions/a1.py", 15)],
      suppressed: [suppressed, noReason],
    });
    const log = JSON.parse(new SarifReporter().render(input)) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = run(log).results;
    expect(results.map((result) => [result.ruleId, result.suppressions?.[0]?.justification])).toEqual([
      ["add-column-not-null", undefined],
      ["drop-column", "column unused since 2.3"],
      ["rename-table", undefined],
    ]);
    expect(results[0]?.suppressions).toBeUndefined();
    expect(results[1]?.suppressions?.[0]?.kind).toBe("inSource");
    expect(results[2]?.suppressions).toEqual([
      expect.objectContaining({ kind: "inSource", location: expect.any(Object) }),
    ]);
  });

  it("sarif report names files that could not be analysed as failed notifications", () => {
    const input = reportInput({
      revisions: [revision("a1", "versions/a1.py")],
      skipped: [
        { file: "versions/notes.py", reason: "not a revision" },
        { file: "versions/b1.py", reason: "migragate failed to analyse this file: boom", failed: true },
      ],
    });
    const log = JSON.parse(new SarifReporter().render(input)) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(run(log).invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: "error",
            message: { text: "not analysed: migragate failed to analyse this file: boom" },
            locations: [{ physicalLocation: { artifactLocation: { uri: "versions/b1.py", uriBaseId: "%SRCROOT%" } } }],
          },
        ],
      },
    ]);
  });

  it("sarif report gives identical findings distinct fingerprints, the first one plain", () => {
    const twice = [finding("unbatched-backfill", "v/a.py", 3), finding("unbatched-backfill", "v/a.py", 9)];
    const log = JSON.parse(new SarifReporter().render(reportInput({ findings: twice }))) as SarifLog;
    const [first, second] = run(log).results.map((result) => result.partialFingerprints["migragate/v1"]);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(`${first}:2`);
  });
});

describe("github report", () => {
  it("github report writes one workflow command per finding with location, rule and hint", () => {
    const { root } = project();
    const result = runCli(["check", "--format", "github"], root);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    // One annotation per problem: the two unguarded ops of the revision are one finding naming both lines.
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^::error file=versions\/a1_add_email\.py,line=15,endLine=15,col=5,endColumn=74,title=add-column-not-null::column "email" .+ — Add it as nullable/,
    );
    expect(lines.filter((line) => line.startsWith("::warning "))).toHaveLength(3);
    expect(lines[1]).toMatch(
      /title=op-without-if-exists-strict::.+ \(and 1 more like it in this revision: line 16\) — /,
    );
  });

  it("github report maps info to notice, leaves columns off multi-line spans and names failed files", () => {
    const input = reportInput({
      findings: [
        finding("x-rule", "v/a.py", 3, { severity: "info" }),
        finding("y-rule", "v/a.py", 4, { span: { file: "v/a.py", line: 4, column: 5, endLine: 9, endColumn: 2 } }),
      ],
      skipped: [
        { file: "v/b.py", reason: "failed: 100% broken", failed: true },
        { file: "v/c.py", reason: "notes" },
      ],
    });
    expect(new GithubReporter().render(input).split("\n")).toEqual([
      "::notice file=v/a.py,line=3,endLine=3,col=5,endColumn=20,title=x-rule::x-rule fired — fix x-rule",
      "::error file=v/a.py,line=4,endLine=9,title=y-rule::y-rule fired — fix y-rule",
      "::error file=v/b.py,title=migragate::not analysed: failed: 100%25 broken",
      "",
    ]);
  });

  it("github report of a clean project is empty", () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const result = runCli(["check", "--format", "github"], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
  });
});

describe("markdown report", () => {
  it("markdown report states the verdict, lists the revisions and the findings by revision", () => {
    const { root } = project();
    const result = runCli(["check", "--format", "markdown"], root);
    expect(result.status).toBe(1);
    const text = result.stdout;
    expect(text).toContain("## ❌ migragate: the gate fails");
    expect(text).toContain("**1 error, 3 warnings, 0 infos** in 1 revision under review");
    expect(text).toContain("| `a1` | `versions/a1_add_email.py` | a1 migration | expand, contract |  |");
    expect(text).toContain("#### `a1` a1 migration");
    expect(text).toMatch(/^- \*\*error\*\* `add-column-not-null` at line 15:5: column "email"/m);
    expect(text).toMatch(/^ {2}- hint: Add it as nullable/m);
    expect(text).not.toContain("](http");
    // Each rule the report names has its help folded away at the end instead of a link.
    expect(text).toMatch(
      /\n### Rules\n\n<details>\n<summary><code>add-column-not-null<\/code>: [^\n]+<\/summary>\n\n[^\n]+\n\n\*\*Instead:\*\* Expand: add the column as nullable[^\n]*\n\n<\/details>/,
    );
    expect(text.match(/<summary>/g)).toHaveLength(4);
  });

  it("markdown and sarif reports link rule documents where the config's docs-url publishes them", () => {
    const root = writeProject({
      "migragate.toml": 'docs-url = "https://docs.example.com/migragate/rules/{rule}/"\n',
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1_add_email.py": revisionFile({ revision: "a1", upgrade: ADD_EMAIL }),
    });
    const markdown = runCli(["check", "--format", "markdown"], root).stdout;
    expect(markdown).toContain(
      "- **error** [`add-column-not-null`](https://docs.example.com/migragate/rules/add-column-not-null/) at line",
    );
    expect(markdown).not.toContain("<details>");
    const { log } = sarif([], root);
    expect(run(log).tool.driver.rules[0]).toMatchObject({
      helpUri: "https://docs.example.com/migragate/rules/add-column-not-null/",
      help: { markdown: expect.stringContaining("[add-column-not-null](https://docs.example.com/") },
    });
    const folder = writeProject({
      "migragate.toml": 'docs-url = "https://example.com/docs/rules/"\n',
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: ADD_EMAIL }),
    });
    expect(runCli(["check", "--format", "markdown"], folder).stdout).toContain(
      "(https://example.com/docs/rules/add-column-not-null.md)",
    );
  });

  it("reports link the repository's docs/rules and name the project when package.json names a repository", () => {
    const input = {
      ...reportInput({ findings: [finding("drop-column", "v/a1.py", 3)] }),
      links: {
        project: "https://github.com/acme/migragate",
        ruleDocs: ruleDocsTemplate("https://github.com/acme/migragate", undefined),
      },
    };
    const url = "https://github.com/acme/migragate/blob/HEAD/docs/rules/drop-column.md";
    expect(new MarkdownReporter().render(input)).toContain(`[\`drop-column\`](${url})`);
    const log = JSON.parse(new SarifReporter().render(input)) as SarifLog;
    expect(run(log).tool.driver.informationUri).toBe("https://github.com/acme/migragate");
  });

  it("markdown report passes the gate under --fail-on never and says so", () => {
    const result = runCli(["check", "--format", "markdown", "--fail-on", "never"], project().root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("## ✅ migragate: the gate passes");
    expect(result.stdout).toContain("`--fail-on never`: no finding fails the gate");
  });

  it("markdown report shows only the revisions under review, capped, with declared phases", () => {
    const revisions = Array.from({ length: 60 }, (_, index) =>
      revision(`r${index}`, `v/r${index}.py`, {
        message: `step ${index}`,
        phases: ["expand"],
        underReview: index >= 3,
      }),
    );
    revisions[5] = revision("r5", "v/r5.py", {
      phases: ["contract"],
      declaredPhase: { phase: "contract", source: "branch-label", evidence: "contract|x" },
    });
    const text = new MarkdownReporter().render(reportInput({ revisions }));
    expect(text).toContain("### Revisions under review (57 of 60)");
    expect(text).not.toContain("| `r2` |");
    expect(text).toContain("| `r3` | `v/r3.py` | step 3 | expand |  |");
    expect(text).toContain("| `r5` | `v/r5.py` |  | contract | contract (branch-label: `contract\\|x`) |");
    const rows = text.split("\n").filter((line) => /^\| `r\d+` \|/.test(line));
    expect(rows).toHaveLength(50);
    expect(text).toContain("… and 7 more revisions.");
  });

  it("markdown report folds suppressed findings with their reasons and names failed files", () => {
    const suppressed: SuppressedFinding = {
      ...finding("drop-column", "v/a.py", 7, { severity: "warning" }),
      suppression: {
        kind: "inline",
        reason: "dropped after <release 2.3> & *done*",
        span: { file: "v/a.py", line: 6, column: 1, endLine: 6, endColumn: 40 },
      },
    };
    const text = new MarkdownReporter().render(
      reportInput({
        revisions: [revision("a1", "v/a.py")],
        suppressed: [suppressed],
        skipped: [{ file: "v/b.py", reason: "migragate failed to analyse this file: boom", failed: true }],
        passed: false,
      }),
    );
    expect(text).toContain("1 finding suppressed. 1 file could not be analysed.");
    expect(text).toContain("<details>\n<summary>1 suppressed finding</summary>\n\n- **warning**");
    expect(text).toContain(
      "  - suppressed by an inline comment at line 6: dropped after &lt;release 2.3&gt; &amp; \\*done\\*",
    );
    expect(text).toContain("### Files not analysed");
    expect(text).toContain("- `v/b.py`: migragate failed to analyse this file: boom");
    expect(text).toContain("### Findings\n\nNo findings.");
  });
});

describe("gitlab report", () => {
  it("gitlab report lists each finding as a Code Quality issue with a stable fingerprint", () => {
    const read = (padding: string) => {
      const result = runCli(["check", "--format", "gitlab"], project(padding).root);
      expect(result.status).toBe(1);
      return JSON.parse(result.stdout) as Record<string, unknown>[];
    };
    const issues = read("");
    expect(issues).toHaveLength(4);
    expect(issues[0]).toEqual({
      type: "issue",
      check_name: "add-column-not-null",
      description: expect.stringMatching(/^column "email" is added/),
      content: { body: expect.stringMatching(/^Add it as nullable/) },
      categories: ["Bug Risk"],
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: "major",
      location: { path: "versions/a1_add_email.py", lines: { begin: 15, end: 15 } },
    });
    expect(issues.slice(1).map((issue) => issue.severity)).toEqual(["minor", "minor", "minor"]);
    const moved = read("import os\n\n");
    expect(moved.map((issue) => issue.fingerprint)).toEqual(issues.map((issue) => issue.fingerprint));
    expect(moved.map((issue) => (issue.location as { lines: { begin: number } }).lines.begin)).toEqual(
      issues.map((issue) => (issue.location as { lines: { begin: number } }).lines.begin + 2),
    );
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(4);
  });

  it("gitlab report maps info to info, leaves suppressed findings out and reports failed files", () => {
    const suppressed: SuppressedFinding = {
      ...finding("drop-column", "v/a.py", 7),
      suppression: { kind: "file", span: { file: "v/a.py", line: 1, column: 1, endLine: 1, endColumn: 2 } },
    };
    const issues = JSON.parse(
      new GitlabReporter().render(
        reportInput({
          findings: [finding("x-rule", "v/a.py", 3, { severity: "info" })],
          suppressed: [suppressed],
          skipped: [{ file: "v/b.py", reason: "boom", failed: true }],
        }),
      ),
    ) as { check_name: string; severity: string; location: unknown }[];
    expect(issues.map((issue) => [issue.check_name, issue.severity, issue.location])).toEqual([
      ["x-rule", "info", { path: "v/a.py", lines: { begin: 3, end: 3 } }],
      ["not-analysed", "major", { path: "v/b.py", lines: { begin: 1, end: 1 } }],
    ]);
  });
});

describe("junit report", () => {
  it("junit report fails a revision's test case per finding at or above --fail-on", () => {
    const { root } = project();
    const at = (failOn: string) => {
      const result = runCli(["check", "--format", "junit", "--fail-on", failOn], root);
      return parseXml(result.stdout);
    };
    const strict = at("warning");
    const cases = elementsNamed(strict, "testcase");
    expect(cases.map((entry) => [entry.attributes.name, entry.attributes.classname])).toEqual([
      ["a1 a1 migration", "versions/a1_add_email.py"],
    ]);
    expect(elementsNamed(strict, "failure").map((failure) => failure.attributes.type)).toEqual([
      "add-column-not-null",
      "op-without-if-exists-strict",
      "drop-column",
      "mixed-phases",
    ]);
    const lenient = at("error");
    const failures = elementsNamed(lenient, "failure");
    expect(failures.map((failure) => failure.attributes.type)).toEqual(["add-column-not-null"]);
    expect(failures[0]?.text).toMatch(/^versions\/a1_add_email\.py:15:5 error add-column-not-null: column "email"/);
    expect(failures[0]?.text).toMatch(/\nhint: Add it as nullable/);
    const out = elementsNamed(lenient, "system-out")[0]?.text ?? "";
    expect(out.split("\n").filter((line) => !line.startsWith("  hint: "))).toHaveLength(3);
    expect(lenient.attributes).toMatchObject({ tests: "1", failures: "1", errors: "0", skipped: "0" });
    expect(elementsNamed(at("never"), "failure")).toEqual([]);
  });

  it("junit report skips revisions outside the release and errors on failed files", () => {
    const suppressed: SuppressedFinding = {
      ...finding("drop-column", "v/b.py", 7),
      suppression: {
        kind: "phase-exception",
        reason: "planned",
        span: { file: "v/b.py", line: 2, column: 1, endLine: 2, endColumn: 9 },
      },
    };
    const root = parseXml(
      new JunitReporter().render(
        reportInput({
          revisions: [revision("a1", "v/a.py", { underReview: false }), revision("b1", "v/b.py", { message: "next" })],
          findings: [finding("env-url-not-escaped", "env.py", 3)],
          suppressed: [suppressed],
          skipped: [{ file: "v/c.py", reason: "boom", failed: true }],
        }),
      ),
    );
    const suites = elementsNamed(root, "testsuite");
    expect(suites.map((suite) => [suite.attributes.name, suite.attributes.tests])).toEqual([
      ["history 1", "2"],
      ["other files", "2"],
    ]);
    expect(root.attributes).toMatchObject({ tests: "4", failures: "1", errors: "1", skipped: "1" });
    const cases = elementsNamed(root, "testcase");
    expect(cases.map((entry) => entry.children.map((child) => child.name))).toEqual([
      ["skipped"],
      ["system-out"],
      ["failure"],
      ["error"],
    ]);
    expect(cases[1]?.children[0]?.text).toBe(
      "suppressed (phase-exception at line 2: planned): v/b.py:7:5 error drop-column: drop-column fired",
    );
  });
});

describe("ci report paths", () => {
  it("ci report paths are the report paths, relative to the working directory", () => {
    const { root } = project();
    for (const format of ["sarif", "github", "gitlab", "junit", "markdown"]) {
      const result = runCli(["check", ".", "--format", format], root);
      expect(result.stdout, format).toContain("versions/a1_add_email.py");
      expect(result.stdout, format).not.toContain(root);
    }
    expect(readFileSync(join(root, "versions/a1_add_email.py"), "utf8")).toContain(ADD_EMAIL);
  });
});
