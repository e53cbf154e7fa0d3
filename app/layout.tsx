import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimwatch", template: "%s · Claimwatch" },
  description: "Disputed claims of the Pakistan–Afghanistan border conflict, checked by one standard for every side.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
