// The 18 failures a fuzz campaign found (issue 10), each as a small folder: no file, config or folder may hang,
// crash or starve the gate. Numbers in the test names are the failures' numbers in the issue.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { CheckEnvironment, CheckOptions } from "../src/cli/check.js";
import {
  check,
  EXTRACTION_WORKER,
  findingsOf,
  type JsonReport,
  revisionFile,
  runCli,
  slowToParse,
  writeProject,
} from "./support/project.js";

/** Runs check in-process with the extraction threads the CLI uses, collecting standard error. */
async function checkThreaded(
  root: string,
  options: Partial<CheckOptions> = {},
  environment: Partial<CheckEnvironment> = {},
): Promise<{ exitCode: number; report: JsonReport; stderr: string; ms: number }> {
  let stderr = "";
  const started = Date.now();
  const { exitCode, report } = await check(root, options, root, {
    workerScript: EXTRACTION_WORKER,
    stderr: (text) => {
      stderr += text;
    },
    ...environment,
  });
  return { exitCode, report, stderr, ms: Date.now() - started };
}

/** Runs the built CLI as a process with a JSON report, measuring its wall time and peak memory. */
function runMeasured(root: string, args: readonly string[] = []) {
  const work = mkdtempSync(join(tmpdir(), "migragate-measure-"));
  const preload = join(work, "preload.mjs");
  const rss = join(work, "rss.txt");
  writeFileSync(
    preload,
    `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(rss)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const output = join(work, "report.json");
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ["--import", preload, resolve(import.meta.dirname, "../bin/migragate.js"), "check", ".", "--no-cache"].concat(
      ["--format", "json", "-o", output],
      args,
    ),
    { cwd: root, encoding: "utf8", env },
  );
  const ms = Date.now() - started;
  return {
    status: result.status,
    stderr: result.stderr,
    ms,
    rssMb: Number(readFileSync(rss, "utf8")) / 1024,
    report: JSON.parse(readFileSync(output, "utf8")) as JsonReport,
  };
}

function kinds(report: JsonReport): string[] {
  return report.revisions.flatMap((revision) => revision.operations.map((operation) => operation.kind));
}

function skippedReason(report: JsonReport, file: string): string | undefined {
  return report.skippedFiles.find((skipped) => skipped.file === file)?.reason;
}

const HISTORY = {
  "versions/a0.py": revisionFile({ revision: "a0", upgrade: 'op.add_column("users", sa.Column("x", sa.Text()))' }),
  "versions/a2.py": revisionFile({ revision: "a2", down: "a0", upgrade: 'op.drop_column("users", "x")' }),
};

describe("bounded input: parser traps and time limits", () => {
  it("1 a tree-sitter trap on one file leaves every file parsed after it analysed", async () => {
    let deep = "";
    for (let level = 0; level < 600; level++) deep += `${" ".repeat(level)}if x:\n`;
    deep += `${" ".repeat(600)}op.drop_table("t")`;
    const root = writeProject({
      ...HISTORY,
      "versions/a1.py": revisionFile({ revision: "a1", down: "a0", upgrade: deep }),
      "versions/a3.py": revisionFile({ revision: "a3", down: "a2", upgrade: 'op.drop_table("users")' }),
    });
    const { exitCode, report, stderr } = await checkThreaded(root);
    expect(exitCode).toBe(2);
    expect(stderr).toBe("migragate: 1 file(s) could not be analysed (see the report): versions/a1.py\n");
    expect(skippedReason(report, "versions/a1.py")).toMatch(/the parser (crashed|ran out)/);
    expect(report.revisions.map((revision) => revision.file).sort()).toEqual([
      "versions/a0.py",
      "versions/a2.py",
      "versions/a3.py",
    ]);
  });

  it("7 a parse slower than the file's time limit stops there, and the next file is analysed", async () => {
    const slow = slowToParse(revisionFile({ revision: "a1", down: "a0", upgrade: "pass" }));
    const root = writeProject({
      ...HISTORY,
      "versions/a1.py": slow,
      "migragate.toml": "max-file-seconds = 0.5\n",
    });
    const { exitCode, report, ms } = await checkThreaded(root);
    expect(exitCode).toBe(2);
    expect(skippedReason(report, "versions/a1.py")).toContain(
      'it took longer than 0.5 s, the time allowed for one file ("max-file-seconds" in the config)',
    );
    expect(report.revisions.map((revision) => revision.file).sort()).toEqual(["versions/a0.py", "versions/a2.py"]);
    expect(ms).toBeLessThan(6000);
  });

  it("7 a parent over the time limit still declares its id: its child is not blamed, a typo elsewhere is", async () => {
    const slow = slowToParse(revisionFile({ revision: "a1", down: "a0", upgrade: "pass" }));
    const root = writeProject({
      ...HISTORY,
      "versions/a1.py": slow,
      "versions/a3.py": revisionFile({ revision: "a3", down: "a2x", upgrade: "pass" }),
      "versions/a4.py": revisionFile({ revision: "a4", down: "a1", upgrade: "pass" }),
      "migragate.toml": "max-file-seconds = 0.5\n",
    });
    const { exitCode, report } = await checkThreaded(root);
    expect(exitCode).toBe(2);
    expect(skippedReason(report, "versions/a1.py")).toContain("took longer than 0.5 s");
    expect(findingsOf(report, "unknown-down-revision").map((finding) => [finding.revision, finding.message])).toEqual([
      ["a3", 'revision "a3" has down_revision "a2x", but no revision or branch label "a2x" exists'],
    ]);
  });

  it("7 a parent over the time limit is found by its full id and by its branch label", async () => {
    const slow = slowToParse(
      revisionFile({ revision: "ae1027a6acf", down: "a0", upgrade: "pass" }).replace(
        "branch_labels = None",
        'branch_labels = ("billing",)',
      ),
    );
    const root = writeProject({
      ...HISTORY,
      "versions/a1.py": slow,
      "versions/a3.py": revisionFile({ revision: "a3", down: "ae1027a6acf", upgrade: "pass" }),
      "versions/a4.py": revisionFile({ revision: "a4", down: "a2", upgrade: "pass" }).replace(
        "depends_on = None",
        'depends_on = ("billing",)',
      ),
      "migragate.toml": "max-file-seconds = 0.5\n",
    });
    const { exitCode, report } = await checkThreaded(root);
    expect(exitCode).toBe(2);
    expect(skippedReason(report, "versions/a1.py")).toContain("took longer than 0.5 s");
    expect(findingsOf(report, "unknown-down-revision")).toEqual([]);
  });

  it("7 with two threads taking batches, a file over the time limit is named and every other file analysed", async () => {
    // Over 400 kB in all, so that the two threads asked for are used.
    const files: Record<string, string> = {};
    for (let index = 0; index < 40; index++) {
      const id = `b${String(index).padStart(2, "0")}`;
      const down = index === 0 ? null : `b${String(index - 1).padStart(2, "0")}`;
      const file = revisionFile({
        revision: id,
        down,
        upgrade: `op.add_column("t${index}", sa.Column("c", sa.Text()))`,
      });
      files[`versions/${id}.py`] = index === 13 ? slowToParse(file, 9000) : file;
    }
    const root = writeProject({ ...files, "migragate.toml": "max-file-seconds = 0.5\n" });
    const { exitCode, report } = await checkThreaded(root, {}, { threads: 2 });
    expect(exitCode).toBe(2);
    expect(skippedReason(report, "versions/b13.py")).toContain("took longer than 0.5 s");
    expect(report.revisions).toHaveLength(39);
  });

  it("7 an env.py slower than the time limit is named and the revisions are judged", async () => {
    const root = writeProject({
      ...HISTORY,
      "env.py": `def run():\n${"    # comment\n".repeat(8000)}    pass\n`,
      "migragate.toml": "max-file-seconds = 0.5\n",
    });
    const { exitCode, report } = await checkThreaded(root);
    expect(exitCode).toBe(2);
    expect(skippedReason(report, "env.py")).toContain("took longer than 0.5 s");
    expect(report.revisions).toHaveLength(2);
  });
});

describe("bounded input: files that are not regular", () => {
  it("5 a FIFO named x.py is named in the report instead of blocking the read", () => {
    const root = writeProject(HISTORY);
    execFileSync("mkfifo", [join(root, "versions/x.py")]);
    const result = runCli(["check", ".", "--format", "json"], root);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(skippedReason(report, "versions/x.py")).toBe("not a regular file (a FIFO)");
    expect(report.revisions).toHaveLength(2);
    expect(result.stderr).toBe("migragate: 1 file(s) could not be analysed (see the report): versions/x.py\n");
  });

  it("5 an env.py that is a FIFO, beside an alembic.ini with a URL, is named instead of blocking the dialect", () => {
    const root = writeProject({
      "alembic.ini": "[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://app@db/app\n",
      "migrations/versions/a0.py": HISTORY["versions/a0.py"],
    });
    execFileSync("mkfifo", [join(root, "migrations/env.py")]);
    const started = Date.now();
    const result = runCli(["check", ".", "--format", "json", "--no-cache"], root);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(skippedReason(report, "migrations/env.py")).toBe("not a regular file (a FIFO)");
    expect(report.revisions).toHaveLength(1);
  });

  it("6 a link to /dev/zero or out of the project is not followed; a link inside the project is", async () => {
    const root = writeProject(HISTORY);
    symlinkSync("/dev/zero", join(root, "versions/zero.py"));
    symlinkSync("/etc/hostname", join(root, "versions/host.py"));
    mkdirSync(join(root, "shared"));
    writeFileSync(join(root, "shared/b1.py"), revisionFile({ revision: "b1", down: "a2", upgrade: "pass" }));
    symlinkSync("../shared/b1.py", join(root, "versions/b1.py"));
    const { exitCode, report } = await checkThreaded(root);
    expect(exitCode).toBe(2);
    expect(skippedReason(report, "versions/zero.py")).toBe("a symbolic link to /dev/zero, outside the project");
    expect(skippedReason(report, "versions/host.py")).toMatch(/^a symbolic link to .*hostname, outside the project$/);
    expect(report.revisions.map((revision) => revision.file).sort()).toEqual([
      "versions/a0.py",
      "versions/a2.py",
      "versions/b1.py",
    ]);
  });

  it("6 a file larger than max-file-size is named with the limit, not read", async () => {
    const root = writeProject({
      ...HISTORY,
      "versions/big.py": `# ${"x".repeat(3000)}\n`,
      "migragate.toml": 'max-file-size = "2kB"\n',
    });
    const { exitCode, report } = await checkThreaded(root);
    expect(exitCode).toBe(2);
    expect(skippedReason(report, "versions/big.py")).toBe(
      '3 kB, larger than the 2 kB limit for one file ("max-file-size" in the config)',
    );
  });

  it("6 a parent revision too large to read gives no unknown-down-revision on its child", async () => {
    const root = writeProject({
      "versions/a0.py": revisionFile({ revision: "a0", upgrade: 'op.add_column("users", sa.Column("x", sa.Text()))' }),
      "versions/a1.py": `${revisionFile({ revision: "a1", down: "a0", upgrade: "pass" })}# ${"x".repeat(3000)}\n`,
      "versions/a2.py": revisionFile({ revision: "a2", down: "a1", upgrade: 'op.drop_column("users", "x")' }),
      "migragate.toml": 'max-file-size = "2kB"\n',
    });
    const { exitCode, report } = await checkThreaded(root);
    expect(exitCode).toBe(2);
    expect(skippedReason(report, "versions/a1.py")).toMatch(/larger than the 2 kB limit/);
    expect(findingsOf(report, "unknown-down-revision")).toEqual([]);
  });

  it("18 a symbolic link loop, a dangling link and an env.py that is a folder are named and the rest judged", () => {
    const root = writeProject(HISTORY);
    symlinkSync("loop.py", join(root, "versions/loop.py"));
    symlinkSync("missing.py", join(root, "versions/dangling.py"));
    mkdirSync(join(root, "env.py"));
    const result = runCli(["check", ".", "--format", "json"], root);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.skippedFiles).toEqual([
      { file: "versions/dangling.py", reason: "a symbolic link to nothing" },
      { file: "versions/loop.py", reason: "a symbolic link loop" },
      { file: "env.py", reason: "not a regular file (a folder)" },
    ]);
    expect(report.revisions).toHaveLength(2);
    expect(result.stderr.split("\n").filter((line) => line !== "")).toHaveLength(1);
  });

  it("18 a folder named like a revision file is named as not a regular file, and its contents are not walked", () => {
    const root = writeProject({
      ...HISTORY,
      "versions/odd.py/a9.py": revisionFile({ revision: "a9", down: "a2", upgrade: 'op.drop_table("users")' }),
    });
    const result = runCli(["check", ".", "--format", "json"], root);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.skippedFiles).toEqual([{ file: "versions/odd.py", reason: "not a regular file (a folder)" }]);
    expect(report.revisions.map((revision) => revision.revision)).toEqual(["a0", "a2"]);
  });

  it("3 a pyproject.toml that is a folder, here or above, is not a config file", async () => {
    const parent = writeProject({ "pyproject.toml/readme": "", "project/migragate.toml/readme": "" });
    const root = join(parent, "project");
    for (const [path, text] of Object.entries(HISTORY)) {
      mkdirSync(join(root, "versions"), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    mkdirSync(join(root, "pyproject.toml"));
    const { exitCode, report } = await check(root);
    expect(exitCode).toBe(0);
    expect(report.revisions).toHaveLength(2);
  });
});

