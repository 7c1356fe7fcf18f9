import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { writeSnapshot } from "@/lib/ingest/write";
import { generateSampleSnapshot } from "./generate";

/**
 * Loads the generated sample dataset into an empty database (no snapshots at all), through the same
 * writer as real ingests. Returns true when it loaded.
 */
export async function loadSampleDataIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from snapshots`);
  if (Number(n) > 0) return false;
  const snapshot = generateSampleSnapshot();
  await writeSnapshot(db, snapshot, { checksum: "sample-data-v1", fallbackAsOf: snapshot.asOf!, isSample: true });
  return true;
}
