import { randomInt } from "node:crypto";
import { z } from "zod";
import { engineOf, type Db, type Tx } from "@/lib/db/create-client";
import { allowLongTransaction } from "@/lib/db/long-transaction";
import { bulkInsert as postgresBulkInsert } from "@/lib/postgres/bulk-insert";
import { bulkInsert as sqliteBulkInsert } from "@/lib/sqlite/bulk-insert";
import { actorRows, claimBatch, createRng, sourceRows } from "./synthetic-rows";

/** Multi-row inserts on the client's engine (docs/decisions/0031-postgresql-by-url.md). */
const bulkInsert: typeof sqliteBulkInsert = (tx: Tx, ...args) =>
  (engineOf(tx) === "postgresql" ? postgresBulkInsert : sqliteBulkInsert)(tx, ...args);

// Loads N synthetic claims (and their actors, sources, figures, links and history) for load and UI testing.
// Each run adds rows under its own run id; earlier synthetic rows are kept. Every row carries synthetic = true
// (claims, actors, sources) or belongs to such a claim, so `DELETE FROM "Claim" WHERE synthetic` and friends
// remove them all.

export const MAX_SYNTHETIC = 1_000_000;

const CountSchema = z
  .string({ error: "give the number of claims, e.g. npm run db:synthetic -- 1000" })
  .regex(/^\d+$/, { error: "must be a whole number" })
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, { error: "must be at least 1" })
      .max(MAX_SYNTHETIC, { error: `must be at most ${MAX_SYNTHETIC.toLocaleString("en")}` }),
  );

/** The N in `db:synthetic -- N`; throws a message fit for the terminal. */
export function parseSyntheticCount(arg: string | undefined): number {
  const result = CountSchema.safeParse(arg?.replace(/_/g, ""));
  if (result.success) return result.data;
  throw new Error(
    `N ${result.error.issues[0]?.message ?? "is invalid"} (got ${arg === undefined ? "nothing" : JSON.stringify(arg)})`,
  );
}

export type SyntheticOptions = {
  count: number;
  /** same seed, same data (apart from the run id); random by default */
  seed?: number;
  /** claims per transaction */
  batchSize?: number;
  now?: Date;
  onProgress?: (claimsDone: number) => void;
};

export type SyntheticResult = {
  runId: string;
  seed: number;
  actors: number;
  sources: number;
  claims: number;
  claimSources: number;
  figures: number;
  links: number;
  statusChanges: number;
};

export async function loadSynthetic(db: Db, options: SyntheticOptions): Promise<SyntheticResult> {
  const count = options.count;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SYNTHETIC)
    throw new Error(`count must be 1..${MAX_SYNTHETIC}`);
  const seed = options.seed ?? randomInt(2 ** 31);
  const rng = createRng(seed);
  const now = (options.now ?? new Date()).getTime();
  // Base 36 time plus randomness: unique per run, short enough for readable slugs.
  const runId = `${now.toString(36)}${randomInt(36 ** 3)
    .toString(36)
    .padStart(3, "0")}`;
  const batchSize = options.batchSize ?? 5_000;
  const actorCount = Math.min(300, Math.max(10, Math.ceil(count / 100)));
  const sourceCount = Math.max(5, Math.ceil(count / 3));
  const result: SyntheticResult = {
    runId,
    seed,
    actors: actorCount,
    sources: sourceCount,
    claims: count,
    claimSources: 0,
    figures: 0,
    links: 0,
    statusChanges: 0,
  };
  const txOptions = { timeout: 300_000, maxWait: 30_000 };

  // Ids are handed out here, from max(id) read inside the writing transaction, so relations are set without
  // reading anything back. Should another process write between that read and our insert, SQLite refuses the
  // insert (busy snapshot) and the run stops: ids can never collide.
  const { actorIds, sourceIds } = await db.$transaction(async (tx) => {
    await allowLongTransaction(tx);
    const actorBase = (await tx.actor.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const sourceBase = (await tx.source.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const actors = actorRows(rng, runId, actorBase + 1, actorCount, now);
    const sources = sourceRows(rng, runId, sourceBase + 1, sourceCount, now);
    await bulkInsert(tx, "Actor", actors);
    await bulkInsert(tx, "Source", sources);
    return { actorIds: actors.map((a) => a.id as number), sourceIds: sources.map((s) => s.id as number) };
  }, txOptions);

  const claimIds: number[] = [];
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    await db.$transaction(async (tx) => {
      await allowLongTransaction(tx);
      const base = (await tx.claim.aggregate({ _max: { id: true } }))._max.id ?? 0;
      for (let i = start; i < end; i++) claimIds[i] = base + 1 + (i - start);
      const batch = claimBatch({ rng, runId, now, actorIds, sourceIds, claimIds }, start, end);
      // Parents before children: foreign keys are checked per statement.
      await bulkInsert(tx, "Claim", batch.claims);
      await bulkInsert(tx, "ClaimSource", batch.claimSources);
      await bulkInsert(tx, "CasualtyFigure", batch.figures);
      await bulkInsert(tx, "ClaimLink", batch.links);
      await bulkInsert(tx, "StatusChange", batch.statusChanges);
      result.claimSources += batch.claimSources.length;
      result.figures += batch.figures.length;
      result.links += batch.links.length;
      result.statusChanges += batch.statusChanges.length;
    }, txOptions);
    options.onProgress?.(end);
  }
  return result;
}
