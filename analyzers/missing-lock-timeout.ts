import type { Analyzer, ClassifiedOperation, FindingDraft, LockMode } from "../src/domain/index.js";
import { LOCK_MODES } from "../src/domain/index.js";
import { analyzedRevisions, excerpt, q } from "./support.js";

/** From SHARE up, a waiting lock request blocks writers (and from ACCESS EXCLUSIVE, readers) queued behind it. */
const BLOCKING = new Set<LockMode>(LOCK_MODES.slice(LOCK_MODES.indexOf("SHARE")));

/** What an operation does to the session's lock_timeout: sets it, turns it off, or nothing. */
function lockTimeoutChange(op: ClassifiedOperation): "set" | "unset" | undefined {
  if (op.kind === "set-config" && op.name.toLowerCase() === "lock_timeout") {
    const value = (op.value ?? "").trim().replace(/^'|'$/g, "").toLowerCase();
    return value === "" || value === "0" || value === "default" ? "unset" : "set";
  }
  const match = /set_config\s*\(\s*'lock_timeout'\s*,\s*'([^']*)'/i.exec(
    op.kind === "query" ? (op.sql ?? op.text) : "",
  );
  if (match) return match[1] === "0" || match[1] === "" ? "unset" : "set";
  return undefined;
}

function tableOf(op: ClassifiedOperation): string {
  if (op.kind === "truncate") return op.tables.join(", ");
  return op.table ?? "its table";
}

function blocksOthers(op: ClassifiedOperation): boolean {
  return op.dialect === "postgresql" && op.lock?.lock !== undefined && BLOCKING.has(op.lock.lock) && !op.lock.newTable;
}

export const missingLockTimeout: Analyzer = {
  meta: {
    name: "missing-lock-timeout",
    defaultSeverity: "warning",
    summary: "A revision takes a SHARE or stronger lock on an existing table without setting lock_timeout first.",
    rationale:
      "A lock request waits behind every transaction already using the table, and while it waits every new query " +
      "on the table queues behind it. One long-running transaction then turns an instant ALTER into minutes of " +
      "outage. lock_timeout makes the migration give up (and retry later) instead of stalling the application.",
    safeAlternative:
      'Set a short lock_timeout before the locking statement, in the revision (op.execute("SET LOCAL lock_timeout = ' +
      '\'5s\'")) or once for every revision in env.py (e.g. connect_args={"options": "-c lock_timeout=5s"}), and ' +
      "retry the deploy when it times out.",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const envWithTimeout = new Set(input.envFiles.filter((env) => env.lockTimeout).map((env) => env.file));
    for (const rev of analyzedRevisions(input)) {
      if (rev.envFile !== undefined && envWithTimeout.has(rev.envFile)) continue;
      let timeout = false;
      const blocking: ClassifiedOperation[] = [];
      for (const op of rev.operations) {
        const change = lockTimeoutChange(op);
        if (change) timeout = change === "set";
        else if (!timeout && blocksOthers(op)) blocking.push(op);
      }
      const first = blocking[0];
      if (!first) continue;
      const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more statement(s) in this revision)` : "";
      const where = rev.revision.format === "sql" ? "this file" : "this revision nor env.py";
      findings.push({
        span: first.span,
        revision: rev.revision.id,
        message:
          `${excerpt(first.text)} takes ${first.lock?.lock} on ${q(tableOf(first))}${more}, and neither ` +
          `${where} sets lock_timeout first: a long transaction on the table makes every query behind it wait`,
        hint:
          rev.revision.format === "sql"
            ? "Start the file with SET lock_timeout = '5s'; (or SET LOCAL inside its transaction)."
            : "Start upgrade() with op.execute(\"SET LOCAL lock_timeout = '5s'\"), or set it once in env.py for every revision.",
      });
    }
    return findings;
  },
};
