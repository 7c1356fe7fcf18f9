/**
 * Writes a parsed snapshot in one transaction: all or nothing.
 *
 * Rules (each covered by test/integration/ingest.test.ts):
 * - Idempotent: a snapshot is identified by its checksum; the same one again changes nothing.
 * - Restatements: for one key — (day, model), (app, model, period), (model, price day), a model's or app's
 *   description — the row from the snapshot with the newest as_of wins, whatever the arrival order. Equal
 *   as_of: the larger figure (or description) wins, so the outcome never depends on order.
 * - Whole days: a snapshot that states complete days (rankings-daily: top N + `other`) replaces the days it
 *   states from older snapshots of the same source, so a model that fell into `other` is not counted twice;
 *   a day already stated by a newer snapshot of that source is left as it is.
 * - Sample data is replaced, not mixed: the first real snapshot into a database holding only the sample
 *   clears it in the same transaction.
 * - Concurrency: ingests take one transaction-scoped advisory lock, so concurrent ingests run one by one and
 *   end in the same state as any sequential order (which, by the rule above, is a single state).
 * - Bulk: usage rows go through `INSERT … SELECT FROM unnest(…)`, a fixed number of statements per snapshot.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { iso } from "@/lib/db/row-values";
import { plainArray, textArray } from "@/lib/db/pg-array";
import { IngestError, IssueList } from "./errors";
import type { AppUsageRow, ModelRecord, ModelRef, ModelUsageRow, ParsedSnapshot } from "./types";
import { BUCKET, resolveModels } from "./resolve-models";
import { checkMonthlySumsOrThrow } from "./sums";

export interface RowCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Whole-day snapshots only: rows of older snapshots of the same source deleted from the days this one states. */
  removed?: number;
}

export interface IngestSummary {
  snapshotId: number;
  format: ParsedSnapshot["format"];
  source: string;
  asOf: string;
  citation: string;
  /** True when this exact snapshot was stored before: nothing was written. */
  duplicate: boolean;
  modelsCreated: number;
  rows: {
    models: RowCounts;
    prices: RowCounts;
    modelUsage: RowCounts;
    apps: RowCounts;
    appUsage: RowCounts;
  };
}

export interface WriteOptions {
  checksum: string;
  /** Used when the snapshot states no as_of of its own. */
  fallbackAsOf: Date;
  isSample?: boolean;
}

const INGEST_LOCK = 727274002;
/** Rows per unnest statement: bounds the size of one parameter while keeping statements few. */
const CHUNK = 200_000;

export async function writeSnapshot(db: Db, snap: ParsedSnapshot, opts: WriteOptions): Promise<IngestSummary> {
  const asOf = snap.asOf ?? opts.fallbackAsOf;
  const asOfIso = asOf.toISOString();
  const citation = snap.citation.replaceAll("{as_of}", asOfIso.slice(0, 10));
  const base = { format: snap.format, source: snap.source, asOf: asOfIso, citation };
  checkMonthlySumsOrThrow(snap.modelUsage);

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK})`);
    const [existing] = await rowsOf<StoredSnapshot>(
      tx,
      sql`select id, format, source, as_of, citation, row_counts from snapshots where checksum = ${opts.checksum}`,
    );
    if (existing) return duplicateSummary(existing);
    if (!opts.isSample) await replaceSampleData(tx);

    const [{ id: rawId }] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into snapshots (format, source, as_of, checksum, citation, row_counts, is_sample)
          values (${snap.format}, ${snap.source}, ${asOfIso}::timestamptz, ${opts.checksum}, ${citation}, '{}'::jsonb, ${opts.isSample ?? false})
          returning id`,
    );
    const snapshotId = Number(rawId);
    const ctx: WriteContext = { tx, snapshotId, asOfIso };

    const declared = [...new Map(snap.models.map((m) => [`${m.permaslug}:${m.variant}`, m])).values()]; // last wins
    const models = await upsertModels(ctx, declared);
    const resolved = await resolveModels(tx, snap);
    const prices = await upsertPrices(ctx, declared, resolved.declaredIds);
    const usageRows = snap.wholeDays ? await replaceWholeDays(ctx, snap, opts.checksum) : { rows: snap.modelUsage, removed: 0 };
    const written = await upsertModelUsage(ctx, usageRows.rows, resolved.idOf);
    const modelUsage: RowCounts = {
      rows: snap.modelUsage.length,
      inserted: written.inserted,
      updated: written.updated,
      unchanged: snap.modelUsage.length - written.inserted - written.updated,
      ...(snap.wholeDays ? { removed: usageRows.removed } : {}),
    };
    const apps = await upsertApps(ctx, snap);
    const appUsage = await upsertAppUsage(ctx, snap.appUsage, resolved.idOf);

    const rows = { models, prices, modelUsage, apps, appUsage };
    await tx.execute(sql`update snapshots set row_counts = ${JSON.stringify(rows)}::jsonb where id = ${snapshotId}`);
    return { snapshotId, ...base, duplicate: false, modelsCreated: models.inserted + resolved.created, rows };
  });
}

