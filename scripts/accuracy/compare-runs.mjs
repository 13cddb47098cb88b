// Prints the markdown table of docs/accuracy.md: findings per revision per history, before and after, from the
// summary.json files two run-histories.mjs runs wrote.
//
//   node scripts/accuracy/compare-runs.mjs <before folder> <after folder>
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [before, after] = process.argv
  .slice(2)
  .map((folder) => JSON.parse(readFileSync(join(folder, "summary.json"), "utf8")));
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
