import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  PLAN_FORMATS,
  REORDER_WARNING,
  planRendererFor
} from "./chunk-XKJ4JXYR.js";
import {
  ALEMBIC_VERSION,
  DEFAULT_FILE_LIMITS,
  DIALECT_CHOICES,
  Glob,
  MAX_POSTGRES_VERSION,
  MIN_POSTGRES_VERSION,
  buildGraph,
  closestName,
  decideDialect,
  dialectInputs,
  dialectNamed,
  enabledRules,
  extractProject,
  findConfigFile,
  historyDialects,
  projectAlembicVersion,
  readConfigFile,
  readProject,
  readRevisionSources,
  selectorNames
} from "./chunk-4CRCWXHA.js";
import "./chunk-TEXQI7OX.js";
import {
  wrap
} from "./chunk-5XS3H2FR.js";
import {
  ruleDocsTemplate
} from "./chunk-A7XTBYXE.js";
import {
  ExtractionCache,
  defaultCacheDir,
  extractionThreads,
  installLayout
} from "./chunk-CN5CEMJE.js";
import {
  displayPath
} from "./chunk-CAU3EMFA.js";
import "./chunk-GDKKKNSU.js";
import "./chunk-WKFIEVVF.js";
import "./chunk-C6SBNVJK.js";
import {
  LOCK_MODES,
  RULE_GROUPS,
  amongCreated,
  compareColumnTypes,
  defaultFunctions,
  failsGate,
  firstRunningWith,
  folderOf,
  functionKey,
  hasUnresolvedPart,
  isBookkeepingTable,
  isEnumType,
  isKnownType,
  isUnresolvedName,
  listAt,
  mysqlCopiesTable,
  pushTo,
  tableKey,
  withThousands,
  withinConditions
} from "./chunk-FOQMQZLO.js";
import {
  InputError,
  discover
} from "./chunk-S7CPFA5J.js";
import "./chunk-4QRIUKKB.js";

// src/cli/main.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// analyzers/support.ts
var SCALES_WITH_ROWS = /* @__PURE__ */ new Set([
  "update",
  "delete",
  "insert-select",
  "merge"
]);
function analyzedRevisions(input) {
  return input.revisions;
}
function operationsOfKind(input, kind) {
  return [...input.operationsByKind.get(kind) ?? []];
}
function isNewTable(rev, table3) {
  return amongCreated(rev.newTables, tableKey(table3));
}
function fileStart(file) {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
function revisionStart(revision) {
  return fileStart(revision.file);
}
function q(name) {
  return isUnresolvedName(name) ? `${name} (not known statically)` : `"${name}"`;
}
function tableName(op) {
  return q(op.schema && !isUnresolvedName(op.table) ? `${op.schema}.${op.table}` : op.table);
}
function lockNote(op) {
  const facts = op.lock;
  if (op.dialect !== "postgresql" || facts?.lock === void 0) return void 0;
  const rewrite = facts.rewriteUnless ? ` and rewrites it and its indexes unless ${facts.rewriteUnless}` : " and rewrites it and its indexes";
  const effect = facts.rewrite ? rewrite : facts.scan ? " and reads every row" : "";
  return `PostgreSQL takes ${facts.lock} on ${tableName(op)}${effect}`;
}
function py(value) {
  return hasUnresolvedPart(value) && pythonExpression(value) || JSON.stringify(value);
}
function pythonExpression(value) {
  const parts = value.split(/(«[^»]*»)/).filter((part) => part !== "");
  const expressions = parts.filter((part) => part.startsWith("\xAB")).map((part) => part.slice(1, -1));
  if (expressions.some((expression) => expression.length >= 60 || expression === "")) return void 0;
  if (parts.length === 1) return expressions[0];
  const quote = expressions.some((expression) => expression.includes('"')) ? "'" : '"';
  if (expressions.some((expression) => /[{}\\]/.test(expression) || expression.includes(quote))) return void 0;
  const literal = (text) => text.replace(/\\/g, "\\\\").replaceAll(quote, `\\${quote}`).replace(/\n/g, "\\n").replace(/\{/g, "{{").replace(/\}/g, "}}");
  return `f${quote}${parts.map((part) => part.startsWith("\xAB") ? `{${part.slice(1, -1)}}` : literal(part)).join("")}${quote}`;
}
function schemaKw(op) {
  return op.schema ? `, schema=${py(op.schema)}` : "";
}
function compareVersions(a, b) {
  const parse = (version) => version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  const left = parse(a);
  const right = parse(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
var NO_GUARD_SYNTAX = {
  postgresql: /* @__PURE__ */ new Set(),
  other: /* @__PURE__ */ new Set(),
  mysql: /* @__PURE__ */ new Set(["add-column", "drop-column", "drop-constraint", "create-index", "drop-index"]),
  sqlite: /* @__PURE__ */ new Set(["add-column", "drop-column"])
};
function dialectHasGuard(dialect, kind) {
  return !NO_GUARD_SYNTAX[dialect].has(kind);
}
function excerpt(text, max = 60) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max - 1);
  const between = Math.max(room.lastIndexOf(" "), room.lastIndexOf(","));
  const cut = between >= max / 2 ? between : room.lastIndexOf("(");
  const kept = cut >= max / 2 ? room.slice(0, cut + 1) : room;
  return `${kept.trimEnd()}\u2026`;
}
function allOperations(input) {
  return analyzedRevisions(input).flatMap((rev) => rev.operations.map((op) => ({ op, rev })));
}
function problemFindings(input, rule, hintFor) {
  const findings = [];
  const withHint = (draft, format) => {
    const hint = hintFor?.(draft.span.file, format);
    return hint === void 0 ? draft : { ...draft, hint };
  };
  for (const rev of analyzedRevisions(input)) {
    for (const problem of rev.revision.problems) {
      if (problem.rule === rule) {
        const draft = { span: problem.span, revision: rev.revision.id, message: problem.message };
        findings.push(withHint(draft, rev.revision.format));
      }
    }
  }
  for (const env of input.envFiles) {
    for (const problem of env.problems) {
      if (problem.rule === rule) findings.push(withHint({ span: problem.span, message: problem.message }, "alembic"));
    }
  }
  return findings;
}
function objectNames(op) {
  const names = [];
  const table3 = op.table;
  if (table3) names.push(table3, ...op.schema ? [`${op.schema}.${table3}`] : []);
  if ("column" in op) {
    const column2 = typeof op.column === "string" ? op.column : op.column.name;
    names.push(column2, ...table3 ? [`${table3}.${column2}`] : []);
  }
  if ("name" in op && typeof op.name === "string") names.push(op.name);
  if (op.kind === "create-table") names.push(...op.columns.map((column2) => `${op.table}.${column2.name}`));
  if ((op.kind === "add-constraint" || op.kind === "drop-constraint") && op.constraintType === "primary-key" && table3)
    names.push(`${table3}_pkey`);
  if ((op.kind === "add-constraint" || op.kind === "create-index") && table3)
    names.push(...op.columns.map((column2) => `${table3}.${column2}`));
  return names.map((name) => name.replace(/"/g, "").toLowerCase());
}
function phaseExceptionsOf(rev) {
  const lookups = {
    expand_drop_exceptions: exceptionLookup(rev.revision, "expand_drop_exceptions"),
    contract_creation_exceptions: exceptionLookup(rev.revision, "contract_creation_exceptions")
  };
  return (op) => {
    const wanted = op.phase === "contract" ? "expand_drop_exceptions" : op.phase === "expand" ? "contract_creation_exceptions" : void 0;
    if (wanted === void 0) return void 0;
    const lookup = lookups[wanted];
    let found;
    for (const name of objectNames(op)) {
      const at = lookup.byObject.get(name);
      if (at !== void 0 && (found === void 0 || at < found)) found = at;
    }
    const unreadable2 = "name" in op && typeof op.name === "string" && hasUnresolvedPart(op.name);
    if (unreadable2 && lookup.firstListing !== void 0 && (found === void 0 || lookup.firstListing < found))
      found = lookup.firstListing;
    const exception = found === void 0 ? void 0 : rev.revision.phaseExceptions[found];
    if (!exception) return void 0;
    return {
      kind: "phase-exception",
      reason: exception.reason ?? `listed by ${exception.function}() (no docstring)`,
      span: exception.span
    };
  };
}
function exceptionLookup(revision, fn) {
  const byObject = /* @__PURE__ */ new Map();
  let firstListing;
  revision.phaseExceptions.forEach((exception, at) => {
    if (exception.function !== fn) return;
    if (exception.objects.length > 0) firstListing ??= at;
    for (const object2 of exception.objects) {
      const name = object2.replace(/"/g, "").toLowerCase();
      if (!byObject.has(name)) byObject.set(name, at);
    }
  });
  return { byObject, firstListing };
}
function describeOperation(op) {
  const names = objectNames(op);
  const object2 = "column" in op ? names.find((name) => name.includes(".")) : names[0];
  return object2 ? `${op.kind} ${q(object2)}` : excerpt(op.text);
}
function scopeFinder(input) {
  const scopes = new Set(input.histories.map((history) => history.scope));
  return (file) => {
    const folder = folderOf(file);
    return scopes.has(folder) ? folder : "";
  };
}
function referencesOf(revision) {
  return [
    ...revision.downRevisions.map((reference) => ({ reference, field: "down_revision" })),
    ...revision.dependsOn.map((reference) => ({ reference, field: "depends_on" }))
  ];
}
function referenceResolver(revisions, otherIds, declared) {
  const names = /* @__PURE__ */ new Set([...revisions.map((revision) => revision.id), ...otherIds]);
  for (const revision of revisions) for (const label of revision.branchLabels) names.add(label);
  for (const file of declared) {
    names.add(file.revision);
    for (const label of file.branchLabels) names.add(label);
  }
  return (reference) => names.has(reference);
}
function deletionsByName(deletions) {
  const byName = /* @__PURE__ */ new Map();
  for (const deleted of deletions) {
    for (const name of [deleted.revision, ...deleted.branchLabels]) if (!byName.has(name)) byName.set(name, deleted);
  }
  return byName;
}
function revisionsInScope(input, scope) {
  return input.histories.filter((history) => history.scope === scope).flatMap((history) => history.revisions.map((analyzed) => analyzed.revision));
}
function scopeReferences(input, scope, scopeOf) {
  const unanalysed = input.unanalysedFiles.filter((file) => scopeOf(file.file) === scope);
  if (unanalysed.some((file) => file.declares === void 0)) return void 0;
  const declared = unanalysed.flatMap((file) => file.declares ? [file.declares] : []);
  const revisions = revisionsInScope(input, scope);
  const resolves = referenceResolver(revisions, [], declared);
  const unresolved = /* @__PURE__ */ new Map();
  for (const revision of revisions) {
    for (const { reference } of referencesOf(revision)) {
      if (resolves(reference)) continue;
      const holders = listAt(unresolved, reference);
      if (holders.at(-1) !== revision) holders.push(revision);
    }
  }
  return {
    ids: new Set(revisions.map((revision) => revision.id)),
    declaredByFailed: new Set(declared.map((file) => file.revision)),
    unresolved,
    position: new Map(revisions.map((revision, index) => [revision, index]))
  };
}
function deletedButNamed(input) {
  const found = [];
  const scopeOf = scopeFinder(input);
  const byScope = /* @__PURE__ */ new Map();
  for (const change of input.changeUnderReview?.changes ?? []) {
    if (change.kind !== "deleted") continue;
    const scope = scopeOf(change.file);
    if (!byScope.has(scope)) byScope.set(scope, scopeReferences(input, scope, scopeOf));
    const references = byScope.get(scope);
    if (!references || references.declaredByFailed.has(change.revision) || references.ids.has(change.revision))
      continue;
    const referrers = /* @__PURE__ */ new Set();
    for (const name of [change.revision, ...change.branchLabels])
      for (const revision of references.unresolved.get(name) ?? []) referrers.add(revision);
    const inOrder = [...referrers].sort(
      (a, b) => (references.position.get(a) ?? 0) - (references.position.get(b) ?? 0)
    );
    if (inOrder.length > 0) found.push({ file: change.file, revision: change.revision, referrers: inOrder });
  }
  return found;
}

// analyzers/pg-support.ts
function postgresOperations(input, kind) {
  return operationsOfKind(input, kind).filter(({ op }) => op.dialect === "postgresql" && !isBookkeepingTable(op.table));
}
function onExistingTable(rev, table3, op) {
  return table3 !== void 0 && !isNewTable(rev, table3) && op?.lock?.newTable !== true;
}
function inAutocommitBlock(call) {
  return `inside \`with op.get_context().autocommit_block():\` run \`${call}\``;
}
function transactionWhy(op) {
  return op.transaction?.reason ?? "Alembic runs every revision inside a transaction";
}
function constraintsOnExistingTables(input, constraintType) {
  const builds = /* @__PURE__ */ new Map();
  const found = [];
  for (const rev of analyzedRevisions(input)) {
    for (const op of rev.operations) {
      if (op.kind === "create-index" && op.name !== void 0) {
        builds.set(op.name.toLowerCase(), {
          concurrently: op.concurrently,
          onNewTable: !onExistingTable(rev, op.table, op)
        });
      }
      if (op.kind !== "add-constraint" || op.dialect !== "postgresql" || op.constraintType !== constraintType) continue;
      if (!onExistingTable(rev, op.table, op) || isBookkeepingTable(op.table)) continue;
      const index = op.usingIndex === void 0 ? void 0 : builds.get(op.usingIndex.toLowerCase());
      found.push({ op, rev, ...index ? { index } : {} });
    }
  }
  return found;
}
var NULL_DEFAULT = /^(?:null|(?:sa\.)?null\(\)|(?:sa\.)?text\(\s*["']null["']\s*\))$/i;
function defaultVolatility(column2, origin, created) {
  if (column2.serverDefault === void 0) return void 0;
  const calls = defaultFunctions(column2.serverDefault, origin);
  const known = calls.volatile[0];
  if (known !== void 0) return { kind: "volatile", call: `${known}()` };
  let unknown2;
  for (const call of calls.unknown) {
    const declared = created.get(functionKey(call));
    if (declared?.volatility === "volatile") return { kind: "created-volatile", call: `${call}()`, created: declared };
    if (declared === void 0) unknown2 ??= `${call}()`;
  }
  return unknown2 === void 0 ? void 0 : { kind: "unknown", call: unknown2 };
}
function hasNonNullDefault(column2) {
  return column2.serverDefault !== void 0 && !NULL_DEFAULT.test(column2.serverDefault.trim());
}
var SEPARATE_VALIDATION = "Commit the NOT VALID constraint first: validate it in a later revision that runs in a transaction of its own (transaction_per_migration=True in env.py, or inside `with op.get_context().autocommit_block():`), or, in a plain SQL file, after the COMMIT that ends the ADD's transaction.";
function validatedInSameTransaction(input, constraintType) {
  const found = [];
  const added = /* @__PURE__ */ new Map();
  const keyOf = (transaction, table3, name) => `${transaction}\0${tableKey(table3)}\0${name.toLowerCase()}`;
  for (const rev of analyzedRevisions(input)) {
    for (const op of rev.operations) {
      const transaction = op.transaction?.inTransaction ? op.transaction.key : void 0;
      if (op.dialect !== "postgresql" || transaction === void 0) continue;
      if (op.kind === "add-constraint" && op.notValid && op.name !== void 0 && onExistingTable(rev, op.table, op)) {
        if (op.constraintType === constraintType) added.set(keyOf(transaction, op.table, op.name), { op, rev });
      } else if (op.kind === "validate-constraint") {
        const add = added.get(keyOf(transaction, op.table, op.name));
        const sameRun = add?.rev === rev || input.reviewingRelease && add?.rev.underReview && rev.underReview;
        if (add && sameRun) found.push({ add: add.op, validate: op, rev });
      }
    }
  }
  return found;
}

// analyzers/sql-names.ts
var RESERVED = new Set(
  "all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column concurrently constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references returning right select session_user similar some symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when where window with".split(" ")
);
var PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;
function sqlName(name, dialect) {
  if (hasUnresolvedPart(name) || PLAIN_NAME.test(name) && !RESERVED.has(name)) return name;
  return dialect === "mysql" ? `\`${name.replace(/`/g, "``")}\`` : `"${name.replace(/"/g, '""')}"`;
}
function sqlTable(op) {
  const table3 = sqlName(op.table ?? "", op.dialect);
  return op.schema ? `${sqlName(op.schema, op.dialect)}.${table3}` : table3;
}

// analyzers/add-check-constraint-validated.ts
var addCheckConstraintValidated = {
  meta: {
    name: "add-check-constraint-validated",
    group: "locks",
    defaultSeverity: "error",
    summary: "A CHECK constraint is added to an existing PostgreSQL table without NOT VALID.",
    rationale: "Adding a CHECK constraint reads every existing row to prove it while the ALTER TABLE holds an ACCESS EXCLUSIVE lock: nothing can read or write the table until the scan is done.",
    safeAlternative: "Add the constraint with NOT VALID (postgresql_not_valid=True), then VALIDATE CONSTRAINT in a later revision: validation takes only a SHARE UPDATE EXCLUSIVE lock."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "add-constraint")) {
      if (op.constraintType !== "check" || op.notValid || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name ?? `ck_${op.table}_${op.columns.join("_") || "check"}`;
      const inline = op.name === void 0 && /add[ _]column/i.test(op.text) ? " (inline on ADD COLUMN, which cannot be NOT VALID)" : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `CHECK constraint ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)} without NOT VALID${inline}: PostgreSQL reads every row to prove it while holding an ACCESS EXCLUSIVE lock, so nothing can read or write the table until the scan is done`,
        hint: `Add it NOT VALID now: op.create_check_constraint(${py(name)}, ${py(op.table)}, "<condition>", postgresql_not_valid=True${schemaKw(op)}); new writes are checked at once. In a later revision, op.execute(${py(`ALTER TABLE ${sqlTable(op)} VALIDATE CONSTRAINT ${sqlName(name)}`)}) checks the old rows under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go on.`
      });
    }
    for (const { validate, rev } of validatedInSameTransaction(input, "check")) {
      findings.push({
        span: validate.span,
        revision: rev.revision.id,
        message: `CHECK constraint ${q(validate.name)} of existing table ${tableName(validate)} is validated in the same transaction that added it NOT VALID (${transactionWhy(validate)}): the ACCESS EXCLUSIVE lock the ADD took is held until that transaction commits, so nothing can read or write the table during the scan and NOT VALID gains nothing`,
        hint: SEPARATE_VALIDATION
      });
    }
    return findings;
  }
};

// analyzers/model-change.ts
function modelChange(input, rev, change) {
  if (rev.envFile === void 0) return "";
  const env = input.envFiles.find((candidate) => candidate.file === rev.envFile);
  if (env?.targetMetadata === void 0) return "";
  return ` Autogenerate compares the database with the models (env.py: target_metadata = ${env.targetMetadata}): ${change}, or the next \`alembic revision --autogenerate\` undoes it.`;
}

// analyzers/add-column-not-null.ts
var addColumnNotNull = {
  meta: {
    name: "add-column-not-null",
    group: "phases",
    defaultSeverity: "error",
    summary: "A NOT NULL column without a server default is added to an existing table.",
    rationale: "Existing rows have no value for the new column, so the ALTER TABLE fails as soon as the table has rows. If it does succeed (empty table), the release still running inserts rows without the column and every such INSERT fails with a NOT NULL violation until the new code is deployed everywhere.",
    safeAlternative: "Expand: add the column as nullable (or with a server_default). Backfill existing rows in a later revision. Contract: set it NOT NULL once every row and every running release fills it."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "add-column")) {
      const column2 = op.column;
      const defaultStays = column2.serverDefault !== void 0 && !op.defaultRemovedLater;
      if (column2.nullable || defaultStays || column2.generated !== void 0) continue;
      if (isNewTable(rev, op.table)) continue;
      if (column2.serverDefault !== void 0) {
        findings.push(defaultRemovedFinding(op, rev, input));
        continue;
      }
      let message = `column ${q(column2.name)} is added to existing table ${tableName(op)} as NOT NULL without a server default`;
      if (column2.pythonDefault !== void 0) {
        message += `; its python-side default=${column2.pythonDefault} does not help: SQLAlchemy applies it only to its own ` + (op.dialect === "mysql" ? "INSERTs, the database never sees it, so other writers get no value (MySQL fills existing rows with the type's implicit default, such as 0 or '', not with this one)" : "INSERTs, the database never sees it, so existing rows and other writers get no value");
      }
      const table3 = py(op.table);
      const name = py(column2.name);
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: `Add it as nullable: op.add_column(${table3}, sa.Column(${name}, ..., nullable=True)${schemaKw(op)}), backfill it in a later revision, then op.alter_column(${table3}, ${name}, nullable=False${schemaKw(op)}); or give it a constant server_default=... so existing rows get a value.` + modelChange(
          input,
          rev,
          `keep ${q(`${op.table}.${column2.name}`)} nullable in the model (mapped_column(nullable=True), or Mapped[... | None]) until the revision that sets nullable=False`
        )
      });
    }
    return findings;
  }
};
function defaultRemovedFinding(op, rev, input) {
  const table3 = py(op.table);
  const name = py(op.column.name);
  return {
    span: op.span,
    revision: rev.revision.id,
    message: `column ${q(op.column.name)} is added to existing table ${tableName(op)} as NOT NULL with a server default that this revision removes again: the existing rows are filled, but inserts by the release still running, which leave the column out, fail once the default is gone`,
    hint: `Keep the server default until every instance runs code that writes ${q(op.column.name)}, and remove it in a later revision: op.alter_column(${table3}, ${name}, server_default=None${schemaKw(op)}).` + modelChange(
      input,
      rev,
      `keep the server default of ${q(`${op.table}.${op.column.name}`)} in the model until that later revision`
    )
  };
}

// analyzers/add-column-serial.ts
function whatItIs(column2) {
  if (column2.generated === "stored") return "a stored generated column";
  if (column2.generated === "identity") return "an IDENTITY column";
  return column2.implicitSerial ? `an autoincrementing ${column2.type ?? "integer"} primary key, which SQLAlchemy renders as ${column2.type === "bigint" ? "BIGSERIAL" : column2.type === "smallint" ? "SMALLSERIAL" : "SERIAL"}` : "a serial column";
}
var addColumnSerial = {
  meta: {
    name: "add-column-serial",
    group: "locks",
    defaultSeverity: "error",
    summary: "A serial, identity or stored generated column is added to an existing PostgreSQL table.",
    rationale: "PostgreSQL has to compute a value for every existing row (the next sequence value, or the generation expression), so it rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock.",
    safeAlternative: "Add a plain nullable column, give it a default for new rows (a sequence's nextval, or have the application or a trigger fill it), backfill existing rows in batches, and tighten it in a contract revision."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      const column2 = op.column;
      if (column2.generated === void 0 || !onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(column2.name)} is added to existing table ${tableName(op)} as ${whatItIs(column2)}: PostgreSQL computes a value for every existing row and rewrites the whole table` + (column2.primaryKey && op.origin === "sql" ? ", then builds its primary key index," : "") + " under an ACCESS EXCLUSIVE lock",
        hint: column2.generated === "stored" ? "Add a plain nullable column instead, fill it from the application or a trigger for new rows, and backfill existing rows in batches in a later revision." : `Add a plain nullable bigint column, then op.execute("CREATE SEQUENCE ...") and op.alter_column(..., server_default=sa.text("nextval('...')")) for new rows (no rewrite); backfill existing rows in batches in a later revision.`
      });
    }
    return findings;
  }
};

// analyzers/add-column-volatile-default.ts
function volatilityReason(volatility) {
  switch (volatility.kind) {
    case "volatile":
      return `the volatile default ${volatility.call} is computed for every existing row, so PostgreSQL rewrites the whole table`;
    case "created-volatile":
      return `it calls ${volatility.call}, which revision ${q(volatility.created.revision)} creates as VOLATILE (declared, or PostgreSQL's default when CREATE FUNCTION declares none): it is computed for every existing row, so PostgreSQL rewrites the whole table`;
    case "unknown": {
      const which = hasUnresolvedPart(volatility.call) ? `${volatility.call}, a function whose name is not known statically` : `${volatility.call}, which migragate does not know`;
      return `it calls ${which}: a function is VOLATILE unless declared otherwise, and a volatile default rewrites the whole table`;
    }
  }
}
var addColumnVolatileDefault = {
  meta: {
    name: "add-column-volatile-default",
    group: "locks",
    defaultSeverity: "error",
    summary: "A column is added to an existing PostgreSQL table with a default that rewrites the table.",
    rationale: "A volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()...) has to be computed for every existing row, so PostgreSQL rewrites the whole table, and its indexes, under an ACCESS EXCLUSIVE lock. Before PostgreSQL 11 every default did. now() and other stable or constant defaults are stored once in the catalog. A function CREATE FUNCTION does not declare STABLE or IMMUTABLE is VOLATILE.",
    safeAlternative: "Add the column without the default, set the default afterwards with alter_column(server_default=...) (new rows only, no rewrite), and backfill existing rows in batches in a later revision."
  },
  check(input) {
    const findings = [];
    const version = input.options.postgresVersion;
    const created = /* @__PURE__ */ new Map();
    for (const rev of analyzedRevisions(input)) {
      for (const op of rev.operations) {
        if (op.kind === "create-object" && op.objectType === "function" && op.volatility !== void 0) {
          created.set(functionKey(op.name), { volatility: op.volatility, revision: rev.revision.id });
        } else if (op.kind === "drop-object" && op.objectType === "function") {
          created.delete(functionKey(op.name));
        }
        if (op.kind !== "add-column" || op.dialect !== "postgresql") continue;
        const column2 = op.column;
        if (column2.generated !== void 0 || !onExistingTable(rev, op.table, op)) continue;
        const volatility = defaultVolatility(column2, op.origin, created);
        const beforeEleven = version < 11 && hasNonNullDefault(column2);
        if (volatility === void 0 && !beforeEleven) continue;
        const possibly = volatility?.kind === "unknown" && !beforeEleven ? volatility.call : void 0;
        const why = volatility !== void 0 && !(beforeEleven && volatility.kind === "unknown") ? volatilityReason(volatility) : `before PostgreSQL 11 (configured: ${version}) every default is written into every existing row, so PostgreSQL rewrites the whole table`;
        const safely = `dd it without a default: op.add_column(${py(op.table)}, sa.Column(${py(column2.name)}, ..., nullable=True)${schemaKw(op)}); then op.alter_column(${py(op.table)}, ${py(column2.name)}, server_default=...${schemaKw(op)}) applies the default to new rows only; backfill the existing rows in batches in a later revision.`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `column ${q(column2.name)} is added to existing table ${tableName(op)} with server default ${column2.serverDefault}: ${why} under an ACCESS EXCLUSIVE lock`,
          hint: possibly === void 0 ? `A${safely}` : `If ${possibly} is declared STABLE or IMMUTABLE, nothing is rewritten: accept the finding with that reason. Otherwise a${safely}`
        });
      }
    }
    return findings;
  }
};

// analyzers/add-foreign-key-validated.ts
var WHY = "PostgreSQL checks every existing row against the referenced table while it holds a SHARE ROW EXCLUSIVE lock on both tables, so writes to both wait for the whole scan";
function whyBlocked(rev, table3, referenced) {
  if (referenced === "..." || !isNewTable(rev, referenced)) return `${WHY} (${q(table3)} and ${q(referenced)})`;
  return `PostgreSQL checks every existing row against the referenced table while it holds a SHARE ROW EXCLUSIVE lock, so writes to ${q(table3)} wait for the whole scan (${q(referenced)} is created in this revision: no other session uses it yet)`;
}
function readsWaitToo(op) {
  const held = op.lockAlreadyHeld;
  if (held?.mode !== "ACCESS EXCLUSIVE") return "";
  return `; reads of ${q(op.table)} wait too, as this transaction already holds ACCESS EXCLUSIVE on it (line ${held.line})`;
}
function recipe(table3, sqlTarget, name, columns, referenced, referencedColumns, schema) {
  const list2 = (values) => `[${values.map(py).join(", ")}]`;
  const remote = referencedColumns && referencedColumns.length > 0 ? list2(referencedColumns) : "[...]";
  const validate = `op.execute(${py(`ALTER TABLE ${sqlTarget} VALIDATE CONSTRAINT ${sqlName(name)}`)})`;
  const later = `In a later revision, ${validate} checks the old rows under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go on.`;
  if ([name, table3, referenced, ...columns, ...referencedColumns ?? []].some(hasUnresolvedPart))
    return `Add it NOT VALID now: pass postgresql_not_valid=True to this call; it applies to new writes at once and checks no old row. ${later}`;
  return `Add it NOT VALID now: op.create_foreign_key(${py(name)}, ${py(table3)}, ${py(referenced)}, ${list2(columns)}, ${remote}, postgresql_not_valid=True${schema}); it applies to new writes at once and checks no old row. ${later}`;
}
var MYSQL_IN_PLACE = 'Check first that every row has its match (a SELECT of the rows whose key is not in the referenced table), then add it without the copy: op.execute("SET foreign_key_checks = 0") before the call and op.execute("SET foreign_key_checks = 1") after it. MySQL then adds the key in place (ALGORITHM=INPLACE, writes go on) and checks no existing row, and every new or updated row from then on: run the SELECT again afterwards for the rows written in between.';
function foreignKeyChecks(op) {
  if (op.kind !== "set-config" || op.global || op.name.toLowerCase().replace(/^@@(?:session\.)?/, "") !== "foreign_key_checks")
    return void 0;
  const value = (op.value ?? "").trim().replace(/^[`'"]|[`'"]$/g, "").toLowerCase();
  return value === "0" || value === "off" || value === "false" ? "off" : "on";
}
function mysqlCheckedKeys(rev) {
  const keys = [];
  const created = /* @__PURE__ */ new Set();
  let lastSet;
  for (const op of rev.operations) {
    if (foreignKeyChecks(op) !== void 0) lastSet = op;
    if (op.kind === "create-table") created.add(tableKey(op.table));
    if (op.dialect !== "mysql" || isBookkeepingTable(op.table)) continue;
    const addsKey = op.kind === "add-constraint" && op.constraintType === "foreign-key" || op.kind === "add-column" && op.origin === "op" && op.column.references !== void 0;
    if (!addsKey || created.has(tableKey(op.table)) || isNewTable(rev, op.table)) continue;
    const checksOff = lastSet !== void 0 && foreignKeyChecks(lastSet) === "off" && withinConditions(lastSet.context.conditions, op.context.conditions);
    if (!checksOff) keys.push(op);
  }
  return keys;
}
var addForeignKeyValidated = {
  meta: {
    name: "add-foreign-key-validated",
    group: "locks",
    defaultSeverity: "error",
    summary: "A foreign key is added to an existing table with every row checked at once: on PostgreSQL without NOT VALID, on MySQL with foreign_key_checks on (a table copy).",
    rationale: "Adding a foreign key validates every existing row in the same statement, under a SHARE ROW EXCLUSIVE lock on the table and on the table it references: no INSERT, UPDATE or DELETE on either runs until the scan is done. MySQL can add one with foreign_key_checks on only by copying the table, and writes wait until the copy ends.",
    safeAlternative: "Add the constraint with NOT VALID (postgresql_not_valid=True), then VALIDATE CONSTRAINT in a later revision: validation takes only a SHARE UPDATE EXCLUSIVE lock. On MySQL, check the rows first and add it with foreign_key_checks off, which adds it in place."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "add-constraint")) {
      if (op.constraintType !== "foreign-key" || op.notValid || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name ?? `fk_${op.table}_${op.columns.join("_")}`;
      const referenced = op.referencedTable ?? "...";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `foreign key ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)} without NOT VALID: ${whyBlocked(rev, op.table, referenced)}${readsWaitToo(op)}`,
        hint: recipe(op.table, sqlTable(op), name, op.columns, referenced, op.referencedColumns, schemaKw(op))
      });
    }
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      const referenced = op.column.references;
      if (referenced === void 0 || !onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(op.column.name)} is added to existing table ${tableName(op)} with a foreign key to ${q(referenced)}, which cannot be NOT VALID inline: ${WHY}`,
        hint: "Add the column without the ForeignKey/REFERENCES. " + recipe(
          op.table,
          sqlTable(op),
          `fk_${op.table}_${op.column.name}`,
          [op.column.name],
          referenced,
          op.column.referencedColumn === void 0 ? void 0 : [op.column.referencedColumn],
          schemaKw(op)
        )
      });
    }
    for (const rev of analyzedRevisions(input)) {
      for (const op of mysqlCheckedKeys(rev)) {
        const copy = `with foreign_key_checks on, MySQL adds a foreign key only by copying the table (ALGORITHM=COPY), and writes to ${q(op.table)} wait until the copy ends`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          ...op.kind === "add-column" ? {
            message: `column ${q(op.column.name)} is added to existing table ${tableName(op)} with a foreign key to ${q(op.column.references ?? "?")}: ${copy}`,
            hint: `Add the column without the ForeignKey, then the foreign key with op.create_foreign_key(...). ${MYSQL_IN_PLACE}`
          } : {
            message: `foreign key ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)}: ${copy}`,
            hint: MYSQL_IN_PLACE
          },
          variant: "mysql"
        });
      }
    }
    for (const { add, validate, rev } of validatedInSameTransaction(input, "foreign-key")) {
      findings.push({
        span: validate.span,
        revision: rev.revision.id,
        message: `foreign key ${q(validate.name)} of existing table ${tableName(validate)} is validated in the same transaction that added it NOT VALID (${transactionWhy(validate)}): the SHARE ROW EXCLUSIVE lock the ADD took on ${q(add.table)} and ${q(add.referencedTable ?? "...")} is held until that transaction commits, so writes to both wait for the whole scan and NOT VALID gains nothing`,
        hint: SEPARATE_VALIDATION
      });
    }
    return findings;
  }
};

// analyzers/add-primary-key.ts
var addPrimaryKey = {
  meta: {
    name: "add-primary-key",
    group: "locks",
    defaultSeverity: "error",
    summary: "A primary key is added to an existing PostgreSQL table without an index built concurrently.",
    rationale: "ADD PRIMARY KEY builds its unique index inside the ALTER TABLE, holding an ACCESS EXCLUSIVE lock for the whole build (and scans the table for NULLs if a key column is nullable): nothing can read or write the table until it is done.",
    safeAlternative: "Make the key columns NOT NULL without a long lock (a validated CHECK (col IS NOT NULL) first), build a unique index with CREATE UNIQUE INDEX CONCURRENTLY in an autocommit_block(), then ADD CONSTRAINT ... PRIMARY KEY USING INDEX."
  },
  check(input) {
    const findings = [];
    for (const { op, rev, index } of constraintsOnExistingTables(input, "primary-key")) {
      if (op.usingIndex !== void 0 && (index === void 0 || index.concurrently || index.onNewTable)) continue;
      const name = op.name ?? `${op.table}_pkey`;
      const columns = `[${op.columns.map(py).join(", ")}]`;
      const build = `op.create_index(${py(name)}, ${py(op.table)}, ${columns}, unique=True, postgresql_concurrently=True${schemaKw(op)})`;
      const message = op.usingIndex !== void 0 ? `primary key ${q(name)} of existing table ${tableName(op)} uses index ${q(op.usingIndex)}, which was built without CONCURRENTLY: that build locked out writes to the table for its whole duration` : `primary key ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)}: PostgreSQL builds its unique index inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or write the table until the build is done`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: `Build the index first, ${inAutocommitBlock(build)}; then, with the key columns already NOT NULL, attach it: op.execute(${py(`ALTER TABLE ${sqlTable(op)} ADD CONSTRAINT ${sqlName(name)} PRIMARY KEY USING INDEX ${sqlName(name)}`)}).`
      });
    }
    for (const { op, rev } of postgresOperations(input, "add-column")) {
      if (op.origin !== "sql" || !op.column.primaryKey || op.column.generated !== void 0) continue;
      if (!onExistingTable(rev, op.table, op)) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(op.column.name)} is added to existing table ${tableName(op)} as its PRIMARY KEY: PostgreSQL fills and indexes every row inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or write the table until it is done`,
        hint: "Add the column on its own, fill it in batches, build a unique index CONCURRENTLY in an autocommit_block(), then ADD CONSTRAINT ... PRIMARY KEY USING INDEX."
      });
    }
    return findings;
  }
};

