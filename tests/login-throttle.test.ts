import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COUNT_WINDOW_MS,
  FREE_FAILURES,
  MAX_DELAY_MS,
  accountState,
  checkThrottle,
  delayAfter,
  liftLock,
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
const unknownClient = (e: string, i: string) => ({ email: e, ip: i, device: null });

/** n failures, one a second from `start`. */
async function fail(e: string, i: string, n: number, start = T0, device: string | null = null) {
  for (let k = 0; k < n; k++)
    await recordLoginAttempt(db, {
      email: e,
      ip: i,
      device,
      success: false,
      at: new Date(start.getTime() + k * 1000),
    });
}

describe("the delays", () => {
  it("are free for the first failures, then double from 1 s up to the cap", () => {
    expect([0, 1, FREE_FAILURES - 1].map(delayAfter)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(delayAfter)).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter(15)).toBe(MAX_DELAY_MS);
    expect(delayAfter(1000)).toBe(MAX_DELAY_MS);
  });
});

describe("unknown clients", () => {
  it("get growing delays per account, each counted from the last failure, naming when to retry", async () => {
    const e = email();
    await fail(e, ip(), FREE_FAILURES - 1);
    expect(await checkThrottle(db, unknownClient(e, ip()), at(3_500))).toEqual({ blocked: false });
    await fail(e, ip(), 1, at(4_000)); // the fifth: 1 s
    expect(await checkThrottle(db, unknownClient(e, ip()), at(4_500))).toEqual({
      blocked: true,
      by: "account",
      retryAt: at(5_000),
    });
    expect(await checkThrottle(db, unknownClient(e, ip()), at(5_001))).toEqual({ blocked: false });
    await fail(e, ip(), 1, at(6_000)); // the sixth: 2 s
    expect(await checkThrottle(db, unknownClient(e, ip()), at(6_500))).toMatchObject({ retryAt: at(8_000) });
    await fail(e, ip(), 3, at(9_000)); // ninth at 11 s: 16 s
    expect(await checkThrottle(db, unknownClient(e, ip()), at(12_000))).toMatchObject({ retryAt: at(27_000) });
  });

  it("are delayed per IP across different emails, and another address is not", async () => {
    const i = ip();
    for (let k = 0; k < FREE_FAILURES + 2; k++)
      await recordLoginAttempt(db, { email: email(), ip: i, success: false, at: at(k * 1000) });
    expect(await checkThrottle(db, unknownClient(email(), i), at(6_500))).toEqual({
      blocked: true,
      by: "ip",
      retryAt: at(6_000 + 4_000),
    });
    expect(await checkThrottle(db, unknownClient(email(), ip()), at(6_500))).toEqual({ blocked: false });
  });

  it("are not held back longer for retrying early: refused attempts are recorded, not counted", async () => {
    const e = email();
    await fail(e, ip(), FREE_FAILURES); // last failure at 4 s: wait until 5 s
    for (let k = 0; k < 20; k++)
      await recordLoginAttempt(db, { email: e, ip: ip(), success: false, refused: true, at: at(4_100 + k * 10) });
    expect(await checkThrottle(db, unknownClient(e, ip()), at(5_001))).toEqual({ blocked: false });
  });

  it("forget failures older than the counting window", async () => {
    const e = email();
    await fail(e, ip(), 12);
    expect((await checkThrottle(db, unknownClient(e, ip()), at(60_000))).blocked).toBe(true);
    expect(await checkThrottle(db, unknownClient(e, ip()), at(COUNT_WINDOW_MS + 12_000))).toEqual({ blocked: false });
  });

  it("start again after a successful sign-in for the account, but not for the IP", async () => {
    const e = email();
    const i = ip();
    await fail(e, i, FREE_FAILURES + 5); // the IP must wait 32 s after the last, at 9 s
    await recordLoginAttempt(db, { email: e, ip: i, success: true, at: at(30_000) });
    expect(await checkThrottle(db, unknownClient(e, ip()), at(30_500))).toEqual({ blocked: false });
    expect(await checkThrottle(db, unknownClient(email(), i), at(30_500))).toMatchObject({ blocked: true, by: "ip" });
  });
});

describe("a browser with the account's device cookie", () => {
  it("is not held back by a stranger guessing from rotating addresses", async () => {
    const e = email();
    // 20 failures, each from a new address (a rotating X-Forwarded-For).
    for (let k = 0; k < 20; k++) await fail(e, ip(), 1, at(k * 1000));
    expect(await checkThrottle(db, unknownClient(e, ip()), at(20_000))).toMatchObject({ blocked: true, by: "account" });
    expect(await checkThrottle(db, { email: e, ip: ip(), device: "device-a" }, at(20_000))).toEqual({
      blocked: false,
    });
  });

  it("is not held back by a stranger on the same IP address (an office NAT) either", async () => {
    const e = email();
    const office = ip();
    await fail(e, office, 20);
    expect((await checkThrottle(db, unknownClient(e, office), at(20_000))).blocked).toBe(true);
    expect(await checkThrottle(db, { email: e, ip: office, device: "device-b" }, at(20_000))).toEqual({
      blocked: false,
    });
  });

  it("has a small limit of its own, which the account's other devices do not share", async () => {
    const e = email();
    await fail(e, ip(), FREE_FAILURES + 2, T0, "device-c");
    expect(await checkThrottle(db, { email: e, ip: ip(), device: "device-c" }, at(7_000))).toEqual({
      blocked: true,
      by: "device",
      retryAt: at(6_000 + 4_000),
    });
    expect(await checkThrottle(db, { email: e, ip: ip(), device: "device-d" }, at(7_000))).toEqual({ blocked: false });
    // A device's own failures do not count against the account for unknown clients.
    expect(await checkThrottle(db, unknownClient(e, ip()), at(7_000))).toEqual({ blocked: false });
  });

  it("signing in does not clear the account's count for unknown clients, only the device's own", async () => {
    const e = email();
    await fail(e, ip(), 10); // a stranger: unknown clients wait 32 s after 9 s
    await fail(e, ip(), FREE_FAILURES, T0, "device-e"); // the real user's own typos
    await recordLoginAttempt(db, { email: e, ip: ip(), device: "device-e", success: true, at: at(10_000) });
    expect(await checkThrottle(db, { email: e, ip: ip(), device: "device-e" }, at(10_001))).toEqual({
      blocked: false,
    });
    expect(await checkThrottle(db, unknownClient(e, ip()), at(10_001))).toMatchObject({ blocked: true, by: "account" });
  });
});

describe("an admin lifting the lock", () => {
  it("shows the account's state, and lifting it opens the account and the addresses its failures came from", async () => {
    const e = email();
    const i = ip();
    await fail(e, i, 10);
    const state = await accountState(db, e, at(10_000));
    expect(state).toEqual({ failures: 10, lastFailure: at(9_000), retryAt: at(9_000 + 32_000) });
    expect(await liftLock(db, e, at(10_000))).toBe(10);
    expect(await accountState(db, e, at(10_000))).toEqual({ failures: 0, lastFailure: null, retryAt: null });
    expect(await checkThrottle(db, unknownClient(e, i), at(10_000))).toEqual({ blocked: false });
    // Later failures count again, from zero.
    await fail(e, i, FREE_FAILURES, at(11_000));
    expect((await accountState(db, e, at(16_000))).failures).toBe(FREE_FAILURES);
  });
});
