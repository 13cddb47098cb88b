import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ANALYZERS } from "../analyzers/index.js";
import { type PlanEnvironment, type PlanOptions, runPlan } from "../src/cli/plan.js";
import { commitAll, edit, git, repositoryWith } from "./support/git.js";
import { revisionFile, runCli, writeProject } from "./support/project.js";
import { planSchemaErrors } from "./support/schema.js";

const REPO = resolve(import.meta.dirname, "..");
const SAMPLE = join(REPO, "samples", "staged-release");

interface JsonRevision {
  id: string;
  role: string;
  step: string;
  summary: string;
  locks: { table: string; lock: string; rewrite: boolean; scan: boolean; newTable: boolean }[];
  locksNotModelled?: string;
  batching?: string;
  batchingFindings: { rule: string; acceptedBecause?: string }[];
  sameRelease: { rule: string; acceptedBecause?: string }[];
}

interface JsonPlan {
  history: number;
  format: string;
  outcome: string;
  revisions: number;
  heads: string[];
  steps: { kind: string; commands: string[]; files: string[]; revisions: JsonRevision[] }[];
  conflicts: {
    revision: { id: string; step: string };
    before: { id: string; step: string }[];
    total: number;
    throughDependsOn: boolean;
  }[];
  mixed: {
    id: string;
    step: string;
    moves: { phase: string; step: string; operations: { line: number; text: string }[] }[];
    findings: { rule: string; severity: string }[];
  }[];
  reorder?: {
    order: string[];
    edits: { id: string; from: string[]; to: string[] }[];
    remainingConflicts: number;
    blockers: string[];
  };
  patch?: string;
  edited: {
    revision?: string;
    file: string;
    rule: string;
    severity: string;
    message: string;
    acceptedBecause?: string;
  }[];
}

interface JsonPlanReport {
  passed: boolean;
  summary: { revisionsUnderReview: number; edited: number };
  lockModel: boolean;
  plans: JsonPlan[];
}

/** Runs `plan` in-process with the JSON renderer, from `cwd` (default: the project folder). */
async function plan(
  root: string,
  options: Partial<PlanOptions> = {},
  environment: Partial<PlanEnvironment> = {},
  cwd: string = root,
): Promise<{ exitCode: number; report: JsonPlanReport; raw: string; stderr: string }> {
  let raw = "";
  let stderr = "";
  const exitCode = await runPlan(
    { paths: [root], select: [], ignore: [], format: "json", ...options },
    {
      cwd,
      analyzers: ALL_ANALYZERS,
      version: "test",
      stdout: (text) => (raw += text),
      stderr: (text) => (stderr += text),
      ...environment,
    },
  );
  const report = JSON.parse(raw) as JsonPlanReport;
  expect(planSchemaErrors(report)).toEqual([]);
  return { exitCode, report, raw, stderr };
}

function stepsOf(report: JsonPlanReport, history = 0) {
  return (report.plans[history]?.steps ?? []).map((step) => ({
    kind: step.kind,
    revisions: step.revisions.map((revision) => revision.id),
  }));
}

function revisionOf(report: JsonPlanReport, id: string): JsonRevision | undefined {
  return report.plans.flatMap((one) => one.steps.flatMap((step) => step.revisions)).find((rev) => rev.id === id);
}

const BASE = revisionFile({
  revision: "a0",
  upgrade: `
op.create_table("users", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("nickname", sa.Text()))
op.create_table("tickets", sa.Column("id", sa.BigInteger(), primary_key=True), sa.Column("subject", sa.Text()))
op.create_table("legacy", sa.Column("id", sa.BigInteger(), primary_key=True))
`,
});

const EXPAND_USERS = 'op.add_column("users", sa.Column("display_name", sa.Text(), nullable=True), if_not_exists=True)';
const EXPAND_TICKETS = 'op.add_column("tickets", sa.Column("priority", sa.SmallInteger(), nullable=True))';
const BATCHED_BACKFILL = `
for low in range(0, 100000, 5000):
    op.execute(f"UPDATE tickets SET priority = 3 WHERE id >= {low} AND id < {low + 5000} AND priority IS NULL")
`;
const DROP_NICKNAME = 'op.drop_column("users", "nickname", if_exists=True)';
const DROP_LEGACY = 'op.drop_table("legacy", if_exists=True)';

/** A linear history: a0 is the last release; each entry is [revision, upgrade], chained in order. */
function chain(entries: readonly [string, string][], extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { "versions/a0.py": BASE, ...extra };
  let down = "a0";
  for (const [revision, upgrade] of entries) {
    files[`versions/${revision}.py`] = revisionFile({ revision, down, upgrade });
    down = revision;
  }
  return writeProject(files);
}

