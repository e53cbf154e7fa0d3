import "server-only";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import {
  getEditorClaim,
  listActorOptions,
  listIncidentOptions,
  listSourceOptions,
  searchClaimsForLink,
} from "@/lib/data/reads/editor-claim-detail";
import { listClaimNotes } from "@/lib/data/reads/claim-notes";
import { getClaimChecklist } from "@/lib/data/reads/checklist";
import { readDeskSettings } from "@/lib/data/reads/desk-settings";
import { getClaimProposals } from "@/lib/data/reads/proposals";
import { listClaimantOptions, listEditorClaims } from "@/lib/data/reads/editor-claim-list";
import { listPossibleDuplicates } from "@/lib/data/reads/similar-claims";
import { listAssigneeOptions } from "@/lib/data/reads/assignee-options";
import { readWorkQueue } from "@/lib/data/reads/work-queue";
import { getCorrectionRequest } from "@/lib/data/reads/correction-requests";
import type { EditorFilters } from "@/lib/validation/editor-filters";
import { getEditorIncident, listEditorIncidents } from "@/lib/data/reads/editor-incidents";

// Entry points of the editor pages. Never cached: editors must see drafts and the latest version of every claim
// (the version a form carries is the one it was opened at). Each one checks the role itself, as the admin pages'
// entry points do (admin.ts): a layout and its page render side by side, so the layout's check alone would not stop
// a page's query from running. The route handlers that read through here call authorize() first (cached per request).

export async function readEditorList(filters: EditorFilters) {
  const viewer = await requireRole("EDITOR");
  const client = await db();
  const [result, actors] = await Promise.all([
    listEditorClaims(client, filters, viewer.id),
    listClaimantOptions(client),
  ]);
  return { ...result, actors };
}

/** The signed-in editor's "My work" (lib/data/reads/work-queue.ts). */
export async function readMyWork() {
  const viewer = await requireRole("EDITOR");
  return readWorkQueue(await db(), viewer.id);
}

/** How many items "My work" holds, for the editor navigation: read on every request of a signed-in page. */
export async function readMyWorkCount() {
  const viewer = await requireRole("EDITOR");
  return (await readWorkQueue(await db(), viewer.id, { limit: 0 })).total;
}

/** A reader's correction request and the claim's corrections to point at (app/editor/corrections/[id]/). */
export async function readCorrectionRequest(id: number) {
  await requireRole("EDITOR");
  return getCorrectionRequest(await db(), id);
}

export async function readClaimFormOptions() {
  await requireRole("EDITOR");
  const client = await db();
  const [actors, incidents] = await Promise.all([listActorOptions(client), listIncidentOptions(client)]);
  return { actors, incidents };
}

export async function readEditorClaimPage(id: number) {
  const viewer = await requireRole("EDITOR");
  const client = await db();
  const claim = await getEditorClaim(client, id);
  if (!claim) return null;
  const [options, sources, notes, checklist, assignees, proposals, settings] = await Promise.all([
    readClaimFormOptions(),
    listSourceOptions(client),
    listClaimNotes(client, id),
    getClaimChecklist(client, id),
    listAssigneeOptions(client),
    getClaimProposals(client, id),
    readDeskSettings(client),
  ]);
  return {
    claim,
    ...options,
    sources,
    notes,
    viewerId: viewer.id,
    checklist,
    assignees,
    proposals,
    reviewRequired: settings.reviewRequired,
  };
}

export async function readLinkTargets(query: string, excludeId?: number) {
  await requireRole("EDITOR");
  const results = await searchClaimsForLink(await db(), query, excludeId);
  return results.map((c) => ({
    id: c.id,
    slug: c.slug,
    statement: c.statement,
    claimant: c.claimant.name,
    published: c.publishedAt !== null,
  }));
}
export type LinkTarget = Awaited<ReturnType<typeof readLinkTargets>>[number];

export async function readPossibleDuplicates(statement: string, excludeId?: number) {
  await requireRole("EDITOR");
  const results = await listPossibleDuplicates(await db(), statement, { excludeId });
  return results.map((c) => ({
    ...c,
    claimedAt: c.claimedAt.toISOString(),
    // Published claims open as readers see them; a draft has no public page, so it opens in the editor.
    href: c.published ? `/claims/${c.slug}` : `/editor/claims/${c.id}`,
  }));
}
export type DuplicateMatch = Awaited<ReturnType<typeof readPossibleDuplicates>>[number];

/** Every incident, for /editor/incidents. */
export async function readEditorIncidents() {
  await requireRole("EDITOR");
  return listEditorIncidents(await db());
}

/** One incident with its claims, drafts included, for its edit page; null when there is none. */
export async function readEditorIncident(id: number) {
  await requireRole("EDITOR");
  return getEditorIncident(await db(), id);
}
