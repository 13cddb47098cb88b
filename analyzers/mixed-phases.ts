import { type Analyzer, type FindingDraft, firstRunningWith } from "../src/domain/index.js";
import { analyzedRevisions, excerpt, phaseExceptionsOf, q } from "./support.js";

export const mixedPhases: Analyzer = {
  meta: {
    name: "mixed-phases",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A revision both expands and contracts the schema.",
    rationale:
      "Expand changes must be live before the new code is deployed; contract changes may only run once no instance " +
      "of the old code is left. A revision that does both is either too late for its expand part or too early for its " +
      "contract part, and the old release breaks during the rollout.",
    safeAlternative:
      "Split it: ship the expand revision with (or before) the release that needs it, and the contract revision in a " +
      "later deploy, after every instance runs the new code.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const rev of analyzedRevisions(input)) {
      // Operations the revision's own exception functions accept do not make it mixed (they are reported apart).
      // A contract assumed for an unreadable type is change-column-type's to report, not a scheduling fact.
      const contracts = rev.operations.filter((op) => op.phase === "contract" && !op.phaseAssumed);
      const expands = rev.operations.filter((op) => op.phase === "expand");
      if (contracts.length === 0 || expands.length === 0) continue;
      const exceptionFor = phaseExceptionsOf(rev);
      // A pair that one upgrade runs: not an expand in a branch for another database than the contract's.
      const partnerOf = firstRunningWith(expands);
      const ordered = [...contracts.filter((op) => !exceptionFor(op)), ...contracts.filter((op) => exceptionFor(op))];
      const contract = ordered.find((op) => partnerOf(op) !== undefined);
      const expand = contract === undefined ? undefined : partnerOf(contract);
      if (!expand || !contract) continue;
      const accepted = exceptionFor(contract) ?? exceptionFor(expand);
      findings.push({
        ...(accepted ? { accepted } : {}),
        span: contract.span,
        revision: rev.revision.id,
        message:
          `revision ${q(rev.revision.id)} expands the schema (line ${expand.span.line}: ${excerpt(expand.text)}) and ` +
          `contracts it (line ${contract.span.line}: ${excerpt(contract.text)}${contract.contractReason ? `: ${contract.contractReason}` : ""})`,
        hint: "Move the contract operations into a new revision that is deployed after the release using the new schema.",
      });
    }
    return findings;
  },
};
