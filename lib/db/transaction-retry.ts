import { Prisma } from "@/generated/prisma/client";

// The one place where a transaction that lost a race with another one is run again (docs/decisions/0035-retries-
// isolation-pool.md). PostgreSQL ends one of two transactions that lock rows in opposite orders (deadlock, SQLSTATE
// 40P01) or, under SERIALIZABLE, one whose reads another changed (40001); Prisma reports the latter as P2034. Each
// such loser wrote nothing, so running its callback again is safe; every write's callback only reads and writes
// through `tx`. The optimistic checks (lib/data/writes/version-check.ts) run again on the retry and turn a real
// conflict into the editor's conflict message. When the retries run out the write is refused with "try again" by
// the Server Action runner (lib/actions/run-action.ts), never a 500. SQLite never raises these: one transaction runs
// at a time (lib/sqlite/one-connection.ts), so there the wrapper only passes calls through.

/** SQLSTATEs of a transaction the server rolled back because of another one: safe to run again. */
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

export type RetrySettings = {
  /** Runs after the first: 4 → at most five attempts. */
  retries: number;
  /** The first wait; each later one doubles, each a random time up to that bound ("full jitter"). */
  baseDelayMs: number;
};

export const RETRY_DEFAULTS: RetrySettings = { retries: 4, baseDelayMs: 20 };

/** Thrown when a transaction still lost its race after every retry: nothing was written; the caller may try again. */
export class TransactionContention extends Error {
  constructor(
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`The database was busy with other writes (${attempts} attempts); nothing was saved.`, options);
    this.name = "TransactionContention";
  }
}

/** What an editor reads when a write was refused as contention. */
export const CONTENTION_MESSAGE =
  "The database was busy with other saves at the same moment and nothing was saved. Please try again.";

function sqlState(error: unknown): string | undefined {
  // @prisma/adapter-pg passes the server's code on as cause.originalCode (a DriverAdapterError), sometimes wrapped
  // in a Prisma error's meta.driverAdapterError.
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const o = e as { cause?: unknown; meta?: { driverAdapterError?: unknown }; originalCode?: unknown; code?: unknown };
    if (typeof o.originalCode === "string") return o.originalCode;
    if (typeof o.code === "string" && /^[0-9A-Z]{5}$/.test(o.code) && !o.code.startsWith("P")) return o.code;
    e = o.cause ?? o.meta?.driverAdapterError;
  }
  return undefined;
}

/** A serialisation failure or deadlock: the transaction was rolled back and may run again. */
export function isRetryableConflict(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return true;
  const state = sqlState(error);
  return state !== undefined && RETRYABLE_SQLSTATES.has(state);
}

/**
 * No connection or no time for the transaction: Prisma's P2028 ("Unable to start a transaction in the given time"
 * while every pooled connection is held, or a transaction past its timeout, which was rolled back). Not retried —
 * more attempts would add load to a full pool — but refused like contention.
 */
export function isTransactionTimeout(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2028";
}

/** Either: the write was refused as contention, nothing was written, and the same request may simply be sent again. */
export function isContention(error: unknown): boolean {
  return error instanceof TransactionContention || isTransactionTimeout(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails for another reason, or `retries` more runs also lost their race. */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  settings: RetrySettings = RETRY_DEFAULTS,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (n > settings.retries) throw new TransactionContention(n, { cause: error });
      await sleep(Math.random() * settings.baseDelayMs * 2 ** (n - 1));
    }
  }
}

type TransactionFn = (arg: unknown, options?: unknown) => Promise<unknown>;

/**
 * Makes `client.$transaction(async (tx) => …)` retry serialisation failures and deadlocks (withRetries). The batch
 * form, `$transaction([…])`, passes through: its queries are promises already made and cannot run twice.
 */
export function retryInteractiveTransactions<C extends object>(client: C, settings: RetrySettings = RETRY_DEFAULTS): C {
  const holder = client as unknown as { $transaction: TransactionFn };
  const original = holder.$transaction.bind(client);
  holder.$transaction = (arg, options) =>
    typeof arg === "function" ? withRetries(() => original(arg, options), settings) : original(arg, options);
  return client;
}
