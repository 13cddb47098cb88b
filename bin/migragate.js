#!/usr/bin/env node
// Loads the bundled CLI that `npm ci` (prepare) or `npm run build` writes to dist/.
import { existsSync } from "node:fs";

// no-color.org: a non-empty NO_COLOR wins over FORCE_COLOR (src/cli/main.ts, useColor). Without this, Node warns on a
// terminal that it ignores NO_COLOR as soon as a module of the bundle asks it about colours.
if (process.env.NO_COLOR && process.env.FORCE_COLOR !== undefined) delete process.env.FORCE_COLOR;

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("migragate: dist/cli.js is missing; run `npm run build` first\n");
  process.exit(2);
}
await import(cli.href);
