// Synthetic Alembic histories for the bench (scripts/bench.mjs): linear chains of realistic revision files whose
// lengths follow those of real histories, the same files on every run (a seeded PRNG).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { random as rng } from "../fuzz/random.mjs";

const TABLE_WORDS = [
  "accounts",
  "users",
  "teams",
  "memberships",
  "products",
  "categories",
  "orders",
  "order_items",
  "invoices",
  "payments",
  "refunds",
  "shipments",
  "addresses",
  "coupons",
  "reviews",
  "carts",
  "cart_items",
  "subscriptions",
  "plans",
  "events",
  "webhooks",
  "api_keys",
  "warehouses",
  "stock_levels",
  "notifications",
  "projects",
  "tasks",
  "comments",
  "attachments",
  "audit_entries",
];

const TYPES = [
  { py: "sa.String(length=64)", sql: "varchar(64)" },
  { py: "sa.String(length=255)", sql: "varchar(255)" },
  { py: "sa.Integer()", sql: "integer" },
  { py: "sa.BigInteger()", sql: "bigint" },
  { py: "sa.Boolean()", sql: "boolean" },
  { py: "sa.DateTime(timezone=True)", sql: "timestamptz" },
  { py: "sa.Numeric(precision=12, scale=2)", sql: "numeric(12, 2)" },
  { py: "sa.Text()", sql: "text" },
  { py: "postgresql.JSONB(astext_type=sa.Text())", sql: "jsonb" },
];
const [VARCHAR64, VARCHAR255, INTEGER, BIGINT, BOOLEAN, TIMESTAMP, NUMERIC, TEXT, JSONB] = TYPES;

/** Column names with the type such a column usually has. */
const COLUMNS = [
  ["status", VARCHAR64],
  ["note", TEXT],
  ["external_ref", VARCHAR255],
  ["priority", INTEGER],
  ["score", NUMERIC],
  ["archived_at", TIMESTAMP],
  ["updated_by", BIGINT],
  ["locale", VARCHAR64],
  ["currency", VARCHAR64],
  ["source", VARCHAR64],
  ["channel", VARCHAR64],
  ["region", VARCHAR64],
  ["quantity", INTEGER],
  ["weight_grams", INTEGER],
  ["discount_cents", BIGINT],
  ["verified_at", TIMESTAMP],
  ["reference_code", VARCHAR255],
  ["display_name", VARCHAR255],
  ["sort_order", INTEGER],
  ["expires_at", TIMESTAMP],
  ["retry_count", INTEGER],
  ["last_seen_at", TIMESTAMP],
  ["is_primary", BOOLEAN],
  ["color", VARCHAR64],
  ["timezone", VARCHAR64],
  ["settings", JSONB],
  ["description", TEXT],
  ["amount", NUMERIC],
  ["metadata", JSONB],
  ["is_archived", BOOLEAN],
];

/**
 * Line counts of 977 real revision files from eight public Alembic histories (prefect, quay, ironic, CTFd, redash,
 * dispatch, warehouse, mealie), as quantiles: the generated files follow the same distribution (median 39, mean
 * about 68), including the long tail of large initial migrations.
 */
const REAL_LINE_QUANTILES = [
  [0, 24],
  [0.1, 26],
  [0.25, 31],
  [0.5, 39],
  [0.75, 64],
  [0.9, 118],
  [0.99, 462],
  [1, 600],
];

/** Draws a file length from the real distribution, interpolating between quantiles. */
function fileLength(random) {
  const p = random.next();
  for (let i = 1; i < REAL_LINE_QUANTILES.length; i++) {
    const [q1, l1] = REAL_LINE_QUANTILES[i];
    const [q0, l0] = REAL_LINE_QUANTILES[i - 1];
    if (p <= q1) return Math.round(l0 + ((p - q0) / (q1 - q0)) * (l1 - l0));
  }
  return 600;
}

