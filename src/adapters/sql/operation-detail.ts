import type {
  Dialect,
  ExtractionProblem,
  ObjectType,
  Operation,
  OperationContext,
  SourceSpan,
} from "../../domain/index.js";
import { type PreparedSql, restorePlaceholders } from "./prepared-sql.js";
import type { SqlSource } from "./sql-source.js";
import { compact, restore, statementSpan, unparsedMessage } from "./statement-text.js";

/** Where a statement stands and how its names read back: what every operation of it shares. */
export interface StatementSite {
  readonly span: SourceSpan;
  readonly context: OperationContext;
  /** Short source text of the statement. */
  readonly text: string;
  /** The whole statement as written. */
  readonly sql: string;
  /**
   * Maps a name from the prepared SQL back to what the user wrote: a placeholder, whole (`{table}`) or part of the
   * name (`{prefix}_fkey`), is the unresolved expression again, never the identifier that stood in for it.
   */
  readonly name: (value: string) => string;
  /** Maps SQL text rendered from the parse tree (a default, a USING expression) back to what the user wrote. */
  readonly expression: (text: string) => string;
  /** The dialect whose parser reads the statement. */
  readonly dialect: Dialect;
}

/** The site of prepared characters `start`..`end` of `source`, in `context` (the source's unless given). */
export function statementSite(
  source: SqlSource,
  prepared: PreparedSql,
  range: { readonly start: number; readonly end: number },
  dialect: Dialect,
  context: OperationContext = source.context,
): StatementSite {
  const sql = restore(prepared, range.start, range.end, source.text).trim();
  return {
    span: statementSpan(source, prepared, range.start, range.end),
    context,
    text: compact(sql),
    sql,
    name: (value) => restorePlaceholders(prepared, value),
    expression: (text) => restorePlaceholders(prepared, text),
    dialect,
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An operation without what its statement gives it: readers of one statement produce these. */
export type OperationDetail = DistributiveOmit<Operation, "origin" | "span" | "context" | "text" | "dialect" | "sql">;

export function atSite(site: StatementSite, detail: OperationDetail, withSql = true): Operation {
  return {
    origin: "sql",
    span: site.span,
    context: site.context,
    text: site.text,
    ...(withSql ? { sql: site.sql } : {}),
    dialect: site.dialect,
    ...detail,
  };
}

/**
 * Characters of its statement the operations of one statement carry between them. An ALTER TABLE of thousands of
 * clauses is thousands of operations: each holding the whole statement, the report and the memory grew with the
 * square of its length (10,000 DROP COLUMN clauses, 200 kB: a 2 GB report). Past this, the statement's further
 * operations carry no `sql`, and what reads it falls back to `text`, as for an op.* call.
 */
const MAX_STATEMENT_CHARS_CARRIED = 1_000_000;

/** The operations of one statement, the first always with the statement's text, the rest within the budget. */
export function atSiteAll(site: StatementSite, details: readonly OperationDetail[]): Operation[] {
  let carried = 0;
  return details.map((detail, index) => {
    carried += site.sql.length;
    return atSite(site, detail, index === 0 || carried <= MAX_STATEMENT_CHARS_CARRIED);
  });
}

/** `{ schema }` when the target names one, else nothing to spread. */
export function schemaOf(target: { readonly schema?: string | undefined }): { schema?: string } {
  return target.schema ? { schema: target.schema } : {};
}

export function createObject(
  objectType: ObjectType,
  name: string,
  ifNotExists: boolean,
  orReplace: boolean,
): OperationDetail {
  return { kind: "create-object", objectType, name, ifNotExists, orReplace };
}

/** A statement no parser read: an unparsed-sql problem, and an opaque operation in its place. */
export function unparsedStatement(
  site: StatementSite,
  error: string,
): { readonly problem: ExtractionProblem; readonly operation: Operation } {
  return {
    // The parser names the prepared text: a stand-in it stopped at is shown as the expression it stands for.
    problem: { rule: "unparsed-sql", message: unparsedMessage(site.expression(error), site.text), span: site.span },
    operation: atSite(site, { kind: "opaque", reason: "SQL that could not be parsed", sqlNotRead: true }),
  };
}
