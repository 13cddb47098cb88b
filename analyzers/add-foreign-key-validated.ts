import {
  type AnalyzedRevision,
  type Analyzer,
  type ClassifiedOperation,
  type FindingDraft,
  hasUnresolvedPart,
  isBookkeepingTable,
  tableKey,
  withinConditions,
} from "../src/domain/index.js";
import {
  onExistingTable,
  postgresOperations,
  SEPARATE_VALIDATION,
  transactionWhy,
  validatedInSameTransaction,
} from "./pg-support.js";
import { sqlName, sqlTable } from "./sql-names.js";
import { analyzedRevisions, isNewTable, type OpOf, py, q, schemaKw, tableName } from "./support.js";

const WHY =
  "PostgreSQL checks every existing row against the referenced table while it holds a SHARE ROW EXCLUSIVE lock on " +
  "both tables, so writes to both wait for the whole scan";

/**
 * Why the scan blocks, naming the tables whose writers wait: a referenced table created by the same revision is
 * locked too, but no other session can use it yet, so only the table's writers wait.
 */
function whyBlocked(rev: AnalyzedRevision, table: string, referenced: string): string {
  if (referenced === "..." || !isNewTable(rev, referenced)) return `${WHY} (${q(table)} and ${q(referenced)})`;
  return (
    "PostgreSQL checks every existing row against the referenced table while it holds a SHARE ROW EXCLUSIVE lock, " +
    `so writes to ${q(table)} wait for the whole scan (${q(referenced)} is created in this revision: no other ` +
    "session uses it yet)"
  );
}

/**
 * Reads wait as well when an earlier statement of the transaction already holds ACCESS EXCLUSIVE on the table (the
 * drop of the key being added again locks it so): the scan then runs under that lock.
 */
function readsWaitToo(op: ClassifiedOperation & { readonly table: string }): string {
  const held = op.lockAlreadyHeld;
  if (held?.mode !== "ACCESS EXCLUSIVE") return "";
  return `; reads of ${q(op.table)} wait too, as this transaction already holds ACCESS EXCLUSIVE on it (line ${held.line})`;
}

function recipe(
  table: string,
  sqlTarget: string,
  name: string,
  columns: readonly string[],
  referenced: string,
  referencedColumns: readonly string[] | undefined,
  schema: string,
): string {
  const list = (values: readonly string[]) => `[${values.map(py).join(", ")}]`;
  // The referenced columns as the code gives them; `[...]` where migragate could not read them.
  const remote = referencedColumns && referencedColumns.length > 0 ? list(referencedColumns) : "[...]";
  const validate = `op.execute(${py(`ALTER TABLE ${sqlTarget} VALIDATE CONSTRAINT ${sqlName(name)}`)})`;
  const later =
    `In a later revision, ${validate} checks the old rows under a SHARE UPDATE EXCLUSIVE lock, which lets reads and ` +
    "writes go on.";
  // Values known only at run time are not rewritten into a call of our own: the code's call takes the keyword.
  if ([name, table, referenced, ...columns, ...(referencedColumns ?? [])].some(hasUnresolvedPart))
    return `Add it NOT VALID now: pass postgresql_not_valid=True to this call; it applies to new writes at once and checks no old row. ${later}`;
  return (
    `Add it NOT VALID now: op.create_foreign_key(${py(name)}, ${py(table)}, ${py(referenced)}, ${list(columns)}, ` +
    `${remote}, postgresql_not_valid=True${schema}); it applies to new writes at once and checks no old row. ${later}`
  );
}

/** MySQL's way to skip the table copy: foreign_key_checks off for the ADD, after the rows are checked by hand. */
const MYSQL_IN_PLACE =
  "Check first that every row has its match (a SELECT of the rows whose key is not in the referenced table), then " +
  'add it without the copy: op.execute("SET foreign_key_checks = 0") before the call and ' +
  'op.execute("SET foreign_key_checks = 1") after it. MySQL then adds the key in place (ALGORITHM=INPLACE, writes ' +
  "go on) and checks no existing row, and every new or updated row from then on: run the SELECT again afterwards " +
  "for the rows written in between.";

