import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { sqlTranslatorProvider } from "../src/adapters/sql/dialect-translators.js";
import { loadMysqlTranslator, loadSqliteTranslator } from "../src/adapters/sql/node-sql-translator.js";
import { loadPgParser, PostgresTranslator } from "../src/adapters/sql/pg-translator.js";
import { prepareSql } from "../src/adapters/sql/prepared-sql.js";
import type { SqlSource, SqlTranslation, SqlTranslator } from "../src/adapters/sql/sql-source.js";
import { splitStatements, tokenize } from "../src/adapters/sql/sql-tokens.js";
import { type Operation, type OperationContext, TOP_LEVEL_CONTEXT } from "../src/domain/index.js";

/** A SQL text standing at the start of m.py: index -> line/column by counting newlines. */
function source(text: string, context: OperationContext = TOP_LEVEL_CONTEXT): SqlSource {
  return {
    file: "m.py",
    text,
    position(index: number) {
      const before = text.slice(0, index);
      const lineStart = before.lastIndexOf("\n") + 1;
      return { line: before.split("\n").length, column: index - lineStart + 1 };
    },
    span: { file: "m.py", line: 1, column: 1, endLine: 1, endColumn: 1 },
    context,
  };
}

/** The operations without what every one of them carries, for compact expectations. */
function details(translation: SqlTranslation): Record<string, unknown>[] {
  return translation.operations.map(({ origin, span, context, text, dialect, sql, ...rest }: Operation) => rest);
}

let mysql: SqlTranslator;
let sqlite: SqlTranslator;
let postgres: SqlTranslator;

beforeAll(async () => {
  [mysql, sqlite, postgres] = await Promise.all([
    loadMysqlTranslator(),
    loadSqliteTranslator(),
    loadPgParser().then((parser) => new PostgresTranslator(parser)),
  ]);
});

function onMysql(sql: string): Record<string, unknown>[] {
  const translation = mysql.translate(source(sql));
  expect(translation.problems).toEqual([]);
  return details(translation);
}

function onSqlite(sql: string): Record<string, unknown>[] {
  const translation = sqlite.translate(source(sql));
  expect(translation.problems).toEqual([]);
  return details(translation);
}

