import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Engine-only test files are chosen by name (docs/testing.md): `*.sqlite.test.ts` runs only on SQLite (no
// TEST_DATABASE_URL), `*.postgres.test.ts` only with a postgresql:// TEST_DATABASE_URL. Every other file runs on both.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? "");
const otherEngineOnly = onPostgres ? "tests/**/*.sqlite.test.ts" : "tests/**/*.postgres.test.ts";

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
    exclude: [...configDefaults.exclude, otherEngineOnly],
    globalSetup: ["tests/helpers/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
