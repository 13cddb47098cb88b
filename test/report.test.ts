import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ANALYZERS } from "../analyzers/index.js";
import { check, type JsonReport, revisionFile, runCli, writeProject } from "./support/project.js";
import { reportSchemaErrors } from "./support/schema.js";

const REPO = resolve(import.meta.dirname, "..");
const SAMPLES = join(REPO, "samples");
const SAMPLE_NAMES = existsSync(SAMPLES)
  ? readdirSync(SAMPLES).filter((name) => statSync(join(SAMPLES, name)).isDirectory())
  : [];

/** A project that exercises every part of the report: histories, contexts, env.py, skipped files, all phases. */
function kitchenSink(): Record<string, string> {
  return {
    "alembic.ini": "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://app@localhost/app\n",
    "migrations/env.py": [
      "import os",
      "from alembic import context",
      "",
      "config = context.config",
      'config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"])',
      "",
    ].join("\n"),
    "migrations/versions/a1_base.py": revisionFile({
      revision: "a1",
      upgrade: `
op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(255)))
op.create_index("ix_users_name", "users", ["name"])
`,
      downgrade: 'op.drop_table("users")',
    }),
    "migrations/versions/b1_contexts.py": revisionFile({
      revision: "b1",
      down: "a1",
      header:
        'TABLES = ["users", "accounts"]\n\ndef add_flag(table):\n    op.add_column(table, sa.Column("flag", sa.Boolean(), nullable=False))',
      upgrade: `
for table in TABLES:
    op.add_column(table, sa.Column("created_at", sa.DateTime()))
add_flag("users")
bind = op.get_bind()
if bind.dialect.name == "postgresql":
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY ix_users_created ON users (created_at)")
if not sa.inspect(bind).has_table("audit"):
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
try:
    op.drop_constraint("uq_old", "users", type_="unique")
except Exception:
    pass
op.execute("UPDATE users SET name = 'x'")
op.drop_column("users", "legacy")
op.execute(build_sql())
`,
    }),
    "migrations/versions/c1_billing.py": revisionFile({
      revision: "c1",
      down: "a1",
      upgrade: 'op.alter_column("users", "name", type_=sa.String(80), new_column_name="full_name")',
    })
      .replace("branch_labels = None", 'branch_labels = ("billing",)')
      .replace("depends_on = None", 'depends_on = "a1"'),
    "migrations/versions/m1_merge.py": revisionFile({ revision: "m1", down: ["b1", "c1"], upgrade: "pass" }),
    "migrations/versions/s1_broken.py": revisionFile({
      revision: "s1",
      down: "m1",
      upgrade: 'op.add_column("users", sa.Column("x", sa.Integer()',
    }),
    "migrations/versions/u1_orphan.py": revisionFile({
      revision: "u1",
      down: "zz",
      upgrade: 'op.rename_table("a", "b")',
    }),
    "migrations/versions/d1_dup.py": revisionFile({ revision: "m1", down: "b1", upgrade: "pass" }),
    "migrations/versions/x1_cycle.py": revisionFile({ revision: "x1", down: "x2", upgrade: "pass" }),
    "migrations/versions/x2_cycle.py": revisionFile({ revision: "x2", down: "x1", upgrade: "pass" }),
    "migrations/versions/notes.py": "# nothing to see\n",
    "migrations/versions/__init__.py": "",
  };
}

/** Every internal consistency the report promises between its summary and its lists. */
function expectConsistent(report: JsonReport) {
  const { summary } = report;
  expect(summary.revisions).toBe(report.revisions.length);
  expect(summary.findings).toBe(report.findings.length);
  const histories = [...new Set(report.revisions.map((revision) => revision.history))];
  expect(summary.histories).toBe(histories.length);
  expect(histories.sort((a, b) => a - b)).toEqual(Array.from({ length: histories.length }, (_, index) => index + 1));
  const order = report.revisions.map((revision) => revision.history);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  const bySeverity = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  const byRule: Record<string, number> = {};
  for (const finding of report.findings) {
    bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
    byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1;
  }
  expect(summary.bySeverity).toEqual(bySeverity);
  expect(summary.byRule).toEqual(byRule);
  expect(Object.keys(summary.byRule as Record<string, number>)).toEqual(Object.keys(byRule).sort());
  const byPhase = Object.fromEntries(
    ["expand", "backfill", "contract"].map((phase) => [
      phase,
      report.revisions.filter((revision) => revision.phases.includes(phase)).length,
    ]),
  );
  expect(summary.byPhase).toEqual(byPhase);
  for (const revision of report.revisions) {
    const present = new Set(revision.operations.map((operation) => operation.phase));
    expect(revision.phases, revision.file).toEqual(["expand", "backfill", "contract"].filter((p) => present.has(p)));
    for (const operation of revision.operations) expect(operation.phase, operation.text).toBeDefined();
    for (const operation of revision.downgradeOperations) expect(operation.phase, operation.text).toBeUndefined();
  }
  const sortKey = (finding: JsonReport["findings"][number]) => [
    finding.file,
    String(finding.line).padStart(8, "0"),
    String(finding.column).padStart(8, "0"),
    finding.rule,
  ];
  const keys = report.findings.map((finding) => sortKey(finding).join("\u0000"));
  expect(keys).toEqual([...keys].sort());
}

