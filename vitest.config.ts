import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Engine-only test files by name: `*.sqlite.test.ts` run only without TEST_DATABASE_URL, `*.postgres.test.ts` only
// with a postgresql:// one (docs/testing.md).
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
    exclude: [...configDefaults.exclude, onPostgres ? "tests/**/*.sqlite.test.ts" : "tests/**/*.postgres.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
