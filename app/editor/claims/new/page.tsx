import type { Metadata } from "next";
import Link from "next/link";
import { CreateClaimForm } from "@/components/editor/claim-form";
import { readClaimFormOptions } from "@/lib/data/entry-points/editor";
import { createClaimAction } from "./actions";

export const instant = false;
export const metadata: Metadata = { title: "Editor: new claim" };

export default async function NewClaimPage() {
  const { actors, incidents } = await readClaimFormOptions();
  return (
    <>
      <p className="muted small">
        <Link href="/editor/claims">Claims</Link> › New claim
      </p>
      <h1>New claim</h1>
      <p className="lede">
        Record who claimed what, and when. Sources, figures, links and a status come next, on the claim&apos;s page.
      </p>
      <CreateClaimForm actors={actors} incidents={incidents} action={createClaimAction} />
    </>
  );
}
