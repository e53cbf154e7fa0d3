import type { Stance } from "@/generated/prisma/client";
import type { LinkInput } from "../claim-relations";
import type { ActorInput, ClaimInput, IncidentInput, SourceInput } from "../upserts";
import { BORDER_STRIKES_ARTICLE } from "./border-strikes-article";

// The Pakistan–Afghanistan border-strikes story as data: who claims what, and how the one article bears on it.
//
// How the article's stance is chosen (ClaimSource.stance):
// - FACT claims: the article only reports that a party says X ("what it described as", "Pakistani officials
//   argue", "has denied", "accusing"). A report that someone claims X is not evidence that X is true, so the
//   article is CONTEXT for these, never SUPPORTS.
// - POSITION claims: the claim is that an actor holds a stance. The article states in its own voice that the stance
//   was expressed ("the United States stated that it recognizes…", "the Taliban has signaled openness…"), which is
//   exactly what a position claim asserts, so there it SUPPORTS. Positions are never rated either way.
// - REFUTES: nowhere. The article never contradicts any party in its own voice.
//
// Statuses: nothing is CONFIRMED or FALSE; the only source is one undated secondary report that itself calls the
// casualty figures "disputed and independently unverified". Positions stay UNVERIFIED ("Position — not rated").

/**
 * The article is undated. Its claims carry the precision UNKNOWN ("date not given by the source"), with the day the
 * story was recorded here (this project's first commit) as lib/domain/claim-date.ts asks for that precision.
 */
export const STORY_RECORDED = new Date("2026-11-25T00:00:00.000Z");

/**
 * The day the seed once gave every claim and the incident, kept so that an existing database's claims still dated so
 * are recognised and moved to the precision UNKNOWN (prisma/seed-story.ts).
 */
export const STORY_DATE = new Date("2026-11-20T00:00:00.000Z");

export type SeedClaim = Omit<
  ClaimInput,
  "sources" | "figures" | "links" | "statusHistory" | "published" | "incident" | "claimedAt" | "claimedAtPrecision"
> & {
  articleStance: Stance;
  /** why the article has that stance for this claim */
  articleNote: string;
  links?: LinkInput[];
  /** part of the cross-border strikes incident */
  inIncident?: boolean;
};

// Sides (Actor.side, docs/decisions/0019-actor-sides.md): the parties the story sets against each other. The TTP
// fights the Pakistani state, so it is its own side although its country is PK; the US backs Pakistan in words but
// is not a party to the fighting, so it is its own side too; the unnamed global organisations are on none.
export const STORY_ACTORS: ActorInput[] = [
  {
    slug: "pakistan-government",
    name: "Government of Pakistan",
    kind: "GOVERNMENT",
    country: "PK",
    side: "Pakistan",
    description: 'Pakistan\'s federal government in Islamabad; "Pakistani officials" and "Islamabad" in the article.',
  },
  {
    slug: "pakistan-military",
    name: "Pakistani military",
    kind: "MILITARY",
    country: "PK",
    side: "Pakistan",
    description: "Pakistan's armed forces, whose senior leadership President Trump commended.",
  },
  {
    slug: "afghan-taliban-government",
    name: "Taliban-led government of Afghanistan",
    kind: "GOVERNMENT",
    country: "AF",
    side: "Afghanistan (Taliban-led government)",
    description: 'In power in Kabul since 2021; "Kabul" and "Afghan authorities" in the article.',
  },
  {
    slug: "ttp",
    name: "Tehrik-e-Taliban Pakistan (TTP)",
    kind: "ARMED_GROUP",
    country: "PK",
    side: "TTP",
    description: "Militant group that Islamabad blames for a surge in attacks inside Pakistan.",
  },
  {
    slug: "afghan-civilians",
    name: "Afghan civilians",
    kind: "POPULATION",
    country: "AF",
    // Not a party to the fighting: on no side. An actor claims are about, not one that makes any here.
    description:
      "Civilians in Afghanistan, whom Kabul says Pakistan's strikes harmed; the article names none and gives no figures.",
  },
  {
    slug: "us-government",
    name: "United States government",
    kind: "GOVERNMENT",
    country: "US",
    side: "United States",
    description: '"Washington" and "American officials" in the article.',
  },
  {
    slug: "donald-trump",
    name: "Donald Trump",
    kind: "INDIVIDUAL",
    country: "US",
    side: "United States",
    sameAs: "https://www.wikidata.org/wiki/Q22686",
    description: "President of the United States.",
  },
  {
    slug: "shehbaz-sharif",
    name: "Shehbaz Sharif",
    kind: "INDIVIDUAL",
    country: "PK",
    side: "Pakistan",
    description: "Prime Minister of Pakistan.",
  },
  {
    slug: "global-organisations-and-regional-powers",
    name: "Global organisations and regional powers",
    kind: "INTERNATIONAL_ORG",
    // No country and no side: the article names none of them and puts them on neither side.
    description:
      'The article\'s "global organizations and regional powers", none of them named; recorded as the article words it.',
  },
];

