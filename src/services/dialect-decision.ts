import {
  type Dialect,
  type DialectDecision,
  type DialectEvidence,
  type History,
  type HistoryDialect,
  pushTo,
} from "../domain/index.js";
import { sharedDialectFolder } from "./dialect.js";

/** A `sqlalchemy.url` read from an Alembic configuration. */
export interface UrlEvidence {
  readonly source: "alembic.ini" | "pyproject";
  readonly dialect: Dialect;
  readonly detail: string;
  /** env.py sets the URL itself or builds its engine from elsewhere: this one is a placeholder. */
  readonly replacedByEnv: boolean;
}

/** The options of one database that a revision file's code carries (`mysql_engine=`), first one as written. */
export interface RevisionMarks {
  readonly file: string;
  readonly marks: ReadonlyMap<Dialect, string>;
}

export interface DialectInputs {
  readonly flag?: Dialect;
  readonly config?: { readonly dialect: Dialect; readonly detail: string };
  readonly urls: readonly UrlEvidence[];
  readonly drivers: readonly { readonly dialect: Dialect; readonly detail: string }[];
  /** Every revision file read, with the database options its code carries (most carry none). */
  readonly revisions?: readonly RevisionMarks[];
}

const DIALECT_NAMES: ReadonlyMap<Dialect, string> = new Map([
  ["postgresql", "PostgreSQL"],
  ["mysql", "MySQL"],
  ["sqlite", "SQLite"],
]);

/**
 * What the revisions' own code says: options only one database knows (MySQL's `mysql_engine=`, PostgreSQL's
 * `postgresql_using=`) in some revisions and none of another's. A history with both runs on both: neither decides.
 */
function revisionEvidence(revisions: readonly RevisionMarks[]): DialectEvidence[] {
  const byDialect = new Map<Dialect, RevisionMarks[]>();
  for (const revision of revisions) {
    for (const dialect of revision.marks.keys()) pushTo(byDialect, dialect, revision);
  }
  const setAside = byDialect.size > 1 ? "the revisions carry options of several databases" : undefined;
  return [...byDialect].map(([dialect, files]) => {
    const [first] = files as [RevisionMarks, ...RevisionMarks[]];
    return {
      source: "revisions" as const,
      dialect,
      detail:
        `${DIALECT_NAMES.get(dialect) ?? dialect} options in ${files.length} of ${revisions.length} revision files: ` +
        `${first.marks.get(dialect)} in ${first.file}`,
      ...(setAside ? { setAside } : {}),
    };
  });
}

const DEFAULT: Dialect = "postgresql";

/**
 * Decides the run's dialect: `--dialect` > config `dialect` > an Alembic configuration's `sqlalchemy.url` that env.py
 * does not replace > the database driver the project depends on > options of one database in the revisions >
 * postgresql. A SQLite URL is set aside when the
 * project depends on a PostgreSQL or MySQL driver: it is the database teams put there for local work (nova's
 * `sqlite:///nova.db`, quay's `sqlite:///will/be/overridden`).
 */
export function decideDialect(inputs: DialectInputs): DialectDecision {
  const serverDrivers = new Set(inputs.drivers.map((driver) => driver.dialect));
  const evidence: DialectEvidence[] = [];
  if (inputs.flag) evidence.push({ source: "flag", dialect: inputs.flag, detail: "--dialect" });
  if (inputs.config) evidence.push({ source: "config", ...inputs.config });
  for (const url of inputs.urls) {
    const setAside = url.replacedByEnv
      ? "env.py sets the database URL itself"
      : url.dialect === "sqlite" && serverDrivers.size > 0
        ? "a SQLite URL beside a server database driver is taken for local work"
        : undefined;
    evidence.push({ source: url.source, dialect: url.dialect, detail: url.detail, ...(setAside ? { setAside } : {}) });
  }
  const ambiguous = serverDrivers.size > 1 ? "the project depends on drivers of several databases" : undefined;
  for (const driver of inputs.drivers)
    evidence.push({ source: "driver", ...driver, ...(ambiguous ? { setAside: ambiguous } : {}) });
  evidence.push(...revisionEvidence(inputs.revisions ?? []));
  const winner = evidence.find((item) => item.setAside === undefined);
  const decided: DialectEvidence = winner ?? {
    source: "default",
    dialect: DEFAULT,
    detail: "the default: nothing else decides the database",
  };
  return {
    dialect: decided.dialect,
    source: decided.source,
    detail: decided.detail,
    disagreeing: evidence.filter((item) => item !== decided && item.dialect !== decided.dialect),
  };
}

/**
 * Per history, by the documented precedence: `--dialect` and the config's `dialect` decide for every history; then a
 * `versions/<dialect>/` folder holding every revision of the history (Prefect keeps one history per database; its
 * SQL is that database's whatever the project's main one is); then the rest of the run's decision.
 */
export function historyDialects(histories: readonly History[], run: DialectDecision): HistoryDialect[] {
  const forced = run.source === "flag" || run.source === "config";
  return histories.map((history, index) => {
    const shared = sharedDialectFolder(history.revisions.map((analyzed) => analyzed.revision.file));
    if (!shared) return { history: index + 1, ...run };
    const folder: DialectEvidence = {
      source: "folder",
      dialect: shared.dialect,
      detail: `the folder ${shared.folder}/`,
    };
    if (forced) {
      const disagreeing = shared.dialect === run.dialect ? run.disagreeing : [...run.disagreeing, folder];
      return { history: index + 1, ...run, disagreeing };
    }
    const below: DialectEvidence = { source: run.source, dialect: run.dialect, detail: run.detail };
    return {
      history: index + 1,
      ...folder,
      disagreeing: [
        ...(run.dialect !== shared.dialect && run.source !== "default" ? [below] : []),
        ...run.disagreeing.filter((item) => item.dialect !== shared.dialect),
      ],
    };
  });
}