describe("bounded input: names that are Object.prototype's keys", () => {
  it("2 folders named __proto__ and constructor, and batch_op.constructor(), are ordinary names", async () => {
    const root = writeProject({
      "versions/a0.py": HISTORY["versions/a0.py"],
      "versions/__proto__/a1.py": revisionFile({ revision: "a1", down: "a0", upgrade: 'op.drop_column("users", "x")' }),
      "versions/constructor/a2.py": revisionFile({
        revision: "a2",
        down: "a1",
        upgrade: 'with op.batch_alter_table("t") as batch_op:\n    batch_op.constructor()\n    batch_op.__proto__()',
        header: "constructor = 'x'\ntoString = 'y'",
      }),
    });
    const { exitCode, report } = await checkThreaded(root);
    expect([0, 1]).toContain(exitCode);
    expect(report.revisions.map((revision) => revision.declaredPhase)).toEqual([undefined, undefined, undefined]);
    expect(kinds(report)).toEqual(["add-column", "drop-column", "opaque", "opaque"]);
  });
});

describe("bounded input: config", () => {
  it("4 a config file over 1 MB is one line and exit 2, not an abort", () => {
    const patterns = Array.from({ length: 80_000 }, (_, index) => `"p${index}/*.py",`).join("\n");
    const root = writeProject({ ...HISTORY, "migragate.toml": `exclude = [\n${patterns}\n]\n` });
    const result = runCli(["check", "."], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^migragate: migragate\.toml: cannot read \(1\.\d MB, larger than the 1 MB limit for a config file\)\n$/,
    );
  });

  it("4 more than 256 exclude patterns is one line and exit 2", () => {
    const patterns = Array.from({ length: 300 }, (_, index) => `"p${index}/*.py"`).join(", ");
    const result = runCli(["check", "."], writeProject({ ...HISTORY, "migragate.toml": `exclude = [${patterns}]\n` }));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("migragate: migragate.toml: exclude holds 300 patterns; at most 256 are allowed\n");
  });

  it("9 an exclude glob that backtracks in regular expressions matches a long name at once", async () => {
    const name = `${"a".repeat(250)}.py`;
    const root = writeProject({
      ...HISTORY,
      [`versions/${name}`]: revisionFile({ revision: "zz", down: "a2", upgrade: "pass" }),
      "migragate.toml": 'exclude = ["*a*a*a*a*a*a*a*a*a*a*b", "*a*a*a*a*a*a*a*a*a*a*.py"]\n',
    });
    const started = Date.now();
    const { report } = await check(root);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(report.skippedFiles).toEqual([
      { file: `versions/${name}`, reason: 'excluded by "*a*a*a*a*a*a*a*a*a*a*.py" in the config' },
    ]);
  });
});

