/**
 * Chart API latency: the read queries behind /api/v1/{usage,apps,compare,subsidy} on a generated dataset of
 * 10M app-usage rows and 1M model-day rows, against the same shape at 1/100 (100k app-usage rows, 10k
 * model-day rows), each in a fresh database of the DATABASE_URL server (dropped afterwards). Rows are
 * generated server-side (`INSERT … SELECT generate_series`).
 *
 * Shape (both sizes): 1,000 days (2023-06-05 … 2026-02-28); every model has usage every day plus the `other`
 * bucket; 50 authors (every 10th model a `:free` variant); each model is used by ~22 apps, each app by 4
 * models, with month rows before 2025 and day rows from 2025-01-01 (so the app-period rule has both kinds).
 * The large set has 100× the models and apps: a query about a few models should cost about the same.
 *
 * Each case runs WARMUP times per dataset (discarded), then RUNS times per dataset, sequentially, the two
 * datasets interleaved so that other load on the machine hits both alike; p50/p95 are printed per dataset
 * with the large/small ratio. Goal (PRODUCT.md §7): p95 < 50 ms warm, large within 2× of small.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/chart-api.ts
 */
import { performance } from "node:perf_hooks";
import { openDb, type Db } from "@/db";
import { getAppLeaderboard } from "@/lib/queries/app-leaderboard";
import { getTopApps } from "@/lib/queries/apps";
import { getCompare } from "@/lib/queries/compare";
import { getViewEvents } from "@/lib/queries/events";
import { search } from "@/lib/queries/search";
import { getSubsidy } from "@/lib/queries/subsidy";
import { getUsage } from "@/lib/queries/usage";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view/state";
import { benchDatabase, type BenchDatabase } from "./database";

const RUNS = Number(process.env.BENCH_RUNS) || 100;
const WARMUP = Number(process.env.BENCH_WARMUP) || 8;
const DAYS = 1000;
const LAST_DAY = "2026-02-28";
const DAY_ROWS_FROM = "2025-01-01";
const AUTHORS = 50;
const MODELS_PER_APP = 4;
const PRICE_EVERY = 60;

export interface Size {
  label: string;
  models: number;
  appUsageRows: number;
}

export const SIZES: Size[] = [
  { label: "small", models: 10, appUsageRows: 100_000 },
  { label: "large", models: 1_000, appUsageRows: 10_000_000 },
];


