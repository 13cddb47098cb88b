/** A region of a source file. Lines and columns are 1-based; the end is inclusive of its line, exclusive of its column. */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}
