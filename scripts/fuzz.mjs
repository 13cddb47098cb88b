// Fuzzes the built CLI with seeded, generated projects and checks that it stays bounded on any input.
//
//   npm run fuzz                                  3,600 cases (400 per family), two processes at a time
//   node scripts/fuzz.mjs --cases 48              a quick run (what .ci/run does)
//   node scripts/fuzz.mjs --family config --cases 100 --seed 7
//   node scripts/fuzz.mjs --seeds ../histories    also mutate the revision files under a folder of your own
//   node scripts/fuzz.mjs --keep                  keep every failing case's folder (printed) to reproduce it
//
// Each case is a project folder written to a temporary directory, checked by `migragate check . --no-cache
// --format json -o <file>` as a fresh process. A case passes when the process exits 0, 1 or 2 (never a signal,
// never an abort), prints no internal error and no stack trace, writes a report that is valid JSON whenever it
// exits 0 or 1 (and whenever it writes one), names every file of the case in the report (analysed, env.py, or
// skipped with a reason), and stays under --max-seconds (10) and --max-rss-mb (400). The seed and the case number
// reproduce any case exactly: `--seed S --first N --cases 1 --family F`.
import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FAMILIES } from "./fuzz/generators.mjs";
import { random } from "./fuzz/random.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const RSS_ENV = "MIGRAGATE_FUZZ_RSS_FILE";

function usage(message) {
  process.stderr.write(`fuzz: ${message}\n`);
  process.stderr.write(
    "usage: node scripts/fuzz.mjs [--cases N] [--seed S] [--first N] [--jobs J] [--family F] [--seeds DIR] [--keep] [--cli PATH] [--max-seconds S] [--max-rss-mb M]\n",
  );
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    cases: 400 * Object.keys(FAMILIES).length,
    seed: 20261205,
    first: 0,
    jobs: 2,
    families: Object.keys(FAMILIES),
    seeds: [],
    keep: false,
    cli: join(ROOT, "bin", "migragate.js"),
    maxSeconds: 10,
    maxRssMb: 400,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) usage(`${flag} needs a value`);
      return next;
    };
    const number = () => {
      const parsed = Number(value());
      if (!Number.isFinite(parsed) || parsed < 0) usage(`${flag} takes a number`);
      return parsed;
    };
    if (flag === "--cases") options.cases = number();
    else if (flag === "--seed") options.seed = number();
    else if (flag === "--first") options.first = number();
    else if (flag === "--jobs") options.jobs = Math.max(1, number());
    else if (flag === "--family") {
      const names = value().split(",");
      for (const name of names) if (!Object.hasOwn(FAMILIES, name)) usage(`unknown family ${name}`);
      options.families = names;
    } else if (flag === "--seeds") options.seeds.push(resolve(value()));
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--cli") options.cli = resolve(value());
    else if (flag === "--max-seconds") options.maxSeconds = number();
    else if (flag === "--max-rss-mb") options.maxRssMb = number();
    else usage(`unknown argument ${flag}`);
  }
  return options;
}

/** Revision files to mutate: the project's own samples, and any folder given with --seeds. */
function seedTexts(folders) {
  const texts = [];
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && entry.name.endsWith(".py") && entry.name !== "__init__.py")
        texts.push(readFileSync(path, "utf8"));
    }
  };
  for (const folder of [join(ROOT, "samples"), ...folders]) visit(folder);
  return texts;
}

/** Writes a case's entries under `folder`. */
function materialise(folder, entries) {
  for (const entry of entries) {
    const path = join(folder, entry.path);
    mkdirSync(dirname(path), { recursive: true });
    switch (entry.kind) {
      case "file":
        writeFileSync(path, entry.content);
        break;
      case "unreadable":
        writeFileSync(path, entry.content);
        chmodSync(path, 0);
        break;
      case "folder":
        mkdirSync(path, { recursive: true });
        break;
      case "symlink":
        symlinkSync(entry.target, path);
        break;
      case "fifo":
        execFileSync("mkfifo", [path]);
        break;
      default:
        throw new Error(`unknown entry kind ${entry.kind}`);
    }
  }
}

