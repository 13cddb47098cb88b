// Compares migragate's PostgreSQL rules with squawk (squawk-cli, the reference SQL migration linter), statement by
// statement. Dev-only: `npm test` never runs it.
//
//   npm run bundle && npm run compare:squawk                 text report on standard output
//   npm run compare:squawk -- --markdown comparison.md      the same report as markdown, written to a file
//   npm run compare:squawk -- --keep                        keep the corpus folder (prints where)
//   npm run compare:squawk -- --judge-cli <bin/migragate.js> let another build of migragate judge the corpus (the
//                                                           corpus is still read by this checkout's build): how the
//                                                           "before" numbers of docs/comparison.md are measured
//
// The corpus: every raw SQL statement migragate reads
//   1. from samples/*: the built CLI runs `check <sample> --format json --no-config --fail-on never`, and every
//      operation of origin "sql" gives its statement (`revisions[].operations[].sql`);
//   2. from the test files, test/**/*.test.ts plus test/postgres/cases.ts (the statement table the real-server lock
//      suite runs). Each file is parsed with the TypeScript compiler; a string is read only when it is written out
//      in full: a string literal, a template without `${}`, `+` of those, or `[...].join(sep)` of those. Strings
//      inside `expect(...)` and its matchers (expected messages and hints) and test names are left out. A string
//      that is Python (an object key ending in `.py`, or text with `op.`, `sa.`, `execute(` or `def upgrade`) is
//      written as an Alembic revision (an upgrade() body is wrapped the way test/support/project.ts wraps it) and a
//      string that is SQL (an object key ending in `.sql`, or text that starts with a SQL command word) is written
//      as a plain .sql migration; the built CLI then reads those files exactly as it reads a user's, and the
//      statements come out of its JSON report as in 1. Nothing is decoded by hand: a template with `${}`, a Python
//      f-string or a value built at run time is skipped, as migragate itself shows it as «source text».
// Each statement must parse with libpg-query (PostgreSQL's own parser) as exactly one statement; the rest (MySQL and
// SQLite syntax, placeholders such as `...`) is counted as skipped. Duplicates (same text up to whitespace and a
// trailing `;`) are kept once.
//
// Each statement is written to its own file (0001.sql, 0002.sql, ...) in a temporary folder, so both tools judge it
// alone. squawk runs as its native binary (@squawk-cli/linux-x64/bin/squawk --reporter json
// --pg-version 16, migragate's default version), and migragate as `check <folder> --format json --no-config
// --fail-on never --no-cache`. migragate reads the folder as one history of plain SQL files (one revision per file,
// chained by file name, each statement outside a transaction), squawk reads each file on its own: the report lists
// where that matters.
//
// RULE_PAIRS below maps squawk's rules to migragate's. For each pair and each statement: agree (both flag it), squawk
// only, migragate only; the statements of every disagreement are printed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "bin", "migragate.js");
// squawk-cli is installed on first use into a folder of its own, not as a devDependency: its other platforms'
// binaries are optional dependencies the lock file would have to name, and a registry that lacks them breaks `npm ci`.
const SQUAWK_VERSION = "2.66.0";
const SQUAWK_HOME = join(ROOT, "node_modules", ".cache", "migragate-squawk", SQUAWK_VERSION);
const SQUAWK = join(SQUAWK_HOME, "node_modules", "@squawk-cli", "linux-x64", "bin", "squawk");

/** Installs the pinned squawk-cli into SQUAWK_HOME when it is not there yet. */
function ensureSquawk() {
  if (existsSync(SQUAWK)) return;
  mkdirSync(SQUAWK_HOME, { recursive: true });
  process.stderr.write(`compare-squawk: installing squawk-cli@${SQUAWK_VERSION} into ${relative(ROOT, SQUAWK_HOME)}\n`);
  const install = spawnSync(
    "npm",
    ["install", "--prefix", SQUAWK_HOME, "--no-save", "--no-audit", "--no-fund", `squawk-cli@${SQUAWK_VERSION}`],
    { stdio: "inherit" },
  );
  if (install.status !== 0 || !existsSync(SQUAWK))
    usage(`could not install squawk-cli@${SQUAWK_VERSION} (linux x64 only)`);
}
const PG_VERSION = "16";
const EXTRA_TEST_FILES = ["test/postgres/cases.ts"];
const POSTGRES = ["--dialect", "postgresql"];

