/**
 * The stored model of each id in a price history. The tracker keys by public id (`openai/o1-mini`,
 * `…:free`), not by permaslug: an id a catalogue already described is that model; an unknown id becomes a
 * model whose permaslug is the id without its `:variant` (what resolve-models does for usage-only
 * permaslugs), so a later catalogue with the real permaslug creates its own row — the price history stays
 * on the first (documented in README "Formats"). Names follow the facts rule: the newest snapshot that
 * states one wins.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/db/pg-array";
import type { PriceHistoryEntry } from "./types";
import { authorOf, splitModelId } from "./values";

export interface HistoryModels {
  idOf: Map<string, number>;
  created: number;
}

export async function resolveHistoryModels(tx: Db, entries: PriceHistoryEntry[], asOfIso: string): Promise<HistoryModels> {
  if (!entries.length) return { idOf: new Map(), created: 0 };
  const ids = entries.map((e) => e.publicId);
  const split = ids.map((id) => splitModelId(id));
  const cols = sql`unnest(${textArray(ids)}::text[], ${textArray(split.map((s) => s.base))}::text[],
                          ${textArray(split.map((s) => s.variant))}::text[], ${textArray(ids.map(authorOf))}::text[],
                          ${textArray(entries.map((e) => e.name))}::text[]) as x(id, slug, variant, author, name)`;
  const [ins] = await rowsOf<{ n: number }>(
    tx,
    sql`with up as (
          insert into models (permaslug, variant, public_id, author)
          select x.slug, x.variant, x.id, x.author from ${cols}
          where not exists (select 1 from models m where m.public_id = x.id)
          on conflict (permaslug, variant) do nothing
          returning id)
        select count(*) as n from up`,
  );
  // Prefer the model the catalogue named with this id; else the identity the id spells.
  const rows = await rowsOf<{ id: string; model_id: number }>(
    tx,
    sql`select x.id, m.id as model_id from ${cols}
        cross join lateral (
          select m.id from models m
          where m.public_id = x.id or (m.permaslug = x.slug and m.variant = x.variant)
          order by (m.public_id = x.id) desc, m.in_catalogue desc, m.id limit 1) m`,
  );
  const idOf = new Map(rows.map((r) => [r.id, Number(r.model_id)]));
  // Two ids may land on one model (the catalogue's id and its permaslug): the larger name, as when merged.
  const named = entries.filter((e) => e.name !== null && idOf.has(e.publicId));
  if (named.length) {
    await tx.execute(
      sql`update models set name = x.name, name_as_of = ${asOfIso}::timestamptz
          from (select distinct on (mid) * from unnest(${plainArray(named.map((e) => idOf.get(e.publicId)!))}::int4[], ${textArray(named.map((e) => e.name))}::text[]) as u(mid, name)
                order by mid, name desc) as x
          where models.id = x.mid and (models.name_as_of is null or ${asOfIso}::timestamptz > models.name_as_of
                or (${asOfIso}::timestamptz = models.name_as_of and x.name > models.name))`,
    );
  }
  return { idOf, created: Number(ins.n) };
}

/**
 * A catalogue names the real permaslug of ids a price history only guessed (`x/y` for `x/y-2025…`). So that
 * the order of snapshots never matters, the guessed model becomes the catalogue's: re-keyed in place when the
 * real identity is not stored yet, else merged into it (prices and listings under the same newest-wins rules,
 * then the guess deleted). A guess is a model no catalogue described and no usage names, known from listings.
 */
