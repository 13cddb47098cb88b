import {
  type AnalysisInput,
  type AnalyzedRevision,
  amongCreated,
  type ClassifiedOperation,
  type DataStatement,
  type DeclaredRevision,
  type Dialect,
  type ExtractionProblem,
  type FindingDraft,
  folderOf,
  hasUnresolvedPart,
  isUnresolvedName,
  type Located,
  listAt,
  type OperationKind,
  type PhaseException,
  type Revision,
  type RevisionChange,
  type SourceSpan,
  type Suppression,
  tableKey,
} from "../src/domain/index.js";

/** Data changes whose cost grows with the rows already in the table (a few literal rows do not). */
export const SCALES_WITH_ROWS: ReadonlySet<DataStatement> = new Set<DataStatement>([
  "update",
  "delete",
  "insert-select",
  "merge",
]);

/** A classified operation of one kind, narrowed. */
export type OpOf<K extends OperationKind> = Extract<ClassifiedOperation, { kind: K }>;

/** Every analyzed revision of every history, each once (by file), in history order. */
export function analyzedRevisions(input: AnalysisInput): readonly AnalyzedRevision[] {
  return input.revisions;
}

/** Every upgrade operation of the given kind, with the revision it belongs to. */
export function operationsOfKind<K extends OperationKind>(input: AnalysisInput, kind: K): Located<OpOf<K>>[] {
  // A copy: a rule may sort or extend what it is given. The engine's index holds only operations of that kind.
  return [...(input.operationsByKind.get(kind) ?? [])] as Located<OpOf<K>>[];
}

/** The table is created by this revision's upgrade (under its name, or a name computed at run time that fits). */
export function isNewTable(rev: AnalyzedRevision, table: string): boolean {
  return amongCreated(rev.newTables, tableKey(table));
}