/** Generates the dataset server-side; returns row counts. */
export async function generateChartDataset(b: BenchDatabase, size: Size): Promise<{ modelDays: number; appUsage: number; seconds: number }> {
  const t0 = performance.now();
  const sql = b.sql;
  const M = size.models;
  const firstDay = `('${LAST_DAY}'::date - ${DAYS - 1})`;
  const [snap] = await sql.unsafe(
    `insert into snapshots (format, source, as_of, checksum, citation, row_counts, is_sample)
     values ('modelshare-json', 'bench', '2026-03-01T00:00:00Z', 'bench-${size.label}', 'Generated benchmark data, as of 2026-03-01.', '{}', false)
     returning id`,
  );
  const sid = Number(snap.id);
  // Models: every 10th is the `:free` variant of the model before it (same permaslug and author).
  await sql.unsafe(
    `insert into models (permaslug, variant, kind, public_id, author, name, launch_date, context_length, in_catalogue, meta_as_of)
     select 'vendor-' || (b % ${AUTHORS}) || '/m-' || b, case when i % 10 = 9 then 'free' else 'standard' end, 'model',
            'vendor-' || (b % ${AUTHORS}) || '/m-' || b || case when i % 10 = 9 then ':free' else '' end,
            'vendor-' || (b % ${AUTHORS}), 'Bench model ' || i, ${firstDay} + (i % 400), 128000 + (i % 7) * 64000, true, '2026-03-01'
     from generate_series(0, ${M - 1}) as g(i), lateral (select case when i % 10 = 9 then i - 1 else i end as b) x
     order by i`,
  );
  await sql.unsafe(`insert into models (permaslug, variant, kind, public_id, author) values ('other', 'standard', 'bucket', 'other', 'other')`);
  await sql.unsafe(
    `insert into model_prices (model_id, day, input_per_m, output_per_m, snapshot_id, as_of)
     select id, '2026-03-01', case when variant = 'free' then 0 else 0.1 + (id % 30) * 0.1 end,
            case when variant = 'free' then 0 else 0.4 + (id % 30) * 0.5 end, ${sid}, '2026-03-01'
     from models where kind = 'model'`,
  );
  // Price history: every model's price changes every PRICE_EVERY days from its launch (the events query reads
  // it per model), and catalogue listings from launch to the last day, every 7th model removed 30 days early.
  await sql.unsafe(
    `insert into model_prices (model_id, day, input_per_m, output_per_m, snapshot_id, as_of)
     select m.id, d.day, 0.1 + ((m.id + d.k) % 30) * 0.1, 0.4 + ((m.id + d.k) % 30) * 0.5, ${sid}, '2026-03-01'
     from models m cross join lateral (
       select m.launch_date + k * ${PRICE_EVERY} as day, k from generate_series(0, ${DAYS} / ${PRICE_EVERY}) as g(k)) d
     where m.kind = 'model' and m.variant <> 'free' and d.day < '2026-03-01'
     on conflict do nothing`,
  );
  await sql.unsafe(
    `insert into model_listings (model_id, source, first_seen, last_seen, snapshot_id, as_of)
     select id, 'bench-catalogue', launch_date, case when id % 7 = 0 then '${LAST_DAY}'::date - 30 else '${LAST_DAY}'::date end, ${sid}, '2026-03-01'
     from models where kind = 'model'`,
  );
  // Model i's days are scaled by 2 / (i + 2) (ids from 1): sizes fall off with rank as real ones do, if less
  // steeply (in ../shared/fixtures' rankings-daily the top permaslug has 33× the tokens of the 50th and 555× the
  // 100th; here about 26× and 51×). With models all of one size, the model rankings' pruning
  // (lib/queries/model-ranking.ts) cannot settle a range that cuts months, and every model's cut days are read.
  await sql.unsafe(
    `insert into model_usage_daily (day, model_id, total_tokens, prompt_tokens, completion_tokens, snapshot_id, as_of)
     select d.day, m.id, t.tokens, t.tokens * 9 / 10, t.tokens - t.tokens * 9 / 10, ${sid}, '2026-03-01'
     from generate_series(0, ${DAYS - 1}) as g(n)
     cross join lateral (select (${firstDay} + g.n) as day) d
     cross join models m
     cross join lateral (select (1000000 + ((m.id * 7919 + g.n * 104729) % 5000000000))::int8 * 2 / (m.id + 1) as tokens) t`,
  );
  // App usage: pair p = (app p / MODELS_PER_APP, model p % M); month rows before DAY_ROWS_FROM, day rows after.
  const perPair = await sql.unsafe(
    `select ('${LAST_DAY}'::date - '${DAY_ROWS_FROM}'::date + 1) as days,
            (select count(*) from generate_series(date_trunc('month', ${firstDay}), '${DAY_ROWS_FROM}'::date - 1, '1 month')) as months`,
  );
  const rowsPerPair = Number(perPair[0].days) + Number(perPair[0].months);
  const pairs = Math.max(M, Math.round(size.appUsageRows / rowsPerPair));
  const apps = Math.ceil(pairs / MODELS_PER_APP);
  await sql.unsafe(
    `insert into apps (app_id, name, slug, url, categories, meta_as_of)
     select 'app-' || a, 'Bench app ' || a, 'app-' || a, 'https://example.com/' || a, array['programming-app'], '2026-03-01'
     from generate_series(0, ${apps - 1}) as g(a)`,
  );
  const modelIds = `(select array_agg(id order by id) from models where kind = 'model')`;
  // Bulk load without the secondary indexes, then rebuild them exactly as the migrations define them
  // (building an index once is far faster than maintaining it row by row over 10M inserts).
  const indexes = await sql.unsafe(
    `select indexname, indexdef from pg_indexes where tablename = 'app_usage' and indexname not in
       (select conname from pg_constraint where conrelid = 'app_usage'::regclass)`,
  );
  const constraints = await sql.unsafe(
    `select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'app_usage'::regclass and contype = 'u'`,
  );
  for (const c of constraints) await sql.unsafe(`alter table app_usage drop constraint ${c.conname}`);
  for (const i of indexes) await sql.unsafe(`drop index ${i.indexname}`);
  // The rollup triggers recompute each touched (app, month) from app_usage, which without its indexes means a
  // scan per statement: load with them off and rebuild the rollups once at the end (what the migration does).
  await sql.unsafe("alter table app_usage disable trigger user");
  // Pairs spread models so that each model gets ~APPS_PER_MODEL apps: model index = p % M. App a's rows are
  // scaled by 1 / (a + 1) (APP_SIZE): apps' sizes fall off with rank as real ones do, if far less steeply (in
  // ../shared/fixtures' app-rankings the top coding app has 2,652× the tokens of the 50th; here 50×). With
  // apps all of one size, the leaderboard's pruning (lib/queries/app-ranking.ts) cannot settle and every app is read.
  const APP_SIZE = `(p / ${MODELS_PER_APP} + 1)`;
  await sql.unsafe(
    `insert into app_usage (app_id, model_id, period_kind, period_start, period_end, total_tokens, requests, snapshot_id, as_of)
     select 'app-' || (p / ${MODELS_PER_APP}), ids[1 + p % ${M}], 'month', mo::date, (mo + interval '1 month' - interval '1 day')::date,
            (1000000 + ((p * 7919 + extract(epoch from mo)::int8 / 86400) % 900000000))::int8 * 30 / ${APP_SIZE}, 1, ${sid}, '2026-03-01'
     from ${modelIds} as x(ids), generate_series(0, ${pairs - 1}) as g(p),
          generate_series(date_trunc('month', ${firstDay}), '${DAY_ROWS_FROM}'::date - 1, '1 month') as mo`,
  );
  // Day rows, a month of days per statement so the table is stored day by day as real ingests leave it.
  const dayCount = Math.round((Date.parse(`${LAST_DAY}T00:00:00Z`) - Date.parse(`${DAY_ROWS_FROM}T00:00:00Z`)) / 86_400_000) + 1;
  for (let start = 0; start < dayCount; start += 31) {
    const end = Math.min(dayCount - 1, start + 30);
    await sql.unsafe(
      `insert into app_usage (app_id, model_id, period_kind, period_start, period_end, total_tokens, requests, snapshot_id, as_of)
       select 'app-' || (p / ${MODELS_PER_APP}), ids[1 + p % ${M}], 'day', d, d,
              (1000000 + ((p * 7919 + (d - '2020-01-01'::date) * 104729) % 900000000))::int8 / ${APP_SIZE}, 1, ${sid}, '2026-03-01'
       from ${modelIds} as x(ids),
            lateral (select ('${DAY_ROWS_FROM}'::date + n) as d from generate_series(${start}, ${end}) as s(n)) days,
            generate_series(0, ${pairs - 1}) as g(p)`,
    );
  }
  // A source's 90-day windows for every 10th app, all models together, ranked within one category (what
  // app-rankings stores): the search box's app tokens and the category leaderboard read them.
  await sql.unsafe(
    `insert into app_usage (app_id, model_id, period_kind, period_start, period_end, total_tokens, requests, snapshot_id, as_of, category, rank)
     select 'app-' || a, null, 'window', '${LAST_DAY}'::date - 89, '${LAST_DAY}'::date, (1000000 + (a * 7919) % 900000000)::int8 * 90, 1,
            ${sid}, '2026-03-01', 'programming', row_number() over (order by (1000000 + (a * 7919) % 900000000) desc)
     from generate_series(0, ${apps - 1}, 10) as g(a)`,
  );
  await sql.begin(async (tx) => {
    await tx.unsafe("set local maintenance_work_mem = '512MB'");
    for (const c of constraints) await tx.unsafe(`alter table app_usage add constraint ${c.conname} ${c.def}`);
    for (const i of indexes) await tx.unsafe(i.indexdef);
    await tx.unsafe("alter table app_usage enable trigger user");
  });
  await sql.unsafe("analyze app_usage");
  await sql.unsafe("select app_usage_rollup_rebuild()");
  await sql.unsafe("vacuum analyze");
  const [counts] = await sql.unsafe(`select (select count(*) from model_usage_daily) as md, (select count(*) from app_usage) as au`);
  return { modelDays: Number(counts.md), appUsage: Number(counts.au), seconds: (performance.now() - t0) / 1000 };
}

