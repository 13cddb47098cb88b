import { describe, expect, it } from "vitest";
import { check, ENV_WITH_LOCK_TIMEOUT, findingsOf, revisionFile, runCli, writeProject } from "./support/project.js";

const DROP = revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "bio")' });

function project(config: Record<string, string>, files: Record<string, string> = {}) {
  return writeProject({
    "app/migrations/env.py": ENV_WITH_LOCK_TIMEOUT,
    "app/migrations/versions/a1.py": DROP,
    ...config,
    ...files,
  });
}

describe("configuration files", () => {
  it("config in pyproject.toml is found by walking up from the analysed path", async () => {
    const root = project({
      "pyproject.toml":
        '[project]\nname = "app"\n\n[tool.migragate]\nextend-select = ["idempotency"]\nignore = ["op-without-if-exists-strict"]\n',
    });
    const { report } = await check(`${root}/app/migrations`);
    expect(findingsOf(report, "op-without-if-exists-strict")).toEqual([]);
    expect(findingsOf(report, "drop-column")).toHaveLength(1);
  });

  it("config in migragate.toml wins over a pyproject.toml in the same folder", async () => {
    const root = project({
      "migragate.toml": 'select = ["drop-column"]\n',
      "pyproject.toml": '[tool.migragate]\nselect = ["op-without-if-exists-strict"]\n',
    });
    const { report } = await check(`${root}/app`);
    expect(report.findings.map((finding) => finding.rule)).toEqual(["drop-column"]);
  });

  it("config severity overrides a rule's default and off turns it off", async () => {
    const root = project({
      "migragate.toml":
        'extend-select = ["op-without-if-exists-strict"]\n[severity]\ndrop-column = "error"\nop-without-if-exists-strict = "off"\n',
    });
    const { report, exitCode } = await check(root);
    expect(report.findings.map((finding) => [finding.rule, finding.severity])).toEqual([["drop-column", "error"]]);
    expect(exitCode).toBe(1);
  });

  it("config fail-on is used unless the command line gives one", async () => {
    const root = project({ "migragate.toml": 'fail-on = "warning"\n' });
    expect((await check(root, { failOn: undefined })).exitCode).toBe(1);
    expect((await check(root, { failOn: "error" })).exitCode).toBe(0);
  });

  it("config select is replaced by the command line's", async () => {
    const root = project({ "migragate.toml": 'select = ["drop-column"]\n' });
    const { report } = await check(root, { select: ["op-without-if-exists-strict"] });
    expect(report.findings.map((finding) => finding.rule)).toEqual(["op-without-if-exists-strict"]);
  });

  it("config exclude names every excluded file in the report", async () => {
    const root = project(
      { "migragate.toml": 'exclude = ["app/migrations/versions/legacy/**", "*_scratch.py"]\n' },
      {
        "app/migrations/versions/legacy/old.py": revisionFile({ revision: "o1", upgrade: 'op.drop_table("x")' }),
        "app/migrations/versions/b2_scratch.py": revisionFile({
          revision: "b2",
          down: "a1",
          upgrade: 'op.drop_table("y")',
        }),
      },
    );
    const { report } = await check(root);
    expect(report.revisions.map((revision) => revision.revision)).toEqual(["a1"]);
    expect(report.skippedFiles.map((skipped) => [skipped.file.split("/").pop(), skipped.reason]).sort()).toEqual([
      ["b2_scratch.py", 'excluded by "*_scratch.py" in the config'],
      ["old.py", 'excluded by "app/migrations/versions/legacy/**" in the config'],
    ]);
  });

  it("config start-after never reports the legacy revisions", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": DROP,
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: 'op.drop_table("old", if_exists=True)' }),
      "migragate.toml": 'start-after = "a1"\n',
    });
    const { report } = await check(root);
    expect(report.findings.map((finding) => finding.revision)).toEqual(["b2"]);
    expect(report.revisions.map((revision) => revision.underReview)).toEqual([false, true]);
  });

  it("config start-after takes a list where the baseline has several heads", async () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": DROP,
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: 'op.drop_column("users", "b")' }),
      "versions/c3.py": revisionFile({ revision: "c3", down: "a1", upgrade: 'op.drop_column("users", "c")' }),
      "versions/d4.py": revisionFile({ revision: "d4", down: ["b2", "c3"], upgrade: 'op.drop_column("users", "d")' }),
      "migragate.toml": 'start-after = ["b2", "c3"]\n',
    });
    const { report } = await check(root);
    expect(report.findings.map((finding) => finding.revision)).toEqual(["d4"]);
    const single = await check(root, { startAfter: ["b2"] });
    expect(single.report.findings.map((finding) => finding.revision).sort()).toEqual(["c3", "d4"]);
  });

  it("--start-after takes comma-separated heads on the command line", () => {
    const root = writeProject({
      "env.py": ENV_WITH_LOCK_TIMEOUT,
      "versions/a1.py": DROP,
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade: 'op.drop_column("users", "b")' }),
      "versions/c3.py": revisionFile({ revision: "c3", down: "a1", upgrade: 'op.drop_column("users", "c")' }),
    });
    const { status, stdout } = runCli(
      ["check", ".", "--start-after", "b2,c3", "--format", "json", "--no-config"],
      root,
    );
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { findings: unknown[] }).findings).toEqual([]);
    expect(runCli(["check", ".", "--start-after", ","], root).stderr).toBe("migragate: --start-after needs a value\n");
  });

  it("config release-after accepts an unambiguous prefix of the revision id", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1b2c3d4", upgrade: 'op.drop_column("users", "bio")' }),
      "versions/b2.py": revisionFile({ revision: "b2", down: "a1b2c3d4", upgrade: "pass" }),
      "migragate.toml": 'release-after = "a1b2"\n',
    });
    const { report } = await check(root);
    expect(report.findings).toEqual([]);
  });

  it("config postgres-version, dialect and alembic-version reach the analysis", async () => {
    const pinned = project({
      "migragate.toml":
        'alembic-version = "1.13.1"\npostgres-version = 12\nextend-select = ["op-without-if-exists-strict"]\n',
    });
    expect(findingsOf((await check(pinned)).report, "op-without-if-exists-strict")[0]?.hint).toContain("1.16");
    const mysql = project({ "migragate.toml": 'dialect = "mysql"\n' });
    expect((await check(mysql)).report.dialect).toBe("mysql");
  });
});

