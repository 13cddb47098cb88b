import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { modelChange } from "./model-change.js";
import { elementType, newColumns } from "./style-support.js";
import { q } from "./support.js";

export const preferTimestamptz: Analyzer = {
  meta: {
    name: "prefer-timestamptz",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new column is timestamp without time zone.",
    rationale:
      "timestamp without time zone stores a wall-clock reading with no zone: the same instant reads differently " +
      "depending on who wrote it, and daylight-saving changes make values ambiguous. Converting the column to " +
      "timestamptz later rewrites the table under an ACCESS EXCLUSIVE lock and reinterprets every stored value in the " +
      "session's time zone.",
    safeAlternative: "Declare it timestamptz: sa.DateTime(timezone=True), or `timestamp with time zone` in SQL.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { column, table, op, rev, span } of input.shared(newColumns)) {
      if (elementType(column.type) !== "timestamp without time zone") continue;
      // An array says so: the element type is what would change.
      const array = column.type !== elementType(column.type);
      const written =
        op.origin === "op"
          ? array
            ? "an array of sa.DateTime() without timezone=True, which renders as TIMESTAMP WITHOUT TIME ZONE[]"
            : "sa.DateTime() without timezone=True, which renders as TIMESTAMP WITHOUT TIME ZONE"
          : column.type;
      const declared = op.origin === "op" ? "sa.DateTime(timezone=True)" : "timestamptz";
      const mapped = array ? "ARRAY(DateTime(timezone=True))" : "DateTime(timezone=True)";
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table}.${column.name}`)} as mapped_column(${mapped}) in the model`,
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message:
          `column ${q(column.name)} of ${q(table)} is ${written}: it stores no time zone, so values depend on the ` +
          "writer's clock settings, and converting to timestamptz later rewrites the table",
        hint:
          op.origin === "op"
            ? `Declare it sa.Column(${JSON.stringify(column.name)}, ${array ? `sa.ARRAY(${declared})` : declared}, ...).${model}`
            : `Declare it \`${column.name} ${declared}${array ? "[]" : ""}\`.${model}`,
      });
    }
    return findings;
  },
};
