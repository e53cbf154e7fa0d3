import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { readAboutText } from "@/lib/data/reads/about";
import { listOpenCorrectionRequests } from "@/lib/data/reads/correction-requests";
import { readWorkQueue } from "@/lib/data/reads/work-queue";
import { saveAboutText } from "@/lib/data/writes/about";
import {
  acceptCorrectionRequest,
  declineCorrectionRequest,
  hashIp,
  storeCorrectionRequest,
} from "@/lib/data/writes/correction-requests";
import type { Db } from "@/lib/db/create-client";
import { ABOUT_DEFAULT_MARKDOWN } from "@/lib/domain/about-default";
import { RATE_LIMIT_DEFAULT, RATE_WINDOW_MS } from "@/lib/domain/correction-request-rules";
import { renderMarkdown, safeLink } from "@/lib/domain/markdown";
import { AboutPageSchema } from "@/lib/validation/about";
import {
  AcceptCorrectionRequestSchema,
  CorrectionRequestSchema,
  DeclineCorrectionRequestSchema,
} from "@/lib/validation/correction-request";
import { auditOf } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// The transparency pages (docs/decisions/0028-transparency-pages.md): the /about Markdown renderer
// (lib/domain/markdown.ts), the schemas of the about text, a reader's correction request and an editor's answer, and
// the writes behind them on a real database.

/** Every tag the renderer may emit, and the only attributes it may carry. */
const ALLOWED_TAGS = new Set(
  "p h1 h2 h3 h4 h5 h6 ul ol li strong em a code pre blockquote hr br s table thead tbody tr th td".split(" "),
);

function assertSafeHtml(html: string) {
  for (const [, name = "", attrs = ""] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS.has(name.toLowerCase()), `tag <${name}> in ${html}`).toBe(true);
    for (const [, attr = "", value = ""] of attrs.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)) {
      expect(["href", "rel", "start", "style", "class"], `attribute ${attr} in ${html}`).toContain(attr);
      if (attr === "href") expect(value).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#)/i);
      if (attr === "style") expect(value).toMatch(/^text-align:(left|right|center)$/);
    }
  }
  expect(html).not.toMatch(/<script|<img|<iframe|<svg/i);
}

describe("the /about Markdown renderer", () => {
  it("renders headings, lists, emphasis and safe links", () => {
    const html = renderMarkdown(
      "## Funding\n\n- **Grants** from [a fund](https://fund.example)\n- *Readers*\n\nWrite to [us](mailto:desk@example.org) or read [the method](/methodology).",
    );
    expect(html).toContain("<h2>Funding</h2>");
    expect(html).toContain('<a href="https://fund.example" rel="noopener noreferrer nofollow">a fund</a>');
    expect(html).toContain('<a href="mailto:desk@example.org">us</a>');
    expect(html).toContain('<a href="/methodology">the method</a>');
    expect(html).toContain("<strong>Grants</strong>");
  });

  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"],
    ["[click](javascript:alert(1))", "[click](javascript:alert(1))"],
    ["[click](JaVaScRiPt:alert(1))", "[click](JaVaScRiPt:alert(1))"],
    ["[click](java&#115;cript:alert(1))", "[click](javascript:alert(1))"],
    ["[click](data:text/html;base64,PHNjcmlwdD4=)", "[click](data:text/html;base64,PHNjcmlwdD4=)"],
    ["[click](vbscript:msgbox)", "[click](vbscript:msgbox)"],
    ["[click](//evil.example/x)", "[click](//evil.example/x)"],
    ["<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"],
    ["![pixel](https://tracker.example/p.gif)", "!"],
    // An empty target: markdown-it keeps it without asking validateLink (found by the property below).
    ["[click]()", "click"],
    ["[]()", "<p>"],
  ])("keeps %j from becoming markup or a live link", (source, shown) => {
    const html = renderMarkdown(source);
    assertSafeHtml(html);
    expect(html).toContain(shown);
    expect(html).not.toMatch(/href="(?!https?:|mailto:|\/)/);
  });

  it("refuses link targets browsers would run after stripping whitespace", () => {
    expect(safeLink("java\tscript:alert(1)")).toBe(false);
    expect(safeLink(" javascript:alert(1)")).toBe(false);
    expect(safeLink("https://ok.example")).toBe(true);
  });

  it("never emits a tag, attribute or link outside the allowed set, for 500 generated hostile inputs", () => {
    const fragments = fc.constantFrom(
      "<script>alert(1)</script>",
      "<a href='javascript:alert(1)'>x</a>",
      "[x](javascript:alert(1))",
      "[x](data:text/html,<b>)",
      "![x](javascript:alert(1))",
      "<img src=x onerror=alert(1)>",
      "<iframe src=//evil>",
      "[x](https://ok.example)",
      "[x](/about)",
      "<https://auto.example>",
      "&#106;avascript:",
      "\n\n",
      "## ",
      "- ",
      "**",
      "`",
      "```\n",
      "> ",
      "| a | b |\n|:-|-:|\n| c | d |\n",
      '"',
      "'",
      "(",
      ")",
      "[",
      "]",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 30 }), (parts) => {
        assertSafeHtml(renderMarkdown(parts.join("")));
      }),
      { numRuns: 500, seed: 1223641495 },
    );
  });

  it("the default text is honest: it invents no publisher and says the page is not filled in", () => {
    expect(ABOUT_DEFAULT_MARKDOWN).toMatch(/has not filled in this page yet/);
    expect(AboutPageSchema.safeParse({ markdown: ABOUT_DEFAULT_MARKDOWN }).success).toBe(true);
  });
});