describe("plan steps", () => {
  it("plan steps place expand before the deploy, backfills and safe contracts after it, same-release contracts next release", async () => {
    const root = chain([
      ["e1", EXPAND_USERS],
      ["e2", EXPAND_TICKETS],
      ["b1", BATCHED_BACKFILL],
      ["c1", DROP_LEGACY],
      ["c2", DROP_NICKNAME],
    ]);
    const { exitCode, report } = await plan(root, { releaseAfter: "a0" });
    expect(stepsOf(report)).toEqual([
      { kind: "before-deploy", revisions: ["e1", "e2"] },
      { kind: "deploy", revisions: [] },
      { kind: "after-deploy", revisions: ["b1", "c1"] },
      { kind: "next-release", revisions: ["c2"] },
    ]);
    expect(report.plans[0]?.steps.map((step) => step.commands)).toEqual([
      ["alembic upgrade e2"],
      [],
      ["alembic upgrade c1"],
      ["alembic upgrade c2"],
    ]);
    expect(revisionOf(report, "c2")?.sameRelease.map((finding) => finding.rule)).toEqual(["contract-same-release"]);
    expect(report.plans[0]?.conflicts).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it("plan steps leave out the steps a release does not need", async () => {
    const { report } = await plan(chain([["e1", EXPAND_USERS]]), { releaseAfter: "a0" });
    expect(stepsOf(report)).toEqual([
      { kind: "before-deploy", revisions: ["e1"] },
      { kind: "deploy", revisions: [] },
    ]);
  });

  it("plan steps give a one-line plan when nothing is under review", async () => {
    const root = chain([["e1", EXPAND_USERS]]);
    const { report, exitCode } = await plan(root, { releaseAfter: "e1" });
    expect(report.plans[0]?.outcome).toBe("nothing-to-deploy");
    expect(report.plans[0]?.steps).toEqual([]);
    expect(exitCode).toBe(0);
    const text = runCli(["plan", "--release-after", "e1"], root);
    expect(text.stdout).toContain("History 1: nothing to deploy (no revision under review)");
    expect(text.status).toBe(0);
  });

  it("plan steps run a release of neutral revisions in one step", async () => {
    const root = chain([
      ["n1", "op.execute(\"COMMENT ON TABLE users IS 'people'\")"],
      ["n2", 'op.execute("ANALYZE users")'],
    ]);
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(report.plans[0]?.outcome).toBe("one-step");
    expect(report.plans[0]?.steps.map((step) => [step.kind, step.commands])).toEqual([
      ["any-time", ["alembic upgrade n2"]],
    ]);
    const text = runCli(["plan", "--release-after", "a0"], root);
    expect(text.stdout).toContain("2 revisions under review, all neutral: run everything in one step");
  });

  it("plan steps place a neutral revision with the step of the revisions it follows", async () => {
    const root = chain([
      ["e1", EXPAND_USERS],
      ["c1", DROP_LEGACY],
      ["n1", 'op.execute("ANALYZE users")'],
    ]);
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(revisionOf(report, "n1")?.step).toBe("after-deploy");
    expect(revisionOf(report, "n1")?.role).toBe("neutral");
  });

  it("plan steps give each backfill its batching status from unbatched-backfill", async () => {
    const root = chain([
      ["e1", EXPAND_TICKETS],
      ["b1", BATCHED_BACKFILL],
      ["b2", 'op.execute("UPDATE tickets SET subject = lower(subject)")'],
      [
        "b3",
        'op.execute("UPDATE users SET nickname = lower(nickname)")  # migragate: ignore[unbatched-backfill] -- 200 rows',
      ],
      ["b4", "op.execute(\"UPDATE users SET nickname = 'x' WHERE id = 1\")"],
    ]);
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(["b1", "b2", "b3", "b4"].map((id) => revisionOf(report, id)?.batching)).toEqual([
      "batched",
      "unbatched",
      "accepted",
      "not-flagged",
    ]);
    expect(revisionOf(report, "b3")?.batchingFindings[0]?.acceptedBecause).toBe("200 rows");
    expect(revisionOf(report, "e1")?.batching).toBeUndefined();
  });

  it("plan steps name the strongest lock each revision takes on each table", async () => {
    const root = chain([
      [
        "e1",
        `${EXPAND_TICKETS}
with op.get_context().autocommit_block():
    op.create_index("ix_tickets_priority", "tickets", ["priority"], postgresql_concurrently=True)
op.create_table("tags", sa.Column("id", sa.BigInteger(), primary_key=True))
op.create_index("ix_users_nickname", "users", ["nickname"])`,
      ],
    ]);
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(report.lockModel).toBe(true);
    expect(revisionOf(report, "e1")?.locks).toEqual([
      { table: "tags", lock: "ACCESS EXCLUSIVE", rewrite: false, scan: false, newTable: true },
      { table: "tickets", lock: "ACCESS EXCLUSIVE", rewrite: false, scan: false, newTable: false },
      { table: "users", lock: "SHARE", rewrite: false, scan: true, newTable: false },
    ]);
    const text = runCli(["plan", "--release-after", "a0"], root);
    expect(text.stdout).toContain(
      "locks: ACCESS EXCLUSIVE on tags (new table: blocks nobody); ACCESS EXCLUSIVE on tickets; SHARE on users (reads every row)",
    );
  });

  it("plan steps say that MySQL and SQLite have no lock model", async () => {
    const root = chain([["e1", EXPAND_USERS]]);
    const { report } = await plan(root, { releaseAfter: "a0", dialect: "mysql" });
    expect(report.lockModel).toBe(false);
    expect(revisionOf(report, "e1")?.locks).toEqual([]);
    const text = runCli(["plan", "--release-after", "a0", "--dialect", "sqlite"], root);
    expect(text.stdout).toContain("Locks: not modelled on sqlite (migragate models PostgreSQL's locks only).");
  });

  it("plan steps upgrade to label@rev where the history names its branches", async () => {
    const root = writeProject({
      "versions/a0.py": BASE,
      "versions/x1.py": revisionFile({ revision: "x1", down: "a0", upgrade: EXPAND_USERS }).replace(
        "branch_labels = None",
        'branch_labels = ("expand",)',
      ),
      "versions/x2.py": revisionFile({ revision: "x2", down: "x1", upgrade: EXPAND_TICKETS }),
      "versions/k1.py": revisionFile({ revision: "k1", down: "a0", upgrade: DROP_LEGACY }).replace(
        "branch_labels = None",
        'branch_labels = ("contract",)',
      ),
    });
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(report.plans[0]?.steps.map((step) => step.commands)).toEqual([
      ["alembic upgrade expand@x2"],
      [],
      ["alembic upgrade contract@k1"],
    ]);
  });

  it("plan steps list the files of a plain SQL history instead of Alembic commands", async () => {
    const root = writeProject({
      "sql/001_init.sql": "CREATE TABLE users (id bigint PRIMARY KEY, nickname text);",
      "sql/002_add_display_name.sql": "ALTER TABLE users ADD COLUMN display_name text;",
      "sql/003_drop_nickname.sql": "ALTER TABLE users DROP COLUMN nickname;",
    });
    const { report } = await plan(join(root, "sql"), { releaseAfter: "001_init" }, {}, root);
    expect(report.plans[0]?.format).toBe("sql");
    expect(report.plans[0]?.steps.map((step) => [step.kind, step.commands, step.files])).toEqual([
      ["before-deploy", [], ["sql/002_add_display_name.sql"]],
      ["deploy", [], []],
      ["next-release", [], ["sql/003_drop_nickname.sql"]],
    ]);
  });

  it("plan steps give every independent history a plan of its own", async () => {
    const root = writeProject({
      "one/a0.py": BASE,
      "one/e1.py": revisionFile({ revision: "e1", down: "a0", upgrade: EXPAND_USERS }),
      "two/z0.py": revisionFile({ revision: "z0", upgrade: 'op.execute("ANALYZE users")' }),
    });
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(report.plans.map((one) => [one.history, one.outcome])).toEqual([
      [1, "steps"],
      [2, "one-step"],
    ]);
  });
});

describe("plan order conflicts", () => {
  const conflicted = (): string =>
    chain([
      ["e1", EXPAND_USERS],
      ["c2", DROP_NICKNAME],
      ["e2", EXPAND_TICKETS],
      ["b1", BATCHED_BACKFILL],
    ]);

  it("plan order conflicts name a contract that runs before an expand, and exit 1", async () => {
    const { report, exitCode } = await plan(conflicted(), { releaseAfter: "a0" });
    expect(report.plans[0]?.conflicts).toEqual([
      {
        revision: { id: "c2", file: "versions/c2.py", role: "contract", step: "next-release" },
        before: [
          { id: "e2", file: "versions/e2.py", role: "expand", step: "before-deploy" },
          { id: "b1", file: "versions/b1.py", role: "backfill", step: "after-deploy" },
        ],
        total: 2,
        throughDependsOn: false,
      },
    ]);
    expect(report.passed).toBe(false);
    expect(exitCode).toBe(1);
  });

  it("plan order conflicts propose new down_revision values that move the contract after the others", async () => {
    const { report } = await plan(conflicted(), { releaseAfter: "a0" });
    expect(report.plans[0]?.reorder).toEqual({
      order: ["e1", "e2", "b1", "c2"],
      edits: [
        { id: "c2", file: "versions/c2.py", from: ["e1"], to: ["b1"] },
        { id: "e2", file: "versions/e2.py", from: ["c2"], to: ["e1"] },
      ],
      remainingConflicts: 0,
      blockers: [],
    });
    // The commands are those of the fixed order.
    expect(report.plans[0]?.steps.map((step) => step.commands)).toEqual([
      ["alembic upgrade e2"],
      [],
      ["alembic upgrade b1"],
      ["alembic upgrade c2"],
    ]);
  });

  it("plan order conflicts print the fix as a patch that git apply accepts", async () => {
    const root = conflicted();
    const result = runCli(["plan", "--release-after", "a0"], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "c2 (contract, the next release) runs before e2 (expand, before the code deploy) and 1 more revision",
    );
    expect(result.stdout).toContain("Never reorder a revision that is already applied to some database");
    const { report } = await plan(root, { releaseAfter: "a0" });
    const patch = report.plans[0]?.patch ?? "";
    expect(patch).toContain('-down_revision = "e1"\n+down_revision = "b1"');
    writeFileSync(join(root, "fix.patch"), patch);
    execFileSync("git", ["init", "-q"], { cwd: root });
    execFileSync("git", ["apply", "fix.patch"], { cwd: root });
    expect(readFileSync(join(root, "versions/e2.py"), "utf8")).toContain('down_revision = "e1"');
    const after = await plan(root, { releaseAfter: "a0" });
    expect(after.report.plans[0]?.conflicts).toEqual([]);
    expect(after.exitCode).toBe(0);
  });

  it("plan order conflicts keep a neutral revision with the revision before it", async () => {
    const root = chain([
      ["c2", DROP_NICKNAME],
      ["n1", "op.execute(\"SET lock_timeout = '2s'\")"],
      ["e1", EXPAND_TICKETS],
    ]);
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(report.plans[0]?.reorder?.order).toEqual(["e1", "c2", "n1"]);
  });

  it("plan order conflicts follow depends_on across branches and say so", async () => {
    const root = writeProject({
      "versions/a0.py": BASE,
      "versions/x1.py": revisionFile({ revision: "x1", down: "a0", upgrade: DROP_NICKNAME }),
      "versions/y1.py": revisionFile({ revision: "y1", down: "a0", upgrade: EXPAND_USERS }),
      "versions/y2.py": revisionFile({ revision: "y2", down: "y1", upgrade: EXPAND_TICKETS }).replace(
        "depends_on = None",
        'depends_on = ("x1",)',
      ),
    });
    const { report } = await plan(root, { releaseAfter: "a0" });
    const conflict = report.plans[0]?.conflicts[0];
    expect(conflict?.revision.id).toBe("x1");
    expect(conflict?.before.map((end) => end.id)).toEqual(["y2"]);
    expect(conflict?.throughDependsOn).toBe(true);
    // x1 and y2 are on different branches: no down_revision edit can move one past the other.
    expect(report.plans[0]?.reorder?.remainingConflicts).toBe(1);
  });

  it("plan order conflicts propose an order that keeps depends_on and otherwise the order of the steps", async () => {
    // e2 (expand) depends_on c1 (a safe contract); c2 is a next-release contract on e1's branch. No down_revision edit
    // helps (every run is in order): the fix is the order to run the release in.
    const root = writeProject({
      "versions/a0.py": BASE,
      "versions/c1.py": revisionFile({ revision: "c1", down: "a0", upgrade: DROP_LEGACY }),
      "versions/e1.py": revisionFile({ revision: "e1", down: "a0", upgrade: EXPAND_USERS }),
      "versions/c2.py": revisionFile({ revision: "c2", down: "e1", upgrade: DROP_NICKNAME }),
      "versions/e2.py": revisionFile({ revision: "e2", down: "a0", upgrade: EXPAND_TICKETS }).replace(
        "depends_on = None",
        'depends_on = ("c1",)',
      ),
    });
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(report.plans[0]?.conflicts.map((conflict) => conflict.revision.id)).toEqual(["c1"]);
    expect(report.plans[0]?.reorder?.edits).toEqual([]);
    // c1 goes ahead of e2 only because e2 depends on it; the next-release c2 stays last.
    expect(report.plans[0]?.reorder?.order).toEqual(["e1", "c1", "e2", "c2"]);
    const text = runCli(["plan", "--release-after", "a0"], root);
    expect(text.stdout).toContain("  Fix: run the release in this order: e1, c1, e2, c2\n");
  });

  it("plan order conflicts block --write when a moved revision touches a column the others touch", async () => {
    const root = chain([
      ["e1", EXPAND_USERS],
      ["c2", 'op.alter_column("users", "nickname", new_column_name="handle")'],
      ["e2", 'op.create_index("ix_users_handle", "users", ["handle"])'],
    ]);
    const { report } = await plan(root, { releaseAfter: "a0" });
    expect(report.plans[0]?.reorder?.blockers).toEqual(['c2 would move past e2, and both touch column "users.handle"']);
    const before = readFileSync(join(root, "versions/c2.py"), "utf8");
    const result = runCli(["plan", "--release-after", "a0", "--write", "--yes"], root);
    expect(result.stderr).toContain("history 1 not rewritten: c2 would move past e2");
    expect(result.status).toBe(1);
    expect(readFileSync(join(root, "versions/c2.py"), "utf8")).toBe(before);
  });

  it("plan order conflicts in plain SQL files say how to rename them, without edits", async () => {
    const root = writeProject({
      "sql/001_init.sql": "CREATE TABLE users (id bigint PRIMARY KEY, nickname text);",
      "sql/002_add_display_name.sql": "ALTER TABLE users ADD COLUMN display_name text;",
      "sql/003_drop_nickname.sql": "ALTER TABLE users DROP COLUMN nickname;",
      "sql/004_add_bio.sql": "ALTER TABLE users ADD COLUMN bio text;",
    });
    const { report, exitCode } = await plan(join(root, "sql"), { releaseAfter: "001_init" }, {}, root);
    expect(report.plans[0]?.reorder?.edits).toEqual([]);
    expect(report.plans[0]?.reorder?.blockers).toEqual([
      "plain SQL files run in file-name order: rename them so that they sort as sql/002_add_display_name.sql, sql/004_add_bio.sql, sql/003_drop_nickname.sql",
    ]);
    expect(exitCode).toBe(1);
  });
});

describe("plan order conflicts in a long release", () => {
  it("plan order conflicts compare at most 200,000 pairs of moved revisions and say the count is a floor", async () => {
    // 700 contract revisions, each dropping a column of its own table, then 700 that add one: every drop moves past
    // every add (490,000 pairs), and only d0 and e0 touch the same column.
    const entries: [string, string][] = [
      ...Array.from({ length: 700 }, (_, i): [string, string] => [`d${i}`, `op.drop_column("t${i}", "old")`]),
      ...Array.from({ length: 700 }, (_, i): [string, string] => [
        `e${i}`,
        `op.add_column("${i === 0 ? "t0" : `u${i}`}", sa.Column("old", sa.Text(), nullable=True))`,
      ]),
    ];
    const started = Date.now();
    const { report } = await plan(chain(entries), { releaseAfter: "a0" });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report.plans[0]?.reorder?.blockers).toEqual([
      'd0 would move past e0, and both touch column "t0.old"',
      "moves past the first 200,000 pairs of revisions were not compared",
    ]);
  });
});

describe("plan mixed revisions", () => {
  it("plan mixed revisions say which operations move where, and fail on ddl-with-backfill (an error)", async () => {
    const root = chain([
      ["m1", `${EXPAND_TICKETS}\nop.execute("UPDATE tickets SET priority = 3")`],
      ["e1", 'op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))'],
      ["m2", `${EXPAND_USERS}\n${DROP_NICKNAME}`],
    ]);
    const { report, exitCode } = await plan(root, { releaseAfter: "a0" });
    expect(report.plans[0]?.mixed.map((mixed) => [mixed.id, mixed.step, mixed.moves])).toEqual([
      [
        "m1",
        "before-deploy",
        [
          {
            phase: "backfill",
            step: "after-deploy",
            total: 1,
            operations: [{ line: 16, text: "UPDATE tickets SET priority = 3" }],
          },
        ],
      ],
      [
        "m2",
        "before-deploy",
        [
          {
            // e1 expands users in the same release: contract-same-release defers the drop.
            phase: "contract",
            step: "next-release",
            total: 1,
            operations: [{ line: 16, text: 'op.drop_column("users", "nickname", if_exists=True)' }],
          },
        ],
      ],
    ]);
    expect(report.plans[0]?.mixed.map((mixed) => mixed.findings.map((finding) => finding.rule))).toEqual([
      ["ddl-with-backfill"],
      ["mixed-phases"],
    ]);
    expect(exitCode).toBe(1);
  });

  it("plan mixed revisions send a contract part to the next release only when contract-same-release says so", async () => {
    const root = chain([["m2", `${EXPAND_USERS}\n${DROP_NICKNAME}`]]);
    const { report } = await plan(root, { releaseAfter: "a0" });
    // The rule judges the other revisions of the release: a revision's own expand does not defer its drop.
    expect(report.plans[0]?.mixed[0]?.moves.map((move) => [move.phase, move.step])).toEqual([
      ["contract", "after-deploy"],
    ]);
  });

  it("plan mixed revisions fail only at --fail-on: mixed-phases is a warning", async () => {
    const root = chain([["m2", `${EXPAND_USERS}\n${DROP_NICKNAME}`]]);
    expect((await plan(root, { releaseAfter: "a0" })).exitCode).toBe(0);
    expect((await plan(root, { releaseAfter: "a0", failOn: "warning" })).exitCode).toBe(1);
  });

  it("plan mixed revisions do not fail the plan when the config turns their rule off", async () => {
    const root = chain([["m1", `${EXPAND_TICKETS}\nop.execute("UPDATE tickets SET priority = 3")`]], {
      "migragate.toml": 'release-after = "a0"\n[severity]\nddl-with-backfill = "off"\n',
    });
    const { report, exitCode } = await plan(root);
    expect(report.plans[0]?.mixed.map((mixed) => mixed.id)).toEqual(["m1"]);
    expect(exitCode).toBe(0);
  });
});

describe("plan release selection", () => {
  it("plan release selection is required: without one the plan is a usage error", () => {
    const result = runCli(["plan"], chain([["e1", EXPAND_USERS]]));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "migragate: plan needs the release under review: give --since REF or --release-after REV (or release-after in the config)\n",
    );
  });

  it("plan release selection takes release-after from the config", async () => {
    const root = chain([["e1", EXPAND_USERS]], { "migragate.toml": 'release-after = "a0"\n' });
    const { report } = await plan(root);
    expect(stepsOf(report)[0]).toEqual({ kind: "before-deploy", revisions: ["e1"] });
  });

  it("plan release selection names an unknown revision in one line, exit 2", () => {
    const result = runCli(["plan", "--release-after", "zz99"], chain([["e1", EXPAND_USERS]]));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('migragate: release-after: no revision "zz99" in the analysed history\n');
  });

  it("plan release selection with --since plans the revision files added since a git revision", async () => {
    const root = chain([["e1", EXPAND_USERS]]);
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: tmpdir() };
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, env, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "release 1");
    writeFileSync(join(root, "versions/c1.py"), revisionFile({ revision: "c1", down: "e1", upgrade: DROP_LEGACY }));
    const { report } = await plan(root, { since: "HEAD" });
    expect(stepsOf(report)).toEqual([
      { kind: "deploy", revisions: [] },
      { kind: "after-deploy", revisions: ["c1"] },
    ]);
  });
});

