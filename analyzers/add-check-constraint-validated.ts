import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import {
  onExistingTable,
  postgresOperations,
  SEPARATE_VALIDATION,
  transactionWhy,
  validatedInSameTransaction,
} from "./pg-support.js";
import { sqlName, sqlTable } from "./sql-names.js";
import { py, q, schemaKw, tableName } from "./support.js";

export const addCheckConstraintValidated: Analyzer = {
  meta: {
    name: "add-check-constraint-validated",
    group: "locks",
    defaultSeverity: "error",
    summary: "A CHECK constraint is added to an existing PostgreSQL table without NOT VALID.",
    rationale:
      "Adding a CHECK constraint reads every existing row to prove it while the ALTER TABLE holds an ACCESS EXCLUSIVE " +
      "lock: nothing can read or write the table until the scan is done.",
    safeAlternative:
      "Add the constraint with NOT VALID (postgresql_not_valid=True), then VALIDATE CONSTRAINT in a later revision: " +
      "validation takes only a SHARE UPDATE EXCLUSIVE lock.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of postgresOperations(input, "add-constraint")) {
      if (op.constraintType !== "check" || op.notValid || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name ?? `ck_${op.table}_${op.columns.join("_") || "check"}`;
      const inline =
        op.name === undefined && /add[ _]column/i.test(op.text)
          ? " (inline on ADD COLUMN, which cannot be NOT VALID)"
          : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `CHECK constraint ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)} without NOT ` +
          `VALID${inline}: PostgreSQL reads every row to prove it while holding an ACCESS EXCLUSIVE lock, so nothing ` +
          "can read or write the table until the scan is done",
        hint:
          `Add it NOT VALID now: op.create_check_constraint(${py(name)}, ${py(op.table)}, "<condition>", ` +
          `postgresql_not_valid=True${schemaKw(op)}); new writes are checked at once. In a later revision, ` +
          `op.execute(${py(`ALTER TABLE ${sqlTable(op)} VALIDATE CONSTRAINT ${sqlName(name)}`)}) checks the old rows under a SHARE UPDATE ` +
          "EXCLUSIVE lock, which lets reads and writes go on.",
      });
    }
    for (const { validate, rev } of validatedInSameTransaction(input, "check")) {
      findings.push({
        span: validate.span,
        revision: rev.revision.id,
        message:
          `CHECK constraint ${q(validate.name)} of existing table ${tableName(validate)} is validated in the same ` +
          `transaction that added it NOT VALID (${transactionWhy(validate)}): the ACCESS EXCLUSIVE lock the ADD took ` +
          "is held until that transaction commits, so nothing can read or write the table during the scan and NOT " +
          "VALID gains nothing",
        hint: SEPARATE_VALIDATION,
      });
    }
    return findings;
  },
};
