import { z } from "zod";
import { ActorKind } from "@/lib/domain/vocabulary";
import { optionalHttpUrl, optionalText, recordId, requiredText } from "@/lib/validation/fields";

// A new actor, typed into the claim form when the claimant is not in the list yet. Client-safe.

/**
 * ISO 3166-1 alpha-2, and one the platform's region names know. ZZ ("unknown region") and the user-assigned ranges
 * (QM–QZ, XA–XZ) are refused, except XK, which is in common use for Kosovo.
 */
export function isKnownRegion(code: string): boolean {
  if (code === "ZZ" || /^Q[M-Z]$/.test(code) || (/^X[A-Z]$/.test(code) && code !== "XK")) return false;
  try {
    return new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(code) !== undefined;
  } catch {
    return false;
  }
}

const country = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v === null ? undefined : v),
  z
    .string({ error: "The country must be a two-letter code such as PK or AF." })
    .regex(/^[A-Z]{2}$/, { error: "The country must be a two-letter ISO code such as PK or AF." })
    .refine(isKnownRegion, { error: "That is not a country code we know (ISO 3166-1 alpha-2, e.g. PK, AF, US)." })
    .optional(),
);

/**
 * The actor's side in the story, a short label shared by every actor on that side; empty means none or independent
 * (docs/decisions/0019-actor-sides.md). Spaces are collapsed so that "Pakistan " and "Pakistan" are one side.
 */
export const SIDE_MAX = 80;
export const side = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\s+/g, " ").trim() : v === null ? undefined : v),
  optionalText("The side", SIDE_MAX),
);

export const ActorSchema = z.object({
  name: requiredText("The name", 200),
  kind: z.enum(ActorKind, { error: "Choose what kind of actor this is." }),
  country,
  side,
  sameAs: optionalHttpUrl("The reference link"),
});
export type ActorInput = z.output<typeof ActorSchema>;

/** An editor shows an actor to readers before a published claim names it, or stops doing so. */
export const ActorPublishSchema = z.object({
  actorId: recordId("an actor"),
  published: z.boolean({ error: "Say whether readers may see this actor." }),
});
export type ActorPublishInput = z.output<typeof ActorPublishSchema>;

/** An editor sets the actor's side in the story, or clears it (none or independent). */
export const ActorSideSchema = z.object({
  actorId: recordId("an actor"),
  side,
});
export type ActorSideInput = z.output<typeof ActorSideSchema>;
