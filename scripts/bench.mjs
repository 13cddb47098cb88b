// Benchmarks the built CLI on synthetic Alembic histories.
//
//   npm run bundle && npm run bench                 sizes 100, 1000 and 5000 files
//   npm run bench -- --sizes 100,1000              other sizes
//   npm run bench -- --check                       exit 1 when the 1000-file run misses its targets
//   npm run bench -- --cli /path/to/migragate.js   measure another build of the CLI
//   npm run bench -- --keep                        keep the generated histories (prints where)
//
// For each size it writes one linear history of realistic revision files (plus alembic.ini and env.py) into a
// temporary folder, runs `migragate check <dir> --format json --output <file> --fail-on never` as a fresh process
// several times, and reports the median wall time and the child's peak RSS: cold (`--no-cache`, every file parsed)
// and warm (a fresh process whose extraction cache from an earlier run is intact). A preload script passed with
// `node --import` records the RSS: Node cannot read a child's rusage, but the child can report its own on exit.
// The baseline is a Node process that only reads the same files, i.e. the floor of process start plus I/O.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_SIZES = [100, 1000, 5000];
const TARGET = { files: 1000, wallMs: 500, rssMb: 200 };
const RSS_ENV = "MIGRAGATE_BENCH_RSS_FILE";

// ---------------------------------------------------------------------------------------------------------------
// Command line

function usage(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.stderr.write("usage: node scripts/bench.mjs [--sizes 100,1000,5000] [--check] [--keep] [--cli <path>]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const options = { sizes: DEFAULT_SIZES, check: false, keep: false, cli: join(ROOT, "bin", "migragate.js") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) usage(`${flag} needs a value`);
      return next;
    };
    if (flag === "--sizes") {
      const sizes = value()
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "")
        .map(Number);
      if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
        usage("--sizes takes positive integers separated by commas, e.g. --sizes 100,1000");
      }
      options.sizes = sizes;
    } else if (flag === "--check") {
      options.check = true;
    } else if (flag === "--keep") {
      options.keep = true;
    } else if (flag === "--cli") {
      options.cli = resolve(value());
    } else if (flag === "--help" || flag === "-h") {
      process.stdout.write("usage: node scripts/bench.mjs [--sizes 100,1000,5000] [--check] [--keep] [--cli <path>]\n");
      process.exit(0);
    } else {
      usage(`unknown argument ${arg}`);
    }
  }
  if (options.check && !options.sizes.includes(TARGET.files)) {
    usage(`--check compares the ${TARGET.files}-file run with its targets; include ${TARGET.files} in --sizes`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Synthetic histories

/** Small seeded PRNG (mulberry32), so every run benchmarks the same files. */
function rng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

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

/** Writes a project with `count` revisions in one linear chain; returns each file's line count and the total bytes. */
function writeHistory(folder, count) {
  const versions = join(folder, "migrations", "versions");
  mkdirSync(versions, { recursive: true });
  writeFileSync(join(folder, "alembic.ini"), ALEMBIC_INI);
  writeFileSync(join(folder, "migrations", "env.py"), ENV_PY);
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

// ---------------------------------------------------------------------------------------------------------------
// Measuring

const PRELOAD = `import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const target = process.env.${RSS_ENV};
  if (target) writeFileSync(target, String(process.resourceUsage().maxRSS));
});
`;

const BASELINE = `import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
let bytes = 0;
const visit = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) visit(path);
    else if (entry.name.endsWith(".py")) bytes += readFileSync(path, "utf8").length;
  }
};
visit(join(root, "migrations"));
if (bytes === 0) process.exitCode = 1;
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs a fresh Node process; returns its wall time in ms, and its peak RSS in KiB when asked for. */
function timeProcess(args, rssFile) {
  const env = { ...process.env };
  if (rssFile) env[RSS_ENV] = rssFile;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.error) throw child.error;
  if (child.status !== 0) {
    throw new Error(`\`node ${args.join(" ")}\` exited with ${child.status ?? child.signal}\n${child.stderr}`);
  }
  const rssKiB = rssFile && existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : Number.NaN;
  return { wallMs, rssKiB };
}

function runsFor(size) {
  return size <= 1000 ? 5 : 3;
}

