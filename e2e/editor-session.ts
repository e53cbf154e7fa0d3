import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/client";
import { createUser, e2eDb } from "./db";

/**
 * A signed-in user for requests made without a browser (Server Actions over HTTP): a session row with a fresh
 * token, and the Cookie header that carries it.
 */
export async function sessionFor(role: Role = "EDITOR") {
  const user = await createUser(role);
  const token = randomBytes(32).toString("base64url");
  const db = await e2eDb();
  await db.session.create({
    data: { userId: user.id, tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 3600_000) },
  });
  return { user, cookie: `cw_session=${token}` };
}
