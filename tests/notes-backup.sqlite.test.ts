import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, uniqueSuffix } from "@/test-support/builders";
import { addNote } from "@/lib/data/writes/notes";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { sqliteFilePath } from "@/lib/sqlite/connection";
import { backupDatabase, restoreDatabase } from "@/lib/sqlite/backup";
import { createTestDb } from "./helpers/test-db";

// Issue 11, item 4: internal notes are in the admin's backup — a note, its author and its mentions come back from
// `npm run db:backup` and `npm run db:restore` (lib/sqlite/backup.ts). The export's side: tests/notes-export.test.ts.

let db: Db;
let file: string;
let cleanup: () => Promise<void>;
const dir = path.resolve("tmp/unit", `notes-backup-${process.pid}-${Date.now()}`);

beforeAll(async () => {
  let url: string;
  ({ db, url, cleanup } = await createTestDb());
  file = sqliteFilePath(url);
  fs.mkdirSync(dir, { recursive: true });
});
afterAll(async () => {
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("notes in a backup", () => {
  it("come back from backup → restore with their author, text, time and mentions", async () => {
    const handle = `nb${uniqueSuffix()}`;
    const mentioned = await makeTestUser(db, { email: `${handle}@desk.test` });
    const author = await makeTestUser(db);
    const claim = await makeTestClaim(db);
    const text = `Backup probe ${uniqueSuffix()}: ask @${handle} about the second figure.`;
    const added = await addNote(db, author, { claimId: claim.id, text });
    expect(added.ok).toBe(true);
    const select = {
      text: true,
      authorId: true,
      createdAt: true,
      version: true,
      mentions: { select: { userId: true } },
    } as const;
    const stored = await db.claimNote.findFirstOrThrow({ where: { claimId: claim.id }, select });

    const backup = path.join(dir, "with-notes.db");
    await backupDatabase(file, backup);
    const restoredTo = path.join(dir, "restored.db");
    await restoreDatabase(backup, restoredTo);
    const restored = await createPrismaClient(`file:${restoredTo}`);
    try {
      const back = await restored.claimNote.findFirstOrThrow({ where: { claimId: claim.id }, select });
      expect(back).toEqual(stored);
      expect(back).toMatchObject({ text, authorId: author.id, mentions: [{ userId: mentioned.id }] });
    } finally {
      await restored.$disconnect();
    }
  });
});
