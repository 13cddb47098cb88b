// The CLI tests run the bundled binary; these run the same entry points in-process so coverage sees them.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ANALYZERS } from "../analyzers/index.js";
import { ExtractionCache } from "../src/adapters/fs/extraction-cache.js";
import { type CheckOptions, runCheck } from "../src/cli/check.js";
import type { CachedExtraction } from "../src/cli/extract-project.js";
import type { AnalysisInput, Analyzer } from "../src/domain/index.js";
import { revisionFile, writeProject } from "./support/project.js";

const NOT_NULL = 'op.add_column("users", sa.Column("email", sa.Text(), nullable=False))';

async function run(
  root: string,
  options: Partial<CheckOptions> = {},
  extra: { color?: boolean; cacheDir?: string } = {},
): Promise<{ exitCode: number; out: string }> {
  let out = "";
  const cacheDir = extra.cacheDir;
  const exitCode = await runCheck(
    { paths: [root], reports: [{ format: "text" }], select: [], ignore: [], failOn: "error", ...options },
    {
      cwd: root,
      analyzers: ALL_ANALYZERS,
      version: "test",
      color: extra.color ?? false,
      stdout: (text) => (out += text),
      stderr: (text) => (out += text),
      ...(cacheDir ? { cache: () => ExtractionCache.open<CachedExtraction>(cacheDir, root, "test-build") } : {}),
    },
  );
  return { exitCode, out };
}

describe("text report", () => {
  it("text report shows location, severity, rule, code frame, hint and summary", async () => {
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }) });
    const { exitCode, out } = await run(root, { select: ["add-column-not-null"] });
    expect(exitCode).toBe(1);
    const lines = out.split("\n");
    expect(lines[0]).toBe("revision a1: a1 migration [expand]");
    expect(lines[1]).toMatch(/^versions\/a1\.py:15:5 error add-column-not-null column "email" is added/);
    expect(lines[2]).toContain("15 |     op.add_column(");
    expect(lines[3]).toMatch(/\|\s+\^+$/);
    expect(lines[4]).toMatch(/^ {2}hint: /);
    expect(out).toContain(
      "1 revision in 1 history, all under review: 1 expand, 0 backfill, 0 contract, 0 mixed, 0 neutral only",
    );
    expect(out).toContain("1 finding: 1 error, 0 warnings, 0 infos");
  });

  it("text report suggests init when a run without a baseline finds problems in revisions later ones build on", async () => {
    const drop = (revision: string, down: string | null) =>
      revisionFile({ revision, down, upgrade: `op.drop_column("users", "${revision}", if_exists=True)` });
    const root = writeProject({
      "versions/a1.py": drop("a1", null),
      "versions/b2.py": drop("b2", "a1"),
      "versions/c3.py": drop("c3", "b2"),
    });
    const hint =
      "Findings in 2 revisions that later ones build on: if they already ran in production, `migragate init` makes the existing history a baseline and only new revisions are judged";
    const lines = (await run(root)).out.trimEnd().split("\n");
    // The verdict ends the report; the suggestion comes right before it.
    expect(lines.at(-2)).toBe(hint);
    expect(lines.at(-1)).toMatch(/^PASSED: \d+ warnings, none at or above --fail-on error$/);
    expect(lines.filter((line) => line.includes("migragate init"))).toHaveLength(1);
    for (const narrowed of [{ startAfter: ["a1"] }, { releaseAfter: "a1" }]) {
      expect((await run(root, narrowed)).out).not.toContain("migragate init");
    }
    const onlyHead = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/b2.py": drop("b2", "a1"),
    });
    expect((await run(onlyHead)).out).not.toContain("migragate init");
  });

  it("text report colours only when asked", async () => {
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }) });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    const ansi = /\u001b\[/;
    expect((await run(root, {}, { color: true })).out).toMatch(ansi);
    expect((await run(root, {}, { color: false })).out).not.toMatch(ansi);
  });

  it("text report names files that were not analysed", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }),
      "versions/helpers.py": "def helper():\n    return 1\n",
    });
    const { out } = await run(root);
    expect(out).toContain("versions/helpers.py: not analysed: no `revision` identifier");
  });
});

describe("extraction cache in-process", () => {
  it("extraction cache serves the second run from disk with the same report", async () => {
    const root = writeProject({
      "migrations/env.py": 'config.set_main_option("sqlalchemy.url", os.environ["URL"])\n',
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }),
    });
    const cacheDir = mkdtempSync(join(tmpdir(), "migragate-cache-test-"));
    const first = await run(root, { reports: [{ format: "json" }] }, { cacheDir });
    const second = await run(root, { reports: [{ format: "json" }] }, { cacheDir });
    expect(second).toEqual(first);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(JSON.parse(second.out).findings.map((finding: { rule: string }) => finding.rule)).toContain(
      "env-url-not-escaped",
    );
  });
});

describe("shared scans", () => {
  it("shared scan runs once for every rule that asks for it", async () => {
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: NOT_NULL }) });
    let scans = 0;
    const countColumns = (input: AnalysisInput) => {
      scans += 1;
      return input.revisions.flatMap((rev) => rev.operations.filter((op) => op.kind === "add-column"));
    };
    const seen: unknown[] = [];
    const asking = (name: string): Analyzer => ({
      meta: { name, group: "style", defaultSeverity: "warning", summary: name, rationale: "", safeAlternative: "" },
      check(input) {
        seen.push(input.shared(countColumns));
        return [];
      },
    });
    let out = "";
    await runCheck(
      { paths: [root], reports: [{ format: "text" }], select: ["scan-a", "scan-b"], ignore: [], failOn: "never" },
      {
        cwd: root,
        analyzers: [asking("scan-a"), asking("scan-b")],
        version: "test",
        color: false,
        stdout: (text) => (out += text),
        stderr: (text) => (out += text),
      },
    );
    expect(scans).toBe(1);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).toHaveLength(1);
  });
});
