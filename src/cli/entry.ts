import { earlyExtractionThreads, installLayout } from "./startup.js";

/** What a process ended by SIGPIPE reports: the reader of standard output went away before the report was written. */
const EXIT_READER_GONE = 141;
const EXIT_USAGE = 2;

// `migragate check | head`: once the reader is gone, stop quietly, as command-line tools do, instead of Node's
// unhandled-error trace; any other failure to write standard output is one line on standard error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") process.stderr.write(`migragate: cannot write to standard output (${error.code})\n`);
  process.exit(error.code === "EPIPE" ? EXIT_READER_GONE : EXIT_USAGE);
});

const argv = process.argv.slice(2);
const layout = installLayout(import.meta.url);
// Started before the rest of the CLI is loaded (a separate chunk), so that both happen at once.
const prestarted = earlyExtractionThreads(argv, process.env, layout);
const { main } = await import("./main.js");
try {
  process.exitCode = await main(argv, { layout, ...(prestarted ? { prestarted } : {}) });
} finally {
  prestarted?.close();
}
