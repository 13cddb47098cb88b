#!/usr/bin/env node
// Loads the bundled CLI in dist/: committed, and rewritten by `npm run bundle` from the sources.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("migragate: dist/cli.js is missing; run `npm run bundle` first\n");
  process.exit(2);
}
await import(cli.href);
