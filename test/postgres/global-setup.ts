import type { TestProject } from "vitest/node";
import { startThrowawayServer } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { socketDir: string; port: number; major: number };
  }
}

/** One throwaway server for the whole suite: started before any test file, stopped and removed after the last. */
export default function setup(project: TestProject): () => void {
  const server = startThrowawayServer();
  process.stdout.write(
    `postgres ${server.major}: initdb ${server.timings.initdb} ms, start ${server.timings.start} ms (${server.socketDir})\n`,
  );
  project.provide("postgres", { socketDir: server.socketDir, port: server.port, major: server.major });
  return () => server.stop();
}