describe("the schemas", () => {
  it("the about text is required, limited and free of control characters", () => {
    expect(AboutPageSchema.safeParse({ markdown: "  " }).error?.issues[0]?.message).toBe("The text is required.");
    expect(AboutPageSchema.safeParse({ markdown: "x".repeat(20_001) }).success).toBe(false);
    expect(AboutPageSchema.safeParse({ markdown: "a\u0000b" }).success).toBe(false);
    expect(AboutPageSchema.parse({ markdown: " ## Hi\n\nText " })).toEqual({ markdown: "## Hi\n\nText" });
  });

  it("a correction request needs a message of at most 5,000 characters; name and email are optional", () => {
    expect(CorrectionRequestSchema.parse({ name: "", email: "", message: " The date is wrong. " })).toEqual({
      message: "The date is wrong.",
    });
    expect(CorrectionRequestSchema.parse({ name: "Sana", email: "sana@example.org", message: "x" })).toEqual({
      name: "Sana",
      email: "sana@example.org",
      message: "x",
    });
    const problems = (input: unknown) =>
      CorrectionRequestSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(problems({ message: "" })).toEqual([["message", "Your message is required."]]);
    expect(problems({ message: "x".repeat(100_000) })).toEqual([
      ["message", "Your message is limited to 5000 characters."],
    ]);
    expect(problems({ message: "ok", email: "not-an-email" })?.[0]?.[0]).toBe("email");
    expect(problems({ message: "a\u0007b" })?.[0]?.[0]).toBe("message");
  });

  it("an accept points at exactly one correction; a decline needs a reason of 10 characters or more", () => {
    expect(AcceptCorrectionRequestSchema.safeParse({ requestId: 1, correctionId: "", correctionUrl: "" }).success).toBe(
      false,
    );
    expect(
      AcceptCorrectionRequestSchema.safeParse({ requestId: 1, correctionId: "3", correctionUrl: "https://a.example" })
        .success,
    ).toBe(false);
    expect(
      AcceptCorrectionRequestSchema.safeParse({ requestId: 1, correctionUrl: "javascript:alert(1)" }).success,
    ).toBe(false);
    expect(AcceptCorrectionRequestSchema.parse({ requestId: "1", correctionId: "3", correctionUrl: "" })).toEqual({
      requestId: 1,
      correctionId: 3,
    });
    expect(DeclineCorrectionRequestSchema.safeParse({ requestId: 1, reason: "too short" }).success).toBe(false);
    expect(DeclineCorrectionRequestSchema.parse({ requestId: 1, reason: "The figure is cited." }).reason).toBe(
      "The figure is cited.",
    );
  });
});

