import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimwatch", template: "%s · Claimwatch" },
  description: "Disputed claims of the Pakistan–Afghanistan border conflict, checked by one standard for every side.",
};

// Every page renders per request, in full, before the first byte (docs/decisions/0003-caching.md). No static shell is
// streamed ahead, so pages work without JavaScript and a missing claim answers with a real 404 status. The data
// underneath is cached with 'use cache' (lib/data/entry-points/reader.ts), and the build never reads the database.
export const instant = false;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
