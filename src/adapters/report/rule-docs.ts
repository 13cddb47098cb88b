/**
 * Where the project and its rule documents are published. No repository is published yet: this is the address it is
 * meant to have, kept in this one place so that changing it changes every report.
 */
export const PROJECT_URL = "https://github.com/migragate/migragate";

const RULE_DOCS_URL = `${PROJECT_URL}/blob/main/docs/rules`;

/** The published docs/rules/<rule>.md, the same text `migragate explain <rule>` prints. */
export function ruleDocUrl(rule: string): string {
  return `${RULE_DOCS_URL}/${encodeURIComponent(rule)}.md`;
}