/** Every path the report holds. */
function pathsIn(report: JsonReport): string[] {
  return [
    ...report.revisions.map((revision) => revision.file),
    ...report.findings.map((finding) => finding.file),
    ...report.envFiles,
    ...report.skippedFiles.map((skipped) => skipped.file),
  ];
}

describe("report schema", () => {
  it("report schema accepts the report of a project using every report feature", async () => {
    const root = writeProject(kitchenSink());
    const { report, exitCode } = await check(root);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(exitCode).toBe(1);
    const contexts = report.revisions.flatMap((revision) => revision.operations.map((operation) => operation.context));
    const flags = new Set(contexts.flatMap((context) => Object.keys(context ?? {})));
    expect([...flags].sort()).toEqual([
      "autocommit",
      "conditions",
      "dialectCondition",
      "existenceGuard",
      "helpers",
      "inLoop",
      "inTry",
    ]);
    expect(report.envFiles).toEqual(["migrations/env.py"]);
    expect(report.skippedFiles.map((skipped) => skipped.file)).toEqual(["migrations/versions/notes.py"]);
    expect(report.revisions.find((revision) => revision.revision === "c1")).toMatchObject({
      branchLabels: ["billing"],
      dependsOn: ["a1"],
    });
  });

  it("report schema accepts the report of the CLI for a project using every report feature", () => {
    const result = runCli(["check", "--format", "json"], writeProject(kitchenSink()));
    expect(result.status).toBe(1);
    expect(reportSchemaErrors(JSON.parse(result.stdout))).toEqual([]);
  });

  it("report schema accepts the report of an empty upgrade", async () => {
    const { report } = await check(
      writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }) }),
    );
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it.each(SAMPLE_NAMES)("report schema accepts the report of samples/%s", async (name) => {
    const { report } = await check(join(SAMPLES, name), {}, REPO);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.revisions.length).toBeGreaterThan(0);
  });
});

describe("report samples", () => {
  it("report samples clean-shop has no findings and its reviewed drop-column suppressed with a reason", async () => {
    const { report, exitCode } = await check(join(SAMPLES, "clean-shop"), {}, REPO);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((finding) => [finding.rule, finding.suppression.reason])).toEqual([
      ["drop-column", "release 1.5 stopped reading products.price and no 1.4 instance is left"],
    ]);
    expect(exitCode).toBe(0);
    expect(report.summary.histories).toBe(1);
    expect(report.summary.revisions).toBe(8);
  });

  it("report samples risky-app breaks every rule", async () => {
    const { report, exitCode } = await check(join(SAMPLES, "risky-app"), { select: ["ALL"] }, REPO);
    // revision-edited judges a git change (--since): a folder of files cannot show it (test/rules/revision-edited.test.ts).
    const needsGit = new Set(["revision-edited"]);
    expect(Object.keys(report.summary.byRule as Record<string, number>).sort()).toEqual(
      ALL_ANALYZERS.map((analyzer) => analyzer.meta.name)
        .filter((name) => !needsGit.has(name))
        .sort(),
    );
    expect(exitCode).toBe(1);
  });

  it.each(SAMPLE_NAMES)("report samples %s lists every revision file it read", async (name) => {
    const { report } = await check(join(SAMPLES, name), {}, REPO);
    const versions = join(SAMPLES, name, "migrations", "versions");
    const onDisk: string[] = [];
    const visit = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) visit(join(folder, entry.name));
        else if (entry.name.endsWith(".py") && entry.name !== "__init__.py") {
          onDisk.push(relative(REPO, join(folder, entry.name)).split("\\").join("/"));
        }
      }
    };
    visit(versions);
    const listed = [...report.revisions.map((revision) => revision.file), ...report.skippedFiles.map((s) => s.file)];
    expect(listed.sort()).toEqual(onDisk.sort());
  });
});

