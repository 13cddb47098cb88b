import { type Analyzer, type FindingDraft, functionKey, hasUnresolvedPart } from "../src/domain/index.js";
import {
  type CreatedFunction,
  type DefaultVolatility,
  defaultVolatility,
  hasNonNullDefault,
  onExistingTable,
} from "./pg-support.js";
import { analyzedRevisions, py, q, schemaKw, tableName } from "./support.js";

/** Why the default makes PostgreSQL compute a value for every existing row, or may. */
function volatilityReason(volatility: DefaultVolatility): string {
  switch (volatility.kind) {
    case "volatile":
      return `the volatile default ${volatility.call} is computed for every existing row, so PostgreSQL rewrites the whole table`;
    case "created-volatile":
      return (
        `it calls ${volatility.call}, which revision ${q(volatility.created.revision)} creates as VOLATILE (declared, ` +
        "or PostgreSQL's default when CREATE FUNCTION declares none): it is computed for every existing row, so " +
        "PostgreSQL rewrites the whole table"
      );
    case "unknown": {
      // A name computed at run time (`«fn»()`) is not a function's name: say so instead of quoting it as one.
      const which = hasUnresolvedPart(volatility.call)
        ? `${volatility.call}, a function whose name is not known statically`
        : `${volatility.call}, which migragate does not know`;
      return (
        `it calls ${which}: a function is VOLATILE unless declared otherwise, and a volatile default rewrites the ` +
        "whole table"
      );
    }
  }
}

export const addColumnVolatileDefault: Analyzer = {
  meta: {
    name: "add-column-volatile-default",
    group: "locks",
    defaultSeverity: "error",
    summary: "A column is added to an existing PostgreSQL table with a default that rewrites the table.",
    rationale:
      "A volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()...) has to be computed for every " +
      "existing row, so PostgreSQL rewrites the whole table, and its indexes, under an ACCESS EXCLUSIVE lock. Before " +
      "PostgreSQL 11 every default did. now() and other stable or constant defaults are stored once in the catalog. " +
      "A function CREATE FUNCTION does not declare STABLE or IMMUTABLE is VOLATILE.",
    safeAlternative:
      "Add the column without the default, set the default afterwards with alter_column(server_default=...) (new " +
      "rows only, no rewrite), and backfill existing rows in batches in a later revision.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const version = input.options.postgresVersion;
    // Functions the history creates so far, by `functionKey`, with the volatility they declare.
    const created = new Map<string, CreatedFunction>();
    for (const rev of analyzedRevisions(input)) {
      for (const op of rev.operations) {
        if (op.kind === "create-object" && op.objectType === "function" && op.volatility !== undefined) {
          created.set(functionKey(op.name), { volatility: op.volatility, revision: rev.revision.id });
        } else if (op.kind === "drop-object" && op.objectType === "function") {
          created.delete(functionKey(op.name));
        }
        if (op.kind !== "add-column" || op.dialect !== "postgresql") continue;
        const column = op.column;
        if (column.generated !== undefined || !onExistingTable(rev, op.table, op)) continue;
        const volatility = defaultVolatility(column, op.origin, created);
        const beforeEleven = version < 11 && hasNonNullDefault(column);
        if (volatility === undefined && !beforeEleven) continue;
        // Before 11 every default rewrites: that is certain, where an unknown function is only possibly volatile.
        const possibly = volatility?.kind === "unknown" && !beforeEleven ? volatility.call : undefined;
        const why =
          volatility !== undefined && !(beforeEleven && volatility.kind === "unknown")
            ? volatilityReason(volatility)
            : `before PostgreSQL 11 (configured: ${version}) every default is written into every existing row, so ` +
              "PostgreSQL rewrites the whole table";
        const safely =
          `dd it without a default: op.add_column(${py(op.table)}, sa.Column(${py(column.name)}, ..., ` +
          `nullable=True)${schemaKw(op)}); then op.alter_column(${py(op.table)}, ${py(column.name)}, ` +
          `server_default=...${schemaKw(op)}) applies the default to new rows only; backfill the existing rows in ` +
          "batches in a later revision.";
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            `column ${q(column.name)} is added to existing table ${tableName(op)} with server default ` +
            `${column.serverDefault}: ${why} under an ACCESS EXCLUSIVE lock`,
          hint:
            possibly === undefined
              ? `A${safely}`
              : `If ${possibly} is declared STABLE or IMMUTABLE, nothing is rewritten: accept the finding with that ` +
                `reason. Otherwise a${safely}`,
        });
      }
    }
    return findings;
  },
};
