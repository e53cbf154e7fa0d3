import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestUser, type TestUser } from "@/test-support/builders";
import type { Db } from "@/lib/db/create-client";
import { sqliteFilePath } from "@/lib/sqlite/connection";
import { createTestDb } from "./helpers/test-db";

// The server's one SQLite connection under interleaved requests and a second writing process
// (lib/sqlite/one-connection.ts says why both used to fail).

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let user: TestUser;

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  user = await makeTestUser(db, { name: "Before" });
});
afterAll(async () => cleanup());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nameOf = async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).name;

/** Another process writing the user's name, the way the import CLI or a script writes beside the server. */
function writeFromAnotherProcess(name: string): Promise<number | null> {
  const script = `const D = require("better-sqlite3"); const d = new D(process.argv[1]); d.pragma("busy_timeout = 5000");
    d.prepare('UPDATE "User" SET "name" = ? WHERE "id" = ?').run(process.argv[2], Number(process.argv[3]));`;
  const child = spawn(process.execPath, ["-e", script, sqliteFilePath(url), name, String(user.id)], {
    stdio: "inherit",
  });
  return new Promise((resolve) => child.on("exit", resolve));
}

describe("one SQLite connection shared by concurrent requests", () => {
  it("a write acknowledged outside a transaction survives another request's rollback", async () => {
    await db.user.update({ where: { id: user.id }, data: { name: "Before" } });
    const failing = db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "Never kept" } });
        await pause(150);
        throw new Error("refused on purpose");
      })
      .catch((error: Error) => error.message);
    await pause(30);
    await db.user.update({ where: { id: user.id }, data: { name: "Acknowledged" } });
    expect(await failing).toBe("refused on purpose");
    expect(await nameOf()).toBe("Acknowledged");
  });

  it("a transaction that reads, then writes, is not refused because another process wrote meanwhile", async () => {
    let child: Promise<number | null> | undefined;
    await db.$transaction(async (tx) => {
      await tx.user.findUniqueOrThrow({ where: { id: user.id } });
      child = writeFromAnotherProcess("From the other process");
      // Long enough for the other process to have written, had it not been made to wait for this transaction.
      await Promise.race([child, pause(3000)]);
      await tx.user.update({ where: { id: user.id }, data: { name: "From the transaction" } });
    });
    expect(await child).toBe(0);
    // The other process waited for the commit, then wrote: both writes happened, in that order.
    expect(await nameOf()).toBe("From the other process");
  });
});