describe("bounded input: value resolution", () => {
  async function single(upgrade: string, header = "") {
    const started = Date.now();
    const { report } = await check(
      writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade, header }) }),
    );
    return { report, ms: Date.now() - started, unparsed: findingsOf(report, "unparsed-sql").map((f) => f.message) };
  }

  it("value resolution of a call chain of 20,000 select() calls reads its callee at once", async () => {
    const { report, ms } = await single(`q = t${".select(1)".repeat(20_000)}.foo()\nop.execute(q)`);
    // The statement pattern used to backtrack over the callee once per select(: seconds for this file alone.
    expect(ms).toBeLessThan(3000);
    expect(kinds(report)).toEqual(["opaque"]);
  });

  it("10 twenty if/else blocks re-assigning one name stop at 64 alternatives", async () => {
    const blocks = Array.from(
      { length: 20 },
      (_, i) => `if c${i}:\n    sql = sa.text(sql)\nelse:\n    sql = sql.strip()`,
    );
    const { report, ms } = await single(`sql = "SELECT 1"\n${blocks.join("\n")}\nop.execute(sql)`);
    expect(ms).toBeLessThan(3000);
    expect(kinds(report).length).toBeLessThanOrEqual(64);
  });

  it("11 a string doubled in any spelling stops at the length limit as an opaque operation", async () => {
    const spellings = [
      `s = "ab"\n${"s = s + s\n".repeat(30)}op.execute(s)`,
      `s = "ab"\n${"s += s\n".repeat(30)}op.execute(s)`,
      `s = "a"\n${'s = s.replace("a", "aa")\n'.repeat(30)}op.execute(s)`,
      `s = "{0}{0}"\n${'s = "{0}{0}".format(s)\n'.repeat(30)}op.execute(s)`,
    ];
    for (const upgrade of spellings) {
      const { report, ms, unparsed } = await single(upgrade);
      expect(ms).toBeLessThan(5000);
      expect(kinds(report)).toEqual(["opaque"]);
      expect(unparsed[0]).toContain("it would be longer than 2,000,000 characters");
    }
    const constants = Array.from({ length: 30 }, (_, i) => `s${i + 1} = s${i} + s${i}`).join("\n");
    const { report } = await single("op.execute(s30)", `s0 = "ab"\n${constants}`);
    expect(kinds(report)).toEqual(["opaque"]);
  });

  it("12 a local helper that fans out, or two that call each other, stop at the call limit", async () => {
    const terms = Array.from({ length: 100 }, (_, i) => `f(x + "${i}")`).join(" + ");
    const fanOut = await single('op.execute(f("x"))', `def f(x):\n    return ${terms}\n`);
    expect(fanOut.ms).toBeLessThan(5000);
    expect(fanOut.unparsed[0]).toContain("calls local functions more than 1000 times");
    const mutual = await single(
      'op.execute(f("x"))',
      `def f(x):\n    return ${"g(x) + ".repeat(20)}g(x)\ndef g(x):\n    return ${"f(x) + ".repeat(20)}f(x)\n`,
    );
    expect(mutual.ms).toBeLessThan(5000);
    expect(kinds(mutual.report)).toEqual(["opaque"]);
  });

  it("17 20,000 nested parentheses and 5,000 nested lists are opaque, not a failed file", async () => {
    const parentheses = await single(`x = ${"(".repeat(20_000)}"SELECT 1"${")".repeat(20_000)}\nop.execute(x)`);
    expect(parentheses.report.skippedFiles).toEqual([]);
    expect(kinds(parentheses.report)).toContain("opaque");
    const lists = await single(`x = ${"[".repeat(5000)}1${"]".repeat(5000)}\nop.execute(x)`);
    expect(lists.report.skippedFiles).toEqual([]);
    expect(kinds(lists.report)).toContain("opaque");
  });

  it("14 a literal of 2,000,000 escapes (4 MB) stops at the parser's memory limit, the process under 400 MB", () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: `op.execute("${"\\n".repeat(2_000_000)}SELECT 1")` }),
      "versions/a2.py": revisionFile({ revision: "a2", down: "a1", upgrade: 'op.drop_table("t")' }),
    });
    const run = runMeasured(root);
    expect(run.status).toBe(2);
    expect(skippedReason(run.report, "versions/a1.py")).toContain(
      "the parser ran out of the memory allowed for one file",
    );
    expect(run.report.revisions.map((revision) => revision.file)).toEqual(["versions/a2.py"]);
    expect(run.rssMb).toBeLessThan(400);
  });

  it("14 a literal of 300,000 escapes is decoded in linear time", async () => {
    const { report, ms } = await single(`op.execute("${"\\n".repeat(300_000)}SELECT 1")`);
    expect(kinds(report)).toEqual(["query"]);
    expect(ms).toBeLessThan(10_000);
  });
});

