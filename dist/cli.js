import { createRequire as __migragateCreateRequire } from 'node:module'; const require = __migragateCreateRequire(import.meta.url);
import {
  earlyExtractionThreads,
  installLayout
} from "./chunks/chunk-CN5CEMJE.js";
import "./chunks/chunk-GDKKKNSU.js";

// src/cli/entry.ts
var EXIT_READER_GONE = 141;
var EXIT_USAGE = 2;
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") process.stderr.write(`migragate: cannot write to standard output (${error.code})
`);
  process.exit(error.code === "EPIPE" ? EXIT_READER_GONE : EXIT_USAGE);
});
var argv = process.argv.slice(2);
var layout = installLayout(import.meta.url);
var prestarted = earlyExtractionThreads(argv, process.env, layout);
var { main } = await import("./chunks/main-IMOBLQF7.js");
try {
  process.exitCode = await main(argv, { layout, ...prestarted ? { prestarted } : {} });
} finally {
  prestarted?.close();
}
