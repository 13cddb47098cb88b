// Runs the built CLI over the public histories of histories.json, one process each at default settings, and writes
// each JSON report plus a summary (findings per revision, by rule) into an output folder.
//
//   node scripts/accuracy/run-histories.mjs --corpus <folder> --out <folder> [--cli bin/migragate.js] [-- <check options>]
//
// <corpus>/<owner>+<name>/ holds each repository at the commit histories.json gives (a snapshot extracted with
// `git archive <commit>`); histories whose folder is missing are listed as skipped.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");

function parseArgs(argv) {
  const options = { corpus: undefined, out: undefined, cli: join(ROOT, "bin", "migragate.js"), extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      options.extra = argv.slice(i + 1);
      break;
    }
    if (arg === "--corpus" || arg === "--out" || arg === "--cli") options[arg.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.corpus || !options.out) throw new Error("usage: run-histories.mjs --corpus <folder> --out <folder>");
  return options;
}

export function loadHistories() {
  return JSON.parse(readFileSync(join(HERE, "histories.json"), "utf8")).histories;
}

/** Runs one history; returns the parsed report, or the reason it could not run. */
export function runHistory(history, { corpus, cli, extra = [] }) {
  const folder = join(corpus, history.repository.replace("/", "+"), history.path);
  if (!existsSync(folder)) return { skipped: `${folder} is missing` };
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const result = spawnSync(process.execPath, [cli, "check", folder, "--format", "json", "--no-cache", ...extra], {
    cwd: corpus,
    encoding: "utf8",
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) return { skipped: `exit ${result.status}: ${result.stderr.trim()}` };
  return { report: JSON.parse(result.stdout) };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  options.corpus = resolve(options.corpus);
  mkdirSync(options.out, { recursive: true });
  const summary = { histories: [], total: { revisions: 0, findings: 0 }, byRule: {} };
  for (const history of loadHistories()) {
    const { report, skipped } = runHistory(history, options);
    if (!report) {
      summary.histories.push({ name: history.name, skipped });
      continue;
    }
    writeFileSync(join(options.out, `${history.name}.json`), JSON.stringify(report));
    const revisions = report.summary.revisions;
    const findings = report.summary.findings;
    summary.histories.push({
      name: history.name,
      revisions,
      findings,
      perRevision: +(findings / revisions).toFixed(2),
    });
    summary.total.revisions += revisions;
    summary.total.findings += findings;
    for (const [rule, count] of Object.entries(report.summary.byRule)) {
      summary.byRule[rule] = (summary.byRule[rule] ?? 0) + count;
    }
  }
  summary.total.perRevision = +(summary.total.findings / summary.total.revisions).toFixed(2);
  summary.byRule = Object.fromEntries(Object.entries(summary.byRule).sort((a, b) => b[1] - a[1]));
  writeFileSync(join(options.out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  for (const entry of summary.histories) {
    process.stdout.write(
      entry.skipped
        ? `${entry.name}: skipped (${entry.skipped})\n`
        : `${entry.name.padEnd(24)} ${String(entry.revisions).padStart(4)} revisions ${String(entry.findings).padStart(5)} findings ${entry.perRevision.toFixed(2)}/revision\n`,
    );
  }
  process.stdout.write(
    `total: ${summary.total.revisions} revisions, ${summary.total.findings} findings, ${summary.total.perRevision.toFixed(2)} per revision\n`,
  );
  for (const [rule, count] of Object.entries(summary.byRule)) process.stdout.write(`  ${rule}: ${count}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
