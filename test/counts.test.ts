// Counts in messages are written as `toLocaleString("en")` wrote them, without loading ICU's data at startup.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withThousands } from "../src/domain/index.js";

describe("withThousands", () => {
  it("withThousands matches toLocaleString('en') for whole numbers of every length", () => {
    for (const count of [0, 7, 42, 999, 1000, 12_345, 100_000, 1_000_000, 20_000_000, 1_234_567_890, -5000]) {
      expect(withThousands(count)).toBe(count.toLocaleString("en"));
    }
  });
});

describe("bundle startup", () => {
  it("bundle startup calls no locale-aware formatting: its first call costs every process and thread ~16 ms", () => {
    const chunks = join(process.cwd(), "dist", "chunks");
    const sources = readdirSync(chunks).map((name) => ({ name, text: readFileSync(join(chunks, name), "utf8") }));
    const callers = sources.filter(({ text }) => /\.toLocaleString\(|\blocaleCompare\(/.test(text));
    expect(callers.map(({ name }) => name)).toEqual([]);
    // A collator or formatter made as a module loads (a top-level `var x = new Intl.Collator(...)`) costs the same.
    const atLoad = sources.filter(({ text }) => /^(?:var|let|const) [^\n]*\bnew Intl\./m.test(text));
    expect(atLoad.map(({ name }) => name)).toEqual([]);
  });
});