interface WriteContext {
  tx: Db;
  snapshotId: number;
  asOfIso: string;
}

interface StoredSnapshot {
  id: number;
  format: ParsedSnapshot["format"];
  source: string;
  as_of: unknown;
  citation: string;
  row_counts: IngestSummary["rows"] | string;
}

/** The answer for a snapshot stored before: what was stored then, nothing written now. */
function duplicateSummary(s: StoredSnapshot): IngestSummary {
  const stored = (typeof s.row_counts === "string" ? JSON.parse(s.row_counts) : s.row_counts) as IngestSummary["rows"];
  const none = (c: RowCounts | undefined): RowCounts => ({ rows: c?.rows ?? 0, inserted: 0, updated: 0, unchanged: c?.rows ?? 0 });
  return {
    snapshotId: Number(s.id),
    format: s.format,
    source: s.source,
    asOf: iso(s.as_of),
    citation: s.citation,
    duplicate: true,
    modelsCreated: 0,
    rows: {
      models: none(stored.models),
      prices: none(stored.prices),
      modelUsage: none(stored.modelUsage),
      apps: none(stored.apps),
      appUsage: none(stored.appUsage),
    },
  };
}

interface Changed {
  inserted: number;
  changed: number;
}

/**
 * Runs an `insert … on conflict do update … where …` and counts what it did in one round trip: rows it
 * inserted (xmax = 0) and rows it inserted or updated; rows the where clause kept are not returned.
 */
async function upsertCounting(tx: Db, insert: SQL): Promise<Changed> {
  const [r] = await rowsOf<{ inserted: string | number; changed: string | number }>(
    tx,
    sql`with up as (${insert} returning (xmax = 0) as ins)
        select count(*) filter (where ins) as inserted, count(*) as changed from up`,
  );
  return { inserted: Number(r.inserted), changed: Number(r.changed) };
}

/** Bulk statements in chunks of CHUNK rows (bounded parameter size), their counts summed. */
async function inChunks<T>(rows: T[], run: (chunk: T[]) => Promise<Changed>): Promise<Changed> {
  const total: Changed = { inserted: 0, changed: 0 };
  for (let start = 0; start < rows.length; start += CHUNK) {
    const r = await run(rows.slice(start, start + CHUNK));
    total.inserted += r.inserted;
    total.changed += r.changed;
  }
  return total;
}

/** Counts from `insert … returning (xmax = 0)`: fresh rows report xmax 0, updated rows their locker. */
function counts(total: number, returned: Changed): RowCounts {
  const inserted = returned.inserted;
  const updated = returned.changed - inserted;
  return { rows: total, inserted, updated, unchanged: total - inserted - updated };
}

const ZERO: RowCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };

