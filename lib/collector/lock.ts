/**
 * One collector per database. On Postgres: a session advisory lock held on a dedicated connection for the
 * collector's whole life (a crashed collector's lock goes with its connection). On PGlite: the data folder
 * is already exclusive to one process (db/data-dir-lock.ts); its error is turned into a collector message.
 */
import type { Sql } from "postgres";
import { CollectorLockedError } from "./errors";

/** Advisory lock key (db/index.ts uses 727274001 for migrations, lib/ingest/write.ts 727274002 for ingests). */
const COLLECTOR_LOCK_KEY = 727274005;

export interface HeldLock {
  release(): Promise<void>;
}

export async function lockPostgres(url: string, location = "the database"): Promise<HeldLock> {
  const { default: postgres } = await import("postgres");
  const client: Sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const conn = await client.reserve();
    const [{ ok }] = await conn<{ ok: boolean }[]>`select pg_try_advisory_lock(${COLLECTOR_LOCK_KEY}) as ok`;
    if (!ok) {
      const holder = await conn<{ pid: number; since: Date | string | null }[]>`
        select a.pid, a.backend_start as since
        from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.objid = ${COLLECTOR_LOCK_KEY} and l.granted limit 1`.catch(() => []);
      conn.release();
      const who = holder[0] ? ` (its connection is backend pid ${holder[0].pid}, open since ${new Date(holder[0].since ?? 0).toISOString()})` : "";
      throw new CollectorLockedError(
        `another collector is running against ${location}${who}; this one exits without making any request. ` +
          "Only one collector may run per database: wait for it to finish, or stop it.",
      );
    }
    return {
      release: async () => {
        try {
          await conn`select pg_advisory_unlock(${COLLECTOR_LOCK_KEY})`;
        } finally {
          conn.release();
          await client.end({ timeout: 5 });
        }
      },
    };
  } catch (e) {
    await client.end({ timeout: 5 }).catch(() => {});
    throw e;
  }
}

/** db/data-dir-lock.ts's "in use by process N" error, said as a collector message; null for other errors. */
export function pgliteLockedError(err: unknown, dataDir: string): CollectorLockedError | null {
  const m = err instanceof Error ? /is in use by process (\d+)/.exec(err.message) : null;
  if (!m) return null;
  return new CollectorLockedError(
    `another collector is running (or the Modelshare server): process ${m[1]} holds the embedded database in ${dataDir}. ` +
      "PGlite allows one process per data folder, so the collector cannot run beside a server on the same folder: " +
      "stop that process, or set DATABASE_URL to a Postgres server that both can share.",
  );
}
