import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git } from "./support/git.js";
import { check, revisionFile, runCli, writeProject } from "./support/project.js";

function drop(revision: string, down: string | null, column: string): string {
  return revisionFile({ revision, down, upgrade: `op.drop_column("users", "${column}", if_exists=True)` });
}

/** A repository with a1 committed and tagged v1, then b2 committed on top. */
function repository(): string {
  const root = writeProject({ "migrations/versions/a1.py": drop("a1", null, "old_a") });
  git(root, "init", "-q", "-b", "main");
  git(root, "add", ".");
  git(root, "commit", "-q", "-m", "a1");
  git(root, "tag", "v1");
  writeFileSync(join(root, "migrations/versions/b2.py"), drop("b2", "a1", "old_b"));
  git(root, "add", ".");
  git(root, "commit", "-q", "-m", "b2");
  return root;
}

async function reviewed(root: string, since: string) {
  const { report } = await check(join(root, "migrations"), { since });
  return {
    underReview: report.revisions.filter((revision) => revision.underReview).map((revision) => revision.revision),
    findingRevisions: [...new Set(report.findings.map((finding) => finding.revision))],
  };
}

describe("--since", () => {
  it("since a tag reviews the revisions committed after it and keeps the rest as context", async () => {
    const root = repository();
    expect(await reviewed(root, "v1")).toEqual({ underReview: ["b2"], findingRevisions: ["b2"] });
  });

  it("since a commit sha works like a tag, and HEAD reviews nothing", async () => {
    const root = repository();
    expect((await reviewed(root, git(root, "rev-parse", "HEAD~1"))).underReview).toEqual(["b2"]);
    expect(await reviewed(root, "HEAD")).toEqual({ underReview: [], findingRevisions: [] });
  });

  it("since includes staged and untracked files, and old ones whose upgrade the change edits", async () => {
    const root = repository();
    writeFileSync(join(root, "migrations/versions/c3.py"), drop("c3", "b2", "old_c"));
    git(root, "add", "migrations/versions/c3.py");
    writeFileSync(join(root, "migrations/versions/d4.py"), drop("d4", "c3", "old_d"));
    // b2 only gains a comment: no change to what it runs, so it stays context.
    writeFileSync(join(root, "migrations/versions/b2.py"), `# reviewed\n${drop("b2", "a1", "old_b")}`);
    writeFileSync(join(root, "migrations/versions/a1.py"), drop("a1", null, "old_a_edited"));
    const { underReview, findingRevisions } = await reviewed(root, "HEAD");
    expect(underReview).toEqual(["a1", "c3", "d4"]);
    expect(findingRevisions).toContain("a1");
  });

  it("since does not treat a renamed revision file as new", async () => {
    const root = repository();
    renameSync(join(root, "migrations/versions/a1.py"), join(root, "migrations/versions/a1_renamed.py"));
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "rename");
    expect((await reviewed(root, "v1")).underReview).toEqual(["b2"]);
  });

  it("since measures from the merge base, so revisions merged into main after the branch point are context", async () => {
    const root = repository();
    git(root, "checkout", "-q", "-b", "feature", "v1");
    writeFileSync(join(root, "migrations/versions/f1.py"), drop("f1", "a1", "old_f"));
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "f1");
    // main moved on with b2; the feature branch does not hold it, so it is not part of this change.
    expect((await reviewed(root, "main")).underReview).toEqual(["f1"]);
  });

  it("since reports env.py findings only when env.py changed", async () => {
    const root = repository();
    const env =
      'from alembic import context\nconfig = context.config\nconfig.set_main_option("sqlalchemy.url", "postgresql://u:p%ss@h/db")\n';
    writeFileSync(join(root, "migrations/env.py"), env);
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "env");
    const rules = async (since: string) =>
      (await check(join(root, "migrations"), { since })).report.findings.map((finding) => finding.rule);
    expect(await rules("HEAD")).not.toContain("env-url-not-escaped");
    expect(await rules("v1")).toContain("env-url-not-escaped");
  });

  it("since a revision in a shallow clone that lacks it exits 2 with the fix", () => {
    const origin = repository();
    const clone = join(mkdtempSync(join(tmpdir(), "migragate-shallow-")), "clone");
    git(tmpdir(), "clone", "-q", "--depth", "1", `file://${origin}`, clone);
    const sha = git(origin, "rev-parse", "v1");
    const { status, stderr } = runCli(["check", "migrations", "--since", sha], clone);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `migragate: --since: unknown git revision "${sha}" in this shallow clone; fetch the history (e.g. actions/checkout with fetch-depth: 0)\n`,
    );
    const head = runCli(["check", "migrations", "--since", "HEAD", "--format", "json"], clone);
    expect(head.status).toBe(0);
    expect(JSON.parse(head.stdout).findings).toEqual([]);
  });

  it("since outside a git repository exits 2", () => {
    const root = writeProject({ "migrations/versions/a1.py": drop("a1", null, "x") });
    const { status, stderr } = runCli(["check", "migrations", "--since", "main"], root);
    expect(status).toBe(2);
    expect(stderr).toBe("migragate: --since: migrations is not inside a git repository\n");
  });

  it("since an unknown ref exits 2", () => {
    const root = repository();
    const { status, stderr } = runCli(["check", "migrations", "--since", "no-such-branch"], root);
    expect(status).toBe(2);
    expect(stderr).toBe('migragate: --since: unknown git revision "no-such-branch"\n');
  });

  it("since together with --release-after is refused", () => {
    const root = repository();
    const { status, stderr } = runCli(["check", "migrations", "--since", "v1", "--release-after", "a1"], root);
    expect(status).toBe(2);
    expect(stderr).toBe("migragate: --since and --release-after both name the release under review: give one\n");
  });

  it("since feeds contract-same-release with the revisions the change adds", async () => {
    const root = repository();
    writeFileSync(
      join(root, "migrations/versions/c3.py"),
      revisionFile({
        revision: "c3",
        down: "b2",
        upgrade: 'op.execute("UPDATE users SET name = old_b WHERE id < 10")',
      }),
    );
    const { report } = await check(join(root, "migrations"), { since: "v1" });
    expect(
      report.findings.filter((finding) => finding.rule === "contract-same-release").map((f) => f.revision),
    ).toEqual(["b2"]);
  });

  it("since with several paths takes each path's own repository", async () => {
    const first = repository();
    const second = repository();
    const { report } = await check(join(first, "migrations"), {
      paths: [join(first, "migrations"), join(second, "migrations")],
      since: "v1",
    });
    expect(
      report.revisions
        .filter((revision) => revision.underReview)
        .map((revision) => revision.file.split("/").slice(-4).join("/")).length,
    ).toBe(2);
  });
});
