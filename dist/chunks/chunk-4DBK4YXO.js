import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);

// src/adapters/report/fingerprint.ts
import { createHash } from "node:crypto";
function withoutLines(message) {
  return message.replace(/\bline \d+/g, "line #").replace(/(\.py):\d+/g, "$1:#");
}
function fingerprints(findings) {
  const seen = /* @__PURE__ */ new Map();
  return findings.map((finding) => {
    const hash = stableHash(finding.rule, finding.span.file, withoutLines(finding.message));
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return occurrence === 1 ? hash : `${hash}:${occurrence}`;
  });
}
function stableHash(...parts) {
  return createHash("sha256").update(parts.join("\0")).digest("hex");
}

export {
  fingerprints,
  stableHash
};