async function upsertModels(ctx: WriteContext, models: ModelRecord[]): Promise<RowCounts> {
  if (!models.length) return ZERO;
  const bucket = models.find((m) => m.permaslug === BUCKET.permaslug);
  if (bucket) throw new IngestError(422, `"${BUCKET.permaslug}" is the bucket of all other models, not a model`, [{ path: "models", message: `a model may not use the permaslug "${BUCKET.permaslug}"` }]);
  const json = JSON.stringify(
    models.map((m) => ({
      permaslug: m.permaslug,
      variant: m.variant,
      public_id: m.publicId,
      author: m.author,
      name: m.name,
      launch_date: m.launchDate,
      context_length: m.contextLength,
    })),
  );
  const r = await upsertCounting(
    ctx.tx,
    sql`insert into models (permaslug, variant, public_id, author, name, launch_date, context_length, in_catalogue, meta_as_of)
          select permaslug, variant, public_id, author, name, launch_date, context_length, true, ${ctx.asOfIso}::timestamptz
          from jsonb_to_recordset(${json}::jsonb)
            as x(permaslug text, variant text, public_id text, author text, name text, launch_date date, context_length int)
          on conflict (permaslug, variant) do update set
            public_id = excluded.public_id, author = excluded.author,
            -- a description that omits a fact does not erase what an earlier one said
            name = coalesce(excluded.name, models.name),
            launch_date = coalesce(excluded.launch_date, models.launch_date),
            context_length = coalesce(excluded.context_length, models.context_length),
            in_catalogue = true, meta_as_of = excluded.meta_as_of
          where models.kind = 'model' and (models.meta_as_of is null
            or (excluded.meta_as_of, excluded.public_id, coalesce(excluded.name, ''), coalesce(excluded.launch_date, '0001-01-01'), coalesce(excluded.context_length, -1))
             > (models.meta_as_of, models.public_id, coalesce(models.name, ''), coalesce(models.launch_date, '0001-01-01'), coalesce(models.context_length, -1)))`,
  );
  return counts(models.length, r);
}

async function upsertPrices(ctx: WriteContext, models: ModelRecord[], declaredIds: Map<ModelRecord, number>): Promise<RowCounts> {
  const priced = models.filter((m) => m.price);
  if (!priced.length) return ZERO;
  const day = ctx.asOfIso.slice(0, 10);
  const r = await upsertCounting(
    ctx.tx,
    sql`insert into model_prices (model_id, day, input_per_m, output_per_m, cache_read_per_m, snapshot_id, as_of)
          select m, ${day}::date, i, o, c, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
          from unnest(${plainArray(priced.map((m) => declaredIds.get(m)!))}::int4[],
                      ${plainArray(priced.map((m) => m.price!.inputPerM))}::numeric[],
                      ${plainArray(priced.map((m) => m.price!.outputPerM))}::numeric[],
                      ${plainArray(priced.map((m) => m.price!.cacheReadPerM))}::numeric[]) as x(m, i, o, c)
          on conflict (model_id, day) do update set
            input_per_m = excluded.input_per_m, output_per_m = excluded.output_per_m,
            cache_read_per_m = excluded.cache_read_per_m, snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
          where (excluded.as_of, coalesce(excluded.input_per_m, -1), coalesce(excluded.output_per_m, -1), coalesce(excluded.cache_read_per_m, -1))
              > (model_prices.as_of, coalesce(model_prices.input_per_m, -1), coalesce(model_prices.output_per_m, -1), coalesce(model_prices.cache_read_per_m, -1))`,
  );
  return counts(priced.length, r);
}

type IdOf = (ref: ModelRef) => number;

