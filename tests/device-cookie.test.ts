import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE_MAX_AGE_S, newDeviceId, signDevice, verifyDevice } from "@/lib/auth/device-cookie";

const KEY = "a test key of at least thirty-two characters";
const now = new Date("2026-12-01T12:00:00Z");

describe("the device cookie", () => {
  it("stands for the account and device it was signed for", () => {
    const device = { userId: 7, deviceId: newDeviceId() };
    expect(verifyDevice(signDevice(device, now, KEY), now, KEY)).toEqual(device);
  });

  it("is refused when changed, signed with another key, too old, from the future or malformed", () => {
    const value = signDevice({ userId: 7, deviceId: newDeviceId() }, now, KEY);
    const otherUser = value.replace(/^7\./, "8.");
    expect(verifyDevice(otherUser, now, KEY)).toBeNull();
    expect(verifyDevice(value, now, "another key of at least thirty-two characters")).toBeNull();
    const later = new Date(now.getTime() + (DEVICE_COOKIE_MAX_AGE_S + 1) * 1000);
    expect(verifyDevice(value, later, KEY)).toBeNull();
    expect(verifyDevice(value, new Date(now.getTime() - 3600_000), KEY)).toBeNull();
    for (const bad of ["", "x", `${value}x`, value.slice(0, -1), "a".repeat(1000), undefined, null])
      expect(verifyDevice(bad, now, KEY)).toBeNull();
  });
});
