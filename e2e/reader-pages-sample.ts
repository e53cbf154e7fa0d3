import type { APIRequestContext } from "@playwright/test";
import type { Db } from "@/lib/db/create-client";
import { makeTestClaim, makeTestIncident, unique } from "@/test-support/builders";
import { withdrawTestClaim } from "@/test-support/withdraw";
import { refreshReaderCache } from "./reader-cache";

/** A reporter name as long as the real ones that were cut on phones ("Taliban-led government of A…"). */
export const LONG_REPORTER = "Taliban-led government of Afghanistan, Ministry of Public Health, Kabul";

/**
 * One of every kind of reader page, for the checks that run on all of them (e2e/phone.spec.ts,
 * e2e/color-schemes.spec.ts): a claim with figures from three reporters (one with a long name), one without figures,
 * an actor, an incident both claims are about (with coordinates), and a withdrawn claim (410).
 */
export async function makeReaderPageSample(db: Db, request: APIRequestContext) {
  const marker = unique("phone");
  const reporter = await db.actor.create({
    data: { slug: unique("reporter"), name: LONG_REPORTER, kind: "GOVERNMENT", country: "AF" },
  });
  const other = await db.actor.create({
    data: { slug: unique("reporter"), name: "Provincial hospital", kind: "NGO", country: "AF" },
  });
  const incident = await makeTestIncident(db, {
    title: `Strikes in Paktika (${marker})`,
    latitude: 32.6,
    longitude: 69.2,
    locationPrecision: "PROVINCE",
    location: "Paktika province",
  });
  const withFigures = await makeTestClaim(db, {
    incidentId: incident.id,
    statement: `Strikes in Paktika killed civilians and militants (${marker})`,
    status: "DISPUTED",
    statusRationale: "The parties give figures that are disputed and independently unverified.",
    figures: [
      { population: "CIVILIANS", outcome: "KILLED", min: 10, max: 1_250 },
      { population: "CIVILIANS", outcome: "KILLED", min: 0, max: 3, reportedById: reporter.id },
      { population: "CIVILIANS", outcome: "KILLED", min: 1_180, max: 1_250, reportedById: other.id },
      { population: "MILITANTS", outcome: "KILLED", min: 40, max: 40, reportedById: reporter.id },
      { population: "CIVILIANS", outcome: "INJURED", min: 12, max: 30, reportedById: other.id },
    ],
  });
  const withoutFigures = await makeTestClaim(db, {
    statement: `Border crossing closed again (${marker})`,
    incidentId: incident.id,
  });
  const withdrawn = await makeTestClaim(db, { statement: `Depot destroyed (${marker})`, status: "FALSE" });
  await withdrawTestClaim(db, withdrawn.id, `The imagery we relied on was misdated (${marker}).`);
  await refreshReaderCache(request);
  return {
    withFigures,
    pages: [
      { name: "home", url: "/" },
      { name: "claims list", url: "/claims" },
      { name: "claim with figures", url: `/claims/${withFigures.slug}` },
      { name: "claim without figures", url: `/claims/${withoutFigures.slug}` },
      { name: "actors", url: "/actors" },
      { name: "actor page", url: `/actors/${withFigures.claimant.slug}` },
      { name: "incidents", url: "/incidents" },
      { name: "incident page", url: `/incidents/${incident.slug}` },
      { name: "corrections", url: "/corrections" },
      { name: "methodology", url: "/methodology" },
      { name: "about", url: "/about" },
      { name: "withdrawn claim (410)", url: `/claims/${withdrawn.slug}`, status: 410 },
    ],
  };
}