async function upsertModelUsage(ctx: WriteContext, all: ModelUsageRow[], idOf: IdOf): Promise<RowCounts> {
  const rows = collapseDuplicates(all, (r) => `${r.day}|${idOf(r.model)}`);
  return counts(all.length, await inChunks(rows, (chunk) => {
    const col = (f: (r: ModelUsageRow) => string | number | null | undefined) => plainArray(chunk.map(f));
    return upsertCounting(
      ctx.tx,
      sql`insert into model_usage_daily (day, model_id, total_tokens, prompt_tokens, completion_tokens,
                                           reasoning_tokens, cached_tokens, requests, snapshot_id, as_of)
            select d, m, t, p, c, r, k, q, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
            from unnest(${col((r) => r.day)}::date[], ${col((r) => idOf(r.model))}::int4[],
                        ${col((r) => r.totalTokens)}::int8[], ${col((r) => r.promptTokens)}::int8[],
                        ${col((r) => r.completionTokens)}::int8[], ${col((r) => r.reasoningTokens)}::int8[],
                        ${col((r) => r.cachedTokens)}::int8[], ${col((r) => r.requests)}::int8[])
              as x(d, m, t, p, c, r, k, q)
            on conflict (day, model_id) do update set
              total_tokens = excluded.total_tokens, prompt_tokens = excluded.prompt_tokens,
              completion_tokens = excluded.completion_tokens, reasoning_tokens = excluded.reasoning_tokens,
              cached_tokens = excluded.cached_tokens, requests = excluded.requests,
              snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
            where (excluded.as_of, excluded.total_tokens) > (model_usage_daily.as_of, model_usage_daily.total_tokens)`,
    );
  }));
}

async function upsertApps(ctx: WriteContext, snap: ParsedSnapshot): Promise<RowCounts> {
  // The same app may appear several times in one snapshot (one row per model): describe it once.
  const byId = new Map(snap.apps.map((a) => [a.appId, a]));
  if (!byId.size) return ZERO;
  const json = JSON.stringify(
    [...byId.values()].map((a) => ({ app_id: a.appId, name: a.name, slug: a.slug ?? null, url: a.url ?? null, categories: a.categories ?? null })),
  );
  const r = await upsertCounting(
    ctx.tx,
    sql`insert into apps (app_id, name, slug, url, categories, meta_as_of)
          select app_id, name, slug, url, array(select jsonb_array_elements_text(categories)), ${ctx.asOfIso}::timestamptz
          from jsonb_to_recordset(${json}::jsonb) as x(app_id text, name text, slug text, url text, categories jsonb)
          on conflict (app_id) do update set
            name = excluded.name,
            slug = coalesce(excluded.slug, apps.slug),
            url = coalesce(excluded.url, apps.url),
            categories = coalesce(excluded.categories, apps.categories),
            meta_as_of = excluded.meta_as_of
          where apps.meta_as_of is null
            or (excluded.meta_as_of, excluded.name, coalesce(excluded.slug, ''), coalesce(excluded.url, ''))
             > (apps.meta_as_of, apps.name, coalesce(apps.slug, ''), coalesce(apps.url, ''))`,
  );
  // An app usage row may name an app described only by an earlier snapshot; anything else is unknown.
  const referenced = [...new Set(snap.appUsage.map((u) => u.appId))].filter((id) => !byId.has(id));
  if (referenced.length) {
    const known = await rowsOf<{ app_id: string }>(
      ctx.tx,
      sql`select app_id from apps where app_id = any(${textArray(referenced)}::text[])`,
    );
    const knownSet = new Set(known.map((k) => k.app_id));
    const issues = new IssueList();
    for (const u of snap.appUsage) {
      if (!byId.has(u.appId) && !knownSet.has(u.appId)) issues.add(`${u.path}.app`, `unknown app "${u.appId}": declare it in "apps"`);
    }
    issues.throwIfAny("unknown app");
  }
  return counts(byId.size, r);
}

async function upsertAppUsage(ctx: WriteContext, all: AppUsageRow[], idOf: IdOf): Promise<RowCounts> {
  const rows = collapseDuplicates(
    all,
    (r) => `${r.appId}|${r.model ? idOf(r.model) : ""}|${r.periodKind}|${r.periodStart}|${r.periodEnd}`,
  );
  return counts(all.length, await inChunks(rows, (chunk) => {
    const col = (f: (r: AppUsageRow) => string | number | null | undefined) => plainArray(chunk.map(f));
    return upsertCounting(
      ctx.tx,
      sql`insert into app_usage (app_id, model_id, period_kind, period_start, period_end, total_tokens, requests, rank, snapshot_id, as_of)
            select a, m, k, s, e, t, q, r, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
            from unnest(${textArray(chunk.map((r) => r.appId))}::text[], ${col((r) => (r.model ? idOf(r.model) : null))}::int4[],
                        ${col((r) => r.periodKind)}::text[], ${col((r) => r.periodStart)}::date[], ${col((r) => r.periodEnd)}::date[],
                        ${col((r) => r.totalTokens)}::int8[], ${col((r) => r.requests)}::int8[], ${col((r) => r.rank)}::int4[])
              as x(a, m, k, s, e, t, q, r)
            on conflict (app_id, model_id, period_kind, period_start, period_end) do update set
              total_tokens = excluded.total_tokens, requests = excluded.requests, rank = excluded.rank,
              snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
            where (excluded.as_of, excluded.total_tokens) > (app_usage.as_of, app_usage.total_tokens)`,
    );
  }));
}

