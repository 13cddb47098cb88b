import { realpathSync } from "node:fs";
import { join } from "node:path";
import { isWithin } from "../adapters/fs/alembic-config.js";
import { OverlaidModules, ProjectModules } from "../adapters/fs/project-modules.js";
import { type GitChanges, modifiedSince, textAtBase } from "../adapters/git/changes-since.js";
import type { ModuleRead } from "../adapters/python/helper-modules.js";
import type { PythonParser } from "../adapters/python/python-parser.js";
import { loadPythonParser } from "../adapters/python/python-parser.js";
import { sqlTranslatorProvider } from "../adapters/sql/dialect-translators.js";
import { extractSqlFile } from "../adapters/sql/sql-file-extractor.js";
import { orderSqlFiles } from "../adapters/sql/sql-file-order.js";
import type { ChangeUnderReview, ReadingDialect, Revision, RevisionChange } from "../domain/index.js";
import { compareRevisions, upgradeDiffers } from "../services/revision-changes.js";
import { extractSources, type ModuleSettings } from "./extract-sources.js";

/** Revision files (edited, deleted, or reading a changed helper) compared in one run: bounded for hostile input. */
const MAX_COMPARISONS = 5_000;

export interface ChangeInputs {
  readonly since: string;
  /** What git says changed, one entry per repository the analysed paths live in. */
  readonly git: readonly GitChanges[];
  /** Every analysed revision, with the absolute path of its file and its text. */
  readonly revisions: readonly Revision[];
  readonly paths: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<string, string>;
  readonly modulesRead: ReadonlyMap<string, readonly ModuleRead[]>;
  readonly reading: ReadingDialect;
  readonly displayPath: (absolute: string) => string;
}

export interface ChangeFacts {
  /** Report paths of the revisions whose upgrade or graph metadata the change edited: under review. */
  readonly editedFiles: ReadonlySet<string>;
  readonly changeUnderReview: ChangeUnderReview;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Reads each revision the change modified, deleted or reaches through a modified helper module as it was at the
 * base (git show), with the same extractor, and compares what an environment would run.
 */
export async function findRevisionChanges(inputs: ChangeInputs): Promise<ChangeFacts> {
  const { displayPath } = inputs;
  let parser: PythonParser | undefined;
  let budget = MAX_COMPARISONS;
  const python = async (file: string, text: string, path: string, modules?: ReadonlyMap<string, string>) => {
    parser ??= await loadPythonParser();
    const source = modules ? new OverlaidModules(new ProjectModules(), modules) : new ProjectModules();
    const settings: ModuleSettings = { source, displayPath };
    return (await extractSources([{ file, text, path }], parser, inputs.reading, settings)).revisions[0];
  };
  const translators = sqlTranslatorProvider(inputs.reading);
  const sqlOrder = orderSqlFiles(inputs.revisions.filter((revision) => revision.format === "sql"));
  const previousSql = new Map(sqlOrder.map((revision, index) => [revision.file, sqlOrder[index - 1]?.file]));
  const extractAtBase = async (current: Revision, text: string, path: string): Promise<Revision | undefined> => {
    if (current.format === "alembic") return python(current.file, text, path);
    const previous = previousSql.get(current.file);
    return extractSqlFile({ file: current.file, text, ...(previous ? { previous } : {}) }, translators);
  };

  const byRealPath = new Map<string, Revision>();
  for (const revision of inputs.revisions) {
    const path = inputs.paths.get(revision.file);
    if (path) byRealPath.set(realPath(path), revision);
  }
  const editedFiles = new Set<string>();
  const changes: RevisionChange[] = [];
  for (const git of inputs.git) {
    for (const [real, basePath] of git.modified) {
      const current = byRealPath.get(real);
      const path = current ? inputs.paths.get(current.file) : undefined;
      if (!current || !path || budget-- <= 0) continue;
      const old = textAtBase(git, basePath);
      const before = old === undefined ? undefined : await extractAtBase(current, old, path);
      if (!before) continue;
      if (before.id !== current.id) {
        // git paired a deleted revision with a new one as a rename: two revisions, the new one under review.
        editedFiles.add(current.file);
        changes.push({
          kind: "deleted",
          file: displayPath(join(git.root, basePath)),
          revision: before.id,
          branchLabels: before.branchLabels,
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
      const before = old === undefined ? undefined : await python(displayPath(absolute), old, absolute);
      if (before && before.rawMeta.revision?.type === "string")
        changes.push({
          kind: "deleted",
          file: displayPath(absolute),
          revision: before.id,
          branchLabels: before.branchLabels,
        });
    }
    changes.push(...(await helperChanges(git, inputs, byRealPath, python, () => budget-- > 0)));
  }
  return { editedFiles, changeUnderReview: { since: inputs.since, changes } };
}

/** Project helper modules modified since the base that change the upgrade of revisions that existed there. */
async function helperChanges(
  git: GitChanges,
  inputs: ChangeInputs,
  byRealPath: ReadonlyMap<string, Revision>,
  python: (
    file: string,
    text: string,
    path: string,
    modules?: ReadonlyMap<string, string>,
  ) => Promise<Revision | undefined>,
  withinBudget: () => boolean,
): Promise<RevisionChange[]> {
  // Revisions that existed at the base, by the helper modules they read (as the extractor found them).
  const readers = new Map<string, Revision[]>();
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
  const changes: RevisionChange[] = [];
  for (const [real, basePath] of modified) {
    const module = realOf.get(real);
    const old = textAtBase(git, basePath);
    if (module === undefined || old === undefined) continue;
    const changed: { file: string; revision: string }[] = [];
    for (const revision of readers.get(module) ?? []) {
      const path = inputs.paths.get(revision.file);
      const text = inputs.sources.get(revision.file);
      if (!path || text === undefined || !withinBudget()) continue;
      const before = await python(revision.file, text, path, new Map([[module, old]]));
      if (before && upgradeDiffers(before, revision)) changed.push({ file: revision.file, revision: revision.id });
    }
    if (changed.length > 0) changes.push({ kind: "helper", file: inputs.displayPath(module), revisions: changed });
  }
  return changes;
}
