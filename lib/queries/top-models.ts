import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";

export interface TopModel {
  modelId: number;
  publicId: string;
  permaslug: string;
  variant: string;
  author: string;
  name: string | null;
  /** Decimal strings: bigint sums exceed 2^53 over long windows. */
  tokens: string;
  previousTokens: string;
  /** Share of all tokens in the window, `other` bucket included in the denominator. */
  share: number;
}

export interface TopModels {
  from: string | null;
  to: string | null;
  totalTokens: string;
  models: TopModel[];
}

/**
 * Top models by tokens over the `days` days ending at the latest stored day (or `to`), with the same
 * window one period earlier for week-over-week change.
 */
export async function getTopModels(db: Db, opts: { days?: number; limit?: number; to?: string } = {}): Promise<TopModels> {
  const days = opts.days ?? 7;
  const limit = opts.limit ?? 10;
  const [{ last }] = await rowsOf<{ last: string | null }>(
    db,
    opts.to ? sql`select ${opts.to}::text as last` : sql`select max(day)::text as last from model_usage_daily`,
  );
  if (!last) return { from: null, to: null, totalTokens: "0", models: [] };
  const rows = await rowsOf<Record<string, string | number | null>>(
    db,
    sql`with bounds as (
          select ${last}::date as to_day, ${last}::date - ${days - 1}::int as from_day, ${last}::date - ${2 * days - 1}::int as prev_from),
        per_model as (
          select u.model_id,
                 sum(u.total_tokens) filter (where u.day >= b.from_day) as tokens,
                 sum(u.total_tokens) filter (where u.day < b.from_day) as prev_tokens
          from model_usage_daily u, bounds b
          where u.day between b.prev_from and b.to_day
          group by u.model_id),
        total as (select coalesce(sum(tokens), 0) as all_tokens from per_model)
        select m.id, m.public_id, m.permaslug, m.variant, m.author, m.name,
               coalesce(p.tokens, 0)::text as tokens, coalesce(p.prev_tokens, 0)::text as prev_tokens,
               t.all_tokens::text as all_tokens,
               case when t.all_tokens > 0 then (coalesce(p.tokens, 0)::float8 / t.all_tokens::float8) else 0 end as share
        from per_model p join models m on m.id = p.model_id, total t, bounds b
        where m.kind = 'model' and p.tokens > 0
        order by p.tokens desc, m.public_id
        limit ${limit}`,
  );
  const from = new Date(Date.parse(`${last}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return {
    from,
    to: last,
    totalTokens: rows[0] ? String(rows[0].all_tokens) : "0",
    models: rows.map((r) => ({
      modelId: Number(r.id),
      publicId: String(r.public_id),
      permaslug: String(r.permaslug),
      variant: String(r.variant),
      author: String(r.author),
      name: (r.name as string | null) ?? null,
      tokens: String(r.tokens),
      previousTokens: String(r.prev_tokens),
      share: Number(r.share),
    })),
  };
}
