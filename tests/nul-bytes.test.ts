import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { listPublishedClaims } from "@/lib/data/reads/claims";
import { listSimilarClaims } from "@/lib/data/reads/similar-claims";
import type { Db } from "@/lib/db/create-client";
import { ClaimCreateSchema } from "@/lib/validation/claim";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { LoginSchema } from "@/lib/validation/login";
import { createTestDb } from "./helpers/test-db";

// PostgreSQL refuses NUL (U+0000) in text where SQLite stores it. Text to be stored is refused at the form's field
// (lib/validation/fields.ts); text that is only looked up (search words, a statement checked for duplicates) must
// find nothing for the NUL rather than send it to the database and answer a 500.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

const word = `nulword${Math.random().toString(36).slice(2, 8)}`;

describe("a NUL byte", () => {
  it("in a claim's statement is refused at its field with a message that names it", () => {
    const parsed = ClaimCreateSchema.safeParse({
      statement: `Strike on ${word}\u0000`,
      category: "CASUALTIES",
      kind: "FACT",
      claimant: { mode: "new", actor: { name: "Ministry", kind: "GOVERNMENT" } },
      claimedAt: "2026-11-20",
    });
    expect(parsed.success).toBe(false);
    const statement = parsed.error!.issues.filter((i) => i.path[0] === "statement").map((i) => i.message);
    expect(statement).toEqual([expect.stringContaining("NUL")]);
  });

  it("in the sign-in email is refused by the form's schema", () => {
    expect(LoginSchema.safeParse({ email: "editor\u0000@example.org", password: "long enough" }).success).toBe(false);
  });

  it("in search words or a statement checked for duplicates reads without an error", async () => {
    const claim = await makeTestClaim(db, { statement: `Strike on ${word} reported by the ministry` });
    const search = (q: string) => listPublishedClaims(db, parseClaimFilters({ q }).filters);
    expect((await search(word)).claims.map((c) => c.slug)).toEqual([claim.slug]);
    await expect(search(`${word}\u0000`)).resolves.toBeDefined();
    await expect(search("\u0000")).resolves.toBeDefined();
    await expect(listSimilarClaims(db, `Strike on ${word}\u0000 reported`)).resolves.toBeDefined();
  });
});
