import Link from "next/link";
import { EditorNav } from "@/components/layout/editor-nav";
import type { CurrentUser } from "@/lib/auth/session";
import { ROLE_LABEL } from "@/lib/validation/user";

/**
 * Header of the signed-in area (/editor, /admin): its menu, who is signed in, and the sign-out button, which posts
 * the Server Action its layout passes in (app/logout/actions.ts).
 */
export function EditorChrome({
  user,
  workCount,
  signOut,
  children,
}: {
  user: CurrentUser;
  /** the items in the user's "My work", shown in the menu */
  workCount: number;
  signOut: () => Promise<void>;
  children: React.ReactNode;
}) {
  return (
    <>
      <header className="site-header editor-header">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <div className="inner">
          <Link className="brand" href="/">
            Claim<span>watch</span>
          </Link>
          <nav className="site-nav" aria-label="Editor">
            <EditorNav isAdmin={user.role === "ADMIN"} workCount={workCount} />
          </nav>
          <div className="session-box">
            <span data-testid="signed-in-as">
              {user.name} <span className="role">({ROLE_LABEL[user.role]})</span>
            </span>
            {/* A plain form posting the Server Action: signing out works before hydration and without JavaScript. */}
            <form action={signOut}>
              <button className="button button-secondary button-small" type="submit">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
