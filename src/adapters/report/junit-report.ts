import { type Finding, failsGate, type SuppressedFinding } from "../../domain/index.js";
import { displayMessage, findingsByFile, revisionsByFile } from "./report-facts.js";
import type { GateVerdict, Reporter, ReportInput } from "./report-model.js";
import { escapeXmlAttribute, escapeXmlText } from "./xml-text.js";

interface TestCase {
  readonly name: string;
  readonly file: string;
  readonly failures: readonly Finding[];
  /** Findings below the gate's threshold and suppressed findings: shown, never failing. */
  readonly notes: readonly string[];
  readonly error?: string;
  readonly skipped?: string;
}

interface TestSuite {
  readonly name: string;
  readonly cases: readonly TestCase[];
}

/**
 * JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure): one test suite per history, one test
 * case per revision, a `<failure>` per finding that fails the gate. Findings below the threshold and suppressed
 * findings go to the case's `<system-out>`; revisions outside the release under review are skipped. Findings in files
 * that are no revision (env.py) and files that could not be analysed (an `<error>`) form a last suite.
 */
export class JunitReporter implements Reporter {
  render(input: ReportInput): string {
    const suites = buildSuites(input);
    const all = suites.flatMap((suite) => suite.cases);
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites ${attributes({ name: input.tool.name, ...totals(all) })}>`,
      ...suites.flatMap(renderSuite),
      "</testsuites>",
    ];
    return `${lines.join("\n")}\n`;
  }
}

function failsTheGate(finding: Finding, gate: GateVerdict): boolean {
  return failsGate(finding.severity, gate.failOn);
}

function located(finding: Finding): string {
  const { span } = finding;
  return `${span.file}:${span.line}:${span.column} ${finding.severity} ${finding.rule}: ${displayMessage(finding)}`;
}

function suppressedNote(finding: SuppressedFinding): string {
  const { suppression } = finding;
  const reason = suppression.reason ? `: ${suppression.reason}` : "";
  return `suppressed (${suppression.kind} at line ${suppression.span.line}${reason}): ${located(finding)}`;
}

function testCase(
  name: string,
  file: string,
  findings: readonly Finding[],
  suppressed: readonly SuppressedFinding[],
  gate: GateVerdict,
): Omit<TestCase, "skipped" | "error"> {
  return {
    name,
    file,
    failures: findings.filter((finding) => failsTheGate(finding, gate)),
    notes: [
      ...findings
        .filter((finding) => !failsTheGate(finding, gate))
        .map((finding) => `${located(finding)}\n  hint: ${finding.hint}`),
      ...suppressed.map(suppressedNote),
    ],
  };
}

function buildSuites(input: ReportInput): TestSuite[] {
  const findings = findingsByFile(input.result.findings);
  const suppressed = findingsByFile(input.result.suppressed);
  const revisionFiles = revisionsByFile(input);
  const suites: TestSuite[] = input.result.histories.map((history, index) => ({
    name: `history ${index + 1}${history.scope ? ` (${history.scope})` : ""}`,
    cases: history.revisions.map((analyzed) => {
      const { revision } = analyzed;
      // A file holds one revision; a duplicate id in another file is its own case.
      const owns = revisionFiles.get(revision.file) === analyzed;
      const base = testCase(
        revision.message ? `${revision.id} ${revision.message}` : revision.id,
        revision.file,
        owns ? (findings.get(revision.file) ?? []) : [],
        owns ? (suppressed.get(revision.file) ?? []) : [],
        input.gate,
      );
      return !analyzed.underReview && base.failures.length === 0 ? { ...base, skipped: "not under review" } : base;
    }),
  }));
  const others: TestCase[] = [];
  const otherFiles = [...new Set([...findings.keys(), ...suppressed.keys()])].filter(
    (file) => !revisionFiles.has(file),
  );
  for (const file of otherFiles.sort()) {
    others.push(testCase(file, file, findings.get(file) ?? [], suppressed.get(file) ?? [], input.gate));
  }
  for (const file of input.skipped) {
    if (file.failed) others.push({ name: file.file, file: file.file, failures: [], notes: [], error: file.reason });
  }
  if (others.length > 0) suites.push({ name: "other files", cases: others });
  return suites;
}

function totals(cases: readonly TestCase[]) {
  return {
    tests: cases.length,
    failures: cases.filter((entry) => entry.failures.length > 0).length,
    errors: cases.filter((entry) => entry.error !== undefined).length,
    skipped: cases.filter((entry) => entry.skipped !== undefined).length,
  };
}

function renderSuite(suite: TestSuite): string[] {
  return [
    `  <testsuite ${attributes({ name: suite.name, ...totals(suite.cases) })}>`,
    ...suite.cases.flatMap(renderCase),
    "  </testsuite>",
  ];
}

function renderCase(entry: TestCase): string[] {
  const open = `    <testcase ${attributes({ name: entry.name, classname: entry.file, file: entry.file })}`;
  const body = [
    ...entry.failures.map(
      (finding) =>
        `      <failure ${attributes({ type: finding.rule, message: displayMessage(finding) })}>${escapeXmlText(`${located(finding)}\nhint: ${finding.hint}`)}</failure>`,
    ),
    ...(entry.error !== undefined
      ? [
          `      <error ${attributes({ type: "not-analysed", message: "could not be analysed" })}>${escapeXmlText(entry.error)}</error>`,
        ]
      : []),
    ...(entry.skipped !== undefined ? [`      <skipped ${attributes({ message: entry.skipped })}/>`] : []),
    ...(entry.notes.length > 0 ? [`      <system-out>${escapeXmlText(entry.notes.join("\n"))}</system-out>`] : []),
  ];
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, "    </testcase>"];
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}="${escapeXmlAttribute(String(value))}"`)
    .join(" ");
}
