import { earlyExtractionThreads, installLayout } from "./startup.js";

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
