import {
  type Directive,
  type Finding,
  pushTo,
  type Revision,
  type SuppressedFinding,
  type Suppression,
  type UnusedDirective,
} from "../domain/index.js";

type IgnoreDirective = Extract<Directive, { kind: "ignore" | "ignore-file" }>;

export interface SuppressionOutcome {
  readonly reported: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** Ignore comments that matched no finding although every rule they name ran, and unreadable comments. */
  readonly unused: UnusedDirective[];
}

interface Entry {
  readonly directive: IgnoreDirective;
  /** Position among the file's ignore comments. */
  readonly order: number;
}

/** The file's ignore-file comments that cover one rule: the same for every finding of that rule in the file. */
interface WholeFileCover {
  readonly directives: readonly IgnoreDirective[];
  /** The first of them, in file order, with a reason: the one a finding they cover is suppressed by. */
  readonly accepting: IgnoreDirective | undefined;
}

/** The comments covering one finding: ignore-file comments (shared by its rule) and the ignore comments on its lines. */
interface Covering {
  readonly wholeFile: WholeFileCover;
  /** In file order. */
  readonly inline: readonly IgnoreDirective[];
}

const NO_WHOLE_FILE_COVER: WholeFileCover = { directives: [], accepting: undefined };

/**
 * A file's ignore comments, indexed so that a finding costs the lines it spans, not every comment of the file:
 * ignore-file comments are grouped per rule once, since they cover every finding of their rules alike.
 */
class FileIgnores {
  /** Ignore-file comments that name no rule, so cover every rule. */
  private readonly wholeForAnyRule: Entry[] = [];
  private readonly wholeByRule = new Map<string, Entry[]>();
  private readonly wholeCovers = new Map<string, WholeFileCover>();
  private readonly byLine = new Map<number, Entry[]>();
  private count = 0;

  add(directive: IgnoreDirective): void {
    const entry = { directive, order: this.count++ };
    if (directive.kind === "ignore-file") {
      if (directive.rules.length === 0) this.wholeForAnyRule.push(entry);
      for (const rule of new Set(directive.rules)) pushTo(this.wholeByRule, rule, entry);
      return;
    }
    pushTo(this.byLine, directive.appliesToLine, entry);
  }

  covering(finding: Finding): Covering {
    const inline: Entry[] = [];
    const { line, endLine } = finding.span;
    const lines = endLine - line + 1;
    if (lines <= this.byLine.size) {
      for (let at = line; at <= endLine; at++)
        for (const entry of this.byLine.get(at) ?? []) if (covers(entry.directive, finding)) inline.push(entry);
    } else {
      for (const entries of this.byLine.values())
        for (const entry of entries) if (covers(entry.directive, finding)) inline.push(entry);
    }
    return {
      wholeFile: this.wholeFileCover(finding.rule),
      inline: inline.sort((a, b) => a.order - b.order).map((entry) => entry.directive),
    };
  }

  private wholeFileCover(rule: string): WholeFileCover {
    const cached = this.wholeCovers.get(rule);
    if (cached) return cached;
    const entries = [...this.wholeForAnyRule, ...(this.wholeByRule.get(rule) ?? [])].sort((a, b) => a.order - b.order);
    const directives = entries.map((entry) => entry.directive);
    const cover = directives.length === 0 ? NO_WHOLE_FILE_COVER : { directives, accepting: directives.find(hasReason) };
    this.wholeCovers.set(rule, cover);
    return cover;
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
  // Ignore-file comments shared by many findings are marked used once, not once per finding.
  const markedWholeFileCovers = new Set<WholeFileCover>();
  const reported: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const covering = byFile.get(finding.span.file)?.covering(finding);
    if (!covering) {
      reported.push(finding);
      continue;
    }
    const { wholeFile, inline } = covering;
    for (const directive of inline) used.add(directive);
    if (!markedWholeFileCovers.has(wholeFile)) {
      markedWholeFileCovers.add(wholeFile);
      for (const directive of wholeFile.directives) used.add(directive);
    }
    // An inline comment, the closer statement of intent, wins over an ignore-file comment.
    const first = inline.find(hasReason) ?? wholeFile.accepting;
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
