import { createHash } from "node:crypto";
import type { Finding } from "../../domain/index.js";

/** Some messages name the line of a related statement (`line 23: ...`, `env.py:23`): moving code must not count. */
function withoutLines(message: string): string {
  return message.replace(/\bline \d+/g, "line #").replace(/(\.py):\d+/g, "$1:#");
}

/**
 * A fingerprint per finding that survives moving code: it hashes the rule, the file and the message (without the
 * line numbers it may cite), never the finding's line.
 * Findings equal in all three (the same mistake twice in one file) get `:2`, `:3`... in report order, so each stays
 * distinct for the CI systems that merge equal fingerprints, and the first keeps the plain hash.
 */
export function fingerprints(findings: readonly Pick<Finding, "rule" | "message" | "span">[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = stableHash(finding.rule, finding.span.file, withoutLines(finding.message));
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return occurrence === 1 ? hash : `${hash}:${occurrence}`;
  });
}

/** SHA-256 of the parts, NUL-separated so that no two different part lists hash the same text. */
export function stableHash(...parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\0")).digest("hex");
}
