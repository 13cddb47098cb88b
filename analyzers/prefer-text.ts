import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { modelChange } from "./model-change.js";
import { elementType, newColumns } from "./style-support.js";
import { q } from "./support.js";

const LIMITED_VARCHAR = /^(?:varchar|character varying)\((\d+)\)$/;

export const preferText: Analyzer = {
  meta: {
    name: "prefer-text",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new column is varchar(n); text with a CHECK on its length is easier to change.",
    rationale:
      "The length limit of varchar(n) is part of the column type. Raising it later is a catalog change but still " +
      "takes an ACCESS EXCLUSIVE lock; lowering it, or changing the rule, rewrites the table under that lock. A CHECK " +
      "(char_length(col) <= n) on a text column enforces the same limit and can be replaced without blocking: add the " +
      "new one NOT VALID, VALIDATE it, drop the old one. On PostgreSQL, text and varchar(n) are stored the same way.",
    safeAlternative:
      "Declare the column as text (sa.Text()) and put the limit in a named CHECK constraint, e.g. " +
      'sa.CheckConstraint("char_length(email) <= 320", name="ck_users_email_length").',
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { column, table, op, rev, span } of input.shared(newColumns)) {
      const limit = LIMITED_VARCHAR.exec(elementType(column.type) ?? "")?.[1];
      if (limit === undefined) continue;
      const check = `char_length(${column.name}) <= ${limit}`;
      const array = column.type !== elementType(column.type);
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table}.${column.name}`)} as mapped_column(${array ? "ARRAY(Text)" : "Text"}) in the model`,
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message:
          `column ${q(column.name)} of ${q(table)} is ${column.type}: changing the limit later takes an ACCESS ` +
          "EXCLUSIVE lock (and lowering it rewrites the table); text with a CHECK on the length can be changed " +
          "without blocking",
        hint: array
          ? // char_length() of an array is no length check, and a CHECK cannot hold a subquery over the elements.
            `Declare it ${op.origin === "op" ? "sa.ARRAY(sa.Text())" : "text[]"}; to keep a limit on each element, ` +
            `add a CHECK that calls an IMMUTABLE function testing every element.${model}`
          : op.kind === "create-table" && op.origin === "op"
            ? `Declare it sa.Text() and add sa.CheckConstraint(${JSON.stringify(check)}, name="ck_${table}_${column.name}_length") to the table.${model}`
            : `Declare it text, then add CHECK (${check}) NOT VALID and VALIDATE it in a later revision (see add-check-constraint-validated).${model}`,
      });
    }
    return findings;
  },
};
