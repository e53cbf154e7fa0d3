import { beforeEach, describe, expect, it } from "vitest";
import { TTL_MS, forgetPublicPages, rememberedExists } from "@/lib/data/public-page-memo";

// The proxy's remembered "is this reader page published?" answers (lib/data/public-page-memo.ts).

function counter(answer: () => boolean) {
  const calls = { n: 0 };
  const read = async () => {
    calls.n++;
    return answer();
  };
  return { calls, read };
}

describe("rememberedExists", () => {
  beforeEach(() => forgetPublicPages());

  it("asks the database once within the TTL and again after it", async () => {
    let published = true;
    const { calls, read } = counter(() => published);
    expect(await rememberedExists("claims/a", read, 1_000)).toBe(true);
    published = false;
    expect(await rememberedExists("claims/a", read, 1_000 + TTL_MS - 1)).toBe(true);
    expect(calls.n).toBe(1);
    expect(await rememberedExists("claims/a", read, 1_000 + TTL_MS)).toBe(false);
    expect(calls.n).toBe(2);
  });

  it("forgets every answer when reader pages expire, so an unpublished claim is 404 on the next request", async () => {
    let published = true;
    const { calls, read } = counter(() => published);
    await rememberedExists("claims/a", read, 0);
    published = false;
    forgetPublicPages();
    expect(await rememberedExists("claims/a", read, 1)).toBe(false);
    expect(calls.n).toBe(2);
  });

  it("keeps claims and actors apart, and remembers a missing page too", async () => {
    const claim = counter(() => false);
    const actor = counter(() => true);
    expect(await rememberedExists("claims/x", claim.read, 0)).toBe(false);
    expect(await rememberedExists("actors/x", actor.read, 0)).toBe(true);
    expect(await rememberedExists("claims/x", claim.read, 1)).toBe(false);
    expect(claim.calls.n + actor.calls.n).toBe(2);
  });

  it("stays bounded: past 10,000 slugs it starts again rather than growing", async () => {
    const { calls, read } = counter(() => false);
    for (let i = 0; i < 10_001; i++) await rememberedExists(`claims/random-${i}`, read, 0);
    expect(calls.n).toBe(10_001);
    // The first slug was dropped when the map filled up, so it is read again.
    await rememberedExists("claims/random-0", read, 1);
    expect(calls.n).toBe(10_002);
  });
});