interface Case {
  name: string;
  run: (db: Db) => Promise<unknown>;
}

const view = (s: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...s });
// Models 1 and 2 (standard) and the free variant of model 8: present in both sizes.
const A = "vendor-1/m-1";
const B = "vendor-2/m-2";
const F = "vendor-8/m-8:free";

export const CASES: Case[] = [
  { name: "usage  2 models, 90 days, day", run: (db) => getUsage(db, view({ models: [[A], [B]] })) },
  { name: "usage  2 models, share, week", run: (db) => getUsage(db, view({ models: [[A], [B]], metric: "share", interval: "week" })) },
  { name: "usage  a+b, launch, cumulative", run: (db) => getUsage(db, view({ models: [[B, F]], align: "launch", metric: "cumulative", from: "2025-06-01" })) },
  { name: "apps   top 10 of a model, 90 days", run: (db) => getTopApps(db, view({ models: [[A]] })) },
  { name: "compare 2 models, 90 days", run: (db) => getCompare(db, view({ models: [[A], [B]] })) },
  { name: "subsidy top 10 authors, 90 days, week", run: (db) => getSubsidy(db, view({ interval: "week" })) },
  // Edge months cut by the range: the model rankings sum the cut days of the models that can reach the top.
  { name: "subsidy 31 days mid-month, week", run: (db) => getSubsidy(db, view({ interval: "week", from: "2026-01-15", to: "2026-02-14" })) },
  // The all-apps leaderboard (/api/v1/apps without models): every app, summed over its models.
  { name: "apps   all apps, 90 days", run: (db) => getTopApps(db, view({})) },
  // Edge months cut by the range (15 Jan – 14 Feb): day rows read per day, not per month.
  { name: "apps   all apps, 31 days mid-month", run: (db) => getTopApps(db, view({ from: "2026-01-15", to: "2026-02-14" })) },
  // The /apps page: the leaderboard with its category filter's choices.
  { name: "apps   leaderboard page, 90 days", run: (db) => getAppLeaderboard(db, view({}), null) },
  // The markers on a compare chart: launches, price changes and removals of two models (and their variants).
  { name: "events 2 models, 90 days", run: (db) => getViewEvents(db, view({ models: [[A], [B]] })) },
  { name: "events 2 models, all days", run: (db) => getViewEvents(db, view({ models: [[A], [B]], from: "2023-06-05" })) },
  // The header's search box: every model, app and vendor is a candidate.
  { name: "search 'bench model 1'", run: (db) => search(db, "bench model 1") },
  { name: "search 'vendor-2 m'", run: (db) => search(db, "vendor-2 m") },
];

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * Runs one case on both datasets, interleaved (small, large, large, small, …) so that load from anything
 * else on the machine affects both sizes alike; returns p50/p95 per size.
 */
