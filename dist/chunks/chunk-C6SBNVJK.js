import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/line-index.ts
var LineIndex = class {
  starts = [0];
  constructor(text) {
    for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) this.starts.push(index + 1);
  }
  position(offset) {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = low + high + 1 >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
  /** The offset of a 1-based line and column. */
  offsetOf(line, column) {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }
  span(file, start, end) {
    const from = this.position(start);
    const to = this.position(end);
    return { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
};
function splitLines(text) {
  return text.split(/\r?\n/);
}

export {
  LineIndex,
  splitLines
};
