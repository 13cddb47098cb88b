// The report of the bundled risky sample in every format, through the real CLI, compared byte for byte with
// test/golden/. After an intended change: UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts, then review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/project.js";
import { sarifSchemaErrors } from "./support/sarif.js";
import { reportSchemaErrors } from "./support/schema.js";
import { elementsNamed, parseXml } from "./support/xml.js";

const REPO = resolve(import.meta.dirname, "..");
const GOLDEN = join(REPO, "test", "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };

const FILES = {
  text: "text.txt",
  json: "json.json",
  sarif: "sarif.sarif",
  github: "github.txt",
  markdown: "markdown.md",
  gitlab: "gitlab.json",
  junit: "junit.xml",
} as const;

type Format = keyof typeof FILES;

/** The built binary reports package.json's version: the goldens hold a placeholder so a release does not change them. */
function normalised(output: string): string {
  const escaped = version.replace(/[.]/g, "\\.");
  return output.replace(new RegExp(`(?<![\\w.])${escaped}(?![\\w.])`, "g"), "<version>");
}

function report(format: Format): string {
  const result = runCli(["check", "samples/risky-app", "--format", format], REPO, { NO_COLOR: "1" });
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toBe("");
  return normalised(result.stdout);
}

function golden(format: Format, actual: string): string {
  const path = join(GOLDEN, FILES[format]);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`${path} is missing: run the test with UPDATE_GOLDEN=1 to write it`);
  return readFileSync(path, "utf8");
}

describe("golden reports", () => {
  it.each(Object.keys(FILES) as Format[])("golden reports of samples/risky-app match test/golden in %s", (format) => {
    const actual = report(format);
    expect(actual).toBe(golden(format, actual));
  });

  it("golden reports hold the version as a placeholder", () => {
    for (const file of ["json.json", "sarif.sarif", "markdown.md"]) {
      const text = readFileSync(join(GOLDEN, file), "utf8");
      expect(text, file).toContain("<version>");
      expect(text, file).not.toContain(`"${version}"`);
    }
  });

  it("golden reports in JSON and SARIF conform to their schemas", () => {
    const restored = (file: string) =>
      JSON.parse(readFileSync(join(GOLDEN, file), "utf8").replaceAll("<version>", version));
    expect(reportSchemaErrors(restored(FILES.json))).toEqual([]);
    expect(sarifSchemaErrors(restored(FILES.sarif))).toEqual([]);
  });

  it("golden reports in JUnit are well-formed XML with a failure per error", () => {
    const root = parseXml(readFileSync(join(GOLDEN, FILES.junit), "utf8"));
    const errors = JSON.parse(readFileSync(join(GOLDEN, FILES.json), "utf8")).summary.bySeverity.error;
    expect(elementsNamed(root, "failure")).toHaveLength(errors);
  });
});
