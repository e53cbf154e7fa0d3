"use server";

import { runAction } from "@/lib/actions/run-action";
import { acceptCorrectionRequest, declineCorrectionRequest } from "@/lib/data/writes/correction-requests";
import {
  AcceptCorrectionRequestSchema,
  DeclineCorrectionRequestSchema,
  type AcceptCorrectionRequestInput,
  type DeclineCorrectionRequestInput,
} from "@/lib/validation/correction-request";

// Answering a reader's correction request. "nothing": requests are never shown to readers, and the editor pages are
// rendered per request (the form refreshes its own page).

export async function acceptCorrectionRequestAction(input: AcceptCorrectionRequestInput) {
  return runAction(
    { role: "EDITOR", schema: AcceptCorrectionRequestSchema, write: acceptCorrectionRequest, invalidate: "nothing" },
    input,
  );
}

export async function declineCorrectionRequestAction(input: DeclineCorrectionRequestInput) {
  return runAction(
    { role: "EDITOR", schema: DeclineCorrectionRequestSchema, write: declineCorrectionRequest, invalidate: "nothing" },
    input,
  );
}