/** Generates revision files one after the other, remembering the schema so later files refer to real objects. */
class HistoryGenerator {
  constructor(seed) {
    this.random = rng(seed);
    this.tables = [];
    this.tableSerial = 0;
    this.indexSerial = 0;
    this.date = Date.UTC(2021, 0, 4, 9, 0, 0);
  }

  revisionId() {
    let id = "";
    for (let i = 0; i < 12; i++) id += Math.floor(this.random.next() * 16).toString(16);
    return id;
  }

  newTableName() {
    const word = TABLE_WORDS[this.tableSerial % TABLE_WORDS.length];
    const round = Math.floor(this.tableSerial / TABLE_WORDS.length);
    this.tableSerial++;
    return round === 0 ? word : `${word}_${round + 1}`;
  }

  /** A column name the table does not have yet, with a type that fits the name. */
  newColumn(table) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const [base, type] = this.random.pick(COLUMNS);
      const name = attempt < 10 ? base : `${base}_${attempt}`;
      if (!table.columns.some((column) => column.name === name)) return { name, type };
    }
    return { name: `extra_${table.columns.length}`, type: TEXT };
  }

  indexName(table, column) {
    this.indexSerial++;
    return `ix_${table.name}_${column}_${this.indexSerial}`.slice(0, 63);
  }

  /** One operation: lines for upgrade(), lines for downgrade() (in undo order), whether it needs the postgresql import. */
  operation(kind) {
    const r = this.random;
    const table = this.tables.length > 0 ? r.pick(this.tables) : undefined;
    switch (kind) {
      case "create_table": {
        const name = this.newTableName();
        const parent = this.tables.length > 0 ? r.pick(this.tables) : undefined;
        const columns = [];
        const up = [
          `    op.create_table(`,
          `        "${name}",`,
          `        sa.Column("id", sa.BigInteger(), nullable=False),`,
        ];
        if (parent) {
          up.push(`        sa.Column("${parent.name}_id", sa.BigInteger(), nullable=False),`);
          columns.push({ name: `${parent.name}_id`, type: BIGINT, added: false });
        }
        const count = r.int(2, 6);
        const table = { name, columns };
        for (let i = 0; i < count; i++) {
          const { name: column, type } = this.newColumn(table);
          const nullable = r.chance(0.6);
          const serverDefault = !nullable && type.sql === "boolean" ? ', server_default=sa.text("false")' : "";
          up.push(
            `        sa.Column("${column}", ${type.py}${serverDefault}, nullable=${nullable ? "True" : "False"}),`,
          );
          columns.push({ name: column, type, added: false });
        }
        up.push(
          `        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),`,
        );
        if (parent) up.push(`        sa.ForeignKeyConstraint(["${parent.name}_id"], ["${parent.name}.id"]),`);
        up.push(`        sa.PrimaryKeyConstraint("id"),`);
        if (r.chance(0.5)) up.push("        if_not_exists=True,");
        up.push("    )");
        this.tables.push(table);
        return {
          up,
          down: [`    op.drop_table("${name}")`],
          postgresql: up.some((line) => line.includes("postgresql.")),
        };
      }
      case "add_column": {
        const { name: column, type } = this.newColumn(table);
        table.columns.push({ name: column, type, added: true });
        const guard = r.chance(0.5) ? ", if_not_exists=True" : "";
        const serverDefault = r.chance(0.2) && type.sql === "boolean" ? ', server_default=sa.text("false")' : "";
        const up =
          r.chance(0.5) || guard === ""
            ? [
                `    op.add_column("${table.name}", sa.Column("${column}", ${type.py}${serverDefault}, nullable=True)${guard})`,
              ]
            : [
                "    op.add_column(",
                `        "${table.name}",`,
                `        sa.Column("${column}", ${type.py}${serverDefault}, nullable=True),`,
                "        if_not_exists=True,",
                "    )",
              ];
        return {
          up,
          down: [`    op.drop_column("${table.name}", "${column}")`],
          postgresql: type.py.includes("postgresql."),
        };
      }
      case "create_index": {
        const column = r.pick(table.columns).name;
        const name = this.indexName(table, column);
        if (r.chance(0.4)) {
          return {
            up: [
              "    with op.get_context().autocommit_block():",
              "        op.create_index(",
              `            "${name}",`,
              `            "${table.name}",`,
              `            ["${column}"],`,
              "            unique=False,",
              "            postgresql_concurrently=True,",
              "            if_not_exists=True,",
              "        )",
            ],
            down: [
              "    with op.get_context().autocommit_block():",
              `        op.drop_index("${name}", table_name="${table.name}", postgresql_concurrently=True, if_exists=True)`,
            ],
          };
        }
        return {
          up: [
            `    op.create_index("${name}", "${table.name}", ["${column}"], unique=${r.chance(0.2) ? "True" : "False"})`,
          ],
          down: [`    op.drop_index("${name}", table_name="${table.name}")`],
        };
      }
      case "alter_column": {
        const column = r.pick(table.columns);
        const variant = r.int(0, 2);
        if (variant === 0) {
          return {
            up: [
              "    op.alter_column(",
              `        "${table.name}",`,
              `        "${column.name}",`,
              `        existing_type=${column.type.py},`,
              "        nullable=True,",
              "    )",
            ],
            down: [
              `    op.alter_column("${table.name}", "${column.name}", existing_type=${column.type.py}, nullable=False)`,
            ],
            postgresql: column.type.py.includes("postgresql."),
          };
        }
        if (variant === 1 && column.type === VARCHAR64) {
          column.type = VARCHAR255;
          return {
            up: [
              "    op.alter_column(",
              `        "${table.name}",`,
              `        "${column.name}",`,
              "        existing_type=sa.String(length=64),",
              "        type_=sa.String(length=255),",
              "        existing_nullable=True,",
              "    )",
            ],
            down: [
              `    op.alter_column("${table.name}", "${column.name}", type_=sa.String(length=64), existing_nullable=True)`,
            ],
          };
        }
        return {
          up: [
            "    op.alter_column(",
            `        "${table.name}",`,
            `        "${column.name}",`,
            `        comment="${column.name.replace(/_/g, " ")} as shown in the back office",`,
            "    )",
          ],
          down: [`    op.alter_column("${table.name}", "${column.name}", comment=None)`],
        };
      }
      case "drop_column": {
        const candidates = table.columns.filter((column) => column.added);
        if (candidates.length === 0) return this.operation("add_column");
        const column = r.pick(candidates);
        table.columns.splice(table.columns.indexOf(column), 1);
        return {
          up: [`    op.drop_column("${table.name}", "${column.name}", if_exists=True)`],
          down: [`    op.add_column("${table.name}", sa.Column("${column.name}", ${column.type.py}, nullable=True))`],
          postgresql: column.type.py.includes("postgresql."),
        };
      }
      case "batch": {
        const { name: column, type } = this.newColumn(table);
        table.columns.push({ name: column, type, added: true });
        const index = this.indexName(table, column);
        return {
          up: [
            `    with op.batch_alter_table("${table.name}", schema=None) as batch_op:`,
            `        batch_op.add_column(sa.Column("${column}", ${type.py}, nullable=True))`,
            `        batch_op.create_index("${index}", ["${column}"], unique=False)`,
          ],
          down: [
            `    with op.batch_alter_table("${table.name}", schema=None) as batch_op:`,
            `        batch_op.drop_index("${index}")`,
            `        batch_op.drop_column("${column}")`,
          ],
          postgresql: type === JSONB,
        };
      }
      default: {
        // Raw SQL: one statement, or a multi-statement triple-quoted string.
        const { name: column } = this.newColumn(table);
        table.columns.push({ name: column, type: TEXT, added: true });
        const index = this.indexName(table, column);
        if (r.chance(0.5)) {
          return {
            up: [
              "    op.execute(",
              '        """',
              `        ALTER TABLE ${table.name} ADD COLUMN IF NOT EXISTS ${column} text;`,
              `        COMMENT ON COLUMN ${table.name}.${column} IS 'free text kept for support';`,
              `        CREATE INDEX IF NOT EXISTS ${index} ON ${table.name} (${column});`,
              '        """',
              "    )",
            ],
            down: [
              `    op.execute("DROP INDEX IF EXISTS ${index}")`,
              `    op.execute("ALTER TABLE ${table.name} DROP COLUMN IF EXISTS ${column}")`,
            ],
          };
        }
        return {
          up: [
            `    op.execute("ALTER TABLE ${table.name} ADD COLUMN IF NOT EXISTS ${column} text")`,
            `    op.execute("UPDATE ${table.name} SET ${column} = '' WHERE ${column} IS NULL AND id < 1000")`,
          ],
          down: [`    op.execute("ALTER TABLE ${table.name} DROP COLUMN IF EXISTS ${column}")`],
        };
      }
    }
  }

  /** The text of the next revision file in the chain. */
  revision(id, parent, index) {
    const r = this.random;
    const target = fileLength(r);
    const ops = [];
    const kinds = ["add_column", "add_column", "create_index", "alter_column", "drop_column", "create_table"];
    if (this.tables.length === 0) ops.push(this.operation("create_table"), this.operation("create_table"));
    if (index % 5 === 2) ops.push(this.operation("sql"));
    if (r.chance(0.15)) ops.push(this.operation("batch"));
    // Header, imports, identifiers and the two function definitions take 23 lines (24 with the postgresql import).
    const length = (list) =>
      23 +
      (list.some((op) => op.postgresql) ? 1 : 0) +
      list.reduce((sum, op) => sum + op.up.length + op.down.length, 0);
    while (length(ops) < target && ops.length < 60) {
      const next = this.operation(r.pick(kinds));
      // An operation that would overshoot the drawn length is dropped (the schema the generator remembers may then
      // hold an object no file creates, which only makes a later operation less realistic).
      if (length([...ops, next]) > target + 10 && ops.length > 0) break;
      ops.push(next);
    }
    const upgrade = ops.flatMap((op) => op.up);
    const downgrade = ops
      .slice()
      .reverse()
      .flatMap((op) => op.down);
    const created = new Date(this.date + index * 3_600_000 * 17 + r.int(0, 3_599_999));
    const stamp = created.toISOString().replace("T", " ").replace("Z", "000");
    const message = `change ${index + 1}: ${ops.length} schema operations`;
    const postgresql = ops.some((op) => op.postgresql);
    return [
      `"""${message}`,
      "",
      `Revision ID: ${id}`,
      `Revises: ${parent ?? ""}`,
      `Create Date: ${stamp}`,
      "",
      '"""',
      "from typing import Sequence, Union",
      "",
      "import sqlalchemy as sa",
      "from alembic import op",
      ...(postgresql ? ["from sqlalchemy.dialects import postgresql"] : []),
      "",
      "# revision identifiers, used by Alembic.",
      `revision: str = "${id}"`,
      `down_revision: Union[str, Sequence[str], None] = ${parent ? `"${parent}"` : "None"}`,
      "branch_labels: Union[str, Sequence[str], None] = None",
      "depends_on: Union[str, Sequence[str], None] = None",
      "",
      "",
      "def upgrade() -> None:",
      ...upgrade,
      "",
      "",
      "def downgrade() -> None:",
      ...downgrade,
      "",
    ].join("\n");
  }
}

