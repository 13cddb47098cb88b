import type { Severity } from "../../domain/index.js";
import { fingerprints, stableHash } from "./fingerprint.js";
import { displayMessage } from "./report-facts.js";
import type { Reporter, ReportInput } from "./report-model.js";

type CodeQualitySeverity = "info" | "minor" | "major" | "critical" | "blocker";

/**
 * `error` is what breaks a running release, yet GitLab keeps `critical` and `blocker` for what other tools rate
 * worse (security holes, broken builds): `major` keeps migragate's errors in line with the linters around it.
 */
const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: "major", warning: "minor", info: "info" };

/** What GitLab calls an issue for a file migragate could not analyse. */
const NOT_ANALYSED = "not-analysed";

/**
 * GitLab Code Quality (a subset of the Code Climate issue format): one issue per reported finding, and one per file
 * that could not be analysed. Suppressed findings are left out; GitLab has no notion of them.
 */
export class GitlabReporter implements Reporter {
  render(input: ReportInput): string {
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
      location: { path: finding.span.file, lines: { begin: finding.span.line, end: finding.span.endLine } },
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
        location: { path: file.file, lines: { begin: 1, end: 1 } },
      });
    }
    return `${JSON.stringify(issues, null, 2)}\n`;
  }
}
