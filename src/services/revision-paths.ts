import { testsDialect } from "./dialect.js";

/** Paths kept per name: past them, the name counts as made on every path. */
const MAX_PATHS = 32;

/**
 * One path through a revision's branches: the conditions it takes, and what it takes to exclude it, worked out on
 * first need (most paths never make a table or column anything asks about).
 */
export class RevisionPath {
  private worked?: {
    readonly taken: ReadonlySet<string>;
    readonly negations: readonly string[];
    /** The conditions that pick or rule out a database. */
    readonly dialectTests: readonly string[];
  };

  constructor(private readonly conditions: readonly string[]) {}

  private get facts() {
    this.worked ??= {
      taken: new Set(this.conditions),
      negations: this.conditions.map((condition) => `not (${condition})`),
      dialectTests: this.conditions.filter(testsDialect),
    };
    return this.worked;
  }

  /** Code on this path and code on `other` never both run: one negates a condition the other takes. */
  excludes(other: RevisionPath): boolean {
    const mine = this.facts;
    const theirs = other.facts;
    return (
      mine.negations.some((negation) => theirs.taken.has(negation)) ||
      theirs.negations.some((negation) => mine.taken.has(negation))
    );
  }

  /**
   * Code on `other` runs only where this path ran: it is not excluded, and it takes every test of the database this
   * path took (top-level code after `if sqlite: ...` also runs on PostgreSQL, where that branch did not).
   */
  leadsTo(other: RevisionPath): boolean {
    const theirs = other.facts;
    return !this.excludes(other) && this.facts.dialectTests.every((test) => theirs.taken.has(test));
  }
}

/** The path of each list of conditions, made once: operations of one block share their conditions. */
export function revisionPaths(): (conditions: readonly string[]) => RevisionPath {
  const paths = new WeakMap<readonly string[], RevisionPath>();
  return (conditions) => {
    let path = paths.get(conditions);
    if (path === undefined) {
      path = new RevisionPath(conditions);
      paths.set(conditions, path);
    }
    return path;
  };
}

const EVERY_PATH = new RevisionPath([]);

/**
 * The paths on which a revision made each table (or column), by key: what it made is new only to code those paths
 * lead to (SQLite's rebuild under `if sqlite: ... return` is not new to the code after the return).
 */
export class PathsByName {
  private readonly paths = new Map<string, RevisionPath[]>();

  add(key: string, path: RevisionPath): void {
    const list = this.paths.get(key);
    if (list === undefined) this.paths.set(key, [path]);
    else if (list.length < MAX_PATHS) list.push(path);
    // Full: the path without conditions, which leads everywhere, stands for the rest.
    else list[MAX_PATHS - 1] = EVERY_PATH;
  }

  delete(key: string): void {
    this.paths.delete(key);
  }

  has(key: string): boolean {
    return this.paths.has(key);
  }

  /** Whether one of the paths that made `key` leads to code on `path`; a name never recorded (computed at run time) does. */
  reaches(key: string, path: RevisionPath): boolean {
    const list = this.paths.get(key);
    return list === undefined || list.some((made) => made.leadsTo(path));
  }
}
