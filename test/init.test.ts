import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editTable, type Setting } from "../src/adapters/config/toml-edit.js";
import { runInit } from "../src/cli/init.js";
import { githubActionsSnippet, preCommitSnippet } from "../src/cli/init-snippets.js";
import { git } from "./support/git.js";
import { check, revisionFile, runCli, writeProject } from "./support/project.js";

function commitAll(root: string, message: string): void {
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", message);
}

/** A revision that drops a column: a warning on every revision, so what is judged shows in the findings. */
function drop(revision: string, down: string | null | string[], column: string): string {
  return revisionFile({ revision, down, upgrade: `op.drop_column("users", "${column}", if_exists=True)` });
}

const ALEMBIC_INI = "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://app@db/app\n";

/** An env.py that connects with alembic.ini's URL: the URL is the project's evidence of its dialect. */
const ENV_FROM_INI = `from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
with connectable.connect() as connection:
    connection.exec_driver_sql("SET lock_timeout = '5s'")
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
`;

/** An Alembic project with a1 <- b2 and whatever else is given. */
function project(files: Record<string, string> = {}): string {
  return writeProject({
    "alembic.ini": ALEMBIC_INI,
    "migrations/env.py": ENV_FROM_INI,
    "migrations/versions/a1.py": drop("a1", null, "a"),
    "migrations/versions/b2.py": drop("b2", "a1", "b"),
    ...files,
  });
}

async function init(root: string, options: { path?: string; force?: boolean; repositoryUrl?: string } = {}) {
  let out = "";
  const exitCode = await runInit(
    { ...(options.path ? { path: options.path } : {}), force: options.force ?? false },
    {
      cwd: root,
      version: "0.1.0",
      stdout: (text) => (out += text),
      ...(options.repositoryUrl ? { repositoryUrl: options.repositoryUrl } : {}),
    },
  );
  return { exitCode, out };
}

async function judged(root: string): Promise<string[]> {
  const { report } = await check(root);
  return [...new Set(report.findings.map((finding) => finding.revision ?? ""))].sort();
}

const PYPROJECT = `# The app's settings
[project]
name = "shop"   # keep this comment
dependencies = [
    "sqlalchemy>=2",  # the ORM
    "alembic>=1.13.2",
]

[tool.ruff]
line-length = 100
`;

