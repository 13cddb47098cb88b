import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "op-without-if-exists";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", upgrade });
  const { report } = await check(writeProject({ "versions/a1.py": source }), options);
  return { source, findings: findingsOf(report, RULE) };
}

describe("op-without-if-exists", () => {
  it("op-without-if-exists fires for MySQL directives that commit before a later statement", async () => {
    const { source, findings } = await analyse(
      `
op.add_column("orders", sa.Column("coupon_id", sa.Integer(), nullable=True))
op.create_index("ix_orders_coupon_id", "orders", ["coupon_id"])
op.create_foreign_key("fk_orders_coupon", "orders", "coupons", ["coupon_id"], ["id"])
`,
      { dialect: "mysql" },
    );
    expect(findings.map((finding) => finding.line)).toEqual([
      locate(source, "op.add_column").line,
      locate(source, "op.create_index").line,
    ]);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.add_column"),
      severity: "warning",
      message:
        'op.add_column of column "coupon_id" of table "orders" has no if_not_exists=True: MySQL commits every DDL ' +
        "statement on its own, so when a later statement of this revision fails it stays applied while the revision " +
        "is not recorded, and the retry stops here because it already exists",
      hint:
        'Guard the call with the inspector: if "coupon_id" not in {column["name"] for column in ' +
        'sa.inspect(op.get_bind()).get_columns("orders")}: (if_not_exists= needs Alembic >= 1.16 (set ' +
        "alembic-version to get it suggested)).",
    });
  });

  it("op-without-if-exists fires inside autocommit_block when more statements follow", async () => {
    const { source, findings } = await analyse(`
with op.get_context().autocommit_block():
    op.create_index("ix_events_created", "events", ["created"], postgresql_concurrently=True)
op.drop_column("events", "legacy_created")
`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(locate(source, "op.create_index"));
    expect(findings[0]?.message).toContain("it commits on its own (inside `autocommit_block()`)");
  });

  it("op-without-if-exists stays silent on a create that the same revision's earlier drop clears the way for", async () => {
    // Rebuilding an index: a rerun drops whatever the failed run left, valid or INVALID, then builds it again.
    const { findings } = await analyse(`
with op.get_context().autocommit_block():
    op.drop_index("ix_events_created", table_name="events", if_exists=True, postgresql_concurrently=True)
    op.create_index("ix_events_created", "events", ["created"], postgresql_concurrently=True)
op.drop_column("events", "legacy_created")
`);
    expect(findings).toEqual([]);
  });

  it("op-without-if-exists fires when the drop comes after the create, names another index, or may not run", async () => {
    const { source, findings } = await analyse(`
with op.get_context().autocommit_block():
    op.create_index("ix_events_created", "events", ["created"], postgresql_concurrently=True)
    op.drop_index("ix_events_created", table_name="events", if_exists=True, postgresql_concurrently=True)
    op.drop_index("ix_events_old", table_name="events", if_exists=True, postgresql_concurrently=True)
    op.create_index("ix_events_kind", "events", ["kind"], postgresql_concurrently=True)
    if context.config.get_main_option("rebuild") == "yes":
        op.drop_index("ix_events_day", table_name="events", if_exists=True, postgresql_concurrently=True)
    op.create_index("ix_events_day", "events", ["day"], postgresql_concurrently=True)
op.drop_column("events", "legacy_created")
`);
    expect(findings.filter((finding) => finding.message.startsWith("op.create_index")).map((f) => f.line)).toEqual([
      locate(source, 'op.create_index("ix_events_created"').line,
      locate(source, 'op.create_index("ix_events_kind"').line,
      locate(source, 'op.create_index("ix_events_day"').line,
    ]);
  });

  it("op-without-if-exists stays silent on drops of what a loop over the inspector lists", async () => {
    // A rerun lists the foreign keys there then: none is already gone.
    const { findings } = await analyse(
      `
inspector = sa.inspect(op.get_bind())
for foreign_key in inspector.get_foreign_keys("capsule"):
    op.drop_constraint(foreign_key["name"], "capsule", type_="foreignkey")
op.drop_column("capsule", "legacy_id")
`,
      { dialect: "mysql" },
    );
    expect(findings.filter((finding) => finding.message.startsWith("op.drop_constraint"))).toEqual([]);
  });

  it("op-without-if-exists suggests the keyword once the project's Alembic is known to have it", async () => {
    const { findings } = await analyse(
      `
with op.get_context().autocommit_block():
    op.create_index("ix_events_created", "events", ["created"], postgresql_concurrently=True)
    op.create_index("ix_events_kind", "events", ["kind"], postgresql_concurrently=True)
`,
      { alembicVersion: "1.13.1" },
    );
    expect(findings.map((finding) => finding.hint)).toEqual([
      'Write op.create_index("ix_events_created", "events", [...], if_not_exists=True).',
    ]);
  });

  it("op-without-if-exists stays silent inside PostgreSQL's transaction, where a failed revision rolls back", async () => {
    const { findings } = await analyse(`
op.create_table("audit", sa.Column("id", sa.BigInteger(), primary_key=True))
op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))
op.create_index("ix_users_bio", "users", ["bio"])
op.drop_column("users", "fax")
`);
    expect(findings).toEqual([]);
  });

  it("op-without-if-exists stays silent for the last statement of a MySQL revision", async () => {
    const { findings } = await analyse('op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))', {
      dialect: "mysql",
    });
    expect(findings).toEqual([]);
  });

  it("op-without-if-exists stays silent on what only another database runs, and on followers it never reaches", async () => {
    // OpenStack-shaped: the MySQL branch checks for the index, the other database's branch does not.
    const { findings } = await analyse(
      `
engine = enginefacade.reader.get_engine()
if engine.dialect.name == "mysql":
    if not utils.index_exists(engine, "nodes", "owner_idx"):
        op.create_index("owner_idx", "nodes", ["owner"])
else:
    op.create_index("owner_idx", "nodes", ["owner"])
    op.create_index("lessee_idx", "nodes", ["lessee"])
`,
      { dialect: "mysql" },
    );
    expect(findings).toEqual([]);
    // The only statement after the index runs on PostgreSQL: on MySQL nothing can fail after it.
    const { findings: alone } = await analyse(
      `
op.create_index("ix_orders_coupon_id", "orders", ["coupon_id"])
if op.get_bind().dialect.name == "postgresql":
    op.create_index("ix_orders_total", "orders", ["total"])
`,
      { dialect: "mysql" },
    );
    expect(alone).toEqual([]);
    // A statement under no test of the database runs after the MySQL branch too.
    const { source, findings: branchThenAll } = await analyse(
      `
if op.get_bind().dialect.name == "mysql":
    op.create_index("ix_users_email", "users", ["email"])
op.add_column("users", sa.Column("nickname", sa.Text()))
`,
      { dialect: "postgresql" },
    );
    expect(branchThenAll.map((finding) => finding.line)).toEqual([locate(source, "op.create_index").line]);
  });

  it("op-without-if-exists stays silent for guarded calls on MySQL", async () => {
    const { findings } = await analyse(
      `
inspector = sa.inspect(op.get_bind())
if "bio" not in [column["name"] for column in inspector.get_columns("users")]:
    op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))
op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True), if_not_exists=True)
op.execute("UPDATE users SET bio = ''")
`,
      { dialect: "mysql" },
    );
    expect(findings).toEqual([]);
  });

  it("op-without-if-exists stays silent for a real-world autogenerated PostgreSQL revision", async () => {
    const { findings } = await analyse(`
# ### commands auto generated by Alembic - please adjust! ###
op.create_table('flow_run_notification_policy',
    sa.Column('id', sa.Uuid(), server_default=sa.text('gen_random_uuid()'), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flow_run_notification_policy'))
)
op.create_index(op.f('ix_flow_run_notification_policy__name'), 'flow_run_notification_policy', ['name'], unique=False)
op.add_column('flow_run', sa.Column('notify', sa.Boolean(), nullable=True))
# ### end Alembic commands ###
`);
    expect(findings).toEqual([]);
  });
});
