import type { AnalysisInput, AnalyzedRevision, ColumnSpec, SourceSpan } from "../src/domain/index.js";
import { analyzedRevisions, type OpOf } from "./support.js";

/** A column a revision declares: added to a table, or part of a table it creates. */
export interface NewColumn {
  readonly column: ColumnSpec;
  readonly table: string;
  readonly op: OpOf<"add-column"> | OpOf<"create-table">;
  readonly rev: AnalyzedRevision;
  /** The column's own declaration when known (a `sa.Column(...)` line inside `create_table`), else the operation. */
  readonly span: SourceSpan;
}

/**
 * A base revision (no down_revision) is usually a compacted initial schema that ran long ago: its type choices are
 * judged only when it is part of the release under review.
 */
function judgedForStyle(input: AnalysisInput, rev: AnalyzedRevision): boolean {
  return rev.revision.downRevisions.length > 0 || (input.reviewingRelease && rev.underReview);
}

/**
 * Every column that PostgreSQL upgrade operations add or create, in history order, for the style rules (a shared
 * scan: `input.shared(newColumns)`).
 */
export function newColumns(input: AnalysisInput): readonly NewColumn[] {
  const result: NewColumn[] = [];
  for (const rev of analyzedRevisions(input)) {
    if (!judgedForStyle(input, rev)) continue;
    for (const op of rev.operations) {
      if (op.dialect !== "postgresql") continue;
      if (op.kind === "add-column") result.push({ column: op.column, table: op.table, op, rev, span: op.span });
      // A temporary table's types never outlive the migration's session.
      if (op.kind === "create-table" && !op.temporary) {
        for (const column of op.columns)
          result.push({ column, table: op.table, op, rev, span: column.span ?? op.span });
      }
    }
  }
  return result;
}

/** The element type of an array type (`varchar(100)[]` -> `varchar(100)`), or the type itself. */
export function elementType(type: string | undefined): string | undefined {
  return type?.replace(/(?:\s*\[\s*\d*\s*\])+$/, "");
}
