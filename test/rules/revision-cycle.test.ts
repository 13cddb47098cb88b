import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "../support/project.js";

const RULE = "revision-cycle";

/** Writes versions/<id>.py for each `id -> down_revision`. */
async function analyse(revisions: Record<string, string | null | string[]>) {
  const files = Object.fromEntries(
    Object.entries(revisions).map(([id, down]) => [
      `versions/${id}.py`,
      revisionFile({ revision: id, down, upgrade: "pass" }),
    ]),
  );
  const { report } = await check(writeProject(files));
  return findingsOf(report, RULE);
}

describe("revision-cycle", () => {
  it("revision-cycle fires for a three-revision cycle", async () => {
    const findings = await analyse({ a1: null, b1: "d1", c1: "b1", d1: "c1" });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/b1.py",
        line: 1,
        column: 1,
        severity: "error",
        revision: "b1",
        message: "down_revision cycle: b1 -> d1 -> c1 -> b1",
      }),
    ]);
  });

  it("revision-cycle fires for two revisions pointing at each other", async () => {
    const findings = await analyse({ base: null, x: "y", y: "x" });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/x.py",
        line: 1,
        severity: "error",
        message: "down_revision cycle: x -> y -> x",
      }),
    ]);
  });

  it("revision-cycle fires for a revision that is its own down_revision", async () => {
    const findings = await analyse({ base: null, self: "self" });
    expect(findings).toEqual([
      expect.objectContaining({
        file: "versions/self.py",
        line: 1,
        severity: "error",
        revision: "self",
        message: "down_revision cycle: self -> self",
      }),
    ]);
  });

  it("revision-cycle fires once per cycle", async () => {
    const findings = await analyse({ base: null, p: "q", q: "p", r: "s", s: "r" });
    expect(findings.map((finding) => [finding.file, finding.message])).toEqual([
      ["versions/p.py", "down_revision cycle: p -> q -> p"],
      ["versions/r.py", "down_revision cycle: r -> s -> r"],
    ]);
  });

  it("revision-cycle stays silent for a linear history", async () => {
    expect(await analyse({ a: null, b: "a", c: "b", d: "c" })).toEqual([]);
  });

  it("revision-cycle stays silent for a diamond with a merge revision", async () => {
    expect(await analyse({ base: null, left: "base", right: "base", merge: ["left", "right"] })).toEqual([]);
  });

  it("revision-cycle stays silent for merges of merges", async () => {
    expect(
      await analyse({
        base: null,
        a: "base",
        b: "base",
        c: "base",
        m1: ["a", "b"],
        m2: ["m1", "c"],
      }),
    ).toEqual([]);
  });
});
