import { describe, expect, it } from "vitest";
import { declaredRevision } from "../src/adapters/python/declared-revision.js";

describe("declaredRevision", () => {
  it("declaredRevision reads the id and labels Alembic's templates write, with or without types", () => {
    expect(
      declaredRevision('"""add x"""\nrevision = "ae1027a6acf"\ndown_revision = None\nbranch_labels = None\n'),
    ).toEqual({ revision: "ae1027a6acf", branchLabels: [] });
    const typed = "revision: str = '1a2b'\nbranch_labels: Union[str, Sequence[str], None] = ('billing', \"expand\")\n";
    expect(declaredRevision(typed)).toEqual({ revision: "1a2b", branchLabels: ["billing", "expand"] });
    expect(declaredRevision('revision = "d4"\nbranch_labels = [ "a" , \'b\' ]  # two\n')).toEqual({
      revision: "d4",
      branchLabels: ["a", "b"],
    });
    expect(declaredRevision('revision = "c3"  # head\nbranch_labels = "contract"\n')).toEqual({
      revision: "c3",
      branchLabels: ["contract"],
    });
  });

  it("declaredRevision knows nothing of a file whose id or labels are computed, indented or missing", () => {
    expect(declaredRevision('def f():\n    revision = "x"\n')).toBeUndefined();
    expect(declaredRevision("revision = make_id()\n")).toBeUndefined();
    expect(declaredRevision('revision = "a" "b"\n')).toBeUndefined();
    expect(declaredRevision('down_revision = "a0"\n')).toBeUndefined();
    expect(declaredRevision('revision = "a1"\nbranch_labels = labels.EXPAND\n')).toBeUndefined();
    expect(declaredRevision(`revision = "${"x".repeat(300)}"\n`)).toBeUndefined();
  });

  it("declaredRevision reads only the top of a large hostile file, and quickly", () => {
    const hostile = `${"revision: ".repeat(500_000)}\n`.repeat(2);
    const started = performance.now();
    expect(declaredRevision(hostile)).toBeUndefined();
    expect(declaredRevision(`${"#\n".repeat(60_000)}revision = "late"\n`)).toBeUndefined();
    const spaced = `revision = "a1"\nbranch_labels = ("a"${" ".repeat(20).concat('"a"').repeat(20)}) or None\n`;
    expect(declaredRevision(spaced)).toBeUndefined();
    expect(declaredRevision(`revision =${" ".repeat(50_000)}${"x".repeat(50_000)}\n`)).toBeUndefined();
    // Linear work takes milliseconds; the list pattern this replaced took 110 s on nine space-separated labels.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
