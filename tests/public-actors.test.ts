import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { findActorBySlug, getActorProfile, listActors } from "@/lib/data/reads/actors";
import { actorExists } from "@/lib/data/reads/exists";
import { setPublished } from "@/lib/data/writes/claims";
import { approveProposal } from "@/lib/data/writes/proposals";
import { setActorPublished } from "@/lib/data/writes/actors";
import { ActorPublishSchema } from "@/lib/validation/actor";
import type { Db } from "@/lib/db/create-client";
import { auditOf, tableCounts } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// Which actors readers see (lib/data/reads/public-actor.ts; issue 10, item 2): an actor typed into a draft stays
// unseen on every reader read until a claim naming it is published or an editor publishes the actor.

let db: Db;
let cleanup: () => Promise<void>;
let editor: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  editor = await makeTestUser(db);
});
afterAll(async () => cleanup());

/** What every reader read says about one actor. */
async function seenByReaders(slug: string) {
  const listed = (await listActors(db)).some((a) => a.slug === slug);
  const found = (await findActorBySlug(db, slug)) !== null;
  const profile = (await getActorProfile(db, slug)) !== null;
  const exists = await actorExists(db, slug);
  return { listed, found, profile, exists };
}
const hidden = { listed: false, found: false, profile: false, exists: false };
const shown = { listed: true, found: true, profile: true, exists: true };

describe("public actors", () => {
  it("hides an actor whose only claim is a draft, and shows it once that claim is published", async () => {
    const draft = await makeTestClaim(db, { published: false });
    expect(await seenByReaders(draft.claimant.slug)).toEqual(hidden);

    const published = await setPublished(db, editor, { claimId: draft.id, version: 1, publish: true, confirm: true });
    expect(published.ok).toBe(true);
    expect(await seenByReaders(draft.claimant.slug)).toEqual(shown);

    // Taking it down is a retraction: proposed, and in effect once a second editor approves it.
    const reason = "Published by mistake before the claimant was confirmed.";
    const back = await setPublished(db, editor, { claimId: draft.id, version: 2, publish: false, reason });
    expect(back).toMatchObject({ ok: true, data: { proposalId: expect.any(Number) } });
    expect(await seenByReaders(draft.claimant.slug)).toEqual(shown);
    const reviewer = await makeTestUser(db);
    const approved = await approveProposal(db, reviewer, {
      claimId: draft.id,
      proposalId: back.ok ? back.data.proposalId! : 0,
    });
    expect(approved.ok).toBe(true);
    expect(await seenByReaders(draft.claimant.slug)).toEqual(hidden);
  });

  it("shows the reporter of a figure on a published claim, whose page names it", async () => {
    const reporter = await makeTestClaim(db, { published: false });
    await makeTestClaim(db, { figures: [{ min: 1, max: 2, reportedById: reporter.claimant.id }] });
    expect(await seenByReaders(reporter.claimant.slug)).toEqual(shown);
  });

  it("shows an actor an editor published, with an audit event, and hides it again when unpublished", async () => {
    const draft = await makeTestClaim(db, { published: false });
    const actorId = draft.claimant.id;
    const on = await setActorPublished(db, editor, ActorPublishSchema.parse({ actorId, published: true }));
    expect(on).toEqual({ ok: true, data: { published: true } });
    expect(await seenByReaders(draft.claimant.slug)).toEqual(shown);

    const before = await tableCounts(db);
    const again = await setActorPublished(db, editor, { actorId, published: true });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.fieldErrors.published?.[0]).toMatch(/already shown/);
    expect(await tableCounts(db)).toEqual(before);

    const off = await setActorPublished(db, editor, { actorId, published: false });
    expect(off.ok).toBe(true);
    expect(await seenByReaders(draft.claimant.slug)).toEqual(hidden);
    expect(await auditOf(db, "Actor", actorId)).toEqual([
      { userId: editor.id, action: "publish", changes: { published: [false, true] } },
      { userId: editor.id, action: "unpublish", changes: { published: [true, false] } },
    ]);
  });

  it("refuses an unknown actor and input that is not a boolean", async () => {
    const missing = await setActorPublished(db, editor, { actorId: 99_999_999, published: true });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.fieldErrors.actorId?.[0]).toMatch(/no longer exists/);
    expect(ActorPublishSchema.safeParse({ actorId: 1, published: "yes" }).success).toBe(false);
    expect(ActorPublishSchema.safeParse({ actorId: { gt: 0 }, published: true }).success).toBe(false);
  });
});
