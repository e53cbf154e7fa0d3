import { PrismaPg } from "@prisma/adapter-pg";

// The adapter prisma.config.ts gives the Prisma CLI (migrate deploy/diff, db push) for a PostgreSQL DATABASE_URL.
// @prisma/adapter-pg 6.19.3 has three defects that break the CLI (not the app's queries); each is worked round here
// and nowhere else, so the wrapper can go when the adapter is fixed (docs/decisions/0031-postgresql-by-url.md):
// 1. No column type for PostgreSQL's catalog types ("name", "char", …): the schema engine's introspection fails with
//    "Column type 'name' could not be deserialized". Their fields are reported as text before the rows are read.
// 2. The shadow database: pg lets a connection string override `database`, so the adapter's shadow pool would run
//    the migrations on the main database; and it drops the shadow database before closing that pool. Here the shadow
//    pool gets its settings one by one, and is closed before the DROP.
// 3. executeScript() splits a migration on ";", which breaks $$-quoted function bodies (the search trigger in
//    scripts/postgres-schema.ts): the script goes to the server as one query.
// And one of the wasm schema engine: its introspection panics ("RuntimeError: unreachable") on a CHECK constraint,
// so `migrate diff --from-migrations` failed once the baseline had the three of scripts/postgres-schema.ts.
// Prisma does not model CHECK constraints anyway: they are left out of the constraint list the engine reads.

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgResult = { fields?: { name: string; dataTypeID: number }[]; rows?: unknown[][] };
type Internals = {
  performIO: (query: unknown) => Promise<PgResult>;
  startTransaction: (isolation?: unknown) => Promise<unknown>;
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
};

// name, "char", int2vector, regproc, oidvector, pg_node_tree, regnamespace, regrole → text; name[], int2vector[] → text[]
const AS_TEXT = new Set([18, 19, 22, 24, 30, 194, 2205, 2206, 4089, 4096]);
const AS_TEXT_ARRAY = new Set([1002, 1003, 1006]);
const TEXT = 25;
const TEXT_ARRAY = 1009;

function reportCatalogTypesAsText(queryable: object) {
  const q = queryable as unknown as Internals;
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const fields = result.fields ?? [];
    const constraintType = fields.findIndex((f) => f.name === "constraint_type");
    if (constraintType >= 0 && result.rows) result.rows = result.rows.filter((row) => row[constraintType] !== "c");
    for (const field of fields) {
      if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT;
      else if (AS_TEXT_ARRAY.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY;
    }
    return result;
  };
}

function fixAdapter(adapter: Adapter): Adapter {
  reportCatalogTypesAsText(adapter);
  const internals = adapter as unknown as Internals;
  const startTransaction = internals.startTransaction.bind(adapter);
  internals.startTransaction = async (isolation) => {
    const tx = (await startTransaction(isolation)) as object;
    reportCatalogTypesAsText(tx);
    return tx;
  };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

export function postgresCliAdapter(url: string): PrismaPg {
  const u = new URL(url);
  const settings = {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
  const factory = new PrismaPg({ connectionString: url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => fixAdapter(await connect());
  factory.connectToShadowDb = async () => {
    const main = await factory.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadowFactory = new PrismaPg({ ...settings, database });
    const shadow = fixAdapter(await shadowFactory.connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  };
  return factory;
}
