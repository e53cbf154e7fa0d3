import { createHash } from "node:crypto";
import { refuse, refuseField, type ActionResult } from "@/lib/actions/result";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import type { Db } from "@/lib/db/create-client";
import { serialiseOn } from "@/lib/db/serialise-on";
import { RATE_LIMIT_DEFAULT, RATE_WINDOW_MS, rateLimited } from "@/lib/domain/correction-request-rules";
import type {
  AcceptCorrectionRequestInput,
  CorrectionRequestInput,
  DeclineCorrectionRequestInput,
} from "@/lib/validation/correction-request";

// Readers' correction requests: stored from the public form (no account, so no AuditEvent: the row itself is the
// record, with when and a hash of from where), answered by an editor (audited like every editor write).

/** The address is kept only as a hash: enough to count one address's requests, not to read it back at a glance. */
export const hashIp = (ip: string) => createHash("sha256").update(`claimwatch-correction-request\0${ip}`).digest("hex");

export type StoreRefusal = "notFound" | "rateLimited";

/**
 * Stores a request on a published claim, unless this address sent RATE_LIMIT_DEFAULT or more in the last window.
 * The count and the insert share one transaction, so a refused request writes nothing; requests from one address
 * run it one after the other (serialiseOn), so parallel ones cannot all count the same rows on PostgreSQL.
 */
export async function storeCorrectionRequest(
  db: Db,
  input: CorrectionRequestInput & { slug: string; ip: string },
  now = new Date(),
): Promise<{ ok: true; id: number } | { ok: false; reason: StoreRefusal }> {
  const ipHash = hashIp(input.ip);
  return db.$transaction(async (tx) => {
    await serialiseOn(tx, [`correction-request:${ipHash}`]);
    const claim = await tx.claim.findFirst({
      where: { slug: input.slug, ...PUBLISHED },
      select: { id: true },
    });
    if (!claim) return { ok: false, reason: "notFound" } as const;
    const recent = await tx.correctionRequest.count({
      where: { ipHash, createdAt: { gte: new Date(now.getTime() - RATE_WINDOW_MS) } },
    });
    if (rateLimited(recent, RATE_LIMIT_DEFAULT)) return { ok: false, reason: "rateLimited" } as const;
    const row = await tx.correctionRequest.create({
      data: {
        claimId: claim.id,
        name: input.name ?? null,
        email: input.email ?? null,
        message: input.message,
        ipHash,
        createdAt: now,
      },
      select: { id: true },
    });
    return { ok: true, id: row.id } as const;
  });
}

type Answered = { claimId: number };

async function openRequest(db: Db, id: number) {
  return db.correctionRequest.findUnique({ where: { id }, select: { id: true, claimId: true, state: true } });
}

const ALREADY = "This request was answered already; reload the page to see the answer.";

export async function acceptCorrectionRequest(
  db: Db,
  editor: Editor,
  input: AcceptCorrectionRequestInput,
): Promise<ActionResult<Answered>> {
  const request = await openRequest(db, input.requestId);
  if (!request) return refuse("This request no longer exists.");
  if (request.state !== "OPEN") return refuse(ALREADY);
  if (input.correctionId !== undefined) {
    const correction = await db.statusChange.findFirst({
      where: { id: input.correctionId, claimId: request.claimId, isCorrection: true },
      select: { id: true },
    });
    if (!correction) return refuseField("correctionId", "Choose one of this claim's corrections.");
  }
  const handledAt = new Date();
  return db.$transaction(async (tx) => {
    // The state is in the where: of two editors answering at once, the second one changes nothing.
    const { count } = await tx.correctionRequest.updateMany({
      where: { id: request.id, state: "OPEN" },
      data: {
        state: "ACCEPTED",
        answer: input.note ?? null,
        correctionId: input.correctionId ?? null,
        correctionUrl: input.correctionUrl ?? null,
        handledById: editor.id,
        handledAt,
      },
    });
    if (count === 0) return refuse(ALREADY);
    await recordAudit(tx, {
      userId: editor.id,
      entity: "CorrectionRequest",
      entityId: request.id,
      action: "accept",
      changes: {
        state: ["OPEN", "ACCEPTED"],
        ...(input.correctionId !== undefined ? { correctionId: input.correctionId } : {}),
        ...(input.correctionUrl !== undefined ? { correctionUrl: input.correctionUrl } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
      },
    });
    return { ok: true, data: { claimId: request.claimId } };
  });
}

export async function declineCorrectionRequest(
  db: Db,
  editor: Editor,
  input: DeclineCorrectionRequestInput,
): Promise<ActionResult<Answered>> {
  const request = await openRequest(db, input.requestId);
  if (!request) return refuse("This request no longer exists.");
  if (request.state !== "OPEN") return refuse(ALREADY);
  return db.$transaction(async (tx) => {
    const { count } = await tx.correctionRequest.updateMany({
      where: { id: request.id, state: "OPEN" },
      data: { state: "DECLINED", answer: input.reason, handledById: editor.id, handledAt: new Date() },
    });
    if (count === 0) return refuse(ALREADY);
    await recordAudit(tx, {
      userId: editor.id,
      entity: "CorrectionRequest",
      entityId: request.id,
      action: "decline",
      changes: { state: ["OPEN", "DECLINED"], reason: input.reason },
    });
    return { ok: true, data: { claimId: request.claimId } };
  });
}
