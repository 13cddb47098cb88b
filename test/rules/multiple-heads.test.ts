import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "../support/project.js";

const RULE = "multiple-heads";

interface Rev {
  readonly down?: string | null | string[];
  readonly labels?: string[];
}

/** Writes versions/<id>.py for each revision; `labels` become branch_labels. */
async function analyse(revisions: Record<string, Rev>) {
  const files: Record<string, string> = {};
  for (const [id, { down = null, labels }] of Object.entries(revisions)) {
    let source = revisionFile({ revision: id, down, upgrade: "pass" });
    if (labels) {
      const tuple = `(${labels.map((label) => JSON.stringify(label)).join(", ")},)`;
      source = source.replace("branch_labels = None", `branch_labels = ${tuple}`);
    }
    files[`versions/${id}.py`] = source;
  }
  const { report } = await check(writeProject(files));
  return findingsOf(report, RULE);
}

describe("multiple-heads", () => {
  it("multiple-heads fires for two revisions on the same down_revision", async () => {
    const findings = await analyse({ base: {}, email: { down: "base" }, phone: { down: "base" } });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/phone.py",
        line: 1,
        column: 1,
        severity: "error",
        revision: "phone",
        message:
          'the history has 2 heads: "email" (versions/email.py), "phone" (versions/phone.py); ' +
          "`alembic upgrade head` refuses to run",
      }),
    ]);
    expect(findings[0]?.hint).toBe('alembic merge -m "merge heads" email phone (or: alembic merge heads)');
  });

  it("multiple-heads fires once per history, naming all three heads", async () => {
    const findings = await analyse({
      base: {},
      a: { down: "base" },
      b: { down: "base" },
      c: { down: "a" },
      d: { down: "base" },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, severity: "error" });
    expect(findings[0]?.message).toMatch(/^the history has 3 heads: /);
    for (const head of ['"b" (versions/b.py)', '"c" (versions/c.py)', '"d" (versions/d.py)']) {
      expect(findings[0]?.message).toContain(head);
    }
  });

  it("multiple-heads fires for two heads on the same named branch", async () => {
    const findings = await analyse({
      base: {},
      e1: { down: "base", labels: ["expand"] },
      e2: { down: "e1" },
      e3: { down: "e1" },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "versions/e3.py", line: 1, severity: "error" });
    expect(findings[0]?.message).toContain('"e2" (versions/e2.py), "e3" (versions/e3.py)');
  });

  it("multiple-heads fires when only one of the heads sits on a named branch", async () => {
    const findings = await analyse({
      base: {},
      e1: { down: "base", labels: ["expand"] },
      k1: { down: "base" },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("2 heads");
  });

  it("multiple-heads stays silent for a linear history", async () => {
    const findings = await analyse({ a: {}, b: { down: "a" }, c: { down: "b" } });
    expect(findings).toEqual([]);
  });

  it("multiple-heads stays silent for a merge revision", async () => {
    const findings = await analyse({
      base: {},
      email: { down: "base" },
      phone: { down: "base" },
      merge: { down: ["email", "phone"] },
    });
    expect(findings).toEqual([]);
  });

  it("multiple-heads stays silent for named expand and contract branches", async () => {
    const findings = await analyse({
      base: {},
      e1: { down: "base", labels: ["expand"] },
      e2: { down: "e1" },
      k1: { down: "base", labels: ["contract"] },
      k2: { down: "k1" },
    });
    expect(findings).toEqual([]);
  });

  it("multiple-heads stays silent for a merge of two branches followed by more revisions", async () => {
    const findings = await analyse({
      base: {},
      a: { down: "base" },
      b: { down: "base" },
      m: { down: ["a", "b"] },
      after: { down: "m" },
    });
    expect(findings).toEqual([]);
  });
});
