import "server-only";
import { db } from "@/lib/db/client";
import { storeCorrectionRequest } from "@/lib/data/writes/correction-requests";
import type { CorrectionRequestInput } from "@/lib/validation/correction-request";

// The one write a reader without an account can make: a correction request, posted by the form on a claim page to
// app/(public)/claims/[slug]/correction-request/route.ts, which has checked the Origin, the honeypot and the schema.

export async function submitCorrectionRequest(input: CorrectionRequestInput & { slug: string; ip: string }) {
  return storeCorrectionRequest(await db(), input);
}
