import type { Dialect } from "./analysis.js";

/** Where a dialect came from, highest precedence first (a dialect folder decides only its own history). */
export type DialectSource =
  | "folder"
  | "flag"
  | "config"
  | "alembic.ini"
  | "pyproject"
  | "driver"
  | "revisions"
  | "default";

/** One piece of evidence about the dialect. */
export interface DialectEvidence {
  readonly source: DialectSource;
  readonly dialect: Dialect;
  /** How reports name it: `sqlalchemy.url = sqlite:///app.db in alembic.ini`, `asyncpg in pyproject.toml`. */
  readonly detail: string;
  /** Why it did not decide although it ranks above what did. */
  readonly setAside?: string;
}

/** The dialect, the source that won, and every other source that named another dialect. */
export interface DialectDecision {
  readonly dialect: Dialect;
  readonly source: DialectSource;
  readonly detail: string;
  readonly disagreeing: readonly DialectEvidence[];
}

/** The dialect of one history: the run's, unless all its revisions live in a folder that names another. */
export interface HistoryDialect extends DialectDecision {
  /** 1-based, as the JSON report numbers histories. */
  readonly history: number;
}
