/**
 * Values derived from all stored data (the search index, the days any source reported), computed once per
 * data version and Db and shared by every query until an ingest or a retraction changes the version
 * (db/data-version.ts). For reads whose cost grows with the whole catalogue or history rather than with
 * what a chart asks for (README Benchmarks).
 */
import type { Db } from "@/db";
import { newestSnapshotId } from "@/db/data-version";

const memos = new WeakMap<Db, Map<string, { version: number; value: Promise<unknown> }>>();

export async function perDataVersion<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  // Read before loading: a value loaded after a newer commit is tagged older, so it is reloaded, never stale.
  const version = await newestSnapshotId(db);
  let byKey = memos.get(db);
  if (!byKey) memos.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = load();
  byKey.set(key, { version, value });
  value.catch(() => byKey.get(key)?.value === value && byKey.delete(key));
  return value;
}
