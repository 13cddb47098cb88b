import type { Directive, SourceSpan } from "../../domain/index.js";

/** What follows `migragate:` in a comment, read into a directive (the caller supplies where it applies). */
export type DirectiveBody =
  | { readonly kind: "ignore" | "ignore-file"; readonly rules: readonly string[]; readonly reason?: string }
  | { readonly kind: "phase"; readonly phase: "expand" | "backfill" | "contract" }
  | { readonly kind: "malformed"; readonly problem: string };

/** Finds `migragate:` in a comment's text and returns what follows it, or undefined for an ordinary comment. */
export function directiveBodyIn(comment: string): string | undefined {
  const match = /(?:^|[#\s-])migragate:\s*(.*)$/.exec(comment);
  return match ? (match[1] ?? "").trim() : undefined;
}

const IGNORE = /^(ignore-file|ignore)\b\s*(?:\[([^\]]*)\])?\s*(.*)$/;
const RULE_NAME = /^[a-z][a-z0-9-]*$/;
// `migrate` is the name some projects give the data phase between expand and contract.
const PHASE = /^phase\s*=\s*([A-Za-z]+)\s*$/;
const PHASE_NAMES = { expand: "expand", backfill: "backfill", migrate: "backfill", contract: "contract" } as const;

export function parseDirectiveBody(body: string): DirectiveBody {
  const phase = PHASE.exec(body);
  if (phase) {
    const name = PHASE_NAMES[(phase[1] ?? "").toLowerCase() as keyof typeof PHASE_NAMES];
    return name
      ? { kind: "phase", phase: name }
      : { kind: "malformed", problem: `unknown phase "${phase[1]}" (expected expand, backfill, migrate or contract)` };
  }
  const ignore = IGNORE.exec(body);
  if (!ignore) {
    return {
      kind: "malformed",
      problem:
        'expected "ignore[rule, ...] -- reason", "ignore-file[rule, ...] -- reason" or "phase=expand|backfill|contract"',
    };
  }
  const kind = ignore[1] as "ignore" | "ignore-file";
  const rules = (ignore[2] ?? "")
    .split(",")
    .map((rule) => rule.trim())
    .filter((rule) => rule !== "");
  const invalid = rules.find((rule) => !RULE_NAME.test(rule));
  if (invalid !== undefined) return { kind: "malformed", problem: `"${invalid}" is not a rule name` };
  if (ignore[2] !== undefined && rules.length === 0)
    return { kind: "malformed", problem: `empty rule list in ${kind}[]` };
  const rest = (ignore[3] ?? "").trim();
  if (rest !== "" && !rest.startsWith("--")) {
    return { kind: "malformed", problem: `write the reason after "--", e.g. ${kind}[rule] -- why this is safe` };
  }
  const reason = rest.replace(/^--\s*/, "").trim();
  return { kind, rules, ...(reason !== "" ? { reason } : {}) };
}

/** Turns a comment's directive body into a directive at `span`, covering `appliesToLine` when it is an ignore. */
export function toDirective(body: DirectiveBody, span: SourceSpan, appliesToLine: number): Directive {
  switch (body.kind) {
    case "ignore":
      return { ...body, kind: "ignore", appliesToLine, span };
    case "ignore-file":
      return { ...body, kind: "ignore-file", span };
    case "phase":
      return { kind: "phase", phase: body.phase, span };
    case "malformed":
      return { kind: "malformed", problem: body.problem, span };
  }
}

/**
 * The line a comment on its own line speaks about: the next line holding code, past blank lines and other comments.
 * `lines` are the file's lines; the function takes the 1-based line of the comment. The answers are worked out in
 * one pass from the end, the first time one is asked: a run of 20,000 comment lines costs 20,000 steps, not 20,000
 * steps for each of them.
 */
export function nextCodeLines(lines: readonly string[], commentPrefix: string): (from: number) => number {
  let next: Int32Array | undefined;
  return (from) => {
    if (!next) {
      next = new Int32Array(lines.length + 2);
      let code = 0;
      for (let line = lines.length; line >= 1; line--) {
        next[line] = code;
        const text = (lines[line - 1] ?? "").trim();
        if (text !== "" && !text.startsWith(commentPrefix)) code = line;
      }
    }
    return next[from] || from;
  };
}
