import { GithubReporter } from "./github-report.js";
import { GitlabReporter } from "./gitlab-report.js";
import { JsonReporter } from "./json-report.js";
import { JunitReporter } from "./junit-report.js";
import { MarkdownReporter } from "./markdown-report.js";
import type { Reporter } from "./report-model.js";
import { SarifReporter } from "./sarif-report.js";
import { TextReporter } from "./text-report.js";

export const REPORT_FORMATS = ["text", "json", "sarif", "github", "markdown", "gitlab", "junit"] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The reporter of a format; only the text report has colours, and only where the caller says they can be seen. */
export function reporterFor(format: ReportFormat, color: boolean): Reporter {
  switch (format) {
    case "text":
      return new TextReporter(color);
    case "json":
      return new JsonReporter();
    case "sarif":
      return new SarifReporter();
    case "github":
      return new GithubReporter();
    case "markdown":
      return new MarkdownReporter();
    case "gitlab":
      return new GitlabReporter();
    case "junit":
      return new JunitReporter();
  }
}
