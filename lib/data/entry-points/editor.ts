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
import type { EditorFilters } from "@/lib/validation/editor-filters";

// Entry points of the editor pages. Never cached: editors must see drafts and the latest version of every claim
// (the version a form carries is the one it was opened at). Each one checks the role itself, as the admin pages'
// entry points do (admin.ts): a layout and its page render side by side, so the layout's check alone would not stop
// a page's query from running. The route handlers that read through here call authorize() first (cached per request).

export async function readEditorList(filters: EditorFilters) {
  await requireRole("EDITOR");
  const client = await db();
  const [result, actors] = await Promise.all([listEditorClaims(client, filters), listClaimantOptions(client)]);
  return { ...result, actors };
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
  const [options, sources, notes, checklist, proposals, settings] = await Promise.all([
    readClaimFormOptions(),
    listSourceOptions(client),
    listClaimNotes(client, id),
    getClaimChecklist(client, id),
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
