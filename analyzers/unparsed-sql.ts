import type { Analyzer } from "../src/domain/index.js";
import { problemFindings } from "./support.js";

export const unparsedSql: Analyzer = {
  meta: {
    name: "unparsed-sql",
    group: "hygiene",
    // What migragate cannot read is its own coverage, not the author's mistake: a notice, counted in every summary.
    defaultSeverity: "info",
    summary: "SQL in a migration could not be parsed, so migragate cannot check it.",
    rationale:
      "Every other rule is blind to a statement migragate cannot parse: a lock-taking ALTER, a DROP or an unbatched " +
      "UPDATE inside it passes unchecked.",
    safeAlternative:
      "Write the SQL as plain literal text (or as op.* directives) so it can be read statically; review the " +
      "statement by hand if it must stay dynamic.",
  },
  check(input) {
    return problemFindings(input, "unparsed-sql");
  },
};
