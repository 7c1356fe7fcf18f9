/**
 * The stored model of each id in a price history. The tracker keys by public id (`openai/o1-mini`,
 * `…:free`), not by permaslug: an id a catalogue already described is that model; an unknown id becomes a
 * model whose permaslug is the id without its `:variant` (what resolve-models does for usage-only
 * permaslugs), so a later catalogue with the real permaslug creates its own row — the price history stays
 * on the first (documented in README "Formats"). Names follow the facts rule: the newest snapshot that
 * states one wins.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/db/pg-array";
import type { PriceHistoryEntry } from "./types";
import { authorOf, splitModelId } from "./values";

export interface HistoryModels {
  idOf: Map<string, number>;
  /** Ids whose prices are written: when two ids land on one model (the catalogue's id and its permaslug),
   * the catalogue's id speaks for it, so one statement never states a (model, day) twice. */
  pricedIds: Set<string>;
  created: number;
}

export async function resolveHistoryModels(tx: Db, entries: PriceHistoryEntry[], asOfIso: string): Promise<HistoryModels> {
  if (!entries.length) return { idOf: new Map(), pricedIds: new Set(), created: 0 };
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
  const rows = await rowsOf<{ id: string; model_id: number; by_id: boolean }>(
    tx,
    sql`select x.id, m.id as model_id, m.by_id from ${cols}
        cross join lateral (
          select m.id, m.public_id = x.id as by_id from models m
          where m.public_id = x.id or (m.permaslug = x.slug and m.variant = x.variant)
          order by (m.public_id = x.id) desc, m.in_catalogue desc, m.id limit 1) m`,
  );
  const idOf = new Map(rows.map((r) => [r.id, Number(r.model_id)]));
  const namedById = new Set(rows.filter((r) => r.by_id).map((r) => Number(r.model_id)));
  const pricedIds = new Set(rows.filter((r) => r.by_id || !namedById.has(Number(r.model_id))).map((r) => r.id));
  const named = entries.filter((e) => e.name !== null && pricedIds.has(e.publicId));
  if (named.length) {
    await tx.execute(
      sql`update models set name = x.name, name_as_of = ${asOfIso}::timestamptz
          from unnest(${plainArray(named.map((e) => idOf.get(e.publicId)!))}::int4[], ${textArray(named.map((e) => e.name))}::text[]) as x(mid, name)
          where models.id = x.mid and (models.name_as_of is null or ${asOfIso}::timestamptz > models.name_as_of
                or (${asOfIso}::timestamptz = models.name_as_of and x.name > models.name))`,
    );
  }
  return { idOf, pricedIds, created: Number(ins.n) };
}
