import "server-only";
import { updateTag } from "next/cache";
import type { z } from "zod";
import { invalid } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/session";
import { READER_TAG } from "@/lib/data/cache-tags";
import { db } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import type { Editor, WriteResult } from "@/lib/actions/write-result";

/**
 * The one shape of every editor Server Action (house style): who is asking → the form's own schema → the write,
 * which checks what needs the database and writes in one transaction with its AuditEvent → fresh reader pages.
 * A Server Action is a public POST endpoint, so `input` is whatever a request carried: it is parsed, never trusted.
 */
export async function runEditorAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  write: (db: Db, editor: Editor, data: z.output<S>) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  const auth = await authorize("EDITOR");
  if (!auth.ok) return { ok: false, fieldErrors: auth.fieldErrors, formError: auth.formError };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await write(await db(), auth.user, parsed.data);
  // Readers see the change on their next request; the editor's page re-renders in this same response.
  if (result.ok) updateTag(READER_TAG);
  return result;
}
