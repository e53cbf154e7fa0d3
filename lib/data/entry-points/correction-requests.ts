import "server-only";
import { db } from "@/lib/db/client";
import { storeCorrectionRequest } from "@/lib/data/writes/correction-requests";
import { isContention } from "@/lib/db/transaction-retry";
import type { CorrectionRequestInput } from "@/lib/validation/correction-request";

// The one write a reader without an account can make: a correction request, posted by the form on a claim page to
// app/(public)/claims/[slug]/correction-request/route.ts, which has checked the Origin, the honeypot and the schema.

/** A write that lost every retry against concurrent writes (lib/db/transaction-retry.ts) is "busy": nothing was
 * stored and the reader may send the form again — an answer, never a 500. */
export async function submitCorrectionRequest(input: CorrectionRequestInput & { slug: string; ip: string }) {
  try {
    return await storeCorrectionRequest(await db(), input);
  } catch (error) {
    if (isContention(error)) return { ok: false as const, reason: "busy" as const };
    throw error;
  }
}
