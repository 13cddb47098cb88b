// Project-local helper modules: `from myapp.db import migration` then `migration.create_table_if_not_exists(...)`.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, findingsOf, type JsonReport, revisionFile, runCli, writeProject } from "./support/project.js";

const HELPERS = `"""Migration helpers shared by the revisions."""
from alembic import op
import sqlalchemy as sa

EXPAND_BRANCH = "expand"
CONTRACT_BRANCH = "contract"


def create_table_if_not_exists(name, *columns):
    if not sa.inspect(op.get_bind()).has_table(name):
        op.create_table(name, *columns)


def drop_tenant_column(table):
    op.drop_column(table, "tenant_id")


def alter_enum_add_value(enum, value):
    op.execute(f"ALTER TYPE {enum} ADD VALUE IF NOT EXISTS '{value}'")
`;

/** A git repository holding the package `myapp` with its helper module and a migrations folder inside it. */
function project(upgrade: string, extra: Record<string, string> = {}, header = "from myapp.db import migration") {
  const root = writeProject({
    "myapp/__init__.py": "",
    "myapp/db/__init__.py": "",
    "myapp/db/migration.py": HELPERS,
    "myapp/db/migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade, header }),
    ...extra,
  });
  spawnSync("git", ["init", "-q"], { cwd: root });
  return root;
}

/** migragate's report on a git repository holding `files`, checking the migrations folder inside it. */
async function checkRepository(files: Record<string, string>, migrations = "myapp/db/migrations") {
  const root = writeProject(files);
  spawnSync("git", ["init", "-q"], { cwd: root });
  return check(`${root}/${migrations}`, {}, root);
}

function operationsOf(report: JsonReport) {
  return (report.revisions[0]?.operations ?? []).map((operation) => [operation.kind, operation.table, operation.line]);
}