// analyzers/add-unique-constraint.ts
var addUniqueConstraint = {
  meta: {
    name: "add-unique-constraint",
    group: "locks",
    defaultSeverity: "error",
    summary: "A UNIQUE constraint is added to an existing PostgreSQL table without an index built concurrently.",
    rationale: "ADD CONSTRAINT ... UNIQUE builds its unique index inside the ALTER TABLE, holding an ACCESS EXCLUSIVE lock for the whole build: nothing can read or write the table until every row has been read and sorted.",
    safeAlternative: "Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY in an autocommit_block(), then attach it with ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX, which only renames it and holds its lock for an instant."
  },
  check(input) {
    const findings = [];
    for (const { op, rev, index } of constraintsOnExistingTables(input, "unique")) {
      if (op.usingIndex !== void 0 && (index === void 0 || index.concurrently || index.onNewTable)) continue;
      const name = op.name ?? `uq_${op.table}_${op.columns.join("_")}`;
      const columns = `[${op.columns.map(py).join(", ")}]`;
      const build = `op.create_index(${py(name)}, ${py(op.table)}, ${columns}, unique=True, postgresql_concurrently=True${schemaKw(op)})`;
      const message = op.usingIndex !== void 0 ? `UNIQUE constraint ${q(name)} on existing table ${tableName(op)} uses index ${q(op.usingIndex)}, which was built without CONCURRENTLY: that build locked out writes to the table for its whole duration` : `UNIQUE constraint ${op.name ? `${q(op.name)} ` : ""}is added to existing table ${tableName(op)}: PostgreSQL builds its unique index inside the ALTER TABLE under an ACCESS EXCLUSIVE lock, so nothing can read or write the table until the build is done`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: `Build the index first, ${inAutocommitBlock(build)}; then attach it: op.execute(${py(`ALTER TABLE ${sqlTable(op)} ADD CONSTRAINT ${sqlName(name)} UNIQUE USING INDEX ${sqlName(name)}`)}).`
      });
    }
    return findings;
  }
};

// analyzers/enum-value-uses.ts
var MAX_USE_CHECKS = 1e6;
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function quotedTexts(text) {
  const found = /* @__PURE__ */ new Set();
  for (let start = 0; start < text.length; start++) {
    const quote = text[start];
    if (quote !== "'" && quote !== '"') continue;
    const end = text.indexOf(quote, start + 1);
    if (end >= 0) found.add(text.slice(start + 1, end).toLowerCase());
  }
  return found;
}
function keysOf(value) {
  return new Set(["'", '"'].map((quote) => (value.split(quote)[0] ?? "").toLowerCase()));
}
function firstAbove(indices, after) {
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const middle = low + high >> 1;
    if (indices[middle] > after) high = middle;
    else low = middle + 1;
  }
  return indices[low];
}
var EnumValueUses = class {
  constructor(located) {
    this.located = located;
  }
  located;
  /** Filled on the first question: most histories add no enum value, and then nothing is scanned. */
  declared;
  enumTablesMemo = /* @__PURE__ */ new Map();
  quoting;
  usesMemo = /* @__PURE__ */ new Map();
  checksLeft = MAX_USE_CHECKS;
  /** The first operation after `index`, in transaction `key`, that uses `value` of `typeName`. */
  firstUse(index, key, value, typeName) {
    const memoKey = JSON.stringify([key ?? null, value, typeName]);
    let uses = this.usesMemo.get(memoKey);
    if (uses === void 0) {
      uses = this.usesOf(key, value, typeName);
      this.usesMemo.set(memoKey, uses);
    }
    const use = firstAbove(uses, index);
    return use === void 0 ? void 0 : this.located[use];
  }
  /** Tables with a column of an enum type, and tables by the last part of each column type's name. */
  declaredTables() {
    if (this.declared) return this.declared;
    const declared = { anyEnum: /* @__PURE__ */ new Set(), byTypeName: /* @__PURE__ */ new Map() };
    const declare = (column2, table3) => {
      if (isEnumType(column2.type)) declared.anyEnum.add(tableKey(table3));
      const typeName = column2.type?.split(".").pop();
      if (typeName === void 0) return;
      const tables = declared.byTypeName.get(typeName) ?? /* @__PURE__ */ new Set();
      tables.add(tableKey(table3));
      declared.byTypeName.set(typeName, tables);
    };
    for (const { op } of this.located) {
      if (op.kind === "create-table") for (const column2 of op.columns) declare(column2, op.table);
      if (op.kind === "add-column") declare(op.column, op.table);
    }
    this.declared = declared;
    return declared;
  }
  /** Tables with a column of the enum type, as the history declares them (`sa.Enum(...)` reads as type "enum"). */
  enumTables(typeName) {
    const type = typeName.replace(/"/g, "").toLowerCase().split(".").pop() ?? "";
    let tables = this.enumTablesMemo.get(type);
    if (tables === void 0) {
      const declared = this.declaredTables();
      tables = /* @__PURE__ */ new Set([...declared.anyEnum, ...declared.byTypeName.get(type) ?? []]);
      this.enumTablesMemo.set(type, tables);
    }
    return tables;
  }
  /** Operations, by their quoted texts, that could use a value: all but those adding a value themselves. */
  operationsQuoting() {
    if (this.quoting) return this.quoting;
    const quoting = /* @__PURE__ */ new Map();
    this.located.forEach(({ op }, index) => {
      if (op.kind === "alter-enum-add-value") return;
      for (const text of quotedTexts(op.sql ?? op.text)) pushTo(quoting, text, index);
    });
    this.quoting = quoting;
    return quoting;
  }
  /** Ascending indices of the operations in transaction `key` that use the value. */
  usesOf(key, value, typeName) {
    const quoting = this.operationsQuoting();
    const candidates = /* @__PURE__ */ new Set();
    for (const text of keysOf(value)) for (const index of quoting.get(text) ?? []) candidates.add(index);
    const literal = escapeRegExp(value);
    const type = escapeRegExp(typeName.replace(/"/g, "").split(".").pop() ?? typeName);
    const cast = new RegExp(`'${literal}'\\s*::\\s*"?${type}"?|CAST\\s*\\(\\s*'${literal}'\\s+AS\\s+"?${type}"?`, "i");
    const quoted2 = new RegExp(`(["'])${literal}\\1`);
    const enumTables = this.enumTables(typeName);
    const uses = [];
    for (const index of [...candidates].sort((a, b) => a - b)) {
      if (this.checksLeft <= 0) break;
      this.checksLeft--;
      const op = this.located[index].op;
      if (op.transaction?.key !== key) continue;
      const text = op.sql ?? op.text;
      const onEnumTable = enumTables.size === 0 || op.table !== void 0 && enumTables.has(tableKey(op.table));
      if (cast.test(text) || onEnumTable && quoted2.test(text)) uses.push(index);
    }
    return uses;
  }
};

// analyzers/alter-enum-add-value-in-transaction.ts
var alterEnumAddValueInTransaction = {
  meta: {
    name: "alter-enum-add-value-in-transaction",
    group: "locks",
    defaultSeverity: "error",
    summary: "ALTER TYPE ... ADD VALUE runs in a transaction that cannot use it (or, before PostgreSQL 12, at all).",
    rationale: 'Before PostgreSQL 12, ALTER TYPE ... ADD VALUE cannot run inside a transaction block at all. From 12 on it can, but the new value cannot be used until that transaction commits ("unsafe use of new value"), and Alembic keeps the whole revision, or the whole upgrade run, in one transaction.',
    safeAlternative: "Run the ADD VALUE inside `with op.get_context().autocommit_block():` (it commits at once), or use the value only in a later revision with transaction_per_migration=True in env.py."
  },
  check(input) {
    const findings = [];
    if (operationsOfKind(input, "alter-enum-add-value").length === 0) return findings;
    const located = input.shared(allOperations);
    const version = input.options.postgresVersion;
    const uses = new EnumValueUses(located);
    located.forEach(({ op, rev }, index) => {
      if (op.kind !== "alter-enum-add-value" || op.dialect !== "postgresql" || !op.transaction?.inTransaction) return;
      const added = `ALTER TYPE ${op.typeName} ADD VALUE '${op.value}'`;
      const hint = `Wrap it: \`with op.get_context().autocommit_block(): op.execute("ALTER TYPE ${op.typeName} ADD VALUE IF NOT EXISTS '${op.value}'")\`, so it commits before anything uses the value.`;
      if (version < 12) {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${added} cannot run inside a transaction block before PostgreSQL 12 (configured: ${version}), and it runs inside the migration's transaction (${transactionWhy(op)})`,
          hint
        });
        return;
      }
      const use = uses.firstUse(index, op.transaction.key, op.value, op.typeName);
      if (!use) return;
      const where = use.rev === rev ? `line ${use.op.span.line}` : `revision ${use.rev.revision.id} (${use.op.span.file}:${use.op.span.line})`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `enum value ${q(op.value)} is added to ${q(op.typeName)} and used by \`${excerpt(use.op.text)}\` at ${where} in the same transaction (${transactionWhy(op)}): PostgreSQL rejects a new enum value until the transaction that added it commits ("unsafe use of new value")`,
        hint
      });
    });
    return findings;
  }
};

// analyzers/change-column-type.ts
var changeColumnType = {
  meta: {
    name: "change-column-type",
    group: "phases",
    defaultSeverity: "warning",
    summary: "An existing column changes type in a way that rewrites the table or breaks the running code.",
    rationale: "Most type changes make PostgreSQL rewrite the whole table and rebuild its indexes under an ACCESS EXCLUSIVE lock, blocking every read and write for the duration (integer to bigint included); MySQL copies the table for every change of data type but a longer VARCHAR, and writes wait until the copy ends. A narrowing or incompatible change also rejects values the release still running writes, or returns values it cannot read.",
    safeAlternative: "Expand: add a column of the new type and write both. Backfill it in batches. Switch reads to it. Contract: drop the old column (renaming the new one is itself a breaking change, so keep its name or plan another cycle)."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "change-column-type")) {
      if (isNewTable(rev, op.table)) continue;
      const from = op.fromType;
      const types = compareColumnTypes(from, op.toType, op.dialect);
      const effect = op.onNewColumn ? { ...types, compatible: true } : types;
      const postgres = op.dialect === "postgresql";
      const mysqlCopy = op.dialect === "mysql" && from !== void 0 && op.toType !== void 0 && mysqlCopiesTable(from, op.toType);
      if (effect.compatible && (!effect.rewrite || !postgres) && !mysqlCopy) continue;
      const subject = `column ${q(op.column)} of table ${tableName(op)}`;
      const lock = lockNote(op);
      const expand = `Add a new column instead: op.add_column(${py(op.table)}, sa.Column(${py(`${op.column}_new`)}, ...)${schemaKw(op)}), write both, backfill in batches, switch reads, and drop the old column in a later revision.` + modelChange(
        input,
        rev,
        `map the new column ${q(`${op.table}.${op.column}_new`)} in the model with the new type, and keep ${q(`${op.table}.${op.column}`)} as it is until the revision that drops it`
      );
      const to = op.toType !== void 0 ? q(op.toType) : `\`${op.toTypeWritten ?? "?"}\` (a type migragate cannot read)`;
      if (from === void 0 || op.toType === void 0 || !effect.known) {
        if (!postgres) continue;
        const unknownSide = from === void 0 ? "its previous type is unknown" : op.toType === void 0 ? "the new type cannot be read" : !isKnownType(from) ? `${q(from)} is a type migragate does not know` : !isKnownType(op.toType) ? `${q(op.toType)} is a type migragate does not know` : `the change from ${q(from)} to ${q(op.toType)} is not one migragate knows`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${subject} changes type to ${to}, but ${unknownSide}, so migragate cannot tell a safe widening from a rewrite or a narrowing${lock ? `; unless the change is binary-coercible, ${lock}` : ""}`,
          hint: op.origin === "op" && from === void 0 ? `Pass the current type: op.alter_column(${py(op.table)}, ${py(op.column)}, type_=..., existing_type=...${schemaKw(op)}).` : expand
        });
        continue;
      }
      const change = `${q(from)} to ${to}`;
      const incompatible = `${subject} changes type from ${change}, which is not a widening: the release still running may write values the new type rejects or read values it does not expect`;
      const copy = "MySQL copies the table to change a column's type (ALGORITHM=COPY), and writes to it wait until the copy ends";
      const message = !effect.compatible ? lock ? `${incompatible}; ${lock}` : `${incompatible}${postgres && effect.rewrite ? ", and the table is rewritten under an ACCESS EXCLUSIVE lock" : mysqlCopy ? `; ${copy}` : ""}` : lock ? `${subject} changes type from ${change}: compatible with the running code, but ${lock}, blocking reads and writes until it finishes` : mysqlCopy ? `${subject} changes type from ${change}: compatible with the running code, but ${copy}` : `${subject} changes type from ${change}: compatible with the running code, but PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, blocking reads and writes until it finishes`;
      const onMysql = mysqlCopy ? " On a large table, an online schema change tool (gh-ost, pt-online-schema-change) copies it without blocking writes." : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: op.onNewColumn ? `Give the column its final type where this revision adds it: op.add_column(${py(op.table)}, sa.Column(${py(op.column)}, <new type>, ...)${schemaKw(op)}); nothing needs the first type.` : `${expand}${onMysql}`,
        ...mysqlCopy ? { variant: "mysql" } : {}
      });
    }
    return findings;
  }
};

// analyzers/concurrently-in-transaction.ts
function concurrentStatement(op) {
  switch (op.kind) {
    case "create-index":
      return op.concurrently ? "CREATE INDEX CONCURRENTLY" : void 0;
    case "drop-index":
      return op.concurrently ? "DROP INDEX CONCURRENTLY" : void 0;
    case "maintenance":
      return op.concurrently && op.command === "reindex" ? "REINDEX CONCURRENTLY" : void 0;
    case "alter-table-other":
      return op.concurrently ? "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY" : void 0;
    default:
      return void 0;
  }
}
var concurrentlyInTransaction = {
  meta: {
    name: "concurrently-in-transaction",
    group: "locks",
    defaultSeverity: "error",
    summary: "A CONCURRENTLY statement would run inside the migration's transaction.",
    rationale: `CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY commit several transactions of their own, so PostgreSQL refuses them inside a transaction block ("cannot run inside a transaction block"). Alembic runs every revision's upgrade inside a transaction, so the deploy stops there.`,
    safeAlternative: "Run the statement inside `with op.get_context().autocommit_block():`, which commits the transaction before it and runs its body in autocommit mode."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of input.shared(allOperations)) {
      if (op.dialect !== "postgresql" || !op.transaction?.inTransaction) continue;
      const statement = concurrentStatement(op);
      if (statement === void 0) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `${statement} cannot run inside a transaction block, and this one runs inside the migration's transaction (${transactionWhy(op)}): PostgreSQL rejects it and the upgrade stops there`,
        hint: "Put it in its own `with op.get_context().autocommit_block():` block (and only it: a multi-statement op.execute string is itself one implicit transaction)."
      });
    }
    return findings;
  }
};

// analyzers/contract-same-release.ts
function tableOf(op) {
  return op.table === void 0 ? void 0 : tableKey(op.table);
}
function describeTouch(touch) {
  if (touch.described === void 0) {
    const shown = touch.ops.slice(0, 2).map((op) => `${op.phase} ${describeOperation(op)}`);
    const rest = touch.ops.length > 2 ? ` and ${touch.ops.length - 2} more` : "";
    touch.described = `${q(touch.rev.revision.id)} (${shown.join(", ")}${rest})`;
  }
  return touch.described;
}
var contractSameRelease = {
  meta: {
    name: "contract-same-release",
    group: "phases",
    defaultSeverity: "error",
    summary: "A table is contracted in the same release that expands or backfills it.",
    rationale: "The contract step is only safe once every instance runs code that no longer needs what it removes, which is after the release that introduced the replacement is fully deployed. Shipped together, the old instances still running during the rollout lose the column or table they read, or fail the new constraint.",
    safeAlternative: "Ship the expand and backfill revisions in this release, and the contract revision in a later release, once no instance of the previous code is left."
  },
  check(input) {
    if (!input.reviewingRelease) return [];
    const findings = [];
    for (const history of input.histories) {
      const release = history.revisions.filter((rev) => rev.underReview);
      const createdInRelease = new Set(release.flatMap((rev) => [...rev.newTables]));
      const touches = /* @__PURE__ */ new Map();
      for (const rev of release) {
        for (const op of rev.operations) {
          const table3 = tableOf(op);
          if (table3 === void 0 || op.phase !== "expand" && op.phase !== "backfill") continue;
          let byRevision = touches.get(table3);
          if (byRevision === void 0) {
            byRevision = /* @__PURE__ */ new Map();
            touches.set(table3, byRevision);
          }
          const touch = byRevision.get(rev);
          if (touch === void 0) byRevision.set(rev, { rev, ops: [op] });
          else touch.ops.push(op);
        }
      }
      for (const rev of release) {
        for (const op of rev.operations) {
          const table3 = tableOf(op);
          if (op.phase !== "contract" || table3 === void 0 || createdInRelease.has(table3)) continue;
          const byRevision = touches.get(table3);
          if (byRevision === void 0) continue;
          const others = byRevision.size - (byRevision.has(rev) ? 1 : 0);
          if (others === 0) continue;
          const described = [];
          for (const touch of byRevision.values()) {
            if (described.length === 3) break;
            if (touch.rev !== rev) described.push(describeTouch(touch));
          }
          const named = described.join(", ");
          const more = others > 3 ? ` and ${others - 3} more revision${others === 4 ? "" : "s"}` : "";
          findings.push({
            span: op.span,
            revision: rev.revision.id,
            message: `${describeOperation(op)} contracts table ${q(op.table)} in the same release as ${named}${more}: ship the contract in a later release`
          });
        }
      }
    }
    return findings;
  }
};

// analyzers/create-index-not-concurrently.ts
var createIndexNotConcurrently = {
  meta: {
    name: "create-index-not-concurrently",
    group: "locks",
    defaultSeverity: "error",
    summary: "An index is built on an existing PostgreSQL table without CONCURRENTLY.",
    rationale: "CREATE INDEX holds a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE waits until every row has been read and sorted, minutes on a large table, and the application's writes queue up behind it.",
    safeAlternative: "Build it with CONCURRENTLY (postgresql_concurrently=True) inside `with op.get_context().autocommit_block():`, which lets writes continue while the index is built."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "create-index")) {
      if (op.concurrently || !onExistingTable(rev, op.table, op)) continue;
      const name = op.name === void 0 ? "an index" : `index ${q(op.name)}`;
      const call = op.origin === "op" ? `op.create_index(${py(op.name ?? "ix_...")}, ${py(op.table)}, [${op.columns.map(py).join(", ")}]${op.unique ? ", unique=True" : ""}, postgresql_concurrently=True${schemaKw(op)})` : `op.execute(${py(`CREATE ${op.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY ${op.name === void 0 ? "..." : sqlName(op.name)} ON ${sqlTable(op)} (...)`)})`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `${name} is built on existing table ${tableName(op)} without CONCURRENTLY: CREATE INDEX holds a SHARE lock for the whole build, so every INSERT, UPDATE and DELETE on the table waits until it finishes`,
        hint: `Build it concurrently, outside the migration's transaction: ${inAutocommitBlock(call)}.`
      });
    }
    return findings;
  }
};

// analyzers/ddl-with-backfill.ts
var LOCK_FREE_OBJECTS = /* @__PURE__ */ new Set([
  "function",
  "type",
  "sequence",
  "schema",
  "extension",
  "role"
]);
var ddlWithBackfill = {
  meta: {
    name: "ddl-with-backfill",
    group: "phases",
    defaultSeverity: "error",
    summary: "A revision changes the schema and backfills existing rows.",
    rationale: "On PostgreSQL Alembic runs a revision in one transaction, so the ACCESS EXCLUSIVE lock taken by most ALTER TABLE forms is held until the backfill has touched every row: every query on the table waits for the whole backfill. On MySQL the DDL commits immediately, so a backfill that fails leaves the schema changed but the revision unrecorded, and the retry fails on the DDL.",
    safeAlternative: "Put the schema change and the data change in separate revisions: expand in one, backfill (in batches) in the next, contract in a later release."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      const ddls = rev.operations.filter(
        (op) => op.kind !== "data-change" && (op.phase === "expand" || op.phase === "contract") && !((op.kind === "create-object" || op.kind === "drop-object") && LOCK_FREE_OBJECTS.has(op.objectType))
      );
      const firstDdl = ddls[0] === void 0 ? -1 : rev.operations.indexOf(ddls[0]);
      const ddlTransactions = new Set(ddls.map((ddl2) => ddl2.transaction?.key));
      const committedFirst = (op, index) => index < firstDdl && (op.transaction?.inTransaction === false || op.transaction?.key !== void 0 && !ddlTransactions.has(op.transaction.key));
      const ddlWith = firstRunningWith(ddls);
      const backfill = rev.operations.find(
        (op, index) => op.kind === "data-change" && op.phase === "backfill" && SCALES_WITH_ROWS.has(op.statement) && !committedFirst(op, index) && ddlWith(op) !== void 0
      );
      const ddl = backfill === void 0 ? void 0 : ddlWith(backfill);
      if (!backfill || !ddl) continue;
      const where = ddl.span.file === backfill.span.file ? `line ${ddl.span.line}` : `${ddl.span.file}:${ddl.span.line}`;
      findings.push({
        span: backfill.span,
        revision: rev.revision.id,
        message: `revision ${q(rev.revision.id)} backfills existing rows (${excerpt(backfill.text)}) and also changes the schema (${where}: ${excerpt(ddl.text)})`,
        // A data change that comes first prepares the rows for the schema change (orphans removed before a foreign
        // key, NULLs filled before NOT NULL): its revision goes before this one, not after.
        hint: rev.operations.indexOf(backfill) < rev.operations.indexOf(ddl) ? "Move the data change into its own revision before this one (alembic revision -m 'backfill ...'), so that the schema change finds the rows ready, and batch it if the table is large." : "Move the data change into its own revision after this one (alembic revision -m 'backfill ...'), and batch it if the table is large."
      });
    }
    return findings;
  }
};

// analyzers/drop-column.ts
var dropColumn = {
  meta: {
    name: "drop-column",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A column is dropped.",
    rationale: "SQLAlchemy names every mapped column in its SELECTs and INSERTs, so if the release still running maps the column, every query on that model fails from the moment the migration commits. The data is gone: rolling the code back does not bring it back.",
    safeAlternative: "First release code that no longer reads or writes the column (remove it from the model). Drop it in a contract revision deployed after every instance runs that code."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "drop-column")) {
      if (op.phase !== "contract" || rev.declaredPhase?.phase === "contract") continue;
      const lock = lockNote(op);
      const retyped = op.replacedWithType;
      const locked = lock ? `; ${lock} (a catalog change, but every query on the table queues behind it)` : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: retyped ? `column ${q(op.column)} of table ${tableName(op)} is dropped and a column of another type takes its name in this revision (${q(retyped.from)} to ${q(retyped.to)}): running code that reads or writes it as ${q(retyped.from)} may fail${locked}` : `column ${q(op.column)} is dropped from table ${tableName(op)}: any running code that still maps it fails, and its data is lost${locked}`,
        hint: `Make sure the release deployed before this revision no longer references ${q(op.column)} (removed from the model, not only unused), and keep this drop in a contract-only revision.`
      });
    }
    return findings;
  }
};

// analyzers/drop-index-not-concurrently.ts
var dropIndexNotConcurrently = {
  meta: {
    name: "drop-index-not-concurrently",
    group: "locks",
    defaultSeverity: "warning",
    summary: "An index of an existing PostgreSQL table is dropped without CONCURRENTLY.",
    rationale: "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table. The drop itself is quick, but it first waits for every query running on the table, and every query that arrives meanwhile, reads included, queues behind it.",
    safeAlternative: "Drop it with DROP INDEX CONCURRENTLY (postgresql_concurrently=True) inside `with op.get_context().autocommit_block():`, which waits for running queries without blocking new ones."
  },
  check(input) {
    const findings = [];
    const tableOfIndex = /* @__PURE__ */ new Map();
    for (const rev of analyzedRevisions(input)) {
      const createdHere = /* @__PURE__ */ new Set();
      for (const op of rev.operations) {
        if (op.kind === "create-index" && op.name !== void 0) {
          tableOfIndex.set(op.name.toLowerCase(), op.table);
          createdHere.add(op.name.toLowerCase());
        }
        if (op.kind !== "drop-index" || op.dialect !== "postgresql" || op.concurrently || op.subsumed) continue;
        if (op.lockAlreadyHeld) continue;
        const key = op.name.toLowerCase();
        if (createdHere.has(key)) continue;
        const table3 = op.table !== void 0 && op.table !== "?" ? op.table : tableOfIndex.get(key);
        if (table3 !== void 0 && !onExistingTable(rev, table3)) continue;
        const on = table3 === void 0 ? "" : ` of table ${q(table3)}`;
        const call = op.origin === "op" ? `op.drop_index(${py(op.name)}${table3 ? `, table_name=${py(table3)}` : ""}, postgresql_concurrently=True${schemaKw(op)})` : `op.execute("DROP INDEX CONCURRENTLY IF EXISTS ${op.name}")`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `index ${q(op.name)}${on} is dropped without CONCURRENTLY: DROP INDEX takes an ACCESS EXCLUSIVE lock on the table, waits for every running query on it, and blocks all reads and writes that arrive meanwhile`,
          hint: `Drop it concurrently, outside the migration's transaction: ${inAutocommitBlock(call)}. An index that backs a UNIQUE or PRIMARY KEY constraint cannot be dropped this way: drop the constraint.`
        });
      }
    }
    return findings;
  }
};

// analyzers/drop-table.ts
var dropTable = {
  meta: {
    name: "drop-table",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A table is dropped.",
    rationale: "Every query of the release still running that touches the table fails from the moment the migration commits, and the rows are gone: neither a code rollback nor a downgrade restores them.",
    safeAlternative: "First release code that no longer uses the table (model and relationships removed). Drop it in a contract revision deployed after every instance runs that code, once a backup or export exists if the data matters."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      const createdAt = /* @__PURE__ */ new Map();
      rev.operations.forEach((op, index) => {
        if (op.kind === "create-table") createdAt.set(tableKey(op.table), index);
      });
      rev.operations.forEach((op, index) => {
        if (op.kind !== "drop-table" || op.phase !== "contract") return;
        if (rev.declaredPhase?.phase === "contract") return;
        const lock = lockNote(op);
        const rebuilt = (createdAt.get(tableKey(op.table)) ?? -1) > index;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: rebuilt ? `table ${tableName(op)} is dropped and created again in this revision: running code finds it again, but every row it held is lost${lock ? `; ${lock}, waiting for every query that uses it` : ""}` : `table ${tableName(op)} is dropped: any running code that still uses it fails, and its rows are lost` + (lock ? `; ${lock}, waiting for every query that uses it` : ""),
          hint: rebuilt ? `Keep the table and change it in place (op.alter_column, op.create_unique_constraint ...), or copy its rows into the new table before the old one is dropped.` : `Make sure the release deployed before this revision no longer references ${q(op.table)}, and keep this drop in a contract-only revision.`
        });
      });
    }
    return findings;
  }
};

// analyzers/duplicate-revision.ts
var duplicateRevision = {
  meta: {
    name: "duplicate-revision",
    group: "graph",
    defaultSeverity: "error",
    summary: "Two revision files declare the same revision id.",
    rationale: "Alembic keys its revision map by id: the file read last replaces the other with only a warning, so one of the two migrations never runs, and which one depends on file order. Usually a copied file whose revision id was not regenerated.",
    safeAlternative: "Give the copy a fresh id (any unique hex string; `alembic revision` generates one) and re-point any down_revision that meant it."
  },
  check(input) {
    const findings = [];
    for (const [id, revisions] of input.duplicateRevisions) {
      const first = revisions[0];
      if (!first) continue;
      for (const extra of revisions.slice(1)) {
        findings.push({
          span: revisionStart(extra),
          revision: id,
          message: `revision id ${q(id)} is also declared by ${first.file}`,
          hint: `Give ${extra.file} a new revision id and update every down_revision that should point at it.`
        });
      }
    }
    return findings;
  }
};

