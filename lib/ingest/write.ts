/**
 * Writes a parsed snapshot in one transaction: all or nothing.
 *
 * Rules (each covered by test/integration/ingest.test.ts):
 * - Idempotent: a snapshot is identified by its checksum; the same one again changes nothing.
 * - Restatements: for one key — (day, model), (app, model, period), (model, price day) — the row from the
 *   snapshot with the newest as_of wins, whatever the arrival order. Equal as_of: the larger figure wins, so
 *   the outcome never depends on order.
 * - Concurrency: ingests take one transaction-scoped advisory lock, so concurrent ingests run one by one and
 *   end in the same state as any sequential order (which, by the rule above, is a single state).
 * - Bulk: usage rows go through `INSERT … SELECT FROM unnest(…)`, a fixed number of statements per snapshot.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/lib/db/pg-array";
import { IngestError, IssueList } from "./errors";
import type { AppUsageRow, ModelRecord, ModelRef, ModelUsageRow, ParsedSnapshot } from "./types";
import { resolveModels } from "./resolve-models";

export interface RowCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
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

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK})`);
    const [existing] = await rowsOf<{ id: number; row_counts: IngestSummary["rows"] }>(
      tx,
      sql`select id, row_counts from snapshots where checksum = ${opts.checksum}`,
    );
    if (existing) return duplicateSummary(Number(existing.id), existing.row_counts, base);

    const [{ id: rawId }] = await rowsOf<{ id: number }>(
      tx,
      sql`insert into snapshots (format, source, as_of, checksum, citation, row_counts, is_sample)
          values (${snap.format}, ${snap.source}, ${asOfIso}::timestamptz, ${opts.checksum}, ${citation}, '{}'::jsonb, ${opts.isSample ?? false})
          returning id`,
    );
    const snapshotId = Number(rawId);
    const ctx: WriteContext = { tx, snapshotId, asOfIso };

    const models = await upsertModels(ctx, snap.models);
    const resolved = await resolveModels(tx, snap);
    const prices = await upsertPrices(ctx, snap.models, resolved.declaredIds);
    const modelUsage = await upsertModelUsage(ctx, snap.modelUsage, resolved.idOf);
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

function duplicateSummary(snapshotId: number, stored: IngestSummary["rows"], base: Omit<IngestSummary, "snapshotId" | "duplicate" | "modelsCreated" | "rows">): IngestSummary {
  const none = (c: RowCounts | undefined): RowCounts => ({ rows: c?.rows ?? 0, inserted: 0, updated: 0, unchanged: c?.rows ?? 0 });
  return {
    snapshotId,
    ...base,
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

/** Counts from `insert … returning (xmax = 0)`: fresh rows report xmax 0, updated rows their locker. */
function counts(total: number, returned: { inserted: string | number; changed: string | number }): RowCounts {
  const inserted = Number(returned.inserted);
  const updated = Number(returned.changed) - inserted;
  return { rows: total, inserted, updated, unchanged: total - inserted - updated };
}

const ZERO: RowCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };

async function upsertModels(ctx: WriteContext, all: ModelRecord[]): Promise<RowCounts> {
  if (!all.length) return ZERO;
  // A catalogue may list one identity twice; the last description wins.
  const models = [...new Map(all.map((m) => [`${m.permaslug}:${m.variant}`, m])).values()];
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
  const [r] = await rowsOf<{ inserted: number; changed: number }>(
    ctx.tx,
    sql`with up as (
          insert into models (permaslug, variant, public_id, author, name, launch_date, context_length, in_catalogue, meta_as_of)
          select permaslug, variant, public_id, author, name, launch_date, context_length, true, ${ctx.asOfIso}::timestamptz
          from jsonb_to_recordset(${json}::jsonb)
            as x(permaslug text, variant text, public_id text, author text, name text, launch_date date, context_length int)
          on conflict (permaslug, variant) do update set
            public_id = excluded.public_id, author = excluded.author, name = excluded.name,
            launch_date = excluded.launch_date, context_length = excluded.context_length,
            in_catalogue = true, meta_as_of = excluded.meta_as_of
          where models.meta_as_of is null or excluded.meta_as_of >= models.meta_as_of
          returning (xmax = 0) as ins)
        select count(*) filter (where ins) as inserted, count(*) as changed from up`,
  );
  return counts(all.length, r);
}

