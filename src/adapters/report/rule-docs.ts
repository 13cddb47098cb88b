import type { RuleMeta } from "../../domain/index.js";
import type { ReportInput } from "./report-model.js";

/**
 * Where rule documents are published, as a template with `{rule}`: the `docs-url` setting, else the docs/rules folder
 * of the repository package.json names. Undefined while neither is known: reports then carry the rule's help text
 * instead of a link that would lead nowhere.
 */
export function ruleDocsTemplate(repositoryUrl: string | undefined, docsUrl: string | undefined): string | undefined {
  if (docsUrl !== undefined) return docsUrl.includes("{rule}") ? docsUrl : `${docsUrl.replace(/\/+$/, "")}/{rule}.md`;
  return repositoryUrl === undefined
    ? undefined
    : `${repositoryUrl.replace(/\/+$/, "")}/blob/HEAD/docs/rules/{rule}.md`;
}

/** The published document of a rule (the text `migragate explain <rule>` prints), when an address is known. */
export function ruleDocUrl(input: ReportInput, rule: string): string | undefined {
  return input.links?.ruleDocs?.replaceAll("{rule}", encodeURIComponent(rule));
}

/** A rule's help as markdown: why it matters and what to do instead (what `migragate explain` says in short). */
export function ruleHelpMarkdown(meta: RuleMeta): string {
  return `${meta.rationale}\n\n**Instead:** ${meta.safeAlternative}`;
}
