// The text report as a terminal shows it: wrapped to a width, grouped by revision in history order, ending with the
// verdict. The real CLI (runCli) proves where the width comes from; in-process runs (runCheck, the CLI's own entry
// point given a width as main.ts passes it) let coverage see the renderer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { ALL_ANALYZERS } from "../analyzers/index.js";
import { TextReporter } from "../src/adapters/report/text-report.js";
import { type CheckOptions, runCheck } from "../src/cli/check.js";
import { reportWidth } from "../src/cli/terminal.js";
import { ENV_WITH_LOCK_TIMEOUT, revisionFile, runCli, writeProject } from "./support/project.js";
import { finding, reportInput, revision } from "./support/report-input.js";

const NOT_NULL = 'op.add_column("users", sa.Column("email", sa.Text(), nullable=False, default=""))';

/** The text report of `check`, run in-process as main.ts runs it, with standard output `width` columns wide. */
async function textReport(root: string, options: Partial<CheckOptions> = {}, width?: number): Promise<string> {
  let out = "";
  await runCheck(
    { paths: [root], reports: [{ format: "text" }], select: [], ignore: [], ...options },
    {
      cwd: root,
      analyzers: ALL_ANALYZERS,
      version: "test",
      color: false,
      ...(width !== undefined ? { width } : {}),
      stdout: (text) => (out += text),
      stderr: (text) => (out += text),
    },
  );
  return out;
}

function notNullProject(): string {
  return writeProject({
    "env.py": ENV_WITH_LOCK_TIMEOUT,
    "versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }),
  });
}

/** The lines of the finding that starts with `start`, up to the blank line that ends it. */
function findingLines(report: string, start: string): string[] {
  const lines = report.split("\n");
  const first = lines.findIndex((line) => line.startsWith(start));
  const end = lines.indexOf("", first);
  return lines.slice(first, end);
}

describe("text report layout", () => {
  it("text report layout wraps messages and hints at COLUMNS at word boundaries with a hanging indent", () => {
    const root = notNullProject();
    const wide = runCli(["check"], root, { NO_COLOR: "1" }).stdout;
    const narrow = runCli(["check"], root, { NO_COLOR: "1", COLUMNS: "60" }).stdout;
    const [head, ...rest] = findingLines(narrow, "versions/a1.py:15:5 error");
    const frame = rest.findIndex((line) => line.startsWith("  15 | "));
    const hint = rest.findIndex((line) => line.startsWith("  hint: "));
    // The message goes on under a four-space indent, the hint under eight; nothing is longer than the width.
    expect(frame).toBeGreaterThan(0);
    for (const line of rest.slice(0, frame)) expect(line).toMatch(/^ {4}\S/);
    expect(hint).toBeGreaterThan(frame + 1);
    for (const line of rest.slice(hint + 1)) expect(line).toMatch(/^ {8}\S/);
    for (const line of narrow.split("\n")) expect(line.length, line).toBeLessThanOrEqual(60);
    // Words are never cut: joined again, the lines give the message and the hint as the unwrapped report has them.
    const joined = (lines: string[]) => lines.map((line) => line.trim()).join(" ");
    const [wideHead, , , wideHint] = findingLines(wide, "versions/a1.py:15:5 error");
    expect(joined([head ?? "", ...rest.slice(0, frame)])).toBe(wideHead);
    expect(`  ${joined(rest.slice(hint))}`).toBe(wideHint);
  });

  it("text report layout does not wrap when standard output is not a terminal and COLUMNS is unset", () => {
    const report = runCli(["check"], notNullProject(), { NO_COLOR: "1" }).stdout;
    const lines = findingLines(report, "versions/a1.py:15:5 error");
    expect(lines).toHaveLength(4);
    expect(lines[0]?.length).toBeGreaterThan(200);
    expect(lines[3]).toMatch(/^ {2}hint: Add it as nullable: .+ or give it a constant server_default=/);
  });

  it("text report layout leaves a report written to a file unwrapped, even with COLUMNS", () => {
    const root = notNullProject();
    runCli(["check", "--format", "text", "--output", "report.txt"], root, { COLUMNS: "60" });
    const written = readFileSync(join(root, "report.txt"), "utf8");
    expect(written).toBe(runCli(["check"], root, { NO_COLOR: "1" }).stdout);
    expect(written.split("\n").some((line) => line.length > 60)).toBe(true);
  });

  it("text report layout measures coloured text by what the terminal shows", () => {
    const root = notNullProject();
    const plain = runCli(["check"], root, { NO_COLOR: "1", COLUMNS: "60" }).stdout;
    const coloured = runCli(["check"], root, { FORCE_COLOR: "1", COLUMNS: "60" }).stdout;
    expect(coloured).not.toBe(plain);
    expect(stripVTControlCharacters(coloured)).toBe(plain);
  });

  it("text report layout cuts a long code frame and keeps the underline under the code it points at", async () => {
    const padding = `PADDING = "${"x".repeat(90)}"`;
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      // The finding's span starts far to the right of a line longer than the terminal.
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: `${padding}; ${NOT_NULL}` }),
    });
    const report = await textReport(root, {}, 60);
    const lines = findingLines(report, "versions/a1.py:15:");
    const source = lines.find((line) => line.startsWith("  15 | "));
    const underline = lines[lines.indexOf(source ?? "") + 1];
    // A little of what comes before the span is kept; both cut ends are marked.
    expect(source).toMatch(/^ {2}15 \| \.\.\.x{5}"; op\.add_column\("users", sa\.Column\("email\.\.\.$/);
    expect(source?.length).toBeLessThanOrEqual(60);
    expect(underline?.indexOf("^")).toBe(source?.indexOf("op.add_column"));
    // The underline runs to where the line is cut, not beyond.
    expect(underline?.lastIndexOf("^")).toBe((source?.length ?? 0) - 4);
  });

  it("text report layout cuts a long code frame whose span starts the line at its end", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }),
    });
    const lines = findingLines(await textReport(root, {}, 50), "versions/a1.py:15:5");
    const source = lines.find((line) => line.startsWith("  15 | ")) ?? "";
    const underline = lines[lines.indexOf(source) + 1] ?? "";
    expect(source).toBe('  15 |     op.add_column("users", sa.Column("em...');
    expect(source).toHaveLength(50);
    expect(underline).toBe(`     |     ${"^".repeat(36)}`);
  });
});