// analyzers/env-url-not-escaped.ts
function escaped(valueText) {
  const simple = /^[\w.]+(\(.*\)|\[.*\])*$|^(["']).*\2$/.test(valueText.trim());
  return `${simple ? valueText.trim() : `(${valueText.trim()})`}.replace("%", "%%")`;
}
var envUrlNotEscaped = {
  meta: {
    name: "env-url-not-escaped",
    group: "hygiene",
    defaultSeverity: "error",
    summary: "env.py sets sqlalchemy.url without escaping % for configparser.",
    rationale: "Alembic's Config stores options in a configparser, which treats % as interpolation syntax. A URL whose password (or any other part) contains % makes set_main_option raise ValueError ('invalid interpolation syntax'), or silently changes the URL for %(name)s sequences, so every migration run fails at startup. Generated passwords (RDS, Vault) contain % sooner or later.",
    safeAlternative: 'Double every % before handing the URL over: config.set_main_option("sqlalchemy.url", url.replace("%", "%%")).'
  },
  check(input) {
    const findings = [];
    for (const env of input.envFiles) {
      for (const assignment of env.urlAssignments) {
        if (assignment.escaped) continue;
        findings.push({
          span: assignment.span,
          message: `sqlalchemy.url is set from ${excerpt(assignment.valueText)} without escaping "%": configparser reads "%" as interpolation syntax, so a URL containing one breaks ` + (assignment.offlineOnly ? "the offline runs (`alembic upgrade --sql`) this function serves" : "every migration run"),
          hint: `config.set_main_option("sqlalchemy.url", ${escaped(assignment.valueText)})`
        });
      }
    }
    return findings;
  }
};

// analyzers/missing-checkfirst.ts
var missingCheckfirst = {
  meta: {
    name: "missing-checkfirst",
    group: "idempotency",
    defaultSeverity: "warning",
    summary: "A SQLAlchemy schema object is created or dropped with `.create(bind)` / `.drop(bind)` without checkfirst=True.",
    rationale: "The team guidelines ask for idempotent migrations through IF [NOT] EXISTS in raw SQL or SQLAlchemy's checkfirst=True. Without it, `sa.Enum(...).create(bind)` or `table.drop(bind)` fails where the type or table already exists (or is already gone): after a hand-applied hotfix, or when an autogenerated revision and create_table's own enum creation both create the type.",
    safeAlternative: "Pass checkfirst=True: `.create(op.get_bind(), checkfirst=True)`."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      for (const op of rev.operations) {
        if (op.origin !== "core" || op.context.existenceGuard || op.context.inTry) continue;
        if (op.kind !== "create-table" && op.kind !== "create-object" && op.kind !== "drop-table" && op.kind !== "drop-object")
          continue;
        const creates = op.kind === "create-table" || op.kind === "create-object";
        const guarded = op.kind === "create-table" || op.kind === "create-object" ? op.ifNotExists : op.ifExists;
        if (guarded) continue;
        const verb = creates ? "creates" : "drops";
        const keyword2 = !op.construct ? "checkfirst" : creates ? "if_not_exists" : "if_exists";
        const construct = `sa.schema.${creates ? "Create" : "Drop"}${op.kind.endsWith("-table") ? "Table" : "Sequence"}`;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${op.text} ${verb} a schema object without ${keyword2}=True: it fails if the migration runs again`,
          hint: !op.construct ? "Pass checkfirst=True, e.g. `.create(op.get_bind(), checkfirst=True)`." : `Pass ${keyword2}=True to the construct (SQLAlchemy 1.4 or later): \`${construct}(..., ${keyword2}=True)\`.`
        });
      }
    }
    return findings;
  }
};

// analyzers/missing-lock-timeout.ts
var BLOCKING = new Set(LOCK_MODES.slice(LOCK_MODES.indexOf("SHARE")));
function lockTimeoutChange(op) {
  if (op.kind !== "set-config" || op.name.toLowerCase() !== "lock_timeout") return void 0;
  const value = (op.value ?? "").trim().replace(/^'|'$/g, "").toLowerCase();
  return { on: !(value === "" || value === "0" || value === "default"), local: op.local };
}
var LockTimeoutState = class {
  session = false;
  localIn;
  apply(op, change) {
    if (change.local) this.localIn = change.on ? op.transaction?.key : void 0;
    else {
      this.session = change.on;
      this.localIn = void 0;
    }
  }
  inForce(op) {
    return this.session || this.localIn !== void 0 && op.transaction?.key === this.localIn;
  }
};
function tableOf2(op) {
  if (op.kind === "truncate") return op.tables.join(", ");
  const relation = ["create-object", "drop-object", "rename-object"].includes(op.kind) && "name" in op ? op.name : void 0;
  return op.table ?? relation ?? "its table";
}
function referencedExistingTables(op, rev) {
  const referenced = op.kind === "create-table" ? op.columns.map((column2) => column2.references) : op.kind === "add-column" ? [op.column.references] : op.kind === "add-constraint" && op.constraintType === "foreign-key" ? [op.referencedTable] : [];
  const tables = referenced.filter((table3) => table3 !== void 0 && table3 !== "?");
  return [...new Set(tables.filter((table3) => !isNewTable(rev, table3)))];
}
function blockingLock(op, rev) {
  if (op.dialect !== "postgresql" || op.lock?.lock === void 0 || op.subsumed) return void 0;
  const alsoOn2 = op.lock.alsoLocks ?? [];
  if (!op.lock.newTable) {
    return BLOCKING.has(op.lock.lock) ? { op, mode: op.lock.lock, table: tableOf2(op), alsoOn: alsoOn2 } : void 0;
  }
  const [first, ...rest] = alsoOn2;
  if (first !== void 0) return { op, mode: "ACCESS EXCLUSIVE", table: first, alsoOn: rest };
  const referenced = referencedExistingTables(op, rev);
  return referenced.length === 0 ? void 0 : { op, mode: "SHARE ROW EXCLUSIVE", table: referenced.join(", "), alsoOn: [] };
}
var missingLockTimeout = {
  meta: {
    name: "missing-lock-timeout",
    group: "locks",
    defaultSeverity: "warning",
    summary: "A revision takes a SHARE or stronger lock on an existing table without setting lock_timeout first.",
    rationale: "A lock request waits behind every transaction already using the table, and while it waits every new query on the table queues behind it. One long-running transaction then turns an instant ALTER into minutes of outage. lock_timeout makes the migration give up (and retry later) instead of stalling the application.",
    safeAlternative: `Set a short lock_timeout before the locking statement, in the revision (op.execute("SET LOCAL lock_timeout = '5s'")) or once for every revision in env.py (e.g. connect_args={"options": "-c lock_timeout=5s"}), and retry the deploy when it times out.`
  },
  check(input) {
    const envWithTimeout = new Set(input.envFiles.filter((env) => env.lockTimeout).map((env) => env.file));
    const unguarded = [];
    for (const rev of analyzedRevisions(input)) {
      if (rev.envFile !== void 0 && envWithTimeout.has(rev.envFile)) continue;
      const blocking = blockingLocks(rev);
      if (blocking.length > 0) unguarded.push({ rev, blocking });
    }
    const byEnv = /* @__PURE__ */ new Map();
    const findings = [];
    for (const entry of unguarded) {
      const env = entry.rev.envFile;
      if (env === void 0 || entry.rev.revision.format === "sql") {
        findings.push(finding(entry, []));
        continue;
      }
      const group = byEnv.get(env);
      if (group) group.push(entry);
      else byEnv.set(env, [entry]);
    }
    for (const group of byEnv.values()) {
      const reviewed = group.filter((entry) => entry.rev.underReview);
      const latest = reviewed.at(-1);
      if (latest) findings.push(finding(latest, reviewed.slice(0, -1)));
    }
    return findings;
  }
};
function blockingLocks(rev) {
  const timeout = new LockTimeoutState();
  const blocking = [];
  for (const op of rev.operations) {
    const change = lockTimeoutChange(op);
    if (change) timeout.apply(op, change);
    else if (!timeout.inForce(op)) {
      const lock = blockingLock(op, rev);
      if (lock) blocking.push(lock);
    }
  }
  return blocking;
}
var NAMED_REVISIONS = 3;
function alsoOn(lock) {
  if (lock.alsoOn.length === 0) return "";
  return ` and on ${lock.alsoOn.map(q).join(", ")} (PostgreSQL drops the triggers of the foreign keys it removes there)`;
}
function finding({ rev, blocking }, others) {
  const [first] = blocking;
  const place = (lock) => `${lock.op.span.file}:${lock.op.span.line}:${lock.op.span.column}`;
  const moreStatements = new Set(blocking.map(place).filter((key) => key !== place(first))).size;
  const more = moreStatements > 0 ? ` (and ${moreStatements} more statement(s) in this revision)` : "";
  const sql = rev.revision.format === "sql";
  const where = sql ? "this file" : "this revision nor env.py";
  const named = others.slice(-NAMED_REVISIONS).map((other) => q(other.rev.revision.id)).join(", ");
  const elsewhere = others.length === 0 ? "" : `; ${others.length} other revision(s) under review do the same (${named}${others.length > NAMED_REVISIONS ? ", ..." : ""}): one setting in env.py covers them all`;
  const leavesTransaction = rev.operations.some((op) => op.transaction?.inTransaction === false);
  return {
    span: first.op.span,
    revision: rev.revision.id,
    message: `${excerpt(first.op.text)} takes ${first.mode} on ${q(first.table)}${alsoOn(first)}${more}, and neither ${where} sets lock_timeout first: a long transaction on the table makes every query behind it wait${elsewhere}`,
    hint: sql ? "Start the file with SET lock_timeout = '5s'; (or SET LOCAL inside its transaction)." : others.length > 0 ? `Set it once for every revision in env.py, e.g. connect_args={"options": "-c lock_timeout=5s"} on the migration engine, or op.execute("SET lock_timeout = '5s'") in run_migrations_online().` : leavesTransaction ? `Start upgrade() with op.execute("SET lock_timeout = '5s'") (a session setting: SET LOCAL would end with the transaction that autocommit_block() commits), or set it once in env.py for every revision.` : `Start upgrade() with op.execute("SET LOCAL lock_timeout = '5s'"), or set it once in env.py for every revision.`
  };
}

// analyzers/mixed-phases.ts
var mixedPhases = {
  meta: {
    name: "mixed-phases",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A revision both expands and contracts the schema.",
    rationale: "Expand changes must be live before the new code is deployed; contract changes may only run once no instance of the old code is left. A revision that does both is either too late for its expand part or too early for its contract part, and the old release breaks during the rollout.",
    safeAlternative: "Split it: ship the expand revision with (or before) the release that needs it, and the contract revision in a later deploy, after every instance runs the new code."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      const contracts = rev.operations.filter((op) => op.phase === "contract" && !op.phaseAssumed);
      const expands = rev.operations.filter((op) => op.phase === "expand");
      if (contracts.length === 0 || expands.length === 0) continue;
      const exceptionFor = phaseExceptionsOf(rev);
      const partnerOf = firstRunningWith(expands);
      const ordered = [...contracts.filter((op) => !exceptionFor(op)), ...contracts.filter((op) => exceptionFor(op))];
      const contract = ordered.find((op) => partnerOf(op) !== void 0);
      const expand = contract === void 0 ? void 0 : partnerOf(contract);
      if (!expand || !contract) continue;
      const accepted = exceptionFor(contract) ?? exceptionFor(expand);
      findings.push({
        ...accepted ? { accepted } : {},
        span: contract.span,
        revision: rev.revision.id,
        message: `revision ${q(rev.revision.id)} expands the schema (line ${expand.span.line}: ${excerpt(expand.text)}) and contracts it (line ${contract.span.line}: ${excerpt(contract.text)}${contract.contractReason ? `: ${contract.contractReason}` : ""})`,
        hint: "Move the contract operations into a new revision that is deployed after the release using the new schema."
      });
    }
    return findings;
  }
};

// analyzers/multiple-heads.ts
function branchOf(head, byId) {
  const seen = /* @__PURE__ */ new Set();
  let current = byId.get(head);
  while (current && !seen.has(current.id)) {
    if (current.branchLabels.length > 0) return [...current.branchLabels].sort().join(",");
    seen.add(current.id);
    const parent = current.downRevisions[0];
    current = parent === void 0 ? void 0 : byId.get(parent);
  }
  return void 0;
}
var multipleHeads = {
  meta: {
    name: "multiple-heads",
    group: "graph",
    defaultSeverity: "error",
    summary: "A migration history has more than one head.",
    rationale: "Two revisions with the same down_revision (typically two branches merged in git) leave the history with two heads: `alembic upgrade head` stops with 'Multiple head revisions are present', so the deploy fails, and the order in which the two branches apply is undefined.",
    safeAlternative: "Run `alembic merge heads -m 'merge ...'` and commit the merge revision, or re-point one branch's down_revision at the other's head if it has not been deployed anywhere yet."
  },
  check(input) {
    const findings = [];
    for (const history of input.histories) {
      if (history.heads.length < 2) continue;
      const byId = new Map(history.revisions.map((rev) => [rev.revision.id, rev.revision]));
      const branches = history.heads.map((head) => branchOf(head, byId));
      const labelled = branches.every((branch) => branch !== void 0);
      if (labelled && new Set(branches).size === branches.length) continue;
      const second = history.heads[1];
      const secondRevision = second === void 0 ? void 0 : byId.get(second);
      const firstFile = history.revisions[0]?.revision.file;
      const file = secondRevision?.file ?? firstFile;
      if (file === void 0) continue;
      const heads = history.heads.map((head) => {
        const rev = byId.get(head);
        return rev ? `${q(head)} (${rev.file})` : q(head);
      });
      findings.push({
        span: fileStart(file),
        revision: second,
        message: `the history has ${history.heads.length} heads: ${heads.join(", ")}; \`alembic upgrade head\` refuses to run`,
        hint: `alembic merge -m "merge heads" ${history.heads.join(" ")} (or: alembic merge heads)`
      });
    }
    return findings;
  }
};

// analyzers/op-guards.ts
var INSPECTOR = "sa.inspect(op.get_bind())";
function missingGuard(op) {
  if (op.origin !== "op") return void 0;
  const table3 = op.table === void 0 ? "" : py(op.table);
  const schema = schemaKw(op);
  switch (op.kind) {
    case "create-table":
      return op.ifNotExists ? void 0 : {
        subject: `table ${q(op.table)}`,
        keyword: "if_not_exists",
        since: "1.13.3",
        fixed: `op.create_table(${table3}, ...${schema}, if_not_exists=True)`,
        inspectorGuard: `if not ${INSPECTOR}.has_table(${table3}):`
      };
    case "drop-table":
      return op.ifExists ? void 0 : {
        subject: `table ${q(op.table)}`,
        keyword: "if_exists",
        since: "1.13.3",
        fixed: `op.drop_table(${table3}${schema}, if_exists=True)`,
        inspectorGuard: `if ${INSPECTOR}.has_table(${table3}):`
      };
    case "create-index": {
      if (op.ifNotExists) return void 0;
      const name = op.name === void 0 ? "..." : py(op.name);
      return {
        subject: op.name === void 0 ? `an index on table ${q(op.table)}` : `index ${q(op.name)} on table ${q(op.table)}`,
        keyword: "if_not_exists",
        since: "1.12",
        fixed: `op.create_index(${name}, ${table3}, [...]${schema}, if_not_exists=True)`,
        inspectorGuard: `if ${name} not in {index["name"] for index in ${INSPECTOR}.get_indexes(${table3})}:`
      };
    }
    case "drop-index": {
      if (op.ifExists) return void 0;
      const on = op.table === void 0 || op.table === "?" ? "..." : table3;
      return {
        subject: `index ${q(op.name)}`,
        keyword: "if_exists",
        since: "1.12",
        fixed: `op.drop_index(${py(op.name)}${op.table === void 0 ? "" : `, table_name=${table3}`}${schema}, if_exists=True)`,
        inspectorGuard: `if ${py(op.name)} in {index["name"] for index in ${INSPECTOR}.get_indexes(${on})}:`
      };
    }
    case "add-column":
      return op.ifNotExists ? void 0 : {
        subject: `column ${q(op.column.name)} of table ${q(op.table)}`,
        keyword: "if_not_exists",
        since: "1.16",
        fixed: `op.add_column(${table3}, sa.Column(${py(op.column.name)}, ...)${schema}, if_not_exists=True)`,
        inspectorGuard: `if ${py(op.column.name)} not in {column["name"] for column in ${INSPECTOR}.get_columns(${table3})}:`
      };
    case "drop-column":
      return op.ifExists ? void 0 : {
        subject: `column ${q(op.column)} of table ${q(op.table)}`,
        keyword: "if_exists",
        since: "1.16",
        fixed: `op.drop_column(${table3}, ${py(op.column)}${schema}, if_exists=True)`,
        inspectorGuard: `if ${py(op.column)} in {column["name"] for column in ${INSPECTOR}.get_columns(${table3})}:`
      };
    case "drop-constraint":
      return op.ifExists ? void 0 : {
        subject: `constraint ${q(op.name)} of table ${q(op.table)}`,
        keyword: "if_exists",
        since: "1.16",
        fixed: `op.drop_constraint(${py(op.name)}, ${table3}${schema}, if_exists=True)`,
        inspectorGuard: "check the inspector's get_foreign_keys / get_unique_constraints / get_check_constraints first"
      };
    default:
      return void 0;
  }
}
function guardHint(op, missing, alembicVersion) {
  const keywordWorks = alembicVersion !== void 0 && compareVersions(alembicVersion, missing.since) >= 0 && dialectHasGuard(op.dialect, op.kind);
  if (keywordWorks) return `Write ${missing.fixed}.`;
  const why = alembicVersion === void 0 ? `${missing.keyword}= needs Alembic >= ${missing.since} (set alembic-version to get it suggested)` : compareVersions(alembicVersion, missing.since) < 0 ? `Alembic ${alembicVersion} has no ${missing.keyword}= here (it needs >= ${missing.since})` : `${op.dialect} has no IF [NOT] EXISTS for it`;
  return `Guard the call with the inspector: ${missing.inspectorGuard} (${why}).`;
}
function rerunState(missing) {
  return missing.keyword === "if_exists" ? "is already gone" : "already exists";
}
function missingGuardFinding(op, rev, missing, alembicVersion, consequence) {
  return {
    span: op.span,
    revision: rev.revision.id,
    message: `${missing.fixed.slice(0, missing.fixed.indexOf("("))} of ${missing.subject} has no ${missing.keyword}=True: ` + consequence,
    hint: guardHint(op, missing, alembicVersion)
  };
}
function commitsOnItsOwn(op) {
  if (op.transaction !== void 0 && !op.transaction.inTransaction)
    return `it commits on its own (${op.transaction.reason})`;
  if (op.dialect === "mysql") return "MySQL commits every DDL statement on its own";
  if ((op.kind === "create-index" || op.kind === "drop-index") && op.concurrently)
    return "CONCURRENTLY commits on its own";
  return void 0;
}
function withFollowers(rev) {
  const operations = rev.operations;
  const lastInBranch = /* @__PURE__ */ new Map();
  let lastAnywhere = -1;
  operations.forEach((op, index) => {
    if (op.kind === "set-config" || op.kind === "comment") return;
    if (op.inDialectBranch) lastInBranch.set(op.dialect, index);
    else lastAnywhere = index;
  });
  return operations.map((op, index) => ({
    op,
    followed: index < Math.max(lastAnywhere, lastInBranch.get(op.dialect) ?? -1)
  }));
}
function rerunGuards() {
  return new RerunGuards();
}
var RerunGuards = class {
  unguardedCreates = /* @__PURE__ */ new Map();
  positions = /* @__PURE__ */ new Map();
  drops = /* @__PURE__ */ new Map();
  /**
   * A rerun cannot reach this operation where it would trip: an existence check guards it, a try/except around it
   * swallows the failure, it creates what the same revision dropped just before (a rerun drops what the failed run
   * left, or stops at that drop), or it works on a table the same revision created earlier without a guard (a rerun
   * stops at that CREATE TABLE first, so a guard here changes nothing).
   */
  cannotTrip(op, rev) {
    if (op.context.existenceGuard || op.context.inTry) return true;
    if (this.droppedBefore(op, rev)) return true;
    if (op.kind === "create-table" || op.table === void 0) return false;
    const create = this.createsUnguarded(rev).get(tableKey(op.table));
    return create !== void 0 && create < this.positionOf(rev, op);
  }
  /** A create of an object an earlier drop of the revision removes, on every path that reaches the create. */
  droppedBefore(op, rev) {
    const drops = this.dropsOf(rev);
    if (drops.size === 0) return false;
    const key = createdObject(op);
    if (key === void 0) return false;
    const position = this.positionOf(rev, op);
    return (drops.get(key) ?? []).some(
      (drop) => this.positionOf(rev, drop) < position && withinConditions(drop.context.conditions, op.context.conditions)
    );
  }
  dropsOf(rev) {
    let drops = this.drops.get(rev);
    if (!drops) {
      const found = /* @__PURE__ */ new Map();
      for (const op of rev.operations) {
        const key = droppedObject(op);
        if (key !== void 0) pushTo(found, key, op);
      }
      drops = found;
      this.drops.set(rev, drops);
    }
    return drops;
  }
  createsUnguarded(rev) {
    let creates = this.unguardedCreates.get(rev);
    if (!creates) {
      const found = /* @__PURE__ */ new Map();
      rev.operations.forEach((op, index) => {
        if (op.kind !== "create-table" || op.ifNotExists || op.context.existenceGuard || op.context.inTry) return;
        const key = tableKey(op.table);
        if (!found.has(key)) found.set(key, index);
      });
      creates = found;
      this.unguardedCreates.set(rev, creates);
    }
    return creates;
  }
  positionOf(rev, op) {
    let index = this.positions.get(rev);
    if (!index) {
      index = new Map(rev.operations.map((candidate, position) => [candidate, position]));
      this.positions.set(rev, index);
    }
    return index.get(op) ?? -1;
  }
};
function createdObject(op) {
  if (op.kind === "create-table") return `table ${within(op)}${tableKey(op.table)}`;
  if (op.kind === "create-index") return op.name === void 0 ? void 0 : `index ${within(op)}${tableKey(op.name)}`;
  if (op.kind === "add-column") return `column ${within(op)}${tableKey(op.table)}.${tableKey(op.column.name)}`;
  return void 0;
}
function droppedObject(op) {
  if (op.kind === "drop-table") return `table ${within(op)}${tableKey(op.table)}`;
  if (op.kind === "drop-index") return `index ${within(op)}${tableKey(op.name)}`;
  if (op.kind === "drop-column") return `column ${within(op)}${tableKey(op.table)}.${tableKey(op.column)}`;
  return void 0;
}
function within(op) {
  return op.schema === void 0 ? "" : `${tableKey(op.schema)}.`;
}

// analyzers/op-without-if-exists.ts
var opWithoutIfExists = {
  meta: {
    name: "op-without-if-exists",
    group: "idempotency",
    defaultSeverity: "warning",
    summary: "An Alembic op that commits on its own (MySQL DDL, autocommit_block, CONCURRENTLY) and is followed by more statements creates or drops something without if_exists / if_not_exists.",
    rationale: "When a later statement of the revision fails, what already committed stays while Alembic never records the revision: the retry runs it again and stops at the object that already exists (or is already gone), and someone has to repair the database by hand during the deploy. Inside PostgreSQL's transactional DDL this cannot happen (see op-without-if-exists-strict for teams that want every op guarded).",
    safeAlternative: "Guard the call: if_not_exists=True / if_exists=True where the project's Alembic has them (1.12+ for indexes, 1.13.3+ for tables, 1.16+ for columns and dropped constraints), else an inspector check (sa.inspect(op.get_bind()))."
  },
  check(input) {
    const findings = [];
    const guards = input.shared(rerunGuards);
    for (const rev of analyzedRevisions(input)) {
      for (const { op, followed } of withFollowers(rev)) {
        const why = followed ? commitsOnItsOwn(op) : void 0;
        const missing = why === void 0 ? void 0 : missingGuard(op);
        if (!why || !missing || guards.cannotTrip(op, rev)) continue;
        findings.push(
          missingGuardFinding(
            op,
            rev,
            missing,
            input.options.alembicVersion,
            `${why}, so when a later statement of this revision fails it stays applied while the revision is not recorded, and the retry stops here because it ${rerunState(missing)}`
          )
        );
      }
    }
    return findings;
  }
};

// analyzers/op-without-if-exists-strict.ts
var opWithoutIfExistsStrict = {
  meta: {
    name: "op-without-if-exists-strict",
    group: "idempotency",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "Every other Alembic op that creates or drops something without if_exists / if_not_exists (the strict reading of the idempotency guideline).",
    rationale: "Inside a transaction a failed revision rolls back and Alembic's version table keeps it from running twice, so an unguarded op fails again only where the database drifted from the history: a hotfix applied by hand, a table created outside migrations, an environment restored from another branch. Teams whose guidelines ask for every op to be guarded turn this on; op-without-if-exists covers the ops that can be left half applied.",
    safeAlternative: "Pass if_not_exists=True / if_exists=True where the project's Alembic has them (1.12+ for indexes, 1.13.3+ for tables, 1.16+ for columns and dropped constraints), else wrap the call in an inspector check."
  },
  check(input) {
    const findings = [];
    const guards = input.shared(rerunGuards);
    for (const rev of analyzedRevisions(input)) {
      for (const { op, followed } of withFollowers(rev)) {
        if (followed && commitsOnItsOwn(op)) continue;
        const missing = missingGuard(op);
        if (!missing || guards.cannotTrip(op, rev)) continue;
        findings.push(
          missingGuardFinding(
            op,
            rev,
            missing,
            input.options.alembicVersion,
            `it fails if the migration runs again after it ${rerunState(missing)}`
          )
        );
      }
    }
    return findings;
  }
};

// analyzers/phase-mismatch.ts
var ALLOWED = {
  expand: /* @__PURE__ */ new Set(["expand"]),
  backfill: /* @__PURE__ */ new Set(["backfill"]),
  contract: /* @__PURE__ */ new Set(["contract", "backfill"])
};
var SOURCE_WORDS = {
  "branch-label": "branch label",
  folder: "folder",
  "file-name": "file name",
  comment: "comment"
};
var phaseMismatch = {
  meta: {
    name: "phase-mismatch",
    group: "phases",
    defaultSeverity: "error",
    summary: "A revision declared expand, backfill or contract contains operations of another phase.",
    rationale: "Projects that declare phases deploy them at different times: expand revisions before the new code, contract revisions after every instance runs it. A drop in an expand revision runs while old code still uses the object; a new column in a contract revision arrives after the code that needed it.",
    safeAlternative: "Move the operation to a revision of its own phase. When the exception is deliberate, list the object in the revision's expand_drop_exceptions() or contract_creation_exceptions() with a docstring that says why."
  },
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      const declared = rev.declaredPhase;
      if (!declared) continue;
      const allowed = ALLOWED[declared.phase];
      const where = `${SOURCE_WORDS[declared.source]} ${q(declared.evidence)}`;
      const exceptionFor = phaseExceptionsOf(rev);
      for (const op of rev.operations) {
        if (op.phase === "neutral" || allowed.has(op.phase) || op.continuesDirective || op.phaseAssumed) continue;
        const accepted = exceptionFor(op);
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `revision ${q(rev.revision.id)} is declared ${declared.phase} (${where}) but this ${op.phase}s: ${excerpt(op.text)}`,
          hint: op.phase === "contract" ? "Move it to a contract revision deployed after every instance runs the new code, or list the object in expand_drop_exceptions() with the reason as its docstring." : op.phase === "expand" ? "Move it to an expand revision deployed before the code that needs it, or list the object in contract_creation_exceptions() with the reason as its docstring." : "Move the data change to its own backfill (migrate) revision.",
          ...accepted ? { accepted } : {}
        });
      }
    }
    return findings;
  }
};

// analyzers/style-support.ts
function judgedForStyle(input, rev) {
  return rev.revision.downRevisions.length > 0 || input.reviewingRelease && rev.underReview;
}
function newColumns(input) {
  const result = [];
  for (const rev of analyzedRevisions(input)) {
    if (!judgedForStyle(input, rev)) continue;
    for (const op of rev.operations) {
      if (op.dialect !== "postgresql") continue;
      if (op.kind === "add-column") result.push({ column: op.column, table: op.table, op, rev, span: op.span });
      if (op.kind === "create-table" && !op.temporary) {
        for (const column2 of op.columns)
          result.push({ column: column2, table: op.table, op, rev, span: column2.span ?? op.span });
      }
    }
  }
  return result;
}
function elementType(type) {
  return type?.replace(/(?:\s*\[\s*\d*\s*\])+$/, "");
}

// analyzers/prefer-bigint.ts
var SMALL_INTEGERS = /* @__PURE__ */ new Map([
  ["integer", "integer stops at 2,147,483,647"],
  ["smallint", "smallint stops at 32,767"]
]);
var preferBigint = {
  meta: {
    name: "prefer-bigint",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new primary key column is integer or smallint (serial) rather than bigint.",
    rationale: "A 4-byte key runs out at 2,147,483,647 ids (sequences skip values on rollbacks, so sooner than the row count suggests), and then every INSERT fails. Changing the column to bigint later rewrites the table and every foreign key column that points at it, under an ACCESS EXCLUSIVE lock.",
    safeAlternative: "Declare primary keys as bigint: sa.BigInteger() with sa.Identity(), or bigint GENERATED ... AS IDENTITY."
  },
  check(input) {
    const findings = [];
    for (const { column: column2, table: table3, op, rev, span } of input.shared(newColumns)) {
      const limit = SMALL_INTEGERS.get(column2.type ?? "");
      if (!column2.primaryKey || limit === void 0 || column2.generated === void 0) continue;
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table3}.${column2.name}`)} as mapped_column(BigInteger, primary_key=True) in the model`
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message: `primary key column ${q(column2.name)} of ${q(table3)} is ${column2.generated === "serial" ? `${column2.type} (serial)` : column2.type}: ${limit}, and widening it later rewrites the table and every foreign key column that references it under an ACCESS EXCLUSIVE lock`,
        hint: op.origin === "op" ? `Make its type sa.BigInteger() (keep the rest of the declaration): the id space then lasts.${model}` : `Make its type bigint${column2.generated === "serial" ? " (bigserial)" : ""}: the id space then lasts.${model}`
      });
    }
    return findings;
  }
};

// analyzers/prefer-identity.ts
var SERIAL_NAMES = /* @__PURE__ */ new Map([
  ["bigint", "BIGSERIAL"],
  ["smallint", "SMALLSERIAL"]
]);
var preferIdentity = {
  meta: {
    name: "prefer-identity",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new column is serial (or an autoincrementing integer key SQLAlchemy renders as SERIAL).",
    rationale: "A serial column is an integer with a DEFAULT nextval() of a separate sequence: the sequence needs its own grants, is missed by CREATE TABLE ... LIKE and by tools that copy tables, and explicit inserted ids leave it behind. An identity column (PostgreSQL 10+) is the SQL-standard form: the sequence belongs to the column.",
    safeAlternative: 'Use an identity column: sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), or `bigint GENERATED BY DEFAULT AS IDENTITY` in SQL.'
  },
  check(input) {
    if (input.options.postgresVersion < 10) return [];
    const findings = [];
    for (const { column: column2, table: table3, op, rev, span } of input.shared(newColumns)) {
      if (column2.generated !== "serial") continue;
      const serial = SERIAL_NAMES.get(column2.type ?? "") ?? "SERIAL";
      const what = column2.implicitSerial ? `an autoincrementing ${column2.type} primary key without sa.Identity(), which SQLAlchemy renders as ${serial} on PostgreSQL` : `${serial.toLowerCase()}`;
      const model = modelChange(
        input,
        rev,
        `add Identity() to the mapped_column(...) of ${q(`${table3}.${column2.name}`)} in the model`
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message: `column ${q(column2.name)} of ${q(table3)} is ${what}: its sequence is a separate object with its own grants and ownership; an identity column keeps it with the column`,
        hint: op.origin === "op" ? `Add sa.Identity() to its sa.Column(...) (the type can stay): PostgreSQL then renders GENERATED BY DEFAULT AS IDENTITY.${model}` : `Write \`${column2.name} ${column2.type ?? "integer"} GENERATED BY DEFAULT AS IDENTITY\` instead of ${serial.toLowerCase()}.${model}`
      });
    }
    return findings;
  }
};

