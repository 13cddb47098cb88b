import { describe, expect, it } from "vitest";
import { InputError } from "../src/adapters/fs/discovery.js";
import { helpText, type ParsedCommand, parseCommandLine } from "../src/cli/arguments.js";
import { COMMAND_SPECS } from "../src/cli/command-specs.js";
import { type JsonReport, revisionFile, runCli, writeProject } from "./support/project.js";

function parsed(argv: readonly string[]): ParsedCommand {
  const line = parseCommandLine(argv, COMMAND_SPECS);
  if (line.kind !== "run") throw new Error(`expected a command to run, got ${line.kind}`);
  return line.parsed;
}

function usageError(argv: readonly string[]): string {
  try {
    parseCommandLine(argv, COMMAND_SPECS);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
}

function given(argv: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(parsed(argv).given);
}

describe("parseCommandLine", () => {
  it("parseCommandLine reads values after the flag and after an equals sign", () => {
    const line = parsed(["check", "app/migrations", "--fail-on", "warning", "--since=origin/main", "-o", "r.json"]);
    expect(line.command.name).toBe("check");
    expect(line.positionals).toEqual(["app/migrations"]);
    expect(given(["check", "--fail-on", "warning", "--since=origin/main", "-o", "r.json"])).toEqual({
      "fail-on": ["warning"],
      since: ["origin/main"],
      output: ["r.json"],
    });
  });

  it("parseCommandLine gives each option one value, so a path after a rule list stays a path", () => {
    const line = parsed(["check", "--select", "drop-column", "migrations", "--ignore", "a,b", "more"]);
    expect(line.positionals).toEqual(["migrations", "more"]);
    expect(Object.fromEntries(line.given)).toEqual({ select: ["drop-column"], ignore: ["a,b"] });
  });

  it("parseCommandLine keeps every value of a repeated option in order", () => {
    expect(given(["check", "--format", "json", "-o", "a.json", "--format", "text", "--start-after", "a1"])).toEqual({
      format: ["json", "text"],
      output: ["a.json"],
      "start-after": ["a1"],
    });
  });

  it("parseCommandLine reads booleans bare, negated and with true or false", () => {
    expect(given(["check", "--no-cache", "--assume-in-transaction", "--fail-on-opaque=false"])).toEqual({
      cache: [false],
      "assume-in-transaction": [true],
      "fail-on-opaque": [false],
    });
    expect(given(["check", "--no-config", "--no-assume-in-transaction"])).toEqual({
      config: [false],
      "assume-in-transaction": [false],
    });
  });

  it("parseCommandLine finds the command after options that take the next word as their value", () => {
    const line = parsed(["--fail-on", "warning", "-o", "r.json", "--cache", "false", "check", "migrations"]);
    expect(line.command.name).toBe("check");
    expect(line.positionals).toEqual(["migrations"]);
    expect(Object.fromEntries(line.given)).toEqual({ "fail-on": ["warning"], output: ["r.json"], cache: [false] });
    expect(parsed(["--since", "HEAD~1", "plan"]).command.name).toBe("plan");
  });

  it("parseCommandLine reads true or false after a boolean as its value, and any other word as a path", () => {
    const line = parsed(["check", "--assume-in-transaction", "false", "--cache", "true", "sql"]);
    expect(Object.fromEntries(line.given)).toEqual({ "assume-in-transaction": [false], cache: [true] });
    expect(line.positionals).toEqual(["sql"]);
    expect(parsed(["check", "--fail-on-opaque", "migrations"]).positionals).toEqual(["migrations"]);
  });

  it("parseCommandLine takes options before the command and paths after a double dash", () => {
    const line = parsed(["--no-cache", "check", "--", "--odd-folder", "-"]);
    expect(line.command.name).toBe("check");
    expect(line.positionals).toEqual(["--odd-folder", "-"]);
    expect(Object.fromEntries(line.given)).toEqual({ cache: [false] });
  });

  it("parseCommandLine answers help and version before anything else is checked", () => {
    expect(parseCommandLine(["check", "--bogus", "--help"], COMMAND_SPECS)).toMatchObject({
      kind: "help",
      command: { name: "check" },
    });
    expect(parseCommandLine(["-h"], COMMAND_SPECS)).toEqual({ kind: "help" });
    expect(parseCommandLine(["plan", "--version"], COMMAND_SPECS)).toEqual({ kind: "version" });
    // After `--`, --help is a path.
    expect(parsed(["check", "--", "--help"]).positionals).toEqual(["--help"]);
  });

  it("parseCommandLine rejects an unknown option, naming the closest one", () => {
    expect(usageError(["check", "--fail-onn", "never"])).toBe(
      "unknown option --fail-onn for check (did you mean --fail-on?) (see `migragate check --help`)",
    );
    expect(usageError(["plan", "--extend-select", "style"])).toBe("--extend-select is an option of check, not of plan");
    expect(usageError(["check", "-x"])).toMatch(/^unknown option -x for check/);
  });

  it("parseCommandLine names the command an option belongs to when given to another", () => {
    expect(usageError(["check", "--write"])).toBe("--write is an option of plan, not of check");
    expect(usageError(["init", "--since", "HEAD"])).toBe("--since is an option of check and plan, not of init");
  });

  it("parseCommandLine reads camelCase option names as yargs did", () => {
    expect(given(["check", "--failOn", "never", "--extendSelect", "style"])).toEqual({
      "fail-on": ["never"],
      "extend-select": ["style"],
    });
  });

  it("parseCommandLine reads a help command, with or without the command to explain", () => {
    expect(parseCommandLine(["help"], COMMAND_SPECS)).toEqual({ kind: "help" });
    expect(parseCommandLine(["help", "plan"], COMMAND_SPECS)).toMatchObject({
      kind: "help",
      command: { name: "plan" },
    });
  });

  it("parseCommandLine names a mistyped option before the command rather than its value", () => {
    expect(usageError(["--fial-on", "never", "check"])).toBe("unknown option --fial-on (did you mean --fail-on?)");
  });

  it("parseCommandLine takes 150,000 paths after a double dash", () => {
    const paths = Array.from({ length: 150_000 }, (_, index) => `p${index}`);
    expect(parsed(["check", "--", ...paths]).positionals).toHaveLength(150_000);
  });

  it("parseCommandLine names an unknown option given without a command", () => {
    expect(usageError(["--bogus"])).toBe("unknown option --bogus: name a command: check, plan, init, rules or explain");
    expect(usageError(["-V"])).toMatch(/^unknown option -V: name a command/);
  });

  it("parseCommandLine rejects a missing value, also when the next word is another option", () => {
    expect(usageError(["check", "-o"])).toBe("--output needs a value");
    expect(usageError(["check", "--select", "--ignore", "x"])).toBe("--select needs a value");
    expect(usageError(["plan", "--format"])).toBe("--format needs a value: text, markdown, json");
  });

  it("parseCommandLine rejects a value outside the choices, with the closest choice", () => {
    expect(usageError(["check", "--format=jsn"])).toBe(
      '--format must be one of text, json, sarif, github, markdown, gitlab, junit (got "jsn") (did you mean "json"?)',
    );
    // A prefix of one choice is that choice, even when too short to be close to it.
    expect(usageError(["check", "--fail-on", "warn"])).toBe(
      '--fail-on must be one of error, warning, info, never (got "warn") (did you mean "warning"?)',
    );
  });

  it("parseCommandLine rejects values on negations and words other than true or false on booleans", () => {
    expect(usageError(["check", "--no-cache=yes"])).toBe("--no-cache takes no value");
    expect(usageError(["plan", "--write=1"])).toBe('--write takes no value, or true or false (got "1")');
    expect(usageError(["check", "--no-since"])).toMatch(/^unknown option --no-since for check/);
  });

  it("parseCommandLine rejects more arguments than the command takes", () => {
    expect(usageError(["rules", "extra"])).toBe('unexpected argument "extra": rules takes no arguments');
    expect(usageError(["explain", "drop-column", "drop-table"])).toBe(
      'unexpected argument "drop-table": explain takes one rule',
    );
    expect(usageError(["init", "a", "b"])).toBe('unexpected argument "b": init takes one path');
  });

  it("parseCommandLine asks for a command, and names the closest to a mistyped one", () => {
    expect(usageError([])).toBe("name a command: check, plan, init, rules or explain");
    expect(usageError(["--no-cache"])).toBe("name a command: check, plan, init, rules or explain");
    expect(usageError(["pln"])).toBe(
      'unknown command "pln" (did you mean "plan"?): the commands are check, plan, init, rules, explain',
    );
  });
});

describe("COMMAND_SPECS", () => {
  it("COMMAND_SPECS give a flag the same kind in every command that has it", () => {
    // Where the command is, is found before which command it is: `--format json check` must read alike for all.
    const takesValue = new Map<string, boolean>();
    for (const command of COMMAND_SPECS) {
      for (const option of command.options) {
        for (const flag of [`--${option.name}`, ...(option.short ? [`-${option.short}`] : [])]) {
          const value = option.kind !== "boolean";
          expect(takesValue.get(flag) ?? value, `${command.name} ${flag}`).toBe(value);
          takesValue.set(flag, value);
        }
      }
    }
  });
});

describe("helpText", () => {
  it("helpText of a command lists every option with its value, choices and default", () => {
    const check = COMMAND_SPECS.find((command) => command.name === "check");
    const text = helpText(COMMAND_SPECS, check);
    for (const option of check?.options ?? []) expect(text).toContain(`--${option.name}`);
    expect(text).toMatch(/^ {2}-o, --output <file> +Write the report/m);
    expect(text).toMatch(/--fail-on <severity> .*\[one of error, warning, info, never\]$/m);
    expect(text).toMatch(/--cache .*\[default: true\]$/m);
  });

  it("helpText of the CLI lists every command", () => {
    const text = helpText(COMMAND_SPECS);
    for (const command of COMMAND_SPECS) expect(text).toContain(`migragate ${command.name}`);
  });
});

describe("command line", () => {
  it("command line takes paths as written, commas and leading spaces included", () => {
    const revision = revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "email")' });
    const root = writeProject({ "a,b/versions/a1.py": revision, " lead/versions/a1.py": revision });
    for (const path of ["a,b", " lead"]) {
      const result = runCli(["check", "--format", "json", "--", path], root);
      expect(result.stderr, path).toBe("");
      expect(
        (JSON.parse(result.stdout) as JsonReport).findings.map((finding) => finding.rule),
        path,
      ).toContain("drop-column");
    }
  });

  it("command line keeps the last value of an option given twice and reads true or false after a boolean", () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "email")' }),
    });
    expect(runCli(["check", "--fail-on", "never", "--fail-on", "warning"], root).status).toBe(1);
    expect(runCli(["check", "--fail-on", "warning", "--fail-on", "never"], root).status).toBe(0);
    const result = runCli(["check", "--no-config", "--no-config", "--cache", "false", "--fail-on=never"], root);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(runCli(["check", "--config", "a.toml", "--config", "b.toml"], root).stderr).toBe(
      "migragate: --config: give one config file\n",
    );
  });

  it("command line errors stay on one line when a value holds a newline or a terminal escape", () => {
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }) });
    const cases: [string[], string][] = [
      [
        ["check", "--fail-on", "warn\ning"],
        'migragate: --fail-on must be one of error, warning, info, never (got "warn\\ning") (did you mean "warning"?)\n',
      ],
      [["check", "--bo\ngus"], "migragate: unknown option --bo\\ngus for check (see `migragate check --help`)\n"],
      [["check", "missing\u001b[31m"], "migragate: missing\\u001b[31m: no such file or folder\n"],
    ];
    for (const [args, stderr] of cases) {
      const result = runCli(args, root);
      expect(result.stderr, JSON.stringify(args)).toBe(stderr);
      expect(result.status).toBe(2);
    }
  });

  it("command line rejects an empty --output, an empty --cache-dir and a folder as --config", () => {
    const root = writeProject({ "versions/a1.py": revisionFile({ revision: "a1", upgrade: "pass" }) });
    const cases: [string[], string][] = [
      [["check", "--output="], "migragate: --output needs a file path\n"],
      [["plan", "-o", ""], "migragate: --output needs a file path\n"],
      [["check", "--cache-dir", ""], "migragate: --cache-dir needs a folder\n"],
      [["check", "--config", "versions"], "migragate: --config: versions is a folder, not a config file\n"],
    ];
    for (const [args, stderr] of cases) {
      const result = runCli(args, root);
      expect(result.stderr, args.join(" ")).toBe(stderr);
      expect(result.status, args.join(" ")).toBe(2);
    }
  });

  it("command line keeps a path given after a rule list, and prints help with exit 0", () => {
    const root = writeProject({
      "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: 'op.drop_column("users", "email")' }),
    });
    const result = runCli(["check", "--select", "drop-column", "migrations", "--format", "json"], root);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((finding) => finding.rule)).toEqual(["drop-column"]);
    const help = runCli(["check", "--help"], root);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^migragate check \[paths\.\.\]\n/);
    expect(help.stderr).toBe("");
  });
});
