/**
 * Where an operation belongs in the expand/contract discipline.
 * - expand: additive, old code keeps working (new nullable column, new table, new index, loosened constraint)
 * - backfill: changes data (UPDATE, DELETE, INSERT into an existing table)
 * - contract: removes, renames or tightens something old code relies on
 * - neutral: changes neither the schema contract nor the data (SET, COMMENT, SELECT, ANALYZE)
 */
export type Phase = "expand" | "backfill" | "contract" | "neutral";

export const PHASES: readonly Phase[] = ["expand", "backfill", "contract", "neutral"];
