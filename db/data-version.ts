/**
 * The data version: the newest snapshot id, or the version of the newest retraction when later (0 when
 * empty). Every ingest that writes anything creates a new snapshot, and a retraction draws its version from
 * the same sequence, so ETags and the in-memory answer cache (lib/server/response-cache.ts) key on it.
 *
 * On the embedded database (PGlite: one process per data folder, so every write goes through this process)
 * it is kept in memory and forgotten when an ingest commits: reading it then never waits behind an ingest's
 * transaction, and answers already drawn for the current version are served while a large snapshot is being
 * written. On a Postgres server other processes write too, so it is read from the database each time.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";

// On globalThis: Next bundles this module into the instrumentation hook and into each route separately, and
// the ingest route's "forget" must reach every copy's memo (the Db object itself is shared, lib/server/db.ts).
const KEY = Symbol.for("modelshare.data-version");
const known: WeakMap<object, number> = ((globalThis as { [KEY]?: WeakMap<object, number> })[KEY] ??= new WeakMap());

/** True for a PGlite-backed Db (drizzle exposes the client as $client). */
export function isEmbedded(db: Db): boolean {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === "object" && client !== null && "waitReady" in client;
}

export async function newestSnapshotId(db: Db): Promise<number> {
  const memo = known.get(db);
  if (memo !== undefined) return memo;
  const [r] = await rowsOf<{ id: string | number | null }>(db, sql`select greatest((select max(id) from snapshots), (select max(version) from retractions)) as id`);
  const id = Number(r?.id ?? 0);
  if (isEmbedded(db)) known.set(db, id);
  return id;
}

/** After a write commits (or fails): the next reader asks the database again. */
export function forgetDataVersion(db: Db): void {
  known.delete(db);
}
