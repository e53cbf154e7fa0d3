import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSession } from "@/lib/auth/read-session";
import type { Db } from "@/lib/db/create-client";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, newSessionToken } from "@/lib/auth/session-token";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

const NOW = new Date("2026-11-20T12:00:00Z");
async function session(opts: { lastSeenAt?: Date; createdAt?: Date; disabled?: boolean } = {}) {
  const user = await db.user.create({
    data: {
      email: `${randomUUID().slice(0, 8)}@sessions.test`,
      name: "S",
      passwordHash: "x",
      disabledAt: opts.disabled ? NOW : null,
    },
    select: { id: true },
  });
  const { token, tokenHash, expiresAt } = newSessionToken(opts.createdAt ?? NOW);
  await db.session.create({ data: { userId: user.id, tokenHash, expiresAt, lastSeenAt: opts.lastSeenAt ?? NOW } });
  return token;
}

describe("readSession", () => {
  it("reads an open session's user", async () => {
    const read = await readSession(db, await session(), NOW);
    expect(read).toMatchObject({ open: true, user: { role: "EDITOR", name: "S" } });
  });

  it("closes a session idle for 12 hours, one older than 7 days, and one of a disabled account", async () => {
    const idle = await session({ lastSeenAt: new Date(NOW.getTime() - IDLE_TIMEOUT_MS) });
    const old = await session({ createdAt: new Date(NOW.getTime() - ABSOLUTE_TIMEOUT_MS), lastSeenAt: NOW });
    const disabled = await session({ disabled: true });
    for (const token of [idle, old, disabled]) expect((await readSession(db, token, NOW))?.open).toBe(false);
    expect((await readSession(db, idle, new Date(NOW.getTime() - 1)))?.open).toBe(true);
  });

  it("knows no forged, empty or over-long token", async () => {
    expect(await readSession(db, "forged", NOW)).toBeNull();
    expect(await readSession(db, "", NOW)).toBeNull();
    expect(await readSession(db, "x".repeat(201), NOW)).toBeNull();
  });
});