describe("MySQL translator", () => {
  it("create table reads columns, keys, defaults and AUTO_INCREMENT", () => {
    const sql =
      "CREATE TABLE `orders` (`id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, `note` VARCHAR(255) DEFAULT NULL, " +
      "`created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), " +
      "`customer_id` INT REFERENCES customers (id), PRIMARY KEY (`id`), KEY `ix_note` (`note`)) " +
      "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    expect(onMysql(sql)).toEqual([
      {
        kind: "create-table",
        table: "orders",
        columns: [
          { name: "id", type: "bigint unsigned", nullable: false, primaryKey: true, generated: "serial" },
          { name: "note", type: "varchar(255)", nullable: true, primaryKey: false, serverDefault: "NULL" },
          {
            name: "created_at",
            type: "datetime(6)",
            nullable: false,
            primaryKey: false,
            serverDefault: "CURRENT_TIMESTAMP(6)",
          },
          { name: "customer_id", type: "integer", nullable: true, primaryKey: false, references: "customers" },
        ],
        ifNotExists: false,
        fromQuery: false,
      },
    ]);
  });

  it("create table if not exists like takes its columns from elsewhere", () => {
    expect(onMysql("CREATE TABLE IF NOT EXISTS users_copy LIKE users")).toEqual([
      { kind: "create-table", table: "users_copy", columns: [], ifNotExists: true, fromQuery: true },
    ]);
  });

  it("add column reads type, nullability and default, ignoring AFTER", () => {
    expect(onMysql("ALTER TABLE users ADD COLUMN age INT NOT NULL DEFAULT 0 AFTER name")).toEqual([
      {
        kind: "add-column",
        table: "users",
        column: { name: "age", type: "integer", nullable: false, primaryKey: false, serverDefault: "0" },
        ifNotExists: false,
      },
    ]);
  });

  it("add column with inline unique also adds the constraint", () => {
    expect(onMysql("ALTER TABLE app.users ADD COLUMN email VARCHAR(320) UNIQUE").map((detail) => detail.kind)).toEqual([
      "add-column",
      "add-constraint",
    ]);
    expect(onMysql("ALTER TABLE app.users ADD COLUMN email VARCHAR(320) UNIQUE")[1]).toMatchObject({
      schema: "app",
      constraintType: "unique",
      columns: ["email"],
    });
  });

  it("add and drop column with MariaDB's IF [NOT] EXISTS set the flags", () => {
    expect(onMysql("ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT, DROP COLUMN IF EXISTS d")).toEqual([
      {
        kind: "add-column",
        table: "t",
        column: { name: "c", type: "integer", nullable: true, primaryKey: false },
        ifNotExists: true,
      },
      { kind: "drop-column", table: "t", column: "d", ifExists: true },
    ]);
  });

  it("drop column and rename column map one to one", () => {
    expect(onMysql("ALTER TABLE users DROP COLUMN age, RENAME COLUMN nick TO handle")).toEqual([
      { kind: "drop-column", table: "users", column: "age", ifExists: false },
      { kind: "rename-column", table: "users", column: "nick", newName: "handle" },
    ]);
  });

  it("change column renames, retypes and drops NOT NULL on explicit NULL", () => {
    expect(onMysql("ALTER TABLE users CHANGE COLUMN old_name new_name VARCHAR(100) NULL")).toEqual([
      { kind: "rename-column", table: "users", column: "old_name", newName: "new_name" },
      { kind: "change-column-type", table: "users", column: "new_name", toType: "varchar(100)" },
      { kind: "drop-not-null", table: "users", column: "new_name" },
    ]);
  });

  it("change column with the same name only retypes", () => {
    expect(onMysql("ALTER TABLE users CHANGE total total BIGINT NOT NULL").map((detail) => detail.kind)).toEqual([
      "change-column-type",
      "set-not-null",
    ]);
  });

  it("modify column with NOT NULL sets the type, not null and default", () => {
    expect(onMysql("ALTER TABLE `users` MODIFY COLUMN `status` ENUM('a','b') NOT NULL DEFAULT 'a'")).toEqual([
      { kind: "change-column-type", table: "users", column: "status", toType: "enum('a','b')" },
      { kind: "set-not-null", table: "users", column: "status" },
      { kind: "set-column-default", table: "users", column: "status", default: "'a'" },
    ]);
  });

  it("modify column without nullability makes the column nullable, as MySQL does", () => {
    expect(onMysql("ALTER TABLE users MODIFY email VARCHAR(320)")).toEqual([
      { kind: "change-column-type", table: "users", column: "email", toType: "varchar(320)" },
      { kind: "drop-not-null", table: "users", column: "email" },
    ]);
    expect(onMysql("ALTER TABLE users MODIFY id BIGINT AUTO_INCREMENT").map((detail) => detail.kind)).toEqual([
      "change-column-type",
    ]);
  });

  it("add index and add unique index become create-index", () => {
    expect(onMysql("ALTER TABLE users ADD INDEX ix_email (email), ADD UNIQUE INDEX uq_handle (handle)")).toEqual([
      {
        kind: "create-index",
        table: "users",
        name: "ix_email",
        columns: ["email"],
        unique: false,
        concurrently: false,
        ifNotExists: false,
      },
      {
        kind: "create-index",
        table: "users",
        name: "uq_handle",
        columns: ["handle"],
        unique: true,
        concurrently: false,
        ifNotExists: false,
      },
    ]);
  });

  it("create unique index reads prefix keys as their column", () => {
    expect(onMysql("CREATE UNIQUE INDEX uq_email ON users (email(191), (lower(name)))")).toEqual([
      {
        kind: "create-index",
        table: "users",
        name: "uq_email",
        columns: ["email", "(expression)"],
        unique: true,
        concurrently: false,
        ifNotExists: false,
      },
    ]);
  });

  it("drop index on a table and through alter table", () => {
    expect(onMysql("DROP INDEX ix_email ON users; ALTER TABLE users DROP INDEX ix_handle")).toEqual([
      { kind: "drop-index", name: "ix_email", table: "users", concurrently: false, ifExists: false },
      { kind: "drop-index", table: "users", name: "ix_handle", concurrently: false, ifExists: false },
    ]);
  });

  it("drop index if exists (MariaDB) sets ifExists", () => {
    expect(onMysql("DROP INDEX IF EXISTS ix_email ON users")).toEqual([
      { kind: "drop-index", name: "ix_email", table: "users", concurrently: false, ifExists: true },
    ]);
  });

  it("foreign keys are added and dropped as constraints", () => {
    expect(
      onMysql(
        "ALTER TABLE orders ADD CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id) " +
          "ON DELETE CASCADE; ALTER TABLE orders DROP FOREIGN KEY fk_customer",
      ),
    ).toEqual([
      {
        kind: "add-constraint",
        table: "orders",
        name: "fk_customer",
        constraintType: "foreign-key",
        columns: ["customer_id"],
        notValid: false,
        referencedTable: "customers",
      },
      { kind: "drop-constraint", table: "orders", name: "fk_customer", constraintType: "foreign-key", ifExists: false },
    ]);
  });

  it("primary key drop and add, check constraint drop", () => {
    expect(onMysql("ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, org_id), DROP CHECK ck_t")).toEqual([
      { kind: "drop-constraint", table: "t", name: "PRIMARY", constraintType: "primary-key", ifExists: false },
      { kind: "add-constraint", table: "t", constraintType: "primary-key", columns: ["id", "org_id"], notValid: false },
      { kind: "drop-constraint", table: "t", name: "ck_t", constraintType: "check", ifExists: false },
    ]);
  });

  it("rename table in both spellings and drop table if exists", () => {
    expect(onMysql("RENAME TABLE a TO b; ALTER TABLE b RENAME TO c; DROP TABLE IF EXISTS `tmp`, old")).toEqual([
      { kind: "rename-table", table: "a", newName: "b" },
      { kind: "rename-table", table: "b", newName: "c" },
      { kind: "drop-table", table: "tmp", ifExists: true, cascade: false },
      { kind: "drop-table", table: "old", ifExists: true, cascade: false },
    ]);
  });

  it("data changes tell whether they restrict their rows", () => {
    const sql = [
      "UPDATE users SET active = 1",
      "UPDATE users u JOIN orgs o ON o.id = u.org_id SET u.org_name = o.name WHERE o.id = :id",
      "DELETE FROM sessions WHERE expires_at < NOW() LIMIT 1000",
      "DELETE FROM sessions",
      "INSERT IGNORE INTO settings (k, v) VALUES ('a', 'b') ON DUPLICATE KEY UPDATE v = VALUES(v)",
      "INSERT INTO archive SELECT * FROM events",
      "INSERT INTO archive (id) SELECT id FROM events WHERE created < '2020-01-01'",
      "REPLACE INTO settings (k, v) VALUES ('a', 'b')",
    ].join(";\n");
    expect(onMysql(sql)).toEqual([
      { kind: "data-change", statement: "update", table: "users", hasWhere: false },
      { kind: "data-change", statement: "update", table: "users", hasWhere: true },
      { kind: "data-change", statement: "delete", table: "sessions", hasWhere: true },
      { kind: "data-change", statement: "delete", table: "sessions", hasWhere: false },
      { kind: "data-change", statement: "insert", table: "settings", hasWhere: true },
      { kind: "data-change", statement: "insert-select", table: "archive", hasWhere: false },
      { kind: "data-change", statement: "insert-select", table: "archive", hasWhere: true },
      { kind: "data-change", statement: "insert", table: "settings", hasWhere: true },
    ]);
  });

  it("truncate lists its tables", () => {
    expect(onMysql("TRUNCATE TABLE sessions")).toEqual([{ kind: "truncate", tables: ["sessions"], cascade: false }]);
  });

  it("set statements become set-config, one per variable", () => {
    expect(
      onMysql(
        "SET FOREIGN_KEY_CHECKS = 0; SET NAMES 'utf8mb4'; SET @@GLOBAL.max_connections = 10, SESSION lock_wait_timeout = 5",
      ),
    ).toEqual([
      { kind: "set-config", name: "FOREIGN_KEY_CHECKS", value: "0", local: false },
      { kind: "set-config", name: "names", value: "utf8mb4", local: false },
      { kind: "set-config", name: "max_connections", value: "10", local: false, global: true },
      { kind: "set-config", name: "lock_wait_timeout", value: "5", local: false },
    ]);
    expect(onMysql("SET GLOBAL foreign_key_checks = 0; SET PERSIST x = 1; SET SESSION y = 2")).toEqual([
      { kind: "set-config", name: "foreign_key_checks", value: "0", local: false, global: true },
      { kind: "set-config", name: "x", value: "1", local: false, global: true },
      { kind: "set-config", name: "y", value: "2", local: false },
    ]);
  });

  it("transaction statements become transaction-control", () => {
    expect(onMysql("START TRANSACTION; SAVEPOINT s1; ROLLBACK; COMMIT")).toEqual([
      { kind: "transaction-control", statement: "begin" },
      { kind: "transaction-control", statement: "savepoint" },
      { kind: "transaction-control", statement: "rollback" },
      { kind: "transaction-control", statement: "commit" },
    ]);
  });

  it("grants, locks and table maintenance are utilities, selects are queries", () => {
    expect(
      onMysql("GRANT SELECT ON db.* TO 'app'@'%'; LOCK TABLES users WRITE; OPTIMIZE TABLE users; SELECT DATABASE()"),
    ).toEqual([
      { kind: "utility", statement: "GRANT" },
      { kind: "utility", statement: "LOCK TABLES" },
      { kind: "utility", statement: "OPTIMIZE TABLE" },
      { kind: "query" },
    ]);
  });

  it("convert to character set and table options are alter-table-other, ALGORITHM/LOCK add nothing", () => {
    expect(
      onMysql(
        "ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; ALTER TABLE users ENGINE=InnoDB; " +
          "ALTER TABLE users ADD COLUMN x INT, ALGORITHM=INPLACE, LOCK=NONE",
      ).map((detail) => [detail.kind, detail.action]),
    ).toEqual([
      ["alter-table-other", "CONVERT TO CHARACTER SET"],
      ["alter-table-other", "ENGINE"],
      ["add-column", undefined],
    ]);
  });

  it("alter column defaults and rename index are read clause by clause", () => {
    expect(
      onMysql(
        "ALTER TABLE users ALTER COLUMN status SET DEFAULT 'active', ALTER plan DROP DEFAULT, RENAME INDEX a TO b",
      ),
    ).toEqual([
      { kind: "set-column-default", table: "users", column: "status", default: "'active'" },
      { kind: "set-column-default", table: "users", column: "plan" },
      { kind: "rename-object", objectType: "index", table: "users", name: "a", newName: "b" },
    ]);
  });

  it("views, triggers, databases and procedures are objects", () => {
    expect(
      onMysql(
        "CREATE OR REPLACE VIEW v AS SELECT 1; DROP VIEW IF EXISTS v; " +
          "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END; " +
          "CREATE DATABASE IF NOT EXISTS d; DROP PROCEDURE IF EXISTS p",
      ).map((detail) => [detail.kind, detail.objectType, detail.name]),
    ).toEqual([
      ["create-object", "view", "v"],
      ["drop-object", "view", "v"],
      ["create-object", "trigger", "tr"],
      ["create-object", "database", "d"],
      ["drop-object", "function", "p"],
    ]);
  });

  it("placeholders and binds are restored in names and parse in values", () => {
    expect(
      onMysql("UPDATE «table» SET name = :name WHERE id IN :ids; ALTER TABLE «table» MODIFY COLUMN «column» TEXT NULL"),
    ).toEqual([
      { kind: "data-change", statement: "update", table: "«table»", hasWhere: true },
      { kind: "change-column-type", table: "«table»", column: "«column»", toType: "text" },
      { kind: "drop-not-null", table: "«table»", column: "«column»" },
    ]);
  });

  it("unparsable statement reports unparsed-sql and an opaque operation without throwing", () => {
    const translation = mysql.translate(source("UPDATE t SET a = 1;\nALTER TABLE t FROBNICATE x;\nDELETE FROM t"));
    expect(translation.problems).toEqual([
      {
        rule: "unparsed-sql",
        message:
          'migragate could not read this SQL statement, so no rule checked it (its parser stopped: syntax error at "FROBNICATE"): ALTER TABLE t FROBNICATE x',
        span: { file: "m.py", line: 2, column: 1, endLine: 2, endColumn: 27 },
      },
    ]);
    expect(details(translation)).toEqual([
      { kind: "data-change", statement: "update", table: "t", hasWhere: false },
      { kind: "opaque", reason: "SQL that could not be parsed", sqlNotRead: true },
      { kind: "data-change", statement: "delete", table: "t", hasWhere: false },
    ]);
  });

  it("spans of multi-statement SQL point at each statement's lines", () => {
    const translation = mysql.translate(
      source("SET FOREIGN_KEY_CHECKS = 0;\n-- drop the old index\n  ALTER TABLE users\n    DROP INDEX ix_email;"),
    );
    expect(translation.operations.map((operation) => operation.span)).toEqual([
      { file: "m.py", line: 1, column: 1, endLine: 1, endColumn: 27 },
      { file: "m.py", line: 3, column: 3, endLine: 4, endColumn: 24 },
    ]);
    expect(translation.operations.map((operation) => operation.text)).toEqual([
      "SET FOREIGN_KEY_CHECKS = 0",
      "ALTER TABLE users DROP INDEX ix_email",
    ]);
    expect(translation.operations.every((operation) => operation.origin === "sql")).toBe(true);
  });

  it("only comments translate to nothing", () => {
    expect(mysql.translate(source("-- nothing\n# here\n/* at all */"))).toEqual({
      operations: [],
      problems: [],
      statements: 0,
    });
  });
});

