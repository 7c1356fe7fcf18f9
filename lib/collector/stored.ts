/** What the database already holds, as far as planning the next collection is concerned. */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { iso } from "@/db/row-values";
import { snapshotChecksum } from "@/lib/ingest";
import type { RankingsCoverage } from "./plan";

/** Days before the newest stored one that are checked for unsettled figures (bounds the re-fetch). */
const RECHECK_DAYS = 7;

/**
 * The newest day stored from rankings-daily, and the oldest recent day whose newest figure was fetched
 * before `settleHours` after the day ended (the source kept counting it; fetch it again).
 */
export async function readRankingsCoverage(db: Db, settleHours: number): Promise<RankingsCoverage> {
  const [last] = await rowsOf<{ day: string }>(
    db,
    sql`select u.day::text as day
        from model_usage_daily u join snapshots s on s.id = u.snapshot_id
        where s.format = 'openrouter-rankings-daily'
        order by u.day desc limit 1`,
  );
  if (!last) return { lastDay: null, firstUnsettled: null };
  const [unsettled] = await rowsOf<{ day: string | null }>(
    db,
    sql`select min(day)::text as day from (
          select u.day, max(u.as_of) as newest
          from model_usage_daily u join snapshots s on s.id = u.snapshot_id
          where s.format = 'openrouter-rankings-daily' and u.day >= ${last.day}::date - ${RECHECK_DAYS - 1}::int
          group by u.day) d
        where d.newest < ((d.day + 1)::timestamp at time zone 'UTC') + make_interval(hours => ${Math.round(settleHours)}::int)`,
  );
  return { lastDay: last.day, firstUnsettled: unsettled?.day ?? null };
}

/**
 * as_of for a models catalogue (its body carries none): the fetch time, unless the newest stored catalogue
 * is this very body, in which case its as_of — so ingestText recognises the same catalogue as a duplicate
 * instead of storing an identical snapshot every run. test/collector checks that a repeated catalogue is skipped.
 */
export async function catalogueAsOf(db: Db, text: string, fetchedAt: Date): Promise<Date> {
  const [prev] = await rowsOf<{ as_of: unknown }>(
    db,
    sql`select as_of from snapshots where format = 'openrouter-models' and source = 'openrouter' order by as_of desc, id desc limit 1`,
  );
  if (!prev) return fetchedAt;
  const asOf = new Date(iso(prev.as_of));
  const checksum = snapshotChecksum(text, asOf);
  const [same] = await rowsOf<{ id: number }>(db, sql`select id from snapshots where checksum = ${checksum}`);
  return same ? asOf : fetchedAt;
}

/** True when the bundled sample data is stored (collected data would be charted beside it). */
export async function hasSampleData(db: Db): Promise<boolean> {
  const [row] = await rowsOf<{ yes: boolean }>(db, sql`select exists(select 1 from snapshots where is_sample) as yes`);
  return Boolean(row?.yes);
}