describe("plan edited revisions", () => {
  /** main holds a0 and e1; the branch `feat` edits e1 (already merged) to drop a column, and adds e2. */
  function editedBranch(): string {
    const root = repositoryWith({
      "versions/a0.py": BASE,
      "versions/e1.py": revisionFile({ revision: "e1", down: "a0", upgrade: EXPAND_USERS }),
    });
    git(root, "checkout", "-q", "-b", "feat");
    edit(root, {
      "versions/e1.py": revisionFile({ revision: "e1", down: "a0", upgrade: `${EXPAND_USERS}\n${DROP_LEGACY}` }),
      "versions/e2.py": revisionFile({ revision: "e2", down: "e1", upgrade: EXPAND_TICKETS }),
    });
    commitAll(root, "edit e1, add e2");
    return root;
  }

  it("plan edited revisions never schedule an edited merged revision, name the edit and exit 1 as check does", async () => {
    const root = editedBranch();
    const { exitCode, report } = await plan(root, { since: "main" });
    expect(exitCode).toBe(1);
    expect(report.passed).toBe(false);
    expect(stepsOf(report)).toEqual([
      { kind: "before-deploy", revisions: ["e2"] },
      { kind: "deploy", revisions: [] },
    ]);
    expect(report.plans[0]?.steps[0]?.commands).toEqual(["alembic upgrade e2"]);
    expect(report.summary).toMatchObject({ revisionsUnderReview: 1, edited: 1 });
    expect(report.plans[0]?.edited).toEqual([
      expect.objectContaining({ revision: "e1", file: "versions/e1.py", rule: "revision-edited", severity: "error" }),
    ]);
    expect(report.plans[0]?.edited[0]?.message).toContain('adds drop-table "legacy"');
    const check = runCli(["check", "--since", "main", "--format", "json"], root);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('"revision-edited"');
  });

  it("plan edited revisions in text and markdown say changed since, point at revision-edited and ask for a new revision", () => {
    const root = editedBranch();
    const text = runCli(["plan", "--since", "main"], root);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain("migragate plan: the revision files added or changed since main (postgresql)");
    expect(text.stdout).toContain(
      "History 1: 1 revision under review in 2 steps, 1 edit of a merged revision blocks the plan",
    );
    expect(text.stdout).toContain(
      "1 change to revisions that existed at main (revision-edited): environments that already ran them will never run the change; move it into a new revision",
    );
    expect(text.stdout).toContain('    - e1 (versions/e1.py), line 1: revision "e1" existed at main');
    expect(text.stdout).not.toContain("alembic upgrade e1");
    expect(text.stdout).toMatch(/1 edit of merged revisions: the plan needs changes\n$/);
    const markdown = runCli(["plan", "--since", "main", "--format", "markdown"], root);
    expect(markdown.status).toBe(1);
    expect(markdown.stdout).toContain("The release: the revision files added or changed since main.");
    expect(markdown.stdout).toContain("#### ❌ 1 change to revisions that existed at main (revision-edited)");
    expect(markdown.stdout).toContain("- `e1` (`versions/e1.py`), `revision-edited` (error): line 1:");
  });

  it("plan edited revisions: an edit accepted with a reason is scheduled and does not fail the plan", async () => {
    const root = editedBranch();
    const accepted = revisionFile({ revision: "e1", down: "a0", upgrade: `${EXPAND_USERS}\n${DROP_LEGACY}` });
    edit(root, {
      "versions/e1.py": `# migragate: ignore-file[revision-edited] -- never deployed anywhere yet\n${accepted}`,
    });
    commitAll(root, "accept the edit");
    const { exitCode, report } = await plan(root, { since: "main" });
    expect(report.plans[0]?.edited).toEqual([
      expect.objectContaining({ revision: "e1", acceptedBecause: "never deployed anywhere yet" }),
    ]);
    expect(report.summary.edited).toBe(0);
    expect(stepsOf(report)[0]).toEqual({ kind: "before-deploy", revisions: ["e1", "e2"] });
    expect(report.passed).toBe(true);
    expect(exitCode).toBe(0);
  });
});

