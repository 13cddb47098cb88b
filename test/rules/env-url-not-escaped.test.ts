import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "env-url-not-escaped";

const ENV_HEAD = `import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
`;

/** A migrations/ folder with env.py (ENV_HEAD + `body`) and one revision; check() runs on the project root. */
async function analyse(body: string, extra: Record<string, string> = {}) {
  const env = ENV_HEAD + body;
  const root = writeProject({
    "migrations/env.py": env,
    "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    ...extra,
  });
  const { report } = await check(root);
  return { env, report, findings: findingsOf(report, RULE) };
}

describe("env-url-not-escaped", () => {
  it("env-url-not-escaped fires for an environment variable passed as is", async () => {
    const { env, report, findings } = await analyse(
      'config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"])\n',
    );
    expect(report.envFiles).toEqual(["migrations/env.py"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "migrations/env.py",
      ...locate(env, "config.set_main_option"),
      severity: "error",
      message:
        'sqlalchemy.url is set from os.environ["DATABASE_URL"] without escaping "%": configparser reads "%" as ' +
        "interpolation syntax, so a URL containing one breaks every migration run",
      hint: 'config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"].replace("%", "%%"))',
    });
    expect(findings[0]?.revision).toBeUndefined();
  });

  it("env-url-not-escaped fires for a literal URL with a lone %", async () => {
    const { env, findings } = await analyse(
      'config.set_main_option("sqlalchemy.url", "postgresql://app:p%40ss@db/app")\n',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(env, "config.set_main_option"), severity: "error" });
    expect(findings[0]?.message).toContain('"postgresql://app:p%40ss@db/app"');
  });

  it("env-url-not-escaped fires for an f-string URL", async () => {
    const { env, findings } = await analyse(
      "config.set_main_option(\"sqlalchemy.url\", f\"postgresql://{os.environ['DB_USER']}:{os.environ['DB_PASS']}@db/app\")\n",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(env, "config.set_main_option"), severity: "error" });
  });

  it("env-url-not-escaped fires for set_section_option inside run_migrations_online", async () => {
    const { env, findings } = await analyse(`

def run_migrations_online():
    url = os.getenv("DB_URL")
    config.set_section_option(config.config_ini_section, "sqlalchemy.url", url)
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(env, "config.set_section_option"), severity: "error" });
    expect(findings[0]?.message).toContain("sqlalchemy.url is set from url without escaping");
  });

  it("env-url-not-escaped fires for the env.py of an alembic.ini project", async () => {
    const env = `${ENV_HEAD}config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"])\n`;
    const root = writeProject({
      "alembic.ini": "[alembic]\nscript_location = %(here)s/db\n",
      "db/env.py": env,
      "db/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const { report } = await check(root);
    expect(findingsOf(report, RULE)).toEqual([
      expect.objectContaining({ file: "db/env.py", ...locate(env, "config.set_main_option"), severity: "error" }),
    ]);
  });

  it("env-url-not-escaped stays silent for a %%-escaped literal URL", async () => {
    const { report, findings } = await analyse(
      'config.set_main_option("sqlalchemy.url", "postgresql://app:p%%40ss@db/app")\n',
    );
    expect(report.envFiles).toEqual(["migrations/env.py"]);
    expect(findings).toEqual([]);
  });

  it("env-url-not-escaped stays silent for a literal URL without %", async () => {
    const { findings } = await analyse('config.set_main_option("sqlalchemy.url", "sqlite:///app.db")\n');
    expect(findings).toEqual([]);
  });

  it("env-url-not-escaped stays silent for .replace('%', '%%') on the value", async () => {
    const { findings } = await analyse(
      "config.set_main_option(\"sqlalchemy.url\", os.environ['DATABASE_URL'].replace('%', '%%'))\n",
    );
    expect(findings).toEqual([]);
  });

  it("env-url-not-escaped stays silent for a variable assigned from .replace", async () => {
    const { findings } = await analyse(`
db_url = os.environ["DATABASE_URL"].replace("%", "%%")
config.set_main_option("sqlalchemy.url", db_url)
`);
    expect(findings).toEqual([]);
  });

  it("env-url-not-escaped stays silent for a helper that returns the escaped URL", async () => {
    const { findings } = await analyse(`

def get_url():
    return os.environ["DATABASE_URL"].replace("%", "%%")


config.set_main_option("sqlalchemy.url", get_url())
`);
    expect(findings).toEqual([]);
  });

  it("env-url-not-escaped stays silent for a variable escaped in place before use", async () => {
    const { findings } = await analyse(`
db_url = os.getenv("DATABASE_URL", "")
db_url = db_url.replace("%", "%%")
config.set_main_option("sqlalchemy.url", db_url)
`);
    expect(findings).toEqual([]);
  });

  it("env-url-not-escaped stays silent for other options", async () => {
    const { findings } = await analyse('config.set_main_option("script_location", os.environ["MIGRATIONS"])\n');
    expect(findings).toEqual([]);
  });
});