/** What a `SET foreign_key_checks = ...` sets it to; undefined for another setting. */
function foreignKeyChecks(op: ClassifiedOperation): "on" | "off" | undefined {
  if (
    op.kind !== "set-config" ||
    op.global ||
    op.name.toLowerCase().replace(/^@@(?:session\.)?/, "") !== "foreign_key_checks"
  )
    return undefined;
  const value = (op.value ?? "")
    .trim()
    .replace(/^[`'"]|[`'"]$/g, "")
    .toLowerCase();
  return value === "0" || value === "off" || value === "false" ? "off" : "on";
}

/**
 * The foreign keys a MySQL revision adds to a table that existed before it, while foreign_key_checks is on: after no
 * `SET foreign_key_checks = 0`, or after one that a path to the key may skip (under a condition the key is not in).
 * A table the revision created, or dropped and created again, is left out: its copy holds nothing in use. One pass.
 */
function mysqlCheckedKeys(rev: AnalyzedRevision): (OpOf<"add-constraint"> | OpOf<"add-column">)[] {
  const keys: (OpOf<"add-constraint"> | OpOf<"add-column">)[] = [];
  const created = new Set<string>();
  let lastSet: ClassifiedOperation | undefined;
  for (const op of rev.operations) {
    if (foreignKeyChecks(op) !== undefined) lastSet = op;
    if (op.kind === "create-table") created.add(tableKey(op.table));
    if (op.dialect !== "mysql" || isBookkeepingTable(op.table)) continue;
    // MySQL reads an inline REFERENCES of raw SQL and ignores it; Alembic's add_column adds the key in a second ALTER.
    const addsKey =
      (op.kind === "add-constraint" && op.constraintType === "foreign-key") ||
      (op.kind === "add-column" && op.origin === "op" && op.column.references !== undefined);
    if (!addsKey || created.has(tableKey(op.table)) || isNewTable(rev, op.table)) continue;
    const checksOff =
      lastSet !== undefined &&
      foreignKeyChecks(lastSet) === "off" &&
      withinConditions(lastSet.context.conditions, op.context.conditions);
    if (!checksOff) keys.push(op);
  }
  return keys;
}

export const addForeignKeyValidated: Analyzer = {
  meta: {
    name: "add-foreign-key-validated",
    group: "locks",
    defaultSeverity: "error",
    summary:
      "A foreign key is added to an existing table with every row checked at once: on PostgreSQL without NOT VALID, on " +
      "MySQL with foreign_key_checks on (a table copy).",
    rationale:
      "Adding a foreign key validates every existing row in the same statement, under a SHARE ROW EXCLUSIVE lock on " +
      "the table and on the table it references: no INSERT, UPDATE or DELETE on either runs until the scan is done. " +
      "MySQL can add one with foreign_key_checks on only by copying the table, and writes wait until the copy ends.",
    safeAlternative:
      "Add the constraint with NOT VALID (postgresql_not_valid=True), then VALIDATE CONSTRAINT in a later revision: " +
      "validation takes only a SHARE UPDATE EXCLUSIVE lock. On MySQL, check the rows first and add it with " +
      "foreign_key_checks off, which adds it in place.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const { op, rev } of postgresOperations(input, "add-constraint")) {
      if (op.constraintType !== "foreign-key" || op.notValid || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name ?? `fk_${op.table}_${op.columns.join("_")}`;
      const referenced = op.referencedTable ?? "...";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `foreign key ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)} without NOT VALID: ${whyBlocked(rev, op.table, referenced)}${readsWaitToo(op)}`,
        hint: recipe(op.table, sqlTable(op), name, op.columns, referenced, op.referencedColumns, schemaKw(op)),
      });
    }
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      const referenced = op.column.references;
      if (referenced === undefined || !onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `column ${q(op.column.name)} is added to existing table ${tableName(op)} with a foreign key to ` +
          `${q(referenced)}, which cannot be NOT VALID inline: ${WHY}`,
        hint:
          "Add the column without the ForeignKey/REFERENCES. " +
          recipe(
            op.table,
            sqlTable(op),
            `fk_${op.table}_${op.column.name}`,
            [op.column.name],
            referenced,
            op.column.referencedColumn === undefined ? undefined : [op.column.referencedColumn],
            schemaKw(op),
          ),
      });
    }
    // MySQL has no NOT VALID: with foreign_key_checks on (the default), it adds a foreign key by copying the table.
    for (const rev of analyzedRevisions(input)) {
      for (const op of mysqlCheckedKeys(rev)) {
        const copy =
          "with foreign_key_checks on, MySQL adds a foreign key only by copying the table (ALGORITHM=COPY), and " +
          `writes to ${q(op.table)} wait until the copy ends`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          ...(op.kind === "add-column"
            ? {
                message:
                  `column ${q(op.column.name)} is added to existing table ${tableName(op)} with a foreign key to ` +
                  `${q(op.column.references ?? "?")}: ${copy}`,
                hint: `Add the column without the ForeignKey, then the foreign key with op.create_foreign_key(...). ${MYSQL_IN_PLACE}`,
              }
            : {
                message: `foreign key ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)}: ${copy}`,
                hint: MYSQL_IN_PLACE,
              }),
          variant: "mysql",
        });
      }
    }
    for (const { add, validate, rev } of validatedInSameTransaction(input, "foreign-key")) {
      findings.push({
        span: validate.span,
        revision: rev.revision.id,
        message:
          `foreign key ${q(validate.name)} of existing table ${tableName(validate)} is validated in the same ` +
          `transaction that added it NOT VALID (${transactionWhy(validate)}): the SHARE ROW EXCLUSIVE lock the ADD ` +
          `took on ${q(add.table)} and ${q(add.referencedTable ?? "...")} is held until that transaction commits, so ` +
          "writes to both wait for the whole scan and NOT VALID gains nothing",
        hint: SEPARATE_VALIDATION,
      });
    }
    return findings;
  },
};
