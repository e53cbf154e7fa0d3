import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { secureCookies } from "@/lib/auth/session-token";

// The device cookie: proof that this browser signed in to an account before, so a stranger's failed guesses
// cannot keep it out (docs/decisions/0015-sign-in-throttling.md). It proves nothing else: it opens no session and
// is no password. Its value is `<userId>.<deviceId>.<issued, unix seconds>.<HMAC-SHA256>`; the HMAC key is
// DEVICE_SECRET (lib/env.ts), or a random key per process when that is unset.

export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;
const VALUE_MAX = 200;

export type Device = { userId: number; deviceId: string };

let processKey: Buffer | undefined;
function key(): Buffer | string {
  const secret = env().DEVICE_SECRET;
  if (secret) return secret;
  processKey ??= randomBytes(32);
  return processKey;
}

const mac = (k: Buffer | string, payload: string) => createHmac("sha256", k).update(`device-v1|${payload}`).digest();

export function deviceCookieName(): string {
  return secureCookies() ? "__Host-cw_device" : "cw_device";
}

/** A new device id, for a browser that signed in without a valid device cookie for this account. */
export function newDeviceId(): string {
  return randomBytes(16).toString("base64url");
}

export function signDevice(device: Device, now: Date = new Date(), k: Buffer | string = key()): string {
  const payload = `${device.userId}.${device.deviceId}.${Math.floor(now.getTime() / 1000)}`;
  return `${payload}.${mac(k, payload).toString("base64url")}`;
}

/** The device a cookie value stands for, or null when it is malformed, forged, from the future or too old. */
export function verifyDevice(
  value: string | null | undefined,
  now: Date = new Date(),
  k: Buffer | string = key(),
): Device | null {
  if (!value || value.length > VALUE_MAX) return null;
  const match = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]{22})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  const [, userId = "", deviceId = "", issued = "", signature = ""] = match;
  const expected = mac(k, `${userId}.${deviceId}.${issued}`);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const ageS = now.getTime() / 1000 - Number(issued);
  if (ageS < -60 || ageS > DEVICE_COOKIE_MAX_AGE_S) return null;
  return { userId: Number(userId), deviceId };
}