// analyzers/prefer-text.ts
var LIMITED_VARCHAR = /^(?:varchar|character varying)\((\d+)\)$/;
var preferText = {
  meta: {
    name: "prefer-text",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new column is varchar(n); text with a CHECK on its length is easier to change.",
    rationale: "The length limit of varchar(n) is part of the column type. Raising it later is a catalog change but still takes an ACCESS EXCLUSIVE lock; lowering it, or changing the rule, rewrites the table under that lock. A CHECK (char_length(col) <= n) on a text column enforces the same limit and can be replaced without blocking: add the new one NOT VALID, VALIDATE it, drop the old one. On PostgreSQL, text and varchar(n) are stored the same way.",
    safeAlternative: 'Declare the column as text (sa.Text()) and put the limit in a named CHECK constraint, e.g. sa.CheckConstraint("char_length(email) <= 320", name="ck_users_email_length").'
  },
  check(input) {
    const findings = [];
    for (const { column: column2, table: table3, op, rev, span } of input.shared(newColumns)) {
      const limit = LIMITED_VARCHAR.exec(elementType(column2.type) ?? "")?.[1];
      if (limit === void 0) continue;
      const check2 = `char_length(${column2.name}) <= ${limit}`;
      const array = column2.type !== elementType(column2.type);
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table3}.${column2.name}`)} as mapped_column(${array ? "ARRAY(Text)" : "Text"}) in the model`
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message: `column ${q(column2.name)} of ${q(table3)} is ${column2.type}: changing the limit later takes an ACCESS EXCLUSIVE lock (and lowering it rewrites the table); text with a CHECK on the length can be changed without blocking`,
        hint: array ? (
          // char_length() of an array is no length check, and a CHECK cannot hold a subquery over the elements.
          `Declare it ${op.origin === "op" ? "sa.ARRAY(sa.Text())" : "text[]"}; to keep a limit on each element, add a CHECK that calls an IMMUTABLE function testing every element.${model}`
        ) : op.kind === "create-table" && op.origin === "op" ? `Declare it sa.Text() and add sa.CheckConstraint(${JSON.stringify(check2)}, name="ck_${table3}_${column2.name}_length") to the table.${model}` : `Declare it text, then add CHECK (${check2}) NOT VALID and VALIDATE it in a later revision (see add-check-constraint-validated).${model}`
      });
    }
    return findings;
  }
};

// analyzers/prefer-timestamptz.ts
var preferTimestamptz = {
  meta: {
    name: "prefer-timestamptz",
    group: "style",
    enabledByDefault: false,
    defaultSeverity: "warning",
    summary: "A new column is timestamp without time zone.",
    rationale: "timestamp without time zone stores a wall-clock reading with no zone: the same instant reads differently depending on who wrote it, and daylight-saving changes make values ambiguous. Converting the column to timestamptz later rewrites the table under an ACCESS EXCLUSIVE lock and reinterprets every stored value in the session's time zone.",
    safeAlternative: "Declare it timestamptz: sa.DateTime(timezone=True), or `timestamp with time zone` in SQL."
  },
  check(input) {
    const findings = [];
    for (const { column: column2, table: table3, op, rev, span } of input.shared(newColumns)) {
      if (elementType(column2.type) !== "timestamp without time zone") continue;
      const array = column2.type !== elementType(column2.type);
      const written = op.origin === "op" ? array ? "an array of sa.DateTime() without timezone=True, which renders as TIMESTAMP WITHOUT TIME ZONE[]" : "sa.DateTime() without timezone=True, which renders as TIMESTAMP WITHOUT TIME ZONE" : column2.type;
      const declared = op.origin === "op" ? "sa.DateTime(timezone=True)" : "timestamptz";
      const mapped = array ? "ARRAY(DateTime(timezone=True))" : "DateTime(timezone=True)";
      const model = modelChange(
        input,
        rev,
        `declare ${q(`${table3}.${column2.name}`)} as mapped_column(${mapped}) in the model`
      );
      findings.push({
        span,
        revision: rev.revision.id,
        message: `column ${q(column2.name)} of ${q(table3)} is ${written}: it stores no time zone, so values depend on the writer's clock settings, and converting to timestamptz later rewrites the table`,
        hint: op.origin === "op" ? `Declare it sa.Column(${JSON.stringify(column2.name)}, ${array ? `sa.ARRAY(${declared})` : declared}, ...).${model}` : `Declare it \`${column2.name} ${declared}${array ? "[]" : ""}\`.${model}`
      });
    }
    return findings;
  }
};

// analyzers/rename-column.ts
var renameColumn = {
  meta: {
    name: "rename-column",
    group: "phases",
    defaultSeverity: "error",
    summary: "A column of an existing table is renamed.",
    rationale: "The rename is instant, but the release still running (and every other reader: reports, replicas' consumers, other services) keeps selecting and writing the old name. SQLAlchemy lists every mapped column in its SELECTs, so every query on the model fails from the moment the migration commits until the new code is everywhere; a rollback of the code fails the same way.",
    safeAlternative: "Expand: add the new column and write both. Backfill the new column from the old one. Switch reads to the new column. Contract: drop the old column in a later release."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "rename-column")) {
      if (op.phase !== "contract") continue;
      const lock = lockNote(op);
      const renamed = op.tableRenamedFrom === void 0 ? "" : `, and a view that keeps the table's old name ${q(op.tableRenamedFrom)} (renamed earlier in this revision) would not keep ${q(op.column)} either`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `column ${q(op.column)} of table ${tableName(op)} is renamed to ${q(op.newName)}: code still using ${q(op.column)} fails until every instance runs the new release${renamed}` + (lock ? `; ${lock} for an instant` : ""),
        hint: `Expand with op.add_column(${py(op.table)}, sa.Column(${py(op.newName)}, ...)${schemaKw(op)}) and write both columns, backfill ${q(op.newName)} from ${q(op.column)}, move reads to ${q(op.newName)}, then drop ${q(op.column)} in a later revision.` + modelChange(
          input,
          rev,
          `map both ${q(`${op.table}.${op.column}`)} and ${q(`${op.table}.${op.newName}`)} in the model until the old one is dropped`
        )
      });
    }
    return findings;
  }
};

// analyzers/rename-table.ts
var renameTable = {
  meta: {
    name: "rename-table",
    group: "phases",
    defaultSeverity: "error",
    summary: "An existing table is renamed.",
    rationale: "The rename itself is instant, but every query of the release still running names the old table and fails (PostgreSQL: relation does not exist) from the moment the migration commits until the new code runs everywhere.",
    safeAlternative: "Rename the table and, in the same revision, create a view with the old name (a simple view is updatable on PostgreSQL), so both releases work; drop the view in a later contract revision. Or create the new table, write both, backfill, switch reads and drop the old one later."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of operationsOfKind(input, "rename-table")) {
      if (op.phase !== "contract") continue;
      const view = op.schema ? `${op.schema}.${op.table}` : op.table;
      const target = op.schema ? `${op.schema}.${op.newName}` : op.newName;
      const lock = lockNote(op);
      const message = `table ${tableName(op)} is renamed to ${q(op.newName)}: code still querying ${q(op.table)} fails until every instance runs the new release` + (lock ? `; ${lock} for an instant` : "");
      if (op.dialect === "sqlite") {
        findings.push({ span: op.span, revision: rev.revision.id, message });
        continue;
      }
      const createView = `CREATE OR REPLACE VIEW ${view} AS SELECT * FROM ${target}`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: `Keep the old name working: after the rename, op.execute(${py(createView)}) in the same revision, and op.execute(${py(`DROP VIEW IF EXISTS ${view}`)}) in a later revision once no code uses ${q(op.table)}.`
      });
    }
    return findings;
  }
};

// analyzers/revision-cycle.ts
var revisionCycle = {
  meta: {
    name: "revision-cycle",
    group: "graph",
    defaultSeverity: "error",
    summary: "down_revision links form a cycle.",
    rationale: "A cycle has no base to start from and no order to apply in: Alembic refuses to load the history (a cycle error), so no migration can run until it is broken.",
    safeAlternative: "Fix the down_revision of one revision on the cycle so that it points at its real parent."
  },
  check(input) {
    const findings = [];
    for (const history of input.histories) {
      for (const cycle of history.cycles) {
        const first = cycle[0];
        if (first === void 0) continue;
        const revision = history.revisions.find((rev) => rev.revision.id === first)?.revision;
        if (!revision) continue;
        findings.push({
          span: fileStart(revision.file),
          revision: first,
          message: `down_revision cycle: ${[...cycle, first].join(" -> ")}`,
          hint: "Set down_revision of one of these revisions to the revision it was really written on top of."
        });
      }
    }
    return findings;
  }
};

// analyzers/revision-edited.ts
var NAMED_REVISIONS2 = 5;
var revisionEdited = {
  meta: {
    name: "revision-edited",
    group: "graph",
    defaultSeverity: "error",
    summary: "The change under review (`--since`) edits the upgrade or graph metadata of a revision that already existed, deletes one that is still referenced, or changes a helper module such revisions run.",
    rationale: "Alembic records each revision it ran in alembic_version and never runs it again: environments that already ran the revision (production, staging, every developer's database) will never run this change, while new environments will, so their schemas drift apart silently. A deleted revision that another still names breaks the history for every command.",
    safeAlternative: "Leave merged revisions as they are and put the change in a new revision (`alembic revision -m ...`) on top of the current head; restore a deleted revision that others still name.",
    // A deletion and an edit in one revision are two claims; "1 more like it" would hide the second.
    groupsFindings: false
  },
  check(input) {
    const review = input.changeUnderReview;
    if (!review) return [];
    return [
      ...review.changes.flatMap((change) => findingsFor(change, review)),
      ...deletedButNamed(input).map((deleted) => deletionFinding(deleted, review.since))
    ];
  }
};
function findingsFor(change, review) {
  const since = review.since;
  switch (change.kind) {
    case "edited": {
      const parts = [
        ...change.upgrade.length > 0 ? [`its upgrade (${change.upgrade.join(", ")})`] : [],
        ...change.metadata.length > 0 ? [`its graph metadata (${change.metadata.join(", ")})`] : []
      ];
      return [
        {
          span: fileStart(change.file),
          revision: change.revision,
          message: `revision ${q(change.revision)} existed at ${since}, and this change edits ${parts.join(" and ")}: environments that already ran it will never run this change`,
          hint: change.upgrade.length > 0 ? `Revert the edit to ${change.file} and put the change in a new revision on top of the current head (alembic revision -m "..."); only a fresh database would ever run the edited ${q(change.revision)}.` : `Restore the revision's metadata as it was at ${since}: environments locate themselves in the history by these ids, and an environment whose recorded revision moved or vanished cannot upgrade.`
        }
      ];
    }
    case "deleted":
      return [];
    case "helper": {
      const ids = change.revisions.map((revision) => q(revision.revision));
      const named = ids.slice(0, NAMED_REVISIONS2).join(", ");
      const more = ids.length > NAMED_REVISIONS2 ? ` and ${ids.length - NAMED_REVISIONS2} more` : "";
      const count = change.revisions.length;
      return [
        {
          span: fileStart(change.file),
          aboutTheChange: true,
          message: `helper module ${change.file} changed since ${since}, and that changes the upgrade operations of ${count === 1 ? "a revision" : `${count} revisions`} that existed there (${named}${more}): environments that already ran ${count === 1 ? "it" : "them"} will never run this change`,
          hint: "Keep the helper's behaviour for the revisions that use it (add a new function, or a parameter whose default keeps the old behaviour), and make the new behaviour a new revision."
        }
      ];
    }
  }
}
function deletionFinding(deleted, since) {
  const [first] = deleted.referrers;
  const names = deleted.referrers.map((revision) => q(revision.id)).join(", ");
  const one = deleted.referrers.length === 1;
  return {
    span: fileStart(first ? first.file : deleted.file),
    ...first ? { revision: first.id } : {},
    aboutTheChange: true,
    message: `revision ${q(deleted.revision)} (${deleted.file}) existed at ${since} and this change deletes it, but ${names} still ${one ? "names" : "name"} it as down_revision or depends_on: Alembic cannot build the history, and environments that ran it record it in alembic_version`,
    hint: `Restore ${deleted.file}. To undo what it did, add a new revision that reverses it; to retire old revisions, squash them into a new base without deleting what deployed environments recorded.`
  };
}

// analyzers/set-not-null.ts
var CHECK_SKIPS_SCAN_SINCE = 12;
function releaseChanges(history) {
  const added = /* @__PURE__ */ new Map();
  const backfilled = /* @__PURE__ */ new Map();
  const record = (changes, change) => {
    if (changes.at(-1)?.rev !== change.rev) changes.push(change);
  };
  let position = 0;
  for (const rev of history.revisions) {
    if (!rev.underReview) continue;
    for (const op of rev.operations) {
      position++;
      if (op.kind === "add-column") {
        const table3 = tableKey(op.table);
        let columns = added.get(table3);
        if (columns === void 0) {
          columns = /* @__PURE__ */ new Map();
          added.set(table3, columns);
        }
        const note = `the column is added in revision ${q(rev.revision.id)}`;
        record(listAt(columns, op.column.name.toLowerCase()), { position, rev, note });
      } else if (op.kind === "data-change" && op.table !== void 0) {
        const note = `the table is backfilled in revision ${q(rev.revision.id)}`;
        record(listAt(backfilled, tableKey(op.table)), { position, rev, note });
      }
    }
  }
  return { added, backfilled };
}
function releaseChangesByRevision(input) {
  let historyOf;
  const changesOf = /* @__PURE__ */ new Map();
  return (rev) => {
    if (historyOf === void 0) {
      historyOf = /* @__PURE__ */ new Map();
      for (const history2 of input.histories)
        for (const revision of history2.revisions) if (!historyOf.has(revision)) historyOf.set(revision, history2);
    }
    const history = historyOf.get(rev);
    if (history === void 0) return void 0;
    let changes = changesOf.get(history);
    if (changes === void 0) {
      changes = releaseChanges(history);
      changesOf.set(history, changes);
    }
    return changes;
  };
}
function sameRelease(changes, rev, op) {
  if (changes === void 0) return "";
  const table3 = tableKey(op.table);
  const added = changes.added.get(table3)?.get(op.column.toLowerCase()) ?? [];
  const backfilled = changes.backfilled.get(table3) ?? [];
  const notes = [];
  let nextAdded = 0;
  let nextBackfilled = 0;
  while (nextAdded < added.length || nextBackfilled < backfilled.length) {
    const addition = added[nextAdded];
    const backfill = backfilled[nextBackfilled];
    const additionFirst = addition !== void 0 && (backfill === void 0 || addition.position < backfill.position);
    const change = additionFirst ? addition : backfill;
    if (additionFirst) nextAdded++;
    else nextBackfilled++;
    if (change !== void 0 && change.rev !== rev) notes.push(change.note);
  }
  if (notes.length === 0) return "";
  return `; ${[...new Set(notes)].join(" and ")} of this same release, so instances of the previous release still insert rows without it: set NOT NULL in a later release`;
}
var setNotNull = {
  meta: {
    name: "set-not-null",
    group: "phases",
    defaultSeverity: "warning",
    summary: "An existing column is made NOT NULL.",
    rationale: "PostgreSQL checks every existing row with a full table scan while it holds an ACCESS EXCLUSIVE lock, so all reads and writes on the table wait for the scan; MySQL rebuilds the table. It also fails if any row is still NULL, and the release still running breaks if it inserts rows without the column.",
    safeAlternative: "On PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a separate revision (no blocking lock), then SET NOT NULL, which uses the validated constraint instead of scanning, and drop the CHECK."
  },
  check(input) {
    const findings = [];
    const releaseChangesOf = releaseChangesByRevision(input);
    for (const { op, rev } of operationsOfKind(input, "set-not-null")) {
      if (op.alreadyNotNull || !onExistingTable(rev, op.table, op)) continue;
      const version = input.options.postgresVersion;
      if (op.dialect === "postgresql" && op.provenBy !== void 0 && version >= CHECK_SKIPS_SCAN_SINCE) continue;
      const base = `column ${q(op.column)} of existing table ${tableName(op)} is set NOT NULL: ` + (op.dialect === "sqlite" ? "SQLite's batch mode copies the whole table to apply it, and it fails if any row is still NULL" : op.dialect === "mysql" ? "MySQL rebuilds the table to apply it, and it fails if any row is still NULL" : "every row is checked while the table is locked against reads and writes");
      const lock = lockNote(op);
      const scheduled = rev.declaredPhase?.phase === "contract";
      const release = input.reviewingRelease && rev.underReview && !scheduled && op.phase === "contract" ? sameRelease(releaseChangesOf(rev), rev, op) : "";
      if (op.dialect !== "postgresql" || !lock) {
        const hint = op.dialect === "mysql" ? "Fill every NULL in an earlier revision (in batches), then set NOT NULL in a contract revision of a later release; on a large table run the change through an online schema change tool (gh-ost, pt-online-schema-change) or keep the column nullable." : op.dialect === "sqlite" ? "Fill every NULL in an earlier revision, then set NOT NULL in a contract revision of a later release; the batch copy of a large table is best left to a quiet moment." : void 0;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${base}${release}`,
          ...hint ? { hint } : {}
        });
        continue;
      }
      const message = version >= CHECK_SKIPS_SCAN_SINCE ? `${base} (${lock}, unless a validated CHECK (${op.column} IS NOT NULL) already proves it)${release}` : `${base} (${lock}; PostgreSQL ${version} scans even when a CHECK proves it)${release}`;
      const table3 = sqlTable(op);
      const check2 = `${op.table}_${op.column}_not_null`;
      const addCheck = `op.execute(${py(`ALTER TABLE ${table3} ADD CONSTRAINT ${sqlName(check2)} CHECK (${sqlName(op.column)} IS NOT NULL) NOT VALID`)})`;
      const validate = `op.execute(${py(`ALTER TABLE ${table3} VALIDATE CONSTRAINT ${sqlName(check2)}`)})`;
      const column2 = q(`${op.table}.${op.column}`);
      const model = modelChange(
        input,
        rev,
        version >= CHECK_SKIPS_SCAN_SINCE ? `keep ${column2} nullable=True in the model until the revision that runs op.alter_column(..., nullable=False)` : `keep ${column2} nullable=True in the model: the CHECK does the job`
      );
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message,
        hint: version >= CHECK_SKIPS_SCAN_SINCE ? `${addCheck}; in a later revision ${validate} (SHARE UPDATE EXCLUSIVE: reads and writes go on), then op.alter_column(${py(op.table)}, ${py(op.column)}, nullable=False${schemaKw(op)}), which skips the scan, and op.drop_constraint(${py(check2)}, ${py(op.table)}, type_="check"${schemaKw(op)}).${model}` : `${addCheck}; in a later revision ${validate} (SHARE UPDATE EXCLUSIVE: reads and writes go on), and keep the CHECK instead of NOT NULL: before PostgreSQL 12, SET NOT NULL scans the table anyway.${model}`
      });
    }
    return findings;
  }
};

// analyzers/sql-without-if-exists.ts
var CREATE_GUARDABLE = /* @__PURE__ */ new Set([
  "sequence",
  "schema",
  "extension",
  "materialized-view"
]);
function defaultIndexName(table3, columns, unique) {
  const parts = columns.map((column2) => column2 === "(expression)" ? "expr" : column2);
  return `${[table3, ...parts.length > 0 ? parts : ["expr"]].join("_")}_${unique ? "key" : "idx"}`;
}
function qualified(op) {
  return op.schema ? `${op.schema}.${op.table}` : op.table ?? "";
}
function keyword(objectType) {
  return objectType.replace(/-/g, " ").toUpperCase();
}
function missingGuard2(op) {
  const table3 = qualified(op);
  const sqlTableText = sqlTable(op);
  const name = (value) => sqlName(value, op.dialect);
  switch (op.kind) {
    case "create-table":
      return op.ifNotExists ? void 0 : {
        statement: `CREATE TABLE ${table3}`,
        guard: "IF NOT EXISTS",
        fixed: `CREATE TABLE IF NOT EXISTS ${sqlTableText} ...`
      };
    case "create-index": {
      if (op.ifNotExists) return void 0;
      const head = `CREATE ${op.unique ? "UNIQUE " : ""}INDEX ${op.concurrently ? "CONCURRENTLY " : ""}`;
      const keys = op.columns.length > 0 && !op.columns.includes("(expression)") ? op.columns.join(", ") : "...";
      return op.name === void 0 ? {
        statement: `${head}ON ${table3}`,
        guard: "IF NOT EXISTS",
        fixed: `${head}IF NOT EXISTS ${name(defaultIndexName(op.table, op.columns, op.unique))} ON ${sqlTableText} (${keys})`,
        // PostgreSQL names the new index itself and never finds the first one: nothing fails, the index doubles.
        rerun: "the index has no name, so it cannot take IF NOT EXISTS, and if the migration runs again PostgreSQL builds a second, duplicate index under a new name instead of failing"
      } : {
        statement: `${head}${op.name} ON ${table3}`,
        guard: "IF NOT EXISTS",
        fixed: `${head}IF NOT EXISTS ${name(op.name)} ON ${sqlTableText} (...)`
      };
    }
    case "add-column":
      return op.ifNotExists ? void 0 : {
        statement: `ALTER TABLE ${table3} ADD COLUMN ${op.column.name}`,
        guard: "IF NOT EXISTS",
        fixed: `ALTER TABLE ${sqlTableText} ADD COLUMN IF NOT EXISTS ${name(op.column.name)} ...`
      };
    case "create-object":
      return op.ifNotExists || op.orReplace || !CREATE_GUARDABLE.has(op.objectType) ? void 0 : {
        statement: `CREATE ${keyword(op.objectType)} ${op.name}`,
        guard: "IF NOT EXISTS",
        fixed: `CREATE ${keyword(op.objectType)} IF NOT EXISTS ${name(op.name)} ...`
      };
    case "drop-table":
      return op.ifExists ? void 0 : { statement: `DROP TABLE ${table3}`, guard: "IF EXISTS", fixed: `DROP TABLE IF EXISTS ${sqlTableText}` };
    case "drop-column":
      return op.ifExists ? void 0 : {
        statement: `ALTER TABLE ${table3} DROP COLUMN ${op.column}`,
        guard: "IF EXISTS",
        fixed: `ALTER TABLE ${sqlTableText} DROP COLUMN IF EXISTS ${name(op.column)}`
      };
    case "drop-index": {
      if (op.ifExists) return void 0;
      const head = `DROP INDEX ${op.concurrently ? "CONCURRENTLY " : ""}`;
      return { statement: `${head}${op.name}`, guard: "IF EXISTS", fixed: `${head}IF EXISTS ${name(op.name)}` };
    }
    case "drop-constraint":
      return op.ifExists ? void 0 : {
        statement: `ALTER TABLE ${table3} DROP CONSTRAINT ${op.name}`,
        guard: "IF EXISTS",
        fixed: `ALTER TABLE ${sqlTableText} DROP CONSTRAINT IF EXISTS ${name(op.name)}`
      };
    case "drop-object": {
      if (op.ifExists) return void 0;
      const what = op.objectType === "other" ? "" : `${keyword(op.objectType)} `;
      const on = (op.objectType === "trigger" || op.objectType === "policy") && op.table ? ` ON ${table3}` : "";
      return {
        statement: `DROP ${what}${op.name}${on}`,
        guard: "IF EXISTS",
        fixed: `DROP ${what}IF EXISTS ${name(op.name)}${on === "" ? "" : ` ON ${sqlTableText}`}`
      };
    }
    case "alter-enum-add-value":
      return op.ifNotExists ? void 0 : {
        statement: `ALTER TYPE ${op.typeName} ADD VALUE '${op.value}'`,
        guard: "IF NOT EXISTS",
        fixed: `ALTER TYPE ${op.typeName} ADD VALUE IF NOT EXISTS '${op.value}'`
      };
    default:
      return void 0;
  }
}
function madeBy(op) {
  switch (op.kind) {
    case "create-table":
      return `table\0${tableKey(op.table)}`;
    case "rename-table":
      return `table\0${tableKey(op.newName)}`;
    case "create-object":
      return `${op.objectType}\0${op.name.toLowerCase()}`;
    case "rename-object":
      return `${op.objectType}\0${op.newName.toLowerCase()}`;
    default:
      return void 0;
  }
}
function droppedBy(op) {
  if (op.kind === "drop-table") return `table\0${tableKey(op.table)}`;
  if (op.kind === "drop-object") return `${op.objectType}\0${op.name.toLowerCase()}`;
  return void 0;
}
var sqlWithoutIfExists = {
  meta: {
    name: "sql-without-if-exists",
    group: "idempotency",
    defaultSeverity: "error",
    summary: "A raw SQL statement creates or drops something without IF [NOT] EXISTS.",
    rationale: "A migration that is run a second time against a database where the object already exists (or is already gone) stops with an error: after a partly applied revision (MySQL commits each DDL statement; statements in an autocommit_block commit one by one), after a hotfix applied by hand, or when environments drifted. The deploy then needs manual repair.",
    safeAlternative: "Write the guard into the statement (CREATE ... IF NOT EXISTS, DROP ... IF EXISTS, ADD VALUE IF NOT EXISTS), or wrap the call in an inspector check of the object."
  },
  check(input) {
    const findings = [];
    const guards = input.shared(rerunGuards);
    const madeHere = /* @__PURE__ */ new Map();
    for (const { op, rev } of input.shared(allOperations)) {
      const made = madeBy(op);
      if (made !== void 0) {
        const names = madeHere.get(rev) ?? /* @__PURE__ */ new Set();
        madeHere.set(rev, names.add(made));
        if (op.kind === "create-table" && op.temporary) continue;
      }
      const dropped = droppedBy(op);
      if (dropped !== void 0 && madeHere.get(rev)?.has(dropped)) continue;
      if (op.origin !== "sql" || guards.cannotTrip(op, rev)) continue;
      if (!dialectHasGuard(op.dialect, op.kind)) continue;
      const missing = missingGuard2(op);
      if (!missing) continue;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `raw SQL \`${missing.statement}\` has no ${missing.guard} guard: ` + (missing.rerun ?? (missing.guard === "IF EXISTS" ? "it fails if the migration runs again after the object is already gone" : "it fails if the migration runs again after the object already exists")),
        hint: missing.rerun === void 0 ? `Write it as \`${missing.fixed}\`.` : `Name the index and add the guard: \`${missing.fixed}\` (the name PostgreSQL gives it by default, so the guard also finds an index an earlier run built).`
      });
    }
    return findings;
  }
};

// analyzers/suppression-without-reason.ts
var suppressionWithoutReason = {
  meta: {
    name: "suppression-without-reason",
    group: "hygiene",
    defaultSeverity: "warning",
    summary: "A `# migragate: ignore` comment gives no reason, so it suppresses nothing.",
    rationale: "An ignored finding is a decision someone made about production safety. Without the reason, the next reader cannot tell a checked exception from a silenced alarm, and nobody can re-check it when circumstances change: so a comment without a reason accepts nothing, and the findings it covers stay reported.",
    safeAlternative: "Write why it is safe after `--`: `# migragate: ignore[drop-column] -- unused since release 42`."
  },
  stage: "after-suppressions",
  check(input) {
    const findings = [];
    for (const rev of analyzedRevisions(input)) {
      for (const directive of rev.revision.directives) {
        if (directive.kind !== "ignore" && directive.kind !== "ignore-file" || directive.reason !== void 0)
          continue;
        const rules = directive.rules.length > 0 ? `[${directive.rules.join(", ")}]` : " (every rule)";
        findings.push({
          span: directive.span,
          revision: rev.revision.id,
          message: `${directive.kind}${rules} gives no reason, so it suppresses nothing`,
          hint: `Add the reason after "--": # migragate: ${directive.kind}${directive.rules.length > 0 ? rules : ""} -- why this is safe. Until then the findings it covers stay reported and count toward the gate.`
        });
      }
    }
    return findings;
  }
};

// analyzers/syntax-error.ts
var syntaxError = {
  meta: {
    name: "syntax-error",
    group: "hygiene",
    defaultSeverity: "error",
    summary: "A migration or env.py file does not parse as Python.",
    rationale: "Alembic imports every revision file to build its history, so a file that does not parse stops every command and the deploy fails. migragate also cannot see the operations of the broken part, so other rules are blind there.",
    safeAlternative: "Fix the syntax error; run `python -m py_compile <file>` to confirm."
  },
  check(input) {
    return problemFindings(
      input,
      "syntax-error",
      (file) => `Fix the syntax error; run \`python -m py_compile ${file}\` to confirm.`
    );
  }
};

// analyzers/transaction-control-in-migration.ts
var ENDS = /* @__PURE__ */ new Set(["commit", "rollback"]);
var SAVEPOINT_STATEMENTS = /* @__PURE__ */ new Set(["savepoint", "release", "rollback-to-savepoint"]);
var EFFECT = new Map(
  Object.entries({
    begin: "BEGIN inside Alembic's transaction only draws a warning, and in an autocommit_block() it opens a transaction Alembic does not know about",
    commit: "COMMIT ends the transaction Alembic opened: what ran before it stays applied even if the revision fails later, and the rest of the revision, the version-table update included, no longer runs in a transaction",
    rollback: "ROLLBACK ends the transaction Alembic opened and silently undoes what ran before it, while Alembic still records the revision as applied",
    other: "a transaction-control statement in a revision competes with the transaction Alembic opened"
  })
);
function sqlFileFindings(rev) {
  const findings = [];
  const report = (op, message, hint) => findings.push({ span: op.span, revision: rev.revision.id, message, hint });
  const opener = /* @__PURE__ */ new Map();
  let open;
  for (const op of rev.operations) {
    const key = op.transaction?.inTransaction ? op.transaction.key : void 0;
    if (key !== void 0 && !opener.has(key)) opener.set(key, op);
    const control = op.kind === "transaction-control" && op.dialect === "postgresql" ? op : void 0;
    open = control && ENDS.has(control.statement) ? void 0 : key;
    if (!control) continue;
    const first = key === void 0 ? void 0 : opener.get(key);
    if (control.statement === "begin" && first && first !== control) {
      const outer = first.kind === "transaction-control" ? `the transaction the file's \`${first.text}\` at line ${first.span.line} already opened` : "the transaction the migration tool opens around the file (assume-in-transaction)";
      report(
        control,
        `\`${control.text}\` inside ${outer}: PostgreSQL only warns and carries on in the outer transaction, so the first COMMIT ends both`,
        "Remove the inner BEGIN, or COMMIT the first transaction before opening the next."
      );
    } else if (control.statement === "rollback" && control.transaction?.closedByTool) {
      report(
        control,
        `\`${control.text}\` ends the transaction the migration tool runs the file in (assume-in-transaction): it silently undoes every statement before it, and the tool then records the migration as applied`,
        "Remove it. To run one statement outside the tool's transaction (CREATE INDEX CONCURRENTLY), write `COMMIT;` before it and `BEGIN;` after it; to stop a migration, raise an error instead."
      );
    } else if (ENDS.has(control.statement) && key === void 0) {
      report(
        control,
        `\`${control.text}\` with no transaction open: the statements before it already ran and committed one by one (a plain SQL file runs each statement on its own), so it ${control.statement === "rollback" ? "undoes nothing" : "groups nothing"} and PostgreSQL only warns`,
        "Open the transaction with BEGIN before the statements it should group, or remove the stray statement."
      );
    } else if (SAVEPOINT_STATEMENTS.has(control.statement) && key === void 0) {
      report(
        control,
        `\`${control.text}\` runs outside any transaction (a plain SQL file runs each statement on its own until a BEGIN): PostgreSQL rejects it ("can only be used in transaction blocks")`,
        "Put it between the file's BEGIN and COMMIT."
      );
    }
  }
  const unclosed = open === void 0 ? void 0 : opener.get(open);
  if (unclosed?.kind === "transaction-control" && !unclosed.transaction?.closedByTool) {
    report(
      unclosed,
      `\`${unclosed.text}\` opens a transaction that the file never commits: when the session ends PostgreSQL rolls back everything after it, and a tool that keeps the connection runs the next file inside it`,
      "End the file with COMMIT (or ROLLBACK)."
    );
  }
  return findings;
}
var transactionControlInMigration = {
  meta: {
    name: "transaction-control-in-migration",
    group: "locks",
    defaultSeverity: "error",
    summary: "An Alembic revision runs BEGIN, COMMIT, ROLLBACK or END itself, or a plain SQL file's BEGIN and COMMIT do not pair up.",
    rationale: "Alembic owns the transaction around a revision (and the alembic_version update inside it). A raw COMMIT or ROLLBACK ends that transaction behind Alembic's back: a failing revision is left half applied, or work is undone while the revision is recorded as done.",
    safeAlternative: "Use `with op.get_context().autocommit_block():` for statements that must run outside a transaction, and transaction_per_migration=True in env.py for shorter transactions."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "transaction-control")) {
      if (rev.revision.format === "sql") continue;
      if (SAVEPOINT_STATEMENTS.has(op.statement)) {
        if (op.transaction?.inTransaction !== false) continue;
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: 'a SAVEPOINT statement runs inside `autocommit_block()`, outside any transaction: PostgreSQL rejects it ("SAVEPOINT can only be used in transaction blocks")',
          hint: "Move the savepoint out of the autocommit_block(), where Alembic's transaction holds it."
        });
        continue;
      }
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `raw \`${op.text}\` in a revision: ${EFFECT.get(op.statement) ?? EFFECT.get("other")}`,
        hint: "Remove it. For statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM...), use `with op.get_context().autocommit_block():`."
      });
    }
    for (const rev of analyzedRevisions(input)) {
      if (rev.revision.format === "sql") findings.push(...sqlFileFindings(rev));
    }
    return findings;
  }
};

