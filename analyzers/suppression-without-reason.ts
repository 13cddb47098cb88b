import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { analyzedRevisions } from "./support.js";

export const suppressionWithoutReason: Analyzer = {
  meta: {
    name: "suppression-without-reason",
    group: "hygiene",
    defaultSeverity: "warning",
    summary: "A `# migragate: ignore` comment gives no reason.",
    rationale:
      "An ignored finding is a decision someone made about production safety. Without the reason, the next reader " +
      "cannot tell a checked exception from a silenced alarm, and nobody can re-check it when circumstances change.",
    safeAlternative: "Write why it is safe after `--`: `# migragate: ignore[drop-column] -- unused since release 42`.",
  },
  stage: "after-suppressions",
  check(input) {
    const findings: FindingDraft[] = [];
    for (const rev of analyzedRevisions(input)) {
      for (const directive of rev.revision.directives) {
        if ((directive.kind !== "ignore" && directive.kind !== "ignore-file") || directive.reason !== undefined)
          continue;
        const rules = directive.rules.length > 0 ? `[${directive.rules.join(", ")}]` : " (every rule)";
        findings.push({
          span: directive.span,
          revision: rev.revision.id,
          message: `${directive.kind}${rules} gives no reason`,
          hint: `Add the reason after "--": # migragate: ${directive.kind}${directive.rules.length > 0 ? rules : ""} -- why this is safe`,
        });
      }
    }
    return findings;
  },
};
