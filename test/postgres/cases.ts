import type { ProbeCase } from "./probe.js";

/** One statement the lock model knows, as raw SQL and, where Alembic has one, as the equivalent `op.*` call. */
export interface LockCase extends ProbeCase {
  /** The test name: the operation, as `kind: what`. */
  readonly name: string;
  /** The same operation through an Alembic directive (Python source of the upgrade body). */
  readonly op?: string;
  /** CONCURRENTLY and VACUUM refuse a transaction block: observed from a second session instead. */
  readonly outsideTransaction?: boolean;
  /** The case's session setting is what spares the rewrite the model names a condition for (`rewriteUnless`). */
  readonly sessionSparesRewrite?: boolean;
}

/**
 * Revision a0, never run on the server: it tells migragate the fixture's column types (test/postgres/probe.ts), as an
 * earlier revision of a real history would, so type changes written in SQL have a known previous type.
 */
export const DECLARE_FIXTURE = `
op.create_table("r", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table(
    "t",
    sa.Column("id", sa.BigInteger(), primary_key=True),
    sa.Column("a", sa.Integer()),
    sa.Column("b", sa.String(20)),
    sa.Column("c", sa.Text()),
    sa.Column("n", sa.Numeric(10, 2)),
    sa.Column("ts", sa.DateTime()),
    sa.Column("e", sa.Integer()),
    sa.Column("rid", sa.Integer()),
)
`;

/** A table whose foreign key references `r`: dropping the key removes its triggers on `r`. */
const CHILD = "CREATE TABLE c (id int PRIMARY KEY, rid int REFERENCES r (id))";

const TRIGGER =
  "CREATE TRIGGER t_trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()";