describe("plan --write", () => {
  function sampleCopy(): string {
    const root = writeProject({});
    cpSync(SAMPLE, root, { recursive: true });
    return root;
  }

  it("plan --write refuses without a terminal unless --yes is given", () => {
    const root = sampleCopy();
    const file = join(root, "migrations/versions/8d1a6f3c2e57_add_tickets_priority.py");
    const before = readFileSync(file, "utf8");
    const result = runCli(["plan", "--write"], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "migragate: --write asks before it edits revision files, and there is no terminal to ask on: add --yes to apply the fix without asking\n",
    );
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("plan --write --yes rewrites down_revision and Revises:, after which the plan holds", () => {
    const root = sampleCopy();
    const result = runCli(["plan", "--write", "--yes"], root);
    expect(result.stderr).toBe(
      "migragate: rewrote down_revision in 2 file(s): migrations/versions/7c4f0e2a9b16_drop_users_nickname.py, " +
        "migrations/versions/8d1a6f3c2e57_add_tickets_priority.py\n",
    );
    expect(result.status).toBe(0);
    const moved = readFileSync(join(root, "migrations/versions/7c4f0e2a9b16_drop_users_nickname.py"), "utf8");
    expect(moved).toContain("Revises: c0b7d2e4f819\n");
    expect(moved).toContain('down_revision: Union[str, Sequence[str], None] = "c0b7d2e4f819"\n');
    const again = runCli(["plan", "--format", "json"], root);
    expect(again.status).toBe(0);
    const report = JSON.parse(again.stdout) as JsonPlanReport;
    expect(report.plans[0]?.conflicts).toEqual([]);
    expect(report.plans[0]?.heads).toEqual(["7c4f0e2a9b16"]);
  });

  it("plan --write --yes prints the plan of the rewritten history: what was rewritten, no conflict, as the exit code says", async () => {
    const root = sampleCopy();
    const files = [
      "migrations/versions/7c4f0e2a9b16_drop_users_nickname.py",
      "migrations/versions/8d1a6f3c2e57_add_tickets_priority.py",
    ];
    const text = runCli(["plan", "--write", "--yes"], root);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      `\n--write rewrote down_revision in 2 files (${files.join(", ")}): this is the plan of the history as rewritten\n`,
    );
    expect(text.stdout).toContain("History 1: 5 revisions under review in 4 steps\n");
    expect(text.stdout).not.toContain("Fix:");
    expect(text.stdout).toMatch(/\n1 history, 0 order conflicts, 0 mixed revisions: the plan holds\n$/);
    const json = await plan(sampleCopy(), { write: true, yes: true });
    expect(json.exitCode).toBe(0);
    expect(json.report.passed).toBe(true);
    expect((json.report as unknown as { rewritten: string[] }).rewritten).toEqual(files);
    expect(json.report.plans[0]?.conflicts).toEqual([]);
  });

  it("plan --write shows the patch with the question, then prints the plan of the rewritten history", async () => {
    const root = sampleCopy();
    const { exitCode, report, stderr } = await plan(root, { write: true }, { confirm: async () => true });
    expect(stderr).toContain("+Revises: c0b7d2e4f819\n");
    expect(stderr.indexOf("+Revises: c0b7d2e4f819")).toBeLessThan(stderr.indexOf("Never reorder a revision"));
    expect(exitCode).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.plans[0]?.conflicts).toEqual([]);
  });

  it("plan --write asks on the terminal and writes nothing when the answer is no", async () => {
    const root = sampleCopy();
    const questions: string[] = [];
    const confirm = async (question: string) => {
      questions.push(question);
      return false;
    };
    const { exitCode, stderr } = await plan(root, { write: true }, { confirm });
    expect(questions).toEqual([
      "Rewrite down_revision in 2 file(s): migrations/versions/7c4f0e2a9b16_drop_users_nickname.py, " +
        "migrations/versions/8d1a6f3c2e57_add_tickets_priority.py? [y/N] ",
    ]);
    expect(stderr).toContain("Never reorder a revision that is already applied to some database");
    expect(stderr).toContain("migragate: --write: nothing written\n");
    expect(exitCode).toBe(1);
    expect((await plan(root)).report.plans[0]?.conflicts.length).toBe(1);
  });

  it("plan --write applies the fix when the answer is yes", async () => {
    const root = sampleCopy();
    const { exitCode } = await plan(root, { write: true }, { confirm: async () => true });
    expect(exitCode).toBe(0);
    expect((await plan(root)).report.plans[0]?.conflicts).toEqual([]);
  });

  it("plan --write refuses a file that changed since it was analysed", async () => {
    const root = sampleCopy();
    const file = join(root, "migrations/versions/8d1a6f3c2e57_add_tickets_priority.py");
    const confirm = async () => {
      writeFileSync(file, `${readFileSync(file, "utf8")}\n# edited meanwhile\n`);
      return true;
    };
    await expect(plan(root, { write: true }, { confirm })).rejects.toThrow(
      "migrations/versions/8d1a6f3c2e57_add_tickets_priority.py: changed since it was analysed; run the plan again",
    );
    expect(readFileSync(join(root, "migrations/versions/7c4f0e2a9b16_drop_users_nickname.py"), "utf8")).toContain(
      '= "5b2e8d1f0a93"',
    );
  });

  // util-linux's script(1) runs the CLI on a real pseudo-terminal and types the answer into it.
  it.runIf(process.platform === "linux")("plan --write asks on a real terminal and applies the fix on yes", () => {
    const root = sampleCopy();
    const bin = join(REPO, "bin", "migragate.js");
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} plan --write > plan.txt`;
    const env: NodeJS.ProcessEnv = { ...process.env, MIGRAGATE_CACHE_DIR: join(root, ".cache") };
    // A test run inside GitHub Actions must not write to the job's step summary.
    delete env.GITHUB_ACTIONS;
    delete env.GITHUB_STEP_SUMMARY;
    const output = execFileSync("script", ["-qec", command, "/dev/null"], {
      cwd: root,
      input: "y\n",
      encoding: "utf8",
      env,
    });
    expect(output).toContain("Rewrite down_revision in 2 file(s)");
    expect(output).toContain("migragate: rewrote down_revision in 2 file(s)");
    expect(readFileSync(join(root, "migrations/versions/8d1a6f3c2e57_add_tickets_priority.py"), "utf8")).toContain(
      '= "5b2e8d1f0a93"',
    );
  });

  it("plan --write has nothing to write without a conflict", async () => {
    const root = chain([["e1", EXPAND_USERS]]);
    const { exitCode, stderr } = await plan(root, { releaseAfter: "a0", write: true, yes: true });
    expect(stderr).toBe("migragate: --write: no order conflict, nothing to write\n");
    expect(exitCode).toBe(0);
  });
});

describe("plan formats", () => {
  it("plan formats: the JSON of the sample matches docs/plan.schema.json and is byte-identical run after run", async () => {
    const first = await plan(SAMPLE, {}, {}, REPO);
    const second = await plan(SAMPLE, {}, {}, REPO);
    expect(second.raw).toBe(first.raw);
  });

  it("plan formats: the JSON of risky-app, with its cycle and broken graph, matches the schema", async () => {
    const { report } = await plan(join(REPO, "samples", "risky-app"), {}, {}, REPO);
    expect(report.plans.length).toBeGreaterThan(1);
  });

  it("plan formats: markdown for a pull-request comment, with the patch in a diff block", () => {
    const result = runCli(["plan", "samples/staged-release", "--format", "markdown"], REPO);
    expect(result.stdout).toContain("<!-- migragate plan -->\n## ❌ migragate: deploy plan");
    expect(result.stdout).toContain("#### 4. Next release, once no instance of the old code is left");
    expect(result.stdout).toContain(
      "_`alembic upgrade head` pipelines: a follow-up pull request, merged after the deploy._",
    );
    expect(result.stdout).toContain("```diff\n--- a/samples/staged-release/migrations/versions/7c4f0e2a9b16");
  });

  it("plan formats: --output writes the plan to a file and GitHub Actions gets the markdown in its step summary", () => {
    const root = writeProject({});
    cpSync(SAMPLE, root, { recursive: true });
    const summary = join(root, "summary.md");
    writeFileSync(summary, "check summary\n");
    const result = runCli(["plan", "--output", "plan.txt"], root, { GITHUB_STEP_SUMMARY: summary });
    expect(result.stdout).toBe("");
    expect(result.status).toBe(1);
    expect(readFileSync(join(root, "plan.txt"), "utf8")).toContain("1. Before the code deploy");
    const appended = readFileSync(summary, "utf8");
    expect(appended.startsWith("check summary\n<!-- migragate plan -->")).toBe(true);
  });
});

