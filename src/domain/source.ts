/** The folder part of a report path ("" for a file at the top). */
export function folderOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}

/** A region of a source file. Lines and columns are 1-based; the end is inclusive of its line, exclusive of its column. */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}
