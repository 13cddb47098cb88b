// Scores a labelled sample against the current reports (docs/accuracy.md): precision per rule and overall, and
// whether every finding labelled correct is still reported and every wrong or unwanted one is gone.
//
//   node scripts/accuracy/score.mjs --sample docs/accuracy/sample.json --reports <folder>   exit 1 on a regression
//   node scripts/accuracy/score.mjs --sample a.json --sample b.json --reports <folder>       several samples pooled
//
// With --reports, "now" counts the sampled findings the reports still hold, by label, and their precision: the
// estimate of this version's precision that a frozen sample gives once the findings fixed away are gone.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { collectFindings, findingKey } from "./draw-sample.mjs";

function parseArgs(argv) {
  const options = { samples: [], reports: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sample") options.samples.push(argv[++i]);
    else if (argv[i] === "--reports") options.reports = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (options.samples.length === 0) throw new Error("usage: score.mjs --sample <file> [--reports <folder>]");
  return options;
}

const percent = (part, whole) => (whole === 0 ? "-" : `${((100 * part) / whole).toFixed(0)}%`);

const LABELS = new Set(["correct", "wrong", "unwanted"]);
const ZERO = { correct: 0, wrong: 0, unwanted: 0, unlabelled: 0, gone: 0, kept: 0, nowCorrect: 0, nowWrong: 0 };

/** The sampled findings still reported, by label, and their precision. */
function nowColumns(counts) {
  const unwanted = counts.kept - counts.nowWrong;
  const reported = counts.nowCorrect + counts.kept;
  return `${counts.nowCorrect} / ${counts.nowWrong} / ${unwanted} | ${percent(counts.nowCorrect, reported)}`;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const labelled = options.samples.flatMap((file) => JSON.parse(readFileSync(file, "utf8")).findings);
  const current = options.reports ? new Set(collectFindings(options.reports).map(findingKey)) : undefined;
  const byRule = new Map();
  let regressions = 0;
  for (const entry of labelled) {
    const counts = byRule.get(entry.rule) ?? { ...ZERO };
    // A label read from the sample file counts only as one of the labels: a typo must not overwrite a counter.
    counts[LABELS.has(entry.label) ? entry.label : "unlabelled"]++;
    if (current) {
      const reported = current.has(findingKey(entry));
      if (entry.label === "correct" && !reported) {
        counts.gone++;
        regressions++;
        process.stdout.write(`lost a correct finding: ${entry.history} ${entry.rule} ${entry.file}:${entry.line}\n`);
      }
      if ((entry.label === "wrong" || entry.label === "unwanted") && reported) counts.kept++;
      if (reported && entry.label === "correct") counts.nowCorrect++;
      if (reported && entry.label === "wrong") counts.nowWrong++;
    }
    byRule.set(entry.rule, counts);
  }
  const total = { ...ZERO };
  // A markdown table, as docs/accuracy.md shows it.
  process.stdout.write(
    "| rule | sampled | correct | wrong | unwanted | precision" +
      (current ? " | wrong/unwanted still reported | now: correct / wrong / unwanted | precision now |" : " |") +
      `\n|---|---:|---:|---:|---:|---:|${current ? "---:|---:|---:|" : ""}\n`,
  );
  for (const [rule, counts] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const key of Object.keys(total)) total[key] += counts[key];
    const sampled = counts.correct + counts.wrong + counts.unwanted;
    process.stdout.write(
      `| ${rule} | ${sampled} | ${counts.correct} | ${counts.wrong} | ${counts.unwanted} | ${percent(counts.correct, sampled)}` +
        (current ? ` | ${counts.kept} | ${nowColumns(counts)} |` : " |") +
        "\n",
    );
  }
  const sampled = total.correct + total.wrong + total.unwanted;
  process.stdout.write(
    `| **all** | ${sampled} | ${total.correct} | ${total.wrong} | ${total.unwanted} | ${percent(total.correct, sampled)}` +
      (current ? ` | ${total.kept} | ${nowColumns(total)} |` : " |") +
      `\n${total.unlabelled} unlabelled` +
      (current ? `; ${regressions} correct finding(s) no longer reported` : "") +
      "\n",
  );
  if (regressions > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
