import type { Analyzer, FindingDraft } from "../src/domain/index.js";

export const unusedSuppression: Analyzer = {
  meta: {
    name: "unused-suppression",
    group: "hygiene",
    defaultSeverity: "warning",
    summary: "A `# migragate:` comment suppresses nothing, names an unknown rule, or cannot be read.",
    rationale:
      "A suppression that matches nothing is either stale (the code it excused changed) or misplaced (it sits on the " +
      "wrong line or names the wrong rule, so the finding it meant to accept is still reported, or a later one is " +
      "silently accepted).",
    safeAlternative:
      "Remove the comment, or put it on the operation's line or the line above and name the rule exactly as " +
      "`migragate rules` lists it.",
  },
  stage: "after-suppressions",
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { directive, unknownRules } of input.unusedDirectives ?? []) {
      if (directive.kind === "malformed") {
        findings.push({ span: directive.span, message: `migragate comment not understood: ${directive.problem}` });
      } else if (unknownRules.length > 0) {
        findings.push({
          span: directive.span,
          message: `${directive.kind} names unknown rule(s) ${unknownRules.map((rule) => `"${rule}"`).join(", ")}`,
          hint: "Use the rule names `migragate rules` lists.",
        });
      } else if (directive.kind === "ignore" || directive.kind === "ignore-file") {
        const rules = directive.rules.length > 0 ? `[${directive.rules.join(", ")}]` : "";
        const where = directive.kind === "ignore" ? ` on line ${directive.appliesToLine}` : " in this file";
        findings.push({ span: directive.span, message: `${directive.kind}${rules} suppresses no finding${where}` });
      }
    }
    return findings;
  },
};
