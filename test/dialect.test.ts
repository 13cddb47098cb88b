import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dialectMarks } from "../src/adapters/python/dialect-marks.js";
import { check, type JsonReport, revisionFile, runCli, writeProject } from "./support/project.js";
import { reportSchemaErrors } from "./support/schema.js";

type Decided = JsonReport & {
  dialectSource: string;
  dialectDecision: {
    source: string;
    detail: string;
    disagreeing: { source: string; dialect: string; setAside?: string }[];
  };
  histories: {
    history: number;
    dialect: string;
    source: string;
    detail: string;
    disagreeing: { source: string; dialect: string; detail: string }[];
  }[];
  configFile?: string;
  alembicConfigs: string[];
};

const REVISION = revisionFile({ revision: "a1", upgrade: 'op.create_index("ix_users_email", "users", ["email"])' });

function ini(url: string): string {
  return `[alembic]\nscript_location = migrations\nsqlalchemy.url = ${url}\n`;
}

/** env.py as `alembic init` writes it: the engine comes from alembic.ini. */
const ENV_FROM_INI = `from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.")
    with connectable.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
`;

/** env.py that takes the URL from the environment: alembic.ini's URL is a placeholder. */
const ENV_FROM_ENVIRONMENT = `import os
from alembic import context

config = context.config
config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"].replace("%", "%%"))
`;

async function decided(files: Record<string, string>, options = {}): Promise<Decided> {
  const root = writeProject({ "migrations/versions/a1.py": REVISION, ...files });
  const { report } = await check(root, options);
  expect(reportSchemaErrors(report)).toEqual([]);
  return report as Decided;
}