describe("SQLite translator", () => {
  it("pragma is a utility", () => {
    expect(onSqlite("PRAGMA foreign_keys=OFF")).toEqual([{ kind: "utility", statement: "PRAGMA" }]);
  });

  it("insert or ignore and upserts are inserts", () => {
    expect(
      onSqlite(
        "INSERT OR IGNORE INTO t (a) VALUES (1); INSERT INTO t (a) VALUES (:a) ON CONFLICT(a) DO UPDATE SET a = excluded.a",
      ),
    ).toEqual([
      { kind: "data-change", statement: "insert", table: "t", hasWhere: true },
      { kind: "data-change", statement: "insert", table: "t", hasWhere: true },
    ]);
  });

  it("drop index without a table, with and without IF EXISTS", () => {
    expect(onSqlite("DROP INDEX IF EXISTS ix_a; DROP INDEX main.ix_b")).toEqual([
      { kind: "drop-index", name: "ix_a", concurrently: false, ifExists: true },
      { kind: "drop-index", name: "ix_b", schema: "main", concurrently: false, ifExists: false },
    ]);
  });

  it("batch table rebuild reads as create, copy, drop and rename", () => {
    const sql = [
      'CREATE TABLE "_alembic_tmp_t" (id INTEGER NOT NULL, name VARCHAR(40), PRIMARY KEY (id))',
      "INSERT INTO _alembic_tmp_t (id, name) SELECT id, name FROM t",
      "DROP TABLE t",
      "ALTER TABLE _alembic_tmp_t RENAME TO t",
    ].join(";\n");
    expect(onSqlite(sql)).toEqual([
      {
        kind: "create-table",
        table: "_alembic_tmp_t",
        columns: [
          { name: "id", type: "integer", nullable: false, primaryKey: true },
          { name: "name", type: "varchar(40)", nullable: true, primaryKey: false },
        ],
        ifNotExists: false,
        fromQuery: false,
      },
      { kind: "data-change", statement: "insert-select", table: "_alembic_tmp_t", hasWhere: false },
      { kind: "drop-table", table: "t", ifExists: false, cascade: false },
      { kind: "rename-table", table: "_alembic_tmp_t", newName: "t" },
    ]);
  });

  it("create index if not exists with a partial predicate", () => {
    expect(
      onSqlite("CREATE UNIQUE INDEX IF NOT EXISTS ix ON d (a, name COLLATE NOCASE) WHERE slug IS NOT NULL"),
    ).toEqual([
      {
        kind: "create-index",
        table: "d",
        name: "ix",
        columns: ["a", "name"],
        unique: true,
        concurrently: false,
        ifNotExists: true,
      },
    ]);
  });

  it("add, drop and rename column", () => {
    expect(
      onSqlite(
        "ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 0; ALTER TABLE t DROP COLUMN d; ALTER TABLE t RENAME COLUMN a TO b",
      ),
    ).toEqual([
      {
        kind: "add-column",
        table: "t",
        column: { name: "c", type: "integer", nullable: false, primaryKey: false, serverDefault: "0" },
        ifNotExists: false,
      },
      { kind: "drop-column", table: "t", column: "d", ifExists: false },
      { kind: "rename-column", table: "t", column: "a", newName: "b" },
    ]);
  });

  it("transaction control and maintenance statements", () => {
    expect(onSqlite("BEGIN IMMEDIATE; SAVEPOINT s; RELEASE s; END TRANSACTION; VACUUM; ANALYZE; REINDEX ix")).toEqual([
      { kind: "transaction-control", statement: "begin" },
      { kind: "transaction-control", statement: "savepoint" },
      { kind: "transaction-control", statement: "release" },
      { kind: "transaction-control", statement: "commit" },
      { kind: "maintenance", command: "vacuum", concurrently: false },
      { kind: "maintenance", command: "analyze", concurrently: false },
      { kind: "maintenance", command: "reindex", concurrently: false },
    ]);
  });

  it("trigger bodies keep their semicolons inside one statement", () => {
    const translation = sqlite.translate(
      source(
        "CREATE TRIGGER trg AFTER UPDATE ON t BEGIN\n  UPDATE t SET updated = CURRENT_TIMESTAMP WHERE id = NEW.id;\nEND;\nSELECT 1",
      ),
    );
    expect(details(translation)).toEqual([
      { kind: "create-object", objectType: "trigger", name: "trg", ifNotExists: false, orReplace: false },
      { kind: "query" },
    ]);
    expect(translation.operations.map((operation) => operation.span.line)).toEqual([1, 4]);
  });

  it("binds in LIMIT and virtual tables are understood", () => {
    expect(
      onSqlite(
        "UPDATE flow_run SET q = NULL WHERE id IN (SELECT id FROM flow_run LIMIT :batch_size); CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(name)",
      ),
    ).toEqual([
      { kind: "data-change", statement: "update", table: "flow_run", hasWhere: true },
      { kind: "create-table", table: "fts", columns: [], ifNotExists: true, fromQuery: true },
    ]);
  });

  it("unparsable statement reports unparsed-sql with its line", () => {
    const translation = sqlite.translate(source("SELECT 1;\n\nWITH c AS (SELECT 1) UPDATE t SET a = 1"));
    expect(translation.problems.map((problem) => [problem.rule, problem.span.line])).toEqual([["unparsed-sql", 3]]);
    expect(details(translation).map((detail) => detail.kind)).toEqual(["query", "opaque"]);
  });
});

