import { blockingEdits, type PlanRenderer, type PlanReportInput } from "./plan-model.js";

/** The plan as JSON, schemaVersion 1, documented by docs/plan.schema.json. Same input, byte-identical output. */
export class PlanJsonRenderer implements PlanRenderer {
  render(input: PlanReportInput): string {
    const conflicts = input.plans.reduce((total, plan) => total + plan.conflicts.length, 0);
    const mixed = input.plans.reduce((total, plan) => total + plan.mixed.length, 0);
    const report = {
      schemaVersion: 1,
      tool: input.tool,
      dialect: input.dialect,
      lockModel: input.lockModel,
      release: input.release,
      ...(input.rewritten !== undefined ? { rewritten: input.rewritten } : {}),
      failOn: input.failOn,
      passed: input.passed,
      summary: {
        histories: input.plans.length,
        revisionsUnderReview: input.plans.reduce((total, plan) => total + plan.revisions, 0),
        conflicts,
        mixed,
        edited: input.plans.reduce((total, plan) => total + blockingEdits(plan), 0),
      },
      plans: input.plans,
      skippedFiles: input.skipped.map((file) => ({
        file: file.file,
        reason: file.reason,
        ...(file.failed ? { failed: true } : {}),
      })),
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  }
}