export const CASES: readonly LockCase[] = [
  {
    name: "create-table: a new table with a primary key",
    sql: "CREATE TABLE n (id int PRIMARY KEY, label text)",
    op: 'op.create_table("n", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.Text()))',
    target: "n",
  },
  { name: "drop-table", sql: "DROP TABLE r", op: 'op.drop_table("r")', target: "r" },
  {
    name: "drop-table: its foreign key's referenced table is locked too",
    setup: CHILD,
    sql: "DROP TABLE c",
    op: 'op.drop_table("c")',
    target: "r",
  },
  {
    name: "drop-column: a foreign-key column's referenced table is locked too",
    setup: CHILD,
    sql: "ALTER TABLE c DROP COLUMN rid",
    op: 'op.drop_column("c", "rid")',
    target: "r",
  },
  {
    name: "drop-constraint: a foreign key's referenced table is locked too",
    setup: CHILD,
    sql: "ALTER TABLE c DROP CONSTRAINT c_rid_fkey",
    op: 'op.drop_constraint("c_rid_fkey", "c", type_="foreignkey")',
    target: "r",
  },
  { name: "rename-table", sql: "ALTER TABLE r RENAME TO r2", op: 'op.rename_table("r", "r2")', target: "r" },
  {
    name: "add-column: nullable, no default",
    sql: "ALTER TABLE t ADD COLUMN z int",
    op: 'op.add_column("t", sa.Column("z", sa.Integer()))',
  },
  {
    name: "add-column: NOT NULL with a constant default",
    sql: "ALTER TABLE t ADD COLUMN z int NOT NULL DEFAULT 0",
    op: 'op.add_column("t", sa.Column("z", sa.Integer(), nullable=False, server_default="0"))',
  },
  {
    name: "add-column: stable default now()",
    sql: "ALTER TABLE t ADD COLUMN z timestamptz DEFAULT now()",
    op: 'op.add_column("t", sa.Column("z", sa.DateTime(timezone=True), server_default=sa.func.now()))',
  },
  {
    name: "add-column: volatile default gen_random_uuid()",
    sql: "ALTER TABLE t ADD COLUMN z uuid DEFAULT gen_random_uuid()",
    op: 'op.add_column("t", sa.Column("z", sa.Uuid(), server_default=sa.text("gen_random_uuid()")))',
  },
  {
    name: "add-column: volatile default clock_timestamp()",
    sql: "ALTER TABLE t ADD COLUMN z timestamptz DEFAULT clock_timestamp()",
  },
  {
    name: "add-column: volatile default inside coalesce()",
    sql: "ALTER TABLE t ADD COLUMN z float DEFAULT coalesce(random(), 0)",
  },
  {
    name: "add-column: a Python string that reads like a call is a constant",
    sql: "ALTER TABLE t ADD COLUMN z text DEFAULT 'random()'",
    op: 'op.add_column("t", sa.Column("z", sa.Text(), server_default="random()"))',
  },
  { name: "add-column: bigserial", sql: "ALTER TABLE t ADD COLUMN z bigserial" },
  {
    name: "add-column: identity",
    sql: "ALTER TABLE t ADD COLUMN z int GENERATED ALWAYS AS IDENTITY",
    op: 'op.add_column("t", sa.Column("z", sa.Integer(), sa.Identity()))',
  },
  {
    name: "add-column: stored generated column",
    sql: "ALTER TABLE t ADD COLUMN z int GENERATED ALWAYS AS (a * 2) STORED",
    op: 'op.add_column("t", sa.Column("z", sa.Integer(), sa.Computed("a * 2")))',
  },
  { name: "add-column: with an inline UNIQUE constraint", sql: "ALTER TABLE t ADD COLUMN z int UNIQUE" },
  { name: "add-column: with an inline foreign key", sql: "ALTER TABLE t ADD COLUMN z int REFERENCES r (id)" },
  { name: "drop-column", sql: "ALTER TABLE t DROP COLUMN c", op: 'op.drop_column("t", "c")' },
  {
    name: "rename-column",
    sql: "ALTER TABLE t RENAME COLUMN c TO c2",
    op: 'op.alter_column("t", "c", new_column_name="c2")',
  },
  {
    name: "set-not-null",
    sql: "ALTER TABLE t ALTER COLUMN a SET NOT NULL",
    op: 'op.alter_column("t", "a", existing_type=sa.Integer(), nullable=False)',
  },
  {
    name: "set-not-null: after a validated CHECK (a IS NOT NULL)",
    setup: "ALTER TABLE t ADD CONSTRAINT t_a_not_null CHECK (a IS NOT NULL)",
    sql: "ALTER TABLE t ALTER COLUMN a SET NOT NULL",
    op: 'op.alter_column("t", "a", existing_type=sa.Integer(), nullable=False)',
  },
  {
    name: "set-not-null: after a CHECK added NOT VALID and validated",
    setup:
      "ALTER TABLE t ADD CONSTRAINT t_a_not_null CHECK (a IS NOT NULL) NOT VALID; " +
      "ALTER TABLE t VALIDATE CONSTRAINT t_a_not_null",
    sql: "ALTER TABLE t ALTER COLUMN a SET NOT NULL",
  },
  {
    name: "drop-not-null",
    setup: "ALTER TABLE t ALTER COLUMN a SET NOT NULL",
    sql: "ALTER TABLE t ALTER COLUMN a DROP NOT NULL",
    op: 'op.alter_column("t", "a", existing_type=sa.Integer(), existing_nullable=False, nullable=True)',
  },
  {
    name: "change-column-type: integer to bigint",
    sql: "ALTER TABLE t ALTER COLUMN a TYPE bigint",
    op: 'op.alter_column("t", "a", existing_type=sa.Integer(), type_=sa.BigInteger())',
  },
  {
    name: "change-column-type: varchar(20) to varchar(40)",
    sql: "ALTER TABLE t ALTER COLUMN b TYPE varchar(40)",
    op: 'op.alter_column("t", "b", existing_type=sa.String(20), type_=sa.String(40))',
  },
  {
    name: "change-column-type: varchar(20) to varchar(10)",
    sql: "ALTER TABLE t ALTER COLUMN b TYPE varchar(10)",
    op: 'op.alter_column("t", "b", existing_type=sa.String(20), type_=sa.String(10))',
  },
  {
    name: "change-column-type: varchar(20) to text",
    sql: "ALTER TABLE t ALTER COLUMN b TYPE text",
    op: 'op.alter_column("t", "b", existing_type=sa.String(20), type_=sa.Text())',
  },
  { name: "change-column-type: text to varchar(50)", sql: "ALTER TABLE t ALTER COLUMN c TYPE varchar(50)" },
  { name: "change-column-type: text to unbounded varchar", sql: "ALTER TABLE t ALTER COLUMN c TYPE varchar" },
  {
    name: "change-column-type: numeric(10,2) to numeric(12,2)",
    sql: "ALTER TABLE t ALTER COLUMN n TYPE numeric(12,2)",
    op: 'op.alter_column("t", "n", existing_type=sa.Numeric(10, 2), type_=sa.Numeric(12, 2))',
  },
  {
    name: "change-column-type: numeric(10,2) to numeric(12,3)",
    sql: "ALTER TABLE t ALTER COLUMN n TYPE numeric(12,3)",
  },
  {
    name: "change-column-type: timestamp to timestamptz (TimeZone not UTC)",
    session: "SET TimeZone = 'America/New_York'",
    sql: "ALTER TABLE t ALTER COLUMN ts TYPE timestamptz",
    op: 'op.alter_column("t", "ts", existing_type=sa.DateTime(), type_=sa.DateTime(timezone=True))',
  },
  {
    name: "change-column-type: timestamp to timestamptz (TimeZone UTC)",
    session: "SET TimeZone = 'UTC'",
    sql: "ALTER TABLE t ALTER COLUMN ts TYPE timestamptz",
    op: 'op.alter_column("t", "ts", existing_type=sa.DateTime(), type_=sa.DateTime(timezone=True))',
    sessionSparesRewrite: true,
  },
  {
    name: "change-column-type: with USING",
    sql: "ALTER TABLE t ALTER COLUMN e TYPE bigint USING e::bigint",
    op: 'op.alter_column("t", "e", existing_type=sa.Integer(), type_=sa.BigInteger(), postgresql_using="e::bigint")',
  },
  {
    name: "set-column-default",
    sql: "ALTER TABLE t ALTER COLUMN a SET DEFAULT 5",
    op: 'op.alter_column("t", "a", existing_type=sa.Integer(), server_default="5")',
  },
  { name: "set-column-default: DROP DEFAULT", sql: "ALTER TABLE t ALTER COLUMN id DROP DEFAULT" },
  { name: "create-index", sql: "CREATE INDEX t_c_idx ON t (c)", op: 'op.create_index("t_c_idx", "t", ["c"])' },
  {
    name: "create-index: unique",
    sql: "CREATE UNIQUE INDEX t_e_key ON t (e)",
    op: 'op.create_index("t_e_key", "t", ["e"], unique=True)',
  },
  {
    name: "create-index: CONCURRENTLY",
    sql: "CREATE INDEX CONCURRENTLY t_c_idx ON t (c)",
    op: 'op.create_index("t_c_idx", "t", ["c"], postgresql_concurrently=True)',
    outsideTransaction: true,
  },
  { name: "drop-index", sql: "DROP INDEX t_a_idx", op: 'op.drop_index("t_a_idx", table_name="t")' },
  {
    name: "drop-index: CONCURRENTLY",
    sql: "DROP INDEX CONCURRENTLY t_a_idx",
    op: 'op.drop_index("t_a_idx", table_name="t", postgresql_concurrently=True)',
    outsideTransaction: true,
  },
  {
    name: "add-constraint: foreign key",
    sql: "ALTER TABLE t ADD CONSTRAINT t_rid_fk FOREIGN KEY (rid) REFERENCES r (id)",
    op: 'op.create_foreign_key("t_rid_fk", "t", "r", ["rid"], ["id"])',
  },
  {
    name: "add-constraint: foreign key NOT VALID",
    sql: "ALTER TABLE t ADD CONSTRAINT t_rid_fk FOREIGN KEY (rid) REFERENCES r (id) NOT VALID",
    op: 'op.create_foreign_key("t_rid_fk", "t", "r", ["rid"], ["id"], postgresql_not_valid=True)',
  },
  {
    name: "add-constraint: CHECK",
    sql: "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0)",
    op: 'op.create_check_constraint("t_a_positive", "t", "a > 0")',
  },
  {
    name: "add-constraint: CHECK NOT VALID",
    sql: "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0) NOT VALID",
    op: 'op.create_check_constraint("t_a_positive", "t", "a > 0", postgresql_not_valid=True)',
  },
  {
    name: "add-constraint: UNIQUE",
    sql: "ALTER TABLE t ADD CONSTRAINT t_e_key UNIQUE (e)",
    op: 'op.create_unique_constraint("t_e_key", "t", ["e"])',
  },
  {
    name: "add-constraint: PRIMARY KEY",
    setup: "ALTER TABLE r DROP CONSTRAINT r_pkey",
    sql: "ALTER TABLE r ADD CONSTRAINT r_pk PRIMARY KEY (id)",
    op: 'op.create_primary_key("r_pk", "r", ["id"])',
    target: "r",
  },
  {
    name: "add-constraint: UNIQUE USING INDEX",
    setup: "CREATE UNIQUE INDEX t_e_uidx ON t (e)",
    sql: "ALTER TABLE t ADD CONSTRAINT t_e_key UNIQUE USING INDEX t_e_uidx",
  },
  {
    name: "drop-constraint",
    sql: "ALTER TABLE t DROP CONSTRAINT t_pkey",
    op: 'op.drop_constraint("t_pkey", "t", type_="primary")',
  },
  {
    name: "validate-constraint: foreign key",
    setup: "ALTER TABLE t ADD CONSTRAINT t_rid_fk FOREIGN KEY (rid) REFERENCES r (id) NOT VALID",
    sql: "ALTER TABLE t VALIDATE CONSTRAINT t_rid_fk",
  },
  {
    name: "validate-constraint: CHECK",
    setup: "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0) NOT VALID",
    sql: "ALTER TABLE t VALIDATE CONSTRAINT t_a_positive",
  },
  { name: "create-object: trigger", sql: TRIGGER },
  { name: "drop-object: trigger", setup: TRIGGER, sql: "DROP TRIGGER t_trg ON t" },
  { name: "create-object: policy", sql: "CREATE POLICY t_all ON t USING (true)" },
  { name: "drop-object: policy", setup: "CREATE POLICY t_all ON t USING (true)", sql: "DROP POLICY t_all ON t" },
  {
    name: "create-object: rule (locks its table)",
    sql: "CREATE RULE t_skip AS ON INSERT TO t WHERE false DO INSTEAD NOTHING",
  },
  {
    name: "drop-object: rule (locks its table)",
    setup: "CREATE RULE t_skip AS ON INSERT TO t WHERE false DO INSTEAD NOTHING",
    sql: "DROP RULE t_skip ON t",
  },
  {
    name: "create-object: CREATE OR REPLACE VIEW of an existing view",
    setup: "CREATE VIEW v AS SELECT id, a FROM t",
    sql: "CREATE OR REPLACE VIEW v AS SELECT id, a FROM t WHERE a > 0",
    target: "v",
  },
  { name: "drop-object: view", setup: "CREATE VIEW v AS SELECT id FROM t", sql: "DROP VIEW v", target: "v" },
  { name: "drop-object: materialized view", sql: "DROP MATERIALIZED VIEW mv", target: "mv" },
  { name: "drop-object: sequence", setup: "CREATE SEQUENCE s", sql: "DROP SEQUENCE s", target: "s" },
  {
    name: "rename-object: sequence",
    setup: "CREATE SEQUENCE s",
    sql: "ALTER SEQUENCE s RENAME TO s2",
    target: "s",
  },
  {
    name: "rename-object: index (the lock is on the index)",
    sql: "ALTER INDEX t_a_idx RENAME TO t_a_index",
    target: "t_a_idx",
  },
  { name: "rename-object: constraint", sql: "ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_pk" },
  { name: "alter-enum-add-value", sql: "ALTER TYPE mood ADD VALUE 'calm'" },
  { name: "data-change: UPDATE without WHERE", sql: "UPDATE t SET a = a + 1" },
  { name: "data-change: UPDATE by key", sql: "UPDATE t SET a = a + 1 WHERE id = 5" },
  { name: "data-change: DELETE of a key range", sql: "DELETE FROM t WHERE id < 100" },
  { name: "data-change: INSERT", sql: "INSERT INTO t (a) VALUES (1)" },
  { name: "data-change: INSERT ... SELECT from another table", sql: "INSERT INTO t (a) SELECT id FROM r" },
  { name: "truncate", sql: "TRUNCATE t" },
  { name: "comment: on a table", sql: "COMMENT ON TABLE t IS 'facts'", op: 'op.create_table_comment("t", "facts")' },
  { name: "comment: on a column", sql: "COMMENT ON COLUMN t.a IS 'facts'" },
  { name: "set-config: lock_timeout", sql: "SET lock_timeout = '5s'" },
  { name: "maintenance: VACUUM", sql: "VACUUM t", outsideTransaction: true },
  { name: "maintenance: VACUUM FULL", sql: "VACUUM FULL t", outsideTransaction: true },
  { name: "maintenance: ANALYZE", sql: "ANALYZE t" },
  { name: "maintenance: CLUSTER", sql: "CLUSTER t USING t_pkey" },
  { name: "maintenance: REINDEX", sql: "REINDEX TABLE t" },
  { name: "maintenance: REINDEX CONCURRENTLY", sql: "REINDEX TABLE CONCURRENTLY t", outsideTransaction: true },
  { name: "maintenance: REFRESH MATERIALIZED VIEW", sql: "REFRESH MATERIALIZED VIEW mv", target: "mv" },
  {
    name: "maintenance: REFRESH MATERIALIZED VIEW CONCURRENTLY",
    sql: "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
    target: "mv",
  },
  { name: "alter-table-other: SET STATISTICS", sql: "ALTER TABLE t ALTER COLUMN a SET STATISTICS 500" },
  { name: "alter-table-other: SET (fillfactor)", sql: "ALTER TABLE t SET (fillfactor = 70)" },
  { name: "alter-table-other: DISABLE TRIGGER", sql: "ALTER TABLE t DISABLE TRIGGER ALL" },
  { name: "alter-table-other: CLUSTER ON", sql: "ALTER TABLE t CLUSTER ON t_pkey" },
  { name: "alter-table-other: SET UNLOGGED", sql: "ALTER TABLE t SET UNLOGGED" },
  { name: "alter-table-other: OWNER TO", sql: "ALTER TABLE t OWNER TO postgres" },
  { name: "alter-table-other: ENABLE ROW LEVEL SECURITY", sql: "ALTER TABLE t ENABLE ROW LEVEL SECURITY" },
  { name: "alter-table-other: SET STORAGE", sql: "ALTER TABLE t ALTER COLUMN c SET STORAGE EXTERNAL" },
  { name: "utility: LOCK TABLE", sql: "LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE" },
  { name: "utility: CREATE STATISTICS", sql: "CREATE STATISTICS t_ab ON a, b FROM t" },
];
