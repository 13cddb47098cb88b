import { ALL_ANALYZERS } from "../../analyzers/index.js";
import type { ReportInput, SkippedFile } from "../../src/adapters/report/report-model.js";
import type {
  AnalyzedRevision,
  DeclaredPhase,
  Finding,
  Phase,
  Revision,
  SuppressedFinding,
} from "../../src/domain/index.js";

/**
 * Hand-built report inputs, for what the CLI cannot produce yet (suppressed findings, declared phases, revisions
 * outside the release under review, files the extraction failed on) and for hostile text in every field.
 */
export function revision(
  id: string,
  file: string,
  options: { message?: string; phases?: Phase[]; underReview?: boolean; declaredPhase?: DeclaredPhase } = {},
): AnalyzedRevision {
  const body: Revision = {
    id,
    format: "alembic",
    file,
    downRevisions: [],
    dependsOn: [],
    branchLabels: [],
    ...(options.message !== undefined ? { message: options.message } : {}),
    rawMeta: {},
    upgrade: { operations: [] },
    downgrade: { operations: [] },
    problems: [],
    directives: [],
    phaseExceptions: [],
  };
  return {
    revision: body,
    operations: [],
    phases: options.phases ?? [],
    newTables: new Set(),
    underReview: options.underReview ?? true,
    ...(options.declaredPhase ? { declaredPhase: options.declaredPhase } : {}),
  };
}

export function finding(rule: string, file: string, line: number, overrides: Partial<Finding> = {}): Finding {
  return {
    rule,
    severity: "error",
    message: `${rule} fired`,
    hint: `fix ${rule}`,
    span: { file, line, column: 5, endLine: line, endColumn: 20 },
    ...overrides,
  };
}

export function reportInput(parts: {
  revisions?: AnalyzedRevision[];
  findings?: Finding[];
  suppressed?: SuppressedFinding[];
  skipped?: SkippedFile[];
  failOn?: ReportInput["gate"]["failOn"];
  passed?: boolean;
}): ReportInput {
  const revisions = parts.revisions ?? [];
  return {
    tool: { name: "migragate", version: "1.2.3" },
    dialect: "postgresql",
    result: {
      histories: [{ revisions, heads: revisions.slice(-1).map((entry) => entry.revision.id), scope: "", cycles: [] }],
      findings: parts.findings ?? [],
      suppressed: parts.suppressed ?? [],
    },
    revisions: revisions.map((entry) => entry.revision),
    envFiles: [],
    skipped: parts.skipped ?? [],
    sources: new Map(),
    rules: ALL_ANALYZERS.map((analyzer) => analyzer.meta),
    gate: { failOn: parts.failOn ?? "error", passed: parts.passed ?? (parts.findings ?? []).length === 0 },
  };
}
