import type { Analyzer } from "../src/domain/index.js";
import { problemFindings } from "./support.js";

export const syntaxError: Analyzer = {
  meta: {
    name: "syntax-error",
    group: "hygiene",
    defaultSeverity: "error",
    summary: "A migration or env.py file does not parse as Python.",
    rationale:
      "Alembic imports every revision file to build its history, so a file that does not parse stops every command " +
      "and the deploy fails. migragate also cannot see the operations of the broken part, so other rules are blind " +
      "there.",
    safeAlternative: "Fix the syntax error; run `python -m py_compile <file>` to confirm.",
  },
  check(input) {
    return problemFindings(input, "syntax-error");
  },
};
