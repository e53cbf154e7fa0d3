import { readSession } from "@/lib/auth/read-session";
import { actorExists, claimIdExists, claimPageState, userIdExists, type ClaimPageState } from "@/lib/data/reads/exists";
import { db } from "@/lib/db/client";
import { incidentIdExists } from "@/lib/data/reads/editor-incidents";
import { publicIncidentExists } from "@/lib/data/reads/incidents";
import { remembered, rememberedExists } from "@/lib/data/public-page-memo";

// The proxy's reads (proxy.ts): cheap checks made before a page renders, so its status can be real (a 404 for a
// missing claim or actor, a 410 for a withdrawn claim, a 307 to /login, a 403). Not in Next's cache: the session and
// claim-number checks run against the database as it is now; what a reader page shows is remembered for at most two
// seconds and forgotten at every write (lib/data/public-page-memo.ts).

/** Whether a claim URL shows its page, the 410 page of a withdrawal, or a 404. */
export async function readClaimPageState(slug: string): Promise<ClaimPageState> {
  return remembered(`claims/${slug}`, async () => claimPageState(await db(), slug));
}

export async function readActorPageExists(slug: string): Promise<boolean> {
  return rememberedExists(`actors/${slug}`, async () => actorExists(await db(), slug));
}

/** An incident readers may see: one with a published claim (docs/decisions/0026-incidents.md). */
export async function readIncidentPageExists(slug: string): Promise<boolean> {
  return rememberedExists(`incidents/${slug}`, async () => publicIncidentExists(await db(), slug));
}

/** Any incident, by the number in /editor/incidents/<id>. */
export async function readIncidentIdExists(id: string): Promise<boolean> {
  return incidentIdExists(await db(), id);
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