const ALEMBIC_INI = `[alembic]
script_location = migrations
prepend_sys_path = .
sqlalchemy.url = postgresql://bench@localhost:5432/bench
`;

const ENV_PY = `import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

database_url = os.environ.get("DATABASE_URL")
if database_url:
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))

target_metadata = None


def run_migrations_online() -> None:
    connectable = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
`;

/** The project around the revisions (alembic.ini, env.py); returns the folder the revisions go in. */
function projectShell(folder) {
  const versions = join(folder, "migrations", "versions");
  mkdirSync(versions, { recursive: true });
  writeFileSync(join(folder, "alembic.ini"), ALEMBIC_INI);
  writeFileSync(join(folder, "migrations", "env.py"), ENV_PY);
  return versions;
}

/** Writes a project with `count` revisions in one linear chain; returns each file's line count and the total bytes. */
export function writeHistory(folder, count) {
  const versions = projectShell(folder);
  const generator = new HistoryGenerator(0x5eed + count);
  const lines = [];
  let bytes = 0;
  let parent;
  for (let index = 0; index < count; index++) {
    const id = generator.revisionId();
    const text = generator.revision(id, parent, index);
    const file = `${String(index + 1).padStart(5, "0")}_${id}_change_${index + 1}.py`;
    writeFileSync(join(versions, file), text);
    lines.push(text.split("\n").length - 1);
    bytes += Buffer.byteLength(text);
    parent = id;
  }
  return { lines, bytes };
}

