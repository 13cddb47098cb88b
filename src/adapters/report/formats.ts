import type { Reporter } from "./report-model.js";

export const REPORT_FORMATS = ["text", "json", "sarif", "github", "markdown", "gitlab", "junit"] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The reporter of a format; only the text report has colours and a width to wrap at (none: lines as long as they
 * come), and only where the caller says they can be seen. Each reporter is loaded when asked for: most runs write one
 * format, and startup pays for every module it parses.
 */
export async function reporterFor(format: ReportFormat, color: boolean, width?: number): Promise<Reporter> {
  switch (format) {
    case "text":
      return new (await import("./text-report.js")).TextReporter(color, width);
    case "json":
      return new (await import("./json-report.js")).JsonReporter();
    case "sarif":
      return new (await import("./sarif-report.js")).SarifReporter();
    case "github":
      return new (await import("./github-report.js")).GithubReporter();
    case "markdown":
      return new (await import("./markdown-report.js")).MarkdownReporter();
    case "gitlab":
      return new (await import("./gitlab-report.js")).GitlabReporter();
    case "junit":
      return new (await import("./junit-report.js")).JunitReporter();
  }
}
