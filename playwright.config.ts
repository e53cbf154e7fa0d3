import { defineConfig, devices } from "@playwright/test";

/**
 * E2E_STACK=1 (scripts/test-stack.sh): a subset of the specs against the loopback deployment of docs/deploy.md —
 * nginx in front of two instances, PostgreSQL, Redis — which the script starts before and stops after.
 */
export const E2E_STACK = process.env.E2E_STACK === "1";
// A worktree or a second checkout can run its own e2e server beside this one with E2E_PORT; with E2E_STACK the
// specs talk to the stack's nginx, on STACK_PORT as scripts/stack.sh reads it.
export const E2E_PORT = Number(
  (E2E_STACK ? process.env.STACK_PORT : process.env.E2E_PORT) ?? (E2E_STACK ? 8080 : 3200),
);
// E2E_DATABASE_URL=postgresql://… runs the specs against a PostgreSQL-backed server (its database is emptied first);
// with E2E_STACK it is the stack's own database, and required.
export const E2E_DATABASE_URL = E2E_STACK
  ? stackDatabaseUrl()
  : (process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db");
/** Lets e2e/cli-import-cache.spec.ts run the import CLI against the e2e server the way an operator would. */
export const E2E_REVALIDATE_SECRET = "e2e-revalidate-secret-0123456789abcdef";
/** The stack's two instances, each reached directly, beside nginx (scripts/stack.sh, STACK_APP_PORTS). */
export const STACK_INSTANCE_URLS = (process.env.STACK_APP_PORTS ?? "3101 3102")
  .trim()
  .split(/\s+/)
  .map((port) => `http://127.0.0.1:${port}`);
/**
 * What runs against the stack: reader pages, search, the editor flow, conflicts, import, and the stack's own —
 * which need two instances, so a one-instance stack (STACK_INSTANCES=1) leaves them out.
 */
const STACK_SPECS = [
  ...(process.env.STACK_INSTANCES === "1" ? [] : ["stack/*.spec.ts"]),
  "reader-pages.spec.ts",
  "search.spec.ts",
  "editor-claim-flow.spec.ts",
  "editor-conflict.spec.ts",
  "admin-import.spec.ts",
  "api.spec.ts",
];

function stackDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_STACK=1 needs E2E_DATABASE_URL: the stack's DATABASE_URL (scripts/test-stack.sh)");
  return url;
}

export default defineConfig({
  testDir: "e2e",
  testMatch: E2E_STACK ? STACK_SPECS : "**/*.spec.ts",
  testIgnore: E2E_STACK ? [] : ["stack/**"],
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // The stack is itself two instances, PostgreSQL, Redis and nginx on the same machine: a second browser worker
  // beside them slowed saves past the specs' 5 s waits on two cores (a created claim redirected after 5–6 s).
  workers: E2E_STACK ? 1 : 2,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: E2E_STACK ? "test-reports/e2e-stack.json" : "test-reports/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "on-first-retry",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: E2E_STACK
    ? undefined
    : {
        // Fresh database, migrated and seeded, then a production build served on a port of its own.
        command: "bash scripts/e2e-server.sh",
        url: `http://127.0.0.1:${E2E_PORT}/methodology`,
        timeout: 300_000,
        reuseExistingServer: !process.env.CI,
        env: {
          DATABASE_URL: E2E_DATABASE_URL,
          PORT: String(E2E_PORT),
          ADMIN_EMAIL: "admin@e2e.test",
          ADMIN_PASSWORD: "e2e-admin-password",
          REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
          REVALIDATE_URL: `http://127.0.0.1:${E2E_PORT}`,
          // Browsers here all come from 127.0.0.1: specs that sign in through the form give themselves an address of
          // their own in X-Forwarded-For (e2e/sign-in-form.ts), as if one proxy stood in front.
          TRUST_PROXY: "1",
        },
        stdout: "pipe",
      },
});
