import MarkdownIt from "markdown-it";

// The one way Claimwatch turns Markdown into HTML (the /about text, app/(public)/about/page.tsx). What an admin types
// must never run in a reader's browser, even if an admin account is taken over: raw HTML is not parsed (`html: false`
// prints it as text), images are off (no tracking pixels, no data: URLs), and a link is kept only when it points at
// http(s), mailto: or a path of this site. Anything else (javascript:, data:, vbscript:, file:) stays as plain text.

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable(["image"]);

const SAFE_LINK = /^(?:https?:\/\/|mailto:|\/(?!\/)|#)/i;

/**
 * Whether a link target may become an href. markdown-it has already percent-encoded and decoded entities by now, so
 * "java&#115;cript:" arrives spelled out; whitespace and controls are stripped before the scheme check, as browsers
 * do ("java\tscript:" runs in a browser).
 */
export function safeLink(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return SAFE_LINK.test(compact) && compact === url.trim();
}

md.validateLink = safeLink;

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  const href = tokens[i]?.attrGet("href") ?? "";
  // "[text]()" has an empty target, which markdown-it keeps without asking validateLink: no href, so no link.
  const token = tokens[i];
  if (token && href === "") token.attrs = (token.attrs ?? []).filter(([name]) => name !== "href");
  // Links to other sites: no referrer data and no access to this window.
  if (/^https?:/i.test(href)) tokens[i]?.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, i, options, env, self);
};

/** HTML that is safe to put into the page as it is: see the rules above. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
