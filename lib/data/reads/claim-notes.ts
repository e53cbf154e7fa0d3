import type { DbOrTx } from "@/lib/db/create-client";

// A claim's internal notes, oldest first (a thread reads down). Editor pages only: no reader query selects them.

export async function listClaimNotes(db: DbOrTx, claimId: number) {
  return db.claimNote.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      version: true,
      createdAt: true,
      editedAt: true,
      authorId: true,
      author: { select: { name: true, email: true } },
      mentions: { select: { user: { select: { name: true } } }, orderBy: { id: "asc" } },
    },
  });
}
export type ClaimNoteRow = Awaited<ReturnType<typeof listClaimNotes>>[number];
