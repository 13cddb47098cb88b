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

export const opWithoutIfExists: Analyzer = {
  meta: {
    name: "op-without-if-exists",
    group: "idempotency",
    defaultSeverity: "warning",
    summary:
      "An Alembic op that commits on its own (MySQL DDL, autocommit_block, CONCURRENTLY) and is followed by more " +
      "statements creates or drops something without if_exists / if_not_exists.",
    rationale:
      "When a later statement of the revision fails, what already committed stays while Alembic never records the " +
      "revision: the retry runs it again and stops at the object that already exists (or is already gone), and " +
      "someone has to repair the database by hand during the deploy. Inside PostgreSQL's transactional DDL this " +
      "cannot happen (see op-without-if-exists-strict for teams that want every op guarded).",
    safeAlternative:
      "Guard the call: if_not_exists=True / if_exists=True where the project's Alembic has them (1.12+ for indexes, " +
      "1.13.3+ for tables, 1.16+ for columns and dropped constraints), else an inspector check " +
      "(sa.inspect(op.get_bind())).",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const guards = input.shared(rerunGuards);
    for (const rev of analyzedRevisions(input)) {
      for (const { op, followed } of withFollowers(rev)) {
        const why = followed ? commitsOnItsOwn(op) : undefined;
        const missing = why === undefined ? undefined : missingGuard(op);
        if (!why || !missing || guards.cannotTrip(op, rev)) continue;
        findings.push(
          missingGuardFinding(
            op,
            rev,
            missing,
            input.options.alembicVersion,
            `${why}, so when a later statement of this revision fails it stays applied while the revision is not ` +
              `recorded, and the retry stops here because it ${rerunState(missing)}`,
          ),
        );
      }
    }
    return findings;
  },
};
