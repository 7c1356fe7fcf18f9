/**
 * The app-usage rollups (drizzle/0006_app_usage_rollups_triggers.sql, and 0012's leaderboard bounds) that the app-period rule reads: they
 * follow inserts, restatements, deletes and truncation, and the all-apps leaderboard read from them sums each
 * app's picked per-model rows exactly (expected figures worked out by hand below), on every available driver.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getAppVolumes } from "@/lib/queries/app-volume";
import { DRIVERS, freshDb, type TestDb } from "../db";

function snapshot(capturedAt: string, appUsage: unknown[]) {
  return JSON.stringify({
    format: "modelshare.snapshot/v1",
    source: "test",
    capturedAt,
    models: [{ id: "acme/a" }, { id: "acme/b" }],
    apps: [{ id: "app1", name: "App One" }, { id: "app2", name: "App Two" }, { id: "app3", name: "App Three" }],
    appUsage,
  });
}

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, "0")}`;

/** The rollups against aggregates of app_usage written out here (independently of the triggers). */
async function expectRollupsConsistent(db: Db) {
  const sources = await rowsOf(
    db,
    sql`with g as (
          select app_id, model_id, to_char(period_end, 'YYYY-MM') || '-01' as month, period_kind as kind, count(*)::int as n,
                 sum(total_tokens)::text as t, min(period_start)::text as f, max(period_end)::text as l,
                 array_to_string(array_agg(distinct snapshot_id), ',') as snaps
          from app_usage where period_kind in ('day', 'month') group by 1, 2, 3, 4),
        k as (
          select app_id, model_id, month, (coalesce(sum(n) filter (where kind = 'day'), 0))::int as d,
                 (coalesce(sum(n) filter (where kind = 'month'), 0))::int as m,
                 extract(day from (month::timestamp + interval '1 month - 1 day'))::int as days
          from g group by 1, 2, 3)
        select k.app_id, k.model_id, k.month, k.d, k.m, p.kind as picked, p.t, p.f, p.l, p.snaps
        from k join g p on p.app_id = k.app_id and p.model_id is not distinct from k.model_id and p.month = k.month
         and p.kind = case when k.m > 0 and k.d < k.days then 'month' else 'day' end
        order by 1, 2 nulls first, 3`,
  );
  const stored = await rowsOf(
    db,
    sql`select app_id, model_id, month::text as month, day_rows as d, month_rows as m, picked_kind as picked, picked_tokens::text as t,
               first_day::text as f, last_day::text as l, array_to_string(snapshot_ids, ',') as snaps
        from app_usage_month_source order by 1, 2 nulls first, 3`,
  );
  expect(stored).toEqual(sources);
  const picked = sql`(select u.* from app_usage u
      join app_usage_month_source s on s.app_id = u.app_id and s.model_id = u.model_id
       and s.month::text = to_char(u.period_end, 'YYYY-MM') || '-01' and s.picked_kind = u.period_kind
      where u.model_id is not null)`;
  expect(
    await rowsOf(db, sql`select month::text as month, app_id, kind, snapshot_id::text as s, total_tokens::text as t, row_count as c,
                                first_day::text as f, last_day::text as l from app_usage_picked_monthly order by 1, 2, 3, 4`),
  ).toEqual(
    await rowsOf(db, sql`select to_char(p.period_end, 'YYYY-MM') || '-01' as month, p.app_id, p.period_kind as kind, p.snapshot_id::text as s,
                                sum(p.total_tokens)::text as t, count(*)::int as c, min(p.period_start)::text as f, max(p.period_end)::text as l
                         from ${picked} p group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
  );
  // The leaderboard's bounds and snapshot summaries (drizzle/0012) follow the picked rows.
  expect(await rowsOf(db, sql`select month::text as month, app_id, total_tokens::text as t from app_usage_app_monthly order by 1, 2`)).toEqual(
    await rowsOf(db, sql`select month::text as month, app_id, sum(total_tokens)::text as t from app_usage_picked_monthly group by 1, 2 order by 1, 2`),
  );
  expect(
    await rowsOf(db, sql`select month::text as month, kind, snapshot_id::text as s, first_day::text as f, last_day::text as l from app_usage_month_snapshots order by 1, 2, 3`),
  ).toEqual(
    await rowsOf(db, sql`select month::text as month, kind, snapshot_id::text as s, min(first_day)::text as f, max(last_day)::text as l
                         from app_usage_picked_monthly group by 1, 2, 3 order by 1, 2, 3`),
  );
  // Running totals: every day from a snapshot's first picked day in the month to the month's end.
  expect(
    await rowsOf(db, sql`select day::text as day, app_id, snapshot_id::text as s, day_rows as r, cum_tokens::text as t, cum_rows as c
                         from app_usage_picked_daily order by 1, 2, 3`),
  ).toEqual(
    await rowsOf(
      db,
      sql`with pd as (select p.app_id, to_char(p.period_end, 'YYYY-MM') as month, p.snapshot_id, p.period_end as day,
                             sum(p.total_tokens) as t, count(*)::int as c
                      from ${picked} p where p.period_kind = 'day' group by 1, 2, 3, 4),
               f as (select app_id, month, snapshot_id, min(day) as first from pd group by 1, 2, 3),
               days as (select f.app_id, f.month, f.snapshot_id, g::date as day
                        from f, generate_series(f.first::timestamp, (f.month || '-01')::timestamp + interval '1 month - 1 day', interval '1 day') g)
          select days.day::text as day, days.app_id, days.snapshot_id::text as s,
                 coalesce((select pd.c from pd where pd.app_id = days.app_id and pd.snapshot_id = days.snapshot_id and pd.day = days.day), 0) as r,
                 (select sum(pd.t) from pd where pd.app_id = days.app_id and pd.snapshot_id = days.snapshot_id and pd.month = days.month and pd.day <= days.day)::text as t,
                 (select sum(pd.c) from pd where pd.app_id = days.app_id and pd.snapshot_id = days.snapshot_id and pd.month = days.month and pd.day <= days.day)::int as c
          from days order by 1, 2, 3`,
    ),
  );
  return stored.length;
}

const allApps = async (db: Db, from: string, to: string) => {
  const v = await getAppVolumes(db, { from, to, sumModels: true });
  return { apps: v.rows.map((r) => [r.appId, r.tokens]), coverage: v.coverage, snapshots: v.snapshotIds.length };
};

describe.each(DRIVERS)("app usage rollups on %s", (driver) => {
  let h: TestDb;
  let modelA: number;
  let modelB: number;
  beforeAll(async () => {
    h = await freshDb(driver);
    await ingestText(
      h.db,
      snapshot("2026-03-01T00:00:00Z", [
        // app1, January: a month row on a with two day rows (the month stands: 1000); b has day rows only.
        { app: "app1", model: "acme/a", period: "2026-01", totalTokens: "1000" },
        { app: "app1", model: "acme/a", period: "2026-01-10", totalTokens: "10" },
        { app: "app1", model: "acme/a", period: "2026-01-20", totalTokens: "20" },
        { app: "app1", model: "acme/b", period: "2026-01-30", totalTokens: "3" },
        { app: "app1", model: "acme/b", period: "2026-01-31", totalTokens: "4" },
        { app: "app1", model: "acme/b", period: "2026-02-01", totalTokens: "5" },
        { app: "app1", model: "acme/b", period: "2026-02-02", totalTokens: "6" },
        // app2, December on b: a month row and every day (the days stand: 31 × 2 = 62); February on a: a month row.
        { app: "app2", model: "acme/b", period: "2025-12", totalTokens: "999" },
        ...Array.from({ length: 31 }, (_, i) => ({ app: "app2", model: "acme/b", period: day("2025-12", i + 1), totalTokens: "2" })),
        { app: "app2", model: "acme/a", period: "2026-02", totalTokens: "300" },
        // app3: rows for all models and a window only: never in the per-model sums.
        { app: "app3", period: "2026-01", totalTokens: "7777" },
        { app: "app3", model: "acme/a", period: { from: "2025-12-01", to: "2026-02-28" }, totalTokens: "5000" },
      ]),
    );
    const ids = await rowsOf<{ public_id: string; id: number }>(h.db, sql`select public_id, id from models`);
    modelA = ids.find((m) => m.public_id === "acme/a")!.id;
    modelB = ids.find((m) => m.public_id === "acme/b")!.id;
  });
  afterAll(async () => {
    await h.close();
  });

  it("are kept by ingest and decide the standing source per app, model and month", async () => {
    expect(await expectRollupsConsistent(h.db)).toBe(6);
    const [jan] = await rowsOf(
      h.db,
      sql`select day_rows, month_rows, picked_kind from app_usage_month_source where app_id = 'app1' and model_id = ${modelA} and month = '2026-01-01'`,
    );
    expect(jan).toEqual({ day_rows: 2, month_rows: 1, picked_kind: "month" });
  });

  it("sum every app's picked rows over whole months, edge months and ranges inside one month", async () => {
    // January whole: app1 = 1000 (a's month) + 3 + 4 (b's days).
    expect(await allApps(h.db, "2026-01-01", "2026-01-31")).toEqual({ apps: [["app1", "1007"]], coverage: { from: "2026-01-01", to: "2026-01-31" }, snapshots: 1 });
    // Edges: December 15–31 on app2 (17 × 2 = 34) + February's month row whole (300); app1: 1007 + 5 (1 Feb).
    expect(await allApps(h.db, "2025-12-15", "2026-02-01")).toEqual({
      apps: [["app1", "1012"], ["app2", "334"]],
      coverage: { from: "2025-12-15", to: "2026-02-28" },
      snapshots: 1,
    });
    // No whole month: January's month row counts whole (1000) + 4 (31 Jan) + 5 (1 Feb); app2's February row whole.
    expect(await allApps(h.db, "2026-01-31", "2026-02-01")).toEqual({
      apps: [["app1", "1009"], ["app2", "300"]],
      coverage: { from: "2026-01-01", to: "2026-02-28" },
      snapshots: 1,
    });
    expect((await allApps(h.db, "2026-01-05", "2026-01-25")).apps).toEqual([["app1", "1000"]]);
    expect((await allApps(h.db, "2025-12-01", "2025-12-31")).apps).toEqual([["app2", "62"]]);
    expect((await allApps(h.db, "2024-01-01", "2024-12-31")).apps).toEqual([]);
    // Filtered by app, and the per-model path over both models agrees.
    expect((await getAppVolumes(h.db, { from: "2025-12-15", to: "2026-02-01", sumModels: true, appIds: ["app2"] })).rows.map((r) => r.tokens)).toEqual(["334"]);
    const perModel = await getAppVolumes(h.db, { from: "2025-12-15", to: "2026-02-01", sumModels: true, modelIds: [modelA, modelB] });
    expect(perModel.rows.map((r) => [r.appId, r.tokens])).toEqual([["app1", "1012"], ["app2", "334"]]);
  });

  it("follow a month becoming complete in days, a restatement, a deleted day and truncation", async () => {
    // Every day of January on app1/a (40 each, restating the 10th and 20th): the days now stand (31 × 40 = 1240).
    await ingestText(
      h.db,
      snapshot("2026-03-05T00:00:00Z", Array.from({ length: 31 }, (_, i) => ({ app: "app1", model: "acme/a", period: day("2026-01", i + 1), totalTokens: "40" }))),
    );
    await expectRollupsConsistent(h.db);
    expect(await allApps(h.db, "2026-01-01", "2026-01-31")).toEqual({ apps: [["app1", "1247"]], coverage: { from: "2026-01-01", to: "2026-01-31" }, snapshots: 2 });
    // A model's whole month reads the picked rows' totals: the days, set by the second snapshot only.
    const janA = await getAppVolumes(h.db, { from: "2026-01-01", to: "2026-01-31", modelIds: [modelA] });
    expect(janA.rows.map((r) => r.tokens)).toEqual(["1240"]);
    expect(janA.snapshotIds).toHaveLength(1);
    expect(janA.snapshotIds[0]).toBeGreaterThan((await getAppVolumes(h.db, { from: "2026-02-01", to: "2026-02-28", modelIds: [modelB] })).snapshotIds[0]);
    // 21 days × 40, all from the second snapshot (b's days of the first one fall outside the range).
    expect(await allApps(h.db, "2026-01-05", "2026-01-25")).toEqual({ apps: [["app1", "840"]], coverage: { from: "2026-01-05", to: "2026-01-25" }, snapshots: 1 });

    // An older snapshot restating one of those days changes nothing (newest as_of wins).
    await ingestText(h.db, snapshot("2026-03-02T00:00:00Z", [{ app: "app1", model: "acme/a", period: "2026-01-15", totalTokens: "99999" }]));
    expect((await allApps(h.db, "2026-01-01", "2026-01-31")).apps).toEqual([["app1", "1247"]]);
    // A newer one does: 1247 − 40 + 140.
    await ingestText(h.db, snapshot("2026-03-06T00:00:00Z", [{ app: "app1", model: "acme/a", period: "2026-01-15", totalTokens: "140" }]));
    await expectRollupsConsistent(h.db);
    expect(await allApps(h.db, "2026-01-01", "2026-01-31")).toMatchObject({ apps: [["app1", "1347"]], snapshots: 3 });
    expect(await allApps(h.db, "2026-01-05", "2026-01-25")).toMatchObject({ apps: [["app1", "940"]], snapshots: 2 });
    // Across two cut months: a's 20–31 January (12 × 40) + b's 3, 4, 5, 6; app2's February row whole. The third
    // snapshot (15 January only) is outside the range.
    expect(await allApps(h.db, "2026-01-20", "2026-02-02")).toEqual({
      apps: [["app1", "498"], ["app2", "300"]],
      coverage: { from: "2026-01-20", to: "2026-02-28" },
      snapshots: 2,
    });

    // One day gone: January is incomplete again and the month row stands (1000 + 7).
    await h.db.execute(sql`delete from app_usage where app_id = 'app1' and model_id = ${modelA} and period_kind = 'day' and period_end = '2026-01-15'`);
    await expectRollupsConsistent(h.db);
    expect((await allApps(h.db, "2026-01-01", "2026-01-31")).apps).toEqual([["app1", "1007"]]);

    // An update that moves a row to another month moves it in the rollups too.
    await h.db.execute(sql`update app_usage set period_start = '2026-02-03', period_end = '2026-02-03' where app_id = 'app1' and model_id = ${modelB} and period_end = '2026-01-31'`);
    await expectRollupsConsistent(h.db);
    expect((await allApps(h.db, "2026-02-01", "2026-02-28")).apps).toEqual([["app2", "300"], ["app1", "15"]]);

    // Rebuilding from scratch (what the migration runs on existing data) gives the same rollups.
    await h.db.execute(sql`delete from app_usage_picked_daily`);
    await h.db.execute(sql`update app_usage_month_source set picked_kind = 'day'`);
    await h.db.execute(sql`select app_usage_rollup_rebuild()`);
    expect(await expectRollupsConsistent(h.db)).toBe(6);

    await h.db.execute(sql`truncate app_usage`);
    expect(await expectRollupsConsistent(h.db)).toBe(0);
    const [{ n }] = await rowsOf<{ n: number }>(
      h.db,
      sql`select ((select count(*) from app_usage_picked_monthly) + (select count(*) from app_usage_picked_daily))::int as n`,
    );
    expect(n).toBe(0);
  });
});
