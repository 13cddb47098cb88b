import {
  type AnalyzedRevision,
  type ClassifiedOperation,
  type Dialect,
  type FindingDraft,
  pushTo,
  tableKey,
  withinConditions,
} from "../src/domain/index.js";
import { compareVersions, dialectHasGuard, py, q, schemaKw } from "./support.js";

/** An Alembic directive that could pass `if_exists=` / `if_not_exists=` and does not. */
export interface MissingGuard {
  /** What is created or dropped, for the message. */
  readonly subject: string;
  readonly keyword: "if_not_exists" | "if_exists";
  /** First Alembic version whose directive accepts the keyword. */
  readonly since: string;
  /** The call with the keyword in place. */
  readonly fixed: string;
  /** The inspector check that guards the call on any Alembic version. */
  readonly inspectorGuard: string;
}

const INSPECTOR = "sa.inspect(op.get_bind())";

/** The keyword the op lacks, when it is an Alembic directive that accepts one and the dialect can render it. */
export function missingGuard(op: ClassifiedOperation): MissingGuard | undefined {
  if (op.origin !== "op") return undefined;
  const table = op.table === undefined ? "" : py(op.table);
  const schema = schemaKw(op);
  switch (op.kind) {
    case "create-table":
      return op.ifNotExists
        ? undefined
        : {
            subject: `table ${q(op.table)}`,
            keyword: "if_not_exists",
            since: "1.13.3",
            fixed: `op.create_table(${table}, ...${schema}, if_not_exists=True)`,
            inspectorGuard: `if not ${INSPECTOR}.has_table(${table}):`,
          };
    case "drop-table":
      return op.ifExists
        ? undefined
        : {
            subject: `table ${q(op.table)}`,
            keyword: "if_exists",
            since: "1.13.3",
            fixed: `op.drop_table(${table}${schema}, if_exists=True)`,
            inspectorGuard: `if ${INSPECTOR}.has_table(${table}):`,
          };
    case "create-index": {
      if (op.ifNotExists) return undefined;
      const name = op.name === undefined ? "..." : py(op.name);
      return {
        subject:
          op.name === undefined ? `an index on table ${q(op.table)}` : `index ${q(op.name)} on table ${q(op.table)}`,
        keyword: "if_not_exists",
        since: "1.12",
        fixed: `op.create_index(${name}, ${table}, [...]${schema}, if_not_exists=True)`,
        inspectorGuard: `if ${name} not in {index["name"] for index in ${INSPECTOR}.get_indexes(${table})}:`,
      };
    }
    case "drop-index": {
      if (op.ifExists) return undefined;
      const on = op.table === undefined || op.table === "?" ? "..." : table;
      return {
        subject: `index ${q(op.name)}`,
        keyword: "if_exists",
        since: "1.12",
        fixed: `op.drop_index(${py(op.name)}${op.table === undefined ? "" : `, table_name=${table}`}${schema}, if_exists=True)`,
        inspectorGuard: `if ${py(op.name)} in {index["name"] for index in ${INSPECTOR}.get_indexes(${on})}:`,
      };
    }
    case "add-column":
      return op.ifNotExists
        ? undefined
        : {
            subject: `column ${q(op.column.name)} of table ${q(op.table)}`,
            keyword: "if_not_exists",
            since: "1.16",
            fixed: `op.add_column(${table}, sa.Column(${py(op.column.name)}, ...)${schema}, if_not_exists=True)`,
            inspectorGuard: `if ${py(op.column.name)} not in {column["name"] for column in ${INSPECTOR}.get_columns(${table})}:`,
          };
    case "drop-column":
      return op.ifExists
        ? undefined
        : {
            subject: `column ${q(op.column)} of table ${q(op.table)}`,
            keyword: "if_exists",
            since: "1.16",
            fixed: `op.drop_column(${table}, ${py(op.column)}${schema}, if_exists=True)`,
            inspectorGuard: `if ${py(op.column)} in {column["name"] for column in ${INSPECTOR}.get_columns(${table})}:`,
          };
    case "drop-constraint":
      return op.ifExists
        ? undefined
        : {
            subject: `constraint ${q(op.name)} of table ${q(op.table)}`,
            keyword: "if_exists",
            since: "1.16",
            fixed: `op.drop_constraint(${py(op.name)}, ${table}${schema}, if_exists=True)`,
            inspectorGuard:
              "check the inspector's get_foreign_keys / get_unique_constraints / get_check_constraints first",
          };
    default:
      return undefined;
  }
}

