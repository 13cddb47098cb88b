import { describe, expect, it } from "vitest";
import {
  check,
  findingsOf,
  type JsonOperation,
  type JsonReport,
  type JsonRevision,
  revisionFile,
  writeProject,
} from "./support/project.js";
import { reportSchemaErrors } from "./support/schema.js";

/** Runs check() on a new project and insists the report conforms to docs/report.schema.json. */
async function analyse(files: Record<string, string | Uint8Array>) {
  const root = writeProject(files);
  // The strict idempotency rule names every create/drop it reads: a window on the extraction.
  const result = await check(root, { extendSelect: ["op-without-if-exists-strict"] });
  expect(reportSchemaErrors(result.report)).toEqual([]);
  return { ...result, root };
}

/** A one-revision project whose upgrade() body is `upgrade`; returns its upgrade operations and the source. */
async function upgradeOf(upgrade: string, options: { header?: string; downgrade?: string } = {}) {
  const source = revisionFile({ revision: "a1", upgrade, ...options });
  const { report } = await analyse({ "versions/a1.py": source });
  const revision = report.revisions[0] as JsonRevision;
  return { report, source, revision, operations: revision.operations };
}

/** 1-based line of the `occurrence`-th line of `source` that contains `needle`. */
function lineOf(source: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = source.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    if ((lines[index] ?? "").includes(needle) && ++seen === occurrence) return index + 1;
  }
  throw new Error(`"${needle}" (occurrence ${occurrence}) not found in source`);
}

/** kind, table and column of each operation (the fields most assertions need). */
function shapes(operations: readonly JsonOperation[]) {
  return operations.map((operation) => ({
    kind: operation.kind,
    ...(operation.table !== undefined ? { table: operation.table } : {}),
    ...(operation.column !== undefined ? { column: operation.column } : {}),
  }));
}

function revisionById(report: JsonReport, id: string): JsonRevision {
  const revision = report.revisions.find((candidate) => candidate.revision === id);
  if (!revision) throw new Error(`revision ${id} not in report: ${report.revisions.map((r) => r.revision).join(", ")}`);
  return revision;
}

/** A revision file written out line by line, for layouts revisionFile() does not produce. */
function moduleFile(lines: readonly string[]): string {
  return `${lines.join("\n")}\n`;
}

describe("revision metadata", () => {
  it("revision metadata reads None and a string down_revision", async () => {
    const { report } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
    });
    expect(revisionById(report, "a1").downRevisions).toEqual([]);
    expect(revisionById(report, "b1").downRevisions).toEqual(["a1"]);
    expect(report.findings).toEqual([]);
  });

  it("revision metadata reads a tuple down_revision as a merge of two parents", async () => {
    const { report } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
      "versions/c1.py": revisionFile({ revision: "c1", down: "a1", upgrade: "pass" }),
      "versions/m1.py": revisionFile({ revision: "m1", down: ["b1", "c1"], upgrade: "pass" }),
    });
    expect(revisionById(report, "m1").downRevisions).toEqual(["b1", "c1"]);
    expect(findingsOf(report, "multiple-heads")).toEqual([]);
    expect(report.summary.histories).toBe(1);
  });

  it("revision metadata reads a list down_revision as a merge of two parents", async () => {
    const merge = revisionFile({ revision: "m1", upgrade: "pass" }).replace(
      "down_revision = None",
      'down_revision = ["b1", "c1"]',
    );
    const { report } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b1.py": revisionFile({ revision: "b1", down: "a1", upgrade: "pass" }),
      "versions/c1.py": revisionFile({ revision: "c1", down: "a1", upgrade: "pass" }),
      "versions/m1.py": merge,
    });
    expect(revisionById(report, "m1").downRevisions).toEqual(["b1", "c1"]);
    expect(findingsOf(report, "multiple-heads")).toEqual([]);
  });

  it("revision metadata reads annotated assignments of the Alembic 1.13 template", async () => {
    const source = moduleFile([
      '"""add users',
      "",
      "Revision ID: x2",
      '"""',
      "from typing import Sequence, Union",
      "",
      "from alembic import op",
      "import sqlalchemy as sa",
      "",
      'revision: str = "x2"',
      'down_revision: Union[str, None] = "x1"',
      'branch_labels: Union[str, Sequence[str], None] = ("core",)',
      'depends_on: Union[str, Sequence[str], None] = "d1"',
      "",
      "",
      "def upgrade() -> None:",
      '    op.drop_column("users", "legacy")',
      "",
      "",
      "def downgrade() -> None:",
      "    pass",
    ]);
    const { report } = await analyse({
      "versions/x1.py": revisionFile({ revision: "x1", upgrade: "pass" }),
      "versions/d1.py": revisionFile({ revision: "d1", down: "x1", upgrade: "pass" }),
      "versions/x2.py": source,
    });
    const revision = revisionById(report, "x2");
    expect(revision.downRevisions).toEqual(["x1"]);
    expect(revision.branchLabels).toEqual(["core"]);
    expect((revision as JsonRevision & { dependsOn?: string[] }).dependsOn).toEqual(["d1"]);
    expect(shapes(revision.operations)).toEqual([{ kind: "drop-column", table: "users", column: "legacy" }]);
    expect(findingsOf(report, "unknown-down-revision")).toEqual([]);
  });

  it("revision metadata reads branch_labels and depends_on given as strings or tuples", async () => {
    const labelled = revisionFile({ revision: "b1", down: "a1", upgrade: "pass" })
      .replace("branch_labels = None", 'branch_labels = "billing"')
      .replace("depends_on = None", 'depends_on = ("a1", "c1")');
    const tupleLabels = revisionFile({ revision: "c1", down: "a1", upgrade: "pass" }).replace(
      "branch_labels = None",
      'branch_labels = ("search", "beta")',
    );
    const { report } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b1.py": labelled,
      "versions/c1.py": tupleLabels,
    });
    const b1 = revisionById(report, "b1") as JsonRevision & { dependsOn?: string[] };
    expect(b1.branchLabels).toEqual(["billing"]);
    expect(b1.dependsOn).toEqual(["a1", "c1"]);
    expect(revisionById(report, "c1").branchLabels).toEqual(["search", "beta"]);
    expect(revisionById(report, "a1").branchLabels).toEqual([]);
    expect("dependsOn" in revisionById(report, "a1")).toBe(false);
  });

  it("revision metadata keeps a down_revision imported from elsewhere unresolved instead of guessing", async () => {
    const source = revisionFile({
      revision: "b1",
      upgrade: "pass",
      header: "from myapp.migrations.constants import BASE_REVISION",
    }).replace("down_revision = None", "down_revision = BASE_REVISION");
    const { report } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b1.py": source,
    });
    expect(revisionById(report, "b1").downRevisions).toEqual([]);
    expect((revisionById(report, "b1") as { unresolvedMetadata?: unknown }).unresolvedMetadata).toEqual({
      downRevision: "BASE_REVISION",
    });
    expect(report.findings.filter((finding) => finding.message.includes("BASE_REVISION"))).toEqual([]);
  });

  it("revision metadata resolves a down_revision held in a module constant of the same file", async () => {
    const source = revisionFile({ revision: "b1", upgrade: "pass", header: 'PARENT = "a1"' }).replace(
      "down_revision = None",
      "down_revision = PARENT",
    );
    const { report } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b1.py": source,
    });
    expect(revisionById(report, "b1").downRevisions).toEqual(["a1"]);
    expect(report.summary.histories).toBe(1);
  });

  it("revision metadata takes the message from the first non-blank line of the module docstring", async () => {
    const source = revisionFile({ revision: "a1", upgrade: "pass" }).replace(
      '"""a1 migration\n',
      '"""\n  Add the users table  \n\nLonger description.\n',
    );
    const { report } = await analyse({ "versions/a1.py": source });
    expect(revisionById(report, "a1").message).toBe("Add the users table");
  });

  it("revision metadata leaves the message out when the file has no docstring", async () => {
    const source = revisionFile({ revision: "a1", upgrade: "pass" }).replace(/^"""[\s\S]*?"""\n/, "");
    const { report } = await analyse({ "versions/a1.py": source });
    expect("message" in revisionById(report, "a1")).toBe(false);
  });

  it("revision metadata uses the file name when a file with upgrade() declares no revision", async () => {
    const source = moduleFile(["from alembic import op", "", "", "def upgrade():", '    op.drop_table("legacy")']);
    const { report } = await analyse({ "versions/3f2a_drop_legacy.py": source });
    expect(report.revisions.map((revision) => revision.revision)).toEqual(["3f2a_drop_legacy"]);
    expect(shapes(report.revisions[0]?.operations ?? [])).toEqual([{ kind: "drop-table", table: "legacy" }]);
  });
});

