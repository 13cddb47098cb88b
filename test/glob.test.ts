import { describe, expect, it } from "vitest";
import { Glob } from "../src/adapters/config/glob.js";

const matches = (pattern: string, path: string) => new Glob(pattern).matches(path);

describe("glob", () => {
  it("glob star and question mark stay within one name", () => {
    expect(matches("versions/*.py", "versions/a1.py")).toBe(true);
    expect(matches("versions/*.py", "versions/old/a1.py")).toBe(false);
    expect(matches("versions/a?.py", "versions/a1.py")).toBe(true);
    expect(matches("versions/a?.py", "versions/a/.py")).toBe(false);
  });

  it("glob double star spans folders, or none", () => {
    expect(matches("app/**/legacy.py", "app/legacy.py")).toBe(true);
    expect(matches("app/**/legacy.py", "app/a/b/legacy.py")).toBe(true);
    expect(matches("app/**", "app/a/b/c.py")).toBe(true);
    expect(matches("**/x.py", "x.py")).toBe(true);
    expect(matches("a**b", "a/x/b")).toBe(true);
  });

  it("glob without a slash matches a file name in any folder, and a folder pattern what is inside it", () => {
    expect(matches("*_scratch.py", "migrations/versions/b2_scratch.py")).toBe(true);
    expect(matches("*_scratch.py", "b2_scratch.py")).toBe(true);
    expect(matches("app/migrations/versions/legacy", "app/migrations/versions/legacy/old.py")).toBe(true);
    expect(matches("app/legacy", "app/legacyx/old.py")).toBe(false);
    expect(matches("./versions/*.py", "versions/a.py")).toBe(true);
  });

  it("glob characters other than * and ? are themselves, brackets and dots included", () => {
    expect(matches("v[1].py", "v[1].py")).toBe(true);
    expect(matches("v[1].py", "v1.py")).toBe(false);
    expect(matches("a.py", "abpy")).toBe(false);
    expect(matches("(x)+$^.py", "(x)+$^.py")).toBe(true);
  });

  it("glob patterns that make regular expressions backtrack match long names at once", () => {
    const started = Date.now();
    const name = `${"a".repeat(5000)}.py`;
    expect(matches("*a*a*a*a*a*a*a*a*a*a*b", name)).toBe(false);
    expect(matches("**/**/**/**/**/**/**/**/**/x", `${"a/".repeat(2000)}y`)).toBe(false);
    expect(matches(`${"*a".repeat(200)}*.py`, name)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