/**
 * The fix for a missing guard: the keyword, only when the project's Alembic version is known to accept it and the
 * dialect renders it; otherwise the inspector check, which works on every version and dialect.
 */
export function guardHint(op: ClassifiedOperation, missing: MissingGuard, alembicVersion: string | undefined): string {
  const keywordWorks =
    alembicVersion !== undefined &&
    compareVersions(alembicVersion, missing.since) >= 0 &&
    dialectHasGuard(op.dialect, op.kind);
  if (keywordWorks) return `Write ${missing.fixed}.`;
  const why =
    alembicVersion === undefined
      ? `${missing.keyword}= needs Alembic >= ${missing.since} (set alembic-version to get it suggested)`
      : compareVersions(alembicVersion, missing.since) < 0
        ? `Alembic ${alembicVersion} has no ${missing.keyword}= here (it needs >= ${missing.since})`
        : `${op.dialect} has no IF [NOT] EXISTS for it`;
  return `Guard the call with the inspector: ${missing.inspectorGuard} (${why}).`;
}

/** Where the object of a missing guard stands when a rerun trips on it: `already exists` / `is already gone`. */
export function rerunState(missing: MissingGuard): string {
  return missing.keyword === "if_exists" ? "is already gone" : "already exists";
}

/** The finding for an op without its guard; `consequence` says when it fails. */
export function missingGuardFinding(
  op: ClassifiedOperation,
  rev: AnalyzedRevision,
  missing: MissingGuard,
  alembicVersion: string | undefined,
  consequence: string,
): FindingDraft {
  return {
    span: op.span,
    revision: rev.revision.id,
    message:
      `${missing.fixed.slice(0, missing.fixed.indexOf("("))} of ${missing.subject} has no ${missing.keyword}=True: ` +
      consequence,
    hint: guardHint(op, missing, alembicVersion),
  };
}

/**
 * Why an operation stays applied when a later statement of its revision fails, leaving the revision half applied
 * and unrecorded: it commits on its own. Undefined when it runs in a transaction that rolls back with the rest.
 */
export function commitsOnItsOwn(op: ClassifiedOperation): string | undefined {
  if (op.transaction !== undefined && !op.transaction.inTransaction)
    return `it commits on its own (${op.transaction.reason})`;
  if (op.dialect === "mysql") return "MySQL commits every DDL statement on its own";
  if ((op.kind === "create-index" || op.kind === "drop-index") && op.concurrently)
    return "CONCURRENTLY commits on its own";
  return undefined;
}

/**
 * Each upgrade operation of the revision with whether a later operation of the same revision can still fail on the
 * same database: one under no database test, or in a branch for that database (a statement in a branch for another
 * database never runs after it).
 */
export function withFollowers(rev: AnalyzedRevision): { op: ClassifiedOperation; followed: boolean }[] {
  const operations = rev.operations;
  const lastInBranch = new Map<Dialect, number>();
  let lastAnywhere = -1;
  operations.forEach((op, index) => {
    if (op.kind === "set-config" || op.kind === "comment") return;
    if (op.inDialectBranch) lastInBranch.set(op.dialect, index);
    else lastAnywhere = index;
  });
  return operations.map((op, index) => ({
    op,
    followed: index < Math.max(lastAnywhere, lastInBranch.get(op.dialect) ?? -1),
  }));
}

