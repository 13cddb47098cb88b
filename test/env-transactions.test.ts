import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EnvExtractor } from "../src/adapters/python/env-extractor.js";
import type { PythonParser } from "../src/adapters/python/python-parser.js";
import { loadPythonParser } from "../src/adapters/python/python-parser.js";
import { check, findingsOf, revisionFile, writeProject } from "./support/project.js";

let parser: PythonParser;
beforeAll(async () => {
  parser = await loadPythonParser();
});

function envOf(lines: readonly string[]) {
  return new EnvExtractor(parser).extract("migrations/env.py", `${lines.join("\n")}\n`);
}

const SAMPLES = resolve(import.meta.dirname, "..", "samples");

describe("env transactions", () => {
  it("env transactions default to one transaction per run and the dialect's DDL setting", () => {
    const env = envOf(["from alembic import context", "context.configure(connection=connection)"]);
    expect(env).toMatchObject({ transactionPerMigration: false, lockTimeout: false });
    expect(env.transactionalDdl).toBeUndefined();
  });

  it("env transactions read literal transaction_per_migration and transactional_ddl", () => {
    const env = envOf([
      "from alembic import context",
      "context.configure(connection=connection, transaction_per_migration=True, transactional_ddl=False)",
    ]);
    expect(env).toMatchObject({ transactionPerMigration: true, transactionalDdl: false });
  });

  it("env transactions follow a module constant and record an expression as unknown", () => {
    const constant = envOf(["PER_MIGRATION = True", "context.configure(transaction_per_migration=PER_MIGRATION)"]);
    expect(constant.transactionPerMigration).toBe(true);
    const expression = envOf(['context.configure(transactional_ddl=config.get_main_option("ddl") == "1")']);
    expect(expression.transactionalDdl).toBe("unknown");
    const splat = envOf(["context.configure(connection=connection, **CONFIGURE_KWARGS)"]);
    expect(splat).toMatchObject({ transactionPerMigration: "unknown", transactionalDdl: "unknown" });
  });

  it("env transactions let the online configure call decide over the offline one", () => {
    const env = envOf([
      "def run_migrations_offline():",
      "    context.configure(url=url, literal_binds=True, transaction_per_migration=True)",
      "def run_migrations_online():",
      "    context.configure(connection=connection)",
    ]);
    expect(env.transactionPerMigration).toBe(false);
    const disagreeing = envOf([
      "context.configure(connection=a, transaction_per_migration=True)",
      "context.configure(connection=b, transaction_per_migration=False)",
    ]);
    expect(disagreeing.transactionPerMigration).toBe("unknown");
  });

  it("env transactions read both samples: clean-shop per revision with lock_timeout, risky-app defaults", () => {
    const read = (name: string) =>
      new EnvExtractor(parser).extract(
        `${name}/env.py`,
        readFileSync(resolve(SAMPLES, name, "migrations", "env.py"), "utf8"),
      );
    expect(read("clean-shop")).toMatchObject({ transactionPerMigration: true, lockTimeout: true });
    expect(read("risky-app")).toMatchObject({ transactionPerMigration: false, lockTimeout: false });
  });
});

describe("env lock_timeout", () => {
  it.each([
    ["connection.execute(text(\"SET lock_timeout = '5s'\"))"],
    ["connection.exec_driver_sql(\"SET SESSION lock_timeout TO '2s'\")"],
    ["connection.execute(text(f\"SET lock_timeout = '{LOCK_TIMEOUT}'\"))"],
    ['connection.execute(text("SELECT set_config(\'lock_timeout\', :t, false)"), {"t": "5s"})'],
    ['engine = create_engine(url, connect_args={"options": "-c lock_timeout=5000"})'],
    ['engine = engine_from_config(cfg, connect_args={"options": "-c statement_timeout=60s -c lock_timeout=5s"})'],
    ['url = "postgresql://app@db/app?options=-c%20lock_timeout%3D5000"'],
    ['engine = create_async_engine(url, connect_args={"server_settings": {"lock_timeout": "5s"}})'],
  ])("env lock_timeout is found in %s", (line) => {
    expect(envOf(["from sqlalchemy import text", line]).lockTimeout).toBe(true);
  });

  it("env lock_timeout is not found in a docstring, a comment or another setting", () => {
    const env = envOf([
      '"""Remember to SET lock_timeout one day."""',
      "# SET lock_timeout = '5s'",
      "connection.execute(text(\"SET statement_timeout = '60s'\"))",
      'print("lock_timeout")',
    ]);
    expect(env.lockTimeout).toBe(false);
  });
});

describe("transaction placement", () => {
  it("transaction placement uses the env.py next to the versions folder of each history", async () => {
    const concurrent = revisionFile({
      revision: "a1",
      upgrade: 'op.execute("CREATE INDEX CONCURRENTLY ix_a ON users (a)")',
    });
    const root = writeProject({
      "one/env.py": "context.configure(connection=connection, transaction_per_migration=True)\n",
      "one/versions/a1.py": concurrent,
      "two/env.py": "context.configure(connection=connection)\n",
      "two/versions/a1.py": concurrent,
    });
    const { report } = await check(root);
    const messages = findingsOf(report, "concurrently-in-transaction").map((finding) => [
      finding.file,
      finding.message,
    ]);
    expect(messages).toEqual([
      ["one/versions/a1.py", expect.stringContaining("transaction_per_migration=True in one/env.py")],
      ["two/versions/a1.py", expect.stringContaining("two/env.py leaves transaction_per_migration off")],
    ]);
  });
});