describe("sql tokens", () => {
  it("tokenize skips comments and keeps quoted semicolons inside their tokens", () => {
    const text = "UPDATE t SET a = 'x;\\'y' # note;\n; SELECT `a;b` -- c;\n";
    const statements = splitStatements(tokenize(text, "mysql"));
    expect(statements.map((statement) => text.slice(statement.start, statement.end))).toEqual([
      "UPDATE t SET a = 'x;\\'y'",
      "SELECT `a;b`",
    ]);
  });

  it("tokenize reads SQLite quoting: doubled quotes, brackets, double-quoted identifiers", () => {
    const tokens = tokenize(`SELECT 'it''s', [odd name], "col" FROM t`, "sqlite");
    expect(tokens.map((token) => [token.kind, token.text])).toEqual([
      ["word", "SELECT"],
      ["string", "'it''s'"],
      ["punct", ","],
      ["quoted", "odd name"],
      ["punct", ","],
      ["quoted", "col"],
      ["word", "FROM"],
      ["word", "t"],
    ]);
  });
});

describe("prepareSql", () => {
  it("prepareSql keeps PostgreSQL's $1 by default", () => {
    expect(prepareSql("UPDATE t SET a = :a WHERE id IN :ids").text).toBe("UPDATE t SET a = $1 WHERE id IN ($1)");
  });

  it("prepareSql with a bind substitute that keeps binds maps every character back", () => {
    const prepared = prepareSql("SET a = :value", (name) => `:${name}`);
    expect(prepared.text).toBe("SET a = :value");
    expect(Array.from(prepared.origin)).toEqual([...Array(14).keys()]);
  });
});

