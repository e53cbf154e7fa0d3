import { z } from "zod";
import {
  ANSWER_MAX,
  CORRECTION_EMAIL_MAX,
  CORRECTION_MESSAGE_MAX,
  CORRECTION_NAME_MAX,
  DECLINE_REASON_MIN,
} from "@/lib/domain/correction-request-rules";
import { optionalHttpUrl, optionalRecordId, optionalText, recordId, requiredText } from "@/lib/validation/fields";

// A reader's "Request a correction" (the form on every published claim page, posted without JavaScript to
// app/(public)/claims/[slug]/correction-request/route.ts) and an editor's answer to one (app/editor/corrections/).
// Client-safe. The honeypot field is not here: the route checks it before anything is parsed.

const emailMessage = "Enter an email address such as name@example.org, or leave it empty.";

export const CorrectionRequestSchema = z.object({
  name: optionalText("Your name", CORRECTION_NAME_MAX),
  email: optionalText("Your email", CORRECTION_EMAIL_MAX).pipe(z.email({ error: emailMessage }).optional()),
  message: requiredText("Your message", CORRECTION_MESSAGE_MAX),
});
export type CorrectionRequestInput = z.output<typeof CorrectionRequestSchema>;

/** Accepting points at the correction: one of the claim's status changes marked as a correction, or a URL. */
export const AcceptCorrectionRequestSchema = z
  .object({
    requestId: recordId("a request"),
    correctionId: optionalRecordId("a correction"),
    correctionUrl: optionalHttpUrl("The link to the correction"),
    note: optionalText("The note", ANSWER_MAX),
  })
  .superRefine((v, ctx) => {
    if ((v.correctionId === undefined) === (v.correctionUrl === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["correctionId"],
        message: "Choose the correction on this claim, or give a link to it (one of the two).",
      });
  });
export type AcceptCorrectionRequestInput = z.output<typeof AcceptCorrectionRequestSchema>;

export const DeclineCorrectionRequestSchema = z.object({
  requestId: recordId("a request"),
  reason: requiredText("The reason", ANSWER_MAX).refine((v) => v.length >= DECLINE_REASON_MIN, {
    error: `Say why in at least ${DECLINE_REASON_MIN} characters.`,
  }),
});
export type DeclineCorrectionRequestInput = z.output<typeof DeclineCorrectionRequestSchema>;
