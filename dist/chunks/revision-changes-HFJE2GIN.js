import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  orderSqlFiles
} from "./chunk-TEXQI7OX.js";
import {
  extractSources
} from "./chunk-MOSQXSML.js";
import {
  OverlaidModules,
  ProjectModules
} from "./chunk-CAU3EMFA.js";
import "./chunk-GDKKKNSU.js";
import {
  sqlTranslatorProvider
} from "./chunk-6DMZTIBC.js";
import "./chunk-WKFIEVVF.js";
import {
  extractSqlFile
} from "./chunk-GOWSBAGO.js";
import "./chunk-C6SBNVJK.js";
import "./chunk-FOQMQZLO.js";
import {
  loadPythonParser
} from "./chunk-D4HE7DNW.js";
import {
  modifiedSince,
  textAtBase
} from "./chunk-C725SY32.js";
import {
  isWithin
} from "./chunk-S7CPFA5J.js";
import "./chunk-4QRIUKKB.js";

// src/cli/revision-changes.ts
import { realpathSync } from "node:fs";
import { join } from "node:path";

// src/services/revision-changes.ts
var PRESENTATION_KEYS = /* @__PURE__ */ new Set(["span", "text", "sql", "origin", "helpers", "dialect"]);
var MAX_PHRASES = 3;
function normalised(text) {
  return text.replace(/\s+/g, " ").replace(/'/g, '"').trim();
}
function canonical(value) {
  if (typeof value === "string") return normalised(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(([key, item]) => !PRESENTATION_KEYS.has(key) && item !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([key, item]) => [key, canonical(item)]);
  return Object.fromEntries(entries);
}
function operationFingerprint(operation) {
  return JSON.stringify(canonical(operation));
}
function label(operation) {
  const column = "column" in operation ? typeof operation.column === "string" ? operation.column : operation.column.name : "";
  const name = "name" in operation && typeof operation.name === "string" ? operation.name : "";
  const object = [operation.table, column].filter((part) => part !== void 0 && part !== "").join(".");
  const shown2 = object !== "" ? object : name;
  return shown2 === "" ? operation.kind : `${operation.kind} "${shown2}"`;
}
function missing(from, to) {
  const left = /* @__PURE__ */ new Map();
  for (const operation of to) {
    const key = operationFingerprint(operation);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const result = [];
  for (const operation of from) {
    const key = operationFingerprint(operation);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else result.push(operation);
  }
  return result;
}
function upgradePhrases(before, after) {
  const removed = missing(before, after);
  const added = missing(after, before);
  const phrases = [];
  const removedLabels = removed.map(label);
  const untaken = /* @__PURE__ */ new Map();
  for (const name of removedLabels) untaken.set(name, (untaken.get(name) ?? 0) + 1);
  const taken = /* @__PURE__ */ new Map();
  for (const operation of added) {
    const name = label(operation);
    const left = untaken.get(name) ?? 0;
    if (left > 0) {
      untaken.set(name, left - 1);
      taken.set(name, (taken.get(name) ?? 0) + 1);
      phrases.push(`changes ${name}`);
    } else phrases.push(`adds ${name}`);
  }
  for (const name of removedLabels) {
    const skip = taken.get(name) ?? 0;
    if (skip > 0) taken.set(name, skip - 1);
    else phrases.push(`removes ${name}`);
  }
  if (phrases.length === 0 && before.some((operation, index) => !sameOperation(operation, after[index])))
    phrases.push("changes the order of its operations");
  return phrases.length > MAX_PHRASES ? [...phrases.slice(0, MAX_PHRASES), `and ${phrases.length - MAX_PHRASES} more`] : phrases;
}
function sameOperation(a, b) {
  return b !== void 0 && operationFingerprint(a) === operationFingerprint(b);
}
function shown(values) {
  if (values.length === 0) return "None";
  return values.length === 1 ? `"${values[0]}"` : `(${values.map((value) => `"${value}"`).join(", ")})`;
}
function metadataPhrases(before, after) {
  const phrases = [];
  const fields = [
    ["down_revision", before.downRevisions, after.downRevisions, false],
    ["branch_labels", before.branchLabels, after.branchLabels, true],
    ["depends_on", before.dependsOn, after.dependsOn, true]
  ];
  for (const [field, old, now, unordered] of fields) {
    const key = (values) => JSON.stringify(unordered ? [...values].sort() : values);
    if (key(old) !== key(now)) phrases.push(`${field} ${shown(old)} -> ${shown(now)}`);
  }
  return phrases;
}
function compareRevisions(before, after) {
  return {
    upgrade: upgradePhrases(before.upgrade.operations, after.upgrade.operations),
    metadata: metadataPhrases(before, after)
  };
}
function upgradeDiffers(before, after) {
  return upgradePhrases(before.upgrade.operations, after.upgrade.operations).length > 0;
}

// src/cli/revision-changes.ts
var MAX_COMPARISONS = 5e3;
function realPath(path) {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
async function findRevisionChanges(inputs) {
  const { displayPath } = inputs;
  let parser;
  let budget = MAX_COMPARISONS;
  const python = async (file, text, path, modules) => {
    parser ??= await loadPythonParser();
    const source = modules ? new OverlaidModules(new ProjectModules(), modules) : new ProjectModules();
    const settings = { source, displayPath };
    return (await extractSources([{ file, text, path }], parser, inputs.reading, settings)).revisions[0];
  };
  const translators = sqlTranslatorProvider(inputs.reading);
  const sqlOrder = orderSqlFiles(inputs.revisions.filter((revision) => revision.format === "sql"));
  const previousSql = new Map(sqlOrder.map((revision, index) => [revision.file, sqlOrder[index - 1]?.file]));
  const extractAtBase = async (current, text, path) => {
    if (current.format === "alembic") return python(current.file, text, path);
    const previous = previousSql.get(current.file);
    return extractSqlFile({ file: current.file, text, ...previous ? { previous } : {} }, translators);
  };
  const byRealPath = /* @__PURE__ */ new Map();
  for (const revision of inputs.revisions) {
    const path = inputs.paths.get(revision.file);
    if (path) byRealPath.set(realPath(path), revision);
  }
  const editedFiles = /* @__PURE__ */ new Set();
  const changes = [];
  for (const git of inputs.git) {
    for (const [real, basePath] of git.modified) {
      const current = byRealPath.get(real);
      const path = current ? inputs.paths.get(current.file) : void 0;
      if (!current || !path || budget-- <= 0) continue;
      const old = textAtBase(git, basePath);
      const before = old === void 0 ? void 0 : await extractAtBase(current, old, path);
      if (!before) continue;
      if (before.id !== current.id) {
        editedFiles.add(current.file);
        changes.push({
          kind: "deleted",
          file: displayPath(join(git.root, basePath)),
          revision: before.id,
          branchLabels: before.branchLabels
        });
        continue;
      }
      const difference = compareRevisions(before, current);
      if (difference.upgrade.length === 0 && difference.metadata.length === 0) continue;
      editedFiles.add(current.file);
      changes.push({ kind: "edited", file: current.file, revision: current.id, ...difference });
    }
    for (const deleted of git.deleted) {
      if (!deleted.endsWith(".py") || budget-- <= 0) continue;
      const absolute = join(git.root, deleted);
      const old = textAtBase(git, deleted);
      const before = old === void 0 ? void 0 : await python(displayPath(absolute), old, absolute);
      if (before && before.rawMeta.revision?.type === "string")
        changes.push({
          kind: "deleted",
          file: displayPath(absolute),
          revision: before.id,
          branchLabels: before.branchLabels
        });
    }
    changes.push(...await helperChanges(git, inputs, byRealPath, python, () => budget-- > 0));
  }
  return { editedFiles, changeUnderReview: { since: inputs.since, changes } };
}
async function helperChanges(git, inputs, byRealPath, python, withinBudget) {
  const readers = /* @__PURE__ */ new Map();
  for (const [real, revision] of byRealPath) {
    if (git.added.has(real) || !isWithin(real, git.root)) continue;
    for (const module of inputs.modulesRead.get(revision.file) ?? []) {
      const list = readers.get(module.path);
      if (list) list.push(revision);
      else readers.set(module.path, [revision]);
    }
  }
  if (readers.size === 0) return [];
  const realOf = new Map([...readers.keys()].map((path) => [realPath(path), path]));
  const modified = modifiedSince(git, [...realOf.keys()]);
  const changes = [];
  for (const [real, basePath] of modified) {
    const module = realOf.get(real);
    const old = textAtBase(git, basePath);
    if (module === void 0 || old === void 0) continue;
    const changed = [];
    for (const revision of readers.get(module) ?? []) {
      const path = inputs.paths.get(revision.file);
      const text = inputs.sources.get(revision.file);
      if (!path || text === void 0 || !withinBudget()) continue;
      const before = await python(revision.file, text, path, /* @__PURE__ */ new Map([[module, old]]));
      if (before && upgradeDiffers(before, revision)) changed.push({ file: revision.file, revision: revision.id });
    }
    if (changed.length > 0) changes.push({ kind: "helper", file: inputs.displayPath(module), revisions: changed });
  }
  return changes;
}
export {
  findRevisionChanges
};