/**
 * squawk rule(s) <-> migragate rule(s). A statement counts for a pair when any rule of a side flags it. squawk's
 * names are the ones its binary prints (2.66.0); see docs/comparison.md for what each pair means.
 */
const RULE_PAIRS = [
  { squawk: ["require-concurrent-index-creation"], migragate: ["create-index-not-concurrently"] },
  { squawk: ["require-concurrent-index-deletion"], migragate: ["drop-index-not-concurrently"] },
  {
    squawk: ["ban-concurrent-index-creation-in-transaction"],
    migragate: ["concurrently-in-transaction"],
  },
  {
    squawk: ["constraint-missing-not-valid"],
    migragate: ["add-foreign-key-validated", "add-check-constraint-validated"],
  },
  { squawk: ["adding-foreign-key-constraint"], migragate: ["add-foreign-key-validated"] },
  { squawk: ["disallowed-unique-constraint"], migragate: ["add-unique-constraint"] },
  { squawk: ["adding-serial-primary-key-field"], migragate: ["add-primary-key"] },
  { squawk: ["adding-field-with-default"], migragate: ["add-column-volatile-default", "add-column-serial"] },
  { squawk: ["adding-required-field"], migragate: ["add-column-not-null"] },
  { squawk: ["adding-not-nullable-field"], migragate: ["set-not-null"] },
  { squawk: ["changing-column-type"], migragate: ["change-column-type"] },
  { squawk: ["renaming-column"], migragate: ["rename-column"] },
  { squawk: ["renaming-table"], migragate: ["rename-table"] },
  { squawk: ["ban-drop-column"], migragate: ["drop-column"] },
  { squawk: ["ban-drop-table"], migragate: ["drop-table"] },
  { squawk: ["prefer-robust-stmts"], migragate: ["sql-without-if-exists"] },
  { squawk: ["prefer-bigint-over-int", "prefer-bigint-over-smallint"], migragate: ["prefer-bigint"] },
  { squawk: ["prefer-identity"], migragate: ["prefer-identity"] },
  { squawk: ["prefer-text-field"], migragate: ["prefer-text"] },
  { squawk: ["prefer-timestamp-tz", "prefer-timestamptz"], migragate: ["prefer-timestamptz"] },
  { squawk: ["require-lock-timeout"], migragate: ["missing-lock-timeout"] },
  { squawk: ["ban-truncate-cascade"], migragate: ["truncate-table"] },
  { squawk: ["require-concurrent-reindex", "prefer-repack"], migragate: ["vacuum-full-or-cluster"] },
  {
    squawk: ["transaction-nesting", "ban-uncommitted-transaction"],
    migragate: ["transaction-control-in-migration"],
  },
];

/** squawk rules that have no migragate counterpart, with what they catch (listed, never compared). */
const SQUAWK_ONLY_RULES = {
  "require-statement-timeout": "no statement_timeout set before a slow statement",
  "require-concurrent-partition-detach": "DETACH PARTITION without CONCURRENTLY",
  "ban-drop-database": "DROP DATABASE",
  "ban-char-field": "char(n) columns",
  "ban-drop-not-null": "DROP NOT NULL",
  "ban-create-domain-with-constraint": "CREATE DOMAIN ... CHECK",
  "ban-alter-domain-with-add-constraint": "ALTER DOMAIN ... ADD CONSTRAINT",
  "require-enum-value-ordering": "ALTER TYPE ... ADD VALUE without BEFORE/AFTER",
  "identifier-too-long": "identifiers longer than 63 bytes",
  "ban-duplicate-column-assignments": "the same column assigned twice in one UPDATE/INSERT",
  "require-table-schema": "(opt-in, not enabled here) table names without a schema",
  "syntax-error": "squawk's own parser rejects the statement",
};

/** migragate rules with no squawk counterpart, with why (listed when they fire on the corpus). */
const MIGRAGATE_ONLY_RULES = {
  "alter-enum-add-value-in-transaction": "an enum value used in the transaction that adds it",
  "ddl-with-backfill": "schema change and backfill in one revision",
  "mixed-phases": "expand and contract operations in one revision",
  "contract-same-release": "a table contracted in the release that expands it",
  "phase-mismatch": "a revision's declared phase",
  "unbatched-backfill": "UPDATE/DELETE of a whole table in one statement",
  "op-without-if-exists": "Alembic op.* calls (never raw SQL)",
  "unparsed-sql": "SQL migragate could not parse",
};

// ---------------------------------------------------------------------------------------------------------------
// Command line

