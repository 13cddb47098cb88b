import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/report/rule-docs.ts
function ruleDocsTemplate(repositoryUrl, docsUrl) {
  if (docsUrl !== void 0) return docsUrl.includes("{rule}") ? docsUrl : `${docsUrl.replace(/\/+$/, "")}/{rule}.md`;
  return repositoryUrl === void 0 ? void 0 : `${repositoryUrl.replace(/\/+$/, "")}/blob/HEAD/docs/rules/{rule}.md`;
}
function ruleDocUrl(input, rule) {
  return input.links?.ruleDocs?.replaceAll("{rule}", encodeURIComponent(rule));
}
function ruleHelpMarkdown(meta) {
  return `${meta.rationale}

**Instead:** ${meta.safeAlternative}`;
}

export {
  ruleDocsTemplate,
  ruleDocUrl,
  ruleHelpMarkdown
};
