// Draws a seeded sample from the JSON report of one history outside the corpus of histories.json (a trial: see
// docs/accuracy.md), for hand-labelling: up to --per-rule findings of each rule, severity info left out. Findings are
// put in a fixed order (rule, file, line, message), then each rule's are shuffled with the seeded generator of
// draw-sample.mjs and the first ones kept. Prints one JSON line per finding.
//
//   migragate check <migrations folder> --no-cache --format json --output polar.json --fail-on never
//   node scripts/accuracy/draw-trial-sample.mjs --report polar.json --seed 20261206 --per-rule 2
import { readFileSync } from "node:fs";
import { random } from "./draw-sample.mjs";

function parseArgs(argv) {
  const options = { report: undefined, seed: 20261206, perRule: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--report") options.report = argv[++i];
    else if (arg === "--seed") options.seed = Number(argv[++i]);
    else if (arg === "--per-rule") options.perRule = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.report) throw new Error("usage: draw-trial-sample.mjs --report <report.json> [--seed N] [--per-rule N]");
  return options;
}

const byOrder = (a, b) =>
  a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message);

const options = parseArgs(process.argv.slice(2));
const report = JSON.parse(readFileSync(options.report, "utf8"));
const byRule = new Map();
for (const finding of report.findings.filter((candidate) => candidate.severity !== "info").sort(byOrder)) {
  const list = byRule.get(finding.rule) ?? [];
  list.push(finding);
  byRule.set(finding.rule, list);
}
const next = random(options.seed);
let drawn = 0;
for (const rule of [...byRule.keys()].sort()) {
  const pool = byRule.get(rule);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  for (const finding of pool.slice(0, options.perRule)) {
    drawn++;
    const { rule: name, severity, file, line, revision, message } = finding;
    process.stdout.write(`${JSON.stringify({ n: drawn, rule: name, severity, file, line, revision, message })}\n`);
  }
}