/**
 * The short operations of `writeShortHistory`, one or two a revision, the way small test cases are written: a table
 * (`{t}`) and a column (`{c}`) are filled in. Each is a line or a few of Python.
 */
const SHORT_OPERATIONS = [
  'op.add_column("{t}", sa.Column("{c}", sa.Text(), nullable=True))',
  'op.create_index("ix_{t}_{c}_{n}", "{t}", ["{c}"])',
  'op.drop_column("{t}", "{c}")',
  'op.execute("UPDATE {t} SET {c} = 0 WHERE {c} IS NULL")',
  'op.alter_column("{t}", "{c}", existing_type=sa.Integer(), nullable=False)',
  'op.create_table(\n        "{t}_{n}",\n        sa.Column("id", sa.Integer(), primary_key=True),\n        sa.Column("{c}", sa.String(64)),\n    )',
  'op.add_column("{t}", sa.Column("{c}", sa.Boolean(), server_default=sa.false(), nullable=False))',
  'op.create_foreign_key("fk_{t}_{c}_{n}", "{t}", "users", ["{c}"], ["id"])',
];
const SHORT_TABLES = ["users", "orders", "items", "teams", "invoices", "payments", "events", "tasks"];
const SHORT_COLUMNS = ["status", "note", "ref", "priority", "score", "owner_id", "flag", "kind"];