function usage(message) {
  process.stderr.write(`compare-squawk: ${message}\n`);
  process.stderr.write("usage: node scripts/compare-squawk.mjs [--markdown <file>] [--keep] [--judge-cli <path>]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const options = { markdown: undefined, keep: false, judgeCli: CLI };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--keep") options.keep = true;
    else if (arg === "--markdown") {
      options.markdown = argv[++i];
      if (!options.markdown) usage("--markdown needs a file");
    } else if (arg.startsWith("--markdown=")) options.markdown = arg.slice("--markdown=".length);
    else if (arg === "--judge-cli") {
      options.judgeCli = argv[++i] ? resolve(argv[i]) : usage("--judge-cli needs the path of a bin/migragate.js");
    } else usage(`unknown argument ${arg}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Running the tools

/** `check` with the JSON report; `extra` adds options (the corpus and the harvest runs name the dialect). */
function runMigragate(paths, extra = [], cli = CLI) {
  const args = [
    cli,
    "check",
    ...paths,
    "--format",
    "json",
    "--no-config",
    "--fail-on",
    "never",
    "--no-cache",
    ...extra,
  ];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`migragate check ${paths.join(" ")} exited ${result.status}: ${result.stderr.trim()}`);
  }
  return JSON.parse(result.stdout);
}

function runSquawk(files, cwd) {
  const result = spawnSync(SQUAWK, ["--reporter", "json", "--pg-version", PG_VERSION, ...files], {
    cwd,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  // squawk exits 1 when it reports any violation.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`squawk exited ${result.status}: ${result.stderr.trim()}`);
  }
  return JSON.parse(result.stdout || "[]");
}

function squawkVersion() {
  return spawnSync(SQUAWK, ["--version"], { encoding: "utf8" }).stdout.trim();
}

/** The statements of origin "sql" in a migragate JSON report. */
function sqlStatements(report) {
  const statements = [];
  for (const revision of report.revisions) {
    for (const operation of revision.operations) {
      if (operation.origin === "sql" && typeof operation.sql === "string") statements.push(operation.sql);
    }
  }
  return statements;
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus: samples

function sampleStatements() {
  const samples = readdirSync(join(ROOT, "samples"), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return samples.flatMap((sample) => sqlStatements(runMigragate([join("samples", sample.name)])));
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus: strings written out in the test files

const SQL_START =
  /^(?:\s*--[^\n]*\n)*\s*(?:ALTER|CREATE|DROP|UPDATE|DELETE|INSERT|TRUNCATE|VACUUM|CLUSTER|REINDEX|SET|RESET|BEGIN|START|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|LOCK|GRANT|REVOKE|COMMENT|ANALYZE|REFRESH|SELECT|WITH|DO|COPY|MERGE)\b/i;
const PYTHON_HINT = /\bop\.|\bsa\.|execute\(|def upgrade/;

/** The string an expression spells out in full, or undefined when any part of it is computed. */
function foldString(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return foldString(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = foldString(node.left);
    const right = foldString(node.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === "join" &&
    ts.isArrayLiteralExpression(node.expression.expression)
  ) {
    const parts = node.expression.expression.elements.map(foldString);
    const separator = node.arguments.length === 0 ? "," : foldString(node.arguments[0]);
    if (separator === undefined || parts.some((part) => part === undefined)) return undefined;
    return parts.join(separator);
  }
  return undefined;
}

/** Inside `expect(...)`, a matcher's arguments, or a test's name: expected output, not input. */
function isAssertionOrTitle(node) {
  for (let current = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (!ts.isCallExpression(parent)) continue;
    const callee = parent.expression;
    if (ts.isIdentifier(callee) && callee.text === "expect") return true;
    if (ts.isPropertyAccessExpression(callee) && /^(?:to[A-Z]\w*|rejects|resolves)$/.test(callee.name.text)) {
      return true;
    }
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)
        ? callee.expression.text
        : undefined;
    if (["it", "describe", "test"].includes(name ?? "") && parent.arguments[0] === current) return true;
  }
  return false;
}

/** The object key a string is the value of (`"sql/001.sql": "..."`), if any. */
function propertyKey(node) {
  const parent = node.parent;
  if (!parent || !ts.isPropertyAssignment(parent) || parent.initializer !== node) return undefined;
  return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) ? parent.name.text : undefined;
}

/** Every fully written string of a test file that is Python or SQL, with what it is. */
function testStrings(file) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    const text = foldString(node);
    if (text !== undefined) {
      if (isAssertionOrTitle(node)) return;
      const key = propertyKey(node) ?? "";
      if (key.endsWith(".sql")) found.push({ kind: "sql", text });
      else if (key.endsWith(".py") || (!key.endsWith(".ini") && !key.endsWith(".toml") && PYTHON_HINT.test(text))) {
        found.push({ kind: "python", text });
      } else if (SQL_START.test(text)) found.push({ kind: "sql", text });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An upgrade() body as a revision file, wrapped the way test/support/project.ts's revisionFile() does it. */
function wrapBody(id, body) {
  const indented = body
    .trim()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
  return (
    `"""${id}\n\nRevision ID: ${id}\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\n` +
    `revision = "${id}"\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n\n` +
    `def upgrade():\n${indented}\n\n\ndef downgrade():\n    pass\n`
  );
}

function testFiles() {
  const tests = readdirSync(join(ROOT, "test"), { recursive: true })
    .map((path) => join("test", String(path)))
    .filter((path) => path.endsWith(".test.ts"));
  return [...tests.sort(), ...EXTRA_TEST_FILES];
}

/** Statements migragate reads from the Python and SQL strings of the test files. */
function testStatements(work) {
  const strings = testFiles().flatMap((file) => testStrings(join(ROOT, file)));
  const statements = [];
  // Wrapped upgrade() bodies get unique ids, so one run reads them all; whole revision files keep the ids they
  // declare, which may repeat between tests, so each is read in a run of its own.
  const bodies = join(work, "harvest-bodies", "versions");
  mkdirSync(bodies, { recursive: true });
  let bodyCount = 0;
  let fileCount = 0;
  const sqlFolder = join(work, "harvest-sql");
  mkdirSync(sqlFolder, { recursive: true });
  let sqlCount = 0;
  for (const { kind, text } of strings) {
    if (kind === "sql") {
      writeFileSync(join(sqlFolder, `${String(++sqlCount).padStart(5, "0")}.sql`), text);
    } else if (/\bdef upgrade\b/.test(text)) {
      const folder = join(work, `harvest-file-${++fileCount}`, "versions");
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "revision.py"), text);
      statements.push(...sqlStatements(runMigragate([folder], POSTGRES)));
    } else {
      const id = `t${String(++bodyCount).padStart(5, "0")}`;
      writeFileSync(join(bodies, `${id}.py`), wrapBody(id, text));
    }
  }
  if (bodyCount > 0) statements.push(...sqlStatements(runMigragate([bodies], POSTGRES)));
  if (sqlCount > 0) statements.push(...sqlStatements(runMigragate([sqlFolder], POSTGRES)));
  return { statements, strings: strings.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus: validation and de-duplication

function normalise(statement) {
  return statement.trim().replace(/;\s*$/, "").replace(/\s+/g, " ");
}

async function buildCorpus(work) {
  const pg = await import("libpg-query");
  await pg.loadModule();
  const fromSamples = sampleStatements();
  const fromTests = testStatements(work);
  const seen = new Set();
  const corpus = [];
  const skipped = [];
  for (const raw of [...fromSamples, ...fromTests.statements]) {
    const statement = raw.trim().replace(/;\s*$/, "");
    const key = normalise(statement);
    if (seen.has(key)) continue;
    seen.add(key);
    // Unresolved Python shows as «source text»: not a statement anyone wrote.
    if (/[«»]/.test(statement)) {
      skipped.push({ statement, reason: "built at run time" });
      continue;
    }
    try {
      const tree = pg.parseSync(statement);
      if (tree.stmts.length !== 1) {
        skipped.push({ statement, reason: `${tree.stmts.length} statements` });
        continue;
      }
    } catch (error) {
      skipped.push({ statement, reason: `PostgreSQL's parser rejects it: ${error.message}` });
      continue;
    }
    corpus.push(statement);
  }
  return {
    corpus,
    skipped,
    counts: {
      samples: fromSamples.length,
      tests: fromTests.statements.length,
      testStrings: fromTests.strings,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison

function fileName(index) {
  return `${String(index + 1).padStart(4, "0")}.sql`;
}

function base(path) {
  return path.split(/[\\/]/).pop();
}

/** Rule names per corpus file, for each tool. */
function collectFlags(corpusDir, files, judgeCli) {
  const squawk = new Map(files.map((file) => [file, new Set()]));
  const migragate = new Map(files.map((file) => [file, new Set()]));
  for (const violation of runSquawk(files, corpusDir)) squawk.get(base(violation.file))?.add(violation.rule_name);
  const report = runMigragate([corpusDir], POSTGRES, judgeCli);
  for (const finding of report.findings) migragate.get(base(finding.file))?.add(finding.rule);
  for (const finding of report.suppressed ?? []) migragate.get(base(finding.file))?.add(finding.rule);
  return { squawk, migragate };
}

function compare(corpus, flags) {
  const files = corpus.map((_, index) => fileName(index));
  // Statements squawk's own parser rejects are judged by migragate only: listed apart, left out of the pairs.
  const squawkRejects = files.filter((file) => flags.squawk.get(file)?.has("syntax-error"));
  const compared = files.filter((file) => !squawkRejects.includes(file));
  const pairs = RULE_PAIRS.map((pair) => {
    const result = { ...pair, agree: [], squawkOnly: [], migragateOnly: [] };
    for (const file of compared) {
      const bySquawk = pair.squawk.some((rule) => flags.squawk.get(file)?.has(rule));
      const byMigragate = pair.migragate.some((rule) => flags.migragate.get(file)?.has(rule));
      if (bySquawk && byMigragate) result.agree.push(file);
      else if (bySquawk) result.squawkOnly.push(file);
      else if (byMigragate) result.migragateOnly.push(file);
    }
    return result;
  });
  const pairedSquawk = new Set(RULE_PAIRS.flatMap((pair) => pair.squawk));
  const pairedMigragate = new Set(RULE_PAIRS.flatMap((pair) => pair.migragate));
  const unpaired = (map, paired) => {
    const counts = new Map();
    for (const file of compared) {
      for (const rule of map.get(file) ?? []) {
        if (!paired.has(rule)) counts.set(rule, (counts.get(rule) ?? 0) + 1);
      }
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  return {
    files,
    compared,
    squawkRejects,
    pairs,
    unpairedSquawk: unpaired(flags.squawk, pairedSquawk),
    unpairedMigragate: unpaired(flags.migragate, pairedMigragate),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reports

function flat(statement, max = 240) {
  const text = statement.replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function pairName(pair) {
  return `${pair.squawk.join(" + ")} <-> ${pair.migragate.join(" + ")}`;
}

function textReport(data) {
  const { version, judge, corpusInfo, result, statementOf } = data;
  const lines = [];
  lines.push(`squawk ${version} (--pg-version ${PG_VERSION}) vs migragate (${judge}), one statement per file`);
  lines.push(
    `corpus: ${corpusInfo.corpus.length} statements (from ${corpusInfo.counts.samples} sample and ` +
      `${corpusInfo.counts.tests} test statements, ${corpusInfo.counts.testStrings} test strings; ` +
      `${corpusInfo.skipped.length} skipped); ${result.squawkRejects.length} rejected by squawk's parser; ` +
      `${result.compared.length} compared`,
  );
  for (const pair of result.pairs) {
    lines.push("");
    lines.push(`== ${pairName(pair)}`);
    lines.push(
      `   agree ${pair.agree.length}, squawk only ${pair.squawkOnly.length}, migragate only ${pair.migragateOnly.length}`,
    );
    for (const [label, files] of [
      ["squawk only", pair.squawkOnly],
      ["migragate only", pair.migragateOnly],
    ]) {
      for (const file of files) lines.push(`   ${label}: ${file}  ${flat(statementOf(file))}`);
    }
  }
  lines.push("");
  lines.push("== squawk rules without a migragate counterpart (statements flagged)");
  for (const [rule, count] of result.unpairedSquawk) {
    lines.push(`   ${rule}: ${count}${SQUAWK_ONLY_RULES[rule] ? ` (${SQUAWK_ONLY_RULES[rule]})` : ""}`);
  }
  lines.push("== migragate rules without a squawk counterpart (statements flagged)");
  for (const [rule, count] of result.unpairedMigragate) {
    lines.push(`   ${rule}: ${count}${MIGRAGATE_ONLY_RULES[rule] ? ` (${MIGRAGATE_ONLY_RULES[rule]})` : ""}`);
  }
  if (result.squawkRejects.length > 0) {
    lines.push("== rejected by squawk's parser (not compared)");
    for (const file of result.squawkRejects) lines.push(`   ${file}  ${flat(statementOf(file))}`);
  }
  lines.push("");
  lines.push("== summary");
  const width = Math.max(...result.pairs.map((pair) => pairName(pair).length));
  lines.push(`   ${"pair".padEnd(width)}  agree  squawk-only  migragate-only`);
  for (const pair of result.pairs) {
    lines.push(
      `   ${pairName(pair).padEnd(width)}  ${String(pair.agree.length).padStart(5)}  ` +
        `${String(pair.squawkOnly.length).padStart(11)}  ${String(pair.migragateOnly.length).padStart(14)}`,
    );
  }
  const total = (key) => result.pairs.reduce((sum, pair) => sum + pair[key].length, 0);
  lines.push(
    `   ${"total".padEnd(width)}  ${String(total("agree")).padStart(5)}  ` +
      `${String(total("squawkOnly")).padStart(11)}  ${String(total("migragateOnly")).padStart(14)}`,
  );
  return `${lines.join("\n")}\n`;
}

function code(text) {
  return `\`${text.replace(/`/g, "'")}\``;
}

function markdownReport(data) {
  const { version, judge, corpusInfo, result, statementOf } = data;
  const lines = [];
  const total = (key) => result.pairs.reduce((sum, pair) => sum + pair[key].length, 0);
  lines.push(`# squawk ${version} vs migragate (${judge})`, "");
  lines.push(
    `Corpus: ${corpusInfo.corpus.length} statements (from ${corpusInfo.counts.samples} sample and ` +
      `${corpusInfo.counts.tests} test statements; ${corpusInfo.skipped.length} skipped), one per file; ` +
      `${result.squawkRejects.length} rejected by squawk's parser; ${result.compared.length} compared ` +
      `(\`--pg-version ${PG_VERSION}\`).`,
    "",
  );
  lines.push("| squawk | migragate | agree | squawk only | migragate only |", "|---|---|---:|---:|---:|");
  for (const pair of result.pairs) {
    lines.push(
      `| ${pair.squawk.join(", ")} | ${pair.migragate.join(", ")} | ${pair.agree.length} | ` +
        `${pair.squawkOnly.length} | ${pair.migragateOnly.length} |`,
    );
  }
  lines.push(`| **total** | | ${total("agree")} | ${total("squawkOnly")} | ${total("migragateOnly")} |`, "");
  lines.push("## Disagreements", "");
  for (const pair of result.pairs) {
    if (pair.squawkOnly.length + pair.migragateOnly.length === 0) continue;
    lines.push(`### ${pair.squawk.join(", ")} / ${pair.migragate.join(", ")}`, "");
    for (const [label, files] of [
      ["squawk only", pair.squawkOnly],
      ["migragate only", pair.migragateOnly],
    ]) {
      for (const file of files) lines.push(`- ${label}, ${file}: ${code(flat(statementOf(file)))}`);
    }
    lines.push("");
  }
  lines.push("## Rules without a counterpart", "", "| tool | rule | statements flagged |", "|---|---|---:|");
  for (const [rule, count] of result.unpairedSquawk) lines.push(`| squawk | ${rule} | ${count} |`);
  for (const [rule, count] of result.unpairedMigragate) lines.push(`| migragate | ${rule} | ${count} |`);
  if (result.squawkRejects.length > 0) {
    lines.push("", "## Rejected by squawk's parser (not compared)", "");
    for (const file of result.squawkRejects) lines.push(`- ${file}: ${code(flat(statementOf(file)))}`);
  }
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, "dist", "cli.js"))) usage("dist/cli.js is missing: run `npm run bundle` first");
  ensureSquawk();
  const work = mkdtempSync(join(tmpdir(), "migragate-squawk-"));
  try {
    const corpusInfo = await buildCorpus(work);
    const corpusDir = join(work, "corpus");
    mkdirSync(corpusDir);
    const files = corpusInfo.corpus.map((statement, index) => {
      const file = fileName(index);
      writeFileSync(join(corpusDir, file), `${statement};\n`);
      return file;
    });
    const flags = collectFlags(corpusDir, files, options.judgeCli);
    const result = compare(corpusInfo.corpus, flags);
    const statementOf = (file) => corpusInfo.corpus[Number.parseInt(file, 10) - 1] ?? "";
    const judge = options.judgeCli === CLI ? "this checkout's build" : options.judgeCli;
    const data = { version: squawkVersion().replace(/^squawk\s*/, ""), judge, corpusInfo, result, statementOf };
    process.stdout.write(textReport(data));
    if (options.markdown) {
      writeFileSync(resolve(options.markdown), markdownReport(data));
      process.stderr.write(`compare-squawk: markdown written to ${options.markdown}\n`);
    }
    if (options.keep) process.stderr.write(`compare-squawk: corpus kept in ${corpusDir}\n`);
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

await main();
