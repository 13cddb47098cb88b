import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  blockingEdits
} from "./chunk-XKJ4JXYR.js";

// src/adapters/report/plan-json.ts
var PlanJsonRenderer = class {
  render(input) {
    const conflicts = input.plans.reduce((total, plan) => total + plan.conflicts.length, 0);
    const mixed = input.plans.reduce((total, plan) => total + plan.mixed.length, 0);
    const report = {
      schemaVersion: 1,
      tool: input.tool,
      dialect: input.dialect,
      lockModel: input.lockModel,
      release: input.release,
      ...input.rewritten !== void 0 ? { rewritten: input.rewritten } : {},
      failOn: input.failOn,
      passed: input.passed,
      summary: {
        histories: input.plans.length,
        revisionsUnderReview: input.plans.reduce((total, plan) => total + plan.revisions, 0),
        conflicts,
        mixed,
        edited: input.plans.reduce((total, plan) => total + blockingEdits(plan), 0)
      },
      plans: input.plans,
      skippedFiles: input.skipped.map((file) => ({
        file: file.file,
        reason: file.reason,
        ...file.failed ? { failed: true } : {}
      }))
    };
    return `${JSON.stringify(report, null, 2)}
`;
  }
};
export {
  PlanJsonRenderer
};
