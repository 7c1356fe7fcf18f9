/**
 * Day replacement for snapshots that state whole days (rankings-daily: each day's top N plus `other`).
 *
 * The rule (README "What ingest guarantees"): a snapshot **covers** a day when it states that day's
 * `other` row — the day's complete partition. The newest covering snapshot of a source (as_of, then
 * checksum) owns the day: rows of older snapshots of that source for the day are deleted, so a model that
 * fell into `other` is not counted twice. A snapshot that does not cover a day (a one-row restatement)
 * only merges row by row, like every other format, so it never empties the rest of the day. A snapshot
 * older than the day's owner changes nothing on that day. Each outcome depends only on the set of
 * snapshots, never on their order (test/integration/restatement-orders.test.ts).
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray } from "@/db/pg-array";
import type { ModelUsageRow, ParsedSnapshot } from "./types";

export interface WholeDayContext {
  tx: Db;
  snapshotId: number;
  asOfIso: string;
  checksum: string;
}

/** The rows of `snap` still to be merged, after replacing the days it owns; `removed` older rows deleted. */
export async function replaceWholeDays(ctx: WholeDayContext, snap: ParsedSnapshot): Promise<{ rows: ModelUsageRow[]; removed: number }> {
  const days = [...new Set(snap.modelUsage.map((r) => r.day))];
  if (!days.length) return { rows: snap.modelUsage, removed: 0 };
  const mine = sql`(${ctx.asOfIso}::timestamptz, ${ctx.checksum}::text)`;
  const same = sql`format = ${snap.format} and source = ${snap.source}`;

  // Days already replaced by a newer covering snapshot: this one is older there and changes nothing.
  const owned = await rowsOf<{ day: string }>(
    ctx.tx,
    sql`select day::text as day from covered_days where ${same} and day = any(${plainArray(days)}::date[]) and (as_of, checksum) > ${mine}`,
  );
  const ownedDays = new Set(owned.map((o) => o.day));
  const covered = [...new Set(snap.modelUsage.filter((r) => r.model.kind === "bucket").map((r) => r.day))].filter((d) => !ownedDays.has(d));

  let removed = 0;
  if (covered.length) {
    const [r] = await rowsOf<{ n: number }>(
      ctx.tx,
      sql`with gone as (
            delete from model_usage_daily u using snapshots s
            where s.id = u.snapshot_id and u.day = any(${plainArray(covered)}::date[])
              and s.format = ${snap.format} and s.source = ${snap.source} and (s.as_of, s.checksum) < ${mine}
            returning 1)
          select count(*) as n from gone`,
    );
    removed = Number(r.n);
    await ctx.tx.execute(
      sql`insert into covered_days (format, source, day, snapshot_id, as_of, checksum)
          select ${snap.format}, ${snap.source}, d, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz, ${ctx.checksum}
          from unnest(${plainArray(covered)}::date[]) as d
          on conflict (format, source, day) do update set snapshot_id = excluded.snapshot_id, as_of = excluded.as_of, checksum = excluded.checksum`,
    );
  }
  return { rows: ownedDays.size ? snap.modelUsage.filter((r) => !ownedDays.has(r.day)) : snap.modelUsage, removed };
}
