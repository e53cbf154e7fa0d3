import { engineOf, type Db } from "@/lib/db/create-client";

/**
 * Makes inserts into `table` fail while `condition` (SQL on NEW, the same on both engines) holds, to show that a
 * write failing halfway leaves nothing behind. Returns the function that removes the trigger again.
 */
export async function failInsertsWhere(
  db: Db,
  name: string,
  table: string,
  condition: string,
): Promise<() => Promise<void>> {
  if (engineOf(db) === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW WHEN (${condition}) EXECUTE FUNCTION ${name}()`,
    );
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" WHEN ${condition} BEGIN SELECT RAISE(ABORT, 'boom'); END`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name}`);
  };
}
