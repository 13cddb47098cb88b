// Prints the markdown tables of docs/accuracy.md from two run-histories.mjs runs: findings per revision per history
// (from their summary.json), and findings and places per rule (from their reports; a grouped finding names several
// places of one rule in one revision).
//
//   node scripts/accuracy/compare-runs.mjs <before folder> <after folder>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const folders = process.argv.slice(2);
const [before, after] = folders.map((folder) => JSON.parse(readFileSync(join(folder, "summary.json"), "utf8")));
if (!before || !after) throw new Error("usage: compare-runs.mjs <before folder> <after folder>");
const rows = [
  "| history | revisions | findings before | per revision | findings after | per revision |",
  "|---|---:|---:|---:|---:|---:|",
];
for (const entry of before.histories) {
  const next = after.histories.find((candidate) => candidate.name === entry.name);
  if (entry.skipped || !next || next.skipped) continue;
  rows.push(
    `| ${entry.name} | ${entry.revisions} | ${entry.findings} | ${entry.perRevision.toFixed(2)} | ${next.findings} | ${next.perRevision.toFixed(2)} |`,
  );
}
rows.push(
  `| **all** | ${before.total.revisions} | ${before.total.findings} | ${before.total.perRevision.toFixed(2)} | ${after.total.findings} | ${after.total.perRevision.toFixed(2)} |`,
);
process.stdout.write(`${rows.join("\n")}\n`);

/** Per rule: findings and the places they name, over every report of a run. */
function countByRule(folder) {
  const counts = new Map();
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(".json") || name === "summary.json") continue;
    const report = JSON.parse(readFileSync(join(folder, name), "utf8"));
    for (const finding of report.findings ?? []) {
      const entry = counts.get(finding.rule) ?? { findings: 0, places: 0 };
      entry.findings++;
      entry.places += 1 + (finding.related?.length ?? 0);
      counts.set(finding.rule, entry);
    }
  }
  return counts;
}

const [rulesBefore, rulesAfter] = folders.map(countByRule);
const rules = [...new Set([...rulesBefore.keys(), ...rulesAfter.keys()])].sort(
  (a, b) => (rulesBefore.get(b)?.places ?? 0) - (rulesBefore.get(a)?.places ?? 0) || (a < b ? -1 : 1),
);
const ruleRows = ["", "| rule | places before | findings after | places after |", "|---|---:|---:|---:|"];
for (const rule of rules) {
  const was = rulesBefore.get(rule);
  const now = rulesAfter.get(rule);
  ruleRows.push(`| ${rule} | ${was?.places ?? 0} | ${now?.findings ?? 0} | ${now?.places ?? 0} |`);
}
process.stdout.write(`${ruleRows.join("\n")}\n`);