describe("bounded input: linear paths", () => {
  it("8 an env.py with 2,000 set_main_option calls is read in linear time", async () => {
    const env = `from alembic import context\nconfig = context.config\nurl = os.environ["DB"]\n${'config.set_main_option("sqlalchemy.url", url)\n'.repeat(2000)}`;
    const started = Date.now();
    const { report } = await check(writeProject({ ...HISTORY, "env.py": env }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(findingsOf(report, "env-url-not-escaped")).toHaveLength(2000);
  });

  it("13 one statement of 60,000 binds is prepared in linear time, in PostgreSQL and MySQL", async () => {
    const binds = Array.from({ length: 60_000 }, (_, i) => `:p${i}`).join(", ");
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: `op.execute("INSERT INTO t VALUES (${binds})")` }),
    });
    for (const dialect of ["postgresql", "mysql"] as const) {
      const started = Date.now();
      const { report } = await check(root, { dialect });
      expect(Date.now() - started).toBeLessThan(8000);
      expect(kinds(report)).toEqual(["data-change"]);
    }
  });

  it("15 30,000 operations in one file are analysed within the time and memory budgets", () => {
    const operations = Array.from(
      { length: 30_000 },
      (_, i) => `op.add_column("t${i % 50}", sa.Column("c${i}", sa.Text()))`,
    ).join("\n");
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: operations }) });
    const run = runMeasured(root);
    expect(run.status).toBe(0);
    expect(run.report.revisions[0]?.operations).toHaveLength(30_000);
    expect(run.rssMb).toBeLessThan(350);
    expect(run.ms).toBeLessThan(10_000);
  });

  it("an ALTER TABLE of 8,000 DROP COLUMN clauses carries its text on a few operations, not on every one", () => {
    // Each of the 8,000 operations held the whole 150 kB statement: 2 GB of memory and a 1.3 GB report at 10,000.
    const clauses = Array.from({ length: 8000 }, (_, i) => `DROP COLUMN c${i}`).join(", ");
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: `op.execute("ALTER TABLE t ${clauses}")` }),
    });
    const run = runMeasured(root, ["--dialect", "postgresql", "--fail-on", "never"]);
    expect(run.status).toBe(0);
    const operations = run.report.revisions[0]?.operations ?? [];
    expect(operations.filter((operation) => operation.kind === "drop-column")).toHaveLength(8000);
    // The first operations carry the statement up to 1,000,000 characters between them; the rest only `text`.
    const carrying = operations.filter((operation) => operation.sql !== undefined);
    expect(carrying.length).toBe(Math.floor(1_000_000 / (carrying[0]?.sql?.length ?? 1)));
    expect(run.rssMb).toBeLessThan(400);
  });

  it("16 a DO block of 5,000 statements under a dialect condition is read in linear time", async () => {
    const statements = Array.from({ length: 5000 }, (_, i) => `UPDATE t SET c = ${i} WHERE id = ${i};`).join("\n");
    const upgrade = `if op.get_bind().dialect.name != "mysql":\n    op.execute("""DO $$ BEGIN\n${statements}\nEND $$;""")`;
    const started = Date.now();
    const { report } = await check(writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade }) }));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(kinds(report)).toHaveLength(5000);
  });

  it("16 one statement of 1.5 million characters without a semicolon is read in bounded memory", () => {
    // Found by the fuzz suite: libpg-query's scanner turned it into a token list of hundreds of megabytes.
    const upgrade = `s = "{0}{0}"\n${'s = "{0}{0}".format(s)\n'.repeat(18)}op.execute(s)`;
    for (const dialect of ["postgresql", "mysql"]) {
      const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade }) });
      const run = runMeasured(root, ["--dialect", dialect]);
      expect(run.status).toBe(0);
      expect(kinds(run.report)).toEqual(["opaque"]);
      expect(run.rssMb).toBeLessThan(300);
    }
  });

  it("16 a .sql file of 100,000 statements keeps 50,000 operations and one opaque operation for the rest", () => {
    const root = writeProject({
      "V1__big.sql": Array.from({ length: 100_000 }, (_, i) => `ALTER TABLE t${i} ADD COLUMN c${i} text;`).join("\n"),
    });
    const run = runMeasured(root);
    expect(run.status).toBe(1);
    const operations = run.report.revisions[0]?.operations ?? [];
    expect(operations).toHaveLength(50_001);
    expect(operations[50_000]).toMatchObject({ kind: "opaque", line: 50_001 });
    expect(run.rssMb).toBeLessThan(400);
  });
});

