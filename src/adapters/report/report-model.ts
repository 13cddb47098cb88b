import type { AnalysisResult, Dialect, EnvFile, Revision } from "../../domain/index.js";

/** A file that was discovered but not analysed as a revision, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
  /** migragate failed on the file (as opposed to a file that is not a revision): the run cannot vouch for it. */
  readonly failed?: boolean;
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
}

export interface Reporter {
  render(input: ReportInput): string;
}