async function upsertPrices(ctx: WriteContext, models: ModelRecord[], declaredIds: Map<ModelRecord, number>): Promise<RowCounts> {
  const priced = models.filter((m) => m.price);
  if (!priced.length) return ZERO;
  const day = ctx.asOfIso.slice(0, 10);
  const [r] = await rowsOf<{ inserted: number; changed: number }>(
    ctx.tx,
    sql`with up as (
          insert into model_prices (model_id, day, input_per_m, output_per_m, cache_read_per_m, snapshot_id, as_of)
          select m, ${day}::date, i, o, c, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
          from unnest(${plainArray(priced.map((m) => declaredIds.get(m)!))}::int4[],
                      ${plainArray(priced.map((m) => m.price!.inputPerM))}::numeric[],
                      ${plainArray(priced.map((m) => m.price!.outputPerM))}::numeric[],
                      ${plainArray(priced.map((m) => m.price!.cacheReadPerM))}::numeric[]) as x(m, i, o, c)
          on conflict (model_id, day) do update set
            input_per_m = excluded.input_per_m, output_per_m = excluded.output_per_m,
            cache_read_per_m = excluded.cache_read_per_m, snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
          where excluded.as_of > model_prices.as_of
          returning (xmax = 0) as ins)
        select count(*) filter (where ins) as inserted, count(*) as changed from up`,
  );
  return counts(priced.length, r);
}

type IdOf = (ref: ModelRef) => number;

async function upsertModelUsage(ctx: WriteContext, all: ModelUsageRow[], idOf: IdOf): Promise<RowCounts> {
  const rows = collapseDuplicates(all, (r) => `${r.day}|${idOf(r.model)}`);
  let inserted = 0;
  let changed = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const col = (f: (r: ModelUsageRow) => string | number | null | undefined) => plainArray(chunk.map(f));
    const [r] = await rowsOf<{ inserted: number; changed: number }>(
      ctx.tx,
      sql`with up as (
            insert into model_usage_daily (day, model_id, total_tokens, prompt_tokens, completion_tokens,
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
            where (excluded.as_of, excluded.total_tokens) > (model_usage_daily.as_of, model_usage_daily.total_tokens)
            returning (xmax = 0) as ins)
          select count(*) filter (where ins) as inserted, count(*) as changed from up`,
    );
    inserted += Number(r.inserted);
    changed += Number(r.changed);
  }
  return counts(all.length, { inserted, changed });
}

async function upsertApps(ctx: WriteContext, snap: ParsedSnapshot): Promise<RowCounts> {
  // The same app may appear several times in one snapshot (one row per model): describe it once.
  const byId = new Map(snap.apps.map((a) => [a.appId, a]));
  if (!byId.size) return ZERO;
  const json = JSON.stringify(
    [...byId.values()].map((a) => ({ app_id: a.appId, name: a.name, slug: a.slug ?? null, url: a.url ?? null, categories: a.categories ?? null })),
  );
  const [r] = await rowsOf<{ inserted: number; changed: number }>(
    ctx.tx,
    sql`with up as (
          insert into apps (app_id, name, slug, url, categories, meta_as_of)
          select app_id, name, slug, url, array(select jsonb_array_elements_text(categories)), ${ctx.asOfIso}::timestamptz
          from jsonb_to_recordset(${json}::jsonb) as x(app_id text, name text, slug text, url text, categories jsonb)
          on conflict (app_id) do update set
            name = excluded.name,
            slug = coalesce(excluded.slug, apps.slug),
            url = coalesce(excluded.url, apps.url),
            categories = coalesce(excluded.categories, apps.categories),
            meta_as_of = excluded.meta_as_of
          where apps.meta_as_of is null or excluded.meta_as_of >= apps.meta_as_of
          returning (xmax = 0) as ins)
        select count(*) filter (where ins) as inserted, count(*) as changed from up`,
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
  let inserted = 0;
  let changed = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const col = (f: (r: AppUsageRow) => string | number | null | undefined) => plainArray(chunk.map(f));
    const [r] = await rowsOf<{ inserted: number; changed: number }>(
      ctx.tx,
      sql`with up as (
            insert into app_usage (app_id, model_id, period_kind, period_start, period_end, total_tokens, requests, rank, snapshot_id, as_of)
            select a, m, k, s, e, t, q, r, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
            from unnest(${textArray(chunk.map((r) => r.appId))}::text[], ${col((r) => (r.model ? idOf(r.model) : null))}::int4[],
                        ${col((r) => r.periodKind)}::text[], ${col((r) => r.periodStart)}::date[], ${col((r) => r.periodEnd)}::date[],
                        ${col((r) => r.totalTokens)}::int8[], ${col((r) => r.requests)}::int8[], ${col((r) => r.rank)}::int4[])
              as x(a, m, k, s, e, t, q, r)
            on conflict (app_id, model_id, period_kind, period_start, period_end) do update set
              total_tokens = excluded.total_tokens, requests = excluded.requests, rank = excluded.rank,
              snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
            where (excluded.as_of, excluded.total_tokens) > (app_usage.as_of, app_usage.total_tokens)
            returning (xmax = 0) as ins)
          select count(*) filter (where ins) as inserted, count(*) as changed from up`,
    );
    inserted += Number(r.inserted);
    changed += Number(r.changed);
  }
  return counts(all.length, { inserted, changed });
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