describe("dialect decision", () => {
  it("dialect decision takes alembic.ini's URL when env.py reads it", async () => {
    const report = await decided({ "alembic.ini": ini("mysql://app@db/app"), "migrations/env.py": ENV_FROM_INI });
    expect([report.dialect, report.dialectSource]).toEqual(["mysql", "alembic.ini"]);
    expect(report.dialectDecision.detail).toBe("sqlalchemy.url = mysql://app@db/app in alembic.ini");
    expect(report.alembicConfigs).toEqual(["alembic.ini"]);
  });

  it("dialect decision hides a password of alembic.ini's URL", async () => {
    const report = await decided({ "alembic.ini": ini("postgresql://app:s3cret@db/app") });
    expect(report.dialectDecision.detail).toBe("sqlalchemy.url = postgresql://app:***@db/app in alembic.ini");
  });

  it("dialect decision sets aside alembic.ini's URL when env.py sets the URL itself", async () => {
    const report = await decided({
      "alembic.ini": ini("sqlite:///will/be/overridden"),
      "migrations/env.py": ENV_FROM_ENVIRONMENT,
    });
    expect([report.dialect, report.dialectSource]).toEqual(["postgresql", "default"]);
    expect(report.dialectDecision.disagreeing).toEqual([
      expect.objectContaining({
        source: "alembic.ini",
        dialect: "sqlite",
        setAside: "env.py sets the database URL itself",
      }),
    ]);
  });

  it("dialect decision takes a SQLite URL beside a server driver for local work", async () => {
    const report = await decided({
      "alembic.ini": ini("sqlite:///app.db"),
      "migrations/env.py": ENV_FROM_INI,
      "requirements.txt": "sqlalchemy>=2\nPyMySQL==1.1.0  # the production database\n",
    });
    expect([report.dialect, report.dialectSource]).toEqual(["mysql", "driver"]);
    expect(report.dialectDecision.detail).toBe("database driver PyMySQL in requirements.txt");
    expect(report.dialectDecision.disagreeing[0]?.setAside).toBe(
      "a SQLite URL beside a server database driver is taken for local work",
    );
  });

  it("dialect decision keeps a SQLite URL when the project depends on no server driver", async () => {
    const report = await decided({ "alembic.ini": ini("sqlite:///app.db"), "migrations/env.py": ENV_FROM_INI });
    expect([report.dialect, report.dialectSource]).toEqual(["sqlite", "alembic.ini"]);
  });

  it("dialect decision reads the driver from pyproject.toml dependencies, not from prose", async () => {
    const pyproject = [
      "[project]",
      'name = "shop"',
      'description = "A shop that runs on MySQL or MariaDB"',
      'dependencies = ["alembic>=1.13", "asyncpg>=0.29"]',
      "",
    ].join("\n");
    const report = await decided({ "pyproject.toml": pyproject });
    expect([report.dialect, report.dialectSource]).toEqual(["postgresql", "driver"]);
    expect(report.dialectDecision.disagreeing).toEqual([]);
  });

  it("dialect decision reads the database of an oslo.db extra, as OpenStack projects declare their driver", async () => {
    const mysql = await decided({ "requirements.txt": "alembic>=0.9.6 # MIT\noslo.db[mysql]>=8.4.0 # Apache-2.0\n" });
    expect([mysql.dialect, mysql.dialectDecision.detail]).toEqual([
      "mysql",
      "database driver oslo.db[mysql] in requirements.txt",
    ]);
    // Both extras: drivers of two databases, so neither decides.
    const both = await decided({ "requirements.txt": "oslo.db[fixtures,mysql,postgresql]>=6.0.0\n" });
    expect([both.dialect, both.dialectSource]).toEqual(["postgresql", "default"]);
    const plain = await decided({ "requirements.txt": "oslo.db>=12.1.0\n" });
    expect(plain.dialectSource).toBe("default");
  });

  it("dialect decision sets aside drivers of two databases and falls back to postgresql", async () => {
    const report = await decided({ "requirements.txt": "psycopg2-binary>=2.8\nmysqlclient\n" });
    expect([report.dialect, report.dialectSource]).toEqual(["postgresql", "default"]);
    expect(report.dialectDecision.disagreeing.map((item) => [item.dialect, item.setAside])).toEqual([
      ["mysql", "the project depends on drivers of several databases"],
    ]);
  });

  it("dialect decision reads MySQL from table options in the revisions when no driver is named", async () => {
    // OpenStack-shaped: oslo.db alone names no database, but every new table is InnoDB.
    const innodb = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: [
        'op.create_table("ports", sa.Column("id", sa.String(36), primary_key=True), mysql_engine="InnoDB",',
        '                mysql_charset="utf8")',
        'op.add_column("users", sa.Column("email", sa.String(255)))',
        'op.create_index("ix_users_email", "users", ["email"])',
      ].join("\n"),
    });
    const report = await decided({ "requirements.txt": "oslo.db>=12.1.0\n", "migrations/versions/b2.py": innodb });
    expect([report.dialect, report.dialectSource, report.dialectDecision.detail]).toEqual([
      "mysql",
      "revisions",
      "MySQL options in 1 of 2 revision files: mysql_engine= in migrations/versions/b2.py",
    ]);
    // Read as MySQL: no PostgreSQL lock rule, and the ops MySQL commits one by one need their guards.
    expect(report.findings.map((finding) => finding.rule)).not.toContain("create-index-not-concurrently");
    expect(report.findings.map((finding) => finding.rule)).toContain("op-without-if-exists");
  });

  it("dialect decision takes nothing from options of both databases, or from comments", async () => {
    // One revision writes MySQL's options, another PostgreSQL's: a project that runs on both.
    const innodb = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: 'op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True), mysql_engine="InnoDB")',
    });
    const gin = revisionFile({
      revision: "c3",
      down: "b2",
      upgrade: 'op.create_index("ix_tags_doc", "tags", ["doc"], postgresql_using="gin")',
    });
    const report = await decided({ "migrations/versions/b2.py": innodb, "migrations/versions/c3.py": gin });
    expect([report.dialect, report.dialectSource]).toEqual(["postgresql", "default"]);
    expect(report.dialectDecision.disagreeing.map((item) => [item.source, item.dialect, item.setAside])).toEqual([
      ["revisions", "mysql", "the revisions carry options of several databases"],
    ]);
    const commented = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: '# op.create_table("tags", mysql_engine="InnoDB")\nop.add_column("users", sa.Column("x", sa.Text()))',
    });
    const quiet = await decided({ "migrations/versions/b2.py": commented });
    expect([quiet.dialect, quiet.dialectSource]).toEqual(["postgresql", "default"]);
  });

  it("dialect decision takes nothing from strings or from a branch for one database", async () => {
    // A message that names an option passes none; an option under a test of the database says nothing of the project.
    const message = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: "op.execute(\"COMMENT ON TABLE tags IS 'no more mysql_engine= here'\")",
    }).replace('"""b2 migration', '"""Stop passing mysql_engine= to new tables');
    const branch = revisionFile({
      revision: "c3",
      down: "b2",
      upgrade: [
        'if op.get_bind().dialect.name == "mysql":',
        '    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True), mysql_engine="InnoDB")',
        "else:",
        '    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))',
      ].join("\n"),
    });
    const report = await decided({ "migrations/versions/b2.py": message, "migrations/versions/c3.py": branch });
    expect([report.dialect, report.dialectSource, report.dialectDecision.disagreeing]).toEqual([
      "postgresql",
      "default",
      [],
    ]);
  });

  it("dialect decision ranks a driver above the revisions' options", async () => {
    const innodb = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: 'op.create_table("ports", sa.Column("id", sa.Integer(), primary_key=True), mysql_engine="InnoDB")',
    });
    const report = await decided({ "requirements.txt": "psycopg2-binary\n", "migrations/versions/b2.py": innodb });
    expect([report.dialect, report.dialectSource]).toEqual(["postgresql", "driver"]);
    expect(report.dialectDecision.disagreeing.map((item) => [item.source, item.dialect])).toEqual([
      ["revisions", "mysql"],
    ]);
  });

  it("dialect decision lets --dialect and the config's dialect win over every file, and says so", async () => {
    const files = { "alembic.ini": ini("mysql://app@db/app"), "migrations/env.py": ENV_FROM_INI };
    const flagged = await decided(files, { dialect: "sqlite" });
    expect([flagged.dialect, flagged.dialectSource]).toEqual(["sqlite", "flag"]);
    expect(flagged.dialectDecision.disagreeing.map((item) => item.dialect)).toEqual(["mysql"]);
    const configured = await decided({ ...files, "migragate.toml": 'dialect = "postgresql"\n' });
    expect([configured.dialect, configured.dialectSource, configured.configFile]).toEqual([
      "postgresql",
      "config",
      "migragate.toml",
    ]);
    expect(configured.dialectDecision.detail).toBe("dialect in migragate.toml");
  });

  it("dialect decision gives a history in a dialect folder that folder's dialect", async () => {
    const root = writeProject({
      "alembic.ini": "[alembic]\nscript_location = migrations\n",
      "requirements.txt": "asyncpg\n",
      "migrations/versions/postgresql/a1.py": REVISION,
      "migrations/versions/sqlite/a1.py": REVISION,
    });
    const report = (await check(root)).report as Decided;
    // The folder ranks above the driver: it decides both histories, the driver agreeing with the first.
    expect(report.histories.map((history) => [history.dialect, history.source])).toEqual([
      ["postgresql", "folder"],
      ["sqlite", "folder"],
    ]);
    expect(report.histories[0]?.detail).toBe("the folder migrations/versions/postgresql/");
    expect(report.histories[1]?.detail).toBe("the folder migrations/versions/sqlite/");
    // The SQLite history gets no PostgreSQL lock rule.
    expect(report.findings.map((finding) => [finding.rule, finding.file])).toEqual([
      ["create-index-not-concurrently", "migrations/versions/postgresql/a1.py"],
      ["missing-lock-timeout", "migrations/versions/postgresql/a1.py"],
    ]);
  });

  it("dialect decision takes --dialect and the config's dialect over a dialect folder, which it names as disagreeing", async () => {
    const root = writeProject({
      "alembic.ini": "[alembic]\nscript_location = migrations\n",
      "migrations/versions/sqlite/a1.py": REVISION,
    });
    for (const [options, source] of [
      [{ dialect: "postgresql" as const }, "flag"],
      [{ config: join(root, "db.toml") }, "config"],
    ] as const) {
      writeFileSync(join(root, "db.toml"), 'dialect = "postgresql"\n');
      const report = (await check(root, options)).report as Decided;
      expect(report.histories.map((history) => [history.dialect, history.source])).toEqual([["postgresql", source]]);
      expect(report.histories[0]?.disagreeing).toEqual([
        { source: "folder", dialect: "sqlite", detail: "the folder migrations/versions/sqlite/" },
      ]);
      // Read as PostgreSQL, the index build gets the PostgreSQL lock rule.
      expect(report.findings.map((finding) => finding.rule)).toContain("create-index-not-concurrently");
    }
  });

  it("dialect decision is stated on one line of the text and markdown summaries", () => {
    const root = writeProject({
      "alembic.ini": ini("sqlite:///local.db"),
      "migrations/env.py": ENV_FROM_INI,
      "migrations/versions/a1.py": REVISION,
      "requirements.txt": "psycopg[binary]\n",
      "migragate.toml": 'fail-on = "never"\n',
    });
    const text = runCli(["check"], root);
    // The verdict ends the text report; the dialect line comes right before it.
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("PASSED: --fail-on never, so no finding fails the run");
    expect(lines.at(-2)).toBe(
      "dialect: postgresql (database driver psycopg in requirements.txt; sqlalchemy.url = sqlite:///local.db in " +
        "alembic.ini says sqlite (set aside: a SQLite URL beside a server database driver is taken for local work)); " +
        "settings from migragate.toml; Alembic configuration alembic.ini",
    );
    const markdown = runCli(["check", "--format", "markdown"], root);
    expect(markdown.stdout).toContain("Dialect: postgresql (database driver psycopg in requirements.txt;");
  });

  it("dialect decision gives the same verdict from the project, its migrations folder and a revision file", () => {
    const root = writeProject({
      "alembic.ini": ini("sqlite:///will/be/overridden"),
      "migrations/env.py": ENV_FROM_ENVIRONMENT,
      "migrations/versions/a1.py": REVISION,
    });
    const dialects = [".", "migrations", join("migrations", "versions", "a1.py")].map((path) => {
      const report = JSON.parse(runCli(["check", path, "--format", "json"], root).stdout) as Decided;
      return [report.dialect, report.dialectSource, report.findings.length];
    });
    expect(dialects).toEqual([
      ["postgresql", "default", 2],
      ["postgresql", "default", 2],
      ["postgresql", "default", 2],
    ]);
  });
});

