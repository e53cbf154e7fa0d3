import path from "node:path";
import { defineConfig } from "vitest/config";

// Test files for one engine only are named *.sqlite.test.ts / *.postgres.test.ts (docs/testing.md): the first run
// when TEST_DATABASE_URL is unset, the second when it is a postgresql:// URL; every other file runs on both.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? "");

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components; unit tests run lib/ code in plain Node.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", onPostgres ? "tests/**/*.sqlite.test.ts" : "tests/**/*.postgres.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
