import type { Directive, Finding, Revision, SuppressedFinding, Suppression, UnusedDirective } from "../domain/index.js";

type IgnoreDirective = Extract<Directive, { kind: "ignore" | "ignore-file" }>;

export interface SuppressionOutcome {
  readonly reported: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** Ignore comments that matched no finding although every rule they name ran, and unreadable comments. */
  readonly unused: UnusedDirective[];
}

/** A file's ignore comments, indexed so that a finding costs the lines it spans, not every comment of the file. */
class FileIgnores {
  private readonly whole: { readonly directive: IgnoreDirective; readonly order: number }[] = [];
  private readonly byLine = new Map<number, { readonly directive: IgnoreDirective; readonly order: number }[]>();
  private count = 0;

  add(directive: IgnoreDirective): void {
    const entry = { directive, order: this.count++ };
    if (directive.kind === "ignore-file") {
      this.whole.push(entry);
      return;
    }
    const list = this.byLine.get(directive.appliesToLine);
    if (list) list.push(entry);
    else this.byLine.set(directive.appliesToLine, [entry]);
  }

  /** The comments covering a finding, in file order. */
  covering(finding: Finding): IgnoreDirective[] {
    const found = this.whole.filter((entry) => covers(entry.directive, finding));
    const { line, endLine } = finding.span;
    const lines = endLine - line + 1;
    if (lines <= this.byLine.size) {
      for (let at = line; at <= endLine; at++)
        for (const entry of this.byLine.get(at) ?? []) if (covers(entry.directive, finding)) found.push(entry);
    } else {
      for (const entries of this.byLine.values())
        for (const entry of entries) if (covers(entry.directive, finding)) found.push(entry);
    }
    return found.sort((a, b) => a.order - b.order).map((entry) => entry.directive);
  }
}

function covers(directive: IgnoreDirective, finding: Finding): boolean {
  if (directive.rules.length > 0 && !directive.rules.includes(finding.rule)) return false;
  if (directive.kind === "ignore-file") return true;
  return finding.span.line <= directive.appliesToLine && directive.appliesToLine <= finding.span.endLine;
}

function suppressionOf(directive: IgnoreDirective): Suppression {
  return {
    kind: directive.kind === "ignore-file" ? "file" : "inline",
    ...(directive.reason !== undefined ? { reason: directive.reason } : {}),
    span: directive.span,
  };
}

/** A finding is accepted only with a written reason: a comment without one covers findings but suppresses none. */
function hasReason(directive: IgnoreDirective): boolean {
  return directive.reason !== undefined && directive.reason.trim() !== "";
}

/**
 * Applies the revisions' ignore comments to the findings. A finding covered by a comment with a reason is kept apart
 * as suppressed; one covered only by comments without a reason stays reported (suppression-without-reason says why).
 * A comment is unused when it covered nothing although every rule it names ran (a rule that did not run proves
 * nothing) or when it names a rule that does not exist.
 */
export function applySuppressions(
  findings: readonly Finding[],
  revisions: readonly Revision[],
  ranRules: ReadonlySet<string>,
  knownRules: ReadonlySet<string>,
): SuppressionOutcome {
  const byFile = new Map<string, FileIgnores>();
  const all: Directive[] = [];
  for (const revision of revisions) {
    for (const directive of revision.directives) {
      all.push(directive);
      if (directive.kind !== "ignore" && directive.kind !== "ignore-file") continue;
      let ignores = byFile.get(revision.file);
      if (!ignores) {
        ignores = new FileIgnores();
        byFile.set(revision.file, ignores);
      }
      ignores.add(directive);
    }
  }
  const used = new Set<Directive>();
  const reported: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const matching = byFile.get(finding.span.file)?.covering(finding) ?? [];
    for (const directive of matching) used.add(directive);
    const accepting = matching.filter(hasReason);
    const first = accepting.find((directive) => directive.kind === "ignore") ?? accepting[0];
    if (first) suppressed.push({ ...finding, suppression: suppressionOf(first) });
    else reported.push(finding);
  }
  const unused: UnusedDirective[] = [];
  for (const directive of all) {
    if (directive.kind === "phase") continue;
    if (directive.kind === "malformed") {
      unused.push({ directive, unknownRules: [] });
      continue;
    }
    const unknownRules = directive.rules.filter((rule) => !knownRules.has(rule));
    if (unknownRules.length > 0) unused.push({ directive, unknownRules });
    else if (!used.has(directive) && directive.rules.every((rule) => ranRules.has(rule)))
      unused.push({ directive, unknownRules });
  }
  return { reported, suppressed, unused };
}
