import type { Operation } from "./operation.js";
import type { SourceSpan } from "./source.js";

/**
 * A module-level value as written. `literal` values were read exactly; `expression` values (an imported
 * constant, a call) are kept as their source text and never guessed.
 */
export type MetaValue =
  | { readonly type: "none" }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "list"; readonly values: readonly string[] }
  | { readonly type: "expression"; readonly text: string };

/** Something the extraction could not do, reported as a finding by the rule of the same name. */
export interface ExtractionProblem {
  readonly rule: "syntax-error" | "unparsed-sql";
  readonly message: string;
  readonly span: SourceSpan;
}

/**
 * A `# migragate: ...` comment. `ignore` covers findings on the line it names (its own line for a trailing comment,
 * the next line of code for a comment on a line of its own); `ignore-file` covers the whole file; `phase` declares
 * the revision's phase. Rules empty means every rule.
 */
export type Directive =
  | {
      readonly kind: "ignore";
      readonly rules: readonly string[];
      readonly reason?: string;
      readonly appliesToLine: number;
      readonly span: SourceSpan;
    }
  | {
      readonly kind: "ignore-file";
      readonly rules: readonly string[];
      readonly reason?: string;
      readonly span: SourceSpan;
    }
  | { readonly kind: "phase"; readonly phase: "expand" | "backfill" | "contract"; readonly span: SourceSpan }
  /** A `migragate:` comment that could not be read; `problem` says what was expected. */
  | { readonly kind: "malformed"; readonly problem: string; readonly span: SourceSpan };

/**
 * A module-level `expand_drop_exceptions()` / `contract_creation_exceptions()`: the objects (tables, `table.column`,
 * index or constraint names) the revision may drop while declared expand, or create while declared contract.
 */
export interface PhaseException {
  readonly function: "expand_drop_exceptions" | "contract_creation_exceptions";
  readonly objects: readonly string[];
  /** The function's docstring: the project's reason. */
  readonly reason?: string;
  readonly span: SourceSpan;
}

/** The `upgrade()` or `downgrade()` side of a revision. */
export interface MigrationBody {
  readonly operations: readonly Operation[];
}

export interface Revision {
  /** The `revision` id, or the file name stem when the file declares none. */
  readonly id: string;
  /**
   * `alembic`: a Python revision Alembic runs inside its transactions. `sql`: a plain `.sql` migration file, whose
   * statements run on their own unless the file opens a transaction with BEGIN.
   */
  readonly format: "alembic" | "sql";
  readonly file: string;
  readonly downRevisions: readonly string[];
  readonly dependsOn: readonly string[];
  readonly branchLabels: readonly string[];
  /** First line of the module docstring. */
  readonly message?: string;
  readonly rawMeta: {
    readonly revision?: MetaValue;
    readonly downRevision?: MetaValue;
    readonly branchLabels?: MetaValue;
    readonly dependsOn?: MetaValue;
  };
  readonly upgrade: MigrationBody;
  readonly downgrade: MigrationBody;
  /** SQL statements of upgrade() read (parsed); what could not be read is an opaque operation with `sqlNotRead`. */
  readonly sqlStatements?: number;
  readonly problems: readonly ExtractionProblem[];
  /** `# migragate:` comments, in file order. */
  readonly directives: readonly Directive[];
  readonly phaseExceptions: readonly PhaseException[];
}

/** What migragate reads from an `env.py`. */
export interface EnvFile {
  readonly file: string;
  /** Each `config.set_main_option` / `set_section_option` call that sets `sqlalchemy.url`. */
  readonly urlAssignments: readonly UrlAssignment[];
  /**
   * `transaction_per_migration=` as `context.configure(...)` passes it: false when no call passes it (Alembic's
   * default), "unknown" when an expression decides it or calls disagree. The online call (`connection=`) wins.
   */
  readonly transactionPerMigration: boolean | "unknown";
  /** `transactional_ddl=` as `context.configure(...)` passes it; undefined when never passed (the dialect decides). */
  readonly transactionalDdl?: boolean | "unknown";
  /**
   * env.py sets `lock_timeout` for the migration connection: a `SET lock_timeout` or `set_config('lock_timeout', ...)`
   * it executes, or `-c lock_timeout=...` in a connection's `options` (or asyncpg's `server_settings`).
   */
  readonly lockTimeout: boolean;
  readonly problems: readonly ExtractionProblem[];
}

export interface UrlAssignment {
  readonly span: SourceSpan;
  /** Source text of the value passed. */
  readonly valueText: string;
  /** The value is a literal without a lone `%`, or provably went through `.replace("%", "%%")`. */
  readonly escaped: boolean;
  /** Set only in `run_migrations_offline()`: it breaks `alembic upgrade --sql`, not the online runs deploys make. */
  readonly offlineOnly?: boolean;
}
