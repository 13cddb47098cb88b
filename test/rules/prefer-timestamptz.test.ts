import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/cli/check.js";
import { check, findingsOf, locate, revisionFile, writeProject } from "../support/project.js";

const RULE = "prefer-timestamptz";

async function analyse(upgrade: string, options: Partial<CheckOptions> = {}) {
  const source = revisionFile({ revision: "a1", down: "a0", upgrade });
  // The style rules are opt-in and leave a base revision (a compacted initial schema) alone: a1 follows a0.
  const base = revisionFile({ revision: "a0", upgrade: "pass" });
  const { report } = await check(writeProject({ "versions/a0.py": base, "versions/a1.py": source }), {
    extendSelect: [RULE],
    ...options,
  });
  return { source, findings: findingsOf(report, RULE) };
}

describe("prefer-timestamptz", () => {
  it("prefer-timestamptz fires for sa.DateTime() without timezone=True", async () => {
    const { source, findings } = await analyse('op.add_column("orders", sa.Column("shipped_at", sa.DateTime()))');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ...locate(source, "op.add_column"),
      severity: "warning",
      revision: "a1",
      message:
        'column "shipped_at" of "orders" is sa.DateTime() without timezone=True, which renders as TIMESTAMP WITHOUT ' +
        "TIME ZONE: it stores no time zone, so values depend on the writer's clock settings, and converting to " +
        "timestamptz later rewrites the table",
    });
    expect(findings[0]?.hint).toBe('Declare it sa.Column("shipped_at", sa.DateTime(timezone=True), ...).');
  });

  it("prefer-timestamptz fires for raw timestamp columns and sa.TIMESTAMP in create_table", async () => {
    const { findings } = await analyse(`
op.execute("ALTER TABLE orders ADD COLUMN paid_at timestamp")
op.create_table("logs", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True), sa.Column("at", sa.TIMESTAMP()))
`);
    expect(findings.map((finding) => finding.message.split(":")[0])).toEqual([
      'column "paid_at" of "orders" is timestamp without time zone',
      'column "at" of "logs" is sa.DateTime() without timezone=True, which renders as TIMESTAMP WITHOUT TIME ZONE',
    ]);
  });

  it("prefer-timestamptz fires for arrays of timestamp and names the array type", async () => {
    const { findings } = await analyse(`
op.execute("ALTER TABLE orders ADD COLUMN reminders timestamp[]")
op.execute("CREATE TABLE IF NOT EXISTS shifts (id bigint, starts timestamp without time zone[])")
op.add_column("orders", sa.Column("retries", sa.ARRAY(sa.DateTime())))
`);
    expect(findings.map((finding) => [finding.message.split(":")[0], finding.hint])).toEqual([
      ['column "reminders" of "orders" is timestamp without time zone[]', "Declare it `reminders timestamptz[]`."],
      ['column "starts" of "shifts" is timestamp without time zone[]', "Declare it `starts timestamptz[]`."],
      [
        'column "retries" of "orders" is an array of sa.DateTime() without timezone=True, which renders as ' +
          "TIMESTAMP WITHOUT TIME ZONE[]",
        'Declare it sa.Column("retries", sa.ARRAY(sa.DateTime(timezone=True)), ...).',
      ],
    ]);
  });

  it("prefer-timestamptz stays silent on timestamptz and dates", async () => {
    const { findings } = await analyse(`
op.add_column("orders", sa.Column("a", sa.DateTime(timezone=True)))
op.add_column("orders", sa.Column("b", sa.Date()))
op.execute("ALTER TABLE orders ADD COLUMN c timestamptz, ADD COLUMN d timestamp with time zone")
op.execute("ALTER TABLE orders ADD COLUMN e timestamptz[], ADD COLUMN f date[]")
op.add_column("orders", sa.Column("g", sa.ARRAY(sa.DateTime(timezone=True))))
`);
    expect(findings).toEqual([]);
  });

  it("prefer-timestamptz stays silent on other dialects", async () => {
    const { findings } = await analyse('op.add_column("orders", sa.Column("shipped_at", sa.DateTime()))', {
      dialect: "sqlite",
    });
    expect(findings).toEqual([]);
  });
});