/** Runs `plan` in-process and returns what it printed, for the text and markdown renderers. */
async function planText(root: string, options: Partial<PlanOptions>, cwd: string = root): Promise<string> {
  let raw = "";
  await runPlan(
    { paths: [root], select: [], ignore: [], format: "text", ...options },
    { cwd, analyzers: ALL_ANALYZERS, version: "test", stdout: (text) => (raw += text), stderr: () => {} },
  );
  return raw;
}

describe("plan renderers", () => {
  const RISKY = join(REPO, "samples", "risky-app");

  it("plan renderers: the text plan of risky-app names conflicts, blockers, mixed revisions, accepted findings and cycles", async () => {
    const text = await planText(RISKY, {}, REPO);
    expect(text).toContain("migragate plan: the revisions after 0085e71989f2 (postgresql)");
    expect(text).toContain("order conflicts: Alembic runs a chain in order");
    expect(text).toContain("--write will not apply it:");
    expect(text).toContain("mixed revisions: no single step fits them");
    expect(text).toContain("move the backfill operations to a new revision after the deploy:");
    expect(text).toContain("contract-same-release accepted in the revision:");
    expect(text).toContain("(accepted: see expand_drop_exceptions)");
    expect(text).toContain("1 operation migragate could not read: locks unknown");
    expect(text).toContain("(1 cycle in its down_revision graph: Alembic cannot run those revisions)");
    expect(text).toMatch(/\d+ histories, \d+ order conflicts, \d+ mixed revisions: the plan needs changes\n$/);
  });

  it("plan renderers: the markdown plan of risky-app names the rules and keeps its tables whole", async () => {
    const markdown = await planText(RISKY, { format: "markdown" }, REPO);
    expect(markdown).toContain("#### ❌ ");
    // No rule document is published from a test checkout: the rule is named, with no link that leads nowhere.
    expect(markdown).toContain("- `ddl-with-backfill` (");
    expect(markdown).toContain("`--write` will not apply it:");
    expect(markdown).toContain("- move the contract operations to a new revision in the next release: line ");
    for (const line of markdown.split("\n").filter((row) => row.startsWith("| `"))) {
      // Every row has the five cells of its header: no unescaped pipe splits one.
      expect(line.replace(/\\\|/g, "").split("|").length).toBe(7);
    }
  });

  it("plan renderers: the markdown plan of a long release stays under GitHub's comment limit", async () => {
    const entries: [string, string][] = [];
    for (let index = 0; index < 300; index++) {
      const column = `${"long_column_name_".repeat(4)}${index}`;
      entries.push([
        `r${index}`,
        index % 2 === 0
          ? `op.add_column("users", sa.Column("${column}", sa.Text(), nullable=True))`
          : `op.drop_column("tickets", "${column}")`,
      ]);
    }
    const markdown = await planText(chain(entries), { releaseAfter: "a0", format: "markdown" });
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toContain("more revisions: see the text or JSON plan.");
    expect(markdown.endsWith("<sub>migragate test</sub>\n")).toBe(true);
  });

  it("plan renderers word a plain SQL history for its files, not for Alembic", async () => {
    const root = writeProject({
      "sql/001_init.sql": "CREATE TABLE users (id bigint PRIMARY KEY, nickname text);",
      "sql/002_drop_nickname.sql": "ALTER TABLE users DROP COLUMN nickname;",
      "sql/003_add_bio.sql": "ALTER TABLE users ADD COLUMN bio text;",
    });
    const options = { releaseAfter: "001_init", dialect: "mysql" as const };
    const text = await planText(join(root, "sql"), options, root);
    expect(text).toContain("     (pipelines that apply every file: merge and release now)\n");
    expect(text).toContain("  1 order conflict: the files run in order (by file name)\n");
    const markdown = await planText(join(root, "sql"), { ...options, format: "markdown" }, root);
    expect(markdown).toContain("_pipelines that apply every file: merge and release now._");
    expect(markdown).toContain(
      "The files run in order (by file name): each of these runs before files of an earlier step",
    );
    for (const plan of [text, markdown]) {
      expect(plan).not.toMatch(/alembic upgrade head|Alembic runs/i);
    }
    // An Alembic history keeps Alembic's words.
    const alembic = await planText(
      chain([
        ["c1", DROP_LEGACY],
        ["e1", EXPAND_USERS],
      ]),
      { releaseAfter: "a0" },
    );
    expect(alembic).toContain("(`alembic upgrade head` pipelines: merge and release now)");
    expect(alembic).toContain("1 order conflict: Alembic runs a chain in order");
  });

  it("plan renderers: text and markdown of a plain SQL history on MySQL, of a neutral release and of nothing", async () => {
    const root = writeProject({
      "sql/001_init.sql": "CREATE TABLE users (id bigint PRIMARY KEY, nickname text);",
      "sql/002_drop_nickname.sql": "ALTER TABLE users DROP COLUMN nickname;",
      "sql/003_add_bio.sql": "ALTER TABLE users ADD COLUMN bio text;",
    });
    const sql = await planText(join(root, "sql"), { releaseAfter: "001_init", dialect: "mysql" }, root);
    expect(sql).toContain("run: sql/003_add_bio.sql");
    expect(sql).toContain("Fix: run the release in this order: 003_add_bio, 002_drop_nickname");
    expect(sql).toContain("Not written by --write:");
    expect(sql).toContain("Locks: not modelled on mysql (migragate models PostgreSQL's locks only).");
    const sqlMarkdown = await planText(
      join(root, "sql"),
      { releaseAfter: "001_init", dialect: "mysql", format: "markdown" },
      root,
    );
    expect(sqlMarkdown).toContain("Run, in order: `sql/003_add_bio.sql`");
    expect(sqlMarkdown).toContain("Locks: not modelled on mysql");
    const neutral = chain([["n1", 'op.execute("ANALYZE users")']]);
    expect(await planText(neutral, { releaseAfter: "a0" })).toContain("$ alembic upgrade n1");
    expect(await planText(neutral, { releaseAfter: "a0", format: "markdown" })).toContain(
      "all neutral: run everything in one step",
    );
    expect(await planText(neutral, { releaseAfter: "n1", format: "markdown" })).toContain(
      "### History 1: nothing to deploy (no revision under review)",
    );
  });
});

