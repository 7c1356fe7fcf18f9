/**
 * The catalogue (GET /api/v1/models, the model/author picker): every stored model except the `other`
 * bucket, with its latest listed price and its tokens over the range, most used first.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/db/pg-array";
import { getDataBounds, resolveRangeWith } from "@/lib/view/range";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view/state";
import { modelTotals } from "./model-totals";
import { provenanceOf, snapshotIdsOf } from "./provenance";
import { LATEST_PRICE_JOIN, MODEL_SUMMARY_COLUMNS, likePattern, toModelSummary, tokenString, type Row } from "./sql";
import type { AuthorSummary, ModelListItem, ModelsResult } from "./types";

interface ListQuery {
  from: string | null;
  to: string | null;
  authors?: string[];
  variant?: ViewState["variant"];
  q?: string | null;
  ids?: number[];
  permaslugs?: string[];
  limit?: number | null;
}

async function queryModels(db: Db, lq: ListQuery): Promise<{ models: ModelListItem[]; snapshotIds: number[] }> {
  const filters: SQL[] = [sql`m.kind = 'model'`];
  if (lq.authors?.length) filters.push(sql`m.author = any(${textArray(lq.authors)}::text[])`);
  if (lq.variant === "free") filters.push(sql`m.variant = 'free'`);
  if (lq.variant === "paid") filters.push(sql`m.variant <> 'free'`);
  if (lq.ids?.length) filters.push(sql`m.id = any(${plainArray(lq.ids)}::int4[])`);
  if (lq.permaslugs?.length) filters.push(sql`m.permaslug = any(${textArray(lq.permaslugs)}::text[])`);
  if (lq.q) {
    const p = likePattern(lq.q);
    filters.push(sql`(m.public_id ilike ${p} or m.permaslug ilike ${p} or m.name ilike ${p} or m.author ilike ${p})`);
  }
  const usage =
    lq.from && lq.to
      ? modelTotals(lq.from, lq.to, { snapshots: true })
      : sql`(select null::int4 as model_id, null::numeric as tokens, null::int8[] as snaps where false)`;
  // Exact id matches first (the picker), then most used.
  const exact = lq.q ? sql`(lower(m.public_id) = lower(${lq.q}) or lower(m.permaslug) = lower(${lq.q})) desc,` : sql``;
  const rows = await rowsOf<Row>(
    db,
    sql`with t as ${usage}
        select ${MODEL_SUMMARY_COLUMNS}, coalesce(t.tokens, 0)::text as tokens, t.snaps
        from models m ${LATEST_PRICE_JOIN} left join t on t.model_id = m.id
        where ${sql.join(filters, sql` and `)}
        order by ${exact} coalesce(t.tokens, 0) desc, m.public_id, m.variant
        ${lq.limit ? sql`limit ${lq.limit}` : sql``}`,
  );
  return {
    models: rows.map((r) => ({ ...toModelSummary(r), tokens: tokenString(r.tokens) })),
    snapshotIds: snapshotIdsOf([...rows.map((r) => r.snaps), ...rows.map((r) => r.price_snapshot_id)]),
  };
}

/** The catalogue (bucket excluded) with tokens in the range; filtered by state.authors, state.variant and `q`. */
export async function listModels(db: Db, state: ViewState, opts: { q?: string | null } = {}): Promise<ModelsResult> {
  const range = resolveRangeWith(await getDataBounds(db), state);
  const { models, snapshotIds } = await queryModels(db, {
    from: range.empty ? null : range.from,
    to: range.empty ? null : range.to,
    authors: state.authors,
    variant: state.variant,
    q: opts.q ?? null,
  });
  return { from: range.from, to: range.to, models, provenance: await provenanceOf(db, snapshotIds) };
}

/** The picker's search: id, permaslug, name or author containing `q` (case-insensitive), exact ids first, then most used (last 90 days). */
export async function searchModels(db: Db, q: string, limit = 20): Promise<ModelListItem[]> {
  const range = resolveRangeWith(await getDataBounds(db), DEFAULT_VIEW);
  const text = q.trim();
  const { models } = await queryModels(db, {
    from: range.empty ? null : range.from,
    to: range.empty ? null : range.to,
    q: text || null,
    limit: Math.max(1, Math.min(limit, 100)),
  });
  return models;
}

/** Models by id or by permaslug with their tokens over [from, to] (model page variants). */
export async function modelsWithTokens(db: Db, lq: ListQuery) {
  return queryModels(db, lq);
}

/** Every author (vendor) with how many models it has and whether any is a free variant; the bucket is not an author. */
export async function listAuthors(db: Db): Promise<AuthorSummary[]> {
  const rows = await rowsOf<{ author: string; n: number; free: boolean }>(
    db,
    sql`select author, count(*)::int as n, bool_or(variant = 'free') as free from models where kind = 'model' group by author order by author`,
  );
  return rows.map((r) => ({ author: r.author, models: Number(r.n), hasFree: Boolean(r.free) }));
}
