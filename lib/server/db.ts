/**
 * The server's one database connection per process (PGlite allows one process per data folder, and
 * Next may evaluate modules more than once, so the promise lives on globalThis).
 */
import { dbOptionsFromEnv, openDb, type DbHandle } from "@/db";
import { loadSampleDataIfEmpty } from "@/lib/sample/load";

const KEY = Symbol.for("modelshare.db");
type Holder = { [KEY]?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const handle = await openDb(dbOptionsFromEnv());
    try {
      if (process.env.SAMPLE_DATA !== "off") await loadSampleDataIfEmpty(handle.db);
    } catch (err) {
      await handle.close().catch(() => {}); // never leave a second PGlite open on the folder, or a pool behind
      throw err;
    }
    return handle;
  })().catch((err) => {
    delete holder[KEY]; // a database that was down may be up on the next request
    throw err;
  });
  return holder[KEY];
}

export async function getDb() {
  return (await getDbHandle()).db;
}
