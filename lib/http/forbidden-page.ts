// The 403 page's words, and the whole page as HTML for proxy.ts. Why two renderings: every page here renders
// per request behind an (empty) prerendered shell whose status is 200, so forbidden() in the admin layout shows
// app/forbidden.tsx but cannot change the status. An editor's page load of /admin/* is therefore answered by the
// proxy with a real 403 and this self-contained page (no JavaScript, no build-hashed stylesheet); the layout's
// forbidden() stays as the check behind it (Server Action re-renders, a role changed mid-request).

export const FORBIDDEN = {
  title: "Not allowed · Claimwatch",
  heading: "You do not have access to this page",
  lede: "This page is for admins. You are signed in, but your account does not have the admin role. If you need it, ask an admin.",
  back: { href: "/editor", label: "Back to the editor" },
} as const;

export function forbiddenHtml(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${FORBIDDEN.title}</title>
<style>
body { margin: 0; background: #fbfaf7; color: #1d2329; font-family: "Source Sans 3", "Segoe UI", system-ui, -apple-system, sans-serif; line-height: 1.55; }
header { background: #1d2329; }
header a { color: #fff; font-family: "Source Serif 4", Georgia, serif; font-weight: 700; font-size: 1.3rem; text-decoration: none; }
header span { color: #f3c98b; }
.inner, main { max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; }
main { padding: 1.5rem 1rem 3rem; }
h1 { font-family: "Source Serif 4", Georgia, serif; font-size: clamp(1.6rem, 3vw, 2.2rem); line-height: 1.25; margin: 0 0 .5rem; }
.lede { font-size: 1.1rem; color: #4a5560; max-width: 48rem; }
main a { color: #124e78; }
:focus-visible { outline: 3px solid #c45a00; outline-offset: 2px; }
</style>
</head>
<body>
<header><div class="inner"><a href="/">Claim<span>watch</span></a></div></header>
<main id="main">
<h1>${FORBIDDEN.heading}</h1>
<p class="lede">${FORBIDDEN.lede}</p>
<p><a href="${FORBIDDEN.back.href}">${FORBIDDEN.back.label}</a></p>
</main>
</body>
</html>
`;
}
