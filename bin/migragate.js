#!/usr/bin/env node
// Loads the bundled CLI that `npm ci` (prepare) or `npm run build` writes to dist/.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("migragate: dist/cli.js is missing; run `npm run build` first\n");
  process.exit(2);
}
await import(cli.href);
