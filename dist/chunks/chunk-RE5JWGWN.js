import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  SEVERITIES
} from "./chunk-FOQMQZLO.js";

// src/adapters/report/report-facts.ts
function allRevisions(input) {
  return input.result.histories.flatMap((history) => history.revisions);
}
function revisionsByFile(input) {
  const byFile = /* @__PURE__ */ new Map();
  for (const revision of allRevisions(input)) {
    if (!byFile.has(revision.revision.file)) byFile.set(revision.revision.file, revision);
  }
  return byFile;
}
function findingsByFile(findings) {
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const group = byFile.get(finding.span.file);
    if (group) group.push(finding);
    else byFile.set(finding.span.file, [finding]);
  }
  return byFile;
}
function severityCounts(findings) {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0]));
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function counted(count, singular, plural = `${singular}s`) {
  return `${count} ${count === 1 ? singular : plural}`;
}
function coverage(input) {
  const seen = /* @__PURE__ */ new Set();
  let sqlStatements = 0;
  let sqlNotRead = 0;
  let opaqueOperations = 0;
  for (const analyzed of allRevisions(input)) {
    if (!analyzed.underReview || seen.has(analyzed.revision.file)) continue;
    seen.add(analyzed.revision.file);
    sqlStatements += analyzed.revision.sqlStatements ?? 0;
    for (const operation of analyzed.operations) {
      if (operation.kind !== "opaque") continue;
      if (operation.sqlNotRead) sqlNotRead++;
      else opaqueOperations++;
    }
  }
  return { sqlStatements, sqlNotRead, opaqueOperations };
}
function coverageLine(facts) {
  const unread = facts.sqlNotRead > 0 ? `, ${counted(facts.sqlNotRead, "statement")} not read (see unparsed-sql)` : ", all read";
  const opaque = facts.opaqueOperations > 0 ? `; ${counted(facts.opaqueOperations, "operation")} whose effect is unknown (listed as opaque in the JSON report)` : "";
  return `read ${counted(facts.sqlStatements, "SQL statement")}${unread}${opaque}`;
}
var LINES_NAMED = 5;
function displayMessage(finding) {
  const related = finding.related ?? [];
  if (related.length === 0) return finding.message;
  const own = finding.span;
  const elsewhere = related.filter((place) => place.span.line !== own.line || place.span.file !== own.file);
  const sameLine = related.length - elsewhere.length;
  const lines = [...new Set(elsewhere.map((place) => place.span.line))];
  const named = lines.slice(0, LINES_NAMED).join(", ");
  const more = lines.length > LINES_NAMED ? ` and ${lines.length - LINES_NAMED} more` : "";
  const where = finding.revision !== void 0 ? "revision" : "file";
  const places = [
    ...sameLine > 0 ? ["on this line"] : [],
    ...lines.length > 0 ? [`line${lines.length === 1 ? "" : "s"} ${named}${more}`] : []
  ];
  return `${finding.message} (and ${related.length} more like it in this ${where}: ${places.join("; ")})`;
}
function dialectLine(decision) {
  const others = decision.disagreeing.map(
    (item) => `${item.detail} says ${item.dialect}${item.setAside ? ` (set aside: ${item.setAside})` : ""}`
  );
  return `${decision.dialect} (${decision.detail}${others.length > 0 ? `; ${others.join("; ")}` : ""})`;
}
function contextLine(input) {
  const { dialects, configFiles } = input;
  if (!dialects) return void 0;
  const own = dialects.histories.filter((history) => history.source === "folder");
  const rest = own.length < dialects.histories.length || own.length === 0;
  const ownLine = (history) => rest ? `${history.dialect} (${history.detail})` : dialectLine(history);
  const parts = [
    ...rest ? [dialectLine(dialects.run)] : [],
    ...own.map((history) => `history ${history.history}: ${ownLine(history)}`)
  ];
  const files = [
    ...configFiles?.migragate ? [`settings from ${configFiles.migragate}`] : [],
    ...configFiles && configFiles.alembic.length > 0 ? [`Alembic configuration ${configFiles.alembic.join(", ")}`] : []
  ];
  return `dialect: ${parts.join("; ")}${files.length > 0 ? `; ${files.join("; ")}` : ""}`;
}

export {
  allRevisions,
  revisionsByFile,
  findingsByFile,
  severityCounts,
  counted,
  coverage,
  coverageLine,
  displayMessage,
  contextLine
};
