import type {
  MixedRevision,
  OrderConflict,
  PlanFinding,
  PlannedRevision,
  PlanStep,
  RevisionEdit,
} from "../../domain/index.js";
import { codeCell, codeSpan, escapeMarkdown } from "./markdown-text.js";
import {
  batchingText,
  blockingEdits,
  counted,
  editsTitle,
  endText,
  headline,
  locksLine,
  MOVE_TO,
  type PlanRenderer,
  type PlanReportInput,
  pipelinesText,
  REORDER_WARNING,
  type ReportedPlan,
  releaseText,
  rewrittenText,
  roleText,
  runsInOrderText,
  STEP_SHORT,
  STEP_WORDS,
} from "./plan-model.js";

/** A pull-request comment must stay under GitHub's 65,536 characters: long lists are cut with a count. */
const MAX_ROWS = 25;
const MAX_ITEMS = 20;
const MAX_CELL = 300;
const MAX_PATCH = 15_000;
/** What the whole comment may take; sections past it are left out, with a pointer to the full plan. */
const MAX_COMMENT = 60_000;

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function shortened(text: string, max = MAX_CELL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function more(total: number, shown: number, what: string): string {
  return total > shown ? `\n\n… and ${counted(total - shown, what)}: see the text or JSON plan.` : "";
}

function findingText(finding: PlanFinding): string {
  const accepted = finding.acceptedBecause !== undefined ? ` (accepted: ${finding.acceptedBecause})` : "";
  return `line ${finding.line}: ${finding.message}${accepted}`;
}

function notes(revision: PlannedRevision): string {
  const parts: string[] = [];
  const batching = batchingText(revision);
  if (batching) {
    const why = revision.batchingFindings.map(findingText).join("; ");
    parts.push(`batching: ${batching}${why ? ` (${why})` : ""}`);
  }
  const standing = revision.sameRelease.filter((finding) => finding.acceptedBecause === undefined);
  if (revision.step === "next-release" && standing.length > 0)
    parts.push(`waits for the next release: ${standing.map(findingText).join("; ")}`);
  const accepted = revision.sameRelease.filter((finding) => finding.acceptedBecause !== undefined);
  if (accepted.length > 0) parts.push(`contract-same-release ${accepted.map(findingText).join("; ")}`);
  return escapeMarkdown(shortened(parts.join(". ")));
}

function revisionTable(revisions: readonly PlannedRevision[], lockModel: boolean): string {
  const rows = revisions.slice(0, MAX_ROWS).map((revision) => {
    const cells = [
      `${codeCell(revision.id)}<br>${escapeMarkdown(revision.message ?? "")}`,
      codeCell(revision.file),
      `${escapeMarkdown(roleText(revision))}: ${escapeMarkdown(shortened(revision.summary))}`,
      ...(lockModel ? [escapeMarkdown(locksLine(revision, lockModel) ?? "")] : []),
      notes(revision),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  const head = lockModel
    ? ["| revision | file | what it does | locks | notes |", "| --- | --- | --- | --- | --- |"]
    : ["| revision | file | what it does | notes |", "| --- | --- | --- | --- |"];
  return `${[...head, ...rows].join("\n")}${more(revisions.length, rows.length, "more revision")}`;
}

function fence(lines: readonly string[], language = "sh"): string {
  const body = lines.join("\n");
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${language}\n${body}\n${ticks}`;
}

function stepSection(step: PlanStep, number: number, lockModel: boolean, format: ReportedPlan["format"]): string {
  const words = STEP_WORDS[step.kind];
  const title = `#### ${number}. ${words.title}`;
  if (step.kind === "deploy") return title;
  const parts = [title, `_${pipelinesText(format)}: ${words.upgradeHead}._`];
  if (step.commands.length > 0) parts.push(fence(step.commands));
  if (step.files.length > 0) parts.push(`Run, in order: ${step.files.map(codeSpan).join(", ")}`);
  parts.push(revisionTable(step.revisions, lockModel));
  return parts.join("\n\n");
}

function conflictItem(conflict: OrderConflict): string {
  const named = conflict.before.map((end) => codeSpan(endText(end))).join(", ");
  const more = conflict.total > conflict.before.length ? ` and ${conflict.total - conflict.before.length} more` : "";
  const via = conflict.throughDependsOn ? " (through `depends_on`)" : "";
  return `- ${codeSpan(endText(conflict.revision))} runs before ${named}${more}${via}`;
}

function fixSection(plan: ReportedPlan): string {
  const reorder = plan.reorder;
  if (!reorder) return "";
  const parts: string[] = [];
  if (plan.patch) {
    const patch = plan.patch.length > MAX_PATCH ? `${plan.patch.slice(0, MAX_PATCH)}\n… (cut)` : plan.patch;
    parts.push(
      "**Fix**: move the revisions of later steps after the others (the commands above assume it; `migragate plan --write` applies it):",
      fence([patch.trimEnd()], "diff"),
    );
  } else {
    parts.push(`**Fix**: run the release in this order: ${reorder.order.map(codeSpan).join(", ")}`);
  }
  if (reorder.remainingConflicts > 0)
    parts.push(
      `${counted(reorder.remainingConflicts, "conflict")} ${reorder.remainingConflicts === 1 ? "is" : "are"} left after it (a branch point, a merge or a \`depends_on\` is in the way): reorder by hand.`,
    );
  if (reorder.blockers.length > 0)
    parts.push(
      `${plan.patch ? "`--write` will not apply it" : "Not written by `--write`"}:\n\n${reorder.blockers.map((blocker) => `- ${escapeMarkdown(shortened(blocker))}`).join("\n")}`,
    );
  if (plan.patch) parts.push(`> ${escapeMarkdown(REORDER_WARNING)}`);
  return parts.join("\n\n");
}

function mixedItem(mixed: MixedRevision, ruleDocs: string | undefined): string {
  const lines = [`- ${codeSpan(mixed.id)} (${codeSpan(mixed.file)}), placed ${STEP_SHORT[mixed.step]}`];
  for (const finding of mixed.findings) {
    lines.push(
      `  - ${ruleLink(finding.rule, ruleDocs)} (${finding.severity}): ${escapeMarkdown(shortened(findingText(finding)))}`,
    );
  }
  for (const move of mixed.moves) {
    const ops = move.operations
      .slice(0, 3)
      .map((op) => `line ${op.line}: ${codeSpan(op.text)}`)
      .join("; ");
    const rest = move.total > 3 ? ` and ${move.total - 3} more` : "";
    lines.push(`  - move the ${move.phase} operations to a new revision ${MOVE_TO[move.step]}: ${ops}${rest}`);
  }
  return lines.join("\n");
}

function ruleLink(rule: string, ruleDocs: string | undefined): string {
  // A link only where the rule documents are published.
  const url = ruleDocs?.replaceAll("{rule}", encodeURIComponent(rule));
  return url === undefined ? codeSpan(rule) : `[${codeSpan(rule)}](${url})`;
}

function editItem(edit: RevisionEdit, ruleDocs: string | undefined): string {
  const what =
    edit.revision !== undefined ? `${codeSpan(edit.revision)} (${codeSpan(edit.file)})` : codeSpan(edit.file);
  const accepted = edit.acceptedBecause !== undefined ? ` (accepted: ${edit.acceptedBecause})` : "";
  const text = escapeMarkdown(shortened(`line ${edit.line}: ${edit.message}${accepted}`));
  const lines = [`- ${what}, ${ruleLink(edit.rule, ruleDocs)} (${edit.severity}): ${text}`];
  if (edit.acceptedBecause === undefined) lines.push(`  - ${escapeMarkdown(shortened(edit.hint))}`);
  return lines.join("\n");
}

function editSections(plan: ReportedPlan, since: string | undefined, ruleDocs: string | undefined): string[] {
  if (plan.edited.length === 0) return [];
  const shown = plan.edited.slice(0, MAX_ITEMS);
  return [
    `#### ${blockingEdits(plan) > 0 ? "❌ " : ""}${escapeMarkdown(editsTitle(plan, since))}`,
    `${shown.map((edit) => editItem(edit, ruleDocs)).join("\n")}${more(plan.edited.length, shown.length, "more change")}`,
  ];
}

/** A history's plan as sections (the comment is cut between sections, never inside a table or code block). */
function planSections(plan: ReportedPlan, input: PlanReportInput): string[] {
  return [
    ...stagedSections(plan, input.lockModel, input.ruleDocs),
    ...editSections(plan, input.release.since, input.ruleDocs),
  ];
}

function stagedSections(plan: ReportedPlan, lockModel: boolean, ruleDocs: string | undefined): string[] {
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
    parts.push(`#### ❌ ${counted(plan.conflicts.length, "order conflict")}`);
    parts.push(
      `${capitalised(runsInOrderText(plan.format))}: each of these runs before ${plan.format === "sql" ? "files" : "revisions"} of an earlier step, so either it runs too early or they run too late.`,
    );
    const shown = plan.conflicts.slice(0, MAX_ITEMS);
    parts.push(`${shown.map(conflictItem).join("\n")}${more(plan.conflicts.length, shown.length, "more conflict")}`);
    parts.push(fixSection(plan));
  }
  if (plan.mixed.length > 0) {
    const shown = plan.mixed.slice(0, MAX_ITEMS);
    parts.push(
      `#### ${counted(plan.mixed.length, "mixed revision")}`,
      `${shown.map((mixed) => mixedItem(mixed, ruleDocs)).join("\n")}${more(plan.mixed.length, shown.length, "more mixed revision")}`,
    );
  }
  return parts;
}

/** The plan as a pull-request comment (and GitHub step summary). */
export class PlanMarkdownRenderer implements PlanRenderer {
  render(input: PlanReportInput): string {
    const edited = input.plans.some((plan) => blockingEdits(plan) > 0);
    const heading = input.passed
      ? "## ✅ migragate: deploy plan"
      : `## ❌ migragate: deploy plan (${edited ? "order conflicts, mixed revisions or edited merged revisions" : "order conflicts or mixed revisions"})`;
    const sections = [
      `<!-- migragate plan -->\n${heading}\n\nThe release: ${escapeMarkdown(releaseText(input.release, input.plans))}.` +
        (input.rewritten !== undefined ? `\n\n${escapeMarkdown(rewrittenText(input.rewritten))}.` : ""),
      ...input.plans.flatMap((plan) => planSections(plan, input)),
    ];
    if (!input.lockModel && input.plans.some((plan) => plan.outcome !== "nothing-to-deploy"))
      sections.push(
        `Locks: not modelled on ${escapeMarkdown(input.dialect)} (migragate models PostgreSQL's locks only).`,
      );
    const failed = input.skipped.filter((file) => file.failed);
    if (failed.length > 0)
      sections.push(
        [
          "### Files not analysed",
          "",
          ...failed.map((file) => `- ${codeSpan(file.file)}: ${escapeMarkdown(file.reason)}`),
        ].join("\n"),
      );
    const footer = `<sub>${escapeMarkdown(`${input.tool.name} ${input.tool.version}`)}</sub>`;
    // Whole sections only, in order, as long as they fit: a cut table or code block would break the comment.
    const kept: string[] = [];
    let size = footer.length;
    for (const section of sections) {
      if (size + section.length + 2 > MAX_COMMENT) {
        kept.push("… the rest of the plan does not fit a comment: see the text or JSON plan.");
        break;
      }
      kept.push(section);
      size += section.length + 2;
    }
    return `${[...kept, footer].join("\n\n")}\n`;
  }
}
