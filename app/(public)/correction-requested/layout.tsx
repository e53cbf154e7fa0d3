import { ReaderFrame } from "@/components/layout/reader-frame";

// Not a section of the header's nav: where the "Request a correction" form of a claim page lands.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ReaderFrame>{children}</ReaderFrame>;
}
