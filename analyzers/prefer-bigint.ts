import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { modelChange } from "./model-change.js";
import { newColumns } from "./style-support.js";
import { q } from "./support.js";

const SMALL_INTEGERS: ReadonlyMap<string, string> = new Map([
  ["integer", "integer stops at 2,147,483,647"],
  ["smallint", "smallint stops at 32,767"],
]);

export const preferBigint: Analyzer = {
  meta: {
    name: "prefer-bigint",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new primary key column is integer or smallint (serial) rather than bigint.",
    rationale:
      "A 4-byte key runs out at 2,147,483,647 ids (sequences skip values on rollbacks, so sooner than the row count " +
      "suggests), and then every INSERT fails. Changing the column to bigint later rewrites the table and every " +
      "foreign key column that points at it, under an ACCESS EXCLUSIVE lock.",
    safeAlternative:
      "Declare primary keys as bigint: sa.BigInteger() with sa.Identity(), or bigint GENERATED ... AS IDENTITY.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { column, table, op, rev, span } of input.shared(newColumns)) {
      const limit = SMALL_INTEGERS.get(column.type ?? "");
      // Surrogate keys only: the database numbers them. A natural or composite key member (autoincrement=False, a
      // foreign key used as the key) holds values the application chooses, and its range is the application's call.
      if (!column.primaryKey || limit === undefined || column.generated === undefined) continue;
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table}.${column.name}`)} as mapped_column(BigInteger, primary_key=True) in the model`,
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message:
          `primary key column ${q(column.name)} of ${q(table)} is ${column.generated === "serial" ? `${column.type} (serial)` : column.type}: ` +
          `${limit}, and widening it later rewrites the table and every foreign key column that references it under ` +
          "an ACCESS EXCLUSIVE lock",
        hint:
          op.origin === "op"
            ? `Make its type sa.BigInteger() (keep the rest of the declaration): the id space then lasts.${model}`
            : `Make its type bigint${column.generated === "serial" ? " (bigserial)" : ""}: the id space then lasts.${model}`,
      });
    }
    return findings;
  },
};
