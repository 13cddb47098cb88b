import type { Finding, FindingDraft, Severity } from "./finding.js";
import type { LockFacts, LockMode } from "./locks.js";
import type { Operation, OperationKind } from "./operation.js";
import type { Phase } from "./phase.js";
import type { Directive, EnvFile, Revision } from "./revision.js";
import type { ChangeUnderReview } from "./revision-change.js";
import type { RuleGroup } from "./rule-groups.js";
import type { SourceSpan } from "./source.js";

export type Dialect = "postgresql" | "mysql" | "sqlite" | "other";

/**
 * The dialect code is read in where nothing in it names one. `forced` (by `--dialect` or the config's `dialect`) also
 * overrules a `versions/<dialect>/` folder; a dialect decided from the project (a URL, a driver, the default) does not.
 */
export interface ReadingDialect {
  readonly dialect: Dialect;
  readonly forced: boolean;
}

/**
 * An upgrade operation with its phase, the SQL dialect it runs on (see `dialectOf`) and, on PostgreSQL, the lock it
 * takes (undefined on other dialects).
 */
export type ClassifiedOperation = Operation & {
  readonly phase: Phase;
  readonly dialect: Dialect;
  readonly lock?: LockFacts;
  /** Where the operation runs relative to database transactions (set by the analysis; see docs/transactions.md). */
  readonly transaction?: TransactionPlacement;
  /**
   * A further part of the directive before it (one `alter_column(...)` read as several operations on one column):
   * it shares that directive's phase, and rules that count changes count the directive once.
   */
  readonly continuesDirective?: true;
  /** A later operation of the same revision does its work (an index dropped before its table or column is). */
  readonly subsumed?: true;
  /**
   * A condition of the revision picks or rules out its database (`if bind.dialect.name == "mysql":`, or the `else` of
   * one): it runs only there. Without it, the operation runs on whichever database runs the revision.
   */
  readonly inDialectBranch?: true;
  /**
   * An earlier statement of the same transaction already holds this lock (or a stronger one) on the same table: the
   * lock it holds, and the line of the statement that took it.
   */
  readonly lockAlreadyHeld?: { readonly mode: LockMode; readonly line: number };
  /**
   * The name its table had before an earlier rename of the same revision gave it the one it works on (`rename_table("a",
   * "b")`, then an operation on "b"), on the same path: the release still running knows the table only by this name.
   */
  readonly tableRenamedFrom?: string;
  /** The phase is assumed, not known: a type change whose previous or new type migragate cannot read. */
  readonly phaseAssumed?: true;
  /**
   * Why a contract breaks code that is still running (see `contractReason`): the operation's own reason, or, for a
   * part that is a contract because its directive is, the reason of the part that makes it one.
   */
  readonly contractReason?: string;
};

/**
 * Where an upgrade operation runs relative to the database transactions Alembic opens, as env.py configures it.
 * Outside `autocommit_block()` an operation always runs inside a transaction block: with transactional DDL off
 * Alembic (1.5+) still opens one per revision, and the PostgreSQL drivers open one in any case.
 */
export interface TransactionPlacement {
  /** Inside a transaction block (not in `autocommit_block()`). */
  readonly inTransaction: boolean;
  /** Operations with the same key run in the same transaction; undefined outside one. Unique within a history. */
  readonly key?: string;
  /**
   * What one transaction spans: one revision (up to an `autocommit_block()`), or every revision that one
   * `alembic upgrade` applies (transactional DDL on and `transaction_per_migration` off). Unknown settings count as
   * "revision", the narrower claim.
   */
  readonly scope: "revision" | "run";
  /** Why, for messages: the env.py setting or Alembic default that decides the scope. */
  readonly reason: string;
  /**
   * A plain SQL file's migration tool commits this transaction when the file ends (assume-in-transaction): the one it
   * opens around the file, or one the file's BEGIN opens again after the file's COMMIT left it.
   */
  readonly closedByTool?: true;
}

/** Where a revision's declared phase came from. */
export type PhaseDeclarationSource = "branch-label" | "folder" | "file-name" | "comment";

/** The phase a project declares for a revision (only expand, backfill and contract can be declared). */
export interface DeclaredPhase {
  readonly phase: Exclude<Phase, "neutral">;
  readonly source: PhaseDeclarationSource;
  /** The label, folder, file-name marker or comment that declared it, as written. */
  readonly evidence: string;
}

/** A revision after classification: every upgrade operation carries its phase. */
export interface AnalyzedRevision {
  readonly revision: Revision;
  readonly operations: readonly ClassifiedOperation[];
  /** Phases of the upgrade operations, neutral left out, in the order expand, backfill, contract. */
  readonly phases: readonly Phase[];
  /** Keys (see `tableKey`) of the tables this revision's upgrade creates. */
  readonly newTables: ReadonlySet<string>;
  readonly declaredPhase?: DeclaredPhase;
  /** The env.py that runs this revision (see `settingsFor`), when one applies; never for plain SQL files. */
  readonly envFile?: string;
  /**
   * The revision belongs to the release under review (`--since`, `release-after`) and is not legacy (`start-after`).
   * Every revision is under review when no release is given. Findings are reported only for revisions under review.
   */
  readonly underReview: boolean;
}

/** One independent Alembic history: the revisions reachable from one base. */
export interface History {
  /** Revisions in topological order (ancestors first); revisions in a cycle come last in file order. */
  readonly revisions: readonly AnalyzedRevision[];
  readonly heads: readonly string[];
  /**
   * The folder whose revisions form a history set of their own (one per dialect, say), whose ids may repeat in other
   * such folders; "" when all revisions share one id space. References resolve within the scope only.
   */
  readonly scope: string;
  /** Each cycle in the down_revision graph, as the revision ids along it. */
  readonly cycles: readonly (readonly string[])[];
}

