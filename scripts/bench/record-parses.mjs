// Preload (`node --import`) for the bench's preparation step: records every text the CLI hands to tree-sitter and to
// libpg-query, so that the floor process (floor.mjs) parses exactly those and nothing else. Not timed.
//
//   MIGRAGATE_BENCH_RECORD=<folder> node --import ./record-parses.mjs bin/migragate.js check ...
//
// The hooks (record-hooks.mjs) put a recording module between the CLI and each parser package; worker threads
// inherit `--import`, so what they parse is recorded too, each thread in a file of its own.
import { register } from "node:module";

register("./record-hooks.mjs", import.meta.url);