describe("op directives", () => {
  it("op directives read add_column with positional and keyword arguments", async () => {
    const { operations, source } = await upgradeOf(`
op.add_column("users", sa.Column("email", sa.String(255)))
op.add_column(table_name="users", column=sa.Column("phone", sa.String(20)))
op.add_column("users", sa.Column("nick", sa.String(20)), schema="app")
`);
    expect(shapes(operations)).toEqual([
      { kind: "add-column", table: "users", column: "email" },
      { kind: "add-column", table: "users", column: "phone" },
      { kind: "add-column", table: "users", column: "nick" },
    ]);
    expect(operations.map((operation) => operation.phase)).toEqual(["expand", "expand", "expand"]);
    expect(operations.map((operation) => operation.origin)).toEqual(["op", "op", "op"]);
    expect(operations.map((operation) => operation.line)).toEqual([
      lineOf(source, '"email"'),
      lineOf(source, '"phone"'),
      lineOf(source, '"nick"'),
    ]);
  });

  it("op directives read drop_column with positional and keyword arguments", async () => {
    const { operations, report, source } = await upgradeOf(`
op.drop_column("users", "email")
op.drop_column(table_name="users", column_name="phone")
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "email" },
      { kind: "drop-column", table: "users", column: "phone" },
    ]);
    expect(operations.map((operation) => operation.phase)).toEqual(["contract", "contract"]);
    expect(findingsOf(report, "drop-column").map((finding) => finding.line)).toEqual([
      lineOf(source, '"email"'),
      lineOf(source, '"phone"'),
    ]);
  });

  it("op directives read create_table with columns and constraints", async () => {
    const { operations, report, source } = await upgradeOf(`
op.create_table(
    "accounts",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("name", sa.String(100), nullable=False),
    sa.PrimaryKeyConstraint("id"),
)
op.create_table(table_name="plans")
`);
    expect(shapes(operations)).toEqual([
      { kind: "create-table", table: "accounts" },
      { kind: "create-table", table: "plans" },
    ]);
    expect(operations.map((operation) => operation.phase)).toEqual(["expand", "expand"]);
    expect(operations[0]?.line).toBe(lineOf(source, "op.create_table("));
    expect(operations[0]?.endLine).toBe(lineOf(source, "sa.PrimaryKeyConstraint") + 1);
    expect(findingsOf(report, "op-without-if-exists-strict").map((finding) => finding.message)).toEqual([
      expect.stringContaining('table "accounts"'),
      expect.stringContaining('table "plans"'),
    ]);
  });

  it("op directives read drop_table and rename_table with positional and keyword arguments", async () => {
    const { operations } = await upgradeOf(`
op.drop_table("sessions")
op.drop_table(table_name="tokens")
op.rename_table("invoices", "bills")
op.rename_table(old_table_name="people", new_table_name="persons")
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-table", table: "sessions" },
      { kind: "drop-table", table: "tokens" },
      { kind: "rename-table", table: "invoices" },
      { kind: "rename-table", table: "people" },
    ]);
    expect(operations.map((operation) => operation.phase)).toEqual(["contract", "contract", "contract", "contract"]);
  });

  it("op directives read create_index and drop_index with positional and keyword arguments", async () => {
    const { operations, report } = await upgradeOf(`
op.create_index("ix_users_email", "users", ["email"])
op.create_index(index_name="ix_users_phone", table_name="users", columns=["phone"], unique=True)
op.drop_index("ix_users_old", table_name="users")
op.drop_index(index_name="ix_users_older", table_name="users")
`);
    expect(shapes(operations)).toEqual([
      { kind: "create-index", table: "users" },
      { kind: "create-index", table: "users" },
      { kind: "drop-index", table: "users" },
      { kind: "drop-index", table: "users" },
    ]);
    // A unique index on existing columns rejects duplicates that running code may still write: a tightening.
    expect(operations.map((operation) => operation.phase)).toEqual(["expand", "contract", "contract", "contract"]);
    expect(findingsOf(report, "op-without-if-exists-strict").map((finding) => finding.message)).toEqual([
      expect.stringContaining('index "ix_users_email" on table "users"'),
      expect.stringContaining('index "ix_users_phone" on table "users"'),
      expect.stringContaining('index "ix_users_old"'),
      expect.stringContaining('index "ix_users_older"'),
    ]);
  });

  it("op directives read constraint creation with positional and keyword arguments", async () => {
    const { operations } = await upgradeOf(`
op.create_foreign_key("fk_orders_user", "orders", "users", ["user_id"], ["id"])
op.create_foreign_key(constraint_name="fk_orders_shop", source_table="orders", referent_table="shops", local_cols=["shop_id"], remote_cols=["id"])
op.create_unique_constraint("uq_users_email", "users", ["email"])
op.create_unique_constraint(constraint_name="uq_users_phone", table_name="users", columns=["phone"])
op.create_check_constraint("ck_users_age", "users", "age >= 0")
op.create_check_constraint(constraint_name="ck_users_name", table_name="users", condition="name <> ''")
op.create_primary_key("pk_tags", "tags", ["id"])
op.create_primary_key(constraint_name="pk_labels", table_name="labels", columns=["id"])
op.create_exclude_constraint("ex_bookings", "bookings", ("room", "="), ("during", "&&"))
`);
    expect(shapes(operations)).toEqual([
      { kind: "add-constraint", table: "orders" },
      { kind: "add-constraint", table: "orders" },
      { kind: "add-constraint", table: "users" },
      { kind: "add-constraint", table: "users" },
      { kind: "add-constraint", table: "users" },
      { kind: "add-constraint", table: "users" },
      { kind: "add-constraint", table: "tags" },
      { kind: "add-constraint", table: "labels" },
      { kind: "add-constraint", table: "bookings" },
    ]);
    expect(new Set(operations.map((operation) => operation.phase))).toEqual(new Set(["contract"]));
  });

  it("op directives read drop_constraint with positional and keyword arguments", async () => {
    const { operations, report } = await upgradeOf(`
op.drop_constraint("fk_orders_user", "orders", type_="foreignkey")
op.drop_constraint(constraint_name="uq_users_email", table_name="users", type_="unique")
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-constraint", table: "orders" },
      { kind: "drop-constraint", table: "users" },
    ]);
    // A foreign key or unique constraint is something running code relies on (a cascade, an ON CONFLICT target).
    expect(operations.map((operation) => operation.phase)).toEqual(["contract", "contract"]);
    expect(findingsOf(report, "op-without-if-exists-strict").map((finding) => finding.message)).toEqual([
      expect.stringContaining('constraint "fk_orders_user" of table "orders"'),
      expect.stringContaining('constraint "uq_users_email" of table "users"'),
    ]);
  });

  it("op directives read execute with a positional or a keyword sqltext", async () => {
    const { operations, source } = await upgradeOf(`
op.execute("DROP TABLE IF EXISTS legacy")
op.execute(sqltext="DROP TABLE IF EXISTS older")
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-table", table: "legacy" },
      { kind: "drop-table", table: "older" },
    ]);
    expect(operations.map((operation) => operation.origin)).toEqual(["sql", "sql"]);
    expect(operations.map((operation) => operation.line)).toEqual([lineOf(source, "legacy"), lineOf(source, "older")]);
  });

  it("op directives read bulk_insert with a positional or a keyword table", async () => {
    const { operations } = await upgradeOf(`
plans = sa.table("plans", sa.column("id", sa.Integer), sa.column("name", sa.String))
op.bulk_insert(plans, [{"id": 1, "name": "free"}])
op.bulk_insert(table=plans, rows=[{"id": 2, "name": "pro"}])
`);
    expect(shapes(operations)).toEqual([
      { kind: "data-change", table: "plans" },
      { kind: "data-change", table: "plans" },
    ]);
    // Rows written out in the source change neither the schema nor the rows running code has: neutral.
    expect(operations.map((operation) => operation.phase)).toEqual(["neutral", "neutral"]);
  });

  it("op directives read table comments as neutral comment operations", async () => {
    const { operations } = await upgradeOf(`
op.create_table_comment("users", "People who sign in")
op.create_table_comment(table_name="accounts", comment="Billing accounts")
op.drop_table_comment("users")
op.drop_table_comment(table_name="accounts")
`);
    expect(shapes(operations)).toEqual([
      { kind: "comment", table: "users" },
      { kind: "comment", table: "accounts" },
      { kind: "comment", table: "users" },
      { kind: "comment", table: "accounts" },
    ]);
    expect(new Set(operations.map((operation) => operation.phase))).toEqual(new Set(["neutral"]));
  });

  it("op directives read alembic_utils entities as object creation and removal", async () => {
    const { operations } = await upgradeOf(
      `
op.create_entity(active_users)
op.replace_entity(entity=active_users)
op.drop_entity(active_users)
`,
      { header: 'active_users = PGView(schema="public", signature="active_users", definition="select 1")' },
    );
    expect(shapes(operations)).toEqual([{ kind: "create-object" }, { kind: "create-object" }, { kind: "drop-object" }]);
    // Replacing the view the line before created changes it in place: nothing new is added. Dropping it again removes
    // a view no running code has seen, like a scratch table.
    expect(operations.map((operation) => operation.phase)).toEqual(["expand", "neutral", "neutral"]);
  });

  it("op directives read a drop_entity of a view the revision did not create as a contract", async () => {
    const { operations } = await upgradeOf("op.drop_entity(active_users)", {
      header: 'active_users = PGView(schema="public", signature="active_users", definition="select 1")',
    });
    expect(shapes(operations)).toEqual([{ kind: "drop-object" }]);
    expect(operations.map((operation) => operation.phase)).toEqual(["contract"]);
  });

  it("op directives split alter_column into one operation per change", async () => {
    const { operations, source } = await upgradeOf(`
op.alter_column("users", "email", nullable=False, type_=sa.String(320), existing_type=sa.String(255), new_column_name="email_address", server_default="")
`);
    const line = lineOf(source, "op.alter_column");
    expect(shapes(operations).sort((a, b) => (a.kind < b.kind ? -1 : 1))).toEqual([
      { kind: "change-column-type", table: "users", column: "email" },
      { kind: "rename-column", table: "users", column: "email" },
      { kind: "set-column-default", table: "users", column: "email" },
      { kind: "set-not-null", table: "users", column: "email" },
    ]);
    expect(new Set(operations.map((operation) => operation.line))).toEqual(new Set([line]));
  });

  it("op directives read each alter_column change with its phase", async () => {
    const { operations } = await upgradeOf(`
op.alter_column("users", "email", nullable=False)
op.alter_column(table_name="users", column_name="phone", nullable=False)
op.alter_column("users", "nick", nullable=True)
op.alter_column("users", "bio", type_=sa.Text(), existing_type=sa.String(100))
op.alter_column("users", "code", type_=sa.String(10), existing_type=sa.String(50))
op.alter_column("users", "name", new_column_name="full_name")
op.alter_column("users", "status", server_default="active")
op.alter_column("users", "status", server_default=None)
`);
    expect(operations.map((operation) => [operation.kind, operation.column, operation.phase])).toEqual([
      ["set-not-null", "email", "contract"],
      ["set-not-null", "phone", "contract"],
      ["drop-not-null", "nick", "expand"],
      ["change-column-type", "bio", "expand"],
      ["change-column-type", "code", "contract"],
      ["rename-column", "name", "contract"],
      ["set-column-default", "status", "expand"],
      ["set-column-default", "status", "neutral"],
    ]);
  });

  it("op directives do not report a NOT NULL change when existing_nullable says it is already NOT NULL", async () => {
    const { operations, report } = await upgradeOf(`
op.alter_column("users", "email", existing_type=sa.String(255), nullable=False, existing_nullable=False, comment="primary email")
`);
    expect(operations.map((operation) => operation.kind)).toEqual(["comment"]);
    expect(findingsOf(report, "set-not-null")).toEqual([]);
  });

  it("op directives read names wrapped in op.f() as autogenerate writes them", async () => {
    const { report } = await upgradeOf(`
op.create_index(op.f("ix_users_email"), "users", ["email"], unique=False)
op.drop_index(op.f("ix_users_old"), table_name="users")
op.drop_constraint(op.f("fk_orders_user_id_users"), "orders", type_="foreignkey")
`);
    expect(findingsOf(report, "op-without-if-exists-strict").map((finding) => finding.message)).toEqual([
      expect.stringContaining('index "ix_users_email" on table "users"'),
      expect.stringContaining('index "ix_users_old"'),
      expect.stringContaining('constraint "fk_orders_user_id_users" of table "orders"'),
    ]);
  });

  it("op directives run nothing for op helpers that are not migrations steps", async () => {
    const { operations } = await upgradeOf(`
bind = op.get_bind()
context = op.get_context()
name = op.f("ix_users_email")
value = op.inline_literal("x")
`);
    expect(operations).toEqual([]);
  });

  it("op directives keep an unknown op call as an opaque neutral operation", async () => {
    const { operations, source } = await upgradeOf(`
op.create_sequence_if_missing("order_numbers")
`);
    expect(operations).toEqual([
      expect.objectContaining({
        kind: "opaque",
        phase: "neutral",
        origin: "op",
        line: lineOf(source, "create_sequence_if_missing"),
        text: 'op.create_sequence_if_missing("order_numbers")',
      }),
    ]);
  });

  it("op directives resolve table and column names held in module constants", async () => {
    const { operations } = await upgradeOf(
      `
op.add_column(TABLE, sa.Column(COLUMN, sa.Boolean()))
op.drop_column(TABLE, "legacy_" + COLUMN)
`,
      { header: 'TABLE = "users"\nCOLUMN = "is_admin"' },
    );
    expect(shapes(operations)).toEqual([
      { kind: "add-column", table: "users", column: "is_admin" },
      { kind: "drop-column", table: "users", column: "legacy_is_admin" },
    ]);
  });
});

