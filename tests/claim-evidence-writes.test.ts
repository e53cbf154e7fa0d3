import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { getPublishedClaim } from "@/lib/data/reads/claims";
import { addFigure, removeFigure } from "@/lib/data/writes/figures";
import { addLink, removeLink } from "@/lib/data/writes/links";
import { attachSource, detachSource } from "@/lib/data/writes/sources";
import type { Db } from "@/lib/db/create-client";
import { FigureSchema } from "@/lib/validation/figure";
import { LinkSchema } from "@/lib/validation/link";
import { AttachSourceSchema } from "@/lib/validation/source";
import { auditOf, tableCounts } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// Sources, figures and links of a claim: each write moves the claim's counter on and is audited; it checks its own
// rows, not the version the form holds (docs/decisions/0025-conflicts-per-field.md).

let db: Db;
let cleanup: () => Promise<void>;
let editor: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  editor = await makeTestUser(db, { name: "Evidence Editor" });
});
afterAll(async () => cleanup());

const version = async (id: number) =>
  (await db.claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const newSource = (overrides: Record<string, unknown> = {}) => ({
  mode: "new",
  fields: {
    url: "https://example.org/report",
    title: "Provincial hospital register",
    publisher: "Example Wire",
    publishedAt: "2026-11-21",
    type: "NEWS_REPORT",
    archiveUrl: "",
    derivedFromId: "",
    protected: false,
    protectedReason: "",
    ...overrides,
  },
});

describe("attachSource / detachSource", () => {
  it("creates a new source with its stance, audits both rows and moves the version", async () => {
    const claim = await makeTestClaim(db, { sources: [] });
    const result = await attachSource(
      db,
      editor,
      AttachSourceSchema.parse({
        claimId: claim.id,
        version: 1,
        stance: "REFUTES",
        note: "Counts differ",
        source: newSource(),
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    if (!result.ok) return;
    expect(await version(claim.id)).toBe(2);
    expect(await auditOf(db, "Source", result.data.sourceId)).toMatchObject([
      { action: "create", changes: { title: "Provincial hospital register" } },
    ]);
    const link = await db.claimSource.findFirstOrThrow({
      where: { claimId: claim.id },
      select: { id: true, stance: true, note: true },
    });
    expect(link).toMatchObject({ stance: "REFUTES", note: "Counts differ" });
    expect(await auditOf(db, "ClaimSource", link.id)).toMatchObject([
      { action: "create", userId: editor.id, changes: { claimVersion: [1, 2] } },
    ]);
  });

  it("keeps a protected source's identity from readers, and drops the reason of an unprotected one", async () => {
    const claim = await makeTestClaim(db, { sources: [] });
    const protectedOne = await attachSource(
      db,
      editor,
      AttachSourceSchema.parse({
        claimId: claim.id,
        version: 1,
        stance: "SUPPORTS",
        source: newSource({ title: "Named nurse", protected: true, protectedReason: "Works at the hospital" }),
      }),
    );
    expect(protectedOne.ok).toBe(true);
    const open = await attachSource(
      db,
      editor,
      AttachSourceSchema.parse({
        claimId: claim.id,
        version: 2,
        stance: "CONTEXT",
        source: newSource({ title: "Open report", protectedReason: "left over" }),
      }),
    );
    if (!open.ok) throw new Error("attach failed");
    expect(
      (await db.source.findUniqueOrThrow({ where: { id: open.data.sourceId }, select: { protectedReason: true } }))
        .protectedReason,
    ).toBeNull();
    const reader = await getPublishedClaim(db, claim.slug);
    expect(JSON.stringify(reader)).not.toContain("Named nurse");
    expect(reader?.sources.find((s) => s.withheld)).toMatchObject({ reason: "Works at the hospital" });
  });

  it("links an existing source once; a second time, or an unknown source, is a field error", async () => {
    const claim = await makeTestClaim(db, { sources: [] });
    const other = await makeTestClaim(db);
    const sourceId = other.sources[0]!.id;
    const pick = (id: number, v: number) =>
      AttachSourceSchema.parse({
        claimId: claim.id,
        version: v,
        stance: "SUPPORTS",
        source: { mode: "existing", sourceId: id },
      });
    expect((await attachSource(db, editor, pick(sourceId, 1))).ok).toBe(true);
    const before = await tableCounts(db);
    expect(await attachSource(db, editor, pick(sourceId, 2))).toMatchObject({
      ok: false,
      fieldErrors: { "source.sourceId": [expect.stringMatching(/already linked/)] },
    });
    expect(await attachSource(db, editor, pick(999_999, 2))).toMatchObject({
      ok: false,
      fieldErrors: { "source.sourceId": [expect.stringMatching(/does not exist/)] },
    });
    const badOrigin = AttachSourceSchema.parse({
      claimId: claim.id,
      version: 2,
      stance: "SUPPORTS",
      source: newSource({ derivedFromId: 999_999 }),
    });
    expect(await attachSource(db, editor, badOrigin)).toMatchObject({
      ok: false,
      fieldErrors: { "source.fields.derivedFromId": [expect.any(String)] },
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("adds a source from a page whose version moved on since (another editor's save), and says so", async () => {
    const claim = await makeTestClaim(db, { sources: [] });
    await db.claim.update({ where: { id: claim.id }, data: { version: 2 } });
    const result = await attachSource(
      db,
      editor,
      AttachSourceSchema.parse({ claimId: claim.id, version: 1, stance: "SUPPORTS", source: newSource() }),
    );
    // previousVersion 2 is not the page's 1: the page must not take 3 as its own (its status form stays stale).
    expect(result).toMatchObject({ ok: true, data: { previousVersion: 2, version: 3 } });
    expect(await db.claimSource.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("refuses to remove a source another editor removed first, writing nothing", async () => {
    const claim = await makeTestClaim(db, { sources: [{ stance: "SUPPORTS" }, { stance: "CONTEXT" }] });
    const first = await detachSource(db, editor, { claimId: claim.id, version: 1, sourceId: claim.sources[0]!.id });
    expect(first.ok).toBe(true);
    const before = await tableCounts(db);
    const second = await detachSource(db, editor, { claimId: claim.id, version: 1, sourceId: claim.sources[0]!.id });
    expect(second).toMatchObject({ ok: false, fieldErrors: { sourceId: [expect.stringMatching(/not linked/)] } });
    expect(await tableCounts(db)).toEqual(before);
    expect(await version(claim.id)).toBe(2);
  });

  it("removes a source, but not one a figure cites, not another claim's, and not the last one of a final verdict", async () => {
    const claim = await makeTestClaim(db, { status: "FALSE", sources: [{ stance: "REFUTES" }, { stance: "CONTEXT" }] });
    const [cited, spare] = claim.sources;
    await db.casualtyFigure.create({
      data: {
        claimId: claim.id,
        reportedById: claim.claimant.id,
        sourceId: cited!.id,
        population: "CIVILIANS",
        outcome: "KILLED",
        min: 1,
        max: 1,
      },
    });
    const foreign = (await makeTestClaim(db)).sources[0]!.id;

    expect(await detachSource(db, editor, { claimId: claim.id, version: 1, sourceId: cited!.id })).toMatchObject({
      ok: false,
      fieldErrors: { sourceId: [expect.stringMatching(/cites this source/)] },
    });
    expect(await detachSource(db, editor, { claimId: claim.id, version: 1, sourceId: foreign })).toMatchObject({
      ok: false,
      fieldErrors: { sourceId: [expect.stringMatching(/not linked/)] },
    });

    const removed = await detachSource(db, editor, { claimId: claim.id, version: 1, sourceId: spare!.id });
    expect(removed).toEqual({ ok: true, data: { previousVersion: 1, version: 2 } });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entity: "ClaimSource", action: "delete" },
      orderBy: { id: "desc" },
      select: { changes: true },
    });
    expect(JSON.parse(audit.changes)).toMatchObject({ claimId: claim.id, sourceId: spare!.id, stance: "CONTEXT" });

    await db.casualtyFigure.deleteMany({ where: { claimId: claim.id } });
    expect(await detachSource(db, editor, { claimId: claim.id, version: 2, sourceId: cited!.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/final verdict needs at least one source/),
    });
  });
});

describe("addFigure / removeFigure", () => {
  const figure = (claimId: number, v: number, overrides: Record<string, unknown>) =>
    FigureSchema.parse({
      claimId,
      version: v,
      population: "CIVILIANS",
      outcome: "KILLED",
      min: "4",
      max: "9",
      sourceId: "",
      reportedAt: "2026-11-22",
      note: "",
      ...overrides,
    });

  it("adds a figure citing one of the claim's sources, and audits it", async () => {
    const claim = await makeTestClaim(db);
    const result = await addFigure(
      db,
      editor,
      figure(claim.id, 1, { reportedById: claim.claimant.id, sourceId: claim.sources[0]!.id }),
    );
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    if (!result.ok) return;
    expect(await auditOf(db, "CasualtyFigure", result.data.figureId)).toMatchObject([
      { action: "create", changes: { min: 4, max: 9, population: "CIVILIANS" } },
    ]);
    const reader = await getPublishedClaim(db, claim.slug);
    expect(reader?.figures).toMatchObject([{ min: 4, max: 9, outcome: "KILLED" }]);
  });

  it("adds a figure with the reason no source can be named, which readers see in its place", async () => {
    const claim = await makeTestClaim(db);
    const reason = "Given by a local official by phone; no document.";
    const result = await addFigure(
      db,
      editor,
      figure(claim.id, 1, { reportedById: claim.claimant.id, noSourceReason: reason }),
    );
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    const reader = await getPublishedClaim(db, claim.slug);
    expect(reader?.figures).toMatchObject([{ min: 4, max: 9, source: null, noSourceReason: reason }]);
  });

  it("refuses an unknown reporter and a source that is not the claim's, writing nothing", async () => {
    const claim = await makeTestClaim(db);
    const foreignSource = (await makeTestClaim(db)).sources[0]!.id;
    const before = await tableCounts(db);
    const result = await addFigure(db, editor, figure(claim.id, 1, { reportedById: 999_999, sourceId: foreignSource }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["reportedById", "sourceId"]);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("lets the database refuse min > max even when the schema is bypassed", async () => {
    const claim = await makeTestClaim(db);
    const before = await tableCounts(db);
    const bypass = {
      ...figure(claim.id, 1, { reportedById: claim.claimant.id, noSourceReason: "Told to our reporter by phone." }),
      min: 10,
      max: 2,
    };
    await expect(addFigure(db, editor, bypass)).rejects.toThrow();
    expect(await tableCounts(db)).toEqual(before);
    expect(await version(claim.id)).toBe(1);
  });

  it("removes only a figure of this claim", async () => {
    const a = await makeTestClaim(db, { figures: [{ min: 1, max: 2 }] });
    const b = await makeTestClaim(db, { figures: [{ min: 3, max: 3 }] });
    const figureOfB = await db.casualtyFigure.findFirstOrThrow({ where: { claimId: b.id }, select: { id: true } });
    expect(await removeFigure(db, editor, { claimId: a.id, version: 1, figureId: figureOfB.id })).toMatchObject({
      ok: false,
      fieldErrors: { figureId: [expect.any(String)] },
    });
    const figureOfA = await db.casualtyFigure.findFirstOrThrow({ where: { claimId: a.id }, select: { id: true } });
    expect(await removeFigure(db, editor, { claimId: a.id, version: 1, figureId: figureOfA.id })).toEqual({
      ok: true,
      data: { previousVersion: 1, version: 2 },
    });
    expect(await auditOf(db, "CasualtyFigure", figureOfA.id)).toMatchObject([
      { action: "delete", changes: { min: 1, max: 2 } },
    ]);
    expect(await db.casualtyFigure.count({ where: { claimId: b.id } })).toBe(1);
  });
});

describe("addLink / removeLink", () => {
  it("links two claims once per type and audits it", async () => {
    const denial = await makeTestClaim(db);
    const claim = await makeTestClaim(db);
    const link = (v: number, type = "DENIES") =>
      LinkSchema.parse({ claimId: denial.id, version: v, type, targetId: claim.id, note: "" });
    const result = await addLink(db, editor, link(1));
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    if (!result.ok) return;
    expect(await auditOf(db, "ClaimLink", result.data.linkId)).toMatchObject([
      { action: "create", changes: { fromId: denial.id, toId: claim.id, type: "DENIES" } },
    ]);
    expect((await getPublishedClaim(db, claim.slug))?.links).toMatchObject([{ direction: "incoming", type: "DENIES" }]);

    const before = await tableCounts(db);
    expect(await addLink(db, editor, link(2))).toMatchObject({
      ok: false,
      fieldErrors: { targetId: [expect.stringMatching(/link exists/)] },
    });
    expect(await tableCounts(db)).toEqual(before);
    expect((await addLink(db, editor, link(2, "CONTRADICTS"))).ok).toBe(true);
  });

  it("refuses a self-link and an unknown target, even when the schema is bypassed", async () => {
    const claim = await makeTestClaim(db);
    const before = await tableCounts(db);
    expect(
      await addLink(db, editor, { claimId: claim.id, version: 1, type: "QUALIFIES", targetId: claim.id }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { targetId: [expect.stringMatching(/itself/)] },
    });
    expect(
      await addLink(db, editor, { claimId: claim.id, version: 1, type: "QUALIFIES", targetId: 999_999 }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { targetId: [expect.stringMatching(/does not exist/)] },
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("removes only a link that starts from this claim", async () => {
    const a = await makeTestClaim(db);
    const b = await makeTestClaim(db, { links: [{ toId: a.id, type: "RESPONDS_TO" }] });
    const link = await db.claimLink.findFirstOrThrow({ where: { fromId: b.id }, select: { id: true } });
    expect(await removeLink(db, editor, { claimId: a.id, version: 1, linkId: link.id })).toMatchObject({
      ok: false,
      fieldErrors: { linkId: [expect.any(String)] },
    });
    expect(await removeLink(db, editor, { claimId: b.id, version: 1, linkId: link.id })).toEqual({
      ok: true,
      data: { previousVersion: 1, version: 2 },
    });
    expect(await auditOf(db, "ClaimLink", link.id)).toMatchObject([
      { action: "delete", changes: { fromId: b.id, toId: a.id } },
    ]);
  });
});
