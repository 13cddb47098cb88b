import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  MOVE_TO,
  REORDER_WARNING,
  RUNS_IN,
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
  wrap
} from "./chunk-5XS3H2FR.js";

// src/adapters/report/plan-text.ts
function findingLines(findings, indent) {
  return findings.map((finding) => {
    const accepted = finding.acceptedBecause !== void 0 ? ` (accepted: ${finding.acceptedBecause})` : "";
    return `${indent}line ${finding.line}: ${finding.message}${accepted}`;
  });
}
function revisionLines(revision, lockModel) {
  const title = revision.message ? `  ${revision.message}` : "";
  const lines = [
    `     - ${revision.id}${title}  (${revision.file})`,
    `         ${roleText(revision)}: ${revision.summary}`
  ];
  const locks = locksLine(revision, lockModel);
  if (locks) lines.push(`         locks: ${locks}`);
  const batching = batchingText(revision);
  if (batching) {
    lines.push(`         batching: ${batching}`);
    lines.push(...findingLines(revision.batchingFindings, "           "));
  }
  const standing = revision.sameRelease.filter((finding) => finding.acceptedBecause === void 0);
  if (revision.step === "next-release" && standing.length > 0) {
    lines.push("         waits for the next release (contract-same-release):");
    lines.push(...findingLines(standing, "           "));
  }
  const accepted = revision.sameRelease.filter((finding) => finding.acceptedBecause !== void 0);
  if (accepted.length > 0) {
    lines.push("         contract-same-release accepted in the revision:");
    lines.push(...findingLines(accepted, "           "));
  }
  return lines;
}
function stepLines(step, number, lockModel, format) {
  const words = STEP_WORDS[step.kind];
  const lines = [`  ${number}. ${words.title}`];
  if (step.kind === "deploy") return lines;
  lines.push(`     (${pipelinesText(format)}: ${words.upgradeHead})`);
  for (const command of step.commands) lines.push(`     $ ${command}`);
  if (step.files.length > 0) lines.push(`     run: ${step.files.join(", ")}`);
  for (const revision of step.revisions) lines.push(...revisionLines(revision, lockModel));
  return lines;
}
function conflictLine(conflict) {
  const first = conflict.before[0];
  const others = conflict.total - 1;
  const named = first ? endText(first) : "";
  const more = others > 0 ? ` and ${counted(others, "more revision")}` : "";
  const via = conflict.throughDependsOn ? " (through depends_on)" : "";
  const them = others > 0 ? `${first?.id} and the others` : `${first?.id}`;
  const runs = others > 0 ? RUNS_IN[conflict.revision.step].replace(/^runs/, "run") : RUNS_IN[conflict.revision.step];
  const either = first ? `: either ${conflict.revision.id} ${RUNS_IN[first.step]}, or ${them} ${runs}` : "";
  return `    - ${endText(conflict.revision)} runs before ${named}${more}${via}${either}`;
}
function fixLines(plan) {
  const reorder = plan.reorder;
  if (!reorder) return [];
  const lines = [];
  if (plan.patch) {
    lines.push(
      "  Fix: move the revisions of later steps after the others (the commands above assume it; --write applies it):",
      "",
      plan.patch.trimEnd(),
      ""
    );
  } else {
    lines.push(`  Fix: run the release in this order: ${reorder.order.join(", ")}`);
  }
  if (reorder.remainingConflicts > 0)
    lines.push(
      `  ${counted(reorder.remainingConflicts, "conflict")} ${reorder.remainingConflicts === 1 ? "is" : "are"} left after it (a branch point, a merge or a depends_on is in the way): reorder by hand.`
    );
  if (reorder.blockers.length > 0) {
    lines.push(plan.patch ? "  --write will not apply it:" : "  Not written by --write:");
    for (const blocker of reorder.blockers) lines.push(`    - ${blocker}`);
  }
  if (plan.patch) lines.push(`  ${REORDER_WARNING}`);
  return lines;
}
function mixedLines(mixed) {
  const lines = [`    - ${mixed.id} (${mixed.file}), placed ${STEP_SHORT[mixed.step]}:`];
  for (const finding of mixed.findings) {
    const accepted = finding.acceptedBecause !== void 0 ? ` (accepted: ${finding.acceptedBecause})` : "";
    lines.push(`        ${finding.rule} (${finding.severity}), line ${finding.line}: ${finding.message}${accepted}`);
  }
  for (const move of mixed.moves) {
    lines.push(`        move the ${move.phase} operations to a new revision ${MOVE_TO[move.step]}:`);
    for (const op of move.operations) lines.push(`          line ${op.line}: ${op.text}`);
    if (move.total > move.operations.length) lines.push(`          and ${move.total - move.operations.length} more`);
  }
  return lines;
}
function editLines(edit) {
  const what = edit.revision !== void 0 ? `${edit.revision} (${edit.file})` : edit.file;
  const accepted = edit.acceptedBecause !== void 0 ? ` (accepted: ${edit.acceptedBecause})` : "";
  const lines = [`    - ${what}, line ${edit.line}: ${edit.message}${accepted}`];
  if (edit.acceptedBecause === void 0) lines.push(`        ${edit.hint}`);
  return lines;
}
function planLines(plan, lockModel, since) {
  const lines = [...stagedLines(plan, lockModel)];
  if (plan.edited.length > 0) {
    lines.push("", `  ${editsTitle(plan, since)}`);
    for (const edit of plan.edited) lines.push(...editLines(edit));
  }
  return lines;
}
function stagedLines(plan, lockModel) {
  const lines = [headline(plan)];
  if (plan.outcome === "nothing-to-deploy") return lines;
  if (plan.outcome === "one-step") {
    const step = plan.steps[0];
    if (step) {
      for (const command of step.commands) lines.push(`  $ ${command}`);
      if (step.files.length > 0) lines.push(`  run: ${step.files.join(", ")}`);
      for (const revision of step.revisions) lines.push(...revisionLines(revision, lockModel));
    }
    return lines;
  }
  plan.steps.forEach((step, index) => {
    lines.push(...stepLines(step, index + 1, lockModel, plan.format));
  });
  if (plan.conflicts.length > 0) {
    lines.push("", `  ${counted(plan.conflicts.length, "order conflict")}: ${runsInOrderText(plan.format)}`);
    for (const conflict of plan.conflicts) lines.push(conflictLine(conflict));
    lines.push(...fixLines(plan));
  }
  if (plan.mixed.length > 0) {
    lines.push("", `  ${counted(plan.mixed.length, "mixed revision")}: no single step fits them`);
    for (const mixed of plan.mixed) lines.push(...mixedLines(mixed));
  }
  return lines;
}
function fitted(line, width) {
  if (width === void 0 || line.includes("\n") || /^\s*\$ /.test(line)) return [line];
  const lead = /^( *)(- )?/.exec(line);
  const indent = " ".repeat((lead[1] ?? "").length + 2 + ((lead[2] ?? "") !== "" ? 2 : 0));
  return wrap(line, width, indent);
}
var PlanTextRenderer = class {
  constructor(width) {
    this.width = width;
  }
  width;
  render(input) {
    return `${this.lines(input).flatMap((line) => fitted(line, this.width)).join("\n")}
`;
  }
  lines(input) {
    const out = [`migragate plan: ${releaseText(input.release, input.plans)} (${input.dialect})`, ""];
    if (input.rewritten !== void 0) out.push(rewrittenText(input.rewritten), "");
    for (const plan of input.plans) out.push(...planLines(plan, input.lockModel, input.release.since), "");
    if (!input.lockModel && input.plans.some((plan) => plan.outcome !== "nothing-to-deploy"))
      out.push(`Locks: not modelled on ${input.dialect} (migragate models PostgreSQL's locks only).`, "");
    for (const skipped of input.skipped) out.push(`${skipped.file}: not analysed: ${skipped.reason}`);
    if (input.skipped.length > 0) out.push("");
    const conflicts = input.plans.reduce((total, plan) => total + plan.conflicts.length, 0);
    const mixed = input.plans.reduce((total, plan) => total + plan.mixed.length, 0);
    const edits = input.plans.reduce((total, plan) => total + blockingEdits(plan), 0);
    const edited = edits > 0 ? `, ${counted(edits, "edit")} of merged revisions` : "";
    out.push(
      `${counted(input.plans.length, "history", "histories")}, ${counted(conflicts, "order conflict")}, ${counted(mixed, "mixed revision")}${edited}: ${input.passed ? "the plan holds" : "the plan needs changes"}`
    );
    return out;
  }
};
export {
  PlanTextRenderer
};
