import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// A file only one engine can run is named for it: *.sqlite.test.ts without TEST_DATABASE_URL, *.postgres.test.ts with
// a postgresql:// one (docs/testing.md). Everything else runs on both.
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
