import { describe, expect, it } from "vitest";
import { declaredRevisionId } from "../src/adapters/python/declared-revision.js";

describe("declaredRevisionId", () => {
  it("declaredRevisionId reads the id Alembic's templates write, with or without a type", () => {
    expect(declaredRevisionId('"""add x"""\nrevision = "ae1027a6acf"\ndown_revision = None\n')).toBe("ae1027a6acf");
    expect(declaredRevisionId("revision: str = '1a2b'\ndown_revision: Union[str, None] = '0f'\n")).toBe("1a2b");
  });

  it("declaredRevisionId finds nothing in an indented, computed or missing assignment", () => {
    expect(declaredRevisionId('def f():\n    revision = "x"\n')).toBeUndefined();
    expect(declaredRevisionId("revision = make_id()\n")).toBeUndefined();
    expect(declaredRevisionId('down_revision = "a0"\n')).toBeUndefined();
    expect(declaredRevisionId(`revision = "${"x".repeat(300)}"\n`)).toBeUndefined();
  });
});
