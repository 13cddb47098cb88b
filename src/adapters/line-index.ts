import type { SourceSpan } from "../domain/index.js";

/** Converts UTF-16 offsets of a file's text to 1-based line and column numbers. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) this.starts.push(index + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column. */
  offsetOf(line: number, column: number): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }

  span(file: string, start: number, end: number): SourceSpan {
    const from = this.position(start);
    const to = this.position(end);
    return { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
