import type { APIRequestContext } from "@playwright/test";
import { expect, sessionCookieHeader, test } from "./fixtures";
import { baseURL } from "./db";
import { footprint, goodJson, importCase } from "./import-files";
import { actionId, decodeActionResult } from "./server-actions";

// The import's Server Action over plain HTTP, as a crafted request would call it: a multipart body the way React
// sends a File argument (part "1" is the file, then part "0" holds the arguments with the file as "$B1"). Refused
// without a session and for an editor, writing nothing; the same request with an admin's session imports, so the
// refusals are not an artefact of calling it wrongly.

test.describe.configure({ timeout: 120_000 });

type Upload = { name: string; buffer: Buffer } | null;

async function callImport(request: APIRequestContext, file: Upload, options: { cookie?: string; args?: unknown } = {}) {
  // The file before the arguments, as React orders them: the server resolves "$B1" when part "0" arrives.
  const multipart = new FormData();
  if (file) multipart.append("1", new Blob([new Uint8Array(file.buffer)], { type: "application/json" }), file.name);
  multipart.append("0", JSON.stringify([options.args ?? { file: "$B1", dryRun: false }]));
  const response = await request.post(`${baseURL}/admin/import`, {
    headers: {
      Accept: "text/x-component",
      "Next-Action": actionId("importAction", "app/admin/import/actions"),
      Origin: baseURL,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    multipart,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return {
    status: response.status(),
    result: decodeActionResult(await response.text()) as
      { ok: boolean; formError?: string; fieldErrors?: Record<string, string[]>; data?: unknown } | undefined,
  };
}

test("without a session the import is refused and nothing is written", async ({ request }) => {
  const c = importCase();
  const file = { name: "good.json", buffer: goodJson(c) };
  // No cookie at all: the proxy sends the request to the sign-in page before any action runs.
  const anonymous = await callImport(request, file);
  expect(anonymous.status).toBe(307);
  // A cookie that opens no session gets past the proxy, and the action itself refuses.
  const forged = await callImport(request, file, { cookie: sessionCookieHeader("forged-token") });
  expect(forged.result).toMatchObject({
    ok: false,
    formError: "You are not signed in, or your session has ended. Sign in and try again.",
  });
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });
});

test("an editor's session is refused and nothing is written; an admin's imports the same file", async ({
  request,
  editor,
  admin,
}) => {
  const c = importCase();
  // A real 403 from the proxy (proxy.ts) before the action's own "Only an admin can do this."
  const refused = await callImport(request, { name: "good.json", buffer: goodJson(c) }, { cookie: editor.cookie });
  expect(refused.status).toBe(403);
  expect(refused.result).toBeUndefined();
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });

  const imported = await callImport(request, { name: "good.json", buffer: goodJson(c) }, { cookie: admin.cookie });
  expect(imported.result).toMatchObject({
    ok: true,
    data: { dryRun: false, records: 4, counts: { claims: { created: 2 } } },
  });
  expect(await footprint(c)).toEqual({ actors: 1, claims: 2, sources: 1 });
});

test("crafted bodies from an admin get field errors, never a write or a 500", async ({ request, admin }) => {
  const c = importCase();
  const cases: { name: string; file: Upload; args: unknown; field: string; message: string | RegExp }[] = [
    {
      name: "no file",
      file: null,
      args: { dryRun: false },
      field: "file",
      message: "Choose a .json or .csv file to import.",
    },
    {
      name: "file as text",
      file: null,
      args: { file: "claims.json", dryRun: false },
      field: "file",
      message: "Choose a .json or .csv file to import.",
    },
    {
      name: "dry run as text",
      file: { name: "good.json", buffer: goodJson(c) },
      args: { file: "$B1", dryRun: "yes" },
      field: "dryRun",
      message: /tick the box/,
    },
    {
      name: "empty file",
      file: { name: "empty.json", buffer: Buffer.alloc(0) },
      args: undefined,
      field: "file",
      message: "This file is empty.",
    },
  ];
  for (const k of cases) {
    const { status, result } = await callImport(request, k.file, { cookie: admin.cookie, args: k.args });
    expect.soft(status, k.name).toBe(200);
    expect.soft(result?.ok, k.name).toBe(false);
    const messages = result?.fieldErrors?.[k.field] ?? [];
    expect
      .soft(
        messages.some((m) => (typeof k.message === "string" ? m === k.message : k.message.test(m))),
        `${k.name}: ${JSON.stringify(result)}`,
      )
      .toBe(true);
  }
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });
});

test("a file of 50 MB and one byte is refused with the import's own message, before it is parsed", async ({
  request,
  admin,
}) => {
  // Not JSON at all: were it parsed, the answer would be a JSON error instead.
  const { status, result } = await callImport(
    request,
    { name: "huge.json", buffer: Buffer.alloc(50 * 1024 * 1024 + 1, 120) },
    { cookie: admin.cookie },
  );
  expect(status).toBe(200);
  expect(result).toMatchObject({
    ok: false,
    fieldErrors: {
      file: ["The file is larger than 50 MB. Split it, or import it on the server with npm run db:import."],
    },
  });
});
