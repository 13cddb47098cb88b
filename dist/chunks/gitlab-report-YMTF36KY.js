import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  fingerprints,
  stableHash
} from "./chunk-4DBK4YXO.js";
import {
  displayMessage
} from "./chunk-RE5JWGWN.js";
import "./chunk-FOQMQZLO.js";

// src/adapters/report/gitlab-report.ts
var SEVERITY = { error: "major", warning: "minor", info: "info" };
var NOT_ANALYSED = "not-analysed";
var GitlabReporter = class {
  render(input) {
    const { findings } = input.result;
    const prints = fingerprints(findings);
    const issues = findings.map((finding, index) => ({
      type: "issue",
      check_name: finding.rule,
      description: displayMessage(finding),
      content: { body: finding.hint },
      categories: ["Bug Risk"],
      fingerprint: prints[index],
      severity: SEVERITY[finding.severity],
      location: { path: finding.span.file, lines: { begin: finding.span.line, end: finding.span.endLine } }
    }));
    for (const file of input.skipped) {
      if (!file.failed) continue;
      issues.push({
        type: "issue",
        check_name: NOT_ANALYSED,
        description: `not analysed: ${file.reason}`,
        content: { body: "migragate could not read this file, so the gate cannot vouch for it." },
        categories: ["Bug Risk"],
        fingerprint: stableHash(NOT_ANALYSED, file.file),
        severity: SEVERITY.error,
        location: { path: file.file, lines: { begin: 1, end: 1 } }
      });
    }
    return `${JSON.stringify(issues, null, 2)}
`;
  }
};
export {
  GitlabReporter
};
