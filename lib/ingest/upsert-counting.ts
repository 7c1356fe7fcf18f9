import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";

export interface Changed {
  inserted: number;
  changed: number;
}

/**
 * Runs an `insert … on conflict do update … where …` and counts what it did in one round trip: rows it
 * inserted (xmax = 0) and rows it inserted or updated; rows the where clause kept are not returned.
 */
export async function upsertCounting(tx: Db, insert: SQL): Promise<Changed> {
  const [r] = await rowsOf<{ inserted: string | number; changed: string | number }>(
    tx,
    sql`with up as (${insert} returning (xmax = 0) as ins)
        select count(*) filter (where ins) as inserted, count(*) as changed from up`,
  );
  return { inserted: Number(r.inserted), changed: Number(r.changed) };
}
