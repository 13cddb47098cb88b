/** A unified diff of one file's edit, as `git apply` and `patch -p1` read it. */

const CONTEXT = 3;
/** Above this many changed lines (old times new) the middle is shown as one replacement instead of a minimal diff. */
const MAX_DIFF_CELLS = 4_000_000;

type Line = { readonly kind: " " | "-" | "+"; readonly text: string };

/** A minimal line diff by longest common subsequence; small regions only (see MAX_DIFF_CELLS). */
function lineDiff(before: readonly string[], after: readonly string[]): Line[] {
  const rows = before.length;
  const columns = after.length;
  if (rows * columns > MAX_DIFF_CELLS) {
    return [...before.map((text): Line => ({ kind: "-", text })), ...after.map((text): Line => ({ kind: "+", text }))];
  }
  const width = columns + 1;
  const common = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      common[i * width + j] =
        before[i] === after[j]
          ? (common[(i + 1) * width + j + 1] as number) + 1
          : Math.max(common[(i + 1) * width + j] as number, common[i * width + j + 1] as number);
    }
  }
  const lines: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && before[i] === after[j]) {
      lines.push({ kind: " ", text: before[i++] as string });
      j++;
    } else if (
      i < rows &&
      (j === columns || (common[(i + 1) * width + j] as number) >= (common[i * width + j + 1] as number))
    ) {
      // Removed lines first, as diff and git show a replacement.
      lines.push({ kind: "-", text: before[i++] as string });
    } else {
      lines.push({ kind: "+", text: after[j++] as string });
    }
  }
  return lines;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/**
 * The diff from `before` to `after` under `path` (`--- a/path`, `+++ b/path`), hunks with three lines of context;
 * empty when nothing changed. Lines are compared without their line ends, which the edit never changes.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return "";
  const old = before.split(/\r?\n/);
  const neu = after.split(/\r?\n/);
  let prefix = 0;
  while (prefix < old.length && prefix < neu.length && old[prefix] === neu[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < neu.length - prefix &&
    old[old.length - 1 - suffix] === neu[neu.length - 1 - suffix]
  )
    suffix++;
  const middle = lineDiff(old.slice(prefix, old.length - suffix), neu.slice(prefix, neu.length - suffix));
  const lines: Line[] = [
    ...old.slice(0, prefix).map((text): Line => ({ kind: " ", text })),
    ...middle,
    ...old.slice(old.length - suffix).map((text): Line => ({ kind: " ", text })),
  ];
  // A file that ends with a line break splits into a last empty "line" that is not a line.
  if (lines.length > 0 && lines[lines.length - 1]?.text === "" && lines[lines.length - 1]?.kind === " ") lines.pop();
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < lines.length) {
    // The next change, and the hunk around it: changes closer than twice the context share one hunk.
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
  return `${out.join("\n")}\n`;
}
