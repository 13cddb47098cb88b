import { defineConfig } from "vitest/config";

/** `npm run test:postgres`: the lock model against a real, throwaway PostgreSQL server (see docs/locks.md). */
export default defineConfig({
  test: {
    include: ["test/postgres/**/*.test.ts"],
    globalSetup: ["test/postgres/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