async function measure(c: Case, dbs: Record<string, Db>): Promise<Map<string, { p50: number; p95: number }>> {
  const labels = Object.keys(dbs);
  for (const l of labels) for (let i = 0; i < WARMUP; i++) await c.run(dbs[l]);
  const times = new Map<string, number[]>(labels.map((l) => [l, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const l of i % 2 ? [...labels].reverse() : labels) {
      const t = performance.now();
      await c.run(dbs[l]);
      times.get(l)!.push(performance.now() - t);
    }
  }
  const out = new Map<string, { p50: number; p95: number }>();
  for (const l of labels) {
    const sorted = times.get(l)!.sort((a, b) => a - b);
    out.set(l, { p50: percentile(sorted, 50), p95: percentile(sorted, 95) });
  }
  return out;
}

/**
 * Options (environment): BENCH_RUNS (measured runs per case and size, default 100), BENCH_WARMUP (default 8), BENCH_CASES (a regular
 * expression: only the cases whose name matches), BENCH_KEEP=1 (keep the generated databases), BENCH_REUSE=small=<database>,large=<database> (measure
 * databases generated earlier on the same server, e.g. kept from another run: nothing generated or dropped).
 * Each case's line is printed as soon as it is measured.
 */
export async function runChartApiBench(): Promise<void> {
  const only = process.env.BENCH_CASES ? new RegExp(process.env.BENCH_CASES) : null;
  const cases = CASES.filter((c) => !only || only.test(c.name));
  const reuse = new Map((process.env.BENCH_REUSE ?? "").split(",").filter(Boolean).map((kv) => kv.split("=") as [string, string]));
  console.log(`\nChart API latency (lib queries behind /api/v1/*; ${WARMUP} warm-up runs discarded, ${RUNS} measured per case and size, sizes interleaved)`);
  // How each database is let go at the end: dropped, or kept for a later BENCH_REUSE with BENCH_KEEP=1.
  const release: (() => Promise<void>)[] = [];
  let ok = true;
  try {
    const dbs: Record<string, Db> = {};
    for (const size of SIZES) {
      const name = reuse.get(size.label);
      if (name) {
        const u = new URL(process.env.DATABASE_URL!);
        u.pathname = `/${name}`;
        const handle = await openDb({ url: u.toString(), migrate: false });
        release.push(() => handle.close());
        console.log(`  ${size.label}: database ${name}, generated earlier`);
        dbs[size.label] = handle.db;
        continue;
      }
      const b = await benchDatabase(`chart_${size.label}`);
      release.push(process.env.BENCH_KEEP === "1" ? b.close : b.drop);
      const g = await generateChartDataset(b, size);
      console.log(`  ${size.label}: database ${new URL(b.url).pathname.slice(1)}, ${g.appUsage.toLocaleString("en-US")} app-usage rows, ${g.modelDays.toLocaleString("en-US")} model-day rows, generated in ${g.seconds.toFixed(1)} s`);
      dbs[size.label] = b.handle.db;
    }
    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (x: number) => x.toFixed(1).padStart(7);
    console.log(`\n  ${pad("case", 40)} ${"small p50".padStart(9)} ${"p95".padStart(7)}   ${"large p50".padStart(9)} ${"p95".padStart(7)}   ${"p95 ratio".padStart(9)}  goal`);
    for (const c of cases) {
      const r = await measure(c, dbs);
      const s = r.get("small")!;
      const l = r.get("large")!;
      const ratio = l.p95 / s.p95;
      const pass = l.p95 < 50 && ratio <= 2;
      ok &&= pass;
      console.log(`  ${pad(c.name, 40)} ${num(s.p50)}ms ${num(s.p95)}ms ${num(l.p50)}ms ${num(l.p95)}ms   ${ratio.toFixed(2).padStart(8)}×  ${pass ? "ok" : "MISSED"}`);
    }
  } finally {
    for (const r of release) await r();
  }
  const load = (await import("node:os")).loadavg()[0];
  console.log(`  goal: p95 < 50 ms warm on the large dataset and within 2× of the small one — ${ok ? "met" : "not met"} (reported, not asserted; 1-min load average ${load.toFixed(1)})`);
}

if (process.argv[1] && /chart-api\.ts$/.test(process.argv[1])) {
  runChartApiBench().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
