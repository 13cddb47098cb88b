import type { AnalyzedRevision, DeclaredPhase, History, Revision } from "../domain/index.js";

type DeclarablePhase = DeclaredPhase["phase"];

const PHASE_WORDS: ReadonlyMap<string, DeclarablePhase> = new Map(
  Object.entries({
    expand: "expand",
    contract: "contract",
    migrate: "backfill",
    backfill: "backfill",
  }),
);

/** `expand`, `contract`, or a label ending in one (`nova_expand`); OpenStack's `cli.EXPAND_BRANCH` constants too. */
function phaseOfLabel(label: string): DeclarablePhase | undefined {
  const match =
    /(?:^|[_\-.\s])(expand|contract|migrate|backfill)(?:_branch)?$/i.exec(label.trim()) ??
    /^(expand|contract|migrate|backfill)$/i.exec(label.trim());
  return match ? PHASE_WORDS.get((match[1] ?? "").toLowerCase()) : undefined;
}

function fromBranchLabels(revision: Revision): DeclaredPhase | undefined {
  const labels = [...revision.branchLabels];
  const raw = revision.rawMeta.branchLabels;
  if (raw?.type === "expression") labels.push(...raw.text.split(/[^\w.-]+/).filter((part) => part !== ""));
  for (const label of labels) {
    // `«cli.EXPAND_BRANCH»`: a constant read as its name when its module is not in the project.
    const plain = label.replace(/[«»]/g, "");
    const phase = phaseOfLabel(plain.split(".").pop() ?? plain);
    if (phase) return { phase, source: "branch-label", evidence: label };
  }
  return undefined;
}

function fromComment(revision: Revision): DeclaredPhase | undefined {
  const directive = revision.directives.find((candidate) => candidate.kind === "phase");
  return directive?.kind === "phase"
    ? {
        phase: directive.phase,
        source: "comment",
        evidence: `${revision.format === "sql" ? "--" : "#"} migragate: phase=${directive.phase}`,
      }
    : undefined;
}

function fromFileName(revision: Revision): DeclaredPhase | undefined {
  const name = revision.file.split("/").pop() ?? "";
  // Numbered markers only (`_expand01_`): a bare word in a file name is more often a description than a phase.
  const match = /(?:^|_)(expand|contract|migrate)(\d+)(?:_|\.py$)/i.exec(name);
  const phase = match ? PHASE_WORDS.get((match[1] ?? "").toLowerCase()) : undefined;
  return phase && match ? { phase, source: "file-name", evidence: match[0].replace(/^_|_$|\.py$/g, "") } : undefined;
}

function fromFolder(revision: Revision): DeclaredPhase | undefined {
  const folders = revision.file.split("/").slice(0, -1).reverse();
  for (const folder of folders) {
    const phase = PHASE_WORDS.get(folder.toLowerCase());
    if (phase) return { phase, source: "folder", evidence: `${folder}/` };
  }
  return undefined;
}

/**
 * The phase each revision declares, most explicit first: a `# migragate: phase=` comment, its own branch label, a
 * numbered file-name marker, a folder, then a branch label inherited from the revisions it descends from (an
 * Alembic branch label names the whole branch). Revisions must come in topological order, as histories hold them.
 */
export function withDeclaredPhases(history: History): History {
  const branchPhase = new Map<string, DeclaredPhase>();
  const revisions = history.revisions.map((analyzed): AnalyzedRevision => {
    const revision = analyzed.revision;
    const ownLabel = fromBranchLabels(revision);
    const parents = revision.downRevisions.map((down) => branchPhase.get(down));
    const inherited =
      parents.length > 0 && parents.every((parent) => parent && parent.phase === parents[0]?.phase)
        ? parents[0]
        : undefined;
    const label = ownLabel ?? inherited;
    if (label) branchPhase.set(revision.id, label);
    const declared = fromComment(revision) ?? ownLabel ?? fromFileName(revision) ?? fromFolder(revision) ?? inherited;
    return declared ? { ...analyzed, declaredPhase: declared } : analyzed;
  });
  return { ...history, revisions };
}
