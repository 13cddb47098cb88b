import type { Finding, Severity } from "../../domain/index.js";
import { displayMessage } from "./report-facts.js";
import type { Reporter, ReportInput } from "./report-model.js";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = {
  error: "error",
  warning: "warning",
  info: "notice",
};

/**
 * GitHub Actions workflow commands: one annotation per reported finding, shown on the pull request's diff, and one
 * error per file migragate could not analyse. Suppressed findings are not annotated.
 */
export class GithubReporter implements Reporter {
  render(input: ReportInput): string {
    const lines = input.result.findings.map(annotation);
    for (const file of input.skipped) {
      if (file.failed)
        lines.push(
          `::error ${properties({ file: file.file, title: "migragate" })}::${escapeData(`not analysed: ${file.reason}`)}`,
        );
    }
    return lines.map((line) => `${line}\n`).join("");
  }
}

function annotation(finding: Finding): string {
  const { span } = finding;
  // GitHub rejects columns on an annotation that spans several lines.
  const columns: Record<string, number> =
    span.line === span.endLine ? { col: span.column, endColumn: span.endColumn } : {};
  const props = properties({
    file: span.file,
    line: span.line,
    endLine: span.endLine,
    ...columns,
    title: finding.rule,
  });
  return `::${COMMAND[finding.severity]} ${props}::${escapeData(`${displayMessage(finding)} — ${finding.hint}`)}`;
}

function properties(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
}

/** A workflow command's message: `%`, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** A workflow command's property value: as the message, and `:` and `,` would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
