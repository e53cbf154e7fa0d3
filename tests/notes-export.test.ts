import { afterAll, describe, expect, it } from "vitest";
import { exportToString } from "@/lib/data-io/export";
import { addNote, editNote } from "@/lib/data/writes/notes";
import type { Db } from "@/lib/db/create-client";
import { makeTestClaim, makeTestUser } from "@/test-support/builders";
import { bytes, runImport } from "./helpers/data-io";
import { createTestDb } from "./helpers/test-db";

// Internal notes are in the admin's full export (lib/data-io/export.ts) and come back with the import: the author
// matched by email, appended and never rewritten.

type TestDb = { db: Db; url: string; cleanup: () => Promise<void> };
const opened: TestDb[] = [];
async function freshDb(): Promise<TestDb> {
  const made = await createTestDb();
  opened.push(made);
  return made;
}
afterAll(async () => {
  for (const t of opened) await t.cleanup();
});

const notesOf = (db: Db) =>
  db.claimNote.findMany({
    orderBy: { id: "asc" },
    select: { text: true, createdAt: true, editedAt: true, author: { select: { email: true } } },
  });

describe("notes in the export and import", () => {
  it("export → import into a database with the same accounts → the same notes and the same bytes", async () => {
    const a = await freshDb();
    const author = await makeTestUser(a.db, { email: "ana.notes@desk.test" });
    const claim = await makeTestClaim(a.db);
    const first = await addNote(a.db, author, { claimId: claim.id, text: "First note, @ana.notes" });
    if (!first.ok) throw new Error("not added");
    await editNote(a.db, author, { noteId: first.data.noteId, version: 1, text: "First note, edited" });
    await addNote(a.db, author, { claimId: claim.id, text: "Second note" });
    const file = await exportToString(a.db);
    const record = file.split("\n").find((l) => l.includes(claim.slug)) ?? "";
    expect(record).toContain('"notes":[{"author":"ana.notes@desk.test","text":"First note, edited"');

    const b = await freshDb();
    await makeTestUser(b.db, { email: "ana.notes@desk.test" });
    const report = await runImport(b, bytes(file), { fileName: "export.json" });
    expect(report).toMatchObject({ ok: true, counts: { notes: { added: 2 } } });
    expect(await notesOf(b.db)).toEqual(await notesOf(a.db));
    expect(await exportToString(b.db)).toBe(file);

    // Imported again: nothing is added twice.
    const again = await runImport(b, bytes(file), { fileName: "export.json" });
    expect(again).toMatchObject({ ok: true, counts: { notes: { added: 0 } } });
    expect(await b.db.claimNote.count()).toBe(2);
  });

  it("keeps a note whose author has no account here, without an author; refuses a rewritten thread", async () => {
    const a = await freshDb();
    const author = await makeTestUser(a.db, { email: "bo.notes@desk.test" });
    const claim = await makeTestClaim(a.db);
    await addNote(a.db, author, { claimId: claim.id, text: "Kept without its author" });
    const file = await exportToString(a.db);

    const b = await freshDb();
    expect(await runImport(b, bytes(file), { fileName: "export.json" })).toMatchObject({ ok: true });
    expect(await notesOf(b.db)).toMatchObject([{ text: "Kept without its author", author: null }]);

    const rewritten = file.replace("Kept without its author", "Quietly rewritten");
    const refused = await runImport(b, bytes(rewritten), { fileName: "export.json" });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toMatch(/Notes are never rewritten/);
    expect(await notesOf(b.db)).toMatchObject([{ text: "Kept without its author" }]);
  });

  it("refuses a note over 10,000 characters in a file", async () => {
    const a = await freshDb();
    const author = await makeTestUser(a.db, { email: "cy.notes@desk.test" });
    const claim = await makeTestClaim(a.db);
    await addNote(a.db, author, { claimId: claim.id, text: "short" });
    const file = (await exportToString(a.db)).replace('"text":"short"', `"text":"${"x".repeat(10_001)}"`);
    const b = await freshDb();
    const report = await runImport(b, bytes(file), { fileName: "export.json" });
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toContain("The note is limited to 10000 characters.");
    expect(await b.db.claim.count()).toBe(0);
  });
});
