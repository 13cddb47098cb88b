import { ALL_RULES, RULE_GROUPS, type RuleMeta } from "../domain/index.js";

/** What the settings say about which rules run; `select` undefined means the default set. */
export interface RuleSelectionRequest {
  readonly select?: readonly string[];
  readonly extendSelect: readonly string[];
  readonly ignore: readonly string[];
}

/** How specific a selector is for a rule: its own name beats its group, which beats `ALL` (ruff's precedence). */
function specificity(selector: string, meta: RuleMeta): number | undefined {
  if (selector === meta.name) return 3;
  if (selector === meta.group) return 2;
  if (selector === ALL_RULES) return 1;
  return undefined;
}

/**
 * The rules that run: the default set (or `select` when given), plus `extend-select`, minus `ignore`. For each rule
 * the most specific selector that names it decides, so `ignore = ["style"]` with `extend-select = ["prefer-text"]`
 * runs prefer-text alone of its group; at equal specificity `ignore` wins.
 */
export function enabledRules(rules: readonly RuleMeta[], request: RuleSelectionRequest): Set<string> {
  const enabled = new Set<string>();
  for (const meta of rules) {
    let best = request.select === undefined ? 0 : -1;
    let on = request.select === undefined && meta.enabledByDefault !== false;
    // `ignore` comes last, so at equal specificity it has the last word.
    const consider = (selectors: readonly string[], value: boolean) => {
      for (const selector of selectors) {
        const level = specificity(selector, meta);
        if (level === undefined || level < best) continue;
        best = level;
        on = value;
      }
    };
    consider(request.select ?? [], true);
    consider(request.extendSelect, true);
    consider(request.ignore, false);
    if (on) enabled.add(meta.name);
  }
  return enabled;
}

/** Every name a selector may use: rule names, group names and `ALL`. */
export function selectorNames(rules: readonly RuleMeta[]): string[] {
  return [ALL_RULES, ...RULE_GROUPS.map((group) => group.name), ...rules.map((meta) => meta.name)];
}

const MAX_SUGGESTED_LENGTH = 64;

/** Levenshtein distance, for "did you mean" (both strings are short: callers cap their length). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known name closest to an unknown one, when it is close enough to be a typo. */
export function closestName(unknown: string, known: readonly string[]): string | undefined {
  if (unknown.length > MAX_SUGGESTED_LENGTH) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const d = distance(unknown.toLowerCase(), name.toLowerCase());
    if (best === undefined || d < best.distance) best = { name, distance: d };
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(unknown.length / 4)) ? best.name : undefined;
}
