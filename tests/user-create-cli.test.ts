import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/create-client";
import { userCreate } from "@/scripts/user-create";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

describe("npm run user:create", () => {
  it("creates an account with a generated password printed once, and audits it as the CLI", async () => {
    const outcome = await userCreate(db, ["--email", "Cli.Editor@Example.org", "--role", "editor"]);
    expect(outcome.exitCode).toBe(0);
    const password = outcome.lines.find((l) => l.startsWith("Password: "))?.slice("Password: ".length) ?? "";
    expect(password).toHaveLength(20);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "cli.editor@example.org" },
      select: { id: true, name: true, role: true, passwordHash: true },
    });
    expect(user).toMatchObject({ name: "cli.editor", role: "EDITOR" });
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entity: "User", entityId: String(user.id) },
      select: { userId: true, action: true, changes: true },
    });
    expect(event).toMatchObject({ userId: null, action: "create" });
    expect(JSON.parse(event.changes)).toMatchObject({ via: "cli" });
    expect(event.changes).not.toContain(password);
  });

  it("uses a given name and password and prints no password", async () => {
    const outcome = await userCreate(db, [
      "--email",
      "cli-admin@example.org",
      "--role",
      "ADMIN",
      "--name",
      "Cli Admin",
      "--password",
      "chosen passphrase",
    ]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.lines.join("\n")).not.toContain("chosen passphrase");
    const user = await db.user.findUniqueOrThrow({
      where: { email: "cli-admin@example.org" },
      select: { role: true, passwordHash: true },
    });
    expect(user.role).toBe("ADMIN");
    expect(await verifyPassword(user.passwordHash, "chosen passphrase")).toBe(true);
  });

  it("refuses an existing email with exit code 1 and a clear message", async () => {
    await userCreate(db, ["--email", "taken@example.org", "--role", "EDITOR"]);
    const outcome = await userCreate(db, ["--email", "TAKEN@example.org", "--role", "EDITOR"]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines.join("\n")).toMatch(/An account with this email address already exists\..*taken@example\.org/);
    expect(await db.user.count({ where: { email: "taken@example.org" } })).toBe(1);
  });

  it("refuses invalid or unknown options with exit code 1 and writes nothing", async () => {
    const before = await db.user.count();
    for (const argv of [
      ["--email", "not-an-email", "--role", "EDITOR"],
      ["--email", "ok@example.org", "--role", "OWNER"],
      ["--email", "ok@example.org", "--role", "EDITOR", "--password", "short"],
      ["--email", "ok@example.org"],
      ["--email", "ok@example.org", "--role", "EDITOR", "--admin"],
    ]) {
      const outcome = await userCreate(db, argv);
      expect(outcome.exitCode, argv.join(" ")).toBe(1);
      expect(outcome.lines.length).toBeGreaterThan(0);
    }
    expect(await db.user.count()).toBe(before);
  });
});
