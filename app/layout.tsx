import type { Metadata } from "next";
import "./globals.css";
import { env } from "@/lib/env";

// metadataBase: canonical and alternate links are made absolute from SITE_URL, never from the request's Host.
export const metadata: Metadata = {
  metadataBase: new URL(env().SITE_URL),
  title: { default: "Claimwatch", template: "%s · Claimwatch" },
  description: "Disputed claims of the Pakistan–Afghanistan border conflict, checked by one standard for every side.",
};

// Reader pages that depend only on their URL are kept whole in Next's page cache and invalidated by tag; pages
// that read the request (searchParams, the session) render per request. Either way a page is sent complete, never
// as a shell with streamed holes, so it works without JavaScript (docs/decisions/0011-page-cache.md).
export const instant = false;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
