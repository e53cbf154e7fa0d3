import type { Segment } from "@/lib/domain/highlight";

/** Text with the searched words in <mark>: built from segments, so stored text is only ever text. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