const PRELOAD = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  const target = process.env.${RSS_ENV};
  if (target) writeFileSync(target, String(process.resourceUsage().maxRSS));
});
`;

/** Runs the CLI on one case folder; resolves with what happened. */
function runCase(folder, work, options, preloadUrl) {
  const report = join(work, "report.json");
  const rssFile = join(work, "rss.txt");
  const env = { ...process.env, [RSS_ENV]: rssFile };
  for (const name of ["NODE_EXTRA_CA_CERTS", "MIGRAGATE_THREADS", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"])
    delete env[name];
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ["--import", preloadUrl, options.cli, "check", ".", "--no-cache", "--format", "json", "-o", report],
      { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      if (stdout.length < 100_000) stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 100_000) stderr += chunk;
    });
    // Past twice the limit the case has failed anyway: stop it rather than wait.
    const killer = setTimeout(() => child.kill("SIGKILL"), options.maxSeconds * 2000);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : undefined;
      done({ code, signal, stdout, stderr, ms: Date.now() - started, rssKb, report });
    });
  });
}

/** Everything wrong with one run, as short sentences; none when it passed. */
function problemsOf(run, expected, options) {
  const problems = [];
  if (run.signal || ![0, 1, 2].includes(run.code)) problems.push(`exit ${run.code ?? run.signal}`);
  if (/internal error/.test(run.stderr)) problems.push(`internal error: ${run.stderr.split("\n")[0]}`);
  if (/^\s+at .+:\d+/m.test(run.stderr)) problems.push("stack trace on stderr");
  if (run.ms > options.maxSeconds * 1000) problems.push(`took ${(run.ms / 1000).toFixed(1)} s`);
  if (run.rssKb !== undefined && run.rssKb > options.maxRssMb * 1024)
    problems.push(`used ${Math.round(run.rssKb / 1024)} MB`);
  let report;
  if (existsSync(run.report)) {
    try {
      report = JSON.parse(readFileSync(run.report, "utf8"));
    } catch (error) {
      problems.push(`report is not valid JSON (${error.message})`);
    }
  } else if (run.code === 0 || run.code === 1) problems.push("no report");
  if (!report && run.code === 2 && !run.signal) {
    // Stopped before analysing (a usage or config error): one line saying why.
    const lines = run.stderr.split("\n").filter((line) => line !== "");
    if (lines.length !== 1 || !lines[0].startsWith("migragate: ")) problems.push(`exit 2 without one stderr line`);
  }
  if (report) {
    const named = new Set([
      ...report.revisions.map((revision) => revision.file),
      ...report.envFiles,
      ...report.skippedFiles.map((skipped) => skipped.file),
    ]);
    const missing = expected.filter((path) => !named.has(path));
    if (missing.length > 0) problems.push(`not in the report: ${missing.slice(0, 3).join(", ")}`);
    if (report.skippedFiles.some((skipped) => typeof skipped.reason !== "string" || skipped.reason === ""))
      problems.push("a skipped file without a reason");
  }
  return problems;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(options.cli)) usage(`${options.cli} does not exist (npm run bundle first)`);
  const seeds = seedTexts(options.seeds);
  const work = mkdtempSync(join(tmpdir(), "migragate-fuzz-"));
  const preload = join(work, "preload.mjs");
  writeFileSync(preload, PRELOAD);
  const preloadUrl = pathToFileURL(preload).href;
  const cases = [];
  for (let index = options.first; index < options.first + options.cases; index++) {
    cases.push({ index, family: options.families[index % options.families.length] });
  }
  process.stdout.write(
    `migragate fuzz: ${cases.length} cases, seed ${options.seed}, ${options.jobs} at a time, limits ${options.maxSeconds} s and ${options.maxRssMb} MB, cli ${options.cli}\n`,
  );
  const stats = new Map(
    options.families.map((family) => [family, { cases: 0, failed: 0, exits: [0, 0, 0], slowest: 0, heaviest: 0 }]),
  );
  const failures = [];
  let next = 0;
  let finished = 0;
  const started = Date.now();
  const worker = async () => {
    for (;;) {
      const current = cases[next++];
      if (!current) return;
      // Each case draws from its own stream: a case is the same whatever ran before it.
      const generate = FAMILIES[current.family];
      const made = generate(random(options.seed * 1_000_003 + current.index), seeds);
      const folder = join(work, `case-${current.index}`);
      mkdirSync(folder);
      try {
        materialise(folder, made.files);
      } catch (error) {
        // A generator bug, not a finding about migragate: reported, and the run goes on.
        failures.push({ ...current, problems: [`could not write the case: ${error.message}`], folder, stderr: "" });
        finished++;
        continue;
      }
      const scratch = mkdtempSync(join(work, "run-"));
      const run = await runCase(folder, scratch, options, preloadUrl);
      const problems = problemsOf(run, made.expect, options);
      const family = stats.get(current.family);
      family.cases++;
      if ([0, 1, 2].includes(run.code)) family.exits[run.code]++;
      family.slowest = Math.max(family.slowest, run.ms);
      family.heaviest = Math.max(family.heaviest, run.rssKb ?? 0);
      if (problems.length > 0) {
        family.failed++;
        failures.push({ ...current, problems, folder, stderr: run.stderr.split("\n")[0] });
      }
      if (problems.length === 0 || !options.keep) {
        // A FIFO or a link must go before its folder can; rmSync handles both, and locked files are ours to remove.
        rmSync(folder, { recursive: true, force: true });
      }
      rmSync(scratch, { recursive: true, force: true });
      finished++;
      if (finished % 100 === 0)
        process.stdout.write(`  ${finished}/${cases.length} cases, ${failures.length} failed\n`);
    }
  };
  await Promise.all(Array.from({ length: options.jobs }, worker));
  process.stdout.write("\nfamily          cases  exit 0  exit 1  exit 2  failed  slowest s  peak MB\n");
  let total = { cases: 0, failed: 0, slowest: 0, heaviest: 0 };
  for (const [name, family] of stats) {
    if (family.cases === 0) continue;
    process.stdout.write(
      `${name.padEnd(14)}  ${String(family.cases).padStart(5)}  ${family.exits.map((count) => String(count).padStart(6)).join("  ")}  ${String(family.failed).padStart(6)}  ${(family.slowest / 1000).toFixed(1).padStart(9)}  ${String(Math.round(family.heaviest / 1024)).padStart(7)}\n`,
    );
    total = {
      cases: total.cases + family.cases,
      failed: total.failed + family.failed,
      slowest: Math.max(total.slowest, family.slowest),
      heaviest: Math.max(total.heaviest, family.heaviest),
    };
  }
  process.stdout.write(
    `${"all".padEnd(14)}  ${String(total.cases).padStart(5)}  ${" ".repeat(28)}  ${String(total.failed).padStart(6)}  ${(total.slowest / 1000).toFixed(1).padStart(9)}  ${String(Math.round(total.heaviest / 1024)).padStart(7)}\n`,
  );
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(0)} s in all\n`);
  for (const failure of failures.slice(0, 30)) {
    process.stdout.write(
      `FAILED ${failure.family} case ${failure.index}: ${failure.problems.join("; ")}${options.keep ? ` (kept in ${failure.folder})` : ""}\n`,
    );
  }
  if (!options.keep) rmSync(work, { recursive: true, force: true });
  process.exitCode = failures.length > 0 ? 1 : 0;
}

await main();
