"use client";

import { createContext, useContext, useState } from "react";

// The claim version this page was opened at, shared by every form on the claim's editor page. It moves on only when
// one of *this editor's* saves succeeds (each returns the new version). A save by someone else never updates it,
// even when the page re-renders with their changes: the next version-checked save here (status, publication) must
// then be refused, not silently win. Saves that are not version-checked (fields compared one by one, sources,
// figures, links: docs/decisions/0025-conflicts-per-field.md) may land after someone else's: `moveOn` then keeps
// the page's version, since the page has not seen what came in between.

type Counted = { previousVersion: number; version: number };
type ClaimVersion = {
  claimId: number;
  version: number;
  setVersion: (version: number) => void;
  moveOn: (counted: Counted) => void;
};

const ClaimVersionContext = createContext<ClaimVersion | null>(null);

export function ClaimVersionProvider({
  claimId,
  version,
  children,
}: {
  claimId: number;
  version: number;
  children: React.ReactNode;
}) {
  const [current, setVersion] = useState(version);
  const moveOn = ({ previousVersion, version: next }: Counted) =>
    setVersion((held) => (held === previousVersion ? next : held));
  return (
    <ClaimVersionContext value={{ claimId, version: current, setVersion, moveOn }}>{children}</ClaimVersionContext>
  );
}

export function useClaimVersion(): ClaimVersion {
  const value = useContext(ClaimVersionContext);
  if (!value) throw new Error("useClaimVersion needs a ClaimVersionProvider");
  return value;
}