// analyzers/truncate-table.ts
var truncateTable = {
  meta: {
    name: "truncate-table",
    group: "locks",
    defaultSeverity: "error",
    summary: "An existing PostgreSQL table is truncated by a migration.",
    rationale: "TRUNCATE deletes every row at once under an ACCESS EXCLUSIVE lock, blocking all reads and writes until the migration's transaction commits, and the running release loses its data; CASCADE also empties every table with a foreign key to it.",
    safeAlternative: "Keep data removal out of schema migrations: delete in batches (DELETE ... WHERE id in a range) from a backfill revision or a job, or drop the table in a contract revision once no code uses it."
  },
  check(input) {
    const findings = [];
    for (const { op, rev } of postgresOperations(input, "truncate")) {
      const existing = op.tables.filter((table3) => onExistingTable(rev, table3));
      if (existing.length === 0) continue;
      const cascade = op.cascade ? "; CASCADE also empties every table that has a foreign key to it, tables this statement does not name" : "";
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message: `TRUNCATE empties existing table${existing.length > 1 ? "s" : ""} ${existing.map(q).join(", ")} under an ACCESS EXCLUSIVE lock held until the migration commits: every read and write waits, and the rows are gone for the release still running${cascade}`,
        hint: "Delete in batches from a backfill revision or a job (DELETE ... WHERE id >= :low AND id < :high), or drop the table in a contract revision."
      });
    }
    return findings;
  }
};

// analyzers/unbatched-backfill.ts
function columnKey(table3, column2) {
  return `${tableKey(table3)}.${column2.replace(/"/g, "").toLowerCase()}`;
}
var VERB = {
  update: "UPDATE",
  delete: "DELETE",
  insert: "INSERT",
  "insert-select": "INSERT ... SELECT",
  "bulk-insert": "bulk insert",
  merge: "MERGE",
  copy: "COPY"
};
var RECENT_REVISIONS = 3;
var NullColumns = class {
  byTable = /* @__PURE__ */ new Map();
  get(table3, column2) {
    return this.byTable.get(tableKey(table3))?.get(columnKey(table3, column2));
  }
  set(table3, column2, value) {
    const key = tableKey(table3);
    let columns = this.byTable.get(key);
    if (!columns) {
      columns = /* @__PURE__ */ new Map();
      this.byTable.set(key, columns);
    }
    columns.set(columnKey(table3, column2), value);
  }
  delete(table3, column2) {
    this.byTable.get(tableKey(table3))?.delete(columnKey(table3, column2));
  }
  /** Forgets a table's columns; every column when the table is not known. */
  forget(table3) {
    if (table3 === void 0) this.byTable.clear();
    else this.byTable.delete(tableKey(table3));
  }
};
function batchHint(statement, table3, dialect, condition) {
  const loop = (sql) => `Batch it inside \`with op.get_context().autocommit_block():\` so each batch commits: \`while op.get_bind().execute(sa.text("${sql}")).rowcount: pass\`.`;
  if (dialect === "mysql" && (statement === "update" || statement === "delete")) {
    const head = statement === "update" ? `UPDATE ${table3} SET ...` : `DELETE FROM ${table3}`;
    return loop(`${head} WHERE ${condition ?? "<not yet done>"} LIMIT 5000`);
  }
  if (statement === "update") {
    const pending = condition ?? "<not yet done>";
    return loop(`UPDATE ${table3} SET ... WHERE id IN (SELECT id FROM ${table3} WHERE ${pending} LIMIT 5000)`);
  }
  if (statement === "delete") {
    const doomed = condition ?? "<condition>";
    return loop(`DELETE FROM ${table3} WHERE id IN (SELECT id FROM ${table3} WHERE ${doomed} LIMIT 5000)`);
  }
  return "Copy by key range in a Python loop (WHERE id > :last AND id <= :last + 5000, advancing :last), inside `with op.get_context().autocommit_block():` so each batch commits.";
}
var unbatchedBackfill = {
  meta: {
    name: "unbatched-backfill",
    group: "phases",
    defaultSeverity: "warning",
    summary: "A backfill touches every row of a table in one statement.",
    rationale: "One statement over the whole table runs in one transaction: it row-locks every row it changes until the migration commits (concurrent writes to those rows wait), writes a new version of each row (table bloat, WAL volume, replica lag) and can run for minutes, beyond deploy and statement timeouts. Any lock taken earlier in the same transaction is held that long too.",
    safeAlternative: "Backfill in batches of a few thousand rows selected by key (WHERE id IN (SELECT ... LIMIT n)) in a loop, committing between batches, or hand the backfill to a background job."
  },
  check(input) {
    const findings = [];
    const judged = /* @__PURE__ */ new Set();
    for (const history of input.histories) {
      const nullColumns = new NullColumns();
      history.revisions.forEach((rev, index) => {
        for (const op of rev.operations) {
          if (!judged.has(op) && op.kind === "data-change") {
            judged.add(op);
            const finding2 = backfillFinding(input, op, rev, index, nullColumns);
            if (finding2) findings.push(finding2);
          }
          trackNullColumns(nullColumns, op, rev, index);
        }
      });
    }
    return findings;
  }
};
function backfillFinding(input, op, rev, index, nullColumns) {
  const batched = op.context.inLoop && !op.context.literalLoop;
  if (op.phase !== "backfill" || !SCALES_WITH_ROWS.has(op.statement) || batched) return void 0;
  const target = op.table === void 0 ? "its table" : `table ${q(op.table)}`;
  if (!op.hasWhere) {
    return {
      span: op.span,
      revision: rev.revision.id,
      message: `${VERB[op.statement]} without a WHERE clause touches every row of ${target} in one statement (${excerpt(op.text)})`,
      hint: batchHint(op.statement, op.table ?? "t", op.dialect)
    };
  }
  const table3 = op.table;
  const tested = op.whereIsNull ?? [];
  if (table3 === void 0 || tested.length === 0 || isNewTable(rev, table3)) return void 0;
  const reasons = [];
  let certain = true;
  for (const column2 of tested) {
    const added = nullColumns.get(table3, column2);
    const sameRelease2 = input.reviewingRelease && added?.rev.underReview && rev.underReview;
    if (!added || !(added.rev === rev || sameRelease2 || index - added.index <= RECENT_REVISIONS)) return void 0;
    const where = added.rev === rev ? "earlier in this revision" : `in revision ${q(added.rev.revision.id)}`;
    if (added.rev !== rev && !sameRelease2) certain = false;
    reasons.push(`${q(column2)} was added ${where}`);
  }
  const condition = tested.map((column2) => `${column2} IS NULL`).join(" AND ");
  const why = certain ? `because ${reasons.join("; ")}: every existing row is NULL` : `since ${reasons.join("; ")} without a default: every existing row is NULL unless something outside the migrations filled it since`;
  return {
    span: op.span,
    revision: rev.revision.id,
    message: `${VERB[op.statement]} ... WHERE ${condition} ${certain ? "touches" : "is likely to touch"} every row of ${target} in one statement, ${why} (${excerpt(op.text)})`,
    hint: batchHint(op.statement, table3, op.dialect, condition)
  };
}
function trackNullColumns(nullColumns, op, rev, index) {
  switch (op.kind) {
    case "add-column": {
      const { column: column2 } = op;
      if (column2.nullable && column2.generated === void 0 && !hasNonNullDefault(column2))
        nullColumns.set(op.table, column2.name, { rev, index });
      else nullColumns.delete(op.table, column2.name);
      return;
    }
    case "data-change":
      if (op.statement === "update" || op.statement === "merge") nullColumns.forget(op.table);
      return;
    case "set-not-null":
    case "drop-column":
    case "rename-column":
      nullColumns.delete(op.table, op.column);
      return;
    case "create-table":
    case "drop-table":
    case "rename-table":
      nullColumns.forget(op.table);
      return;
    default:
      return;
  }
}

// analyzers/unknown-down-revision.ts
var unknownDownRevision = {
  meta: {
    name: "unknown-down-revision",
    group: "graph",
    defaultSeverity: "error",
    summary: "down_revision or depends_on names a revision that does not exist.",
    rationale: "Alembic cannot build its revision map when a revision points at a missing parent, so every command (upgrade, current, history) fails and nothing can be deployed, usually because a file was deleted, renamed without its id, or a typo slipped into down_revision.",
    safeAlternative: "Point down_revision / depends_on at an existing revision id (or branch label); restore the missing revision file if it was deleted."
  },
  check(input) {
    const unanalysed = input.unanalysedFiles;
    if (unanalysed.some((file) => file.declares === void 0)) return [];
    const findings = [];
    const scopes = /* @__PURE__ */ new Map();
    for (const history of input.histories) pushTo(scopes, history.scope, history);
    const scopeOf = scopeFinder(input);
    for (const [scope, histories] of scopes) {
      const declared = unanalysed.flatMap(
        (file) => file.declares && scopeOf(file.file) === scope ? [file.declares] : []
      );
      const deleted = (input.changeUnderReview?.changes ?? []).filter(
        (change) => change.kind === "deleted" && scopeOf(change.file) === scope
      );
      findings.push(...checkScope(histories, input.duplicateRevisions, declared, deletionsByName(deleted)));
    }
    return findings;
  }
};
function checkScope(histories, duplicateRevisions, declared, deletedByName) {
  const findings = [];
  const revisions = histories.flatMap((history) => history.revisions.map((rev) => rev.revision));
  const duplicates = [...duplicateRevisions].filter(([, claimants]) => claimants.some((claimant) => revisions.includes(claimant))).map(([id]) => id);
  const resolves = referenceResolver(revisions, duplicates, declared);
  for (const revision of revisions) {
    for (const { reference, field } of referencesOf(revision)) {
      if (resolves(reference)) continue;
      const deletedFile = deletedByName.get(reference)?.file;
      findings.push({
        span: revisionStart(revision),
        revision: revision.id,
        // The change broke the reference: reported even when the revision holding it is older than the change.
        ...deletedFile === void 0 ? {} : { aboutTheChange: true },
        message: `revision ${q(revision.id)} has ${field} ${q(reference)}, but no revision or branch label ${q(reference)} exists` + (deletedFile === void 0 ? "" : `: this change deletes ${deletedFile}, which declared it`),
        hint: deletedFile === void 0 ? `Fix ${field} in ${revision.file} to an existing revision id, or restore the revision file that declared ${q(reference)}.` : `Restore ${deletedFile}, or point ${field} in ${revision.file} at a revision that exists.`
      });
    }
  }
  return findings;
}

// analyzers/unparsed-sql.ts
var unparsedSql = {
  meta: {
    name: "unparsed-sql",
    group: "hygiene",
    // What migragate cannot read is its own coverage, not the author's mistake: a notice, counted in every summary.
    defaultSeverity: "info",
    summary: "migragate could not read a SQL statement a migration runs, so no rule checked it.",
    rationale: "Every other rule is blind to a statement migragate cannot parse: a lock-taking ALTER, a DROP or an unbatched UPDATE inside it passes unchecked.",
    safeAlternative: "Review the statement by hand: no rule checked it. When it is valid SQL for your database, this is a limit of migragate's reader (the summary counts what it could not read); when it is built at run time, a literal string (or op.* directives) lets migragate read it."
  },
  check(input) {
    const dialect = input.options.dialect;
    return problemFindings(
      input,
      "unparsed-sql",
      (file, format) => format === "sql" ? `Review the statement by hand: no rule checked it. If your database rejects it too, fix its syntax (try the file on a scratch database: \`${tryCommand(dialect, file)}\`); if it runs there, this is a limit of migragate's reader (the summary counts what it could not read).` : void 0
    );
  }
};
function tryCommand(dialect, file) {
  switch (dialect) {
    case "mysql":
      return `mysql scratch < ${file}`;
    case "sqlite":
      return `sqlite3 :memory: < ${file}`;
    default:
      return `psql -v ON_ERROR_STOP=1 -f ${file} scratch`;
  }
}

// analyzers/unused-suppression.ts
var unusedSuppression = {
  meta: {
    name: "unused-suppression",
    group: "hygiene",
    defaultSeverity: "warning",
    summary: "A `# migragate:` comment suppresses nothing, names an unknown rule, or cannot be read.",
    rationale: "A suppression that matches nothing is either stale (the code it excused changed) or misplaced (it sits on the wrong line or names the wrong rule, so the finding it meant to accept is still reported, or a later one is silently accepted).",
    safeAlternative: "Remove the comment, or put it on the operation's line or the line above and name the rule exactly as `migragate rules` lists it."
  },
  stage: "after-suppressions",
  check(input) {
    const findings = [];
    for (const { directive, unknownRules } of input.unusedDirectives ?? []) {
      if (directive.kind === "malformed") {
        findings.push({ span: directive.span, message: `migragate comment not understood: ${directive.problem}` });
      } else if (unknownRules.length > 0) {
        findings.push({
          span: directive.span,
          message: `${directive.kind} names unknown rule(s) ${unknownRules.map((rule) => `"${rule}"`).join(", ")}`,
          hint: "Use the rule names `migragate rules` lists."
        });
      } else if (directive.kind === "ignore" || directive.kind === "ignore-file") {
        const rules = directive.rules.length > 0 ? `[${directive.rules.join(", ")}]` : "";
        const where = directive.kind === "ignore" ? ` on line ${directive.appliesToLine}` : " in this file";
        findings.push({ span: directive.span, message: `${directive.kind}${rules} suppresses no finding${where}` });
      }
    }
    return findings;
  }
};

// analyzers/vacuum-full-or-cluster.ts
var vacuumFullOrCluster = {
  meta: {
    name: "vacuum-full-or-cluster",
    group: "locks",
    defaultSeverity: "error",
    summary: "A migration runs VACUUM FULL, CLUSTER, or REINDEX without CONCURRENTLY.",
    rationale: "VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock: nothing can read or write it until the copy is done. REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, for the whole rebuild.",
    safeAlternative: "Rebuild indexes with REINDEX ... CONCURRENTLY (PostgreSQL 12+) in an autocommit_block(); reclaim space or reorder a table with an online tool such as pg_repack, outside the migration."
  },
  check(input) {
    const findings = [];
    const version = input.options.postgresVersion;
    for (const { op, rev } of postgresOperations(input, "maintenance")) {
      if (op.table !== void 0 && isNewTable(rev, op.table)) continue;
      const on = op.table === void 0 ? "" : ` of ${q(op.table)}`;
      if (op.command === "vacuum-full" || op.command === "cluster") {
        const statement = op.command === "cluster" ? "CLUSTER" : "VACUUM FULL";
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${statement} rewrites every row${on} into new files under an ACCESS EXCLUSIVE lock: nothing can read or write the table until the copy is done`,
          hint: "Take it out of the migration: reclaim space or reorder rows with an online tool such as pg_repack, run by an operator, and let autovacuum do routine cleanup."
        });
      } else if (op.command === "reindex" && op.reindexes === "system") {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: "REINDEX SYSTEM rebuilds every index of the system catalogs: while each is rebuilt, writes to its catalog (any DDL, temporary tables) and the queries that read the catalog through that index wait",
          hint: "System catalogs have no concurrent rebuild (REINDEX SYSTEM takes no CONCURRENTLY): take it out of the migration and let an operator run it in a quiet window."
        });
      } else if (op.command === "reindex" && !op.concurrently) {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `REINDEX without CONCURRENTLY${on} blocks writes to the table, and every query that would use the index, for the whole rebuild`,
          hint: version >= 12 ? `Rebuild it concurrently: ${inAutocommitBlock('op.execute("REINDEX INDEX CONCURRENTLY ...")')}.` : "Before PostgreSQL 12, build a replacement with CREATE INDEX CONCURRENTLY in an autocommit_block(), drop the old index CONCURRENTLY and rename the new one."
        });
      }
    }
    return findings;
  }
};

// analyzers/index.ts
var ALL_ANALYZERS = [
  addColumnNotNull,
  ddlWithBackfill,
  mixedPhases,
  contractSameRelease,
  phaseMismatch,
  renameColumn,
  renameTable,
  setNotNull,
  changeColumnType,
  dropColumn,
  dropTable,
  unbatchedBackfill,
  createIndexNotConcurrently,
  dropIndexNotConcurrently,
  concurrentlyInTransaction,
  addForeignKeyValidated,
  addCheckConstraintValidated,
  addUniqueConstraint,
  addPrimaryKey,
  addColumnVolatileDefault,
  addColumnSerial,
  alterEnumAddValueInTransaction,
  transactionControlInMigration,
  truncateTable,
  missingLockTimeout,
  vacuumFullOrCluster,
  preferBigint,
  preferText,
  preferTimestamptz,
  preferIdentity,
  sqlWithoutIfExists,
  opWithoutIfExists,
  opWithoutIfExistsStrict,
  missingCheckfirst,
  envUrlNotEscaped,
  multipleHeads,
  unknownDownRevision,
  duplicateRevision,
  revisionCycle,
  revisionEdited,
  syntaxError,
  unparsedSql,
  suppressionWithoutReason,
  unusedSuppression
];

// src/adapters/report/markdown-reflow.ts
var LIST_ITEM = /^(\s*(?:[-*]|\d+\.)\s+)(.*)$/;
function isStructural(line) {
  return /^\s*(?:#|\||>|---)/.test(line);
}
function reflowMarkdown(text, width) {
  if (width === void 0) return text;
  const out = [];
  let block;
  const flush = () => {
    if (block) out.push(...wrap(block.first + block.words.join(" "), width, block.indent));
    block = void 0;
  };
  let inCode = false;
  for (const line of text.split("\n")) {
    if (/^\s*```/.test(line)) {
      flush();
      inCode = !inCode;
      out.push(line);
      continue;
    }
    if (inCode || line.trim() === "" || isStructural(line)) {
      flush();
      out.push(line);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const marker = item[1] ?? "";
      block = { first: marker, indent: " ".repeat(marker.length), words: [item[2] ?? ""] };
      continue;
    }
    if (block) block.words.push(line.trim());
    else block = { first: "", indent: "", words: [line.trim()] };
  }
  flush();
  return out.join("\n");
}

// src/cli/arguments.ts
var HELP_FLAGS = /* @__PURE__ */ new Set(["--help", "-h"]);
var END_OF_OPTIONS = "--";
function commandList(commands) {
  const names = commands.map((command) => command.name);
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
function knownFlags(commands) {
  const options = /* @__PURE__ */ new Map();
  const owners = /* @__PURE__ */ new Map();
  for (const command of commands) {
    for (const [flag, option] of optionIndex(command)) {
      options.set(flag, option);
      const names = owners.get(flag);
      if (names) names.push(command.name);
      else owners.set(flag, [command.name]);
    }
  }
  return { options, owners };
}
function flagOf(token) {
  const equals = token.startsWith("--") ? token.indexOf("=") : token.startsWith("-") && token[2] === "=" ? 2 : -1;
  return equals === -1 ? token : token.slice(0, equals);
}
function negatedOption(flag, options) {
  const option = flag.startsWith("--no-") ? options.get(`--${flag.slice(5)}`) : void 0;
  return option !== void 0 && (option.kind === "boolean" || option.negatable === true) ? option : void 0;
}
function isKnownFlag(flag, known) {
  return known.options.has(flag) || negatedOption(flag, known.options) !== void 0;
}
function takesNextWord(token, next, known) {
  if (token.includes("=")) return false;
  const option = known.options.get(token);
  if (!option) return false;
  return option.kind === "boolean" ? next === "true" || next === "false" : true;
}
function findCommand(argv, known) {
  const end = argv.indexOf(END_OF_OPTIONS);
  const limit = end === -1 ? argv.length : end;
  for (let index = 0; index < limit; index++) {
    const token = argv[index] ?? "";
    if (!token.startsWith("-") || token === "-") return index;
    if (takesNextWord(token, argv[index + 1], known)) index++;
  }
  return -1;
}
function camelCase(name) {
  return name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
}
function quoted(value) {
  return JSON.stringify(value);
}
function optionIndex(command) {
  const index = /* @__PURE__ */ new Map();
  for (const option of command.options) {
    index.set(`--${option.name}`, option);
    index.set(`--${camelCase(option.name)}`, option);
    if (option.short) index.set(`-${option.short}`, option);
  }
  return index;
}
function unknownFlag(flag, known) {
  const names = [...known.options.keys()].filter((name) => name.startsWith("--")).map((name) => name.slice(2));
  const suggestion = closestName(flag.replace(/^-+/, ""), names);
  return new InputError(`unknown option ${flag}${suggestion ? ` (did you mean --${suggestion}?)` : ""}`);
}
function unknownOption(flag, command, known) {
  const negated = negatedOption(flag, known.options);
  const elsewhere = known.owners.get(flag) ?? (negated ? known.owners.get(`--${negated.name}`) : void 0);
  if (elsewhere && !elsewhere.includes(command.name)) {
    return new InputError(`${flag} is an option of ${elsewhere.join(" and ")}, not of ${command.name}`);
  }
  const names = command.options.map((option) => option.name);
  const suggestion = closestName(flag.replace(/^-+/, ""), names);
  return new InputError(
    `unknown option ${flag} for ${command.name}${suggestion ? ` (did you mean --${suggestion}?)` : ""} (see \`migragate ${command.name} --help\`)`
  );
}
function checkedChoice(option, value) {
  if (!option.choices || option.choices.includes(value)) return value;
  const prefixed = option.choices.filter((choice) => value !== "" && choice.startsWith(value.toLowerCase()));
  const suggestion = closestName(value, option.choices) ?? (prefixed.length === 1 ? prefixed[0] : void 0);
  throw new InputError(
    `--${option.name} must be one of ${option.choices.join(", ")} (got ${quoted(value)})${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`
  );
}
function booleanValue(flag, value) {
  if (value === void 0 || value === "true") return true;
  if (value === "false") return false;
  throw new InputError(`${flag} takes no value, or true or false (got ${quoted(value)})`);
}
function readOption(token, next, options, command, known) {
  const flag = flagOf(token);
  const inline = flag.length === token.length ? void 0 : token.slice(flag.length + 1);
  const option = options.get(flag);
  if (!option) {
    const negated = negatedOption(flag, options);
    if (negated) {
      if (inline !== void 0) throw new InputError(`${flag} takes no value`);
      return { option: negated, value: false, used: 1 };
    }
    throw unknownOption(flag, command, known);
  }
  if (option.kind === "boolean") {
    if (inline === void 0 && (next === "true" || next === "false"))
      return { option, value: next === "true", used: 2 };
    return { option, value: booleanValue(flag, inline), used: 1 };
  }
  if (inline !== void 0) return { option, value: checkedChoice(option, inline), used: 1 };
  if (next === void 0 || next.startsWith("-") && next !== "-") {
    const choices = option.choices ? `: ${option.choices.join(", ")}` : "";
    throw new InputError(`--${option.name} needs a value${choices}`);
  }
  return { option, value: checkedChoice(option, next), used: 2 };
}
function extraArgument(command, value) {
  const takes = command.positional ? `one ${command.positional.name}` : "no arguments";
  return new InputError(`unexpected argument ${quoted(value)}: ${command.name} takes ${takes}`);
}
function parseCommandLine(argv, commands) {
  const byName = new Map(commands.map((command2) => [command2.name, command2]));
  const known = knownFlags(commands);
  const end = argv.indexOf(END_OF_OPTIONS);
  const flags = end === -1 ? argv : argv.slice(0, end);
  const at = findCommand(argv, known);
  const command = at === -1 ? void 0 : byName.get(argv[at] ?? "");
  if (flags.some((arg) => HELP_FLAGS.has(arg))) return command ? { kind: "help", command } : { kind: "help" };
  if (flags.includes("--version")) return { kind: "version" };
  if (at === -1) {
    const stray = flags.find((arg) => arg.startsWith("-") && arg !== "-" && !isKnownFlag(flagOf(arg), known));
    throw new InputError(`${stray ? `unknown option ${flagOf(stray)}: ` : ""}name a command: ${commandList(commands)}`);
  }
  if (!command) {
    const first = argv[at] ?? "";
    if (first === "help") {
      const topic = byName.get(argv[at + 1] ?? "");
      return topic ? { kind: "help", command: topic } : { kind: "help" };
    }
    const stray = argv.slice(0, at).find((arg) => arg.startsWith("-") && !isKnownFlag(flagOf(arg), known));
    if (stray) throw unknownFlag(flagOf(stray), known);
    const names = commands.map((candidate) => candidate.name);
    const suggestion = closestName(first, names);
    throw new InputError(
      `unknown command ${quoted(first)}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}: the commands are ${names.join(", ")}`
    );
  }
  const options = optionIndex(command);
  const positionals = [];
  const given = /* @__PURE__ */ new Map();
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] ?? "";
    if (index === at) continue;
    if (index === end) {
      for (const path of argv.slice(index + 1)) positionals.push(path);
      break;
    }
    if (token.startsWith("-") && token !== "-") {
      const { option, value, used } = readOption(token, argv[index + 1], options, command, known);
      const values = given.get(option.name);
      if (values) values.push(value);
      else given.set(option.name, [value]);
      index += used - 1;
    } else {
      positionals.push(token);
    }
  }
  const allowed = command.positional ? command.positional.many ? Number.POSITIVE_INFINITY : 1 : 0;
  const extra = positionals[allowed];
  if (extra !== void 0) throw extraArgument(command, extra);
  return { kind: "run", parsed: { command, positionals, given } };
}
function lastGiven(parsed, name) {
  return parsed.given.get(name)?.at(-1);
}
function lastString(parsed, name) {
  const value = lastGiven(parsed, name);
  return typeof value === "string" ? value : void 0;
}
function allStrings(parsed, name) {
  const values = parsed.given.get(name);
  return values?.filter((value) => typeof value === "string");
}
function lastBoolean(parsed, name) {
  const value = lastGiven(parsed, name);
  return typeof value === "boolean" ? value : void 0;
}
function optionLabel(option) {
  const long = `--${option.name}`;
  const value = option.kind === "boolean" ? "" : ` <${option.valueName ?? "value"}>`;
  return `${option.short ? `-${option.short}, ` : "    "}${long}${value}`;
}
function optionNote(option) {
  const notes = [
    ...option.choices ? [`one of ${option.choices.join(", ")}`] : [],
    ...option.kind === "repeatable" ? ["repeatable"] : [],
    ...option.shownDefault !== void 0 ? [`default: ${option.shownDefault}`] : []
  ];
  return notes.length > 0 ? ` [${notes.join("; ")}]` : "";
}
function table(rows) {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`).join("\n");
}
function helpText(commands, command) {
  if (!command) {
    const rows = commands.map((spec) => [`migragate ${spec.name}${spec.usage ? ` ${spec.usage}` : ""}`, spec.describe]);
    return `migragate <command> [options]

Commands:
${table(rows)}

Options:
${table([
      ["--version", "Show the version"],
      ["-h, --help", "Show help (also of a command: migragate check --help, or migragate help check)"]
    ])}
`;
  }
  const sections = [
    `migragate ${command.name}${command.usage ? ` ${command.usage}` : ""}`,
    command.describe,
    ...command.positional ? [`Arguments:
${table([[command.positional.name, command.positional.describe]])}`] : [],
    `Options:
${table([
      ...command.options.map((option) => [
        optionLabel(option),
        `${option.describe}${optionNote(option)}`
      ]),
      ["-h, --help", "Show this help"]
    ])}`
  ];
  return `${sections.join("\n\n")}
`;
}

// src/services/declared-phases.ts
var PHASE_WORDS = new Map(
  Object.entries({
    expand: "expand",
    contract: "contract",
    migrate: "backfill",
    backfill: "backfill"
  })
);
function phaseOfLabel(label) {
  const match = /(?:^|[_\-.\s])(expand|contract|migrate|backfill)(?:_branch)?$/i.exec(label.trim()) ?? /^(expand|contract|migrate|backfill)$/i.exec(label.trim());
  return match ? PHASE_WORDS.get((match[1] ?? "").toLowerCase()) : void 0;
}
function fromBranchLabels(revision) {
  const labels = [...revision.branchLabels];
  const raw = revision.rawMeta.branchLabels;
  if (raw?.type === "expression") labels.push(...raw.text.split(/[^\w.-]+/).filter((part) => part !== ""));
  for (const label of labels) {
    const plain = label.replace(/[«»]/g, "");
    const phase = phaseOfLabel(plain.split(".").pop() ?? plain);
    if (phase) return { phase, source: "branch-label", evidence: label };
  }
  return void 0;
}
function fromComment(revision) {
  const directive = revision.directives.find((candidate) => candidate.kind === "phase");
  return directive?.kind === "phase" ? {
    phase: directive.phase,
    source: "comment",
    evidence: `${revision.format === "sql" ? "--" : "#"} migragate: phase=${directive.phase}`
  } : void 0;
}
function fromFileName(revision) {
  const name = revision.file.split("/").pop() ?? "";
  const match = /(?:^|_)(expand|contract|migrate)(\d+)(?:_|\.py$)/i.exec(name);
  const phase = match ? PHASE_WORDS.get((match[1] ?? "").toLowerCase()) : void 0;
  return phase && match ? { phase, source: "file-name", evidence: match[0].replace(/^_|_$|\.py$/g, "") } : void 0;
}
function fromFolder(revision) {
  const folders = revision.file.split("/").slice(0, -1).reverse();
  for (const folder of folders) {
    const phase = PHASE_WORDS.get(folder.toLowerCase());
    if (phase) return { phase, source: "folder", evidence: `${folder}/` };
  }
  return void 0;
}
function withDeclaredPhases(history) {
  const branchPhase = /* @__PURE__ */ new Map();
  const revisions = history.revisions.map((analyzed) => {
    const revision = analyzed.revision;
    const ownLabel = fromBranchLabels(revision);
    const parents = revision.downRevisions.map((down) => branchPhase.get(down));
    const inherited = parents.length > 0 && parents.every((parent) => parent && parent.phase === parents[0]?.phase) ? parents[0] : void 0;
    const label = ownLabel ?? inherited;
    if (label) branchPhase.set(revision.id, label);
    const declared = fromComment(revision) ?? ownLabel ?? fromFileName(revision) ?? fromFolder(revision) ?? inherited;
    return declared ? { ...analyzed, declaredPhase: declared } : analyzed;
  });
  return { ...history, revisions };
}

// src/services/finding-groups.ts
function groupKey(finding2) {
  return `${finding2.rule}\0${finding2.span.file}\0${finding2.revision ?? ""}\0${finding2.variant ?? ""}`;
}
function spanKey(finding2) {
  const { line, column: column2, endLine, endColumn } = finding2.span;
  return `${line}:${column2}:${endLine}:${endColumn}`;
}
function placeText(finding2) {
  return `${finding2.message}\0${finding2.hint ?? ""}`;
}
var GroupPlaces = class {
  findings;
  bySpan = /* @__PURE__ */ new Map();
  constructor(first) {
    this.findings = [first];
    this.bySpan.set(spanKey(first), first);
  }
  add(finding2) {
    const key = spanKey(finding2);
    const seen = this.bySpan.get(key);
    if (seen !== void 0) {
      const texts = seen instanceof Set ? seen : /* @__PURE__ */ new Set([placeText(seen)]);
      const text = placeText(finding2);
      if (texts.has(text)) return;
      texts.add(text);
      if (texts !== seen) this.bySpan.set(key, texts);
    } else this.bySpan.set(key, finding2);
    this.findings.push(finding2);
  }
};
function groupFindings(findings, ungrouped = /* @__PURE__ */ new Set()) {
  const ordered = [];
  const groups = /* @__PURE__ */ new Map();
  for (const finding2 of findings) {
    const key = ungrouped.has(finding2.rule) ? void 0 : groupKey(finding2);
    const group = key === void 0 ? void 0 : groups.get(key);
    if (group) {
      group.add(finding2);
      continue;
    }
    if (key === void 0) {
      ordered.push([finding2]);
      continue;
    }
    const fresh = new GroupPlaces(finding2);
    ordered.push(fresh.findings);
    groups.set(key, fresh);
  }
  return ordered.map(
    ([first, ...rest]) => rest.length === 0 || first === void 0 ? first : {
      ...first,
      related: rest.map((finding2) => ({ span: finding2.span, message: finding2.message, hint: finding2.hint }))
    }
  );
}

// src/services/held-locks.ts
var STRENGTH = new Map(LOCK_MODES.map((mode, index) => [mode, index]));
function markHeldLocks(history) {
  const revisions = history.revisions.map((analyzed) => {
    const held = /* @__PURE__ */ new Map();
    const take = (key, strength, line) => {
      const before = key === void 0 ? void 0 : held.get(key);
      if (key !== void 0 && (before === void 0 || strength > before.strength)) held.set(key, { strength, line });
    };
    let changed = false;
    const operations = analyzed.operations.map((op) => {
      const key = heldKey(op);
      const mode = op.lock?.lock;
      if (key === void 0 || mode === void 0) return op;
      const strength = STRENGTH.get(mode) ?? 0;
      const before = held.get(key);
      take(key, strength, op.span.line);
      for (const table3 of op.lock?.alsoLocks ?? []) take(heldKey({ ...op, table: table3 }), ACCESS_EXCLUSIVE, op.span.line);
      if (op.kind === "rename-table") take(heldKey({ ...op, table: op.newName }), strength, op.span.line);
      if (before === void 0 || before.strength < strength) return op;
      changed = true;
      const lockAlreadyHeld = { mode: LOCK_MODES[before.strength], line: before.line };
      return { ...op, lockAlreadyHeld };
    });
    return changed ? { ...analyzed, operations } : analyzed;
  });
  return { ...history, revisions };
}
var ACCESS_EXCLUSIVE = LOCK_MODES.length - 1;
function heldKey(op) {
  const transaction = op.transaction?.inTransaction ? op.transaction.key : void 0;
  if (transaction === void 0 || op.table === void 0 || op.table === "?") return void 0;
  return `${transaction}\0${tableKey(op.table)}`;
}

// src/services/review.ts
var MIN_PREFIX = 4;
var ReviewError = class extends Error {
};
function resolveId(setting, value, histories) {
  const ids = new Set(histories.flatMap((history) => history.revisions.map((analyzed) => analyzed.revision.id)));
  if (ids.has(value)) return value;
  const matches = [...ids].filter((id) => id.startsWith(value));
  if (matches.length > 0 && value.length < MIN_PREFIX)
    throw new ReviewError(
      `${setting}: "${value}" is too short to name a revision: a prefix needs at least ${MIN_PREFIX} characters`
    );
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new ReviewError(`${setting}: "${value}" matches ${matches.length} revisions`);
  const short = value.length < MIN_PREFIX ? ` (and a prefix needs at least ${MIN_PREFIX} characters)` : "";
  throw new ReviewError(`${setting}: no revision "${value}" in the analysed history${short}`);
}
function ancestorsOf(id, history) {
  const byId = new Map(history.revisions.map((analyzed) => [analyzed.revision.id, analyzed.revision]));
  const found = /* @__PURE__ */ new Set();
  const pending = [id];
  while (pending.length > 0) {
    const next = pending.pop();
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...byId.get(next)?.downRevisions ?? []);
  }
  return found;
}
function descendantsOf(id, history) {
  const found = /* @__PURE__ */ new Set();
  for (const analyzed of history.revisions) {
    if (analyzed.revision.downRevisions.some((down) => down === id || found.has(down))) found.add(analyzed.revision.id);
  }
  return found;
}
function reviewsRelease(request) {
  return request.addedFiles !== void 0 || request.releaseAfter !== void 0;
}
function markReview(histories, request) {
  const releaseAfter = request.releaseAfter === void 0 ? void 0 : resolveId("release-after", request.releaseAfter, histories);
  const startAfter = (request.startAfter ?? []).map((id) => resolveId("start-after", id, histories));
  return histories.map((history) => {
    const legacy = new Set(startAfter.flatMap((id) => [...ancestorsOf(id, history)]));
    const holds = history.revisions.some((analyzed) => analyzed.revision.id === releaseAfter);
    const release = releaseAfter === void 0 || !holds ? void 0 : descendantsOf(releaseAfter, history);
    const inRelease = (analyzed) => (request.focusFiles === void 0 || request.focusFiles.has(analyzed.revision.file)) && (request.addedFiles === void 0 || request.addedFiles.has(analyzed.revision.file) || request.editedFiles?.has(analyzed.revision.file) === true) && (release === void 0 || release.has(analyzed.revision.id));
    const revisions = history.revisions.map((analyzed) => {
      const underReview = inRelease(analyzed) && !legacy.has(analyzed.revision.id);
      return underReview === analyzed.underReview ? analyzed : { ...analyzed, underReview };
    });
    return { ...history, revisions };
  });
}

// src/services/suppressions.ts
var NO_WHOLE_FILE_COVER = { directives: [], accepting: void 0 };
var FileIgnores = class {
  /** Ignore-file comments that name no rule, so cover every rule. */
  wholeForAnyRule = [];
  wholeByRule = /* @__PURE__ */ new Map();
  wholeCovers = /* @__PURE__ */ new Map();
  byLine = /* @__PURE__ */ new Map();
  count = 0;
  add(directive) {
    const entry = { directive, order: this.count++ };
    if (directive.kind === "ignore-file") {
      if (directive.rules.length === 0) this.wholeForAnyRule.push(entry);
      for (const rule of new Set(directive.rules)) pushTo(this.wholeByRule, rule, entry);
      return;
    }
    pushTo(this.byLine, directive.appliesToLine, entry);
  }
  covering(finding2) {
    const inline = [];
    const { line, endLine } = finding2.span;
    const lines = endLine - line + 1;
    if (lines <= this.byLine.size) {
      for (let at = line; at <= endLine; at++)
        for (const entry of this.byLine.get(at) ?? []) if (covers(entry.directive, finding2)) inline.push(entry);
    } else {
      for (const entries of this.byLine.values())
        for (const entry of entries) if (covers(entry.directive, finding2)) inline.push(entry);
    }
    return {
      wholeFile: this.wholeFileCover(finding2.rule),
      inline: inline.sort((a, b) => a.order - b.order).map((entry) => entry.directive)
    };
  }
  wholeFileCover(rule) {
    const cached = this.wholeCovers.get(rule);
    if (cached) return cached;
    const entries = [...this.wholeForAnyRule, ...this.wholeByRule.get(rule) ?? []].sort((a, b) => a.order - b.order);
    const directives = entries.map((entry) => entry.directive);
    const cover = directives.length === 0 ? NO_WHOLE_FILE_COVER : { directives, accepting: directives.find(hasReason) };
    this.wholeCovers.set(rule, cover);
    return cover;
  }
};
function covers(directive, finding2) {
  if (directive.rules.length > 0 && !directive.rules.includes(finding2.rule)) return false;
  if (directive.kind === "ignore-file") return true;
  return finding2.span.line <= directive.appliesToLine && directive.appliesToLine <= finding2.span.endLine;
}
function suppressionOf(directive) {
  return {
    kind: directive.kind === "ignore-file" ? "file" : "inline",
    ...directive.reason !== void 0 ? { reason: directive.reason } : {},
    span: directive.span
  };
}
function hasReason(directive) {
  return directive.reason !== void 0 && directive.reason.trim() !== "";
}
function applySuppressions(findings, revisions, ranRules, knownRules) {
  const byFile = /* @__PURE__ */ new Map();
  const all = [];
  for (const revision of revisions) {
    for (const directive of revision.directives) {
      all.push(directive);
      if (directive.kind !== "ignore" && directive.kind !== "ignore-file") continue;
      let ignores = byFile.get(revision.file);
      if (!ignores) {
        ignores = new FileIgnores();
        byFile.set(revision.file, ignores);
      }
      ignores.add(directive);
    }
  }
  const used = /* @__PURE__ */ new Set();
  const markedWholeFileCovers = /* @__PURE__ */ new Set();
  const reported2 = [];
  const suppressed = [];
  for (const finding2 of findings) {
    const covering = byFile.get(finding2.span.file)?.covering(finding2);
    if (!covering) {
      reported2.push(finding2);
      continue;
    }
    const { wholeFile, inline } = covering;
    for (const directive of inline) used.add(directive);
    if (!markedWholeFileCovers.has(wholeFile)) {
      markedWholeFileCovers.add(wholeFile);
      for (const directive of wholeFile.directives) used.add(directive);
    }
    const first = inline.find(hasReason) ?? wholeFile.accepting;
    if (first) suppressed.push({ ...finding2, suppression: suppressionOf(first) });
    else reported2.push(finding2);
  }
  const unused = [];
  for (const directive of all) {
    if (directive.kind === "phase") continue;
    if (directive.kind === "malformed") {
      unused.push({ directive, unknownRules: [] });
      continue;
    }
    const unknownRules = directive.rules.filter((rule) => !knownRules.has(rule));
    if (unknownRules.length > 0) unused.push({ directive, unknownRules });
    else if (!used.has(directive) && directive.rules.every((rule) => ranRules.has(rule)))
      unused.push({ directive, unknownRules });
  }
  return { reported: reported2, suppressed, unused };
}

// src/services/transactions.ts
function folderPrefix(file) {
  const folder = folderOf(file);
  return folder === "" ? "" : `${folder}/`;
}
function settingsFor(revisionFile, envFiles) {
  const holding = envFiles.filter((env2) => revisionFile.startsWith(folderPrefix(env2.file))).sort((a, b) => folderPrefix(b.file).length - folderPrefix(a.file).length);
  const env = holding[0] ?? (envFiles.length === 1 ? envFiles[0] : void 0);
  if (!env) return { perMigration: false };
  return {
    envFile: env.file,
    perMigration: env.transactionPerMigration,
    ...env.transactionalDdl !== void 0 ? { transactionalDdl: env.transactionalDdl } : {}
  };
}
function dialectHasTransactionalDdl(dialect) {
  if (dialect === "postgresql") return true;
  return dialect === "other" ? "unknown" : false;
}
function transactionScope(settings, dialect) {
  const where = settings.envFile ?? "Alembic's defaults (no env.py found)";
  const ddl = settings.transactionalDdl ?? dialectHasTransactionalDdl(dialect);
  if (ddl === false) {
    return {
      scope: "revision",
      reason: `transactional DDL is off (${settings.transactionalDdl === false ? `transactional_ddl=False in ${where}` : `Alembic's default for ${dialect}`}), so Alembic opens one transaction per revision`
    };
  }
  if (settings.perMigration === true) {
    return { scope: "revision", reason: `transaction_per_migration=True in ${where}: one transaction per revision` };
  }
  if (settings.perMigration === "unknown" || ddl === "unknown") {
    return {
      scope: "revision",
      reason: `${where} decides transaction_per_migration / transactional_ddl with an expression; at least the revision's upgrade shares one transaction`
    };
  }
  return {
    scope: "run",
    reason: settings.envFile === void 0 ? "Alembic's default (no env.py found): one transaction spans every revision of an `alembic upgrade` run" : `${where} leaves transaction_per_migration off: one transaction spans every revision of an \`alembic upgrade\` run`
  };
}
var ENDS_TRANSACTION = /* @__PURE__ */ new Set(["commit", "rollback"]);
var AFTER_RAW_COMMIT = "after a raw COMMIT/ROLLBACK ended Alembic's transaction: the driver does not know, opens none (psycopg2), and the statements run in autocommit until a BEGIN, an autocommit_block() or the end of the revision";
function placeTransactions(history, historyIndex, envFiles, defaultDialect, sqlFilesInTransaction = false) {
  let counter = 0;
  let current;
  let outside = false;
  let openedBy;
  const begin = (by) => {
    counter++;
    outside = false;
    openedBy = by;
    current = `${historyIndex}:${counter}`;
    return current;
  };
  const revisions = history.revisions.map((rev) => {
    if (rev.revision.format === "sql") {
      current = void 0;
      outside = false;
      return placeSqlFile(rev, begin, sqlFilesInTransaction);
    }
    const settings = settingsFor(rev.revision.file, envFiles);
    const { scope, reason } = transactionScope(settings, defaultDialect);
    if (scope === "revision" || outside) {
      current = void 0;
      outside = false;
      openedBy = void 0;
    }
    const operations = rev.operations.map((op) => {
      let placement;
      if (op.context.autocommit) {
        current = void 0;
        outside = false;
        placement = { inTransaction: false, scope, reason: "inside `autocommit_block()`" };
      } else if (op.kind === "transaction-control" && op.statement === "begin") {
        const key = outside || current === void 0 ? begin("after a raw BEGIN") : current;
        placement = { inTransaction: true, key, scope, reason: openedBy ?? reason };
      } else if (outside) {
        placement = { inTransaction: false, scope, reason: AFTER_RAW_COMMIT };
      } else {
        const key = current ?? begin();
        placement = { inTransaction: true, key, scope, reason: openedBy ?? reason };
        if (op.kind === "transaction-control" && ENDS_TRANSACTION.has(op.statement)) {
          current = void 0;
          outside = true;
        }
      }
      return { ...op, transaction: placement };
    });
    return { ...rev, operations, ...settings.envFile !== void 0 ? { envFile: settings.envFile } : {} };
  });
  return { ...history, revisions };
}
var SQL_FILE_AUTOCOMMIT = "a plain SQL file: each statement runs on its own (autocommit) unless the file opens a transaction with BEGIN";
var SQL_FILE_TRANSACTION = "a plain SQL file run inside one transaction (assume-in-transaction: Flyway and dbmate wrap each file)";
var SQL_FILE_REOPENED = "between the file's BEGIN and the COMMIT the migration tool runs after the file (assume-in-transaction)";
function placeSqlFile(rev, begin, wrapped) {
  const toolTransaction = wrapped && rev.operations.length > 0;
  let key = toolTransaction ? begin(SQL_FILE_TRANSACTION) : void 0;
  let reason = SQL_FILE_TRANSACTION;
  let closedByTool = toolTransaction;
  const operations = rev.operations.map((op) => {
    if (op.kind === "transaction-control" && op.statement === "begin" && key === void 0) {
      key = begin("the file's own BEGIN");
      reason = wrapped ? SQL_FILE_REOPENED : "between the file's own BEGIN and COMMIT";
      closedByTool = wrapped;
    }
    const placement = key === void 0 ? { inTransaction: false, scope: "revision", reason: SQL_FILE_AUTOCOMMIT } : { inTransaction: true, key, scope: "revision", reason, ...closedByTool ? { closedByTool: true } : {} };
    if (op.kind === "transaction-control" && ENDS_TRANSACTION.has(op.statement)) key = void 0;
    return { ...op, transaction: placement };
  });
  return { ...rev, operations };
}