/** Titles the article's record had before, so that an existing database's record is renamed, not duplicated. */
export const STORY_SOURCE_FORMER_TITLES = [
  "Pakistan–Afghanistan border strikes: US backs Pakistan's right to self-defence",
];

// Described as what it is: the text carries no headline, publisher, author, date or address, so none is given.
export const STORY_SOURCE: SourceInput = {
  url: null,
  title: "Undated article without publisher or author on the Pakistan–Afghanistan border strikes",
  publisher: null,
  publishedAt: null,
  type: "NEWS_REPORT",
  excerpt: BORDER_STRIKES_ARTICLE,
};

// The article names no town, district or province and gives no date: the incident is known only as "inside Afghan
// territory", so its place precision is the country and its date the day it was recorded here, marked UNKNOWN (as
// the claims are). No coordinates: any point would be invented (docs/decisions/0026-incidents.md).
export const STORY_INCIDENT: IncidentInput = {
  slug: "pakistan-afghanistan-cross-border-strikes",
  title: "Pakistani airstrikes inside Afghanistan",
  date: STORY_RECORDED,
  datePrecision: "UNKNOWN",
  location: "Afghan territory (the report names no town, district or province)",
  locationPrecision: "COUNTRY",
  description:
    "Pakistani airstrikes inside Afghan territory on what Pakistan calls TTP safe havens, and the claims and denials that followed.",
};

const DISPUTED_FIGURES = 'casualty figures "remain disputed and independently unverified"';

