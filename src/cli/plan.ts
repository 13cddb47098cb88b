import { appendFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../adapters/fs/discovery.js";
import type { FileEdit } from "../adapters/fs/file-edits.js";
import {
  type PlanFormat,
  type PlanReportInput,
  planRendererFor,
  REORDER_WARNING,
  type ReportedPlan,
} from "../adapters/report/plan-model.js";
import { ruleDocsTemplate } from "../adapters/report/rule-docs.js";
import { failsGate, type HistoryPlan } from "../domain/index.js";
import { EDIT_RULE, MIXED_RULES, mixedFindings, PLAN_RULES, planReleases, standingEdits } from "../services/plan.js";
import { type AnalysisEnvironment, analyzeProject } from "./analyze-project.js";
import type { CommandLineSettings, RunSettings } from "./settings.js";

export interface PlanOptions extends CommandLineSettings {
  readonly format: PlanFormat;
  /** Write the plan to this file instead of standard output. */
  readonly output?: string;
  /** Apply the fix for the order conflicts to the revision files. */
  readonly write?: boolean;
  /** Apply it without asking. */
  readonly yes?: boolean;
}

export interface PlanEnvironment extends AnalysisEnvironment {
  readonly version: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** GITHUB_STEP_SUMMARY: the file the markdown plan is appended to. */
  readonly stepSummary?: string;
  /** Asks a yes/no question on the terminal; absent when there is no terminal to ask on. */
  readonly confirm?: (question: string) => Promise<boolean>;
  /** The web address of migragate's repository, when package.json names one: the plan links rule documents. */
  readonly repositoryUrl?: string;
  /** The width the text plan on standard output wraps at (see `reportWidth`); none: no wrapping. */
  readonly width?: number;
}

/** A history's fix as files to rewrite, with the patch that shows it and what kept some file from being rewritten. */
interface PatchText {
  readonly edits: FileEdit[];
  readonly patch: string;
  readonly problems: string[];
}

function requireRelease(settings: RunSettings): void {
  if (settings.since === undefined && settings.releaseAfter === undefined)
    throw new InputError(
      "plan needs the release under review: give --since REF or --release-after REV (or release-after in the config)",
    );
}

/** The down_revision edits of each plan as file texts and a unified diff; the Python parser loads only when needed. */
async function patchTexts(
  plans: readonly HistoryPlan[],
  sources: ReadonlyMap<string, string>,
  cwd: string,
): Promise<Map<number, PatchText>> {
  const texts = new Map<number, PatchText>();
  const withEdits = plans.filter((plan) => plan.format === "alembic" && (plan.reorder?.edits.length ?? 0) > 0);
  if (withEdits.length === 0) return texts;
  const [{ loadPythonParser }, { rewriteDownRevision }, { unifiedDiff }] = await Promise.all([
    import("../adapters/python/python-parser.js"),
    import("../adapters/python/down-revision-text.js"),
    import("../adapters/report/unified-diff.js"),
  ]);
  const parser = await loadPythonParser();
  try {
    for (const plan of withEdits) {
      const text: PatchText = { edits: [], patch: "", problems: [] };
      const diffs: string[] = [];
      for (const edit of plan.reorder?.edits ?? []) {
        const before = sources.get(edit.file);
        const rewritten = before === undefined ? { problem: "not read" } : rewriteDownRevision(parser, before, edit.to);
        if ("problem" in rewritten) {
          text.problems.push(`${edit.file}: ${rewritten.problem}`);
          continue;
        }
        text.edits.push({
          path: resolve(cwd, edit.file),
          file: edit.file,
          before: before ?? "",
          after: rewritten.text,
        });
        diffs.push(unifiedDiff(edit.file, before ?? "", rewritten.text));
      }
      texts.set(plan.history, { ...text, patch: diffs.join("") });
    }
  } finally {
    parser.delete();
  }
  return texts;
}

function reported(plan: HistoryPlan, text: PatchText | undefined): ReportedPlan {
  if (!plan.reorder || !text) return plan;
  return {
    ...plan,
    reorder: { ...plan.reorder, blockers: [...plan.reorder.blockers, ...text.problems] },
    ...(text.patch !== "" ? { patch: text.patch } : {}),
  };
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new InputError(`${path}: cannot write the plan (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * `--write`: applies the fixes that nothing blocks, after asking unless `--yes` (the question comes with the patch, on
 * the terminal). Returns the files rewritten.
 */
async function applyFixes(
  plans: readonly ReportedPlan[],
  texts: ReadonlyMap<number, PatchText>,
  options: PlanOptions,
  environment: PlanEnvironment,
): Promise<string[]> {
  const conflicted = plans.filter((plan) => plan.conflicts.length > 0);
  if (conflicted.length === 0) {
    environment.stderr("migragate: --write: no order conflict, nothing to write\n");
    return [];
  }
  const ready = conflicted.filter((plan) => plan.patch !== undefined && plan.reorder?.blockers.length === 0);
  for (const plan of conflicted.filter((candidate) => !ready.includes(candidate))) {
    const why = plan.reorder?.blockers.join("; ") || "no down_revision edit resolves it";
    environment.stderr(`migragate: --write: history ${plan.history} not rewritten: ${why}\n`);
  }
  const edits = ready.flatMap((plan) => texts.get(plan.history)?.edits ?? []);
  if (edits.length === 0) return [];
  const files = edits.map((edit) => edit.file);
  if (!options.yes) {
    // The plan is printed once, for the history as it ends up: the patch to answer about is shown with the question.
    for (const plan of ready) environment.stderr(plan.patch ?? "");
    environment.stderr(`${REORDER_WARNING}\n`);
    const question = `Rewrite down_revision in ${files.length} file(s): ${files.join(", ")}? [y/N] `;
    if (!(await environment.confirm?.(question))) {
      environment.stderr("migragate: --write: nothing written\n");
      return [];
    }
  }
  const { applyFileEdits } = await import("../adapters/fs/file-edits.js");
  applyFileEdits(edits);
  environment.stderr(`migragate: rewrote down_revision in ${files.length} file(s): ${files.join(", ")}\n`);
  return files;
}

/** One analysis of the project and its plans, ready to render, with what it exits with. */
interface PlannedProject {
  readonly input: PlanReportInput;
  readonly plans: readonly ReportedPlan[];
  readonly texts: ReadonlyMap<number, PatchText>;
  /** Files migragate failed to analyse: the plan cannot vouch for them (exit 2). */
  readonly failed: readonly string[];
  /** 1 for an order conflict, a mixed revision's finding or a revision-edited finding at or above --fail-on; else 0. */
  readonly exitCode: number;
}

async function planProject(
  options: PlanOptions,
  environment: PlanEnvironment,
  rewritten?: readonly string[],
): Promise<PlannedProject> {
  const analysis = await analyzeProject(
    options,
    environment,
    () => new Set([...PLAN_RULES, EDIT_RULE]),
    requireRelease,
  );
  const { settings, result } = analysis;
  const plans = planReleases({
    histories: result.histories,
    findings: result.findings,
    suppressed: result.suppressed,
    dialect: analysis.dialect,
    ...(analysis.changeUnderReview ? { changeUnderReview: analysis.changeUnderReview } : {}),
  });
  const texts = await patchTexts(plans, analysis.sources, environment.cwd);
  const reportedPlans = plans.map((plan) => reported(plan, texts.get(plan.history)));
  // As in check: the rules the settings turn off do not fail the run, and each has the settings' severity.
  const failing = mixedFindings(plans).filter(
    (finding) =>
      MIXED_RULES.includes(finding.rule) &&
      settings.rules.has(finding.rule) &&
      failsGate(finding.severity, settings.failOn),
  );
  // An edited revision that existed at --since fails the plan as revision-edited fails check.
  const edits = standingEdits(plans).filter(
    (edit) => settings.rules.has(EDIT_RULE) && failsGate(edit.severity, settings.failOn),
  );
  const conflicts = plans.reduce((total, plan) => total + plan.conflicts.length, 0);
  const ruleDocs = ruleDocsTemplate(environment.repositoryUrl, settings.docsUrl);
  const input: PlanReportInput = {
    tool: { name: "migragate", version: environment.version },
    ...(ruleDocs !== undefined ? { ruleDocs } : {}),
    dialect: analysis.dialect,
    lockModel: analysis.dialect === "postgresql",
    release: {
      ...(settings.since !== undefined ? { since: settings.since } : {}),
      ...(settings.releaseAfter !== undefined ? { releaseAfter: settings.releaseAfter } : {}),
      ...(settings.startAfter !== undefined ? { startAfter: settings.startAfter } : {}),
    },
    ...(rewritten !== undefined ? { rewritten } : {}),
    plans: reportedPlans,
    skipped: analysis.skipped,
    failOn: settings.failOn,
    passed: analysis.failed.length === 0 && conflicts === 0 && failing.length === 0 && edits.length === 0,
  };
  return {
    input,
    plans: reportedPlans,
    texts,
    failed: analysis.failed.map((file) => file.file),
    exitCode: conflicts > 0 || failing.length > 0 || edits.length > 0 ? 1 : 0,
  };
}

/** Prints the plan (or writes it to --output), and appends the markdown plan to GitHub's step summary. */
async function deliver(planned: PlannedProject, options: PlanOptions, environment: PlanEnvironment): Promise<void> {
  // Wrapping is for a terminal: a plan written to a file is not wrapped.
  const width = options.output === undefined ? environment.width : undefined;
  const rendered = (await planRendererFor(options.format, width)).render(planned.input);
  if (options.output !== undefined) writeOutput(options.output, rendered);
  else environment.stdout(rendered);
  if (environment.stepSummary) {
    const summary =
      options.format === "markdown" ? rendered : (await planRendererFor("markdown")).render(planned.input);
    try {
      appendFileSync(environment.stepSummary, summary);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      environment.stderr(`migragate: ${environment.stepSummary}: cannot append the step summary (${code})\n`);
    }
  }
}

/**
 * The `plan` command: the same reading and analysis as `check`, then each history's deploy plan for the release under
 * review. Exit 1 on an order conflict, a mixed revision's finding or an edited merged revision at or above
 * `--fail-on`. With `--write`, the fix is applied first (after asking, which shows the patch on the terminal) and the
 * plan printed is the one of the rewritten history, which says what was rewritten: the output and the exit code
 * describe the same history.
 */
export async function runPlan(options: PlanOptions, environment: PlanEnvironment): Promise<number> {
  if (options.write && !options.yes && !environment.confirm)
    throw new InputError(
      "--write asks before it edits revision files, and there is no terminal to ask on: add --yes to apply the fix without asking",
    );
  const first = await planProject(options, environment);
  let planned = first;
  if (options.write && first.failed.length === 0) {
    const written = await applyFixes(first.plans, first.texts, options, environment);
    if (written.length > 0) planned = await planProject(options, environment, written);
  }
  await deliver(planned, options, environment);
  if (planned.failed.length > 0) {
    const names = planned.failed.join(", ");
    environment.stderr(`migragate: ${planned.failed.length} file(s) could not be analysed (see the plan): ${names}\n`);
    return 2;
  }
  return planned.exitCode;
}
