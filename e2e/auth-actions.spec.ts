import { randomInt } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect as baseExpect, sessionCookieHeader, test } from "./fixtures";
import { hashToken } from "@/lib/auth/session-token";
import { makeTestUser, unique } from "@/test-support/builders";
import { e2eDb } from "./db";
import { actionId, callAction } from "./server-actions";

// Multi-step flows with argon2 and several page loads: generous limits, so a busy machine slows them, not fails them.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

// Every Server Action of accounts and sessions, called over plain HTTP the way a crafted request would:
// without a session, with a session that is not an admin's, from a foreign Origin, and with bodies the forms
// would never send. Each must refuse and write nothing; a valid call (the control) must succeed, so the
// refusals are not an artefact of calling the action wrongly.

const ADMIN_ACTIONS = "app/admin/users/actions";
const ownIp = () => ({ "x-forwarded-for": `198.19.${randomInt(256)}.${randomInt(1, 255)}` });
const NOT_SIGNED_IN = "You are not signed in, or your session has ended. Sign in and try again.";

/** What an account action could have changed about its target: compared before and after each refused call. */
async function footprint(userId: number) {
  const db = await e2eDb();
  return {
    user: await db.user.findUnique({
      where: { id: userId },
      select: { role: true, disabledAt: true, passwordHash: true, email: true, name: true },
    }),
    sessions: await db.session.count({ where: { userId } }),
    audit: await db.auditEvent.count({ where: { entity: "User", entityId: String(userId) } }),
  };
}

type Case = { name: string; args: unknown[] };

/** Bodies a browser form would never send; `target` is an existing account id. */
const crafted = (target: number): Case[] => [
  { name: "no argument", args: [] },
  { name: "null", args: [null] },
  { name: "a string", args: ["userId=1"] },
  { name: "an array", args: [[target]] },
  { name: "id as text", args: [{ userId: String(target), role: "ADMIN", password: "" }] },
  { name: "fractional id", args: [{ userId: target + 0.5, role: "ADMIN", password: "" }] },
  { name: "negative id", args: [{ userId: -target, role: "ADMIN", password: "" }] },
  { name: "huge id", args: [{ userId: 1e20, role: "ADMIN", password: "" }] },
  { name: "unknown role", args: [{ userId: target, role: "OWNER", password: "" }] },
  { name: "password too long", args: [{ userId: target, role: "ADMIN", password: "p".repeat(129) }] },
  { name: "password too short", args: [{ userId: target, role: "ADMIN", password: "short" }] },
  { name: "password not text", args: [{ userId: target, role: "ADMIN", password: 12345678 }] },
];

const accountActions: {
  exportName: string;
  valid: (target: number) => Record<string, unknown>;
  invalid: (target: number) => Case[];
}[] = [
  { exportName: "disableUserAction", valid: (userId) => ({ userId }), invalid: (t) => crafted(t).slice(0, 8) },
  { exportName: "enableUserAction", valid: (userId) => ({ userId }), invalid: (t) => crafted(t).slice(0, 8) },
  { exportName: "endSessionsAction", valid: (userId) => ({ userId }), invalid: (t) => crafted(t).slice(0, 8) },
  { exportName: "liftSignInLockAction", valid: (userId) => ({ userId }), invalid: (t) => crafted(t).slice(0, 8) },
  {
    exportName: "changeRoleAction",
    valid: (userId) => ({ userId, role: "ADMIN" }),
    invalid: (t) => crafted(t).slice(0, 9),
  },
  {
    exportName: "resetPasswordAction",
    valid: (userId) => ({ userId, password: "" }),
    invalid: (t) => [...crafted(t).slice(0, 8), ...crafted(t).slice(9)],
  },
];

async function expectRefused(
  request: APIRequestContext,
  id: string,
  target: number,
  args: unknown[],
  options: Parameters<typeof callAction>[3],
  formError: string | RegExp,
) {
  const before = await footprint(target);
  const response = await callAction(request, id, args, options);
  expect(response.status).toBe(200);
  expect(response.result).toMatchObject({ ok: false, formError: expect.stringMatching(formError) as unknown });
  expect(await footprint(target)).toEqual(before);
}

