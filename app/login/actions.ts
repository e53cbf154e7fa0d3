"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { refuse, type ActionFailure, type ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { setSessionCookie } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/login-attempts";
import { signIn } from "@/lib/auth/sign-in";
import type { Db } from "@/lib/db/create-client";
import { formatDateTime } from "@/lib/domain/format";
import {
  DEFAULT_AFTER_LOGIN,
  LoginSchema,
  WRONG_CREDENTIALS,
  safeNextPath,
  type LoginInput,
} from "@/lib/validation/login";

/**
 * Sign-in, through the one runner with no role: a public endpoint by nature, whose guards are the schema, the
 * throttle and the password itself. On success it redirects (outside any try/catch: redirect() works by throwing).
 */
export async function signInAction(input: LoginInput): Promise<ActionFailure> {
  const result = await runAction(
    { role: null, schema: LoginSchema, write: startSession, invalidate: "nothing" },
    input,
  );
  if (!result.ok) return result;
  redirect(safeNextPath(result.data.next) ?? DEFAULT_AFTER_LOGIN);
}

async function startSession(
  db: Db,
  _nobody: null,
  { email, password, next }: LoginInput,
): Promise<ActionResult<{ next: string | undefined }>> {
  const result = await signIn(db, { email, password, ip: clientIp(await headers()) });
  if (!result.ok) {
    if (result.reason === "throttled") {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
      return refuse(
        `Too many failed sign-in attempts. Sign-in is paused until ${formatDateTime(result.retryAt)} ` +
          `(about ${minutes} ${minutes === 1 ? "minute" : "minutes"}); try again then.`,
      );
    }
    if (result.reason === "disabled") return refuse("This account is disabled. Ask an admin to enable it.");
    return refuse(WRONG_CREDENTIALS);
  }
  await setSessionCookie(result.token, result.expiresAt);
  return { ok: true, data: { next } };
}