describe("report width", () => {
  it("report width is COLUMNS when it holds a number, whatever standard output is", () => {
    expect(reportWidth({ COLUMNS: "72" }, { isTTY: false })).toBe(72);
    expect(reportWidth({ COLUMNS: "72" }, { isTTY: true, columns: 120 })).toBe(72);
  });

  it("report width is the terminal's when standard output is one and COLUMNS says nothing usable", () => {
    expect(reportWidth({}, { isTTY: true, columns: 120 })).toBe(120);
    expect(reportWidth({ COLUMNS: "wide" }, { isTTY: true, columns: 100 })).toBe(100);
    expect(reportWidth({ COLUMNS: "0" }, { isTTY: true, columns: 90 })).toBe(90);
  });

  it("report width is none for a file, a pipe or a CI log", () => {
    expect(reportWidth({}, { isTTY: false })).toBeUndefined();
    expect(reportWidth({ COLUMNS: "" }, {})).toBeUndefined();
    expect(reportWidth({}, { isTTY: true, columns: 0 })).toBeUndefined();
  });
});

describe("text report order", () => {
  /** A revision whose upgrade drops a column (a warning) and, when `error`, adds a NOT NULL one (an error). */
  const dropping = (id: string, down: string | string[] | null, error = false) =>
    revisionFile({
      revision: id,
      down,
      upgrade: `op.drop_column("t", "${id}", if_exists=True)${error ? `\n${NOT_NULL}` : ""}`,
    });

  it("text report order follows the history from its base, not file names, across branches and their merge", async () => {
    // File names run against the history: the merge sorts first, the base last.
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a_merge.py": dropping("m5", ["b3", "c4"]),
      "versions/b_branch.py": dropping("b3", "t2"),
      "versions/c_branch.py": dropping("c4", "t2"),
      "versions/d_trunk.py": dropping("t2", "z1"),
      "versions/e_base.py": dropping("z1", null),
    });
    const headers = (await textReport(root)).split("\n").filter((line) => line.startsWith("revision "));
    const ids = headers.map((line) => line.split(/[ :]/)[1]);
    expect(ids).toHaveLength(5);
    expect(ids.slice(0, 2)).toEqual(["z1", "t2"]);
    expect(new Set(ids.slice(2, 4))).toEqual(new Set(["b3", "c4"]));
    expect(ids[4]).toBe("m5");
  });

  it("text report order lists a revision's errors before its warnings", async () => {
    const root = writeProject({ "env.py": ENV_WITH_LOCK_TIMEOUT, "versions/a1.py": dropping("a1", null, true) });
    const lines = (await textReport(root)).split("\n");
    const findings = lines.filter((line) => line.startsWith("versions/a1.py:"));
    // The warning is on line 15, the error on line 16: severity decides, then the line.
    expect(findings[0]).toMatch(/^versions\/a1\.py:16:5 error add-column-not-null /);
    expect(findings[1]).toMatch(/^versions\/a1\.py:15:5 warning drop-column /);
  });

  it("text report order gives env.py its own group, before the revisions", async () => {
    const root = writeProject({
      "migrations/env.py": 'config.set_main_option("sqlalchemy.url", os.environ["URL"])\n',
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }),
    });
    const lines = (await textReport(root)).split("\n");
    expect(lines[0]).toBe("env.py and other files outside the revisions");
    expect(lines[1]).toMatch(/^migrations\/env\.py:1:1 error env-url-not-escaped /);
    const header = lines.indexOf("revision a1: a1 migration [expand]");
    expect(header).toBeGreaterThan(1);
    expect(lines.slice(header + 1).some((line) => line.startsWith("migrations/env.py:"))).toBe(false);
  });
});

