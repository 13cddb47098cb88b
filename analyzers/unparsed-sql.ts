import type { Analyzer } from "../src/domain/index.js";
import { problemFindings } from "./support.js";

export const unparsedSql: Analyzer = {
  meta: {
    name: "unparsed-sql",
    group: "hygiene",
    // What migragate cannot read is its own coverage, not the author's mistake: a notice, counted in every summary.
    defaultSeverity: "info",
    summary: "migragate could not read a SQL statement a migration runs, so no rule checked it.",
    rationale:
      "Every other rule is blind to a statement migragate cannot parse: a lock-taking ALTER, a DROP or an unbatched " +
      "UPDATE inside it passes unchecked.",
    safeAlternative:
      "Review the statement by hand: no rule checked it. When it is valid SQL for your database, this is a limit of " +
      "migragate's reader (the summary counts what it could not read); when it is built at run time, a literal string " +
      "(or op.* directives) lets migragate read it.",
  },
  check(input) {
    return problemFindings(input, "unparsed-sql");
  },
};
