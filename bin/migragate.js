#!/usr/bin/env node
// Loads the bundled CLI in dist/: committed, and rewritten by `npm run bundle` from the sources.
import { existsSync } from "node:fs";

// no-color.org: a non-empty NO_COLOR wins over FORCE_COLOR (src/cli/main.ts, useColor). Without this, Node warns on a
// terminal that it ignores NO_COLOR as soon as a module of the bundle asks it about colours.
if (process.env.NO_COLOR && process.env.FORCE_COLOR !== undefined) delete process.env.FORCE_COLOR;

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("migragate: dist/cli.js is missing; run `npm run bundle` first\n");
  process.exit(2);
}
await import(cli.href);
