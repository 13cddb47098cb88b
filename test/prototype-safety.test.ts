// No string a file, folder or config supplies may index a plain object: `__proto__`, `constructor` and the other
// keys of Object.prototype would be found there. Lookup tables are Maps; this keeps new ones that way.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function sources(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  for (const folder of ["src", "analyzers"]) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true })) {
      const file = join(folder, String(entry));
      if (file.endsWith(".ts")) found.push({ file, text: readFileSync(join(ROOT, file), "utf8") });
    }
  }
  return found;
}

describe("prototype safety", () => {
  it("prototype safety: no module keeps a lookup table as a plain object keyed by any string", () => {
    const tables = sources().flatMap(({ file, text }) =>
      [...text.matchAll(/^(?:export )?const (\w+): (?:Readonly<)?Record<string,[^=]*= \{/gm)].map(
        (match) => `${file}: ${match[1]}`,
      ),
    );
    expect(tables).toEqual([]);
  });

  it("prototype safety: no lookup narrows an arbitrary string to an object's keys", () => {
    const casts = sources().flatMap(({ file, text }) =>
      [...text.matchAll(/\[\w+ as keyof typeof \w+\]/g)].map((match) => `${file}: ${match[0]}`),
    );
    expect(casts).toEqual([]);
  });
});
