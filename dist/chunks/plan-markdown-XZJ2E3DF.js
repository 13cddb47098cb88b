import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  MOVE_TO,
  REORDER_WARNING,
  STEP_SHORT,
  STEP_WORDS,
  batchingText,
  blockingEdits,
  counted,
  editsTitle,
  endText,
  headline,
  locksLine,
  pipelinesText,
  releaseText,
  rewrittenText,
  roleText,
  runsInOrderText
} from "./chunk-XKJ4JXYR.js";
import {
  codeCell,
  codeSpan,
  escapeMarkdown
} from "./chunk-V47FRRV3.js";

// src/adapters/report/plan-markdown.ts
var MAX_ROWS = 25;
var MAX_ITEMS = 20;
var MAX_CELL = 300;
var MAX_PATCH = 15e3;
var MAX_COMMENT = 6e4;
function capitalised(text) {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
function shortened(text, max = MAX_CELL) {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
function more(total, shown, what) {
  return total > shown ? `

\u2026 and ${counted(total - shown, what)}: see the text or JSON plan.` : "";
}
function findingText(finding) {
  const accepted = finding.acceptedBecause !== void 0 ? ` (accepted: ${finding.acceptedBecause})` : "";
  return `line ${finding.line}: ${finding.message}${accepted}`;
}
function notes(revision) {
  const parts = [];
  const batching = batchingText(revision);
  if (batching) {
    const why = revision.batchingFindings.map(findingText).join("; ");
    parts.push(`batching: ${batching}${why ? ` (${why})` : ""}`);
  }
  const standing = revision.sameRelease.filter((finding) => finding.acceptedBecause === void 0);
  if (revision.step === "next-release" && standing.length > 0)
    parts.push(`waits for the next release: ${standing.map(findingText).join("; ")}`);
  const accepted = revision.sameRelease.filter((finding) => finding.acceptedBecause !== void 0);
  if (accepted.length > 0) parts.push(`contract-same-release ${accepted.map(findingText).join("; ")}`);
  return escapeMarkdown(shortened(parts.join(". ")));
}
function revisionTable(revisions, lockModel) {
  const rows = revisions.slice(0, MAX_ROWS).map((revision) => {
    const cells = [
      `${codeCell(revision.id)}<br>${escapeMarkdown(revision.message ?? "")}`,
      codeCell(revision.file),
      `${escapeMarkdown(roleText(revision))}: ${escapeMarkdown(shortened(revision.summary))}`,
      ...lockModel ? [escapeMarkdown(locksLine(revision, lockModel) ?? "")] : [],
      notes(revision)
    ];
    return `| ${cells.join(" | ")} |`;
  });
  const head = lockModel ? ["| revision | file | what it does | locks | notes |", "| --- | --- | --- | --- | --- |"] : ["| revision | file | what it does | notes |", "| --- | --- | --- | --- |"];
  return `${[...head, ...rows].join("\n")}${more(revisions.length, rows.length, "more revision")}`;
}
function fence(lines, language = "sh") {
  const body = lines.join("\n");
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${language}
${body}
${ticks}`;
}
function stepSection(step, number, lockModel, format) {
  const words = STEP_WORDS[step.kind];
  const title = `#### ${number}. ${words.title}`;
  if (step.kind === "deploy") return title;
  const parts = [title, `_${pipelinesText(format)}: ${words.upgradeHead}._`];
  if (step.commands.length > 0) parts.push(fence(step.commands));
  if (step.files.length > 0) parts.push(`Run, in order: ${step.files.map(codeSpan).join(", ")}`);
  parts.push(revisionTable(step.revisions, lockModel));
  return parts.join("\n\n");
}
function conflictItem(conflict) {
  const named = conflict.before.map((end) => codeSpan(endText(end))).join(", ");
  const more2 = conflict.total > conflict.before.length ? ` and ${conflict.total - conflict.before.length} more` : "";
  const via = conflict.throughDependsOn ? " (through `depends_on`)" : "";
  return `- ${codeSpan(endText(conflict.revision))} runs before ${named}${more2}${via}`;
}
function fixSection(plan) {
  const reorder = plan.reorder;
  if (!reorder) return "";
  const parts = [];
  if (plan.patch) {
    const patch = plan.patch.length > MAX_PATCH ? `${plan.patch.slice(0, MAX_PATCH)}
\u2026 (cut)` : plan.patch;
    parts.push(
      "**Fix**: move the revisions of later steps after the others (the commands above assume it; `migragate plan --write` applies it):",
      fence([patch.trimEnd()], "diff")
    );
  } else {
    parts.push(`**Fix**: run the release in this order: ${reorder.order.map(codeSpan).join(", ")}`);
  }
  if (reorder.remainingConflicts > 0)
    parts.push(
      `${counted(reorder.remainingConflicts, "conflict")} ${reorder.remainingConflicts === 1 ? "is" : "are"} left after it (a branch point, a merge or a \`depends_on\` is in the way): reorder by hand.`
    );
  if (reorder.blockers.length > 0)
    parts.push(
      `${plan.patch ? "`--write` will not apply it" : "Not written by `--write`"}:

${reorder.blockers.map((blocker) => `- ${escapeMarkdown(shortened(blocker))}`).join("\n")}`
    );
  if (plan.patch) parts.push(`> ${escapeMarkdown(REORDER_WARNING)}`);
  return parts.join("\n\n");
}
function mixedItem(mixed, ruleDocs) {
  const lines = [`- ${codeSpan(mixed.id)} (${codeSpan(mixed.file)}), placed ${STEP_SHORT[mixed.step]}`];
  for (const finding of mixed.findings) {
    lines.push(
      `  - ${ruleLink(finding.rule, ruleDocs)} (${finding.severity}): ${escapeMarkdown(shortened(findingText(finding)))}`
    );
  }
  for (const move of mixed.moves) {
    const ops = move.operations.slice(0, 3).map((op) => `line ${op.line}: ${codeSpan(op.text)}`).join("; ");
    const rest = move.total > 3 ? ` and ${move.total - 3} more` : "";
    lines.push(`  - move the ${move.phase} operations to a new revision ${MOVE_TO[move.step]}: ${ops}${rest}`);
  }
  return lines.join("\n");
}
function ruleLink(rule, ruleDocs) {
  const url = ruleDocs?.replaceAll("{rule}", encodeURIComponent(rule));
  return url === void 0 ? codeSpan(rule) : `[${codeSpan(rule)}](${url})`;
}
function editItem(edit, ruleDocs) {
  const what = edit.revision !== void 0 ? `${codeSpan(edit.revision)} (${codeSpan(edit.file)})` : codeSpan(edit.file);
  const accepted = edit.acceptedBecause !== void 0 ? ` (accepted: ${edit.acceptedBecause})` : "";
  const text = escapeMarkdown(shortened(`line ${edit.line}: ${edit.message}${accepted}`));
  const lines = [`- ${what}, ${ruleLink(edit.rule, ruleDocs)} (${edit.severity}): ${text}`];
  if (edit.acceptedBecause === void 0) lines.push(`  - ${escapeMarkdown(shortened(edit.hint))}`);
  return lines.join("\n");
}
function editSections(plan, since, ruleDocs) {
  if (plan.edited.length === 0) return [];
  const shown = plan.edited.slice(0, MAX_ITEMS);
  return [
    `#### ${blockingEdits(plan) > 0 ? "\u274C " : ""}${escapeMarkdown(editsTitle(plan, since))}`,
    `${shown.map((edit) => editItem(edit, ruleDocs)).join("\n")}${more(plan.edited.length, shown.length, "more change")}`
  ];
}
function planSections(plan, input) {
  return [
    ...stagedSections(plan, input.lockModel, input.ruleDocs),
    ...editSections(plan, input.release.since, input.ruleDocs)
  ];
}
function stagedSections(plan, lockModel, ruleDocs) {
  const parts = [`### ${escapeMarkdown(headline(plan))}`];
  if (plan.outcome === "nothing-to-deploy") return parts;
  if (plan.outcome === "one-step") {
    const step = plan.steps[0];
    if (step?.commands.length) parts.push(fence(step.commands));
    if (step?.files.length) parts.push(`Run, in order: ${step.files.map(codeSpan).join(", ")}`);
    if (step) parts.push(revisionTable(step.revisions, lockModel));
    return parts;
  }
  plan.steps.forEach((step, index) => {
    parts.push(stepSection(step, index + 1, lockModel, plan.format));
  });
  if (plan.conflicts.length > 0) {
    parts.push(`#### \u274C ${counted(plan.conflicts.length, "order conflict")}`);
    parts.push(
      `${capitalised(runsInOrderText(plan.format))}: each of these runs before ${plan.format === "sql" ? "files" : "revisions"} of an earlier step, so either it runs too early or they run too late.`
    );
    const shown = plan.conflicts.slice(0, MAX_ITEMS);
    parts.push(`${shown.map(conflictItem).join("\n")}${more(plan.conflicts.length, shown.length, "more conflict")}`);
    parts.push(fixSection(plan));
  }
  if (plan.mixed.length > 0) {
    const shown = plan.mixed.slice(0, MAX_ITEMS);
    parts.push(
      `#### ${counted(plan.mixed.length, "mixed revision")}`,
      `${shown.map((mixed) => mixedItem(mixed, ruleDocs)).join("\n")}${more(plan.mixed.length, shown.length, "more mixed revision")}`
    );
  }
  return parts;
}
var PlanMarkdownRenderer = class {
  render(input) {
    const edited = input.plans.some((plan) => blockingEdits(plan) > 0);
    const heading = input.passed ? "## \u2705 migragate: deploy plan" : `## \u274C migragate: deploy plan (${edited ? "order conflicts, mixed revisions or edited merged revisions" : "order conflicts or mixed revisions"})`;
    const sections = [
      `<!-- migragate plan -->
${heading}

The release: ${escapeMarkdown(releaseText(input.release, input.plans))}.` + (input.rewritten !== void 0 ? `

${escapeMarkdown(rewrittenText(input.rewritten))}.` : ""),
      ...input.plans.flatMap((plan) => planSections(plan, input))
    ];
    if (!input.lockModel && input.plans.some((plan) => plan.outcome !== "nothing-to-deploy"))
      sections.push(
        `Locks: not modelled on ${escapeMarkdown(input.dialect)} (migragate models PostgreSQL's locks only).`
      );
    const failed = input.skipped.filter((file) => file.failed);
    if (failed.length > 0)
      sections.push(
        [
          "### Files not analysed",
          "",
          ...failed.map((file) => `- ${codeSpan(file.file)}: ${escapeMarkdown(file.reason)}`)
        ].join("\n")
      );
    const footer = `<sub>${escapeMarkdown(`${input.tool.name} ${input.tool.version}`)}</sub>`;
    const kept = [];
    let size = footer.length;
    for (const section of sections) {
      if (size + section.length + 2 > MAX_COMMENT) {
        kept.push("\u2026 the rest of the plan does not fit a comment: see the text or JSON plan.");
        break;
      }
      kept.push(section);
      size += section.length + 2;
    }
    return `${[...kept, footer].join("\n\n")}
`;
  }
};
export {
  PlanMarkdownRenderer
};
