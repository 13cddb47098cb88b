import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, edit, git, repositoryWith } from "../support/git.js";
import { check, EXTRACTION_WORKER, findingsOf, revisionFile, runCli, slowToParse } from "../support/project.js";

const RULE = "revision-edited";

const A1 = revisionFile({
  revision: "a1",
  upgrade: 'op.create_table("orders", sa.Column("id", sa.Integer, primary_key=True), sa.Column("total", sa.Integer))',
  downgrade: 'op.drop_table("orders")',
});
const B2 = revisionFile({
  revision: "b2",
  down: "a1",
  upgrade: 'op.add_column("orders", sa.Column("note", sa.Text(), nullable=True))',
  downgrade: 'op.drop_column("orders", "note")',
});

/** a1 and b2 merged on main; the test goes on from a feature branch. */
function merged(extra: Record<string, string> = {}): string {
  const root = repositoryWith({ "migrations/versions/a1.py": A1, "migrations/versions/b2.py": B2, ...extra });
  git(root, "checkout", "-q", "-b", "feature");
  return root;
}

async function since(root: string, ref = "main") {
  const { report, exitCode } = await check(join(root, "migrations"), { since: ref }, root);
  return { report, exitCode, findings: findingsOf(report, RULE) };
}

describe("revision-edited", () => {
  it("revision-edited fires when a pull request adds an operation to a merged revision, and the gate fails", async () => {
    const root = merged();
    edit(root, {
      "migrations/versions/b2.py": B2.replace(
        "nullable=True))",
        'nullable=True))\n    op.drop_column("orders", "total")',
      ),
    });
    const { findings, exitCode, report } = await since(root);
    expect(findings).toEqual([
      expect.objectContaining({
        file: "migrations/versions/b2.py",
        line: 1,
        severity: "error",
        revision: "b2",
        message:
          'revision "b2" existed at main, and this change edits its upgrade (adds drop-column "orders.total"): ' +
          "environments that already ran it will never run this change",
      }),
    ]);
    expect(findings[0]?.hint).toContain("put the change in a new revision");
    // The edited revision is under review: its other findings are reported too.
    expect(report.revisions.filter((revision) => revision.underReview).map((revision) => revision.revision)).toEqual([
      "b2",
    ]);
    expect(findingsOf(report, "drop-column").map((finding) => finding.revision)).toEqual(["b2"]);
    expect(exitCode).toBe(1);
  });

  it("revision-edited names a changed setting of an operation and a removed operation", async () => {
    const root = merged();
    edit(root, {
      "migrations/versions/b2.py": B2.replace("nullable=True", "nullable=False"),
      "migrations/versions/a1.py": A1.replace(', sa.Column("total", sa.Integer)', "").replace(
        'op.create_table("orders"',
        'op.create_table("orders"',
      ),
    });
    const messages = (await since(root)).findings.map((finding) => finding.message);
    expect(messages).toEqual([
      expect.stringContaining('edits its upgrade (changes create-table "orders")'),
      expect.stringContaining('edits its upgrade (changes add-column "orders.note")'),
    ]);
  });

  it("revision-edited fires for edited graph metadata", async () => {
    const root = merged();
    edit(root, {
      "migrations/versions/b2.py": B2.replace('down_revision = "a1"', "down_revision = None").replace(
        "branch_labels = None",
        'branch_labels = ("billing",)',
      ),
    });
    const [finding] = (await since(root)).findings;
    expect(finding?.message).toBe(
      'revision "b2" existed at main, and this change edits its graph metadata (down_revision "a1" -> None, ' +
        'branch_labels None -> "billing"): environments that already ran it will never run this change',
    );
    expect(finding?.hint).toContain("Restore the revision's metadata as it was at main");
  });

  it("revision-edited stays silent for comments, the docstring, formatting and downgrade-only edits", async () => {
    const root = merged();
    const reformatted = B2.replace('"""b2 migration', '"""b2 migration, now documented')
      .replace('op.add_column("orders"', "# a note for readers\n    op.add_column(\n        'orders'")
      .replace("sa.Text(), nullable=True))", "sa.Text(), nullable=True),\n    )")
      .replace('op.drop_column("orders", "note")', 'op.drop_column("orders", "note")\n    op.execute("SELECT 1")');
    edit(root, { "migrations/versions/b2.py": reformatted });
    const { findings, report } = await since(root);
    expect(findings).toEqual([]);
    expect(report.revisions.filter((revision) => revision.underReview)).toEqual([]);
  });

  it("revision-edited stays silent for a renamed revision file and for new revisions", async () => {
    const root = merged();
    git(root, "mv", "migrations/versions/b2.py", "migrations/versions/b2_add_note.py");
    edit(root, {
      "migrations/versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: 'op.drop_table("x")' }),
    });
    commitAll(root, "rename b2, add c3");
    const { findings, report } = await since(root);
    expect(findings).toEqual([]);
    expect(report.revisions.filter((revision) => revision.underReview).map((revision) => revision.revision)).toEqual([
      "c3",
    ]);
  });

  it("revision-edited fires for a deleted revision another revision still names, at the one that names it", async () => {
    const root = merged({
      "migrations/versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: "pass" }),
    });
    edit(root, { "migrations/versions/b2.py": null });
    const { findings, exitCode, report } = await since(root);
    // The broken reference is an error of its own, even though c3 is older than the change: the change broke it.
    expect(findingsOf(report, "unknown-down-revision").map((finding) => [finding.file, finding.message])).toEqual([
      [
        "migrations/versions/c3.py",
        'revision "c3" has down_revision "b2", but no revision or branch label "b2" exists: this change deletes ' +
          "migrations/versions/b2.py, which declared it",
      ],
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        file: "migrations/versions/c3.py",
        revision: "c3",
        message:
          'revision "b2" (migrations/versions/b2.py) existed at main and this change deletes it, but "c3" still ' +
          "names it as down_revision or depends_on: Alembic cannot build the history, and environments that ran it " +
          "record it in alembic_version",
      }),
    ]);
    expect(exitCode).toBe(1);
  });

  it("revision-edited reports a deletion and an edit in one revision as two findings, both in the text report", () => {
    const root = merged({
      "migrations/versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: "pass" }),
    });
    edit(root, {
      "migrations/versions/b2.py": null,
      "migrations/versions/c3.py": revisionFile({
        revision: "c3",
        down: "b2",
        upgrade: 'op.drop_column("orders", "total")',
      }),
    });
    const json = runCli(["check", "migrations", "--since", "main", "--format", "json"], root);
    const findings = (JSON.parse(json.stdout) as { findings: { rule: string; message: string; related?: [] }[] })
      .findings;
    const edited = findings.filter((finding) => finding.rule === RULE);
    expect(edited.map((finding) => [finding.message, finding.related])).toEqual([
      [
        expect.stringContaining('revision "b2" (migrations/versions/b2.py) existed at main and this change deletes it'),
        undefined,
      ],
      [expect.stringContaining('revision "c3" existed at main, and this change edits its upgrade'), undefined],
    ]);
    const text = runCli(["check", "migrations", "--since", "main"], root).stdout;
    expect(text).toContain("this change deletes it");
    expect(text).toContain('edits its upgrade (adds drop-column "orders.total")');
    expect(text).not.toContain("more like it");
  });

  it("revision-edited fires for a deleted revision a new revision names, and unknown-down-revision says why", async () => {
    const root = merged();
    edit(root, {
      "migrations/versions/b2.py": null,
      "migrations/versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: "pass" }),
    });
    const { findings, report } = await since(root);
    expect(findings.map((finding) => [finding.file, finding.revision])).toEqual([["migrations/versions/c3.py", "c3"]]);
    // The broken reference is an error of its own, whatever is decided about the deletion (accepted, say).
    expect(findingsOf(report, "unknown-down-revision").map((finding) => [finding.message, finding.hint])).toEqual([
      [
        'revision "c3" has down_revision "b2", but no revision or branch label "b2" exists: this change deletes ' +
          "migrations/versions/b2.py, which declared it",
        "Restore migrations/versions/b2.py, or point down_revision in migrations/versions/c3.py at a revision that exists.",
      ],
    ]);
  });

  it("revision-edited left out of the run leaves a deleted revision still named to unknown-down-revision", async () => {
    const root = merged();
    edit(root, {
      "migrations/versions/b2.py": null,
      "migrations/versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: "pass" }),
    });
    const { report, exitCode } = await check(join(root, "migrations"), { since: "main", ignore: [RULE] }, root);
    expect(findingsOf(report, "unknown-down-revision").map((finding) => finding.revision)).toEqual(["c3"]);
    expect(exitCode).toBe(1);
  });

  it("revision-edited left out still leaves an older revision naming a deleted one an error", async () => {
    const root = merged({
      "migrations/versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: "pass" }),
    });
    edit(root, { "migrations/versions/b2.py": null });
    const { report, exitCode } = await check(join(root, "migrations"), { since: "main", ignore: [RULE] }, root);
    expect(findingsOf(report, "unknown-down-revision").map((finding) => finding.revision)).toEqual(["c3"]);
    expect(exitCode).toBe(1);
  });

  it("revision-edited fires for a deleted revision whose id only a sibling dialect folder still declares", async () => {
    const folder = (dialect: string) => ({
      [`migrations/${dialect}/versions/a1.py`]: A1,
      [`migrations/${dialect}/versions/b2.py`]: B2,
    });
    const root = repositoryWith({ ...folder("postgresql"), ...folder("mysql"), ...folder("sqlite") });
    git(root, "checkout", "-q", "-b", "feature");
    edit(root, {
      "migrations/postgresql/versions/b2.py": null,
      "migrations/postgresql/versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: "pass" }),
    });
    const { findings, report, exitCode } = await since(root);
    expect(findings.map((finding) => [finding.file, finding.revision])).toEqual([
      ["migrations/postgresql/versions/c3.py", "c3"],
    ]);
    expect(findingsOf(report, "unknown-down-revision").map((finding) => finding.revision)).toEqual(["c3"]);
    expect(exitCode).toBe(1);
  });

  it("revision-edited stays silent for a revision moved to a file migragate could not analyse", async () => {
    const root = merged({
      "migrations/versions/c3.py": revisionFile({ revision: "c3", down: "b2", upgrade: "pass" }),
    });
    edit(root, {
      "migrations/versions/b2.py": null,
      "migrations/versions/b2_note.py": slowToParse(B2),
      "migragate.toml": "max-file-seconds = 0.5\n",
    });
    // In an extraction thread, as the CLI runs: the time limit applies there.
    let stderr = "";
    const { report, exitCode } = await check(join(root, "migrations"), { since: "main" }, root, {
      workerScript: EXTRACTION_WORKER,
      stderr: (text) => {
        stderr += text;
      },
    });
    expect(exitCode).toBe(2);
    expect(stderr).toContain("migrations/versions/b2_note.py");
    expect(findingsOf(report, RULE)).toEqual([]);
    expect(findingsOf(report, "unknown-down-revision")).toEqual([]);
  });

  it("revision-edited fires for a deleted revision an older one names by its branch label", async () => {
    const root = repositoryWith({
      "migrations/versions/a1.py": A1,
      "migrations/versions/b2.py": B2.replace("branch_labels = None", 'branch_labels = ("billing",)'),
      "migrations/versions/c3.py": revisionFile({ revision: "c3", down: "a1", upgrade: "pass" }).replace(
        "depends_on = None",
        'depends_on = "billing"',
      ),
    });
    git(root, "checkout", "-q", "-b", "feature");
    edit(root, { "migrations/versions/b2.py": null });
    const { findings, report, exitCode } = await since(root);
    expect(findings.map((finding) => [finding.file, finding.revision])).toEqual([["migrations/versions/c3.py", "c3"]]);
    expect(findingsOf(report, "unknown-down-revision").map((finding) => finding.message)).toEqual([
      'revision "c3" has depends_on "billing", but no revision or branch label "billing" exists: this change ' +
        "deletes migrations/versions/b2.py, which declared it",
    ]);
    expect(exitCode).toBe(1);
  });

  it("revision-edited stays silent for a deleted revision nothing names any more", async () => {
    const root = merged();
    edit(root, { "migrations/versions/b2.py": null });
    expect((await since(root)).findings).toEqual([]);
  });

  it("revision-edited fires once per helper module whose change alters merged revisions", async () => {
    const helper = [
      "from alembic import op",
      "import sqlalchemy as sa",
      "",
      "",
      "def add_flag(table):",
      '    op.add_column(table, sa.Column("flag", sa.Boolean(), nullable=True))',
      "",
    ].join("\n");
    const user = (id: string, down: string) =>
      revisionFile({ revision: id, down, header: "from app.helpers import add_flag", upgrade: `add_flag("t_${id}")` });
    const root = merged({
      "app/__init__.py": "",
      "app/helpers.py": helper,
      "migrations/versions/c3.py": user("c3", "b2"),
      "migrations/versions/d4.py": user("d4", "c3"),
    });
    // A comment in the helper changes nothing; a changed column does.
    edit(root, { "app/helpers.py": `# shared helpers\n${helper}` });
    expect((await since(root)).findings).toEqual([]);
    edit(root, { "app/helpers.py": helper.replace("nullable=True", "nullable=False") });
    const { findings, report } = await since(root);
    expect(findings).toEqual([
      expect.objectContaining({
        file: "app/helpers.py",
        line: 1,
        severity: "error",
        message:
          "helper module app/helpers.py changed since main, and that changes the upgrade operations of 2 revisions " +
          'that existed there ("c3", "d4"): environments that already ran them will never run this change',
      }),
    ]);
    // The helper's revisions stay context: only the helper is reported.
    expect(report.revisions.filter((revision) => revision.underReview)).toEqual([]);
  });

  it("revision-edited counts a helper change only for revisions that existed at the base", async () => {
    const helper = "from alembic import op\n\n\ndef retire(table):\n    op.drop_table(table)\n";
    const root = merged({ "app/__init__.py": "", "app/helpers.py": helper });
    edit(root, {
      "app/helpers.py": helper.replace("op.drop_table(table)", "op.drop_table(table, if_exists=True)"),
      "migrations/versions/c3.py": revisionFile({
        revision: "c3",
        down: "b2",
        header: "from app.helpers import retire",
        upgrade: 'retire("old")',
      }),
    });
    expect((await since(root)).findings).toEqual([]);
  });

  it("revision-edited applies to plain SQL migration files edited after they were merged", async () => {
    const root = repositoryWith({
      "sql/001_users.sql": "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);\n",
      "sql/002_email.sql": "ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;\n",
    });
    edit(root, {
      "sql/002_email.sql": "-- the e-mail address\nALTER TABLE users ADD COLUMN IF NOT EXISTS email text;\n",
    });
    const quiet = await check(join(root, "sql"), { since: "main" }, root);
    expect(findingsOf(quiet.report, RULE)).toEqual([]);
    edit(root, { "sql/002_email.sql": "ALTER TABLE users ADD COLUMN IF NOT EXISTS email text NOT NULL;\n" });
    const { report } = await check(join(root, "sql"), { since: "main" }, root);
    expect(findingsOf(report, RULE).map((finding) => [finding.file, finding.revision])).toEqual([
      ["sql/002_email.sql", "002_email"],
    ]);
  });

  it("revision-edited is silent without --since, and the built CLI reports it with --since", () => {
    const root = merged();
    edit(root, { "migrations/versions/b2.py": B2.replace("nullable=True", "nullable=False") });
    const plain = runCli(["check", "migrations", "--format", "json"], root);
    expect(JSON.parse(plain.stdout).findings.map((finding: { rule: string }) => finding.rule)).not.toContain(RULE);
    const gate = runCli(["check", "migrations", "--since", "main"], root);
    expect(gate.status).toBe(1);
    expect(gate.stdout).toContain('error revision-edited revision "b2" existed at main');
  });
});

