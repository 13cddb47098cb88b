import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, type JsonReport, revisionFile, runCli, writeProject } from "./support/project.js";
import { reportSchemaErrors } from "./support/schema.js";

const ENV_PY = `from alembic import context

config = context.config


def run_migrations_online():
    pass


run_migrations_online()
`;

function ini(lines: readonly string[]): string {
  return `${["[alembic]", ...lines, "", "[loggers]", "keys = root", ""].join("\n")}\n`;
}

function files(report: JsonReport): string[] {
  return report.revisions.map((revision) => revision.file).sort();
}

function underReview(report: JsonReport): string[] {
  return report.revisions
    .filter((revision) => revision.underReview)
    .map((revision) => revision.file)
    .sort();
}

async function checked(root: string, paths?: string[], cwd: string = root) {
  const result = await check(root, paths === undefined ? {} : { paths }, cwd);
  expect(reportSchemaErrors(result.report)).toEqual([]);
  return result.report;
}

/** Asserts a usage error: exit code 2, nothing on stdout, one stderr line and no stack trace. */
function expectUsageError(result: ReturnType<typeof runCli>, mentions: string) {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.split("\n").filter((line) => line !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^migragate: /);
  expect(lines[0]).toContain(mentions);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe("discovery", () => {
  it("discovery reads a project root through alembic.ini script_location", async () => {
    const root = writeProject({
      "alembic.ini": ini(["script_location = migrations", "sqlalchemy.url = postgresql://app@localhost/app"]),
      "migrations/env.py": ENV_PY,
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "migrations/versions/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
      "other/versions/stray.py": revisionFile({ revision: "zz", upgrade: "pass" }),
    });
    const report = await checked(root);
    expect(files(report)).toEqual(["migrations/versions/a1.py", "migrations/versions/b1.py"]);
    expect(report.envFiles).toEqual(["migrations/env.py"]);
    expect(report.dialect).toBe("postgresql");
  });

  it("discovery reads a script_location written with %(here)s or as a package resource", async () => {
    const here = writeProject({
      "alembic.ini": ini(["script_location = %(here)s/db/migrations"]),
      "db/migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    expect(files(await checked(here))).toEqual(["db/migrations/versions/a1.py"]);
    const resource = writeProject({
      "alembic.ini": ini(["script_location = myapp:migrations"]),
      "myapp/migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    expect(files(await checked(resource))).toEqual(["myapp/migrations/versions/a1.py"]);
  });

  it("discovery follows version_locations with %(here)s", async () => {
    const root = writeProject({
      "alembic.ini": ini([
        "script_location = migrations",
        "version_locations = %(here)s/migrations/versions %(here)s/plugins/billing/versions",
      ]),
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "plugins/billing/versions/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
    });
    const report = await checked(root);
    expect(files(report)).toEqual(["migrations/versions/a1.py", "plugins/billing/versions/b1.py"]);
    expect(report.summary.histories).toBe(1);
  });

  it("discovery follows version_locations split by the os path separator", async () => {
    const root = writeProject({
      "alembic.ini": ini([
        "script_location = migrations",
        "version_path_separator = os",
        "version_locations = %(here)s/migrations/versions:%(here)s/plugins/search/versions",
      ]),
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "plugins/search/versions/c1.py": revisionFile({ revision: "c1", down: "a1", upgrade: "pass" }),
    });
    expect(files(await checked(root))).toEqual(["migrations/versions/a1.py", "plugins/search/versions/c1.py"]);
  });

  it("discovery names a version location that is not a folder, when the separator does not split the value", () => {
    const root = writeProject({
      "alembic.ini": ini([
        "script_location = migrations",
        "version_path_separator = os",
        "version_locations = %(here)s/migrations/versions %(here)s/extra",
      ]),
      "migrations/env.py": "",
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "extra/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
    });
    const result = runCli(["check"], root);
    expectUsageError(result, "version_locations in ");
    expect(result.stderr).toContain(
      `/migrations/versions ${root}/extra", which is not a folder (check version_path_separator)`,
    );
  });

  it("discovery reports a missing version location beside existing ones as a folder it could not read", async () => {
    const root = writeProject({
      "alembic.ini": ini([
        "script_location = migrations",
        "version_locations = %(here)s/migrations/versions %(here)s/gone",
      ]),
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const result = runCli(["check", "--format", "json"], root);
    expect(result.status).toBe(2);
    expect((JSON.parse(result.stdout) as JsonReport).skippedFiles).toEqual([
      { file: "gone", reason: "version_locations in alembic.ini names it, but it is not a folder" },
    ]);
  });

  it("discovery reads every section of a multi-database alembic.ini", async () => {
    const root = writeProject({
      "alembic.ini": [
        "[main]",
        "script_location = migrations/main",
        "",
        "[audit]",
        "script_location = migrations/audit",
        "",
      ].join("\n"),
      "migrations/main/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "migrations/audit/versions/x1.py": revisionFile({ revision: "x1", upgrade: "pass" }),
    });
    const report = await checked(root);
    expect(files(report)).toEqual(["migrations/audit/versions/x1.py", "migrations/main/versions/a1.py"]);
    expect(report.summary.histories).toBe(2);
  });

  it.each([
    ["postgresql://app@localhost/app", "postgresql"],
    ["postgresql+psycopg2://app@localhost/app", "postgresql"],
    ["postgres://app@localhost/app", "postgresql"],
    ["mysql://app@localhost/app", "mysql"],
    ["mysql+pymysql://app@localhost/app", "mysql"],
    ["mariadb+mariadbconnector://app@localhost/app", "mysql"],
    ["sqlite:///app.db", "sqlite"],
    ["mssql+pyodbc://app@dsn", "other"],
    // The placeholder of the alembic.ini template names no dialect yet.
    ["driver://user:pass@localhost/dbname", "postgresql"],
  ])("discovery takes the dialect from sqlalchemy.url %s", async (url, dialect) => {
    const root = writeProject({
      "alembic.ini": ini(["script_location = migrations", `sqlalchemy.url = ${url}`]),
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    expect((await checked(root)).dialect).toBe(dialect);
  });

  it("discovery falls back to postgresql when sqlalchemy.url is missing or interpolated", async () => {
    const root = writeProject({
      "alembic.ini": ini(["script_location = migrations", "sqlalchemy.url = %(DATABASE_URL)s"]),
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    expect((await checked(root)).dialect).toBe("postgresql");
  });

  it("discovery lets --dialect override the dialect of alembic.ini", async () => {
    const root = writeProject({
      "alembic.ini": ini(["script_location = migrations", "sqlalchemy.url = mysql://app@localhost/app"]),
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const result = runCli(["check", "--format", "json", "--dialect", "sqlite"], root);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).dialect).toBe("sqlite");
    const fromIni = runCli(["check", "--format", "json"], root);
    expect((JSON.parse(fromIni.stdout) as JsonReport).dialect).toBe("mysql");
  });

  it("discovery reads a Flask-Migrate folder whose alembic.ini has no script_location", async () => {
    const root = writeProject({
      "migrations/alembic.ini": ini(["# template used to generate migration files", "# file_template = %%(rev)s"]),
      "migrations/env.py": ENV_PY,
      "migrations/script.py.mako": "# revision template\n",
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const fromFolder = await checked(join(root, "migrations"), undefined, root);
    expect(files(fromFolder)).toEqual(["migrations/versions/a1.py"]);
    expect(fromFolder.envFiles).toEqual(["migrations/env.py"]);
    const fromRoot = await checked(root);
    expect(files(fromRoot)).toEqual(["migrations/versions/a1.py"]);
    expect(fromRoot.envFiles).toEqual(["migrations/env.py"]);
  });

  it("discovery reads a Flask-Migrate folder when its alembic.ini is named directly", async () => {
    const root = writeProject({
      "migrations/alembic.ini": ini(["# template used to generate migration files"]),
      "migrations/env.py": ENV_PY,
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const result = runCli(["check", "migrations/alembic.ini", "--format", "json"], root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(files(JSON.parse(result.stdout) as JsonReport)).toEqual(["migrations/versions/a1.py"]);
  });

  it("discovery reads a migrations folder with env.py and versions/", async () => {
    const root = writeProject({
      "db/env.py": ENV_PY,
      "db/README": "Generic single-database configuration.",
      "db/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const report = await checked(join(root, "db"), undefined, root);
    expect(files(report)).toEqual(["db/versions/a1.py"]);
    expect(report.envFiles).toEqual(["db/env.py"]);
  });

  it("discovery finds a migrations or alembic folder under the folder given", async () => {
    const migrations = writeProject({
      "migrations/env.py": ENV_PY,
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    expect(files(await checked(migrations))).toEqual(["migrations/versions/a1.py"]);
    const alembic = writeProject({
      "alembic/env.py": ENV_PY,
      "alembic/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    expect(files(await checked(alembic))).toEqual(["alembic/versions/a1.py"]);
  });

  it("discovery walks one sub-folder per release recursively", async () => {
    const root = writeProject({
      "migrations/env.py": ENV_PY,
      "migrations/versions/2024_01/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "migrations/versions/2024_02/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
      "migrations/versions/2024_02/hotfix/c1.py": revisionFile({ revision: "c1", down: "b1", upgrade: "pass" }),
      "migrations/versions/__pycache__/stale.py": revisionFile({ revision: "old", upgrade: "pass" }),
      "migrations/versions/.backup/copy.py": revisionFile({ revision: "copy", upgrade: "pass" }),
      "migrations/versions/2024_01/__init__.py": "",
    });
    const report = await checked(root);
    expect(report.revisions.map((revision) => revision.file)).toEqual([
      "migrations/versions/2024_01/a1.py",
      "migrations/versions/2024_02/b1.py",
      "migrations/versions/2024_02/hotfix/c1.py",
    ]);
    expect(report.summary.histories).toBe(1);
    expect(report.skippedFiles).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it("discovery reads single revision files named on the command line", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
      "versions/c1.py": revisionFile({ revision: "c1", down: "b1", upgrade: 'op.drop_table("legacy")' }),
    });
    // The files named are judged; their sibling revisions are read as context (c1's drop is not reported).
    const report = await checked(root, [join(root, "versions/a1.py"), join(root, "versions/b1.py")]);
    expect(files(report)).toEqual(["versions/a1.py", "versions/b1.py", "versions/c1.py"]);
    expect(underReview(report)).toEqual(["versions/a1.py", "versions/b1.py"]);
    expect(report.findings).toEqual([]);
    const cli = runCli(["check", "versions/b1.py", "--format", "json"], root);
    expect(underReview(JSON.parse(cli.stdout) as JsonReport)).toEqual(["versions/b1.py"]);
  });

  it("discovery analyses the current directory when no path is given", async () => {
    const root = writeProject({
      "alembic.ini": ini(["script_location = migrations"]),
      "migrations/env.py": ENV_PY,
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const report = await checked(root, []);
    expect(files(report)).toEqual(["migrations/versions/a1.py"]);
    const cli = runCli(["check", "--format", "json"], root);
    expect(cli.status).toBe(0);
    expect({ ...(JSON.parse(cli.stdout) as JsonReport), tool: undefined }).toEqual({ ...report, tool: undefined });
    expect(files(JSON.parse(cli.stdout) as JsonReport)).toEqual(["migrations/versions/a1.py"]);
  });

  it("discovery fails with a usage error for a path that does not exist", async () => {
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }) });
    expectUsageError(runCli(["check", "no/such/folder"], root), "no/such/folder");
    await expect(check(join(root, "missing"))).rejects.toThrow(/missing: no such file or folder/);
  });

  it("discovery fails with a usage error for a folder without revisions", async () => {
    const root = writeProject({ "empty/README.md": "nothing here\n", "docs/notes.txt": "x" });
    expectUsageError(runCli(["check", "empty"], root), "empty");
    expectUsageError(runCli(["check"], join(root, "docs")), join(root, "docs"));
  });

  it("discovery fails with a usage error for a file that is not a revision", async () => {
    const root = writeProject({
      "notes.txt": "x",
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    expectUsageError(runCli(["check", "notes.txt"], root), "notes.txt");
  });

  it("discovery fails with a usage error for a script_location that is not a folder", async () => {
    const root = writeProject({ "alembic.ini": ini(["script_location = gone"]) });
    expectUsageError(runCli(["check"], root), "alembic.ini");
  });

  it("discovery fails with a usage error for an unknown rule in --select or --ignore", async () => {
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }) });
    expectUsageError(runCli(["check", ".", "--select", "drop-column,no-such-rule"], root), "no-such-rule");
    expectUsageError(runCli(["check", ".", "--ignore", "nope"], root), "nope");
  });
});

/** Findings as `[rule, file]`, sorted: what a verdict is made of. */
function verdict(report: JsonReport): string[][] {
  return report.findings.map((finding) => [finding.rule, finding.file]).sort();
}

describe("discovery from any path of a history", () => {
  /** alembic.ini at the top with version_locations and a MySQL URL; the history has two heads. */
  function project(): string {
    return writeProject({
      "alembic.ini": ini([
        "script_location = migrations",
        "version_locations = %(here)s/migrations/versions %(here)s/plugins/billing/versions",
        "sqlalchemy.url = mysql+pymysql://app@localhost/app",
      ]),
      "migrations/env.py": ENV_PY,
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "migrations/versions/b1.py": revisionFile({
        revision: "b1",
        down: "a1",
        upgrade: 'op.create_index("ix_users_email", "users", ["email"])',
      }),
      "plugins/billing/versions/p1.py": revisionFile({ revision: "p1", down: "a1", upgrade: "pass" }),
    });
  }

  it("discovery of a migrations folder finds the alembic.ini that owns it: same revisions, heads and dialect", async () => {
    const root = project();
    const fromRoot = await checked(root);
    const fromFolder = await checked(join(root, "migrations"), undefined, root);
    expect(fromFolder.dialect).toBe("mysql");
    expect(files(fromFolder)).toEqual(files(fromRoot));
    expect(files(fromFolder)).toContain("plugins/billing/versions/p1.py");
    expect(verdict(fromFolder)).toEqual(verdict(fromRoot));
    expect(verdict(fromFolder).map(([rule]) => rule)).toContain("multiple-heads");
    expect(fromFolder.alembicConfigs).toEqual(["alembic.ini"]);
    const fromVersions = await checked(join(root, "migrations/versions"), undefined, root);
    expect(verdict(fromVersions)).toEqual(verdict(fromRoot));
  });

  it("discovery of one revision file judges it with its history as context and reports only it", async () => {
    const root = project();
    const report = await checked(join(root, "migrations/versions/b1.py"), undefined, root);
    expect(files(report)).toEqual(files(await checked(root)));
    expect(underReview(report)).toEqual(["migrations/versions/b1.py"]);
    // a1 is read as context: no false unknown-down-revision, and the heads finding is not b1's to report.
    expect(verdict(report)).toEqual([]);
    expect(report.dialect).toBe("mysql");
  });

  it("discovery of one revision file without a configuration reads its versions folder as context", async () => {
    const root = writeProject({
      "db/env.py": ENV_PY,
      "db/versions/2024/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_table("old")' }),
      "db/versions/2025/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
    });
    const report = await checked(join(root, "db/versions/2025/b1.py"), undefined, root);
    expect(files(report)).toEqual(["db/versions/2024/a1.py", "db/versions/2025/b1.py"]);
    expect(underReview(report)).toEqual(["db/versions/2025/b1.py"]);
    expect(report.findings).toEqual([]);
    expect(report.envFiles).toEqual(["db/env.py"]);
  });

  it("discovery of a dialect sub-folder of a versions folder reports only that folder", async () => {
    const root = writeProject({
      "alembic.ini": ini(["script_location = migrations"]),
      "migrations/versions/postgresql/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_table("x")' }),
      "migrations/versions/sqlite/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_table("y")' }),
    });
    const report = await checked(join(root, "migrations/versions/sqlite"), undefined, root);
    expect(underReview(report)).toEqual(["migrations/versions/sqlite/a1.py"]);
    expect(report.findings.map((finding) => finding.file)).toEqual(["migrations/versions/sqlite/a1.py"]);
  });

  it("discovery reads a script_location package resource from the project's src folder", async () => {
    const root = writeProject({
      "src/shop/__init__.py": "",
      "src/shop/db/__init__.py": "",
      "src/shop/db/alembic.ini": ini(["script_location = shop:db:migrations"]),
      "src/shop/db/migrations/env.py": ENV_PY,
      "src/shop/db/migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const fromIni = await checked(join(root, "src/shop/db"), undefined, root);
    expect(files(fromIni)).toEqual(["src/shop/db/migrations/versions/a1.py"]);
    const fromFolder = await checked(join(root, "src/shop/db/migrations"), undefined, root);
    expect(fromFolder.alembicConfigs).toEqual(["src/shop/db/alembic.ini"]);
  });

  it("discovery reads [tool.alembic] from pyproject.toml (Alembic 1.16+)", async () => {
    const root = writeProject({
      "pyproject.toml": [
        "[project]",
        'name = "shop"',
        "",
        "[tool.alembic]",
        'script_location = "%(here)s/db"',
        'version_locations = ["%(here)s/db/versions", "%(here)s/plugins/versions"]',
        "",
      ].join("\n"),
      "db/env.py": ENV_PY,
      "db/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "plugins/versions/p1.py": revisionFile({ revision: "p1", down: "a1", upgrade: "pass" }),
    });
    const fromRoot = await checked(root);
    expect(files(fromRoot)).toEqual(["db/versions/a1.py", "plugins/versions/p1.py"]);
    expect(fromRoot.alembicConfigs).toEqual(["pyproject.toml"]);
    const fromFolder = await checked(join(root, "db"), undefined, root);
    expect(files(fromFolder)).toEqual(files(fromRoot));
  });

  it("discovery goes on past a versions folder without revision files (release notes in a monorepo)", async () => {
    const root = writeProject({
      "versions/1.2.0.md": "# release notes\n",
      "services/api/alembic.ini": ini(["script_location = migrations", "sqlalchemy.url = postgresql://app@db/app"]),
      "services/api/migrations/env.py": ENV_PY,
      "services/api/migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "services/api/app.py": "print('not a revision')\n",
    });
    const report = await checked(root);
    expect(files(report)).toEqual(["services/api/migrations/versions/a1.py"]);
    expect(report.alembicConfigs).toEqual(["services/api/alembic.ini"]);
    expect(report.skippedFiles).toEqual([]);
  });

  it("discovery names an alembic.ini without an [alembic] section when it finds no revision", () => {
    const root = writeProject({ "alembic.ini": "[loggers]\nkeys = root\n" });
    expectUsageError(runCli(["check"], root), "alembic.ini has no [alembic] section with script_location");
    expectUsageError(runCli(["check", "alembic.ini"], root), "no revision files found");
  });
});
