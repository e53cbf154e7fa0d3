import type { PrismaPg } from "@prisma/adapter-pg";

// Prisma 6.19's transaction manager ends an interactive transaction by sending COMMIT or ROLLBACK through the
// transaction's executeRaw and only then calling its commit()/rollback(), which is what gives the pool connection
// back (node_modules/@prisma/client/runtime/client.js, TransactionManager; node_modules/@prisma/adapter-pg). When
// that COMMIT or ROLLBACK throws — the server restarted, the connection was cut — commit()/rollback() is never
// called and the connection never returns to the pool. Every PostgreSQL restart cost each instance the connections
// its in-flight transactions held, until the pool was empty and every request waited forever
// (tests/postgres-restart.postgres.test.ts). So when ending a transaction fails, the connection is released here; a
// dead one is then dropped by the pool (pg-pool removes clients that are no longer queryable).

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Transaction["executeRaw"]>[0];

const ENDS_TRANSACTION = new Set(["COMMIT", "ROLLBACK"]);

export function releaseConnectionWhenEndingFails(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx: Transaction = await startTransaction(isolationLevel);
      const executeRaw = tx.executeRaw.bind(tx);
      const rollback = tx.rollback.bind(tx);
      let released = false;
      tx.rollback = async () => {
        if (released) return;
        released = true;
        await rollback();
      };
      const commit = tx.commit.bind(tx);
      tx.commit = async () => {
        if (released) return;
        released = true;
        await commit();
      };
      tx.executeRaw = async (query: Query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          // The manager will not call commit()/rollback() after this throws: give the connection back now.
          if (ENDS_TRANSACTION.has(query.sql.trim().toUpperCase())) await tx.rollback().catch(() => undefined);
          throw error;
        }
      };
      return tx;
    };
    return adapter;
  };
  return factory;
}