describe("about text and correction requests on a real database", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let admin: TestUser;
  let editor: TestUser;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    admin = await makeTestUser(db, { role: "ADMIN" });
    editor = await makeTestUser(db);
  });
  afterAll(async () => cleanup());

  it("saves the about text with an AuditEvent, and saving it unchanged writes nothing", async () => {
    await db.aboutPage.deleteMany();
    expect((await readAboutText(db)).updatedAt).toBeNull();
    expect(await saveAboutText(db, admin, { markdown: "## Publisher\n\nUs." })).toEqual({
      ok: true,
      data: { changed: true },
    });
    expect((await readAboutText(db)).markdown).toBe("## Publisher\n\nUs.");
    expect(await saveAboutText(db, admin, { markdown: "## Publisher\n\nUs." })).toEqual({
      ok: true,
      data: { changed: false },
    });
    const audit = await auditOf(db, "AboutPage", 1);
    expect(audit).toHaveLength(1);
  });

  it("stores a request on a published claim only, keeps only a hash of the address, and limits each address", async () => {
    const claim = await makeTestClaim(db);
    const draft = await makeTestClaim(db, { published: false });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const now = new Date();
    expect(await storeCorrectionRequest(db, { slug: draft.slug, ip, message: "x" }, now)).toEqual({
      ok: false,
      reason: "notFound",
    });
    for (let i = 0; i < RATE_LIMIT_DEFAULT; i++) {
      const stored = await storeCorrectionRequest(db, { slug: claim.slug, ip, message: `Request ${i}` }, now);
      expect(stored.ok).toBe(true);
    }
    const before = await db.correctionRequest.count();
    expect(await storeCorrectionRequest(db, { slug: claim.slug, ip, message: "one more" }, now)).toEqual({
      ok: false,
      reason: "rateLimited",
    });
    expect(await db.correctionRequest.count()).toBe(before);
    // Another address is not held back; the same address is let through again once the window has passed.
    expect((await storeCorrectionRequest(db, { slug: claim.slug, ip: `${ip}0`, message: "other" }, now)).ok).toBe(true);
    const later = new Date(now.getTime() + RATE_WINDOW_MS + 1000);
    expect((await storeCorrectionRequest(db, { slug: claim.slug, ip, message: "later" }, later)).ok).toBe(true);
    const rows = await db.correctionRequest.findMany({ where: { claimId: claim.id }, select: { ipHash: true } });
    expect(rows.every((r) => r.ipHash !== ip && /^[0-9a-f]{64}$/.test(r.ipHash))).toBe(true);
    expect(rows.filter((r) => r.ipHash === hashIp(ip))).toHaveLength(RATE_LIMIT_DEFAULT + 1);
  });

  it("lists open requests newest first in every editor's queue, then accepts and declines them with audit", async () => {
    const claim = await makeTestClaim(db, {
      status: "FALSE",
      statusHistory: [{ from: "UNVERIFIED", to: "FALSE", rationale: "The strike was a day earlier, per two reports." }],
    });
    const correction = await db.statusChange.create({
      data: { claimId: claim.id, from: "FALSE", to: "DISPUTED", rationale: "Corrected", isCorrection: true },
      select: { id: true },
    });
    const other = await makeTestClaim(db);
    const otherChange = await db.statusChange.create({
      data: { claimId: other.id, from: "UNVERIFIED", to: "DISPUTED", rationale: "x", isCorrection: true },
      select: { id: true },
    });
    const ip = "203.0.113.77";
    const first = await storeCorrectionRequest(
      db,
      { slug: claim.slug, ip, message: "First" },
      new Date(Date.now() - 1000),
    );
    const second = await storeCorrectionRequest(db, { slug: claim.slug, ip, message: "Second", name: "Ada" });
    if (!first.ok || !second.ok) throw new Error("not stored");
    const open = await listOpenCorrectionRequests(db, 1000);
    const mine = open.items.filter((r) => r.claim.id === claim.id).map((r) => r.id);
    expect(mine).toEqual([second.id, first.id]);
    const queue = await readWorkQueue(db, editor.id, { limit: 1000 });
    expect(queue.corrections.items.map((r) => r.id)).toContain(second.id);
    expect(queue.total).toBeGreaterThanOrEqual(queue.corrections.total);

    // Another claim's correction is refused at its field, and nothing changes.
    expect(
      await acceptCorrectionRequest(db, editor, { requestId: second.id, correctionId: otherChange.id }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { correctionId: ["Choose one of this claim's corrections."] },
    });
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: second.id } })).state).toBe("OPEN");

    expect(await acceptCorrectionRequest(db, editor, { requestId: second.id, correctionId: correction.id })).toEqual({
      ok: true,
      data: { claimId: claim.id },
    });
    expect(
      await declineCorrectionRequest(db, editor, { requestId: first.id, reason: "The date is right as it is." }),
    ).toEqual({
      ok: true,
      data: { claimId: claim.id },
    });
    // Answered once: a second answer is refused.
    expect(
      (await declineCorrectionRequest(db, editor, { requestId: second.id, reason: "Changed my mind now." })).ok,
    ).toBe(false);
    const rows = await db.correctionRequest.findMany({
      where: { id: { in: [first.id, second.id] } },
      orderBy: { id: "asc" },
      select: { state: true, answer: true, correctionId: true, handledById: true },
    });
    expect(rows).toEqual([
      { state: "DECLINED", answer: "The date is right as it is.", correctionId: null, handledById: editor.id },
      { state: "ACCEPTED", answer: null, correctionId: correction.id, handledById: editor.id },
    ]);
    expect((await auditOf(db, "CorrectionRequest", second.id)).length).toBe(1);
    expect((await auditOf(db, "CorrectionRequest", first.id)).length).toBe(1);
    const stillOpen = (await listOpenCorrectionRequests(db, 1000)).items.map((r) => r.id);
    expect(stillOpen).not.toContain(first.id);
    expect(stillOpen).not.toContain(second.id);
  });
});
