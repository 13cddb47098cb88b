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
    expect(usageError(["plan", "--extend-select", "style"])).toMatch(/^unknown option --extend-select for plan/);
    expect(usageError(["check", "-x"])).toMatch(/^unknown option -x for check/);
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
