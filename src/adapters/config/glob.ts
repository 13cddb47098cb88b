/**
 * Glob matching over `/`-separated relative paths, in time linear in the path for a given pattern: `**` spans
 * folders, `*` and `?` stay within one name, every other character is itself. A pattern without a slash matches a
 * file name in any folder, as in .gitignore, and a pattern that names a folder matches what is inside it.
 *
 * The pattern becomes a small automaton that is run over the path with the set of states it can be in, never by
 * backtracking, so `*a*a*a*a*a*a*a*a*b` against a long name costs (pattern length) x (path length) at most. Regular
 * expressions and the usual glob libraries (picomatch, minimatch) backtrack on such patterns.
 */

/** One step of the automaton. */
type Step =
  /** Consumes this character. */
  | { readonly kind: "char"; readonly char: string }
  /** `?`: consumes one character other than `/`. */
  | { readonly kind: "one" }
  /** `*`: consumes any run of characters other than `/` (loops on itself, may be skipped). */
  | { readonly kind: "star" }
  /** `**` not followed by `/`: consumes anything (loops, may be skipped). */
  | { readonly kind: "any" }
  /** `**` followed by `/`: zero or more whole folders, `(?:.*\/)?`; entered as a skippable loop that ends on `/`. */
  | { readonly kind: "folders" };

function compile(pattern: string): Step[] {
  const anchored = pattern.includes("/") ? pattern.replace(/^\.?\//, "") : `**/${pattern}`;
  const steps: Step[] = [];
  for (let index = 0; index < anchored.length; index++) {
    const char = anchored[index] as string;
    if (char === "*" && anchored[index + 1] === "*") {
      const slash = anchored[index + 2] === "/";
      steps.push(slash ? { kind: "folders" } : { kind: "any" });
      index += slash ? 2 : 1;
    } else if (char === "*") steps.push({ kind: "star" });
    else if (char === "?") steps.push({ kind: "one" });
    else steps.push({ kind: "char", char });
  }
  return steps;
}

/**
 * States: 0..n are "before step i" (n: the whole pattern matched); n+1 is "inside a matched folder" (the rest of
 * the path is inside what the pattern named); `folders` steps have a second state, n+2+i, "inside the folders".
 */
export class Glob {
  private readonly steps: Step[];

  constructor(readonly pattern: string) {
    this.steps = compile(pattern);
  }

  matches(path: string): boolean {
    const steps = this.steps;
    const n = steps.length;
    const inside = n + 1;
    const size = n + 2 + n;
    // Sparse sets of states: a list, and the round in which each state was last added (no clearing per character).
    const seen = new Uint32Array(size);
    let round = 1;
    let current: number[] = [];
    let next: number[] = [];
    const add = (list: number[], state: number) => {
      // Closure over the steps that may match nothing: `*`, `**`, `**/` (entering its loop or skipping it).
      for (let at = state; seen[at] !== round; ) {
        seen[at] = round;
        list.push(at);
        const step = at < n ? steps[at] : undefined;
        if (step?.kind === "folders" && seen[n + 2 + at] !== round) {
          seen[n + 2 + at] = round;
          list.push(n + 2 + at);
        }
        if (step?.kind === "star" || step?.kind === "any" || step?.kind === "folders") at++;
        else return;
      }
    };
    add(current, 0);
    for (let index = 0; index < path.length && current.length > 0; index++) {
      const char = path[index] as string;
      round++;
      next.length = 0;
      for (const state of current) {
        if (state === inside) add(next, inside);
        else if (state === n) {
          if (char === "/") add(next, inside);
        } else if (state > inside) {
          // Inside the folders of the `**/` at step `at`: anything, and a `/` may end them.
          const at = state - n - 2;
          if (seen[state] !== round) {
            seen[state] = round;
            next.push(state);
          }
          if (char === "/") add(next, at + 1);
        } else {
          const step = steps[state] as Step;
          if (step.kind === "char") {
            if (step.char === char) add(next, state + 1);
          } else if (step.kind === "one") {
            if (char !== "/") add(next, state + 1);
          } else if (step.kind === "star") {
            if (char !== "/") add(next, state);
          } else if (step.kind === "any") add(next, state);
        }
      }
      [current, next] = [next, current];
    }
    return current.includes(n) || current.includes(inside);
  }
}
