import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { LONG_TRANSACTION_SQL } from "@/lib/postgres/connection";
import { openPostgresImportWriter } from "@/lib/postgres/import-writer";
import { createTestDb } from "./helpers/test-db";

// The PostgreSQL import writer's own guarantees (lib/postgres/import-writer.ts), beyond the import tests that run
// on both engines: its locks keep other writers out until it ends, its data version sees other connections'
// commits (so the import plans again under the locks), and the id sequences end up past the ids it wrote.

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, url, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

const settled = async (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

describe("the PostgreSQL import writer", () => {
  it("holds other writers of its tables until it ends; readers carry on", async () => {
    const writer = await openPostgresImportWriter(url);
    try {
      await writer.begin();
      const blocked = db.actor.create({ data: { slug: "waits-for-import", name: "Waits", kind: "MEDIA" } });
      expect(await settled(blocked, 500)).toBe(false);
      expect(await settled(db.claim.count(), 2_000)).toBe(true);
      await writer.rollback();
      await blocked;
      expect(await db.actor.count({ where: { slug: "waits-for-import" } })).toBe(1);
    } finally {
      await writer.close();
    }
  });

  it("sees another connection's commit in its data version", async () => {
    const writer = await openPostgresImportWriter(url);
    try {
      const before = await writer.dataVersion();
      await db.actor.create({ data: { slug: "moves-the-version", name: "Moves", kind: "MEDIA" } });
      expect(await writer.dataVersion()).not.toBe(before);
    } finally {
      await writer.close();
    }
  });

  it("moves the id sequence past the ids it wrote, and never backwards", async () => {
    const top = (await db.actor.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const writer = await openPostgresImportWriter(url);
    const written = new Date("2026-11-20T22:30:00.123Z");
    // A process far from UTC: the pg driver would send local time; the writer sends UTC as Prisma stores it.
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Kabul";
    try {
      await writer.begin();
      await writer.insert("Actor", [
        { id: top + 50, slug: "explicit-id", name: "Explicit", kind: "MEDIA", createdAt: written, updatedAt: written },
      ]);
      await writer.commit();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      await writer.close();
    }
    const next = await db.actor.create({ data: { slug: "after-explicit", name: "After", kind: "MEDIA" } });
    expect(next.id).toBe(top + 51);
    const stored = await db.actor.findUniqueOrThrow({ where: { slug: "explicit-id" }, select: { createdAt: true } });
    expect(stored.createdAt.toISOString()).toBe(written.toISOString());

    // A later import of lower ids (a gap being filled) leaves the sequence where it is.
    const again = await openPostgresImportWriter(url);
    try {
      await again.begin();
      const now = new Date();
      await again.insert("Actor", [
        { id: top + 10, slug: "lower-id", name: "Lower", kind: "MEDIA", createdAt: now, updatedAt: now },
      ]);
      await again.commit();
    } finally {
      await again.close();
    }
    const last = await db.actor.create({ data: { slug: "after-lower", name: "After lower", kind: "MEDIA" } });
    expect(last.id).toBe(top + 52);
  });

  it("refuses rows whose keys differ, before sending anything", async () => {
    const writer = await openPostgresImportWriter(url);
    try {
      await writer.begin();
      const now = new Date();
      await expect(
        writer.insert("Actor", [
          { slug: "a", name: "A", kind: "MEDIA", createdAt: now, updatedAt: now },
          { slug: "b", name: "B", kind: "MEDIA", createdAt: now },
        ]),
      ).rejects.toThrow(/every row needs the columns/);
      await writer.rollback();
    } finally {
      await writer.close();
    }
  });

  it("the planning transaction of a dry run gets long timeouts, for itself only", async () => {
    const show = async (tx: Pick<Db, "$queryRawUnsafe">) => {
      const [row] = await tx.$queryRawUnsafe<{ idle: string; statement: string }[]>(
        "SELECT current_setting('idle_in_transaction_session_timeout') AS idle, current_setting('statement_timeout') AS statement",
      );
      return row;
    };
    const inside = await db.$transaction(async (tx) => {
      for (const sql of LONG_TRANSACTION_SQL) await tx.$executeRawUnsafe(sql);
      return show(tx);
    });
    expect(inside).toEqual({ idle: "10min", statement: "10min" });
    expect(await show(db)).toEqual({ idle: "30s", statement: "15s" });
  });
});
