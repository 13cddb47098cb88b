import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/report/unified-diff.ts
var CONTEXT = 3;
var MAX_DIFF_CELLS = 4e6;
function lineDiff(before, after) {
  const rows = before.length;
  const columns = after.length;
  if (rows * columns > MAX_DIFF_CELLS) {
    return [...before.map((text) => ({ kind: "-", text })), ...after.map((text) => ({ kind: "+", text }))];
  }
  const width = columns + 1;
  const common = new Uint32Array((rows + 1) * width);
  for (let i2 = rows - 1; i2 >= 0; i2--) {
    for (let j2 = columns - 1; j2 >= 0; j2--) {
      common[i2 * width + j2] = before[i2] === after[j2] ? common[(i2 + 1) * width + j2 + 1] + 1 : Math.max(common[(i2 + 1) * width + j2], common[i2 * width + j2 + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && before[i] === after[j]) {
      lines.push({ kind: " ", text: before[i++] });
      j++;
    } else if (i < rows && (j === columns || common[(i + 1) * width + j] >= common[i * width + j + 1])) {
      lines.push({ kind: "-", text: before[i++] });
    } else {
      lines.push({ kind: "+", text: after[j++] });
    }
  }
  return lines;
}
function range(start, count) {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}
function unifiedDiff(path, before, after) {
  if (before === after) return "";
  const old = before.split(/\r?\n/);
  const neu = after.split(/\r?\n/);
  let prefix = 0;
  while (prefix < old.length && prefix < neu.length && old[prefix] === neu[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < neu.length - prefix && old[old.length - 1 - suffix] === neu[neu.length - 1 - suffix])
    suffix++;
  const middle = lineDiff(old.slice(prefix, old.length - suffix), neu.slice(prefix, neu.length - suffix));
  const lines = [
    ...old.slice(0, prefix).map((text) => ({ kind: " ", text })),
    ...middle,
    ...old.slice(old.length - suffix).map((text) => ({ kind: " ", text }))
  ];
  if (lines.length > 0 && lines[lines.length - 1]?.text === "" && lines[lines.length - 1]?.kind === " ") lines.pop();
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < lines.length) {
    let change = index;
    while (change < lines.length && lines[change]?.kind === " ") change++;
    if (change === lines.length) break;
    const start = Math.max(index, change - CONTEXT);
    oldLine += start - index;
    newLine += start - index;
    let end = change;
    let quiet = 0;
    while (end < lines.length && (lines[end]?.kind !== " " || quiet < 2 * CONTEXT)) {
      quiet = lines[end]?.kind === " " ? quiet + 1 : 0;
      end++;
    }
    const stop = Math.min(lines.length, end - quiet + CONTEXT);
    const hunk = lines.slice(start, stop);
    const oldCount = hunk.filter((line) => line.kind !== "+").length;
    const newCount = hunk.filter((line) => line.kind !== "-").length;
    out.push(`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@`);
    for (const line of hunk) out.push(`${line.kind}${line.text}`);
    oldLine += oldCount;
    newLine += newCount;
    index = stop;
  }
  return `${out.join("\n")}
`;
}
export {
  unifiedDiff
};
