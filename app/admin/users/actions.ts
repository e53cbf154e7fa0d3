"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { invalid, type ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/session";
import { changeRole, createUser, disableUser, enableUser, endSessions, resetPassword } from "@/lib/data/writes/users";
import { db } from "@/lib/db/client";
import {
  ChangeRoleSchema,
  CreateUserSchema,
  ResetPasswordSchema,
  UserRefSchema,
  type ChangeRoleInput,
  type CreateUserInput,
  type ResetPasswordInput,
  type UserRefInput,
} from "@/lib/validation/user";

// Account management. Each action: authorize("ADMIN") → the form's own schema → one transaction with its
// AuditEvent (lib/data/writes/users.ts) → revalidate the admin pages. Nothing here changes what readers see (names
// and claims are untouched), so the reader cache tag is left alone.

type Refusal = { ok: false; fieldErrors: Record<string, string[] | undefined>; formError?: string };

/** Runs the common front half of every action; `run` gets the signed-in admin's id and the parsed values. */
async function asAdmin<S extends z.ZodType, T extends { ok: boolean }>(schema: S, input: unknown, run: (actorId: number, values: z.output<S>) => Promise<T>) {
  const auth = await authorize("ADMIN");
  if (!auth.ok) return { ok: false, fieldErrors: auth.fieldErrors, formError: auth.formError } satisfies Refusal;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await run(auth.user.id, parsed.data);
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function createUserAction(input: CreateUserInput): Promise<ActionResult<{ id: number; email: string; generatedPassword: string | null }>> {
  return asAdmin(CreateUserSchema, input, async (actorId, values) => createUser(await db(), actorId, values, "admin"));
}

export async function disableUserAction(input: UserRefInput): Promise<ActionResult<{ sessionsEnded: number }>> {
  return asAdmin(UserRefSchema, input, async (actorId, { userId }) => disableUser(await db(), actorId, userId));
}

export async function enableUserAction(input: UserRefInput): Promise<ActionResult> {
  return asAdmin(UserRefSchema, input, async (actorId, { userId }) => enableUser(await db(), actorId, userId));
}

export async function changeRoleAction(input: ChangeRoleInput): Promise<ActionResult> {
  return asAdmin(ChangeRoleSchema, input, async (actorId, values) => changeRole(await db(), actorId, values));
}

export async function resetPasswordAction(input: ResetPasswordInput): Promise<ActionResult<{ generatedPassword: string | null; sessionsEnded: number }>> {
  return asAdmin(ResetPasswordSchema, input, async (actorId, values) => resetPassword(await db(), actorId, values));
}

export async function endSessionsAction(input: UserRefInput): Promise<ActionResult<{ sessionsEnded: number }>> {
  return asAdmin(UserRefSchema, input, async (actorId, { userId }) => endSessions(await db(), actorId, userId));
}