describe("migragate init", () => {
  it("init outside git writes the current head to pyproject.toml, keeping its comments and layout", async () => {
    const root = project({ "pyproject.toml": PYPROJECT });
    const { exitCode, out } = await init(root);
    expect(exitCode).toBe(0);
    expect(readFileSync(join(root, "pyproject.toml"), "utf8")).toBe(
      `${PYPROJECT}
[tool.migragate]
# The baseline (migragate init): these revisions and their ancestors are never reported
start-after = "b2"
# from alembic.ini's sqlalchemy.url
dialect = "postgresql"
# the lowest pyproject.toml allows; without this line migragate reads pyproject.toml on every run
alembic-version = "1.13.2"
`,
    );
    expect(out).toContain("updated pyproject.toml [tool.migragate]:");
    expect(out).toContain('+ start-after = "b2"  (the current head: not in a git repository)');
    expect(out).toContain('+ alembic-version = "1.13.2"  (the lowest allowed by pyproject.toml)');
    expect(out).toContain("The baseline holds 2 revisions");
    expect(await judged(root)).toEqual([]);
    writeFileSync(join(root, "migrations/versions/c3.py"), drop("c3", "b2", "c"));
    expect(await judged(root)).toEqual(["c3"]);
  });

  it("init run twice changes nothing", async () => {
    const root = project({ "pyproject.toml": PYPROJECT });
    await init(root);
    const first = readFileSync(join(root, "pyproject.toml"), "utf8");
    const { out } = await init(root);
    expect(readFileSync(join(root, "pyproject.toml"), "utf8")).toBe(first);
    expect(out).toMatch(/^pyproject\.toml \[tool\.migragate\] already holds these settings:\n {2}= start-after = "b2"/);
    // The dialect it wrote is listed too, although the config now decides it.
    expect(out).toContain('= dialect = "postgresql"');
  });

  it("init writes migragate.toml when the project has no pyproject.toml", async () => {
    const root = project();
    await init(root);
    expect(readFileSync(join(root, "migragate.toml"), "utf8")).toContain('start-after = "b2"\n');
    expect((await init(join(root))).out).toContain("migragate.toml already holds these settings");
  });

  it("init in a feature branch baselines the heads at the merge-base with main, not the branch's revisions", async () => {
    const root = project();
    git(root, "init", "-q", "-b", "main");
    commitAll(root, "a1, b2");
    git(root, "checkout", "-q", "-b", "feature");
    writeFileSync(join(root, "migrations/versions/c3.py"), drop("c3", "b2", "c"));
    commitAll(root, "c3");
    writeFileSync(join(root, "migrations/versions/d4.py"), drop("d4", "c3", "d"));
    const { out } = await init(root);
    expect(readFileSync(join(root, "migragate.toml"), "utf8")).toContain('start-after = "b2"\n');
    expect(out).toMatch(/the head at [0-9a-f]{10}, the merge-base of HEAD and main/);
    expect(await judged(root)).toEqual(["c3", "d4"]);
    // The working tree was never checked out to the baseline.
    expect(git(root, "status", "--porcelain")).toBe("?? migragate.toml\n?? migrations/versions/d4.py".trim());
  });

  it("init measures from origin/HEAD in a clone, where main moved on after the branch point", async () => {
    const origin = project();
    git(origin, "init", "-q", "-b", "trunk");
    commitAll(origin, "a1, b2");
    const clone = join(writeProject({}), "clone");
    git(tmpdir(), "clone", "-q", origin, clone);
    git(clone, "checkout", "-q", "-b", "feature");
    writeFileSync(join(clone, "migrations/versions/c3.py"), drop("c3", "b2", "c"));
    commitAll(clone, "c3");
    // trunk moves on after the branch point: its new revision is not this branch's baseline.
    writeFileSync(join(origin, "migrations/versions/t3.py"), drop("t3", "b2", "t"));
    commitAll(origin, "t3");
    git(clone, "fetch", "-q");
    const { out } = await init(clone);
    expect(out).toContain("the merge-base of HEAD and origin/trunk");
    expect(readFileSync(join(clone, "migragate.toml"), "utf8")).toContain('start-after = "b2"\n');
  });

  it("init names every head where the baseline has several", async () => {
    const root = project({ "migrations/versions/c3.py": drop("c3", "a1", "c") });
    await init(root);
    expect(readFileSync(join(root, "migragate.toml"), "utf8")).toContain('start-after = ["b2", "c3"]\n');
    expect(await judged(root)).toEqual([]);
  });

  it("init with nothing committed at the baseline writes no start-after and says every revision is judged", async () => {
    const root = project();
    git(root, "init", "-q", "-b", "main");
    writeFileSync(join(root, "README"), "shop\n");
    git(root, "add", "README");
    git(root, "commit", "-q", "-m", "readme");
    const { out } = await init(root);
    expect(readFileSync(join(root, "migragate.toml"), "utf8")).not.toContain("start-after");
    expect(out).toContain("note: no revision at the baseline");
  });

  it("init keeps a setting that holds another value, and --force replaces it in place with its comment", async () => {
    const root = project({
      "uv.lock": '[[package]]\nname = "alembic"\nversion = "1.16.1"\n',
      "pyproject.toml":
        '[tool.migragate]\nstart-after = "a1"  # legacy up to here\nignore = [\n  "drop-column",\n]\n\n[tool.migragate.severity]\nrename-column = "warning"\n',
    });
    const kept = await init(root);
    expect(kept.out).toContain('! kept start-after = "a1": init found "b2"');
    // The baseline init found is not the one the config keeps: its size would describe the wrong baseline.
    expect(kept.out).not.toContain("The baseline holds");
    expect(readFileSync(join(root, "pyproject.toml"), "utf8")).toBe(
      '[tool.migragate]\nstart-after = "a1"  # legacy up to here\nignore = [\n  "drop-column",\n]\n# from alembic.ini\'s sqlalchemy.url\ndialect = "postgresql"\n# pinned in uv.lock; without this line migragate reads uv.lock on every run\nalembic-version = "1.16.1"\n\n[tool.migragate.severity]\nrename-column = "warning"\n',
    );
    const forced = await init(root, { force: true });
    expect(forced.out).toContain('~ start-after = "b2"');
    expect(readFileSync(join(root, "pyproject.toml"), "utf8")).toContain(
      'start-after = "b2"  # legacy up to here\nignore = [\n',
    );
  });

  it("init accepts a prefix of the baseline head as the same setting", async () => {
    const root = writeProject({
      "migrations/versions/a1.py": drop("a1b2c3d4e5f6", null, "a"),
      "migragate.toml": 'start-after = "a1b2"\n',
    });
    const { out } = await init(root);
    expect(out).toContain('= start-after = "a1b2c3d4e5f6"');
  });

  it("init inserts top-level keys of migragate.toml before its first table", async () => {
    const root = project({ "migragate.toml": '# team settings\n[severity]\ndrop-column = "error"\n' });
    await init(root);
    expect(readFileSync(join(root, "migragate.toml"), "utf8")).toMatch(
      /^# team settings\n# The baseline[^\n]*\nstart-after = "b2"\n# from[^\n]*\ndialect = "postgresql"\n\n\[severity\]\ndrop-column = "error"\n$/,
    );
    expect((await check(root)).report.findings).toEqual([]);
  });

  it("init keeps CRLF line endings", async () => {
    const root = project({ "pyproject.toml": '[project]\r\nname = "shop"\r\n' });
    await init(root);
    const text = readFileSync(join(root, "pyproject.toml"), "utf8");
    expect(text).toContain('[project]\r\nname = "shop"\r\n\r\n[tool.migragate]\r\n');
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("init on an invalid pyproject.toml exits 2 naming the line, and writes nothing", () => {
    const root = project({ "pyproject.toml": "[project\nname = 1\n" });
    const { status, stderr } = runCli(["init"], root);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^migragate: pyproject\.toml:1:\d+: invalid TOML/);
    expect(readFileSync(join(root, "pyproject.toml"), "utf8")).toBe("[project\nname = 1\n");
  });

  it("init refuses a pyproject.toml whose tool.migragate is not a table header, rather than rewrite it", async () => {
    const text = '[tool]\nmigragate.fail-on = "warning"\n';
    const root = project({ "pyproject.toml": text });
    await expect(init(root)).rejects.toThrow("pyproject.toml: cannot add the settings without rewriting the file");
    expect(readFileSync(join(root, "pyproject.toml"), "utf8")).toBe(text);
  });

  it("init leaves the files the config excludes out of the baseline", async () => {
    const root = project({
      "migragate.toml": 'exclude = ["migrations/versions/scratch/**"]\n',
      "migrations/versions/scratch/z9.py": drop("z9", "b2", "z"),
    });
    await init(root);
    expect(readFileSync(join(root, "migragate.toml"), "utf8")).toContain('start-after = "b2"\n');
  });

  it("init of a sub-project writes next to its alembic.ini and the snippets name its path", async () => {
    const root = writeProject({
      "services/api/alembic.ini": ALEMBIC_INI,
      "services/api/migrations/versions/a1.py": drop("a1", null, "a"),
    });
    git(root, "init", "-q", "-b", "main");
    commitAll(root, "api");
    const { out } = await init(root, { path: "services/api/migrations" });
    expect(readFileSync(join(root, "services/api/migragate.toml"), "utf8")).toContain('start-after = "a1"');
    expect(out).toContain('args: ["services/api/migrations"]');
    expect(out).toContain('path: "services/api/migrations"');
  });

  it("init of plain SQL migrations baselines the last file", async () => {
    const root = writeProject({
      "db/001_users.sql": "CREATE TABLE users (id bigint PRIMARY KEY);\n",
      "db/002_email.sql": "ALTER TABLE users ADD COLUMN email text;\n",
    });
    mkdirSync(join(root, "db/empty"));
    await init(root, { path: "db" });
    expect(readFileSync(join(root, "db/migragate.toml"), "utf8")).toContain('start-after = "002_email"\n');
  });

  it("init on the command line prints the pre-commit and GitHub Actions snippets", () => {
    const root = project();
    const { status, stdout } = runCli(["init"], root);
    expect(status).toBe(0);
    expect(stdout).toContain("# .pre-commit-config.yaml");
    expect(stdout).toContain("      - id: migragate\n");
    expect(stdout).toContain("# .github/workflows/migrations.yml");
    expect(stdout).toContain("migragate has no published address yet");
  });

  it("init without revisions exits 2 with one line", () => {
    const root = writeProject({ "README.md": "nothing\n" });
    const { status, stderr } = runCli(["init"], root);
    expect(status).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("init snippets", () => {
  it("snippets name the published repository and version when package.json has one", () => {
    const source = { repositoryUrl: "https://github.com/acme/migragate", version: "1.2.0" };
    expect(preCommitSnippet(source, ".")).toBe(
      "# .pre-commit-config.yaml\nrepos:\n  - repo: https://github.com/acme/migragate\n    rev: v1.2.0\n    hooks:\n      - id: migragate\n",
    );
    expect(githubActionsSnippet(source, "app")).toContain("      - uses: acme/migragate@v1.2.0\n        with:\n");
  });

  it("snippets pass a path that starts with a dash after --, so that it is not read as an option", () => {
    const source = { version: "1.2.0" };
    expect(preCommitSnippet(source, "-migrations")).toContain('        args: ["--", "-migrations"]\n');
    expect(preCommitSnippet(source, "db/migrations")).toContain('        args: ["db/migrations"]\n');
  });
});

describe("TOML text edits", () => {
  const setting: Setting = { key: "start-after", value: "b2" };
  const same = (wanted: Setting, current: unknown) => current === wanted.value;

  it("a table's end is found past multi-line arrays and strings holding brackets, quotes and hashes", () => {
    const text = [
      "[tool.migragate]",
      'exclude = [  # "]" in a comment',
      '  "a[1]/**",',
      "  'b#'",
      "]",
      'note = """',
      "[not.a.header]",
      '"""',
      "",
      "[tool.other]",
      "x = 1",
      "",
    ].join("\n");
    const { text: edited, added } = editTable(text, ["tool", "migragate"], [setting], {}, same, false);
    expect(added).toEqual([setting]);
    expect(edited).toBe(text.replace('"""\n\n[tool.other]', '"""\nstart-after = "b2"\n\n[tool.other]'));
  });

  it("an empty table gets its keys under the header, and a missing one is appended", () => {
    expect(editTable("[tool.migragate]\n[x]\n", ["tool", "migragate"], [setting], {}, same, false).text).toBe(
      '[tool.migragate]\nstart-after = "b2"\n[x]\n',
    );
    expect(editTable("", ["tool", "migragate"], [setting], {}, same, false).text).toBe(
      '[tool.migragate]\nstart-after = "b2"\n',
    );
    expect(editTable("", [], [setting], {}, same, false).text).toBe('start-after = "b2"\n');
  });

  it("a quoted key is the same key, and a dotted one is not replaced", () => {
    const quoted = editTable('"start-after" = "b2"\n', [], [setting], { "start-after": "b2" }, same, false);
    expect(quoted.unchanged).toEqual([setting]);
    const multi = editTable('start-after = [\n  "a1",\n]\n', [], [setting], { "start-after": ["a1"] }, same, true);
    expect(multi.text).toBe('start-after = "b2"\n');
  });
});
