import { makeTestClaim, unique } from "@/test-support/builders";
import { expect, test } from "./fixtures";
import { actionId, callAction } from "./server-actions";

// Links an editor checks before trusting a source (issue 10, item 6): an address with invisible bidi controls is
// refused at its field, over HTTP as in the form; an internationalised host is shown in punycode beside the link,
// so a look-alike host ("pаypal.com" with a Cyrillic а) stands out.

test("a source URL with a bidi control is refused at its field and nothing is written", async ({
  request,
  db,
  editor,
}) => {
  const claim = await makeTestClaim(db);
  const titles: string[] = [];
  const version = (await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version;
  for (const field of ["url", "archiveUrl"] as const) {
    const title = unique("Bidi");
    titles.push(title);
    const response = await callAction(
      request,
      actionId("attachSourceAction", "source-actions"),
      [
        {
          claimId: claim.id,
          version,
          stance: "CONTEXT",
          source: {
            mode: "new",
            fields: {
              title,
              type: "OTHER",
              protected: false,
              [field]: "https://example.org/\u202Egpj.exe",
            },
          },
        },
      ],
      { path: `/editor/claims/${claim.id}`, cookie: editor.cookie },
    );
    expect(response.status).toBe(200);
    expect(response.result).toMatchObject({
      ok: false,
      fieldErrors: { [`source.fields.${field}`]: [expect.stringMatching(/direction-changing characters/)] },
    });
  }
  expect(await db.source.count({ where: { title: { in: titles } } })).toBe(0);
  expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).toEqual({ version });
});

test("an internationalised source host is shown to editors in punycode", async ({ editorPage: page, db }) => {
  const claim = await makeTestClaim(db, {
    sources: [{ stance: "SUPPORTS", title: unique("Look-alike"), url: "https://p\u0430ypal.com/report" }],
  });
  await page.goto(`/editor/claims/${claim.id}`);
  const host = page.getByTestId("editor-sources").getByTestId("source-host");
  await expect(host).toContainText("xn--pypal-4ve.com");
  await expect(host).toContainText("internationalised address");
});
