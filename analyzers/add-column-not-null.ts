import type {
  AnalysisInput,
  AnalyzedRevision,
  Analyzer,
  ClassifiedOperation,
  FindingDraft,
} from "../src/domain/index.js";
import { modelChange } from "./model-change.js";
import { isNewTable, operationsOfKind, py, q, schemaKw, tableName } from "./support.js";

export const addColumnNotNull: Analyzer = {
  meta: {
    name: "add-column-not-null",
    group: "phases",
    defaultSeverity: "error",
    summary: "A NOT NULL column without a server default is added to an existing table.",
    rationale:
      "Existing rows have no value for the new column, so the ALTER TABLE fails as soon as the table has rows. " +
      "If it does succeed (empty table), the release still running inserts rows without the column and every such " +
      "INSERT fails with a NOT NULL violation until the new code is deployed everywhere.",
    safeAlternative:
      "Expand: add the column as nullable (or with a server_default). Backfill existing rows in a later revision. " +
      "Contract: set it NOT NULL once every row and every running release fills it.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of operationsOfKind(input, "add-column")) {
      const column = op.column;
      const defaultStays = column.serverDefault !== undefined && !op.defaultRemovedLater;
      if (column.nullable || defaultStays || column.generated !== undefined) continue;
      if (isNewTable(rev, op.table)) continue;
      if (column.serverDefault !== undefined) {
        findings.push(defaultRemovedFinding(op, rev, input));
        continue;
      }
      let message = `column ${q(column.name)} is added to existing table ${tableName(op)} as NOT NULL without a server default`;
      if (column.pythonDefault !== undefined) {
        message +=
          `; its python-side default=${column.pythonDefault} does not help: SQLAlchemy applies it only to its own ` +
          (op.dialect === "mysql"
            ? "INSERTs, the database never sees it, so other writers get no value (MySQL fills existing rows with " +
              "the type's implicit default, such as 0 or '', not with this one)"
            : "INSERTs, the database never sees it, so existing rows and other writers get no value");
      }
      const table = py(op.table);
      const name = py(column.name);
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint:
          `Add it as nullable: op.add_column(${table}, sa.Column(${name}, ..., nullable=True)${schemaKw(op)}), ` +
          `backfill it in a later revision, then op.alter_column(${table}, ${name}, nullable=False${schemaKw(op)}); ` +
          `or give it a constant server_default=... so existing rows get a value.` +
          modelChange(
            input,
            rev,
            `keep ${q(`${op.table}.${column.name}`)} nullable in the model (mapped_column(nullable=True), or ` +
              "Mapped[... | None]) until the revision that sets nullable=False",
          ),
      });
    }
    return findings;
  },
};

/**
 * A NOT NULL column added with a server default that the revision then takes away: the existing rows were filled,
 * but the release still running inserts without the column and gets no value once the default is gone.
 */
function defaultRemovedFinding(
  op: Extract<ClassifiedOperation, { kind: "add-column" }>,
  rev: AnalyzedRevision,
  input: AnalysisInput,
): FindingDraft {
  const table = py(op.table);
  const name = py(op.column.name);
  return {
    span: op.span,
    revision: rev.revision.id,
    message:
      `column ${q(op.column.name)} is added to existing table ${tableName(op)} as NOT NULL with a server default ` +
      "that this revision removes again: the existing rows are filled, but inserts by the release still running, " +
      "which leave the column out, fail once the default is gone",
    hint:
      `Keep the server default until every instance runs code that writes ${q(op.column.name)}, and remove it in a ` +
      `later revision: op.alter_column(${table}, ${name}, server_default=None${schemaKw(op)}).` +
      modelChange(
        input,
        rev,
        `keep the server default of ${q(`${op.table}.${op.column.name}`)} in the model until that later revision`,
      ),
  };
}
