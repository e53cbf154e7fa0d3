import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { expect, sessionCookieHeader, test } from "./fixtures";
import { baseURL } from "./db";
import { footprint, goodJson, importCase } from "./import-files";
import { E2E_PORT } from "../playwright.config";

// The import's route, POST /admin/import/upload, over plain HTTP as a crafted request would call it: a multipart
// body with `file` and `dryRun`. Refused without a session, for an editor and from another Origin, writing nothing;
// the same request with an admin's session imports, so the refusals are not an artefact of calling it wrongly. Too
// large is 413 with the import's own message, whether the size is declared or only counted while reading.

test.describe.configure({ timeout: 120_000 });

const UPLOAD = "/admin/import/upload";
const TOO_LARGE = "The file is larger than 50 MB. Split it, or import it on the server with npm run db:import.";

type Upload = { name: string; buffer: Buffer } | null;
type Result = { ok: boolean; formError?: string; fieldErrors?: Record<string, string[]>; data?: unknown };

async function callImport(
  request: APIRequestContext,
  file: Upload,
  options: { cookie?: string; dryRun?: string; origin?: string | null; accept?: string } = {},
) {
  const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {};
  if (file) multipart.file = { name: file.name, mimeType: "application/json", buffer: file.buffer };
  if (options.dryRun !== undefined) multipart.dryRun = options.dryRun;
  const origin = options.origin === undefined ? baseURL : options.origin;
  const response = await request.post(`${baseURL}${UPLOAD}`, {
    headers: {
      Accept: options.accept ?? "application/json",
      ...(origin !== null ? { Origin: origin } : {}),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    multipart,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const text = await response.text();
  let result: Result | undefined;
  try {
    result = JSON.parse(text) as Result;
  } catch {
    result = undefined;
  }
  return { status: response.status(), headers: response.headers(), text, result };
}

test("without a session, or from another Origin, the import is refused and nothing is written", async ({
  request,
  admin,
}) => {
  const c = importCase();
  const file = { name: "good.json", buffer: goodJson(c) };
  const anonymous = await callImport(request, file);
  expect(anonymous.status).toBe(401);
  expect(anonymous.result).toMatchObject({ ok: false, formError: expect.stringMatching(/not signed in/) });
  const forged = await callImport(request, file, { cookie: sessionCookieHeader("forged-token") });
  expect(forged.status).toBe(401);
  // Without JavaScript a browser is sent to sign in, as a page load of /admin/import is.
  const page = await callImport(request, file, { accept: "text/html" });
  expect(page.status).toBe(303);
  expect(page.headers.location).toMatch(/\/login\?next=\/admin\/import$/);
  for (const origin of ["https://evil.example", "null", null]) {
    const foreign = await callImport(request, file, { cookie: admin.cookie, origin });
    expect(foreign.status, String(origin)).toBe(403);
  }
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });
});

test("an editor's session is refused and nothing is written; an admin's imports the same file", async ({
  request,
  editor,
  admin,
}) => {
  const c = importCase();
  // The upload route answers for itself (the proxy does not buffer it; app/admin/import/upload/route.ts).
  const refused = await callImport(request, { name: "good.json", buffer: goodJson(c) }, { cookie: editor.cookie });
  expect(refused.status).toBe(403);
  expect(refused.result).toMatchObject({ ok: false, formError: "Only an admin can do this." });
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });

  const imported = await callImport(request, { name: "good.json", buffer: goodJson(c) }, { cookie: admin.cookie });
  expect(imported.status).toBe(200);
  expect(imported.result).toMatchObject({
    ok: true,
    data: { dryRun: false, records: 4, counts: { claims: { created: 2 } } },
  });
  expect(await footprint(c)).toEqual({ actors: 1, claims: 2, sources: 1 });
});

test("without JavaScript the form's post gets a result page", async ({ request, admin }) => {
  const c = importCase();
  const checked = await callImport(
    request,
    { name: "check.json", buffer: goodJson(c) },
    { cookie: admin.cookie, dryRun: "on", accept: "text/html" },
  );
  expect(checked.status).toBe(200);
  expect(checked.headers["content-type"]).toMatch(/^text\/html/);
  expect(checked.text).toContain("<h1>Dry run: nothing was written</h1>");
  expect(checked.text).toContain("check.json is valid (4 records)");
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });
});

test("crafted bodies from an admin get field errors, never a write or a 500", async ({ request, admin }) => {
  const c = importCase();
  const cases: { name: string; file: Upload; dryRun?: string; field: string; message: string | RegExp }[] = [
    { name: "no file", file: null, field: "file", message: "Choose a .json or .csv file to import." },
    {
      name: "dry run as text",
      file: { name: "good.json", buffer: goodJson(c) },
      dryRun: "yes",
      field: "dryRun",
      message: /tick the box/,
    },
    {
      name: "empty file",
      file: { name: "empty.json", buffer: Buffer.alloc(0) },
      field: "file",
      message: "This file is empty.",
    },
  ];
  for (const k of cases) {
    const { status, result } = await callImport(request, k.file, { cookie: admin.cookie, dryRun: k.dryRun });
    expect.soft(status, k.name).toBe(400);
    expect.soft(result?.ok, k.name).toBe(false);
    const messages = result?.fieldErrors?.[k.field] ?? [];
    expect
      .soft(
        messages.some((m) => (typeof k.message === "string" ? m === k.message : k.message.test(m))),
        `${k.name}: ${JSON.stringify(result)}`,
      )
      .toBe(true);
  }
  // Not multipart at all.
  const text = await request.post(`${baseURL}${UPLOAD}`, {
    headers: { Accept: "application/json", Origin: baseURL, Cookie: admin.cookie, "Content-Type": "text/plain" },
    data: "hello",
    failOnStatusCode: false,
  });
  expect(text.status()).toBe(400);
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });
});

test("a file of 50 MB and one byte is refused with 413 and the import's own message, before it is parsed", async ({
  request,
  admin,
}) => {
  // Not JSON at all: were it parsed, the answer would be a JSON error instead.
  const { status, result } = await callImport(
    request,
    { name: "huge.json", buffer: Buffer.alloc(50 * 1024 * 1024 + 1, 120) },
    { cookie: admin.cookie },
  );
  expect(status).toBe(413);
  expect(result).toMatchObject({ ok: false, fieldErrors: { file: [TOO_LARGE] } });
});

test("a body without Content-Length is counted as it arrives and cut off past the limit with 413", async ({
  admin,
}) => {
  // Chunked: the route cannot know the size in advance. 60 MB are offered; the answer comes before they are all sent.
  const boundary = "----claimwatch-chunked";
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        path: UPLOAD,
        method: "POST",
        headers: {
          Accept: "application/json",
          Origin: baseURL,
          Cookie: admin.cookie,
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Transfer-Encoding": "chunked",
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.json"\r\n\r\n`);
    const chunk = Buffer.alloc(1024 * 1024, 120);
    let sent = 0;
    const pump = () => {
      while (sent < 60) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({ ok: false, formError: TOO_LARGE });
});
