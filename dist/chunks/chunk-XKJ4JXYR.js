import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/report/plan-model.ts
var PLAN_FORMATS = ["text", "markdown", "json"];
async function planRendererFor(format, width) {
  switch (format) {
    case "text":
      return new (await import("./plan-text-J6QIBCAS.js")).PlanTextRenderer(width);
    case "markdown":
      return new (await import("./plan-markdown-XZJ2E3DF.js")).PlanMarkdownRenderer();
    case "json":
      return new (await import("./plan-json-YG6QTYCO.js")).PlanJsonRenderer();
  }
}
var STEP_WORDS = {
  "any-time": { title: "Run everything in one step", upgradeHead: "merge and release now" },
  "before-deploy": { title: "Before the code deploy", upgradeHead: "merge and release now" },
  deploy: { title: "Deploy the new code everywhere", upgradeHead: "the release itself" },
  "after-deploy": { title: "After the deploy", upgradeHead: "a follow-up pull request, merged after the deploy" },
  "next-release": {
    title: "Next release, once no instance of the old code is left",
    upgradeHead: "a pull request for the next release"
  }
};
function pipelinesText(format) {
  return format === "sql" ? "pipelines that apply every file" : "`alembic upgrade head` pipelines";
}
function runsInOrderText(format) {
  return format === "sql" ? "the files run in order (by file name)" : "Alembic runs a chain in order";
}
var STEP_SHORT = {
  "any-time": "any time",
  "before-deploy": "before the code deploy",
  deploy: "the deploy",
  "after-deploy": "after the deploy",
  "next-release": "the next release"
};
var MOVE_TO = {
  "any-time": "at any time",
  "before-deploy": "before the code deploy",
  deploy: "with the deploy",
  "after-deploy": "after the deploy",
  "next-release": "in the next release"
};
var RUNS_IN = {
  "any-time": "runs at any time",
  "before-deploy": "runs before the code deploy",
  deploy: "runs with the deploy",
  "after-deploy": "runs after the deploy",
  "next-release": "runs in the next release"
};
function counted(count, singular, plural = `${singular}s`) {
  return `${count} ${count === 1 ? singular : plural}`;
}
function lockText(lock) {
  const notes = [
    ...lock.newTable ? ["new table: blocks nobody"] : [],
    ...lock.rewrite ? ["rewrites it"] : lock.scan ? ["reads every row"] : []
  ];
  return `${lock.lock} on ${lock.table}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`;
}
function locksLine(revision, lockModel) {
  if (!lockModel) return void 0;
  if (revision.locksNotModelled !== void 0) return `not modelled on ${revision.locksNotModelled}`;
  const parts = revision.locks.map(lockText);
  if (revision.unknownEffects > 0)
    parts.push(`${counted(revision.unknownEffects, "operation")} migragate could not read: locks unknown`);
  return parts.length > 0 ? parts.join("; ") : "no table lock";
}
var BATCHING_WORDS = {
  unbatched: "unbatched: a statement touches every row at once",
  accepted: "unbatched, accepted",
  batched: "batched (runs in a loop)",
  "not-flagged": "no statement over every row found"
};
function batchingText(revision) {
  return revision.batching === void 0 ? void 0 : BATCHING_WORDS[revision.batching];
}
function roleText(revision) {
  return revision.role === "mixed" ? `mixed (${revision.phases.join(" + ")})` : revision.role;
}
function endText(end) {
  return `${end.id} (${end.role}, ${STEP_SHORT[end.step]})`;
}
function blockingEdits(plan) {
  return plan.edited.filter((edit) => edit.acceptedBecause === void 0).length;
}
function headline(plan) {
  const where = plan.scope !== "" ? ` (${plan.scope})` : "";
  const head = `History ${plan.history}${where}`;
  const blocking = blockingEdits(plan);
  const edits = `${counted(blocking, "edit")} of a merged revision ${blocking === 1 ? "blocks" : "block"} the plan`;
  if (plan.outcome === "nothing-to-deploy")
    return blocking > 0 ? `${head}: nothing new to deploy; ${edits}` : `${head}: nothing to deploy (no revision under review)`;
  const edited = blocking > 0 ? `, ${edits}` : "";
  const cycle = plan.cycles > 0 ? ` (${counted(plan.cycles, "cycle")} in its down_revision graph: Alembic cannot run those revisions)` : "";
  const revisions = counted(plan.revisions, "revision");
  if (plan.outcome === "one-step")
    return `${head}: ${revisions} under review, all neutral: run everything in one step${edited}`;
  const steps = plan.steps.filter((step) => step.kind !== "deploy").length + 1;
  const conflicts = plan.conflicts.length > 0 ? `, ${counted(plan.conflicts.length, "order conflict")}` : "";
  const mixed = plan.mixed.length > 0 ? `, ${counted(plan.mixed.length, "mixed revision")}` : "";
  return `${head}: ${revisions} under review in ${counted(steps, "step")}${conflicts}${mixed}${edited}${cycle}`;
}
function editsTitle(plan, since) {
  const count = plan.edited.length;
  const what = `${counted(count, "change")} to revisions that existed at ${since ?? "the base"} (revision-edited)`;
  return blockingEdits(plan) > 0 ? `${what}: environments that already ran them will never run the change; move it into a new revision` : `${what}, accepted`;
}
function releaseText(release, plans = []) {
  const edited = plans.some((plan) => plan.edited.length > 0);
  if (release.since !== void 0)
    return `the revision files ${edited ? "added or changed" : "added"} since ${release.since}`;
  if (release.releaseAfter !== void 0) return `the revisions after ${release.releaseAfter}`;
  return "every revision";
}
function rewrittenText(files) {
  return `--write rewrote down_revision in ${counted(files.length, "file")} (${files.join(", ")}): this is the plan of the history as rewritten`;
}
var REORDER_WARNING = "Never reorder a revision that is already applied to some database (a staging environment, a colleague's): its recorded version would sit at another place in the chain.";

export {
  PLAN_FORMATS,
  planRendererFor,
  STEP_WORDS,
  pipelinesText,
  runsInOrderText,
  STEP_SHORT,
  MOVE_TO,
  RUNS_IN,
  counted,
  locksLine,
  batchingText,
  roleText,
  endText,
  blockingEdits,
  headline,
  editsTitle,
  releaseText,
  rewrittenText,
  REORDER_WARNING
};
