import type { ReportInput } from "../adapters/report/report-model.js";
import { ruleDocsTemplate } from "../adapters/report/rule-docs.js";
import { failsAt, isRuleSelected } from "../services/engine.js";
import { opaqueUnderReview, someOpaque } from "../services/opaque.js";
import { type AnalysisEnvironment, analyzeProject } from "./analyze-project.js";
import { deliverReports } from "./deliver-reports.js";
import { type ReportTarget, validateReports } from "./report-targets.js";
import type { CommandLineSettings } from "./settings.js";

export type { ReportTarget };

export interface CheckOptions extends CommandLineSettings {
  /** The reports to write (see `pairReports`); none means the text report on standard output. */
  readonly reports: readonly ReportTarget[];
}

export interface CheckEnvironment extends AnalysisEnvironment {
  readonly version: string;
  readonly color: boolean;
  /** The width the text report on standard output wraps at (see `reportWidth`); none: no wrapping. */
  readonly width?: number;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Running as a GitHub Actions step (GITHUB_ACTIONS=true): annotations are printed besides the reports asked for. */
  readonly githubActions?: boolean;
  /** GITHUB_STEP_SUMMARY: the file the markdown report is appended to. */
  readonly stepSummary?: string;
  /** The web address of migragate's repository, when package.json names one: reports link its rule documents. */
  readonly repositoryUrl?: string;
}

/** The `check` command: discover, extract, analyse, report. Returns the exit code. */
export async function runCheck(options: CheckOptions, environment: CheckEnvironment): Promise<number> {
  const reports: readonly ReportTarget[] = options.reports.length > 0 ? options.reports : [{ format: "text" }];
  validateReports(reports, environment.cwd);
  const { settings, dialect, dialects, configFiles, revisions, envFiles, sources, skipped, failed, selection, result } =
    await analyzeProject(options, environment);
  const rules = environment.analyzers
    .map((analyzer) => analyzer.meta)
    .filter((meta) => isRuleSelected(meta.name, selection));
  // The verdict is decided here, once, and every report shows the same one.
  const opaque = settings.failOnOpaque ? opaqueUnderReview(result) : [];
  const failsGate = failsAt(result.findings, settings.failOn) || opaque.length > 0;
  const ruleDocs = ruleDocsTemplate(environment.repositoryUrl, settings.docsUrl);
  const input: ReportInput = {
    tool: { name: "migragate", version: environment.version },
    dialect,
    result,
    revisions,
    envFiles,
    skipped,
    sources,
    rules,
    gate: {
      failOn: settings.failOn,
      passed: failed.length === 0 && !failsGate,
      ...(opaque.length > 0 ? { opaque: opaque.length } : {}),
    },
    links: {
      ...(environment.repositoryUrl !== undefined ? { project: environment.repositoryUrl } : {}),
      ...(ruleDocs !== undefined ? { ruleDocs } : {}),
    },
    wholeHistory:
      settings.startAfter === undefined && settings.releaseAfter === undefined && settings.since === undefined,
    dialects,
    configFiles,
  };
  await deliverReports(input, reports, environment);
  // A gate cannot pass over a file it could not read: the report names it, and the run ends as an input error.
  if (failed.length > 0) {
    const names = failed.map((file) => file.file).join(", ");
    environment.stderr(`migragate: ${failed.length} file(s) could not be analysed (see the report): ${names}\n`);
    return 2;
  }
  if (opaque.length > 0) {
    environment.stderr(
      `migragate: ${opaque.length} opaque operation(s) under review fail the gate (fail-on-opaque): ${someOpaque(opaque)}\n`,
    );
  }
  return failsGate ? 1 : 0;
}