for (const { exportName, valid, invalid } of accountActions) {
  test.describe(exportName, () => {
    test("refuses anonymous, non-admin, foreign-origin and crafted calls, and writes nothing", async ({
      request,
      editor,
      admin,
      db,
    }) => {
      const id = actionId(exportName, ADMIN_ACTIONS);
      const target = await makeTestUser(db, { role: "EDITOR" });
      // Give the target something to lose: a session, and (for enable) a disabled state.
      await db.session.create({
        data: { userId: target.id, tokenHash: unique("t"), expiresAt: new Date(Date.now() + 3600_000) },
      });
      if (exportName === "enableUserAction")
        await db.user.update({ where: { id: target.id }, data: { disabledAt: new Date() } });
      const path = `/admin/users/${target.id}`;
      const args = [valid(target.id)];

      // No cookie at all: the proxy sends the request to the sign-in page before any action runs.
      const before = await footprint(target.id);
      const anonymous = await callAction(request, id, args, { path });
      expect(anonymous.status).toBe(307);
      expect(await footprint(target.id)).toEqual(before);

      // A cookie that opens no session gets past the proxy, and the action itself refuses.
      await expectRefused(
        request,
        id,
        target.id,
        args,
        { path, cookie: sessionCookieHeader("forged-token") },
        NOT_SIGNED_IN,
      );
      // An editor's POST to an admin page: a real 403 from the proxy (the action would refuse it too).
      const asEditor = await callAction(request, id, args, { path, cookie: editor.cookie });
      expect(asEditor.status).toBe(403);
      expect(asEditor.result).toBeUndefined();
      expect(await footprint(target.id)).toEqual(before);

      const foreign = await callAction(request, id, args, {
        path,
        cookie: admin.cookie,
        origin: "https://evil.example",
      });
      expect(foreign.status).toBe(403); // proxy.ts refuses it (lib/http/action-request.ts): the action never runs
      expect(foreign.result).toBeUndefined();
      expect(await footprint(target.id)).toEqual(before);

      for (const c of invalid(target.id)) {
        const snapshot = await footprint(target.id);
        const response = await callAction(request, id, c.args, { path, cookie: admin.cookie });
        expect(response.status, c.name).toBe(200);
        expect(response.result, c.name).toMatchObject({ ok: false, fieldErrors: expect.any(Object) as unknown });
        expect(Object.keys((response.result as { fieldErrors: object }).fieldErrors).length, c.name).toBeGreaterThan(0);
        expect(await footprint(target.id), c.name).toEqual(snapshot);
      }
      // An id that does not exist is a field error too.
      const missing = await callAction(request, id, [valid(2_000_000_000)], { path, cookie: admin.cookie });
      expect(missing.result).toMatchObject({ ok: false, fieldErrors: { userId: ["There is no such account."] } });

      // The control: the same call, properly made, does its work.
      const control = await callAction(request, id, args, { path, cookie: admin.cookie });
      expect(control.status).toBe(200);
      expect(control.result).toMatchObject({ ok: true });
      expect(await footprint(target.id)).not.toEqual(before);
    });
  });
}

test.describe("createUserAction", () => {
  test("refuses anonymous, non-admin, foreign-origin and crafted calls, and creates nothing", async ({
    request,
    editor,
    admin,
    db,
  }) => {
    const id = actionId("createUserAction", ADMIN_ACTIONS);
    const email = `${unique("crafted")}@e2e.test`;
    const valid = { email, name: "Crafted", role: "ADMIN", password: "" };
    const created = async () => db.user.count({ where: { email } });
    const audited = async () => db.auditEvent.count({ where: { action: "create", changes: { contains: email } } });

    expect((await callAction(request, id, [valid])).status).toBe(307);
    const forged = await callAction(request, id, [valid], { cookie: sessionCookieHeader("forged-token") });
    expect(forged.result).toMatchObject({ ok: false, formError: NOT_SIGNED_IN });
    // An editor's POST to an admin page: a real 403 from the proxy, before the action's own refusal.
    expect((await callAction(request, id, [valid], { cookie: editor.cookie })).status).toBe(403);
    expect(
      (await callAction(request, id, [valid], { cookie: admin.cookie, origin: "https://evil.example" })).status,
    ).toBe(403);

    const existing = await makeTestUser(db, { role: "EDITOR" });
    const cases: Case[] = [
      { name: "no argument", args: [] },
      { name: "null", args: [null] },
      { name: "email missing", args: [{ name: "X", role: "EDITOR" }] },
      { name: "email not an address", args: [{ ...valid, email: "javascript:alert(1)" }] },
      { name: "email as a number", args: [{ ...valid, email: 42 }] },
      { name: "email too long", args: [{ ...valid, email: `${"a".repeat(250)}@e2e.test` }] },
      { name: "name empty after trimming", args: [{ ...valid, name: "   " }] },
      { name: "name too long", args: [{ ...valid, name: "n".repeat(101) }] },
      { name: "unknown role", args: [{ ...valid, role: "ROOT" }] },
      { name: "role in lower case", args: [{ ...valid, role: "admin" }] },
      { name: "password too short", args: [{ ...valid, password: "1234567" }] },
      { name: "password too long", args: [{ ...valid, password: "p".repeat(129) }] },
      { name: "taken email in other case", args: [{ ...valid, email: existing.email.toUpperCase() }] },
    ];
    for (const c of cases) {
      const response = await callAction(request, id, c.args, { cookie: admin.cookie });
      expect(response.status, c.name).toBe(200);
      expect(response.result, c.name).toMatchObject({ ok: false, fieldErrors: expect.any(Object) as unknown });
      expect(Object.keys((response.result as { fieldErrors: object }).fieldErrors).length, c.name).toBeGreaterThan(0);
    }
    expect(await created()).toBe(0);
    expect(await audited()).toBe(0);
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);

    const control = await callAction(request, id, [valid], { cookie: admin.cookie });
    expect(control.result).toMatchObject({
      ok: true,
      data: { email, generatedPassword: expect.any(String) as unknown },
    });
    expect(await created()).toBe(1);
    expect(await audited()).toBe(1);
  });
});