export const STORY_CLAIMS: SeedClaim[] = [
  {
    slug: "pakistan-strikes-targeted-ttp-safe-havens",
    statement:
      "Pakistan's airstrikes inside Afghanistan targeted militant safe havens linked to Tehrik-e-Taliban Pakistan (TTP).",
    claimant: "pakistan-government",
    // "militant safe havens linked to Tehrik-e-Taliban Pakistan (TTP)"
    about: ["ttp"],
    category: "MILITANT_HARBOURING",
    kind: "FACT",
    location: "Afghan territory near the Afghanistan–Pakistan border",
    status: "DISPUTED",
    statusRationale:
      "Pakistan describes the targets as TTP safe havens; Afghanistan's Taliban-led government denies harbouring the group and says the strikes caused civilian casualties. The article cites no independent account of the strike sites.",
    articleStance: "CONTEXT",
    articleNote:
      'Reports the targets as "what it described as militant safe havens": Pakistan\'s description, not a finding.',
    inIncident: true,
  },
  {
    slug: "militants-operate-from-afghan-soil",
    statement:
      "Militants operate from Afghan soil and carry out cross-border attacks on Pakistani security forces and civilians.",
    claimant: "pakistan-government",
    // The militants are the TTP the article says Islamabad blames for the attacks.
    about: ["ttp"],
    category: "MILITANT_HARBOURING",
    kind: "FACT",
    location: "Afghanistan–Pakistan border",
    status: "DISPUTED",
    statusRationale:
      "Pakistani officials make the accusation and Afghanistan's Taliban-led government denies harbouring TTP. The article offers no independent evidence either way.",
    articleStance: "CONTEXT",
    articleNote: 'Attributes the claim to "Pakistani officials".',
  },
  {
    slug: "kabul-denies-harbouring-ttp",
    statement: "Afghanistan's Taliban-led government does not harbour Tehrik-e-Taliban Pakistan (TTP).",
    claimant: "afghan-taliban-government",
    about: ["ttp"],
    category: "MILITANT_HARBOURING",
    kind: "FACT",
    location: "Afghanistan",
    status: "DISPUTED",
    statusRationale:
      "Kabul's denial answers Pakistan's accusation that militants operate from Afghan soil. The two governments contradict each other and the article gives no independent evidence.",
    articleStance: "CONTEXT",
    articleNote: 'Reports that "Afghanistan\'s Taliban-led government has denied harboring the group".',
    links: [
      { to: "militants-operate-from-afghan-soil", type: "DENIES" },
      {
        to: "pakistan-strikes-targeted-ttp-safe-havens",
        type: "CONTRADICTS",
        note: "No harbouring would mean no TTP safe havens to strike.",
      },
    ],
  },
  {
    slug: "pakistan-violated-afghan-sovereignty",
    statement: "Pakistan's strikes violated Afghanistan's sovereignty.",
    claimant: "afghan-taliban-government",
    category: "SOVEREIGNTY_VIOLATION",
    kind: "FACT",
    location: "Afghan territory near the Afghanistan–Pakistan border",
    status: "DISPUTED",
    statusRationale:
      "The strikes were inside Afghan territory, but Pakistan presents them as self-defence against militants, a right the US government says it recognises. Whether they violated Afghan sovereignty is contested between the parties.",
    articleStance: "CONTEXT",
    articleNote:
      'Attributes the accusation to Kabul. In its own voice the article says only that the strikes were "inside Afghan territory", which does not settle whether they were lawful self-defence.',
    links: [
      { to: "pakistan-strikes-targeted-ttp-safe-havens", type: "RESPONDS_TO", note: "Kabul's answer to the strikes." },
    ],
    inIncident: true,
  },
  {
    slug: "strikes-caused-civilian-casualties",
    statement: "Pakistan's strikes in Afghanistan caused civilian casualties.",
    claimant: "afghan-taliban-government",
    // Strikes "inside Afghan territory": the civilians Kabul speaks of are Afghanistan's.
    about: ["afghan-civilians"],
    category: "CIVILIAN_HARM",
    kind: "FACT",
    location: "Afghan territory near the Afghanistan–Pakistan border",
    status: "DISPUTED",
    statusRationale: `Kabul says the strikes harmed civilians; Pakistan says it targeted militant safe havens. The article gives no figures and says ${DISPUTED_FIGURES}.`,
    articleStance: "CONTEXT",
    articleNote: 'Reports Kabul "accusing Pakistan of … causing civilian casualties"; gives no figures.',
    links: [
      {
        to: "pakistan-strikes-targeted-ttp-safe-havens",
        type: "CONTRADICTS",
        note: "Civilians hit, not (only) militants.",
      },
    ],
    inIncident: true,
  },
  {
    slug: "pakistan-reports-heavy-losses",
    statement: "The cross-border fighting with Afghanistan has caused heavy losses.",
    claimant: "pakistan-government",
    category: "CASUALTIES",
    kind: "FACT",
    location: "Afghanistan–Pakistan border",
    status: "UNVERIFIABLE",
    statusRationale: `Both sides report heavy losses, but the article gives no numbers, does not say whose losses, and says ${DISPUTED_FIGURES}.`,
    articleStance: "CONTEXT",
    articleNote: '"Both sides have reported heavy losses": an attribution, with no figures.',
    inIncident: true,
  },
  {
    slug: "afghanistan-reports-heavy-losses",
    statement: "The cross-border fighting with Pakistan has caused heavy losses.",
    claimant: "afghan-taliban-government",
    category: "CASUALTIES",
    kind: "FACT",
    location: "Afghanistan–Pakistan border",
    status: "UNVERIFIABLE",
    statusRationale: `Both sides report heavy losses, but the article gives no numbers, does not say whose losses, and says ${DISPUTED_FIGURES}.`,
    articleStance: "CONTEXT",
    articleNote: '"Both sides have reported heavy losses": an attribution, with no figures.',
    inIncident: true,
  },
  {
    slug: "us-recognises-pakistan-right-to-self-defence",
    statement: "The United States recognises Pakistan's right to defend itself against terrorist threats.",
    claimant: "us-government",
    category: "SELF_DEFENCE",
    kind: "POSITION",
    location: "Washington",
    status: "UNVERIFIED",
    articleStance: "SUPPORTS",
    articleNote: 'States that "the United States stated that it recognizes Pakistan\'s right to self-defense".',
    links: [
      {
        to: "pakistan-strikes-targeted-ttp-safe-havens",
        type: "RESPONDS_TO",
        note: 'The strikes prompted the US to back Pakistan\'s "right to defend itself".',
      },
    ],
    inIncident: true,
  },
  {
    slug: "us-will-not-intervene-militarily",
    statement: "The United States will not intervene militarily in the conflict between Pakistan and Afghanistan.",
    claimant: "donald-trump",
    category: "DIPLOMATIC_POSITION",
    kind: "POSITION",
    location: "Washington",
    status: "UNVERIFIED",
    articleStance: "SUPPORTS",
    articleNote: 'States that Trump indicated "that the United States would not intervene militarily in the conflict".',
  },
  {
    slug: "pakistan-uses-security-concerns-to-justify-incursions",
    statement: "Pakistan is using security concerns to justify military incursions into Afghanistan.",
    claimant: "afghan-taliban-government",
    category: "SOVEREIGNTY_VIOLATION",
    kind: "FACT",
    location: "Afghanistan",
    status: "DISPUTED",
    statusRationale:
      "Afghan authorities call Pakistan's security concerns a pretext; Pakistan says its strikes answer attacks by militants operating from Afghan soil. The parties contradict each other and no independent evidence settles it.",
    articleStance: "CONTEXT",
    articleNote: 'Attributes the claim to "Afghan authorities".',
    links: [
      { to: "kabul-fails-to-curb-militants", type: "RESPONDS_TO" },
      {
        to: "militants-operate-from-afghan-soil",
        type: "CONTRADICTS",
        note: "Casts Pakistan's stated reason as a pretext.",
      },
    ],
  },
  {
    slug: "kabul-fails-to-curb-militants",
    statement: "Afghanistan's Taliban rulers are failing to curb militant groups that target Pakistan.",
    claimant: "pakistan-government",
    // The militant groups are those Islamabad blames, the TTP first among them; the claim is about Kabul's rulers too.
    about: ["ttp", "afghan-taliban-government"],
    category: "MILITANT_HARBOURING",
    kind: "FACT",
    location: "Afghanistan",
    status: "DISPUTED",
    statusRationale:
      "Islamabad makes the accusation; Kabul denies harbouring TTP and says Pakistan uses security concerns as a pretext. The article offers no independent evidence either way.",
    articleStance: "CONTEXT",
    articleNote: "Attributes the accusation to Islamabad.",
  },
  {
    slug: "taliban-signals-openness-to-talks",
    statement: "Afghanistan's Taliban-led government is open to talks with Pakistan.",
    claimant: "afghan-taliban-government",
    category: "DIPLOMATIC_POSITION",
    kind: "POSITION",
    location: "Afghanistan",
    status: "UNVERIFIED",
    articleStance: "SUPPORTS",
    articleNote: 'States that "the Taliban has signaled openness to talks".',
  },
  {
    slug: "us-urges-restraint-and-dialogue",
    statement: "Pakistan and Afghanistan should show restraint and resolve the conflict through dialogue.",
    claimant: "us-government",
    category: "DIPLOMATIC_POSITION",
    kind: "POSITION",
    location: "Washington",
    status: "UNVERIFIED",
    articleStance: "SUPPORTS",
    articleNote: 'States that "American officials … urging restraint and dialogue between both countries".',
    links: [
      { to: "us-recognises-pakistan-right-to-self-defence", type: "QUALIFIES", note: "Said in the same statement." },
    ],
  },
  {
    slug: "trump-praises-pakistan-leadership",
    statement:
      "Relations with Pakistan's leadership, Prime Minister Shehbaz Sharif and the senior military leadership are positive and cooperative.",
    claimant: "donald-trump",
    category: "DIPLOMATIC_POSITION",
    kind: "POSITION",
    location: "Washington",
    status: "UNVERIFIED",
    articleStance: "SUPPORTS",
    articleNote:
      'States that Trump "publicly praised Pakistan\'s leadership, describing relations with Pakistani officials as positive and cooperative" and "commended Prime Minister Shehbaz Sharif and senior military leadership".',
  },
  {
    slug: "global-organisations-call-for-de-escalation",
    statement: "Pakistan and Afghanistan should de-escalate immediately and renew diplomatic engagement.",
    claimant: "global-organisations-and-regional-powers",
    category: "DIPLOMATIC_POSITION",
    kind: "POSITION",
    status: "UNVERIFIED",
    articleStance: "SUPPORTS",
    articleNote:
      'States that "global organizations and regional powers have called for immediate de-escalation and renewed diplomatic engagement", naming none of them.',
  },
];
