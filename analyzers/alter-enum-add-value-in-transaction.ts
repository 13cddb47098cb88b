import {
  type AnalysisInput,
  type Analyzer,
  type ClassifiedOperation,
  type ColumnSpec,
  type FindingDraft,
  isEnumType,
  tableKey,
} from "../src/domain/index.js";
import { transactionWhy } from "./pg-support.js";
import { allOperations, excerpt, q } from "./support.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Tables with a column of the enum type, as the history declares them (`sa.Enum(...)` reads as type "enum"). */
function tablesUsingEnum(input: AnalysisInput, typeName: string): Set<string> {
  const type = typeName.replace(/"/g, "").toLowerCase().split(".").pop() ?? "";
  const isEnum = (column: ColumnSpec) => isEnumType(column.type) || column.type?.split(".").pop() === type;
  const tables = new Set<string>();
  for (const { op } of allOperations(input)) {
    if (op.kind === "create-table" && op.columns.some(isEnum)) tables.add(tableKey(op.table));
    if (op.kind === "add-column" && isEnum(op.column)) tables.add(tableKey(op.table));
  }
  return tables;
}

/**
 * The operation uses the new value: it casts the literal to the type, or it holds the literal (`'archived'` in SQL,
 * `"archived"` in Python) and acts on a table with a column of the type. When the history declares no column of the
 * type at all (created outside the migrations, or in a squashed base), every table holding the literal counts.
 */
function usesValue(op: ClassifiedOperation, value: string, typeName: string, enumTables: ReadonlySet<string>): boolean {
  const text = op.sql ?? op.text;
  const literal = escapeRegExp(value);
  const type = escapeRegExp(typeName.replace(/"/g, "").split(".").pop() ?? typeName);
  if (new RegExp(`'${literal}'\\s*::\\s*"?${type}"?|CAST\\s*\\(\\s*'${literal}'\\s+AS\\s+"?${type}"?`, "i").test(text))
    return true;
  if (!new RegExp(`(["'])${literal}\\1`).test(text)) return false;
  if (enumTables.size === 0) return true;
  return op.table !== undefined && enumTables.has(tableKey(op.table));
}

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
    const located = allOperations(input);
    const version = input.options.postgresVersion;
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
      const key = op.transaction.key;
      const enumTables = tablesUsingEnum(input, op.typeName);
      const use = located
        .slice(index + 1)
        .find(
          (later) =>
            later.op.transaction?.key === key &&
            later.op.kind !== "alter-enum-add-value" &&
            usesValue(later.op, op.value, op.typeName, enumTables),
        );
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