describe("plan text layout", () => {
  it("plan text layout wraps at COLUMNS at word boundaries with a hanging indent, never inside a command or the patch", () => {
    const wide = runCli(["plan", SAMPLE], REPO, { NO_COLOR: "1" }).stdout;
    const narrow = runCli(["plan", SAMPLE], REPO, { NO_COLOR: "1", COLUMNS: "60" }).stdout;
    const wideLines = new Set(wide.split("\n"));
    expect(narrow).not.toBe(wide);
    for (const line of narrow.split("\n")) {
      // Longer lines are a single word (a path is never cut), a command, or a line of the patch, all as unwrapped.
      if (line.length > 60) expect(/^ *\S+$/.test(line) || wideLines.has(line), line).toBe(true);
    }
    expect(narrow).toContain("     $ alembic upgrade 8d1a6f3c2e57\n");
    expect(narrow).toContain(
      "  1 order conflict: Alembic runs a chain in order\n    - 7c4f0e2a9b16 (contract, the next release) runs before\n        8d1a6f3c2e57 (expand,",
    );
    // Words are never cut: the same words in the same order.
    const words = (text: string) => text.split(/\s+/).filter((word) => word !== "");
    expect(words(narrow)).toEqual(words(wide));
  });

  it("plan text layout wraps in-process at the width main.ts passes, as the CLI does", async () => {
    let narrow = "";
    await runPlan(
      { paths: [SAMPLE], select: [], ignore: [], format: "text" },
      {
        cwd: REPO,
        analyzers: ALL_ANALYZERS,
        version: "test",
        width: 60,
        stdout: (text) => (narrow += text),
        stderr: () => {},
      },
    );
    expect(narrow).toBe(runCli(["plan", SAMPLE], REPO, { NO_COLOR: "1", COLUMNS: "60" }).stdout);
  });

  it("plan text layout does not wrap when standard output is not a terminal and COLUMNS is unset", () => {
    const plain = runCli(["plan", SAMPLE], REPO, { NO_COLOR: "1" }).stdout;
    expect(plain.split("\n").some((line) => line.length > 120 && !line.startsWith("     - "))).toBe(true);
    expect(plain).toContain(
      "    - 7c4f0e2a9b16 (contract, the next release) runs before 8d1a6f3c2e57 (expand, before the code deploy) and 2 more revisions: either",
    );
  });

  it("plan text layout leaves a plan written to a file unwrapped, even with COLUMNS", () => {
    const root = writeProject({});
    const file = join(root, "plan.txt");
    runCli(["plan", SAMPLE, "--output", file], REPO, { COLUMNS: "60" });
    expect(readFileSync(file, "utf8")).toBe(runCli(["plan", SAMPLE], REPO, { NO_COLOR: "1" }).stdout);
  });
});

