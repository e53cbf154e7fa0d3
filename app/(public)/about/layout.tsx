import { ReaderFrame } from "@/components/layout/reader-frame";

// Not a section of the header's nav: linked from the footer (components/layout/site-footer.tsx).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ReaderFrame>{children}</ReaderFrame>;
}