function benchSize(work, cli, preloadUrl, baselineScript, size) {
  const folder = join(work, `history-${size}`);
  const generated = writeHistory(folder, size);
  const report = join(work, `report-${size}.json`);
  const rssFile = join(work, `rss-${size}.txt`);
  const runs = runsFor(size);
  const walls = [];
  const rss = [];
  const warmWalls = [];
  const warmRss = [];
  const baseline = [];
  let firstReport;
  const args = [
    "--import",
    preloadUrl,
    cli,
    "check",
    folder,
    "--format",
    "json",
    "--output",
    report,
    "--fail-on",
    "never",
  ];
  // Cold: a fresh process and no cache, every file parsed.
  for (let run = 0; run < runs; run++) {
    rmSync(rssFile, { force: true });
    const result = timeProcess([...args, "--no-cache"], rssFile);
    walls.push(result.wallMs);
    rss.push(result.rssKiB);
    baseline.push(timeProcess([baselineScript, folder]).wallMs);
    firstReport ??= JSON.parse(readFileSync(report, "utf8"));
  }
  // Warm: a fresh process again, but the extraction cache of an earlier run is there (nothing changed).
  const cacheDir = join(work, `cache-${size}`);
  timeProcess([...args, "--cache-dir", cacheDir]);
  for (let run = 0; run < runs; run++) {
    rmSync(rssFile, { force: true });
    const result = timeProcess([...args, "--cache-dir", cacheDir], rssFile);
    warmWalls.push(result.wallMs);
    warmRss.push(result.rssKiB);
  }
  const wallMs = median(walls);
  const analysed = firstReport?.summary?.revisions;
  const skipped = firstReport?.skippedFiles?.length ?? 0;
  const lines = generated.lines;
  return {
    size,
    runs,
    wallMs,
    filesPerSecond: size / (wallMs / 1000),
    msPerFile: wallMs / size,
    peakRssMb: Math.max(...rss) / 1024,
    warmWallMs: median(warmWalls),
    warmRssMb: Math.max(...warmRss) / 1024,
    baselineMs: median(baseline),
    findings: firstReport?.summary?.findings,
    analysed,
    skipped,
    avgLines: lines.reduce((sum, count) => sum + count, 0) / lines.length,
    minLines: Math.min(...lines),
    maxLines: Math.max(...lines),
    megabytes: generated.bytes / 1024 / 1024,
  };
}

function table(rows) {
  const header = [
    "files",
    "runs",
    "cold wall ms",
    "files/s",
    "ms/file",
    "peak RSS MB",
    "warm-cache wall ms",
    "warm RSS MB",
    "baseline read ms",
  ];
  const body = rows.map((row) => [
    String(row.size),
    String(row.runs),
    row.wallMs.toFixed(0),
    row.filesPerSecond.toFixed(0),
    row.msPerFile.toFixed(3),
    Number.isNaN(row.peakRssMb) ? "n/a" : row.peakRssMb.toFixed(1),
    row.warmWallMs.toFixed(0),
    Number.isNaN(row.warmRssMb) ? "n/a" : row.warmRssMb.toFixed(1),
    row.baselineMs.toFixed(0),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells) => cells.map((cell, column) => cell.padStart(widths[column])).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// Main

const options = parseArgs(process.argv.slice(2));
if (!existsSync(options.cli)) usage(`${options.cli} does not exist`);
const distCli = join(dirname(options.cli), "..", "dist", "cli.js");
if (!existsSync(distCli)) {
  process.stderr.write(`bench: ${distCli} is missing; run \`npm run bundle\` first\n`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "migragate-bench-"));
const cleanUp = () => {
  if (options.keep) process.stdout.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
};
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.on(signal, () => {
    cleanUp();
    process.exit(code);
  });
}

let failed = false;
try {
  const preload = join(work, "preload-rss.mjs");
  writeFileSync(preload, PRELOAD);
  const baselineScript = join(work, "baseline-read.mjs");
  writeFileSync(baselineScript, BASELINE);
  const preloadUrl = pathToFileURL(preload).href;

  process.stdout.write(
    `migragate bench: node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} x${cpus().length}, ` +
      `cli ${options.cli}\n`,
  );
  const rows = [];
  for (const size of options.sizes) {
    process.stdout.write(`  ${size} files: generating and running ${runsFor(size)} times...\n`);
    rows.push(benchSize(work, options.cli, preloadUrl, baselineScript, size));
  }
  process.stdout.write(`\n${table(rows)}\n\n`);
  for (const row of rows) {
    process.stdout.write(
      `  ${row.size} files: ${row.megabytes.toFixed(1)} MB of Python, ${row.minLines}-${row.maxLines} lines ` +
        `(avg ${row.avgLines.toFixed(0)}) per file; ${row.analysed} revisions analysed, ${row.findings} findings\n`,
    );
    if (row.analysed !== row.size || row.skipped > 0) {
      process.stdout.write(
        `  warning: ${row.size} files generated but ${row.analysed} revisions analysed and ${row.skipped} ` +
          "skipped: the timing does not cover every file\n",
      );
    }
  }
  if (options.check) {
    const row = rows.find((candidate) => candidate.size === TARGET.files);
    const problems = [];
    if (row.wallMs > TARGET.wallMs) problems.push(`median wall ${row.wallMs.toFixed(0)} ms > ${TARGET.wallMs} ms`);
    if (!(row.peakRssMb <= TARGET.rssMb)) problems.push(`peak RSS ${row.peakRssMb.toFixed(1)} MB > ${TARGET.rssMb} MB`);
    if (row.analysed !== row.size) problems.push(`only ${row.analysed} of ${row.size} revisions analysed`);
    if (problems.length > 0) {
      process.stdout.write(`\ncheck FAILED for ${TARGET.files} files: ${problems.join("; ")}\n`);
      failed = true;
    } else {
      process.stdout.write(
        `\ncheck passed for ${TARGET.files} files (targets: ${TARGET.wallMs} ms wall, ${TARGET.rssMb} MB RSS)\n`,
      );
    }
  }
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  failed = true;
} finally {
  cleanUp();
}
process.exitCode = failed ? 1 : 0;