describe("configuration errors", () => {
  const cases: [string, string, string][] = [
    [
      "unknown key",
      "colour = true\n",
      'migragate.toml: unknown key "colour" (allowed: dialect, select, extend-select, ignore, severity, fail-on, exclude, start-after, release-after, alembic-version, postgres-version, assume-in-transaction, fail-on-opaque, max-file-size, max-file-seconds, docs-url)',
    ],
    [
      "mistyped key",
      'selct = ["locks"]\n',
      'migragate.toml: unknown key "selct" (did you mean "select"?) (allowed: dialect, select, extend-select, ignore, severity, fail-on, exclude, start-after, release-after, alembic-version, postgres-version, assume-in-transaction, fail-on-opaque, max-file-size, max-file-seconds, docs-url)',
    ],
    [
      "pyproject's table in migragate.toml",
      '[tool.migragate]\nselect = ["locks"]\n',
      'migragate.toml: unknown key "tool": a migragate.toml holds the settings at its top level ([tool.migragate] is the table of pyproject.toml)',
    ],
    [
      "bad dialect",
      'dialect = "oracle"\n',
      'migragate.toml: dialect must be one of postgresql (or postgres), mysql (or mariadb), sqlite (got "oracle")',
    ],
    [
      "unknown rule in select",
      'select = ["drop-colum"]\n',
      'migragate.toml: select: unknown rule or group "drop-colum" (did you mean "drop-column"?) (see `migragate rules`)',
    ],
    [
      "unknown rule in ignore",
      'ignore = ["nope"]\n',
      'migragate.toml: ignore: unknown rule or group "nope" (see `migragate rules`)',
    ],
    ["select not a list", "select = 3\n", "migragate.toml: select must be a list of strings (got 3)"],
    [
      "bad severity",
      '[severity]\ndrop-column = "fatal"\n',
      'migragate.toml: severity.drop-column must be one of error, warning, info, off (got "fatal")',
    ],
    [
      "severity not a table",
      'severity = "error"\n',
      'migragate.toml: severity must be a table of rule = "error" | "warning" | "info" | "off"',
    ],
    [
      "unknown rule in severity",
      '[severity]\nnope = "error"\n',
      'migragate.toml: severity: unknown rule "nope" (see `migragate rules`)',
    ],
    [
      "bad fail-on",
      'fail-on = "always"\n',
      'migragate.toml: fail-on must be one of error, warning, info, never (got "always")',
    ],
    ["exclude not strings", "exclude = [1]\n", "migragate.toml: exclude must be a list of strings (got [1])"],
    [
      "bad start-after",
      'start-after = "a b"\n',
      'migragate.toml: start-after must be a revision id or a list of them (got "a b")',
    ],
    ["empty start-after list", "start-after = []\n", "migragate.toml: start-after must be a revision id or a list"],
    ["unknown release-after", 'release-after = "zzzz"\n', 'release-after: no revision "zzzz" in the analysed history'],
    [
      "bad alembic-version",
      'alembic-version = "latest"\n',
      'migragate.toml: alembic-version must be a version such as "1.13.1" (got "latest")',
    ],
    [
      "postgres-version out of range",
      "postgres-version = 8\n",
      "migragate.toml: postgres-version must be a PostgreSQL major version from 9 to 18 (got 8)",
    ],
    ["invalid TOML", "select = [\n", "migragate.toml:2:1: invalid TOML"],
    [
      "bad max-file-size",
      'max-file-size = "5 GB"\n',
      'migragate.toml: max-file-size must be a size from 1 kB to 100 MB, such as "5MB" (got "5 GB")',
    ],
    [
      "max-file-size too small",
      "max-file-size = 10\n",
      'migragate.toml: max-file-size must be a size from 1 kB to 100 MB, such as "5MB" (got 10)',
    ],
    [
      "bad max-file-seconds",
      'max-file-seconds = "5"\n',
      'migragate.toml: max-file-seconds must be a number of seconds above 0, at most 600 (got "5")',
    ],
    [
      "bad fail-on-opaque",
      'fail-on-opaque = "yes"\n',
      'migragate.toml: fail-on-opaque must be true or false (got "yes")',
    ],
    ["TOML nested too deep", `a = ${"[".repeat(100)}${"]".repeat(100)}\n`, "migragate.toml:1:"],
    [
      "exclude pattern too long",
      `exclude = ["${"a".repeat(1001)}"]\n`,
      "migragate.toml: exclude: a pattern of 1001 characters; at most 1000 are allowed",
    ],
    [
      "docs-url not a URL",
      'docs-url = "docs/rules"\n',
      'migragate.toml: docs-url must be an http(s) URL (got "docs/rules")',
    ],
  ];
  it.each(cases)("config error %s exits 2 with one line naming the key", (_name, content, message) => {
    const root = project({ "migragate.toml": content });
    const { status, stderr, stdout } = runCli(["check", "."], root);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it("config max-file-size takes bytes or a size with a unit", async () => {
    for (const [setting, skipped] of [
      ['"2kB"', true],
      ['"2 KB"', true],
      ["2000", true],
      ['"0.01MB"', false],
      ['"5MB"', false],
    ] as const) {
      const root = project({
        "migragate.toml": `max-file-size = ${setting}\n`,
        "app/migrations/versions/big.py": `# ${"x".repeat(3000)}\n`,
      });
      let stderr = "";
      const { report } = await check(root, {}, root, { stderr: (text) => (stderr += text) });
      expect(report.skippedFiles.some((file) => file.reason.includes("larger than"))).toBe(skipped);
    }
  });

  it("config error in pyproject.toml names the table", () => {
    const root = project({ "pyproject.toml": "[tool.migragate]\nfoo = 1\n" });
    const { status, stderr } = runCli(["check", "."], root);
    expect(status).toBe(2);
    expect(stderr).toContain('pyproject.toml [tool.migragate]: unknown key "foo"');
  });

  it("config --no-config ignores the file and --config names one", () => {
    const root = project({ "migragate.toml": "colour = true\n", "other.toml": 'select = ["drop-column"]\n' });
    expect(runCli(["check", ".", "--no-config", "--format", "json"], root).status).toBe(0);
    const named = runCli(["check", ".", "--config", "other.toml", "--format", "json"], root);
    expect(JSON.parse(named.stdout).findings.map((finding: { rule: string }) => finding.rule)).toEqual(["drop-column"]);
    expect(runCli(["check", ".", "--config", "missing.toml"], root).stderr).toBe(
      "migragate: --config: missing.toml does not exist\n",
    );
  });

  it("config --postgres-version out of range exits 2", () => {
    const root = project({});
    const { status, stderr } = runCli(["check", ".", "--postgres-version", "99"], root);
    expect(status).toBe(2);
    expect(stderr).toBe('migragate: --postgres-version: expected a major version from 9 to 18, got "99"\n');
  });

  it("config --alembic-version with a bad value exits 2", () => {
    const { status, stderr } = runCli(["check", ".", "--alembic-version", "foo"], project({}));
    expect(status).toBe(2);
    expect(stderr).toBe('migragate: --alembic-version: expected a version such as 1.13.1, got "foo"\n');
  });

  it("config exclude that leaves nothing says so", () => {
    const { status, stderr } = runCli(["check", "."], project({ "migragate.toml": 'exclude = ["app/**"]\n' }));
    expect(status).toBe(2);
    expect(stderr).toBe("migragate: .: the config's exclude patterns leave no file to analyse (2 excluded)\n");
  });

  it("config assume-in-transaction must be a boolean", () => {
    const { status, stderr } = runCli(["check", "."], project({ "migragate.toml": 'assume-in-transaction = "yes"\n' }));
    expect(status).toBe(2);
    expect(stderr).toBe('migragate: migragate.toml: assume-in-transaction must be true or false (got "yes")\n');
  });
});

describe("rule groups", () => {
  const base = revisionFile({ revision: "a0", upgrade: "pass" });
  const varchar = revisionFile({
    revision: "a1",
    down: "a0",
    upgrade: 'op.create_table("codes", sa.Column("code", sa.String(8), primary_key=True))',
  });
  const drop = revisionFile({ revision: "a2", down: "a1", upgrade: 'op.drop_column("users", "bio")' });
  const files = { "versions/a0.py": base, "versions/a1.py": varchar, "versions/a2.py": drop };
  const rulesOf = async (options: Parameters<typeof check>[1]) =>
    [...new Set((await check(writeProject(files), options)).report.findings.map((finding) => finding.rule))].sort();

  it("rule groups: the style group is off by default and extend-select turns it on", async () => {
    expect(await rulesOf({})).toEqual(["drop-column", "missing-lock-timeout"]);
    expect(await rulesOf({ extendSelect: ["style"] })).toEqual(["drop-column", "missing-lock-timeout", "prefer-text"]);
  });

  it("rule groups: select takes group names and ALL", async () => {
    expect(await rulesOf({ select: ["phases"] })).toEqual(["drop-column"]);
    expect(await rulesOf({ select: ["ALL"], ignore: ["locks"] })).toEqual([
      "drop-column",
      "op-without-if-exists-strict",
      "prefer-text",
    ]);
  });

  it("rule groups: the most specific selector wins, and ignore wins a tie", async () => {
    expect(
      await rulesOf({ select: ["ALL"], ignore: ["style", "locks", "idempotency"], extendSelect: ["prefer-text"] }),
    ).toEqual(["drop-column", "prefer-text"]);
    expect(await rulesOf({ select: ["phases"], ignore: ["phases"] })).toEqual([]);
  });

  it("rule groups: an unknown selector on the command line is a usage error with a suggestion", () => {
    const result = runCli(["check", ".", "--extend-select", "stlye"], writeProject(files));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'migragate: --extend-select: unknown rule or group "stlye" (did you mean "style"?) (see `migragate rules`)\n',
    );
  });

  it("rule groups: style rules leave a base revision alone when no release is under review", async () => {
    const initial = revisionFile({
      revision: "b0",
      upgrade:
        'op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("code", sa.String(8)))',
    });
    const root = writeProject({ "versions/b0.py": initial });
    const all = await check(root, { extendSelect: ["style"] });
    expect(all.report.findings.filter((finding) => finding.rule.startsWith("prefer-"))).toEqual([]);
  });
});
