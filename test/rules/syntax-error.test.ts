import { describe, expect, it } from "vitest";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "syntax-error";

describe("syntax-error", () => {
  it("syntax-error fires for a missing parenthesis, keeps the recoverable operations, and analyses the other files", async () => {
    const broken = revisionFile({
      revision: "a1",
      upgrade: `
op.drop_column("users", "fax")
op.add_column("users", sa.Column("email", sa.String(255), nullable=False)
`,
    });
    const healthy = revisionFile({ revision: "b2", down: "a1", upgrade: 'op.drop_column("users", "pager")' });
    const root = writeProject({ "versions/a1.py": broken, "versions/b2.py": healthy });
    const { exitCode, report } = await check(root);
    expect(exitCode).toBe(1);
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "versions/a1.py",
      ...locate(broken, "op.add_column"),
      severity: "error",
      revision: "a1",
    });
    expect(findings[0]?.message).toMatch(
      /^Python syntax error \(.+\); only what the parser could recover was analysed$/,
    );
    expect(findings[0]?.hint).toBe("Fix the syntax error; run `python -m py_compile versions/a1.py` to confirm.");
    // The operation before the error is still analysed...
    expect(findingsOf(report, "drop-column").map((finding) => [finding.file, finding.line])).toEqual([
      ["versions/a1.py", locate(broken, 'op.drop_column("users", "fax")').line],
      ["versions/b2.py", locate(healthy, "op.drop_column").line],
    ]);
    // ...and both files are in the history.
    expect(report.revisions.map((revision) => revision.revision)).toEqual(["a1", "b2"]);
    expect(report.skippedFiles).toEqual([]);
  });

  it("syntax-error fires for an error in downgrade() while upgrade() is fully analysed", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: `
op.drop_column("users", "fax")
op.drop_table("legacy")
`,
      downgrade: 'op.add_column("users", sa.Column("fax", sa.Text()) nullable=True)',
    });
    const { report } = await check(writeProject({ "versions/a1.py": source }));
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: locate(source, "nullable=True)").line, severity: "error" });
    expect(report.revisions[0]?.operations.map((operation) => operation.kind)).toEqual(["drop-column", "drop-table"]);
    expect(findingsOf(report, "drop-table")).toHaveLength(1);
  });

  it("syntax-error fires for a broken env.py", async () => {
    const env = `from alembic import context

config = context.config
config.set_main_option("sqlalchemy.url", "sqlite:///app.db"
`;
    const root = writeProject({
      "migrations/env.py": env,
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const { report } = await check(root);
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "migrations/env.py", severity: "error" });
    expect(findings[0]?.line).toBe(locate(env, "config.set_main_option").line);
    expect(findings[0]?.revision).toBeUndefined();
  });

  it("syntax-error fires for an unexpected indent (IndentationError) in upgrade()", async () => {
    const source = revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "fax")' }).replace(
      'op.drop_column("users", "fax")',
      'op.drop_column("users", "fax")\n      op.drop_table("legacy")',
    );
    const { report } = await check(writeProject({ "versions/a1.py": source }));
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe("error");
    expect(findings[0]?.line).toBe(locate(source, 'op.drop_table("legacy")').line);
    expect(findingsOf(report, "drop-column")).toHaveLength(1);
  });

  it("syntax-error stays silent for the modern Alembic template with type annotations", async () => {
    const source = `"""add email

Revision ID: 1a2b3c4d5e6f
Revises:
Create Date: 2024-05-01 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "1a2b3c4d5e6f"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("users", sa.Column("email", sa.String(255), nullable=True), if_not_exists=True)


def downgrade() -> None:
    op.drop_column("users", "email")
`;
    const { report } = await check(writeProject({ "versions/1a2b3c4d5e6f_add_email.py": source }));
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(report.revisions.map((revision) => revision.revision)).toEqual(["1a2b3c4d5e6f"]);
  });

  it("syntax-error stays silent for newer Python syntax (walrus, match, f-strings, decorators)", async () => {
    const source = revisionFile({
      revision: "a1",
      header: `
import functools


@functools.lru_cache
def table_name() -> str:
    return "users"
`,
      upgrade: `
if (name := table_name()) == "users":
    op.execute(f"COMMENT ON TABLE {name} IS 'people'")
match op.get_context().dialect.name:
    case "postgresql":
        pass
    case _:
        pass
`,
    });
    const { report } = await check(writeProject({ "versions/a1.py": source }));
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it("syntax-error stays silent for a valid env.py", async () => {
    const root = writeProject({
      "migrations/env.py": `import os

from alembic import context

config = context.config
config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"].replace("%", "%%"))


def run_migrations_online() -> None:
    with context.begin_transaction():
        context.run_migrations()
`,
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    const { report } = await check(root);
    expect(report.envFiles).toEqual(["migrations/env.py"]);
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