describe("batch mode", () => {
  it("batch mode applies every batch directive to the batch table", async () => {
    const { operations, source } = await upgradeOf(`
with op.batch_alter_table("users") as batch_op:
    batch_op.add_column(sa.Column("email", sa.String(255)))
    batch_op.alter_column("name", nullable=False)
    batch_op.alter_column("nick", new_column_name="nickname")
    batch_op.drop_column("legacy")
    batch_op.create_index("ix_users_email", ["email"])
    batch_op.drop_index("ix_users_legacy")
    batch_op.create_unique_constraint("uq_users_email", ["email"])
    batch_op.create_foreign_key("fk_users_account", "accounts", ["account_id"], ["id"])
    batch_op.drop_constraint("uq_users_legacy", type_="unique")
`);
    expect(shapes(operations)).toEqual([
      { kind: "add-column", table: "users", column: "email" },
      { kind: "set-not-null", table: "users", column: "name" },
      { kind: "rename-column", table: "users", column: "nick" },
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "create-index", table: "users" },
      { kind: "drop-index", table: "users" },
      { kind: "add-constraint", table: "users" },
      { kind: "add-constraint", table: "users" },
      { kind: "drop-constraint", table: "users" },
    ]);
    expect(operations.map((operation) => operation.line)).toEqual([
      lineOf(source, "batch_op.add_column"),
      lineOf(source, '"name"'),
      lineOf(source, '"nick"'),
      lineOf(source, "batch_op.drop_column"),
      lineOf(source, "batch_op.create_index"),
      lineOf(source, "batch_op.drop_index"),
      lineOf(source, "batch_op.create_unique_constraint"),
      lineOf(source, "batch_op.create_foreign_key"),
      lineOf(source, "batch_op.drop_constraint"),
    ]);
  });

  it("batch mode accepts any alias name and several batch blocks in a row", async () => {
    const { operations } = await upgradeOf(`
with op.batch_alter_table("users") as b:
    b.drop_column("legacy")
with op.batch_alter_table("accounts", recreate="always") as table_ops:
    table_ops.add_column(sa.Column("plan", sa.String(20)))
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "add-column", table: "accounts", column: "plan" },
    ]);
  });

  it("batch mode reads the table given as a keyword argument", async () => {
    const { operations } = await upgradeOf(`
with op.batch_alter_table(table_name="accounts") as batch_op:
    batch_op.drop_column("legacy")
`);
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "accounts", column: "legacy" }]);
  });

  it("batch mode keeps the schema of the batch table in findings", async () => {
    const { report, source } = await upgradeOf(`
with op.batch_alter_table("users", schema="app") as batch_op:
    batch_op.alter_column("email", nullable=False)
`);
    expect(findingsOf(report, "set-not-null")).toEqual([
      expect.objectContaining({ line: lineOf(source, '"email"'), message: expect.stringContaining('"app.users"') }),
    ]);
  });

  it("batch mode finds a NOT NULL column added through the batch table", async () => {
    const { report, source } = await upgradeOf(`
with op.batch_alter_table("users") as batch:
    batch.add_column(sa.Column("email", sa.String(255), nullable=False))
`);
    expect(findingsOf(report, "add-column-not-null").map((finding) => finding.line)).toEqual([
      lineOf(source, "batch.add_column"),
    ]);
  });
});

describe("columns", () => {
  it("columns are nullable unless nullable=False or a primary key", async () => {
    const { report, source } = await upgradeOf(`
op.add_column("users", sa.Column("plain", sa.Integer()))
op.add_column("users", sa.Column("optional", sa.Integer(), nullable=True))
op.add_column("users", sa.Column("required", sa.Integer(), nullable=False))
op.add_column("users", sa.Column("uid", sa.String(36), primary_key=True))
`);
    expect(findingsOf(report, "add-column-not-null").map((finding) => finding.line)).toEqual([
      lineOf(source, '"required"'),
      lineOf(source, '"uid"'),
    ]);
  });

  it("columns count a server_default as a value for existing rows but not a python default", async () => {
    const { report, source } = await upgradeOf(`
op.add_column("users", sa.Column("status", sa.String(20), nullable=False, server_default="active"))
op.add_column("users", sa.Column("created", sa.DateTime(), nullable=False, server_default=sa.text("now()")))
op.add_column("users", sa.Column("score", sa.Integer(), nullable=False, default=0))
op.add_column("users", sa.Column("rank", sa.Integer(), nullable=False, server_default=None))
`);
    const findings = findingsOf(report, "add-column-not-null");
    expect(findings.map((finding) => finding.line)).toEqual([lineOf(source, '"score"'), lineOf(source, '"rank"')]);
    expect(findings[0]?.message).toContain("python-side default=0");
    expect(findings[1]?.message).not.toContain("python-side");
  });

  it("columns generated for every row need no default", async () => {
    const { report } = await upgradeOf(`
op.add_column("users", sa.Column("seq", sa.BigInteger(), sa.Identity(), nullable=False))
op.add_column("users", sa.Column("total", sa.Integer(), sa.Computed("a + b"), nullable=False))
`);
    expect(findingsOf(report, "add-column-not-null")).toEqual([]);
  });

  it("columns are recognised through import sqlalchemy as sql", async () => {
    const source = moduleFile([
      "from alembic import op",
      "import sqlalchemy as sql",
      "",
      'revision = "a1"',
      "down_revision = None",
      "",
      "",
      "def upgrade():",
      '    op.add_column("users", sql.Column("email", sql.String(length=255), nullable=False))',
    ]);
    const { report } = await analyse({ "versions/a1.py": source });
    expect(shapes(report.revisions[0]?.operations ?? [])).toEqual([
      { kind: "add-column", table: "users", column: "email" },
    ]);
    expect(findingsOf(report, "add-column-not-null").map((finding) => finding.line)).toEqual([9]);
  });

  it("columns are recognised when Column is imported by name", async () => {
    const source = moduleFile([
      "from alembic import op",
      "from sqlalchemy import Column, String",
      "",
      'revision = "a1"',
      "down_revision = None",
      "",
      "",
      "def upgrade():",
      '    op.add_column("users", Column("email", String(255), nullable=False))',
    ]);
    const { report } = await analyse({ "versions/a1.py": source });
    expect(findingsOf(report, "add-column-not-null").map((finding) => finding.line)).toEqual([9]);
  });

  it("columns declared earlier in the history decide whether a later type change narrows", async () => {
    const { report } = await analyse({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade:
          'op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(255)))',
      }),
      "versions/b1.py": revisionFile({
        revision: "b1",
        down: "a1",
        upgrade: 'op.alter_column("users", "name", type_=sa.String(80))',
      }),
      "versions/c1.py": revisionFile({
        revision: "c1",
        down: "b1",
        upgrade: 'op.alter_column("users", "name", type_=sa.String(120))',
      }),
    });
    expect(revisionById(report, "b1").operations.map((operation) => operation.phase)).toEqual(["contract"]);
    expect(revisionById(report, "c1").operations.map((operation) => operation.phase)).toEqual(["expand"]);
  });
});

describe("module aliases", () => {
  it("module aliases recognise from alembic import op as alembic_op", async () => {
    const source = moduleFile([
      "from alembic import op as alembic_op",
      "import sqlalchemy as sa",
      "",
      'revision = "a1"',
      "down_revision = None",
      "",
      "",
      "def upgrade():",
      '    alembic_op.drop_column("users", "legacy")',
      '    with alembic_op.batch_alter_table("accounts") as batch_op:',
      '        batch_op.drop_column("legacy")',
    ]);
    const { report } = await analyse({ "versions/a1.py": source });
    expect(shapes(report.revisions[0]?.operations ?? [])).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "drop-column", table: "accounts", column: "legacy" },
    ]);
    expect(report.revisions[0]?.operations.map((operation) => operation.line)).toEqual([9, 11]);
  });

  it("module aliases recognise op received as a parameter of a custom upgrade signature", async () => {
    const source = moduleFile([
      '"""Custom runner revision."""',
      "",
      'revision = "a1"',
      "down_revision = None",
      "",
      "",
      "def upgrade(op, tables, tester):",
      '    op.drop_column("users", "legacy")',
      "    tester.assert_empty(tables.users)",
      "    op.execute(\"UPDATE accounts SET plan = 'free'\")",
    ]);
    const { report } = await analyse({ "versions/a1.py": source });
    expect(shapes(report.revisions[0]?.operations ?? [])).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "data-change", table: "accounts" },
    ]);
    expect(report.revisions[0]?.operations.map((operation) => operation.line)).toEqual([8, 10]);
  });
});

describe("strings", () => {
  it("strings resolve an f-string interpolating a module constant", async () => {
    const { operations } = await upgradeOf('op.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS legacy")', {
      header: 'TABLE = "users"',
    });
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "users", column: "legacy" }]);
    expect(operations[0]?.text).toBe("ALTER TABLE users DROP COLUMN IF EXISTS legacy");
  });

  it("strings resolve a local variable", async () => {
    const { operations } = await upgradeOf(`
statement = "ALTER TABLE users DROP COLUMN IF EXISTS legacy"
op.execute(statement)
`);
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "users", column: "legacy" }]);
  });

  it("strings resolve implicit concatenation over several lines", async () => {
    const { operations, source } = await upgradeOf(`
op.execute(
    "ALTER TABLE users "
    "DROP COLUMN IF EXISTS legacy"
)
`);
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "users", column: "legacy" }]);
    expect(operations[0]?.text).toBe("ALTER TABLE users DROP COLUMN IF EXISTS legacy");
    expect(operations[0]?.line).toBe(lineOf(source, '"ALTER TABLE users "'));
    expect(operations[0]?.endLine).toBe(lineOf(source, '"DROP COLUMN IF EXISTS legacy"'));
  });

  it("strings resolve a triple-quoted string", async () => {
    const { operations, source } = await upgradeOf(`
op.execute("""
    ALTER TABLE users
        DROP COLUMN IF EXISTS legacy
""")
`);
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "users", column: "legacy" }]);
    expect(operations[0]?.line).toBe(lineOf(source, "ALTER TABLE users"));
    expect(operations[0]?.endLine).toBe(lineOf(source, "DROP COLUMN IF EXISTS legacy"));
  });

  it("strings resolve percent formatting with a tuple and with a mapping", async () => {
    const { operations } = await upgradeOf(
      `
op.execute("ALTER TABLE %s DROP COLUMN IF EXISTS %s" % (TABLE, "legacy"))
op.execute("ALTER TABLE %(table)s DROP COLUMN IF EXISTS %(column)s" % {"table": TABLE, "column": "older"})
op.execute("ALTER TABLE %s DROP COLUMN IF EXISTS oldest" % TABLE)
`,
      { header: 'TABLE = "users"' },
    );
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "drop-column", table: "users", column: "older" },
      { kind: "drop-column", table: "users", column: "oldest" },
    ]);
  });

  it("strings resolve str.format with positional, indexed and named fields", async () => {
    const { operations } = await upgradeOf(
      `
op.execute("ALTER TABLE {} DROP COLUMN IF EXISTS {}".format(TABLE, "legacy"))
op.execute("ALTER TABLE {0} DROP COLUMN IF EXISTS {1}".format(TABLE, "older"))
op.execute("ALTER TABLE {table} DROP COLUMN IF EXISTS {column}".format(table=TABLE, column="oldest"))
`,
      { header: 'TABLE = "users"' },
    );
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "drop-column", table: "users", column: "older" },
      { kind: "drop-column", table: "users", column: "oldest" },
    ]);
  });

  it("strings resolve + concatenation and augmented assignment", async () => {
    const { operations } = await upgradeOf(
      `
op.execute("ALTER TABLE " + TABLE + " DROP COLUMN IF EXISTS legacy")
statement = "ALTER TABLE accounts "
statement += "DROP COLUMN IF EXISTS older"
op.execute(statement)
`,
      { header: 'TABLE = "users"' },
    );
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "drop-column", table: "accounts", column: "older" },
    ]);
  });

  it("strings resolve a local function that returns a formatted string", async () => {
    const { operations } = await upgradeOf('op.execute(drop_sql("users", "legacy"))', {
      header: 'def drop_sql(table, column):\n    return f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}"',
    });
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "users", column: "legacy" }]);
  });

  it("strings resolve str.join over a literal list", async () => {
    const { operations } = await upgradeOf(`
op.execute(";\\n".join(["DROP TABLE IF EXISTS a", "DROP TABLE IF EXISTS b"]))
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-table", table: "a" },
      { kind: "drop-table", table: "b" },
    ]);
  });

  it("strings show an unresolvable part as a placeholder in the operation text", async () => {
    const { operations, report, source } = await upgradeOf(
      "op.execute(f\"ALTER TABLE {table_for('users')} DROP COLUMN legacy\")",
      { header: "from myapp.naming import table_for" },
    );
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "«table_for('users')»", column: "legacy" }]);
    expect(operations[0]?.text).toBe("ALTER TABLE «table_for('users')» DROP COLUMN legacy");
    expect(operations[0]?.line).toBe(lineOf(source, "op.execute"));
    expect(findingsOf(report, "sql-without-if-exists").map((finding) => finding.message)).toEqual([
      expect.stringContaining("«table_for('users')»"),
    ]);
  });

  it("strings decode Python escapes in ordinary strings", async () => {
    const { operations, report } = await upgradeOf(String.raw`
op.execute("ALTER TABLE users\tDROP COLUMN IF EXISTS legacy")
op.execute("DROP TABLE IF EXISTS \"Legacy Sessions\"")
op.execute("UPDATE users SET note = 'a\tb' WHERE id = 1")
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "drop-table", table: "Legacy Sessions" },
      { kind: "data-change", table: "users" },
    ]);
    expect(operations[1]?.text).toBe('DROP TABLE IF EXISTS "Legacy Sessions"');
    expect(operations[2]?.text).toBe("UPDATE users SET note = 'a b' WHERE id = 1");
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
  });

  it("strings keep backslashes of raw strings", async () => {
    const { operations, report } = await upgradeOf(String.raw`
op.execute(r"UPDATE users SET note = 'a\tb' WHERE id = 1")
`);
    expect(shapes(operations)).toEqual([{ kind: "data-change", table: "users" }]);
    expect(operations[0]?.text).toBe(String.raw`UPDATE users SET note = 'a\tb' WHERE id = 1`);
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
  });

  it("strings keep lines right after an escape and an interpolation earlier in the text", async () => {
    const { operations, source } = await upgradeOf(
      String.raw`
op.execute(f"""
    ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS note text DEFAULT 'a\tb';
    ALTER TABLE {TABLE} DROP COLUMN legacy;
""")
`,
      { header: 'TABLE = "users"' },
    );
    expect(operations.map((operation) => [operation.kind, operation.line])).toEqual([
      ["add-column", lineOf(source, "ADD COLUMN IF NOT EXISTS note")],
      ["drop-column", lineOf(source, "DROP COLUMN legacy")],
    ]);
  });
});

describe("raw SQL", () => {
  it("raw SQL points each statement of a multi-statement string at its own line", async () => {
    const { operations, report, source } = await upgradeOf(`
op.execute("""
    CREATE TABLE audit_log (id bigserial PRIMARY KEY, payload jsonb);
    DROP TABLE legacy_audit;
    CREATE INDEX ix_users_payload ON users USING gin (payload);
""")
`);
    expect(shapes(operations)).toEqual([
      { kind: "create-table", table: "audit_log" },
      { kind: "drop-table", table: "legacy_audit" },
      { kind: "create-index", table: "users" },
    ]);
    const lines = [lineOf(source, "CREATE TABLE"), lineOf(source, "DROP TABLE"), lineOf(source, "CREATE INDEX")];
    expect(operations.map((operation) => operation.line)).toEqual(lines);
    expect(findingsOf(report, "sql-without-if-exists").map((finding) => finding.line)).toEqual(lines);
    expect(findingsOf(report, "drop-table").map((finding) => [finding.line, finding.column])).toEqual([[lines[1], 9]]);
  });

  it("raw SQL points a statement preceded by a comment at the statement itself", async () => {
    const { operations, source } = await upgradeOf(`
op.execute("""
    -- the old audit table is replaced by audit_log
    DROP TABLE legacy_audit;
    -- and so are its sessions
    DROP TABLE legacy_sessions;
""")
`);
    expect(operations.map((operation) => [operation.kind, operation.line])).toEqual([
      ["drop-table", lineOf(source, "DROP TABLE legacy_audit")],
      ["drop-table", lineOf(source, "DROP TABLE legacy_sessions")],
    ]);
  });

  it("raw SQL keeps lines right after non-ASCII text earlier in the string", async () => {
    const { operations, source } = await upgradeOf(`
op.execute("""
    COMMENT ON TABLE users IS 'Überblick über alle Nutzer 👩‍💻';
    DROP TABLE legacy;
""")
`);
    expect(operations.map((operation) => [operation.kind, operation.line])).toEqual([
      ["comment", lineOf(source, "COMMENT ON TABLE")],
      ["drop-table", lineOf(source, "DROP TABLE legacy")],
    ]);
    expect(operations[1]?.text).toBe("DROP TABLE legacy");
  });

  it("raw SQL still reads the statements after one that does not parse", async () => {
    const { operations, report, source } = await upgradeOf(`
op.execute("""
    ALTER TABLE users MODIFY COLUMN name varchar(80);
    DROP TABLE legacy;
""")
`);
    expect(operations.map((operation) => [operation.kind, operation.line])).toEqual([
      ["opaque", lineOf(source, "MODIFY COLUMN")],
      ["drop-table", lineOf(source, "DROP TABLE legacy")],
    ]);
    expect(findingsOf(report, "unparsed-sql").map((finding) => finding.line)).toEqual([lineOf(source, "MODIFY")]);
  });

  it("raw SQL accepts SQLAlchemy :name binds, casts and expanding IN binds", async () => {
    const { operations, report } = await upgradeOf(`
op.execute(sa.text("UPDATE users SET status = :status, data = :data::jsonb WHERE id = :id"))
op.execute(sa.text("DELETE FROM sessions WHERE id IN :ids").bindparams(sa.bindparam("ids", expanding=True)))
`);
    expect(shapes(operations)).toEqual([
      { kind: "data-change", table: "users" },
      { kind: "data-change", table: "sessions" },
    ]);
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
    expect(findingsOf(report, "unbatched-backfill")).toEqual([]);
  });

  it("raw SQL accepts DBAPI %s and %(name)s parameters", async () => {
    const { operations, report } = await upgradeOf(`
conn = op.get_bind()
conn.exec_driver_sql("UPDATE users SET status = %s WHERE id = %s", ("active", 1))
conn.exec_driver_sql("UPDATE users SET status = %(status)s WHERE id = %(id)s", {"status": "active", "id": 2})
`);
    expect(shapes(operations)).toEqual([
      { kind: "data-change", table: "users" },
      { kind: "data-change", table: "users" },
    ]);
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
  });

  it("raw SQL turns the statements inside a DO block into operations", async () => {
    const { operations, source } = await upgradeOf(`
op.execute("""
DO $$
BEGIN
    ALTER TABLE users ADD COLUMN nickname text;
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
        CREATE TYPE mood AS ENUM ('happy', 'sad');
    END IF;
END
$$;
""")
`);
    expect(operations.map((operation) => [operation.kind, operation.origin, operation.line])).toEqual([
      ["add-column", "sql", lineOf(source, "ADD COLUMN nickname")],
      ["create-object", "sql", lineOf(source, "CREATE TYPE mood")],
    ]);
    expect(operations[0]).toMatchObject({ table: "users", column: "nickname" });
    expect(operations[0]?.context).toBeUndefined();
    expect(operations[1]?.context).toMatchObject({
      existenceGuard: true,
      conditions: [expect.stringContaining("NOT EXISTS")],
    });
  });

  it("raw SQL reads statements run through sa.text, the bind and the connection", async () => {
    const { operations, source } = await upgradeOf(`
op.execute(sa.text("UPDATE users SET a = 1 WHERE id = 1"))
op.get_bind().execute(sa.text("UPDATE users SET b = 1 WHERE id = 1"))
conn = op.get_bind()
conn.execute(sa.text("UPDATE users SET c = 1 WHERE id = 1"))
conn.exec_driver_sql("UPDATE users SET d = 1 WHERE id = 1")
connection = op.get_bind()
connection.execute(sa.text("UPDATE users SET e = 1 WHERE id = 1"))
`);
    expect(operations.map((operation) => [operation.kind, operation.table, operation.line])).toEqual(
      ["a", "b", "c", "d", "e"].map((column) => ["data-change", "users", lineOf(source, `SET ${column} = 1`)]),
    );
    expect(new Set(operations.map((operation) => operation.origin))).toEqual(new Set(["sql"]));
  });

  it("raw SQL reads statements run through an ORM session bound to the migration", async () => {
    const { operations, source } = await upgradeOf(
      `
session = orm.Session(bind=op.get_bind())
session.execute(sa.text("UPDATE users SET status = 'active' WHERE status IS NULL"))
`,
      { header: "from sqlalchemy import orm" },
    );
    expect(operations.map((operation) => [operation.kind, operation.table, operation.line])).toEqual([
      ["data-change", "users", lineOf(source, "session.execute")],
    ]);
  });

  it("raw SQL that does not parse becomes an opaque operation and an unparsed-sql finding", async () => {
    const { operations, report, source } = await upgradeOf(`
op.execute("ALTER TABLE users MODIFY COLUMN name varchar(80)")
`);
    expect(operations.map((operation) => [operation.kind, operation.origin, operation.line])).toEqual([
      ["opaque", "sql", lineOf(source, "MODIFY COLUMN")],
    ]);
    expect(findingsOf(report, "unparsed-sql").map((finding) => finding.line)).toEqual([lineOf(source, "MODIFY")]);
  });

  it("raw SQL built at run time becomes an opaque operation and an unparsed-sql finding", async () => {
    const { operations, report, source } = await upgradeOf("op.execute(build_statement())", {
      header: "from myapp.sql import build_statement",
    });
    expect(operations).toEqual([
      expect.objectContaining({ kind: "opaque", origin: "sql", line: lineOf(source, "op.execute") }),
    ]);
    expect(findingsOf(report, "unparsed-sql")).toEqual([
      expect.objectContaining({
        line: lineOf(source, "op.execute"),
        message: expect.stringContaining("build_statement()"),
      }),
    ]);
  });
});

describe("data changes", () => {
  it("data changes in raw SQL are backfills (rows written out are neutral) and whole-table ones are reported", async () => {
    const { operations, report, source } = await upgradeOf(`
op.execute("UPDATE users SET status = 'active'")
op.execute("UPDATE users SET status = 'active' WHERE status IS NULL")
op.execute("DELETE FROM sessions")
op.execute("INSERT INTO plans (id, name) VALUES (1, 'free')")
op.execute("TRUNCATE audit_log")
`);
    expect(operations.map((operation) => [operation.kind, operation.table, operation.phase])).toEqual([
      ["data-change", "users", "backfill"],
      ["data-change", "users", "backfill"],
      ["data-change", "sessions", "backfill"],
      ["data-change", "plans", "neutral"],
      ["truncate", undefined, "backfill"],
    ]);
    expect(findingsOf(report, "unbatched-backfill").map((finding) => finding.line)).toEqual([
      lineOf(source, "SET status = 'active'\")"),
      lineOf(source, "DELETE FROM sessions"),
    ]);
  });

  it("data changes that seed a table created in the same revision are expand", async () => {
    const { operations, report } = await upgradeOf(`
op.execute("CREATE TABLE IF NOT EXISTS plans (id int PRIMARY KEY, name text)")
op.execute("INSERT INTO plans (id, name) VALUES (1, 'free')")
`);
    expect(operations.map((operation) => [operation.kind, operation.phase])).toEqual([
      ["create-table", "expand"],
      ["data-change", "expand"],
    ]);
    expect(findingsOf(report, "ddl-with-backfill")).toEqual([]);
  });

  it("data changes through SQLAlchemy core expressions name their table", async () => {
    const { operations, report, source } = await upgradeOf(`
users = sa.table("users", sa.column("id", sa.Integer), sa.column("status", sa.String))
op.execute(users.update().where(users.c.status.is_(None)).values(status="active"))
op.execute(users.update().values(status="active"))
op.execute(sa.insert(users).values(id=1, status="active"))
op.execute(sa.update(users).where(users.c.id == 1).values(status="x"))
op.execute(sa.delete(users))
op.execute(users.delete().where(users.c.id == 2))
`);
    expect(operations.map((operation) => [operation.kind, operation.origin, operation.table, operation.phase])).toEqual(
      [0, 1, 2, 3, 4, 5].map((index) => ["data-change", "core", "users", index === 2 ? "neutral" : "backfill"]),
    );
    expect(findingsOf(report, "unbatched-backfill").map((finding) => finding.line)).toEqual([
      lineOf(source, "op.execute(users.update().values"),
      lineOf(source, "op.execute(sa.delete(users))"),
    ]);
  });

  it("data changes through core tables imported by name and sa.text imported by name", async () => {
    const { operations } = await upgradeOf(
      `
accounts = table("accounts", column("id"), column("plan"))
op.execute(accounts.update().values(plan="free"))
op.execute(text("DELETE FROM sessions WHERE expires_at < now()"))
`,
      { header: "from sqlalchemy import text\nfrom sqlalchemy.sql import column, table" },
    );
    expect(operations.map((operation) => [operation.kind, operation.origin, operation.table])).toEqual([
      ["data-change", "core", "accounts"],
      ["data-change", "sql", "sessions"],
    ]);
  });

  it("data changes include a core select only as a neutral query", async () => {
    const { operations } = await upgradeOf(`
users = sa.table("users", sa.column("id"))
op.execute(sa.select(users.c.id))
`);
    expect(operations.map((operation) => [operation.kind, operation.origin, operation.phase])).toEqual([
      ["query", "core", "neutral"],
    ]);
  });

  it("data changes through a core chain broken over lines inside parentheses are read like one line", async () => {
    const { operations, report } = await upgradeOf(`
instances = sa.table("share_instances", sa.column("id"), sa.column("status"))
connection = op.get_bind()
available = (
    instances.select()
    .where(instances.c.status == "available")
)
for row in connection.execute(available):
    pass
connection.execute(
    instances
    .update()
    .where(instances.c.status == "error")
    .values(status="available")
)
`);
    expect(operations.map((operation) => [operation.kind, operation.origin])).toEqual([
      ["query", "core"],
      ["data-change", "core"],
    ]);
    expect(operations[1]?.table).toBe("share_instances");
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
  });

  it("data changes: SQLAlchemy DDL constructs run by op.execute are read as the statements they compile to", async () => {
    const { operations, report } = await upgradeOf(
      `
legacy = sa.table("legacy_events")
op.execute(sa.schema.DropSequence(sa.schema.Sequence("package_id_seq")))
op.execute(CreateSequence(Sequence("ticket_seq"), if_not_exists=True))
op.execute(sa.schema.DropTable(legacy, if_exists=True))
`,
      { header: "from sqlalchemy.schema import CreateSequence, Sequence" },
    );
    expect(shapes(operations)).toEqual([
      { kind: "drop-object" },
      { kind: "create-object" },
      { kind: "drop-table", table: "legacy_events" },
    ]);
    expect(findingsOf(report, "unparsed-sql")).toEqual([]);
    expect(findingsOf(report, "missing-checkfirst").map((finding) => [finding.message, finding.hint])).toEqual([
      [
        'op.execute(sa.schema.DropSequence(sa.schema.Sequence("package_id_seq"))) drops a schema object without ' +
          "if_exists=True: it fails if the migration runs again",
        "Pass if_exists=True to the construct (SQLAlchemy 1.4 or later): `sa.schema.DropSequence(..., if_exists=True)`.",
      ],
    ]);
  });

  it("data changes bulk-inserted into a table created in the same revision are expand", async () => {
    const { operations, report } = await upgradeOf(`
plans = op.create_table(
    "plans",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("name", sa.String(20), nullable=False),
)
op.bulk_insert(plans, [{"id": 1, "name": "free"}, {"id": 2, "name": "pro"}])
`);
    expect(operations.map((operation) => [operation.kind, operation.table, operation.phase])).toEqual([
      ["create-table", "plans", "expand"],
      ["data-change", "plans", "expand"],
    ]);
    expect(findingsOf(report, "ddl-with-backfill")).toEqual([]);
    expect(findingsOf(report, "mixed-phases")).toEqual([]);
  });

  it("data changes bulk-inserted into an existing table are rows written out, not a backfill", async () => {
    const { operations, report } = await upgradeOf(`
op.add_column("plans", sa.Column("tier", sa.Integer()))
plans = sa.table("plans", sa.column("id"), sa.column("tier"))
op.bulk_insert(plans, [{"id": 3, "tier": 1}])
`);
    expect(operations.map((operation) => [operation.kind, operation.phase])).toEqual([
      ["add-column", "expand"],
      ["data-change", "neutral"],
    ]);
    // A few literal rows cost the same whatever the table's size: not a backfill that holds the DDL's lock
    // for long, so ddl-with-backfill leaves it alone.
    expect(findingsOf(report, "ddl-with-backfill")).toHaveLength(0);
  });
});

describe("context", () => {
  it("context leaves plain top-level operations without a context", async () => {
    const { operations } = await upgradeOf('op.drop_column("users", "legacy")');
    expect(operations[0]?.context).toBeUndefined();
  });

  it("context unrolls a loop over a literal list", async () => {
    const { operations, source } = await upgradeOf(`
for table in ["accounts", "users"]:
    op.add_column(table, sa.Column("created_at", sa.DateTime()))
`);
    expect(shapes(operations)).toEqual([
      { kind: "add-column", table: "accounts", column: "created_at" },
      { kind: "add-column", table: "users", column: "created_at" },
    ]);
    const line = lineOf(source, "op.add_column");
    expect(operations.map((operation) => [operation.line, operation.context])).toEqual([
      [line, { inLoop: true }],
      [line, { inLoop: true }],
    ]);
  });

  it("context unrolls a loop over a module-level tuple of names", async () => {
    const { operations } = await upgradeOf(
      `
for table in TABLES:
    op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS legacy")
`,
      { header: 'TABLES = ("accounts", "users")' },
    );
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "accounts", column: "legacy" },
      { kind: "drop-column", table: "users", column: "legacy" },
    ]);
  });

  it("context unrolls a loop that unpacks tuples of a literal list", async () => {
    const { operations } = await upgradeOf(`
for table, column in [("users", "nickname"), ("accounts", "legacy_plan")]:
    op.drop_column(table, column)
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "nickname" },
      { kind: "drop-column", table: "accounts", column: "legacy_plan" },
    ]);
  });

  it("context marks operations in loops that cannot be unrolled", async () => {
    const { operations } = await upgradeOf(`
conn = op.get_bind()
for row in conn.execute(sa.text("SELECT id FROM users")).fetchall():
    op.execute("UPDATE users SET status = 'y'")
while True:
    op.execute("DELETE FROM sessions WHERE id IN (SELECT id FROM sessions LIMIT 500)")
`);
    expect(
      operations
        .filter((operation) => operation.kind === "data-change")
        .map((operation) => [operation.table, operation.context]),
    ).toEqual([
      ["users", { inLoop: true }],
      ["sessions", { inLoop: true }],
    ]);
  });

  it("context sees a backfill batched in a while condition as in a loop", async () => {
    const { operations, source } = await upgradeOf(`
with op.get_context().autocommit_block():
    while op.get_bind().execute(sa.text("UPDATE users SET status = 'x' WHERE id IN (SELECT id FROM users WHERE status IS NULL LIMIT 500)")).rowcount:
        pass
`);
    expect(operations.map((operation) => [operation.kind, operation.table, operation.line, operation.context])).toEqual(
      [["data-change", "users", lineOf(source, "UPDATE users"), { inLoop: true, autocommit: true }]],
    );
  });

  it("context records if, elif and else conditions", async () => {
    const { operations } = await upgradeOf(`
if settings.FEATURE:
    op.drop_column("users", "a")
elif settings.OTHER:
    op.drop_column("users", "b")
else:
    op.drop_column("users", "c")
`);
    expect(operations.map((operation) => [operation.column, operation.context?.conditions])).toEqual([
      ["a", ["settings.FEATURE"]],
      ["b", ["not (settings.FEATURE)", "settings.OTHER"]],
      ["c", ["not (settings.FEATURE)", "not (settings.OTHER)"]],
    ]);
  });

  it("context flags an existence guard and the op rule trusts it", async () => {
    const { operations, report } = await upgradeOf(`
inspector = sa.inspect(op.get_bind())
if "audit" not in inspector.get_table_names():
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
if not inspector.has_index("users", "ix_users_email"):
    op.create_index("ix_users_email", "users", ["email"])
op.create_index("ix_users_name", "users", ["name"])
`);
    expect(operations.map((operation) => operation.context?.existenceGuard)).toEqual([true, true, undefined]);
    expect(findingsOf(report, "op-without-if-exists-strict").map((finding) => finding.message)).toEqual([
      expect.stringContaining("ix_users_name"),
    ]);
  });

  it("context flags operations inside an autocommit block", async () => {
    const { operations } = await upgradeOf(`
with op.get_context().autocommit_block():
    op.create_index("ix_users_email", "users", ["email"], postgresql_concurrently=True, if_not_exists=True)
op.drop_column("users", "legacy")
`);
    expect(operations.map((operation) => operation.context)).toEqual([{ autocommit: true }, undefined]);
  });

  it("context records the dialect condition around an operation", async () => {
    const { operations } = await upgradeOf(`
bind = op.get_bind()
if bind.dialect.name == "postgresql":
    op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email)")
else:
    op.create_index("ix_users_email", "users", ["email"], if_not_exists=True)
`);
    expect(operations.map((operation) => operation.context)).toEqual([
      { conditions: ['bind.dialect.name == "postgresql"'], dialectCondition: 'bind.dialect.name == "postgresql"' },
      {
        conditions: ['not (bind.dialect.name == "postgresql")'],
        dialectCondition: 'not (bind.dialect.name == "postgresql")',
      },
    ]);
  });

  it("context does not take a condition on a column name for a dialect condition", async () => {
    const { operations } = await upgradeOf(`
for column in sa.inspect(op.get_bind()).get_columns("users"):
    if column["name"] == "legacy" or column.name == "older":
        op.drop_column("users", "legacy")
`);
    expect(operations[0]?.context?.conditions).toEqual(['column["name"] == "legacy" or column.name == "older"']);
    expect(operations[0]?.context?.dialectCondition).toBeUndefined();
  });

  it("context keeps an early return inside a helper to that helper", async () => {
    const header = [
      "",
      "def postgres_only():",
      '    if op.get_bind().dialect.name != "postgresql":',
      "        return",
      '    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")',
    ].join("\n");
    const { operations } = await upgradeOf(
      `
postgres_only()
op.drop_column("users", "legacy")
`,
      { header },
    );
    const guard = 'not (op.get_bind().dialect.name != "postgresql")';
    expect(operations.map((operation) => [operation.kind, operation.context])).toEqual([
      ["create-object", { conditions: [guard], dialectCondition: guard, helpers: ["postgres_only"] }],
      ["drop-column", undefined],
    ]);
  });

  it("context applies an early dialect return to the rest of the function", async () => {
    const { operations } = await upgradeOf(`
op.add_column("users", sa.Column("email", sa.String(255)))
if op.get_bind().dialect.name != "postgresql":
    return
op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email)")
op.drop_column("users", "legacy")
`);
    const guard = 'not (op.get_bind().dialect.name != "postgresql")';
    expect(operations.map((operation) => operation.context)).toEqual([
      undefined,
      { conditions: [guard], dialectCondition: guard },
      { conditions: [guard], dialectCondition: guard },
    ]);
  });

  it("context flags operations inside try blocks", async () => {
    const { operations } = await upgradeOf(`
try:
    op.drop_constraint("uq_users_email", "users", type_="unique")
except Exception:
    pass
`);
    expect(operations.map((operation) => operation.context)).toEqual([{ inTry: true }]);
  });

  it("context combines nested loop, condition and autocommit", async () => {
    const { operations } = await upgradeOf(`
if context.is_offline_mode() is False:
    with op.get_context().autocommit_block():
        for name in ["ix_a", "ix_b"]:
            op.drop_index(name, table_name="users", postgresql_concurrently=True, if_exists=True)
`);
    expect(operations.map((operation) => operation.context)).toEqual([
      { inLoop: true, autocommit: true, conditions: ["context.is_offline_mode() is False"] },
      { inLoop: true, autocommit: true, conditions: ["context.is_offline_mode() is False"] },
    ]);
  });
});