// src/services/engine.ts
function isRuleSelected(rule, selection) {
  return selection.enabled.has(rule);
}
function uniqueRevisions(histories) {
  const seen = /* @__PURE__ */ new Set();
  const result = [];
  for (const history of histories) {
    for (const rev of history.revisions) {
      if (seen.has(rev.revision.file)) continue;
      seen.add(rev.revision.file);
      result.push(rev);
    }
  }
  return result;
}
function operationsByKind(revisions) {
  const byKind = /* @__PURE__ */ new Map();
  for (const rev of revisions) {
    for (const op of rev.operations) {
      const located = byKind.get(op.kind);
      if (located) located.push({ op, rev });
      else byKind.set(op.kind, [{ op, rev }]);
    }
  }
  return byKind;
}
function reportedFiles(histories, envFiles, review) {
  const hidden = /* @__PURE__ */ new Set();
  for (const history of histories) {
    for (const analyzed of history.revisions) if (!analyzed.underReview) hidden.add(analyzed.revision.file);
  }
  for (const history of histories) {
    for (const analyzed of history.revisions) if (analyzed.underReview) hidden.delete(analyzed.revision.file);
  }
  if (review.changedFiles) {
    for (const env of envFiles) if (!review.changedFiles.has(env.file)) hidden.add(env.file);
  }
  if (review.focusFiles) {
    for (const env of envFiles) if (!review.focusFiles.has(env.file)) hidden.add(env.file);
  }
  return (finding2) => !hidden.has(finding2.span.file);
}
function runAnalysis(request) {
  const review = request.review ?? {};
  const reading = { dialect: request.options.dialect, forced: request.options.dialectForced ?? false };
  const graph = buildGraph(request.revisions, reading, request.options.postgresVersion);
  const histories = markReview(
    graph.histories.map(
      (history, index) => withDeclaredPhases(
        markHeldLocks(
          placeTransactions(
            history,
            index,
            request.envFiles,
            request.options.dialect,
            request.options.sqlFilesInTransaction ?? false
          )
        )
      )
    ),
    review
  );
  const revisions = uniqueRevisions(histories);
  const scans = /* @__PURE__ */ new Map();
  const input = {
    histories,
    revisions,
    operationsByKind: operationsByKind(revisions),
    shared: (scan) => {
      if (!scans.has(scan)) scans.set(scan, scan(input));
      return scans.get(scan);
    },
    duplicateRevisions: graph.duplicateRevisions,
    envFiles: request.envFiles,
    unanalysedFiles: request.unanalysedFiles ?? [],
    options: request.options,
    reviewingRelease: reviewsRelease(review),
    ...review.changeUnderReview ? { changeUnderReview: review.changeUnderReview } : {}
  };
  const selected = request.analyzers.filter((analyzer) => isRuleSelected(analyzer.meta.name, request.selection));
  const isReported = reportedFiles(histories, request.envFiles, review);
  const toFinding = (analyzer, draft) => ({
    rule: analyzer.meta.name,
    group: analyzer.meta.group,
    severity: request.selection.severity.get(analyzer.meta.name) ?? analyzer.meta.defaultSeverity,
    message: draft.message,
    hint: draft.hint ?? analyzer.meta.safeAlternative,
    span: draft.span,
    ...draft.revision !== void 0 ? { revision: draft.revision } : {},
    ...draft.variant !== void 0 ? { variant: draft.variant } : {}
  });
  const findings = [];
  const accepted = [];
  for (const analyzer of selected) {
    if (analyzer.stage === "after-suppressions") continue;
    for (const draft of analyzer.check(input)) {
      const finding2 = toFinding(analyzer, draft);
      if (!draft.aboutTheChange && !isReported(finding2)) continue;
      if (draft.accepted) accepted.push({ ...finding2, suppression: draft.accepted });
      else findings.push(finding2);
    }
  }
  const outcome = applySuppressions(
    findings,
    request.revisions,
    new Set(selected.map((analyzer) => analyzer.meta.name)),
    new Set(request.analyzers.map((analyzer) => analyzer.meta.name))
  );
  const audited = { ...input, unusedDirectives: outcome.unused };
  for (const analyzer of selected) {
    if (analyzer.stage !== "after-suppressions") continue;
    for (const draft of analyzer.check(audited)) {
      const finding2 = toFinding(analyzer, draft);
      if (isReported(finding2)) outcome.reported.push(finding2);
    }
  }
  return {
    histories,
    findings: groupFindings(
      outcome.reported.sort(compareFindings),
      new Set(
        selected.filter((analyzer) => analyzer.meta.groupsFindings === false).map((analyzer) => analyzer.meta.name)
      )
    ),
    suppressed: [...accepted, ...outcome.suppressed].sort(compareFindings)
  };
}
function compareFindings(a, b) {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.line - b.span.line || a.span.column - b.span.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
function failsAt(findings, failOn) {
  return findings.some((finding2) => failsGate(finding2.severity, failOn));
}

// src/services/opaque.ts
function opaqueUnderReview(result) {
  const opaque = [];
  for (const history of result.histories) {
    for (const revision of history.revisions) {
      if (!revision.underReview) continue;
      for (const operation of revision.operations) if (operation.kind === "opaque") opaque.push(operation);
    }
  }
  return opaque;
}
function someOpaque(operations, shown = 3) {
  const listed = operations.slice(0, shown).map(({ span, reason }) => `${span.file}:${span.line} (${reason})`);
  const more = operations.length - shown;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}

// src/cli/analyze-project.ts
import { realpathSync } from "node:fs";
import { relative as relative2, resolve as resolve2, sep } from "node:path";

// src/cli/settings.ts
import { relative, resolve } from "node:path";
function validateRules(names, known, where, what) {
  const knownSet = new Set(known);
  for (const name of names) {
    if (knownSet.has(name)) continue;
    const suggestion = closestName(name, known);
    throw new InputError(
      `${where}: unknown ${what} "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""} (see \`migragate rules\`)`
    );
  }
}
async function loadConfig(settings, cwd, ruleNames) {
  if (settings.config === false) return void 0;
  const path = settings.config ?? findConfigFile(settings.paths[0] ?? cwd);
  if (path === void 0) return void 0;
  return readConfigFile(
    path,
    relative(cwd, path) || path,
    (rule, where) => validateRules([rule], ruleNames, where, "rule")
  );
}
var SELECTOR = "rule or group";
async function resolveSettings(settings, analyzers, cwd) {
  const metas = analyzers.map((analyzer) => analyzer.meta);
  const known = selectorNames(metas);
  const ruleNames = metas.map((meta) => meta.name);
  validateRules(settings.select, known, "--select", SELECTOR);
  validateRules(settings.extendSelect ?? [], known, "--extend-select", SELECTOR);
  validateRules(settings.ignore, known, "--ignore", SELECTOR);
  const config = await loadConfig(settings, cwd, ruleNames);
  const label = config ? relative(cwd, config.file) || config.file : "";
  validateRules(config?.select ?? [], known, `${label}: select`, SELECTOR);
  validateRules(config?.extendSelect ?? [], known, `${label}: extend-select`, SELECTOR);
  validateRules(config?.ignore ?? [], known, `${label}: ignore`, SELECTOR);
  validateRules([...config?.severity?.keys() ?? []], ruleNames, `${label}: severity`, "rule");
  const severity = /* @__PURE__ */ new Map();
  const off = [];
  for (const [rule, level] of config?.severity ?? []) {
    if (level === "off") off.push(rule);
    else severity.set(rule, level);
  }
  const since = settings.since;
  const releaseAfter = settings.releaseAfter ?? (since === void 0 ? config?.releaseAfter : void 0);
  if (since !== void 0 && settings.releaseAfter !== void 0)
    throw new InputError("--since and --release-after both name the release under review: give one");
  const startAfter = settings.startAfter ?? config?.startAfter;
  const dialect = settings.dialect ?? config?.dialect;
  const alembicVersion = settings.alembicVersion ?? config?.alembicVersion ?? (await projectAlembicVersion(resolve(cwd, settings.paths[0] ?? ".")))?.version;
  return {
    ...config ? { configFile: config } : {},
    // As in ruff, a `--select` on the command line starts over: the file's select and extend-select are dropped.
    rules: enabledRules(metas, {
      ...settings.select.length > 0 ? { select: settings.select } : config?.select ? { select: config.select } : {},
      extendSelect: [
        ...settings.select.length > 0 ? [] : config?.extendSelect ?? [],
        ...settings.extendSelect ?? []
      ],
      ignore: [...settings.ignore.length > 0 ? settings.ignore : config?.ignore ?? [], ...off]
    }),
    severity,
    failOn: settings.failOn ?? config?.failOn ?? "error",
    ...dialect ? { dialect, dialectGiven: settings.dialect ? "flag" : "config" } : {},
    ...alembicVersion ? { alembicVersion } : {},
    postgresVersion: settings.postgresVersion ?? config?.postgresVersion ?? 16,
    ...since !== void 0 ? { since } : {},
    ...releaseAfter !== void 0 ? { releaseAfter } : {},
    ...startAfter !== void 0 ? { startAfter } : {},
    exclude: config?.exclude ?? [],
    assumeInTransaction: settings.assumeInTransaction ?? config?.assumeInTransaction ?? false,
    failOnOpaque: settings.failOnOpaque ?? config?.failOnOpaque ?? false,
    fileLimits: {
      maxBytes: config?.maxFileBytes ?? DEFAULT_FILE_LIMITS.maxBytes,
      timeMs: config?.maxFileMs ?? DEFAULT_FILE_LIMITS.timeMs
    },
    ...config?.docsUrl !== void 0 ? { docsUrl: config.docsUrl } : {}
  };
}

// src/cli/analyze-project.ts
function applyExclude(found, settings, cwd) {
  const root = settings.configFile?.root;
  if (!root || settings.exclude.length === 0) return { found, excluded: [] };
  const globs = settings.exclude.map((pattern) => new Glob(pattern));
  const excluded = [];
  const keep = (absolute) => {
    const path = relative2(root, absolute).split(sep).join("/");
    const match = globs.find((glob) => glob.matches(path));
    if (match)
      excluded.push({ file: displayPath(cwd, absolute), reason: `excluded by "${match.pattern}" in the config` });
    return !match;
  };
  return {
    found: { ...found, revisionFiles: found.revisionFiles.filter(keep), envFiles: found.envFiles.filter(keep) },
    excluded
  };
}
function mergeChanges(a, b) {
  return {
    ...a,
    added: /* @__PURE__ */ new Set([...a.added, ...b.added]),
    changed: /* @__PURE__ */ new Set([...a.changed, ...b.changed]),
    modified: new Map([...a.modified, ...b.modified]),
    deleted: [.../* @__PURE__ */ new Set([...a.deleted, ...b.deleted])]
  };
}
async function reviewRequest(settings, found, cwd, paths, extraction, reading) {
  const request = {};
  if (found.focus) request.focusFiles = new Set([...found.focus].map((file) => displayPath(cwd, file)));
  if (settings.releaseAfter !== void 0) request.releaseAfter = settings.releaseAfter;
  if (settings.startAfter !== void 0) request.startAfter = settings.startAfter;
  if (settings.since === void 0) return request;
  const { changesSince } = await import("./changes-since-4CRSLE6B.js");
  const added = /* @__PURE__ */ new Set();
  const changed = /* @__PURE__ */ new Set();
  const repositories = /* @__PURE__ */ new Map();
  for (const path of paths.length > 0 ? paths : [cwd]) {
    const changes = changesSince(settings.since, resolve2(cwd, path), path);
    for (const file of changes.added) added.add(file);
    for (const file of changes.changed) changed.add(file);
    const known = repositories.get(changes.root);
    repositories.set(changes.root, known ? mergeChanges(known, changes) : changes);
  }
  const matching = (files, set) => new Set(files.filter((file) => set.has(realpathSync(file))).map((file) => displayPath(cwd, file)));
  request.addedFiles = matching([...found.revisionFiles, ...found.sqlFiles], added);
  request.changedFiles = matching([...found.revisionFiles, ...found.sqlFiles, ...found.envFiles], changed);
  const { findRevisionChanges } = await import("./revision-changes-HFJE2GIN.js");
  const facts = await findRevisionChanges({
    since: settings.since,
    git: [...repositories.values()],
    revisions: extraction.revisions,
    paths: new Map([...found.revisionFiles, ...found.sqlFiles].map((file) => [displayPath(cwd, file), file])),
    sources: extraction.sources,
    modulesRead: extraction.modulesRead,
    reading,
    displayPath: (absolute) => displayPath(cwd, absolute)
  });
  request.editedFiles = facts.editedFiles;
  request.changeUnderReview = facts.changeUnderReview;
  return request;
}
async function analyzeProject(options, environment, rulesFor = (settings) => settings.rules, checkSettings = () => {
}) {
  const threads = environment.prestarted ?? (environment.workerScript ? extractionThreads(environment.workerScript, environment.cache === void 0) : void 0);
  try {
    return await analyze(options, environment, threads, rulesFor, checkSettings);
  } finally {
    threads?.close();
  }
}
async function analyze(options, environment, threads, rulesFor, checkSettings) {
  const settings = await resolveSettings(options, environment.analyzers, environment.cwd);
  checkSettings(settings);
  const discovered = await discover(options.paths, environment.cwd);
  const { found, excluded } = applyExclude(discovered, settings, environment.cwd);
  const show = (absolute) => displayPath(environment.cwd, absolute);
  const start = resolve2(environment.cwd, options.paths[0] ?? ".");
  const files = readProject(found, { limits: settings.fileLimits, displayPath: show });
  const dialectDecision = decideDialect(
    dialectInputs(settings, found.alembicConfigs, start, show, readRevisionSources(files))
  );
  const dialect = dialectDecision.dialect;
  const dialectForced = dialectDecision.source === "flag" || dialectDecision.source === "config";
  const cache = environment.cache?.(found);
  if (cache?.isEmpty()) threads?.prestart();
  const extraction = await extractProject(found, files, {
    dialect,
    dialectForced,
    limits: settings.fileLimits,
    cwd: environment.cwd,
    displayPath: (absolute) => displayPath(environment.cwd, absolute),
    ...cache ? { cache } : {},
    ...threads ? { extractionThreads: threads } : {},
    ...environment.threads ? { threads: environment.threads } : {}
  });
  const { revisions, envFiles, sources } = extraction;
  const skipped = [...extraction.skipped, ...excluded];
  const failed = skipped.filter((file) => file.failed);
  if (revisions.length === 0 && failed.length === 0) {
    const where = options.paths.length > 0 ? options.paths.join(", ") : ".";
    const read = extraction.skipped.length;
    throw new InputError(
      excluded.length > 0 && read === 0 ? `${where}: the config's exclude patterns leave no file to analyse (${excluded.length} excluded)` : `${where}: none of the ${read} Python files found is an Alembic revision` + (excluded.length > 0 ? ` (${excluded.length} more excluded by the config)` : "")
    );
  }
  const review = await reviewRequest(settings, found, environment.cwd, options.paths, extraction, {
    dialect,
    forced: dialectForced
  });
  const selection = { enabled: rulesFor(settings), severity: settings.severity };
  let result;
  try {
    result = runAnalysis({
      revisions,
      envFiles,
      options: {
        dialect,
        dialectForced,
        postgresVersion: settings.postgresVersion,
        sqlFilesInTransaction: settings.assumeInTransaction,
        ...settings.alembicVersion ? { alembicVersion: settings.alembicVersion } : {}
      },
      analyzers: environment.analyzers,
      selection,
      review,
      unanalysedFiles: failed.map(({ file, declares }) => declares === void 0 ? { file } : { file, declares })
    });
  } catch (error) {
    if (error instanceof ReviewError) throw new InputError(error.message);
    throw error;
  }
  return {
    settings,
    dialect,
    dialects: { run: dialectDecision, histories: historyDialects(result.histories, dialectDecision) },
    configFiles: {
      ...settings.configFile ? { migragate: show(settings.configFile.file) } : {},
      alembic: [...new Set(found.alembicConfigs.map((config) => show(config.file)))]
    },
    revisions,
    envFiles,
    sources,
    skipped,
    failed,
    selection,
    result,
    ...review.changeUnderReview ? { changeUnderReview: review.changeUnderReview } : {}
  };
}

// src/cli/deliver-reports.ts
import { appendFileSync, closeSync, openSync, writeFileSync, writeSync } from "node:fs";

// src/adapters/report/formats.ts
var REPORT_FORMATS = ["text", "json", "sarif", "github", "markdown", "gitlab", "junit"];
async function reporterFor(format, color, width) {
  switch (format) {
    case "text":
      return new (await import("./text-report-IE546H74.js")).TextReporter(color, width);
    case "json":
      return new (await import("./json-report-G3PKR6NT.js")).JsonReporter();
    case "sarif":
      return new (await import("./sarif-report-ZRM5PSUT.js")).SarifReporter();
    case "github":
      return new (await import("./github-report-RQQ4NPKX.js")).GithubReporter();
    case "markdown":
      return new (await import("./markdown-report-T7GUY2PL.js")).MarkdownReporter();
    case "gitlab":
      return new (await import("./gitlab-report-YMTF36KY.js")).GitlabReporter();
    case "junit":
      return new (await import("./junit-report-5LFLVDEV.js")).JunitReporter();
  }
}

// src/cli/deliver-reports.ts
async function deliverReports(input, reports, sinks) {
  for (const target of reports) {
    const reporter = await reporterFor(
      target.format,
      sinks.color && !target.output,
      target.output ? void 0 : sinks.width
    );
    if (target.output && reporter.pieces) writeInPieces(target.output, reporter.pieces(input));
    else if (target.output) writeReport(target.output, reporter.render(input));
    else if (reporter.pieces) for (const block of blocks(reporter.pieces(input))) sinks.stdout(block);
    else sinks.stdout(reporter.render(input));
  }
  await reportToGithub(input, reports, sinks);
}
function* blocks(pieces) {
  let block = "";
  for (const piece of pieces) {
    block += piece;
    if (block.length >= 1 << 20) {
      yield block;
      block = "";
    }
  }
  if (block !== "") yield block;
}
function writeInPieces(path, pieces) {
  let descriptor;
  try {
    descriptor = openSync(path, "w");
    for (const block of blocks(pieces)) writeSync(descriptor, block);
  } catch (error) {
    const code = error.code;
    if (code === void 0) throw error;
    throw new InputError(`${path}: cannot write report (${code})`);
  } finally {
    if (descriptor !== void 0) closeSync(descriptor);
  }
}
function writeReport(path, text) {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new InputError(`${path}: cannot write report (${error.code ?? "error"})`);
  }
}
async function reportToGithub(input, reports, sinks) {
  if (sinks.githubActions && !reports.some((target) => target.format === "github" && !target.output)) {
    const annotations = (await reporterFor("github", false)).render(input);
    const stdoutTaken = reports.some((target) => !target.output);
    if (annotations !== "") (stdoutTaken ? sinks.stderr : sinks.stdout)(annotations);
  }
  if (sinks.stepSummary) {
    const summary = (await reporterFor("markdown", false)).render(input);
    try {
      appendFileSync(sinks.stepSummary, summary);
    } catch (error) {
      const code = error.code ?? "error";
      sinks.stderr(`migragate: ${sinks.stepSummary}: cannot append the step summary (${code})
`);
    }
  }
}