describe("PostgreSQL translator", () => {
  it("drop trigger, policy and rule ON a table name the table, and its schema when qualified", () => {
    const translation = postgres.translate(
      source("DROP TRIGGER trg ON orders; DROP POLICY IF EXISTS p ON sales.orders; DROP RULE r ON orders CASCADE"),
    );
    expect(translation.problems).toEqual([]);
    expect(details(translation)).toEqual([
      { kind: "drop-object", objectType: "trigger", name: "trg", table: "orders", ifExists: false, cascade: false },
      {
        kind: "drop-object",
        objectType: "policy",
        name: "p",
        table: "orders",
        schema: "sales",
        ifExists: true,
        cascade: false,
      },
      { kind: "drop-object", objectType: "other", name: "r", table: "orders", ifExists: false, cascade: true },
    ]);
  });

  it("drop trigger restores a placeholder table name", () => {
    expect(details(postgres.translate(source("DROP TRIGGER trg ON «table_name»")))).toEqual([
      {
        kind: "drop-object",
        objectType: "trigger",
        name: "trg",
        table: "«table_name»",
        ifExists: false,
        cascade: false,
      },
    ]);
  });

  it("unparsable statement reports unparsed-sql and an opaque operation with the same span and text", () => {
    const translation = postgres.translate(source("UPDATE t SET a = 1;\nALTER TABLE t FROBNICATE x"));
    expect(translation.problems.map((problem) => [problem.rule, problem.span])).toEqual([
      ["unparsed-sql", { file: "m.py", line: 2, column: 1, endLine: 2, endColumn: 27 }],
    ]);
    const opaque = translation.operations.find((operation) => operation.kind === "opaque");
    expect(opaque?.span).toEqual(translation.problems[0]?.span);
    expect(opaque?.text).toBe("ALTER TABLE t FROBNICATE x");
  });
});

