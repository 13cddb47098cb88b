import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { revisionFile, runCli, writeProject } from "./support/project.js";

function project() {
  return writeProject({
    "versions/a1.py": revisionFile({
      revision: "a1",
      upgrade: 'op.add_column("users", sa.Column("email", sa.Text(), nullable=False))',
    }),
    "versions/b2.py": revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: 'op.execute("UPDATE users SET email = lower(email) WHERE id < 100")',
    }),
  });
}

describe("extraction cache", () => {
  it("extraction cache gives the same report on a second run and stores one file per project", () => {
    const root = project();
    const cacheDir = join(root, "cache");
    const first = runCli(["check", ".", "--format", "json", "--cache-dir", cacheDir], root);
    const second = runCli(["check", ".", "--format", "json", "--cache-dir", cacheDir], root);
    expect(first.status).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  it("extraction cache notices a changed file", () => {
    const root = project();
    const cacheDir = join(root, "cache");
    runCli(["check", ".", "--cache-dir", cacheDir], root);
    writeFileSync(
      join(root, "versions/a1.py"),
      revisionFile({
        revision: "a1",
        upgrade: 'op.add_column("users", sa.Column("email", sa.Text(), nullable=True))',
      }),
    );
    const after = runCli(["check", ".", "--format", "json", "--cache-dir", cacheDir], root);
    const report = JSON.parse(after.stdout) as { findings: { rule: string }[] };
    expect(report.findings.map((finding) => finding.rule)).not.toContain("add-column-not-null");
  });

  it("extraction cache is not written with --no-cache", () => {
    const root = project();
    const cacheDir = join(root, "cache");
    runCli(["check", ".", "--no-cache", "--cache-dir", cacheDir], root);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it("extraction cache that cannot be written does not fail the run", () => {
    const root = project();
    writeFileSync(join(root, "not-a-folder"), "");
    const result = runCli(["check", ".", "--format", "json", "--cache-dir", join(root, "not-a-folder", "cache")], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).summary.revisions).toBe(2);
  });

  it("extraction cache under /proc is not written and the run ends at once", () => {
    const root = project();
    const result = runCli(["check", ".", "--format", "json", "--cache-dir", "/proc/migragate-cache"], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).summary.revisions).toBe(2);
  });

  it.each([
    ["MIGRAGATE_CACHE_DIR", ""],
    ["MIGRAGATE_CACHE_DIR", "cache"],
    ["XDG_CACHE_HOME", ""],
    ["XDG_CACHE_HOME", "relative/cache"],
  ])("extraction cache treats %s=%j as unset and never writes into the project", (variable, value) => {
    const root = project();
    const home = writeProject({});
    const env: Record<string, string> = { HOME: home, MIGRAGATE_CACHE_DIR: "", XDG_CACHE_HOME: "", [variable]: value };
    const result = runCli(["check", ".", "--format", "json"], root, env);
    expect(result.status).toBe(1);
    expect(readdirSync(root).sort()).toEqual(["versions"]);
    expect(readdirSync(join(home, ".cache", "migragate"))).toHaveLength(1);
  });

  it("extraction cache that is corrupt is ignored", () => {
    const root = project();
    const cacheDir = join(root, "cache");
    runCli(["check", ".", "--cache-dir", cacheDir], root);
    for (const file of readdirSync(cacheDir)) writeFileSync(join(cacheDir, file), "{ not json");
    const result = runCli(["check", ".", "--format", "json", "--cache-dir", cacheDir], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).summary.revisions).toBe(2);
  });
});

describe("parallel extraction", () => {
  it("parallel extraction gives the same report as one thread on a history over 400 kB", () => {
    const files: Record<string, string> = {};
    const columns = Array.from({ length: 60 }, (_, index) => `sa.Column("c${index}", sa.Text(), nullable=True),`);
    for (let index = 0; index < 160; index++) {
      files[`versions/r${String(index).padStart(3, "0")}.py`] = revisionFile({
        revision: `r${index}`,
        down: index === 0 ? null : `r${index - 1}`,
        upgrade: [
          `op.create_table("t${index}", sa.Column("id", sa.Integer(), primary_key=True), ${columns.join(" ")})`,
          `op.execute("UPDATE t${index} SET c1 = c2")`,
          `op.add_column("t${index}", sa.Column("extra", sa.Text(), nullable=False))`,
        ].join("\n"),
      });
    }
    const root = writeProject(files);
    const single = runCli(["check", ".", "--format", "json", "--no-cache"], root, { MIGRAGATE_THREADS: "1" });
    const parallel = runCli(["check", ".", "--format", "json", "--no-cache"], root, { MIGRAGATE_THREADS: "2" });
    expect(single.stderr).toBe("");
    expect(parallel.stdout).toBe(single.stdout);
    expect(JSON.parse(parallel.stdout).summary.revisions).toBe(160);
  });
});
