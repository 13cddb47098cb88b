import type { Analyzer, FindingDraft, Phase } from "../src/domain/index.js";
import { analyzedRevisions, excerpt, phaseExceptionsOf, q } from "./support.js";

/** What each declared phase may contain besides neutral operations; data changes belong to backfill and contract. */
const ALLOWED: Readonly<Record<Exclude<Phase, "neutral">, ReadonlySet<Phase>>> = {
  expand: new Set<Phase>(["expand"]),
  backfill: new Set<Phase>(["backfill"]),
  contract: new Set<Phase>(["contract", "backfill"]),
};

const SOURCE_WORDS = {
  "branch-label": "branch label",
  folder: "folder",
  "file-name": "file name",
  comment: "comment",
} as const;

export const phaseMismatch: Analyzer = {
  meta: {
    name: "phase-mismatch",
    group: "phases",
    defaultSeverity: "error",
    summary: "A revision declared expand, backfill or contract contains operations of another phase.",
    rationale:
      "Projects that declare phases deploy them at different times: expand revisions before the new code, contract " +
      "revisions after every instance runs it. A drop in an expand revision runs while old code still uses the " +
      "object; a new column in a contract revision arrives after the code that needed it.",
    safeAlternative:
      "Move the operation to a revision of its own phase. When the exception is deliberate, list the object in the " +
      "revision's expand_drop_exceptions() or contract_creation_exceptions() with a docstring that says why.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const rev of analyzedRevisions(input)) {
      const declared = rev.declaredPhase;
      if (!declared) continue;
      const allowed = ALLOWED[declared.phase];
      const where = `${SOURCE_WORDS[declared.source]} ${q(declared.evidence)}`;
      const exceptionFor = phaseExceptionsOf(rev);
      for (const op of rev.operations) {
        // One finding per directive: the parts of one alter_column share its phase.
        if (op.phase === "neutral" || allowed.has(op.phase) || op.continuesDirective || op.phaseAssumed) continue;
        const accepted = exceptionFor(op);
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `revision ${q(rev.revision.id)} is declared ${declared.phase} (${where}) but this ${op.phase}s: ${excerpt(op.text)}`,
          hint:
            op.phase === "contract"
              ? "Move it to a contract revision deployed after every instance runs the new code, or list the object in expand_drop_exceptions() with the reason as its docstring."
              : op.phase === "expand"
                ? "Move it to an expand revision deployed before the code that needs it, or list the object in contract_creation_exceptions() with the reason as its docstring."
                : "Move the data change to its own backfill (migrate) revision.",
          ...(accepted ? { accepted } : {}),
        });
      }
    }
    return findings;
  },
};