describe("helper modules", () => {
  it("helper modules: a function called through the module is walked, its operations placed at the call", async () => {
    const root = project(
      'migration.drop_tenant_column("ports")\nmigration.alter_enum_add_value("port_status", "DOWN")',
    );
    const { report } = await check(`${root}/myapp/db/migrations`, {}, root);
    expect(operationsOf(report)).toEqual([
      ["drop-column", "ports", 15],
      ["alter-enum-add-value", undefined, 16],
    ]);
    expect(findingsOf(report, "drop-column").map((finding) => [finding.file, finding.line])).toEqual([
      ["myapp/db/migrations/versions/a1.py", 15],
    ]);
    const helpers = report.revisions[0]?.operations[0]?.context?.helpers;
    expect(helpers).toEqual(["migration.drop_tenant_column"]);
  });

  it("helper modules: a function imported by name keeps the existence check it makes", async () => {
    const root = project(
      'create_table_if_not_exists("audit", sa.Column("id", sa.BigInteger(), primary_key=True))',
      {},
      "from myapp.db.migration import create_table_if_not_exists",
    );
    const { report } = await check(
      `${root}/myapp/db/migrations`,
      { extendSelect: ["op-without-if-exists-strict"] },
      root,
    );
    expect(operationsOf(report)).toEqual([["create-table", "audit", 15]]);
    expect(report.revisions[0]?.operations[0]?.context?.existenceGuard).toBe(true);
    expect(findingsOf(report, "op-without-if-exists-strict")).toEqual([]);
  });

  it("helper modules: branch labels held by the module's constants name the branches", async () => {
    const files: Record<string, string> = {
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/migration.py": HELPERS,
    };
    const header = "from myapp.db import migration";
    files["myapp/db/migrations/versions/base.py"] = revisionFile({ revision: "base", upgrade: "pass" });
    files["myapp/db/migrations/versions/e1.py"] = revisionFile({
      revision: "e1",
      down: "base",
      upgrade: "pass",
      header,
    }).replace("branch_labels = None", "branch_labels = (migration.EXPAND_BRANCH,)");
    files["myapp/db/migrations/versions/c1.py"] = revisionFile({
      revision: "c1",
      down: "base",
      upgrade: 'op.drop_column("ports", "tenant_id")',
      header,
    }).replace("branch_labels = None", "branch_labels = migration.CONTRACT_BRANCH");
    const root = writeProject(files);
    spawnSync("git", ["init", "-q"], { cwd: root });
    const { report } = await check(`${root}/myapp/db/migrations`, {}, root);
    expect(report.revisions.map((revision) => [revision.revision, revision.branchLabels])).toEqual([
      ["base", []],
      ["c1", ["contract"]],
      ["e1", ["expand"]],
    ]);
    expect(findingsOf(report, "multiple-heads")).toEqual([]);
    expect(report.revisions.find((revision) => revision.revision === "c1")?.declaredPhase?.phase).toBe("contract");
  });

  it("helper modules: a constant holds the value a name had where it is assigned, when the module rebinds it", async () => {
    const labels = 'from myapp.db.names import BASE\nFIRST = BASE + "_expand"\nBASE = "later"\nSECOND = BASE\n';
    const header = "from myapp.db import labels";
    const { report } = await checkRepository({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/names.py": 'BASE = "billing"\n',
      "myapp/db/labels.py": labels,
      "myapp/db/migrations/versions/e1.py": revisionFile({ revision: "e1", upgrade: "pass", header }).replace(
        "branch_labels = None",
        "branch_labels = (labels.FIRST, labels.SECOND)",
      ),
    });
    expect(report.revisions.map((revision) => revision.branchLabels)).toEqual([["billing_expand", "later"]]);
  });

  it("helper modules: a module first used deep inside nested calls reads its constants as at the top", async () => {
    const labels = 'def expand(name):\n    return name + "_expand"\n\n\nBRANCH = expand("billing")\n';
    const nested = [
      "from myapp.db import labels",
      "",
      "def d():\n    return labels.BRANCH",
      "def c():\n    return d()",
      "def b():\n    return c()",
      "def a():\n    return b()",
    ].join("\n\n");
    const { report } = await checkRepository({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/labels.py": labels,
      "myapp/db/migrations/versions/e1.py": revisionFile({ revision: "e1", upgrade: "pass", header: nested }).replace(
        "branch_labels = None",
        "branch_labels = (a(),)",
      ),
    });
    expect(report.revisions.map((revision) => revision.branchLabels)).toEqual([["billing_expand"]]);
  });

  it("helper modules: a second import of a name that the module does not bind leaves the first one", async () => {
    const labels = [
      "from myapp.db.names import BASE",
      "from myapp.db.compat import BASE",
      'LABEL = BASE + "_expand"',
    ].join("\n");
    const { report } = await checkRepository({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/names.py": 'BASE = "billing"\n',
      "myapp/db/compat.py": 'import sys\n\nif sys.version_info < (3, 8):\n    BASE = "old"\n',
      "myapp/db/labels.py": `${labels}\n`,
      "myapp/db/migrations/versions/e1.py": revisionFile({
        revision: "e1",
        upgrade: "pass",
        header: "from myapp.db import labels",
      }).replace("branch_labels = None", "branch_labels = (labels.LABEL,)"),
    });
    expect(report.revisions.map((revision) => revision.branchLabels)).toEqual([["billing_expand"]]);
  });

  it("helper modules: a name imported sixty thousand times resolves without a deep chain of calls", async () => {
    const imports = `from myapp.db.names import (${Array.from({ length: 60_000 }, () => "N").join(", ")})`;
    const { report, exitCode } = await checkRepository({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/names.py": 'OTHER = "x"\n',
      "myapp/db/migrations/versions/e1.py": revisionFile({ revision: "e1", upgrade: "pass", header: imports }).replace(
        "branch_labels = None",
        "branch_labels = (N,)",
      ),
    });
    expect(exitCode).toBe(0);
    expect(report.revisions.map((revision) => revision.branchLabels)).toEqual([["«N»"]]);
  });

  it("helper modules: a module that reaches itself through its package while it loads sees nothing of itself", async () => {
    const { report, exitCode } = await checkRepository({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/sub.py": "import myapp\n\nX = myapp.db.sub.X\n",
      "myapp/db/migrations/versions/e1.py": revisionFile({
        revision: "e1",
        upgrade: "pass",
        header: "import myapp",
      }).replace("branch_labels = None", "branch_labels = (myapp.db.sub.X,)"),
    });
    expect(exitCode).toBe(0);
    expect(report.revisions.map((revision) => revision.branchLabels)).toEqual([["«myapp.db.sub.X»"]]);
  });

  it("helper modules: an import cycle through a package's __init__ sees the names bound before it", async () => {
    const { report } = await checkRepository({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": 'SCHEMA = "billing"\nfrom .labels import EXPAND\nALL = (EXPAND,)\n',
      "myapp/db/labels.py": 'from . import SCHEMA\nEXPAND = SCHEMA + "_expand"\n',
      "myapp/db/migrations/versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: "pass",
        header: "from myapp.db import EXPAND",
      }).replace("branch_labels = None", "branch_labels = (EXPAND,)"),
      "myapp/db/migrations/versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: "pass",
        header: "from myapp.db.labels import EXPAND",
      }).replace("branch_labels = None", 'branch_labels = (EXPAND + "_b",)'),
    });
    expect(report.revisions.map((revision) => revision.branchLabels)).toEqual([
      ["billing_expand"],
      ["billing_expand_b"],
    ]);
  });

  it("helper modules: a module inside a package runs after the package's __init__, whichever is imported first", async () => {
    const { report } = await checkRepository({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": 'SCHEMA = "billing"\nfrom .labels import EXPAND\nALL = EXPAND + "_all"\n',
      "myapp/db/labels.py": 'from . import SCHEMA\nEXPAND = SCHEMA + "_expand"\n',
      "myapp/db/migrations/versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: "pass",
        header: "from myapp.db.labels import EXPAND",
      }).replace("branch_labels = None", "branch_labels = (EXPAND,)"),
      "myapp/db/migrations/versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        upgrade: "pass",
        header: "from myapp.db import ALL",
      }).replace("branch_labels = None", "branch_labels = (ALL,)"),
    });
    expect(report.revisions.map((revision) => revision.branchLabels)).toEqual([
      ["billing_expand"],
      ["billing_expand_all"],
    ]);
  });

  it("helper modules: an edited package __init__ makes stale every cached revision that read a module inside it", () => {
    const revision = (id: string, down: string | null) =>
      revisionFile({ revision: id, down, upgrade: "pass", header: "from myapp.db.c import C" }).replace(
        "branch_labels = None",
        `branch_labels = (C + "_${id}",)`,
      );
    const root = writeProject({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/c.py": "from myapp.x import X\nC = X\n",
      "myapp/x.py": "from myapp.y import Y\nX = Y\n",
      "myapp/y.py": 'Y = "y"\n',
      "myapp/migrations/versions/a1.py": revision("a1", null),
      "myapp/migrations/versions/b2.py": revision("b2", "a1"),
    });
    spawnSync("git", ["init", "-q"], { cwd: root });
    const cacheDir = join(root, ".cache");
    const labels = (cache: boolean) => {
      const options = cache ? ["--cache-dir", cacheDir] : ["--no-cache"];
      const result = runCli(["check", "myapp/migrations", "--format", "json", ...options], root);
      return (JSON.parse(result.stdout) as JsonReport).revisions.map((revision) => revision.branchLabels);
    };
    expect(labels(true)).toEqual([["y_a1"], ["y_b2"]]);
    writeFileSync(join(root, "myapp/db/__init__.py"), "from .c import C\nALL = C\n");
    expect(labels(true)).toEqual(labels(false));
  });

  it("helper modules: a chain of modules reached through package attributes stays within the nesting limit", async () => {
    const files: Record<string, string> = { "myapp/__init__.py": "", "myapp/db/__init__.py": "" };
    for (let index = 0; index < 150; index++)
      files[`myapp/db/m${index}.py`] =
        `import myapp.db\n\nX = ${"(".repeat(90)}myapp.db.m${index + 1}.X${")".repeat(90)}\n`;
    files["myapp/db/migrations/versions/a1.py"] = revisionFile({
      revision: "a1",
      upgrade: "pass",
      header: "import myapp.db",
    }).replace("branch_labels = None", "branch_labels = (myapp.db.m0.X,)");
    const root = writeProject(files);
    spawnSync("git", ["init", "-q"], { cwd: root });
    const { report, exitCode } = await check(`${root}/myapp/db/migrations`, {}, root);
    expect(exitCode).toBe(0);
    expect(report.revisions).toHaveLength(1);
  });

  it("helper modules: a module a helper reads through a package attribute makes cached revisions stale", () => {
    const helper = "import myapp.db\n\nPREFIX = myapp.db.consts.X\n";
    const revision = (id: string, down: string | null) =>
      revisionFile({ revision: id, down, upgrade: "pass", header: "from myapp import helpers" }).replace(
        "branch_labels = None",
        `branch_labels = (helpers.PREFIX + "_${id}",)`,
      );
    const root = writeProject({
      "myapp/__init__.py": "",
      "myapp/helpers.py": helper,
      "myapp/db/__init__.py": "",
      "myapp/db/consts.py": 'X = "old"\n',
      "myapp/db/migrations/versions/a1.py": revision("a1", null),
      "myapp/db/migrations/versions/b2.py": revision("b2", "a1"),
    });
    spawnSync("git", ["init", "-q"], { cwd: root });
    const cacheDir = join(root, ".cache");
    const labels = () => {
      const result = runCli(["check", "myapp/db/migrations", "--format", "json", "--cache-dir", cacheDir], root);
      return (JSON.parse(result.stdout) as JsonReport).revisions.map((revision) => revision.branchLabels);
    };
    expect(labels()).toEqual([["old_a1"], ["old_b2"]]);
    writeFileSync(join(root, "myapp/db/consts.py"), 'X = "new"\n');
    expect(labels()).toEqual([["new_a1"], ["new_b2"]]);
  });

  it("helper modules: a module outside the project is an opaque operation that names the call", async () => {
    const root = project('migration.remove_fks_from_table("ports")', {}, "from neutron.db import migration");
    const { report } = await check(`${root}/myapp/db/migrations`, {}, root);
    expect(report.revisions[0]?.operations).toEqual([
      expect.objectContaining({
        kind: "opaque",
        text: 'migration.remove_fks_from_table("ports")',
      }),
    ]);
    expect(report.summary.coverage).toEqual({ sqlStatements: 0, sqlNotRead: 0, opaqueOperations: 1 });
  });

  it("helper modules: a constant branch label from a module outside the project still names a branch", async () => {
    const files: Record<string, string> = {};
    const header = "from neutron.db.migration import cli";
    files["versions/base.py"] = revisionFile({ revision: "base", upgrade: "pass" });
    files["versions/e1.py"] = revisionFile({ revision: "e1", down: "base", upgrade: "pass", header }).replace(
      "branch_labels = None",
      "branch_labels = (cli.EXPAND_BRANCH,)",
    );
    files["versions/c1.py"] = revisionFile({ revision: "c1", down: "base", upgrade: "pass", header }).replace(
      "branch_labels = None",
      "branch_labels = (cli.CONTRACT_BRANCH,)",
    );
    const { report } = await check(writeProject(files));
    expect(findingsOf(report, "multiple-heads")).toEqual([]);
    expect(report.revisions.map((revision) => revision.declaredPhase?.phase)).toEqual([
      undefined,
      "contract",
      "expand",
    ]);
  });

  it("helper modules: imports whose names are never used do not use up the modules a run may read", async () => {
    const unused = Array.from({ length: 210 }, (_, index) => index);
    const header = [
      ...unused.map((index) => `from myapp.m${index} import Thing${index}`),
      "from myapp.db import migration",
    ];
    const root = project(
      'migration.drop_tenant_column("ports")',
      {
        ...Object.fromEntries(unused.map((index) => [`myapp/m${index}.py`, `Thing${index} = ${index}\n`])),
      },
      header.join("\n"),
    );
    const { report } = await check(`${root}/myapp/db/migrations`, {}, root);
    expect(report.revisions[0]?.operations.map((operation) => [operation.kind, operation.table])).toEqual([
      ["drop-column", "ports"],
    ]);
  });

  it("helper modules: constants no revision reads do not use up the modules a run may read", async () => {
    // Evaluating every constant of names.py would read 210 modules, past the 200 a run reads, before migration.py.
    const unused = Array.from({ length: 210 }, (_, index) => index);
    const names = [
      ...unused.map((index) => `from myapp.m${index} import Thing${index}`),
      'TABLE = "ports"',
      ...unused.map((index) => `VALUE_${index} = Thing${index}`),
    ].join("\n");
    const root = project(
      "table = names.TABLE\nmigration.drop_tenant_column(table)",
      {
        "myapp/db/names.py": `${names}\n`,
        ...Object.fromEntries(unused.map((index) => [`myapp/m${index}.py`, `Thing${index} = ${index}\n`])),
      },
      "from myapp.db import names\nfrom myapp.db import migration",
    );
    const { report } = await check(`${root}/myapp/db/migrations`, {}, root);
    expect(report.revisions[0]?.operations.map((operation) => [operation.kind, operation.table])).toEqual([
      ["drop-column", "ports"],
    ]);
  });

  it("helper modules: a constant read through a package attribute keeps cached revisions stale-proof", () => {
    const revision = (id: string, down: string | null) =>
      revisionFile({ revision: id, down, upgrade: "pass", header: "from myapp.db import labels" }).replace(
        "branch_labels = None",
        "branch_labels = (labels.FIRST,)",
      );
    const root = writeProject({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/names.py": 'BASE = "billing"\n',
      "myapp/db/labels.py": 'import myapp.db\nFIRST = myapp.db.names.BASE + "_expand"\n',
      "myapp/migrations/versions/a1.py": revision("a1", null),
      "myapp/migrations/versions/b2.py": revision("b2", "a1"),
    });
    spawnSync("git", ["init", "-q"], { cwd: root });
    const cacheDir = join(root, ".cache");
    const labels = () => {
      const result = runCli(["check", "myapp/migrations", "--format", "json", "--cache-dir", cacheDir], root);
      return (JSON.parse(result.stdout) as JsonReport).revisions.map((revision) => revision.branchLabels);
    };
    expect(labels()).toEqual([["billing_expand"], ["billing_expand"]]);
    writeFileSync(join(root, "myapp/db/names.py"), 'BASE = "ledger"\n');
    expect(labels()).toEqual([["ledger_expand"], ["ledger_expand"]]);
  });

  it("helper modules: a column type from the project's own module is the project's, not SQLAlchemy's namesake", async () => {
    const header = "from myapp.db import types";
    const { report } = await checkRepository({
      "myapp/__init__.py": "",
      "myapp/db/__init__.py": "",
      "myapp/db/types.py":
        "from sqlalchemy.types import String, TypeDecorator\n\n\nclass Uuid(TypeDecorator):\n    impl = String(36)\n",
      "myapp/db/migrations/versions/a1.py": revisionFile({
        revision: "a1",
        header,
        upgrade: 'op.add_column("vnf", sa.Column("vnfd_id", types.Uuid(), nullable=True))',
      }),
      "myapp/db/migrations/versions/b2.py": revisionFile({
        revision: "b2",
        down: "a1",
        header,
        upgrade: 'op.alter_column("vnf", "vnfd_id", type_=sa.String(64))',
      }),
    });
    const messages = findingsOf(report, "change-column-type").map((finding) => finding.message);
    expect(messages).toEqual([expect.stringContaining('but "types.uuid" is a type migragate does not know')]);
  });

  it("helper modules: a helper module that appears later makes the cached extraction of its revisions stale", () => {
    const root = writeProject({
      "migrations/versions/a1.py": revisionFile({
        revision: "a1",
        header: "from myapp.db import migration",
        upgrade: 'migration.drop_tenant_column("ports")',
      }),
    });
    spawnSync("git", ["init", "-q"], { cwd: root });
    const cacheDir = join(root, ".cache");
    const run = () => {
      const result = runCli(["check", "migrations", "--format", "json", "--cache-dir", cacheDir], root);
      return (JSON.parse(result.stdout) as JsonReport).revisions[0]?.operations.map((operation) => operation.kind);
    };
    // The helper package is not in the checkout (another branch has it): its call is an operation migragate cannot
    // see into.
    expect(run()).toEqual(["opaque"]);
    expect(run()).toEqual(["opaque"]);
    mkdirSync(join(root, "myapp/db"), { recursive: true });
    writeFileSync(join(root, "myapp/__init__.py"), "");
    writeFileSync(join(root, "myapp/db/__init__.py"), "");
    writeFileSync(join(root, "myapp/db/migration.py"), HELPERS);
    expect(run()).toEqual(["drop-column"]);
  });

  it("helper modules: an edited helper module makes the cached extraction of its revisions stale", () => {
    const root = project('migration.drop_tenant_column("ports")');
    const cacheDir = join(root, ".cache");
    const run = () => {
      const result = runCli(["check", "myapp/db/migrations", "--format", "json", "--cache-dir", cacheDir], root);
      return JSON.parse(result.stdout) as JsonReport;
    };
    expect(operationsOf(run())).toEqual([["drop-column", "ports", 15]]);
    expect(operationsOf(run())).toEqual([["drop-column", "ports", 15]]);
    writeFileSync(
      join(root, "myapp/db/migration.py"),
      HELPERS.replace('op.drop_column(table, "tenant_id")', "op.drop_table(table)"),
    );
    expect(operationsOf(run())).toEqual([["drop-table", "ports", 15]]);
  });
});
