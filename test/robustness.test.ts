// Odd and adversarial Python: migragate must finish quickly, never crash, and never pass over what it could not read.
import { describe, expect, it } from "vitest";
import { check, findingsOf, type JsonReport, revisionFile, runCli, writeProject } from "./support/project.js";

async function single(upgrade: string, header = ""): Promise<JsonReport> {
  return (await check(writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade, header }) }))).report;
}

function kinds(report: JsonReport): string[] {
  return report.revisions[0]?.operations.map((operation) => operation.kind) ?? [];
}

describe("robustness", () => {
  it("robustness survives an escape beyond Unicode and keeps the file's findings", async () => {
    const report = await single(`
x = "\\U00110000"
op.add_column("users", sa.Column("email", sa.Text(), nullable=False))
`);
    expect(findingsOf(report, "add-column-not-null")).toHaveLength(1);
  });

  it("robustness evaluates a concatenation of thousands of terms without overflowing the stack", async () => {
    const terms = Array.from({ length: 5000 }, (_, index) => `"c${index}, "`).join(" + ");
    const report = await single(`sql = "SELECT " + ${terms} + "1"\nop.execute(sql)`);
    expect(kinds(report)).toEqual(["query"]);
  });

  it("robustness unrolls only the outer of nested literal loops", async () => {
    const items = JSON.stringify(Array.from({ length: 25 }, (_, index) => `t${index}`));
    const started = Date.now();
    const report = await single(`
for a in ${items}:
    for b in ${items}:
        for c in ${items}:
            for d in ${items}:
                op.drop_column(a, b)
`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(kinds(report)).toHaveLength(25);
  });

  it("robustness bounds helpers that call each other many times", async () => {
    // h0 calls h1 ten times, h1 calls h2 ten times, ...: ten million calls if followed naively.
    const helpers = Array.from({ length: 7 }, (_, index) => {
      const body = index === 6 ? '    op.drop_table("x")' : `    h${index + 1}()\n`.repeat(10).trimEnd();
      return `def h${index}():\n${body}\n`;
    }).join("\n");
    const started = Date.now();
    const report = await single("h0()", helpers);
    expect(Date.now() - started).toBeLessThan(5000);
    const operations = report.revisions[0]?.operations ?? [];
    // One opaque operation for the helper past the depth limit, one for the calls past the call limit.
    expect(operations.filter((operation) => operation.kind === "opaque").map((operation) => operation.text)).toEqual([
      "h6()",
      "h5()",
    ]);
    expect(operations.filter((operation) => operation.kind === "drop-table").length).toBeLessThanOrEqual(200);
  });

  it("robustness sees statements in conditions, iterables, asserts, walrus and match cases", async () => {
    const report = await single(`
conn = op.get_bind()
if conn.execute(sa.text("UPDATE users SET flag = true")).rowcount:
    pass
for row in conn.execute(sa.text("DELETE FROM sessions RETURNING id")):
    pass
assert conn.execute(sa.text("SELECT 1"))
if (rows := conn.execute(sa.text("UPDATE jobs SET state = 'done'"))):
    pass
match conn.dialect.name:
    case "postgresql":
        op.drop_table("pg_only")
    case _:
        op.drop_table("others")
`);
    expect(kinds(report)).toEqual(["data-change", "data-change", "query", "data-change", "drop-table", "drop-table"]);
    const drops = report.revisions[0]?.operations.filter((operation) => operation.kind === "drop-table") ?? [];
    expect(drops[0]?.context?.conditions).toEqual(['conn.dialect.name matches "postgresql"']);
  });

  it("robustness follows a decorated helper defined inside upgrade", async () => {
    const report = await single(`
@contextlib.contextmanager
def dropping():
    op.drop_table("legacy")
    yield
dropping()
`);
    expect(kinds(report)).toEqual(["drop-table"]);
  });
});

describe("unanalysable input", () => {
  it("unanalysable input of only non-revision files exits 2 with one line", () => {
    const root = writeProject({ "versions/notes.py": "# nothing here\n", "versions/util.py": "X = 1\n" });
    const result = runCli(["check", "."], root);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("none of the 2 Python files found is an Alembic revision");
  });

  it("unanalysable input of odd files still exits 0 or 1, never crashes", () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/junk.py": new Uint8Array([0, 159, 146, 150, 255, 0, 10]),
      "versions/comments.py": "# only\n# comments\n",
      "versions/lambda.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: "f = lambda: op.drop_table('x')\n*a, b = [1, 2]",
      }),
    });
    const result = runCli(["check", ".", "--format", "json"], root);
    expect([0, 1]).toContain(result.status);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).summary.revisions).toBe(2);
  });
});

describe("values passed around", () => {
  it("values passed around: a column held in a variable is read where it is added", async () => {
    const report = await single(`
email = sa.Column("email", sa.Text(), nullable=False)
op.add_column("users", email)
`);
    expect(findingsOf(report, "add-column-not-null")[0]?.message).toContain('column "email"');
  });

  it("values passed around: a table built inline and dropped through SQLAlchemy is a drop-table", async () => {
    const report = await single('sa.Table("legacy", sa.MetaData()).drop(op.get_bind())');
    expect(kinds(report)).toEqual(["drop-table"]);
    expect(findingsOf(report, "drop-table")).toHaveLength(1);
    expect(findingsOf(report, "missing-checkfirst")[0]?.hint).toContain("checkfirst=True");
  });
});

describe("core statements in variables", () => {
  it("core statements in variables are read where they are executed", async () => {
    const report = await single(`
releases = sa.table("releases", sa.column("version"))
conn = op.get_bind()
versions = sa.select(releases.c.version).distinct()
for row in conn.execute(versions):
    pass
bump = releases.update().where(releases.c.version == "1").values(version="2")
conn.execute(bump)
`);
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
    expect(kinds(report)).toEqual(["query", "data-change"]);
  });
});