/**
 * Writes a project with `count` short revisions (about 20 lines, one or two operations each: the kind of history the
 * speed issue's targets were first measured on) in one linear chain; returns each file's line count and the bytes.
 */
export function writeShortHistory(folder, count) {
  const versions = projectShell(folder);
  const generator = new HistoryGenerator(0x5407 + count);
  const random = generator.random;
  const lines = [];
  let bytes = 0;
  let parent;
  for (let index = 0; index < count; index++) {
    const id = generator.revisionId();
    const operations = Array.from({ length: random.next() < 0.67 ? 1 : 2 }, () =>
      random
        .pick(SHORT_OPERATIONS)
        .replaceAll("{t}", random.pick(SHORT_TABLES))
        .replaceAll("{c}", random.pick(SHORT_COLUMNS))
        .replaceAll("{n}", String(index + 1)),
    );
    const text = [
      `"""change ${index + 1}`,
      "",
      `Revision ID: ${id}`,
      `Revises: ${parent ?? ""}`,
      '"""',
      "import sqlalchemy as sa",
      "from alembic import op",
      "",
      `revision = "${id}"`,
      `down_revision = ${parent ? `"${parent}"` : "None"}`,
      "branch_labels = None",
      "depends_on = None",
      "",
      "",
      "def upgrade():",
      ...operations.map((operation) => `    ${operation}`),
      "",
      "",
      "def downgrade():",
      "    pass",
      "",
    ].join("\n");
    writeFileSync(join(versions, `${String(index + 1).padStart(5, "0")}_${id}.py`), text);
    lines.push(text.split("\n").length - 1);
    bytes += Buffer.byteLength(text);
    parent = id;
  }
  return { lines, bytes };
}
