// Labels and meanings of the enums, shared by reader pages, editor forms and /methodology. Client-safe.
import {
  ActorKind,
  ClaimCategory,
  ClaimKind,
  ClaimStatus,
  LinkType,
  Outcome,
  Population,
  SourceType,
  Stance,
} from "@/generated/prisma/enums";

export { ActorKind, ClaimCategory, ClaimKind, ClaimStatus, LinkType, Outcome, Population, SourceType, Stance };

type StatusInfo = {
  label: string;
  meaning: string;
  final: boolean;
  /** ClaimReview rating, 1 worst … 5 best; null = no rating is published */
  rating: number | null;
};

export const STATUS_INFO: Record<ClaimStatus, StatusInfo> = {
  UNVERIFIED: { label: "Unverified", meaning: "Not yet assessed.", final: false, rating: null },
  IN_REVIEW: { label: "In review", meaning: "An editor is checking it.", final: false, rating: null },
  DISPUTED: {
    label: "Disputed",
    meaning: "Parties contradict each other and independent evidence does not settle it.",
    final: true,
    rating: 3,
  },
  UNVERIFIABLE: {
    label: "Unverifiable",
    meaning: "No independent access or evidence; it cannot be checked now.",
    final: true,
    rating: 3,
  },
  MISLEADING: {
    label: "Misleading",
    meaning: "Contains truth but distorts it or lacks context.",
    final: true,
    rating: 2,
  },
  FALSE: { label: "False", meaning: "Independent evidence contradicts it.", final: true, rating: 1 },
  CONFIRMED: { label: "Confirmed", meaning: "Independent evidence supports it.", final: true, rating: 5 },
};

export const STATUSES = Object.values(ClaimStatus);
export const FINAL_STATUSES = STATUSES.filter((s) => STATUS_INFO[s].final);
export const isFinalStatus = (s: ClaimStatus) => STATUS_INFO[s].final;

export const POSITION_LABEL = "Position — not rated";

export const CATEGORY_LABEL: Record<ClaimCategory, string> = {
  CASUALTIES: "Casualties",
  MILITANT_HARBOURING: "Harbouring militants",
  SOVEREIGNTY_VIOLATION: "Sovereignty violations",
  SELF_DEFENCE: "Self-defence",
  CIVILIAN_HARM: "Civilian harm",
  DIPLOMATIC_POSITION: "Diplomatic positions",
  OTHER: "Other",
};
export const CATEGORIES = Object.values(ClaimCategory);

/** An actor's side in the story as readers see it (docs/decisions/0019-actor-sides.md): null is none or independent. */
export const sideLabel = (side: string | null) => side ?? "None or independent";

export const KIND_LABEL: Record<ClaimKind, string> = { FACT: "Factual claim", POSITION: "Position" };
export const KINDS = Object.values(ClaimKind);

export const ACTOR_KIND_LABEL: Record<ActorKind, string> = {
  GOVERNMENT: "Government",
  MILITARY: "Military",
  ARMED_GROUP: "Armed group",
  INTERNATIONAL_ORG: "International organisation",
  MEDIA: "Media",
  NGO: "NGO",
  INDIVIDUAL: "Individual",
  POPULATION: "Population",
};

export const SOURCE_TYPE_LABEL: Record<SourceType, string> = {
  OFFICIAL_STATEMENT: "Official statement",
  NEWS_REPORT: "News report",
  NGO_REPORT: "NGO report",
  UN_REPORT: "UN report",
  SOCIAL_MEDIA: "Social media",
  IMAGERY: "Imagery",
  OTHER: "Other",
};

export const STANCE_LABEL: Record<Stance, string> = {
  SUPPORTS: "Supports the claim",
  REFUTES: "Refutes the claim",
  CONTEXT: "Context",
};
export const STANCES = Object.values(Stance);

export const POPULATION_LABEL: Record<Population, string> = {
  CIVILIANS: "Civilians",
  MILITANTS: "Militants",
  SECURITY_FORCES: "Security forces",
  UNSPECIFIED: "Unspecified",
};
export const OUTCOME_LABEL: Record<Outcome, string> = { KILLED: "Killed", INJURED: "Injured" };

/** How a link reads from its source claim ("denies …") and from its target ("denied by …"). */
export const LINK_LABEL: Record<LinkType, { outgoing: string; incoming: string }> = {
  DENIES: { outgoing: "Denies", incoming: "Denied by" },
  CONTRADICTS: { outgoing: "Contradicts", incoming: "Contradicted by" },
  CORROBORATES: { outgoing: "Corroborates", incoming: "Corroborated by" },
  QUALIFIES: { outgoing: "Qualifies", incoming: "Qualified by" },
  RESPONDS_TO: { outgoing: "Responds to", incoming: "Response from" },
};
/** Link types that make a claim "contested" on the dashboard. */
export const CONTESTING_LINKS: LinkType[] = ["DENIES", "CONTRADICTS"];

/**
 * The English name of a language tag ("ps" → "Pashto", "prs" → "Dari"): readers and editors see the name, the page
 * keeps the tag for `lang`. A tag without a known name stays as it is; one that is not a tag at all gives null.
 */
export function languageName(tag: string | null | undefined): string | null {
  if (!tag?.trim()) return null;
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag.trim()) ?? tag;
  } catch {
    return null;
  }
}

export function countryName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
