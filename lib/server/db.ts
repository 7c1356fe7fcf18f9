/**
 * The server's one database connection per process (PGlite allows one process per data folder, and
 * Next may evaluate modules more than once, so the promise lives on globalThis).
 */
import "server-only";
import { sql } from "drizzle-orm";
import { dbOptionsFromEnv, openDb, type DbHandle } from "@/db";
import { loadSampleDataIfEmpty } from "@/lib/sample/load";
import { newestSnapshotId } from "@/db/data-version";
import { registerDatabaseProbe, within } from "./outage";
import { registerPageVersion } from "./page-cache";

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

let probing: Promise<boolean> | null = null;

/**
 * Is the database answering? Opens it if needed (a failed open is retried on the next call, so the first
 * request after an outage is served), then, on a Postgres server, `select 1`. Concurrent callers share one
 * probe. PGlite is in-process: open means available (a `select 1` would only wait behind a long ingest).
 */
function probeDatabase(deadlineMs: number): Promise<boolean> {
  probing ??= (async () => {
    const handle = await getDbHandle();
    if (handle.driver === "postgres") await handle.db.execute(sql`select 1`);
    return true;
  })()
    .catch(() => false)
    .finally(() => {
      probing = null;
    });
  return within(probing, deadlineMs, false);
}
registerDatabaseProbe(probeDatabase);
registerPageVersion(async () => newestSnapshotId(await getDb()));

const SIGNALS = Symbol.for("modelshare.db.signals");

/**
 * SIGTERM and SIGINT close the database before the process exits: PGlite then checkpoints (a killed PGlite
 * recovers like a crashed server, and its sequences jump), and a Postgres pool ends its sessions.
 * `npm start` sets NEXT_MANUAL_SIG_HANDLE so Next's own handler does not exit first.
 */
export function closeDatabaseOnSignals(): void {
  const g = globalThis as { [SIGNALS]?: true } & Holder;
  if (g[SIGNALS]) return;
  g[SIGNALS] = true;
  for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
    process.once(signal, () => {
      const closing = (g[KEY] ?? Promise.resolve(null)).then((h) => h?.close()).catch(() => {});
      const deadline = new Promise((resolve) => setTimeout(resolve, 5000).unref());
      void Promise.race([closing, deadline]).finally(() => process.exit(code));
    });
  }
}
