import type { AnalysisInput, AnalyzedRevision } from "../src/domain/index.js";

/**
 * The model side of a hint that changes a column, for a revision whose env.py hands autogenerate a target_metadata:
 * `alembic revision --autogenerate` compares the database with the models and writes a revision for every
 * difference, so a fix made only in the migration is undone by the next generated one. `change` says what the model
 * must say, e.g. `declare "users.bio" as mapped_column(Text) in the model`. "" for other projects, and for plain SQL
 * files (no env.py runs them).
 */
export function modelChange(input: AnalysisInput, rev: AnalyzedRevision, change: string): string {
  if (rev.envFile === undefined) return "";
  const env = input.envFiles.find((candidate) => candidate.file === rev.envFile);
  if (env?.targetMetadata === undefined) return "";
  return (
    ` Autogenerate compares the database with the models (env.py: target_metadata = ${env.targetMetadata}): ` +
    `${change}, or the next \`alembic revision --autogenerate\` undoes it.`
  );
}
