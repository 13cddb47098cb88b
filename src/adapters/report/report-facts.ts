import {
  type AnalyzedRevision,
  type DialectDecision,
  type Finding,
  type HistoryDialect,
  SEVERITIES,
  type Severity,
} from "../../domain/index.js";
import type { ReportInput } from "./report-model.js";

/** Facts several reporters state the same way. */

export function allRevisions(input: ReportInput): AnalyzedRevision[] {
  return input.result.histories.flatMap((history) => history.revisions);
}

/** The analysed revision each file holds, to put a finding under the revision it belongs to. */
export function revisionsByFile(input: ReportInput): Map<string, AnalyzedRevision> {
  const byFile = new Map<string, AnalyzedRevision>();
  for (const revision of allRevisions(input)) {
    if (!byFile.has(revision.revision.file)) byFile.set(revision.revision.file, revision);
  }
  return byFile;
}

/** Findings by file, files and findings in report order. */
export function findingsByFile<F extends Finding>(findings: readonly F[]): Map<string, F[]> {
  const byFile = new Map<string, F[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.span.file);
    if (group) group.push(finding);
    else byFile.set(finding.span.file, [finding]);
  }
  return byFile;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** What the analysis could and could not read, over the revisions under review: nothing unread passes silently. */
export interface Coverage {
  /** SQL statements read (parsed). */
  readonly sqlStatements: number;
  /** SQL statements migragate could not read: they did not parse, or are built at run time. */
  readonly sqlNotRead: number;
  /** Other operations whose effect is unknown: an unknown directive, a helper that could not be read. */
  readonly opaqueOperations: number;
}

export function coverage(input: ReportInput): Coverage {
  const seen = new Set<string>();
  let sqlStatements = 0;
  let sqlNotRead = 0;
  let opaqueOperations = 0;
  for (const analyzed of allRevisions(input)) {
    if (!analyzed.underReview || seen.has(analyzed.revision.file)) continue;
    seen.add(analyzed.revision.file);
    sqlStatements += analyzed.revision.sqlStatements ?? 0;
    for (const operation of analyzed.operations) {
      if (operation.kind !== "opaque") continue;
      if (operation.sqlNotRead) sqlNotRead++;
      else opaqueOperations++;
    }
  }
  return { sqlStatements, sqlNotRead, opaqueOperations };
}

/** One line for the text and markdown summaries. */
export function coverageLine(facts: Coverage): string {
  const unread =
    facts.sqlNotRead > 0 ? `, ${counted(facts.sqlNotRead, "statement")} not read (see unparsed-sql)` : ", all read";
  const opaque =
    facts.opaqueOperations > 0
      ? `; ${counted(facts.opaqueOperations, "operation")} whose effect is unknown (listed as opaque in the JSON report)`
      : "";
  return `read ${counted(facts.sqlStatements, "SQL statement")}${unread}${opaque}`;
}

/** Lines a grouped finding's message names; the rest are counted. */
const LINES_NAMED = 5;

/** The message as reports show it: a grouped finding names the other places of the same problem. */
export function displayMessage(finding: Finding): string {
  const related = finding.related ?? [];
  if (related.length === 0) return finding.message;
  // The same line again (a loop, a helper called twice) is "this line", not a line number that points at itself.
  const own = finding.span;
  const elsewhere = related.filter((place) => place.span.line !== own.line || place.span.file !== own.file);
  const sameLine = related.length - elsewhere.length;
  const lines = [...new Set(elsewhere.map((place) => place.span.line))];
  const named = lines.slice(0, LINES_NAMED).join(", ");
  const more = lines.length > LINES_NAMED ? ` and ${lines.length - LINES_NAMED} more` : "";
  const where = finding.revision !== undefined ? "revision" : "file";
  const places = [
    ...(sameLine > 0 ? ["on this line"] : []),
    ...(lines.length > 0 ? [`line${lines.length === 1 ? "" : "s"} ${named}${more}`] : []),
  ];
  return `${finding.message} (and ${related.length} more like it in this ${where}: ${places.join("; ")})`;
}

/** A decision for reports: `postgresql (database driver asyncpg in pyproject.toml; alembic.ini says sqlite, set aside: why)`. */
export function dialectLine(decision: DialectDecision): string {
  const others = decision.disagreeing.map(
    (item) => `${item.detail} says ${item.dialect}${item.setAside ? ` (set aside: ${item.setAside})` : ""}`,
  );
  return `${decision.dialect} (${decision.detail}${others.length > 0 ? `; ${others.join("; ")}` : ""})`;
}

/**
 * One line for the text and markdown summaries: the dialect of each history and where it came from, and the
 * configuration files read. Undefined when the run did not record them.
 */
export function contextLine(input: ReportInput): string | undefined {
  const { dialects, configFiles } = input;
  if (!dialects) return undefined;
  const own = dialects.histories.filter((history) => history.source === "folder");
  const rest = own.length < dialects.histories.length || own.length === 0;
  // The histories a folder decides name only the folder when the run's line already says what it overruled.
  const ownLine = (history: HistoryDialect) => (rest ? `${history.dialect} (${history.detail})` : dialectLine(history));
  const parts = [
    ...(rest ? [dialectLine(dialects.run)] : []),
    ...own.map((history) => `history ${history.history}: ${ownLine(history)}`),
  ];
  const files = [
    ...(configFiles?.migragate ? [`settings from ${configFiles.migragate}`] : []),
    ...(configFiles && configFiles.alembic.length > 0
      ? [`Alembic configuration ${configFiles.alembic.join(", ")}`]
      : []),
  ];
  return `dialect: ${parts.join("; ")}${files.length > 0 ? `; ${files.join("; ")}` : ""}`;
}
