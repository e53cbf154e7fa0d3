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
import { FEED_LIMIT, listFeedChanges } from "@/lib/data/reads/feed";
import { getWithdrawnClaim, listWithdrawals } from "@/lib/data/reads/withdrawn";
import { listSimilarToClaim } from "@/lib/data/reads/similar-claims";
import { PAGE_SIZE, type ClaimFilters } from "@/lib/validation/claim-filters";
import {
  ClaimFiltersArg,
  ReaderPageArg,
  ReaderPageSizeArg,
  ReaderSlugArg,
  readerArg,
} from "@/lib/validation/reader-args";
import { READER_TAG } from "@/lib/data/cache-tags";
import { readDeskSettings } from "@/lib/data/reads/desk-settings";
import { getActorStory, getClaimStory, getIncidentStory } from "@/lib/data/reads/story-feeds";
import { getPublicIncident, listIncidentSides, listPublicIncidents } from "@/lib/data/reads/incidents";
import { IncidentFiltersArg, type IncidentFilters } from "@/lib/validation/incident-filters";
import { readAboutText } from "@/lib/data/reads/about";

// The cached entry points of reader pages. Each result is cached by its arguments and tagged; every write calls
// updateTag(READER_TAG) (lib/data/cache-tags.ts) so readers see it at once. The "claims" cacheLife (next.config.js)
// bounds how long a write made outside this server (seed, import) stays unseen.
//
// Every 'use cache' function here is also a Server Action that anyone can call with arguments of their choosing
// (docs/decisions/0014-cached-functions-parse-their-arguments.md): each one parses its arguments first
// (lib/validation/reader-args.ts) and answers arguments that are not what a page passes with its empty result.
// Functions without parameters ignore whatever is sent.

export async function readClaimList(filters: ClaimFilters, pageSize = PAGE_SIZE) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ClaimFiltersArg, filters);
  const size = readerArg(ReaderPageSizeArg, pageSize);
  if (!checked || size === undefined) return emptyClaimPage();
  return listPublishedClaims(await db(), checked, size);
}

function emptyClaimPage(): Awaited<ReturnType<typeof listPublishedClaims>> {
  return {
    total: 0,
    totalIsEstimate: false,
    listed: 0,
    page: 1,
    pageSize: PAGE_SIZE,
    pageCount: 1,
    claims: [],
    unsearchable: false,
  };
}

export async function readClaim(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? null : getPublishedClaim(await db(), checked);
}

/** The broad tag, not the claim's own: publishing, editing or withdrawing any claim can change what is similar. */
export async function readSimilarClaims(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? [] : listSimilarToClaim(await db(), checked);
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
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? null : findActorBySlug(await db(), checked);
}

export async function readActorProfile(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? null : getActorProfile(await db(), checked);
}

export async function readCorrections(page: number) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderPageArg, page);
  return checked === undefined ? { total: 0, withdrawals: 0, corrections: [] } : listCorrections(await db(), checked);
}

/** A claim taken down by a retraction, for its 410 page (docs/decisions/0022-withdrawn-claims-answer-410.md). */
export async function readWithdrawnClaim(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? null : getWithdrawnClaim(await db(), checked);
}

/** The withdrawn claims, newest first, for GET /api/withdrawals. */
export async function readWithdrawals(page: number, pageSize: number) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checkedPage = readerArg(ReaderPageArg, page);
  const size = readerArg(ReaderPageSizeArg, pageSize);
  if (checkedPage === undefined || size === undefined) {
    return { total: 0, page: 1, pageSize: 1, pageCount: 1, withdrawals: [] };
  }
  return listWithdrawals(await db(), checkedPage, size);
}

export async function readFeedChanges() {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const client = await db();
  const [changes, { withdrawals }] = await Promise.all([
    listFeedChanges(client),
    listWithdrawals(client, 1, FEED_LIMIT),
  ]);
  return { changes, withdrawals };
}

/** Whether review is in force, for /methodology; the settings page's save refreshes the reader tag like any write. */
export async function readReviewRequired() {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return (await readDeskSettings(await db())).reviewRequired;
}

/** One claim's feed data: null for a draft or an unknown slug (the route answers 404). */
export async function readClaimStory(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? null : getClaimStory(await db(), checked);
}

/** One actor's feed data: null for an actor readers may not see. */
export async function readActorStory(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? null : getActorStory(await db(), checked);
}

/** The /about text as the admin wrote it (Markdown; app/(public)/about/page.tsx renders it safely). */
export async function readAbout() {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return readAboutText(await db());
}

/** One page of /incidents (public incidents only, docs/decisions/0026-incidents.md). */
export async function readIncidentList(filters: IncidentFilters) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(IncidentFiltersArg, filters);
  if (!checked) return { total: 0, page: 1, pageSize: 1, pageCount: 1, incidents: [] };
  return listPublicIncidents(await db(), checked);
}

/** The sides the /incidents filter offers. */
export async function readIncidentSides() {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return listIncidentSides(await db());
}

/** A public incident with its published claims and their figures; null for one readers may not see. */
export async function readIncident(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? null : getPublicIncident(await db(), checked);
}

/** One incident's feed data: null for an incident readers may not see. */
export async function readIncidentStory(slug: string) {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  const checked = readerArg(ReaderSlugArg, slug);
  return checked === undefined ? null : getIncidentStory(await db(), checked);
}
