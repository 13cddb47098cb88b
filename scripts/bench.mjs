// Benchmarks the built CLI on synthetic Alembic histories and on folders named on the command line, against the
// floor: the parsing that any static reader of those files must do.
//
//   npm run bundle && npm run bench                 sizes 100, 1000 and 5000 files
//   npm run bench -- --sizes 100,1000              other sizes (--sizes "" for none: only the --folder runs)
//   npm run bench -- --short-sizes 1000            also histories of short revisions (~20 lines, 1-2 operations)
//   npm run bench -- --folder <path>               also a real history (repeatable; <path>:<path> is one run of both)
//   npm run bench -- --runs 7                      runs per measurement (default 5, 3 from 5,000 files)
//   npm run bench -- --check                       exit 1 when the 1000-file run misses its targets
//   npm run bench -- --cli /path/to/migragate.js   measure another build of the CLI
//   npm run bench -- --compare /path/to/other.js   also time another build, interleaved: cold and warm vs it
//   npm run bench -- --keep                        keep the generated histories (prints where)
//
// For each size it writes one linear history of realistic revision files (plus alembic.ini and env.py) into a
// temporary folder; --short-sizes writes histories of short revisions instead, about 20 lines and one or two
// operations each (the kind of history issue 11's first figures were measured on); a --folder is used as it is.
// Every measurement runs a fresh process several times, interleaved, and reports the median wall time and the
// child's peak RSS (a preload script passed with `node --import` records it: Node cannot read a child's rusage, but
// the child can report its own on exit):
//
// - cold: `migragate check <paths> --format json --output <file> --fail-on never --no-config --select <FIXED_RULES>
//   --no-cache`, every file parsed. The rule set is the fixed list below, not the default set, so that a change of
//   the default set does not move the numbers;
// - warm: the same in a fresh process whose extraction cache from an earlier run is intact;
// - floor: a fresh Node process that loads web-tree-sitter with the Python grammar and libpg-query, parses every text
//   the CLI parses (each distinct text once) and does nothing else (scripts/bench/floor.mjs). The texts are recorded
//   in a preparation step that is not timed: one run of the CLI under scripts/bench/record-parses.mjs, which wraps
//   the two parser packages and logs every Python source and every SQL string they are given;
// - read: a Node process that only reads the .py files, i.e. process start plus I/O;
// - with --compare: the other build's cold and warm runs, in the same rounds, and the ratios new/other.
//
// cold/floor is printed for every row; the target is 1.5. The machine (CPU, cores, memory, load, Node) is
// printed first: numbers from different machines, or from a busy one, do not compare.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeHistory, writeShortHistory } from "./bench/generated-history.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_SIZES = [100, 1000, 5000];
const TARGET = { files: 1000, wallMs: 500, rssMb: 200 };
const FLOOR_TARGET = 1.5;
const RSS_ENV = "MIGRAGATE_BENCH_RSS_FILE";
const RECORD_ENV = "MIGRAGATE_BENCH_RECORD";
/** The rules every run selects: every rule of 2026-12 (defaults and opt-ins), whatever the default set becomes. */
const FIXED_RULES = [
  "add-column-not-null",
  "ddl-with-backfill",
  "mixed-phases",
  "contract-same-release",
  "phase-mismatch",
  "rename-column",
  "rename-table",
  "set-not-null",
  "change-column-type",
  "drop-column",
  "drop-table",
  "unbatched-backfill",
  "create-index-not-concurrently",
  "drop-index-not-concurrently",
  "concurrently-in-transaction",
  "add-foreign-key-validated",
  "add-check-constraint-validated",
  "add-unique-constraint",
  "add-primary-key",
  "add-column-volatile-default",
  "add-column-serial",
  "alter-enum-add-value-in-transaction",
  "transaction-control-in-migration",
  "truncate-table",
  "missing-lock-timeout",
  "vacuum-full-or-cluster",
  "sql-without-if-exists",
  "op-without-if-exists",
  "op-without-if-exists-strict",
  "missing-checkfirst",
  "multiple-heads",
  "unknown-down-revision",
  "duplicate-revision",
  "revision-cycle",
  "revision-edited",
  "env-url-not-escaped",
  "syntax-error",
  "unparsed-sql",
  "suppression-without-reason",
  "unused-suppression",
  "prefer-bigint",
  "prefer-text",
  "prefer-timestamptz",
  "prefer-identity",
];
const USAGE =
  "usage: node scripts/bench.mjs [--sizes 100,1000,5000] [--short-sizes 1000] [--folder <path>[:<path>...]]... " +
  "[--runs N] [--check] [--keep] [--cli <path>] [--compare <path>]\n";