describe("text report headers", () => {
  it("text report headers give each revision its id, message, phases and declared phase", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({
        revision: "a1",
        header: "# migragate: phase=expand",
        upgrade: `${NOT_NULL}\nop.drop_column("users", "nickname", if_exists=True)`,
      }),
    });
    expect((await textReport(root)).split("\n")[0]).toBe(
      "revision a1: a1 migration [mixed: expand, contract; declared expand (comment: # migragate: phase=expand)]",
    );
  });

  it("text report headers replace control characters of a revision's message", () => {
    const input = reportInput({
      revisions: [revision("a1", "v/a1.py", { message: "evil \u001b[2J\u0007 message", phases: ["expand"] })],
      findings: [finding("drop-column", "v/a1.py", 3)],
    });
    const [header] = new TextReporter(false).render(input).split("\n");
    expect(header).toBe("revision a1: evil \ufffd[2J\ufffd message [expand]");
  });
});

describe("text report summary", () => {
  const lastLines = (report: string, count: number) => report.trimEnd().split("\n").slice(-count);

  it("text report summary counts a revision with two phases once, as mixed, so the phase counts add up", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.add_column("users", sa.Column("bio", sa.Text()))\nop.drop_column("users", "nickname")',
      }),
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: 'op.create_table("tags")' }),
      "versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: "pass" }),
    });
    const line = (await textReport(root)).split("\n").find((text) => text.startsWith("3 revisions"));
    expect(line).toBe(
      "3 revisions in 1 history, all under review: 1 expand, 0 backfill, 0 contract, 1 mixed, 1 neutral only",
    );
    const counts = [...(line ?? "").matchAll(/(\d+) (?:expand|backfill|contract|mixed|neutral)/g)];
    expect(counts.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(3);
  });

  it("text report summary counts phases over the revisions under review only", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "nickname")' }),
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: 'op.create_table("tags")' }),
    });
    expect(await textReport(root, { startAfter: ["a1"] })).toContain(
      "2 revisions in 1 history, 1 under review (the rest is context and is not reported): 1 expand, 0 backfill, " +
        "0 contract, 0 mixed, 0 neutral only\n",
    );
    expect(await textReport(root, { startAfter: ["b2"] })).toContain(
      "2 revisions in 1 history, none under review (the rest is context and is not reported)\n",
    );
  });

  it("text report summary ends with FAILED and what fails the gate", async () => {
    const root = notNullProject();
    expect(lastLines(await textReport(root), 1)).toEqual(["FAILED: 1 error at or above --fail-on error"]);
    const both = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: `${NOT_NULL}\nop.drop_column("users", "nickname", if_exists=True)`,
      }),
    });
    expect(lastLines(await textReport(both, { failOn: "warning" }), 1)).toEqual([
      // drop-column and mixed-phases warn.
      "FAILED: 1 error and 2 warnings at or above --fail-on warning",
    ]);
  });

  it("text report summary ends with PASSED, naming what stays below --fail-on", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.drop_column("users", "nickname", if_exists=True)',
      }),
    });
    expect(lastLines(await textReport(root), 1)).toEqual(["PASSED: 1 warning, none at or above --fail-on error"]);
    expect(lastLines(await textReport(notNullProject(), { failOn: "never" }), 1)).toEqual([
      "PASSED: --fail-on never, so no finding fails the run",
    ]);
  });

  it("text report summary fails on a file that could not be analysed", () => {
    const input = reportInput({
      skipped: [{ file: "v/b.py", reason: "migragate failed to analyse this file: boom", failed: true }],
      passed: false,
    });
    const report = new TextReporter(false).render(input);
    expect(report).toContain("v/b.py: not analysed: migragate failed to analyse this file: boom\n");
    expect(lastLines(report, 1)).toEqual(["FAILED: 1 file could not be analysed"]);
  });

  it("text report summary counts findings by rule, the most frequent first", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }),
      "versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: 'op.add_column("users", sa.Column("name", sa.Text(), nullable=False))',
      }),
      "versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: 'op.drop_table("legacy")' }),
    });
    expect(await textReport(root)).toContain("\nby rule: add-column-not-null 2, drop-table 1\n");
  });

  it("text report summary keeps a rule and its count on one line when it wraps", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }),
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: 'op.drop_table("legacy")' }),
    });
    const lines = (await textReport(root, {}, 40)).split("\n");
    const start = lines.findIndex((line) => line.startsWith("by rule:"));
    expect(lines.slice(start, start + 2)).toEqual(["by rule: add-column-not-null 1,", "  drop-table 1"]);
  });

  it("text report summary names the dialect, where it came from, and the config files", async () => {
    const files = {
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    };
    const dialectLine = (report: string) => report.split("\n").find((line) => line.startsWith("dialect: "));
    expect(dialectLine(await textReport(writeProject(files)))).toBe(
      "dialect: postgresql (the default: nothing else decides the database)",
    );
    expect(dialectLine(await textReport(writeProject(files), { dialect: "mysql" }))).toBe("dialect: mysql (--dialect)");
    const configured = writeProject({ ...files, "migragate.toml": 'dialect = "sqlite"\n' });
    expect(dialectLine(await textReport(configured))).toBe(
      "dialect: sqlite (dialect in migragate.toml); settings from migragate.toml",
    );
  });

  it("text report summary names the dialect alone when the report input does not say how it was decided", () => {
    const report = new TextReporter(false).render(reportInput({}));
    expect(report.split("\n").filter((line) => line.startsWith("dialect: "))).toEqual(["dialect: postgresql"]);
  });
});

describe("grouped findings", () => {
  it("grouped findings from one line in a loop say 'on this line', never the finding's own line number", async () => {
    const loop = 'for table in ["users", "accounts"]:\n    op.create_index("ix_%s_email" % table, table, ["email"])';
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: loop }),
    });
    const report = await textReport(root, { failOn: "never" });
    const grouped = report.split("\n").find((line) => line.includes("more like it"));
    expect(grouped).toMatch(/\(and 1 more like it in this revision: on this line\)$/);
  });

  it("grouped findings on other lines name those lines", async () => {
    const twice =
      'op.create_index("ix_users_email", "users", ["email"])\nop.create_index("ix_teams_name", "teams", ["name"])';
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: twice }),
    });
    const source = readFileSync(join(root, "versions/a1.py"), "utf8").split("\n");
    const second = source.findIndex((line) => line.includes("ix_teams_name")) + 1;
    const report = await textReport(root, { failOn: "never" });
    const grouped = report.split("\n").find((line) => line.includes("more like it"));
    expect(grouped).toMatch(new RegExp(`\\(and 1 more like it in this revision: line ${second}\\)$`));
  });
});