describe("report determinism", () => {
  it("report determinism gives byte-identical JSON for two runs", async () => {
    const root = writeProject(kitchenSink());
    const first = await check(root);
    const second = await check(root);
    expect(second.raw).toBe(first.raw);
  });

  it("report determinism gives byte-identical CLI output for two runs, JSON and text", () => {
    const root = writeProject(kitchenSink());
    const json = [runCli(["check", "--format", "json"], root), runCli(["check", "--format", "json"], root)];
    expect(json[1]?.stdout).toBe(json[0]?.stdout);
    const text = [runCli(["check"], root, { NO_COLOR: "1" }), runCli(["check"], root, { NO_COLOR: "1" })];
    expect(text[1]?.stdout).toBe(text[0]?.stdout);
  });

  it("report determinism does not depend on the order the files were written in", async () => {
    const files = Object.entries(kitchenSink());
    const forward = await check(writeProject(Object.fromEntries(files)));
    const backward = await check(writeProject(Object.fromEntries([...files].reverse())));
    expect(backward.raw).toBe(forward.raw);
  });
});

describe("report operation context", () => {
  it("report operation context writes each flag an operation has, in a fixed order, and nothing for the rest", () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        header: 'def add_note(table):\n    op.add_column(table, sa.Column("note", sa.Text(), nullable=True))',
        upgrade: [
          'if op.get_context().dialect.name == "postgresql":',
          '    op.create_index("ix_users_email", "users", ["email"])',
          'for name in ["orders", "invoices"]:',
          '    op.add_column(name, sa.Column("x", sa.Text(), nullable=True))',
          "try:",
          '    op.drop_index("ix_old", table_name="users")',
          "except Exception:",
          "    pass",
          'add_note("users")',
        ].join("\n"),
      }),
    });
    const report = JSON.parse(runCli(["check", "--format", "json"], root).stdout) as JsonReport;
    const condition = 'op.get_context().dialect.name == "postgresql"';
    const operations = report.revisions[0]?.operations.map((operation) => JSON.stringify(operation.context ?? null));
    expect(operations).toEqual([
      JSON.stringify({ conditions: [condition], dialectCondition: condition }),
      '{"inLoop":true}',
      '{"inLoop":true}',
      '{"inTry":true}',
      '{"helpers":["add_note"]}',
    ]);
  });
});

describe("report paths", () => {
  it("report paths are relative to the working directory and /-separated", async () => {
    const root = writeProject(kitchenSink());
    const { report } = await check(root, {}, dirname(root));
    const paths = pathsIn(report);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.startsWith(`${basename(root)}/migrations/`), path).toBe(true);
      expect(path).not.toContain("\\");
    }
  });

  it("report paths climb out of the working directory with ../ when the project is elsewhere", async () => {
    const root = writeProject(kitchenSink());
    const elsewhere = writeProject({ "README.md": "x" });
    const { report } = await check(root, {}, elsewhere);
    for (const path of pathsIn(report)) {
      expect(path.startsWith(`../${basename(root)}/migrations/`), path).toBe(true);
    }
  });

  it("report paths of the CLI are relative to the directory it runs in", () => {
    const root = writeProject(kitchenSink());
    const result = runCli(["check", "migrations", "--format", "json"], root);
    const report = JSON.parse(result.stdout) as JsonReport;
    for (const path of pathsIn(report)) expect(path.startsWith("migrations/"), path).toBe(true);
  });
});

describe("report summary", () => {
  it("report summary agrees with the revisions and findings of a project using every feature", async () => {
    const { report } = await check(writeProject(kitchenSink()));
    expectConsistent(report);
    expect(report.summary.histories).toBeGreaterThanOrEqual(3);
  });

  it.each(SAMPLE_NAMES)("report summary agrees with the revisions and findings of samples/%s", async (name) => {
    const { report } = await check(join(SAMPLES, name), {}, REPO);
    expectConsistent(report);
  });

  it("report summary counts a revision under every phase it holds", async () => {
    const { report } = await check(
      writeProject({
        "versions/a1.py": revisionFile({
          revision: "a1",
          upgrade: `
op.add_column("users", sa.Column("email", sa.String(255)), if_not_exists=True)
op.execute("UPDATE users SET email = '' WHERE email IS NULL")
op.drop_column("users", "legacy", if_exists=True)
op.execute("SET lock_timeout = '2s'")
`,
        }),
      }),
    );
    expect(report.revisions[0]?.phases).toEqual(["expand", "backfill", "contract"]);
    expect(report.summary.byPhase).toEqual({ expand: 1, backfill: 1, contract: 1 });
    expectConsistent(report);
  });
});
