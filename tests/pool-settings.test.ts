import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { poolConfig } from "@/lib/postgres/connection";
import { POOL_DEFAULTS, poolSettings } from "@/lib/postgres/pool-settings";

// PostgreSQL's pool settings from the environment (lib/postgres/pool-settings.ts): defaults when unset, every key
// honoured, and a bad value stops start-up with a message naming the key — never a silent default.

const URL = "postgresql://claimwatch:secret@127.0.0.1:5432/claimwatch";

describe("PostgreSQL pool settings", () => {
  it("uses the defaults when nothing is set (an empty value counts as unset)", () => {
    expect(poolSettings({ POSTGRES_POOL_SIZE: "" })).toEqual({ ...POOL_DEFAULTS });
    expect(poolConfig(URL, poolSettings({}))).toEqual({
      connectionString: URL,
      max: 10,
      statement_timeout: 15_000,
      idle_in_transaction_session_timeout: 30_000,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: "claimwatch",
    });
  });

  it("takes every key from the environment", () => {
    const settings = poolSettings({
      POSTGRES_POOL_SIZE: "25",
      POSTGRES_STATEMENT_TIMEOUT_MS: "8000",
      POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS: "60000",
      POSTGRES_CONNECT_TIMEOUT_MS: "2500",
      POSTGRES_IDLE_TIMEOUT_MS: "10000",
      POSTGRES_APPLICATION_NAME: "claimwatch-a",
      POSTGRES_TRANSACTION_TIMEOUT_MS: "40000",
      POSTGRES_TRANSACTION_RETRIES: "0",
    });
    expect(settings).toEqual({
      size: 25,
      statementTimeoutMs: 8000,
      idleInTransactionTimeoutMs: 60_000,
      connectTimeoutMs: 2500,
      idleTimeoutMs: 10_000,
      applicationName: "claimwatch-a",
      transactionTimeoutMs: 40_000,
      transactionRetries: 0,
    });
    expect(poolConfig(URL, settings)).toMatchObject({
      max: 25,
      statement_timeout: 8000,
      application_name: "claimwatch-a",
    });
  });

  it("refuses bad values with a message naming each bad key, in the client's check and in the server's", () => {
    const bad = {
      POSTGRES_POOL_SIZE: "0",
      POSTGRES_STATEMENT_TIMEOUT_MS: "soon",
      POSTGRES_CONNECT_TIMEOUT_MS: "2.5",
      POSTGRES_APPLICATION_NAME: "x".repeat(64),
      POSTGRES_TRANSACTION_RETRIES: "11",
    };
    for (const parse of [() => poolSettings(bad), () => parseEnv(bad)]) {
      expect(parse).toThrow(/POSTGRES_POOL_SIZE: must be 1 to 200/);
      expect(parse).toThrow(/POSTGRES_STATEMENT_TIMEOUT_MS: must be a whole number of milliseconds/);
      expect(parse).toThrow(/POSTGRES_CONNECT_TIMEOUT_MS: must be a whole number of milliseconds/);
      expect(parse).toThrow(/POSTGRES_APPLICATION_NAME: must be 1 to 63 printable ASCII characters/);
      expect(parse).toThrow(/POSTGRES_TRANSACTION_RETRIES: must be 0 to 10/);
    }
    expect(() => poolSettings({ POSTGRES_IDLE_TIMEOUT_MS: "-1" })).toThrow(/POSTGRES_IDLE_TIMEOUT_MS: must be 1000 to/);
  });
});
