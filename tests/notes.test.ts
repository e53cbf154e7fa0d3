import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, uniqueSuffix, type TestUser } from "@/test-support/builders";
import { addNote, editNote } from "@/lib/data/writes/notes";
import type { Db } from "@/lib/db/create-client";
import {
  NOTE_EDIT_WINDOW_MS,
  NOTE_MAX,
  mentionedHandles,
  noteEditProblem,
  resolveMentions,
} from "@/lib/domain/note-rules";
import { EditNoteSchema, NoteSchema } from "@/lib/validation/note";
import { auditOf } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// Internal notes (lib/domain/note-rules.ts, lib/data/writes/notes.ts): the 15-minute edit window, @mentions resolved
// against accounts and stored, refusals that write nothing.

describe("note rules", () => {
  it("finds @handles, not email addresses, each once and lower-cased", () => {
    expect(mentionedHandles("Ask @Ana.Khan and @bo_2, cc ana@example.org; @ana.khan. again")).toEqual([
      "ana.khan",
      "bo_2",
    ]);
    expect(mentionedHandles("no mentions here, not even a@b or @ alone")).toEqual([]);
  });

  it("resolves a handle to one active account; nobody, disabled and ambiguous are refused", () => {
    const accounts = [
      { id: 1, email: "ana@x.org", disabledAt: null },
      { id: 2, email: "old@x.org", disabledAt: new Date() },
      { id: 3, email: "twin@x.org", disabledAt: null },
      { id: 4, email: "twin@y.org", disabledAt: null },
    ];
    expect(resolveMentions(["ana"], accounts)).toEqual({ ok: true, userIds: [1] });
    const refused = resolveMentions(["ghost", "old", "twin", "ana"], accounts);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problems).toHaveLength(3);
      expect(refused.problems[0]).toMatch(/@ghost is nobody/);
      expect(refused.problems[1]).toMatch(/@old is a disabled account/);
      expect(refused.problems[2]).toMatch(/@twin matches more than one editor/);
    }
  });

  it("lets only the author edit, and only within 15 minutes", () => {
    const createdAt = new Date("2026-12-01T10:00:00Z");
    const at = (ms: number) => new Date(createdAt.getTime() + ms);
    expect(noteEditProblem({ authorId: 7, createdAt }, 7, at(0))).toBeNull();
    expect(noteEditProblem({ authorId: 7, createdAt }, 7, at(NOTE_EDIT_WINDOW_MS))).toBeNull();
    expect(noteEditProblem({ authorId: 7, createdAt }, 7, at(NOTE_EDIT_WINDOW_MS + 1))).toMatch(/15 minutes/);
    expect(noteEditProblem({ authorId: 7, createdAt }, 8, at(0))).toMatch(/Only the author/);
    expect(noteEditProblem({ authorId: null, createdAt }, 7, at(0))).toMatch(/Only the author/);
  });

  it("refuses an empty note and one over 10,000 characters, with the limit in the message", () => {
    expect(NoteSchema.safeParse({ claimId: 1, text: "x".repeat(NOTE_MAX) }).success).toBe(true);
    const long = NoteSchema.safeParse({ claimId: 1, text: "x".repeat(NOTE_MAX + 1) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe("The note is limited to 10000 characters.");
    expect(NoteSchema.safeParse({ claimId: 1, text: "   " }).success).toBe(false);
    expect(EditNoteSchema.safeParse({ noteId: 1, version: "", text: "x" }).success).toBe(false);
  });
});

