import "server-only";
import { revalidatePath, updateTag } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/client";
import { invalid, refuse, type ActionResult } from "@/lib/actions/result";
import { refuseContention } from "@/lib/actions/refuse-contention";
import { authorize, type CurrentUser } from "@/lib/auth/session";
import { READER_TAG } from "@/lib/data/cache-tags";
import { forgetPublicPages } from "@/lib/data/public-page-memo";
import { db } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import { env, siteUrlIsSet } from "@/lib/env";
import { requestOrigin } from "@/lib/http/client-ip";
import { FOREIGN_ORIGIN, checkOrigin } from "@/lib/http/same-origin";

// The one runner of every Server Action (docs/decisions/0009-one-action-shape.md): who is asking →
// the form's own schema → the write, which checks what needs the database and writes in one transaction with its
// AuditEvent → what the write made stale. A Server Action is a public POST endpoint, so `input` is whatever a
// request carried: it is parsed, never trusted. Redirects happen in the action, after the runner returned.

/** What a successful write makes stale. */
type Invalidate = "readers" | "admin-pages" | "nothing";

const INVALIDATE: Record<Invalidate, () => void> = {
  // Readers see the change on their next request; the writer's own page re-renders in this same response.
  readers: () => {
    updateTag(READER_TAG);
    forgetPublicPages();
  },
  // Accounts: names and claims are untouched, so only the admin pages change, never what readers see.
  "admin-pages": () => revalidatePath("/admin", "layout"),
  nothing: () => {},
};

type Caller<R extends Role | null> = R extends Role ? CurrentUser : null;

type ActionSpec<S extends z.ZodType, T, R extends Role | null> = {
  /** The role the caller must hold; null only for sign-in, whose guards are the schema, the throttle and the password. */
  role: R;
  schema: S;
  write: (db: Db, user: Caller<R>, data: z.output<S>) => Promise<ActionResult<T>>;
  invalidate: Invalidate | ((data: T) => Invalidate);
};

export async function runAction<S extends z.ZodType, T, R extends Role | null>(
  { role, schema, write, invalidate }: ActionSpec<S, T, R>,
  input: unknown,
): Promise<ActionResult<T>> {
  if (await fromForeignOrigin()) return refuse(FOREIGN_ORIGIN);
  let user: CurrentUser | null = null;
  if (role) {
    const auth = await authorize(role);
    if (!auth.ok) return { ok: false, fieldErrors: auth.fieldErrors, formError: auth.formError };
    user = auth.user;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await refuseContention(async () => write(await db(), user as Caller<R>, parsed.data));
  if (result.ok) INVALIDATE[typeof invalidate === "function" ? invalidate(result.data) : invalidate]();
  return result;
}

/**
 * Whether the caller's Origin differs from the site's in scheme, host or port (lib/http/same-origin.ts). A request
 * without an Origin is not a browser's cross-site post (browsers send one with every POST), so it is not refused
 * here. Exported for the one action that does not go through the runner, sign-out (app/logout/actions.ts).
 */
export async function fromForeignOrigin(): Promise<boolean> {
  const h = await headers();
  const expected = siteUrlIsSet() ? env().SITE_URL : requestOrigin(h, env().TRUST_PROXY);
  return checkOrigin(h.get("origin"), expected) === "foreign";
}