/** One `RerunGuards` for every rule of a run (a shared scan: `input.shared(rerunGuards)`): its memory is per revision. */
export function rerunGuards(): RerunGuards {
  return new RerunGuards();
}

/**
 * Whether a rerun can reach an operation where it would trip, for one run of a rule (it remembers per revision the
 * tables created without a guard and each operation's position, so lookups stay linear in the revision).
 */
export class RerunGuards {
  private readonly unguardedCreates = new Map<AnalyzedRevision, Map<string, number>>();
  private readonly positions = new Map<AnalyzedRevision, Map<ClassifiedOperation, number>>();
  private readonly drops = new Map<AnalyzedRevision, Map<string, ClassifiedOperation[]>>();

  /**
   * A rerun cannot reach this operation where it would trip: an existence check guards it, a try/except around it
   * swallows the failure, it creates what the same revision dropped just before (a rerun drops what the failed run
   * left, or stops at that drop), or it works on a table the same revision created earlier without a guard (a rerun
   * stops at that CREATE TABLE first, so a guard here changes nothing).
   */
  cannotTrip(op: ClassifiedOperation, rev: AnalyzedRevision): boolean {
    if (op.context.existenceGuard || op.context.inTry) return true;
    if (this.droppedBefore(op, rev)) return true;
    if (op.kind === "create-table" || op.table === undefined) return false;
    const create = this.createsUnguarded(rev).get(tableKey(op.table));
    return create !== undefined && create < this.positionOf(rev, op);
  }

  /** A create of an object an earlier drop of the revision removes, on every path that reaches the create. */
  private droppedBefore(op: ClassifiedOperation, rev: AnalyzedRevision): boolean {
    const drops = this.dropsOf(rev);
    if (drops.size === 0) return false;
    const key = createdObject(op);
    if (key === undefined) return false;
    const position = this.positionOf(rev, op);
    return (drops.get(key) ?? []).some(
      (drop) =>
        this.positionOf(rev, drop) < position && withinConditions(drop.context.conditions, op.context.conditions),
    );
  }

  private dropsOf(rev: AnalyzedRevision): Map<string, ClassifiedOperation[]> {
    let drops = this.drops.get(rev);
    if (!drops) {
      const found = new Map<string, ClassifiedOperation[]>();
      for (const op of rev.operations) {
        const key = droppedObject(op);
        if (key !== undefined) pushTo(found, key, op);
      }
      drops = found;
      this.drops.set(rev, drops);
    }
    return drops;
  }

  private createsUnguarded(rev: AnalyzedRevision): Map<string, number> {
    let creates = this.unguardedCreates.get(rev);
    if (!creates) {
      const found = new Map<string, number>();
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

  private positionOf(rev: AnalyzedRevision, op: ClassifiedOperation): number {
    let index = this.positions.get(rev);
    if (!index) {
      index = new Map(rev.operations.map((candidate, position) => [candidate, position]));
      this.positions.set(rev, index);
    }
    return index.get(op) ?? -1;
  }
}

/** The table, index or column a create makes, as a key shared with the drop that removes it. */
function createdObject(op: ClassifiedOperation): string | undefined {
  if (op.kind === "create-table") return `table ${within(op)}${tableKey(op.table)}`;
  if (op.kind === "create-index") return op.name === undefined ? undefined : `index ${within(op)}${tableKey(op.name)}`;
  if (op.kind === "add-column") return `column ${within(op)}${tableKey(op.table)}.${tableKey(op.column.name)}`;
  return undefined;
}

function droppedObject(op: ClassifiedOperation): string | undefined {
  if (op.kind === "drop-table") return `table ${within(op)}${tableKey(op.table)}`;
  if (op.kind === "drop-index") return `index ${within(op)}${tableKey(op.name)}`;
  if (op.kind === "drop-column") return `column ${within(op)}${tableKey(op.table)}.${tableKey(op.column)}`;
  return undefined;
}

function within(op: ClassifiedOperation): string {
  return op.schema === undefined ? "" : `${tableKey(op.schema)}.`;
}