describe("addNote / editNote", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let author: TestUser;
  let other: TestUser;
  let handle: string;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    handle = `ana${uniqueSuffix()}`;
    author = await makeTestUser(db, { email: `${handle}@desk.test`, name: "Ana Author" });
    other = await makeTestUser(db, { name: "Other Editor" });
  });
  afterAll(async () => cleanup());

  const count = async () => ({ notes: await db.claimNote.count(), mentions: await db.noteMention.count() });

  it("adds a note with its mentions stored and audited, without moving the claim's version", async () => {
    const claim = await makeTestClaim(db);
    const result = await addNote(db, other, { claimId: claim.id, text: `Please check the figures, @${handle}.` });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const note = await db.claimNote.findUniqueOrThrow({
      where: { id: result.data.noteId },
      select: { authorId: true, version: true, mentions: { select: { userId: true } } },
    });
    expect(note).toEqual({ authorId: other.id, version: 1, mentions: [{ userId: author.id }] });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(1);
    const audit = await auditOf(db, "ClaimNote", result.data.noteId);
    expect(audit).toHaveLength(1);
  });

  it("refuses a mention of nobody or of a disabled account on the text field, writing nothing", async () => {
    const claim = await makeTestClaim(db);
    const disabled = await makeTestUser(db, { email: `gone${uniqueSuffix()}@desk.test`, disabled: true });
    const before = await count();
    const nobody = await addNote(db, author, { claimId: claim.id, text: `Ask @nobody${uniqueSuffix()} about it` });
    expect(nobody.ok).toBe(false);
    if (!nobody.ok) expect(nobody.fieldErrors.text?.[0]).toMatch(/is nobody/);
    const gone = await addNote(db, author, { claimId: claim.id, text: `Ask @${disabled.email.split("@")[0]}` });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.fieldErrors.text?.[0]).toMatch(/disabled account/);
    expect(await count()).toEqual(before);
  });

  it("lets the author edit within the window at the version opened, replacing the mentions", async () => {
    const claim = await makeTestClaim(db);
    const added = await addNote(db, author, { claimId: claim.id, text: `First draft @${handle}` });
    if (!added.ok) throw new Error("not added");
    const edited = await editNote(db, author, { noteId: added.data.noteId, version: 1, text: "Second draft" });
    expect(edited).toEqual({ ok: true, data: { noteId: added.data.noteId, version: 2 } });
    const note = await db.claimNote.findUniqueOrThrow({
      where: { id: added.data.noteId },
      select: { text: true, editedAt: true, mentions: true },
    });
    expect(note.text).toBe("Second draft");
    expect(note.editedAt).not.toBeNull();
    expect(note.mentions).toEqual([]);

    // The same stale version again: refused, nothing changes.
    const stale = await editNote(db, author, { noteId: added.data.noteId, version: 1, text: "Third" });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.fieldErrors.text?.[0]).toMatch(/edited since you opened it/);
    expect((await db.claimNote.findUniqueOrThrow({ where: { id: added.data.noteId } })).text).toBe("Second draft");
  });

  it("refuses an edit by another editor and one after 15 minutes; the note stays as written", async () => {
    const claim = await makeTestClaim(db);
    const added = await addNote(db, author, { claimId: claim.id, text: "Written once" });
    if (!added.ok) throw new Error("not added");
    const noteId = added.data.noteId;
    const byOther = await editNote(db, other, { noteId, version: 1, text: "Hijacked" });
    expect(byOther.ok).toBe(false);
    if (!byOther.ok) expect(byOther.fieldErrors.text?.[0]).toMatch(/Only the author/);

    const created = (await db.claimNote.findUniqueOrThrow({ where: { id: noteId } })).createdAt;
    const later = () => new Date(created.getTime() + NOTE_EDIT_WINDOW_MS + 1000);
    const late = await editNote(db, author, { noteId, version: 1, text: "Too late" }, later);
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.fieldErrors.text?.[0]).toMatch(/15 minutes/);
    expect((await db.claimNote.findUniqueOrThrow({ where: { id: noteId } })).text).toBe("Written once");
    expect(await auditOf(db, "ClaimNote", noteId)).toHaveLength(1);
  });

  it("checks the window in the write itself: a note whose window closed after the read is not changed", async () => {
    const claim = await makeTestClaim(db);
    const added = await addNote(db, author, { claimId: claim.id, text: "On the edge" });
    if (!added.ok) throw new Error("not added");
    const noteId = added.data.noteId;
    const created = (await db.claimNote.findUniqueOrThrow({ where: { id: noteId } })).createdAt;
    // The first call (the read) is inside the window, the next (the write) just outside it.
    const times = [new Date(created.getTime() + NOTE_EDIT_WINDOW_MS - 1)];
    const clock = () => times.shift() ?? new Date(created.getTime() + NOTE_EDIT_WINDOW_MS + 1);
    const result = await editNote(db, author, { noteId, version: 1, text: "Sneaked in" }, clock);
    expect(result.ok).toBe(false);
    expect((await db.claimNote.findUniqueOrThrow({ where: { id: noteId } })).text).toBe("On the edge");
  });
});
