import { ReaderFrame } from "@/components/layout/reader-frame";

export default function Layout({ children }: { children: React.ReactNode }) {
  return <ReaderFrame current="/incidents">{children}</ReaderFrame>;
}
