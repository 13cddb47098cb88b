import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import {
  commitsOnItsOwn,
  missingGuard,
  missingGuardFinding,
  rerunGuards,
  rerunState,
  withFollowers,
} from "./op-guards.js";
import { analyzedRevisions } from "./support.js";

export const opWithoutIfExistsStrict: Analyzer = {
  meta: {
    name: "op-without-if-exists-strict",
    group: "idempotency",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary:
      "Every other Alembic op that creates or drops something without if_exists / if_not_exists (the strict reading " +
      "of the idempotency guideline).",
    rationale:
      "Inside a transaction a failed revision rolls back and Alembic's version table keeps it from running twice, so " +
      "an unguarded op fails again only where the database drifted from the history: a hotfix applied by hand, a " +
      "table created outside migrations, an environment restored from another branch. Teams whose guidelines ask " +
      "for every op to be guarded turn this on; op-without-if-exists covers the ops that can be left half applied.",
    safeAlternative:
      "Pass if_not_exists=True / if_exists=True where the project's Alembic has them (1.12+ for indexes, 1.13.3+ for " +
      "tables, 1.16+ for columns and dropped constraints), else wrap the call in an inspector check.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const guards = input.shared(rerunGuards);
    for (const rev of analyzedRevisions(input)) {
      for (const { op, followed } of withFollowers(rev)) {
        // What op-without-if-exists reports is left to it: together the two rules cover every unguarded op once.
        if (followed && commitsOnItsOwn(op)) continue;
        const missing = missingGuard(op);
        if (!missing || guards.cannotTrip(op, rev)) continue;
        findings.push(
          missingGuardFinding(
            op,
            rev,
            missing,
            input.options.alembicVersion,
            `it fails if the migration runs again after it ${rerunState(missing)}`,
          ),
        );
      }
    }
    return findings;
  },
};