describe("the dialect that read a statement", () => {
  it("each translator sets its dialect on every operation, unparsed ones and DO block statements included", () => {
    const pg = postgres.translate(
      source("UPDATE t SET a = 1; DO $$ BEGIN ALTER TABLE t ADD COLUMN b int; END $$; ALTER TABLE t FROBNICATE"),
    );
    const my = mysql.translate(source("UPDATE t SET a = 1; ALTER TABLE t FROBNICATE x"));
    const lite = sqlite.translate(source("PRAGMA foreign_keys = ON; SELECT 1; FROBNICATE"));
    expect(pg.operations.map((operation) => [operation.kind, operation.dialect])).toEqual([
      ["data-change", "postgresql"],
      ["add-column", "postgresql"],
      ["opaque", "postgresql"],
    ]);
    expect(my.operations.map((operation) => [operation.kind, operation.dialect])).toEqual([
      ["data-change", "mysql"],
      ["opaque", "mysql"],
    ]);
    expect(lite.operations.map((operation) => [operation.kind, operation.dialect])).toEqual([
      ["utility", "sqlite"],
      ["query", "sqlite"],
      ["opaque", "sqlite"],
    ]);
  });

  it("a condition that only rules PostgreSQL out reads with the first other dialect that parses", async () => {
    const notPostgres = { ...TOP_LEVEL_CONTEXT, conditions: ['bind.dialect.name != "postgresql"'] };
    const provider = sqlTranslatorProvider({ dialect: "postgresql", forced: false });
    const mysqlOnly = source("ALTER TABLE t MODIFY COLUMN c TEXT NOT NULL", notPostgres);
    const translation = (await provider(mysqlOnly)).translate(mysqlOnly);
    expect(translation.problems).toEqual([]);
    expect(translation.operations.map((operation) => [operation.kind, operation.dialect])).toEqual([
      ["change-column-type", "mysql"],
      ["set-not-null", "mysql"],
    ]);
    const plain = source("ALTER TABLE t ALTER COLUMN c SET NOT NULL");
    expect((await provider(plain)).translate(plain).operations.map((operation) => operation.dialect)).toEqual([
      "postgresql",
    ]);
  });
});

