import { describe, expect, it } from "vitest";
import { check, findingsOf, revisionFile, writeProject } from "./support/project.js";

describe("check", () => {
  it("check reports a not-null column added to an existing table", async () => {
    const root = writeProject({
      "versions/a1.py": revisionFile({
        revision: "a1",
        upgrade: 'op.add_column("users", sa.Column("email", sa.String(255), nullable=False))',
      }),
    });
    const { exitCode, report } = await check(root);
    expect(exitCode).toBe(1);
    expect(findingsOf(report, "add-column-not-null").map((finding) => finding.line)).toEqual([15]);
  });
});