describe("revision-edited on a revision of thousands of operations", () => {
  it("revision-edited pairs each changed operation with a removed one of its label, in linear time", async () => {
    const drops = (prefix: string, count: number) =>
      Array.from(
        { length: count },
        (_, i) => `op.drop_column("orders", "${prefix}${i}", if_exists=${i % 2 ? "True" : "False"})`,
      );
    const before = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: [...drops("x", 6000), ...drops("y", 2)].join("\n"),
    });
    const root = merged({ "migrations/versions/b2.py": before });
    // The same columns with the other if_exists: 6,000 changed operations; y1 is gone and z0 is new (6,002 phrases).
    const after = revisionFile({
      revision: "b2",
      down: "a1",
      upgrade: [
        ...drops("x", 6000).map((line) =>
          line.replace(/if_exists=(True|False)/, (_, value) => `if_exists=${value === "True" ? "False" : "True"}`),
        ),
        'op.drop_column("orders", "y0", if_exists=False)',
        'op.drop_column("orders", "z0")',
      ].join("\n"),
    });
    edit(root, { "migrations/versions/b2.py": after });
    const started = Date.now();
    const { findings } = await since(root);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(findings[0]?.message).toContain(
      '(changes drop-column "orders.x0", changes drop-column "orders.x1", changes drop-column "orders.x2", and 5999 more)',
    );
  });
});