// src/cli/report-targets.ts
import { resolve as resolve3 } from "node:path";
var EXTENSION_FORMATS = [
  [/\.sarif(?:\.json)?$/i, "sarif"],
  [/\.json$/i, "json"],
  [/\.xml$/i, "junit"],
  [/\.(?:md|markdown)$/i, "markdown"],
  [/\.(?:txt|log)$/i, "text"]
];
function formatOfOutput(output) {
  const named = EXTENSION_FORMATS.find(([pattern]) => pattern.test(output))?.[1];
  if (named) return named;
  if (!/\.[^./\\]+$/.test(output)) return "text";
  throw new InputError(
    `--output ${output}: the extension names no report format (.json, .sarif, .xml for JUnit, .md, .txt): give --format`
  );
}
function pairReports(formats, outputs2) {
  if (formats.length === 0) return outputs2.map((output) => ({ format: formatOfOutput(output), output }));
  if (outputs2.length > formats.length) {
    throw new InputError(
      `--output ${outputs2[formats.length]} has no --format to pair with (the n-th --output goes with the n-th --format)`
    );
  }
  return formats.map((format, index) => {
    const output = outputs2[index];
    return output === void 0 ? { format } : { format, output };
  });
}
function validateReports(targets, cwd) {
  const toStdout = targets.filter((target) => target.output === void 0);
  if (toStdout.length > 1) {
    const formats = toStdout.map((target) => target.format).join(", ");
    throw new InputError(
      `only one report can go to standard output, not ${toStdout.length} (${formats}): give the others an --output`
    );
  }
  const seen = /* @__PURE__ */ new Set();
  for (const target of targets) {
    if (target.output === void 0) continue;
    const path = resolve3(cwd, target.output);
    if (seen.has(path)) throw new InputError(`--output ${target.output}: given for two reports`);
    seen.add(path);
  }
}

// src/cli/check.ts
async function runCheck(options, environment) {
  const reports = options.reports.length > 0 ? options.reports : [{ format: "text" }];
  validateReports(reports, environment.cwd);
  const { settings, dialect, dialects, configFiles, revisions, envFiles, sources, skipped, failed, selection, result } = await analyzeProject(options, environment);
  const rules = environment.analyzers.map((analyzer) => analyzer.meta).filter((meta) => isRuleSelected(meta.name, selection));
  const opaque = settings.failOnOpaque ? opaqueUnderReview(result) : [];
  const failsGate2 = failsAt(result.findings, settings.failOn) || opaque.length > 0;
  const ruleDocs = ruleDocsTemplate(environment.repositoryUrl, settings.docsUrl);
  const input = {
    tool: { name: "migragate", version: environment.version },
    dialect,
    result,
    revisions,
    envFiles,
    skipped,
    sources,
    rules,
    gate: {
      failOn: settings.failOn,
      passed: failed.length === 0 && !failsGate2,
      ...opaque.length > 0 ? { opaque: opaque.length } : {}
    },
    links: {
      ...environment.repositoryUrl !== void 0 ? { project: environment.repositoryUrl } : {},
      ...ruleDocs !== void 0 ? { ruleDocs } : {}
    },
    wholeHistory: settings.startAfter === void 0 && settings.releaseAfter === void 0 && settings.since === void 0,
    dialects,
    configFiles
  };
  await deliverReports(input, reports, environment);
  if (failed.length > 0) {
    const names = failed.map((file) => file.file).join(", ");
    environment.stderr(`migragate: ${failed.length} file(s) could not be analysed (see the report): ${names}
`);
    return 2;
  }
  if (opaque.length > 0) {
    environment.stderr(
      `migragate: ${opaque.length} opaque operation(s) under review fail the gate (fail-on-opaque): ${someOpaque(opaque)}
`
    );
  }
  return failsGate2 ? 1 : 0;
}

// src/cli/command-specs.ts
var FAIL_ON_CHOICES = ["error", "warning", "info", "never"];
function projectOptions(words) {
  return [
    { name: "fail-on", valueName: "severity", kind: "string", choices: FAIL_ON_CHOICES, describe: words.failOn },
    { name: "dialect", valueName: "dialect", kind: "string", describe: words.dialect },
    { name: "alembic-version", valueName: "version", kind: "string", describe: words.alembicVersion },
    { name: "postgres-version", valueName: "major", kind: "string", describe: words.postgresVersion },
    { name: "assume-in-transaction", kind: "boolean", describe: words.assumeInTransaction },
    { name: "since", valueName: "git-revision", kind: "string", describe: words.since },
    { name: "release-after", valueName: "revision", kind: "string", describe: words.releaseAfter },
    { name: "start-after", valueName: "revisions", kind: "repeatable", describe: words.startAfter },
    { name: "config", valueName: "file", kind: "string", negatable: true, describe: words.config }
  ];
}
function cacheOptions(cache, cacheDir) {
  return [
    { name: "cache", kind: "boolean", shownDefault: "true", describe: cache },
    { name: "cache-dir", valueName: "folder", kind: "string", describe: cacheDir }
  ];
}
var CHECK = {
  name: "check",
  usage: "[paths..]",
  describe: "Analyse Alembic migrations (a project with alembic.ini, a migrations or versions folder, or revision files)",
  positional: { name: "paths", many: true, describe: "Paths to analyse (default: the current folder)" },
  options: [
    {
      name: "format",
      valueName: "format",
      kind: "repeatable",
      choices: REPORT_FORMATS,
      describe: "Report format (default: text, or the format --output's extension names: .json, .sarif, .xml for JUnit, .md); repeat it (each with its --output) to write several reports"
    },
    {
      name: "output",
      valueName: "file",
      short: "o",
      kind: "repeatable",
      describe: "Write the report of the --format at the same position to this file (default: stdout)"
    },
    {
      name: "select",
      valueName: "rules",
      kind: "repeatable",
      describe: "Run only these rules or groups (comma-separated; ALL for every rule)"
    },
    {
      name: "extend-select",
      valueName: "rules",
      kind: "repeatable",
      describe: "Run these rules or groups besides the default set (comma-separated)"
    },
    {
      name: "ignore",
      valueName: "rules",
      kind: "repeatable",
      describe: "Skip these rules or groups (comma-separated)"
    },
    ...projectOptions({
      failOn: "Exit 1 when a finding is at or above this severity (default: error)",
      dialect: "SQL dialect for every history: postgresql, mysql or sqlite (default: decided from the project: a versions/<dialect>/ folder, alembic.ini's URL unless env.py replaces it, the database driver it depends on, else postgresql)",
      alembicVersion: "Alembic version the project uses (default: the config's, else from uv.lock, poetry.lock, pyproject.toml or requirements*.txt)",
      postgresVersion: "Major version of the PostgreSQL server (9 to 18, default 16): decides lock and rewrite facts",
      assumeInTransaction: "Plain .sql migration files each run inside one transaction (Flyway, dbmate); default: statement by statement",
      since: "Review only the revisions added or edited since this git revision (the rest is context); edits to merged revisions are revision-edited errors",
      releaseAfter: "Review only the revisions after this revision id: the release about to ship",
      startAfter: "Never report these revisions (comma-separated) and their ancestors (legacy history)",
      config: "Config file to use (default: the nearest migragate.toml or pyproject.toml [tool.migragate]; --no-config: none)"
    }),
    {
      name: "fail-on-opaque",
      kind: "boolean",
      describe: "Fail the gate on any operation migragate could not read (opaque) in the revisions under review"
    },
    ...cacheOptions(
      "Reuse what earlier runs extracted from unchanged files (--no-cache: parse everything)",
      "Where the cache lives (default: $MIGRAGATE_CACHE_DIR, else ~/.cache/migragate)"
    )
  ]
};
var PLAN = {
  name: "plan",
  usage: "[paths..]",
  describe: "The deploy plan of the release under review: what runs before the code deploy, after it, and next release",
  positional: { name: "paths", many: true, describe: "Paths to analyse, as for check" },
  options: [
    {
      name: "format",
      valueName: "format",
      kind: "string",
      choices: PLAN_FORMATS,
      shownDefault: "text",
      describe: "Plan format"
    },
    {
      name: "output",
      valueName: "file",
      short: "o",
      kind: "string",
      describe: "Write the plan to this file (default: stdout)"
    },
    ...projectOptions({
      failOn: "Exit 1 when a mixed revision's finding is at or above this severity (default: error)",
      dialect: "SQL dialect, as for check: postgresql, mysql or sqlite",
      alembicVersion: "Alembic version the project uses (e.g. 1.13.1)",
      postgresVersion: "Major version of the PostgreSQL server (9 to 18)",
      assumeInTransaction: "Plain .sql files each run in one transaction",
      since: "The release: the revisions added or edited since this git revision",
      releaseAfter: "The release: the revisions after this revision id",
      startAfter: "Never plan this revision and its ancestors (legacy)",
      config: "Config file to use (--no-config: none)"
    }),
    {
      name: "write",
      kind: "boolean",
      describe: "Apply the fix for order conflicts (new down_revision values) to the revisions under review"
    },
    { name: "yes", kind: "boolean", describe: "With --write: apply without asking" },
    ...cacheOptions("Reuse earlier extractions (--no-cache: parse all)", "Where the cache lives")
  ]
};
var INIT = {
  name: "init",
  usage: "[path]",
  describe: "Adopt migragate: write the baseline and settings to pyproject.toml or migragate.toml, print CI snippets",
  positional: { name: "path", many: false, describe: "The project or migrations folder (default: .)" },
  options: [{ name: "force", kind: "boolean", describe: "Replace settings that hold other values" }]
};
var RULES = { name: "rules", usage: "", describe: "List the rules", options: [] };
var EXPLAIN = {
  name: "explain",
  usage: "<rule>",
  describe: "Explain a rule: what it catches, why, and the safe alternative",
  positional: { name: "rule", many: false, describe: "A rule's name (see `migragate rules`)" },
  options: []
};
var COMMAND_SPECS = [CHECK, PLAN, INIT, RULES, EXPLAIN];

// src/cli/plan.ts
import { appendFileSync as appendFileSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { resolve as resolve4 } from "node:path";

// src/services/plan-graph.ts
function graphOf(history) {
  const revisions = /* @__PURE__ */ new Map();
  for (const analyzed of history.revisions) {
    if (!revisions.has(analyzed.revision.id)) revisions.set(analyzed.revision.id, analyzed);
  }
  const ids = [...revisions.keys()];
  const inside = (edges) => edges.filter((id) => revisions.has(id));
  return {
    ids,
    position: new Map(ids.map((id, index) => [id, index])),
    revisions,
    downs: new Map([...revisions].map(([id, analyzed]) => [id, inside(analyzed.revision.downRevisions)])),
    depends: new Map([...revisions].map(([id, analyzed]) => [id, inside(analyzed.revision.dependsOn)]))
  };
}
function withDowns(graph, downs) {
  const inside = (edges) => edges.filter((id) => graph.revisions.has(id));
  return { ...graph, downs: new Map([...downs].map(([id, edges]) => [id, inside(edges)])) };
}
function childrenOf(graph, withDepends) {
  const children = /* @__PURE__ */ new Map();
  for (const id of graph.ids) {
    const parents = [...graph.downs.get(id) ?? [], ...withDepends ? graph.depends.get(id) ?? [] : []];
    for (const parent of new Set(parents)) {
      const list2 = children.get(parent);
      if (list2) list2.push(id);
      else children.set(parent, [id]);
    }
  }
  return children;
}
function reachableFrom(start, children) {
  const seen = /* @__PURE__ */ new Set();
  const pending = [...children.get(start) ?? []];
  while (pending.length > 0) {
    const id = pending.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...children.get(id) ?? []);
  }
  seen.delete(start);
  return seen;
}
var MinHeap = class {
  items = [];
  get size() {
    return this.items.length;
  }
  push(value) {
    const items = this.items;
    items.push(value);
    let index = items.length - 1;
    while (index > 0) {
      const parent = index - 1 >> 1;
      if (items[parent] <= value) break;
      items[index] = items[parent];
      index = parent;
    }
    items[index] = value;
  }
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0) return top;
    let index = 0;
    for (; ; ) {
      const left = 2 * index + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right] < items[left] ? right : left;
      if (items[child] >= last) break;
      items[index] = items[child];
      index = child;
    }
    items[index] = last;
    return top;
  }
};
function rankedOrder(graph, parents, rank = () => 0) {
  const size = graph.ids.length + 1;
  const children = /* @__PURE__ */ new Map();
  const pending = /* @__PURE__ */ new Map();
  const waypoints = [...parents.keys()].filter((id) => !graph.position.has(id));
  for (const id of [...graph.ids, ...waypoints]) {
    const own = parents.get(id) ?? /* @__PURE__ */ new Set();
    pending.set(id, own.size);
    for (const parent of own) {
      const list2 = children.get(parent);
      if (list2) list2.push(id);
      else children.set(parent, [id]);
    }
  }
  const ready = new MinHeap();
  const enqueue = (id) => ready.push(rank(id) * size + graph.position.get(id));
  for (const id of graph.ids) if (pending.get(id) === 0) enqueue(id);
  const order = [];
  const release = (placed2) => {
    const passed = [placed2];
    while (passed.length > 0) {
      for (const child of children.get(passed.pop()) ?? []) {
        const left = (pending.get(child) ?? 1) - 1;
        pending.set(child, left);
        if (left !== 0) continue;
        if (graph.position.has(child)) enqueue(child);
        else passed.push(child);
      }
    }
  };
  while (ready.size > 0) {
    const id = graph.ids[ready.pop() % size];
    order.push(id);
    release(id);
  }
  const placed = new Set(order);
  const rest = graph.ids.filter((id) => !placed.has(id));
  return { order: [...order, ...rest], cyclic: rest.length > 0 };
}
function parentsOf(graph) {
  return new Map(
    graph.ids.map((id) => [id, /* @__PURE__ */ new Set([...graph.downs.get(id) ?? [], ...graph.depends.get(id) ?? []])])
  );
}
function runOrder(graph) {
  return rankedOrder(graph, parentsOf(graph));
}
function headsOf(graph) {
  const named = new Set(graph.ids.flatMap((id) => graph.downs.get(id) ?? []));
  return graph.ids.filter((id) => !named.has(id));
}

// src/services/plan-touches.ts
function folded(name) {
  return tableKey(name);
}
function unknown(op) {
  return { kind: "unknown", text: op.text };
}
function touchesOf(op) {
  const touches = ownTouches(op);
  const names = touches.flatMap(
    (touch) => touch.kind === "column" ? [touch.table, touch.column] : touch.kind === "unknown" ? [] : [touch.kind === "object" ? touch.name : touch.table]
  );
  return names.some((name) => name === "" || name === "?" || hasUnresolvedPart(name)) ? [unknown(op)] : touches;
}
function table2(name) {
  return { kind: "table", table: folded(name) };
}
function column(tableName2, name) {
  return { kind: "column", table: folded(tableName2), column: folded(name) };
}
function object(name) {
  return { kind: "object", name: folded(name) };
}
function onTable(name) {
  return name === void 0 ? [] : [{ kind: "on-table", table: folded(name) }];
}
function columnsOf(tableName2, columns) {
  return columns.length === 0 ? [table2(tableName2)] : columns.map((name) => column(tableName2, name));
}
function ownTouches(op) {
  switch (op.kind) {
    case "create-table":
    case "drop-table":
      return [table2(op.table)];
    case "rename-table":
      return [table2(op.table), table2(op.newName)];
    case "truncate":
      return op.tables.map(table2);
    case "add-column":
      return [column(op.table, op.column.name)];
    case "drop-column":
    case "set-not-null":
    case "drop-not-null":
    case "change-column-type":
    case "set-column-default":
      return [column(op.table, op.column)];
    case "rename-column":
      return [column(op.table, op.column), column(op.table, op.newName)];
    case "create-index":
      return [...columnsOf(op.table, op.columns), ...op.name ? [object(op.name)] : []];
    case "drop-index":
      return [object(op.name), ...onTable(op.table)];
    case "add-constraint":
      return [
        ...columnsOf(op.table, op.columns),
        ...op.name ? [object(op.name)] : [],
        ...onTable(op.referencedTable)
      ];
    case "drop-constraint":
    case "validate-constraint":
      return [object(op.name), ...onTable(op.table)];
    case "create-object":
    case "drop-object":
      return [object(op.name), ...onTable(op.table)];
    case "rename-object":
      return [object(op.name), object(op.newName)];
    case "alter-enum-add-value":
      return [object(op.typeName)];
    case "data-change":
      return op.table === void 0 ? [unknown(op)] : [table2(op.table)];
    case "comment":
    case "alter-table-other":
    case "maintenance":
    case "utility":
      return onTable(op.table);
    case "set-config":
    case "transaction-control":
    case "query":
      return [];
    case "opaque":
      return [unknown(op)];
  }
}
function indexTouches(touches) {
  const tables = /* @__PURE__ */ new Set();
  const onTables = /* @__PURE__ */ new Set();
  const columnTables = /* @__PURE__ */ new Set();
  const columns = /* @__PURE__ */ new Set();
  const objects = /* @__PURE__ */ new Set();
  let unknownText;
  for (const touch of touches) {
    if (touch.kind === "unknown") unknownText ??= touch.text;
    else if (touch.kind === "table") tables.add(touch.table);
    else if (touch.kind === "on-table") onTables.add(touch.table);
    else if (touch.kind === "object") objects.add(touch.name);
    else {
      columnTables.add(touch.table);
      columns.add(`${touch.table}\0${touch.column}`);
    }
  }
  return {
    ...unknownText !== void 0 ? { unknown: unknownText } : {},
    tables,
    onTables,
    columnTables,
    columns,
    objects
  };
}
function unreadable(text) {
  return `one of them runs an operation migragate cannot read (${text.replace(/\s+/g, " ").slice(0, 60)})`;
}
function sharedWith(touch, index) {
  if (touch.kind === "unknown") return unreadable(touch.text);
  if (touch.kind === "object") return index.objects.has(touch.name) ? `both touch "${touch.name}"` : void 0;
  const { table: name } = touch;
  const whole = `both touch table "${name}"`;
  if (index.tables.has(name)) return whole;
  if (touch.kind === "on-table") return void 0;
  if (touch.kind === "table") return index.onTables.has(name) || index.columnTables.has(name) ? whole : void 0;
  return index.columns.has(`${name}\0${touch.column}`) ? `both touch column "${name}.${touch.column}"` : void 0;
}
function revisionTouches(operations) {
  const touches = operations.flatMap(touchesOf);
  return { touches, index: indexTouches(touches) };
}
function sharedTouch(first, second) {
  if (second.index.unknown !== void 0) return unreadable(second.index.unknown);
  for (const touch of first.touches) {
    const what = sharedWith(touch, second.index);
    if (what !== void 0) return what;
  }
  return void 0;
}

// src/services/plan-order.ts
var MAX_BLOCKERS = 5;
var MAX_CROSSING_CHECKS = 2e5;
var MAX_PAIRS_VISITED = 4e6;
function findConflicts(graph, steps) {
  const withDepends = childrenOf(graph, true);
  const downOnly = childrenOf(graph, false);
  const { order, cyclic } = runOrder(graph);
  const lowest = cyclic ? void 0 : lowestStepBelow(order, withDepends, steps);
  const conflicts = [];
  for (const id of order) {
    const step = steps.get(id);
    if (step === void 0 || step <= 1) continue;
    if (lowest !== void 0 && (lowest.get(id) ?? Number.POSITIVE_INFINITY) >= step) continue;
    const below = reachableFrom(id, withDepends);
    const before = order.filter((other) => below.has(other) && (steps.get(other) ?? step) < step);
    if (before.length === 0) continue;
    const chain = reachableFrom(id, downOnly);
    conflicts.push({ id, before, throughDependsOn: before.some((other) => !chain.has(other)) });
  }
  return conflicts;
}
function lowestStepBelow(order, children, steps) {
  const lowest = /* @__PURE__ */ new Map();
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index];
    let found = Number.POSITIVE_INFINITY;
    for (const child of children.get(id) ?? []) {
      found = Math.min(
        found,
        steps.get(child) ?? Number.POSITIVE_INFINITY,
        lowest.get(child) ?? Number.POSITIVE_INFINITY
      );
    }
    lowest.set(id, found);
  }
  return lowest;
}
function chains(graph, release) {
  const downChildren = childrenOf(graph, false);
  const byTail = /* @__PURE__ */ new Map();
  const runs = [];
  for (const id of release) {
    const revision = graph.revisions.get(id)?.revision;
    const downs = graph.downs.get(id) ?? [];
    const parent = downs.length === 1 && revision?.downRevisions.length === 1 ? downs[0] : void 0;
    const run = parent === void 0 ? void 0 : byTail.get(parent);
    if (run && parent !== void 0 && (downChildren.get(parent) ?? []).length === 1) {
      run.push(id);
      byTail.delete(parent);
      byTail.set(id, run);
      continue;
    }
    runs.push([id]);
    if ((revision?.branchLabels.length ?? 0) === 0) byTail.set(id, runs[runs.length - 1]);
  }
  return runs;
}
function ranks(runs, steps) {
  const rank = /* @__PURE__ */ new Map();
  for (const run of runs) {
    let previous = 0;
    for (const id of run) {
      previous = steps.get(id) ?? previous;
      rank.set(id, previous);
    }
  }
  return rank;
}
function constraints(graph, runs) {
  const parents = parentsOf(graph);
  const downChildren = childrenOf(graph, false);
  for (const run of runs) {
    if (run.length < 2) continue;
    const base = graph.downs.get(run[0]) ?? [];
    run.forEach((id, index) => {
      const own = parents.get(id);
      if (index > 0) own.delete(run[index - 1]);
      for (const parent of base) own.add(parent);
    });
    const members = new Set(run);
    const end = `\0end of run ${run[0]}`;
    const waypoint = !graph.position.has(end);
    if (waypoint) parents.set(end, new Set(run));
    for (const child of downChildren.get(run[run.length - 1]) ?? []) {
      if (members.has(child)) continue;
      const own = parents.get(child);
      if (waypoint) own.add(end);
      else for (const member of run) own.add(member);
    }
  }
  return parents;
}
function sameList(a, b) {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
function blockersOf(graph, moved, edits, proposed) {
  const blockers = [];
  const crossings = [];
  const touches = /* @__PURE__ */ new Map();
  const touchesOf2 = (id) => {
    let found = touches.get(id);
    if (!found) {
      found = revisionTouches(graph.revisions.get(id)?.operations ?? []);
      touches.set(id, found);
    }
    return found;
  };
  let checksLeft = MAX_CROSSING_CHECKS;
  let visitsLeft = MAX_PAIRS_VISITED;
  for (const { run, sorted } of moved) {
    const newIndex = new Map(sorted.map((id, index) => [id, index]));
    for (let i = 0; i < run.length && checksLeft > 0 && visitsLeft > 0; i++) {
      for (let j = i + 1; j < run.length && checksLeft > 0 && visitsLeft > 0; j++) {
        visitsLeft--;
        const earlier = run[i];
        const later = run[j];
        if ((newIndex.get(earlier) ?? 0) < (newIndex.get(later) ?? 0)) continue;
        checksLeft--;
        const shared = sharedTouch(touchesOf2(earlier), touchesOf2(later));
        if (shared !== void 0) crossings.push(`${earlier} would move past ${later}, and ${shared}`);
      }
    }
  }
  blockers.push(...crossings.slice(0, MAX_BLOCKERS));
  const more = crossings.length - MAX_BLOCKERS;
  const uncompared = checksLeft <= 0 || visitsLeft <= 0;
  if (more > 0) blockers.push(`and ${uncompared ? "at least " : ""}${more} more such ${more === 1 ? "move" : "moves"}`);
  else if (uncompared) {
    const limit = checksLeft <= 0 ? MAX_CROSSING_CHECKS : MAX_PAIRS_VISITED;
    blockers.push(`moves past the first ${withThousands(limit)} pairs of revisions were not compared`);
  }
  for (const edit of edits) {
    const analyzed = graph.revisions.get(edit.id);
    if (!analyzed?.underReview) blockers.push(`${edit.id} is not under review: only revisions under review are edited`);
    const raw = analyzed?.revision.rawMeta.downRevision;
    if (raw === void 0 || raw.type === "expression")
      blockers.push(`${edit.id}: its down_revision is not written as a literal migragate can rewrite`);
  }
  const oldHeads = headsOf(graph);
  const newHeads = new Set(headsOf(proposed));
  const touched = new Set(moved.flatMap(({ run }) => run));
  const keptHeads = oldHeads.filter((head) => touched.has(head) || newHeads.has(head));
  if (newHeads.size !== oldHeads.length || keptHeads.length !== oldHeads.length)
    blockers.push(
      `the edits would change the heads (${oldHeads.join(", ")} before, ${[...newHeads].join(", ")} after)`
    );
  if (runOrder(proposed).cyclic) blockers.push("the edits would make a cycle");
  return blockers;
}
function proposeReorder(graph, release, steps, format, cycles) {
  if (cycles > 0) {
    const blockers = ["the history has a cycle: fix it first"];
    const remainingConflicts2 = findConflicts(graph, steps).length;
    return { reorder: { order: [...release], edits: [], remainingConflicts: remainingConflicts2, blockers }, proposed: graph };
  }
  const runs = chains(graph, release);
  const rank = ranks(runs, steps);
  const global = rankedOrder(graph, constraints(graph, runs), (id) => rank.get(id) ?? 0).order;
  const place = new Map(global.map((id, index) => [id, index]));
  const downs = new Map(graph.ids.map((id) => [id, [...graph.revisions.get(id)?.revision.downRevisions ?? []]]));
  const downChildren = childrenOf(graph, false);
  const moved = [];
  for (const run of runs) {
    const sorted = [...run].sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0));
    if (sameList(run, sorted)) continue;
    moved.push({ run, sorted });
    const base = downs.get(run[0]) ?? [];
    sorted.forEach((id, index) => {
      downs.set(id, index === 0 ? [...base] : [sorted[index - 1]]);
    });
    const oldTail = run[run.length - 1];
    const newTail = sorted[sorted.length - 1];
    const members = new Set(run);
    for (const child of downChildren.get(oldTail) ?? []) {
      if (members.has(child)) continue;
      downs.set(
        child,
        (downs.get(child) ?? []).map((down) => down === oldTail ? newTail : down)
      );
    }
  }
  const edits = [];
  for (const id of graph.ids) {
    const analyzed = graph.revisions.get(id);
    const from = analyzed?.revision.downRevisions ?? [];
    const to = downs.get(id) ?? [];
    if (analyzed && !sameList(from, to)) edits.push({ id, file: analyzed.revision.file, from: [...from], to });
  }
  const proposed = withDowns(graph, downs);
  const inRelease = new Set(release);
  const order = rankedOrder(proposed, parentsOf(proposed), (id) => rank.get(id) ?? 0).order.filter(
    (id) => inRelease.has(id)
  );
  const remainingConflicts = findConflicts(proposed, steps).length;
  if (format === "sql") {
    const files = moved.flatMap(({ sorted }) => sorted).map((id) => graph.revisions.get(id)?.revision.file ?? id);
    const blockers = [`plain SQL files run in file-name order: rename them so that they sort as ${files.join(", ")}`];
    return { reorder: { order, edits: [], remainingConflicts, blockers }, proposed };
  }
  return {
    reorder: { order, edits, remainingConflicts, blockers: blockersOf(graph, moved, edits, proposed) },
    proposed
  };
}