describe("plan samples", () => {
  it("plan samples staged-release needs all four steps and has one order conflict", async () => {
    const { report, exitCode } = await plan(SAMPLE, {}, {}, REPO);
    expect(stepsOf(report)).toEqual([
      { kind: "before-deploy", revisions: ["5b2e8d1f0a93", "8d1a6f3c2e57"] },
      { kind: "deploy", revisions: [] },
      { kind: "after-deploy", revisions: ["a6e93b5d1c08", "c0b7d2e4f819"] },
      { kind: "next-release", revisions: ["7c4f0e2a9b16"] },
    ]);
    expect(report.plans[0]?.conflicts.map((conflict) => conflict.revision.id)).toEqual(["7c4f0e2a9b16"]);
    expect(report.plans[0]?.reorder?.blockers).toEqual([]);
    expect(revisionOf(report, "a6e93b5d1c08")?.batching).toBe("batched");
    expect(exitCode).toBe(1);
  });

  it("plan samples: docs/plan.md shows the plan of staged-release exactly as the CLI prints it", () => {
    const doc = readFileSync(join(REPO, "docs", "plan.md"), "utf8");
    const start = "```sh\nnode bin/migragate.js plan samples/staged-release\n```\n\n```text\n";
    const from = doc.indexOf(start);
    expect(from).toBeGreaterThan(0);
    const shown = doc.slice(from + start.length, doc.indexOf("```\n", from + start.length));
    expect(runCli(["plan", "samples/staged-release"], REPO, { NO_COLOR: "1" }).stdout).toBe(shown);
  });
});
