/**
 * Every rule belongs to one group; `select`, `extend-select` and `ignore` accept group names as well as rule names,
 * and `ALL` for every rule (ruff's conventions).
 */
export type RuleGroup = "phases" | "locks" | "idempotency" | "graph" | "hygiene" | "style";

export interface RuleGroupInfo {
  readonly name: RuleGroup;
  /** One line, for `migragate rules` and the docs. */
  readonly summary: string;
}

export const RULE_GROUPS: readonly RuleGroupInfo[] = [
  { name: "phases", summary: "the expand/backfill/contract discipline: what breaks the release still running" },
  { name: "locks", summary: "PostgreSQL locks, rewrites, scans and transactions that take a table down" },
  { name: "idempotency", summary: "guards that let a partly applied revision run again" },
  { name: "graph", summary: "the revision graph: heads, cycles, dangling and duplicate ids" },
  { name: "hygiene", summary: "env.py, syntax, what migragate could not read, and the suppression comments" },
  { name: "style", summary: "column type choices that are costly to change later (off by default)" },
];

/** The selector that names every rule. */
export const ALL_RULES = "ALL";
