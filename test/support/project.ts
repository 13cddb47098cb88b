import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll } from "vitest";
import { ALL_ANALYZERS } from "../../analyzers/index.js";
import { type CheckEnvironment, type CheckOptions, runCheck } from "../../src/cli/check.js";

const created: string[] = [];
/** The CLI's extraction cache for this test file: never the user's own cache folder. */
const cacheDir = mkdtempSync(join(tmpdir(), "migragate-test-cache-"));
created.push(cacheDir);

afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Writes files (path relative to a new temp folder -> content, string or bytes) and returns the folder. */
export function writeProject(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "migragate-test-"));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  hint: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  revision?: string;
  related?: { line: number; column: number; endLine: number; endColumn: number; message: string; hint: string }[];
}

export interface JsonOperation {
  kind: string;
  phase?: string;
  origin: string;
  table?: string;
  column?: string;
  line: number;
  endLine: number;
  text: string;
  sql?: string;
  context?: Record<string, unknown>;
}

export interface JsonRevision {
  revision: string;
  history: number;
  downRevisions: string[];
  branchLabels: string[];
  file: string;
  message?: string;
  phases: string[];
  underReview: boolean;
  declaredPhase?: { phase: string; source: string; evidence: string };
  operations: JsonOperation[];
  downgradeOperations: JsonOperation[];
}

export interface JsonReport {
  schemaVersion: number;
  dialect: string;
  dialectSource?: string;
  configFile?: string;
  alembicConfigs?: string[];
  summary: Record<string, unknown> & { revisions: number; histories: number; findings: number };
  revisions: JsonRevision[];
  findings: JsonFinding[];
  suppressed: (JsonFinding & { suppression: { kind: string; reason?: string; file: string; line: number } })[];
  envFiles: string[];
  skippedFiles: { file: string; reason: string }[];
}

/** The bundled extraction thread that the global setup builds: in-process runs use it to extract as the CLI does. */
export const EXTRACTION_WORKER = new URL("../../dist/worker.js", import.meta.url);

/** Runs `check` in-process with the JSON reporter, from `cwd` (default: the project folder). */
export async function check(
  root: string,
  options: Partial<CheckOptions> = {},
  cwd: string = root,
  environment: Partial<CheckEnvironment> = {},
): Promise<{ exitCode: number; report: JsonReport; raw: string }> {
  let raw = "";
  const exitCode = await runCheck(
    { paths: [root], reports: [{ format: "json" }], select: [], ignore: [], failOn: "error", ...options },
    {
      cwd,
      analyzers: ALL_ANALYZERS,
      version: "test",
      color: false,
      stdout: (text) => (raw += text),
      stderr: (text) => {
        throw new Error(`unexpected stderr: ${text}`);
      },
      ...environment,
    },
  );
  return { exitCode, report: JSON.parse(raw) as JsonReport, raw };
}

/** A revision file with the usual Alembic header around an upgrade() body (indented by 4 spaces). */
export function revisionFile(options: {
  revision: string;
  down?: string | null | string[];
  upgrade: string;
  downgrade?: string;
  header?: string;
}): string {
  const down =
    options.down === undefined || options.down === null
      ? "None"
      : Array.isArray(options.down)
        ? `(${options.down.map((value) => JSON.stringify(value)).join(", ")})`
        : JSON.stringify(options.down);
  const indent = (body: string) =>
    body
      .trim()
      .split("\n")
      .map((line) => `    ${line}`)
      .join("\n");
  return `"""${options.revision} migration

Revision ID: ${options.revision}
"""
from alembic import op
import sqlalchemy as sa
${options.header ?? ""}
revision = ${JSON.stringify(options.revision)}
down_revision = ${down}
branch_labels = None
depends_on = None


def upgrade():
${indent(options.upgrade)}


def downgrade():
${indent(options.downgrade ?? "pass")}
`;
}

/**
 * The revision file with a helper() of `lines` comment lines before its downgrade(): tree-sitter-python's scanner is
 * quadratic in such a block, so the file takes seconds to parse and runs past a short `max-file-seconds`.
 */
export function slowToParse(revision: string, lines = 8000): string {
  const comments = "    # a comment line in a long commented-out block\n".repeat(lines);
  return revision.replace("def downgrade():", `def helper():\n${comments}    pass\n\n\ndef downgrade():`);
}

/**
 * Findings of one rule, one per place: a grouped finding (one per rule and revision) is spread back into its places,
 * each with its own message, so assertions can speak of every statement.
 */
export function findingsOf(report: JsonReport, rule: string): JsonFinding[] {
  return report.findings
    .filter((finding) => finding.rule === rule)
    .flatMap(({ related, ...finding }) => [finding, ...(related ?? []).map((place) => ({ ...finding, ...place }))])
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

export const BIN = resolve(import.meta.dirname, "../../bin/migragate.js");

/** Runs the real built CLI as a user does. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const inherited = { ...process.env };
  delete inherited.NO_COLOR;
  delete inherited.FORCE_COLOR;
  // The text report wraps at COLUMNS: a test's output must not depend on the terminal it was started from.
  delete inherited.COLUMNS;
  // A test run inside GitHub Actions must not add annotations to the output, nor write to the job's step summary.
  delete inherited.GITHUB_ACTIONS;
  delete inherited.GITHUB_STEP_SUMMARY;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...inherited, MIGRAGATE_CACHE_DIR: cacheDir, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The 1-based line and column where the `occurrence`-th `needle` starts in `source`, for precise span assertions. */
export function locate(source: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    index = source.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${occurrence} time(s) in the source`);
  }
  const before = source.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
}

/**
 * An env.py that sets lock_timeout on every connection, as a careful project does: fixtures about other rules use it
 * so that missing-lock-timeout does not join their findings.
 */
export const ENV_WITH_LOCK_TIMEOUT = `from alembic import context
from sqlalchemy import create_engine

engine = create_engine("postgresql://app@db/app", connect_args={"options": "-c lock_timeout=5s"})
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
`;
