/**
 * The usage rollups the read queries use for market-wide figures (drizzle/0003_usage_rollups_triggers.sql)
 * stay equal to aggregates of model_usage_daily through inserts, restatements, deletes, author changes and
 * truncation, on every available driver.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getUsage } from "@/lib/queries/usage";
import { getSubsidy } from "@/lib/queries/subsidy";
import { getTopApps } from "@/lib/queries/apps";
import { listModels } from "@/lib/queries/models";
import { getOverview } from "@/lib/queries/overview";
import { DEFAULT_VIEW } from "@/lib/view/state";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";

async function expectRollupsConsistent(db: Db) {
  const daily = await rowsOf(
    db,
    sql`select u.day::text as day, m.author, m.variant = 'free' as free, m.kind = 'bucket' as bucket, u.snapshot_id::text as s,
               sum(u.total_tokens)::text as t, count(*)::int as c
        from model_usage_daily u join models m on m.id = u.model_id group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  const dailyRollup = await rowsOf(
    db,
    sql`select day::text as day, author, is_free as free, is_bucket as bucket, snapshot_id::text as s, total_tokens::text as t, row_count as c
        from usage_daily_rollup order by 1, 2, 3, 4, 5`,
  );
  expect(dailyRollup).toEqual(daily);
  const monthly = await rowsOf(
    db,
    sql`select to_char(u.day, 'YYYY-MM') || '-01' as month, u.model_id, u.snapshot_id::text as s, sum(u.total_tokens)::text as t, count(*)::int as c
        from model_usage_daily u group by 1, 2, 3 order by 1, 2, 3`,
  );
  const monthlyRollup = await rowsOf(
    db,
    sql`select month::text as month, model_id, snapshot_id::text as s, total_tokens::text as t, row_count as c
        from usage_monthly_rollup order by 1, 2, 3`,
  );
  expect(monthlyRollup).toEqual(monthly);
  return daily.length;
}

describe.each(DRIVERS)("usage rollups on %s", (driver) => {
  let h: TestDb;
  beforeEach(async () => {
    h = await freshDb(driver);
  });
  afterEach(async () => {
    await h.close();
  });

  it("follow inserts, restatements, deletes, author changes and truncation", async () => {
    const raw = readFixture("rankings-daily/rankings-daily-2026-09-22.json");
    await ingestText(h.db, raw);
    expect(await expectRollupsConsistent(h.db)).toBeGreaterThan(100);

    // A newer snapshot restates some rows (bucket included) and adds new ones: rows move to the new snapshot.
    const body = JSON.parse(raw) as { data: { date: string; model_permaslug: string; total_tokens: string }[]; meta: Record<string, string> };
    const restated = body.data.filter((r, i) => i % 7 === 0 && r.date >= "2026-09-01").map((r) => ({ ...r, total_tokens: String(BigInt(r.total_tokens) + 12345n) }));
    const extra = [{ date: "2026-09-22", model_permaslug: "acme/new-model", total_tokens: "42" }, { date: "2026-09-22", model_permaslug: "other", total_tokens: "7" }];
    const second = await ingestText(h.db, JSON.stringify({ data: [...restated, ...extra], meta: { ...body.meta, as_of: "2026-09-23T00:00:00Z", end_date: "2026-09-22" } }));
    // rankings-daily replaces the days it covers (those whose `other` row it restates): their older rows are
    // deleted, then inserted; its rows on other days update in place.
    const coveredDays = new Set(restated.filter((r) => r.model_permaslug === "other").map((r) => r.date));
    const onCovered = restated.filter((r) => coveredDays.has(r.date)).length;
    expect(second.rows.modelUsage).toMatchObject({
      inserted: onCovered + extra.length,
      updated: restated.length - onCovered,
      removed: body.data.filter((r) => coveredDays.has(r.date)).length,
    });
    await expectRollupsConsistent(h.db);
    const [{ n }] = await rowsOf<{ n: number }>(h.db, sql`select count(distinct snapshot_id)::int as n from usage_daily_rollup`);
    expect(n).toBe(2);

    // Re-ingesting an older snapshot (yet after its last day: rows after as_of are refused) changes nothing
    // (newest as_of wins), rollups included.
    await ingestText(h.db, raw.replace(/"as_of":\s*"[^"]+"/, '"as_of": "2026-09-22T00:00:00.000Z"'));
    await expectRollupsConsistent(h.db);

    // The catalogue re-describes a model under another author; the rollup moves its tokens.
    await h.db.execute(sql`update models set author = 'renamed' where permaslug = 'google/gemini-3-flash-preview-20251217'`);
    await expectRollupsConsistent(h.db);

    await h.db.execute(sql`delete from model_usage_daily where day < '2026-07-01'`);
    await expectRollupsConsistent(h.db);

    await h.db.execute(sql`truncate model_usage_daily`);
    expect(await expectRollupsConsistent(h.db)).toBe(0);
  });

  it("an empty database answers with empty results, not errors", async () => {
    const u = await getUsage(h.db, DEFAULT_VIEW);
    expect(u.series).toEqual([]);
    expect(u.newestDay).toBeNull();
    expect(u.provenance).toEqual({ sources: [], asOf: null, citations: [], sample: false });
    const s = await getSubsidy(h.db, { ...DEFAULT_VIEW, interval: "month" });
    expect(s.authors).toEqual([]);
    expect(s.market.freeShare).toBeNull();
    expect((await getTopApps(h.db, DEFAULT_VIEW)).apps).toEqual([]);
    expect((await listModels(h.db, DEFAULT_VIEW)).models).toEqual([]);
    const o = await getOverview(h.db, DEFAULT_VIEW);
    expect(o.week).toBeNull();
    expect(o.topModels).toEqual([]);
  });
});