describe("bounded input: schema replay", () => {
  /** Two revisions on table `big`: `first` lines, then `second` lines; checked in-process, timed. */
  async function replay(first: readonly string[], second: readonly string[]) {
    const root = writeProject({
      "versions/r0.py": revisionFile({ revision: "r0", upgrade: first.join("\n") }),
      "versions/r1.py": revisionFile({ revision: "r1", down: "r0", upgrade: second.join("\n") }),
    });
    const started = Date.now();
    const { report } = await check(root);
    return { report, ms: Date.now() - started };
  }
  const times = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i));

  // Each took 8 to 15 s before the schema state found a column's or a table's own objects.
  it("schema replay of 6,000 column renames on a table of 6,000 indexes visits each renamed column's own", async () => {
    const { report, ms } = await replay(
      times(6000, (i) => `op.create_index("ix${i}", "big", ["c${i}"])`),
      times(6000, (i) => `op.alter_column("big", "c${i}", new_column_name="d${i}")`),
    );
    expect(ms).toBeLessThan(6000);
    expect(kinds(report).filter((kind) => kind === "rename-column")).toHaveLength(6000);
  });

  it("schema replay of 10,000 dropped columns of a table of 10,000 indexes stays linear", async () => {
    const { report, ms } = await replay(
      times(10_000, (i) => `op.create_index("ix${i}", "big", ["c${i}"])`),
      times(10_000, (i) => `op.drop_column("big", "d${i}")`),
    );
    expect(ms).toBeLessThan(6000);
    expect(kinds(report).filter((kind) => kind === "drop-column")).toHaveLength(10_000);
  });

  it("schema replay of 7,000 table renames in a revision that added 7,000 columns stays linear", async () => {
    const { report, ms } = await replay(
      ['op.create_table("big", sa.Column("id", sa.Integer()))'],
      [
        ...times(7000, (i) => `op.add_column("big", sa.Column("c${i}", sa.Integer()))`),
        ...times(7000, (i) => `op.rename_table("t${i}", "u${i}")`),
      ],
    );
    expect(ms).toBeLessThan(6000);
    expect(kinds(report).filter((kind) => kind === "rename-table")).toHaveLength(7000);
  });

  it("schema replay of 1,200 unique indexes sharing a column, dropped and created again, pairs the last 1,000", async () => {
    const { report, ms } = await replay(
      times(1200, (i) => `op.create_index("ux${i}", "big", ["c${i}", "shared"], unique=True)`),
      [
        ...times(1200, (i) => `op.drop_index("ux${i}", table_name="big")`),
        ...times(1200, (i) => `op.create_index("vx${i}", "big", ["c${i}", "shared"], unique=True)`),
      ],
    );
    expect(ms).toBeLessThan(8000);
    // A drop paired with the create that puts its key back under another name is a rename. A revision remembers its
    // last 1,000 drops: the 200 before them, and their creates, keep their own phase (a unique key added to a table
    // in use is a contract too), the conservative side.
    const phases = report.revisions.find((revision) => revision.revision === "r1")?.operations.map((op) => op.phase);
    const count = (phase: string) => phases?.filter((each) => each === phase).length;
    expect([count("neutral"), count("contract")]).toEqual([2000, 400]);
  });
});