/** Line 1 of a file: where findings about a whole revision file point. */
export function fileStart(file: string): SourceSpan {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export function revisionStart(revision: Revision): SourceSpan {
  return fileStart(revision.file);
}

/**
 * A name for messages: `"users"`. A name migragate could not resolve says so instead of passing for a name:
 * `«table» (not known statically)`; a partly resolved one keeps its `«...»` marks: `"uniq_«table»0id"`.
 */
export function q(name: string): string {
  return isUnresolvedName(name) ? `${name} (not known statically)` : `"${name}"`;
}

/** A table for messages, with its schema when one was given: `"billing.invoices"`. */
export function tableName(op: { readonly table: string; readonly schema?: string }): string {
  return q(op.schema && !isUnresolvedName(op.table) ? `${op.schema}.${op.table}` : op.table);
}

/**
 * What PostgreSQL does to the operation's table, for messages: `PostgreSQL takes ACCESS EXCLUSIVE on "users" and
 * rewrites it and its indexes`. Undefined on other dialects and when the lock model names no lock.
 */
export function lockNote(op: ClassifiedOperation & { readonly table: string; readonly schema?: string }) {
  const facts = op.lock;
  if (op.dialect !== "postgresql" || facts?.lock === undefined) return undefined;
  const rewrite = facts.rewriteUnless
    ? ` and rewrites it and its indexes unless ${facts.rewriteUnless}`
    : " and rewrites it and its indexes";
  const effect = facts.rewrite ? rewrite : facts.scan ? " and reads every row" : "";
  return `PostgreSQL takes ${facts.lock} on ${tableName(op)}${effect}`;
}

/** A Python string literal for hints. */
export function py(value: string): string {
  return (hasUnresolvedPart(value) && pythonExpression(value)) || JSON.stringify(value);
}

/**
 * A value known only as the code's own expression, written back as that expression: `«fk['name']»` is
 * `fk['name']`, `ix_«column»` is `f"ix_{column}"`. Undefined when the expression was cut short or cannot sit in an
 * f-string as it is.
 */
function pythonExpression(value: string): string | undefined {
  const parts = value.split(/(«[^»]*»)/).filter((part) => part !== "");
  const expressions = parts.filter((part) => part.startsWith("«")).map((part) => part.slice(1, -1));
  // unresolvedName() keeps the first 60 characters: a longer expression is not whole.
  if (expressions.some((expression) => expression.length >= 60 || expression === "")) return undefined;
  if (parts.length === 1) return expressions[0];
  // Before Python 3.12 an f-string's expressions cannot hold its own quote or a backslash.
  const quote = expressions.some((expression) => expression.includes('"')) ? "'" : '"';
  if (expressions.some((expression) => /[{}\\]/.test(expression) || expression.includes(quote))) return undefined;
  const literal = (text: string) =>
    text
      .replace(/\\/g, "\\\\")
      .replaceAll(quote, `\\${quote}`)
      .replace(/\n/g, "\\n")
      .replace(/\{/g, "{{")
      .replace(/\}/g, "}}");
  return `f${quote}${parts.map((part) => (part.startsWith("«") ? `{${part.slice(1, -1)}}` : literal(part))).join("")}${quote}`;
}

/** `, schema="billing"` for Alembic snippets, or nothing. */
export function schemaKw(op: { readonly schema?: string }): string {
  return op.schema ? `, schema=${py(op.schema)}` : "";
}

/** Compares dotted version strings numerically (`1.9.4` < `1.13.3`); suffixes such as `rc1` are ignored. */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  const left = parse(a);
  const right = parse(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

const NO_GUARD_SYNTAX: Readonly<Record<Dialect, ReadonlySet<OperationKind>>> = {
  postgresql: new Set(),
  other: new Set(),
  mysql: new Set(["add-column", "drop-column", "drop-constraint", "create-index", "drop-index"]),
  sqlite: new Set(["add-column", "drop-column"]),
};

/** The dialect has an IF [NOT] EXISTS form for this kind of statement. */
export function dialectHasGuard(dialect: Dialect, kind: OperationKind): boolean {
  return !NO_GUARD_SYNTAX[dialect].has(kind);
}

/** Shortens source text for a message. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  // Cut after a separator (a space or a comma, else an opening parenthesis), never inside a name or a string.
  const room = flat.slice(0, max - 1);
  const between = Math.max(room.lastIndexOf(" "), room.lastIndexOf(","));
  const cut = between >= max / 2 ? between : room.lastIndexOf("(");
  const kept = cut >= max / 2 ? room.slice(0, cut + 1) : room;
  return `${kept.trimEnd()}…`;
}

/** Every upgrade operation of every analyzed revision, with its revision (a shared scan: `input.shared(allOperations)`). */
export function allOperations(input: AnalysisInput): readonly Located<ClassifiedOperation>[] {
  return analyzedRevisions(input).flatMap((rev) => rev.operations.map((op) => ({ op, rev })));
}

/**
 * One finding per extraction problem of the given rule, from revisions and env.py files; `hintFor` gives a hint that
 * fits the file (its name, whether it is Python or plain SQL), or none for the rule's general one.
 */
export function problemFindings(
  input: AnalysisInput,
  rule: ExtractionProblem["rule"],
  hintFor?: (file: string, format: Revision["format"]) => string | undefined,
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const withHint = (draft: FindingDraft, format: Revision["format"]): FindingDraft => {
    const hint = hintFor?.(draft.span.file, format);
    return hint === undefined ? draft : { ...draft, hint };
  };
  for (const rev of analyzedRevisions(input)) {
    for (const problem of rev.revision.problems) {
      if (problem.rule === rule) {
        const draft = { span: problem.span, revision: rev.revision.id, message: problem.message };
        findings.push(withHint(draft, rev.revision.format));
      }
    }
  }
  for (const env of input.envFiles) {
    for (const problem of env.problems) {
      if (problem.rule === rule) findings.push(withHint({ span: problem.span, message: problem.message }, "alembic"));
    }
  }
  return findings;
}

/** The names an operation's object goes by, lower case: its table, `table.column`, and index/constraint/object name. */
export function objectNames(op: ClassifiedOperation): string[] {
  const names: string[] = [];
  const table = op.table;
  if (table) names.push(table, ...(op.schema ? [`${op.schema}.${table}`] : []));
  if ("column" in op) {
    const column = typeof op.column === "string" ? op.column : op.column.name;
    names.push(column, ...(table ? [`${table}.${column}`] : []));
  }
  if ("name" in op && typeof op.name === "string") names.push(op.name);
  if (op.kind === "create-table") names.push(...op.columns.map((column) => `${op.table}.${column.name}`));
  // A primary key goes by PostgreSQL's default name too (`ml2_port_bindings_pkey`), whatever the SQL calls it.
  if ((op.kind === "add-constraint" || op.kind === "drop-constraint") && op.constraintType === "primary-key" && table)
    names.push(`${table}_pkey`);
  // A constraint or index on a column is an object of that column too: an exception for the column covers it.
  if ((op.kind === "add-constraint" || op.kind === "create-index") && table)
    names.push(...op.columns.map((column) => `${table}.${column}`));
  return names.map((name) => name.replace(/"/g, "").toLowerCase());
}

/**
 * The project's own acceptance of operations that break a revision's declared phase: a module-level
 * `expand_drop_exceptions()` (contract operations in an expand revision) or `contract_creation_exceptions()`
 * (expand operations in a contract revision) that names the operation's object. The revision's lists are indexed
 * once: a rule asks for every operation, and a scan of every listed object each time grows with the square of the
 * revision's size.
 */
export function phaseExceptionsOf(rev: AnalyzedRevision): (op: ClassifiedOperation) => Suppression | undefined {
  const lookups = {
    expand_drop_exceptions: exceptionLookup(rev.revision, "expand_drop_exceptions"),
    contract_creation_exceptions: exceptionLookup(rev.revision, "contract_creation_exceptions"),
  };
  return (op) => {
    const wanted =
      op.phase === "contract"
        ? "expand_drop_exceptions"
        : op.phase === "expand"
          ? "contract_creation_exceptions"
          : undefined;
    if (wanted === undefined) return undefined;
    const lookup = lookups[wanted];
    // The first exception (in file order) that lists one of the operation's names.
    let found: number | undefined;
    for (const name of objectNames(op)) {
      const at = lookup.byObject.get(name);
      if (at !== undefined && (found === undefined || at < found)) found = at;
    }
    // An object named at run time (`constraint["name"]` of an inspector row) cannot be matched by name: a revision
    // whose exception function lists objects declares its run-time drops (or creations) deliberate.
    const unreadable = "name" in op && typeof op.name === "string" && hasUnresolvedPart(op.name);
    if (unreadable && lookup.firstListing !== undefined && (found === undefined || lookup.firstListing < found))
      found = lookup.firstListing;
    const exception = found === undefined ? undefined : rev.revision.phaseExceptions[found];
    if (!exception) return undefined;
    return {
      kind: "phase-exception",
      reason: exception.reason ?? `listed by ${exception.function}() (no docstring)`,
      span: exception.span,
    };
  };
}

/** One exception function's objects, by name: where each is first listed, and the first exception listing any. */
interface PhaseExceptionLookup {
  /** Normalised object name -> index in `phaseExceptions` of the first exception of this function that lists it. */
  readonly byObject: ReadonlyMap<string, number>;
  readonly firstListing: number | undefined;
}

function exceptionLookup(revision: Revision, fn: PhaseException["function"]): PhaseExceptionLookup {
  const byObject = new Map<string, number>();
  let firstListing: number | undefined;
  revision.phaseExceptions.forEach((exception, at) => {
    if (exception.function !== fn) return;
    if (exception.objects.length > 0) firstListing ??= at;
    for (const object of exception.objects) {
      const name = object.replace(/"/g, "").toLowerCase();
      if (!byObject.has(name)) byObject.set(name, at);
    }
  });
  return { byObject, firstListing };
}

/** What an operation does, for messages: `drop-column "users.nickname"`. */
export function describeOperation(op: ClassifiedOperation): string {
  const names = objectNames(op);
  const object = "column" in op ? names.find((name) => name.includes(".")) : names[0];
  return object ? `${op.kind} ${q(object)}` : excerpt(op.text);
}

/** A revision file the change under review deleted, as the file at the base declared it. */
export type DeletedRevision = Extract<RevisionChange, { readonly kind: "deleted" }>;

/** A deleted revision, and the revisions that still name it. */
export interface DeletedButNamed {
  readonly file: string;
  readonly revision: string;
  readonly referrers: readonly Revision[];
}

/**
 * The history scope of a file of the run: its folder when that folder is a history set of its own (one per dialect,
 * whose ids repeat in sibling folders), "" otherwise.
 */
export function scopeFinder(input: AnalysisInput): (file: string) => string {
  const scopes = new Set(input.histories.map((history) => history.scope));
  return (file) => {
    const folder = folderOf(file);
    return scopes.has(folder) ? folder : "";
  };
}

/** The references of a revision: its down_revision and depends_on entries, each with the field that holds it. */
export function referencesOf(revision: Revision): { readonly reference: string; readonly field: string }[] {
  return [
    ...revision.downRevisions.map((reference) => ({ reference, field: "down_revision" })),
    ...revision.dependsOn.map((reference) => ({ reference, field: "depends_on" })),
  ];
}

/**
 * Whether a reference resolves among `revisions` (one history scope), other ids known to be declared there, and what
 * files that could not be analysed declare: by full id or branch label, the only keys Alembic's revision map links
 * down_revision and depends_on by (a prefix works on the command line, not in a revision file).
 */
export function referenceResolver(
  revisions: readonly Revision[],
  otherIds: Iterable<string>,
  declared: readonly DeclaredRevision[],
): (reference: string) => boolean {
  const names = new Set<string>([...revisions.map((revision) => revision.id), ...otherIds]);
  for (const revision of revisions) for (const label of revision.branchLabels) names.add(label);
  for (const file of declared) {
    names.add(file.revision);
    for (const label of file.branchLabels) names.add(label);
  }
  return (reference) => names.has(reference);
}

/**
 * Deleted revisions by the names a reference could give them (each id, and each label they had); of two that share a
 * name, the first listed.
 */
export function deletionsByName(deletions: readonly DeletedRevision[]): ReadonlyMap<string, DeletedRevision> {
  const byName = new Map<string, DeletedRevision>();
  for (const deleted of deletions) {
    for (const name of [deleted.revision, ...deleted.branchLabels]) if (!byName.has(name)) byName.set(name, deleted);
  }
  return byName;
}

/** The revisions of one history scope. */
function revisionsInScope(input: AnalysisInput, scope: string): Revision[] {
  return input.histories
    .filter((history) => history.scope === scope)
    .flatMap((history) => history.revisions.map((analyzed) => analyzed.revision));
}

/** What a history scope's revisions name that resolves to nothing there, worked out once per scope. */
interface ScopeReferences {
  readonly ids: ReadonlySet<string>;
  /** Ids declared by the scope's files that could not be analysed. */
  readonly declaredByFailed: ReadonlySet<string>;
  /** Each reference that resolves to nothing, with the revisions holding it, in history order. */
  readonly unresolved: ReadonlyMap<string, Revision[]>;
  readonly position: ReadonlyMap<Revision, number>;
}

/** Undefined while a file of the scope could not be analysed and its text does not say what it declares. */
function scopeReferences(
  input: AnalysisInput,
  scope: string,
  scopeOf: (file: string) => string,
): ScopeReferences | undefined {
  const unanalysed = input.unanalysedFiles.filter((file) => scopeOf(file.file) === scope);
  if (unanalysed.some((file) => file.declares === undefined)) return undefined;
  const declared = unanalysed.flatMap((file) => (file.declares ? [file.declares] : []));
  const revisions = revisionsInScope(input, scope);
  const resolves = referenceResolver(revisions, [], declared);
  const unresolved = new Map<string, Revision[]>();
  for (const revision of revisions) {
    for (const { reference } of referencesOf(revision)) {
      if (resolves(reference)) continue;
      const holders = listAt(unresolved, reference);
      if (holders.at(-1) !== revision) holders.push(revision);
    }
  }
  return {
    ids: new Set(revisions.map((revision) => revision.id)),
    declaredByFailed: new Set(declared.map((file) => file.revision)),
    unresolved,
    position: new Map(revisions.map((revision, index) => [revision, index])),
  };
}

/**
 * Revisions the change under review (`--since`) deleted that others still name in down_revision or depends_on (by
 * id, or by a label nothing else declares now). Both are looked for in the deleted file's own
 * history scope: a file that declares the id again there (a moved revision, or one migragate could not analyse whose
 * text declares it) replaces it; one in a sibling scope does not. While a file of the scope could not be analysed and
 * its text does not say what it declares, it may be the moved revision: nothing is reported.
 */
export function deletedButNamed(input: AnalysisInput): DeletedButNamed[] {
  const found: DeletedButNamed[] = [];
  const scopeOf = scopeFinder(input);
  const byScope = new Map<string, ScopeReferences | undefined>();
  for (const change of input.changeUnderReview?.changes ?? []) {
    if (change.kind !== "deleted") continue;
    const scope = scopeOf(change.file);
    if (!byScope.has(scope)) byScope.set(scope, scopeReferences(input, scope, scopeOf));
    const references = byScope.get(scope);
    // A failed file that declares the id, or whose text does not say what it declares, may be the revision, moved.
    if (!references || references.declaredByFailed.has(change.revision) || references.ids.has(change.revision))
      continue;
    const referrers = new Set<Revision>();
    for (const name of [change.revision, ...change.branchLabels])
      for (const revision of references.unresolved.get(name) ?? []) referrers.add(revision);
    const inOrder = [...referrers].sort(
      (a, b) => (references.position.get(a) ?? 0) - (references.position.get(b) ?? 0),
    );
    if (inOrder.length > 0) found.push({ file: change.file, revision: change.revision, referrers: inOrder });
  }
  return found;
}
