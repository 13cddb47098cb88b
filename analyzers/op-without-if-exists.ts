import type { Analyzer, ClassifiedOperation, FindingDraft } from "../src/domain/index.js";
import { allOperations, compareVersions, dialectHasGuard, py, q, schemaKw } from "./support.js";

interface Missing {
  /** What is created or dropped, for the message. */
  readonly subject: string;
  readonly keyword: "if_not_exists" | "if_exists";
  /** First Alembic version whose directive accepts the keyword. */
  readonly since: string;
  /** The call with the keyword in place. */
  readonly fixed: string;
}

/** `sa.Enum(...).create(bind)`, `table.drop(bind)`: SQLAlchemy objects guard themselves with checkfirst=True. */
function missingCheckfirst(op: ClassifiedOperation): FindingDraft["message"] | undefined {
  if (op.origin !== "core") return undefined;
  switch (op.kind) {
    case "create-table":
    case "create-object":
      return op.ifNotExists ? undefined : "creates";
    case "drop-table":
    case "drop-object":
      return op.ifExists ? undefined : "drops";
    default:
      return undefined;
  }
}

function missingKeyword(op: ClassifiedOperation): Missing | undefined {
  const table = op.table === undefined ? "" : py(op.table);
  const schema = schemaKw(op);
  switch (op.kind) {
    case "create-table":
      return op.ifNotExists
        ? undefined
        : {
            subject: `table ${q(op.table)}`,
            keyword: "if_not_exists",
            since: "1.13.3",
            fixed: `op.create_table(${table}, ...${schema}, if_not_exists=True)`,
          };
    case "drop-table":
      return op.ifExists
        ? undefined
        : {
            subject: `table ${q(op.table)}`,
            keyword: "if_exists",
            since: "1.13.3",
            fixed: `op.drop_table(${table}${schema}, if_exists=True)`,
          };
    case "create-index": {
      if (op.ifNotExists) return undefined;
      const name = op.name === undefined ? "..." : py(op.name);
      return {
        subject:
          op.name === undefined ? `an index on table ${q(op.table)}` : `index ${q(op.name)} on table ${q(op.table)}`,
        keyword: "if_not_exists",
        since: "1.12",
        fixed: `op.create_index(${name}, ${table}, [...]${schema}, if_not_exists=True)`,
      };
    }
    case "drop-index":
      return op.ifExists
        ? undefined
        : {
            subject: `index ${q(op.name)}`,
            keyword: "if_exists",
            since: "1.12",
            fixed: `op.drop_index(${py(op.name)}${op.table === undefined ? "" : `, table_name=${table}`}${schema}, if_exists=True)`,
          };
    case "add-column":
      return op.ifNotExists
        ? undefined
        : {
            subject: `column ${q(op.column.name)} of table ${q(op.table)}`,
            keyword: "if_not_exists",
            since: "1.16",
            fixed: `op.add_column(${table}, sa.Column(${py(op.column.name)}, ...)${schema}, if_not_exists=True)`,
          };
    case "drop-column":
      return op.ifExists
        ? undefined
        : {
            subject: `column ${q(op.column)} of table ${q(op.table)}`,
            keyword: "if_exists",
            since: "1.16",
            fixed: `op.drop_column(${table}, ${py(op.column)}${schema}, if_exists=True)`,
          };
    case "drop-constraint":
      return op.ifExists
        ? undefined
        : {
            subject: `constraint ${q(op.name)} of table ${q(op.table)}`,
            keyword: "if_exists",
            since: "1.16",
            fixed: `op.drop_constraint(${py(op.name)}, ${table}${schema}, if_exists=True)`,
          };
    default:
      return undefined;
  }
}

export const opWithoutIfExists: Analyzer = {
  meta: {
    name: "op-without-if-exists",
    defaultSeverity: "warning",
    summary: "An Alembic op creates or drops something without if_exists / if_not_exists.",
    rationale:
      "A migration that runs again where the object already exists (or is already gone) stops with an error: after a " +
      "partly applied revision (MySQL commits each DDL statement), after a hotfix applied by hand, or when " +
      "environments drifted. The deploy then needs manual repair.",
    safeAlternative:
      "Pass if_not_exists=True / if_exists=True (Alembic 1.12+ for indexes, 1.13.3+ for tables, 1.16+ for columns " +
      "and dropped constraints), or wrap the call in a check with sa.inspect(op.get_bind()).",
  },
  check(input) {
    const findings: FindingDraft[] = [];
    const version = input.options.alembicVersion;
    for (const { op, rev } of allOperations(input)) {
      if (op.context.existenceGuard) continue;
      const verb = missingCheckfirst(op);
      if (verb) {
        findings.push({
          span: op.span,
          revision: rev.revision.id,
          message: `${op.text} ${verb} a schema object without checkfirst=True: it fails if the migration runs again`,
          hint: "Pass checkfirst=True, e.g. `.create(op.get_bind(), checkfirst=True)`.",
        });
        continue;
      }
      if (op.origin !== "op") continue;
      if (!dialectHasGuard(op.dialect, op.kind)) continue;
      const missing = missingKeyword(op);
      if (!missing) continue;
      const guard = missing.keyword === "if_exists" ? "is already gone" : "already exists";
      const hint =
        version !== undefined && compareVersions(version, missing.since) < 0
          ? `Alembic ${version} has no ${missing.keyword}= here: upgrade Alembic to >= ${missing.since} and write ` +
            `${missing.fixed}, or guard the call with sa.inspect(op.get_bind()).`
          : `Write ${missing.fixed}.`;
      findings.push({
        span: op.span,
        revision: rev.revision.id,
        message:
          `${missing.fixed.slice(0, missing.fixed.indexOf("("))} of ${missing.subject} has no ${missing.keyword}=True: ` +
          `it fails if the migration runs again after it ${guard}`,
        hint,
      });
    }
    return findings;
  },
};