// ---------------------------------------------------------------------------------------------------------------
// Command line

function usage(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.stderr.write(USAGE);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    sizes: DEFAULT_SIZES,
    shortSizes: [],
    folders: [],
    runs: undefined,
    check: false,
    keep: false,
    cli: join(ROOT, "bin", "migragate.js"),
    compare: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) usage(`${flag} needs a value`);
      return next;
    };
    if (flag === "--sizes" || flag === "--short-sizes") {
      const sizes = value()
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "")
        .map(Number);
      if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
        usage(`${flag} takes positive integers separated by commas, e.g. ${flag} 100,1000`);
      }
      if (flag === "--sizes") options.sizes = sizes;
      else options.shortSizes = sizes;
    } else if (flag === "--folder") {
      const paths = value()
        .split(delimiter)
        .filter((part) => part !== "")
        .map((part) => resolve(part));
      const missing = paths.find((path) => !existsSync(path));
      if (paths.length === 0 || missing) usage(`--folder: ${missing ?? "no path"} does not exist`);
      options.folders.push(paths);
    } else if (flag === "--runs") {
      const runs = Number(value());
      if (!Number.isInteger(runs) || runs < 1) usage("--runs takes a positive integer");
      options.runs = runs;
    } else if (flag === "--check") {
      options.check = true;
    } else if (flag === "--keep") {
      options.keep = true;
    } else if (flag === "--cli") {
      options.cli = resolve(value());
    } else if (flag === "--compare") {
      options.compare = resolve(value());
    } else if (flag === "--help" || flag === "-h") {
      process.stdout.write(USAGE);
      process.exit(0);
    } else {
      usage(`unknown argument ${arg}`);
    }
  }
  if (options.sizes.length === 0 && options.shortSizes.length === 0 && options.folders.length === 0)
    usage("nothing to measure: no --sizes, no --short-sizes, no --folder");
  if (options.check && !options.sizes.includes(TARGET.files)) {
    usage(`--check compares the ${TARGET.files}-file run with its targets; include ${TARGET.files} in --sizes`);
  }
  return options;
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

let bytes = 0;
const visit = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) visit(path);
    else if (entry.name.endsWith(".py")) bytes += readFileSync(path, "utf8").length;
  }
};
for (const root of process.argv.slice(2)) visit(root);
if (bytes === 0) process.exitCode = 1;
`;

const RECORDER = pathToFileURL(join(ROOT, "scripts", "bench", "record-parses.mjs")).href;
const FLOOR = join(ROOT, "scripts", "bench", "floor.mjs");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs a fresh Node process; returns its wall time in ms, and its peak RSS in KiB when asked for. Exit status 2 (some
 * file skipped) is accepted where `skippable`: a real history may hold a file migragate cannot read.
 */
function timeProcess(args, { rssFile, env: extra = {}, skippable = false } = {}) {
  const env = { ...process.env, ...extra };
  if (rssFile) {
    env[RSS_ENV] = rssFile;
    rmSync(rssFile, { force: true });
  }
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.error) throw child.error;
  if (child.status !== 0 && !(skippable && child.status === 2)) {
    throw new Error(`\`node ${args.join(" ")}\` exited with ${child.status ?? child.signal}\n${child.stderr}`);
  }
  const rssKiB = rssFile && existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : Number.NaN;
  return { wallMs, rssKiB };
}

function runsFor(options, files) {
  return options.runs ?? (files < 5000 ? 5 : 3);
}

/** Counts the Python files below the paths and their bytes (a history named on the command line). */
function measureFolder(paths) {
  let files = 0;
  let bytes = 0;
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.name.endsWith(".py")) {
        files++;
        bytes += readFileSync(child).length;
      }
    }
  };
  for (const path of paths) visit(path);
  return { files, bytes };
}

