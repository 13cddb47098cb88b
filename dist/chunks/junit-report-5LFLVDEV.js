import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  displayMessage,
  findingsByFile,
  revisionsByFile
} from "./chunk-RE5JWGWN.js";
import {
  failsGate
} from "./chunk-FOQMQZLO.js";

// src/adapters/report/xml-text.ts
var NOT_XML = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being replaced
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
);
function xmlChars(text) {
  return text.replace(NOT_XML, "\uFFFD");
}
function escapeXmlText(text) {
  return xmlChars(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
function escapeXmlAttribute(text) {
  return escapeXmlText(text).replaceAll('"', "&quot;").replaceAll("'", "&apos;").replaceAll("\r", "&#13;").replaceAll("\n", "&#10;").replaceAll("	", "&#9;");
}

// src/adapters/report/junit-report.ts
var JunitReporter = class {
  render(input) {
    const suites = buildSuites(input);
    const all = suites.flatMap((suite) => suite.cases);
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites ${attributes({ name: input.tool.name, ...totals(all) })}>`,
      ...suites.flatMap(renderSuite),
      "</testsuites>"
    ];
    return `${lines.join("\n")}
`;
  }
};
function failsTheGate(finding, gate) {
  return failsGate(finding.severity, gate.failOn);
}
function located(finding) {
  const { span } = finding;
  return `${span.file}:${span.line}:${span.column} ${finding.severity} ${finding.rule}: ${displayMessage(finding)}`;
}
function suppressedNote(finding) {
  const { suppression } = finding;
  const reason = suppression.reason ? `: ${suppression.reason}` : "";
  return `suppressed (${suppression.kind} at line ${suppression.span.line}${reason}): ${located(finding)}`;
}
function testCase(name, file, findings, suppressed, gate) {
  return {
    name,
    file,
    failures: findings.filter((finding) => failsTheGate(finding, gate)),
    notes: [
      ...findings.filter((finding) => !failsTheGate(finding, gate)).map((finding) => `${located(finding)}
  hint: ${finding.hint}`),
      ...suppressed.map(suppressedNote)
    ]
  };
}
function buildSuites(input) {
  const findings = findingsByFile(input.result.findings);
  const suppressed = findingsByFile(input.result.suppressed);
  const revisionFiles = revisionsByFile(input);
  const suites = input.result.histories.map((history, index) => ({
    name: `history ${index + 1}${history.scope ? ` (${history.scope})` : ""}`,
    cases: history.revisions.map((analyzed) => {
      const { revision } = analyzed;
      const owns = revisionFiles.get(revision.file) === analyzed;
      const base = testCase(
        revision.message ? `${revision.id} ${revision.message}` : revision.id,
        revision.file,
        owns ? findings.get(revision.file) ?? [] : [],
        owns ? suppressed.get(revision.file) ?? [] : [],
        input.gate
      );
      return !analyzed.underReview && base.failures.length === 0 ? { ...base, skipped: "not under review" } : base;
    })
  }));
  const others = [];
  const otherFiles = [.../* @__PURE__ */ new Set([...findings.keys(), ...suppressed.keys()])].filter(
    (file) => !revisionFiles.has(file)
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
function totals(cases) {
  return {
    tests: cases.length,
    failures: cases.filter((entry) => entry.failures.length > 0).length,
    errors: cases.filter((entry) => entry.error !== void 0).length,
    skipped: cases.filter((entry) => entry.skipped !== void 0).length
  };
}
function renderSuite(suite) {
  return [
    `  <testsuite ${attributes({ name: suite.name, ...totals(suite.cases) })}>`,
    ...suite.cases.flatMap(renderCase),
    "  </testsuite>"
  ];
}
function renderCase(entry) {
  const open = `    <testcase ${attributes({ name: entry.name, classname: entry.file, file: entry.file })}`;
  const body = [
    ...entry.failures.map(
      (finding) => `      <failure ${attributes({ type: finding.rule, message: displayMessage(finding) })}>${escapeXmlText(`${located(finding)}
hint: ${finding.hint}`)}</failure>`
    ),
    ...entry.error !== void 0 ? [
      `      <error ${attributes({ type: "not-analysed", message: "could not be analysed" })}>${escapeXmlText(entry.error)}</error>`
    ] : [],
    ...entry.skipped !== void 0 ? [`      <skipped ${attributes({ message: entry.skipped })}/>`] : [],
    ...entry.notes.length > 0 ? [`      <system-out>${escapeXmlText(entry.notes.join("\n"))}</system-out>`] : []
  ];
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, "    </testcase>"];
}
function attributes(values) {
  return Object.entries(values).map(([key, value]) => `${key}="${escapeXmlAttribute(String(value))}"`).join(" ");
}
export {
  JunitReporter
};
