import type { Suppression } from "./analysis.js";
import type { RuleGroup } from "./rule-groups.js";
import type { SourceSpan } from "./source.js";

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** What an analyzer reports; the engine adds rule name, severity and revision. */
export interface FindingDraft {
  readonly message: string;
  /** Overrides the rule's general safe alternative when the analyzer knows a more precise one. */
  readonly hint?: string;
  readonly span: SourceSpan;
  readonly revision?: string;
  /** The project accepted this in the revision itself (a phase exception function): reported as suppressed. */
  readonly accepted?: Suppression;
  /**
   * The finding is about what the change under review (`--since`) did, such as deleting a revision others still
   * name: reported even where it points at a revision that is only context.
   */
  readonly aboutTheChange?: true;
  /**
   * The form of the rule's problem (`mysql` for MySQL's table copy where the rule's own is PostgreSQL's lock): the
   * findings of one rule in one revision are grouped only with those of the same form.
   */
  readonly variant?: string;
}

export interface Finding {
  readonly rule: string;
  /** The rule's group (see RULE_GROUPS). */
  readonly group?: RuleGroup;
  readonly severity: Severity;
  readonly message: string;
  readonly hint: string;
  readonly span: SourceSpan;
  readonly revision?: string;
  /** The other places of the same rule's problem in the same revision, each with its own message and hint. */
  readonly related?: readonly RelatedFinding[];
  /** See `FindingDraft.variant`; not reported. */
  readonly variant?: string;
}

/** One more place of a grouped finding (see `Finding.related`). */
export interface RelatedFinding {
  readonly span: SourceSpan;
  readonly message: string;
  readonly hint: string;
}

export function severityRank(severity: Severity): number {
  return severity === "error" ? 2 : severity === "warning" ? 1 : 0;
}

/** The severity at which a run fails the gate, or never. */
export type FailOn = Severity | "never";

/** A finding of this severity fails a gate set at `failOn`. */
export function failsGate(severity: Severity, failOn: FailOn): boolean {
  return failOn !== "never" && severityRank(severity) >= severityRank(failOn);
}
