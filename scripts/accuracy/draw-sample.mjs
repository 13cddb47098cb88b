// Draws a seeded random sample of default findings, stratified by rule, from the reports run-histories.mjs wrote,
// for hand-labelling (docs/accuracy.md). Each entry names the history, the file inside its repository, the line and
// the message as reports show it; labels are filled in afterwards: correct / wrong / unwanted, with a reason.
//
//   node scripts/accuracy/draw-sample.mjs --reports <folder> --seed 8 --per-rule 10 --out docs/accuracy/sample.json
//   node scripts/accuracy/draw-sample.mjs ... --exclude docs/accuracy/sample.json   a fresh draw of unseen findings
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadHistories } from "./run-histories.mjs";

/** mulberry32: a small seeded PRNG, so the same seed draws the same sample. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A finding's identity across runs: history, rule, file, line and revision (messages may be reworded). */
export function findingKey(entry) {
  return [entry.history, entry.rule, entry.file, entry.line, entry.revision ?? ""].join("\u0000");
}

/** Every finding of every report, with its history and its path inside the repository. */
export function collectFindings(reportsFolder) {
  const histories = new Map(loadHistories().map((history) => [history.name, history]));
  const found = [];
  for (const name of readdirSync(reportsFolder).sort()) {
    if (!name.endsWith(".json") || name === "summary.json") continue;
    const historyName = name.replace(/\.json$/, "");
    const history = histories.get(historyName);
    if (!history) continue;
    const prefix = `${history.repository.replace("/", "+")}/`;
    const report = JSON.parse(readFileSync(join(reportsFolder, name), "utf8"));
    for (const finding of report.findings) {
      const related = finding.related ?? [];
      found.push({
        history: historyName,
        repository: history.repository,
        commit: history.commit,
        rule: finding.rule,
        severity: finding.severity,
        file: finding.file.startsWith(prefix) ? finding.file.slice(prefix.length) : finding.file,
        line: finding.line,
        ...(finding.revision !== undefined ? { revision: finding.revision } : {}),
        message: finding.message,
        ...(related.length > 0 ? { morePlaces: related.map((place) => place.line) } : {}),
        hint: finding.hint,
      });
    }
  }
  return found;
}

function parseArgs(argv) {
  const options = { reports: undefined, seed: 8, perRule: 10, out: undefined, exclude: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--reports") options.reports = argv[++i];
    else if (arg === "--seed") options.seed = Number(argv[++i]);
    else if (arg === "--per-rule") options.perRule = Number(argv[++i]);
    else if (arg === "--out") options.out = argv[++i];
    else if (arg === "--exclude") options.exclude.push(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.reports || !options.out) throw new Error("usage: draw-sample.mjs --reports <folder> --out <file>");
  return options;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const excluded = new Set(
    options.exclude.flatMap((file) => JSON.parse(readFileSync(file, "utf8")).findings.map(findingKey)),
  );
  const byRule = new Map();
  for (const finding of collectFindings(options.reports)) {
    if (excluded.has(findingKey(finding))) continue;
    const list = byRule.get(finding.rule) ?? [];
    list.push(finding);
    byRule.set(finding.rule, list);
  }
  const next = random(options.seed);
  const findings = [];
  for (const rule of [...byRule.keys()].sort()) {
    const pool = byRule.get(rule);
    // Fisher-Yates with the seeded generator, then the first `perRule`.
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    for (const finding of pool.slice(0, options.perRule)) findings.push({ ...finding, label: null, reason: null });
  }
  const sample = {
    drawn: { seed: options.seed, perRule: options.perRule, excluded: options.exclude },
    labels: "correct: right and worth a reviewer's time; wrong: factually wrong; unwanted: right but not worth raising",
    findings,
  };
  writeFileSync(options.out, `${JSON.stringify(sample, null, 2)}\n`);
  process.stdout.write(`${findings.length} findings from ${byRule.size} rules written to ${options.out}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
