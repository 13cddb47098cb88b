// Case generators of the fuzz suite, one per family of input a pull request controls. Each returns a case: the
// entries of a project folder (files, links, FIFOs, folders) and the paths the report must account for, as
// analysed or named with a reason. Sizes are drawn so that most cases are ordinary and some are extreme; an
// extreme case holds one extreme file, so that it stays within one file's budget.

const HEADER = (id, down) => `"""fuzz revision ${id}

Revision ID: ${id}
"""
from alembic import op
import sqlalchemy as sa

revision = "${id}"
down_revision = ${down ? `"${down}"` : "None"}
branch_labels = None
depends_on = None
`;

function indent(body, by = "    ") {
  return body
    .split("\n")
    .map((line) => (line === "" ? line : `${by}${line}`))
    .join("\n");
}

function revision(id, down, upgrade, extra = "") {
  return `${HEADER(id, down)}${extra}\n\ndef upgrade():\n${indent(upgrade || "pass")}\n\n\ndef downgrade():\n    pass\n`;
}

/** A file of the case: `content` is a string or bytes; `kind` another kind of entry. */
function file(path, content) {
  return { kind: "file", path, content };
}

/** A few plain revisions around the one under test, so every case is a history. */
function history(random, upgrades) {
  const files = [];
  let down;
  upgrades.forEach((upgrade, index) => {
    const id = `r${index}${random.int(1000, 9999)}`;
    files.push(file(`versions/${id}.py`, revision(id, down, upgrade)));
    down = id;
  });
  return files;
}

