import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { getParity } from "@/lib/data/reads/dashboard";
import { setActorSide } from "@/lib/data/writes/actors";
import { ActorSideSchema } from "@/lib/validation/actor";
import type { Db } from "@/lib/db/create-client";
import { auditOf } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// Item 8 of issue 11: parity groups claimants by their side in the story, not by their country, and an editor sets
// the side (or none) with an audit event.

let db: Db;
let cleanup: () => Promise<void>;
let editor: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  editor = await makeTestUser(db);
});
afterAll(async () => cleanup());

const actor = (slug: string, country: string | null, side: string | null) =>
  db.actor.create({ data: { slug, name: slug, kind: "GOVERNMENT", country, side }, select: { id: true } });

describe("parity by side", () => {
  it("files the TTP apart from Pakistan's government although both are in Pakistan", async () => {
    const { db: fresh, cleanup: done } = await createTestDb();
    try {
      const make = (slug: string, country: string | null, side: string | null) =>
        fresh.actor.create({ data: { slug, name: slug, kind: "GOVERNMENT", country, side }, select: { id: true } });
      const islamabad = await make("gov-pk", "PK", "Pakistan");
      const army = await make("army-pk", "PK", "Pakistan");
      const ttp = await make("ttp", "PK", "TTP");
      const un = await make("un", null, null);
      await makeTestClaim(fresh, { claimantId: islamabad.id, status: "DISPUTED" });
      await makeTestClaim(fresh, { claimantId: army.id, status: "FALSE" });
      await makeTestClaim(fresh, { claimantId: ttp.id, status: "DISPUTED" });
      await makeTestClaim(fresh, { claimantId: un.id, kind: "POSITION" });
      await makeTestClaim(fresh, { claimantId: ttp.id, status: "CONFIRMED", published: false });

      const parity = await getParity(fresh);
      expect(parity.map((s) => [s.side, s.total])).toEqual([
        ["Pakistan", 2],
        ["TTP", 1],
        [null, 1],
      ]);
      expect(parity[0]?.byStatus).toMatchObject({ DISPUTED: 1, FALSE: 1 });
      // The draft's CONFIRMED is not counted, and the TTP's disputed claim is not under Pakistan.
      expect(parity[1]?.byStatus).toMatchObject({ DISPUTED: 1, CONFIRMED: 0 });
      expect(parity[2]).toMatchObject({ positions: 1, byStatus: { UNVERIFIED: 0 } });
    } finally {
      await done();
    }
  });
});

describe("setting an actor's side", () => {
  it("normalises spaces, sets and clears the side, each with an audit event of old and new", async () => {
    const { id } = await actor("side-a", "AF", null);
    const set = await setActorSide(
      db,
      editor,
      ActorSideSchema.parse({ actorId: id, side: "  Afghanistan \n (Taliban) " }),
    );
    expect(set).toEqual({ ok: true, data: { side: "Afghanistan (Taliban)" } });
    const cleared = await setActorSide(db, editor, ActorSideSchema.parse({ actorId: id, side: "" }));
    expect(cleared).toEqual({ ok: true, data: { side: null } });
    expect(await db.actor.findUniqueOrThrow({ where: { id }, select: { side: true } })).toEqual({ side: null });
    expect(await auditOf(db, "Actor", id)).toEqual([
      { userId: editor.id, action: "set-side", changes: { side: [null, "Afghanistan (Taliban)"] } },
      { userId: editor.id, action: "set-side", changes: { side: ["Afghanistan (Taliban)", null] } },
    ]);
  });

  it("refuses no change, a missing actor, control characters and an over-long side, writing nothing", async () => {
    const { id } = await actor("side-b", "PK", "Pakistan");
    const before = await db.auditEvent.count();
    expect(await setActorSide(db, editor, { actorId: id, side: "Pakistan" })).toMatchObject({
      ok: false,
      fieldErrors: { side: ["This actor is already on “Pakistan”."] },
    });
    expect(await setActorSide(db, editor, { actorId: 99_999_999, side: "X" })).toMatchObject({
      ok: false,
      fieldErrors: { actorId: ["This actor no longer exists."] },
    });
    const bad = (side: string) => ActorSideSchema.safeParse({ actorId: id, side }).error?.issues[0]?.message;
    expect(bad("Pak\u0007istan")).toMatch(/The side/);
    expect(bad("x".repeat(81))).toBe("The side is limited to 80 characters.");
    expect(bad("\uD800")).toBe("The side contains an invalid character.");
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.actor.findUniqueOrThrow({ where: { id }, select: { side: true } })).toEqual({ side: "Pakistan" });
  });
});

describe("setting an actor's side: generated input", () => {
  it("stores exactly the normalised label or refuses at a field, writing nothing (300 inputs)", async () => {
    const { id } = await actor("side-fuzz", null, null);
    const input = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.string({ unit: "binary", maxLength: 100 }),
      fc.string({ unit: fc.constantFrom("\u0000", "\u0007", "\uD800", "\uDC00", " ", "\n", "a", "Ü"), maxLength: 90 }),
      fc.constantFrom(null, undefined, 7, {}, [], true),
    );
    await fc.assert(
      fc.asyncProperty(input, async (side) => {
        const before = await db.actor.findUniqueOrThrow({ where: { id }, select: { side: true } });
        const audits = await db.auditEvent.count();
        const parsed = ActorSideSchema.safeParse({ actorId: id, side });
        const result = parsed.success ? await setActorSide(db, editor, parsed.data) : null;
        const after = await db.actor.findUniqueOrThrow({ where: { id }, select: { side: true } });
        if (result?.ok) {
          expect(after.side).toBe(result.data.side);
          expect(after.side === null || after.side === after.side.replace(/\s+/g, " ").trim()).toBe(true);
          expect(await db.auditEvent.count()).toBe(audits + 1);
        } else {
          // Refused by the schema (with the side's own message) or as no change: nothing written.
          if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(["side"]);
          else expect(result?.ok === false && result.fieldErrors.side?.length).toBeTruthy();
          expect(after).toEqual(before);
          expect(await db.auditEvent.count()).toBe(audits);
        }
      }),
      { numRuns: 300 },
    );
  });
});
