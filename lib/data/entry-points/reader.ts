import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db/client";
import { getPublishedClaim, listPublishedClaims } from "@/lib/data/reads/claims";
import {
  getCategoryCounts,
  getParity,
  getStatusCounts,
  listMostContested,
  listRecentlyChanged,
} from "@/lib/data/reads/dashboard";
import { findActorBySlug, getActorProfile, listActors } from "@/lib/data/reads/actors";
import { listCorrections } from "@/lib/data/reads/corrections";
import { listFeedChanges } from "@/lib/data/reads/feed";
import { listSimilarToClaim } from "@/lib/data/reads/similar-claims";
import { PAGE_SIZE, type ClaimFilters } from "@/lib/validation/claim-filters";
import { READER_TAG } from "@/lib/data/cache-tags";

// The cached entry points of reader pages. Each result is cached by its arguments and tagged; every write calls
// updateTag(READER_TAG) (lib/data/cache-tags.ts) so readers see it at once. The "claims" cacheLife (next.config.js)
// bounds how long a write made outside this server (seed, import) stays unseen.

export async function readClaimList(filters: ClaimFilters, pageSize = PAGE_SIZE) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return listPublishedClaims(await db(), filters, pageSize);
}

export async function readClaim(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return getPublishedClaim(await db(), slug);
}

/** The broad tag, not the claim's own: publishing, editing or withdrawing any claim can change what is similar. */
export async function readSimilarClaims(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return listSimilarToClaim(await db(), slug);
}

export async function readDashboard() {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const client = await db();
  const [status, categories, recent, contested, parity] = await Promise.all([
    getStatusCounts(client),
    getCategoryCounts(client),
    listRecentlyChanged(client),
    listMostContested(client),
    getParity(client),
  ]);
  return { status, categories, recent, contested, parity };
}

export async function readActors() {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return listActors(await db());
}

export async function readActor(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return findActorBySlug(await db(), slug);
}

export async function readActorProfile(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return getActorProfile(await db(), slug);
}

export async function readCorrections(page: number) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return listCorrections(await db(), page);
}

export async function readFeedChanges() {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return listFeedChanges(await db());
}