/** A generated history of `size` revisions, or the folders given, as one thing to measure. */
function prepareTarget(work, target) {
  if (target.size === undefined) {
    const { files, bytes } = measureFolder(target.paths);
    const [only] = target.paths;
    const label =
      target.paths.length === 1 ? `${basename(dirname(only))}/${basename(only)}` : `${target.paths.length} folders`;
    return { label, paths: target.paths, files, bytes };
  }
  const folder = join(work, `history-${target.short ? "short-" : ""}${target.size}`);
  const generated = (target.short ? writeShortHistory : writeHistory)(folder, target.size);
  const lines = generated.lines;
  return {
    label: target.short ? `short ${target.size}` : String(target.size),
    size: target.size,
    short: target.short === true,
    paths: [folder],
    files: target.size,
    bytes: generated.bytes,
    lines: {
      avg: lines.reduce((sum, count) => sum + count, 0) / lines.length,
      // reduce, not Math.min(...lines): spreading a few hundred thousand arguments overflows the stack.
      min: lines.reduce((low, count) => Math.min(low, count), Number.POSITIVE_INFINITY),
      max: lines.reduce((high, count) => Math.max(high, count), 0),
    },
  };
}

function benchTarget(work, options, preloadUrl, baselineScript, target, index) {
  const prepared = prepareTarget(work, target);
  const report = join(work, `report-${index}.json`);
  const rssFile = join(work, `rss-${index}.txt`);
  const record = join(work, `record-${index}`);
  const runs = runsFor(options, prepared.files);
  const skippable = prepared.size === undefined;
  const checkWith = (cli) => [
    cli,
    "check",
    ...prepared.paths,
    "--format",
    "json",
    "--output",
    report,
    "--fail-on",
    "never",
    "--no-config",
    "--select",
    FIXED_RULES.join(","),
  ];
  const check = checkWith(options.cli);
  const args = ["--import", preloadUrl, ...check];
  const other = options.compare && ["--import", preloadUrl, ...checkWith(options.compare)];
  // Preparation, not timed: one run that records every text the CLI parses, for the floor.
  mkdirSync(record, { recursive: true });
  timeProcess(["--import", RECORDER, ...check, "--no-cache"], { env: { [RECORD_ENV]: record }, skippable });
  const firstReport = JSON.parse(readFileSync(report, "utf8"));
  const samples = { cold: [], coldRss: [], warm: [], warmRss: [], floor: [], floorRss: [], read: [] };
  const otherSamples = { cold: [], coldRss: [], warm: [], warmRss: [] };
  const cacheDir = join(work, `cache-${index}`);
  const otherCacheDir = join(work, `cache-other-${index}`);
  timeProcess([...args, "--cache-dir", cacheDir], { skippable });
  if (other) timeProcess([...other, "--cache-dir", otherCacheDir], { skippable });
  // Interleaved, so that a slower moment of a shared machine weighs on every column alike.
  for (let run = 0; run < runs; run++) {
    const cold = timeProcess([...args, "--no-cache"], { rssFile, skippable });
    samples.cold.push(cold.wallMs);
    samples.coldRss.push(cold.rssKiB);
    const floor = timeProcess(["--import", preloadUrl, FLOOR, record, String(prepared.bytes)], { rssFile });
    samples.floor.push(floor.wallMs);
    samples.floorRss.push(floor.rssKiB);
    const warm = timeProcess([...args, "--cache-dir", cacheDir], { rssFile, skippable });
    samples.warm.push(warm.wallMs);
    samples.warmRss.push(warm.rssKiB);
    samples.read.push(timeProcess([baselineScript, ...prepared.paths]).wallMs);
    if (!other) continue;
    const otherCold = timeProcess([...other, "--no-cache"], { rssFile, skippable });
    otherSamples.cold.push(otherCold.wallMs);
    otherSamples.coldRss.push(otherCold.rssKiB);
    const otherWarm = timeProcess([...other, "--cache-dir", otherCacheDir], { rssFile, skippable });
    otherSamples.warm.push(otherWarm.wallMs);
    otherSamples.warmRss.push(otherWarm.rssKiB);
  }
  const wallMs = median(samples.cold);
  const floorMs = median(samples.floor);
  return {
    ...prepared,
    runs,
    wallMs,
    msPerFile: wallMs / prepared.files,
    peakRssMb: Math.max(...samples.coldRss) / 1024,
    warmWallMs: median(samples.warm),
    warmRssMb: Math.max(...samples.warmRss) / 1024,
    floorMs,
    floorRssMb: Math.max(...samples.floorRss) / 1024,
    ratio: wallMs / floorMs,
    readMs: median(samples.read),
    findings: firstReport?.summary?.findings,
    analysed: firstReport?.summary?.revisions,
    skipped: firstReport?.skippedFiles?.length ?? 0,
    ...(other
      ? {
          other: {
            wallMs: median(otherSamples.cold),
            peakRssMb: Math.max(...otherSamples.coldRss) / 1024,
            warmWallMs: median(otherSamples.warm),
            warmRssMb: Math.max(...otherSamples.warmRss) / 1024,
          },
        }
      : {}),
  };
}