test.describe("signInAction", () => {
  test("refuses foreign-origin and crafted calls without recording anything; the proper call signs in", async ({
    request,
    db,
  }) => {
    const id = actionId("signInAction", "app/login/actions");
    const user = await makeTestUser(db, { role: "EDITOR" });
    const attempts = () => db.loginAttempt.count({ where: { email: user.email } });
    const sessions = () => db.session.count({ where: { userId: user.id } });
    const good = { email: user.email, password: user.password, next: "/admin/users" };

    const foreign = await callAction(request, id, [good], { origin: "https://evil.example", headers: ownIp() });
    expect(foreign.status).toBe(403);
    expect(foreign.headers["set-cookie"]).toBeUndefined();
    expect(await attempts()).toBe(0);

    const cases: Case[] = [
      { name: "no argument", args: [] },
      { name: "null", args: [null] },
      { name: "email as an object", args: [{ email: { $ne: "" }, password: user.password }] },
      { name: "password as a number", args: [{ email: user.email, password: 12345678 }] },
      { name: "password too long", args: [{ email: user.email, password: "p".repeat(129) }] },
      { name: "password missing", args: [{ email: user.email }] },
      { name: "next too long", args: [{ ...good, next: `/${"a".repeat(2001)}` }] },
    ];
    for (const c of cases) {
      const response = await callAction(request, id, c.args, { headers: ownIp() });
      expect(response.status, c.name).toBe(200);
      expect(response.result, c.name).toMatchObject({ ok: false, fieldErrors: expect.any(Object) as unknown });
      expect(response.headers["set-cookie"], c.name).toBeUndefined();
    }
    expect(await attempts()).toBe(0);
    expect(await sessions()).toBe(0);

    // An outside `next` is replaced by /editor; both cookies are HttpOnly and SameSite=Lax; the device cookie
    // (lib/auth/device-cookie.ts) lasts a year.
    const control = await callAction(request, id, [{ ...good, next: "https://evil.example/" }], { headers: ownIp() });
    expect(control.redirect).toBe("/editor");
    const setCookies = (control.headers["set-cookie"] ?? "").split("\n");
    expect(setCookies.find((c) => c.startsWith("cw_session="))).toMatch(
      /^cw_session=[\w-]{43}; Path=\/; Expires=.*; HttpOnly; SameSite=lax$/,
    );
    expect(setCookies.find((c) => c.startsWith("cw_device="))).toMatch(
      new RegExp(
        `^cw_device=${user.id}\\.[\\w-]{22}\\.\\d+\\.[\\w-]{43}; Path=/; .*Max-Age=31536000; HttpOnly; SameSite=lax$`,
      ),
    );
    expect(await sessions()).toBe(1);
    expect(await attempts()).toBe(1);
  });
});

test.describe("signOutAction", () => {
  test("a foreign origin cannot end a session; without a session it just redirects; with one it ends it", async ({
    request,
    editor: user,
    db,
  }) => {
    const id = actionId("signOutAction", "app/logout/actions");
    const { token, cookie } = user;
    const sessions = () => db.session.count({ where: { tokenHash: hashToken(token) } });
    // Posted from the editor's chrome: an editor's POST to an /admin page is refused by the proxy (403).
    // A foreign Origin is refused by the proxy before any action runs (lib/http/action-request.ts).
    const foreign = await callAction(request, id, [], { path: "/editor", cookie, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await sessions()).toBe(1);

    const noSession = await callAction(request, id, [], {
      path: "/editor",
      cookie: sessionCookieHeader("forged-token"),
    });
    expect(noSession.status).toBe(200);
    expect(noSession.redirect).toBe("/");
    expect(await sessions()).toBe(1);

    // Arguments are ignored; the session is the only input.
    const signedOut = await callAction(request, id, [{ userId: user.id }], { path: "/editor", cookie });
    expect(signedOut.redirect).toBe("/");
    expect(signedOut.headers["set-cookie"]).toMatch(/^cw_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(await sessions()).toBe(0);
    expect(await db.auditEvent.count({ where: { userId: user.id, action: "logout" } })).toBe(1);
  });
});
