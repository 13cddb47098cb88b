import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { EnumValueUses } from "./enum-value-uses.js";
import { transactionWhy } from "./pg-support.js";
import { allOperations, excerpt, operationsOfKind, q } from "./support.js";

export const alterEnumAddValueInTransaction: Analyzer = {
  meta: {
    name: "alter-enum-add-value-in-transaction",
    group: "locks",
    defaultSeverity: "error",
    summary: "ALTER TYPE ... ADD VALUE runs in a transaction that cannot use it (or, before PostgreSQL 12, at all).",
    rationale:
      "Before PostgreSQL 12, ALTER TYPE ... ADD VALUE cannot run inside a transaction block at all. From 12 on it " +
      'can, but the new value cannot be used until that transaction commits ("unsafe use of new value"), and ' +
      "Alembic keeps the whole revision, or the whole upgrade run, in one transaction.",
    safeAlternative:
      "Run the ADD VALUE inside `with op.get_context().autocommit_block():` (it commits at once), or use the value only " +
      "in a later revision with transaction_per_migration=True in env.py.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    // Most histories add no enum value: then no operation is looked at.
    if (operationsOfKind(input, "alter-enum-add-value").length === 0) return findings;
    const located = input.shared(allOperations);
    const version = input.options.postgresVersion;
    const uses = new EnumValueUses(located);
    located.forEach(({ op, rev }, index) => {
      if (op.kind !== "alter-enum-add-value" || op.dialect !== "postgresql" || !op.transaction?.inTransaction) return;
      const added = `ALTER TYPE ${op.typeName} ADD VALUE '${op.value}'`;
      const hint =
        'Wrap it: `with op.get_context().autocommit_block(): op.execute("' +
        `ALTER TYPE ${op.typeName} ADD VALUE IF NOT EXISTS '${op.value}'` +
        '")`, so it commits before anything uses the value.';
      if (version < 12) {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            `${added} cannot run inside a transaction block before PostgreSQL 12 (configured: ${version}), and it ` +
            `runs inside the migration's transaction (${transactionWhy(op)})`,
          hint,
        });
        return;
      }
      const use = uses.firstUse(index, op.transaction.key, op.value, op.typeName);
      if (!use) return;
      const where =
        use.rev === rev
          ? `line ${use.op.span.line}`
          : `revision ${use.rev.revision.id} (${use.op.span.file}:${use.op.span.line})`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `enum value ${q(op.value)} is added to ${q(op.typeName)} and used by \`${excerpt(use.op.text)}\` at ${where} ` +
          `in the same transaction (${transactionWhy(op)}): PostgreSQL rejects a new enum value until the ` +
          'transaction that added it commits ("unsafe use of new value")',
        hint,
      });
    });
    return findings;
  },
};
