import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseApiClaimParams } from "@/lib/api/claim-params";
import { CATEGORIES, STATUSES } from "@/lib/domain/vocabulary";
import { ACTION_JSON_DEPTH_MAX, checkActionRequest, jsonDepth } from "@/lib/http/action-request";
import { PAGE_MAX, parseClaimFilters } from "@/lib/validation/claim-filters";
import { optionalText, requiredText } from "@/lib/validation/fields";

// In-process fuzzing of the pure pieces behind the public surfaces (e2e/fuzz-*.spec.ts fuzz them over HTTP): the
// query-string parsers never throw and only let through values the reads can use, the proxy's Server Action check
// never throws and refuses what Next would fail on, and text fields only ever accept well-formed text. Fixed seeds;
// fast-check prints the seed and the smallest failing input.

const SEED = 20261201;
const isoDayInRange = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= "1900-01-01" && d <= "2100-12-31";

const value = fc.oneof(
  fc.string(),
  fc.string16bits(),
  fc.fullUnicodeString(),
  fc.constantFrom(
    "9999-12-31",
    "2026-02-30",
    "0000-01-01",
    "2026-11-20",
    "-1",
    "0",
    "100001",
    "1e3",
    "DISPUTED",
    "newest",
  ),
);
const params = fc.dictionary(
  fc.oneof(fc.constantFrom("q", "status", "category", "actor", "from", "to", "sort", "page", "pageSize"), fc.string()),
  fc.oneof(value, fc.array(value, { maxLength: 3 })),
);

describe("the list's and the API's query strings", () => {
  it("are parsed without throwing, and only usable values pass (1,000 generated)", () => {
    fc.assert(
      fc.property(params, (raw) => {
        const { filters, issues } = parseClaimFilters(raw);
        if (filters.from !== undefined) expect(isoDayInRange(filters.from)).toBe(true);
        if (filters.to !== undefined) expect(isoDayInRange(filters.to)).toBe(true);
        if (filters.status !== undefined) expect(STATUSES).toContain(filters.status);
        if (filters.category !== undefined) expect(CATEGORIES).toContain(filters.category);
        expect(filters.page >= 1 && filters.page <= PAGE_MAX).toBe(true);
        for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);

        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(raw)) for (const one of [v].flat()) search.append(k, one);
        for (const paged of [true, false]) {
          const api = parseApiClaimParams(search, { paged });
          if (api.ok) expect(api.pageSize >= 1 && api.pageSize <= 100).toBe(true);
          else expect(api.issues.length).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

const ORIGIN = "http://127.0.0.1:3000";
function actionRequest(body: string, type = "text/plain;charset=UTF-8", origin: string | null = ORIGIN) {
  const headers: Record<string, string> = { "next-action": "x", "content-type": type, host: "127.0.0.1:3000" };
  if (origin !== null) headers.origin = origin;
  return new Request(`${ORIGIN}/editor/claims/1`, { method: "POST", headers, body });
}

/** Depth by parsing, for values JSON.parse can hold. */
function parsedDepth(v: unknown): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(parsedDepth));
  if (v && typeof v === "object") return 1 + Math.max(0, ...Object.values(v).map(parsedDepth));
  return 0;
}

describe("the proxy's check of Server Action requests", () => {
  it("never throws; refuses with 400 what is not a JSON list of plain values (600 generated)", async () => {
    const body = fc.oneof(
      fc.string(),
      fc.fullUnicodeString(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify([v])),
      fc.nat({ max: 200 }).map((n) => "[".repeat(n) + "]".repeat(n)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const refusal = await checkActionRequest(actionRequest(text));
        let parsed: unknown;
        let json = true;
        try {
          parsed = JSON.parse(text);
        } catch {
          json = false;
        }
        if (!json || !Array.isArray(parsed)) expect(refusal?.status).toBe(400);
        else if (parsedDepth(parsed) > ACTION_JSON_DEPTH_MAX) expect(refusal?.status).toBe(400);
        if (refusal) expect(refusal.message.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it("counts nesting as parsing would, without parsing (500 generated)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (v) => {
        expect(jsonDepth(JSON.stringify(v))).toBe(parsedDepth(v));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("refuses a missing, null or foreign Origin and a wrong content type before reading the body", async () => {
    expect((await checkActionRequest(actionRequest("[]", undefined, null)))?.status).toBe(403);
    expect((await checkActionRequest(actionRequest("[]", undefined, "null")))?.status).toBe(403);
    expect((await checkActionRequest(actionRequest("[]", undefined, "https://evil.example")))?.status).toBe(403);
    expect((await checkActionRequest(actionRequest("[]", "application/json")))?.status).toBe(415);
    expect(await checkActionRequest(actionRequest('[{"statement":"$$1 a dollar","n":"$undefined"}]'))).toBeNull();
    expect((await checkActionRequest(actionRequest('["$@1"]')))?.status).toBe(400);
    expect((await checkActionRequest(actionRequest(`["${"x".repeat(1024 * 1024)}"]`)))?.status).toBe(413);
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(await checkActionRequest(actionRequest(deep))).toEqual({
      status: 400,
      message: `This request's body cannot be read: it is nested more than ${ACTION_JSON_DEPTH_MAX} deep.`,
    });
    const broken = actionRequest(
      '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1',
      "multipart/form-data; boundary=b",
    );
    expect((await checkActionRequest(broken))?.status).toBe(400);
  });
});

describe("text fields", () => {
  it("accept only well-formed text, and never throw (1,000 generated)", () => {
    const required = requiredText("The statement", 1000);
    const optional = optionalText("The note", 1000);
    fc.assert(
      fc.property(fc.oneof(fc.string16bits(), fc.fullUnicodeString(), fc.anything()), (input) => {
        for (const schema of [required, optional]) {
          const result = schema.safeParse(input);
          if (result.success && typeof result.data === "string") expect(result.data.isWellFormed()).toBe(true);
          if (typeof input === "string" && !input.isWellFormed()) expect(result.success).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
