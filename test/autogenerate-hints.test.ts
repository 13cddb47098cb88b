// In a project that generates revisions from its models, a hint that changes a column also says what the model must
// say: otherwise the next `alembic revision --autogenerate` writes the unsafe change again.
import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "./support/project.js";

const LOCK_TIMEOUT = 'connect_args={"options": "-c lock_timeout=5s"}';

/** An env.py as `alembic init` writes it, with `lines` before the functions and `metadata` passed to configure. */
function envPy(lines: string, metadata = "target_metadata"): string {
  return `from alembic import context
from sqlalchemy import create_engine
${lines}

def run_migrations_online():
    engine = create_engine("postgresql://app@db/app", ${LOCK_TIMEOUT})
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=${metadata})
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
`;
}

const AUTOGENERATE = "from app.models import Base\n\ntarget_metadata = Base.metadata\n";

async function hintsOf(env: string, upgrade: string, rule: string, options = {}): Promise<string[]> {
  const root = writeProject({
    "migrations/env.py": env,
    "migrations/versions/a1.py": revisionFile({ revision: "a1", upgrade: 'op.create_table("users")' }),
    "migrations/versions/b2.py": revisionFile({ revision: "b2", down: "a1", upgrade }),
  });
  const { report } = await check(root, options);
  return findingsOf(report, rule).map((finding) => finding.hint);
}

const NOT_NULL = 'op.add_column("users", sa.Column("email", sa.Text(), nullable=False))';

/** The hint of the one add-column-not-null finding of NOT_NULL under this env.py. */
async function notNullHint(env: string): Promise<string> {
  const hints = await hintsOf(env, NOT_NULL, "add-column-not-null");
  expect(hints).toHaveLength(1);
  expect(hints[0]).toMatch(/^Add it as nullable: /);
  return hints[0] ?? "";
}

describe("autogenerate hints", () => {
  it("autogenerate hints name the model change when env.py sets target_metadata", async () => {
    expect(await notNullHint(envPy(AUTOGENERATE))).toContain(
      "Autogenerate compares the database with the models (env.py: target_metadata = Base.metadata): keep " +
        '"users.email" nullable in the model (mapped_column(nullable=True), or Mapped[... | None]) until the revision ' +
        "that sets nullable=False, or the next `alembic revision --autogenerate` undoes it.",
    );
  });

  it("autogenerate hints stay out when env.py leaves target_metadata None", async () => {
    expect(await notNullHint(envPy("target_metadata = None\n"))).not.toContain("autogenerate");
  });

  it("autogenerate hints stay out when configure is given no target_metadata", async () => {
    const env = envPy(AUTOGENERATE).replace(", target_metadata=target_metadata", "");
    expect(await notNullHint(env)).not.toContain("autogenerate");
  });

  it("autogenerate hints follow the name to the function that sets it", async () => {
    const env = envPy(AUTOGENERATE).replace(
      "def run_migrations_online():\n",
      "def run_migrations_online():\n    target_metadata = None\n",
    );
    expect(await notNullHint(env)).not.toContain("autogenerate");
  });

  it("autogenerate hints count metadata imported under the name or passed directly", async () => {
    const imported = envPy("from app.db import metadata as target_metadata\n");
    expect(await notNullHint(imported)).toContain("(env.py: target_metadata = target_metadata)");
    const direct = envPy("from app.models import Base\n", "Base.metadata");
    expect(await notNullHint(direct)).toContain("(env.py: target_metadata = Base.metadata)");
    // A name nothing in env.py binds is not metadata migragate can vouch for.
    expect(await notNullHint(envPy(""))).not.toContain("autogenerate");
  });

  it("autogenerate hints name the model type for the style rules", async () => {
    const style = { extendSelect: ["style"] };
    const add = (type: string) => `op.add_column("users", sa.Column("bio", ${type}, nullable=True))`;
    expect((await hintsOf(envPy(AUTOGENERATE), add("sa.String(200)"), "prefer-text", style))[0]).toContain(
      'declare "users.bio" as mapped_column(Text) in the model, or the next `alembic revision --autogenerate` undoes it.',
    );
    expect((await hintsOf(envPy(AUTOGENERATE), add("sa.DateTime()"), "prefer-timestamptz", style))[0]).toContain(
      'declare "users.bio" as mapped_column(DateTime(timezone=True)) in the model',
    );
    const key = 'op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))';
    const keyHints = (rule: string) => hintsOf(envPy(AUTOGENERATE), key, rule, style);
    expect((await keyHints("prefer-bigint"))[0]).toContain(
      'declare "tags.id" as mapped_column(BigInteger, primary_key=True) in the model',
    );
    expect((await keyHints("prefer-identity"))[0]).toContain(
      'add Identity() to the mapped_column(...) of "tags.id" in the model',
    );
    const [plain] = await hintsOf(envPy("target_metadata = None\n"), add("sa.String(200)"), "prefer-text", style);
    expect(plain).toMatch(/^Declare it text, then add CHECK/);
    expect(plain).not.toContain("autogenerate");
  });

  it("autogenerate hints name the model change of type changes, renames and NOT NULL", async () => {
    const env = envPy(AUTOGENERATE);
    const [retype] = await hintsOf(
      env,
      'op.alter_column("users", "name", type_=sa.String(20), existing_type=sa.String(200))',
      "change-column-type",
    );
    expect(retype).toContain(
      'map the new column "users.name_new" in the model with the new type, and keep "users.name" as it is until the ' +
        "revision that drops it",
    );
    const [rename] = await hintsOf(
      env,
      'op.alter_column("users", "name", new_column_name="full_name")',
      "rename-column",
    );
    expect(rename).toContain('map both "users.name" and "users.full_name" in the model until the old one is dropped');
    const [notNull] = await hintsOf(env, 'op.alter_column("users", "name", nullable=False)', "set-not-null");
    expect(notNull).toContain(
      'keep "users.name" nullable=True in the model until the revision that runs op.alter_column(..., nullable=False)',
    );
    const [old] = await hintsOf(env, 'op.alter_column("users", "name", nullable=False)', "set-not-null", {
      postgresVersion: 11,
    });
    expect(old).toContain('keep "users.name" nullable=True in the model: the CHECK does the job');
  });
});
