import {
  type Analyzer,
  compareColumnTypes,
  type FindingDraft,
  isKnownType,
  mysqlCopiesTable,
} from "../src/domain/index.js";
import { modelChange } from "./model-change.js";
import { isNewTable, lockNote, operationsOfKind, py, q, schemaKw, tableName } from "./support.js";

export const changeColumnType: Analyzer = {
  meta: {
    name: "change-column-type",
    group: "phases",
    defaultSeverity: "warning",
    summary: "An existing column changes type in a way that rewrites the table or breaks the running code.",
    rationale:
      "Most type changes make PostgreSQL rewrite the whole table and rebuild its indexes under an ACCESS EXCLUSIVE " +
      "lock, blocking every read and write for the duration (integer to bigint included); MySQL copies the table " +
      "for every change of data type but a longer VARCHAR, and writes wait until the copy ends. A narrowing or " +
      "incompatible change also rejects values the release still running writes, or returns values it cannot read.",
    safeAlternative:
      "Expand: add a column of the new type and write both. Backfill it in batches. Switch reads to it. Contract: " +
      "drop the old column (renaming the new one is itself a breaking change, so keep its name or plan another cycle).",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of operationsOfKind(input, "change-column-type")) {
      if (isNewTable(rev, op.table)) continue;
      // The classification already filled in the previous type from earlier revisions when it was not written.
      const from = op.fromType;
      const types = compareColumnTypes(from, op.toType, op.dialect);
      // A column the revision added is used by no running code: only the rewrite or copy matters.
      const effect = op.onNewColumn ? { ...types, compatible: true } : types;
      const postgres = op.dialect === "postgresql";
      const mysqlCopy =
        op.dialect === "mysql" && from !== undefined && op.toType !== undefined && mysqlCopiesTable(from, op.toType);
      // Rewrites are modelled for PostgreSQL and MySQL; elsewhere only a change the running code cannot live with is
      // reported.
      if (effect.compatible && (!effect.rewrite || !postgres) && !mysqlCopy) continue;
      const subject = `column ${q(op.column)} of table ${tableName(op)}`;
      const lock = lockNote(op);
      const expand =
        `Add a new column instead: op.add_column(${py(op.table)}, sa.Column(${py(`${op.column}_new`)}, ...)${schemaKw(op)}), ` +
        "write both, backfill in batches, switch reads, and drop the old column in a later revision." +
        modelChange(
          input,
          rev,
          `map the new column ${q(`${op.table}.${op.column}_new`)} in the model with the new type, and keep ` +
            `${q(`${op.table}.${op.column}`)} as it is until the revision that drops it`,
        );
      const to =
        op.toType !== undefined ? q(op.toType) : `\`${op.toTypeWritten ?? "?"}\` (a type migragate cannot read)`;
      if (from === undefined || op.toType === undefined || !effect.known) {
        // Without a rewrite to warn about, a change migragate cannot judge is not worth a finding elsewhere.
        if (!postgres) continue;
        const unknownSide =
          from === undefined
            ? "its previous type is unknown"
            : op.toType === undefined
              ? "the new type cannot be read"
              : !isKnownType(from)
                ? `${q(from)} is a type migragate does not know`
                : !isKnownType(op.toType)
                  ? `${q(op.toType)} is a type migragate does not know`
                  : `the change from ${q(from)} to ${q(op.toType)} is not one migragate knows`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message:
            `${subject} changes type to ${to}, but ${unknownSide}, so migragate cannot tell a safe widening from a ` +
            `rewrite or a narrowing${lock ? `; unless the change is binary-coercible, ${lock}` : ""}`,
          hint:
            op.origin === "op" && from === undefined
              ? `Pass the current type: op.alter_column(${py(op.table)}, ${py(op.column)}, type_=..., existing_type=...${schemaKw(op)}).`
              : expand,
        });
        continue;
      }
      const change = `${q(from)} to ${to}`;
      const incompatible =
        `${subject} changes type from ${change}, which is not a widening: the release still running may write ` +
        "values the new type rejects or read values it does not expect";
      const copy =
        "MySQL copies the table to change a column's type (ALGORITHM=COPY), and writes to it wait until the copy ends";
      const message = !effect.compatible
        ? lock
          ? `${incompatible}; ${lock}`
          : `${incompatible}${postgres && effect.rewrite ? ", and the table is rewritten under an ACCESS EXCLUSIVE lock" : mysqlCopy ? `; ${copy}` : ""}`
        : lock
          ? `${subject} changes type from ${change}: compatible with the running code, but ${lock}, blocking reads ` +
            "and writes until it finishes"
          : mysqlCopy
            ? `${subject} changes type from ${change}: compatible with the running code, but ${copy}`
            : `${subject} changes type from ${change}: compatible with the running code, but PostgreSQL rewrites the ` +
              "table and its indexes under an ACCESS EXCLUSIVE lock, blocking reads and writes until it finishes";
      const onMysql = mysqlCopy
        ? " On a large table, an online schema change tool (gh-ost, pt-online-schema-change) copies it without blocking writes."
        : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: op.onNewColumn
          ? `Give the column its final type where this revision adds it: op.add_column(${py(op.table)}, ` +
            `sa.Column(${py(op.column)}, <new type>, ...)${schemaKw(op)}); nothing needs the first type.`
          : `${expand}${onMysql}`,
        ...(mysqlCopy ? { variant: "mysql" } : {}),
      });
    }
    return findings;
  },
};
