import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "unparsed-sql";

async function analyse(upgrade: string, downgrade?: string, header?: string) {
  const source = revisionFile({
    revision: "a1",
    upgrade,
    ...(downgrade !== undefined ? { downgrade } : {}),
    ...(header !== undefined ? { header } : {}),
  });
  const root = writeProject({ "versions/a1.py": source });
  const { report } = await check(root);
  return { source, report, findings: findingsOf(report, RULE) };
}

describe("unparsed-sql", () => {
  it("unparsed-sql in a plain .sql file gets a hint about SQL, naming the file and a command for the dialect", async () => {
    const root = writeProject({ "sql/001_users.sql": "ALTER TABLE users ADD COLUMN;\n" });
    const hints = async (dialect: "postgresql" | "sqlite") =>
      findingsOf((await check(root, { dialect })).report, RULE).map((finding) => finding.hint);
    const [postgres] = await hints("postgresql");
    expect(postgres).toContain("`psql -v ON_ERROR_STOP=1 -f sql/001_users.sql scratch`");
    expect(postgres).not.toMatch(/op\.\*|literal string|Python/);
    expect(await hints("sqlite")).toEqual([expect.stringContaining("`sqlite3 :memory: < sql/001_users.sql`")]);
  });

  it("unparsed-sql fires for an invalid SQL statement", async () => {
    const { source, findings } = await analyse('op.execute("UPDTE users SET status = 1")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "UPDTE"),
      severity: "info",
      revision: "a1",
      message:
        'migragate could not read this SQL statement, so no rule checked it (its parser stopped: syntax error at or near "UPDTE"): UPDTE users SET status = 1',
    });
  });

  it("unparsed-sql fires for an incomplete statement", async () => {
    const { source, findings } = await analyse('op.execute("ALTER TABLE users ADD COLUMN")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "ALTER TABLE"), severity: "info" });
    expect(findings[0]?.message).toBe(
      "migragate could not read this SQL statement, so no rule checked it (its parser stopped: syntax error at end of input): ALTER TABLE users ADD COLUMN",
    );
  });

  it("unparsed-sql fires for SQL built at run time from an unresolvable variable", async () => {
    const { source, findings } = await analyse(`
statement = build_statement("users")
op.execute(statement)
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.execute(statement)"),
      severity: "info",
      message: "SQL not analysed: the SQL comes from `statement`, which cannot be read statically",
    });
  });

  it("unparsed-sql names the run-time part the parser stopped at as written, never by its stand-in", async () => {
    const { findings } = await analyse(`
for table, start in sequences():
    op.execute(f"ALTER SEQUENCE {table}_id_seq RESTART WITH {(table, start)}")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).not.toContain("mg_ph_");
    expect(findings[0]?.message).toContain('(its parser stopped: syntax error at or near "«(table, start)»")');
  });

  it("unparsed-sql fires for SQL read from a file and for an imported constant", async () => {
    const { source, findings } = await analyse(
      `
op.execute(open("migrations/sql/0042.sql").read())
op.execute(CREATE_VIEWS_SQL)
`,
      undefined,
      "from myapp.sql import CREATE_VIEWS_SQL\n",
    );
    expect(findings.map((finding) => [finding.line, finding.column, finding.message])).toEqual([
      [
        locate(source, "op.execute(open").line,
        5,
        'SQL not analysed: the SQL comes from `open("migrations/sql/0042.sql").read()`, which cannot be read statically',
      ],
      [
        locate(source, "op.execute(CREATE_VIEWS_SQL)").line,
        5,
        "SQL not analysed: the SQL comes from `CREATE_VIEWS_SQL`, which cannot be read statically",
      ],
    ]);
  });

  it("unparsed-sql fires for one bad statement among good ones, which are still analysed", async () => {
    const { source, report, findings } = await analyse('op.execute("SELECT 1; SELEC 2; DROP TABLE legacy")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "SELEC 2"), severity: "info" });
    expect(findings[0]?.message).toContain("SELEC 2");
    expect(findingsOf(report, "drop-table")).toEqual([
      expect.objectContaining({ ...locate(source, "DROP TABLE legacy") }),
    ]);
  });

  it("unparsed-sql fires for MySQL-only syntax in a PostgreSQL project", async () => {
    const { source, findings } = await analyse('op.execute("CREATE TABLE t (a int) ENGINE=InnoDB")');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...locate(source, "CREATE TABLE t"), severity: "info" });
    expect(findings[0]?.message).toContain('syntax error at or near "ENGINE"');
  });

  it("unparsed-sql stays silent for valid SQL with bound parameters", async () => {
    const { findings } = await analyse(`
op.execute(sa.text("UPDATE users SET status = :status WHERE id = :id").bindparams(status="x", id=1))
op.get_bind().exec_driver_sql("UPDATE users SET status = %s WHERE id = %s", ("x", 1))
op.execute(sa.text("DELETE FROM users WHERE id IN :ids"))
`);
    expect(findings).toEqual([]);
  });

  it("unparsed-sql stays silent for SQL built from local constants and f-strings", async () => {
    const { findings } = await analyse(
      `
table = "users"
op.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS bio text")
sql = "UPDATE " + TABLE + " SET bio = ''"
op.execute(sql + " WHERE bio IS NULL")
`,
      undefined,
      'TABLE = "users"\n',
    );
    expect(findings).toEqual([]);
  });

  it("unparsed-sql stays silent for adjacent string parts with a comment between them", async () => {
    const { findings } = await analyse(`
op.execute(
    "DELETE FROM submissions "  # noqa: S608
    "WHERE source_id NOT IN (SELECT id FROM sources)"
)
`);
    expect(findings).toEqual([]);
  });

  it("unparsed-sql stays silent for a DO block and dollar-quoted functions", async () => {
    const { findings } = await analyse(`
op.execute("""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
        CREATE TYPE mood AS ENUM ('happy', 'sad');
    END IF;
END
$$;
""")
op.execute("CREATE OR REPLACE FUNCTION one() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql")
`);
    expect(findings).toEqual([]);
  });

  it("unparsed-sql stays silent for unparseable SQL in downgrade()", async () => {
    const { findings } = await analyse(
      'op.execute("ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text")',
      `
op.execute("ALTER TABLE users DRP COLUMN bio")
op.execute(build_statement())
`,
    );
    expect(findings).toEqual([]);
  });
});