export async function adoptGuessedModels(tx: Db, declared: { permaslug: string; variant: string; publicId: string }[]): Promise<void> {
  if (!declared.length) return;
  const x = sql`unnest(${textArray(declared.map((m) => m.publicId))}::text[], ${textArray(declared.map((m) => m.permaslug))}::text[],
                       ${textArray(declared.map((m) => m.variant))}::text[]) as x(id, slug, variant)`;
  const guessed = sql`g.public_id = x.id and g.variant = x.variant and g.permaslug <> x.slug and not g.in_catalogue and g.kind = 'model'
    and exists (select 1 from model_listings l where l.model_id = g.id)
    and not exists (select 1 from model_usage_daily u where u.model_id = g.id)
    and not exists (select 1 from app_usage a where a.model_id = g.id)`;
  const pairs = await rowsOf<{ g: number; r: number | null; slug: string }>(
    tx,
    sql`select g.id as g, r.id as r, x.slug from ${x} join models g on ${guessed}
        left join models r on r.permaslug = x.slug and r.variant = x.variant`,
  );
  const rekey = pairs.filter((p) => p.r === null);
  if (rekey.length) {
    await tx.execute(
      sql`update models set permaslug = y.slug from unnest(${plainArray(rekey.map((p) => Number(p.g)))}::int4[], ${textArray(rekey.map((p) => p.slug))}::text[]) as y(g, slug)
          where models.id = y.g`,
    );
  }
  const merge = pairs.filter((p) => p.r !== null);
  if (!merge.length) return;
  const y = sql`unnest(${plainArray(merge.map((p) => Number(p.g)))}::int4[], ${plainArray(merge.map((p) => Number(p.r)))}::int4[]) as y(g, r)`;
  const checksum = (id: SQL) => sql`(select checksum from snapshots where id = ${id})`;
  await tx.execute(
    sql`insert into model_prices (model_id, day, input_per_m, output_per_m, cache_read_per_m, snapshot_id, as_of)
        select y.r, p.day, p.input_per_m, p.output_per_m, p.cache_read_per_m, p.snapshot_id, p.as_of from model_prices p join ${y} on p.model_id = y.g
        on conflict (model_id, day) do update set input_per_m = excluded.input_per_m, output_per_m = excluded.output_per_m,
          cache_read_per_m = excluded.cache_read_per_m, snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
        where (excluded.as_of, coalesce(excluded.input_per_m, -1), coalesce(excluded.output_per_m, -1), coalesce(excluded.cache_read_per_m, -1))
              > (model_prices.as_of, coalesce(model_prices.input_per_m, -1), coalesce(model_prices.output_per_m, -1), coalesce(model_prices.cache_read_per_m, -1))
           or ((excluded.as_of, coalesce(excluded.input_per_m, -1), coalesce(excluded.output_per_m, -1), coalesce(excluded.cache_read_per_m, -1))
              = (model_prices.as_of, coalesce(model_prices.input_per_m, -1), coalesce(model_prices.output_per_m, -1), coalesce(model_prices.cache_read_per_m, -1))
              and ${checksum(sql`excluded.snapshot_id`)} > ${checksum(sql`model_prices.snapshot_id`)})`,
  );
  const newer = sql`((excluded.last_seen, excluded.as_of) > (model_listings.last_seen, model_listings.as_of)
    or ((excluded.last_seen, excluded.as_of) = (model_listings.last_seen, model_listings.as_of)
        and ${checksum(sql`excluded.snapshot_id`)} > ${checksum(sql`model_listings.snapshot_id`)}))`;
  await tx.execute(
    sql`insert into model_listings (model_id, source, first_seen, last_seen, snapshot_id, as_of)
        select y.r, l.source, l.first_seen, l.last_seen, l.snapshot_id, l.as_of from model_listings l join ${y} on l.model_id = y.g
        on conflict (model_id, source) do update set
          first_seen = least(model_listings.first_seen, excluded.first_seen), last_seen = greatest(model_listings.last_seen, excluded.last_seen),
          snapshot_id = case when ${newer} then excluded.snapshot_id else model_listings.snapshot_id end,
          as_of = case when ${newer} then excluded.as_of else model_listings.as_of end`,
  );
  await tx.execute(
    sql`update models r set name = g.name, name_as_of = g.name_as_of from ${y} join models g on g.id = y.g
        where r.id = y.r and g.name is not null and (r.name_as_of is null or (g.name_as_of, g.name) > (r.name_as_of, r.name))`,
  );
  const gone = plainArray(merge.map((p) => Number(p.g)));
  await tx.execute(sql`delete from model_prices where model_id = any(${gone}::int4[])`);
  await tx.execute(sql`delete from model_listings where model_id = any(${gone}::int4[])`);
  await tx.execute(sql`delete from models where id = any(${gone}::int4[])`);
}
