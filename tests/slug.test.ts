import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SLUG_MAX, slugify } from "@/lib/domain/slug";

// lib/domain/slug.ts: no "-s-" from an apostrophe, no word cut in half.

describe("slugify", () => {
  it("keeps a possessive or contraction one word, whatever the apostrophe", () => {
    expect(slugify("Afghanistan's Taliban deny it")).toBe("afghanistans-taliban-deny-it");
    expect(slugify("Afghanistan’s sovereignty")).toBe("afghanistans-sovereignty");
    expect(slugify("Pakistanʼs army didn't strike")).toBe("pakistans-army-didnt-strike");
    // A quote mark around words is not inside one: it still separates.
    expect(slugify("'Safe havens' in Khost")).toBe("safe-havens-in-khost");
    expect(slugify("the TTP' s claim")).toBe("the-ttp-s-claim");
  });

  it("ends a long slug on the last whole word that fits", () => {
    const statement =
      "Pakistan's military says its strikes on the border hit safe havens of the Tehreek-e-Taliban Pakistan in Khost and Paktika provinces";
    const slug = slugify(statement);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug).toBe("pakistans-military-says-its-strikes-on-the-border-hit-safe-havens-of-the-tehreek");
    // The limit falling right after a word keeps that word.
    expect(slugify("abcd efgh ijkl", 9)).toBe("abcd-efgh");
    expect(slugify("abcd efgh ijkl", 8)).toBe("abcd");
    // One word longer than the limit is the only thing ever cut.
    expect(slugify("a".repeat(100))).toBe("a".repeat(SLUG_MAX));
  });

  it("never cuts a word in half (1,000 generated statements)", () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,15}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 10, max: 120 }), (words, max) => {
        const slug = slugify(words.join(" "), max);
        expect(slug.length).toBeLessThanOrEqual(max);
        const full = words.join("-");
        if (full.length <= max) expect(slug).toBe(full);
        else if (words[0]!.length <= max) {
          // A prefix of whole words: the next character of the full slug is a hyphen.
          expect(full.startsWith(slug)).toBe(true);
          expect(full[slug.length]).toBe("-");
        }
      }),
      { numRuns: 1000, seed: 11_007 },
    );
  });
});
