import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { lockNote, operationsOfKind, q, tableName } from "./support.js";

export const dropColumn: Analyzer = {
  meta: {
    name: "drop-column",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A column is dropped.",
    rationale:
      "SQLAlchemy names every mapped column in its SELECTs and INSERTs, so if the release still running maps the " +
      "column, every query on that model fails from the moment the migration commits. The data is gone: rolling the " +
      "code back does not bring it back.",
    safeAlternative:
      "First release code that no longer reads or writes the column (remove it from the model). Drop it in a " +
      "contract revision deployed after every instance runs that code.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of operationsOfKind(input, "drop-column")) {
      // The classification makes changes to a table created by the same revision neutral or expand. A revision the
      // project declares contract is where it schedules drops already (contract-same-release still judges releases).
      if (op.phase !== "contract" || rev.declaredPhase?.phase === "contract") continue;
      const lock = lockNote(op);
      const retyped = op.replacedWithType;
      const locked = lock ? `; ${lock} (a catalog change, but every query on the table queues behind it)` : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: retyped
          ? `column ${q(op.column)} of table ${tableName(op)} is dropped and a column of another type takes its name ` +
            `in this revision (${q(retyped.from)} to ${q(retyped.to)}): running code that reads or writes it as ` +
            `${q(retyped.from)} may fail${locked}`
          : `column ${q(op.column)} is dropped from table ${tableName(op)}: any running code that still maps it fails, ` +
            `and its data is lost${locked}`,
        hint:
          `Make sure the release deployed before this revision no longer references ${q(op.column)} ` +
          "(removed from the model, not only unused), and keep this drop in a contract-only revision.",
      });
    }
    return findings;
  },
};
