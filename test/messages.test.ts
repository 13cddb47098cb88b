import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { pairReports } from "../src/cli/report-targets.js";
import { type JsonReport, revisionFile, runCli, writeProject } from "./support/project.js";

const BIN = resolve(import.meta.dirname, "../bin/migragate.js");

function project(files: Record<string, string> = {}): string {
  return writeProject({
    "versions/3a9f1c2d.py": revisionFile({ revision: "3a9f1c2d", upgrade: 'op.drop_table("legacy")' }),
    "versions/7b2e0d11.py": revisionFile({ revision: "7b2e0d11", down: "3a9f1c2d", upgrade: "pass" }),
    ...files,
  });
}

/** Exit code 2 and exactly this one line on standard error. */
function expectError(result: ReturnType<typeof runCli>, line: string) {
  expect(result.stderr).toBe(`migragate: ${line}\n`);
  expect(result.status).toBe(2);
}

describe("usage messages", () => {
  it("usage messages: --no-config with --config asks for one of them", () => {
    const root = project({ "migragate.toml": 'fail-on = "never"\n' });
    expectError(
      runCli(["check", "--no-config", "--config", "migragate.toml"], root),
      "--config and --no-config: give one",
    );
    expectError(
      runCli(["check", "--config", "migragate.toml", "--no-config"], root),
      "--config and --no-config: give one",
    );
  });

  it("usage messages: an unknown rule under severity is named as a rule, with a suggestion, before its level", () => {
    const root = project({ "migragate.toml": '[severity]\ndrop-tabel = "warn"\n' });
    expectError(
      runCli(["check"], root),
      'migragate.toml: severity: unknown rule "drop-tabel" (did you mean "drop-table"?) (see `migragate rules`)',
    );
  });

  it("usage messages: the dialect accepts postgres, mariadb and sqlite3 in the config and on the command line", () => {
    const root = project({ "migragate.toml": 'dialect = "postgres"\n' });
    const configured = runCli(["check", "--format", "json"], root);
    expect((JSON.parse(configured.stdout) as JsonReport).dialect).toBe("postgresql");
    const flagged = runCli(["check", "--format", "json", "--dialect", "mariadb"], root);
    expect((JSON.parse(flagged.stdout) as JsonReport).dialect).toBe("mysql");
    expectError(
      runCli(["check", "--dialect", "oracle"], root),
      '--dialect: expected postgresql (or postgres), mysql (or mariadb), sqlite, got "oracle"',
    );
  });

  it("usage messages: a revision prefix shorter than 4 characters says so", () => {
    const root = project();
    expectError(
      runCli(["check", "--start-after", "3a9"], root),
      'start-after: "3a9" is too short to name a revision: a prefix needs at least 4 characters',
    );
    expectError(
      runCli(["check", "--release-after", "zz"], root),
      'release-after: no revision "zz" in the analysed history (and a prefix needs at least 4 characters)',
    );
    expect(runCli(["check", "--start-after", "3a9f", "--format", "json"], root).status).toBe(0);
  });

  it("usage messages: explain without a rule, and with a misspelt one", () => {
    const root = project();
    expectError(
      runCli(["explain"], root),
      "explain needs a rule name: migragate explain <rule> (see `migragate rules`)",
    );
    expectError(
      runCli(["explain", "drop-colum"], root),
      'unknown rule "drop-colum" (did you mean "drop-column"?) (see `migragate rules`)',
    );
  });

  it.each(["--select", "--extend-select", "--ignore"])("usage messages: %s with no name is an error", (flag) => {
    const root = project();
    expectError(
      runCli(["check", `${flag}=`], root),
      `${flag} needs rule or group names, comma-separated (see \`migragate rules\`)`,
    );
    expectError(
      runCli(["check", flag, " , "], root),
      `${flag} needs rule or group names, comma-separated (see \`migragate rules\`)`,
    );
  });
});

describe("report format from --output", () => {
  it("report format from --output follows the extension when no --format is given", () => {
    const root = project();
    const result = runCli(["check", "-o", "report.json", "-o", "report.sarif", "-o", "junit.xml", "-o", "pr.md"], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect((JSON.parse(readFileSync(join(root, "report.json"), "utf8")) as JsonReport).schemaVersion).toBe(2);
    expect(JSON.parse(readFileSync(join(root, "report.sarif"), "utf8")).version).toBe("2.1.0");
    expect(readFileSync(join(root, "junit.xml"), "utf8")).toMatch(/^<\?xml/);
    expect(readFileSync(join(root, "pr.md"), "utf8")).toContain("<!-- migragate report -->");
  });

  it("report format from --output refuses an extension that names no format", () => {
    const root = project();
    expectError(
      runCli(["check", "-o", "report.html"], root),
      "--output report.html: the extension names no report format (.json, .sarif, .xml for JUnit, .md, .txt): give --format",
    );
    expect(existsSync(join(root, "report.html"))).toBe(false);
  });

  it("report format from --output: an explicit --format still pairs by position", () => {
    expect(pairReports([], ["a.sarif.json", "notes", "b.TXT"])).toEqual([
      { format: "sarif", output: "a.sarif.json" },
      { format: "text", output: "notes" },
      { format: "text", output: "b.TXT" },
    ]);
    expect(pairReports(["gitlab"], ["codequality.json"])).toEqual([{ format: "gitlab", output: "codequality.json" }]);
  });
});

describe("colour variables", () => {
  const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

  it.runIf(hasScript)("colour variables: NO_COLOR with FORCE_COLOR gives no Node warning on a terminal", () => {
    const root = project();
    // `script` runs the CLI on a pseudo-terminal, where Node checks the colour variables.
    const result = spawnSync("script", ["-q", "-c", `${process.execPath} ${BIN} check`, "/dev/null"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "1", MIGRAGATE_CACHE_DIR: join(root, ".cache") },
    });
    expect(result.stdout).toContain("2 revisions in 1 history");
    expect(result.stdout).not.toContain("Warning");
    expect(result.stdout).not.toContain("\u001b[");
  });
});