function ordinaryOperation(random) {
  const table = random.word();
  const column = random.word();
  return random.pick([
    `op.add_column("${table}", sa.Column("${column}", sa.Text(), nullable=${random.pick(["True", "False"])}))`,
    `op.drop_column("${table}", "${column}")`,
    `op.create_index("ix_${table}_${column}", "${table}", ["${column}"])`,
    `op.alter_column("${table}", "${column}", nullable=False)`,
    `op.execute("UPDATE ${table} SET ${column} = 1 WHERE id = 1")`,
    `op.create_table("${table}", sa.Column("id", sa.Integer(), primary_key=True))`,
    `op.rename_table("${table}", "${table}_old")`,
    `op.execute(sa.text("CREATE INDEX CONCURRENTLY ix_${column} ON ${table} (${column})"))`,
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Byte-level mutations of revision files

function mutateBytes(random, text) {
  const bytes = [...Buffer.from(text)];
  const mutations = random.size(1, 64);
  for (let count = 0; count < mutations && bytes.length > 0; count++) {
    const at = random.int(0, bytes.length - 1);
    switch (random.int(0, 6)) {
      case 0:
        bytes[at] = random.int(0, 255);
        break;
      case 1:
        bytes.splice(at, 0, random.int(0, 255));
        break;
      case 2:
        bytes.splice(at, random.int(1, 16));
        break;
      case 3: {
        const slice = bytes.slice(at, at + random.int(1, 200));
        bytes.splice(random.int(0, bytes.length), 0, ...slice);
        break;
      }
      case 4:
        bytes.splice(at, 0, ...random.pick([[0], [0xff, 0xfe], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98]]));
        break;
      case 5:
        bytes.splice(at, 0, ...Buffer.from(random.pick(["(", ")", "[", '"', "'''", "\\", ":", "\n    ", "\t", "#"])));
        break;
      default:
        bytes.splice(at, 0, ...Buffer.from(random.pick(["op.", "if x:\n", "def f(:", "«", "»", "$$", ";"])));
    }
  }
  return Buffer.from(bytes);
}

export function bytes(random, seeds) {
  const picked = random.times(random.int(1, 4), () => random.pick(seeds));
  const files = picked.map((seed, index) => file(`versions/m${index}.py`, mutateBytes(random, seed)));
  return { files, expect: files.map((entry) => entry.path) };
}

// ---------------------------------------------------------------------------------------------------------------
// Python-level mutations: lines and blocks moved, repeated, nested, cut

function mutatePython(random, text) {
  let lines = text.split("\n");
  const mutations = random.size(1, 24);
  for (let count = 0; count < mutations && lines.length > 0; count++) {
    const at = random.int(0, lines.length - 1);
    const line = lines[at] ?? "";
    switch (random.int(0, 7)) {
      case 0:
        lines.splice(at, 0, ...random.times(random.size(1, 200), () => line));
        break;
      case 1:
        lines.splice(at, 1);
        break;
      case 2:
        lines[at] = `${" ".repeat(random.int(0, 12))}${line.trimStart()}`;
        break;
      case 3: {
        const depth = random.size(1, 60);
        const nested = random.times(depth, (level) => `${"    ".repeat(level + 1)}if c${level}:`);
        lines.splice(at, 0, ...nested, `${"    ".repeat(depth + 1)}${line.trim() || "pass"}`);
        break;
      }
      case 4:
        lines[at] = line.replace(/["']/, "");
        break;
      case 5:
        lines[at] = line.replace(/\(/, "((((").replace(/\)/, "");
        break;
      case 6:
        lines.splice(at, 0, `    # ${"comment ".repeat(random.int(1, 20))}`);
        break;
      default:
        lines = [...lines.slice(at), ...lines.slice(0, at)];
    }
  }
  return lines.join("\n");
}

export function python(random, seeds) {
  const picked = random.times(random.int(1, 4), () => random.pick(seeds));
  const files = picked.map((seed, index) => file(`versions/p${index}.py`, mutatePython(random, seed)));
  return { files, expect: files.map((entry) => entry.path) };
}

// ---------------------------------------------------------------------------------------------------------------
// Generated Python: ordinary bodies, and the shapes that once made extraction unbounded

function extremePython(random) {
  const n = (min, max) => random.size(min, max);
  return random.pick([
    // Deep nesting of blocks (trapped tree-sitter at 600) and of brackets (overflowed the stack at 20,000).
    () => {
      const depth = n(50, 800);
      let body = "";
      for (let level = 0; level < depth; level++) body += `${" ".repeat(level)}if x${level}:\n`;
      return `${body}${" ".repeat(depth)}op.drop_table("t")`;
    },
    () => `x = ${"(".repeat(n(100, 20000))}1${")".repeat(0)}\nop.execute(x)`,
    () => {
      const depth = n(100, 20000);
      return `x = ${"(".repeat(depth)}"SELECT 1"${")".repeat(depth)}\nop.execute(x)`;
    },
    () => {
      const depth = n(100, 5000);
      return `x = ${"[".repeat(depth)}1${"]".repeat(depth)}\nop.execute(x)`;
    },
    // Branches that each re-assign one name: alternatives multiply.
    () =>
      `sql = "SELECT 1"\n${random
        .times(n(4, 30), (i) => `if c${i}:\n    sql = sa.text(sql)\nelse:\n    sql = sql.strip()`)
        .join("\n")}\nop.execute(sql)`,
    // String doubling in its several spellings.
    () => `s = "ab"\n${"s = s + s\n".repeat(n(4, 40))}op.execute(s)`,
    () => `s = "ab"\n${"s += s\n".repeat(n(4, 40))}op.execute(s)`,
    () => `s = "a"\n${'s = s.replace("a", "aa")\n'.repeat(n(4, 40))}op.execute(s)`,
    () => `s = "{0}{0}"\n${'s = "{0}{0}".format(s)\n'.repeat(n(4, 40))}op.execute(s)`,
    () => `s = "%s%s"\n${"s = s % (s, s)\n".repeat(n(4, 40))}op.execute(s)`,
    () => `s = "ab"\n${'s = f"{s}{s}"\n'.repeat(n(4, 40))}op.execute(s)`,
    // Local helpers that fan out or recurse into each other.
    () => {
      const width = n(2, 100);
      const terms = random.times(width, (i) => `f(x + "${i}")`).join(" + ");
      return `def f(x):\n    return ${terms}\nop.execute(f("x"))`;
    },
    () => "def f(x):\n    return g(x) + g(x)\ndef g(x):\n    return f(x) + f(x)\nop.execute(f('a'))",
    () => {
      const helpers = random.times(7, (i) => {
        const body = i === 6 ? '    op.drop_table("x")\n' : `    h${i + 1}()\n`.repeat(n(2, 12));
        return `def h${i}():\n${body}`;
      });
      return `${helpers.join("\n")}\nh0()`;
    },
    // Many operations, many conditions, many comments.
    () => random.times(n(100, 30000), () => ordinaryOperation(random)).join("\n"),
    () => random.times(n(100, 5000), (i) => `if x${i}:\n    return\nop.drop_column("t", "c${i}")`).join("\n"),
    () => `x = 1\n${"# a comment line\n".repeat(n(100, 4000))}op.drop_table("t")`,
    () => `${"\n".repeat(n(100, 100000))}op.drop_table("t")`,
    () => `sql = "SELECT " + ${random.times(n(100, 20000), (i) => `"c${i}, "`).join(" + ")} + "1"\nop.execute(sql)`,
    () => `op.execute("${"\\n".repeat(n(100, 400000))}SELECT 1")`,
    () => `op.execute(f"${random.times(n(10, 5000), (i) => `{v${i}}`).join("")}")`,
    () =>
      `items = ${JSON.stringify(random.times(n(2, 25), (i) => `t${i}`))}\nfor a in items:\n    for b in items:\n        op.drop_column(a, b)`,
    () =>
      random
        .times(n(10, 5000), (i) => `op.drop_column("t", "c${i}")  # migragate: ignore[drop-column] -- fuzz ${i}`)
        .join("\n"),
    () =>
      `with op.batch_alter_table("t") as batch_op:\n    batch_op.constructor()\n    batch_op.__proto__()\n    batch_op.toString()`,
    () => `__proto__ = "x"\nconstructor = "y"\nop.execute(__proto__ + constructor)`,
  ])();
}

export function generated(random) {
  const upgrades = random.times(random.int(1, 3), () =>
    random.times(random.int(1, 8), () => ordinaryOperation(random)).join("\n"),
  );
  upgrades.splice(random.int(0, upgrades.length), 0, extremePython(random));
  const files = history(random, upgrades);
  return { files, expect: files.map((entry) => entry.path) };
}

// ---------------------------------------------------------------------------------------------------------------
// SQL inside op.execute

function sqlStatement(random) {
  const table = random.word();
  return random.pick([
    `ALTER TABLE ${table} ADD COLUMN c${random.int(0, 99)} text`,
    `CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_${random.int(0, 99)} ON ${table} (id)`,
    `UPDATE ${table} SET a = :value WHERE id IN :ids`,
    `INSERT INTO ${table} (a) VALUES (%(a)s)`,
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN ALTER TABLE ${table} ADD COLUMN x int; END IF; END $$`,
    `CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RETURN NEW; END; $body$ LANGUAGE plpgsql`,
    `SELECT 'it''s; not the end', "odd;name" FROM ${table} -- trailing ; comment`,
    "BEGIN",
    "COMMIT",
    `DROP TABLE ${table} CASCADE`,
    `SET lock_timeout = '5s'`,
    "/* unterminated comment",
    "SELECT 'unterminated",
    `VACUUM FULL ${table}`,
  ]);
}

function extremeSql(random) {
  const n = (min, max) => random.size(min, max);
  return random.pick([
    () => `INSERT INTO t VALUES (${random.times(n(100, 60000), (i) => `:p${i}`).join(", ")})`,
    () => `SELECT * FROM t WHERE id IN ${"(".repeat(n(10, 3000))}1${")".repeat(n(10, 3000))}`,
    () =>
      `DO $$ BEGIN\n${random.times(n(10, 20000), (i) => `UPDATE t SET c = ${i} WHERE id = ${i};`).join("\n")}\nEND $$`,
    () => `DO $$ BEGIN ${"IF x THEN ".repeat(n(10, 400))}NULL;${" END IF;".repeat(n(10, 400))} END $$`,
    () => random.times(n(10, 20000), () => sqlStatement(random)).join(";\n"),
    () => `SELECT ${"'a' || ".repeat(n(10, 20000))}'b'`,
    () => `SELECT ${"%(".repeat(n(10, 20000))}`,
    () => `${"$a$".repeat(n(10, 5000))}`,
  ])();
}

export function sqlInPython(random) {
  const statements = random.times(random.int(1, 6), () => sqlStatement(random)).join(";\n");
  const guard = random.pick([
    "",
    'if op.get_bind().dialect.name != "postgresql":\n',
    'if op.get_bind().dialect.name == "mysql":\n',
  ]);
  const sql = random.chance(0.5) ? extremeSql(random) : statements;
  const call = `op.execute(sa.text(${JSON.stringify(sql)}))`;
  const upgrade = guard ? `${guard}${indent(call)}` : call;
  const files = history(random, [upgrade, ordinaryOperation(random)]);
  const ini = random.chance(0.3)
    ? [
        file(
          "alembic.ini",
          `[alembic]\nscript_location = .\nsqlalchemy.url = ${random.pick(["mysql", "sqlite", "postgresql"])}://x/y\n`,
        ),
      ]
    : [];
  return { files: [...files, ...ini], expect: files.map((entry) => entry.path) };
}

// ---------------------------------------------------------------------------------------------------------------
// Plain .sql migration files

export function sqlFiles(random) {
  const count = random.int(1, 4);
  const files = random.times(count, (index) => {
    const body = random.chance(0.4)
      ? extremeSql(random)
      : random.times(random.size(1, 200), () => sqlStatement(random)).join(";\n");
    return file(`V${index + 1}__fuzz.sql`, random.chance(0.2) ? mutateBytes(random, body) : body);
  });
  return { files, expect: files.map((entry) => entry.path) };
}

// ---------------------------------------------------------------------------------------------------------------
// env.py

function envBody(random) {
  const n = (min, max) => random.size(min, max);
  return random.pick([
    () => `url = os.environ["DB"]\n${'config.set_main_option("sqlalchemy.url", url)\n'.repeat(n(1, 3000))}`,
    () =>
      `u0 = os.environ["DB"].replace("%", "%%")\n${random.times(n(1, 3000), (i) => `u${i + 1} = u${i}`).join("\n")}\nconfig.set_main_option("sqlalchemy.url", u${0})`,
    () => `def get_url():\n    return get_url()\nconfig.set_main_option("sqlalchemy.url", get_url())`,
    () => `def run():\n${"    # comment\n".repeat(n(10, 4000))}    pass\n`,
    () =>
      `with engine.connect() as connection:\n    context.configure(connection=connection, transaction_per_migration=${random.pick(["True", "False", "FLAG"])})\n`.repeat(
        n(1, 500),
      ),
    () => `x = ${"(".repeat(n(10, 10000))}1\n`,
    () =>
      `SQL = "SET lock_timeout = '5s'"\n${"if x:\n    ".repeat(0)}config.set_main_option("sqlalchemy.url", "postgresql://a%b@h/d")`,
  ])();
}

export function env(random) {
  const envText = `import os\nfrom alembic import context\nconfig = context.config\n${envBody(random)}\n`;
  const files = [
    file("env.py", random.chance(0.2) ? mutateBytes(random, envText) : envText),
    ...history(random, [ordinaryOperation(random)]),
  ];
  return { files, expect: files.map((entry) => entry.path) };
}

// ---------------------------------------------------------------------------------------------------------------
// Config files

function configText(random) {
  const n = (min, max) => random.size(min, max);
  return random.pick([
    () => `exclude = [${random.times(n(1, 2000), (i) => `"p${i}/*.py"`).join(", ")}]\n`,
    () => `exclude = ["${"*a".repeat(n(1, 40))}*b"]\n`,
    () => `exclude = ["${"**/".repeat(n(1, 300))}x.py", "${"?".repeat(n(1, 300))}"]\n`,
    () => `select = ["${random.pick(["drop-column", "__proto__", "constructor", "toString", "nope"])}"]\n`,
    () => `[severity]\n${random.pick(["drop-column", "__proto__", "constructor", "hasOwnProperty"])} = "error"\n`,
    () =>
      `${random.pick(["__proto__", "constructor", "dialect", "fail-on-opaque", "max-file-size", "max-file-seconds"])} = ${random.pick(['"x"', "1", "true", "[]", '"5MB"', "0.5", "-1", "1e308"])}\n`,
    () => `a = ${"[".repeat(n(1, 5000))}${"]".repeat(n(1, 5000))}\n`,
    () => `x = "${"y".repeat(n(10, 2_000_000))}"\n`,
    () => `[tool.migragate\n${"=".repeat(n(1, 1000))}`,
    () =>
      `fail-on-opaque = true\nmax-file-size = "${random.pick(["1kB", "2kB", "5MB", "100MB"])}"\nmax-file-seconds = ${random.pick(["1", "0.5", "5"])}\n`,
  ])();
}

export function config(random) {
  const name = random.pick(["migragate.toml", "pyproject.toml"]);
  const text = configText(random);
  const content =
    name === "pyproject.toml"
      ? `[tool.migragate]\n${text.replace(/^\[severity\]/m, "[tool.migragate.severity]")}`
      : text;
  const files = history(random, [ordinaryOperation(random), ordinaryOperation(random)]);
  return { files: [...files, file(name, content)], expect: files.map((entry) => entry.path) };
}

// ---------------------------------------------------------------------------------------------------------------
// File-system oddities

export function filesystem(random) {
  const files = history(random, [ordinaryOperation(random), ordinaryOperation(random)]);
  const odd = random.times(random.int(1, 3), (index) =>
    random.pick([
      () => ({ kind: "fifo", path: `versions/fifo${index}.py` }),
      () => ({ kind: "symlink", path: `versions/zero${index}.py`, target: "/dev/zero" }),
      () => ({ kind: "symlink", path: `versions/loop${index}.py`, target: `loop${index}.py` }),
      () => ({ kind: "symlink", path: `versions/dangling${index}.py`, target: "nowhere.py" }),
      () => ({ kind: "symlink", path: `versions/etc${index}.py`, target: "/etc/hostname" }),
      () => ({ kind: "symlink", path: `versions/dir${index}.py`, target: "/tmp" }),
      () => ({ kind: "symlink", path: `versions/inside${index}.py`, target: `../${files[0]?.path}` }),
      () => ({ kind: "folder", path: "env.py" }),
      () => ({ kind: "folder", path: "pyproject.toml" }),
      () => ({ kind: "folder", path: "migragate.toml" }),
      () => ({ kind: "fifo", path: "env.py" }),
      () => ({ kind: "fifo", path: "migragate.toml" }),
      () => ({
        kind: "unreadable",
        path: `versions/locked${index}.py`,
        content: revision(`l${index}`, undefined, "pass"),
      }),
      () =>
        file(
          `versions/${random.pick(["__proto__", "constructor", "toString", "prototype"])}/x${index}.py`,
          revision(`x${index}`, undefined, "pass"),
        ),
      () => file(`versions/${"é名 ".repeat(random.int(1, 20))}${index}.py`, revision(`u${index}`, undefined, "pass")),
      () => file(`versions/big${index}.py`, `# ${"x".repeat(random.pick([10, 5_100_000]))}\n`),
      () => file(`versions/empty${index}.py`, ""),
    ])(),
  );
  // One entry per path: a second env.py would collide with the first.
  const entries = [...files, ...odd].filter(
    (entry, index, all) => all.findIndex((other) => other.path === entry.path) === index,
  );
  const named = (entry) =>
    (entry.path.startsWith("versions/") && entry.path.endsWith(".py")) ||
    (entry.path === "env.py" && entry.kind !== "file");
  return { files: entries, expect: entries.filter(named).map((entry) => entry.path) };
}

// ---------------------------------------------------------------------------------------------------------------
// Project helper modules a revision imports: extreme content, cycles, and modules that are not regular files

export function modules(random) {
  const helper = random.pick([
    () =>
      file(
        "myapp/migration.py",
        `from alembic import op\nimport sqlalchemy as sa\n\ndef apply(x):\n${indent(extremePython(random))}\n`,
      ),
    () => file("myapp/migration.py", "from myapp.other import apply\nfrom myapp.migration import apply as again\n"),
    () =>
      file(
        "myapp/migration.py",
        `def apply(x):\n    return apply(x) + apply(x)\n${"X = 1\n".repeat(random.size(1, 20000))}`,
      ),
    () =>
      file(
        "myapp/migration.py",
        mutateBytes(random, "from alembic import op\n\ndef apply(x):\n    op.drop_table(x)\n"),
      ),
    () => ({ kind: "fifo", path: "myapp/migration.py" }),
    () => ({ kind: "symlink", path: "myapp/migration.py", target: "/dev/zero" }),
    () => ({ kind: "folder", path: "myapp/migration.py" }),
    () => file("myapp/migration.py", `# ${"x".repeat(random.pick([10, 1_100_000]))}\n`),
  ])();
  const other = file("myapp/other.py", "from myapp.migration import apply\n");
  const upgrade = random.pick(["migration.apply('t')", "apply('t')", "op.execute(migration.apply('t'))"]);
  const header = upgrade.startsWith("apply") ? "from myapp.migration import apply" : "from myapp import migration";
  const files = history(random, [ordinaryOperation(random)]);
  const id = `h${random.int(1000, 9999)}`;
  const importing = file(`versions/${id}.py`, revision(id, undefined, upgrade, header));
  const entries = [file("setup.py", ""), file("myapp/__init__.py", ""), helper, other, ...files, importing];
  return { files: entries, expect: [...files, importing].map((entry) => entry.path) };
}

/** Every family, by name. */
export const FAMILIES = {
  bytes,
  python,
  generated,
  "sql-in-python": sqlInPython,
  "sql-files": sqlFiles,
  env,
  config,
  filesystem,
  modules,
};
