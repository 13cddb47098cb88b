import { InputError } from "../adapters/fs/discovery.js";
import { closestName } from "../services/rule-selection.js";

/**
 * The command line's grammar, parsed by hand: a command, its options and its paths. A general parser (yargs) cost
 * ~45 ms of every run to load and to parse (measured cold on `check`), more than analysing a small project.
 *
 * - `--name value` and `--name=value`; `-o value` for the options with a short name; a value that starts with a dash
 *   is given as `--name=-value`;
 * - booleans as `--name`, `--no-name`, `--name=true|false` or `--name true|false`; options marked negatable take
 *   `--no-name` too; the camelCase spelling of a name (`--failOn`) is that option, as yargs read it;
 * - an option given twice keeps its last value, but repeatable ones keep every value, in order;
 * - `--` ends the options: what follows is paths;
 * - `--help` (`-h`) and `--version` anywhere before `--` print help or the version and run nothing.
 */

export type OptionKind = "string" | "boolean" | "repeatable";

export interface OptionSpec {
  readonly name: string;
  readonly kind: OptionKind;
  readonly describe: string;
  /** A one-letter short name: `-o`. */
  readonly short?: string;
  readonly choices?: readonly string[];
  /** What the value is, in the help: `--output <file>` (default: value). */
  readonly valueName?: string;
  /** `--no-<name>` gives false (booleans always are). */
  readonly negatable?: boolean;
  /** Shown in the help only: the value the command takes when the option is absent. */
  readonly shownDefault?: string;
}

export interface CommandSpec {
  readonly name: string;
  /** The command's usage line after its name: `[paths..]`. */
  readonly usage: string;
  readonly describe: string;
  /** Its paths or its one argument: `many` takes any number. */
  readonly positional?: { readonly name: string; readonly many: boolean; readonly describe: string };
  readonly options: readonly OptionSpec[];
}

/** An option's value as given: a string, true for a bare boolean, false for `--no-<name>`. */
export type GivenValue = string | boolean;

export interface ParsedCommand {
  readonly command: CommandSpec;
  readonly positionals: readonly string[];
  /** Every value given, by option name, in the order given. */
  readonly given: ReadonlyMap<string, readonly GivenValue[]>;
}

export type ParsedLine =
  | { readonly kind: "help"; readonly command?: CommandSpec }
  | { readonly kind: "version" }
  | { readonly kind: "run"; readonly parsed: ParsedCommand };

const HELP_FLAGS: ReadonlySet<string> = new Set(["--help", "-h"]);
const END_OF_OPTIONS = "--";

