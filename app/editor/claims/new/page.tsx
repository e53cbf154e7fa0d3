import type { Metadata } from "next";
import Link from "next/link";
import { CreateClaimForm } from "@/components/editor/claim-form";
import { requireUser } from "@/lib/auth/session";
import { readClaimFormOptions } from "@/lib/data/entry-points/editor";

export const instant = false;
export const metadata: Metadata = { title: "Editor: new claim" };

export default async function NewClaimPage() {
  await requireUser();
  const { actors, incidents } = await readClaimFormOptions();
  return (
    <>
      <p className="muted small">
        <Link href="/editor">Claims</Link> › New claim
      </p>
      <h1>New claim</h1>
      <p className="lede">Record who claimed what, and when. Sources, figures, links and a status come next, on the claim&apos;s page.</p>
      <CreateClaimForm actors={actors} incidents={incidents} />
    </>
  );
}
