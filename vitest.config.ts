import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The real-PostgreSQL suite needs a server: `npm run test:postgres` runs it on its own.
    exclude: ["test/postgres/**", "**/node_modules/**"],
    globalSetup: ["test/support/build-once.ts"],
    testTimeout: 30_000,
    reporters: ["default", "./test/support/summary-reporter.ts"],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts", "analyzers/**/*.ts"],
      exclude: ["src/cli/entry.ts"],
      reporter: ["text-summary", "text"],
      thresholds: { lines: 85 },
    },
  },
});