describe("bounded input: suppression comments", () => {
  it("20,000 ignore comments, on their own lines and at line ends, cost linear time", async () => {
    const own = Array.from(
      { length: 10_000 },
      (_, i) => `# migragate: ignore[drop-column] -- fuzz ${i}\nop.drop_column("t", "c${i}")`,
    );
    const inline = Array.from(
      { length: 10_000 },
      (_, i) => `op.drop_column("u", "c${i}")  # migragate: ignore[drop-column] -- fuzz ${i}`,
    );
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: [...own, ...inline].join("\n") }),
    });
    const started = Date.now();
    const { report } = await check(root, { select: ["drop-column"] });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toHaveLength(20_000);
  });
});

describe("fail-on-opaque", () => {
  const opaque = {
    "versions/a1.py": revisionFile({
      revision: "a1",
      upgrade: "op.execute(build_sql())",
      header: "from app.sql import build_sql",
    }),
  };

  it("fail-on-opaque fails the gate on an opaque operation under review, naming it", () => {
    const root = writeProject(opaque);
    expect(runCli(["check", "."], root).status).toBe(0);
    const flagged = runCli(["check", ".", "--fail-on-opaque"], root);
    expect(flagged.status).toBe(1);
    expect(flagged.stderr).toBe(
      "migragate: 1 opaque operation(s) under review fail the gate (fail-on-opaque): versions/a1.py:15 (the SQL comes from `build_sql()`, which cannot be read statically)\n",
    );
    expect(flagged.stdout).toContain("1 opaque operation under review fail the gate (fail-on-opaque)");
  });

  it("fail-on-opaque from the config, and never for revisions outside the release", async () => {
    const root = writeProject({
      ...opaque,
      "versions/a2.py": revisionFile({ revision: "a2", down: "a1", upgrade: 'op.drop_table("x")' }),
      "migragate.toml": "fail-on-opaque = true\n",
    });
    let stderr = "";
    const all = await check(root, { failOn: "never" }, root, { stderr: (text) => (stderr += text) });
    expect(all.exitCode).toBe(1);
    expect(stderr).toContain("fail-on-opaque");
    const release = await check(root, { failOn: "never", releaseAfter: "a1" });
    expect(release.exitCode).toBe(0);
  });

  it("fail-on-opaque in the markdown report says why the gate fails", () => {
    const root = writeProject({ ...opaque, "migragate.toml": "fail-on-opaque = true\n" });
    const result = runCli(["check", ".", "--format", "markdown"], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("## ❌ migragate: the gate fails");
    expect(result.stdout).toContain("1 opaque operation under review fail the gate (fail-on-opaque).");
  });
});
