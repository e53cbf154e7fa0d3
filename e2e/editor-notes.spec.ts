import { makeTestClaim, makeTestUser, unique } from "@/test-support/builders";
import { expect, test } from "./fixtures";
import { actionId, callAction } from "./server-actions";

// Internal notes (issue 11, item 4): an editor adds a note with an @mention and edits it within 15 minutes; a mention
// of nobody or of a disabled account, a note over 10,000 characters, someone else's note and a note past its 15
// minutes are refused with a clear message, and nothing is written. That no note reaches readers is e2e/leaks.spec.ts.

const handleOf = (email: string) => email.split("@")[0] as string;

test("an editor adds a note with a mention, edits it, and a mention of nobody is refused at the field", async ({
  editorPage: page,
  editor,
  secondEditor,
  db,
}) => {
  const claim = await makeTestClaim(db);
  await page.goto(`/editor/claims/${claim.id}`);
  const form = page.getByRole("form", { name: "Add a note" });
  const marker = unique("note");
  await form
    .getByLabel("Note (editors only)")
    .fill(`${marker}: @${handleOf(secondEditor.email)} please check the figures.`);
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(form.getByRole("status")).toHaveText("Note added.");
  const note = page.getByTestId("note").filter({ hasText: marker });
  await expect(note).toContainText(editor.name);
  await expect(note).toContainText(`Mentions: ${secondEditor.name}`);
  const stored = await db.claimNote.findFirstOrThrow({
    where: { claimId: claim.id },
    select: { id: true, mentions: { select: { userId: true } } },
  });
  expect(stored.mentions).toEqual([{ userId: secondEditor.id }]);

  // Edited within its 15 minutes: the text changes and the thread says it was edited.
  await note.getByRole("button", { name: "Edit" }).click();
  await note.getByLabel("Note", { exact: true }).fill(`${marker}: figures checked, nothing to add.`);
  await note.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("note").filter({ hasText: "figures checked" })).toContainText("(edited");
  expect(await db.noteMention.count({ where: { noteId: stored.id } })).toBe(0);

  // @nobody: refused at the field, the text stays, nothing written.
  const ghost = unique("ghost").toLowerCase();
  await form.getByLabel("Note (editors only)").fill(`Ask @${ghost} about it`);
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(form.getByRole("alert")).toContainText(`@${ghost} is nobody`);
  await expect(form.getByLabel("Note (editors only)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Note (editors only)")).toHaveValue(`Ask @${ghost} about it`);
  expect(await db.claimNote.count({ where: { claimId: claim.id } })).toBe(1);

  // Over 10,000 characters: the form says so before sending.
  await form.getByLabel("Note (editors only)").fill("x".repeat(10_001));
  await form.getByRole("button", { name: "Add note" }).click();
  await expect(form.getByRole("alert")).toContainText("The note is limited to 10000 characters.");
  expect(await db.claimNote.count({ where: { claimId: claim.id } })).toBe(1);
});

test("the server refuses an oversized note, a disabled mention, another's note and a note past 15 minutes", async ({
  request,
  db,
  editor,
  secondEditor,
}) => {
  const claim = await makeTestClaim(db);
  const path = `/editor/claims/${claim.id}`;
  const add = (text: string, cookie: string) =>
    callAction(request, actionId("addNoteAction", "note-actions"), [{ claimId: claim.id, text }], { path, cookie });
  const edit = (noteId: number, text: string, cookie: string) =>
    callAction(request, actionId("editNoteAction", "note-actions"), [{ noteId, version: 1, text }], { path, cookie });

  const long = await add("x".repeat(10_001), editor.cookie);
  expect(long.status).toBe(200);
  expect(long.result).toMatchObject({ ok: false, fieldErrors: { text: ["The note is limited to 10000 characters."] } });

  const disabled = await makeTestUser(db, { email: `${unique("gone").toLowerCase()}@desk.test`, disabled: true });
  const gone = await add(`Ask @${handleOf(disabled.email)}`, editor.cookie);
  expect(gone.result).toMatchObject({ ok: false, fieldErrors: { text: [expect.stringMatching(/disabled account/)] } });
  expect(await db.claimNote.count({ where: { claimId: claim.id } })).toBe(0);

  const added = await add("Written by the first editor", editor.cookie);
  expect(added.result).toMatchObject({ ok: true });
  const noteId = (await db.claimNote.findFirstOrThrow({ where: { claimId: claim.id }, select: { id: true } })).id;
  const byOther = await edit(noteId, "Changed by someone else", secondEditor.cookie);
  expect(byOther.result).toMatchObject({
    ok: false,
    fieldErrors: { text: [expect.stringMatching(/Only the author/)] },
  });

  await db.claimNote.update({ where: { id: noteId }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
  const late = await edit(noteId, "Changed too late", editor.cookie);
  expect(late.result).toMatchObject({ ok: false, fieldErrors: { text: [expect.stringMatching(/15 minutes/)] } });
  expect(
    await db.claimNote.findUniqueOrThrow({ where: { id: noteId }, select: { text: true, version: true } }),
  ).toEqual({
    text: "Written by the first editor",
    version: 1,
  });
  expect(await db.auditEvent.count({ where: { entity: "ClaimNote", entityId: String(noteId) } })).toBe(1);
});
