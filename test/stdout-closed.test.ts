// A reader of standard output may go away before the report is written: `migragate check | head`.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BIN, revisionFile, writeProject } from "./support/project.js";

/** A history whose JSON report (~1.5 MB) is far larger than a pipe's buffer (64 kB): the writer is still writing. */
function largeProject(): string {
  const files: Record<string, string> = {};
  for (let index = 0; index < 120; index++) {
    const columns = Array.from(
      { length: 40 },
      (_, column) => `op.add_column("t${index}", sa.Column("c${column}", sa.Text(), nullable=True))`,
    );
    files[`versions/r${String(index).padStart(3, "0")}.py`] = revisionFile({
      revision: `r${index}`,
      down: index === 0 ? null : `r${index - 1}`,
      upgrade: columns.join("\n"),
    });
  }
  return writeProject(files);
}

/** Runs the CLI, reads the first chunk of its standard output, then closes the pipe as `head -c` would. */
function readFirstChunkThenClose(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once("data", () => child.stdout.destroy());
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("standard output closed early", () => {
  it("standard output closed early ends the run quietly with 141, as SIGPIPE would", async () => {
    const root = largeProject();
    const { code, stderr } = await readFirstChunkThenClose(["check", ".", "--format", "json", "--no-cache"], root);
    expect(stderr).toBe("");
    expect(code).toBe(141);
  });

  // /dev/full accepts opening and fails every write with ENOSPC: a full disk behind standard output.
  it.skipIf(!existsSync("/dev/full"))("standard output that cannot be written is one line and exit 2", () => {
    const root = largeProject();
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [BIN, "check", ".", "--no-cache"], {
        cwd: root,
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
      });
      expect(result.stderr).toBe("migragate: cannot write to standard output (ENOSPC)\n");
      expect(result.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});
