import type { Directive, Finding, Revision, SuppressedFinding, Suppression, UnusedDirective } from "../domain/index.js";

type IgnoreDirective = Extract<Directive, { kind: "ignore" | "ignore-file" }>;

export interface SuppressionOutcome {
  readonly reported: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** Ignore comments that matched no finding although every rule they name ran, and unreadable comments. */
  readonly unused: UnusedDirective[];
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
  const byFile = new Map<string, IgnoreDirective[]>();
  const all: Directive[] = [];
  for (const revision of revisions) {
    all.push(...revision.directives);
    const ignores = revision.directives.filter(
      (directive): directive is IgnoreDirective => directive.kind === "ignore" || directive.kind === "ignore-file",
    );
    if (ignores.length > 0) byFile.set(revision.file, [...(byFile.get(revision.file) ?? []), ...ignores]);
  }
  const used = new Set<Directive>();
  const reported: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const matching = (byFile.get(finding.span.file) ?? []).filter((directive) => covers(directive, finding));
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