function commandList(commands: readonly CommandSpec[]): string {
  const names = commands.map((command) => command.name);
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/**
 * Every command's options by flag (`--output`, `-o`), with the commands that take each. A flag takes a value in every
 * command that has it or in none (a test holds the specs to that): the command's position on the line can then be
 * found before the command itself is known.
 */
interface KnownFlags {
  readonly options: ReadonlyMap<string, OptionSpec>;
  readonly owners: ReadonlyMap<string, readonly string[]>;
}

function knownFlags(commands: readonly CommandSpec[]): KnownFlags {
  const options = new Map<string, OptionSpec>();
  const owners = new Map<string, string[]>();
  for (const command of commands) {
    for (const [flag, option] of optionIndex(command)) {
      options.set(flag, option);
      const names = owners.get(flag);
      if (names) names.push(command.name);
      else owners.set(flag, [command.name]);
    }
  }
  return { options, owners };
}

/** The flag of an option token: `--since=HEAD` is `--since`, `-o=x` is `-o`. */
function flagOf(token: string): string {
  const equals = token.startsWith("--") ? token.indexOf("=") : token.startsWith("-") && token[2] === "=" ? 2 : -1;
  return equals === -1 ? token : token.slice(0, equals);
}

/** The option `--no-<name>` turns off: a boolean, or one marked negatable; undefined for any other flag. */
function negatedOption(flag: string, options: ReadonlyMap<string, OptionSpec>): OptionSpec | undefined {
  const option = flag.startsWith("--no-") ? options.get(`--${flag.slice(5)}`) : undefined;
  return option !== undefined && (option.kind === "boolean" || option.negatable === true) ? option : undefined;
}

/** Whether any command takes the flag, negated (`--no-cache`) or not. */
function isKnownFlag(flag: string, known: KnownFlags): boolean {
  return known.options.has(flag) || negatedOption(flag, known.options) !== undefined;
}

/** Whether an option token takes the next word as its value: `--since HEAD`, `--no-cache false` does not. */
function takesNextWord(token: string, next: string | undefined, known: KnownFlags): boolean {
  if (token.includes("=")) return false;
  const option = known.options.get(token);
  if (!option) return false;
  return option.kind === "boolean" ? next === "true" || next === "false" : true;
}

/**
 * Where the command is: the first word that is neither an option nor an option's value (`--fail-on never check` is
 * `check`), before any `--`; -1 when there is none.
 */
function findCommand(argv: readonly string[], known: KnownFlags): number {
  const end = argv.indexOf(END_OF_OPTIONS);
  const limit = end === -1 ? argv.length : end;
  for (let index = 0; index < limit; index++) {
    const token = argv[index] ?? "";
    if (!token.startsWith("-") || token === "-") return index;
    if (takesNextWord(token, argv[index + 1], known)) index++;
  }
  return -1;
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A value the user typed, quoted as JSON: a newline or a control character cannot break the one-line message. */
function quoted(value: string): string {
  return JSON.stringify(value);
}

/** The spec's options by long, camelCase and short name. */
function optionIndex(command: CommandSpec): Map<string, OptionSpec> {
  const index = new Map<string, OptionSpec>();
  for (const option of command.options) {
    index.set(`--${option.name}`, option);
    index.set(`--${camelCase(option.name)}`, option);
    if (option.short) index.set(`-${option.short}`, option);
  }
  return index;
}

/** An unknown option before the command, with the closest option of any command. */
function unknownFlag(flag: string, known: KnownFlags): InputError {
  const names = [...known.options.keys()].filter((name) => name.startsWith("--")).map((name) => name.slice(2));
  const suggestion = closestName(flag.replace(/^-+/, ""), names);
  return new InputError(`unknown option ${flag}${suggestion ? ` (did you mean --${suggestion}?)` : ""}`);
}

function unknownOption(flag: string, command: CommandSpec, known: KnownFlags): InputError {
  const negated = negatedOption(flag, known.options);
  const elsewhere = known.owners.get(flag) ?? (negated ? known.owners.get(`--${negated.name}`) : undefined);
  if (elsewhere && !elsewhere.includes(command.name)) {
    return new InputError(`${flag} is an option of ${elsewhere.join(" and ")}, not of ${command.name}`);
  }
  const names = command.options.map((option) => option.name);
  const suggestion = closestName(flag.replace(/^-+/, ""), names);
  return new InputError(
    `unknown option ${flag} for ${command.name}${suggestion ? ` (did you mean --${suggestion}?)` : ""}` +
      ` (see \`migragate ${command.name} --help\`)`,
  );
}

function checkedChoice(option: OptionSpec, value: string): string {
  if (!option.choices || option.choices.includes(value)) return value;
  const prefixed = option.choices.filter((choice) => value !== "" && choice.startsWith(value.toLowerCase()));
  const suggestion = closestName(value, option.choices) ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  throw new InputError(
    `--${option.name} must be one of ${option.choices.join(", ")} (got ${quoted(value)})` +
      `${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
  );
}

function booleanValue(flag: string, value: string | undefined): boolean {
  if (value === undefined || value === "true") return true;
  if (value === "false") return false;
  throw new InputError(`${flag} takes no value, or true or false (got ${quoted(value)})`);
}

/** What one option token gives, and how many tokens it used (its value may be the next one). */
function readOption(
  token: string,
  next: string | undefined,
  options: ReadonlyMap<string, OptionSpec>,
  command: CommandSpec,
  known: KnownFlags,
): { readonly option: OptionSpec; readonly value: GivenValue; readonly used: number } {
  const flag = flagOf(token);
  const inline = flag.length === token.length ? undefined : token.slice(flag.length + 1);
  const option = options.get(flag);
  if (!option) {
    const negated = negatedOption(flag, options);
    if (negated) {
      if (inline !== undefined) throw new InputError(`${flag} takes no value`);
      return { option: negated, value: false, used: 1 };
    }
    throw unknownOption(flag, command, known);
  }
  if (option.kind === "boolean") {
    // `--assume-in-transaction false`, as the parser before this one read it: the word is the value, not a path.
    if (inline === undefined && (next === "true" || next === "false"))
      return { option, value: next === "true", used: 2 };
    return { option, value: booleanValue(flag, inline), used: 1 };
  }
  if (inline !== undefined) return { option, value: checkedChoice(option, inline), used: 1 };
  if (next === undefined || (next.startsWith("-") && next !== "-")) {
    const choices = option.choices ? `: ${option.choices.join(", ")}` : "";
    throw new InputError(`--${option.name} needs a value${choices}`);
  }
  return { option, value: checkedChoice(option, next), used: 2 };
}

function extraArgument(command: CommandSpec, value: string): InputError {
  const takes = command.positional ? `one ${command.positional.name}` : "no arguments";
  return new InputError(`unexpected argument ${quoted(value)}: ${command.name} takes ${takes}`);
}

/** Parses the command line; every mistake is an InputError of one line. */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): ParsedLine {
  const byName = new Map(commands.map((command) => [command.name, command]));
  const known = knownFlags(commands);
  const end = argv.indexOf(END_OF_OPTIONS);
  const flags = end === -1 ? argv : argv.slice(0, end);
  const at = findCommand(argv, known);
  const command = at === -1 ? undefined : byName.get(argv[at] ?? "");
  if (flags.some((arg) => HELP_FLAGS.has(arg))) return command ? { kind: "help", command } : { kind: "help" };
  if (flags.includes("--version")) return { kind: "version" };
  if (at === -1) {
    const stray = flags.find((arg) => arg.startsWith("-") && arg !== "-" && !isKnownFlag(flagOf(arg), known));
    throw new InputError(`${stray ? `unknown option ${flagOf(stray)}: ` : ""}name a command: ${commandList(commands)}`);
  }
  if (!command) {
    const first = argv[at] ?? "";
    // `migragate help` and `migragate help check`, as git and npm read them.
    if (first === "help") {
      const topic = byName.get(argv[at + 1] ?? "");
      return topic ? { kind: "help", command: topic } : { kind: "help" };
    }
    // `--fial-on never check`: the mistyped option, not its value, is the mistake to name.
    const stray = argv.slice(0, at).find((arg) => arg.startsWith("-") && !isKnownFlag(flagOf(arg), known));
    if (stray) throw unknownFlag(flagOf(stray), known);
    const names = commands.map((candidate) => candidate.name);
    const suggestion = closestName(first, names);
    throw new InputError(
      `unknown command ${quoted(first)}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}: the commands are ${names.join(", ")}`,
    );
  }
  const options = optionIndex(command);
  const positionals: string[] = [];
  const given = new Map<string, GivenValue[]>();
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] ?? "";
    if (index === at) continue;
    if (index === end) {
      // A loop, not a spread: a spread of 150,000 paths overflows the stack.
      for (const path of argv.slice(index + 1)) positionals.push(path);
      break;
    }
    if (token.startsWith("-") && token !== "-") {
      const { option, value, used } = readOption(token, argv[index + 1], options, command, known);
      const values = given.get(option.name);
      if (values) values.push(value);
      else given.set(option.name, [value]);
      index += used - 1;
    } else {
      positionals.push(token);
    }
  }
  const allowed = command.positional ? (command.positional.many ? Number.POSITIVE_INFINITY : 1) : 0;
  const extra = positionals[allowed];
  if (extra !== undefined) throw extraArgument(command, extra);
  return { kind: "run", parsed: { command, positionals, given } };
}

/** The last value given for an option, or undefined. */
function lastGiven(parsed: ParsedCommand, name: string): GivenValue | undefined {
  return parsed.given.get(name)?.at(-1);
}

/** The last string given for an option; undefined when absent. */
export function lastString(parsed: ParsedCommand, name: string): string | undefined {
  const value = lastGiven(parsed, name);
  return typeof value === "string" ? value : undefined;
}

/** Every string given for a repeatable option, in order. */
export function allStrings(parsed: ParsedCommand, name: string): string[] | undefined {
  const values = parsed.given.get(name);
  return values?.filter((value): value is string => typeof value === "string");
}

/** A boolean option's last value, or undefined when it was not given. */
export function lastBoolean(parsed: ParsedCommand, name: string): boolean | undefined {
  const value = lastGiven(parsed, name);
  return typeof value === "boolean" ? value : undefined;
}

function optionLabel(option: OptionSpec): string {
  const long = `--${option.name}`;
  const value = option.kind === "boolean" ? "" : ` <${option.valueName ?? "value"}>`;
  return `${option.short ? `-${option.short}, ` : "    "}${long}${value}`;
}

function optionNote(option: OptionSpec): string {
  const notes = [
    ...(option.choices ? [`one of ${option.choices.join(", ")}`] : []),
    ...(option.kind === "repeatable" ? ["repeatable"] : []),
    ...(option.shownDefault !== undefined ? [`default: ${option.shownDefault}`] : []),
  ];
  return notes.length > 0 ? ` [${notes.join("; ")}]` : "";
}

function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`).join("\n");
}

/** The help of one command, or of the whole CLI. */
export function helpText(commands: readonly CommandSpec[], command?: CommandSpec): string {
  if (!command) {
    const rows = commands.map((spec) => [`migragate ${spec.name}${spec.usage ? ` ${spec.usage}` : ""}`, spec.describe]);
    return (
      "migragate <command> [options]\n\nCommands:\n" +
      `${table(rows as [string, string][])}\n\n` +
      `Options:\n${table([
        ["--version", "Show the version"],
        ["-h, --help", "Show help (also of a command: migragate check --help, or migragate help check)"],
      ])}\n`
    );
  }
  const sections = [
    `migragate ${command.name}${command.usage ? ` ${command.usage}` : ""}`,
    command.describe,
    ...(command.positional ? [`Arguments:\n${table([[command.positional.name, command.positional.describe]])}`] : []),
    `Options:\n${table([
      ...command.options.map((option): [string, string] => [
        optionLabel(option),
        `${option.describe}${optionNote(option)}`,
      ]),
      ["-h, --help", "Show this help"],
    ])}`,
  ];
  return `${sections.join("\n\n")}\n`;
}
