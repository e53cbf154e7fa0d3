import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_FAILURES,
  THROTTLE_WINDOW_MS,
  checkThrottle,
  clientIp,
  recordLoginAttempt,
} from "@/lib/auth/login-attempts";
import type { Db } from "@/lib/db/create-client";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

const T0 = new Date("2026-11-20T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const email = () => `${randomUUID().slice(0, 8)}@throttle.test`;
const ip = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function fail(e: string, i: string, n: number, start = T0) {
  for (let k = 0; k < n; k++)
    await recordLoginAttempt(db, { email: e, ip: i, success: false, at: new Date(start.getTime() + k * 1000) });
}

describe("sign-in throttling", () => {
  it("lets four failures through and blocks the fifth by email, naming when to retry", async () => {
    const e = email();
    await fail(e, ip(), MAX_FAILURES - 1);
    expect(await checkThrottle(db, e, ip(), at(10_000))).toEqual({ blocked: false });
    await recordLoginAttempt(db, { email: e, ip: ip(), success: false, at: at(5_000) });
    const throttle = await checkThrottle(db, e, ip(), at(10_000));
    // The oldest of the five failures (at T0) leaves the window 15 minutes later.
    expect(throttle).toEqual({ blocked: true, by: "email", retryAt: at(THROTTLE_WINDOW_MS) });
  });

  it("blocks by IP across different emails", async () => {
    const i = ip();
    for (let k = 0; k < MAX_FAILURES; k++)
      await recordLoginAttempt(db, { email: email(), ip: i, success: false, at: at(k * 1000) });
    const throttle = await checkThrottle(db, email(), i, at(60_000));
    expect(throttle).toMatchObject({ blocked: true, by: "ip" });
    // Another address is not affected.
    expect(await checkThrottle(db, email(), ip(), at(60_000))).toEqual({ blocked: false });
  });

  it("opens again once the failures leave the 15-minute window", async () => {
    const e = email();
    const i = ip();
    await fail(e, i, MAX_FAILURES);
    expect((await checkThrottle(db, e, i, at(THROTTLE_WINDOW_MS - 1))).blocked).toBe(true);
    expect(await checkThrottle(db, e, i, at(THROTTLE_WINDOW_MS + 1))).toEqual({ blocked: false });
  });

  it("counts a refused attempt as a failure, so retrying early pushes the time back", async () => {
    const e = email();
    await fail(e, ip(), MAX_FAILURES);
    await recordLoginAttempt(db, { email: e, ip: ip(), success: false, at: at(10 * 60_000) });
    const throttle = await checkThrottle(db, e, ip(), at(THROTTLE_WINDOW_MS + 1));
    expect(throttle).toEqual({ blocked: true, by: "email", retryAt: at(1000 + THROTTLE_WINDOW_MS) });
  });

  it("clears an email's count after a successful sign-in, but not the IP's", async () => {
    const e = email();
    const i = ip();
    await fail(e, i, MAX_FAILURES - 1);
    await recordLoginAttempt(db, { email: e, ip: i, success: true, at: at(30_000) });
    await fail(e, i, 1, at(40_000));
    expect(await checkThrottle(db, e, ip(), at(50_000))).toEqual({ blocked: false });
    expect(await checkThrottle(db, email(), i, at(50_000))).toMatchObject({ blocked: true, by: "ip" });
  });

  it("reads the client address from the proxy headers", () => {
    const h = (entries: Record<string, string>) => new Headers(entries);
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIp(h({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(h({}))).toBe("unknown");
    expect(clientIp(h({ "x-forwarded-for": "x".repeat(500) }))).toHaveLength(64);
  });
});
