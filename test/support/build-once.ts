import { execFileSync } from "node:child_process";

/** The CLI tests run the real bundled binary, so build it once before any test file runs. */
export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
