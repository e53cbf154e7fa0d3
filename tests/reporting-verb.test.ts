import { describe, expect, it } from "vitest";
import { REPORTING_VERB_WARNING, reportingVerbWarning } from "@/lib/domain/reporting-verb";
import { STORY_CLAIMS } from "@/prisma/seed-data/border-strikes";

// The reporting-verb warning of lib/domain/reporting-verb.ts: true and false cases.

describe("reportingVerbWarning", () => {
  it.each([
    "Pakistan says its strikes hit TTP safe havens.",
    "Says the strikes hit only militants.",
    "Claims that civilians were hit.",
    "According to Kabul, civilians were killed.",
    "according to officials the depot burned",
    "Reportedly, 40 militants died.",
    "Kabul alleges that Pakistan violated its airspace.",
    "Pakistani officials said that militants operate from Afghan soil.",
    "The Taliban-led government claims Pakistan is using security concerns as a pretext.",
    "  Islamabad stated that the strikes were self-defence.",
    "Afghanistan’s defence ministry reported heavy losses.",
  ])("warns about %j", (statement) => {
    expect(reportingVerbWarning(statement)).toBe(REPORTING_VERB_WARNING);
  });

  it.each([
    "Saysville was shelled.",
    "Pakistan's airstrikes inside Afghanistan targeted TTP safe havens.",
    "The United States recognises Pakistan's right to defend itself against terrorist threats.",
    "Kabul's claims were rejected by Islamabad.",
    "The claims of civilian harm are unverified.",
    "Militants operate from Afghan soil and carry out cross-border attacks.",
    "Accordingly, the border was closed.",
    "Reports of shelling near Torkham are false.",
    "",
  ])("does not warn about %j", (statement) => {
    expect(reportingVerbWarning(statement)).toBeNull();
  });

  it("finds nothing to warn about in the seed's statements", () => {
    for (const claim of STORY_CLAIMS) expect(reportingVerbWarning(claim.statement), claim.slug).toBeNull();
  });
});
