import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { BASE } from "./bench-http";

// What a reader's browser gets, for `npm run bench`: first-load JavaScript and Lighthouse scores.

export type JsRow = { page: string; scripts: number; gzipKb: number };

/**
 * First-load JS of a page as the build serves it: every `<script src>` of its HTML, fetched and gzipped (level 9,
 * each file on its own, as a server or CDN would send it). Left out: `noModule` scripts (Next's legacy polyfills,
 * about 38 KB gzip, which no browser that runs modules downloads) and inline scripts (the page's RSC payload: data,
 * not code), as Next's own "First Load JS" figure does.
 */
export async function firstLoadJs(page: string): Promise<JsRow> {
  const html = await (await fetch(BASE + page)).text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? []))];
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  const row = { page, scripts: sources.length, gzipKb: +(bytes / 1024).toFixed(1) };
  console.error(`  first-load JS ${page}: ${row.gzipKb} KB gzip in ${row.scripts} scripts`);
  return row;
}

export type LighthouseRow = {
  page: string;
  performance: number | null;
  accessibility: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  error?: string;
};

/**
 * Lighthouse 12.2.3's defaults (mobile emulation, simulated throttling) with Debian's Chromium, headless. One run
 * per page: scores move by a point or two between runs on a busy machine.
 */
export function lighthouse(page: string): LighthouseRow {
  const out = `tmp/bench/lighthouse-${page.replace(/[^a-z0-9]+/gi, "_") || "home"}.json`;
  try {
    execFileSync(
      "npx",
      [
        "lighthouse",
        BASE + page,
        "--quiet",
        "--output=json",
        `--output-path=${out}`,
        "--only-categories=performance,accessibility",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      ],
      {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
        timeout: 180_000,
      },
    );
    type Report = {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { numericValue?: number }>;
    };
    const report = JSON.parse(fs.readFileSync(out, "utf8")) as Report;
    const score = (c: string) =>
      report.categories[c]?.score == null ? null : Math.round(report.categories[c].score * 100);
    const ms = (a: string) =>
      report.audits[a]?.numericValue == null ? null : Math.round(report.audits[a].numericValue);
    const row = {
      page,
      performance: score("performance"),
      accessibility: score("accessibility"),
      lcpMs: ms("largest-contentful-paint"),
      tbtMs: ms("total-blocking-time"),
    };
    console.error(`  lighthouse ${page}: performance ${row.performance}, accessibility ${row.accessibility}`);
    return row;
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    console.error(`  lighthouse ${page} failed: ${message}`);
    return { page, performance: null, accessibility: null, lcpMs: null, tbtMs: null, error: message };
  }
}