// src/services/plan-summary.ts
var SUMMARY_OPERATIONS = 4;
var DATA_VERBS = {
  update: "update rows of",
  delete: "delete rows of",
  insert: "insert rows into",
  "insert-select": "copy rows into",
  "bulk-insert": "insert rows into",
  merge: "merge rows into",
  copy: "copy rows into"
};
function compact(text, max = 50) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}
function dotted(table3, column2) {
  return `${table3}.${column2}`;
}
function describeForPlan(op) {
  switch (op.kind) {
    case "create-table":
      return `create table ${op.table}`;
    case "drop-table":
      return `drop table ${op.table}`;
    case "rename-table":
      return `rename table ${op.table} to ${op.newName}`;
    case "add-column":
      return `add column ${dotted(op.table, op.column.name)}${op.column.nullable ? "" : " NOT NULL"}`;
    case "drop-column":
      return `drop column ${dotted(op.table, op.column)}`;
    case "rename-column":
      return `rename column ${dotted(op.table, op.column)} to ${op.newName}`;
    case "set-not-null":
      return `set ${dotted(op.table, op.column)} NOT NULL`;
    case "drop-not-null":
      return `allow NULL in ${dotted(op.table, op.column)}`;
    case "change-column-type":
      return `change type of ${dotted(op.table, op.column)}${op.toType ? ` to ${op.toType}` : ""}`;
    case "set-column-default":
      return `${op.default === void 0 ? "drop" : "set"} default of ${dotted(op.table, op.column)}`;
    case "create-index":
      return `create ${op.unique ? "unique " : ""}index ${op.name ?? "(unnamed)"} on ${op.table}`;
    case "drop-index":
      return `drop index ${op.name}`;
    case "add-constraint":
      return `add ${op.constraintType} constraint ${op.name ?? "(unnamed)"} on ${op.table}`;
    case "drop-constraint":
      return `drop constraint ${op.name} on ${op.table}`;
    case "validate-constraint":
      return `validate constraint ${op.name} on ${op.table}`;
    case "create-object":
      return `create ${op.objectType} ${op.name}`;
    case "drop-object":
      return `drop ${op.objectType} ${op.name}`;
    case "rename-object":
      return `rename ${op.objectType} ${op.name} to ${op.newName}`;
    case "alter-enum-add-value":
      return `add value ${op.value} to type ${op.typeName}`;
    case "data-change":
      return op.table === void 0 ? `change rows (${compact(op.text)})` : `${DATA_VERBS[op.statement]} ${op.table}`;
    case "truncate":
      return `truncate ${op.tables.join(", ")}`;
    default:
      return compact(op.text);
  }
}
function summarizeOperations(operations) {
  const parts = operations.filter((op) => !op.continuesDirective);
  const meaningful = parts.filter((op) => op.phase !== "neutral");
  const shown = meaningful.length > 0 ? meaningful : parts;
  if (shown.length === 0) return "no operations";
  const counts = /* @__PURE__ */ new Map();
  for (const op of shown) {
    const text = describeForPlan(op);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const named = [...counts.keys()].slice(0, SUMMARY_OPERATIONS);
  const rest = shown.length - named.reduce((total, text) => total + (counts.get(text) ?? 0), 0);
  return `${named.join("; ")}${rest > 0 ? `; and ${rest} more` : ""}`;
}

// src/services/plan-revisions.ts
var PLAN_RULES = [
  "contract-same-release",
  "mixed-phases",
  "ddl-with-backfill",
  "unbatched-backfill"
];
var MAX_LISTED = 10;
function stepKind(step) {
  return step <= 1 ? "before-deploy" : step === 3 ? "after-deploy" : "next-release";
}
var FindingIndex = class {
  places = /* @__PURE__ */ new Map();
  constructor(findings, suppressed) {
    for (const finding2 of findings) {
      const { related, ...first } = finding2;
      for (const place of [first, ...related ?? []]) {
        this.add(finding2, { span: place.span, message: place.message });
      }
    }
    for (const finding2 of suppressed) {
      this.add(finding2, finding2, finding2.suppression.reason ?? "accepted without a written reason");
    }
  }
  add(finding2, place, acceptedBecause) {
    if (!PLAN_RULES.includes(finding2.rule) || finding2.revision === void 0) return;
    const key = `${finding2.span.file}\0${finding2.revision}`;
    const entry = {
      rule: finding2.rule,
      severity: finding2.severity,
      message: place.message,
      line: place.span.line,
      column: place.span.column,
      ...acceptedBecause !== void 0 ? { acceptedBecause } : {}
    };
    const list2 = this.places.get(key);
    if (list2) list2.push(entry);
    else this.places.set(key, [entry]);
  }
  of(analyzed, rule) {
    const list2 = this.places.get(`${analyzed.revision.file}\0${analyzed.revision.id}`) ?? [];
    return list2.filter((place) => place.rule === rule).sort((a, b) => a.line - b.line || a.column - b.column);
  }
};
function planFinding(place) {
  const { column: _column, ...finding2 } = place;
  return finding2;
}
function roleOf(analyzed) {
  const phases = analyzed.phases.filter((phase) => phase !== "neutral");
  if (phases.length > 1) return "mixed";
  return phases[0] ?? analyzed.declaredPhase?.phase ?? "neutral";
}
function factsOf(analyzed, index) {
  const sameRelease2 = index.of(analyzed, "contract-same-release");
  const standing = new Set(
    sameRelease2.filter((place) => place.acceptedBecause === void 0).map((place) => `${place.line}:${place.column}`)
  );
  const opSteps = /* @__PURE__ */ new Map();
  for (const op of analyzed.operations) {
    if (op.phase === "neutral") continue;
    const deferred = op.phase === "contract" && standing.has(`${op.span.line}:${op.span.column}`);
    opSteps.set(op, op.phase === "expand" ? 1 : deferred ? 4 : 3);
  }
  const role = roleOf(analyzed);
  const steps = [...opSteps.values()];
  const earliest = analyzed.phases[0];
  const ownStep = role === "neutral" ? void 0 : role === "mixed" ? earliest === "expand" ? 1 : 3 : role === "expand" ? 1 : role === "contract" ? Math.max(3, ...steps) : 3;
  return {
    analyzed,
    role,
    ...ownStep !== void 0 ? { ownStep } : {},
    opSteps,
    sameRelease: sameRelease2,
    batching: index.of(analyzed, "unbatched-backfill"),
    mixing: [...index.of(analyzed, "mixed-phases"), ...index.of(analyzed, "ddl-with-backfill")]
  };
}
var LOCK_STRENGTH = new Map(LOCK_MODES.map((mode, index) => [mode, index]));
function locksOf(operations, lockModel) {
  if (!lockModel) return [];
  const byTable = /* @__PURE__ */ new Map();
  for (const op of operations) {
    const facts = op.lock;
    if (facts?.lock === void 0 || op.table === void 0) continue;
    const key = tableKey(op.table);
    const known = byTable.get(key);
    const strength = LOCK_STRENGTH.get(facts.lock) ?? 0;
    const knownStrength = known ? LOCK_STRENGTH.get(known.lock) ?? 0 : -1;
    if (strength < knownStrength) continue;
    const same = strength === knownStrength;
    byTable.set(key, {
      table: known?.table ?? op.table,
      lock: facts.lock,
      rewrite: same && known?.rewrite || facts.rewrite,
      scan: same && known?.scan || facts.scan,
      newTable: (same ? known?.newTable ?? true : true) && facts.newTable === true
    });
  }
  return [...byTable.values()].sort(
    (a, b) => (LOCK_STRENGTH.get(b.lock) ?? 0) - (LOCK_STRENGTH.get(a.lock) ?? 0) || (a.table < b.table ? -1 : 1)
  );
}
function batchingOf(facts) {
  const backfills = facts.analyzed.operations.filter((op) => op.phase === "backfill");
  if (backfills.length === 0) return void 0;
  if (facts.batching.some((place) => place.acceptedBecause === void 0)) return "unbatched";
  if (facts.batching.length > 0) return "accepted";
  const dataChanges = backfills.filter((op) => op.kind === "data-change");
  return dataChanges.length > 0 && dataChanges.every((op) => op.context.inLoop) ? "batched" : "not-flagged";
}
function unmodelledDialect(operations, dialect) {
  if (dialect !== "postgresql") return dialect;
  if (operations.length === 0 || operations.some((op) => op.dialect === "postgresql")) return void 0;
  return operations[0]?.dialect;
}
function plannedRevision(facts, step, dialect) {
  const { analyzed } = facts;
  const { revision } = analyzed;
  const batching = batchingOf(facts);
  const unmodelled = unmodelledDialect(analyzed.operations, dialect);
  return {
    id: revision.id,
    file: revision.file,
    ...revision.message !== void 0 ? { message: revision.message } : {},
    role: facts.role,
    phases: analyzed.phases.filter((phase) => phase !== "neutral"),
    ...analyzed.declaredPhase ? { declaredPhase: analyzed.declaredPhase.phase } : {},
    step,
    summary: summarizeOperations(analyzed.operations),
    locks: locksOf(analyzed.operations, unmodelled === void 0),
    ...unmodelled !== void 0 ? { locksNotModelled: unmodelled } : {},
    unknownEffects: analyzed.operations.filter((op) => op.kind === "opaque").length,
    ...batching !== void 0 ? { batching } : {},
    batchingFindings: facts.batching.map(planFinding),
    sameRelease: facts.sameRelease.map(planFinding)
  };
}
function compactText(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}\u2026` : flat;
}
function mixedRevision(facts, step) {
  const placed = facts.analyzed.phases[0];
  const moves = /* @__PURE__ */ new Map();
  for (const [op, opStep] of facts.opSteps) {
    if (op.phase === "neutral" || op.continuesDirective || op.phase === placed) continue;
    const key = `${opStep}\0${op.phase}`;
    const move = moves.get(key);
    if (move) move.ops.push(op);
    else moves.set(key, { phase: op.phase, step: opStep, ops: [op] });
  }
  const ordered = [...moves.values()].sort(
    (a, b) => a.step - b.step || (a.phase < b.phase ? -1 : a.phase > b.phase ? 1 : 0)
  );
  return {
    id: facts.analyzed.revision.id,
    file: facts.analyzed.revision.file,
    step,
    moves: ordered.map(
      (move) => ({
        phase: move.phase,
        step: stepKind(move.step),
        operations: move.ops.slice(0, MAX_LISTED).map((op) => ({ line: op.span.line, text: compactText(op.text) })),
        total: move.ops.length
      })
    ),
    findings: facts.mixing.map(planFinding)
  };
}

// src/services/plan.ts
var EDIT_RULE = "revision-edited";
var MIXED_RULES = ["mixed-phases", "ddl-with-backfill"];
var revisionKey = (file, id) => `${file}\0${id}`;
function editsByHistory(request) {
  const byHistory = request.histories.map(() => ({ edits: [], blocked: /* @__PURE__ */ new Set() }));
  const historyOf = /* @__PURE__ */ new Map();
  request.histories.forEach((history, position) => {
    for (const analyzed of history.revisions) historyOf.set(analyzed.revision.id, position);
  });
  const edited = new Set(
    (request.changeUnderReview?.changes ?? []).flatMap(
      (change) => change.kind === "edited" ? [revisionKey(change.file, change.revision)] : []
    )
  );
  const helperRevisions = new Map(
    (request.changeUnderReview?.changes ?? []).flatMap(
      (change) => change.kind === "helper" ? [[change.file, change.revisions.map((revision) => revision.revision)]] : []
    )
  );
  const add = (finding2, acceptedBecause) => {
    if (finding2.rule !== EDIT_RULE) return;
    const named = finding2.revision ?? helperRevisions.get(finding2.span.file)?.find((id) => historyOf.has(id));
    const target = byHistory[(named !== void 0 ? historyOf.get(named) : void 0) ?? 0];
    if (!target) return;
    target.edits.push({
      ...finding2.revision !== void 0 ? { revision: finding2.revision } : {},
      file: finding2.span.file,
      rule: EDIT_RULE,
      severity: finding2.severity,
      line: finding2.span.line,
      message: finding2.message,
      hint: finding2.hint,
      ...acceptedBecause !== void 0 ? { acceptedBecause } : {}
    });
    const key = finding2.revision === void 0 ? void 0 : revisionKey(finding2.span.file, finding2.revision);
    if (acceptedBecause === void 0 && key !== void 0 && edited.has(key)) target.blocked.add(key);
  };
  for (const finding2 of request.findings) add(finding2);
  for (const finding2 of request.suppressed)
    add(finding2, finding2.suppression.reason ?? "accepted without a written reason");
  return byHistory;
}
function displaySteps(graph, release, own) {
  const latest = /* @__PURE__ */ new Map();
  const steps = /* @__PURE__ */ new Map();
  for (const id of runOrder(graph).order) {
    const parents = [...graph.downs.get(id) ?? [], ...graph.depends.get(id) ?? []];
    const above = Math.max(0, ...parents.map((parent) => latest.get(parent) ?? 0));
    const ownStep = release.has(id) ? own.get(id) : void 0;
    const step = ownStep ?? Math.max(1, above);
    if (release.has(id)) steps.set(id, step);
    latest.set(id, release.has(id) ? Math.max(above, step) : above);
  }
  return steps;
}
function branchLabels(graph) {
  const labels = /* @__PURE__ */ new Map();
  for (const id of runOrder(graph).order) {
    const own = graph.revisions.get(id)?.revision.branchLabels[0];
    const downs = graph.downs.get(id) ?? [];
    const inherited = downs.length === 1 ? labels.get(downs[0]) : void 0;
    const label = own === void 0 ? inherited : hasUnresolvedPart(own) ? void 0 : own;
    if (label !== void 0) labels.set(id, label);
  }
  return labels;
}
function tipsOf(graph, order, members) {
  const children = childrenOf(graph, true);
  const leadsInto = /* @__PURE__ */ new Set();
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index];
    if ((children.get(id) ?? []).some((child) => members.has(child) || leadsInto.has(child))) leadsInto.add(id);
  }
  return order.filter((id) => members.has(id) && !leadsInto.has(id));
}
function planStep(kind, revisions, graph, order, format, labels) {
  if (format === "sql") return { kind, revisions, commands: [], files: revisions.map((revision) => revision.file) };
  const tips = tipsOf(graph, order, new Set(revisions.map((revision) => revision.id)));
  const commands = tips.map((tip) => {
    const label = labels.get(tip);
    return `alembic upgrade ${label !== void 0 ? `${label}@` : ""}${tip}`;
  });
  return { kind, revisions, commands, files: [] };
}
function planHistory(history, number, index, dialect, { edits, blocked }) {
  const reviewed = blocked.size === 0 ? history : withoutBlocked(history, blocked);
  const graph = graphOf(reviewed);
  const releaseIds = graph.ids.filter((id) => graph.revisions.get(id)?.underReview);
  const format = graph.revisions.get(graph.ids[0] ?? "")?.revision.format ?? "alembic";
  const base = {
    history: number,
    scope: history.scope,
    format,
    revisions: releaseIds.length,
    heads: history.heads,
    cycles: history.cycles.length,
    edited: edits
  };
  if (releaseIds.length === 0)
    return { ...base, outcome: "nothing-to-deploy", steps: [], conflicts: [], mixed: [] };
  const facts = new Map(releaseIds.map((id) => [id, factsOf(graph.revisions.get(id), index)]));
  const own = /* @__PURE__ */ new Map();
  for (const [id, fact] of facts) if (fact.ownStep !== void 0) own.set(id, fact.ownStep);
  const release = new Set(releaseIds);
  const labels = branchLabels(graph);
  if (own.size === 0) {
    const { order: order2 } = runOrder(graph);
    const revisions = order2.filter((id) => release.has(id)).map((id) => plannedRevision(facts.get(id), "any-time", dialect));
    const step = planStep("any-time", revisions, graph, order2, format, labels);
    return { ...base, outcome: "one-step", steps: [step], conflicts: [], mixed: [] };
  }
  const raw = findConflicts(graph, own);
  const fix = raw.length > 0 ? proposeReorder(graph, releaseIds, own, format, history.cycles.length) : void 0;
  const proposed = fix?.proposed ?? graph;
  const steps = displaySteps(proposed, release, own);
  const kindOf = (id) => stepKind(steps.get(id) ?? 1);
  const end = (id) => ({
    id,
    file: graph.revisions.get(id)?.revision.file ?? "",
    role: facts.get(id)?.role ?? "neutral",
    step: kindOf(id)
  });
  const { order } = runOrder(proposed);
  const planned = new Map(releaseIds.map((id) => [id, plannedRevision(facts.get(id), kindOf(id), dialect)]));
  const inStep = (kind) => order.filter((id) => release.has(id) && kindOf(id) === kind).map((id) => planned.get(id));
  const planSteps = [];
  for (const kind of ["before-deploy", "deploy", "after-deploy", "next-release"]) {
    const revisions = kind === "deploy" ? [] : inStep(kind);
    if (kind === "deploy") planSteps.push({ kind, revisions, commands: [], files: [] });
    else if (revisions.length > 0) planSteps.push(planStep(kind, revisions, proposed, order, format, labels));
  }
  const mixed = releaseIds.map((id) => facts.get(id)).filter((fact) => fact.role === "mixed").map((fact) => mixedRevision(fact, kindOf(fact.analyzed.revision.id)));
  return {
    ...base,
    outcome: "steps",
    steps: planSteps,
    conflicts: raw.map((conflict) => ({
      revision: end(conflict.id),
      before: conflict.before.slice(0, MAX_LISTED).map(end),
      total: conflict.before.length,
      throughDependsOn: conflict.throughDependsOn
    })),
    mixed,
    ...fix ? { reorder: fix.reorder } : {}
  };
}
function withoutBlocked(history, blocked) {
  const revisions = history.revisions.map(
    (analyzed) => analyzed.underReview && blocked.has(revisionKey(analyzed.revision.file, analyzed.revision.id)) ? { ...analyzed, underReview: false } : analyzed
  );
  return { ...history, revisions };
}
function planReleases(request) {
  const index = new FindingIndex(request.findings, request.suppressed);
  const edits = editsByHistory(request);
  return request.histories.map(
    (history, position) => planHistory(history, position + 1, index, request.dialect, edits[position])
  );
}
function standingEdits(plans) {
  return plans.flatMap((plan2) => plan2.edited.filter((edit) => edit.acceptedBecause === void 0));
}
function mixedFindings(plans) {
  return plans.flatMap(
    (plan2) => plan2.mixed.flatMap((mixed) => mixed.findings.filter((finding2) => finding2.acceptedBecause === void 0))
  );
}

// src/cli/plan.ts
function requireRelease(settings) {
  if (settings.since === void 0 && settings.releaseAfter === void 0)
    throw new InputError(
      "plan needs the release under review: give --since REF or --release-after REV (or release-after in the config)"
    );
}
async function patchTexts(plans, sources, cwd) {
  const texts = /* @__PURE__ */ new Map();
  const withEdits = plans.filter((plan2) => plan2.format === "alembic" && (plan2.reorder?.edits.length ?? 0) > 0);
  if (withEdits.length === 0) return texts;
  const [{ loadPythonParser }, { rewriteDownRevision }, { unifiedDiff }] = await Promise.all([
    import("./python-parser-ZTOPZA2M.js"),
    import("./down-revision-text-2XQEUDLY.js"),
    import("./unified-diff-OJDATIGO.js")
  ]);
  const parser = await loadPythonParser();
  try {
    for (const plan2 of withEdits) {
      const text = { edits: [], patch: "", problems: [] };
      const diffs = [];
      for (const edit of plan2.reorder?.edits ?? []) {
        const before = sources.get(edit.file);
        const rewritten = before === void 0 ? { problem: "not read" } : rewriteDownRevision(parser, before, edit.to);
        if ("problem" in rewritten) {
          text.problems.push(`${edit.file}: ${rewritten.problem}`);
          continue;
        }
        text.edits.push({
          path: resolve4(cwd, edit.file),
          file: edit.file,
          before: before ?? "",
          after: rewritten.text
        });
        diffs.push(unifiedDiff(edit.file, before ?? "", rewritten.text));
      }
      texts.set(plan2.history, { ...text, patch: diffs.join("") });
    }
  } finally {
    parser.delete();
  }
  return texts;
}
function reported(plan2, text) {
  if (!plan2.reorder || !text) return plan2;
  return {
    ...plan2,
    reorder: { ...plan2.reorder, blockers: [...plan2.reorder.blockers, ...text.problems] },
    ...text.patch !== "" ? { patch: text.patch } : {}
  };
}
function writeOutput(path, text) {
  try {
    writeFileSync2(path, text);
  } catch (error) {
    throw new InputError(`${path}: cannot write the plan (${error.code ?? "error"})`);
  }
}
async function applyFixes(plans, texts, options, environment) {
  const conflicted = plans.filter((plan2) => plan2.conflicts.length > 0);
  if (conflicted.length === 0) {
    environment.stderr("migragate: --write: no order conflict, nothing to write\n");
    return [];
  }
  const ready = conflicted.filter((plan2) => plan2.patch !== void 0 && plan2.reorder?.blockers.length === 0);
  for (const plan2 of conflicted.filter((candidate) => !ready.includes(candidate))) {
    const why = plan2.reorder?.blockers.join("; ") || "no down_revision edit resolves it";
    environment.stderr(`migragate: --write: history ${plan2.history} not rewritten: ${why}
`);
  }
  const edits = ready.flatMap((plan2) => texts.get(plan2.history)?.edits ?? []);
  if (edits.length === 0) return [];
  const files = edits.map((edit) => edit.file);
  if (!options.yes) {
    for (const plan2 of ready) environment.stderr(plan2.patch ?? "");
    environment.stderr(`${REORDER_WARNING}
`);
    const question = `Rewrite down_revision in ${files.length} file(s): ${files.join(", ")}? [y/N] `;
    if (!await environment.confirm?.(question)) {
      environment.stderr("migragate: --write: nothing written\n");
      return [];
    }
  }
  const { applyFileEdits } = await import("./file-edits-7NVWUPI6.js");
  applyFileEdits(edits);
  environment.stderr(`migragate: rewrote down_revision in ${files.length} file(s): ${files.join(", ")}
`);
  return files;
}
async function planProject(options, environment, rewritten) {
  const analysis = await analyzeProject(
    options,
    environment,
    () => /* @__PURE__ */ new Set([...PLAN_RULES, EDIT_RULE]),
    requireRelease
  );
  const { settings, result } = analysis;
  const plans = planReleases({
    histories: result.histories,
    findings: result.findings,
    suppressed: result.suppressed,
    dialect: analysis.dialect,
    ...analysis.changeUnderReview ? { changeUnderReview: analysis.changeUnderReview } : {}
  });
  const texts = await patchTexts(plans, analysis.sources, environment.cwd);
  const reportedPlans = plans.map((plan2) => reported(plan2, texts.get(plan2.history)));
  const failing = mixedFindings(plans).filter(
    (finding2) => MIXED_RULES.includes(finding2.rule) && settings.rules.has(finding2.rule) && failsGate(finding2.severity, settings.failOn)
  );
  const edits = standingEdits(plans).filter(
    (edit) => settings.rules.has(EDIT_RULE) && failsGate(edit.severity, settings.failOn)
  );
  const conflicts = plans.reduce((total, plan2) => total + plan2.conflicts.length, 0);
  const ruleDocs = ruleDocsTemplate(environment.repositoryUrl, settings.docsUrl);
  const input = {
    tool: { name: "migragate", version: environment.version },
    ...ruleDocs !== void 0 ? { ruleDocs } : {},
    dialect: analysis.dialect,
    lockModel: analysis.dialect === "postgresql",
    release: {
      ...settings.since !== void 0 ? { since: settings.since } : {},
      ...settings.releaseAfter !== void 0 ? { releaseAfter: settings.releaseAfter } : {},
      ...settings.startAfter !== void 0 ? { startAfter: settings.startAfter } : {}
    },
    ...rewritten !== void 0 ? { rewritten } : {},
    plans: reportedPlans,
    skipped: analysis.skipped,
    failOn: settings.failOn,
    passed: analysis.failed.length === 0 && conflicts === 0 && failing.length === 0 && edits.length === 0
  };
  return {
    input,
    plans: reportedPlans,
    texts,
    failed: analysis.failed.map((file) => file.file),
    exitCode: conflicts > 0 || failing.length > 0 || edits.length > 0 ? 1 : 0
  };
}
async function deliver(planned, options, environment) {
  const width = options.output === void 0 ? environment.width : void 0;
  const rendered = (await planRendererFor(options.format, width)).render(planned.input);
  if (options.output !== void 0) writeOutput(options.output, rendered);
  else environment.stdout(rendered);
  if (environment.stepSummary) {
    const summary = options.format === "markdown" ? rendered : (await planRendererFor("markdown")).render(planned.input);
    try {
      appendFileSync2(environment.stepSummary, summary);
    } catch (error) {
      const code = error.code ?? "error";
      environment.stderr(`migragate: ${environment.stepSummary}: cannot append the step summary (${code})
`);
    }
  }
}
async function runPlan(options, environment) {
  if (options.write && !options.yes && !environment.confirm)
    throw new InputError(
      "--write asks before it edits revision files, and there is no terminal to ask on: add --yes to apply the fix without asking"
    );
  const first = await planProject(options, environment);
  let planned = first;
  if (options.write && first.failed.length === 0) {
    const written = await applyFixes(first.plans, first.texts, options, environment);
    if (written.length > 0) planned = await planProject(options, environment, written);
  }
  await deliver(planned, options, environment);
  if (planned.failed.length > 0) {
    const names = planned.failed.join(", ");
    environment.stderr(`migragate: ${planned.failed.length} file(s) could not be analysed (see the plan): ${names}
`);
    return 2;
  }
  return planned.exitCode;
}

// src/cli/terminal.ts
function reportWidth(env, stdout) {
  const columns = /^\s*\d+\s*$/.test(env.COLUMNS ?? "") ? Number(env.COLUMNS) : 0;
  const width = columns > 0 ? columns : stdout.isTTY === true ? stdout.columns ?? 0 : 0;
  return width > 0 ? width : void 0;
}
function terminalConfirm() {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return void 0;
  return async (question) => {
    const { createInterface } = await import("node:readline/promises");
    const terminal = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^\s*y(?:es)?\s*$/i.test(await terminal.question(question));
    } finally {
      terminal.close();
    }
  };
}

// src/cli/main.ts
function cacheOption(folder, paths) {
  if (folder === void 0) return {};
  const project = [process.cwd(), ...paths].join("\0");
  return { cache: () => ExtractionCache.open(folder, project, "0.1.0-183b09d1ef09") };
}
var EXIT_USAGE = 2;
function postgresMajor(value) {
  const major = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(major >= MIN_POSTGRES_VERSION && major <= MAX_POSTGRES_VERSION)) {
    throw new InputError(
      `--postgres-version: expected a major version from ${MIN_POSTGRES_VERSION} to ${MAX_POSTGRES_VERSION}, got "${value}"`
    );
  }
  return major;
}
function list(values) {
  return (values ?? []).flatMap((value) => String(value).split(",")).map((value) => value.trim()).filter((value) => value !== "");
}
function useColor(stream) {
  const { NO_COLOR: noColor, FORCE_COLOR: forceColor } = process.env;
  if (noColor !== void 0 && noColor !== "") return false;
  if (forceColor !== void 0 && forceColor !== "") return forceColor !== "0" && forceColor !== "false";
  return stream.isTTY === true;
}
function threadOptions(startup) {
  const threads = Number.parseInt(process.env.MIGRAGATE_THREADS ?? "", 10);
  return {
    ...startup.layout.workerScript ? { workerScript: startup.layout.workerScript } : {},
    ...startup.prestarted ? { prestarted: startup.prestarted } : {},
    ...Number.isInteger(threads) && threads > 0 ? { threads } : {}
  };
}
function ruleDoc(rule, docsFolder) {
  const path = join(docsFolder, "rules", `${rule}.md`);
  return existsSync(path) ? readFileSync(path, "utf8") : void 0;
}
function listRules() {
  const metas = ALL_ANALYZERS.map((analyzer) => analyzer.meta);
  const width = Math.max(...metas.map((meta) => meta.name.length));
  const groupWidth = Math.max(...RULE_GROUPS.map((group) => group.name.length));
  const lines = RULE_GROUPS.flatMap(
    (group) => metas.filter((meta) => meta.group === group.name).map(
      (meta) => `${meta.name.padEnd(width)}  ${meta.group.padEnd(groupWidth)}  ${meta.defaultSeverity.padEnd(7)}  ${meta.enabledByDefault === false ? "off" : "on "}  ${meta.summary}`
    )
  );
  const groups = RULE_GROUPS.map((group) => `  ${group.name.padEnd(groupWidth)}  ${group.summary}`);
  return `${lines.join("\n")}

groups (select, extend-select and ignore take rule names, group names and ALL):
${groups.join("\n")}
`;
}
function explain(rule, docsFolder) {
  if (rule === void 0 || rule.trim() === "")
    throw new InputError("explain needs a rule name: migragate explain <rule> (see `migragate rules`)");
  const names = ALL_ANALYZERS.map((candidate) => candidate.meta.name);
  const analyzer = ALL_ANALYZERS.find((candidate) => candidate.meta.name === rule);
  if (!analyzer) {
    const suggestion = closestName(rule, names);
    throw new InputError(
      `unknown rule "${rule}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""} (see \`migragate rules\`)`
    );
  }
  const { meta } = analyzer;
  const doc = ruleDoc(rule, docsFolder);
  if (doc) return doc.endsWith("\n") ? doc : `${doc}
`;
  return `${meta.name} (${meta.defaultSeverity})

${meta.summary}

Why: ${meta.rationale}

Instead: ${meta.safeAlternative}
`;
}
function alembicVersionFlag(value) {
  if (ALEMBIC_VERSION.test(value.trim())) return value.trim();
  throw new InputError(`--alembic-version: expected a version such as 1.13.1, got "${value}"`);
}
function selectors(flag, values) {
  const names = list(values);
  if (values !== void 0 && names.length === 0)
    throw new InputError(`${flag} needs rule or group names, comma-separated (see \`migragate rules\`)`);
  return names;
}
function dialectFlag(value) {
  const dialect = dialectNamed(value);
  if (!dialect) throw new InputError(`--dialect: expected ${DIALECT_CHOICES}, got "${value}"`);
  return dialect;
}
function nonEmpty(flag, value) {
  if (value.trim() === "") throw new InputError(`${flag} needs a value`);
  return value.trim();
}
function revisionList(values) {
  const ids = list(values);
  if (ids.length === 0) throw new InputError("--start-after needs a value");
  return ids;
}
function configFlag(values) {
  if (values.length > 1) {
    if (values.every((value2) => value2 === false)) return false;
    if (values.includes(false)) throw new InputError("--config and --no-config: give one");
    throw new InputError("--config: give one config file");
  }
  const value = values[0];
  if (value === false) return false;
  if (typeof value !== "string" || value.trim() === "") throw new InputError("--config needs a file path");
  if (!existsSync(value)) throw new InputError(`--config: ${value} does not exist`);
  if (statSync(value).isDirectory()) throw new InputError(`--config: ${value} is a folder, not a config file`);
  return value;
}
function projectFlags(parsed) {
  const failOn = lastString(parsed, "fail-on");
  const dialect = lastString(parsed, "dialect");
  const alembicVersion = lastString(parsed, "alembic-version");
  const postgresVersion = lastString(parsed, "postgres-version");
  const assumeInTransaction = lastBoolean(parsed, "assume-in-transaction");
  const since = lastString(parsed, "since");
  const releaseAfter = lastString(parsed, "release-after");
  const startAfter = allStrings(parsed, "start-after");
  const config = parsed.given.get("config");
  return {
    ...failOn ? { failOn } : {},
    ...dialect !== void 0 ? { dialect: dialectFlag(dialect) } : {},
    ...alembicVersion !== void 0 ? { alembicVersion: alembicVersionFlag(alembicVersion) } : {},
    ...postgresVersion !== void 0 ? { postgresVersion: postgresMajor(postgresVersion) } : {},
    ...assumeInTransaction !== void 0 ? { assumeInTransaction } : {},
    ...since !== void 0 ? { since: nonEmpty("--since", since) } : {},
    ...releaseAfter !== void 0 ? { releaseAfter: nonEmpty("--release-after", releaseAfter) } : {},
    ...startAfter !== void 0 ? { startAfter: revisionList(startAfter) } : {},
    ...config !== void 0 ? { config: configFlag(config) } : {}
  };
}
function cacheFlags(parsed, paths) {
  if (lastBoolean(parsed, "cache") === false) return {};
  const folder = lastString(parsed, "cache-dir");
  if (folder !== void 0 && folder.trim() === "") throw new InputError("--cache-dir needs a folder");
  return cacheOption(folder ?? defaultCacheDir(process.env), paths);
}
function outputs(parsed) {
  const files = allStrings(parsed, "output") ?? [];
  if (files.some((file) => file.trim() === "")) throw new InputError("--output needs a file path");
  return files;
}
function oneLine(message) {
  return message.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (character) => JSON.stringify(character).slice(1, -1));
}
async function check(parsed, startup, write) {
  const paths = [...parsed.positionals];
  const failOnOpaque = lastBoolean(parsed, "fail-on-opaque");
  return runCheck(
    {
      paths,
      reports: pairReports(allStrings(parsed, "format") ?? [], outputs(parsed)),
      select: selectors("--select", allStrings(parsed, "select")),
      extendSelect: selectors("--extend-select", allStrings(parsed, "extend-select")),
      ignore: selectors("--ignore", allStrings(parsed, "ignore")),
      ...projectFlags(parsed),
      ...failOnOpaque !== void 0 ? { failOnOpaque } : {}
    },
    {
      cwd: process.cwd(),
      analyzers: ALL_ANALYZERS,
      version: "0.1.0",
      color: useColor(process.stdout),
      width: reportWidth(process.env, process.stdout),
      githubActions: process.env.GITHUB_ACTIONS === "true",
      ...process.env.GITHUB_STEP_SUMMARY ? { stepSummary: process.env.GITHUB_STEP_SUMMARY } : {},
      ..."" ? { repositoryUrl: "" } : {},
      stdout: write,
      stderr: (text) => process.stderr.write(text),
      ...threadOptions(startup),
      ...cacheFlags(parsed, paths)
    }
  );
}
async function plan(parsed, startup, write) {
  if ((parsed.given.get("format")?.length ?? 0) > 1 || (parsed.given.get("output")?.length ?? 0) > 1)
    throw new InputError("plan writes one plan: give --format and --output at most once");
  const paths = [...parsed.positionals];
  const output = outputs(parsed)[0];
  const confirm = terminalConfirm();
  const width = reportWidth(process.env, process.stdout);
  return runPlan(
    {
      paths,
      select: [],
      ignore: [],
      format: lastString(parsed, "format") ?? "text",
      ...output !== void 0 ? { output } : {},
      ...projectFlags(parsed),
      write: lastBoolean(parsed, "write") ?? false,
      yes: lastBoolean(parsed, "yes") ?? false
    },
    {
      cwd: process.cwd(),
      analyzers: ALL_ANALYZERS,
      version: "0.1.0",
      stdout: write,
      stderr: (text) => process.stderr.write(text),
      ...width !== void 0 ? { width } : {},
      ...process.env.GITHUB_STEP_SUMMARY ? { stepSummary: process.env.GITHUB_STEP_SUMMARY } : {},
      ...confirm ? { confirm } : {},
      ..."" ? { repositoryUrl: "" } : {},
      ...threadOptions(startup),
      ...cacheFlags(parsed, paths)
    }
  );
}
async function init(parsed, write) {
  const { runInit } = await import("./init-GOYF4VEF.js");
  const path = parsed.positionals[0];
  return runInit(
    { ...path !== void 0 ? { path } : {}, force: lastBoolean(parsed, "force") ?? false },
    {
      cwd: process.cwd(),
      version: "0.1.0",
      stdout: write,
      ..."" ? { repositoryUrl: "" } : {}
    }
  );
}
async function runCommand(parsed, startup, write) {
  switch (parsed.command.name) {
    case "check":
      return check(parsed, startup, write);
    case "plan":
      return plan(parsed, startup, write);
    case "init":
      return init(parsed, write);
    case "rules":
      write(listRules());
      return 0;
    case "explain":
      write(
        reflowMarkdown(
          explain(parsed.positionals[0], startup.layout.docsFolder),
          reportWidth(process.env, process.stdout)
        )
      );
      return 0;
    default:
      throw new Error(`no handler for command ${parsed.command.name}`);
  }
}
async function main(argv, startup = { layout: installLayout(import.meta.url) }) {
  const write = (text) => process.stdout.write(text);
  try {
    const line = parseCommandLine(argv, COMMAND_SPECS);
    if (line.kind === "help") {
      write(helpText(COMMAND_SPECS, line.command));
      return 0;
    }
    if (line.kind === "version") {
      write(`${"0.1.0"}
`);
      return 0;
    }
    return await runCommand(line.parsed, startup, write);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`migragate: ${oneLine(error.message)}
`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`migragate: internal error: ${oneLine(message)}
`);
    return EXIT_USAGE;
  }
}
export {
  main
};