/** This build against the --compare build, measured in the same rounds. */
function comparison(rows, compare) {
  const mb = (value) => (Number.isNaN(value) ? "n/a" : value.toFixed(1));
  const header = [
    "history",
    "cold ms",
    "other",
    "ratio",
    "cold RSS",
    "other",
    "warm ms",
    "other",
    "ratio",
    "warm RSS",
    "other",
  ];
  const body = rows.map((row) => [
    row.label,
    row.wallMs.toFixed(0),
    row.other.wallMs.toFixed(0),
    (row.wallMs / row.other.wallMs).toFixed(2),
    mb(row.peakRssMb),
    mb(row.other.peakRssMb),
    row.warmWallMs.toFixed(0),
    row.other.warmWallMs.toFixed(0),
    (row.warmWallMs / row.other.warmWallMs).toFixed(2),
    mb(row.warmRssMb),
    mb(row.other.warmRssMb),
  ]);
  return `compared with ${compare} (other):\n${columns(header, body)}`;
}

function table(rows) {
  const mb = (value) => (Number.isNaN(value) ? "n/a" : value.toFixed(1));
  const header = [
    "history",
    "files",
    "runs",
    "cold ms",
    "ms/file",
    "cold RSS MB",
    "warm ms",
    "warm RSS MB",
    "floor ms",
    "floor RSS MB",
    "cold/floor",
    "read ms",
  ];
  const body = rows.map((row) => [
    row.label,
    String(row.files),
    String(row.runs),
    row.wallMs.toFixed(0),
    row.msPerFile.toFixed(3),
    mb(row.peakRssMb),
    row.warmWallMs.toFixed(0),
    mb(row.warmRssMb),
    row.floorMs.toFixed(0),
    mb(row.floorRssMb),
    row.ratio.toFixed(2),
    row.readMs.toFixed(0),
  ]);
  return columns(header, body);
}

function columns(header, body) {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells) => cells.map((cell, column) => cell.padStart(widths[column])).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

function describe(row) {
  const what = row.lines
    ? `${row.lines.min}-${row.lines.max} lines (avg ${row.lines.avg.toFixed(0)}) per file`
    : row.paths.join(delimiter);
  const line = `  ${row.label}: ${row.files} .py files, ${(row.bytes / 1024 / 1024).toFixed(1)} MB; ${what}; ${row.analysed} revisions analysed, ${row.findings} findings; cold/floor ${row.ratio.toFixed(2)} (target ${FLOOR_TARGET})\n`;
  const incomplete =
    row.size !== undefined && (row.analysed !== row.size || row.skipped > 0)
      ? `  warning: ${row.size} files generated but ${row.analysed} revisions analysed and ${row.skipped} skipped: the timing does not cover every file\n`
      : "";
  return line + incomplete;
}

function machine(cli) {
  const cpu = cpus();
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  return (
    `migragate bench: ${cpu[0]?.model ?? "unknown CPU"} x${cpu.length}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB, ` +
    `load ${load}, node ${process.version}${process.env.NODE_EXTRA_CA_CERTS ? " (NODE_EXTRA_CA_CERTS set: every start is slower)" : ""}\n` +
    `  cli ${cli}; rules: ${FIXED_RULES.length} fixed (--select), --no-config\n`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Main

const options = parseArgs(process.argv.slice(2));
if (!existsSync(options.cli)) usage(`${options.cli} does not exist`);
if (options.compare && !existsSync(options.compare)) usage(`${options.compare} does not exist`);
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

  process.stdout.write(machine(options.cli));
  const targets = [
    ...options.sizes.map((size) => ({ size })),
    ...options.shortSizes.map((size) => ({ size, short: true })),
    ...options.folders.map((paths) => ({ paths })),
  ];
  const rows = [];
  targets.forEach((target, index) => {
    const name =
      target.size === undefined
        ? target.paths.join(delimiter)
        : `${target.size} generated ${target.short ? "short " : ""}revisions`;
    process.stdout.write(`  ${name}: preparing and running...\n`);
    rows.push(benchTarget(work, options, preloadUrl, baselineScript, target, index));
  });
  process.stdout.write(`\n${table(rows)}\n\n`);
  if (options.compare) process.stdout.write(`${comparison(rows, options.compare)}\n\n`);
  for (const row of rows) process.stdout.write(describe(row));
  if (options.check) {
    const row = rows.find((candidate) => candidate.size === TARGET.files && !candidate.short);
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
