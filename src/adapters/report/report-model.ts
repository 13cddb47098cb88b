import type {
  AnalysisResult,
  DeclaredRevision,
  Dialect,
  DialectDecision,
  EnvFile,
  FailOn,
  HistoryDialect,
  Revision,
  RuleMeta,
} from "../../domain/index.js";

/** A file that was discovered but not analysed as a revision, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
  /** migragate failed on the file (as opposed to a file that is not a revision): the run cannot vouch for it. */
  readonly failed?: boolean;
  /** For a file migragate failed on: the revision its text declares, when it says so plainly. */
  readonly declares?: DeclaredRevision;
}

/** The gate's verdict, decided once by the CLI from the findings and the files it failed on; reporters only show it. */
export interface GateVerdict {
  /** Findings at or above this severity fail the gate (`never`: none do). */
  readonly failOn: FailOn;
  readonly passed: boolean;
  /** With `fail-on-opaque`: the opaque operations under review, each of which fails the gate. */
  readonly opaque?: number;
}

/** Everything a reporter needs: the analysis and the inputs it came from. */
export interface ReportInput {
  readonly tool: { readonly name: string; readonly version: string };
  readonly dialect: Dialect;
  readonly result: AnalysisResult;
  readonly revisions: readonly Revision[];
  readonly envFiles: readonly EnvFile[];
  readonly skipped: readonly SkippedFile[];
  /** The text of every analysed file by its report path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  /** The rules that ran, in the order they are listed (`migragate rules`). */
  readonly rules: readonly RuleMeta[];
  readonly gate: GateVerdict;
  /**
   * Published addresses, when known: migragate's repository and a template of rule documents' URLs (`{rule}`). Without
   * them reports link nowhere and embed the rules' help text.
   */
  readonly links?: { readonly project?: string; readonly ruleDocs?: string };
  /** Every revision was judged: no baseline (`start-after`), `release-after` or `--since` narrowed the run. */
  readonly wholeHistory?: boolean;
  /** How the dialect was decided: for the run, and per history (in `result.histories` order). */
  readonly dialects?: { readonly run: DialectDecision; readonly histories: readonly HistoryDialect[] };
  /** The configuration files the run read, as report paths: migragate's own, and the Alembic configurations. */
  readonly configFiles?: { readonly migragate?: string; readonly alembic: readonly string[] };
}

export interface Reporter {
  render(input: ReportInput): string;
  /** The same text in pieces, for reports large enough that writing them whole would double their memory. */
  pieces?(input: ReportInput): Iterable<string>;
}
