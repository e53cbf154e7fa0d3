"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { fail, invalid, type ActionResult } from "@/lib/actions/result";
import { setSessionCookie } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/login-attempts";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/domain/format";
import { DEFAULT_AFTER_LOGIN, LoginSchema, WRONG_CREDENTIALS, safeNextPath, type LoginInput } from "@/lib/validation/login";

/** Sign-in. A public endpoint by nature: its guards are the schema, the throttle and the password itself. */
export async function signInAction(input: LoginInput): Promise<ActionResult> {
  const parsed = LoginSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, password, next } = parsed.data;

  const result = await signIn(await db(), { email, password, ip: clientIp(await headers()) });
  if (!result.ok) {
    if (result.reason === "throttled") {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60_000));
      return fail(
        `Too many failed sign-in attempts. Sign-in is paused until ${formatDateTime(result.retryAt)} ` +
          `(about ${minutes} ${minutes === 1 ? "minute" : "minutes"}); try again then.`,
      );
    }
    if (result.reason === "disabled") return fail("This account is disabled. Ask an admin to enable it.");
    return fail(WRONG_CREDENTIALS);
  }
  await setSessionCookie(result.token, result.expiresAt);
  redirect(safeNextPath(next) ?? DEFAULT_AFTER_LOGIN);
}
