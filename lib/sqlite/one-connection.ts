import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The better-sqlite3 adapter keeps ONE connection per client and locks it only between transactions. Two faults
// follow, both shown by tests/sqlite-one-connection.sqlite.test.ts:
// 1. A query outside a transaction that runs while another request's interactive transaction is open (the
//    transaction awaits between its queries, so other requests' queries interleave) runs *inside* that
//    transaction: when it rolls back, an already acknowledged write is rolled back with it.
// 2. The adapter opens transactions with a deferred BEGIN. A transaction that reads, then writes after another
//    process (the import CLI, a script, a second server) committed in between fails at once with "database is
//    locked": SQLite cannot upgrade a stale read snapshot, and busy_timeout does not help.
// So every query outside a transaction waits until no transaction is open on the connection, and transactions
// begin IMMEDIATE: they take the write lock first (waiting up to busy_timeout) and never hold a stale snapshot.

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Statement = { prepare: (sql: string) => unknown };

/** A first-come lock: `acquire` resolves with the function that releases it. */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}

export function oneWriterPerConnection(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const lock = new Lock();

    const client = (adapter as unknown as { client: Statement }).client;
    const prepare = client.prepare.bind(client);
    // The adapter's startTransaction prepares exactly "BEGIN" (node_modules/@prisma/adapter-better-sqlite3).
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);

    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const release = await lock.acquire();
      let tx: Transaction;
      try {
        tx = await startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      tx.commit = () => commit().finally(release);
      tx.rollback = () => rollback().finally(release);
      return tx;
    };

    for (const method of ["queryRaw", "executeRaw", "executeScript"] as const) {
      const run = (adapter[method] as (arg: never) => Promise<unknown>).bind(adapter);
      (adapter as unknown as Record<string, unknown>)[method] = async (arg: never) => {
        const release = await lock.acquire();
        try {
          return await run(arg);
        } finally {
          release();
        }
      };
    }
    return adapter;
  };
  return factory;
}
