"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { refuse, type ActionFailure, type ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { deviceCookieName } from "@/lib/auth/device-cookie";
import { setDeviceCookie, setSessionCookie, sessionCookieName } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import type { Db } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { DEFAULT_AFTER_LOGIN, LoginSchema, WRONG_CREDENTIALS, type LoginInput } from "@/lib/validation/login";

/**
 * Sign-in, through the one runner with no role: a public endpoint by nature, whose guards are the schema, the
 * throttle and the password itself. The schema has already made `next` a safe ASCII path (or dropped it) before
 * any session exists. On success it redirects (outside any try/catch: redirect() works by throwing).
 */
export async function signInAction(input: LoginInput): Promise<ActionFailure> {
  const result = await runAction(
    { role: null, schema: LoginSchema, write: startSession, invalidate: "nothing" },
    input,
  );
  if (!result.ok) return result;
  redirect(result.data.next ?? DEFAULT_AFTER_LOGIN);
}

async function startSession(
  db: Db,
  _nobody: null,
  { email, password, next }: { email: string; password: string; next: string | undefined },
): Promise<ActionResult<{ next: string | undefined }>> {
  const jar = await cookies();
  const result = await signIn(db, {
    email,
    password,
    ip: clientIp(await headers(), env().TRUST_PROXY),
    deviceCookie: jar.get(deviceCookieName())?.value,
    previousSessionToken: jar.get(sessionCookieName())?.value,
  });
  if (!result.ok) {
    if (result.reason === "throttled") {
      const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
      return refuse(`Too many attempts; try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`);
    }
    if (result.reason === "disabled") return refuse("This account is disabled. Ask an admin to enable it.");
    return refuse(WRONG_CREDENTIALS);
  }
  await setSessionCookie(result.token, result.expiresAt);
  await setDeviceCookie(result.deviceCookie);
  return { ok: true, data: { next } };
}