describe("dialect marks", () => {
  it("dialect marks name each database's first option as written, outside comments", () => {
    const marks = dialectMarks(
      [
        "from sqlalchemy.dialects import mysql, postgresql",
        '# op.create_index("ix", "t", ["a"], postgresql_using="gin")',
        'op.create_table("t", sa.Column("id", sa.Integer()), mysql_engine = "InnoDB")',
      ].join("\n"),
    );
    expect(Object.fromEntries(marks)).toEqual({
      mysql: "sqlalchemy.dialects.mysql",
      postgresql: "sqlalchemy.dialects.postgresql",
    });
    expect(
      Object.fromEntries(dialectMarks('x = 1  # mysql_engine="InnoDB"\ny = sa.dialects.postgresql.UUID()')),
    ).toEqual({ postgresql: "sqlalchemy.dialects.postgresql" });
    expect(Object.fromEntries(dialectMarks('op.create_table("t", mysql_charset="utf8")'))).toEqual({
      mysql: "mysql_charset=",
    });
  });

  it("dialect marks in a file that tests the database count options outside its branches only", () => {
    const initial = [
      "from sqlalchemy.dialects import mysql, postgresql",
      "def upgrade():",
      "    op.create_table(",
      '        "services",',
      '        sa.Column("id", sa.Integer(), primary_key=True),',
      '        mysql_engine="InnoDB",',
      "    )",
      '    if op.get_bind().engine.name == "postgresql":',
      '        op.create_index("ix_a", "services", ["id"], postgresql_using="hash")',
      "    else:",
      '        op.execute("""ALTER TABLE services',
      '            CONVERT TO CHARACTER SET utf8""", mysql_charset="utf8")',
    ].join("\n");
    // The import and the PostgreSQL branch say nothing; the table's option, outside every branch, does.
    expect(Object.fromEntries(dialectMarks(initial))).toEqual({ mysql: "mysql_engine=" });
  });

  it("dialect marks in a file that tests the database skip a call's later lines inside a branch and its else", () => {
    const branched = [
      "def upgrade():",
      '    if op.get_bind().dialect.name == "sqlite":',
      "        return",
      "    op.create_table(",
      '        "tags",',
      '        mysql_charset="utf8mb4",',
      "    )",
      '    if op.get_bind().dialect.name == "mysql":',
      "        op.create_table(",
      '            "notes",',
      '            mysql_engine="InnoDB",',
      "        )",
      "    else:",
      '        op.create_index("ix_n", "notes", ["id"], postgresql_using="gin")',
    ].join("\n");
    // After the early return, `tags` is created on every other database: its option counts. The others sit in branches.
    expect(Object.fromEntries(dialectMarks(branched))).toEqual({ mysql: "mysql_charset=" });
  });

  it("dialect marks stay linear on a file of commented options", () => {
    const longLine = `# ${"mysql_engine=1 ".repeat(300_000)}`;
    const manyLines = "x = 1  # mysql_engine=2\n".repeat(200_000);
    const started = performance.now();
    expect(dialectMarks(longLine).size).toBe(0);
    expect(dialectMarks(manyLines).size).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
