import { readSession } from "@/lib/auth/read-session";
import { actorExists, claimIdExists, publishedClaimExists, userIdExists } from "@/lib/data/reads/exists";
import { db } from "@/lib/db/client";
import { rememberedExists } from "@/lib/data/public-page-memo";

// The proxy's reads (proxy.ts): cheap checks made before a page renders, so its status can be real (a 404 for a
// missing claim or actor, a 307 to /login, a 403). Not in Next's cache: the session and claim-number checks run
// against the database as it is now; whether a reader page exists is remembered for at most two seconds and
// forgotten at every write (lib/data/public-page-memo.ts).

export async function readPublicPageExists(kind: "claims" | "actors", slug: string): Promise<boolean> {
  return rememberedExists(`${kind}/${slug}`, async () => {
    const client = await db();
    return kind === "claims" ? publishedClaimExists(client, slug) : actorExists(client, slug);
  });
}

export async function readProxySession(token: string) {
  return readSession(await db(), token);
}

export async function readClaimIdExists(id: string): Promise<boolean> {
  return claimIdExists(await db(), id);
}

/** Only ever asked for an admin's page load (proxy.ts checks the role first). */
export async function readUserIdExists(id: string): Promise<boolean> {
  return userIdExists(await db(), id);
}
