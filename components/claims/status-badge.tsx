import { POSITION_LABEL, STATUS_INFO, type ClaimKind, type ClaimStatus } from "@/lib/domain/vocabulary";

// A glyph per status so the badge reads in greyscale and for colour-blind readers; the text says it anyway.
const GLYPH: Record<ClaimStatus | "POSITION", string> = {
  UNVERIFIED: "○",
  IN_REVIEW: "◐",
  DISPUTED: "⇄",
  UNVERIFIABLE: "?",
  MISLEADING: "!",
  FALSE: "✕",
  CONFIRMED: "✓",
  POSITION: "¶",
};

export function StatusBadge({ status, kind }: { status: ClaimStatus; kind: ClaimKind }) {
  const key = kind === "POSITION" ? "POSITION" : status;
  const label = kind === "POSITION" ? POSITION_LABEL : STATUS_INFO[status].label;
  return (
    <span className={`badge badge-${key}`} data-status={key}>
      <span aria-hidden="true">{GLYPH[key]}</span>
      {label}
    </span>
  );
}
