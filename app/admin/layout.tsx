import type { Metadata } from "next";
import { EditorChrome } from "@/components/layout/editor-chrome";
import { signOutAction } from "@/app/logout/actions";
import { requireRole } from "@/lib/auth/session";
import { readMyWorkCount } from "@/lib/data/entry-points/editor";

export const metadata: Metadata = { robots: { index: false } };

// Reads the session: rendered per request, in full (docs/decisions/0003-caching.md).
export const instant = false;

/** Admins only: anonymous visitors go to /login?next=…, editors get the 403 page (app/forbidden.tsx). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole("ADMIN");
  // Counted per request, like every signed-in page: the menu's "My work (N)" (lib/data/reads/work-queue.ts).
  const workCount = await readMyWorkCount();
  return (
    <EditorChrome user={user} workCount={workCount} signOut={signOutAction}>
      {children}
    </EditorChrome>
  );
}
