"use client";

import { createContext, useContext, useState } from "react";

// The claim version this page was opened at, shared by every form on the claim's editor page. It moves on only when
// one of *this editor's* saves succeeds (each returns the new version). A save by someone else never updates it,
// even when the page re-renders with their changes: the next save here must then be refused, not silently win.

type ClaimVersion = { claimId: number; version: number; setVersion: (version: number) => void };

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
  return <ClaimVersionContext value={{ claimId, version: current, setVersion }}>{children}</ClaimVersionContext>;
}

export function useClaimVersion(): ClaimVersion {
  const value = useContext(ClaimVersionContext);
  if (!value) throw new Error("useClaimVersion needs a ClaimVersionProvider");
  return value;
}
