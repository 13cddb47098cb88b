import type { Analyzer, FindingDraft } from "../src/domain/index.js";
import { excerpt } from "./support.js";

/** Appends `.replace("%", "%%")`, wrapping the expression in parentheses unless it is a simple name, call or literal. */
function escaped(valueText: string): string {
  const simple = /^[\w.]+(\(.*\)|\[.*\])*$|^(["']).*\2$/.test(valueText.trim());
  return `${simple ? valueText.trim() : `(${valueText.trim()})`}.replace("%", "%%")`;
}

export const envUrlNotEscaped: Analyzer = {
  meta: {
    name: "env-url-not-escaped",
    group: "hygiene",
    defaultSeverity: "error",
    summary: "env.py sets sqlalchemy.url without escaping % for configparser.",
    rationale:
      "Alembic's Config stores options in a configparser, which treats % as interpolation syntax. A URL whose " +
      "password (or any other part) contains % makes set_main_option raise ValueError ('invalid interpolation " +
      "syntax'), or silently changes the URL for %(name)s sequences, so every migration run fails at startup. " +
      "Generated passwords (RDS, Vault) contain % sooner or later.",
    safeAlternative:
      'Double every % before handing the URL over: config.set_main_option("sqlalchemy.url", url.replace("%", "%%")).',
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const env of input.envFiles) {
      for (const assignment of env.urlAssignments) {
        if (assignment.escaped) continue;
        findings.push({
          span: assignment.span,
          message:
            `sqlalchemy.url is set from ${excerpt(assignment.valueText)} without escaping "%": configparser reads "%" as ` +
            "interpolation syntax, so a URL containing one breaks " +
            (assignment.offlineOnly
              ? "the offline runs (`alembic upgrade --sql`) this function serves"
              : "every migration run"),
          hint: `config.set_main_option("sqlalchemy.url", ${escaped(assignment.valueText)})`,
        });
      }
    }
    return findings;
  },
};