describe("helpers", () => {
  it("helpers called from upgrade report findings at the operation inside the helper", async () => {
    const header = [
      "",
      'def add_flag(table, name="is_admin"):',
      "    op.add_column(table, sa.Column(name, sa.Boolean(), nullable=False))",
    ].join("\n");
    const { operations, report, source } = await upgradeOf(
      `
add_flag("users")
add_flag(table="accounts", name="is_active")
add_flag("teams", "is_public")
`,
      { header },
    );
    const line = lineOf(source, "op.add_column(table");
    expect(shapes(operations)).toEqual([
      { kind: "add-column", table: "users", column: "is_admin" },
      { kind: "add-column", table: "accounts", column: "is_active" },
      { kind: "add-column", table: "teams", column: "is_public" },
    ]);
    expect(new Set(operations.map((operation) => JSON.stringify([operation.line, operation.context])))).toEqual(
      new Set([JSON.stringify([line, { helpers: ["add_flag"] }])]),
    );
    expect(findingsOf(report, "add-column-not-null").map((finding) => [finding.line, finding.message])).toEqual([
      [line, expect.stringContaining('"is_active" is added to existing table "accounts"')],
      [line, expect.stringContaining('"is_admin" is added to existing table "users"')],
      [line, expect.stringContaining('"is_public" is added to existing table "teams"')],
    ]);
  });

  it("helpers on an object built from op are opaque operations where each method is called", async () => {
    const { operations, source } = await upgradeOf(
      `
reflect = ReflectMigrations(op)
reflect.drop_unique_constraints("db_dbcomputer", ["name"])
tools = SchemaTools(bind=op.get_bind(), operations=op)
tools.rebuild("db_dbnode")
op.create_unique_constraint("uq_label", "db_dbcomputer", ["label"])
`,
      { header: "from myapp.migration_utils import ReflectMigrations, SchemaTools" },
    );
    // The constructors are handed op too, and may run operations of their own.
    expect(operations.map((operation) => [operation.kind, operation.line])).toEqual([
      ["opaque", lineOf(source, "reflect = ReflectMigrations(op)")],
      ["opaque", lineOf(source, "reflect.drop_unique_constraints")],
      ["opaque", lineOf(source, "tools = SchemaTools(")],
      ["opaque", lineOf(source, 'tools.rebuild("db_dbnode")')],
      ["add-constraint", lineOf(source, "op.create_unique_constraint")],
    ]);
  });

  it("helpers handed op under another name run their operations; objects built without op stay silent", async () => {
    const { operations } = await upgradeOf(
      `
names = NameMaker("ix")
names.make("users")
add_note(op, "users")
`,
      {
        header: [
          "from myapp.naming import NameMaker",
          "",
          "def add_note(operations, table):",
          '    operations.add_column(table, sa.Column("note", sa.Text(), nullable=True))',
        ].join("\n"),
      },
    );
    expect(operations.map((operation) => operation.kind)).toEqual(["add-column"]);
  });

  it("helpers: op assigned to another name is still op, and the gate sees its drop", async () => {
    const { operations, report, source } = await upgradeOf(`
alembic_op = op
alembic_op.drop_column("users", "email")
with alembic_op.batch_alter_table("accounts") as batch:
    batch.drop_column("legacy")
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "email" },
      { kind: "drop-column", table: "accounts", column: "legacy" },
    ]);
    expect(findingsOf(report, "drop-column").map((finding) => finding.line)).toEqual([
      lineOf(source, 'alembic_op.drop_column("users"'),
      lineOf(source, 'batch.drop_column("legacy")'),
    ]);
  });

  it("helpers: op reached through getattr, a bound method or a list is an opaque operation, not passed over", async () => {
    const { operations, source } = await upgradeOf(`
getattr(op, "drop_column")("users", "email")
drop = op.drop_table
drop("accounts")
ops = [op]
ops[0].drop_table("teams")
documents = sa.table("documents", sa.column("data"))
matches = documents.select().where(documents.c.data.op("@>")(sa.literal("{}")))
`);
    expect(operations.map((operation) => [operation.kind, operation.line])).toEqual([
      ["opaque", lineOf(source, "getattr(op")],
      ["opaque", lineOf(source, "drop = op.drop_table")],
      ["opaque", lineOf(source, "ops = [op]")],
    ]);
  });

  it("helpers past the depth limit or calling themselves are opaque operations, not dropped", async () => {
    const chain = Array.from({ length: 8 }, (_, level) =>
      [`def h${level}(t):`, `    op.add_column(t, sa.Column("c${level}", sa.Text()))`, `    h${level + 1}(t)`].join(
        "\n",
      ),
    );
    const header = [
      "",
      ...chain,
      "def h8(t):",
      '    op.drop_column(t, "c")',
      "def again(t, n):",
      '    op.drop_column(t, "r%d" % n)',
      "    again(t, n + 1)",
    ].join("\n");
    const { operations, report } = await upgradeOf('h0("t")\nagain("t", 0)', { header });
    expect(shapes(operations)).toEqual([
      ...Array.from({ length: 6 }, (_, level) => ({ kind: "add-column", table: "t", column: `c${level}` })),
      { kind: "opaque" },
      { kind: "drop-column", table: "t", column: "r0" },
      { kind: "opaque" },
    ]);
    expect(operations.filter((operation) => operation.kind === "opaque").map((operation) => operation.text)).toEqual([
      "h6(t)",
      "again(t, n + 1)",
    ]);
    expect(report.summary.coverage).toEqual(expect.objectContaining({ opaqueOperations: 2 }));
  });

  it("helpers at module level calling each other are followed with their parameters", async () => {
    const header = [
      "",
      "def drop_legacy(table):",
      '    op.drop_column(table, "legacy")',
      "",
      "def cleanup(tables):",
      "    for table in tables:",
      "        drop_legacy(table)",
    ].join("\n");
    const { operations, source } = await upgradeOf('cleanup(["users", "accounts"])', { header });
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "drop-column", table: "accounts", column: "legacy" },
    ]);
    expect(operations.map((operation) => [operation.line, operation.context])).toEqual([
      [lineOf(source, "op.drop_column"), { inLoop: true, helpers: ["cleanup", "drop_legacy"] }],
      [lineOf(source, "op.drop_column"), { inLoop: true, helpers: ["cleanup", "drop_legacy"] }],
    ]);
  });

  it("helpers defined inside upgrade are followed", async () => {
    const { operations, source } = await upgradeOf(`
def drop_legacy(table):
    op.drop_column(table, "legacy")

drop_legacy("users")
`);
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "users", column: "legacy" }]);
    expect(operations.map((operation) => [operation.line, operation.context])).toEqual([
      [lineOf(source, "op.drop_column"), { helpers: ["drop_legacy"] }],
    ]);
  });

  it("helpers defined inside upgrade can call each other as Python closures do", async () => {
    const { operations, source } = await upgradeOf(`
def drop_legacy(table):
    op.drop_column(table, "legacy")

def cleanup(tables):
    for table in tables:
        drop_legacy(table)

cleanup(["users", "accounts"])
`);
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "drop-column", table: "accounts", column: "legacy" },
    ]);
    expect(operations.map((operation) => [operation.line, operation.context])).toEqual([
      [lineOf(source, "op.drop_column"), { inLoop: true, helpers: ["cleanup", "drop_legacy"] }],
      [lineOf(source, "op.drop_column"), { inLoop: true, helpers: ["cleanup", "drop_legacy"] }],
    ]);
  });

  it("helpers that recurse are followed once without hanging, the recursive helper listed once as opaque", async () => {
    const header = [
      "",
      "def shrink(n):",
      '    op.drop_column("users", "legacy")',
      "    if n > 0:",
      "        shrink(n - 1)",
      "    grow(n)",
      "",
      "def grow(n):",
      '    op.drop_column("accounts", "legacy")',
      "    shrink(n + 1)",
    ].join("\n");
    const { operations } = await upgradeOf("shrink(3)", { header });
    expect(shapes(operations)).toEqual([
      { kind: "drop-column", table: "users", column: "legacy" },
      { kind: "opaque" },
      { kind: "drop-column", table: "accounts", column: "legacy" },
    ]);
    expect(operations.filter((operation) => operation.kind === "opaque").map((operation) => operation.text)).toEqual([
      "shrink(n - 1)",
    ]);
  });

  it("helpers defined but never called add no operations", async () => {
    const { operations } = await upgradeOf('op.drop_column("users", "a")', {
      header: 'def unused():\n    op.drop_table("users")',
    });
    expect(shapes(operations)).toEqual([{ kind: "drop-column", table: "users", column: "a" }]);
  });

  it("helpers imported from other modules become opaque operations", async () => {
    const { operations, report, source } = await upgradeOf(
      `
add_audit_columns("users")
text("SELECT 1")
`,
      { header: "from myapp.migration_utils import add_audit_columns\nfrom sqlalchemy import text" },
    );
    expect(operations).toEqual([
      expect.objectContaining({
        kind: "opaque",
        phase: "neutral",
        origin: "op",
        line: lineOf(source, 'add_audit_columns("users")'),
        text: 'add_audit_columns("users")',
      }),
    ]);
    expect(report.findings).toEqual([]);
  });

  it("helpers imported relatively become opaque operations", async () => {
    const { operations } = await upgradeOf("shared_cleanup()", { header: "from .common import shared_cleanup" });
    expect(operations.map((operation) => [operation.kind, operation.text])).toEqual([["opaque", "shared_cleanup()"]]);
  });
});

describe("downgrade", () => {
  it("downgrade operations are listed separately and never produce findings", async () => {
    const { revision, report, source } = await upgradeOf(
      'op.add_column("users", sa.Column("email", sa.Text()), if_not_exists=True)',
      {
        downgrade: `
op.drop_column("users", "email")
op.drop_table("sessions")
op.execute("UPDATE users SET status = NULL")
`,
      },
    );
    expect(shapes(revision.operations)).toEqual([{ kind: "add-column", table: "users", column: "email" }]);
    expect(shapes(revision.downgradeOperations)).toEqual([
      { kind: "drop-column", table: "users", column: "email" },
      { kind: "drop-table", table: "sessions" },
      { kind: "data-change", table: "users" },
    ]);
    expect(revision.downgradeOperations.map((operation) => operation.phase)).toEqual([undefined, undefined, undefined]);
    expect(revision.downgradeOperations[0]?.line).toBe(lineOf(source, 'op.drop_column("users", "email")'));
    expect(revision.phases).toEqual(["expand"]);
    // The upgrade's ADD COLUMN locks users (no lock_timeout here); nothing comes from the downgrade's drops or UPDATE.
    expect(report.findings.map((finding) => [finding.rule, finding.line])).toEqual([
      ["missing-lock-timeout", revision.operations[0]?.line],
    ]);
  });
});

describe("robustness", () => {
  it("robustness recovers operations from a file with a syntax error and still analyses the others", async () => {
    const broken = revisionFile({
      revision: "b1",
      down: "a1",
      upgrade: `
op.drop_column("users", "legacy")
op.add_column("users", sa.Column("email", sa.String(255))
op.drop_column("accounts", "legacy")
`,
    });
    const { report } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_table("sessions")' }),
      "versions/b1.py": broken,
    });
    expect(report.revisions.map((revision) => revision.revision)).toEqual(["a1", "b1"]);
    expect(shapes(revisionById(report, "a1").operations)).toEqual([{ kind: "drop-table", table: "sessions" }]);
    expect(shapes(revisionById(report, "b1").operations)).toContainEqual({
      kind: "drop-column",
      table: "users",
      column: "legacy",
    });
    const syntax = findingsOf(report, "syntax-error");
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ file: "versions/b1.py", revision: "b1", severity: "error" });
    expect(syntax[0]?.line).toBeGreaterThanOrEqual(lineOf(broken, "op.add_column"));
    expect(findingsOf(report, "drop-table").map((finding) => finding.file)).toEqual(["versions/a1.py"]);
  });

  it("robustness keeps lines right in a file with CRLF line endings", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: `
op.add_column("users", sa.Column("email", sa.String(255), nullable=False))
op.execute("""
    UPDATE users SET email = '';
    DROP TABLE legacy;
""")
`,
    });
    const crlf = source.replace(/\n/g, "\r\n");
    const { report } = await analyse({ "versions/a1.py": crlf });
    const operations = report.revisions[0]?.operations ?? [];
    expect(operations.map((operation) => [operation.kind, operation.line])).toEqual([
      ["add-column", lineOf(source, "op.add_column")],
      ["data-change", lineOf(source, "UPDATE users")],
      ["drop-table", lineOf(source, "DROP TABLE legacy")],
    ]);
    expect(findingsOf(report, "add-column-not-null").map((finding) => [finding.line, finding.column])).toEqual([
      [lineOf(source, "op.add_column"), 5],
    ]);
    expect(findingsOf(report, "drop-table").map((finding) => [finding.line, finding.column])).toEqual([
      [lineOf(source, "DROP TABLE legacy"), 9],
    ]);
    expect(report.revisions[0]?.message).toBe("a1 migration");
  });

  it("robustness survives bytes that are not UTF-8", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: `
# café, written by an editor set to Latin-1
op.execute("UPDATE users SET city = 'München' WHERE id = 1")
op.drop_column("users", "legacy")
`,
    });
    const { report } = await analyse({ "versions/a1.py": Buffer.from(source, "latin1") });
    expect(report.skippedFiles).toEqual([]);
    expect(findingsOf(report, "syntax-error")).toEqual([]);
    expect(shapes(report.revisions[0]?.operations ?? [])).toEqual([
      { kind: "data-change", table: "users" },
      { kind: "drop-column", table: "users", column: "legacy" },
    ]);
    expect(report.revisions[0]?.operations.map((operation) => operation.line)).toEqual([
      lineOf(source, "UPDATE users"),
      lineOf(source, "op.drop_column"),
    ]);
  });

  it("robustness lists an empty Python file as skipped", async () => {
    const { report, exitCode } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/empty.py": "",
    });
    expect(exitCode).toBe(0);
    expect(report.revisions.map((revision) => revision.revision)).toEqual(["a1"]);
    expect(report.skippedFiles).toEqual([{ file: "versions/empty.py", reason: expect.any(String) }]);
  });

  it("robustness lists a Python module that is not a revision as skipped", async () => {
    const { report } = await analyse({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/helpers.py": "def helper():\n    return 1\n",
    });
    expect(report.skippedFiles.map((skipped) => skipped.file)).toEqual(["versions/helpers.py"]);
  });

  it("robustness reads a file that starts with a UTF-8 byte order mark", async () => {
    const source = revisionFile({
      revision: "a1",
      upgrade: 'op.add_column("users", sa.Column("email", sa.String(), nullable=False))',
    });
    const { report } = await analyse({ "versions/a1.py": `\uFEFF${source}` });
    const revision = revisionById(report, "a1");
    expect(revision.message).toBe("a1 migration");
    expect(revision.operations.map((operation) => operation.line)).toEqual([lineOf(source, "op.add_column")]);
    expect(findingsOf(report, "add-column-not-null").map((finding) => [finding.line, finding.column])).toEqual([
      [lineOf(source, "op.add_column"), 5],
    ]);
  });

  it("robustness ignores __init__.py files", async () => {
    const { report } = await analyse({
      "versions/__init__.py": "",
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
    });
    expect(report.revisions.map((revision) => revision.file)).toEqual(["versions/a1.py"]);
    expect(report.skippedFiles).toEqual([]);
  });

  it("robustness reads a revision without upgrade() as having no operations", async () => {
    const source = moduleFile(['revision = "a1"', "down_revision = None"]);
    const { report } = await analyse({ "versions/a1.py": source });
    expect(report.revisions.map((revision) => [revision.revision, revision.operations])).toEqual([["a1", []]]);
  });
});
