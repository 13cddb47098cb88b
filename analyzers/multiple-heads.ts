import type { Analyzer, FindingDraft, Revision } from "../src/domain/index.js";
import { fileStart, q } from "./support.js";

/** The branch label a head belongs to: the first labelled revision on its first-parent line, if any. */
function branchOf(head: string, byId: ReadonlyMap<string, Revision>): string | undefined {
  const seen = new Set<string>();
  let current = byId.get(head);
  while (current && !seen.has(current.id)) {
    if (current.branchLabels.length > 0) return [...current.branchLabels].sort().join(",");
    seen.add(current.id);
    const parent = current.downRevisions[0];
    current = parent === undefined ? undefined : byId.get(parent);
  }
  return undefined;
}

export const multipleHeads: Analyzer = {
  meta: {
    name: "multiple-heads",
    group: "graph",
    defaultSeverity: "error",
    summary: "A migration history has more than one head.",
    rationale:
      "Two revisions with the same down_revision (typically two branches merged in git) leave the history with two " +
      "heads: `alembic upgrade head` stops with 'Multiple head revisions are present', so the deploy fails, and the " +
      "order in which the two branches apply is undefined.",
    safeAlternative:
      "Run `alembic merge heads -m 'merge ...'` and commit the merge revision, or re-point one branch's down_revision " +
      "at the other's head if it has not been deployed anywhere yet.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    for (const history of input.histories) {
      if (history.heads.length < 2) continue;
      const byId = new Map(history.revisions.map((rev) => [rev.revision.id, rev.revision] as const));
      const branches = history.heads.map((head) => branchOf(head, byId));
      const labelled = branches.every((branch) => branch !== undefined);
      if (labelled && new Set(branches).size === branches.length) continue;
      const second = history.heads[1];
      const secondRevision = second === undefined ? undefined : byId.get(second);
      const firstFile = history.revisions[0]?.revision.file;
      const file = secondRevision?.file ?? firstFile;
      if (file === undefined) continue;
      const heads = history.heads.map((head) => {
        const rev = byId.get(head);
        return rev ? `${q(head)} (${rev.file})` : q(head);
      });
      findings.push({
        span: fileStart(file),
        revision: second,
        message: `the history has ${history.heads.length} heads: ${heads.join(", ")}; \`alembic upgrade head\` refuses to run`,
        hint: `alembic merge -m "merge heads" ${history.heads.join(" ")} (or: alembic merge heads)`,
      });
    }
    return findings;
  },
};