/**
 * For a snapshot stating complete days: drop its rows for days a newer snapshot of the same source already
 * states (the newer partition stands), and delete older partitions of the days it states (a model that fell
 * into `other` must not keep its old row beside the new `other`). Ties on as_of: the larger checksum is newer.
 */
async function replaceWholeDays(ctx: WriteContext, snap: ParsedSnapshot, checksum: string): Promise<{ rows: ModelUsageRow[]; removed: number }> {
  const days = [...new Set(snap.modelUsage.map((r) => r.day))];
  if (!days.length) return { rows: snap.modelUsage, removed: 0 };
  const newer = sql`(s.as_of, s.checksum) > (${ctx.asOfIso}::timestamptz, ${checksum})`;
  const owned = await rowsOf<{ day: string }>(
    ctx.tx,
    sql`select distinct u.day::text as day from model_usage_daily u join snapshots s on s.id = u.snapshot_id
        where u.day = any(${plainArray(days)}::date[]) and s.format = ${snap.format} and s.source = ${snap.source} and ${newer}`,
  );
  const ownedDays = new Set(owned.map((o) => o.day));
  const mine = ownedDays.size ? days.filter((d) => !ownedDays.has(d)) : days;
  let removed = 0;
  if (mine.length) {
    const [r] = await rowsOf<{ n: number }>(
      ctx.tx,
      sql`with gone as (
            delete from model_usage_daily u using snapshots s
            where s.id = u.snapshot_id and u.day = any(${plainArray(mine)}::date[])
              and s.format = ${snap.format} and s.source = ${snap.source} and not ${newer} and s.id <> ${ctx.snapshotId}
            returning 1)
          select count(*) as n from gone`,
    );
    removed = Number(r.n);
  }
  return { rows: ownedDays.size ? snap.modelUsage.filter((r) => !ownedDays.has(r.day)) : snap.modelUsage, removed };
}

/** The sample is a stand-in: when real data arrives into a database holding only the sample, it goes. */
async function replaceSampleData(tx: Db): Promise<void> {
  const [r] = await rowsOf<{ sample_only: boolean }>(
    tx,
    sql`select exists(select 1 from snapshots where is_sample) and not exists(select 1 from snapshots where not is_sample) as sample_only`,
  );
  if (!r?.sample_only) return;
  await tx.execute(sql`truncate app_usage, model_usage_daily, model_prices, apps, models, snapshots`);
}

/**
 * Postgres refuses to upsert one key twice in a statement, and two different values for one key in one
 * snapshot are a contradiction: identical repeats collapse, conflicting ones reject the snapshot naming both rows.
 */
function collapseDuplicates<T extends { path: string; totalTokens: string }>(rows: T[], key: (r: T) => string): T[] {
  const issues = new IssueList();
  const seen = new Map<string, T>();
  const kept: T[] = [];
  for (const r of rows) {
    const k = key(r);
    const first = seen.get(k);
    if (!first) {
      seen.set(k, r);
      kept.push(r);
    } else if (first.totalTokens !== r.totalTokens) {
      issues.add(r.path, `restates ${first.path} for the same key with a different value (${first.totalTokens} vs ${r.totalTokens})`);
    }
  }
  issues.throwIfAny("conflicting duplicate rows");
  return kept.length === rows.length ? rows : kept;
}

export { IngestError };
