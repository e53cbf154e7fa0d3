import type { Metadata } from "next";
import { EditorChrome } from "@/components/layout/editor-chrome";
import { signOutAction } from "@/app/logout/actions";
import { requireUser } from "@/lib/auth/session";
import { readMyWorkCount } from "@/lib/data/entry-points/editor";

export const metadata: Metadata = { robots: { index: false } };

// Reads the session: rendered per request, in full (docs/decisions/0003-caching.md).
export const instant = false;

/** Every page under /editor is for signed-in editors and admins; anonymous visitors go to /login?next=… */
export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // Counted per request, like every signed-in page: the menu's "My work (N)" (lib/data/reads/work-queue.ts).
  const workCount = await readMyWorkCount();
  return (
    <EditorChrome user={user} workCount={workCount} signOut={signOutAction}>
      {children}
    </EditorChrome>
  );
}
