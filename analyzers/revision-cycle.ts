import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { fileStart } from "./support.js";

export const revisionCycle: Analyzer = {
  meta: {
    name: "revision-cycle",
    group: "graph",
    defaultSeverity: "error",
    summary: "down_revision links form a cycle.",
    rationale:
      "A cycle has no base to start from and no order to apply in: Alembic refuses to load the history (a cycle " +
      "error), so no migration can run until it is broken.",
    safeAlternative: "Fix the down_revision of one revision on the cycle so that it points at its real parent.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const history of input.histories) {
      for (const cycle of history.cycles) {
        const first = cycle[0];
        if (first === undefined) continue;
        const revision = history.revisions.find((rev) => rev.revision.id === first)?.revision;
        if (!revision) continue;
        findings.push({
          span: fileStart(revision.file),
          revision: first,
          message: `down_revision cycle: ${[...cycle, first].join(" -> ")}`,
          hint: "Set down_revision of one of these revisions to the revision it was really written on top of.",
        });
      }
    }
    return findings;
  },
};