export interface AnalysisOptions {
  readonly dialect: Dialect;
  /** `--dialect` or the config's `dialect` gave it: it overrules `versions/<dialect>/` folders too. */
  readonly dialectForced?: boolean;
  /** Alembic version the project uses, when known: decides whether `if_exists` keywords can be recommended. */
  readonly alembicVersion?: string;
  /** Major version of the PostgreSQL server the migrations run on (default 16): lock and rewrite facts depend on it. */
  readonly postgresVersion: number;
  /**
   * Plain `.sql` migration files run each inside one transaction (Flyway, dbmate) rather than statement by statement
   * (psql, golang-migrate). Default false.
   */
  readonly sqlFilesInTransaction?: boolean;
}

/** An operation, with the revision that holds it. */
export interface Located<T> {
  readonly op: T;
  readonly rev: AnalyzedRevision;
}

/** An upgrade operation, with the revision that holds it. */
export type LocatedOperation = Located<ClassifiedOperation>;

/** The revision a file declares, as its text says it: its id, and its branch labels. */
export interface DeclaredRevision {
  readonly revision: string;
  readonly branchLabels: readonly string[];
}

/** A file of the project that could not be analysed. */
export interface UnanalysedFile {
  readonly file: string;
  /** What its text declares (`revision = "..."`, `branch_labels = (...)`), read without parsing, when it can be. */
  readonly declares?: DeclaredRevision;
}

/** Everything an analyzer may look at. Pure data: no I/O. */
export interface AnalysisInput {
  readonly histories: readonly History[];
  /** Every analyzed revision once (a file in two histories counts once), in history order: what most rules walk. */
  readonly revisions: readonly AnalyzedRevision[];
  /**
   * The upgrade operations of `revisions` by kind, in the same order: the scan that the rules looking for one kind
   * share, made once by the engine instead of once per rule.
   */
  readonly operationsByKind: ReadonlyMap<OperationKind, readonly LocatedOperation[]>;
  /**
   * A scan that several rules make (every new column, every operation with its revision), made once per run: the
   * first rule to ask runs it over this input (as the rules before suppressions see it) and the others get the same
   * result, which none may change.
   */
  readonly shared: <T>(scan: (input: AnalysisInput) => T) => T;
  /** Revisions claimed by more than one file, with every file that claims them. */
  readonly duplicateRevisions: ReadonlyMap<string, readonly Revision[]>;
  readonly envFiles: readonly EnvFile[];
  /**
   * Files of the project that could not be analysed (too large, unreadable, past a budget): the run fails on them.
   * The revision each declares is known when its text still names it; otherwise a reference that resolves nowhere
   * else may point into one.
   */
  readonly unanalysedFiles: readonly UnanalysedFile[];
  readonly options: AnalysisOptions;
  /**
   * A release under review was given (`--since`, `release-after`): the revisions under review ship together, so
   * rules about releases can judge them. Without one, every revision is under review but no release is known.
   */
  readonly reviewingRelease: boolean;
  /** `--since`: what the change did to revisions that existed before it (edited, deleted, through a helper). */
  readonly changeUnderReview?: ChangeUnderReview;
  /** Given to `after-suppressions` analyzers only: the ignore comments that accepted nothing. */
  readonly unusedDirectives?: readonly UnusedDirective[];
}

/** An ignore comment that accepted nothing (or could not be read), and the rules it names that do not exist. */
export interface UnusedDirective {
  readonly directive: Directive;
  readonly unknownRules: readonly string[];
}

export interface RuleMeta {
  readonly name: string;
  readonly group: RuleGroup;
  /** Off unless selected (`select`/`extend-select` by name, group or `ALL`); default true. */
  readonly enabledByDefault?: boolean;
  readonly defaultSeverity: Severity;
  /** One line: what the rule catches. */
  readonly summary: string;
  /** Why it matters: the lock, outage or data-loss mechanism. */
  readonly rationale: string;
  /** The safe expand/backfill/contract alternative, in a sentence or two. */
  readonly safeAlternative: string;
  /**
   * Whether its findings in one revision are one problem at several places, reported as the first with the others
   * as related places ("and 2 more like it"); default true. False where each finding is its own claim.
   */
  readonly groupsFindings?: boolean;
}

export interface Analyzer {
  readonly meta: RuleMeta;
  /** `after-suppressions`: runs once the other rules' findings met the ignore comments (rules about suppressions). */
  readonly stage?: "after-suppressions";
  check(input: AnalysisInput): FindingDraft[];
}

/** Why a finding is not reported: a comment in the revision, or a phase exception function the project wrote. */
export interface Suppression {
  readonly kind: "inline" | "file" | "phase-exception";
  /** The written reason (after `--` in a comment, the docstring of an exception function); undefined when none. */
  readonly reason?: string;
  /** Where the suppression is written. */
  readonly span: SourceSpan;
}

export type SuppressedFinding = Finding & { readonly suppression: Suppression };

/** What a run found: the histories it built and the findings of the selected rules, in report order. */
export interface AnalysisResult {
  readonly histories: readonly History[];
  readonly findings: readonly Finding[];
  /** Findings a suppression accepted, in report order: reported apart, never counted against the gate. */
  readonly suppressed: readonly SuppressedFinding[];
}
