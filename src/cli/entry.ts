import { setFlagsFromString } from "node:v8";
import { main } from "./main.js";

// Liftoff-compiled WASM parses as fast here, and skipping the optimising tier spares the ~80 ms that
// background recompilation of libpg-query otherwise adds before the process can exit.
setFlagsFromString("--liftoff-only");
process.exitCode = await main(process.argv.slice(2));