describe("no shared regex state", () => {
  it("prepareSql and tokenize give the same results when called again from inside a bind substitute", () => {
    const sql = "UPDATE t SET a = :a, b = :b WHERE c = :c AND d = `x` + 0x1f + ?2";
    const plain = prepareSql(sql, (name) => `:${name}`);
    const tokens = tokenize(plain.text, "mysql");
    const nested = prepareSql(sql, (name) => {
      expect(prepareSql(sql, (inner) => `:${inner}`)).toEqual(plain);
      expect(tokenize(plain.text, "mysql")).toEqual(tokens);
      return `:${name}`;
    });
    expect(nested).toEqual(plain);
    expect(tokens.map((token) => token.kind)).toContain("param");
  });

  it("no module of the SQL adapter keeps a global or sticky regex at module level", () => {
    const folder = new URL("../src/adapters/sql/", import.meta.url);
    const stateful = readdirSync(folder)
      .filter((file) => file.endsWith(".ts"))
      .flatMap((file) =>
        readFileSync(new URL(file, folder), "utf8")
          .split("\n")
          .filter((line) => /^(?:export )?(?:const|let|var) \w+\s*=\s*\/.*\/[dimsuv]*[gy][dgimsuvy]*;/.test(line))
          .map((line) => `${file}: ${line}`),
      );
    expect(stateful).toEqual([]);
  });
});
